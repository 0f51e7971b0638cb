"""Dates and counts as a spreadsheet writes them: what has one meaning is read, what could
mean two things is refused with the fix, and a file of them is told once."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from staffpulse.ingest import import_paths
from staffpulse.sources.column_errors import AmbiguousDates, ToldOnce
from staffpulse.sources.written import (
    RoundedIdError,
    WrittenDateError,
    handle_written,
    written_count,
    written_id,
    written_time,
)
from staffpulse.store import open_store

MARCH_1 = datetime(2026, 3, 1, tzinfo=UTC)
MARCH_1_1405 = datetime(2026, 3, 1, 14, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("2026-03-01T14:05", MARCH_1_1405),
        ("Sun Mar 01 14:05:00 +0000 2026", MARCH_1_1405),
        ("Mar 1, 2026", MARCH_1),
        ("March 1, 2026 2:05 PM", MARCH_1_1405),
        ("1 March 2026 14:05", MARCH_1_1405),
        ("Sunday, March 1, 2026", MARCH_1),
        ("Sept 1, 2026", datetime(2026, 9, 1, tzinfo=UTC)),
        ("2026/03/01 14:05", MARCH_1_1405),
        ("2026-03-01 2:05 PM", MARCH_1_1405),  # an ISO date with a 12-hour clock
        ("2026-03-01 14:05:00 UTC", MARCH_1_1405),  # as BigQuery and databases export it
        ("2026-03-01 14:05 GMT", MARCH_1_1405),
        ("Mar 1, 2026 2:05 p.m. UTC", MARCH_1_1405),
        ("2026-03-01 16:05+02:00 UTC", MARCH_1_1405),
        ("", None),
    ],
)
def test_dates_of_one_meaning_are_read(written: str, meant: datetime | None) -> None:
    assert written_time({"created_at": written}, "created_at") == meant


@pytest.mark.parametrize(
    ("written", "readings"),
    [
        ("3/1/2026 14:05", "(3 January or March 1?)"),
        ("01.03.2026", "(1 March or January 3?)"),
        ("13/1/2026", "(13 January)"),  # its order shows, but the column's other rows would not
    ],
)
def test_a_date_of_numbers_with_the_year_last_is_never_guessed(written: str, readings: str) -> None:
    with pytest.raises(WrittenDateError) as refused:
        written_time({"created_at": written}, "created_at")
    assert refused.value.ambiguous
    assert f"'created_at' is {written!r} {readings}" in str(refused.value)
    assert "write dates year first, as 2026-03-01T14:05" in str(refused.value)


def test_a_date_that_is_no_date_says_what_to_write() -> None:
    for written in ("yesterday", "Feb 30, 2026", "Foo 1, 2026"):
        with pytest.raises(WrittenDateError) as refused:
            written_time({"created_at": written}, "created_at")
        assert not refused.value.ambiguous
        assert str(refused.value) == (
            f"'created_at' is {written!r}, not a date staffpulse reads; write dates year "
            "first, as 2026-03-01T14:05 or 2026-03-01"
        )


def test_a_date_with_a_zone_named_by_letters_other_than_utc_says_to_write_its_offset() -> None:
    # EST is US Eastern or Australian Eastern time: never guessed
    for written, zone in (("2026-03-01 14:05 EST", "EST"), ("March 1, 2026 2:05 PM CET", "CET")):
        with pytest.raises(WrittenDateError) as refused:
            written_time({"created_at": written}, "created_at")
        assert not refused.value.ambiguous
        assert str(refused.value) == (
            f"'created_at' is {written!r}: the time zone {zone!r} is not read, as such letters "
            "name different zones in different countries; write the time with its offset from "
            "UTC, as 2026-03-01T14:05-05:00, or in UTC, as 2026-03-01T19:05Z"
        )
    for written in ("today UTC", "2026-03-01 PM"):  # no date before the letters
        with pytest.raises(WrittenDateError, match="not a date staffpulse reads"):
            written_time({"created_at": written}, "created_at")


def test_counts_with_thousands_separators_are_read_and_decimals_refused() -> None:
    for written, meant in (("1,234", 1234), ("12 345", 12345), ("1,234,567", 1234567), ("3.0", 3)):
        assert written_count({"likes": written}, "likes") == meant
    for written in ("1.234", "1,5", "1,23", "1.5k"):  # a decimal or a thousand? never rounded
        with pytest.raises(ValueError, match=r"write whole numbers with digits only, e\.g\. 1234"):
            written_count({"likes": written}, "likes")
    with pytest.raises(ValueError, match="cannot be negative"):
        written_count({"likes": "-5"}, "likes")


def test_a_decimal_comma_of_a_whole_count_is_read_and_a_dotted_thousand_refused() -> None:
    # a spreadsheet where the comma is the decimal mark saves "12.0" again as "12,0"
    for written, meant in (("12,0", 12), ("7,00", 7), (" 12,0 ", 12), ("1,000", 1000)):
        assert written_count({"likes": written}, "likes") == meant
    # "1.000" was read as 1: where the dot groups thousands (German) it is 1000
    for written in ("1.000", "12.500", "1.000.000"):
        with pytest.raises(ValueError, match=r"write whole numbers with digits only"):
            written_count({"likes": written}, "likes")
    assert written_count({"likes": "1234.000"}, "likes") == 1234  # no group: a decimal


def test_a_count_formatted_with_groups_and_decimals_is_read_whole() -> None:
    # a sheet's number format "#,##0.00" saved 1234 as "1,234.00" (or "1.234,00" in German):
    # both marks show which is which, yet the count was left out as no whole number
    for written, meant in (("1,234.00", 1234), ("1.234,00", 1234), ("12,500,000.0", 12500000)):
        assert written_count({"likes": written}, "likes") == meant
    assert written_count({"likes": "1 234,00"}, "likes") == 1234  # grouped by a space (French)
    for written in ("1,234.50", "1.234,5", "1,234,00", "1.234.00", "1,23.00"):  # never a guess
        with pytest.raises(ValueError, match="should be a whole number"):
            written_count({"likes": written}, "likes")
    assert written_count({"likes": "0.000"}, "likes") == 0  # no thousand starts with 0


def test_a_file_of_such_dates_is_told_once() -> None:
    dates = AmbiguousDates("posts.jsonl")  # a CSV reads them in its column's order (csv_dates)
    assert dates.problem() is None
    for line, written in ((2, "3/1/2026 14:05"), (5, "4/1/2026")):
        dates.add(line, WrittenDateError("created_at", written, ambiguous=True))
    problem = dates.problem()
    assert problem is not None and (problem.line, problem.records) == (2, 2)
    assert problem.message.startswith(
        "2 records, from this line on, have a 'created_at' of numbers with the year last "
        "('3/1/2026 14:05' here: 3 January or March 1?)"
    )
    assert problem.message.endswith(
        "To import them, write dates year first, as 2026-03-01T14:05 or 2026-03-01, and import "
        "the file again"
    )


# -- ids, and ids a spreadsheet rounded -------------------------------------------------------


def test_a_whole_number_id_a_program_wrote_as_a_float_is_that_number(tmp_path: Path) -> None:
    # pandas writes a column of numbers with a blank as floats: "101.0" was stored as a second
    # post beside the 101 imported before, and a reply to "101.0" linked to no post
    assert written_id({"reply_to_id": " 101.0 "}, "reply_to_id") == "101"
    assert written_id({"id": "7.00"}, "id") == "7"
    assert written_id({"id": "1.5"}, "id") == "1.5"  # no whole number: text, as written
    path = tmp_path / "posts.csv"
    path.write_text(
        "id,author,text,reply_to_id\n101,@harborline,Dock shifts open,\n"
        "102.0,@harborline,Night crew too,101.0\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [path])
        rows = store.conn.execute("SELECT id, reply_to_post_id FROM posts ORDER BY id")
        assert [tuple(row) for row in rows] == [("101", None), ("102", "101")]


def test_ids_are_text_or_whole_numbers_and_nothing_else_is_stored_as_its_repr() -> None:
    assert written_id({"id": " 1900000000000000001 "}, "id") == "1900000000000000001"
    assert written_id({"id": 123}, "id") == "123"  # a JSON export's number id
    assert written_id({"id": ""}, "id") is None and written_id({}, "id") is None
    for value, said in (
        ([1], "got [1] (a list)"),
        ({"a": 1}, 'got {"a": 1} (an object)'),
        (True, "got true (true or false)"),
        (1.5, "got 1.5 (a number)"),
        (float("inf"), "got a number too large to read"),  # 1e400 in a JSON file
    ):
        with pytest.raises(ValueError, match="should be text or a whole number") as refused:
            written_id({"id": value}, "id")
        assert str(refused.value).endswith(said)


def test_an_id_in_scientific_notation_is_refused_as_rounded() -> None:
    for value in ("6.5873E+17", "6,5873E+17", "7E+17", 6.5873e17):
        with pytest.raises(RoundedIdError, match="rounded by a spreadsheet") as refused:
            written_id({"reply_to_id": value}, "reply_to_id")
        assert "export the ids as text" in str(refused.value)
    # a Bluesky record key or a handle-like id is not a number in scientific notation
    assert written_id({"id": "3e22kzvbqf2c"}, "id") == "3e22kzvbqf2c"


def test_a_number_is_not_read_as_a_1970_date() -> None:
    for value in (12345, 1.5e9, True):
        with pytest.raises(ValueError, match="'created_at' should be a date written as text"):
            written_time({"created_at": value}, "created_at")


def test_a_column_of_rounded_ids_is_told_once_with_ambiguous_dates_apart() -> None:
    told = ToldOnce("posts.jsonl")
    assert not told.take(9, ValueError("'likes' should be a whole number"))  # told on its line
    for line in (2, 3, 4):
        assert told.take(line, RoundedIdError("id", "6.5873E+17"))
    assert told.take(7, WrittenDateError("created_at", "3/1/2026", ambiguous=True))
    dates, ids = told.problems()
    assert (dates.line, dates.records, ids.line, ids.records) == (7, 1, 2, 3)
    assert ids.message.startswith(
        "3 records, from this line on, have ids rounded by a spreadsheet ('id' is '6.5873E+17' "
        "here: scientific notation has lost the last digits), so they cannot be used as ids"
    )
    assert "To import them, export the ids as text" in ids.message


# -- handles, and the profile addresses people paste for them ---------------------------------


def test_a_profile_address_is_read_as_the_handle_it_names() -> None:
    # pasted into a sheet of competitors, the address was stored as the handle
    assert handle_written(" @AcmeStaffing ") == "AcmeStaffing"
    assert handle_written("jane@hr.social") == "jane@hr.social"
    assert handle_written("https://x.com/ZenithTemps") == "ZenithTemps"
    assert handle_written("twitter.com/BetaJobs/status/1") == "BetaJobs"
    assert handle_written("https://bsky.app/profile/rosa.bsky.social") == "rosa.bsky.social"
    assert handle_written("https://hr.social/@jane") == "jane@hr.social"
    with pytest.raises(ValueError, match="is not a profile URL of X, Bluesky or Mastodon"):
        handle_written("https://acme.example/about")


@pytest.mark.parametrize("zero", ["0000-00-00", "0000-00-00 00:00:00", "0000-00-00T00:00:00Z"])
def test_a_databases_zero_date_is_no_date(zero: str) -> None:
    # MySQL exports write a missing date so: the post is kept undated, not skipped
    assert written_time({"created_at": zero}, "created_at") is None


def test_the_year_zero_is_kept_as_a_date_no_post_can_have() -> None:
    # it was skipped as "not a date staffpulse reads; write dates year first", which it is
    kept = written_time({"created_at": "0000-01-01T00:00:00Z"}, "created_at")
    assert kept == datetime.min.replace(tzinfo=UTC)
