"""The Bluesky repo export (repo.car) imports: posts, replies, reposts, the profile and the
follows, under the ids a live fetch gives them, so the two never make duplicates."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import libipld
import pytest
from typer.testing import CliRunner

from car_helpers import DID, REV, Repo, small_car
from staffpulse.cli.app import app
from staffpulse.models import Post
from staffpulse.sources import detect
from staffpulse.sources.car_blocks import parse_car, tid_time, walk_tree
from staffpulse.store import open_store

runner = CliRunner()
DANA = "did:plc:dana2other"
AVATAR_CID = bytes([1, 0x55, 0x12, 0x20]) + hashlib.sha256(b"avatar").digest()  # a raw blob


def _records() -> dict[str, dict[str, Any]]:
    hiring = "We are hiring nurses in Leeds! @dana.bsky.social #hiring"
    start = hiring.encode().index(b"@dana")
    tag = hiring.encode().index(b"#hiring")
    return {
        "app.bsky.actor.profile/self": {
            "$type": "app.bsky.actor.profile",
            "displayName": "Rosa at Harbor Staffing",
            "description": "Recruiter for nurses & carers.",
            "avatar": {"$type": "blob", "ref": AVATAR_CID, "mimeType": "image/jpeg", "size": 6},
        },
        "app.bsky.feed.post/3kaaaaaaaaa22": {
            "$type": "app.bsky.feed.post",
            "text": hiring,
            "createdAt": "2026-10-01T09:00:00.000Z",
            "langs": ["en"],
            "facets": [
                {
                    "index": {"byteStart": start, "byteEnd": start + 17},
                    "features": [{"$type": "app.bsky.richtext.facet#mention", "did": DANA}],
                },
                {
                    "index": {"byteStart": tag, "byteEnd": tag + 7},
                    "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "hiring"}],
                },
            ],
        },
        "app.bsky.feed.post/3kaaaaaaaab22": {
            "$type": "app.bsky.feed.post",
            "text": "thanks for the shoutout!",
            "createdAt": "2026-10-02T09:00:00.000Z",
            "reply": {
                "root": {"uri": f"at://{DANA}/app.bsky.feed.post/3kroot", "cid": "bafyroot"},
                "parent": {"uri": f"at://{DANA}/app.bsky.feed.post/3kparent", "cid": "bafyp"},
            },
        },
        "app.bsky.feed.repost/3kaaaaaaaac22": {
            "$type": "app.bsky.feed.repost",
            "subject": {"uri": f"at://{DANA}/app.bsky.feed.post/3kshared", "cid": "bafys"},
            "createdAt": "2026-10-03T09:00:00.000Z",
        },
        "app.bsky.graph.follow/3kaaaaaaaad22": {
            "$type": "app.bsky.graph.follow",
            "subject": DANA,
            "createdAt": "2026-01-01T00:00:00.000Z",
        },
        "app.bsky.feed.like/3kaaaaaaaae22": {
            "$type": "app.bsky.feed.like",
            "subject": {"uri": f"at://{DANA}/app.bsky.feed.post/3kshared", "cid": "bafys"},
            "createdAt": "2026-10-03T09:00:00.000Z",
        },
    }


def _repo_car(tmp_path: Path, name: str = "repo.car") -> Path:
    path = tmp_path / name
    path.write_bytes(Repo().car(_records()))
    return path


def _import(db: Path, *paths: Path, json_out: bool = False) -> Any:
    args = ["import", *map(str, paths), "--db", str(db), *(["--json"] if json_out else [])]
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def _posts(db: Path) -> dict[str, Post]:
    with open_store(db) as store:
        return {post.id: post for post in store.posts_by("bluesky", DID)}


def test_the_tree_is_walked_with_its_compressed_keys(tmp_path: Path) -> None:
    car = parse_car(_repo_car(tmp_path).read_bytes())
    commit = libipld.decode_dag_cbor(car.blocks[car.roots[0]])
    keys = sorted(key for key, _cid in walk_tree(car, commit["data"]).entries)
    assert keys == sorted(_records())
    assert tid_time(REV) is not None and tid_time("not-a-tid") is None


def test_repo_car_imports_posts_replies_reposts_profile_and_follows(tmp_path: Path) -> None:
    path = _repo_car(tmp_path)
    assert detect(path).label == "Bluesky repo export (CAR)"
    result = _import(tmp_path / "db.sqlite", path)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "Imported 3 posts (3 new), 1 account (1 new), 1 follow (1 new)" in said
    # the handle is not in the export, and the store knows none: the user is told how to learn it
    assert "fetch bluesky HANDLE" in said and DID in said  # on the store given (--db)
    # and whose repo it is, by the name a person knows: a repo of another account shows at once
    assert f'({DID}, named "Rosa at Harbor Staffing")' in said
    posts = _posts(tmp_path / "db.sqlite")
    first = posts[f"at://{DID}/app.bsky.feed.post/3kaaaaaaaaa22"]
    assert first.kind == "original" and first.text.startswith("We are hiring nurses")
    assert first.mentions == ("dana.bsky.social",) and first.hashtags == ("hiring",)
    assert first.lang == "en"
    reply = posts[f"at://{DID}/app.bsky.feed.post/3kaaaaaaaab22"]
    assert reply.kind == "reply"
    assert reply.reply_to_post_id == f"at://{DANA}/app.bsky.feed.post/3kparent"
    assert reply.reply_to_account_id == DANA
    repost = posts[f"at://{DANA}/app.bsky.feed.post/3kshared#repost-by-{DID}"]
    assert repost.kind == "repost"
    assert repost.reposted_post_id == f"at://{DANA}/app.bsky.feed.post/3kshared"
    with open_store(tmp_path / "db.sqlite") as store:
        rosa = store.get_account("bluesky", DID)
        assert store.follows_of("bluesky", DID) == {DANA}
    assert rosa is not None
    assert rosa.display_name == "Rosa at Harbor Staffing"
    assert rosa.bio == "Recruiter for nurses & carers."
    assert rosa.avatar_url and rosa.avatar_url.startswith(
        f"https://cdn.bsky.app/img/avatar/plain/{DID}/bafkrei"
    )


def test_importing_repo_car_twice_adds_nothing(tmp_path: Path) -> None:
    path = _repo_car(tmp_path)
    _import(tmp_path / "db.sqlite", path)
    again = json.loads(_import(tmp_path / "db.sqlite", path, json_out=True).stdout)
    assert again["new"] == {"accounts": 0, "posts": 0, "follows": 0}
    assert again["imported"]["posts"] == 3


def test_posts_fetched_before_are_not_duplicated_and_the_handle_is_kept(tmp_path: Path) -> None:
    author = {"did": DID, "handle": "rosa.bsky.social", "displayName": "Rosa"}
    shared_author = {"did": DANA, "handle": "dana.bsky.social"}
    uri = f"at://{DID}/app.bsky.feed.post/3kaaaaaaaaa22"
    feed = {  # app.bsky.feed.getAuthorFeed, as `fetch bluesky` or a saved response has it
        "feed": [
            {
                "post": {
                    "uri": uri,
                    "cid": "bafyx",
                    "author": author,
                    "record": _records()["app.bsky.feed.post/3kaaaaaaaaa22"],
                    "indexedAt": "2026-10-01T09:00:01.000Z",
                }
            },
            {
                "post": {
                    "uri": f"at://{DANA}/app.bsky.feed.post/3kshared",
                    "cid": "bafys",
                    "author": shared_author,
                    "record": {"text": "shared", "createdAt": "2026-10-03T08:00:00.000Z"},
                },
                "reason": {
                    "$type": "app.bsky.feed.defs#reasonRepost",
                    "by": author,
                    "indexedAt": "2026-10-03T09:00:00.000Z",
                },
            },
        ]
    }
    saved = tmp_path / "feed.json"
    saved.write_text(json.dumps(feed))
    _import(tmp_path / "db.sqlite", saved)
    result = _import(tmp_path / "db.sqlite", _repo_car(tmp_path))
    said = " ".join(result.output.split())
    # the reply is new; the post and the repost were there, and nothing in them changed
    assert "Imported 3 posts (1 new), 1 account (0 new, 1 profile updated)" in said
    assert "fetch bluesky HANDLE" not in said  # the store knew the handle
    assert len(_posts(tmp_path / "db.sqlite")) == 3
    with open_store(tmp_path / "db.sqlite") as store:
        rosa = store.get_account("bluesky", DID)
        handles = [summary.account.handle for summary in store.list_accounts("bluesky")]
    assert rosa is not None and rosa.handle == "rosa.bsky.social"
    assert rosa.bio == "Recruiter for nurses & carers."  # the export's profile came in
    assert sorted(handles) == ["dana.bsky.social", "rosa.bsky.social"]


def test_a_repo_car_cut_short_says_so_and_keeps_what_it_read(tmp_path: Path) -> None:
    whole = Repo().car(_records())
    cut = tmp_path / "repo.car"
    cut.write_bytes(whole[: len(whole) - 40])  # inside the last record, the follow
    result = _import(tmp_path / "db.sqlite", cut)
    said = " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert "repo.car: it ends in the middle" in said and "at least 1 record was not read" in said
    assert "Export my data" in said
    assert "Imported 3 posts (3 new), 1 account (1 new). Skipped 1 record" in said


def test_a_repo_car_cut_before_its_records_imports_nothing_and_says_so(tmp_path: Path) -> None:
    cut = tmp_path / "repo.car"
    cut.write_bytes(Repo().car(_records())[:300])
    result = _import(tmp_path / "db.sqlite", cut)
    said = " ".join(result.output.split())
    assert "nothing in the repository could be read" in said and "Export my data" in said
    assert result.exit_code == 1


def test_a_file_named_car_that_is_not_one_is_told_what_to_do(tmp_path: Path) -> None:
    bogus = tmp_path / "repo.car"
    bogus.write_bytes(b"<html>Sign in to Bluesky</html>")
    result = _import(tmp_path / "db.sqlite", bogus)
    said = " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert result.exit_code == 65  # refused unread, as any file of no known format
    assert "repo.car" in said and "named .car, but not a CAR file" in said
    assert "fetch bluesky HANDLE" in said  # on the store given (--db)
    with open_store(tmp_path / "db.sqlite") as store:  # nothing was read, no run recorded
        assert store.conn.execute("SELECT count(*) FROM runs").fetchone()[0] == 0


def test_a_repo_car_cut_inside_its_header_is_told_cut_short(tmp_path: Path) -> None:
    cut = tmp_path / "repo.car"
    cut.write_bytes(Repo().car(_records())[:20])  # the header is longer than 20 bytes
    said = " ".join(_import(tmp_path / "db.sqlite", cut).output.split())
    assert "repo.car: the file is cut short inside its CAR header" in said
    assert "not a Bluesky repo export" not in said and "Export my data" in said


def test_a_repo_export_is_recognised_by_its_content_whatever_its_name(tmp_path: Path) -> None:
    path = _repo_car(tmp_path, "download (1).bin")
    assert detect(path).label == "Bluesky repo export (CAR)"


@pytest.mark.filterwarnings("ignore:Using .httpx.")  # the test client's, not ours
def test_the_import_page_offers_and_imports_repo_car(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from web_helpers import finished_job, make_client, upload_files

    with make_client(tmp_path / "web.db") as client:
        page = client.get("/import").text
        status = finished_job(client, upload_files(client, [("repo.car", Repo().car(_records()))]))
        job_page = client.get(f"/jobs/{status['id']}").text
    accept = re.search(r'id="file"[^>]*accept="([^"]+)"', page, re.S)
    assert accept and ".car" in accept.group(1).split(",")
    assert "Export my data" in page
    assert status["state"] == "done", status
    assert status["result"]["imported"]["posts"] == 3
    # the account came by its DID: the page says how to learn its handle on the page itself
    assert "names the account by its DID" in job_page
    assert "on the Import page (Fetch an account live" in job_page
    assert "`" not in job_page and "staffpulse fetch" not in job_page


def test_a_repo_car_cut_inside_its_commit_reads_nothing_and_says_so(tmp_path: Path) -> None:
    whole = Repo().car(_records())
    header = whole[0] + 1  # the header's length (one varint byte) and the header
    cut = tmp_path / "repo.car"
    cut.write_bytes(whole[: header + 20])
    said = " ".join(_import(tmp_path / "db.sqlite", cut).output.split())
    assert "repo.car: it ends in the middle, at byte" in said
    assert "nothing in the repository could be read" in said


def test_bytes_after_the_last_block_lose_nothing_and_are_told(tmp_path: Path) -> None:
    path = tmp_path / "repo.car"
    path.write_bytes(Repo().car(_records()) + b"\x05\x01")
    result = _import(tmp_path / "db.sqlite", path)
    said = " ".join(result.output.split())
    assert result.exit_code == 0, result.output
    assert "Imported 3 posts (3 new)" in said and "Skipped 0 records" in said
    assert "every record of the repository was read, none is lost" in said


def test_the_progress_bar_sees_repo_car_read_whole(tmp_path: Path) -> None:
    """repo.car is read at once and closed before its records are written: the import's
    progress bar (which follows bytes) is told it was read, not left at 0 bytes."""
    from staffpulse.read_offsets import read_offset
    from staffpulse.sources.bluesky_repo import BlueskyRepo

    path = _repo_car(tmp_path)
    items = BlueskyRepo().read(path)
    next(items)
    assert read_offset(path) == path.stat().st_size


def test_a_repo_of_every_collection_imports_its_posts_and_follows_only(tmp_path: Path) -> None:
    """What getRepo gives today: likes, lists, blocks, gates, a feed, the chat declaration and
    records of other apps beside the posts; those are not read, and cost no skipped record."""
    made = "2026-10-01T09:00:00.000Z"
    text = "Café staff in Köln 🎉 @dana.bsky.social"  # facets count bytes, not characters
    start = text.encode().index(b"@dana")
    gone = "at://did:plc:gone/app.bsky.feed.post/3kdeleted"  # a parent deleted since
    card = {"uri": "https://jobs.example/koeln", "title": "Köln", "description": ""}
    records: dict[str, dict[str, Any]] = {
        "app.bsky.feed.post/3k1": {
            "text": text,
            "createdAt": made,
            "langs": ["de"],
            "labels": {"$type": "com.atproto.label.defs#selfLabels", "values": [{"val": "porn"}]},
            "facets": [
                {
                    "index": {"byteStart": start, "byteEnd": start + 17},
                    "features": [{"$type": "app.bsky.richtext.facet#mention", "did": DANA}],
                }
            ],
            "embed": {"$type": "app.bsky.embed.external", "external": card},
        },
        "app.bsky.feed.post/3k2": {
            "text": "thanks",
            "createdAt": made,
            "reply": {"root": {"uri": gone, "cid": "b"}, "parent": {"uri": gone, "cid": "b"}},
        },
        "app.bsky.feed.like/3l1": {"subject": {"uri": gone, "cid": "b"}, "createdAt": made},
        "app.bsky.graph.follow/3f1": {"subject": DANA, "createdAt": made},
        "app.bsky.graph.list/3li": {"name": "Recruiters", "purpose": "x", "createdAt": made},
        "app.bsky.graph.listitem/3lj": {"subject": DANA, "list": "at://x", "createdAt": made},
        "app.bsky.graph.block/3b1": {"subject": "did:plc:spam", "createdAt": made},
        "app.bsky.feed.threadgate/3k1": {"post": "at://x", "allow": [], "createdAt": made},
        "app.bsky.feed.postgate/3k1": {"post": "at://x", "createdAt": made},
        "app.bsky.feed.generator/jobs": {"did": "did:web:f.example", "createdAt": made},
        "chat.bsky.actor.declaration/self": {"allowIncoming": "following"},
        "com.whtwnd.blog.entry/3w": {"content": "a blog post of another app", "createdAt": made},
    }
    path = tmp_path / "repo.car"
    path.write_bytes(
        small_car(DID, {k: {"$type": k.split("/")[0]} | v for k, v in records.items()})
    )
    result = _import(tmp_path / "db.sqlite", path, json_out=True)
    assert result.exit_code == 0, result.output
    said = json.loads(result.stdout)
    assert said["imported"] == {"accounts": 1, "posts": 2, "follows": 1} and said["skipped"] == 0
    (unread,) = [n["message"] for n in said["notices"] if n["message"].startswith("not read")]
    assert unread.startswith("not read: 1 custom feed, 1 like, 1 block, 1 list, 1 list entry, ")
    assert "4 other records (settings, other apps' data)" in unread  # gates, chat, a blog
    posts = _posts(tmp_path / "db.sqlite")
    post = posts[f"at://{DID}/app.bsky.feed.post/3k1"]
    assert post.mentions == ("dana.bsky.social",) and post.lang == "de"
    assert post.urls == (card["uri"],)
    reply = posts[f"at://{DID}/app.bsky.feed.post/3k2"]
    assert reply.kind == "reply" and reply.reply_to_post_id == gone


def test_a_repo_whose_every_post_is_broken_is_told_as_a_failed_import(tmp_path: Path) -> None:
    """The profile came in, but not the repository's one post (a record without its text):
    exit 1, with the record named."""
    records = {
        "app.bsky.actor.profile/self": {"$type": "app.bsky.actor.profile", "displayName": "Rosa"},
        "app.bsky.feed.post/3k1": {"$type": "app.bsky.feed.post", "createdAt": "2026-10-01"},
    }
    path = tmp_path / "repo.car"
    path.write_bytes(small_car(DID, records))
    result = _import(tmp_path / "db.sqlite", path)
    said = " ".join(result.output.split())
    assert result.exit_code == 1, said
    assert "app.bsky.feed.post/3k1: a post record without 'text'" in said
    assert "No post was imported: the one post read was skipped" in said
