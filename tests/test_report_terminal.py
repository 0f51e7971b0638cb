"""Terminal tables (staffpulse.report.terminal, terminal_audit): what a user types next (a
handle) is never cut short, at any width, and a long Mastodon handle breaks before its
instance, never mid-word; the audit's "Do this next" and its totals."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from audit_helpers import LOGO, PERSON, FakeScorer, FeedBuilder, store_with
from staffpulse.audit import audit_account
from staffpulse.audit.advice import actions_total
from staffpulse.models import Account
from staffpulse.report.terminal import render_accounts
from staffpulse.report.terminal_audit import render_audit
from staffpulse.store.reads import AccountSummary

LONG = "recruiting_ops_northwest@mastodon.example"  # longer than any column would allow


def _console(width: int) -> Console:
    return Console(width=width, record=True, color_system=None)


def _handle_cell(text: str, start: str) -> str:
    """The handle column's cell that begins with ``start``, folded lines joined back."""
    lines = text.splitlines()
    row = next(i for i, line in enumerate(lines) if start in line)
    left = lines[row].index(start)
    width = lines[row].index("  ", left) - left
    cell = lines[row][left : left + width]
    for line in lines[row + 1 :]:
        more = line[left : left + width].strip()
        if not more or line[:left].strip():
            break
        cell += more
    return cell


@pytest.mark.parametrize("width", [80, 140])
def test_accounts_table_keeps_whole_handles(width: int) -> None:
    when = datetime(2026, 11, 1, tzinfo=UTC)
    summaries = [
        AccountSummary(
            Account(platform="mastodon", id=f"id{i}", handle=handle, display_name="Pat Lee"),
            posts=3,
            first_post=when,
            last_post=when,
        )
        for i, handle in enumerate(["acmestaffing_recruiting", LONG])
    ]
    console = _console(width)
    render_accounts(console, summaries)
    text = console.export_text()
    assert "…" not in text
    assert "@acmestaffing_recruiting" in text and "1 Nov 2026" in text
    assert _handle_cell(text, "@recruiting_ops") == "@" + LONG
    assert ("Pat Lee" in text) == (width >= 110)  # a narrow terminal drops the name


@pytest.mark.parametrize("width", [80, 100, 120, 140])
def test_a_handle_keeps_its_line_while_the_name_gives_way(width: int) -> None:
    """At 120 columns a 29-character bluesky handle was folded before its last letter
    (``@ridgewaystaffing.bsky.socia`` / ``l``) while the name had room to fold (QA16 16.5)."""
    when = datetime(2026, 11, 1, tzinfo=UTC)
    names = {"ridgewaystaffing.bsky.social": "Ridgeway Staffing",
             "brightside_talent": "Maya Okafor | Brightside Talent and Friends"}  # fmt: skip
    summaries = [
        AccountSummary(
            Account(platform="bluesky", id=handle, handle=handle, display_name=name),
            posts=38,
            first_post=when,
            last_post=when,
        )
        for handle, name in names.items()
    ]
    console = _console(width)
    render_accounts(console, summaries)
    lines = console.export_text().splitlines()
    assert any("@ridgewaystaffing.bsky.social " in line for line in lines)  # whole, one line
    assert all(len(line) <= width for line in lines)
    if width >= 110:  # the name is shown whole, on a second line if need be
        assert any("Friends" in line for line in lines)


@pytest.mark.parametrize("width", [80, 100])
def test_dates_stay_whole_beside_a_csv_account_and_a_long_handle(width: int) -> None:
    """At 80 columns a "CSV (no platform)" row beside a 29-character handle pushed the
    table past the edge: the header read ``last p`` and every date ``2026-1`` (QA17 F14).
    A day of two digits is the widest the column shows ("19 Nov 2026")."""
    when = datetime(2026, 11, 19, tzinfo=UTC)
    accounts = [
        Account(platform="bluesky", id="b", handle="brightsidetalent.bsky.social"),
        Account(platform="csv", id="t", handle="tinytemps"),
    ]
    summaries = [AccountSummary(a, posts=16, first_post=when, last_post=when) for a in accounts]
    console = _console(width)
    render_accounts(console, summaries)
    lines = console.export_text().splitlines()
    assert all(len(line) <= width for line in lines)
    assert any("last post" in line for line in lines)
    assert sum("19 Nov 2026" in line for line in lines) == 2  # both dates whole
    assert any("@brightsidetalent.bsky.social " in line for line in lines)
    assert any("CSV" in line for line in lines)


