"""Ids a spreadsheet saved with their last digits as zeros, on hand-written twarc2 CSVs."""

from __future__ import annotations

import csv
from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.models import Post
from staffpulse.sources.base import Notice, Problem
from staffpulse.sources.twarc_csv import TwarcCsv
from staffpulse.sources.zeroed_ids import HOLD, ZeroedIds, zeroed
from staffpulse.store import open_store
from staffpulse.store.core import Record

HEADER = [
    "id",
    "conversation_id",
    "referenced_tweets.retweeted.id",
    "author_id",
    "created_at",
    "text",
    "author.id",
    "author.username",
]
FIRST = 1712345678901234567  # a 19-digit X id, as posts have had since 2019


def _as_saved(post_id: str) -> str:
    """``post_id`` as a number column of a spreadsheet saves it: 15 digits, then zeros."""
    return post_id[:15] + "0" * (len(post_id) - 15)


def _write(path: Path, ids: list[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for number, post_id in enumerate(ids):
            when = f"2024-04-{number % 28 + 1:02d}T10:00:00.000Z"
            text = f"Shift {number} is open at the north warehouse"
            writer.writerow([post_id, post_id, "", "4242", when, text, "4242", "NorthwindJobs"])
    return path


def _real_ids(count: int) -> list[str]:
    return [str(FIRST + number * 7919) for number in range(count)]


def _read(path: Path) -> tuple[list[Post], list[Problem]]:
    items = list(TwarcCsv().read(path))
    posts = [r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)]
    return posts, [i for i in items if isinstance(i, Problem)]


def test_zeroed_is_a_long_id_with_zeros_past_its_15th_digit() -> None:
    assert zeroed("1712345678901230000") and zeroed("171234567890123000")
    # a real id ending in zeros before its 15th digit, a short id, a text: not so
    assert not zeroed("1712345678901238000") and not zeroed("1230000")
    assert not zeroed("0712345678901230000") and not zeroed(None)


def test_a_file_whose_ids_a_spreadsheet_zeroed_is_skipped_and_told_once(tmp_path: Path) -> None:
    # rows 3 and 4 ended alike once zeroed: imported, they were one post, "Skipped 0"
    path = _write(tmp_path / "tweets.csv", [_as_saved(i) for i in _real_ids(6)])
    posts, problems = _read(path)
    assert posts == []
    (problem,) = problems
    assert (problem.line, problem.records) == (2, 6)
    assert problem.message.startswith(
        "6 records, from this line on, have ids a spreadsheet saved with the last digits as"
        " zeros ('id' is '1712345678901230000' here"
    )
    assert "without opening it in a spreadsheet" in problem.message
    assert "format the id column as Text" in problem.message


def test_a_zeroed_copy_adds_no_posts_to_those_imported_from_the_real_file(
    tmp_path: Path,
) -> None:
    real = _write(tmp_path / "tweets.csv", _real_ids(6))
    saved = _write(tmp_path / "tweets (sheet).csv", [_as_saved(i) for i in _real_ids(6)])
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [real])
        report = import_paths(store, [saved])
        stored = store.conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0]
    assert stored == 6 and report.new_posts == 0 and report.skipped == 6


def test_a_real_id_that_ends_in_zeros_is_kept(tmp_path: Path) -> None:
    # one in 625 real ids ends so: alone among others it is no sign of a spreadsheet
    ids = [*_real_ids(5), "1712345678901990000"]
    posts, problems = _read(_write(tmp_path / "tweets.csv", ids))
    assert [post.id for post in posts] == ids and problems == []


def test_rows_held_back_come_out_in_their_order(tmp_path: Path) -> None:
    ids = _real_ids(HOLD + 5)
    posts, problems = _read(_write(tmp_path / "tweets.csv", ids))
    assert [post.id for post in posts] == ids and problems == []


def test_zeroed_rows_pasted_below_real_ones_are_skipped_from_where_they_show(
    tmp_path: Path,
) -> None:
    real = _real_ids(HOLD + 2)
    pasted = [_as_saved(i) for i in _real_ids(HOLD + 12)[HOLD + 2 :]]
    posts, problems = _read(_write(tmp_path / "tweets.csv", real + pasted))
    # the first pasted rows are no proof alone: they are kept until the others show it
    (problem,) = problems
    assert len(posts) + problem.records == len(real) + len(pasted)
    assert {post.id for post in posts} >= set(real) and problem.records >= 7


def test_a_line_not_read_passes_through_in_its_place() -> None:
    rows: list[tuple[int, dict[str, str]] | str] = [
        (2, {"id": "1712345678901230000"}),
        "a line left open",
        (4, {"id": "1712345678901240000"}),
        (5, {"id": "1712345678901250000"}),
        (6, {"id": "42"}),
    ]
    zeroed_ids = ZeroedIds[tuple[int, dict[str, str]] | str]("f.csv", ["id"])
    kept = list(zeroed_ids.kept(rows, lambda row: None if isinstance(row, str) else row))
    assert kept == ["a line left open", (6, {"id": "42"})]
    problem = zeroed_ids.problem()
    assert problem is not None and (problem.line, problem.records) == (2, 3)


