"""A spreadsheet workbook given to import (an .xlsx saved under a .csv name, an .xls, an .ods)
is told what it is and how to save a CSV, never "the ZIP holds nothing staffpulse can import"."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.errors import EmptyInputError, UnknownFormatError
from staffpulse.ingest import import_paths
from staffpulse.sources import detect
from staffpulse.store import open_store

SAVE_AS = "in Excel choose File › Save As › CSV UTF-8 (Comma delimited) and import that file"


def _xlsx(path: Path) -> Path:
    """The parts of an Office Open XML workbook, as Excel writes them (its content types first)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/xl/workbook.xml"/></Types>',
        )
        book.writestr("_rels/.rels", "<Relationships/>")
        book.writestr("xl/workbook.xml", "<workbook><sheets/></workbook>")
        book.writestr("xl/worksheets/sheet1.xml", "<worksheet><sheetData/></worksheet>")
    return path


def _ods(path: Path) -> Path:
    """An OpenDocument spreadsheet: its mimetype member first, stored, as the format requires."""
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        book.writestr("content.xml", "<office:document-content/>")
    return path


def test_an_xlsx_named_csv_is_told_it_is_a_workbook(tmp_path: Path) -> None:
    book = _xlsx(tmp_path / "brighthire_posts.csv")
    with pytest.raises(UnknownFormatError) as refused:
        detect(book)
    assert refused.value.message == f"{book} is an Excel workbook, not a CSV"
    assert refused.value.hint == SAVE_AS


def test_the_cli_says_how_to_save_a_csv(tmp_path: Path) -> None:
    book = _xlsx(tmp_path / "brighthire_posts.csv")
    result = CliRunner().invoke(app, ["import", str(book), "--db", str(tmp_path / "s.db")])
    said = " ".join(result.output.split())
    assert result.exit_code == 65
    assert "brighthire_posts.csv is an Excel workbook, not a CSV" in said
    assert "File › Save As › CSV UTF-8" in said and "ZIP" not in said


