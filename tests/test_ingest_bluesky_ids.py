"""A Bluesky post named by its author's handle (a sheet's bsky.app link) and by the account's
DID (a saved API page, a repo.car, a fetch) is stored once, whichever is imported first."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from car_helpers import DID as DID_OF_CAR
from car_helpers import Repo
from staffpulse.ingest import import_paths
from staffpulse.store import open_store

DID = "did:plc:crateyard7"
HANDLE = "crateyard.bsky.social"
RKEY = "3lrkeyaaa22"


def _sheet(tmp_path: Path) -> Path:
    path = tmp_path / "sheet.csv"
    path.write_text(
        "platform,author,text,Post URL\r\n"
        f"bluesky,{HANDLE},Pallet crew wanted this week,https://bsky.app/profile/{HANDLE}/post/{RKEY}\r\n",
        encoding="utf-8",
    )
    return path


def _page(tmp_path: Path) -> Path:
    """A saved getAuthorFeed page holding the same post, named by the account's DID."""
    author = {"did": DID, "handle": HANDLE, "displayName": "Crate Yard"}
    post = {
        "uri": f"at://{DID}/app.bsky.feed.post/{RKEY}",
        "cid": "bafycrate1",
        "author": author,
        "record": {
            "$type": "app.bsky.feed.post",
            "text": "Pallet crew wanted this week",
            "createdAt": "2026-03-02T09:00:00.000Z",
        },
        "likeCount": 4,
        "indexedAt": "2026-03-02T09:00:00.000Z",
    }
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({"feed": [{"post": post}]}), encoding="utf-8")
    return path


def _stored_ids(db: Path) -> list[str]:
    with open_store(db) as store:
        rows = store.conn.execute("SELECT id FROM posts WHERE platform = 'bluesky'").fetchall()
    return sorted(row[0] for row in rows)


