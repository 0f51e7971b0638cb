"""The weekly routine with the platforms' own exports (a Bluesky repo.car, a Mastodon archive)
beside saved API responses: the handle a feed gives replaces the DID an export names its
account by, an older archive never puts back an older avatar, a re-import that only fills an
address or names a parent another way is no update, and posts a newer export lacks are told."""

from __future__ import annotations

import copy
import io
import json
import tarfile
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from car_helpers import DID, Repo
from mastodon_archive_helpers import AVATAR, HOME, ME, archive_members
from staffpulse.cli.app import app
from staffpulse.store import open_store

runner = CliRunner()
POST = "app.bsky.feed.post"
# the repo's rev (car_helpers.REV) dates the export 19 Nov 2024: the saved
# feed, dated by its newest post, is older
FEED_TIME = "2024-11-03T09:00:00.000Z"


def _import(db: Path, *paths: Path) -> dict[str, Any]:
    result = runner.invoke(app, ["import", *map(str, paths), "--db", str(db), "--json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def _said(report: dict[str, Any]) -> str:
    return " ".join(notice["message"] for notice in report["notices"])


# -- Bluesky ---------------------------------------------------------------------------------


def _post(text: str, when: str) -> dict[str, Any]:
    return {"$type": POST, "text": text, "createdAt": when}


def _bluesky_records(*rkeys: str) -> dict[str, dict[str, Any]]:
    posts = {
        "3kaaaaaaaaa22": _post("Candidate tip: a short README beats a cover letter", FEED_TIME),
        "3kaaaaaaaab22": _post("We are hiring nurses in Leeds", "2024-11-05T09:00:00.000Z"),
        "3kaaaaaaaac22": _post("Shifts start at 7", "2024-11-07T09:00:00.000Z"),
    }
    records = {f"{POST}/{rkey}": posts[rkey] for rkey in rkeys}
    records["app.bsky.actor.profile/self"] = {"displayName": "Rosa", "description": "Recruiter"}
    return records


def _car(tmp_path: Path, name: str, *rkeys: str) -> Path:
    path = tmp_path / name
    path.write_bytes(Repo().car(_bluesky_records(*rkeys)))
    return path


def _feed(tmp_path: Path) -> Path:
    """getAuthorFeed as saved from the API: the first post, with the account's handle."""
    author = {"did": DID, "handle": "rosa.bsky.social", "displayName": "Rosa"}
    uri = f"at://{DID}/{POST}/3kaaaaaaaaa22"
    record = _bluesky_records("3kaaaaaaaaa22")[f"{POST}/3kaaaaaaaaa22"]
    item = {"post": {"uri": uri, "cid": "bafyx", "author": author, "record": record}}
    path = tmp_path / "getAuthorFeed.json"
    path.write_text(json.dumps({"feed": [item]}))
    return path


def _handle(db: Path) -> str:
    with open_store(db) as store:
        account = store.get_account("bluesky", DID)
        assert store.find_account("rosa.bsky.social").id == DID  # `audit rosa.bsky.social`
    assert account is not None
    return account.handle


def test_the_feed_gives_its_handle_to_the_account_an_export_named_by_its_did(
    tmp_path: Path,
) -> None:
    db = tmp_path / "db.sqlite"
    car = _car(tmp_path, "repo.car", "3kaaaaaaaaa22", "3kaaaaaaaab22", "3kaaaaaaaac22")
    _import(db, car)
    report = _import(db, _feed(tmp_path))  # observed before the export, yet a real handle
    assert _handle(db) == "rosa.bsky.social"
    # the feed only filled the post's address the export lacks: nothing the user must hear
    assert report["updated"]["posts"] == 0
    with open_store(db) as store:
        post = store.get_posts("bluesky", [f"at://{DID}/{POST}/3kaaaaaaaaa22"])
    assert next(iter(post.values())).url == (
        "https://bsky.app/profile/rosa.bsky.social/post/3kaaaaaaaaa22"
    )


def test_an_export_imported_after_the_feed_keeps_the_handle(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    _import(db, _feed(tmp_path))
    _import(db, _car(tmp_path, "repo.car", "3kaaaaaaaaa22", "3kaaaaaaaab22", "3kaaaaaaaac22"))
    assert _handle(db) == "rosa.bsky.social"


def test_posts_a_newer_export_lacks_are_told_and_kept(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    _import(db, _car(tmp_path, "week1.car", "3kaaaaaaaaa22", "3kaaaaaaaab22", "3kaaaaaaaac22"))
    _import(db, _feed(tmp_path))
    # week 2: the middle post was deleted on Bluesky (a new one stands in for the tree's shape)
    week2 = _bluesky_records("3kaaaaaaaaa22", "3kaaaaaaaac22")
    week2[f"{POST}/3kaaaaaaaad22"] = _post("Open day on Friday", "2024-11-09T09:00:00.000Z")
    path = tmp_path / "week2.car"
    path.write_bytes(Repo().car(week2))
    report = _import(db, path)
    assert report["not_in_export"] == {"posts": 1}
    assert (
        "1 post of @rosa.bsky.social stored earlier is not in this export (deleted on the "
        "platform?): it still counts in the audit" in _said(report)
    )
    with open_store(db) as store:  # told, not applied: an export can be partial
        assert len(store.posts_by("bluesky", DID)) == 4
    again = _import(db, _car(tmp_path, "week1.car", "3kaaaaaaaaa22", "3kaaaaaaaac22"))
    # the week-2 post is newer than this export's newest: not called missing
    assert again["not_in_export"] == {"posts": 1}


def test_an_export_holding_every_stored_post_tells_nothing(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    car = _car(tmp_path, "repo.car", "3kaaaaaaaaa22", "3kaaaaaaaab22", "3kaaaaaaaac22")
    _import(db, car)
    report = _import(db, car)
    assert report["not_in_export"] == {"posts": 0}
    assert "not in this export" not in _said(report)


def _archive_of(folder: Path, tweets: list[dict[str, object]]) -> Path:
    """A minimal X archive: account.js and tweets.js holding ``tweets``."""
    data = folder / "archive" / "data"
    data.mkdir(parents=True)
    account = {"account": {"accountId": "9001", "username": "AcmeStaffing"}}
    (data / "account.js").write_text(f"window.YTD.account.part0 = {json.dumps([account])}")
    entries = json.dumps([{"tweet": tweet} for tweet in tweets])
    (data / "tweets.js").write_text(f"window.YTD.tweets.part0 = {entries}")
    return data.parent


def _tweet(tweet_id: str, day: int) -> dict[str, object]:
    when = f"Sun Mar {day:02d} 14:05:00 +0000 2026"
    return {"id_str": tweet_id, "created_at": when, "full_text": f"Tweet {tweet_id}"}


def test_an_x_archive_tells_the_tweets_it_no_longer_holds(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    tweets = [_tweet("101", 1), _tweet("102", 3), _tweet("103", 5), _tweet("104", 7)]
    _import(db, _archive_of(tmp_path / "march", tweets))
    # a month later: 102 and 103 deleted, 105 new
    report = _import(db, _archive_of(tmp_path / "april", [*tweets[::3], _tweet("105", 9)]))
    assert report["not_in_export"] == {"posts": 2}
    assert "2 posts of @AcmeStaffing stored earlier are not in this export" in _said(report)
    assert "they still count in the audit" in _said(report)


# -- Mastodon --------------------------------------------------------------------------------


def _archive(path: Path, written: int, bio: str, avatar: bytes) -> Path:
    """The archive as Mastodon writes it, its actor.json dated ``written`` (epoch seconds)."""
    members = archive_members()
    actor = json.loads(members["actor.json"])
    actor["summary"] = f"<p>{bio}</p>"
    members["actor.json"] = json.dumps(actor).encode()
    members["avatar.png"] = avatar
    with tarfile.open(path, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size, info.mtime = len(data), written
            tar.addfile(info, io.BytesIO(data))
    return path


def test_an_older_archive_imported_later_keeps_the_newer_avatar(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    old_picture, new_picture = AVATAR, AVATAR + b"new-logo" * 100
    week1 = _archive(tmp_path / "archive-1.tar.gz", 1_790_000_000, "Old bio", old_picture)
    week2 = _archive(tmp_path / "archive-2.tar.gz", 1_790_600_000, "New bio", new_picture)
    _import(db, week2)
    _import(db, week1)
    with open_store(db) as store:
        rosa = store.get_account("mastodon", f"{HOME}/@rosa")
    assert rosa is not None and rosa.bio == "New bio"
    assert rosa.avatar_path and Path(rosa.avatar_path).read_bytes() == new_picture
    # in the order they were written, the newer picture replaces the older
    _import(tmp_path / "other.sqlite", week1)
    _import(tmp_path / "other.sqlite", week2)
    with open_store(tmp_path / "other.sqlite") as store:
        rosa = store.get_account("mastodon", f"{HOME}/@rosa")
    assert rosa is not None and rosa.avatar_path
    assert Path(rosa.avatar_path).read_bytes() == new_picture


def _api_statuses(tmp_path: Path) -> Path:
    """The reply 1002 as the API serves it: its parent named by mastodon.example's local id
    (555), where the archive names it by its home URI (other.example:777)."""
    rosa = {"id": "1", "acct": "rosa", "username": "rosa", "url": f"{HOME}/@rosa", "note": ""}
    dana = {"id": "9", "acct": "dana@other.example", "url": "https://other.example/@dana"}
    reply = {
        "id": "1002",
        "uri": f"{ME}/statuses/1002",
        "url": f"{HOME}/@rosa/1002",
        "created_at": "2026-10-01T09:00:00.000Z",
        "content": "<p>@dana thanks for the shoutout!</p>",
        "in_reply_to_id": "555",
        "in_reply_to_account_id": "9",
        "mentions": [dana],
        "account": rosa,
    }
    path = tmp_path / "statuses.json"
    path.write_text(json.dumps([reply]))
    return path


def _reply_target(db: Path) -> str | None:
    with open_store(db) as store:
        reply = store.get_posts("mastodon", ["mastodon.example:1002"])["mastodon.example:1002"]
    return reply.reply_to_post_id


def test_the_archive_and_the_api_in_turn_change_no_reply_target(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    archive = _archive(tmp_path / "archive.tar.gz", 1_790_000_000, "Bio", AVATAR)
    api = _api_statuses(tmp_path)
    _import(db, archive)
    for path in (api, archive, api, archive):
        assert _import(db, path)["updated"]["posts"] == 0
        assert _reply_target(db) == "other.example:777"  # the parent's home id is kept


def test_the_api_first_then_the_archive_settles_on_the_home_id(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    archive = _archive(tmp_path / "archive.tar.gz", 1_790_000_000, "Bio", AVATAR)
    api = _api_statuses(tmp_path)
    _import(db, api)
    assert _reply_target(db) == "mastodon.example:555"
    _import(db, archive)  # the home id replaces the serving instance's, once
    assert _reply_target(db) == "other.example:777"
    for path in (api, archive, api):
        assert _import(db, path)["updated"]["posts"] == 0
        assert _reply_target(db) == "other.example:777"


def test_a_stored_parent_still_resolves_the_api_reply(tmp_path: Path) -> None:
    """The rule keeps a target only against one naming no stored post: a reply whose parent
    the store holds under the incoming id still points at it."""
    db = tmp_path / "db.sqlite"
    _import(db, _archive(tmp_path / "archive.tar.gz", 1_790_000_000, "Bio", AVATAR))
    api = json.loads(_api_statuses(tmp_path).read_text())
    parent = copy.deepcopy(api[0])
    parent.update(id="555", uri=f"{ME}/statuses/1001", in_reply_to_id=None, mentions=[])
    api[0]["in_reply_to_id"] = "555"
    saved = tmp_path / "with_parent.json"
    saved.write_text(json.dumps([parent, api[0]]))
    _import(db, saved)
    assert _reply_target(db) == "mastodon.example:1001"
