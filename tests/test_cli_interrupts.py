"""Ctrl-C says what is true of the command it stopped: a report that reads the store changed
nothing, an import is run again, a command that fetched keeps what it stored."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import staffpulse.benchmark
from listen_helpers import fake_post_models
from staffpulse.cli.app import _ErrorBoundaryGroup, app, main
from staffpulse.cli.interrupts import interrupted_message, loading_interrupted_json

runner = CliRunner()


@pytest.mark.parametrize("command", ["audit", "benchmark", "stats", "connect", "inbox"])
def test_a_command_that_only_reads_says_nothing_was_changed(command: str) -> None:
    said = interrupted_message(command, "")
    assert "Nothing was changed" in said and "kept in the store" not in said


def test_what_a_command_said_of_its_stop_comes_first() -> None:
    after = "after 2 posts. Run the same command again to finish."
    assert interrupted_message("import", after) == f"Interrupted {after}"
    assert "kept in the store" in interrupted_message("listen", "")
    assert "demo again" in interrupted_message("demo", "")


def test_ctrl_c_in_a_benchmark_says_the_store_is_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "posts.jsonl"
    data.write_text(json.dumps({"type": "post", "id": "1", "author": "acme", "text": "hi"}) + "\n")
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["import", str(data), "--db", db]).exit_code == 0

    def pressed(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(staffpulse.benchmark, "run_benchmark", pressed)
    result = runner.invoke(app, ["benchmark", "--db", db])
    assert result.exit_code == 130
    said = " ".join(result.stderr.split())
    assert "Interrupted. Nothing was changed: run the same command again" in said
    assert "Work saved so far" not in said and "Traceback" not in result.output


def test_ctrl_c_while_the_import_is_still_loading_says_nothing_was_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the first second of a run: the command's module is loading, no store is open yet
    def pressed(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(_ErrorBoundaryGroup, "resolve_command", pressed)
    data = tmp_path / "posts.jsonl"
    data.write_text(json.dumps({"type": "post", "id": "1", "author": "acme", "text": "hi"}) + "\n")
    db = tmp_path / "s.db"
    result = runner.invoke(app, ["import", str(data), "--db", str(db)])
    assert result.exit_code == 130
    said = " ".join(result.stderr.split())
    assert "Interrupted before the command started: nothing was saved. Run it again." in said
    assert "kept in the store" not in said and "Traceback" not in result.output
    assert not db.exists()


def _pressed_while_loading(*args: str) -> subprocess.CompletedProcess[str]:
    """``staffpulse ARGS`` run with Ctrl-C landing while its modules load, before any
    command runs."""
    script = (
        "import builtins, sys\n"
        f"sys.argv = {['staffpulse', *args]!r}\n"
        "load = builtins.__import__\n"
        "def pressed(name, *args, **kwargs):\n"
        "    if name == 'staffpulse.cli.consoles':\n"
        "        raise KeyboardInterrupt\n"
        "    return load(name, *args, **kwargs)\n"
        "builtins.__import__ = pressed\n"
        "from staffpulse.cli import main\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )


def test_ctrl_c_while_the_program_loads_is_no_traceback() -> None:
    # Ctrl-C lands in the half second the modules take to load, before any command runs
    ran = _pressed_while_loading("import", "posts.jsonl")
    assert ran.returncode == 130
    assert "Interrupted before the command started: nothing was saved" in ran.stderr
    assert "Traceback" not in ran.stderr
    assert ran.stdout == ""  # no --json: the stop is told in words only


def test_ctrl_c_while_the_program_loads_answers_json_when_json_was_asked_for() -> None:
    # a script running `staffpulse import posts.jsonl --json` reads the stop as it reads any
    # other interrupt's: one JSON error document on stdout, exit 130
    ran = _pressed_while_loading("import", "posts.jsonl", "--json")
    assert ran.returncode == 130
    assert json.loads(ran.stdout) == {
        "error": {
            "message": "Interrupted before the command started: nothing was saved. Run it again.",
            "hint": None,
            "exit_code": 130,
        }
    }
    assert "Traceback" not in ran.stderr


@pytest.mark.parametrize(
    "args",
    [["import", "posts.jsonl"], ["classify", "--", "--json"]],
    ids=["no-json", "after-dashes"],
)
def test_ctrl_c_while_loading_prints_no_json_unless_asked_for(args: list[str]) -> None:
    # a file named --json after `--` is no option: the stop is told in words only
    assert loading_interrupted_json(args) is None


@pytest.mark.parametrize("where", ["building", "parsing"])
@pytest.mark.parametrize("json_asked", [False, True], ids=["words", "json"])
def test_ctrl_c_outside_the_commands_guard_is_one_plain_line(
    where: str,
    json_asked: bool,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Ctrl-C while Typer built the command line came through as a traceback; while Click
    # parsed it, Typer exited 130 without a word
    import typer.main

    def pressed(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    if where == "building":
        monkeypatch.setattr(typer.main, "get_command", pressed)
    else:
        monkeypatch.setattr(_ErrorBoundaryGroup, "parse_args", pressed)
    monkeypatch.setattr(sys, "argv", ["staffpulse", "stats", *(["--json"] if json_asked else [])])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 130
    out, err = capsys.readouterr()
    said = "Interrupted before the command started: nothing was saved. Run it again."
    assert " ".join(err.split()) == said
    if json_asked:
        assert json.loads(out)["error"] == {"message": said, "hint": None, "exit_code": 130}
    else:
        assert out == ""


@pytest.mark.parametrize("json_asked", [False, True], ids=["words", "json"])
def test_a_command_that_told_its_own_ctrl_c_is_not_told_again(
    json_asked: bool,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # listen keeps what came in and says so, then exits 130: main() added "Interrupted before
    # the command started: nothing was saved", which was false, after it
    import staffpulse.listen.listening as listening

    async def pressed(self: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(listening.JetstreamListener, "run", pressed)
    fake_post_models(monkeypatch)
    typed = ["--db", str(tmp_path / "s.db"), "listen", "bluesky"]
    monkeypatch.setattr(sys, "argv", ["staffpulse", *typed, *(["--json"] if json_asked else [])])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 130
    out, err = capsys.readouterr()
    assert "nothing was saved" not in err and "Interrupted" not in err
    if json_asked:
        assert json.loads(out)["outcome"] == "interrupted"  # one document: listen's own
    else:
        assert "Stopped with Ctrl-C. What came in is saved" in " ".join(err.split())