def test_do_this_next_shows_what_each_action_is_worth_and_the_total(tmp_path: Path) -> None:
    firm = FeedBuilder("acme", display_name="Acme Staffing")
    firm.job(12)
    # as of its last post: the fixture's fixed dates are long past (not "gone quiet")
    store = store_with(tmp_path, firm)
    result = audit_account(store, "acme", scorer=FakeScorer(), avatar=LOGO, now=firm.clock)
    console = _console(120)
    render_audit(console, result)
    box = console.export_text().split("Do this next")[1].split("╰")[0]
    panel = " ".join(box.replace("│", " ").split())  # the wrapped lines joined back
    for action in result.top_actions:
        assert action["points"] > 0
        assert f"(+{action['points']} point" in panel
    total = actions_total(result.top_actions)  # each pillar once: its actions overlap
    after = result.overall + total
    assert f"could take you from {result.overall} to {after} (+{total}" in panel
    assert after <= 100


def _do_this_next(tmp_path: Path, feed: FeedBuilder, avatar: Any) -> tuple[Any, str]:
    result = audit_account(
        store_with(tmp_path, feed), feed.handle, scorer=FakeScorer(), avatar=avatar, now=feed.clock
    )
    console = _console(120)
    render_audit(console, result)
    box = console.export_text().split("Do this next")[1].split("╰")[0]
    return result, " ".join(box.replace("│", " ").split())  # the wrapped lines joined back


def test_a_job_board_sees_its_job_ads_fix_first_with_what_mix_can_add(tmp_path: Path) -> None:
    firm = FeedBuilder("acme", display_name="Acme Staffing")
    firm.job(12)
    for i in range(4):
        firm.reply(f"peer{i}")
    _result, panel = _do_this_next(tmp_path, firm, LOGO)
    # Mix at 0 can add a quarter of the grade: its fix comes first and says so
    assert panel.startswith("1. [Mix] All 12 of your original posts are job ads")
    assert "(+25 points)" in panel.split("2. ")[0]


def test_the_total_counts_a_pillar_once_and_says_why(tmp_path: Path) -> None:
    rosa = FeedBuilder(
        "rosa", display_name="Rosa Tamlin", bio="Recruiter for warehouse roles in Tacoma. Ask me!"
    )
    for i in range(12):
        rosa.post(f"My story {i}: I love this team lol " + "!" * i)
    result, panel = _do_this_next(tmp_path, rosa, PERSON)
    conversation = [a for a in result.top_actions if a["pillar"] == "conversation"]
    # the main fix, then talking with more people: what the accounts-engaged part misses
    assert [a["points"] for a in conversation] == [25, 8]
    total = actions_total(result.top_actions)
    assert total == 25 + sum(
        a["points"] for a in result.top_actions if a["pillar"] != "conversation"
    )
    assert (
        f"could take you from {result.overall} to {result.overall + total} (+{total}: actions on "
        "the same pillar overlap, so each pillar counts once)" in panel
    )


def test_the_header_warns_when_the_grade_rests_on_very_few_posts(tmp_path: Path) -> None:
    tiny = FeedBuilder("tinytemps", display_name="Tiny Temps")
    tiny.chat(2)
    tiny.job(1)
    result = audit_account(
        store_with(tmp_path, tiny), "tinytemps", scorer=FakeScorer(), avatar=LOGO
    )
    console = _console(100)
    render_audit(console, result)
    header = " ".join(console.export_text().split("Do this next")[0].replace("│", " ").split())
    assert "Rough grade: only 3 posts of your own (fewer than 10)" in header


def test_an_account_with_nothing_to_fix_is_told_so(tmp_path: Path) -> None:
    firm = FeedBuilder("acme", display_name="Acme Staffing")
    firm.job(3)
    result = audit_account(store_with(tmp_path, firm), "acme", scorer=FakeScorer(), avatar=LOGO)
    result.top_actions = []  # as when every pillar only has praise to give
    console = _console(120)
    render_audit(console, result)
    assert "Nothing to fix right now" in console.export_text()


def test_the_audit_says_what_its_post_totals_count() -> None:
    from audit_helpers import audit_feed

    feed = FeedBuilder("bulk")
    for i in range(1_050):
        feed.post(f"My story {i}: I love this team")
    for i in range(20):
        feed.post(f"RT {i}", kind="repost", reposted_post_id=f"o{i}")
    console = _console(120)
    render_audit(console, audit_feed(feed))
    text = " ".join(console.export_text().split())
    assert "1,070 posts from" in text
    assert "Of these, 1,050 original posts and 20 reposts." in text
    assert "of 1,050 posts you wrote (" in text and "1050" not in text


def test_accounts_table_shows_a_name_with_brackets_as_written() -> None:
    """A display name is outside text: "[hiring]" is not markup, and must not vanish."""
    when = datetime(2026, 11, 1, tzinfo=UTC)
    account = Account(
        platform="x", id="1", handle="acme", display_name="Acme [hiring] [bold]now[/bold]"
    )
    console = _console(140)
    render_accounts(console, [AccountSummary(account, posts=1, first_post=when, last_post=when)])
    assert "Acme [hiring] [bold]now[/bold]" in console.export_text()


