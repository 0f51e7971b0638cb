"""The audit in the terminal: an account's name is printed as written, never read as Rich
markup; the change since the last audit is signed per pillar (±0 for none) and the earlier
audit is named; and ``examples=False`` leaves the example posts out."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rich.console import Console

from audit_helpers import LOGO, FeedBuilder, audit_feed
from staffpulse.report.terminal_audit import render_audit


def _result() -> Any:
    feed = FeedBuilder("acme", display_name="[bold red]Acme[/] Staffing")
    feed.job(6)
    feed.chat(3)
    feed.reply("jane", 2)
    return audit_feed(feed, avatar=LOGO)


def _shown(result: Any, **options: bool) -> str:
    console = Console(width=120, record=True, color_system=None)
    render_audit(console, result, **options)
    return console.export_text()


def test_a_name_that_looks_like_markup_is_printed_as_written() -> None:
    text = _shown(_result())
    assert "[bold red]Acme[/] Staffing @acme on X" in text
    assert "“[bold red]Acme[/] Staffing”" in text  # the Face pillar's figure too


def test_the_change_since_the_last_audit_is_signed_and_the_audit_named() -> None:
    result = _result()
    changed = replace(
        result,
        change={"overall": 0, "face": 4, "mix": -2, "voice": 0, "conversation": None},
        previous={"generated_at": "2026-03-01T09:30:00Z"},
    )
    text = _shown(changed)
    head = text.splitlines()[1]
    assert f"{result.overall}/100 ±0" in head
    face = next(line for line in text.splitlines() if line.startswith("│ Face "))
    mix = next(line for line in text.splitlines() if line.startswith("│ Mix "))
    assert face.rstrip(" │").endswith("+4") and mix.rstrip(" │").endswith("-2")
    assert "Compared with the audit of 1 Mar 2026" in text


def test_without_examples_no_post_is_quoted() -> None:
    shown, hidden = _shown(_result()), _shown(_result(), examples=False)
    assert "Holding you back:" in shown and "To imitate:" in shown
    assert "Holding you back:" not in hidden and "To imitate:" not in hidden
    assert "What to do" in hidden  # the advice stays


def test_an_account_from_a_csv_without_platforms_is_named_as_accounts_names_it() -> None:
    # the header said "@tidewater on csv" where staffpulse accounts says "CSV (no platform)"
    feed = FeedBuilder("tidewater", platform="csv")
    feed.chat(4)
    head = " ".join(_shown(audit_feed(feed)).splitlines()[1].split())
    assert "tidewater @tidewater from a CSV (no platform)" in head
    assert " on csv" not in head


def test_every_post_a_pillar_offers_to_imitate_is_shown_as_the_html_shows_it() -> None:
    # the terminal showed two of a pillar's three, and the third, hidden, was the one a
    # later pillar left out as shown above: a story of the firm's own appeared nowhere
    feed = FeedBuilder("acme")
    for story in ("My story: we placed a welder", "I love our night shift crew", "Honest take"):
        feed.post(f"{story}, and the team is so proud of it")
    feed.job(3)
    result = audit_feed(feed)
    best = result.pillars["mix"].best
    assert len(best) == 3
    text = " ".join(_shown(result).split())
    assert all(ex.text in text for ex in best)
