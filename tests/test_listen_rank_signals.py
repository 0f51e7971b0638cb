"""What ranking reads off one conversation: whom its opening is aimed at (a reply of the
firm's own is not "addressed to @someone"), whether that is the firm, the room left to add
value, and a question to peers that names pay and postings is not taken for a job ad."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from staffpulse.listen.rank import RankContext, rank
from staffpulse.listen.rank_signals import (
    ROOM_UNKNOWN,
    addressee,
    hours_in,
    is_firm,
    is_job_ad,
    looks_spammy,
    question_put_to,
    room_for,
)
from staffpulse.listen.thread_work import ThreadWork
from staffpulse.listen.threads import Conversation
from staffpulse.models import Post

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


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


@pytest.mark.parametrize(
    "text",
    [
        # our own texts: an offer quoted to scoff at its pay is a complaint, not an ad
        "Now hiring: dishwashers, $8/hr, split shifts and no breaks. Who'd take that?",
        "Corner garage hiring mechanics at $9 an hour, bring your own tools. I wouldn't work for"
        " that either",
        '"Hiring pickers, $10 an hour, mandatory weekends" lol who would even apply to this',
        "Hiring van drivers at $8/hr and you pay the fuel. Nobody should take that job",
    ],
)
def test_an_offer_quoted_to_scoff_at_its_pay_is_no_job_ad(text: str) -> None:
    assert not is_job_ad(text, job_p=0.95, threshold=0.5)


@pytest.mark.parametrize(
    "text",
    [
        # our own texts: the scoff is the ad's hook when a call to apply or a link follows it
        "Who'd take this gig? You would! Prep cooks wanted, $19/hr, apply at https://t.co/Zz9",
        "Nobody should apply without forklift papers. Loaders needed in Fresno, apply today",
        "We won't work for peanuts, so we pay $30/hr. Roofers wanted, DM us to apply",
    ],
)
def test_a_scoff_that_a_call_to_apply_follows_is_still_a_job_ad(text: str) -> None:
    assert is_job_ad(text, job_p=0.95, threshold=0.5)


def test_an_offer_that_asks_who_wants_it_is_still_a_job_ad() -> None:
    assert is_job_ad("Now hiring dishwashers, $15/hr, apply at the link", None, 0.5)
    assert is_job_ad("Hiring a receptionist for our clinic, $18/hr. Who wants it?", None, 0.5)


def test_a_post_dated_a_little_ahead_is_now_not_negative_hours() -> None:
    assert hours_in(timedelta(minutes=-5)) == 0.0
    assert hours_in(timedelta(minutes=90)) == 1.5


@pytest.mark.parametrize(
    "text",
    [
        "A recruiter told me the offer stands today only. Is that normal, or a pressure tactic?",
        "Our client wants 20% off the markup for volume. Do you agree to that on bill rates?",
        "The agency pays $15.99 an hour for pickers now. Is that below market?",
    ],
)
def test_a_work_question_that_quotes_a_sales_words_is_no_spam(text: str) -> None:
    assert not looks_spammy(text)


def test_a_sale_that_ends_on_its_call_to_buy_is_still_spam() -> None:
    assert looks_spammy(
        "Tired of rejections? My interview course is 40% off today only, link in bio"
    )
    assert looks_spammy("Cover letter pack, $4.99 this week #jobsearch")


def test_work_from_home_bait_is_spam_but_a_question_on_starting_out_is_not() -> None:
    assert looks_spammy("THE EASIEST ONLINE JOB EVER!! Sign up and get started today")
    assert looks_spammy("Moms, earn $250 a day from home with just your phone")
    assert not looks_spammy("How did you get started in agency recruiting? Any advice?")
    assert not looks_spammy("Our online job board lists 40 new driver roles in Ohio")
    # a seeker asking of such work, and a new hire keen to start, use the bait's words
    assert not looks_spammy("What are the best online jobs for students? Need something flexible")
    assert not looks_spammy("I make $200 a day from home transcribing. Is that a fair rate?")
    assert not looks_spammy("First shift at the clinic tomorrow, can't wait to get started today!")
    assert looks_spammy("Want the easiest online job? Sign up, it's free")


def _sale_with_a_question_below() -> tuple[Conversation, Post]:
    sale = Post(
        platform="x", id="s1", author_id="brand", text="Spring planners are in: 30% off, shop now"
    )
    question = Post(
        platform="x",
        id="s2",
        author_id="temp",
        text="@brand off topic, but my agency skipped my pay for two weeks. Can they do that?",
        kind="reply",
        reply_to_post_id="s1",
        conversation_id="s1",
    )
    return Conversation(platform="x", id="s1", posts=(sale, question)), question


def test_a_sale_whose_reply_asks_of_work_is_offered_for_that_reply() -> None:
    thread, question = _sale_with_a_question_below()
    by_reply = ThreadWork(judged=2, relevant=1, opening_work=False, focus=question)
    offered = rank([thread], RankContext(now=NOW, threads={"s1": by_reply}))[0]
    assert offered.left_out is None
    # with no work talk below it, the same sale is left out as spam
    no_work = ThreadWork(judged=2, relevant=0, opening_work=False)
    assert rank([thread], RankContext(now=NOW, threads={"s1": no_work}))[0].left_out == "spam"


def _thread(reply_text: str, reply_to: str = "ceo_dana") -> tuple[Conversation, Post]:
    opening = Post(platform="x", id="o", author_id="d", author_handle="Ceo_Dana",
                   text="Proud of the new team at the depot: first week done!")  # fmt: skip
    reply = Post(platform="x", id="r", author_id="s", author_handle="sam_k", kind="reply",
                 reply_to_post_id="o", reply_to_handle=reply_to, text=reply_text)  # fmt: skip
    return Conversation("x", "o", (opening, reply)), reply


@pytest.mark.parametrize(
    "text",
    [
        # QA: a job seeker asked a CEO, in his own thread, for a job at his company
        "@ceo_dana Would love to work there! @ceo_dana which roles do you have open?",
        "@ceo_dana Great crew. Are you still hiring drivers?",
        "@ceo_dana what positions you got for a forklift driver?",
    ],
)
def test_a_reply_asking_the_thread_owner_for_a_job_there_is_put_to_them(text: str) -> None:
    conv, reply = _thread(text)
    assert question_put_to(conv, reply) == "@Ceo_Dana"  # spelled as the owner writes it


@pytest.mark.parametrize(
    "text",
    [
        # the handle X writes in front of every reply is no question put to them
        "@ceo_dana any tips for a first week as a new shift lead?",
        "@ceo_dana Anyone else find onboarding takes a month, not a week?",
        "@ceo_dana Congrats to the whole team!",  # no question at all
        # a view asked of the roles one must fill or has seen, no job asked for (review)
        "@ceo_dana do you think the remote roles you have to fill are harder now?",
        "@ceo_dana why do the openings you have seen stay empty so long, anyone know?",
    ],
)
def test_a_question_to_the_room_in_a_reply_is_put_to_no_one(text: str) -> None:
    conv, reply = _thread(text)
    assert question_put_to(conv, reply) is None
    assert question_put_to(conv, conv.opening) is None
