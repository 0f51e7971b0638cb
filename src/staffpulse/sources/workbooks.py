"""Spreadsheet workbooks (Excel ``.xlsx`` / ``.xls``, OpenDocument ``.ods``), which staffpulse
does not read: told what they are and how to save the CSV it does read.

An ``.xlsx`` or ``.ods`` is a ZIP (``[Content_Types].xml``, ``xl/workbook.xml``...), so a
workbook saved under a ``.csv`` name was read as a ZIP and refused as one that "holds nothing
staffpulse can import", a puzzle to someone who believes they gave a CSV. The ZIP source
passes over a workbook (:func:`workbook_of`), :func:`refuse_workbook` refuses one given alone,
and in a folder or ZIP one is left out told why (:func:`why_workbook`, one of
:data:`staffpulse.sources.folders.EXPLAINERS`); a folder or ZIP left with nothing to import
says what its workbooks are and how to save them (:func:`workbook_advice`).

A file only *named* as Excel's (an ``.xls`` holding text: what many ATS and HRIS "Export to
Excel" buttons write) is told so, not called a workbook.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from staffpulse.errors import UnknownFormatError
from staffpulse.sources.base import read_head

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 (.xls), and old Word files
ZIP_HEADER = b"PK\x03\x04"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls")
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")  # what a workbook saved under the wrong name is called
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # Excel's "Unicode text": NUL bytes, and still text


@dataclass(frozen=True, slots=True)
class Workbook:
    """What kind of workbook a file is (``said`` after "FILE is"), and how to save it as a
    CSV."""

    said: str
    fix: str


EXCEL = Workbook(
    "an Excel workbook, not a CSV",
    "in Excel choose File › Save As › CSV UTF-8 (Comma delimited) and import that file",
)
ODS = Workbook(
    "an OpenDocument spreadsheet (LibreOffice), not a CSV",
    "in LibreOffice choose File › Save As › Text CSV (.csv), with Unicode (UTF-8) as the "
    "character set, and import that file",
)


def named_excel(suffix: str) -> Workbook:
    """A text file under an Excel name: the name is the only evidence, so only it is told."""
    return Workbook(
        f"named as an Excel file ({suffix}) but holds text", "save or rename it as .csv"
    )


def _zip_holds_workbook(path: Path) -> bool:
    """Whether the ZIP ``path`` holds an Excel workbook's parts; False for one that cannot be
    opened (a head unpacked from a ZIP, a damaged file)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, EOFError):
        return False
    return "xl/workbook.xml" in names or "xl/workbook.bin" in names


def _first_member(head: bytes) -> tuple[str, bytes]:
    """The name of the first member of a ZIP and what follows it (its data, when stored), from
    the ZIP's head; ("", b"") for a head that is no ZIP's. A ZIP storing a workbook holds its
    bytes too, further on: only the first member says what the ZIP itself is."""
    if not head.startswith(ZIP_HEADER) or len(head) < 30:
        return "", b""
    name_length = int.from_bytes(head[26:28], "little")
    extra_length = int.from_bytes(head[28:30], "little")
    name = head[30 : 30 + name_length].decode("cp437", errors="replace")
    return name, head[30 + name_length + extra_length :]


def workbook_of(path: Path, head: bytes) -> Workbook | None:
    """The workbook ``path`` is, by its name or its content (whatever it is named), or None."""
    suffix = path.suffix.lower()
    first, data = _first_member(head)
    if suffix == ".ods" or (first == "mimetype" and data.startswith(ODS_MIMETYPE)):
        return ODS
    if suffix in EXCEL_SUFFIXES:
        # no OLE2 or ZIP signature: a CSV, TSV or HTML table under Excel's name, or a
        # workbook so damaged that only its name is left
        if not head.startswith((OLE2_MAGIC, ZIP_HEADER)) and _is_text(head):
            return named_excel(suffix)
        return EXCEL
    if head.startswith(OLE2_MAGIC):  # a Word file is one too: only under a table's name
        return EXCEL if suffix in TEXT_SUFFIXES else None
    if not head.startswith(ZIP_HEADER) or path.is_dir():
        return None
    # Excel writes [Content_Types].xml first and its xl/ parts soon after; the head alone
    # tells a member unpacked from a ZIP (only its head is), the whole file anything else
    if first == "[Content_Types].xml" and b"xl/" in head:
        return EXCEL
    return EXCEL if _zip_holds_workbook(path) else None


def _is_text(head: bytes) -> bool:
    """Whether a file's head reads as text: no NUL byte, unless it is UTF-16 with its mark."""
    return head.startswith(UTF16_BOMS) or (bool(head) and b"\x00" not in head)


def why_workbook(path: Path, head: bytes) -> str | None:
    """What a folder's workbook is told when it is left out, with how to save a CSV."""
    found = workbook_of(path, head)
    return f"{found.said}: {found.fix}" if found is not None else None


def refuse_workbook(path: Path) -> None:
    """Refuse a workbook given to import (:class:`UnknownFormatError`): what it is, and how
    to save it as a CSV; nothing when ``path`` is none."""
    found = workbook_of(path, read_head(path))
    if found is not None:
        raise UnknownFormatError(f"{path} is {found.said}", hint=found.fix)


def workbook_advice(files: Sequence[tuple[str, Path]]) -> tuple[str, str] | None:
    """For a folder or ZIP that holds nothing to import: what its workbooks are ("book.xlsx
    is an Excel workbook, not a CSV", the first three) and how to save each kind as a CSV,
    from its files left out (the name to show, and where the file is read); None when it
    holds no workbook. Left out among files it could not read, the advice was lost."""
    found = [
        (name, book)
        for name, path in files
        if path.is_file() and (book := workbook_of(path, read_head(path))) is not None
    ]
    if not found:
        return None
    said = "; ".join(f"{name} is {book.said}" for name, book in found[:3])
    if len(found) > 3:
        said += f"; and {len(found) - 3:,} more"
    fixes = list(dict.fromkeys(book.fix for _, book in found))
    return said, "; ".join(fixes)
