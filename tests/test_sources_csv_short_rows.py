"""Short CSV rows told once for the file: past the first few, the lines are cut with "…" and
the count still says how many, so a file cut at every row gives one readable notice."""

from __future__ import annotations

from staffpulse.sources.csv_short_rows import ShortRows, cut_row_message
from staffpulse.sources.csvrows import CsvRecord

HEADER = ["handle", "platform", "text", "created_at"]


def test_many_short_rows_name_the_first_lines_and_count_them_all() -> None:
    short = ShortRows(HEADER)
    short.add(CsvRecord(line=2, values={"handle": "acme"}))  # a whole row: not told
    for line in range(3, 1_203):
        short.add(CsvRecord(line=line, values={"handle": "acme"}, missing=1))
    (notice,) = short.notices("posts.csv")
    assert notice.file == "posts.csv"
    assert notice.message.startswith(
        "line 3 has 3 cells, the header has 4: imported without created_at; "
        "so were 1,199 more short rows (lines 4, 5, 6, 7, 8, …). Fill in the missing cells"
    )
    assert len(short.lines) <= ShortRows.SHOWN_LINES + 1  # not one line number a short row


def test_a_row_missing_one_cell_says_one_cell() -> None:
    short = ShortRows(["handle", "platform"])
    row = CsvRecord(line=7, values={"handle": "acme"}, missing=1)
    assert short.why(row) == "has 1 cell, the header has 2: "
    assert short.why(CsvRecord(line=8, values={})) == ""
    assert list(short.notices("a.csv")) == []  # nothing added, nothing told


def test_a_row_cut_in_a_file_written_whole_says_what_went_and_what_to_do() -> None:
    """TWCS and X Analytics write every cell: a short row was cut, and is told as such with
    its cells against the header's, what the cut took and how to get the file whole."""
    row = CsvRecord(7, {"handle": "acme", "platform": "x"}, missing=2)
    said = cut_row_message(row, "its text may be too", "export the file again")
    assert said == (
        "row has 2 of the header's 4 cells: the line looks cut short (its text may be too),"
        " so it was skipped; export the file again"
    )
