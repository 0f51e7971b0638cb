"""A ranked conversation as the item the inbox shows: its opening, replies and people; when
the first post is not stored, the replies counted are every stored post and the missing
post's author is named; when it was deleted, the item says so."""

from __future__ import annotations

from datetime import UTC, datetime

from staffpulse.listen.inbox_items import inbox_item
from staffpulse.listen.rank import RankedConversation
from staffpulse.listen.threads import Conversation
from staffpulse.models import Post

WHEN = datetime(2026, 3, 1, 12, tzinfo=UTC)


def _reply(pid: str, author: str, parent: str | None, **kw: object) -> Post:
    return Post(platform="x", id=pid, author_id=author, author_handle=author, text=f"reply {pid}",
                kind="reply", reply_to_post_id=parent, created_at=WHEN, **kw)  # type: ignore[arg-type]  # fmt: skip


def _ranked(conv: Conversation) -> RankedConversation:
    return RankedConversation(conv, 0.7, {}, ("asks a question",), (), "Answer peer to peer.",
                              topic_label="onboarding", role="recruiter")  # fmt: skip


def test_a_whole_thread_counts_its_replies_and_people() -> None:
    root = Post(platform="x", id="1", author_id="ana", author_handle="ana", text="How?",
                created_at=WHEN)  # fmt: skip
    conv = Conversation("x", "1", (root, _reply("2", "bob", "1"), _reply("3", "cy", "1")))
    item = inbox_item(_ranked(conv), 4, "open")
    assert (item.opening_text, item.author_handle, item.replies, item.participants) == (
        "How?",
        "ana",
        2,
        3,
    )
    assert (item.topic_id, item.topic_label, item.role, item.root_stored) == (
        4,
        "onboarding",
        "recruiter",
        True,
    )


def test_replies_to_a_post_not_stored_count_every_post_and_name_its_author() -> None:
    first = _reply("2", "bob", "1", reply_to_handle="ana")
    conv = Conversation("x", "1", (first, _reply("3", "cy", "2")))
    item = inbox_item(_ranked(conv), None, "joined")
    assert (item.replies, item.root_stored, item.root_author, item.state) == (
        2,
        False,
        "ana",
        "joined",
    )
    assert item.missing_root_note == "reply to a post by @ana that isn't stored"


def test_a_reply_to_a_deleted_post_says_it_may_have_been_deleted() -> None:
    orphan = _reply("5", "bob", None, reply_to_handle="ana")  # the source names no parent post
    item = inbox_item(_ranked(Conversation("x", "5", (orphan,))), None, "open")
    assert (item.root_gone, item.root_stored, item.conversation_id) == (True, False, "5")
    assert item.missing_root_note == "reply to a post by @ana that was deleted or isn't stored"
