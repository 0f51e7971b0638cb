"""What the inbox can offer a firm: the firm's handles (the one it was named by and every
stored account of its own), by which a post aimed at it is told from one aimed at others,
and the conversations its own accounts began, never offered to it."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from staffpulse.listen.inbox_offer import (
    Offer,
    TopicScope,
    firm_handles,
    fold_word_topics,
    gather_offer,
    narrow_to_topic,
    topics_offered,
)
from staffpulse.listen.inbox_steps import FirmStates
from staffpulse.listen.rank_model import RankedConversation
from staffpulse.listen.schema import RelevanceRow, save_relevance
from staffpulse.listen.threads import Conversation
from staffpulse.listen.topic_match import TopicMatch
from staffpulse.listen.topic_state import Topic
from staffpulse.listen.topics import TopicModel
from staffpulse.models import Account, Post
from staffpulse.sources.base import provenance
from staffpulse.store import Store, open_store

WHEN = datetime(2026, 3, 1, 12, tzinfo=UTC)


def _store(tmp_path: Path) -> Store:
    store = open_store(tmp_path / "offer.db")
    rows: list[Account | Post] = [
        Account(platform="x", id="9001", handle="AcmeStaffing"),
        Account(platform="mastodon", id="77", handle="acme@hr.social"),
        Post(platform="x", id="1", author_id="9001", author_handle="AcmeStaffing",
             text="Our tips for interview prep", created_at=WHEN),
        Post(platform="x", id="2", author_id="u2", author_handle="jane",
             text="How do you keep candidates warm during long loops?", created_at=WHEN),
    ]  # fmt: skip
    store.upsert(rows, provenance("twarc2", tmp_path / "search.jsonl"))
    with store.conn:  # listening judged both about work
        save_relevance(store.conn, [RelevanceRow("x", pid, 0.9, (), "test") for pid in "12"])
    return store


def test_the_firms_handles_are_the_named_one_and_its_stored_accounts(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        own = [("x", "9001"), ("mastodon", "77"), ("bluesky", "did:plc:notstored")]
        assert firm_handles(store, "@Acme_Jobs", own) == {
            "acme_jobs",
            "acmestaffing",
            "acme@hr.social",
        }
        assert firm_handles(store, None, []) == frozenset()


def test_a_conversation_the_firm_began_is_counted_not_offered(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        offer = gather_offer(store, None, "now", "AcmeStaffing", [("x", "9001")], WHEN)
        assert [c.id for c in offer.everyone] == ["2"]
        assert offer.own_opened == 1
        assert "acmestaffing" in offer.firm
        # without --topic every conversation offered stays in scope
        scope = narrow_to_topic(None, offer)
        assert scope.keys is None and scope.conversations == offer.everyone


def test_a_date_before_every_conversation_says_when_they_begin(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        offer = gather_offer(store, None, datetime(2026, 1, 1, tzinfo=UTC), None, [], WHEN)
        assert offer.everyone == []
        assert (offer.after_as_of, offer.first_after) == (2, WHEN)


def _one_post_each(texts: dict[str, str]) -> list[Conversation]:
    """A conversation of one post for each text, its key the conversation's id."""
    return [
        Conversation("x", cid, (Post(platform="x", id=cid, author_id="u", text=text),))
        for cid, text in texts.items()
    ]


def test_a_topic_named_by_shared_words_is_filed_under_a_theme_or_other_conversations() -> None:
    """A topic of words its posts share ("Level" for a post about a career fair, "Lunch /
    desk", "Web / money") names nothing its conversations are about: each goes to the theme
    its words lean to, else with the other conversations, in the JSON and the topic choices as
    on the page; a theme stays, and so does a topic that --topic names."""
    model = TopicModel()
    model.topics_ = {
        1: Topic(1, label="Interviews", theme="interviews"),
        2: Topic(2, label="Level"),
        3: Topic(3, label="Lunch / desk"),
        4: Topic(4, label="Other conversations", theme="other"),
        5: Topic(5, label="Canoe"),
        6: Topic(6, label="Pay & salary", theme="pay"),
    }
    texts = {
        "a": "Two interviews this week, both on video.",
        "b": "Next level of the building is finally open.",
        "c": "Lunch at the desk again, then the bonus talk with my boss about the raise.",
        "d": "Who else eats lunch at their desk every single day?",
        "e": "Canoe trip on Saturday with the whole floor.",
    }
    offered = _one_post_each(texts)
    topic_of = {("x", "a"): 1, ("x", "b"): 2, ("x", "c"): 3, ("x", "d"): 3, ("x", "e"): 5}
    topic_of[("x", "ad")] = 2  # a job ad of that topic: left out, not offered
    folded = fold_word_topics(offered, topic_of, model, keep={5})
    assert folded == {
        ("x", "a"): 1,  # a theme keeps its conversations
        ("x", "b"): 4,
        ("x", "ad"): 4,
        ("x", "c"): 6,  # a raise and a bonus lean to pay
        ("x", "d"): 4,
        ("x", "e"): 5,  # the topic asked for
    }
    del model.topics_[4]  # nothing filed under "Other conversations" yet: no catch-all
    assert fold_word_topics(offered, topic_of, model, keep={5})[("x", "d")] == 3


