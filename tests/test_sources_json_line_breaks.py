"""A staffpulse JSONL record split over lines by a line break pasted into its text
(staffpulse.sources.json_line_breaks): read whole with the line break kept and told once, not
skipped as two broken lines; a line that is only cut short is still told as it was."""

from __future__ import annotations

import json
from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.models import Post
from staffpulse.sources import detect
from staffpulse.sources.base import Notice, Problem
from staffpulse.sources.native import NativeJsonl
from staffpulse.store import Record, open_store


def _post(number: int, text: str) -> str:
    return f'{{"type": "post", "id": "{number}", "author": "desk", "text": "{text}"}}'


def _read(path: Path) -> tuple[dict[str, str], list[str], list[Problem]]:
    """The text of each post read, by its id; the notes; the problems."""
    texts: dict[str, str] = {}
    notes: list[str] = []
    problems: list[Problem] = []
    for item in NativeJsonl().read(path):
        if isinstance(item, Record):
            texts.update({row.id: row.text for row in item.rows if isinstance(row, Post)})
        elif isinstance(item, Notice):
            notes.append(item.message)
        else:
            problems.append(item)
    return texts, notes, problems


def test_a_record_split_by_a_pasted_line_break_is_read_whole_and_told_once(
    tmp_path: Path,
) -> None:
    path = tmp_path / "posts.jsonl"
    lines = [_post(1, "Rota is up"), _post(2, "Shift swap open\nfor Saturday"), _post(3, "Lot C")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    texts, notes, problems = _read(path)
    assert texts == {"1": "Rota is up", "2": "Shift swap open\nfor Saturday", "3": "Lot C"}
    assert problems == []
    assert notes == [
        "line 2's record continues on line 3, split by a line break in its text: read as one"
        " record, with the line break kept in its text"
    ]


def test_the_first_record_split_so_is_read_whole_by_the_import(tmp_path: Path) -> None:
    # the reviewer's case: line 1 was told "was the file cut short?", line 2 "expecting value"
    path = tmp_path / "posts.jsonl"
    path.write_text(_post(1, "a\nb") + "\n" + _post(2, "c") + "\n", encoding="utf-8")
    assert isinstance(detect(path), NativeJsonl)
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
    assert (report.posts, report.skipped, report.problems) == (2, 0, [])
    assert [n.message.split(",")[0] for n in report.notices] == [
        "line 1's record continues on line 2"
    ]


def test_a_text_of_several_lines_and_crlf_line_ends_keeps_each_break(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    lines = [_post(1, "Agenda:\n\n- badges\n- parking"), _post(2, "Lot C")]
    path.write_bytes("\r\n".join(lines).encode("utf-8") + b"\r\n")
    texts, notes, problems = _read(path)
    assert texts == {"1": "Agenda:\n\n- badges\n- parking", "2": "Lot C"}
    assert problems == []
    assert notes[0].startswith(
        "line 1's record continues on lines 2\N{EN DASH}4, split by line breaks in its text"
    )


def test_a_line_cut_short_before_a_whole_record_is_still_told_as_cut(tmp_path: Path) -> None:
    # no line after it carries on its text: nothing is rejoined, both lines told as before
    path = tmp_path / "posts.jsonl"
    path.write_text(
        _post(1, "Rota is up")
        + "\n"
        + '{"type": "post", "id": "2", "text": "Shift sw\n'
        + _post(3, "Lot C")
        + "\n",
        encoding="utf-8",
    )
    texts, notes, problems = _read(path)
    assert sorted(texts) == ["1", "3"] and notes == []
    assert [p.line for p in problems] == [2]
    assert "(the line stops in the middle: was the file cut short?)" in problems[0].message


def test_a_file_whose_every_record_is_split_is_read_with_the_rest_told_in_one_note(
    tmp_path: Path,
) -> None:
    # no whole line near the top: it was "not a known format" with every post lost
    path = tmp_path / "posts.jsonl"
    path.write_text(
        "".join(_post(n, f"Week {n} rota\nsee the board") + "\n" for n in range(1, 10)),
        encoding="utf-8",
    )
    assert isinstance(detect(path), NativeJsonl)
    texts, notes, problems = _read(path)
    assert len(texts) == 9 and texts["9"] == "Week 9 rota\nsee the board"
    assert problems == []
    assert [note.split(",")[0] for note in notes[:3]] == [
        "line 1's record continues on line 2",
        "line 3's record continues on line 4",
        "line 5's record continues on line 6",
    ]
    assert notes[3:] == [
        "6 more records are split over lines by line breaks in their text: each read as one"
        " record, with its line breaks kept in its text (the records on lines 7, 9, 11, 13, 15"
        " and 1 more)"
    ]


def _split(record: dict[str, object]) -> str:
    """``record`` as a JSON line whose text's line break was pasted in as a real one."""
    return json.dumps(record).replace("\\n", "\n")


def _tweet_page(number: int, text: str) -> dict[str, object]:
    created = "2026-10-01T10:00:00.000Z"
    tweet = {"id": f"17{number:017d}", "text": text, "author_id": "42", "created_at": created}
    return {"data": [tweet], "includes": {"users": [{"id": "42", "username": "rotadesk"}]}}


def _v1_tweet(number: int, text: str) -> dict[str, object]:
    user = {"id_str": "77", "screen_name": "shiftdesk", "name": "Shift Desk"}
    created = "Thu Oct 01 10:00:00 +0000 2026"
    return {"id_str": f"18{number:017d}", "full_text": text, "created_at": created, "user": user}


def test_a_twarc2_page_split_by_a_line_break_keeps_its_tweets(tmp_path: Path) -> None:
    # the page was skipped as two broken lines, every tweet on it counted as lost
    path = tmp_path / "tweets.jsonl"
    pages = [_split(_tweet_page(1, "Night shift\nstarts at ten")), _split(_tweet_page(2, "Lot C"))]
    path.write_text("\n".join(pages) + "\n", encoding="utf-8")
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
        texts = {post.text for post in store.posts_by("x", "42")}
    assert (report.posts, report.skipped, report.problems) == (2, 0, [])
    assert texts == {"Night shift\nstarts at ten", "Lot C"}
    assert [n.message.split(",")[0] for n in report.notices] == [
        "line 1's record continues on line 2"
    ]


def test_v1_tweets_split_so_are_read_whole_with_the_rest_told_in_one_note(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tweets.jsonl"
    lines = [_split(_v1_tweet(n, f"Week {n} rota\nsee the board")) for n in range(1, 6)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
    assert (report.posts, report.skipped, report.problems) == (5, 0, [])
    said = [n.message for n in report.notices]
    assert [note.split(",")[0] for note in said[:3]] == [
        "line 1's record continues on line 2",
        "line 3's record continues on line 4",
        "line 5's record continues on line 6",
    ]
    assert any(note.startswith("2 more records are split over lines") for note in said)
