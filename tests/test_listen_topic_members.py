"""The text a conversation is filed by: its opening, with the first reply added only when the
opening is too short to say what it is about ("Thoughts?" under a link)."""

from __future__ import annotations

from staffpulse.listen.threads import Conversation
from staffpulse.listen.topic_members import conversation_text
from staffpulse.models import Post


def _conversation(opening: str, *replies: str) -> Conversation:
    posts = [Post(platform="x", id="1", author_id="a", text=opening)]
    posts += [
        Post(platform="x", id=str(n), author_id="b", text=text, kind="reply", reply_to_post_id="1")
        for n, text in enumerate(replies, start=2)
    ]
    return Conversation("x", "1", tuple(posts))


def test_a_short_opening_is_filed_with_its_first_reply() -> None:
    conv = _conversation("Thoughts on this?", "Pay transparency helps candidates", "Agreed")
    assert conversation_text(conv) == "Thoughts on this? Pay transparency helps candidates"


def test_a_long_opening_or_one_without_replies_is_filed_alone() -> None:
    long = "How do you keep candidates warm during a long interview loop?"
    assert conversation_text(_conversation(long, "Text them weekly")) == long
    assert conversation_text(_conversation("Thoughts?")) == "Thoughts?"
