"""twarc2 files line by line (staffpulse.sources.twarc2): a tool's log lines before the pages,
a line that is not JSON, a damaged byte, and a text file that is no twarc2 file at all."""

from __future__ import annotations

import json
from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.sources import detect
from staffpulse.sources.twarc2 import Twarc2
from staffpulse.store import open_store
from twarc2_helpers import FIXTURES
from twarc2_helpers import read_twarc2 as _read


def test_log_lines_before_the_json_lines_are_reported_and_the_rest_read(tmp_path: Path) -> None:
    # A tool printed two lines of its own into the file before the pages.
    path = tmp_path / "search.jsonl"
    pages = (FIXTURES / "pages.jsonl").read_text(encoding="utf-8")
    path.write_text("garbage line\n[INFO] page 1\n" + pages, encoding="utf-8")
    assert detect(path).name == "twarc2"
    posts, _, problems = _read(path)
    assert set(posts) == {"200", "201", "150", "202", "190"}  # as without the log lines
    assert [p.line for p in problems] == [1, 2, 5]  # the fixture's own bad line moved by 2
    assert problems[0].message == (
        "not valid JSON: unexpected character, expected a JSON value at column 1. What to do: "
        "correct or delete this line, or export the file again; the other lines were read"
    )


def test_bad_line_is_placed_by_its_column_on_the_file_line(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    good = (FIXTURES / "pages.jsonl").read_text(encoding="utf-8").splitlines()[0]
    path.write_text(f'{good}\n{{"data": 1}}xx\n{{"a":\n{good}\n', encoding="utf-8")
    _, _, problems = _read(path)
    assert [(p.line, p.message) for p in problems] == [
        (
            2,
            "not valid JSON: unexpected content after document at column 12. What to do: "
            "correct or delete this line, or export the file again; the other lines were read",
        ),
        (
            3,
            "not valid JSON: unexpected end of data at column 6 (the line stops in the middle: "
            "was the file cut short?). What to do: correct or delete this line, or export the file "
            "again; the other lines were read",
        ),
    ]


def test_text_file_without_json_lines_is_not_claimed(tmp_path: Path) -> None:
    path = tmp_path / "notes.jsonl"
    path.write_text("just\nsome notes\nabout author_id and text\n", encoding="utf-8")
    assert not Twarc2().sniff(path, path.read_bytes())


def test_a_page_line_with_a_damaged_byte_keeps_its_posts(tmp_path: Path) -> None:
    pages = [
        {
            "data": [
                {"id": f"{page}{n}", "author_id": "1", "text": f"Caf\u00e9 {n}"} for n in range(3)
            ],
            "includes": {"users": [{"id": "1", "username": "acme", "name": "Acme \u2713"}]},
        }
        for page in (1, 2)
    ]
    lines = [bytearray(json.dumps(page).encode()) for page in pages]  # ensure_ascii, as twarc2
    lines[1][lines[1].index(b"Acme") + 1] = 0xE9  # a flipped byte in the 2nd page
    path = tmp_path / "search.jsonl"
    path.write_bytes(b"\n".join(bytes(line) for line in lines) + b"\n")
    posts, _, problems = _read(path)
    assert sorted(posts) == ["10", "11", "12", "20", "21", "22"]  # none of the page lost
    (told,) = problems
    assert told.line == 2 and told.records == 0 and "not valid UTF-8" in told.message


def _page_cut_in_its_includes(tmp_path: Path, indent: int | None) -> Path:
    """A page of a retweet, a quote and a reply to its own first tweet, cut short after the
    authors' profiles: the retweeted and quoted tweets were to follow in its includes."""
    refs = [("retweeted", "900"), ("quoted", "901"), ("replied_to", "10")]
    data = [
        {"id": str(10 + n), "text": f"shift {n} open", "author_id": "5"}
        | {"referenced_tweets": [{"type": kind, "id": ref}]}
        for n, (kind, ref) in enumerate(refs)
    ]
    users = [{"id": "5", "username": "harbor_jobs", "name": "Harbor Jobs"}]
    tweets = [{"id": ref, "text": "original", "author_id": "6"} for ref in ("900", "901")]
    page = {"data": data, "includes": {"users": users, "tweets": tweets}}
    text = json.dumps(page, indent=indent)
    path = tmp_path / ("page.json" if indent else "page.jsonl")
    path.write_text(text[: text.index('"tweets"')], encoding="utf-8")
    return path


def test_tweets_a_cut_page_retweets_or_quotes_are_counted_as_skipped(tmp_path: Path) -> None:
    # cut before them, the retweeted and quoted tweets were lost under "Skipped 0"
    for indent in (None, 2):
        with open_store(tmp_path / f"s{indent}.db") as store:
            report = import_paths(store, [_page_cut_in_its_includes(tmp_path, indent)])
        (problem,) = report.problems
        assert (report.posts, report.skipped) == (3, 2)
        assert "after its 3 entries, which were read. 2 posts they retweet, quote or answer," in (
            problem.message
        )
        assert problem.message.endswith("then import the complete file (nothing is stored twice)")
