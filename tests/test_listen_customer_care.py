"""A customer's message to a brand is customer service, not a conversation a staffing firm
joins: it is left out and counted, whatever work word the complaint holds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from _listen_fakes import FakeScorer
from staffpulse.listen.customer_care import (
    is_care_handle,
    is_customer_care,
    looks_like_customer_care,
)
from staffpulse.listen.inbox import build_inbox
from staffpulse.listen.rank import RankContext, rank
from staffpulse.listen.threads import Conversation
from staffpulse.models import Post
from staffpulse.sources.base import provenance
from staffpulse.store import open_store

NOW = datetime.now(UTC)


def post(pid: str, author: str, text: str, reply_to: str | None = None, root: str = "") -> Post:
    return Post(
        platform="x",
        id=pid,
        author_id=author.lower(),
        author_handle=author,
        text=text,
        created_at=NOW - timedelta(hours=2 if reply_to is None else 1),
        kind="reply" if reply_to else "original",
        reply_to_post_id=reply_to,
        conversation_id=root or pid,
    )


def thread(*posts: Post) -> Conversation:
    return Conversation("x", posts[0].id, posts)


# a customer's complaint to a bank, answered by the bank's care desk
BANK_COMPLAINT = thread(
    post("c1", "pat_q", "@NorthBank as an employer, will you test the employees who still come in?"),
    post("c1r", "Ask_NorthBank", "@pat_q The health of our customers and employees is our top"
         " priority. Find out more: https://northbank.example/covid", "c1", "c1"),
)  # fmt: skip
# a refund complaint naming a layoff, answered by the airline it is addressed to
REFUND = thread(
    post("c2", "lee_k", "@BlueJetAir after my layoff my flight was cancelled, and my ticket is"
         " non-refundable?"),
    post("c2r", "BlueJetAir", "@lee_k We hear you, Lee. We can offer travel funds.", "c2", "c2"),
)  # fmt: skip
# a brand's own product post, turned customer service by its care desk
PRODUCT_POST = thread(
    post("c3", "CloudBoxBiz", "A secure work environment for employees with new CloudBox features"),
    post("c3a", "sam_r", "@CloudBoxBiz I can't cancel my trial", "c3", "c3"),
    post("c3b", "CloudBoxSupport", "@sam_r Hi there, thanks for reaching out. Which app?", "c3a",
         "c3"),
)  # fmt: skip
# a recruiter asking the room, with a peer who answers
ROOM_QUESTION = thread(
    post("w1", "ana_recruits", "Recruiters: how do you keep candidates warm during long loops?"),
    post("w1r", "ben_talent", "@ana_recruits A weekly check-in call, even with no news.", "w1",
         "w1"),
)  # fmt: skip


def test_a_customer_writing_to_a_brand_is_customer_care_whatever_work_word_it_names() -> None:
    assert is_customer_care(BANK_COMPLAINT)  # a care desk answered
    assert is_customer_care(REFUND)  # the airline named answered a refund complaint
    assert is_customer_care(PRODUCT_POST)  # the brand's own care desk answered its post


def test_a_question_to_the_room_and_one_to_a_colleague_are_not_customer_care() -> None:
    assert not is_customer_care(ROOM_QUESTION)
    to_a_peer = thread(
        post("p1", "ana_recruits", "@ben_talent how do you handle counteroffers these days?"),
        post("p1r", "ben_talent", "@ana_recruits We match on flexibility, not pay.", "p1", "p1"),
    )
    assert not is_customer_care(to_a_peer)


def test_a_peer_who_sounds_like_a_care_desk_does_not_make_work_talk_customer_care() -> None:
    """Stock phrasing counts from the brand the opening names, not from any replier."""
    pay_ranges = thread(
        post("q1", "ana_recruits", "@PeopleOpsWeekly does posting a pay range bring more"
             " applicants?"),
        post("q1r", "ben_talent", "@ana_recruits We're working on adding ranges to every post."
             " Sorry for the trouble it caused our recruiters - Ben", "q1", "q1"),
    )  # fmt: skip
    assert not is_customer_care(pay_ranges)


def test_an_opening_addressed_to_a_care_handle_needs_no_reply_to_count() -> None:
    alone = thread(post("a1", "kim_o", "@AcmeBankHelp why are your staff still in the lobby?"))
    assert is_customer_care(alone)


def test_a_customers_complaint_addressed_to_a_brand_needs_no_reply_to_count() -> None:
    """A complaint to an airline that names a layoff is customer care before anyone answers."""
    alone = thread(
        post("a2", "lee_k", "@BlueJetAir I was laid off in March and you tell me my ticket is"
             " non-refundable? Not fair at all."),
    )  # fmt: skip
    assert is_customer_care(alone)
    # a fan's "take my money", or a work question to a peer, is no customer's complaint
    assert not is_customer_care(thread(post("a3", "jo_p", "@ben_talent run a workshop on"
                                            " salary talks and take my money")))  # fmt: skip
    assert not is_customer_care(thread(post("a4", "jo_p", "@ben_talent were you laid off too?")))
    # a worker's rights question to a recruiter, charged by an agency, is work talk
    fee = "@ben_talent I was charged a fee by my staffing agency for training, is that legal?"
    assert not is_customer_care(thread(post("a5", "jo_p", fee)))
    assert not is_customer_care(thread(post("a6", "jo_p", "@ben_talent my order of business:"
                                            " forty phone screens before lunch")))  # fmt: skip


def test_a_signed_reply_reads_as_a_care_desk() -> None:
    signed = post("s1", "GroceryCo", "@kim Hi Kim, we ask for ID under 25 at our stores. - Helena")
    assert looks_like_customer_care(signed)
    assert not looks_like_customer_care(post("s2", "ben", "Same here - we do weekly calls."))


def test_customer_care_ranks_far_below_work_talk_and_is_left_out() -> None:
    ranked = rank([BANK_COMPLAINT, REFUND, PRODUCT_POST, ROOM_QUESTION], RankContext(now=NOW))
    assert ranked[0].conversation.id == "w1"
    care = {r.conversation.id: r for r in ranked[1:]}
    assert all(r.left_out == "customer_care" for r in care.values())
    refund = care["c2"]
    assert "asks a question" not in refund.reasons  # asked of the airline, not of the room
    assert "squarely about work topics" not in refund.reasons
    assert any("customer's message to a brand" in c for c in refund.cautions)


def test_the_inbox_counts_customer_care_conversations_in_its_left_out_note(tmp_path: Path) -> None:
    posts = [p for conv in (BANK_COMPLAINT, REFUND, ROOM_QUESTION) for p in conv.posts]
    scorer: Any = FakeScorer()
    with open_store(tmp_path / "care.db") as store:
        store.upsert(posts, provenance("twarc2", tmp_path / "search.jsonl"))
        result = build_inbox(store, text_model=scorer, role_model=None)
    assert [i.conversation_id for i in result.items] == ["w1"]
    assert result.left_out.get("customer_care") == 2
    assert any("2 customer-care conversations" in note for note in result.notes)


# a peer asked by handle about staffing matters that share a customer's words (review F1)
PEER_QUESTIONS = [
    "@jane_hr do agencies refund the placement fee if a hire quits within 90 days?",
    "@recruiterjoe are clients buying less contract labor this quarter?",
    "@sam_ops how did you staff the new branch? Temp-to-hire or direct?",
    "Hey @mia_recruits what's the best way to track candidates across the app and the website?",
]


@pytest.mark.parametrize("text", PEER_QUESTIONS)
def test_a_peer_question_with_a_customers_word_is_not_customer_care(text: str) -> None:
    assert not is_customer_care(thread(post("q1", "peer", text)))
    handle = text.split("@")[1].split()[0]
    answered = thread(
        post("q1", "peer", text),
        post("q1r", handle, "@peer Yes, most do. Depends on the contract.", "q1", "q1"),
    )
    assert not is_customer_care(answered)  # the peer answering makes no care desk


# staffing and HR accounts whose handles end or start like a care desk's (review F2)
STAFFING_HANDLES = [
    "TeamLease",
    "Teamwork_Staffing",
    "AskAManager",
    "Health_Care",
    "PrimeNurseCare",
    "FosterCare",
    "CareerService",
    "VeteranSupport",
    "AcmeFieldService",
]


@pytest.mark.parametrize("handle", STAFFING_HANDLES)
def test_a_staffing_account_is_no_care_desk_by_its_handle(handle: str) -> None:
    assert not is_care_handle(handle)
    named_and_answering = thread(
        post("t1", "cand", f"Which agencies pay weekly? @{handle} @Randstad"),
        post("t2", handle, "@cand We do, for all our associates.", "t1", "t1"),
    )
    assert not is_customer_care(named_and_answering)


def test_a_care_desk_by_its_handle_whatever_case_it_is_written_in() -> None:
    assert is_care_handle("AskNorthBank") and is_care_handle("Ask_WellsFargo")
    assert is_care_handle("AskeBay") and is_care_handle("AcmeBankHelp")
    # named as written, with no reply: "Ask" is read by its capital (review F3)
    alone = thread(post("a1", "pat", "@AskNorthBank will you hire more tellers this year?"))
    assert is_customer_care(alone)


def test_a_support_or_team_handle_is_a_desk_beside_its_brand() -> None:
    desk = thread(
        post("b1", "kim", "@NorthBank will you open more branches?"),
        post("b2", "NorthBankSupport", "@kim Thanks for asking, more are coming.", "b1", "b1"),
    )
    assert is_customer_care(desk)
    youtube = thread(
        post("y1", "kim", "@YouTube my channel lost its monetisation"),
        post("y2", "TeamYouTube", "@kim Thanks for flagging, which channel?", "y1", "y1"),
    )
    assert is_customer_care(youtube)


def test_a_mention_ends_before_a_full_stop() -> None:
    """ "@BlueJetAir." names @BlueJetAir, who answers (review F11)."""
    overcharged = thread(
        post("m1", "lee_k", "I was overcharged by @BlueJetAir."),
        post("m1r", "BlueJetAir", "@lee_k We hear you, Lee. We can look into it.", "m1", "m1"),
    )
    assert is_customer_care(overcharged)


def test_a_firm_answering_in_its_own_words_is_no_care_desk() -> None:
    """A signature-like date ("- Tuesday") or "our team is proud of the work" is a firm
    talking, not a desk's stock reply."""
    dated = thread(
        post("f1", "cand", "@jo_recruits any remote data roles?"),
        post("f2", "jo_recruits", "@cand Yes, three this week - Tuesday", "f1", "f1"),
    )
    proud = thread(
        post("g1", "cand", "@AcmeStaff how do you vet temp workers?"),
        post("g2", "AcmeStaff", "@cand Our team is proud of the work we do: two interviews.",
             "g1", "g1"),
    )  # fmt: skip
    assert not is_customer_care(dated) and not is_customer_care(proud)