def test_a_staffpulse_csv_whose_ids_were_zeroed_is_skipped_too(tmp_path: Path) -> None:
    # two posts ended alike once zeroed: the later one replaced the earlier one, unsaid why
    path = tmp_path / "posts.csv"
    rows = [f"{_as_saved(i)},@northwind,Shift {n} opens soon" for n, i in enumerate(_real_ids(6))]
    path.write_text("\n".join(["id,author,text", *rows]) + "\n", encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
        stored = store.conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0]
    assert stored == 0 and report.skipped == 6
    (problem,) = report.problems
    assert problem.message.startswith("6 records, from this line on, have ids a spreadsheet")


def test_the_id_column_is_named_as_the_header_writes_it(tmp_path: Path) -> None:
    # a header "ID" was quoted as 'id', the name it is read as: not a cell the user can find
    path = tmp_path / "posts.csv"
    rows = [f"{_as_saved(i)},@northwind,Shift {n} opens soon" for n, i in enumerate(_real_ids(6))]
    path.write_text("\n".join(["ID,Author,Text", *rows]) + "\n", encoding="utf-8")
    with open_store(":memory:") as store:
        (problem,) = import_paths(store, [path]).problems
    assert "zeros ('ID' is '1712345678901230000' here" in problem.message


def test_a_zeroed_link_costs_the_link_only_and_is_told_once(tmp_path: Path) -> None:
    # the conversation_id column alone was saved as a number: every tweet was skipped, though
    # its own id and author were whole
    ids = _real_ids(6)
    threads = [_as_saved(str(int(i) - 7_000_000_000)) for i in ids]  # a post 2 seconds older
    path = tmp_path / "tweets.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for number, (post_id, thread) in enumerate(zip(ids, threads, strict=True)):
            when = f"2024-04-{number + 1:02d}T10:00:00.000Z"
            text = f"Forklift shift {number} needs a driver"
            writer.writerow([post_id, thread, "", "4242", when, text, "4242", "NorthwindJobs"])
    items = list(TwarcCsv().read(path))
    posts = [r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)]
    assert [(p.id, p.conversation_id) for p in posts] == [(i, None) for i in ids]
    assert not [i for i in items if isinstance(i, Problem)]
    (note,) = [i.message for i in items if isinstance(i, Notice) and "zeros" in i.message]
    assert note == (
        "'conversation_id' of 6 records (lines 2, 3, 4, 5, 6 and 1 more) held ids a spreadsheet"
        " saved with the last digits as zeros ('1712345671901230000' first: it keeps 15 digits"
        " of a number): they link to no post or account, or to the wrong one, so the records"
        " were imported without them, the rest kept. To keep the link, export the ids as text"
        " (from the tool that made the file, without opening it in a spreadsheet; or format the"
        " id column as Text before the ids go in), and import the file again"
    )


def test_a_zeroed_link_in_a_staffpulse_csv_keeps_the_post(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    rows = [
        f"{i},@northwind,Shift {n} opens soon,{_as_saved(str(int(i) - 9_000_000_000))}"
        for n, i in enumerate(_real_ids(6))
    ]
    path.write_text("\n".join(["id,author,text,conversation_id", *rows]) + "\n", encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
        stored = store.conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0]
    assert stored == 6 and report.skipped == 0 and report.problems == []
    assert any(str(n).endswith("and import the file again") and "'conversation_id' of 6" in str(n)
               for n in report.notices)  # fmt: skip


def test_a_post_s_own_id_zeroed_as_its_conversation_is_read_as_that_id(tmp_path: Path) -> None:
    # a post starting its conversation names its own id there: saved with zeros, it is
    # still known, and the post keeps its conversation instead of losing it
    ids = _real_ids(6)
    rows = [f"{i},@northwind,Shift {n} opens soon,{_as_saved(i)}" for n, i in enumerate(ids)]
    path = tmp_path / "posts.csv"
    path.write_text("\n".join(["id,author,text,conversation_id", *rows]) + "\n", encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
        stored = store.conn.execute("SELECT id, conversation_id FROM posts ORDER BY id").fetchall()
    assert [tuple(row) for row in stored] == [(i, i) for i in ids]
    assert report.skipped == 0 and report.problems == []
    (note,) = [str(n) for n in report.notices if "'conversation_id'" in str(n)]
    assert note.endswith(
        "'conversation_id' of 6 records (lines 2, 3, 4, 5, 6 and 1 more) held their own ids as"
        " a spreadsheet saved with the last digits as zeros ('1712345678901230000' first for"
        f" {ids[0]}: it keeps 15 digits of a number): posts that start their own conversation,"
        " so they were read as those ids"
    )
