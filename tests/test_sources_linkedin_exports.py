"""The files of LinkedIn's data export are told what they are (LinkedIn is no platform
staffpulse audits), not the columns to rename to make them a staffpulse CSV."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.errors import UnknownFormatError
from staffpulse.sources import detect
from staffpulse.sources.linkedin_exports import why_linkedin_export

runner = CliRunner()
POST = "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7100000000000000001"
# As "Get a copy of your data" writes them: Connections.csv with its notes above the header
FILES = {
    "Shares.csv": "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
    f'2025-01-02 10:00:00,{POST},"We are hiring nurses, apply today",,,MEMBER_NETWORK\n',
    "Comments.csv": f'Date,Link,Message\n2025-01-03 09:00:00,{POST},"Congrats, Ana!"\n',
    # its Type column is no staffpulse record type: not read as a staffpulse CSV of "LIKE"s
    "Reactions.csv": f"Date,Type,Link\n2025-01-04 08:00:00,LIKE,{POST}\n",
    "Connections.csv": 'Notes:\n"When exporting your connection data, you may notice that some'
    ' of the email addresses are missing."\n\nFirst Name,Last Name,URL,Email Address,Company,'
    "Position,Connected On\nAna,Bo,https://www.linkedin.com/in/anabo,,Acme,Recruiter,"
    "02 Jan 2025\n",
}


@pytest.mark.parametrize(
    ("name", "holds"),
    [
        ("Shares.csv", "Shares.csv, the account's posts"),
        ("Comments.csv", "Comments.csv, the account's comments"),
        ("Reactions.csv", "Reactions.csv, the account's reactions"),
        ("Connections.csv", "Connections.csv, the account's connections"),
    ],
)
def test_each_file_is_told_what_it_holds_and_why_it_is_not_imported(
    tmp_path: Path, name: str, holds: str
) -> None:
    path = tmp_path / name
    path.write_text(FILES[name], encoding="utf-8")
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    said = str(refused.value)
    assert f"this is a file of LinkedIn's data export ({holds};" in said
    assert "does not import LinkedIn" in said
    assert "rename" not in said and "fix the file" not in said


def test_shares_with_spaced_column_names_is_told_it_is_linkedin(tmp_path: Path) -> None:
    path = tmp_path / "Shares.csv"
    path.write_text(
        "Date,Share Link,Share Commentary,Shared Url,Media Url,Visibility\n"
        f"2025-01-02 10:00:00,{POST},Two new roles in our Bristol team,,,MEMBER_NETWORK\n"
    )
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    said = str(refused.value)
    assert "LinkedIn's data export (Shares.csv, the account's posts;" in said
    assert "A staffpulse CSV of posts needs" not in said


def test_a_sheet_of_someone_elses_with_the_same_columns_is_not_called_linkedin(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("Date,Link,Message\n2025-01-03,https://example.com/a,hello\n")
    assert why_linkedin_export(path, path.read_bytes()) is None


def test_the_export_zip_is_refused_naming_what_its_files_are(tmp_path: Path) -> None:
    archive = tmp_path / "Basic_LinkedInDataExport_01-05-2026.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for name, text in FILES.items():
            z.writestr(name, text)
    result = runner.invoke(app, ["import", str(archive), "--db", str(tmp_path / "s.db")])
    said = " ".join(result.output.split())
    assert result.exit_code == 65, said
    assert "LinkedIn's data export (Shares.csv, the account's posts;" in said
