"""The CLI's command table and global options: commands load lazily, one broken module breaks
only itself, and --db works before or after the command."""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import sqlite3
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from staffpulse.cli import commands
from staffpulse.cli.app import COMMAND_MODULES, app
from staffpulse.extras import require
from staffpulse.store import open_store

runner = CliRunner()


def test_the_table_names_every_command_of_every_module() -> None:
    """A new command module (or command) must be added to COMMAND_MODULES to be seen."""
    found: dict[str, str] = {}
    for info in pkgutil.iter_modules(commands.__path__):
        if info.name.startswith("_"):
            continue
        holder = typer.Typer()
        importlib.import_module(f"{commands.__name__}.{info.name}").register(holder)
        names = [c.name for c in holder.registered_commands]
        names += [g.name for g in holder.registered_groups]
        found.update(dict.fromkeys(names, info.name))  # type: ignore[arg-type]
    assert found == COMMAND_MODULES


def test_help_lists_every_command_with_its_one_line_help() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in COMMAND_MODULES:
        assert f" {name} " in result.output
    assert "Score each post for job opening" in result.output
    # a first-time user learns where to start, and where each command's options are
    said = " ".join(result.output.split())
    assert "New here? Run staffpulse demo first. Each command's options: staffpulse" in said


def _check_classify_still_runs(tmp_path: Path) -> None:
    """classify, whose module is sound, runs whatever broke in another command's module."""
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 1, "text": "We're hiring, apply now"}) + "\n")
    works = runner.invoke(app, ["classify", str(src), "-o", str(tmp_path / "o.jsonl")])
    assert works.exit_code == 0, works.output


def test_a_module_that_does_not_import_takes_down_only_its_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA F12: an edit in progress in connect/ killed classify with a traceback."""
    monkeypatch.delitem(sys.modules, "staffpulse.cli.commands.connect", raising=False)
    monkeypatch.setitem(sys.modules, "staffpulse.connect.suggest", None)  # import fails
    _check_classify_still_runs(tmp_path)
    broken = runner.invoke(app, ["connect", "acme"])
    assert broken.exit_code == 1
    assert "staffpulse connect cannot start" in broken.output
    assert "staffpulse.connect.suggest" in broken.output and "What to do" in broken.output
    assert "Traceback" not in broken.output
    listed = runner.invoke(app, ["--help"])
    assert listed.exit_code == 0 and "classify" in listed.output and "cannot start" in listed.output


def test_an_import_error_inside_a_running_command_is_not_passed_off_as_a_broken_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bad lazy import in library code is a bug: it shows as itself, not as 'reinstall'."""
    monkeypatch.setitem(sys.modules, "staffpulse.signals.batch", None)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 1, "text": "hi"}) + "\n")
    result = runner.invoke(app, ["classify", str(src)])
    assert result.exit_code == 70  # EX_SOFTWARE: a bug
    assert "unexpected problem (ModuleNotFoundError" in result.output
    assert "staffpulse.signals.batch" in result.output
    assert "a bug in staffpulse" in result.output and "--debug classify" in result.output
    assert "cannot start" not in result.output and "reinstall" not in result.output
    assert "Traceback" not in result.output
    debug = runner.invoke(app, ["--debug", "classify", str(src)])
    assert debug.exit_code == 70 and "Traceback" in debug.output


def test_a_bug_in_a_command_module_breaks_only_its_commands_and_shows_as_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = importlib.import_module("staffpulse.cli.commands.connect")

    def register(app: typer.Typer) -> None:
        raise NameError("name 'suggest_follws' is not defined")

    monkeypatch.setattr(module, "register", register)
    listed = runner.invoke(app, ["--help"])
    assert listed.exit_code == 0 and "classify" in listed.output
    _check_classify_still_runs(tmp_path)
    broken = runner.invoke(app, ["connect", "acme"])
    assert broken.exit_code == 70
    assert "NameError: name 'suggest_follws' is not defined" in broken.output
    assert "reinstall" not in broken.output and "Traceback" not in broken.output


def test_a_missing_optional_package_while_loading_a_command_names_the_pip_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    module = importlib.import_module("staffpulse.cli.commands.serve")

    def register(app: typer.Typer) -> None:
        require("uvicorn_not_installed_here", extra="web", feature="The web dashboard")

    monkeypatch.setattr(module, "register", register)
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 69
    assert "pip install 'staffpulse[web]'" in result.output
    assert "Traceback" not in result.output