@pytest.mark.parametrize(
    ("name", "content", "what"),
    [
        ("posts.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "an Excel workbook"),
        ("posts.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "an Excel workbook"),
        ("posts.xlsx", b"\x00\x13 damaged past its signature", "an Excel workbook"),
    ],
)
def test_old_and_damaged_workbooks_are_told_by_name_or_signature(
    tmp_path: Path, name: str, content: bytes, what: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnknownFormatError, match=f"is {what}, not a CSV"):
        detect(path)


@pytest.mark.parametrize(
    "content",
    [
        b"id,author,text\r\n1,acme,We are hiring\r\n",  # an ATS's "Export to Excel"
        "id\tauthor\ttext\r\n1\tacme\tWe are hiring\r\n".encode("utf-16"),  # Unicode text
        b"<html><table><tr><td>id</td><td>author</td></tr></table></html>",
    ],
)
def test_text_named_xls_is_told_it_is_named_so_not_called_a_workbook(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "posts.xls"
    path.write_bytes(content)
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    assert refused.value.message == f"{path} is named as an Excel file (.xls) but holds text"
    assert refused.value.hint == "save or rename it as .csv"


def test_text_named_xls_in_a_folder_is_left_out_told_to_rename_it(tmp_path: Path) -> None:
    folder = tmp_path / "client"
    folder.mkdir()
    (folder / "export.xls").write_text("id,author,text\n1,acme,Hi\n", encoding="utf-8")
    (folder / "posts.csv").write_text("id,author,text\n1,acme,We are hiring\n", encoding="utf-8")
    with open_store(":memory:") as store:
        report = import_paths(store, [folder])
    assert report.posts == 1
    [left] = report.problems
    assert left.message.endswith(
        "not a known format: named as an Excel file (.xls) but holds text: save or rename it as .csv"
    )
    assert "is an Excel workbook" not in left.message


def test_an_ods_is_told_how_to_save_a_csv_in_libreoffice(tmp_path: Path) -> None:
    with pytest.raises(UnknownFormatError) as refused:
        detect(_ods(tmp_path / "posts.ods"))
    assert "OpenDocument spreadsheet" in refused.value.message
    assert "LibreOffice" in (refused.value.hint or "")


def test_a_zip_of_exports_is_still_a_zip(tmp_path: Path) -> None:
    export = tmp_path / "export.zip"
    with zipfile.ZipFile(export, "w") as z:
        z.writestr("posts.csv", "id,author,text\n1,acme,We are hiring\n")
    assert detect(export).name == "zip"


def test_a_workbook_in_a_folder_is_left_out_told_why_and_the_rest_imported(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "client"
    folder.mkdir()
    _xlsx(folder / "brighthire_posts.csv")
    (folder / "posts.csv").write_text("id,author,text\n1,acme,We are hiring\n", encoding="utf-8")
    with open_store(":memory:") as store:
        report = import_paths(store, [folder])
    assert report.posts == 1 and report.skipped == 0  # left out whole: no record lost
    [left] = report.problems
    assert left.file.endswith("brighthire_posts.csv")
    assert "an Excel workbook, not a CSV" in left.message and SAVE_AS in left.message


def test_a_workbook_inside_a_zip_is_told_as_one(tmp_path: Path) -> None:
    book = _xlsx(tmp_path / "book.xlsx").read_bytes()
    export = tmp_path / "export.zip"
    with zipfile.ZipFile(export, "w") as z:
        z.writestr("clients/acme.csv", book)  # only its head is unpacked to tell its format
        z.writestr("posts.csv", "id,author,text\n1,acme,We are hiring\n")
    with open_store(":memory:") as store:
        report = import_paths(store, [export])
    assert report.posts == 1
    [left] = report.problems
    assert left.file == f"{export}!clients/acme.csv"
    assert "an Excel workbook, not a CSV" in left.message


def test_a_folder_holding_only_a_workbook_says_how_to_save_a_csv(tmp_path: Path) -> None:
    folder = tmp_path / "fold3"
    folder.mkdir()
    _xlsx(folder / "book.xlsx")
    with open_store(":memory:") as store, pytest.raises(EmptyInputError) as refused:
        import_paths(store, [folder])
    assert refused.value.message == (
        f"{folder}: the folder holds no file staffpulse can read "
        "(book.xlsx is an Excel workbook, not a CSV)"
    )
    assert refused.value.hint == SAVE_AS


def test_a_zip_holding_only_a_workbook_says_how_to_save_a_csv(tmp_path: Path) -> None:
    book = _xlsx(tmp_path / "book.xlsx").read_bytes()
    only = tmp_path / "only.zip"
    with zipfile.ZipFile(only, "w") as z:
        z.writestr("export.csv", book)
        z.writestr("notes.pdf", b"%PDF-1.4 not an export")
    result = CliRunner().invoke(app, ["import", str(only), "--db", str(tmp_path / "s.db")])
    said = " ".join(result.output.split())
    assert result.exit_code == 65, said
    assert (
        "the ZIP holds nothing staffpulse can import (export.csv is an Excel workbook, not a CSV"
        in said
    )
    assert "notes.pdf is a PDF, not a file of posts or accounts" in said
    assert "export.csv: not a known format" not in said
    assert "File › Save As › CSV UTF-8" in said


def test_the_web_import_page_tells_the_workbook_too(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from web_helpers import finished_job, make_client, upload_files

    book = _xlsx(tmp_path / "book.csv").read_bytes()
    with make_client(tmp_path / "web.db") as client:
        status = finished_job(client, upload_files(client, [("brighthire_posts.csv", book)]))
        page = client.get(f"/jobs/{status['id']}").text
    assert status["state"] == "error"
    assert "brighthire_posts.csv is an Excel workbook, not a CSV" in page
    assert "File › Save As › CSV UTF-8" in page
