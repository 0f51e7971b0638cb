"""An account gone quiet: the audit says when its last post was and that the windows end
then, in the terminal, the HTML report and --json, and its advice starts with posting again
(QA: a report on an account silent for five years spoke of "this week" and "the last 90 days")."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from audit_helpers import PERSON, FakeScorer, FeedBuilder, store_with
from staffpulse.audit import audit_account
from staffpulse.audit.quiet import first_fix, post_again_first
from staffpulse.cli.app import app
from staffpulse.report.html import render_audit_html
from staffpulse.report.terminal_audit import render_audit


def _feed() -> FeedBuilder:
    feed = FeedBuilder("rtiatmla", display_name="RTI at MLA")
    feed.chat(8)
    feed.job(4)
    for i in range(3):
        feed.reply(f"peer{i}")
    return feed


def _flat(text: str) -> str:
    return " ".join(text.replace("│", " ").split())


def test_a_quiet_account_is_told_when_it_last_posted_everywhere(tmp_path: Path) -> None:
    feed = _feed()
    store = store_with(tmp_path, feed)
    last = feed.clock
    result = audit_account(store, "rtiatmla", scorer=FakeScorer(), avatar=PERSON)
    day = f"{last.day} {last:%b %Y}"
    said = re.compile(
        rf"Last post {day}, \d+ (months|years) ago: the 30- and 90-day windows end on that date"
    )
    assert result.caution and said.match(result.caution)
    assert json.loads(json.dumps(result.to_dict()))["caution"] == result.caution
    first = result.top_actions[0]
    assert first["title"] == "Activity" and first["action"].startswith(
        f"Post again first: the last post was on {day}"
    )
    assert first["points"] == 0 and len(result.top_actions) <= 4  # the lead and three more
    assert re.fullmatch(r"Post again: the last post was \d+ (months|years) ago", first["headline"])

    console = Console(width=120, record=True, color_system=None)
    render_audit(console, result)
    text = _flat(console.export_text())
    header, advice = text.split("Do this next", 1)
    assert said.search(header)
    assert advice.lstrip().startswith("1. [Activity] Post again first")

    html = _flat(re.sub(r"<[^>]+>", " ", render_audit_html(result)))
    assert said.search(html) and "Post again first" in html


def test_an_account_that_still_posts_gets_no_such_caution(tmp_path: Path) -> None:
    feed = _feed()
    store = store_with(tmp_path, feed)
    result = audit_account(
        store, "rtiatmla", scorer=FakeScorer(), avatar=PERSON, now=feed.clock + timedelta(days=20)
    )
    assert result.caution is None
    assert all(action["title"] != "Activity" for action in result.top_actions)


def test_with_a_later_now_the_windows_are_said_to_be_empty(tmp_path: Path) -> None:
    feed = _feed()
    store = store_with(tmp_path, feed)
    now = datetime(2031, 6, 1, tzinfo=UTC)
    result = audit_account(store, "rtiatmla", scorer=FakeScorer(), avatar=PERSON, now=now)
    assert result.caution == (
        f"Last post {feed.clock.day} {feed.clock:%b %Y}, 5 years ago: the account has gone "
        "quiet, and the 30- and 90-day windows hold no post."
    )


def test_audit_json_carries_the_caution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import staffpulse.audit.engine as engine

    feed = _feed()
    db = tmp_path / "test.db"
    store_with(tmp_path, feed).close()
    real = engine.audit_account

    def with_fake_model(*args: object, **kwargs: object) -> object:
        kwargs.setdefault("scorer", FakeScorer())
        kwargs.setdefault("avatar", PERSON)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("staffpulse.audit.audit_account", with_fake_model)
    result = CliRunner().invoke(app, ["audit", "rtiatmla", "--json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    caution = json.loads(result.stdout)["caution"]
    assert caution.startswith(f"Last post {feed.clock.day} {feed.clock:%b %Y}")


def test_the_bundled_sample_is_read_as_of_its_own_dates_not_as_gone_quiet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sample's dates are fixed: a demo run months later must not tell every sample
    account it went quiet, and the inbox replays the same day."""
    from staffpulse.bundled import SAMPLE_DIR, sample_clock
    from staffpulse.ingest import import_paths
    from staffpulse.store import open_store

    store = open_store(tmp_path / "demo.db")
    import_paths(store, [SAMPLE_DIR / "cohort.jsonl"])
    clock = sample_clock(store)
    assert clock is not None
    # a year after the sample was written, by the real clock
    monkeypatch.setattr("staffpulse.audit.quiet.QUIET_AFTER_DAYS", 1)
    result = audit_account(store, "brightpathstaff", scorer=FakeScorer(), avatar=PERSON)
    assert result.generated_at == clock
    assert result.caution is None or "Last post" not in result.caution
    assert not result.top_actions[0]["action"].startswith("Post again first")
    own = store_with(tmp_path / "own", _feed())
    assert sample_clock(own) is None  # the user's own store keeps the real clock


