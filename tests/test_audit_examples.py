"""Which posts a report shows as examples (staffpulse.audit.examples): the posts each pillar shows."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from audit_helpers import FakeScorer, FeedBuilder, audit_feed
from staffpulse.audit.engine import build_frame, texts_to_score
from staffpulse.audit.examples import rank_examples, unique_texts
from staffpulse.audit.signals import score_texts
from staffpulse.audit.types import Frame

HUMAN_POSTS = [  # posts the test text model (audit_helpers.FakeScorer) calls human
    "Story time: our office dog juggles tennis balls lol",
    "I love the moment a candidate calls back to say they got it",
    "Honest take: pay ranges belong in every ad?",
    "My worst interview ever involved a parrot. Long story 😂",
    "Proud of Sam, who drove boots to a job site at 6am",
    "What is the one question you always ask a recruiter?",
    "I stopped writing 'rockstar' in ads and nobody missed it",
    "Tacos on Friday are now a company policy lol",
]


def _shown(feed: FeedBuilder) -> dict[str, list[str]]:
    pillars = audit_feed(feed).pillars
    return {name: [ex.text for ex in pillar.best] for name, pillar in pillars.items()}


def test_a_report_does_not_show_the_same_posts_to_imitate_under_two_pillars() -> None:
    # Mix and Voice both hold up human posts that are no job ad: a real archive's report
    # showed the same three posts under each
    feed = FeedBuilder("rosa")
    for text in HUMAN_POSTS:
        feed.post(text)
    feed.job(2)
    shown = _shown(feed)
    assert len(shown["mix"]) == 3 and len(shown["voice"]) == 3
    assert not set(shown["mix"]) & set(shown["voice"])


def test_a_pillar_with_no_other_post_to_show_keeps_its_own() -> None:
    feed = FeedBuilder("ana")
    feed.post(HUMAN_POSTS[0])
    feed.post(HUMAN_POSTS[1])
    feed.job(3)
    shown = _shown(feed)
    assert shown["mix"] and shown["voice"] == shown["mix"]  # better shown twice than none


def test_a_text_is_shown_once_whatever_its_spacing_case_and_leading_names() -> None:
    feed = FeedBuilder("rosa")
    feed.post("@ann Proud of Sam, who drove boots to a job site at 6am")
    feed.post("proud of Sam,  who drove boots to a job site at 6am")
    feed.post("Proud of Sam, who drove boots to a job site at 6am @ben")
    index, texts = texts_to_score(feed.posts)
    # no templating: near-copies would all be left out as templates
    signals = score_texts(texts, FakeScorer(), detect_templates=False)
    frame: Frame = build_frame(feed.posts, index, signals)
    assert unique_texts(frame, np.arange(3)).tolist() == [2]
    assert unique_texts(frame, np.arange(2)).tolist() == [1]


def _frame_of(texts: list[str], *, humor: bool) -> Frame:
    feed = FeedBuilder("rosa")
    for text in texts:
        feed.post(text)
    index, scored = texts_to_score(feed.posts)
    signals = score_texts(scored, FakeScorer(), detect_templates=False)
    frame = build_frame(feed.posts, index, signals)
    frame.humor = np.full(frame.n, humor)
    return frame


def test_a_joke_about_a_group_is_never_to_imitate_even_after_the_same_text_told_straight() -> None:
    # verdicts are remembered per text between audits (a benchmark reads each text ~2.6 times):
    # the humor model's call on this feed must still count
    text = "Our Mexican recruiters on payroll day, every single time"
    straight = _frame_of([text], humor=False)
    joke = _frame_of([text], humor=True)
    for _ in range(2):
        assert rank_examples(straight, np.arange(1), np.ones(1)).tolist() == [0]
        assert rank_examples(joke, np.arange(1), np.ones(1)).tolist() == []


def test_posts_to_imitate_leave_out_hostile_partisan_and_nsfw_posts_in_rank_order() -> None:
    texts = [
        "Story time: our office dog juggles tennis balls at every single shift change",
        "The Republicans wrecked everything again, what a week for all of us here",
        "Honest take: pay ranges belong in every job ad we write, no exceptions at all",
        "These idiots at the agency across the street still cannot spell payroll right",
    ]
    frame = _frame_of(texts, humor=False)
    strength = np.array([1.0, 4.0, 2.0, 3.0])
    assert rank_examples(frame, np.arange(4), strength).tolist() == [2, 0]
    assert rank_examples(frame, np.arange(4), strength, k=1).tolist() == [2]


def test_a_post_that_swears_is_never_to_imitate_though_the_inbox_would_join_it() -> None:
    feed = FeedBuilder("rosa")
    feed.post("Story time: our office dog juggles tennis balls lol, no shit, every single day")
    for text in HUMAN_POSTS[1:4]:
        feed.post(text)
    feed.job(2)
    shown = [text for texts in _shown(feed).values() for text in texts]
    assert shown and not [text for text in shown if "shit" in text]
    assert HUMAN_POSTS[1] in shown


def test_a_post_opening_as_one_holding_the_account_back_is_not_offered_to_imitate() -> None:
    # a real report offered one recap of a course's weekly series to imitate beside another
    # holding the account back
    from staffpulse.audit.examples import drop_shown_as_worst
    from staffpulse.audit.types import PillarResult, PostExample

    def shown(text: str) -> PostExample:
        return PostExample(text=text, date="2021-10-14", url=None, kind="original", why="")

    series = "In Week 3, #Cohort24 fellows set goals, and I loved every minute of it"
    other = "Honest question: what made you apply to the programme?"
    voice = PillarResult(name="voice", score=11, evidence={}, recommendations=[])
    voice.worst = [shown("In Week 5, #Cohort24 fellows mapped the questions they will ask")]
    voice.best = [shown(series), shown(other), shown("In Week 5, thanks!")]
    drop_shown_as_worst({"voice": voice})
    assert [ex.text for ex in voice.best] == [other, "In Week 5, thanks!"]  # 4 words: kept


def test_a_post_with_no_words_of_its_own_is_not_offered_to_imitate() -> None:
    # real reports offered "@FBI <link>" and "@someone Test <link>" as replies to imitate
    feed = FeedBuilder("rosa")
    feed.reply("fbi")
    feed.posts[-1] = replace(feed.posts[-1], text="@fbi https://t.co/abc")
    feed.reply("jane")
    feed.posts[-1] = replace(feed.posts[-1], text="@jane Test https://t.co/def")
    feed.reply("sam")
    feed.posts[-1] = replace(feed.posts[-1], text="@sam I love this, thanks")
    shown = _shown(feed)
    assert shown["conversation"] == ["@sam I love this, thanks"]


def test_a_seasonal_greeting_is_offered_to_imitate_only_when_no_other_post_is_fit() -> None:
    # a real report held up "Happy Thanksgiving from all of us at ..." as the post to imitate,
    # beside a story of the firm's own: the inbox leaves such greetings out as empty
    texts = [
        "Happy Thanksgiving from all of us at Larkfield Staffing! Enjoy the long weekend.",
        "Story time: our Fife branch turns 20 this week and Marta has been there for all of it",
        "Merry Christmas and a happy new year from the whole team at Larkfield!",
    ]
    frame = _frame_of(texts, humor=False)
    strength = np.array([5.0, 1.0, 4.0])
    # not even second, after the story: a greeting is no model post
    assert rank_examples(frame, np.arange(3), strength).tolist() == [1]
    assert rank_examples(frame, np.arange(3), strength, k=1).tolist() == [1]
    # alone, a greeting is still the account's own human post
    assert rank_examples(frame, np.array([0]), np.array([5.0])).tolist() == [0]


def test_a_help_desks_canned_reply_is_never_offered_to_imitate() -> None:
    # a real desk read "62 of 101 replies repeat one of 24 texts" above one of those very
    # lines "to imitate", under Voice and again under Conversation
    desk = FeedBuilder("kettlecare")
    canned = "Sorry about that! Could you send us a DM with your order number?"
    for who in ("ana", "ben", "cleo", "dev"):
        desk.post(f"@{who} {canned}", kind="reply", reply_to_handle=who, mentions=(who,))
    warm = "@eli I love that you tried the reset yourself first. Did the light go green?"
    desk.post(warm, kind="reply", reply_to_handle="eli", mentions=("eli",))
    result = audit_feed(desk)
    assert result.pillars["voice"].evidence["repeated_replies"] == 4
    for name in ("voice", "conversation"):
        shown = [ex.text for ex in result.pillars[name].best]
        assert not any(canned in text for text in shown), name
    # the one reply written for its reader is the one to imitate
    assert {ex.text for p in result.pillars.values() for ex in p.best} == {warm}


def test_one_canned_reply_signed_by_different_agents_is_one_repeated_text() -> None:
    # a real desk signs each reply with the agent's initials: one text under three signatures
    # read as three texts, and two of them were offered to imitate
    desk = FeedBuilder("kettlecare")
    canned = "Which kettle model do you have? We can then send the right guide"
    for who, initials in (("ana", "*JB"), ("ben", "*KT"), ("cleo", "^JB")):
        desk.post(f"@{who} {canned} {initials}", kind="reply", reply_to_handle=who, mentions=(who,))
    warm = "@eli I love that you tried the reset yourself first. Did the light go green? *KT"
    desk.post(warm, kind="reply", reply_to_handle="eli", mentions=("eli",))
    result = audit_feed(desk)
    assert result.pillars["voice"].evidence["repeated_replies"] == 3
    assert result.pillars["voice"].evidence["repeated_reply_texts"] == 1
    assert {ex.text for p in result.pillars.values() for ex in p.best} == {warm}


def test_a_near_copy_of_a_post_to_imitate_is_not_shown_beside_it() -> None:
    # two replies that differ by two words ("and game") taught one thing twice, side by side
    texts = [
        "@kim Please let us know which console you are playing on and we will check it",
        "@lee Please let us know which console and game you are playing on and we will check it",
        "@ray Sorry about the wait! Restarting the router fixed it for most players this week",
        "@max Please let us know which console you are playing on, and we will check it today",
    ]
    frame = _frame_of(texts, humor=False)
    strength = np.array([4.0, 3.0, 2.0, 1.0])
    assert rank_examples(frame, np.arange(4), strength).tolist() == [0, 2]
    # a different post that shares a greeting is no near-copy
    different = _frame_of(
        [texts[0], "@sam Please let us know if the new shift rota works for your team"],
        humor=False,
    )
    assert rank_examples(different, np.arange(2), np.array([2.0, 1.0])).tolist() == [0, 1]
