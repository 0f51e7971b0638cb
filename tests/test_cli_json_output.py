"""``--json`` for scripts: stdout holds one JSON document, the result or the error that stopped
the run; bars and messages for people go to stderr, drawn only where someone watches."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.cli.commands import store as store_commands

runner = CliRunner()
CLI = "from staffpulse.cli.app import main; main()"  # the console script, run as a process


def _store(tmp_path: Path, posts: int = 12) -> Path:
    """A store of one X account, ``acme``, with ``posts`` posts of its own."""
    lines = [json.dumps({"type": "account", "platform": "x", "handle": "acme"})]
    for number in range(1, posts + 1):
        post = {"type": "post", "platform": "x", "id": str(number), "author": "acme"}
        post |= {"text": f"We are hiring nurses, post {number}", "created_at": "2026-05-01"}
        lines.append(json.dumps(post))
    data = tmp_path / "posts.jsonl"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    assert runner.invoke(app, ["import", str(data), "--db", str(db)]).exit_code == 0
    return db


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["stats", "--db", "{tmp}/none/s.db"], 66, "no store at"),
        (["audit", "nobody_here", "--db", "{db}"], 66, "no account 'nobody_here'"),
        (["accounts", "--platform", "myspace", "--db", "{db}"], 65, "unknown platform"),
        (["import", "{tmp}/missing.jsonl", "--db", "{db}"], 66, "no such file"),
    ],
)
def test_a_failed_json_run_prints_its_error_as_the_json_document(
    tmp_path: Path, args: list[str], code: int, said: str
) -> None:
    db = _store(tmp_path)
    filled = [arg.format(tmp=tmp_path, db=db) for arg in args]
    result = runner.invoke(app, [*filled, "--json"])
    assert result.exit_code == code
    error = json.loads(result.stdout)["error"]  # one document, nothing else on stdout
    assert error["exit_code"] == code
    assert said in error["message"] and error["hint"]
    # people watching still read why, once: one plain line, the hint left to the document
    assert result.stderr == f"Error: {error['message']}\n"


def test_without_json_a_failure_leaves_stdout_empty(tmp_path: Path) -> None:
    result = runner.invoke(app, ["audit", "nobody_here", "--db", str(_store(tmp_path))])
    assert result.exit_code == 66
    assert result.stdout == ""
    assert "no account 'nobody_here'" in result.stderr


def test_a_bad_option_value_under_json_is_a_json_error_of_exit_code_2(tmp_path: Path) -> None:
    args = ["benchmark", "--min-posts", "ten", "--json", "--db", str(_store(tmp_path))]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    error = json.loads(result.stdout)["error"]
    assert "--min-posts" in error["message"] and error["exit_code"] == 2
    assert error["hint"] == "see staffpulse benchmark --help"
    # told once: not Typer's box with its usage lines as well (a script's log read it twice)
    assert result.stderr == f"Error: {error['message']}\n"


def test_a_command_that_printed_its_document_before_failing_gets_no_second_one(
    tmp_path: Path,
) -> None:
    # avatar lists every file it could not read, then fails: that list is the document
    result = runner.invoke(app, ["avatar", str(tmp_path / "nope.png"), "--json"])
    assert result.exit_code == 66
    (item,) = json.loads(result.stdout)
    assert item["label"] is None and "no such file" in item["error"]


def test_json_after_a_double_dash_is_no_option(tmp_path: Path) -> None:
    # "--" ends the options: a file named --json is imported, and a failure is for people
    db = tmp_path / "s.db"
    result = runner.invoke(app, ["import", "--db", str(db), "--", "--json"])
    assert result.exit_code == 66
    assert result.stdout == ""


def test_a_bar_on_a_terminal_is_drawn_with_json_too_and_stdout_stays_one_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "posts.jsonl"
    data.write_text(json.dumps({"type": "post", "id": "1", "author": "acme", "text": "hi"}) + "\n")
    terminal = io.StringIO()
    console = Console(file=terminal, force_terminal=True, width=100, emoji=False)
    monkeypatch.setattr(store_commands, "err_console", console)
    db = tmp_path / "s.db"
    result = runner.invoke(app, ["import", str(data), "--db", str(db), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["imported"]["posts"] == 1
    assert "Importing" in terminal.getvalue()  # a big import is not minutes of silence


def test_no_bar_leaves_a_blank_line_where_no_one_watches(tmp_path: Path) -> None:
    # stderr here is no terminal (a log file, a pipe): the bar used to leave an empty line,
    # which then began the log (staffpulse benchmark 2>&1 | head -1)
    result = runner.invoke(app, ["benchmark", "--db", str(_store(tmp_path))])
    assert result.exit_code == 0, result.output
    assert not result.stderr.startswith("\n")
    assert "@acme" in result.stdout


def test_ctrl_c_under_json_is_a_json_error_of_exit_code_130(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(store_commands, "import_paths", interrupted)
    data = tmp_path / "posts.jsonl"
    data.write_text(json.dumps({"type": "post", "id": "1", "author": "acme", "text": "hi"}) + "\n")
    result = runner.invoke(app, ["import", str(data), "--db", str(tmp_path / "s.db"), "--json"])
    assert result.exit_code == 130
    error = json.loads(result.stdout)["error"]
    assert error["exit_code"] == 130 and error["message"].startswith("Interrupted")
    assert "Interrupted" in result.stderr


def test_a_reader_gone_before_the_json_error_keeps_the_exit_code(tmp_path: Path) -> None:
    # staffpulse stats --json | head -0: the error document cannot be written, and the exit
    # code still says what failed (it was 1, the code of a broken pipe), with no traceback
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before anything is written
    try:
        done = subprocess.run(
            [sys.executable, "-c", CLI, "stats", "--db", str(tmp_path / "none.db"), "--json"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write_end)
    assert done.returncode == 66
    assert "no store at" in done.stderr and "Traceback" not in done.stderr


def test_a_report_written_beside_json_is_said_on_stderr(tmp_path: Path) -> None:
    html = tmp_path / "acme.html"
    args = ["audit", "acme", "--html", str(html), "--db", str(_store(tmp_path)), "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["account"]["handle"] == "acme"
    assert html.exists() and f"HTML report: {html}" in result.stderr


def test_a_moment_left_as_a_datetime_is_written_as_every_command_writes_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from datetime import date, datetime, timedelta, timezone

    from staffpulse.cli.json_output import print_json

    paris = timezone(timedelta(hours=1))
    print_json(
        {
            "aware": datetime(2026, 3, 1, 15, 5, 7, 250_000, tzinfo=paris),
            "naive": datetime(2026, 3, 1, 14, 5),  # the store's times are UTC
            "day": date(2026, 3, 1),
            "file": Path("reports") / "a.html",
        }
    )
    assert json.loads(capsys.readouterr().out) == {
        "aware": "2026-03-01T14:05:07Z",
        "naive": "2026-03-01T14:05:00Z",
        "day": "2026-03-01",
        "file": str(Path("reports") / "a.html"),
    }


def test_a_json_error_names_the_store_in_its_message_as_in_its_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a cohort given to import: the message's command lacked the --db its hint and the
    # stderr line had, so a script copying the message ran the benchmark on another store
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my dir").mkdir()
    (tmp_path / "my dir" / "co hort.csv").write_text("handle,platform,segment\nacme,x,agency\n")
    result = runner.invoke(app, ["import", "my dir/co hort.csv", "--db", "x.db", "--json"])
    assert result.exit_code == 65
    error = json.loads(result.stdout)["error"]
    command = "staffpulse --db x.db benchmark 'my dir/co hort.csv'"
    assert command in error["message"] and command in error["hint"]
    assert result.stderr == f"Error: {error['message']}\n"  # the one plain line, no other
