"""A Bluesky post named by its author's handle (a sheet's bsky.app link) and by the account's
DID (a saved API page, a repo.car, a fetch) is stored once, whichever is imported first."""

from __future__ import annotations

import json
from pathlib import Path

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
