"""Posts of a file that names no platform, which the store already holds on a platform (an
X archive imported before): stored apart as platform csv, and told, with the column to add."""

from __future__ import annotations

import json
from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.store import open_store


def _x_posts(path: Path) -> Path:
    rows = [
        {"type": "post", "platform": "x", "id": i, "author": "acmestaff", "text": f"Hiring {i}"}
        for i in ("1600000000000000001", "1600000000000000002")
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_posts_of_no_platform_the_store_holds_on_x_are_told_twice(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "id,author,text\n"
        "1600000000000000001,AcmeStaff,Hiring 1\n"
        "1600000000000000002,acmestaff,Hiring 2\n"
        "1600000000000000003,acmestaff,Hiring 3\n",  # not in the store: no twin
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [_x_posts(tmp_path / "x.jsonl")])
        report = import_paths(store, [sheet])
    assert [(n.file, n.message) for n in report.notices] == [
        (
            str(sheet),
            "2 posts of this file name no platform, so they were stored as platform csv, but"
            " the store holds them already on x (the same id by the same author:"
            " 1600000000000000001 by @acmestaff): they are now there twice, and audits count"
            " both. Add a column platform reading x to the file and import it into a new store"
            " with the other files, so each post is stored once",
        )
    ]


def test_a_file_that_names_its_platform_or_is_imported_again_is_not_told(
    tmp_path: Path,
) -> None:
    named = tmp_path / "named.csv"
    named.write_text("id,author,text,platform\n1600000000000000001,acmestaff,Hi,x\n", "utf-8")
    other = tmp_path / "other.csv"  # the same id by another author: no twin
    other.write_text("id,author,text\n1600000000000000002,someoneelse,Hi\n", "utf-8")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("id,author,text\n7,acmestaff,Hi\n", encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [_x_posts(tmp_path / "x.jsonl")])
        assert import_paths(store, [named]).notices == []
        assert import_paths(store, [other]).notices == []
        import_paths(store, [sheet])
        assert import_paths(store, [sheet]).notices == []  # its own csv posts are no twins
