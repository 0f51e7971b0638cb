"""A small Mastodon account archive for the tests (tests/test_sources_mastodon_archive*.py),
written by hand after the ActivityStreams files Mastodon's "Request your archive" gives: rosa's
outbox (a post, a reply, a thread, a boost and a direct message), her actor.json and avatar,
likes and a media file, packed as the .tar.gz Mastodon sends; and the import run on it."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.models import Post
from staffpulse.store import open_store

runner = CliRunner()
HOME = "https://mastodon.example"
ME = f"{HOME}/users/rosa"
PUBLIC = "https://www.w3.org/ns/activitystreams#Public"
CONTEXT = ["https://www.w3.org/ns/activitystreams", {"ostatus": "http://ostatus.org#"}]
AVATAR = b"\x89PNG\r\n\x1a\n" + b"avatar-pixels" * 1000  # past the head a ZIP unpacks first


def create_activity(number: str, html: str, **note: Any) -> dict[str, Any]:
    uri = f"{ME}/statuses/{number}"
    return {
        "id": f"{uri}/activity",
        "type": "Create",
        "actor": ME,
        "published": "2026-10-01T09:00:00Z",
        "to": [PUBLIC],
        "cc": [f"{ME}/followers"],
        "object": {
            "id": uri,
            "type": "Note",
            "inReplyTo": None,
            "published": "2026-10-01T09:00:00Z",
            "url": f"{HOME}/@rosa/{number}",
            "attributedTo": ME,
            "to": [PUBLIC],
            "cc": [f"{ME}/followers"],
            "content": html,
            "contentMap": {"en": html},
            "tag": [],
            **note,
        },
    }


def rosa_outbox() -> dict[str, Any]:
    original = create_activity(
        "1001",
        '<p>We are hiring nurses! <a href="https://jobs.example/n" rel="nofollow">apply</a> '
        '<a href="https://mastodon.example/tags/Hiring" class="mention hashtag">#<span>Hiring'
        "</span></a></p><p>Second line</p>",
        tag=[{"type": "Hashtag", "href": f"{HOME}/tags/hiring", "name": "#Hiring"}],
    )
    reply = create_activity(
        "1002",
        '<p><span class="h-card"><a href="https://other.example/@dana" class="u-url mention">'
        "@<span>dana</span></a></span> thanks for the shoutout!</p>",
        inReplyTo="https://other.example/users/dana/statuses/777",
        tag=[
            {
                "type": "Mention",
                "href": "https://other.example/users/dana",
                "name": "@dana@other.example",
            }
        ],
    )
    thread = create_activity(
        "1003", "<p>More on that: shifts start at 7.</p>", inReplyTo=f"{ME}/statuses/1001"
    )
    boost = {
        "id": f"{ME}/statuses/1004/activity",
        "type": "Announce",
        "actor": ME,
        "published": "2026-10-02T10:00:00Z",
        "to": [PUBLIC],
        "cc": ["https://other.example/users/dana", f"{ME}/followers"],
        "object": "https://other.example/users/dana/statuses/778",
    }
    secret = create_activity("1005", "<p>@dana my salary is...</p>")
    secret["to"] = secret["object"]["to"] = ["https://other.example/users/dana"]
    secret["cc"] = secret["object"]["cc"] = []
    items = [original, reply, thread, boost, secret]
    return {
        "@context": CONTEXT,
        "id": "outbox.json",
        "type": "OrderedCollection",
        "totalItems": len(items),
        "orderedItems": items,
    }


def rosa_actor() -> dict[str, Any]:
    return {
        "@context": CONTEXT,
        "id": ME,
        "type": "Person",
        "following": f"{ME}/following",
        "followers": f"{ME}/followers",
        "outbox": "outbox.json",
        "preferredUsername": "rosa",
        "name": "Rosa at Harbor Staffing",
        "summary": "<p>Recruiter for nurses &amp; carers.</p><p>Ask me anything</p>",
        "url": f"{HOME}/@rosa",
        "published": "2022-11-05T00:00:00Z",
        "icon": {"type": "Image", "mediaType": "image/png", "url": "avatar.png"},
        "likes": "likes.json",
        "bookmarks": "bookmarks.json",
    }


def archive_members() -> dict[str, bytes]:
    """The archive's files in the order Mastodon writes them: media first, actor.json last."""
    likes = {
        "@context": CONTEXT,
        "id": "likes.json",
        "type": "OrderedCollection",
        "orderedItems": ["https://other.example/users/dana/statuses/1"],
    }
    return {
        "media_attachments/files/000/001/original/photo.jpg": b"\xff\xd8\xff" + b"0" * 3000,
        "outbox.json": json.dumps(rosa_outbox()).encode(),
        "likes.json": json.dumps(likes).encode(),
        "avatar.png": AVATAR,
        "actor.json": json.dumps(rosa_actor()).encode(),
    }


def write_tar_gz(target: Path, members: dict[str, bytes]) -> Path:
    with tarfile.open(target, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 1_790_000_000
            tar.addfile(info, io.BytesIO(data))
    return target


def run_import(db: Path, *paths: Path) -> Any:
    result = runner.invoke(app, ["import", *map(str, paths), "--db", str(db)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def rosa_posts(db: Path) -> dict[str, Post]:
    with open_store(db) as store:
        return {post.id: post for post in store.posts_by("mastodon", f"{HOME}/@rosa")}
