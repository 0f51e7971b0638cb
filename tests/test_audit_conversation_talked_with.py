"""The Conversation pillar's advice on whom the account talked with (staffpulse.audit.
conversation_advice.talked_with): the 90 days it measured, an account gone quiet told on its
last 90 days of posting, and the inbox named only when it holds someone else's conversation."""

from __future__ import annotations

from typing import Any

from audit_helpers import FeedBuilder


def test_inbox_count_feeds_the_advice_only_once_something_was_listened_to() -> None:
    from audit_helpers import PERSON, FakeScorer
    from staffpulse.audit.config import audit_settings
    from staffpulse.audit.engine import compute_audit, original_mask, texts_to_score
    from staffpulse.audit.signals import score_texts
    from staffpulse.audit.types import AccountData
    from staffpulse.report.pillar_figures import figures

    feed = FeedBuilder("acme")
    feed.job(10)

    def audit(joined: int | None) -> Any:
        data = AccountData(feed.account(), list(feed.posts), [], {}, joined)
        index, texts = texts_to_score(data.posts)
        signals = score_texts(texts, FakeScorer(), template_mask=original_mask(data.posts, index))
        return compute_audit(data, signals, audit_settings({}), avatar=PERSON)

    never, none_yet, some = audit(None), audit(0), audit(3)
    assert never.pillars["conversation"].score == some.pillars["conversation"].score
    assert not any("inbox" in r for r in never.pillars["conversation"].recommendations)
    assert any("inbox" in r for r in none_yet.pillars["conversation"].recommendations)
    labels = [label for label, _ in figures(never)["conversation"]]
    assert "Inbox conversations joined" not in labels  # no false "0" before any listening
    assert ("Inbox conversations joined", "3 conversations") in figures(some)["conversation"]


def _audit_at(feed: FeedBuilder, now: Any) -> Any:
    """``audit_feed`` with the clock fixed (``now``: None ends the windows at the last post)."""
    from audit_helpers import FakeScorer
    from staffpulse.audit.config import audit_settings
    from staffpulse.audit.engine import compute_audit, original_mask, texts_to_score
    from staffpulse.audit.signals import score_texts
    from staffpulse.audit.types import AccountData

    data = AccountData(feed.account(), list(feed.posts), list(feed.others), {})
    index, texts = texts_to_score(data.posts)
    signals = score_texts(texts, FakeScorer(), template_mask=original_mask(data.posts, index))
    return compute_audit(data, signals, audit_settings({}), now=now)


def test_an_account_gone_quiet_is_not_told_it_talked_with_no_one_in_the_last_90_days() -> None:
    from datetime import timedelta

    feed = FeedBuilder("rosa")
    feed.chat(2)
    feed.post("So true, and it matches our desk", kind="quote", mentions=("peer0",))
    last = feed.clock

    def advice(now: Any) -> tuple[str, dict[str, Any]]:
        conv = _audit_at(feed, now).pillars["conversation"]
        return next(r for r in conv.recommendations if "talked with" in r), conv.evidence

    # still posting: its recent 90 days, as ever
    said, ev = advice(last + timedelta(days=1))
    assert said.startswith("You talked with 1 different account in the last 90 days")
    assert ev["posts_90d"] == 3 and ev["last_active_90d"] is None
    # a year later, windows ending today: no zero claimed of an empty window
    said, ev = advice(last + timedelta(days=365))
    assert ev["accounts_engaged_90d"] == 0 and ev["posts_90d"] == 0
    until = f"{last:%Y-%m-%dT%H:%M:%S}Z"  # a moment, as --json writes every one
    assert ev["last_active_90d"] == {"until": until, "accounts_engaged": 1}
    day = f"{last.day} {last:%b %Y}"
    assert said.startswith(
        "The account posted nothing in the last 90 days; in the 90 days up to its last post "
        f"({day}) it talked with 1 different account"
    )
    assert "0 different" not in said


def test_talked_with_names_the_period_it_measured() -> None:
    from staffpulse.audit.conversation_advice import talked_with

    recent = {"accounts_engaged_90d": 0, "posts_90d": 4, "last_active_90d": None}
    # a real quiet account read "the account talked with 0 different accounts"
    assert talked_with(recent, 25) == "You talked with no one in the last 90 days"
    silent = {"accounts_engaged_90d": 0, "posts_90d": 4}
    silent["last_active_90d"] = {"until": "2021-09-22T10:00:00Z", "accounts_engaged": 0}
    assert talked_with(silent, 25) == (
        "In the 90 days up to its last post (22 Sep 2021), the account talked with no one"
    )
    quiet = {
        "accounts_engaged_90d": 2,
        "posts_90d": 4,
        "last_active_90d": {"until": "2021-11-19T16:20:00Z", "accounts_engaged": 2},
    }
    assert talked_with(quiet, 25) == (
        "In the 90 days up to its last post (19 Nov 2021), the account talked with 2 different "
        "accounts"
    )
    assert talked_with(quiet, 2) is None  # enough: nothing to advise


def test_an_account_gone_quiet_is_headlined_on_its_last_90_days_of_posting() -> None:
    # the league table marks the account as quiet beside its row; the headline says the
    # count, not the whole dated sentence of the audit ("In the 90 days up to its last post
    # (19 Nov 2021), the account talked with ... (a reply, a mention or a quote counts; ...)")
    from staffpulse.audit.conversation_advice import talked_with

    quiet = {
        "accounts_engaged_90d": 0,
        "posts_90d": 4,
        "last_active_90d": {"until": "2021-11-19T16:20:00Z", "accounts_engaged": 1},
    }
    lead = talked_with(quiet, 25)
    assert lead is not None and lead.startswith("In the 90 days up to its last post (19 Nov")
    assert lead.headline == "Talk with more people: 1 account in its last 90 days of posting"
    silent = talked_with(quiet | {"posts_90d": 0}, 25)
    assert silent is not None and silent.startswith("The account posted nothing in the last")
    assert silent.headline == lead.headline


def test_the_inbox_is_advised_only_when_it_holds_someone_else_s_conversation(
    tmp_path: Any,
) -> None:
    # A store of the firm's own posts, judged by listening (the inbox was opened): the inbox
    # has nothing to join, so the reply advice must not send the firm there, nor count a "0".
    from audit_helpers import FakeScorer, store_with
    from staffpulse.audit.engine import audit_account
    from staffpulse.listen.schema import RelevanceRow, save_relevance
    from staffpulse.report.pillar_figures import figures

    feed = FeedBuilder("acme")
    feed.job(10)
    other = feed.by("rosa", "Which staffing firms answer candidates quickly?")
    store = store_with(tmp_path, feed)

    def judged(*posts: Any) -> None:
        rows = [RelevanceRow("x", p.id, 0.9, ("staffing",), "test") for p in posts]
        save_relevance(store.conn, rows)
        store.conn.commit()

    def conversation() -> Any:
        audit = audit_account(store, "acme", scorer=FakeScorer(), save=False)  # type: ignore[arg-type]
        labels = [label for label, _ in figures(audit)["conversation"]]
        return " ".join(audit.pillars["conversation"].recommendations), labels

    from staffpulse.listen.looks import record_look, take_look

    record_look(store, take_look(store, "acme"))  # the firm opened its inbox
    judged(*feed.posts)
    advice, labels = conversation()
    assert "Spend 10 minutes a day answering" in advice and "inbox" not in advice
    assert "Inbox conversations joined" not in labels
    judged(other)  # now someone else's work conversation waits in the inbox
    advice, labels = conversation()
    assert "Start with the open conversations in your inbox" in advice
    assert "Inbox conversations joined" in labels