def test_a_sheet_after_the_page_stores_its_post_under_the_did(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    with open_store(db) as store:
        import_paths(store, [_page(tmp_path)])
        report = import_paths(store, [_sheet(tmp_path)])
    assert _stored_ids(db) == [f"at://{DID}/app.bsky.feed.post/{RKEY}"]
    assert report.new_posts == 0
    told = [n.message for n in report.notices if "DID" in n.message]
    assert told == [
        "1 Bluesky post named by its author's handle was stored under the account's DID, as"
        " its repo.car, its saved pages and a fetch name them, so no post is stored twice"
        f" (at://{HANDLE}/app.bsky.feed.post/{RKEY} is at://{DID}/app.bsky.feed.post/{RKEY})"
    ]


def test_the_page_after_a_sheet_replaces_the_handle_named_copy(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    with open_store(db) as store:
        first = import_paths(store, [_sheet(tmp_path)])
        report = import_paths(store, [_page(tmp_path)])
        again = import_paths(store, [_sheet(tmp_path)])
    assert first.new_posts == 1
    assert _stored_ids(db) == [f"at://{DID}/app.bsky.feed.post/{RKEY}"]
    assert (report.new_posts, again.new_posts) == (0, 0)
    told = [n.message for n in report.notices if "DID" in n.message]
    assert len(told) == 1
    assert told[0].startswith(
        "1 Bluesky post stored before under its author's handle (from a sheet's bsky.app link)"
        " is the same as this file's (the same author, the same post key): now stored once,"
        " under the account's DID"
    )


# -- a sheet and the account's repo.car in one import ------------------------------------------

CAR_HANDLE = "rosa.bsky.social"
CAR_TEXTS = {
    "3kaaaaaaaaa22": "Crane course next week: sign up at the gate",
    "3kaaaaaaaab22": "Night shift open on the north quay",
    "3kaaaaaaaac22": "Gate office hours change on Monday",
}


def _car_and_sheet(tmp_path: Path) -> tuple[Path, Path]:
    """The account's repo.car (named by its DID) and a sheet of two of its posts by handle:
    one the repo.car holds too, one it lacks."""
    post = "app.bsky.feed.post"
    records: dict[str, dict[str, object]] = {
        f"{post}/{key}": {"$type": post, "text": text, "createdAt": f"2024-11-0{n + 3}T09:00:00Z"}
        for n, (key, text) in enumerate(CAR_TEXTS.items())
    }
    records["app.bsky.actor.profile/self"] = {"displayName": "Rosa", "description": "Recruiter"}
    car = tmp_path / "repo.car"
    car.write_bytes(Repo().car(records))
    sheet = tmp_path / "sheet.csv"
    link = f"https://bsky.app/profile/{CAR_HANDLE}/post"
    sheet.write_text(
        "platform,author,text,Post URL,likes\r\n"
        f"bluesky,{CAR_HANDLE},{CAR_TEXTS['3kaaaaaaaaa22']},{link}/3kaaaaaaaaa22,3\r\n"
        f"bluesky,{CAR_HANDLE},Dock tour on Friday for new starters,{link}/3kzzzzzzzzz22,5\r\n",
        encoding="utf-8",
    )
    return car, sheet


def _store_of(db: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with open_store(db) as store:
        accounts = store.conn.execute(
            "SELECT id, handle, (SELECT COUNT(*) FROM posts p WHERE p.author_id = a.id)"
            " FROM accounts a ORDER BY id"
        ).fetchall()
        posts = store.conn.execute(
            "SELECT id, author_id, author_handle, text, created_at, conversation_id, likes, url"
            " FROM posts ORDER BY id"
        ).fetchall()
    return [tuple(a) for a in accounts], [tuple(p) for p in posts]


def test_a_sheet_and_its_repo_car_make_the_same_store_in_either_order(tmp_path: Path) -> None:
    car, sheet = _car_and_sheet(tmp_path)
    made = []
    for name, paths in (("sheet_first", [sheet, car]), ("car_first", [car, sheet])):
        with open_store(tmp_path / f"{name}.db") as store:
            report = import_paths(store, paths)
        counts = (report.posts, report.new_posts, report.accounts, report.skipped)
        made.append((counts, _store_of(tmp_path / f"{name}.db")))
    assert made[0] == made[1]
    (posts, new, accounts, skipped), (stored_accounts, stored_posts) = made[0]
    assert (posts, new, accounts, skipped) == (4, 4, 1, 0)
    # one account, with its handle, holding all four posts under the DID's ids
    assert stored_accounts == [(DID_OF_CAR, CAR_HANDLE, 4)]
    assert all(str(p[0]).startswith(f"at://{DID_OF_CAR}/") for p in stored_posts)
    # the post of both keeps the sheet's likes
    assert [p[6] for p in stored_posts if str(p[0]).endswith("3kaaaaaaaaa22")] == [3]


def test_a_sheet_named_before_its_repo_car_in_a_zip_is_read_after_it(tmp_path: Path) -> None:
    car, sheet = _car_and_sheet(tmp_path)
    archive = tmp_path / "rosa.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(sheet, "posts.csv")  # listed, and found, before repo.car
        z.write(car, "repo.car")
    with open_store(tmp_path / "zip.db") as store:
        zipped = import_paths(store, [archive])
    with open_store(tmp_path / "files.db") as store:
        given = import_paths(store, [car, sheet])
    assert (zipped.posts, zipped.new_posts) == (given.posts, given.new_posts) == (4, 4)
    assert _store_of(tmp_path / "zip.db") == _store_of(tmp_path / "files.db")


def test_a_sheet_read_before_the_repo_car_counts_a_post_of_both_once(tmp_path: Path) -> None:
    # each in a ZIP of its own, given sheet first: read in that order
    car, sheet = _car_and_sheet(tmp_path)
    zips = []
    for member in (sheet, car):
        zips.append(tmp_path / f"{member.stem}.zip")
        with zipfile.ZipFile(zips[-1], "w") as z:
            z.write(member, member.name)
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, zips)
    # the sheet's 2 posts and the repo.car's 3, one of them the sheet's: 4, not 5
    assert (report.posts, report.new_posts) == (4, 4)


def test_a_handle_taken_by_a_new_owner_after_a_rename_keeps_its_posts_apart(
    tmp_path: Path,
) -> None:
    car, sheet = _car_and_sheet(tmp_path)  # the sheet links rosa.bsky.social's posts
    # a newer saved page: the account has renamed itself
    post = "app.bsky.feed.post"
    author = {"did": DID_OF_CAR, "handle": "rosa-harbor.bsky.social", "displayName": "Rosa"}
    record = {
        "$type": post,
        "text": CAR_TEXTS["3kaaaaaaaac22"],
        "createdAt": "2025-01-05T09:00:00Z",
    }
    item = {
        "post": {
            "uri": f"at://{DID_OF_CAR}/{post}/3kaaaaaaaac22",
            "cid": "bafyq",
            "author": author,
            "record": record,
        }
    }
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"feed": [item]}), encoding="utf-8")
    # a later sheet: a post of whoever holds the old handle now, written after the rename
    later = tmp_path / "later.csv"
    later.write_text(
        "platform,author,text,Post URL\r\n"
        f"bluesky,{CAR_HANDLE},Bakery stall at the Saturday market,"
        f"https://bsky.app/profile/{CAR_HANDLE}/post/3lnewpostaa22\r\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "x.db") as store:
        for path in (sheet, car, feed):  # the sheet's run first: its post kept by its alias
            import_paths(store, [path])
        report = import_paths(store, [later])
    accounts, posts = _store_of(tmp_path / "x.db")
    assert accounts == [(DID_OF_CAR, "rosa-harbor.bsky.social", 4), (CAR_HANDLE, CAR_HANDLE, 1)]
    assert (f"at://{CAR_HANDLE}/{post}/3lnewpostaa22", CAR_HANDLE) == posts[-1][:2]
    told = [n.message for n in report.notices if "new owner" in n.message]
    assert told == [
        "1 Bluesky post by @rosa.bsky.social was written after the account that had that handle"
        " took another one, so it is kept under the handle, not filed with that account's posts"
        " (the handle may have a new owner)"
    ]