def _import_sample(db: Path) -> None:
    sample = Path(__file__).parent.parent / "src" / "staffpulse" / "sample" / "cohort.jsonl"
    result = runner.invoke(app, ["import", str(sample), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "args",
    [
        ["--db", "{store}", "stats", "--json"],
        ["stats", "--db", "{store}", "--json"],
        ["--db", "{missing}", "stats", "--db", "{store}", "--json"],  # the command's own wins
    ],
)
def test_db_before_or_after_the_command_names_its_store_and_leaves_the_environment_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.delenv("STAFFPULSE_DB", raising=False)
    store, missing = tmp_path / "acme.db", tmp_path / "missing.db"
    _import_sample(store)
    filled = [a.format(store=store, missing=missing) for a in args]
    result = runner.invoke(app, filled)
    assert result.exit_code == 0, result.output
    assert sum(json.loads(result.stdout)["accounts"].values()) == 16
    assert "STAFFPULSE_DB" not in os.environ
    assert not missing.exists()


def test_db_before_the_command_wins_over_staffpulse_db(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, other = tmp_path / "acme.db", tmp_path / "other.db"
    _import_sample(store)
    monkeypatch.setenv("STAFFPULSE_DB", str(other))
    result = runner.invoke(app, ["--db", str(store), "stats", "--json"])
    assert result.exit_code == 0, result.output
    assert sum(json.loads(result.stdout)["accounts"].values()) == 16
    assert os.environ["STAFFPULSE_DB"] == str(other)
    from_env = runner.invoke(app, ["stats"])  # the variable alone: its store (none there)
    assert from_env.exit_code != 0 and str(other) in from_env.output


def test_an_empty_db_before_the_command_is_refused_not_read_as_the_default_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a script's --db "$CLIENT_DB", the variable unset, put the client's posts in the default
    default = tmp_path / "default.db"
    monkeypatch.setenv("STAFFPULSE_DB", str(default))
    data = tmp_path / "posts.csv"
    data.write_text("id,author,text\n1,acme,Our spring intake is open\n", encoding="utf-8")
    result = runner.invoke(app, ["--db", "", "import", str(data), "--json"])
    assert result.exit_code == 65
    error = json.loads(result.stdout)["error"]
    assert error["message"] == "--db is empty"
    assert error["hint"].startswith("give the store's file (e.g. --db client.db), or leave out")
    assert not default.exists()
    # after the command it was read as the current folder: "cannot open the store at ."
    for args in (["import", str(data), "--db", ""], ["inbox", "--db=", "dismiss", "12"]):
        after = runner.invoke(app, args)
        assert after.exit_code == 65
        assert "Error: --db is empty" in after.output and "at ." not in after.output


@pytest.mark.parametrize(
    ("command", "word", "leave_out"),
    [
        (["import", "posts.csv"], "false", "leave out 'false' and '--json' both for the terminal"),
        (["import", "posts.csv"], "1", "leave out '1'"),
        (["score", "posts.csv"], "true", "leave out 'true'"),
        (["avatar", "face.png"], "TRUE", "leave out 'TRUE'"),
        (["benchmark", "cohort.csv"], "0", "leave out '0' and '--json' both"),
    ],
)
def test_a_value_after_json_is_refused_for_every_command_taking_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], word: str, leave_out: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / command[1]).write_text("id,author,text\n1,acme,hello\n", encoding="utf-8")
    result = runner.invoke(app, [*command, "--json", word, "--db", str(tmp_path / "s.db")])
    said = " ".join(result.output.split())
    assert result.exit_code == 66, said
    assert f"Error: {word}: no such file or folder" in result.stderr
    # --json was asked for: what to do is in the document a script reads, said once
    assert json.loads(result.stdout)["error"]["hint"].startswith(
        f"--json takes no value: {leave_out}"
    )
    assert not (tmp_path / "s.db").exists()  # refused before anything is read or made


