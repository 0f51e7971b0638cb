"""CSV cells that open safely in Excel, LibreOffice and Google Sheets.

Names, bios and handles come from strangers: a display name like ``=HYPERLINK(...)`` would run
as a formula in the marketer's spreadsheet (CSV injection, OWASP). Every CSV we write for
people passes its text cells through :func:`spreadsheet_safe`, and starts with a UTF-8 BOM so
that Excel on Windows reads accents and symbols as UTF-8.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_ENCODING = "utf-8-sig"  # the BOM tells Excel the file is UTF-8


def spreadsheet_safe(value: str) -> str:
    """``value`` as a spreadsheet cell that cannot run: one that starts like a formula gets a
    leading ``'``, which Excel, LibreOffice and Google Sheets read as "this is text"."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def safe_cell(value: Any) -> Any:
    """Text made safe; numbers and empty cells as they are (a negative score stays a number)."""
    return spreadsheet_safe(value) if isinstance(value, str) else value
