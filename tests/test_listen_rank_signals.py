"""What ranking reads off one conversation: whom its opening is aimed at (a reply of the
firm's own is not "addressed to @someone"), whether that is the firm, the room left to add
value, and a question to peers that names pay and postings is not taken for a job ad."""

from __future__ import annotations

from datetime import timedelta

from staffpulse.listen.rank_signals import (
    ROOM_UNKNOWN,
    addressee,
    hours_in,
    is_firm,
    is_job_ad,
    room_for,
)
from staffpulse.listen.threads import Conversation
from staffpulse.models import Post


def _opening(text: str, root: str = "1", **kw: object) -> Conversation:
    """A conversation of one stored post (id 1); ``root`` another id when its root is not
    stored."""
    post = Post(platform="x", id="1", author_id="u1", author_handle="acme", text=text, **kw)  # type: ignore[arg-type]
    return Conversation(platform="x", id=root, posts=(post,))


def test_an_opening_that_starts_with_a_greeting_and_a_handle_is_aimed_at_it() -> None:
    assert addressee(_opening("Hey @JaneRecruits, how do you source nurses?")) == "@JaneRecruits"
    assert addressee(_opening("@bob. What is your take on RTO?")) == "@bob"


def test_an_opening_naming_its_own_author_or_a_handle_later_is_aimed_at_no_one() -> None:
    assert addressee(_opening("@acme named one of the best places to work")) is None
    assert addressee(_opening("Great panel with @bob on hiring")) is None


def test_a_reply_whose_parent_is_gone_is_aimed_at_whom_it_answered() -> None:
    gone = _opening("Agreed, we see the same", kind="reply", reply_to_handle="@bob")
    assert addressee(gone) == "@bob"
    to_self = _opening("Adding to my thread", kind="reply", reply_to_handle="Acme")
    assert addressee(to_self) is None


def test_a_reply_whose_parent_is_not_stored_is_aimed_at_no_one() -> None:
    # it starts with the handles of the thread, as every reply does: not a pointed message
    orphan = _opening("@bob @carol thanks!", root="0", kind="reply", reply_to_post_id="0")
    assert addressee(orphan) is None


def test_a_mastodon_mention_of_the_firm_without_its_server_is_the_firm() -> None:
    firm = frozenset({"acme@mastodon.social"})
    assert is_firm("@Acme", firm)
    assert is_firm("@acme@mastodon.social", firm)
    assert not is_firm("@acmejobs", firm)


def test_a_few_replies_leave_the_most_room_and_a_crowd_the_least() -> None:
    assert room_for(3) > room_for(0) > room_for(30)
    assert room_for(None) == ROOM_UNKNOWN
    assert room_for(5) == 1.0


def test_a_question_to_peers_the_job_model_likes_is_no_job_ad() -> None:
    asking = "Recruiters: do postings with salary ranges get more applicants?"
    assert not is_job_ad(asking, job_p=0.95, threshold=0.5)
    assert is_job_ad("Senior RN wanted in Austin, great pay.", job_p=0.95, threshold=0.5)
    assert not is_job_ad("Senior RN wanted in Austin, great pay.", job_p=None, threshold=0.5)


def test_a_post_dated_a_little_ahead_is_now_not_negative_hours() -> None:
    assert hours_in(timedelta(minutes=-5)) == 0.0
    assert hours_in(timedelta(minutes=90)) == 1.5
