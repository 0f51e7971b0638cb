"""build_inbox: only conversations joinable now are offered, and what is left out is said."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from _listen_fakes import FakeScorer
from staffpulse.listen.html import render_inbox_html
from staffpulse.listen.inbox import Inbox, build_inbox
from staffpulse.models import Post
from staffpulse.sources.base import provenance
from staffpulse.store import Store, open_store

NOW = datetime.now(UTC)


def question(pid: str, text: str, age: timedelta | None) -> Post:
    when = None if age is None else NOW - age
    return Post(platform="x", id=pid, author_id=f"u{pid}", text=text, created_at=when)


FRESH = question(
    "1", "How do you keep candidates warm during long interview loops?", timedelta(hours=2)
)
OLD = question(
    "2", "Recruiters, how do you handle counteroffers from candidates?", timedelta(days=400)
)
UNDATED = question("3", "HR folks: how do you run onboarding for remote hires?", None)


def store_with(tmp_path: Path, *posts: Post) -> Store:
    store = open_store(tmp_path / "inbox.db")
    store.upsert(list(posts), provenance("twarc2", tmp_path / "search.jsonl"))
    return store


def inbox(store: Store, **kw: Any) -> Inbox:
    scorer: Any = FakeScorer()  # follows the TopicScorer contract (thresholds_ as a ClassVar)
    return build_inbox(store, text_model=scorer, role_model=None, **kw)


def ids(result: Inbox) -> list[str]:
    return [i.conversation_id for i in result.items]


def test_only_conversations_active_in_the_last_30_days_are_offered(tmp_path: Path) -> None:
    with store_with(tmp_path, FRESH, OLD, UNDATED) as store:
        result = inbox(store)
    assert ids(result) == ["1"]
    assert not result.replay and result.ranked_as_of >= NOW
    assert result.counts["older"] == 1 and result.counts["undated"] == 1
    notes = " ".join(result.notes)
    assert "1 open conversation quiet for more than 30 days left out" in notes
    assert "1 open conversation with no date left out" in notes
    assert result.as_dict()["max_age_days"] == 30


def test_no_limit_shows_everything_without_made_up_freshness(tmp_path: Path) -> None:
    with store_with(tmp_path, FRESH, OLD, UNDATED) as store:
        result = inbox(store, max_age=None)
    assert ids(result)[0] == "1" and set(ids(result)) == {"1", "2", "3"}
    by_id = {i.conversation_id: i for i in result.items}
    assert "quiet for 400 days" in by_id["2"].cautions
    undated = by_id["3"]
    assert not any(r.startswith("active") for r in undated.reasons)
    assert any("date unknown" in c for c in undated.cautions)


def test_a_stale_store_is_shown_as_a_labelled_replay(tmp_path: Path) -> None:
    with store_with(tmp_path, OLD) as store:
        live = inbox(store, as_of="now")
        assert live.items == []
        assert any("--as-of newest" in n and "nothing was active" in n for n in live.notes)
        replay = inbox(store)  # auto: nothing is live, so the store as of its newest activity
        assert ids(inbox(store, as_of="newest")) == ids(replay)
    assert replay.replay and ids(replay) == ["2"]
    assert replay.items[0].reasons.count("active 1 h ago") == 1
    assert any(
        n.startswith("a replay, not live") and "nothing in it was active in the last 30 days" in n
        for n in replay.notes
    )


def test_a_topic_that_matches_nothing_lists_the_topics_to_pick(tmp_path: Path) -> None:
    with store_with(tmp_path, FRESH, OLD) as store:
        result = inbox(store, topic="zzzz")
    assert result.items == [] and not result.topic_matched
    assert result.topic_choices  # the fresh conversation's topic; the old one is not joinable
    label = result.topic_choices[0].label
    assert any("no topic matches 'zzzz'" in n and label in n for n in result.notes)
    assert result.as_dict()["topic_choices"][0] == {
        "id": result.topic_choices[0].id,
        "label": label,
        "open": 1,
    }


def test_a_matching_topic_filters(tmp_path: Path) -> None:
    with store_with(tmp_path, FRESH) as store:
        label = inbox(store).items[0].topic_label
        result = inbox(store, topic=label.split(" / ")[0])
    assert result.topic_matched and ids(result) == ["1"]


@pytest.mark.parametrize("query", ["zzzz", "<script>alert(1)</script>"])
def test_html_says_why_the_inbox_is_empty_escaped(tmp_path: Path, query: str) -> None:
    with store_with(tmp_path, FRESH) as store:
        page = render_inbox_html(inbox(store, topic=query))
    assert "No topic matches" in page
    assert "<script>" not in page and "No open conversations yet" not in page


def test_html_names_an_unknown_author(tmp_path: Path) -> None:
    anonymous = Post(platform="x", id="9", author_id="", text=FRESH.text, created_at=NOW)
    with store_with(tmp_path, anonymous) as store:
        page = render_inbox_html(inbox(store))
    assert "unknown author" in page and "@ &middot;" not in page


def test_the_same_inbox_comes_out_whatever_ran_before(tmp_path: Path) -> None:
    from staffpulse.demo import sample_cohort_file
    from staffpulse.ingest import import_paths
    from staffpulse.store import open_store

    def joined(db: Path, *runs: str | None) -> list[int]:
        with open_store(db) as store:
            import_paths(store, [sample_cohort_file()])
            return [len(build_inbox(store, as_handle=h).joined) for h in runs]

    # "--as" first, then a plain run, then "--as" again: a plain run used to judge the
    # firm's own replies late, and so change the firm's joined conversations
    first, _plain, again = joined(tmp_path / "a.db", "harborline", None, "harborline")
    assert first == again
    (alone,) = joined(tmp_path / "b.db", "harborline")
    assert alone == first
