"""A command quoted in advice (`staffpulse fetch x @acme`) is printed plain in the terminal;
text quoted so in an HTML report is set as <code>, never shown with its backticks (a report
says the steps it knows without their commands: test_report_wording.py)."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from audit_helpers import FakeScorer, FeedBuilder, store_with
from staffpulse.audit import audit_account
from staffpulse.audit.avatar_check import AvatarInfo
from staffpulse.report.inline_code import code_as_html, code_as_plain
from staffpulse.report.terminal_audit import render_audit

UNCHECKED = AvatarInfo(None, 0.0, "none")


def _audit(tmp_path: Path) -> object:
    feed = FeedBuilder("brighthire_staff", display_name="BrightHire <Staff>")
    feed.chat(12)
    return audit_account(
        store_with(tmp_path, feed), "brighthire_staff", scorer=FakeScorer(), avatar=UNCHECKED
    )


def test_the_terminal_prints_commands_plain(tmp_path: Path) -> None:
    console = Console(width=160, record=True, color_system=None)
    render_audit(console, _audit(tmp_path))  # type: ignore[arg-type]
    text = console.export_text()
    assert "Run staffpulse fetch x @brighthire_staff to fetch and check it" in " ".join(
        text.split()
    )
    assert "`" not in text


def test_text_around_a_command_stays_escaped() -> None:
    said = code_as_html("Run `staffpulse audit <x>` & see <b>")
    assert str(said) == "Run <code>staffpulse audit &lt;x&gt;</code> &amp; see &lt;b&gt;"
    assert code_as_plain("Run `a` and `b`, not ` `") == "Run a and b, not  "
