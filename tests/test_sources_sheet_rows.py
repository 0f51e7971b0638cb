"""A CSV whose cells hold line breaks: each line an import names is told with the row a
spreadsheet shows it on, where the two differ; elsewhere nothing changes."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import pytest

from staffpulse.ingest import import_paths
from staffpulse.sources.base import Problem
from staffpulse.sources.sheet_rows import line_rows, lines_with_rows, row_of
from staffpulse.store import open_store

HEADER = "id,author,created_at,text\r\n"
# a post written in three paragraphs: one row of a spreadsheet, three lines of the file
PARAGRAPHS = '1,dockhands,2025-05-02,"Crane course:\r\nsign up by Friday\r\nat the gate office"\r\n'


def _import(tmp_path: Path, text: str) -> tuple[list[Problem], list[str]]:
    path = tmp_path / "posts.csv"
    path.write_text(text, encoding="utf-8", newline="")
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
    return report.problems, [n.message for n in report.notices]


def test_a_row_below_a_cell_with_line_breaks_is_told_with_its_spreadsheet_row(
    tmp_path: Path,
) -> None:
    problems, notices = _import(
        tmp_path,
        HEADER
        + PARAGRAPHS
        + "2,dockhands,2025-05-03,Forklift day moved to June\r\n"
        + ",dockhands,2025-05-04,Safety boots in every size\r\n"
        + "Total,,,\r\n",
    )
    (problem,) = problems
    assert (problem.line, problem.row) == (6, 4)
    assert str(problem).startswith(f"{tmp_path / 'posts.csv'}:6 (row 4 in a spreadsheet): ")
    assert problem.as_dict()["row"] == 4
    # a line named inside a note gets its row too
    (total,) = [n for n in notices if "Total" in n]
    assert total.startswith('line 7 (row 5 in a spreadsheet) ("Total")')


def test_a_csv_in_a_zip_is_told_with_its_spreadsheet_rows_too(tmp_path: Path) -> None:
    text = HEADER + PARAGRAPHS + ",dockhands,2025-05-04,Safety boots in every size\r\n"
    archive = tmp_path / "sheets.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("posts.csv", text)
    with open_store(tmp_path / "x.db") as store:
        (problem,) = import_paths(store, [archive]).problems
    assert (problem.line, problem.row) == (5, 3)
    assert str(problem).startswith(f"{archive}!posts.csv:5 (row 3 in a spreadsheet): ")


def test_where_lines_and_rows_are_the_same_nothing_more_is_said(tmp_path: Path) -> None:
    problems, _ = _import(
        tmp_path,
        HEADER + PARAGRAPHS.replace("\r\n", " ", 2) + ",dockhands,2025-05-04,Boots\r\n",
    )
    (problem,) = problems
    assert (problem.line, problem.row) == (3, None)
    assert "row" not in problem.as_dict() and "spreadsheet" not in str(problem)


def test_rows_are_counted_from_the_line_breaks_above_each_line(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text(HEADER + PARAGRAPHS + "\r\n" + PARAGRAPHS + "3,a,,b\r\n", newline="")
    # line 5 is a blank row, line 6 the second post (2 lines down), line 9 the last one
    rows = line_rows(path, 9)
    assert rows == {5: 3, 9: 5}
    said = {line: row_of(line, rows, sorted(rows)) for line in (1, 2, 5, 6, 9)}
    assert said == {1: None, 2: None, 5: 3, 6: 4, 9: 5}


@pytest.mark.parametrize(
    ("said", "told"),
    [
        (
            "lines 5, 6 and 4 more",
            "lines 5 (row 3 in a spreadsheet), 6 (row 4 in a spreadsheet) and 4 more",
        ),
        ("on line 7, and then", "on line 7 (row 5 in a spreadsheet), and then"),
        ("line 1,234 here", "line 1,234 (row 1,232 in a spreadsheet) here"),
        ("2 lines were cut", "2 lines were cut"),
    ],
)
def test_only_the_lines_a_message_names_get_their_rows(said: str, told: str) -> None:
    # "and 4 more" counts lines, names none; "line 7," ends the number at its comma
    assert lines_with_rows(said, {5: 3}, [5]) == told


def test_a_line_its_reader_told_with_its_row_is_not_told_again() -> None:
    told = (
        'line 7 (row 5 in a spreadsheet) ("Total") sums up; line 1,234 (row 1,232 in a spreadsheet)'
    )
    assert lines_with_rows(told, {5: 3}, [5]) == told


def test_a_gzipped_csv_names_its_rows_too(tmp_path: Path) -> None:
    # read from a file unpacked for the moment: its messages are built with their rows
    path = tmp_path / "posts.csv.gz"
    text = HEADER + PARAGRAPHS + ",dockhands,2025-05-04,Boots\r\nTotal,,,\r\n"
    path.write_bytes(gzip.compress(text.encode()))
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [path])
    (problem,) = report.problems
    assert (problem.line, problem.row) == (5, 3)
    assert str(problem).startswith(f"{path}:5 (row 3 in a spreadsheet): ")
    (total,) = [n.message for n in report.notices if "Total" in n.message]
    assert total.startswith('line 6 (row 4 in a spreadsheet) ("Total")')
