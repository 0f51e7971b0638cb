"""The joined conversations the inbox lists and the audit counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from _listen_fakes import FakeScorer
from staffpulse.listen.inbox import build_inbox
from staffpulse.listen.inbox_model import Inbox
from staffpulse.listen.states import joined_conversation_ids
from staffpulse.models import Account, Post
from staffpulse.sources.base import provenance
from staffpulse.store import Store, open_store

NOW = datetime.now(UTC)


def post(pid: str, author: str, text: str, minutes: int, platform: str = "x", **kw: Any) -> Post:
    return Post(platform=platform, id=pid, author_id=author, text=text,
                created_at=NOW - timedelta(minutes=minutes), **kw)  # fmt: skip


OPENING = post("600", "u4", "HR folks: how do you run onboarding for remote hires?", 50)


def store_with(tmp_path: Path, *rows: Post | Account) -> Store:
    store = open_store(tmp_path / "states.db")
    store.upsert(list(rows), provenance("test", "fixture"))
    return store


def inbox(store: Store, **kw: Any) -> Inbox:
    scorer: Any = FakeScorer()
    return build_inbox(store, text_model=scorer, role_model=None, max_age=None, **kw)


def test_a_reply_shown_as_the_opening_counts_as_joined_for_inbox_and_audit(
    tmp_path: Path,
) -> None:
    firm = Account(platform="x", id="firm", handle="acme")
    own_reply = post("801", "firm", "@rossweston We see this too: tell candidates the timeline", 5,
                     kind="reply", reply_to_post_id="800", reply_to_handle="rossweston")  # fmt: skip
    own_post = post("900", "firm", "How do candidates prefer to interview?", 5)
    with store_with(tmp_path, firm, own_reply, own_post, OPENING) as store:
        plain = inbox(store)
        as_firm = inbox(store, as_handle="acme")
        joined = joined_conversation_ids(store, "x", "firm")
    # without --as nothing changes; with it the firm's reply makes "800" joined, not its own
    assert {i.conversation_id for i in plain.items} == {"800", "900", "600"}
    assert [j.conversation_id for j in as_firm.joined] == ["800"] == joined
    assert [i.conversation_id for i in as_firm.items] == ["600"]  # its own post is not offered
    assert as_firm.counts["joined"] == 1
