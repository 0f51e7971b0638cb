"""Short CSV rows told once for the file: past the first few, the lines are cut with "…" and
the count still says how many, so a file cut at every row gives one readable notice."""

from __future__ import annotations

from pathlib import Path

from staffpulse.sources.csv_short_rows import ShortRows, cut_row_message, ends_cut
from staffpulse.sources.csvrows import CsvRecord
from staffpulse.sources.sheet_lines import SheetLines

HEADER = ["handle", "platform", "text", "created_at"]


def test_many_short_rows_name_the_first_lines_and_count_them_all() -> None:
    short = ShortRows(HEADER)
    short.add(CsvRecord(line=2, values={"handle": "acme"}))  # a whole row: not told
    for line in range(3, 1_203):
        short.add(CsvRecord(line=line, values={"handle": "acme"}, missing=1))
    (notice,) = short.notices("posts.csv", SheetLines())
    assert notice.file == "posts.csv"
    assert notice.message.startswith(
        "line 3 has 3 cells, the header has 4: imported without created_at; "
        "so were 1,199 more short rows (lines 4, 5, 6, 7, 8, …). Fill in the missing cells"
    )
    assert len(short.lines) <= ShortRows.SHOWN_LINES + 1  # not one line number a short row


def test_short_rows_below_a_cell_with_line_breaks_are_named_with_their_rows() -> None:
    sheet = SheetLines()
    sheet.see(2, ["acme", "x", "a post\nin two paragraphs", "2025-01-01"])  # lines 2 and 3
    short = ShortRows(HEADER)
    for line in (4, 5):
        short.add(CsvRecord(line=line, values={"handle": "acme"}, missing=1))
    (notice,) = short.notices("posts.csv", sheet)
    assert notice.message.startswith(
        "line 4 (row 3 in a spreadsheet) has 3 cells, the header has 4: imported without "
        "created_at; so was 1 more short row (line 5 (row 4 in a spreadsheet))"
    )


def test_a_row_missing_one_cell_says_one_cell() -> None:
    short = ShortRows(["handle", "platform"])
    row = CsvRecord(line=7, values={"handle": "acme"}, missing=1)
    assert short.why(row) == "has 1 cell, the header has 2: "
    assert short.why(CsvRecord(line=8, values={})) == ""
    assert list(short.notices("a.csv", SheetLines())) == []  # nothing added, nothing told


def test_a_row_cut_in_a_file_written_whole_says_what_went_and_what_to_do() -> None:
    """TWCS and X Analytics write every cell: a short row was cut, and is told as such with
    its cells against the header's, what the cut took and how to get the file whole."""
    row = CsvRecord(7, {"handle": "acme", "platform": "x"}, missing=2)
    said = cut_row_message(row, "its text may be too", "export the file again")
    assert said == (
        "row has 2 of the header's 4 cells: the line looks cut short (its text may be too),"
        " so it was skipped; export the file again"
    )


def test_a_file_ends_cut_without_a_line_break_or_a_closing_quote(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    for text, cut in (("id,likes\n1,12\n", False), ("id,likes\n1,1", True), ('id\n"1"', False)):
        path.write_text(text, encoding="utf-8")
        assert ends_cut(path, "utf-8") is cut, text
    path.write_bytes(b"")
    assert not ends_cut(path, "utf-8")  # told as empty where it is read


def test_unicode_text_from_excel_ending_with_its_line_break_is_whole(tmp_path: Path) -> None:
    # UTF-16 ends with a line break's two bytes: its last byte alone, 0, read as a cut
    path = tmp_path / "export.csv"
    for codec in ("utf-16", "utf-16-be", "utf-32"):
        path.write_text("id\tlikes\n1\t12\n", encoding=codec)
        assert not ends_cut(path, codec), codec
        path.write_text("id\tlikes\n1\t12", encoding=codec)
        assert ends_cut(path, codec), codec
