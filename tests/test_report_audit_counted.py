"""The posts an audit counted, shown as proof (Mix: its job ads, while the share is healthy),
in the terminal and in the HTML report, so a consultant can check what the model counted."""

from __future__ import annotations

import re

from rich.console import Console

from audit_helpers import FeedBuilder, audit_feed
from staffpulse.report.html import render_audit_html
from staffpulse.report.terminal_audit import render_audit

ADS = [
    "Now hiring: a night-shift welder in York, apply by Friday",
    "Job alert: two care assistants for a Leeds home, £12.50/hr",
    "We're hiring a site manager in Hull. Apply: https://j.example/s",
    "Now hiring <forklift> drivers in Dayton & Kent, days only",
]


def _healthy() -> FeedBuilder:
    feed = FeedBuilder("acme")
    for ad in ADS:
        feed.chat(3)
        feed.post(ad)
    return feed


def _job_board() -> FeedBuilder:
    feed = FeedBuilder("jobboard")
    feed.chat(2)
    feed.job(8)
    return feed


def _terminal(feed: FeedBuilder) -> str:
    console = Console(width=200, record=True, color_system=None)
    render_audit(console, audit_feed(feed))
    text = console.export_text()
    return text[text.index("Mix  ") : text.index("Is it more than a job board?")]


def _html_mix(feed: FeedBuilder) -> str:
    html = render_audit_html(audit_feed(feed))
    return html[html.index('id="mix"') : html.index('id="voice"')]


def test_the_terminal_shows_the_job_ads_counted_in_a_healthy_mix() -> None:
    mix = _terminal(_healthy())
    counted = [line for line in mix.splitlines() if "Counted: " in line]
    assert len(counted) == 3  # the latest three of the four, no more: the report stays short
    assert "Counted: Now hiring <forklift> drivers in Dayton & Kent" in counted[0]
    # its day as the header and the HTML report write one ("5 Jan 2026"), never "2026-01-05"
    assert re.search(r"\(a job ad to the model, \d{1,2} Jan 2026\)", counted[0])
    assert ADS[0] not in mix
    assert "Holding you back" not in mix


def test_the_terminal_shows_a_job_boards_ads_as_holding_it_back_not_as_counted() -> None:
    mix = _terminal(_job_board())
    assert "Holding you back: We're hiring a forklift operator" in mix
    assert "Counted: " not in mix


def test_the_html_report_lists_the_job_ads_counted_escaped() -> None:
    mix = _html_mix(_healthy())
    assert "<h3>Posts counted as job ads</h3>" in mix
    assert mix.count('class="ex-counted"') == 3
    assert "Now hiring &lt;forklift&gt; drivers in Dayton &amp; Kent, days only" in mix
    # its day as every page writes one ("5 Jan 2026")
    assert re.search(r"a job ad to the model · original · \d{1,2} Jan 2026", mix)
    assert "welder in York" not in mix  # the oldest of the four is not shown
    board = _html_mix(_job_board())
    assert "Posts that hold you back" in board and "ex-counted" not in board
