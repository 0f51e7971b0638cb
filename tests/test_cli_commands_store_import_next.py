"""What an import prints next (staffpulse.cli.commands.store): the commands a first import
suggests, written so they run as printed (quoted handles, the store named, the program as the
user can run it)."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from staffpulse.cli import app

runner = CliRunner()


def test_the_first_import_into_a_new_store_says_what_to_type_next(tmp_path: Path) -> None:
    db = tmp_path / "client.db"
    path = tmp_path / "posts.csv"
    path.write_text("id,author,text\n1,acme,hello\n2,acme,again\n3,bob,hi\n")
    first = runner.invoke(app, ["import", str(path), "--db", str(db)])
    said = " ".join(first.output.split())
    assert first.exit_code == 0, first.output
    assert (
        f"Next: staffpulse accounts --db {db} lists the accounts it holds; staffpulse audit "
        f"@acme --db {db} grades the account with the most posts." in said
    )
    again = runner.invoke(app, ["import", str(path), "--db", str(db)])
    assert "Next:" not in again.output  # told once, for the new store
    as_json = runner.invoke(app, ["import", str(path), "--db", str(tmp_path / "j.db"), "--json"])
    json.loads(as_json.stdout)  # scripts get the document alone


@pytest.mark.parametrize(
    ("rows", "audited"),
    [
        # the same handle on two platforms: "audit @acme" alone is refused as ambiguous
        ("1,acme,x,a\n2,acme,x,b\n3,acme,mastodon,c\n", "acme @acme on X"),
        # a handle with a space, in a folder with one: the shell would split both
        (
            "1,Acme Staffing,,a\n2,Acme Staffing,,b\n",
            "Acme Staffing @Acme Staffing from a CSV (no platform)",
        ),
    ],
)
def test_the_audit_named_after_the_first_import_runs_as_printed(
    tmp_path: Path, rows: str, audited: str
) -> None:
    folder = tmp_path / "my stores"
    folder.mkdir()
    db = folder / "client.db"
    path = tmp_path / "posts.csv"
    path.write_text("id,author,platform,text\n" + rows)
    first = runner.invoke(app, ["import", str(path), "--db", str(db)])
    assert first.exit_code == 0, first.output
    said = " ".join(first.output.split())
    printed = said.split("; staffpulse audit ", 1)[1].split(" grades the account")[0]
    audit = runner.invoke(app, ["audit", *shlex.split(printed)])
    assert audit.exit_code == 0, (printed, audit.output)
    assert audited in " ".join(audit.output.split())


def test_the_first_steps_name_staffpulse_as_the_user_can_run_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before ``source .venv/bin/activate`` the bare name is "command not found"."""
    path = tmp_path / "posts.csv"
    path.write_text("id,author,text\n1,acme,hello\n")
    monkeypatch.setattr("sys.argv", [".venv/bin/staffpulse", "import"])
    monkeypatch.setattr("shutil.which", lambda name: None)
    result = runner.invoke(app, ["import", str(path), "--db", str(tmp_path / "s.db")])
    said = " ".join(result.output.split())
    assert "Next: .venv/bin/staffpulse accounts --db" in said
    assert "; .venv/bin/staffpulse audit @acme --db" in said
