"""A small store of posts and build_inbox on it with the fake post model, for the tests of
the inbox (tests/test_listen_inbox*.py) and of what renders it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from _listen_fakes import FakeScorer
from staffpulse.listen.inbox import build_inbox
from staffpulse.listen.inbox_model import Inbox
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
HOURS = timedelta(hours=2)
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


def dated(pid: str, text: str, author: str = "", **kw: Any) -> Post:
    return Post(
        platform="x", id=pid, author_id=author or f"u{pid}", text=text,
        created_at=NOW - timedelta(hours=1), **kw,
    )  # fmt: skip
