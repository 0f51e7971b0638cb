"""The demo's "Next:" commands name staffpulse as the user can run it: the bare name when the
shell finds it, else the path it was run by (before ``source .venv/bin/activate``); its folder
option takes ``--output`` and ``-o`` too, as the other commands spell it."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

import staffpulse.demo as demo_library
from staffpulse.cli.app import app
from staffpulse.cli.commands import demo


def test_the_hint_names_the_path_when_staffpulse_is_not_on_the_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sys.argv", [".venv/bin/staffpulse", "demo"])
    monkeypatch.setattr("shutil.which", lambda name: None)
    assert demo.command_name() == ".venv/bin/staffpulse"


def test_the_hint_names_staffpulse_when_the_shell_finds_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.argv", ["/home/me/proj/.venv/bin/staffpulse", "demo"])
    monkeypatch.setattr("shutil.which", lambda name: "/home/me/proj/.venv/bin/staffpulse")
    assert demo.command_name() == "staffpulse"
    monkeypatch.setattr("sys.argv", ["pytest"])  # run from Python, not the command
    monkeypatch.setattr("shutil.which", lambda name: None)
    assert demo.command_name() == "staffpulse"


def test_the_dashboard_hint_names_a_demo_store_kept_elsewhere(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """``demo --serve`` rebuilds the demo in its own folder: after ``demo --db FILE`` the hint
    must name that store, or the dashboard would show another one than the hint above it."""
    monkeypatch.setenv("STAFFPULSE_HOME", str(tmp_path / "home"))
    default = tmp_path / "home" / "demo" / "demo.db"
    assert demo.serve_command("staffpulse", default) == "staffpulse demo --serve"
    elsewhere = tmp_path / "clients" / "demo2.db"
    assert demo.serve_command("staffpulse", elsewhere) == (
        f"staffpulse demo --serve --db {elsewhere}"
    )


def test_with_serve_the_dashboard_command_is_not_offered_again(tmp_path: Path) -> None:
    """QA: ``demo --serve`` ended its report with "staffpulse demo --serve (the web
    dashboard)", the command just run, right above the dashboard's address."""
    store = tmp_path / "demo.db"
    serving = demo.next_steps("staffpulse", store, serving=True)
    assert "--serve" not in serving
    assert f"staffpulse audit mia_recruits --db {store}" in serving
    later = demo.next_steps("staffpulse", store, serving=False)
    assert f"staffpulse demo --serve --db {store}" in later
    assert f"staffpulse audit mia_recruits --db {store}" in later


@pytest.mark.parametrize("spelling", ["--out", "--output", "-o"])
def test_the_demo_folder_takes_the_output_spelling_of_the_other_commands(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, spelling: str
) -> None:
    asked: list[Path | None] = []

    def fake_run_demo(out: Path | None, **_: object) -> None:
        asked.append(out)
        raise KeyboardInterrupt  # the real run takes a minute; the folder is what counts here

    monkeypatch.setattr(demo_library, "run_demo", fake_run_demo)
    result = CliRunner().invoke(app, ["demo", spelling, str(tmp_path / "demo")])
    assert "No such option" not in result.output
    assert asked == [tmp_path / "demo"]


def test_the_commands_to_copy_quote_a_path_with_a_space(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A demo store in "Jane Doe/demo" (or staffpulse run from "My Projects/.venv") was printed
    bare: pasted, the shell split it and audit got two arguments."""
    monkeypatch.setenv("STAFFPULSE_HOME", str(tmp_path / "home"))
    store = tmp_path / "Jane Doe" / "demo.db"
    later = demo.next_steps("staffpulse", store, serving=False)
    assert f"staffpulse audit mia_recruits --db '{store}'" in later
    assert f"staffpulse demo --serve --db '{store}'" in later
    monkeypatch.setattr("sys.argv", ["My Projects/.venv/bin/staffpulse", "demo"])
    monkeypatch.setattr("shutil.which", lambda name: None)
    assert demo.command_name() == "'My Projects/.venv/bin/staffpulse'"


def test_a_port_that_cannot_be_is_refused_before_the_demo_is_built(tmp_path: Path) -> None:
    """QA: "demo --serve --port 99999" built the whole demo, then stopped on the server's
    OverflowError, said as a bug in staffpulse (exit 70)."""
    result = CliRunner().invoke(app, ["demo", "--serve", "--port", "99999", "--out", str(tmp_path)])
    assert result.exit_code == 65
    assert "--port 99999 is not a port number" in result.stderr
    assert "use e.g. --port 8000" in result.stderr
    assert not (tmp_path / "demo.db").exists()


def test_a_port_without_serve_is_said_unused_and_the_dashboard_command_takes_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """QA: "demo --port 8080" without --serve built the demo and opened no dashboard, without
    a word about the port it was given."""

    def fake_run_demo(out: Path | None, **_: object) -> None:
        raise KeyboardInterrupt  # the real run takes a while; what is said before it counts

    monkeypatch.setattr(demo_library, "run_demo", fake_run_demo)
    result = CliRunner().invoke(app, ["demo", "--port", "8080", "--out", str(tmp_path)])
    assert "--port 8080 does nothing without --serve" in " ".join(result.stderr.split())
    plain = CliRunner().invoke(app, ["demo", "--out", str(tmp_path)])
    assert "--port" not in plain.stderr
    store = tmp_path / "demo.db"
    later = demo.next_steps("staffpulse", store, serving=False, port=8080)
    assert f"staffpulse demo --serve --port 8080 --db {store}   (the web dashboard)" in later


def test_a_port_taken_is_said_before_the_demo_is_built(tmp_path: Path) -> None:
    """QA: "demo --serve --port N" on a port another program holds built the whole demo,
    then stopped; the demo store is never started."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        taken = holder.getsockname()[1]
        result = CliRunner().invoke(
            app, ["demo", "--serve", "--port", str(taken), "--out", str(tmp_path)]
        )
    assert result.exit_code == 65
    said = " ".join(result.stderr.split())
    assert f"cannot listen on 127.0.0.1:{taken}" in said
    assert "--port" in said  # what to use instead
    assert not (tmp_path / "demo.db").exists()


@pytest.mark.parametrize("width", [50, 60, 120])
def test_the_section_titles_are_never_cut_short(
    monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    """QA: at 60 columns the inbox's rule read "Open conversations for @harborline, 19 Nov
    2026 (the sa…": the short title stands in when the whole one does not fit."""
    shown = Console(width=width, record=True, color_system=None)
    monkeypatch.setattr(demo, "console", shown)
    whole = "Open conversations for @harborline, 19 Nov 2026 (the sample's last day)"
    shown.print(demo._section(whole, "Open conversations for @harborline"))
    shown.print(demo._section("Benchmark: the cohort ranked on the four pillars", "Benchmark"))
    text = shown.export_text()
    assert "…" not in text
    assert (whole in text) == (width >= 80)
    assert ("the four pillars" in text) == (width >= 60)
    assert "Open conversations for @harborline" in text and "Benchmark" in text


def test_the_next_steps_say_how_your_own_posts_get_in_and_where_every_command_is(
    tmp_path: Path,
) -> None:
    # the demo showed what staffpulse does, but a first-time user then asked how to start on
    # their own posts, and which commands the demo had not run
    for serving in (False, True):
        said = " ".join(demo.next_steps("staffpulse", tmp_path / "demo.db", serving).split())
        assert "Your own posts: staffpulse import FILE (an export from X, Bluesky or" in said
        assert "apart from the demo's; staffpulse --help lists every command." in said
