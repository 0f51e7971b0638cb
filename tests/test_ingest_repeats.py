"""A JSON or JSON Lines file with an entry repeated exactly (a file joined with itself, a
download saved twice into it): its posts are stored once and the file is told, as a
staffpulse CSV with a repeated line is."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.store import open_store

FIXTURES = Path(__file__).parent / "fixtures"


def _tweet(number: int) -> dict[str, object]:
    """A made-up X API v1.1 tweet, as a streaming or search download holds one a line."""
    return {
        "created_at": "Mon Mar 06 10:00:00 +0000 2023",
        "id": 1632700000000000000 + number,
        "id_str": str(1632700000000000000 + number),
        "full_text": f"We are hiring recruiters in Leeds, post {number}",
        "user": {"id": 42, "id_str": "42", "screen_name": "acmestaff", "name": "Acme Staff"},
    }


def _notes(report: object) -> list[str]:
    return [n.message for n in report.notices]  # type: ignore[attr-defined]


def test_repeated_lines_of_a_v1_jsonl_are_stored_once_and_told(tmp_path: Path) -> None:
    lines = [json.dumps(_tweet(n)) for n in (1, 2, 3)]
    joined = tmp_path / "search.jsonl"
    joined.write_text("\n".join(lines + lines[:2]) + "\n", encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [joined])
        stored = store.conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0]
    assert (report.posts, stored, report.skipped) == (3, 3, 0)
    assert _notes(report) == [
        "2 entries repeat an earlier one exactly (line 4 repeats line 1): the posts and"
        " accounts in them were imported once, nothing is lost. Check that the file holds each"
        " entry once (a file joined with itself, or a download saved twice into it)"
    ]


def test_a_tweet_listed_twice_in_a_json_file_is_told_on_its_line(tmp_path: Path) -> None:
    saved = tmp_path / "timeline.json"
    saved.write_text(json.dumps([_tweet(1), _tweet(2), _tweet(1)]), encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [saved])
    assert report.posts == 2
    assert any(
        "1 entry repeats an earlier one exactly (twice on line 1)" in m for m in _notes(report)
    )


def test_distinct_lines_and_a_second_file_are_not_told(tmp_path: Path) -> None:
    """The same tweet in two files (two overlapping searches) is how downloads overlap: the
    import counts it once and says nothing of repeats."""
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps(_tweet(1)) + "\n" + json.dumps(_tweet(2)) + "\n", "utf-8")
    second.write_text(json.dumps(_tweet(2)) + "\n" + json.dumps(_tweet(3)) + "\n", "utf-8")
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [first, second])
    assert report.posts == 3
    assert not [m for m in _notes(report) if "repeat" in m]


def test_an_archive_entry_repeated_in_another_part_names_both_files(tmp_path: Path) -> None:
    """An X archive is one export of several files: the note names each file with its line,
    as the lines of two files are counted apart."""
    archive = tmp_path / "archive"
    shutil.copytree(FIXTURES / "x_archive", archive)
    first = (archive / "data" / "tweets.js").read_text("utf-8").splitlines()[1:19]
    part = archive / "data" / "tweets-part1.js"
    kept = part.read_text("utf-8").rstrip().removesuffix("]").rstrip()
    part.write_text(kept + ",\n" + "\n".join(first) + "\n]\n", "utf-8")
    repeat_at = kept.count("\n") + 2  # the line the appended entry opens on
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [archive])
    notes = [m for m in _notes(report) if "repeat" in m]
    assert notes == [
        f"1 entry repeats an earlier one exactly ({part}:{repeat_at} repeats"
        f" {archive / 'data' / 'tweets.js'}:2): the posts and accounts in it were imported"
        " once, nothing is lost. Check that its files hold each entry once (a part saved"
        " twice, or joined with another)"
    ]
