"""A replay (a store with nothing live) is ranked as of the same time with and without --topic,
and a topic with nothing to join points to the topics the unfiltered inbox offers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from _listen_fakes import FakeScorer
from staffpulse.dates import format_day
from staffpulse.listen.inbox import build_inbox
from staffpulse.listen.inbox_model import Inbox
from staffpulse.models import Post
from staffpulse.sources.base import provenance
from staffpulse.store import Store, open_store

# an archive: nothing was active in the last 30 days of the real time
NEWEST = datetime.now(UTC).replace(microsecond=0) - timedelta(days=500)


def post(pid: str, text: str, age: timedelta) -> Post:
    return Post(platform="x", id=pid, author_id=f"u{pid}", text=text, created_at=NEWEST - age)


POSTS = [
    post("ask", "What is the one interview question you always ask candidates?", timedelta()),
    post(
        "ghost", "Got ghosted by a candidate again, two weeks of radio silence", timedelta(days=1)
    ),
    # a pay question from years before: outside the window of the replay
    post("pay", "How do you handle salary negotiation with a counteroffer?", timedelta(days=900)),
]


def inbox(store: Store, **kw: Any) -> Inbox:
    scorer: Any = FakeScorer()
    return build_inbox(store, text_model=scorer, role_model=None, **kw)


def test_a_topic_is_replayed_as_of_the_same_time_as_the_whole_inbox(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        store.upsert(POSTS, provenance("twarc2", tmp_path / "search.jsonl"))
        everything = inbox(store)
        pay = inbox(store, topic="pay")
    assert everything.replay and pay.replay
    assert pay.ranked_as_of == everything.ranked_as_of == NEWEST + timedelta(hours=1)
    assert pay.topic_matched and pay.items == []
    when = format_day(everything.ranked_as_of)
    assert any(f"on topic 'pay' was active in the 30 days before {when}" in n for n in pay.notes)
    # the other topics named are the unfiltered inbox's, with the same counts
    offered = sorted((c.label, c.open) for c in everything.topic_choices)
    assert offered == sorted((i.topic_label, 1) for i in everything.items)
    listed = ", ".join(f"{label} ({n})" for label, n in offered)
    note = next(n for n in pay.notes if n.startswith("other topics with conversations to join"))
    assert sorted(note.split(": ", 1)[1].split(", ")) == sorted(listed.split(", "))


# the store's newest work post is a job ad, left out of any inbox; the one conversation worth
# joining is half a year older
AD_LAST = [
    post("ad", "We're hiring a forklift operator in Dayton! Apply now", timedelta()),
    post("ask2", "What is the one interview question you always ask candidates?", timedelta(180)),
]


def test_a_replay_is_ranked_as_of_the_newest_conversation_it_can_offer(tmp_path: Path) -> None:
    # ranked as of the job ad, the replay offered nothing ("Nothing to join now") while the
    # interview question sat outside its window: it is ranked as of that question instead
    with open_store(tmp_path / "s.db") as store:
        store.upsert(AD_LAST, provenance("twarc2", tmp_path / "search.jsonl"))
        everything = inbox(store)
        newest = inbox(store, as_of="newest")
        interviews = inbox(store, topic="interview")
        live = inbox(store, as_of="now")
    asked = NEWEST - timedelta(180)
    assert everything.replay and everything.ranked_as_of == asked + timedelta(hours=1)
    assert [i.conversation_id for i in everything.items] == ["ask2"]
    assert everything.counts["older"] == 0
    assert any(
        "an hour after the newest conversation it could offer" in n for n in everything.notes
    )
    assert newest.ranked_as_of == interviews.ranked_as_of == everything.ranked_as_of
    assert [i.conversation_id for i in interviews.items] == ["ask2"]
    assert not live.replay and live.items == []  # the live view is never moved


def test_a_replay_is_ranked_once_even_when_its_newest_days_are_all_left_out(
    tmp_path: Path, monkeypatch: Any
) -> None:
    # twenty job ads, the newest activity, are more than the first batch judged for the
    # replay's time: it still finds the question beneath them, and ranks the inbox once
    from staffpulse.listen import inbox as inbox_module

    ads = [
        post(f"ad{n}", f"We're hiring a forklift operator in Dayton, shift {n}! Apply now", hours)
        for n, hours in enumerate(timedelta(hours=n) for n in range(20))
    ]
    calls: list[int] = []
    ranked_once = inbox_module.rank_stored

    def counting(*args: Any, **kw: Any) -> Any:
        calls.append(1)
        return ranked_once(*args, **kw)

    monkeypatch.setattr(inbox_module, "rank_stored", counting)
    with open_store(tmp_path / "s.db") as store:
        store.upsert([*ads, AD_LAST[1]], provenance("twarc2", tmp_path / "search.jsonl"))
        everything = inbox(store)
    assert everything.ranked_as_of == NEWEST - timedelta(180) + timedelta(hours=1)
    assert [i.conversation_id for i in everything.items] == ["ask2"]
    assert len(calls) == 1


def test_a_replay_is_ranked_as_of_the_newest_conversation_it_offers_not_a_newer_ad(
    tmp_path: Path,
) -> None:
    # the newest conversation read is a job ad; the question a day older is offered in the
    # same window: ranked as of the ad, the question read "active 25 h ago" under a note
    # that called the ad's time the newest conversation it could offer
    ad_then_question = [AD_LAST[0], post("ask3", AD_LAST[1].text, timedelta(days=1))]
    with open_store(tmp_path / "s.db") as store:
        store.upsert(ad_then_question, provenance("twarc2", tmp_path / "search.jsonl"))
        result = inbox(store)
    assert result.ranked_as_of == NEWEST - timedelta(days=1) + timedelta(hours=1)
    assert [i.conversation_id for i in result.items] == ["ask3"]
    said = f"active 1 h before the replay's time, {format_day(result.ranked_as_of)}"
    assert said in result.items[0].reasons
    assert result.clock_note is not None
    assert "an hour after the newest conversation it could offer" in result.clock_note


def test_a_replay_with_nothing_to_offer_does_not_say_it_could_offer_one(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        store.upsert([AD_LAST[0]], provenance("twarc2", tmp_path / "search.jsonl"))
        result = inbox(store)
    assert result.replay and result.items == []
    assert result.ranked_as_of == NEWEST + timedelta(hours=1)
    assert result.clock_note is not None
    assert "an hour after the newest conversation it read" in result.clock_note
    assert "could offer" not in result.clock_note