def test_an_other_conversation_that_leans_to_a_theme_is_filed_under_it() -> None:
    """On 15,530 real posts "Other conversations" was the largest topic (17 of 60 offered),
    holding talk a theme fits: a call-in on a day off, someone who needs a job. Each now goes
    to the theme its words lean to; one that leans nowhere, or is asked for by --topic, stays."""
    model = TopicModel()
    model.topics_ = {
        1: Topic(1, label="Other conversations", theme="other"),
        2: Topic(2, label="Trades & shifts", theme="trades"),
        3: Topic(3, label="Layoffs & job search", theme="job_search"),
        4: Topic(4, label="Snacks / vending"),
    }
    texts = {
        "shift": "Third weekend in a row they called me in on my day off.",
        "seek": "Honestly I just need a job before rent is due.",
        "snack": "The vending machine ate my coins again.",
        "words": "Anyone else hoping to find a job that pays for the commute?",
    }
    offered = _one_post_each(texts)
    topic_of = {("x", "shift"): 1, ("x", "seek"): 1, ("x", "snack"): 1, ("x", "words"): 4}
    assert fold_word_topics(offered, topic_of, model) == {
        ("x", "shift"): 2,
        ("x", "seek"): 3,
        ("x", "snack"): 1,  # leans to no theme: still an other conversation
        ("x", "words"): 3,  # a word-named topic's conversation leans the same way
    }
    assert fold_word_topics(offered, topic_of, model, keep={1})[("x", "shift")] == 1


def test_an_other_conversation_whose_reply_holds_the_work_talk_leans_with_it() -> None:
    """QA: a post like "back to painting signs every day" stayed in "Other conversations"
    while its card's angle, on the reply about the career ladder, said "add a perspective on
    careers": an opening that leans nowhere leans with its replies, so card and angle agree."""
    model = TopicModel()
    model.topics_ = {
        1: Topic(1, label="Other conversations", theme="other"),
        2: Topic(2, label="Career moves & new jobs", theme="careers"),
    }
    opening = Post(
        platform="x",
        id="o",
        author_id="u",
        text="Back to painting signs every single day, after all these years.",
    )
    reply = Post(platform="x", id="r", author_id="v", reply_to_post_id="o",
                 text="Funny how the career ladder takes you away from the brush.")  # fmt: skip
    talk = Conversation("x", "o", (opening, reply))
    alone = Conversation("x", "a", (replace(opening, id="a"),))
    topic_of = {("x", "o"): 1, ("x", "a"): 1}
    assert fold_word_topics([talk, alone], topic_of, model) == {("x", "o"): 2, ("x", "a"): 1}

    # an opening that names a work matter keeps the angle on itself ("add a perspective on
    # interviews"): its reply's careers talk does not file the card under Career moves
    asked = replace(opening, id="i", text="Why is every interview panel five people now, honestly.")
    answered = replace(reply, id="j", reply_to_post_id="i")
    panel = Conversation("x", "i", (asked, answered))
    assert fold_word_topics([panel], {("x", "i"): 1}, model) == {("x", "i"): 1}


def test_a_topic_asked_for_lists_what_the_plain_inbox_files_under_it() -> None:
    """QA: the plain inbox listed 21 conversations under Workplace & managers, "--topic
    workplace" showed 17 while its own count still said 21: the ones filed there from "Other
    conversations" or a word-named topic were dropped, and counted nowhere. Asked for, a topic
    lists exactly what the plain inbox files under it, and counts those."""
    model = TopicModel()
    model.topics_ = {
        1: Topic(1, label="Workplace & managers", theme="workplace"),
        2: Topic(2, label="Other conversations", theme="other"),
        3: Topic(3, label="Desk / chair"),
    }
    texts = {
        "boss": "My manager keeps moving our team meetings to Friday evening.",
        "mine": "Honestly my job is fine, it is the commute at work that drains me.",
        "worded": "Overworked and underappreciated at my desk again this week.",
        "plain": "The vending machine ate my coins again.",
    }
    conversations = _one_post_each(texts)
    topic_of = {("x", "boss"): 1, ("x", "mine"): 2, ("x", "worded"): 3, ("x", "plain"): 2}
    states = FirmStates({key: "open" for key in topic_of}, {}, {})
    offer = Offer(conversations, model, topic_of, states, Counter())
    ranked = [RankedConversation(c, 0.5, {}, (), (), "") for c in conversations]

    def listed(topic: int | None) -> tuple[list[str], int]:
        if topic is None:
            scope = TopicScope(None, conversations, None, [])
        else:
            keys = {key for key, tid in topic_of.items() if tid == topic}
            label = model.topics_[topic].label
            scope = TopicScope(label, conversations, keys, [TopicMatch(topic, label, 1.0)])
        result = topics_offered(ranked, offer, scope)
        return [e.conversation.id for e in result.ranked], result.refiled

    plain = topics_offered(ranked, offer, TopicScope(None, conversations, None, []))
    assert plain.topic_of == {
        ("x", "boss"): 1,
        ("x", "mine"): 1,
        ("x", "worded"): 1,
        ("x", "plain"): 2,
    }
    assert listed(1) == (["boss", "mine", "worded"], 2)  # two filed in beside its own one
    assert listed(2) == (["plain"], -1)  # the one filed out is not listed, nor counted
