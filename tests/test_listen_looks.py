""" "New since you last looked" (listen/looks.py): a conversation that came into the store after
the firm's last look is marked new in the inbox and its JSON; a first look marks nothing; looks
within an hour are one sitting; each firm has its own mark; a reply added to an old
conversation does not make it new."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from _listen_fakes import FakeScorer
from staffpulse.listen.inbox import build_inbox
from staffpulse.listen.inbox_model import Inbox
from staffpulse.listen.looks import SITTING, Look, record_look, take_look
from staffpulse.models import Post
from staffpulse.sources.base import provenance
from staffpulse.store import Store, open_store
from staffpulse.store.codec import format_time

NOW = datetime.now(UTC).replace(microsecond=0)
YESTERDAY = NOW - timedelta(days=1)
OLD = Post(platform="x", id="600", author_id="u4", author_handle="ana",
           text="HR folks: how do you run onboarding for remote hires?",
           created_at=NOW - timedelta(hours=30))  # fmt: skip
FRESH = Post(platform="x", id="700", author_id="u5", author_handle="ben",
             text="Recruiters, how do you handle counteroffers from candidates?",
             created_at=NOW - timedelta(hours=3))  # fmt: skip
REPLY_TO_OLD = Post(platform="x", id="601", author_id="u6", author_handle="cai",
                    text="We pair every remote hire with a buddy for onboarding.",
                    created_at=NOW - timedelta(hours=2), kind="reply",
                    reply_to_post_id="600", conversation_id="600")  # fmt: skip


def add(store: Store, post: Post, came_in: datetime) -> None:
    """Store ``post`` as if listened to or imported at ``came_in``."""
    store.upsert([post], provenance("test", "fixture"))
    with store.conn:
        store.conn.execute(
            "UPDATE posts SET first_seen = ? WHERE id = ?", (format_time(came_in), post.id)
        )


def inbox(store: Store, **kw: Any) -> Inbox:
    scorer: Any = FakeScorer()
    return build_inbox(store, text_model=scorer, role_model=None, max_age=None, **kw)


def new_ids(result: Inbox) -> set[str]:
    return {i.conversation_id for i in result.items if i.new}


def looked(store: Store, at: datetime, as_handle: str | None = None) -> None:
    """A look at the inbox at ``at``, recorded as the terminal records it."""
    record_look(store, take_look(store, as_handle, now=at))


def test_a_first_look_marks_nothing_new_and_says_so_in_the_json(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        add(store, FRESH, NOW - timedelta(hours=1))
        result = inbox(store)
    assert [i.conversation_id for i in result.items] == ["700"]
    assert new_ids(result) == set() and result.new_since is None
    data = result.as_dict()
    assert data["new_since"] is None and data["items"][0]["new"] is False


def test_what_came_in_since_the_last_look_is_new_and_the_rest_is_not(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        add(store, OLD, YESTERDAY - timedelta(hours=2))
        looked(store, YESTERDAY)  # yesterday morning's look saw OLD
        add(store, FRESH, NOW - timedelta(hours=1))
        result = inbox(store)
    assert new_ids(result) == {"700"} and result.new_count == 1
    assert result.new_since == YESTERDAY
    data = result.as_dict()
    assert data["new_since"] == format_time(YESTERDAY)
    assert {i["conversation_id"]: i["new"] for i in data["items"]} == {"600": False, "700": True}


def test_a_new_reply_does_not_make_an_old_conversation_new(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        add(store, OLD, YESTERDAY - timedelta(hours=2))
        looked(store, YESTERDAY)
        add(store, REPLY_TO_OLD, NOW - timedelta(hours=1))
        result = inbox(store)
    assert [i.conversation_id for i in result.items] == ["600"] and new_ids(result) == set()


def test_looks_within_an_hour_mark_the_same_conversations_then_the_mark_moves(
    tmp_path: Path,
) -> None:
    with open_store(tmp_path / "s.db") as store:
        add(store, OLD, YESTERDAY - timedelta(hours=2))
        looked(store, YESTERDAY)
        add(store, FRESH, NOW - timedelta(hours=1))
        looked(store, NOW)  # the terminal...
        soon = NOW + SITTING / 2  # ...then the page, in the same sitting
        assert new_ids(inbox(store, look=take_look(store, None, now=soon))) == {"700"}
        looked(store, soon)
        tomorrow = NOW + timedelta(days=1)
        assert new_ids(inbox(store, look=take_look(store, None, now=tomorrow))) == set()


def test_each_firm_has_its_own_mark(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        add(store, OLD, YESTERDAY - timedelta(hours=2))
        looked(store, YESTERDAY, "acme")
        add(store, FRESH, NOW - timedelta(hours=1))
        looked(store, NOW - timedelta(minutes=30), "other")  # another client's look
        assert new_ids(inbox(store, as_handle="acme")) == {"700"}
        assert inbox(store, as_handle="other").new_since is None  # its first sitting


def test_no_look_marks_nothing_and_an_older_look_never_moves_the_mark_back(
    tmp_path: Path,
) -> None:
    with open_store(tmp_path / "s.db") as store:
        add(store, FRESH, NOW - timedelta(hours=1))
        assert inbox(store, look=None).look is None
        looked(store, YESTERDAY)
        record_look(store, Look("", YESTERDAY - timedelta(days=3), None))  # a clock set back
        assert take_look(store, None, now=NOW).since == YESTERDAY
