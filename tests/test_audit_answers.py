"""Which posts by others wait for the account's answer (audit/answers.py)."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from audit_helpers import FakeScorer, FeedBuilder, audit_feed
from staffpulse.audit.answers import Answers, is_closing, sort_answers
from staffpulse.audit.engine import build_frame, texts_to_score
from staffpulse.audit.signals import score_texts


@pytest.mark.parametrize(
    "text",
    [
        "@dana_recruits Thank you! Trying this tomorrow.",
        "@acme thanks 🙏",
        "Got it, will do 👍",
        "@acme 👍",
        "Much appreciated @acme https://x.example/1?s=20",
        # the problem is gone: a customer's last word, though it names a "problem"
        "@acme Great help - problem solved 😀 you folks at Acme are the best",
        "@acme it works now, thanks",
        "@acme Working again!",
        "@acme That did the trick",
    ],
)
def test_a_closing_thanks_needs_no_answer(text: str) -> None:
    assert is_closing(text)


@pytest.mark.parametrize(
    "text",
    [
        "@acme thanks, but what is the pay?",  # a question
        "@acme hey please fix it 🙏🙏🙏",  # a request
        "@acme thanks, it still doesn't work",
        "@acme Thank you for the workshop yesterday, I learned so much about interviews and "
        "I will use every single tip from now on",  # says more than thanks
        "@acme When they let us see the req before it goes live.",
        "@acme problem not solved",
        "@acme it is not working now",
        "@acme Nothing works now",
        "@acme works now but I still can't log in",  # solved, then a new problem
        "@acme works fine but all after the slash is lost",
        "@acme It works fine on desktop, not on mobile",  # solved in one place only
        # asked without a question mark, as tweets often are
        "@acme when will it work again",
        "@acme does it work now",
        "@acme is the problem solved",
        "@acme thanks, is the issue fixed",
        "@acme is the issue fixed?",
        "",
    ],
)
def test_anything_more_than_thanks_is_no_closing(text: str) -> None:
    assert not is_closing(text)


def _sorted(feed: FeedBuilder) -> Answers:
    index, texts = texts_to_score(feed.posts)
    frame = build_frame(feed.posts, index, score_texts(texts, FakeScorer()))
    return sort_answers(frame, feed.others)


def test_replies_to_a_post_it_started_are_answers_it_received() -> None:
    feed = FeedBuilder("kelso")
    question = feed.post("Question for recruiters: what makes you trust an HR team?")
    for name in ("dana", "bright", "hire"):
        feed.by(
            name,
            "@kelso Feedback within 48 hours.",
            kind="reply",
            reply_to_post_id=question.id,
            reply_to_handle="kelso",
            mentions=("kelso",),
        )
    asked = feed.by(
        "jen",
        "@kelso what do you pay?",
        kind="reply",
        reply_to_post_id=question.id,
        reply_to_handle="kelso",
    )
    got = _sorted(feed)
    assert [p.author_handle for p in got.replies] == ["dana", "bright", "hire"]
    assert got.replies_answered == 0 and len(got.unanswered_replies) == 3
    assert got.mentions == [asked]  # a question waits for an answer


def test_a_reply_to_its_own_reply_still_waits_for_an_answer() -> None:
    feed = FeedBuilder("care")
    ask = feed.by("customer", "@care my card was charged twice")
    answer = feed.post(
        "@customer sorry! DM us", kind="reply", reply_to_post_id=ask.id, reply_to_handle="customer"
    )
    follow = feed.by(
        "customer",
        "@care done, sent you a DM with the order number",
        kind="reply",
        reply_to_post_id=answer.id,
        reply_to_handle="care",
    )
    got = _sorted(feed)
    assert got.mentions == [ask, follow] and got.replies == []
    assert got.unanswered == [follow]


def test_an_answer_dated_before_its_mention_has_no_answer_time() -> None:
    feed = FeedBuilder("bright")
    mention = feed.by("hirewire", "@bright webinar Thursday with you?")
    feed.post(
        "@hirewire count me in!",
        kind="reply",
        reply_to_post_id=mention.id,
        reply_to_handle="hirewire",
    )
    assert mention.created_at is not None
    # the data says the answer came three days before the post it answers
    early = mention.created_at - timedelta(days=3)
    feed.posts[-1] = dataclasses.replace(feed.posts[-1], created_at=early)
    got = _sorted(feed)
    assert got.answered == 1 and got.hours == [] and got.dated_before == 1
    assert audit_feed(feed).pillars["conversation"].evidence["answers_dated_before"] == 1


def test_a_reply_to_someone_else_carrying_the_accounts_name_waits_for_them() -> None:
    # Mastodon and X carry every name of a thread into each reply: "@brook @dana_lee ...
    # Welcome brook!" answers brook; it was counted as a mention the account left unanswered
    feed = FeedBuilder("dana_lee@mastodon.social", platform="mastodon")
    feed.chat(3)
    feed.by(
        "bob",
        "@brook @dana_lee @marta_ops Welcome brook! It deploys on the big servers first.",
        kind="reply",
        reply_to_handle="brook@mstdn.social",
        mentions=("brook@mstdn.social", "dana_lee@mastodon.social"),
    )
    feed.by(
        "ana",
        "@brook welcome! @dana_lee knows more about the release, ask him?",
        kind="reply",
        reply_to_handle="brook@mstdn.social",
        mentions=("brook@mstdn.social", "dana_lee@mastodon.social"),
    )
    feed.by(
        "sam",
        "@dana_lee @marta_ops what translation service does it use?",
        kind="reply",
        reply_to_handle="dana_lee@mastodon.social",
        mentions=("dana_lee@mastodon.social",),
    )
    conv = audit_feed(feed).pillars["conversation"]
    ev = conv.evidence
    assert ev["replies_to_others_naming_you"] == 1
    assert ev["mentions_known"] == 2  # named in ana's own words, and sam's reply to it
    assert not any("Welcome brook" in ex.text for ex in conv.worst)
    assert ev["mentions_answered"] == 0


def test_replies_naming_the_account_for_someone_else_are_shown_apart() -> None:
    from staffpulse.report.pillar_figures import figures

    feed = FeedBuilder("acme")
    feed.chat(3)
    for i in range(2):
        feed.by(
            f"fan{i}",
            f"@dana @acme Good luck with the move, Dana {i}!",
            kind="reply",
            reply_to_handle="dana",
            mentions=("dana", "acme"),
        )
    result = audit_feed(feed)
    rows = dict(figures(result)["conversation"])
    assert rows["Others' replies naming you"] == "2, answering someone else: no answer needed"
    assert rows["Mentions answered"] == "none waiting for an answer"


def test_a_reply_the_data_links_only_to_the_mention_s_author_answers_it() -> None:
    # a file import gives the reply's "reply_to_author" only: the report listed the mention as
    # "no answer found" with its answer right below it as the reply to imitate
    feed = FeedBuilder("brightdesk")
    mention = feed.by(
        "jo_r", "Month one on nights done at the depot via @brightdesk, the crew is great so far"
    )
    feed.post("@jo_r so glad it worked out, Jo!", kind="reply", reply_to_handle="jo_r")
    got = _sorted(feed)
    assert got.answered == 1 and got.unanswered == [] and len(got.hours) == 1
    assert mention.created_at is not None

    def answered_by(delay: timedelta, **kw: object) -> int:
        late = FeedBuilder("brightdesk")
        late.others.append(mention)
        late.post(
            "@jo_r catching up on this, congrats!", kind="reply", reply_to_handle="jo_r", **kw
        )
        late.posts[-1] = dataclasses.replace(late.posts[-1], created_at=mention.created_at + delay)
        return _sorted(late).answered

    assert answered_by(timedelta(days=6)) == 1
    # ten days later still answers: a week listed the busy recruiter's late "congrats" as
    # "no answer found"
    assert answered_by(timedelta(days=10)) == 1
    # more than a month later, before the mention, or a reply to another post: no answer to it
    assert answered_by(timedelta(days=31)) == 0
    assert answered_by(timedelta(hours=-1)) == 0
    assert answered_by(timedelta(hours=2), reply_to_post_id="other-post") == 0
