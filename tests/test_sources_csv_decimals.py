"""Counts grouped with a dot (1.400) in a staffpulse CSV (staffpulse.sources.csv_decimals):
read as thousands when the file's other numbers show its comma is the decimal mark, left out
with a note as before when they do not."""

from __future__ import annotations

from pathlib import Path

from staffpulse.ingest import ImportReport, import_paths
from staffpulse.store import open_store


def imported(tmp_path: Path, *rows: str) -> tuple[ImportReport, dict[str, int | None]]:
    """The import of a semicolon CSV of posts (id;author;text;likes;rate), and each post's
    likes by id."""
    path = tmp_path / "posts.csv"
    header = "id;author;text;likes;rate\n"
    path.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    with open_store(":memory:") as store:
        report = import_paths(store, [path])
        return report, {p.id: p.likes for p in store.posts_by("csv", "acmestaffing")}


def test_a_dotted_thousand_is_read_when_another_cell_has_a_decimal_comma(
    tmp_path: Path,
) -> None:
    report, likes = imported(
        tmp_path,
        "1;acmestaffing;we are hiring forklift drivers;1.400;2,5",
        "2;acmestaffing;night shift openings this week;12.500.000;",
        "3;acmestaffing;thanks for coming to our fair;7;",
    )
    assert likes == {"1": 1400, "2": 12_500_000, "3": 7}
    assert (report.skipped, report.problems) == (0, [])
    (note,) = [str(n) for n in report.notices if "'likes'" in str(n)]
    assert note.endswith(
        "'likes' of 2 records (lines 2, 3) are written with a dot between groups of three "
        "digits (the first: '1.400'), so they were read as whole numbers ('1.400' as 1400): "
        "the file writes decimals with a comma (line 2, 'rate': '2,5'), so its dot groups "
        "thousands. If that is wrong, write whole numbers with digits only, e.g. 1234, then "
        "import the file again"
    )


def test_a_dotted_thousand_alone_is_still_left_out_with_its_note(tmp_path: Path) -> None:
    report, likes = imported(
        tmp_path,
        "1;acmestaffing;we are hiring forklift drivers;1.400;",
        "2;acmestaffing;night shift openings this week;3;",
    )
    assert likes == {"1": None, "2": 3}  # 1.4 or 1400? the file does not say
    assert any(
        "is no whole number of 0 or more (the first: '1.400')" in str(n) for n in report.notices
    )


def test_a_file_showing_both_decimal_marks_reads_no_dotted_thousand(tmp_path: Path) -> None:
    report, likes = imported(
        tmp_path,
        "1;acmestaffing;we are hiring forklift drivers;1.400;2,5",
        "2;acmestaffing;night shift openings this week;3;1,234",  # a comma between thousands
    )
    assert likes == {"1": None, "2": 3}
    assert not any("read as" in str(n) for n in report.notices)


def test_a_decimal_comma_in_a_text_is_not_the_files_numbers(tmp_path: Path) -> None:
    report, likes = imported(tmp_path, "1;acmestaffing;2,5;1.400;")
    assert likes == {"1": None}
    assert not any("read as" in str(n) for n in report.notices)


def test_a_comma_thousand_in_a_count_is_left_out_where_the_comma_marks_decimals(
    tmp_path: Path,
) -> None:
    # "1,234" was read as 1234 though the file's "2,5" shows its comma marks decimals: there
    # it may be 1.234 just as well, and a count's own "1,234" told nothing of the file's mark
    report, likes = imported(
        tmp_path,
        "1;acmestaffing;we are hiring forklift drivers;1.400;2,5",
        "2;acmestaffing;night shift openings this week;1,234;",
        "3;acmestaffing;thanks for coming to our fair;1,000;",  # 1 or 1000?
    )
    assert likes == {"1": 1400, "2": None, "3": None}
    assert (report.skipped, report.problems) == (0, [])
    (note,) = [str(n) for n in report.notices if "comma before three digits" in str(n)]
    assert note.endswith(
        "'likes' of 2 records (lines 3, 4) are written with a comma before three digits (the "
        "first: '1,234'): the file writes decimals with a comma (line 2, 'rate': '2,5'), so its "
        "dot groups thousands, and there '1,234' reads as the decimal 1.234, or as a thousand "
        "written another way; which, the file does not say. So they were imported without "
        "them, not guessed; write whole numbers with digits only, e.g. 1234, then import the "
        "file again to fill them in"
    )


def test_a_comma_thousand_is_read_where_nothing_shows_a_decimal_comma(tmp_path: Path) -> None:
    report, likes = imported(
        tmp_path,
        "1;acmestaffing;we are hiring forklift drivers;1,234;",
        "2;acmestaffing;night shift openings this week;7;0,5%",  # "0,5%" alone: a rate
        "3;acmestaffing;thanks for coming to our fair;3;12.5",
    )
    assert likes == {"1": 1234, "2": 7, "3": 3}  # both marks shown: read as before
    assert not any("comma before three digits" in str(n) for n in report.notices)


def test_a_number_of_millions_grouped_with_dots_is_told_as_what_showed_it(tmp_path: Path) -> None:
    # it was told as "the file writes decimals with a comma", which no cell of it did
    report, likes = imported(
        tmp_path,
        "1;acmestaffing;we are hiring forklift drivers;1.400;",
        "2;acmestaffing;night shift openings this week;2.500.000;",
    )
    assert likes == {"1": 1400, "2": 2_500_000}
    (note,) = [str(n) for n in report.notices if "'likes'" in str(n)]
    assert "(the first: '1.400'), so they were read as whole numbers ('1.400' as 1400): a " in note
    assert note.endswith(
        "number of millions in the file shows its dot groups thousands (line 3, 'likes': "
        "'2.500.000'). If that is wrong, write whole numbers with digits only, e.g. 1234, then "
        "import the file again"
    )
