"""Dates with the year last in a staffpulse CSV (staffpulse.sources.csv_dates): read in the
order the whole column shows (US, European, dotted, AM/PM, two-digit years), refused with the
fix when it shows both orders or none, unless the order is given; ISO columns as before."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from staffpulse.errors import InputError
from staffpulse.ingest import ImportReport, import_paths
from staffpulse.sources.csv_dates import DateOrder, date_order_from
from staffpulse.store import Store, open_store


def posts_csv(folder: Path, *dates: str) -> Path:
    """A posts CSV, one post a date, ids 1, 2, 3... (line 2, 3, 4...)."""
    rows = [f'{i},acmestaffing,"{date}",opening number {i}' for i, date in enumerate(dates, 1)]
    path = folder / "posts.csv"
    path.write_text("id,author,created_at,text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def imported(
    store: Store, path: Path, order: DateOrder | None = None
) -> tuple[ImportReport, dict[str, datetime | None]]:
    """The import's report, and the date each post was stored with, by id."""
    report = import_paths(store, [path], date_order=order)
    return report, {post.id: post.created_at for post in store.posts_by("csv", "acmestaffing")}


def at(month: int, day: int, hour: int = 0, minute: int = 0, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_a_us_column_is_read_month_first_and_imported_again_without_duplicates(
    tmp_path: Path,
) -> None:
    # only line 3 shows the order (27 is no month); the others are read as it says
    path = posts_csv(tmp_path, "01/05/2026 14:05", "11/27/2026 9:30", "3/1/2026")
    with open_store(tmp_path / "s.db") as store:
        report, dates = imported(store, path)
        assert (report.posts, report.skipped, report.problems) == (3, 0, [])
        assert dates == {"1": at(1, 5, 14, 5), "2": at(11, 27, 9, 30), "3": at(3, 1)}
        again, _ = imported(store, path)  # ids come from the file, not from its dates
        assert (again.posts, again.new_posts, len(store.posts_by("csv", "acmestaffing"))) == (
            3,
            0,
            3,
        )


def test_a_european_column_is_read_day_first(tmp_path: Path) -> None:
    path = posts_csv(tmp_path, "01/05/2026 14:05", "27/11/2026 14:05")
    with open_store(":memory:") as store:
        report, dates = imported(store, path)
    assert report.problems == []
    assert dates == {"1": at(5, 1, 14, 5), "2": at(11, 27, 14, 5)}


def test_a_dotted_european_column_is_read_day_first(tmp_path: Path) -> None:
    path = posts_csv(tmp_path, "05.01.2026", "27.11.2026 14:05:30")
    with open_store(":memory:") as store:
        report, dates = imported(store, path)
    assert report.problems == []
    assert dates == {"1": at(1, 5), "2": datetime(2026, 11, 27, 14, 5, 30, tzinfo=UTC)}


def test_am_and_pm_are_read_and_a_time_without_zone_is_utc_as_in_iso(tmp_path: Path) -> None:
    path = posts_csv(
        tmp_path, "1/5/2026 9:05 AM", "1/5/2026 9:05 PM", "1/5/2026 12:05 AM", "11/27/2026 12:30 pm"
    )
    with open_store(":memory:") as store:
        report, dates = imported(store, path)
    assert report.problems == []
    assert dates == {
        "1": at(1, 5, 9, 5),
        "2": at(1, 5, 21, 5),
        "3": at(1, 5, 0, 5),  # 12 AM is midnight
        "4": at(11, 27, 12, 30),
    }


def test_excels_two_digit_years_are_read_as_excel_reads_them(tmp_path: Path) -> None:
    path = posts_csv(tmp_path, "11/27/26", "1/5/99 14:05")
    with open_store(":memory:") as store:
        report, dates = imported(store, path)
    assert report.problems == []
    assert dates == {"1": at(11, 27), "2": at(1, 5, 14, 5, year=1999)}


def test_a_column_written_both_ways_is_refused_once_with_where_each_order_shows(
    tmp_path: Path,
) -> None:
    path = posts_csv(tmp_path, "27/11/2026", "2026-11-28 10:00", "11/29/2026", "01/05/2026")
    with open_store(":memory:") as store:
        report, dates = imported(store, path)
    assert dates == {"2": at(11, 28, 10)}  # the ISO date is read; no other row is guessed
    (problem,) = report.problems
    assert (problem.file, problem.line, problem.records, report.skipped) == (str(path), 2, 3, 3)
    assert problem.message.startswith(
        "3 records, from this line on, have a 'created_at' of numbers with the year last "
        "('27/11/2026' here: 27 November), and the column writes such dates both ways: day "
        "first on line 2 ('27/11/2026') and month first on line 4 ('11/29/2026'), so they were "
        "not read"
    )
    assert "write every date the same way, best year first, as 2026-03-01T14:05" in problem.message


UNDECIDED = (
    "2 records, from this line on, have a 'created_at' of numbers with the year last "
    "('01/05/2026' here: 1 May or January 5?), and no date in the column has a day above 12 to "
    "show whether the day or the month comes first, so they were not read. To import them, "
    "write dates year first, as 2026-03-01T14:05 or 2026-03-01 (in Excel: Format Cells › "
    "Custom › yyyy-mm-dd hh:mm, then save as CSV again), and import the file again; or give "
    "the order: import it again with --date-order dmy if its dates are day first (27/11/2026) "
    "or --date-order mdy if month first (11/27/2026)"
)


def test_a_column_that_shows_no_order_is_refused_with_both_fixes(tmp_path: Path) -> None:
    path = posts_csv(tmp_path, "01/05/2026", "02/06/2026 8:00")
    with open_store(":memory:") as store:
        report, dates = imported(store, path)
    assert (dates, report.skipped) == ({}, 2)
    (problem,) = report.problems
    assert (problem.line, problem.records, problem.message) == (2, 2, UNDECIDED)


@pytest.mark.parametrize(
    ("order", "meant"),
    [("dmy", {"1": at(5, 1), "2": at(6, 2, 8)}), ("MDY", {"1": at(1, 5), "2": at(2, 6, 8)})],
)
def test_the_order_given_reads_a_column_that_shows_none(
    tmp_path: Path, order: str, meant: dict[str, datetime]
) -> None:
    path = posts_csv(tmp_path, "01/05/2026", "02/06/2026 8:00")
    with open_store(":memory:") as store:
        report, dates = imported(store, path, date_order_from(order))
    assert (report.problems, dates) == ([], meant)


def test_a_date_that_is_none_in_the_columns_order_is_told_on_its_line(tmp_path: Path) -> None:
    path = posts_csv(tmp_path, "27/11/2026", "31/02/2026", "28/11/2026")
    with open_store(":memory:") as store:
        report, dates = imported(store, path)
    assert dates == {"1": at(11, 27), "3": at(11, 28)}
    assert [(p.line, p.message) for p in report.problems] == [
        (
            3,
            "'created_at' is '31/02/2026', which is no date read day first, as the column's "
            "other dates are (line 2: '27/11/2026'): check it, or write dates year first, as "
            "2026-03-01T14:05 or 2026-03-01",
        )
    ]


def test_a_date_against_the_order_given_is_told_on_its_line(tmp_path: Path) -> None:
    path = posts_csv(tmp_path, "11/27/2026", "27/11/2026")
    with open_store(":memory:") as store:
        report, dates = imported(store, path, "mdy")
    assert dates == {"1": at(11, 27)}
    assert [(p.line, p.message.split(":")[0]) for p in report.problems] == [
        (
            3,
            "'created_at' is '27/11/2026', which is no date read month first, as --date-order mdy asks",
        )
    ]


def test_an_unknown_order_is_refused_with_the_two_there_are() -> None:
    with pytest.raises(InputError, match="--date-order 'ymd' is not an order") as refused:
        date_order_from("ymd")
    assert "use --date-order dmy for dates written day first" in (refused.value.hint or "")


def test_an_iso_column_is_read_as_before(tmp_path: Path) -> None:
    path = posts_csv(tmp_path, "2026-11-27 14:05", "2026-01-05T09:05:00+01:00", "Mar 1, 2026")
    with open_store(":memory:") as store:
        report, dates = imported(store, path, "dmy")  # no effect on such dates
    assert report.problems == []
    assert dates == {"1": at(11, 27, 14, 5), "2": at(1, 5, 8, 5), "3": at(3, 1)}


def test_a_file_saved_again_takes_the_order_its_stored_posts_show(tmp_path: Path) -> None:
    """Excel rewrote 2026-03-02 as 3/2/2026: every post is stored, so their dates decide."""
    with open_store(tmp_path / "s.db") as store:
        imported(store, posts_csv(tmp_path, "2026-03-02 09:15", "2026-04-01", "2026-03-03"))
        again = posts_csv(tmp_path, "3/2/2026 9:15", "4/1/2026", "3/3/2026")
        report, dates = imported(store, again)
    assert (report.posts, report.new_posts, report.skipped) == (3, 0, 0)
    assert dates == {"1": at(3, 2, 9, 15), "2": at(4, 1), "3": at(3, 3)}
    assert [str(n) for n in report.notices] == [
        f"{again}: its dates with the year last show no order (no day above 12), so they were "
        "read month first ('3/2/2026 9:15' as 2026-03-02): the store already holds all 3 posts"
        " of those rows (by their ids), written on those days. If that is wrong, write dates "
        "year first, as 2026-03-01T14:05 or 2026-03-01 (in Excel: Format Cells › Custom › "
        "yyyy-mm-dd hh:mm, then save as CSV again), and import the file again; or give the "
        "order: import it again with --date-order dmy if its dates are day first (27/11/2026) "
        "or --date-order mdy if month first (11/27/2026)"
    ]


def test_a_row_the_store_lacks_leaves_the_order_unknown(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        imported(store, posts_csv(tmp_path, "2026-03-02", "2026-04-01"))
        report, _dates = imported(store, posts_csv(tmp_path, "3/2/2026", "4/1/2026", "5/6/2026"))
    assert (report.posts, report.skipped) == (0, 3)
    assert "no date in the column has a day above 12" in report.problems[0].message


def test_two_stored_posts_are_both_not_all_2(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        imported(store, posts_csv(tmp_path, "2026-03-02", "2026-04-01"))
        report, _dates = imported(store, posts_csv(tmp_path, "3/2/2026", "4/1/2026"))
    said = str(report.notices[0])
    assert "the store already holds both posts of those rows (by their ids)" in said


DOTTED = (
    "its 2 dates with dots and the year last (the first: '08.04.2021 14:05', line 2) show no "
    "order (no day above 12), so they were read day first, as every country writing dates "
    "with dots writes them ('08.04.2021 14:05' as 2021-04-08). If that is wrong, write dates "
    "year first, as 2026-03-01T14:05 or 2026-03-01"
)


def test_dotted_dates_that_show_no_order_are_read_day_first_and_told_once(
    tmp_path: Path,
) -> None:
    # German, Swiss, Russian and Nordic spreadsheets write 08.04.2021: no one writes it month
    # first, so no --date-order is needed; the slash date stays refused (written both ways)
    path = posts_csv(tmp_path, "08.04.2021 14:05", "2026-01-05", "09.05.21", "03/04/2026")
    with open_store(tmp_path / "s.db") as store:
        report, dates = imported(store, path)
        again, _ = imported(store, path)
    assert dates == {"1": at(4, 8, 14, 5, year=2021), "2": at(1, 5), "3": at(5, 9, year=2021)}
    (notice,) = report.notices  # once for the file, not once a row
    assert str(notice).startswith(f"{path}: {DOTTED}")
    assert str(notice).endswith("or --date-order mdy if month first (11/27/2026)")
    (problem,) = report.problems
    assert (problem.line, problem.records) == (5, 1)
    assert "no date in the column has a day above 12" in problem.message
    assert (again.posts, again.new_posts) == (3, 0)  # imported again: no duplicates


def test_the_order_given_reads_dotted_dates_without_the_note(tmp_path: Path) -> None:
    path = posts_csv(tmp_path, "08.04.2021", "09.05.2021")
    with open_store(":memory:") as store:
        report, dates = imported(store, path, "mdy")
    assert dates == {"1": at(8, 4, year=2021), "2": at(9, 5, year=2021)}
    assert (report.problems, report.notices) == ([], [])


def test_dotted_dates_of_a_column_showing_month_first_follow_it_without_the_note(
    tmp_path: Path,
) -> None:
    path = posts_csv(tmp_path, "08.04.2021", "04.13.2021")
    with open_store(":memory:") as store:
        report, dates = imported(store, path)
    assert dates == {"1": at(8, 4, year=2021), "2": at(4, 13, year=2021)}
    assert (report.problems, report.notices) == ([], [])