def test_a_long_mastodon_handle_breaks_before_its_instance_at_80_columns() -> None:
    when = datetime(2026, 11, 1, tzinfo=UTC)
    summaries = [
        AccountSummary(
            Account(platform="mastodon", id=str(i), handle=handle), 1, first_post=when, last_post=when
        )
        for i, handle in enumerate(["inez@masto.pt", "MidnightKettleNotes@mastodon.social"])
    ]  # fmt: skip
    console = Console(width=80, record=True, color_system=None)
    render_accounts(console, summaries)
    cells = [line.split()[0] for line in console.export_text().splitlines() if line.strip()]
    assert "@MidnightKettleNotes" in cells and "@mastodon.social" in cells
    assert not any(cell.endswith("mastodon.s") or cell in ("l", "ocial") for cell in cells)
    assert "@inez@masto.pt" in cells  # one that fits stays whole


@pytest.mark.parametrize("width", [60, 80, 120])
def test_stats_never_cut_a_count(width: int) -> None:
    """QA: at 60 columns stats showed "1,2…" for 1,280 posts and "Blu…" for Bluesky; a
    narrow terminal now gets each platform as a column, and every count whole."""
    from staffpulse.report.terminal import render_stats

    stats = {
        "accounts": {"bluesky": 2, "x": 10},
        "follows": {"bluesky": 2, "x": 27},
        "posts": {
            "bluesky": {"original": 123, "reply": 102, "repost": 17, "quote": 10},
            "x": {"original": 1280, "reply": 510, "repost": 77, "quote": 48},
        },
    }
    console = _console(width)
    render_stats(console, stats)
    text = console.export_text()
    assert "…" not in text
    assert all(len(line) <= width for line in text.splitlines())
    for figure in ("1,280", "1,915", "252", "Bluesky", "total"):
        assert figure in text


def test_a_narrow_accounts_table_folds_handles_and_keeps_the_dates() -> None:
    """QA: at 60 columns the handle kept 28 characters and the last-post dates were cropped."""
    when = datetime(2026, 11, 1, tzinfo=UTC)
    accounts = [Account(platform="bluesky", id="b", handle="adabrightwell.bsky.social")]
    console = _console(60)
    render_accounts(console, [AccountSummary(a, 134, when, when) for a in accounts])
    text = console.export_text()
    assert all(len(line) <= 60 for line in text.splitlines())
    # the day as the audit and the reports write one, never "2026-11-01"
    assert "1 Nov 2026" in text and "last post" in text
    assert _handle_cell(text, "@adabright") == "@adabrightwell.bsky.social"


def test_at_60_columns_an_x_handle_stays_whole_and_the_followers_give_way() -> None:
    """QA: at 60 columns every handle over 10 characters was cut mid-word
    ("@harborlin" over "estaff"); the followers column now gives up its room first."""
    when = datetime(2026, 11, 1, tzinfo=UTC)
    accounts = [
        Account(platform="x", id="1", handle="harborlinestaff", followers=1200),
        Account(platform="bluesky", id="2", handle="northgatetalentgroup.bsky.social"),
    ]
    console = _console(60)
    render_accounts(console, [AccountSummary(a, 3, when, when) for a in accounts])
    text = console.export_text()
    assert all(len(line) <= 60 for line in text.splitlines())
    cells = [line.split()[0] for line in text.splitlines()[4:] if line.strip()]
    # a Bluesky handle too long for the column breaks before its domain, never mid-word
    assert cells == ["@harborlinestaff", "@northgatetalentgroup", ".bsky.social"], text
    assert "followers" not in text and "1 Nov 2026" in text


def test_followers_stay_when_dropping_them_would_not_keep_the_handle_whole() -> None:
    # the accounts list dropped the followers whenever a handle folded, the league table its
    # jobs column only when that kept every handle whole: one rule now, the league table's
    when = datetime(2026, 11, 1, tzinfo=UTC)
    handle = "quarrystonelogisticsstaffingpartners.bsky.social"  # 37 unbroken: folds anyway
    account = Account(platform="bluesky", id="1", handle=handle, followers=1200)
    console = _console(60)
    render_accounts(console, [AccountSummary(account, 3, when, when)])
    text = console.export_text()
    assert all(len(line) <= 60 for line in text.splitlines())
    assert "followers" in text and "1,200" in text and "1 Nov 2026" in text


def test_a_wide_enough_terminal_keeps_the_followers() -> None:
    when = datetime(2026, 11, 1, tzinfo=UTC)
    account = Account(platform="x", id="1", handle="harborlinestaff", followers=1200)
    console = _console(80)
    render_accounts(console, [AccountSummary(account, 3, when, when)])
    text = console.export_text()
    assert "followers" in text and "1,200" in text
