"""build_inbox offers only conversations about work, and counts the rest it leaves out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from _listen_fakes import FakeScorer
from staffpulse.listen.inbox import build_inbox
from staffpulse.listen.inbox_model import Inbox
from staffpulse.listen.relevance import Keywords, RelevanceFilter
from staffpulse.models import Post
from staffpulse.sources.base import provenance
from staffpulse.store import open_store

NOW = datetime.now(UTC)


def post(pid: str, text: str) -> Post:
    return Post(platform="x", id=pid, author_id=f"u{pid}", text=text,
                created_at=NOW - timedelta(hours=1))  # fmt: skip


def _inbox(tmp_path: Path, posts: list[Post]) -> Inbox:
    """The inbox of a store holding ``posts``, judged by the fake classifier."""
    with open_store(tmp_path / "s.db") as store:
        store.upsert(posts, provenance("twarc2", tmp_path / "search.jsonl"))
        scorer: Any = FakeScorer()
        return build_inbox(store, text_model=scorer, role_model=None)


def test_posts_the_classifier_calls_work_on_a_stray_word_are_left_out_and_counted(
    tmp_path: Path,
) -> None:
    posts = [
        post("q", "How do you keep candidates warm during long interview loops?"),
        # the fake classifier, like the real one, says yes on "job" and "interview" alone
        post("gig", "Great job on the show last night, what a set list!"),
        post("git", "Ten years of version control: An Interview with its creator"),
    ]
    result = _inbox(tmp_path, posts)
    assert [i.conversation_id for i in result.items] == ["q"]
    assert result.left_out == {"off_work": 2}
    assert "left out 2 conversations not about work: not conversations to join" in result.notes


def test_a_keywords_file_brings_in_what_its_terms_name(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        store.upsert(
            [post("gig", "Is the gig economy here to stay? Curious what you all see")],
            provenance("twarc2", tmp_path / "search.jsonl"),
        )
        terms = RelevanceFilter(keywords=Keywords.of(["gig economy"]))
        result = build_inbox(store, text_model=None, role_model=None, relevance=terms)
    assert [i.conversation_id for i in result.items] == ["gig"]


def test_the_writers_workday_is_left_out_and_a_benefits_enrollment_offered(
    tmp_path: Path,
) -> None:
    posts = [
        # the fake classifier says yes on "hr" alone; an enrollment is work however judged
        post("day", "Stuck at work for a 12 hr day again, send snacks?"),
        post("perks", "Which benefits enrollment option did you all pick this year?"),
    ]
    result = _inbox(tmp_path, posts)
    assert [i.conversation_id for i in result.items] == ["perks"]
    assert result.left_out == {"off_work": 1}
