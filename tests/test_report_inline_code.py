"""A command quoted in advice (`staffpulse fetch x @acme`) is set as <code> in the HTML report,
never shown with its backticks, and printed plain in the terminal."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from audit_helpers import FakeScorer, FeedBuilder, store_with
from staffpulse.audit import audit_account
from staffpulse.audit.avatar_check import AvatarInfo
from staffpulse.report.html import render_audit_html
from staffpulse.report.inline_code import code_as_html, code_as_plain
from staffpulse.report.terminal_audit import render_audit

UNCHECKED = AvatarInfo(None, 0.0, "none")


def _audit(tmp_path: Path) -> object:
    feed = FeedBuilder("brighthire_staff", display_name="BrightHire <Staff>")
    feed.chat(12)
    return audit_account(
        store_with(tmp_path, feed), "brighthire_staff", scorer=FakeScorer(), avatar=UNCHECKED
    )


def test_the_html_report_sets_commands_as_code(tmp_path: Path) -> None:
    result = _audit(tmp_path)
    advice = " ".join(result.pillars["face"].recommendations)  # type: ignore[attr-defined]
    assert "`staffpulse fetch x @brighthire_staff`" in advice  # the library keeps the marks
    html = render_audit_html(result)  # type: ignore[arg-type]
    assert "<code>staffpulse fetch x @brighthire_staff</code>" in html
    assert "<code>staffpulse avatar picture.jpg</code>" in html
    assert "`" not in html.split("<body", 1)[1].split("<script", 1)[0]
    assert "BrightHire &lt;Staff&gt;" in html


def test_the_terminal_prints_commands_plain(tmp_path: Path) -> None:
    console = Console(width=160, record=True, color_system=None)
    render_audit(console, _audit(tmp_path))  # type: ignore[arg-type]
    text = console.export_text()
    assert "Run staffpulse fetch x @brighthire_staff (with your" in " ".join(text.split())
    assert "`" not in text


def test_text_around_a_command_stays_escaped() -> None:
    said = code_as_html("Run `staffpulse audit <x>` & see <b>")
    assert str(said) == "Run <code>staffpulse audit &lt;x&gt;</code> &amp; see &lt;b&gt;"
    assert code_as_plain("Run `a` and `b`, not ` `") == "Run a and b, not  "
