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


def spreadsheet_text(value: str) -> str:
    """``value`` as a cell kept as text even when it is all digits. Spreadsheets read a digit
    string as a number: Excel keeps 15 significant digits, so the 19-digit X account id
    1005985585335545856 shows as 1.00599E+18 and comes back as 1005985585335540000, and a
    leading zero is dropped. The same leading ``'`` as :func:`spreadsheet_safe` marks it text."""
    if value.isascii() and value.isdigit():
        return "'" + value
    return spreadsheet_safe(value)


def safe_cell(value: Any) -> Any:
    """Text made safe; numbers and empty cells as they are (a negative score stays a number)."""
    return spreadsheet_safe(value) if isinstance(value, str) else value