def test_a_desks_answer_heading_the_thread_is_customer_care_and_a_stars_drive_is_not() -> None:
    """Reasons are shown to the user: a rail desk's signed answer, its customer's post not
    stored, was "not about work", and a footballer's charity drive naming a phone brand was
    "customer care" because the brand's desk answered a third person under it."""
    answer = post(
        "1", "MetroRail", "@88213 Happy to help, Priya! The team will email you today ^KT"
    )
    again = post("2", "priya_r", "@MetroRail still nothing in my inbox", reply_to="1", root="1")
    assert is_customer_care(Conversation("x", "1", (answer, again)))
    drive = post("10", "striker_nine", "Proud to team up with @Ringo: $1 to food banks per tag")
    fan = Post(platform="x", id="11", author_id="fan", author_handle="fan_ola",
               text="@striker_nine @Ringo my bill doubled this month", kind="reply",
               reply_to_post_id="10", reply_to_handle="striker_nine", conversation_id="10",
               created_at=NOW - timedelta(hours=1))  # fmt: skip
    desk = Post(platform="x", id="12", author_id="desk", author_handle="RingoHelp",
                text="@fan_ola Sorry about the trouble, send us a DM", kind="reply",
                reply_to_post_id="11", reply_to_handle="fan_ola", conversation_id="10",
                created_at=NOW - timedelta(minutes=30))  # fmt: skip
    assert not is_customer_care(Conversation("x", "10", (drive, fan, desk)))
    # the desk answering the writer of the post still makes it customer care
    to_writer = Post(platform="x", id="13", author_id="desk", author_handle="RingoHelp",
                     text="@striker_nine Thanks for the support!", kind="reply",
                     reply_to_post_id="10", reply_to_handle="striker_nine",
                     conversation_id="10", created_at=NOW)  # fmt: skip
    assert is_customer_care(Conversation("x", "10", (drive, to_writer)))
