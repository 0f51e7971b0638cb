"""A file named as a table that holds JSON (a "Save as" that kept the old name): read by what
it holds, and told with the name to give it, as a table under a JSON name is."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from staffpulse.ingest import import_paths
from staffpulse.sources.csv_tables import misnamed_json
from staffpulse.store import open_store

POSTS = [
    {"type": "post", "platform": "x", "id": "71", "author": "harbor_jobs", "text": "Night shift"},
    {"type": "post", "platform": "x", "id": "72", "author": "harbor_jobs", "text": "Open day"},
]


def test_json_lines_saved_as_csv_is_read_and_told_to_be_renamed(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text("".join(json.dumps(post) + "\n" for post in POSTS), encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
    assert (report.posts, report.skipped) == (2, 0)
    assert [str(notice) for notice in report.notices] == [
        f"{path}: named .csv but holds JSON Lines (no CSV table): read as JSON Lines; rename it"
        " posts.jsonl so other tools read it right too"
    ]


def test_a_json_document_saved_as_csv_in_a_zip_is_told_by_its_member(tmp_path: Path) -> None:
    bundle = tmp_path / "export.zip"
    with zipfile.ZipFile(bundle, "w") as z:
        z.writestr("march/posts.csv", json.dumps(POSTS, indent=2))
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [bundle])
    assert report.posts == 2
    assert [str(notice) for notice in report.notices] == [
        f"{bundle}!march/posts.csv: named .csv but holds JSON (no CSV table): read as JSON;"
        " rename it posts.json so other tools read it right too"
    ]


def test_a_table_whose_header_opens_with_a_bracket_is_no_json(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text("[id],author,text\n1,harbor_jobs,Night shift\n", encoding="utf-8")
    assert list(misnamed_json(path)) == []


def test_json_under_a_csv_name_that_is_no_format_is_told_as_json_not_as_a_header(
    tmp_path: Path,
) -> None:
    # records without an author saved as posts.csv were told 'the header (line 1) has
    # {"platform":"x", id:"71" ...' and the columns a CSV of posts needs
    from staffpulse.errors import UnknownFormatError
    from staffpulse.sources import detect

    path = tmp_path / "posts.csv"
    authorless = [{k: v for k, v in post.items() if k not in ("type", "author")} for post in POSTS]
    path.write_text("".join(json.dumps(post) + "\n" for post in authorless), encoding="utf-8")
    with pytest.raises(UnknownFormatError) as raised:
        detect(path)
    said = str(raised.value)
    assert 'add "author" to each record' in said and "the header (line 1)" not in said
    assert "It is named .csv but holds JSON Lines: rename it posts.jsonl too" in said
    scores = tmp_path / "scores.tsv"
    scores.write_text(
        '{"name": "night shift", "score": 3}\n{"name": "open day"}\n', encoding="utf-8"
    )
    with pytest.raises(UnknownFormatError) as raised:
        detect(scores)
    assert "a JSON file whose records have no text field" in str(raised.value)


def test_a_file_saved_again_as_a_table_under_the_same_name_is_looked_at_again(
    tmp_path: Path,
) -> None:
    path = tmp_path / "posts.csv"
    path.write_text("".join(json.dumps(post) + "\n" for post in POSTS), encoding="utf-8")
    assert [notice.message[:36] for notice in misnamed_json(path)] == [
        "named .csv but holds JSON Lines (no "
    ]
    path.write_text("id,author,text\n71,harbor_jobs,Night shift\n", encoding="utf-8")
    assert list(misnamed_json(path)) == []
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
    assert (report.posts, report.notices) == (1, [])
