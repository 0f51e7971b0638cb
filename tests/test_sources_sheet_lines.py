"""A CSV's lines and the spreadsheet rows they are, learned record by record as it is read."""

from __future__ import annotations

from staffpulse.sources.sheet_lines import SheetLines


def test_a_line_below_cells_with_line_breaks_is_named_with_its_row() -> None:
    sheet = SheetLines()
    sheet.see(1, ["id", "text"])
    sheet.see(2, ["1", "first paragraph\r\nsecond\nthird"])  # lines 2 to 4: one row
    sheet.see(5, ["2", "one line"])
    assert [sheet.told(line) for line in (2, 5, 6)] == [
        "2",
        "5 (row 3 in a spreadsheet)",
        "6 (row 4 in a spreadsheet)",
    ]


def test_a_file_whose_cells_hold_no_line_breaks_names_lines_alone() -> None:
    sheet = SheetLines()
    for line in range(1, 1500):
        sheet.see(line, ["1", "a\tb"])
    assert (sheet.told(1234), sheet.row_of(1234)) == ("1,234", None)
