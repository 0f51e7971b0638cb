"""Result files written where the user said (staffpulse.output_files): a path whose folder is
a file (`--csv afile/x.csv`) or that is a folder is told in words, with what to do, exit 65 and
no traceback, by every command that writes one (benchmark --csv and --html, audit --html,
inbox --html, connect --export --output), and demo --out a file; nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from connect_fixtures import connect_db
from staffpulse.cli.app import app
from staffpulse.errors import InputError
from staffpulse.output_files import write_output

runner = CliRunner()
db = pytest.fixture(connect_db, name="db")


def test_text_and_bytes_are_written_with_their_folders(tmp_path: Path) -> None:
    assert write_output(tmp_path / "a" / "b.html", "café", "--html").read_bytes() == (
        "café".encode()
    )
    assert write_output(tmp_path / "c.csv", b"\xef\xbb\xbfx", "--csv").read_bytes() == (
        b"\xef\xbb\xbfx"
    )


def test_a_file_where_a_folder_should_be_is_named(tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("kept")
    with pytest.raises(InputError) as caught:
        write_output(afile / "deeper" / "x.csv", b"x", "--csv")
    assert caught.value.message == (
        f"cannot write {afile / 'deeper' / 'x.csv'}: {afile} is a file, not a folder"
    )
    assert caught.value.hint == "give a path in a folder for --csv, e.g. --csv x.csv"
    assert afile.read_text() == "kept"  # the file in the way is left as it was


def test_a_folder_given_as_the_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        write_output(tmp_path, "<html>", "--html")
    assert caught.value.message == f"cannot write {tmp_path}: it is a folder, not a file"
    assert caught.value.hint == f"give a file path for --html, e.g. --html {tmp_path}/report.html"


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["benchmark", "--min-posts", "1", "--csv", "afile/x.csv"], "--csv"),
        (["benchmark", "--min-posts", "1", "--html", "afile/x.html"], "--html"),
        (["audit", "acme_staffing", "--html", "afile/x.html"], "--html"),
        (["inbox", "--html", "afile/x.html"], "--html"),
        (["connect", "acme_staffing", "--export", "csv", "--output", "afile/x.csv"], "--output"),
    ],
)
def test_every_command_says_the_folder_given_is_a_file(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], option: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "afile").write_text("kept")
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 65, result.output
    said = " ".join(result.stderr.split())
    assert f"cannot write {args[-1]}: afile is a file, not a folder" in said, said
    assert f"give a path in a folder for {option}" in said
    assert "File exists" not in result.output and "Traceback" not in result.output
    assert (tmp_path / "afile").read_text() == "kept"


def test_the_demo_says_its_out_folder_is_a_file(tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("kept")
    for out, said in ((afile, "it"), (afile / "sub", str(afile))):
        result = runner.invoke(app, ["demo", "--out", str(out)])
        assert result.exit_code == 65, result.output
        text = " ".join(result.stderr.split())
        assert f"cannot write into {out}: {said} is a file, not a folder" in text, text
        assert "give a folder for --out" in text and "Traceback" not in result.output
    assert afile.read_text() == "kept"


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["audit", "acme_staffing", "--html", "reprots/may/x.html"], "--html"),
        (["inbox", "--html", "reprots/may/x.html"], "--html"),
        (
            ["connect", "acme_staffing", "--export", "csv", "--output", "reprots/may/x.csv"],
            "--output",
        ),
    ],
)
def test_a_missing_folder_above_the_files_own_is_named_not_made(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], option: str
) -> None:
    # both folders were made silently: a typo in a folder name put the file where no one looked
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 65, result.output
    said = " ".join(result.stderr.split())
    assert f"cannot write {args[-1]}: the folder reprots does not exist" in said, said
    assert f"check the folder names in {option}, or make the folder first" in said
    assert "(mkdir -p reprots/may) and run the command again" in said
    assert not (tmp_path / "reprots").exists()


def test_the_files_own_folder_is_made_when_the_one_above_it_exists(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(
        app, ["audit", "acme_staffing", "--html", "reports/x.html", "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    assert "HTML report: reports/x.html" in result.output
    assert (tmp_path / "reports" / "x.html").is_file()


def test_the_demo_names_a_missing_folder_above_its_out_folder(tmp_path: Path) -> None:
    out = tmp_path / "dmeo" / "out"
    result = runner.invoke(app, ["demo", "--out", str(out)])
    assert result.exit_code == 65, result.output
    said = " ".join(result.stderr.split())
    assert f"cannot make the folder {out}: the folder {tmp_path / 'dmeo'} does not exist" in said
    assert not (tmp_path / "dmeo").exists()


@pytest.mark.parametrize(
    ("args", "wrong", "right"),
    [
        (["benchmark", "--min-posts", "1", "--csv", "league.html"], "an HTML", "league.csv"),
        (["benchmark", "--min-posts", "1", "--html", "league.csv"], "a CSV", "league.html"),
        (["audit", "acme_staffing", "--html", "report.json"], "a JSON", "report.html"),
        (["inbox", "--html", "inbox.csv"], "a CSV", "inbox.html"),
    ],
)
def test_a_file_named_as_another_kind_is_not_overwritten(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], wrong: str,
    right: str,
) -> None:  # fmt: skip
    # QA: benchmark --csv league.html (the two options swapped) wrote CSV over the report
    monkeypatch.chdir(tmp_path)
    (tmp_path / args[-1]).write_text("the report made yesterday")
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 65, result.output
    said = " ".join(result.stderr.split())
    option = args[-2]
    assert f"not writing {args[-1]}: {option} writes" in said and f"says {wrong} file" in said
    assert f"give {option} a file ending in" in said and f"(e.g. {option} {right})" in said
    assert "Traceback" not in result.output
    assert (tmp_path / args[-1]).read_text() == "the report made yesterday"


def test_a_name_with_no_kind_or_the_right_one_is_written(tmp_path: Path) -> None:
    assert write_output(tmp_path / "league", "x", "--csv").read_text() == "x"
    assert write_output(tmp_path / "league.TSV", "x", "--csv").read_text() == "x"
    assert write_output(tmp_path / "page.HTM", "x", "--html").read_text() == "x"
    # an option that writes several kinds (connect --export FORMAT --output) is left alone
    assert write_output(tmp_path / "people.json", "x", "--output").read_text() == "x"


@pytest.mark.parametrize(
    ("args", "work"),
    [
        (["benchmark", "--min-posts", "1", "--csv", "league.html"], "staffpulse.benchmark"),
        (["benchmark", "--min-posts", "1", "--html", "gone/deeper/b.html"], "staffpulse.benchmark"),
        (["audit", "acme_staffing", "--html", "report.json"], "staffpulse.audit"),
        (["inbox", "--html", "inbox.csv"], "staffpulse.listen.inbox"),
    ],
)
def test_a_wrong_output_name_is_refused_before_the_work_starts(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], work: str,
) -> None:  # fmt: skip
    # QA: benchmark --csv league.html ranked the whole cohort, then refused the name
    started: list[str] = []
    name = {"staffpulse.benchmark": "run_benchmark", "staffpulse.audit": "audit_account"}
    monkeypatch.setattr(
        f"{work}.{name.get(work, 'build_inbox')}", lambda *a, **k: started.append(work)
    )
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 65, result.output
    assert "cannot write" in result.stderr or "not writing" in result.stderr
    assert started == []  # refused before the cohort was ranked or the account graded