def test_a_folder_really_named_true_is_still_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "true").mkdir()
    (tmp_path / "true" / "posts.csv").write_text("id,author,text\n1,acme,hello\n", encoding="utf-8")
    result = runner.invoke(app, ["import", "--json", "true", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["imported"]["posts"] == 1


def test_a_mistyped_command_gets_the_command_it_was_meant_to_be() -> None:
    """QA: "staffpulse audti" said only "No such command 'audti'": the commands load when
    they run, so Typer had none loaded to suggest from."""
    result = runner.invoke(app, ["audti", "someone"])
    assert result.exit_code == 2
    assert "Did you mean 'audit'?" in result.output
    unlike = runner.invoke(app, ["zzzzqq"])
    assert unlike.exit_code == 2
    assert "No such command 'zzzzqq'" in unlike.output
    assert "Did you mean" not in unlike.output


def test_help_lists_the_demo_first_and_says_what_benchmark_tests_in_plain_words() -> None:
    """QA: the demo, what a new user runs first, was seventh of sixteen, and benchmark's line
    promised to test "the essay's claims", an essay no user has read."""
    listed = runner.invoke(app, ["--help"]).output
    commands = listed.split("Commands", 1)[1]
    assert commands.index(" demo ") < commands.index(" import ") < commands.index(" audit ")
    # then the order a marketer goes: the reports, the conversations and people, the dashboard
    path = [" audit ", " benchmark ", " inbox ", " connect ", " serve ", " classify "]
    assert [commands.index(name) for name in path] == sorted(commands.index(n) for n in path)
    # a look at what came in after getting it in; the dashboard before the upkeep
    assert commands.index(" fetch ") < commands.index(" accounts ") < commands.index(" audit ")
    assert commands.index(" serve ") < commands.index(" refresh ")
    assert commands.index(" serve ") < commands.index(" add-handles ")
    assert "essay" not in listed
    assert "classic claims about staffing firms" in " ".join(listed.replace("│", " ").split())


def test_a_word_where_a_number_goes_is_said_in_plain_words() -> None:
    """QA: "inbox --limit x" said "Input should be a valid integer, unable to parse string as
    an integer"; now "not a whole number", with an example when the option has a default."""
    result = runner.invoke(app, ["inbox", "--limit", "x"])
    assert result.exit_code == 2
    said = " ".join(result.output.replace("│", " ").split())
    assert "Invalid value for '--limit': not a whole number (e.g. --limit 20)" in said
    assert "unable to parse" not in said
    budget = runner.invoke(app, ["fetch", "x", "acme", "--budget", "lots"])
    assert budget.exit_code == 2 and "'--budget': not a number" in budget.output


@pytest.mark.parametrize(
    ("args", "usage", "named"),
    [
        (["import", "--help"], "staffpulse import [OPTIONS] {PATH}...", "PATH <path>"),
        (["audit", "--help"], "staffpulse audit [OPTIONS] {HANDLE}", "HANDLE <str>"),
        (["inbox", "dismiss", "--help"], "{CONVERSATION_ID}", "CONVERSATION_ID <str>"),
    ],
)
def test_help_names_arguments_as_people_read_them(args: list[str], usage: str, named: str) -> None:
    """QA: Typer 0.29 showed the Python names, "staffpulse import [OPTIONS] {paths}..." and a
    type "<list[Path]>", which read as a programmer's note to a marketer."""
    shown = " ".join(runner.invoke(app, args, terminal_width=100).output.replace("│", " ").split())
    assert usage in shown
    assert named in shown
    assert "list[" not in shown and "{paths}" not in shown and "{handle}" not in shown


def test_a_missing_argument_is_named_as_the_help_names_it() -> None:
    result = runner.invoke(app, ["import"])
    assert result.exit_code == 2
    assert "Missing argument 'PATH'" in result.output


def test_h_shows_the_help_and_help_or_version_as_a_command_points_to_the_option() -> None:
    """QA: "staffpulse -h" and "staffpulse audit -h" said "No such option: -h", and
    "staffpulse help" only "No such command 'help'"."""
    for args in (["-h"], ["audit", "-h"], ["inbox", "dismiss", "-h"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert "Usage: staffpulse" in result.output
    for typed in ("help", "version"):
        result = runner.invoke(app, [typed])
        assert result.exit_code == 2
        assert f"Did you mean staffpulse --{typed}?" in result.output


def test_a_store_written_by_a_newer_release_is_a_notice_like_the_others(tmp_path: Path) -> None:
    """The store's warning reads as the config's notices do, on stderr, and --json stays clean."""
    db = tmp_path / "newer.db"
    open_store(db).close()
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "INSERT INTO schema_migrations (name, applied_at, origin)"
            " VALUES ('0900_from_a_later_release', '2030-01-01', 'staffpulse')"
        )
    conn.close()
    result = runner.invoke(app, ["stats", "--json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"Notice: The database {db} was written by a newer staffpulse")
    assert "0900_from_a_later_release" in result.stderr and "pip install -U" in result.stderr
    assert json.loads(result.stdout)["accounts"] == {}


def test_a_help_paragraph_reads_as_one_paragraph_on_a_wide_terminal() -> None:
    # --help keeps the line breaks of paragraphs after the first: listen bluesky's broke
    # after "HR and" on any terminal
    helped = runner.invoke(app, ["listen", "bluesky", "--help"], env={"COLUMNS": "200"})
    lines = [line.strip(" │") for line in helped.output.splitlines()]
    assert (
        "Reads Jetstream, Bluesky's public stream of new posts, for the work, HR and hiring"
        " ones." in lines
    )
