"""The demo's "Next:" commands name staffpulse as the user can run it: the bare name when the
shell finds it, else the path it was run by (before ``source .venv/bin/activate``)."""

from __future__ import annotations

import pytest

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
