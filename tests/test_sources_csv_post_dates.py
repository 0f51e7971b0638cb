"""A sheet of posts whose time is in a "Date" (Posted, Time, Post date) column: read as the
posts' created_at and told once; a cell that is no date costs its post the date only, told."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from staffpulse.ingest import import_paths
from staffpulse.sources.csv_dates import DateOrder
from staffpulse.store import open_store

LINK = "https://x.com/harborcrew/status/"


def _import(
    tmp_path: Path, text: str, order: DateOrder | None = None
) -> tuple[dict[str, datetime | None], list[str], int]:
    path = tmp_path / "sheet.csv"
    path.write_text(text, encoding="utf-8")
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path], date_order=order)
        # a sheet of links stores x posts; one with ids and no platform column, csv ones
        posts = [*store.posts_by("x", "harborcrew"), *store.posts_by("csv", "harborcrew")]
    dates = {p.id: p.created_at for p in posts}
    return dates, [n.message for n in report.notices], report.skipped


def test_a_sheet_of_links_with_a_date_column_is_dated(tmp_path: Path) -> None:
    dates, notices, skipped = _import(
        tmp_path,
        "Date,Post URL,Text,Likes\r\n"
        f"21/03/2024 09:15,{LINK}1770000000000000001,Crane course starts Monday,4\r\n"
        f"02/04/2024 17:40,{LINK}1770000000000000002,Night shift photos from the quay,9\r\n",
    )
    assert dates == {
        "1770000000000000001": datetime(2024, 3, 21, 9, 15, tzinfo=UTC),
        "1770000000000000002": datetime(2024, 4, 2, 17, 40, tzinfo=UTC),
    }
    assert skipped == 0
    said = [n for n in notices if "created_at" in n]
    assert said == [
        'the file has no created_at column: the time of 2 posts was read from "Date", as a '
        "sheet of posts names it"
    ]


@pytest.mark.parametrize("name", ["Posted", "TIME", "Post date", "posted at"])
def test_other_names_of_the_time_are_read_whatever_their_case(tmp_path: Path, name: str) -> None:
    dates, notices, _ = _import(
        tmp_path,
        f"id,author,{name},text\r\n7,harborcrew,2025-06-01T08:00:00Z,Forklift refresher today\r\n",
    )
    assert dates == {"7": datetime(2025, 6, 1, 8, 0, tzinfo=UTC)}
    assert not any("Rename" in n for n in notices)


def test_a_date_and_a_time_column_are_read_together(tmp_path: Path) -> None:
    dates, notices, _ = _import(
        tmp_path,
        "id,author,Date,Time,text\r\n8,harborcrew,2025-06-01,14:30,Dock safety walk at two\r\n",
    )
    assert dates == {"8": datetime(2025, 6, 1, 14, 30, tzinfo=UTC)}
    assert any('read from "Date" and "Time"' in n for n in notices)


def test_a_cell_that_is_no_date_keeps_its_post_undated_and_is_told(tmp_path: Path) -> None:
    dates, notices, skipped = _import(
        tmp_path,
        "id,author,Date,text\r\n"
        "1,harborcrew,2025-06-01,Welders wanted for the dry dock\r\n"
        "2,harborcrew,last Tuesday,Thanks to everyone at the open day\r\n"
        "3,harborcrew,soon,Hard hats back in stock\r\n",
    )
    assert skipped == 0  # the posts are kept, only their dates are lost
    assert dates == {"1": datetime(2025, 6, 1, tzinfo=UTC), "2": None, "3": None}
    (told,) = [n for n in notices if n.startswith("2 rows")]
    assert told == (
        "2 rows (lines 3 and 4): \"Date\" holds no date staffpulse reads ('last Tuesday':"
        " not a date), so those posts were imported without a date (the audit cannot place"
        " them in time). To date them, write dates year first, as 2026-03-01T14:05 or"
        " 2026-03-01, and import the file again (nothing is stored twice)"
    )


def test_dates_that_show_no_order_are_told_with_the_date_order_option(tmp_path: Path) -> None:
    text = "id,author,Posted,text\r\n1,harborcrew,03/04/2025,Quay tour on Friday\r\n"
    dates, notices, _ = _import(tmp_path, text)
    assert dates == {"1": None}
    (told,) = [n for n in notices if n.startswith("line 2")]
    assert "'03/04/2025': 3 April or March 4?" in told
    assert "--date-order" in told
    (tmp_path / "again").mkdir()
    dated, _, _ = _import(tmp_path / "again", text, order="dmy")
    assert dated == {"1": datetime(2025, 4, 3, tzinfo=UTC)}


def test_two_time_columns_are_not_guessed_between(tmp_path: Path) -> None:
    dates, notices, _ = _import(
        tmp_path,
        "id,author,Date,Published,text\r\n1,harborcrew,2025-06-01,2025-06-02,Quay tour\r\n",
    )
    assert dates == {"1": None}
    assert any('Rename "Date" to "created_at"' in n for n in notices)


def test_a_row_skipped_for_another_reason_is_not_counted_as_dated(tmp_path: Path) -> None:
    # its link names no author: skipped and told as that, so 1 post dated, not 2
    dates, notices, skipped = _import(
        tmp_path,
        "Date,Post URL,Text\r\n"
        f"2025-06-01,{LINK}1770000000000000003,Gate code changes Monday\r\n"
        "nope,https://x.com/i/web/status/1770000000000000004,Canteen opens late\r\n",
    )
    assert skipped == 1 and list(dates) == ["1770000000000000003"]
    assert [n for n in notices if "created_at" in n or "no date" in n] == [
        'the file has no created_at column: the time of 1 post was read from "Date", as a '
        "sheet of posts names it"
    ]


def test_one_day_for_every_post_is_told_as_maybe_the_sheets_day(tmp_path: Path) -> None:
    # a report's "Date" (the day it was sent) put on every post, unsaid
    rows = "".join(f"{n},harborcrew,2025-07-31,Dock shift {n} filled\r\n" for n in (1, 2, 3))
    dates, notices, _ = _import(tmp_path, "id,author,Date,text\r\n" + rows)
    assert set(dates.values()) == {datetime(2025, 7, 31, tzinfo=UTC)}
    (told,) = [n for n in notices if "same" in n]
    assert told.startswith('all 3 posts have the same "Date", 2025-07-31, and no time: if')
    assert "write each post's date in a column named created_at" in told
    # posts of several days, or with their times, are not doubted
    rows = "".join(
        f"{n},harborcrew,2025-07-31 0{n}:10,Dock shift {n} filled\r\n" for n in (1, 2, 3)
    )
    _, notices, _ = _import(tmp_path, "id,author,Date,text\r\n" + rows)
    assert not [n for n in notices if "same" in n]


def test_a_date_and_a_time_neither_read_are_told_in_the_plural(tmp_path: Path) -> None:
    _, notices, _ = _import(
        tmp_path, "id,author,Date,Time,text\r\n4,harborcrew,soon,later,Gate opens early\r\n"
    )
    assert any('line 2: "Date" and "Time" hold no date staffpulse reads' in n for n in notices)


def test_an_undated_post_below_a_cell_in_paragraphs_is_named_with_its_spreadsheet_row(
    tmp_path: Path,
) -> None:
    text = (
        "id,author,text,Date\n"
        '1,harborcrew,"Dock rota:\nnights first\nthen days",2025-05-02\n'
        "2,harborcrew,Gate closes early,sometime soon\n"
    )
    _, notes, skipped = _import(tmp_path, text)
    assert skipped == 0
    (said,) = [n for n in notes if "holds no date" in n]
    assert said.startswith('line 5 (row 3 in a spreadsheet): "Date" holds no date')
