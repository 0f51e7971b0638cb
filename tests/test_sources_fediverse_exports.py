"""The exports of fediverse servers other than Mastodon that staffpulse cannot file under an
account (a Misskey notes export, a Friendica account export) are told what they are and how
to get the account's posts, not what to add to make a staffpulse JSONL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.errors import UnknownFormatError
from staffpulse.sources import detect

runner = CliRunner()

# Misskey's "Export notes" (also Sharkey's, Firefish's): one object a note, no author
NOTE = {
    "id": "9x1abc0001",
    "text": "We are hiring two warehouse leads",
    "createdAt": "2025-11-02T10:00:00.000Z",
    "fileIds": [],
    "files": [],
    "replyId": None,
    "renoteId": None,
    "poll": None,
    "cw": None,
    "visibility": "public",
    "visibleUserIds": [],
    "localOnly": False,
    "reactionAcceptance": None,
}
# Friendica's "Export account" (the first line of "Export all", whose items follow)
ACCOUNT = {
    "version": "2024.03",
    "schema": 1550,
    "baseurl": "https://friendica.example",
    "user": {"uid": 2, "nickname": "acme", "username": "Acme Staffing"},
    "contact": [],
    "profile": [{"about": "We staff warehouses"}],
    "photo": [],
    "pconfig": [],
    "group": [],
    "group_member": [],
}


def _misskey(tmp_path: Path) -> Path:
    path = tmp_path / "notes-2026-01-05-12-00-00.json"
    boost = NOTE | {"id": "9x1abc0002", "text": None, "renoteId": "9x0zzz0001"}
    path.write_text(json.dumps([NOTE, boost]), encoding="utf-8")
    return path


def _friendica(tmp_path: Path) -> Path:
    path = tmp_path / "acme.backup"
    items = {"item": [{"uri": "https://friendica.example/objects/1", "body": "[b]Hiring[/b]"}]}
    path.write_text(f"{json.dumps(ACCOUNT)}\n{json.dumps(items)}\n", encoding="utf-8")
    return path


def test_a_misskey_notes_export_is_told_what_it_is_and_what_to_do(tmp_path: Path) -> None:
    path = _misskey(tmp_path)
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    said = str(refused.value)
    assert "the notes export of a Misskey server" in said
    assert "names neither the account nor its server" in said
    assert "staffpulse fetch mastodon @you@your.server" in said
    assert f"staffpulse classify {path} --output scores.jsonl" in said
    assert "add " not in said  # not told to fix a file it did not make


def test_a_friendica_export_names_the_fetch_of_its_own_account(tmp_path: Path) -> None:
    with pytest.raises(UnknownFormatError) as refused:
        detect(_friendica(tmp_path))
    said = str(refused.value)
    assert "a Friendica account export" in said and "no text field" not in said
    assert "staffpulse fetch mastodon @acme@friendica.example" in said


def test_in_a_folder_they_are_left_out_and_the_rest_imported(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    _misskey(folder)
    _friendica(folder)
    (folder / "posts.csv").write_text(
        "id,author,created_at,text\n1,acmestaff,2026-03-01T14:05:00Z,Hiring in Leeds\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["import", str(folder), "--db", str(tmp_path / "s.db")])
    said = " ".join(result.output.split())
    assert result.exit_code == 0, result.output
    assert "Imported 1 post (1 new)" in said
    assert "notes-2026-01-05-12-00-00.json: not a known format: this is the notes export" in said
    assert "acme.backup: not a known format: this is a Friendica account export" in said


def test_given_alone_the_import_exits_65(tmp_path: Path) -> None:
    result = runner.invoke(app, ["import", str(_misskey(tmp_path)), "--db", str(tmp_path / "d")])
    assert result.exit_code == 65 and "Misskey" in result.output


def test_a_friendica_export_with_a_broken_address_is_still_told_what_it_is(
    tmp_path: Path,
) -> None:
    path = tmp_path / "acme.account"
    path.write_text(json.dumps(ACCOUNT | {"baseurl": "https://[broken"}), encoding="utf-8")
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    assert "staffpulse fetch mastodon @you@your.server" in str(refused.value)
