"""A text a person wrote (notes, a draft) given to import: refused as what it is, with how to
export the file that is wanted, never read as a CSV whose header lacks columns; a table, a
list of handles and a folder's other files are not taken for one."""

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

NOTES = (
    "Meeting notes, Monday 3 March\n"
    "We agreed to post twice a week, mostly about hiring, and to ask Sam about the budget.\n"
    "Next steps: draft posts, check the careers page, send them to legal.\n"
)
PROSE = "this is text a person wrote (sentences, as in notes or a draft, not a table"


def test_notes_whose_first_line_has_a_comma_are_told_as_text_not_as_a_header(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(NOTES, encoding="utf-8")
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    assert PROSE in refused.value.message
    assert "header" not in refused.value.message
    hint = str(refused.value.hint)
    assert "Download an archive of your data" in hint and "Request your archive" in hint
    assert (
        "Export my data" in hint and "save it as CSV with the columns id, author and text" in hint
    )
    assert f"staffpulse classify {path} --output scores.jsonl" in hint


def test_the_import_refuses_notes_with_exit_65_and_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "ideas.txt"
    path.write_text("Ideas for the campaign\n\nPost about the new office and the team lunch.\n")
    result = CliRunner().invoke(app, ["import", str(path), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 65
    assert PROSE in result.output and "Traceback" not in result.output
    assert not (tmp_path / "s.db").exists()


def test_posts_one_a_line_are_told_a_classify_command_that_works_once_the_line_is_added(
    tmp_path: Path,
) -> None:
    """The hint said "Posts of no account can be scored as they are: staffpulse classify
    posts.txt", and that command refused the file (its first post read as a header): the
    command is said after the line to add, and it works once that line is there."""
    path = tmp_path / "posts.txt"
    lines = "Our team is growing again, we are hiring two nurses for the night shift\n"
    lines += "Had a lovely lunch with the whole office today, thanks for organising it\n"
    path.write_text(lines, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["import", str(path), "--db", str(tmp_path / "s.db")])
    said = " ".join(result.output.split())  # as Rich wraps it
    assert result.exit_code == 65 and "as they are" not in said
    told = (
        "If each line is a post of no account, add a first line that reads text; then"
        f" staffpulse classify {path} --output scores.jsonl scores them"
    )
    assert told in said
    command = said.split("then staffpulse ", 1)[1].split(" scores them", 1)[0].split()
    path.write_text(f"text\n{lines}", encoding="utf-8")  # the line the hint says to add
    scored = runner.invoke(app, [*command[:-1], str(tmp_path / command[-1])])
    assert scored.exit_code == 0, scored.output
    assert len((tmp_path / "scores.jsonl").read_text(encoding="utf-8").splitlines()) == 2


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # a table, tab-delimited as Excel saves "Text": told its header, as any table is
        (
            "posts.txt",
            "Tweet\tWhen\nWe are hiring in Dayton, apply today at our site\t2026-03-01\n",
        ),
        # a list of handles, one a line: no sentences
        ("handles.txt", "@acmestaffing\n@acmejobs\n@acme_careers\n"),
        # ids and texts with no header, tab-separated: a table all the same
        (
            "labelled.tsv",
            "".join(
                f"70556662512318054{n}\tWe are hiring nurses in Dayton this week\t0\r\n"
                for n in range(4)
            ),
        ),
        # an X archive's data file, of no other format: code, not prose
        ("like.txt", 'window.YTD.like.part0 = [\n  {"like": {"fullText": "a b c d e f g"}}\n]\n'),
    ],
)
def test_a_table_or_a_list_is_not_told_as_prose(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    assert PROSE not in refused.value.message


def test_notes_in_a_folder_are_left_out_with_its_files_of_no_known_format(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "README.txt").write_text(NOTES, encoding="utf-8")
    (tmp_path / "in" / "posts.csv").write_text(
        "id,author,text\np1,acmestaffing,We are hiring\n", encoding="utf-8"
    )
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [tmp_path / "in"])
    assert report.posts == 1
    # summed up by name with the README and LICENSE files beside data, not told one by one
    assert [(Path(p.file).name, p.message) for p in report.problems] == [
        ("README.txt", "not a known format")
    ]


def test_a_folder_given_alone_of_notes_only_is_refused_as_notes_in_one_line(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "client notes"
    folder.mkdir()
    for day in ("monday", "tuesday", "wednesday", "thursday", "friday", "weekend"):
        (folder / f"{day}.txt").write_text(NOTES, encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(folder), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 65 and "Traceback" not in result.output
    said = " ".join(result.output.split())  # as Rich wraps it
    assert (
        f"{folder}: the folder holds no file staffpulse can read: its 6 files (friday.txt,"
        " monday.txt, thursday.txt, tuesday.txt and 2 more) are text a person wrote (sentences,"
        " as in notes or a draft, not tables of posts or accounts)"
    ) in said
    assert "not a known format" not in said
    assert "Download an archive of your data" in said and "Request your archive" in said
    # in quotes, as the folder's name has a space
    assert f"staffpulse classify '{folder / 'friday.txt'}' --output scores.jsonl" in said


def test_notes_beside_a_pdf_in_a_folder_given_alone_are_each_named_for_what_they_are(
    tmp_path: Path,
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ideas.txt").write_text(NOTES, encoding="utf-8")
    (tmp_path / "in" / "brief.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    with open_store(tmp_path / "s.db") as store, pytest.raises(EmptyInputError) as refused:
        import_paths(store, [tmp_path / "in"])
    assert refused.value.message.endswith(
        "the folder holds no file staffpulse can read: brief.pdf is a PDF, not a file of posts"
        " or accounts; ideas.txt is text a person wrote"
    )


def test_a_zip_of_notes_only_is_refused_as_notes(tmp_path: Path) -> None:
    zipped = tmp_path / "notes.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("notes/ideas.txt", NOTES)
        archive.writestr("notes/meeting.txt", NOTES)
    with open_store(tmp_path / "s.db") as store, pytest.raises(EmptyInputError) as refused:
        import_paths(store, [zipped])
    assert refused.value.message == (
        f"{zipped}: the ZIP holds nothing staffpulse can import: its 2 files (ideas.txt,"
        " meeting.txt) are text a person wrote (sentences, as in notes or a draft, not tables of"
        " posts or accounts)"
    )
    assert "Download an archive of your data" in str(refused.value.hint)


def test_notes_beside_a_pdf_in_a_zip_are_named_for_what_they_are(tmp_path: Path) -> None:
    zipped = tmp_path / "brief.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("brief/ideas.txt", NOTES)
        archive.writestr("brief/brief.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    with open_store(tmp_path / "s.db") as store, pytest.raises(EmptyInputError) as refused:
        import_paths(store, [zipped])
    assert refused.value.message == (
        f"{zipped}: the ZIP holds nothing staffpulse can import (brief.pdf is a PDF, not a file"
        " of posts or accounts; ideas.txt is text a person wrote)"
    )


def test_posts_one_a_line_under_a_text_header_are_told_what_the_import_lacks(
    tmp_path: Path,
) -> None:
    """The hint to notes says to put 'text' above posts of no account: such a file is then
    told it lacks id and author, and how to score it, not sent round to the same hint."""
    path = tmp_path / "posts.txt"
    path.write_text(
        "text\nWe are hiring nurses in Dayton this week, apply today\n"
        "Thank you to everyone who came to our open day on Friday\n",
        encoding="utf-8",
    )
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    assert refused.value.message == (
        f"{path}: not a format staffpulse can import: this is a list of posts under a text"
        " header, with no id or author column: an import needs the columns id, author and text"
        " (save the sheet they come from as CSV with them). Posts of no account can be scored"
        f" as they are: staffpulse classify {path} --output scores.jsonl"
    )
    assert "add a first line" not in str(refused.value.hint)
    # in a ZIP the file is named as it is there, never by the folder it is unpacked to
    packed = tmp_path / "posts.zip"
    with zipfile.ZipFile(packed, "w") as archive:
        archive.write(path, "posts.txt")
    with open_store(tmp_path / "s.db") as store, pytest.raises(EmptyInputError) as refused_zip:
        import_paths(store, [packed])
    assert "staffpulse classify posts.txt --output" in refused_zip.value.message
    assert "staffpulse-zip" not in refused_zip.value.message


# A data folder's notes on where its table came from, naming its columns on a line of them
ABOUT_THE_DATA = (
    "Where from  : a shared drive our agency keeps for the Dayton client\n"
    "Collected   : by hand, between March and May, from the firm's public posts\n"
    "Licence     : for our team only\n"
    "Rows        : 3 posts by two accounts\n"
    "Columns     : id,author,text,created_at\n"
    "Caveats     : the dates are in local time, not UTC; one post was edited later\n"
)


def test_notes_naming_a_tables_columns_are_left_out_as_notes_not_read_as_a_csv(
    tmp_path: Path,
) -> None:
    """Lines of 'label : value' above a line that looks like a header make a person's notes:
    left out as a README is, not read as a CSV whose rows were all skipped."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ABOUT.txt").write_text(ABOUT_THE_DATA, encoding="utf-8")
    (tmp_path / "in" / "posts.csv").write_text(
        "id,author,text\np1,acmestaffing,We are hiring\n", encoding="utf-8"
    )
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [tmp_path / "in"])
    assert (report.posts, report.skipped) == (1, 0)
    assert [(Path(p.file).name, p.message) for p in report.problems] == [
        ("ABOUT.txt", "not a known format")
    ]
    assert not any("above the header" in str(note) for note in report.notices)
    # given alone, it is told as notes, with how to export the file wanted
    with pytest.raises(UnknownFormatError) as refused:
        detect(tmp_path / "in" / "ABOUT.txt")
    assert PROSE in refused.value.message


@pytest.mark.parametrize(
    ("name", "above"),
    [
        # a report's title and dates, two lines: read as a table below them, as a .csv is
        ("report.txt", "Post Performance Report\nDate Range: 11/01/2026 - 11/27/2026\n"),
        # title lines saved by a spreadsheet as tab-delimited text, padded with tabs
        (
            "sheet.txt",
            "Account:\tAcme Staffing\t\t\nPeriod: November\t\t\t\n"
            "Exported: by the social team on Friday afternoon\t\t\t\n",
        ),
        # a tool's "Label: value" lines above its tab-delimited export saved as .txt
        (
            "export.txt",
            "Report: Post performance\nAccount: @acmestaffing\nDate range: 1 Nov to 27 Nov\n",
        ),
        # a .csv is a table whatever lines of notes are above its header
        (
            "notes_above.csv",
            ABOUT_THE_DATA.replace("Columns     : id,author,text,created_at\n", ""),
        ),
    ],
)
def test_a_table_below_a_title_is_still_read(tmp_path: Path, name: str, above: str) -> None:
    delimiter = "\t" if name in ("sheet.txt", "export.txt") else ","
    table = delimiter.join(("id", "author", "text", "created_at")) + "\n"
    table += delimiter.join(("p1", "acmestaffing", "We are hiring", "2026-11-02T10:00:00Z")) + "\n"
    path = tmp_path / name
    path.write_text(above + table, encoding="utf-8")
    assert detect(path).name == "staffpulse-csv"
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
    assert (report.posts, report.skipped) == (1, 0)


def test_a_file_whose_name_has_a_space_is_told_commands_with_the_name_in_quotes(
    tmp_path: Path,
) -> None:
    """ "staffpulse classify my posts.txt" gave classify two files, neither of them this one."""
    notes = tmp_path / "my notes.txt"
    notes.write_text(NOTES, encoding="utf-8")
    with pytest.raises(UnknownFormatError) as refused:
        detect(notes)
    assert f"then staffpulse classify '{notes}' --output scores.jsonl" in str(refused.value.hint)
    texts = tmp_path / "my posts.txt"
    texts.write_text("text\nWe are hiring nurses in Dayton this week, apply today\n")
    with pytest.raises(UnknownFormatError) as refused:
        detect(texts)
    assert f"staffpulse classify '{texts}' --output scores.jsonl" in refused.value.message


def test_a_command_names_the_file_as_given_from_another_folder_and_a_zips_by_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review s40: "staffpulse classify 'my posts.csv'" named the file alone, so the command
    failed ("no such file") when the file sat in another folder; a ZIP's member, unpacked
    to a temporary folder gone after the import, is named alone still (no dead path)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my dir").mkdir()
    accounts = Path("my dir/my accts.csv")
    accounts.write_text("name,description\nTanwood Clinic,Nurses wanted across three towns\n")
    texts = Path("my dir/id texts.csv")
    texts.write_text("id,text\n1,We are hiring nurses in Dayton this week, apply today\n")
    with pytest.raises(UnknownFormatError) as refused:
        detect(accounts)
    assert "staffpulse roles 'my dir/my accts.csv' --output roles.jsonl" in refused.value.message
    with pytest.raises(UnknownFormatError) as refused:
        detect(texts)
    assert "classify 'my dir/id texts.csv' --output" in refused.value.message
    with zipfile.ZipFile("posts.zip", "w") as packed:
        packed.write(texts, "id texts.csv")
    result = CliRunner().invoke(app, ["import", "posts.zip", "--db", "s.db"])
    said = " ".join(result.output.split())
    assert "staffpulse classify 'id texts.csv' --output" in said, said
    assert "staffpulse-zip" not in said
