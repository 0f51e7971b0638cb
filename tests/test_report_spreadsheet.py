"""Spreadsheet-safe CSV cells: a stranger's name never runs as a formula (CSV injection)."""

from __future__ import annotations

import pytest

from staffpulse.report.spreadsheet import (
    CSV_ENCODING,
    safe_cell,
    spreadsheet_safe,
    spreadsheet_text,
)


@pytest.mark.parametrize(
    "cell",
    ['=HYPERLINK("http://x.example")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"],
)
def test_a_cell_that_starts_like_a_formula_is_text(cell: str) -> None:
    assert spreadsheet_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Acme Staffing", "Rosa = recruiter", "", "café · 2×"])
def test_ordinary_text_is_unchanged(cell: str) -> None:
    assert spreadsheet_safe(cell) == cell


def test_numbers_stay_numbers_and_files_carry_a_bom() -> None:
    assert safe_cell(-3) == -3 and safe_cell(None) is None and safe_cell("-3") == "'-3"
    assert "x".encode(CSV_ENCODING).startswith(b"\xef\xbb\xbf")


def test_an_all_digit_id_stays_text_so_no_digit_is_lost() -> None:
    assert spreadsheet_text("1005985585335545856") == "'1005985585335545856"
    assert spreadsheet_text("007") == "'007"  # a leading zero would be dropped too
    assert spreadsheet_text("did:plc:abc") == "did:plc:abc"
    assert spreadsheet_text("=1+1") == "'=1+1" and spreadsheet_text("") == ""
