"""What the Conversation pillar measures and shows (staffpulse.audit.conversation_evidence):
the posts read by the conversation rules, the accounts engaged, handles as written and the
posts waiting for an answer."""

from __future__ import annotations

from audit_helpers import FakeScorer, FeedBuilder
from staffpulse.audit.answers import sort_answers
from staffpulse.audit.conversation_evidence import (
    accounts_engaged,
    answer_evidence,
    read_conversation_posts,
    talk_evidence,
    unanswered_examples,
    written_handles,
)
from staffpulse.audit.conversation_rules import own_names
from staffpulse.audit.engine import build_frame, original_mask, texts_to_score
from staffpulse.audit.signals import score_texts
from staffpulse.audit.types import Frame


def _frame(feed: FeedBuilder) -> Frame:
    index, texts = texts_to_score(feed.posts)
    signals = score_texts(texts, FakeScorer(), template_mask=original_mask(feed.posts, index))
    return build_frame(list(feed.posts), index, signals)


def test_a_thread_with_oneself_is_no_reply_and_engages_nobody() -> None:
    feed = FeedBuilder("rosa")
    feed.chat(2)
    feed.reply("sam")
    feed.reply("rosa")
    posts = read_conversation_posts(_frame(feed), own_names("rosa", "rosa"), {})
    assert posts.replies.tolist() == [False, False, True, False]
    assert posts.self_replies.tolist() == [False, False, False, True]
    assert posts.reply_share == 0.25 and posts.targets[3] == frozenset()


def test_accounts_engaged_are_not_known_without_a_time_to_count_from() -> None:
    # "0" read as a finding ("you talked with no one in the last 90 days") on undated posts
    feed = FeedBuilder("rosa")
    feed.reply("sam")
    frame = _frame(feed)
    posts = read_conversation_posts(frame, own_names("rosa", "rosa"), {})
    assert accounts_engaged(frame, posts.targets, None) == {"30d": None, "90d": None}
    assert accounts_engaged(frame, posts.targets, float(frame.ts.max())) == {"30d": 1, "90d": 1}


def test_handles_are_keyed_in_lower_case_and_given_as_written() -> None:
    feed = FeedBuilder("rosa")
    feed.post("Thanks @MedLibAssn.", mentions=("medlibassn",))
    assert written_handles(_frame(feed)) == {"medlibassn": "MedLibAssn"}


def test_questions_waiting_for_an_answer_come_first() -> None:
    feed = FeedBuilder("rosa")
    feed.chat(2)
    feed.by("ann", "@rosa are you hiring?", mentions=("rosa",))
    feed.by("ben", "@rosa nice post", mentions=("rosa",))
    got = sort_answers(_frame(feed), feed.others, own_names("rosa", "rosa"))
    worst = unanswered_examples(got)
    assert [w.text for w in worst][:1] == ["@rosa are you hiring?"]
    assert all("mentioned you; no answer found" in w.why for w in worst)


def test_partners_tied_on_interactions_come_in_the_same_order_every_run() -> None:
    # a post's targets are a set, whose order follows the string hash seed: two runs of the
    # same audit listed tied partners in different orders (QA s23)
    feed = FeedBuilder("rosa")
    names = ("gus", "ann", "fay", "dan", "bea", "eve", "cal")
    feed.post("Great panel with " + " ".join(f"@{n}" for n in names), mentions=names)
    feed.reply("zed", 2)
    frame = _frame(feed)
    posts = read_conversation_posts(frame, own_names("rosa", "rosa"), {})
    top = talk_evidence(frame, posts, float(frame.ts.max()), None)["top_partners"]
    assert top == [
        {"handle": "zed", "interactions": 2},
        *({"handle": n, "interactions": 1} for n in ("ann", "bea", "cal", "dan")),
    ]


def test_partners_are_named_as_first_written_even_when_few_are_asked_for() -> None:
    # the report asks only for its top partners' spellings, and stops reading once it has
    # them: the spelling is still the first one the feed wrote, not a later one
    feed = FeedBuilder("rosa")
    feed.post("Thanks @MedLibAssn and @ann!", mentions=("medlibassn", "ann"))
    feed.post("Again, @MEDLIBASSN and @Ann", mentions=("medlibassn", "ann"))
    feed.post("No handle written here", mentions=("zed",))
    frame = _frame(feed)
    assert written_handles(frame, {"medlibassn"}) == {"medlibassn": "MedLibAssn"}
    assert written_handles(frame, {"ann", "zed"}) == {"ann": "ann", "zed": "zed"}
    assert written_handles(frame) == {"medlibassn": "MedLibAssn", "ann": "ann", "zed": "zed"}
    posts = read_conversation_posts(frame, own_names("rosa", "rosa"), {})
    top = talk_evidence(frame, posts, float(frame.ts.max()), None)["top_partners"]
    assert top == [
        {"handle": "ann", "interactions": 2},
        {"handle": "MedLibAssn", "interactions": 2},
        {"handle": "zed", "interactions": 1},
    ]


def test_questions_are_counted_once_each_whatever_their_links_say() -> None:
    # a "?" in a link asks nothing; the evidence counts each question as sorting read it
    feed = FeedBuilder("rosa")
    feed.chat(1)
    feed.by("ann", "@rosa are you hiring nurses?", mentions=("rosa",))
    feed.by("ben", "@rosa see https://jobs.example/?id=7 for the role", mentions=("rosa",))
    got = sort_answers(_frame(feed), feed.others, own_names("rosa", "rosa"))
    assert [got.asks(p) for p in got.mentions] == [True, False]
    evidence = answer_evidence(got, None)
    assert evidence["questions_known"] == 1 and evidence["questions_answered"] == 0