# --- the lead is added, never swapped for a real action; worded for any account ----------

ACTIONS = [
    {"pillar": name, "title": name.title(), "points": points, "pillar_points": points,
     "action": f"Fix {name}"}
    for name, points in (("mix", 25), ("conversation", 12), ("voice", 6))
]  # fmt: skip


def test_post_again_first_keeps_the_three_real_actions_after_it() -> None:
    last = datetime(2025, 3, 4, 10, tzinfo=UTC)
    led = post_again_first(ACTIONS, last, datetime(2026, 3, 4, tzinfo=UTC))
    assert [a["title"] for a in led] == ["Activity", "Mix", "Conversation", "Voice"]
    assert led[1:] == ACTIONS  # the third, Voice, is not dropped
    assert led[0]["action"].startswith("Post again first: the last post was on 4 Mar 2025, 11 ")
    assert "your" not in led[0]["action"].lower()  # a competitor's audit reads it too
    assert post_again_first(ACTIONS, last, last + timedelta(days=30)) == ACTIONS


def _quiet_feed() -> FeedBuilder:
    """An account with three real actions to take (Mix, Voice, Conversation all low) whose
    fixed dates, early 2026, are long before any day this test runs."""
    feed = FeedBuilder("oldtemps", display_name="Old <Temps>")
    feed.job(12)
    return feed


def test_the_html_report_of_a_quiet_account_leads_with_posting_again(tmp_path: Path) -> None:
    feed = _quiet_feed()
    result = audit_account(
        store_with(tmp_path, feed), "oldtemps", scorer=FakeScorer(), avatar=PERSON
    )
    html = render_audit_html(result)
    day = f"{feed.clock.day} {feed.clock:%b %Y}"
    caution = re.search(r'<div class="caution"[^>]*><strong>(.*?)</strong>', html)
    assert caution and caution.group(1).startswith(f"Last post {day}, ")
    assert "the 30- and 90-day windows end on that date, not today" in caution.group(1)
    listed = re.findall(
        r'<li><span class="tag">([^<]+)</span>(.*?)</li>', html.split("Do this next")[1]
    )
    assert listed[0][0] == "Activity" and len(listed) == len(result.top_actions)
    assert listed[0][1].startswith(f"Post again first: the last post was on {day}")
    real = [a for a in result.top_actions if a["pillar"] != "activity"]
    assert len(real) == 3 and len(listed) == 4  # three actions worth points, after the lead
    assert "Old &lt;Temps&gt;" in html and "Old <Temps>" not in html
    assert "your last post" not in html


def test_the_web_audit_page_of_a_quiet_account_leads_with_posting_again(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from web_helpers import make_client

    feed = _quiet_feed()
    store_with(tmp_path, feed).close()
    with make_client(tmp_path / "test.db") as client:
        page = client.get("/audit/x/oldtemps")
    assert page.status_code == 200
    text = _flat(re.sub(r"<[^>]+>", " ", page.text))
    day = f"{feed.clock.day} {feed.clock:%b %Y}"
    assert re.search(rf"Last post {day}, \d+ (months|years?) ago: the 30- and 90-day", text)
    advice = text.split("Do this next", 1)[1]
    assert advice.lstrip().startswith(f"Activity Post again first: the last post was on {day}")
    assert "your last post" not in text


@pytest.mark.parametrize(
    ("fix", "span", "said"),
    [
        ("Talk with more people: 1 account", None, "Talk with more people: 1 account"),
        (
            "Talk with more people: 1 account",
            "4 years",
            "Post again (the last post was 4 years ago), then talk with more people: 1 account",
        ),
        (
            "X list of the recruiters",
            "2 years",
            "Post again (the last post was 2 years ago), then X list of the recruiters",
        ),
        ("", "3 months", "Post again: the last post was 3 months ago"),
    ],
)
def test_the_first_fix_of_a_quiet_account_is_to_post_again_then_its_own(
    fix: str, span: str | None, said: str
) -> None:
    assert first_fix(fix, span) == said


def test_a_table_that_says_the_span_beside_the_account_leaves_it_out_of_the_fix() -> None:
    said = first_fix("Talk with more people: 1 account", "4 years", span_beside=True)
    assert said == "Post again, then talk with more people: 1 account"
    assert first_fix("", "4 years", span_beside=True) == "Post again"
