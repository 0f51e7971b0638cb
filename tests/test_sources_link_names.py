"""A staffpulse CSV or JSONL whose reply, quote or repost column (or key) has another tool's
name (reply_to_post_id, quoted_status_id): told once, with the name to rename it to, instead
of every reply coming in as a post of its own without a word."""

from __future__ import annotations

import json
from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.store import open_store

ROWS = (
    "p1,acmestaffing,Who is hiring welders this spring?,\n"
    "p2,acmestaffing,We are! Send us your details,p1\n"
)


def _import(tmp_path: Path, header: str) -> tuple[list[str], list[str | None]]:
    path = tmp_path / "posts.csv"
    path.write_text(header + "\n" + ROWS, encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
        links = [row[0] for row in store.conn.execute("SELECT reply_to_post_id FROM posts")]
    return [n.message for n in report.notices], links


def test_a_reply_column_under_another_name_is_told_with_its_rename(tmp_path: Path) -> None:
    notes, links = _import(tmp_path, "id,author,text,reply_to_post_id")
    assert links == [None, None]  # never read on a guess
    assert notes == [
        'the column "reply_to_post_id" was not read: staffpulse takes the post each record'
        " replies to from a column or key named reply_to_id, so no record of this file kept"
        ' that link (a reply came in as a post of its own). Rename "reply_to_post_id" to'
        ' "reply_to_id" and import the file again (nothing is stored twice)'
    ]


def test_the_column_under_our_name_is_read_and_not_told(tmp_path: Path) -> None:
    notes, links = _import(tmp_path, "id,author,text,reply_to_id")
    assert sorted(links, key=str) == [None, "p1"]
    assert notes == []


def test_a_jsonl_key_under_another_name_is_told_with_its_first_line(tmp_path: Path) -> None:
    base = {"type": "post", "author": "acmestaffing"}
    records = [
        {**base, "id": "p1", "text": "Who is hiring welders this spring?"},
        {**base, "id": "p2", "text": "We are!", "in_reply_to_status_id": "p1"},
        {**base, "id": "p3", "text": "Seen it", "quoted_status_id": "p1", "quoted_id": "p1"},
    ]
    path = tmp_path / "posts.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
    notes = [n.message for n in report.notices]
    assert len(notes) == 1  # quoted_id is given beside its other name: read, not told
    assert notes[0].startswith(
        'the key "in_reply_to_status_id" (first on line 2) was not read: staffpulse takes the'
        " post each record replies to from a column or key named reply_to_id"
    )


def test_a_quote_key_is_told_a_quote_was_lost_not_a_reply(tmp_path: Path) -> None:
    notes, _links = _import(tmp_path, "id,author,text,quoted_status_id")
    assert len(notes) == 1
    assert "(a quote came in as a post of its own)" in notes[0]
    assert "reply" not in notes[0]


def test_a_reply_account_read_under_reply_to_handle_is_not_told_lost(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text(
        "id,author,text,reply_to_handle,in_reply_to_screen_name\n"
        "p1,acmestaffing,Glad to help you find a shift,janedoe,janedoe\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
        replied = [row[0] for row in store.conn.execute("SELECT reply_to_handle FROM posts")]
    assert replied == ["janedoe"]  # the link was kept: nothing to rename
    assert report.notices == []
