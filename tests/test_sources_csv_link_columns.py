"""A staffpulse CSV whose reply, quote or repost column has another tool's name
(reply_to_post_id, quoted_status_id): told once, with the name to rename it to, instead of
every reply coming in as a post of its own without a word."""

from __future__ import annotations

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
        'the column "reply_to_post_id" was not read: staffpulse takes the post each row replies'
        " to from a column named reply_to_id, so no row of this file kept that link (a reply"
        ' came in as a post of its own). Rename "reply_to_post_id" to "reply_to_id" and import'
        " the file again (nothing is stored twice)"
    ]


def test_the_column_under_our_name_is_read_and_not_told(tmp_path: Path) -> None:
    notes, links = _import(tmp_path, "id,author,text,reply_to_id")
    assert sorted(links, key=str) == [None, "p1"]
    assert notes == []
