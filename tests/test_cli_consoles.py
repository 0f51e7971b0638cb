"""Colons in what a command prints stay colons: ``f.jsonl:100:`` is a file and line, not 💯."""

from __future__ import annotations

import importlib
import io
import json
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from staffpulse.cli.app import COMMAND_MODULES, app
from staffpulse.cli.consoles import make_console

runner = CliRunner()
BROKEN_LINE = 100  # ":100:" is Rich's emoji code for 💯


def _posts_with_a_broken_line(tmp_path: Path) -> Path:
    """An account named with an emoji code, then posts; line 100 is not JSON."""
    lines = [
        json.dumps(
            {
                "type": "account",
                "platform": "x",
                "handle": "rosa",
                "display_name": "Rosa :smile: Lee",
            }
        )
    ]
    for number in range(2, BROKEN_LINE + 3):
        post = {"type": "post", "platform": "x", "id": str(number), "author": "rosa"}
        lines.append(json.dumps({**post, "text": f"Post number {number}"}))
    lines[BROKEN_LINE - 1] = "{not json"
    path = tmp_path / "f.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_names_line_100_as_a_line_not_an_emoji(tmp_path: Path) -> None:
    path = _posts_with_a_broken_line(tmp_path)
    result = runner.invoke(app, ["import", str(path), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    assert f"f.jsonl:{BROKEN_LINE}: not valid JSON" in result.output
    assert "💯" not in result.output


@pytest.mark.parametrize("command", ["classify", "roles"])
def test_classify_and_roles_name_line_100_as_a_line(tmp_path: Path, command: str) -> None:
    path = tmp_path / "f.jsonl"
    lines = [json.dumps({"id": n, "name": "Acme", "text": "We are hiring"}) for n in range(120)]
    lines[BROKEN_LINE - 1] = "{not json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, [command, str(path), "--output", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    assert f"f.jsonl:{BROKEN_LINE}: not valid JSON" in result.output
    assert "💯" not in result.output


def test_accounts_shows_a_display_name_with_an_emoji_code_as_written(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    runner.invoke(app, ["import", str(_posts_with_a_broken_line(tmp_path)), "--db", db])
    result = runner.invoke(app, ["accounts", "--db", db], env={"COLUMNS": "140"})
    assert result.exit_code == 0, result.output
    assert "Rosa :smile: Lee" in result.output
    assert "😄" not in result.output


def test_every_command_console_prints_emoji_codes_as_typed() -> None:
    """A command module's consoles come from make_console, so a new command cannot forget."""
    consoles: list[tuple[str, Console]] = []
    for module_name in sorted(set(COMMAND_MODULES.values())):
        module = importlib.import_module(f"staffpulse.cli.commands.{module_name}")
        consoles += [(module_name, c) for c in vars(module).values() if isinstance(c, Console)]
    app_module = importlib.import_module("staffpulse.cli.app")
    consoles += [("app", c) for c in vars(app_module).values() if isinstance(c, Console)]
    assert len(consoles) > len(set(COMMAND_MODULES.values()))  # stdout and stderr ones found
    for where, console in consoles:
        assert console.render_str("f.jsonl:1234: bad").plain == "f.jsonl:1234: bad", where


def test_make_console_keeps_markup_for_the_commands_own_styling() -> None:
    console = make_console()
    assert console.render_str("[bold]Rosa :smile: Lee[/]").plain == "Rosa :smile: Lee"


def _account_with_escapes(tmp_path: Path) -> str:
    """A store holding an account whose name and posts carry terminal escape sequences."""
    escapes = "\x1b[2J\x1b]8;;https://evil.example\x07click\x1b]8;;\x07 \x9b31m"
    lines = [{"type": "account", "platform": "x", "handle": "rosa", "display_name": "Rosa Lee"}]
    lines += [
        {
            "type": "post",
            "platform": "x",
            "id": str(n),
            "author": "rosa",
            "text": f"We are hiring {escapes} apply now",
            "created_at": f"2026-02-{n:02d}T10:00:00Z",
        }
        for n in range(1, 13)
    ]
    path = tmp_path / "f.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["import", str(path), "--db", db]).exit_code == 0
    return db


def test_an_escape_sequence_in_a_post_never_reaches_the_terminal(tmp_path: Path) -> None:
    """A post cleared the screen of the audit, or put a hidden link to any address in it: the
    terminal obeys the control characters printed. Its words are still shown."""
    db = _account_with_escapes(tmp_path)
    result = runner.invoke(app, ["audit", "rosa", "--db", db], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "apply now" in result.output and "evil.example" in result.output
    for control in ("\x1b", "\x07", "\x9b"):
        assert control not in result.output


def test_make_console_keeps_its_own_colours_but_not_those_of_the_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    console = make_console()
    console.file = io.StringIO()
    console.print("[bold]Rosa[/] \x1b[31mred\x1b[0m", highlight=False)
    shown = console.file.getvalue()
    assert "Rosa" in shown and "\x1b[1m" in shown  # the command's bold
    assert "\x1b[31m" not in shown and "[31mred" in shown


def test_accounts_lists_a_handle_that_looks_like_markup(tmp_path: Path) -> None:
    """An imported handle holding ``[/]`` stopped ``staffpulse accounts`` with a Rich error
    (exit 70, 'a bug in staffpulse'); it is listed as written."""
    path = tmp_path / "a.jsonl"
    account = {"type": "account", "platform": "csv", "handle": "team[/]jobs", "display_name": "T"}
    path.write_text(json.dumps(account) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["import", str(path), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["accounts", "--db", db], env={"COLUMNS": "140"})
    assert result.exit_code == 0, result.output
    assert "@team[/]jobs" in result.output


def _account_named_with_curly_quotes(tmp_path: Path) -> str:
    path = tmp_path / "named.jsonl"
    account = {"type": "account", "platform": "x", "handle": "rosa"}
    post = {"type": "post", "platform": "x", "id": "1", "author": "rosa", "text": "Hello"}
    rows = [{**account, "display_name": "Rosa “Desk” Lee 🌊"}, post]
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["import", str(path), "--db", db]).exit_code == 0
    return db


def test_a_console_that_cannot_show_a_character_gets_a_question_mark_not_a_crash(
    tmp_path: Path,
) -> None:
    """QA: with LC_ALL=C and PYTHONUTF8=0 (or a Latin-1 terminal, a Windows code page) a
    curly quote stopped the audit, the benchmark and the demo halfway: exit 70, "a bug in
    staffpulse". The console now shows "?" for what it cannot encode; JSON, which scripts
    read, stays UTF-8 with every character as written."""
    db = _account_named_with_curly_quotes(tmp_path)
    narrow = CliRunner(charset="ascii")
    shown = narrow.invoke(app, ["accounts", "--db", db], env={"COLUMNS": "140"})
    assert shown.exit_code == 0, shown.output
    assert "Rosa ?Desk? Lee ?" in shown.output
    # a Windows redirect writes cp1252, which has the quotes but no emoji
    data = CliRunner(charset="cp1252").invoke(app, ["accounts", "--db", db, "--json"])
    assert data.exit_code == 0, data.output
    text = json.dumps(json.loads(data.stdout_bytes.decode("utf-8")), ensure_ascii=False)
    assert "Rosa “Desk” Lee 🌊" in text


def test_a_console_made_once_follows_the_width_the_terminal_has_when_it_prints(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A command's console is made when its module is imported: made while COLUMNS was 120
    (a help page shown in a narrow window), it wrapped every later line at 120, a --db path
    in the middle of a hint broke onto a line of its own."""
    monkeypatch.setenv("COLUMNS", "120")
    console = make_console()
    monkeypatch.setenv("COLUMNS", "300")
    assert console.width == 300
    monkeypatch.setenv("COLUMNS", "60")
    assert console.width == 60


def test_a_dumb_terminal_keeps_the_size_given_when_its_console_was_made(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a TERM=dumb console cannot be asked its size: the one COLUMNS and LINES gave is kept
    for name, value in (("TERM", "dumb"), ("FORCE_COLOR", "1"), ("COLUMNS", "100")):
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("LINES", "30")
    console = make_console()
    monkeypatch.setenv("COLUMNS", "50")
    assert console.is_dumb_terminal and console.width == 100


def test_a_note_names_staffpulse_as_the_user_ran_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review: before ``source .venv/bin/activate`` the empty inbox said "Listen first
    (staffpulse listen bluesky)", no command to run as printed; errors' hints already named
    .venv/bin/staffpulse. Every console names it so now."""
    from staffpulse.store import open_store

    monkeypatch.setattr("sys.argv", [".venv/bin/staffpulse", "inbox"])
    monkeypatch.setattr("shutil.which", lambda name: None)
    store = tmp_path / "empty.db"
    open_store(store).close()
    result = runner.invoke(app, ["inbox"], env={"STAFFPULSE_DB": str(store)})
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "Listen first (.venv/bin/staffpulse listen bluesky)" in said
    assert "(.venv/bin/staffpulse import FILE)" in said
    # and on the store typed (wide: a path is not wrapped mid-word)
    given = runner.invoke(app, ["inbox", "--db", str(store)], env={"COLUMNS": "500"})
    assert f"(.venv/bin/staffpulse --db {store} listen bluesky)" in " ".join(given.output.split())
    shown = io.StringIO()
    console = make_console()
    console.file = shown
    console.print("[bold]staffpulse demo[/] shows a sample; staffpulse.db is the store")
    assert (
        shown.getvalue() == ".venv/bin/staffpulse demo shows a sample; staffpulse.db is the store\n"
    )
    monkeypatch.setattr("shutil.which", lambda name: "/usr/bin/staffpulse")
    shown.seek(0)
    shown.truncate()
    console.print("Listen first (staffpulse listen bluesky)")
    assert shown.getvalue() == "Listen first (staffpulse listen bluesky)\n"


def test_the_store_typed_is_looked_up_only_for_lines_that_name_a_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every printed line asked the command line for its --db, a long report's hundreds of
    lines too: now only a line naming a command to run asks, and it still names the store."""
    import staffpulse.cli.consoles as consoles

    asked: list[None] = []

    def typed_db() -> Path:
        asked.append(None)
        return Path("client.db")

    monkeypatch.setattr(consoles, "typed_db", typed_db)
    out = io.StringIO()
    console = make_console()
    console.file = out
    for number in range(50):
        console.print(f"Post {number}: staffpulse.db is the default store's name")
    assert asked == []
    console.print("or run: staffpulse accounts")
    assert len(asked) == 1
    assert "--db client.db accounts" in out.getvalue()
