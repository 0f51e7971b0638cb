"""The Mastodon account archive ("Request your archive") imports: the .tar.gz, its ZIP, the
unpacked folder, and outbox.json with actor.json; its posts are the API reader's posts."""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
import zlib
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.models import Post
from staffpulse.sources import detect
from staffpulse.sources.mastodon_archive import account_from_actor
from staffpulse.store import open_store

runner = CliRunner()
HOME = "https://mastodon.example"
ME = f"{HOME}/users/rosa"
PUBLIC = "https://www.w3.org/ns/activitystreams#Public"
CONTEXT = ["https://www.w3.org/ns/activitystreams", {"ostatus": "http://ostatus.org#"}]
AVATAR = b"\x89PNG\r\n\x1a\n" + b"avatar-pixels" * 1000  # past the head a ZIP unpacks first


def _create(number: str, html: str, **note: Any) -> dict[str, Any]:
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


def _outbox() -> dict[str, Any]:
    original = _create(
        "1001",
        '<p>We are hiring nurses! <a href="https://jobs.example/n" rel="nofollow">apply</a> '
        '<a href="https://mastodon.example/tags/Hiring" class="mention hashtag">#<span>Hiring'
        "</span></a></p><p>Second line</p>",
        tag=[{"type": "Hashtag", "href": f"{HOME}/tags/hiring", "name": "#Hiring"}],
    )
    reply = _create(
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
    thread = _create(
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
    secret = _create("1005", "<p>@dana my salary is...</p>")
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


def _actor() -> dict[str, Any]:
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


def _members() -> dict[str, bytes]:
    """The archive's files in the order Mastodon writes them: media first, actor.json last."""
    likes = {
        "@context": CONTEXT,
        "id": "likes.json",
        "type": "OrderedCollection",
        "orderedItems": ["https://other.example/users/dana/statuses/1"],
    }
    return {
        "media_attachments/files/000/001/original/photo.jpg": b"\xff\xd8\xff" + b"0" * 3000,
        "outbox.json": json.dumps(_outbox()).encode(),
        "likes.json": json.dumps(likes).encode(),
        "avatar.png": AVATAR,
        "actor.json": json.dumps(_actor()).encode(),
    }


def _tar_gz(target: Path, members: dict[str, bytes]) -> Path:
    with tarfile.open(target, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 1_790_000_000
            tar.addfile(info, io.BytesIO(data))
    return target


def _import(db: Path, *paths: Path) -> Any:
    result = runner.invoke(app, ["import", *map(str, paths), "--db", str(db)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def _posts(db: Path) -> dict[str, Post]:
    with open_store(db) as store:
        return {post.id: post for post in store.posts_by("mastodon", f"{HOME}/@rosa")}


def test_the_tar_gz_imports_posts_replies_boosts_and_the_account(tmp_path: Path) -> None:
    archive = _tar_gz(tmp_path / "archive-20261101-abc123.tar.gz", _members())
    assert detect(archive).label == "Mastodon archive"
    result = _import(tmp_path / "db.sqlite", archive)
    assert result.exit_code == 0, result.output
    assert "archive-20261101-abc123.tar.gz as Mastodon archive" in result.output
    assert "1 direct message (to named people only) left out" in " ".join(result.output.split())
    posts = _posts(tmp_path / "db.sqlite")
    assert set(posts) == {
        "mastodon.example:1001",
        "mastodon.example:1002",
        "mastodon.example:1003",
        "mastodon.example:1004",
    }  # the direct message is not among them
    first = posts["mastodon.example:1001"]
    assert first.kind == "original"
    assert first.text == "We are hiring nurses! apply #Hiring\n\nSecond line"
    assert first.hashtags == ("Hiring",) and first.urls == ("https://jobs.example/n",)
    assert first.lang == "en" and first.created_at is not None
    reply = posts["mastodon.example:1002"]
    assert reply.kind == "reply"
    assert reply.reply_to_post_id == "other.example:777"
    assert reply.reply_to_account_id == "https://other.example/@dana"
    assert reply.mentions == ("dana@other.example",)
    assert posts["mastodon.example:1003"].reply_to_account_id == f"{HOME}/@rosa"
    boost = posts["mastodon.example:1004"]
    assert boost.kind == "repost" and boost.reposted_post_id == "other.example:778"
    with open_store(tmp_path / "db.sqlite") as store:
        rosa = store.get_account("mastodon", f"{HOME}/@rosa")
    assert rosa is not None
    assert rosa.handle == "rosa@mastodon.example"
    assert rosa.display_name == "Rosa at Harbor Staffing"
    assert rosa.bio == "Recruiter for nurses & carers.\n\nAsk me anything"
    assert rosa.avatar_path and Path(rosa.avatar_path).read_bytes() == AVATAR


def test_importing_the_archive_twice_adds_nothing(tmp_path: Path) -> None:
    archive = _tar_gz(tmp_path / "archive.tar.gz", _members())
    _import(tmp_path / "db.sqlite", archive)
    again = runner.invoke(
        app, ["import", str(archive), "--db", str(tmp_path / "db.sqlite"), "--json"]
    )
    report = json.loads(again.stdout)
    assert report["new"] == {"accounts": 0, "posts": 0, "follows": 0}
    assert report["imported"]["posts"] == 4


def test_a_status_fetched_from_the_api_and_read_from_the_archive_is_stored_once(
    tmp_path: Path,
) -> None:
    status = {  # the API's view of status 1001, as `fetch mastodon` or a saved response has it
        "id": "1001",
        "uri": f"{ME}/statuses/1001",
        "url": f"{HOME}/@rosa/1001",
        "created_at": "2026-10-01T09:00:00.000Z",
        "content": "<p>We are hiring nurses!</p>",
        "account": {
            "id": "1",
            "acct": "rosa",
            "username": "rosa",
            "url": f"{HOME}/@rosa",
            "display_name": "Rosa",
            "note": "",
        },
    }
    saved = tmp_path / "statuses.json"
    saved.write_text(json.dumps([status]))
    _import(tmp_path / "db.sqlite", saved)
    _import(tmp_path / "db.sqlite", _tar_gz(tmp_path / "archive.tar.gz", _members()))
    assert len(_posts(tmp_path / "db.sqlite")) == 4
    with open_store(tmp_path / "db.sqlite") as store:
        assert [s.account.handle for s in store.list_accounts("mastodon")] == [
            "rosa@mastodon.example"
        ]


def test_the_unpacked_folder_and_the_two_files_given_together_import(tmp_path: Path) -> None:
    folder = tmp_path / "mastoarch"
    for name, data in _members().items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    result = _import(tmp_path / "a.sqlite", folder)
    assert result.exit_code == 0, result.output
    assert "of no known format" not in result.output  # likes.json, the media: not complained of
    assert len(_posts(tmp_path / "a.sqlite")) == 4
    together = _import(tmp_path / "b.sqlite", folder / "outbox.json", folder / "actor.json")
    assert together.exit_code == 0, together.output
    assert len(_posts(tmp_path / "b.sqlite")) == 4
    with open_store(tmp_path / "b.sqlite") as store:
        rosa = store.get_account("mastodon", f"{HOME}/@rosa")
    assert rosa is not None and rosa.bio.startswith("Recruiter")


def test_outbox_json_alone_finds_its_owner_from_the_activities(tmp_path: Path) -> None:
    outbox = tmp_path / "outbox.json"
    outbox.write_text(json.dumps(_outbox()))
    result = _import(tmp_path / "db.sqlite", outbox)
    assert result.exit_code == 0, result.output
    with open_store(tmp_path / "db.sqlite") as store:
        (rosa,) = store.list_accounts("mastodon")
    assert rosa.account.handle == "rosa@mastodon.example"
    assert len(_posts(tmp_path / "db.sqlite")) == 4


def test_the_zip_newer_mastodon_sends_imports(tmp_path: Path) -> None:
    archive = tmp_path / "archive-20261101-abc.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for name, data in _members().items():
            z.writestr(name, data)
    result = _import(tmp_path / "db.sqlite", archive)
    assert result.exit_code == 0, result.output
    assert len(_posts(tmp_path / "db.sqlite")) == 4
    with open_store(tmp_path / "db.sqlite") as store:
        rosa = store.get_account("mastodon", f"{HOME}/@rosa")
    assert rosa is not None and rosa.avatar_path
    assert Path(rosa.avatar_path).read_bytes() == AVATAR


def test_an_archive_cut_short_keeps_what_came_before_and_says_so(tmp_path: Path) -> None:
    whole = io.BytesIO()
    with tarfile.open(fileobj=whole, mode="w") as tar:
        for name, data in _members().items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    raw = whole.getvalue()
    # a download that stopped inside actor.json, the last member: no gzip trailer either
    packer = zlib.compressobj(wbits=31)
    cut_at = raw.index(b"actor.json") + 600
    cut = tmp_path / "archive.tar.gz"
    cut.write_bytes(packer.compress(raw[:cut_at]) + packer.flush(zlib.Z_SYNC_FLUSH))
    result = _import(tmp_path / "db.sqlite", cut)
    text = " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert "archive.tar.gz: the archive is damaged or cut short near actor.json" in text
    assert "request the archive again" in text
    assert "Imported 4 posts (4 new), 1 account (1 new)" in text  # the owner from the outbox
    with open_store(tmp_path / "db.sqlite") as store:
        rosa = store.get_account("mastodon", f"{HOME}/@rosa")
    assert rosa is not None and rosa.handle == "rosa@mastodon.example" and not rosa.bio


def test_a_broken_outbox_names_the_file_and_line(tmp_path: Path) -> None:
    members = _members()
    members["outbox.json"] = json.dumps(_outbox(), indent=1).encode()[:-400]
    result = _import(tmp_path / "db.sqlite", _tar_gz(tmp_path / "archive.tar.gz", members))
    text = " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert "archive.tar.gz!outbox.json:" in text and "cut short" in text
    assert "Skipped 5 records" in text  # every activity it held, the direct message too


def test_an_account_without_a_picture_is_told_apart_from_one_never_seen() -> None:
    bare = {k: v for k, v in _actor().items() if k != "icon"}
    assert account_from_actor(bare).avatar_url == ""  # no picture
    assert account_from_actor(_actor()).avatar_url is None  # one, saved from the archive


def test_an_outbox_cut_in_half_counts_the_activities_its_header_announced(
    tmp_path: Path,
) -> None:
    """The header's totalItems comes before the cut: the message and the summary count every
    activity lost, not only those begun before the cut."""
    folder = tmp_path / "archive"
    folder.mkdir()
    whole = json.dumps(_outbox()).encode()
    (folder / "outbox.json").write_bytes(whole[: len(whole) // 2])
    (folder / "actor.json").write_text(json.dumps(_actor()))
    result = _import(tmp_path / "db.sqlite", folder)
    text = " ".join(result.output.split())
    assert "outbox.json:1: the file looks cut short" in text
    assert "(at least 5 activities lost)" in text
    assert "Skipped 5 records" in text


def _notes(result: Any) -> list[str]:
    """The import's notes, one a line, as the user reads them."""
    text = " ".join(result.output.split())
    return [" note " + part.strip() for part in text.split(" note ")[1:]]


def test_likes_and_media_are_told_the_same_in_the_tar_gz_and_the_zip(tmp_path: Path) -> None:
    """The likes (other people's posts) are told as not imported, and the media summed up in
    one line, in either form; the avatar the ZIP's actor.json names is used, never told as a
    file of no known format."""
    members = _members()
    archive = _tar_gz(tmp_path / "archive.tar.gz", members)
    packed = tmp_path / "archive.zip"
    with zipfile.ZipFile(packed, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    likes = "likes.json: the likes of a Mastodon archive (other people's posts): not imported"
    media = "media_attachments: 1 media file (pictures, videos): not read"
    for path, db in ((archive, "tar.sqlite"), (packed, "zip.sqlite")):
        result = _import(tmp_path / db, path)
        assert result.exit_code == 0, result.output
        notes = _notes(result)
        assert any(f"{path.name}!{likes}" in note for note in notes), notes
        assert any(f"{path.name}!{media}" in note for note in notes), notes
        assert not any("import outbox.json and actor.json" in note for note in notes)
        assert "of no known format" not in result.output  # neither the avatar nor the media
        assert "avatar.png as" not in result.output  # read with actor.json, not on its own
    with open_store(tmp_path / "zip.sqlite") as store:
        rosa = store.get_account("mastodon", f"{HOME}/@rosa")
    assert rosa is not None and rosa.avatar_path


def test_an_archive_of_likes_only_says_it_saw_them(tmp_path: Path) -> None:
    members = {name: data for name, data in _members().items() if name == "likes.json"}
    result = _import(tmp_path / "db.sqlite", _tar_gz(tmp_path / "likes.tar.gz", members))
    said = " ".join(result.output.split())
    assert "no outbox.json or actor.json in it" in said
    assert "likes.tar.gz!likes.json: the likes of a Mastodon archive" in said
    assert "import outbox.json and actor.json, or the whole archive" in said


def test_the_progress_bar_sees_a_tar_gz_read_whole(tmp_path: Path) -> None:
    from staffpulse.read_offsets import read_offset
    from staffpulse.sources.mastodon_archive_files import MastodonArchive

    archive = _tar_gz(tmp_path / "archive.tar.gz", _members())
    items = MastodonArchive().read(archive)
    next(items)  # the first record: the progress callback runs after each batch of them
    assert read_offset(archive) == archive.stat().st_size


def test_followers_only_posts_are_told_counted_and_never_quoted(tmp_path: Path) -> None:
    """A followers-only status is imported and counted, the import says so, and the audit
    (whose reports are shared) never quotes it as an example."""
    from audit_helpers import PERSON, FakeScorer
    from staffpulse.audit import audit_account

    stories = (
        "My honest take on night shifts: I love the calm before the first call",
        "Proud of Dana, who placed her first nurse today. Any tips for a new recruiter?",
        "Why do I still print resumes? Honest answer: my eyes like paper lol",
        "My story of the week: a candidate brought her dog to the interview",
        "I love a Monday when every shift is covered before nine",
        "Honest question: what made you stay with your last agency?",
        "My favourite part of the job is the call that starts with good news",
        "Proud moment: our carers team finished the winter rota early",
    )
    activities = []
    for i, story in enumerate(stories):
        post = _create(f"20{i:02d}", f"<p>{story}</p>")
        if i < 4:  # shared with the followers only: the ones the picker would pick first
            post["to"] = post["object"]["to"] = [f"{ME}/followers"]
            post["cc"] = post["object"]["cc"] = []
        post["published"] = post["object"]["published"] = f"2026-10-0{i + 1}T09:00:00Z"
        activities.append(post)
    outbox = {**_outbox(), "orderedItems": activities, "totalItems": len(activities)}
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "outbox.json").write_text(json.dumps(outbox))
    (folder / "actor.json").write_text(json.dumps(_actor()))
    result = _import(tmp_path / "db.sqlite", folder)
    said = " ".join(result.output.split())
    assert "4 followers-only posts imported: they are counted but never quoted in reports" in said
    with open_store(tmp_path / "db.sqlite") as store:
        audit = audit_account(
            store, "rosa@mastodon.example", scorer=FakeScorer(), avatar=PERSON, save=False
        )
    assert audit.counts["posts"] == 8
    quoted = [ex.text for p in audit.pillars.values() for ex in (*p.best, *p.worst)]
    assert quoted  # the public ones are quoted
    assert not set(quoted) & set(stories[:4]), quoted
