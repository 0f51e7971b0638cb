"""The Conversation pillar on answering (staffpulse.audit.conversation): mentions answered
and how fast, replies to the account's own posts, a closing thanks that needs no answer and
answers dated before what they answer."""

from __future__ import annotations

from audit_helpers import FeedBuilder, audit_feed


def test_responsiveness_counts_answers_and_time() -> None:
    feed = FeedBuilder("rosa")
    feed.chat(4)
    for i in range(6):
        feed.mention_by(f"fan{i}", answered=i < 4)
    conv = audit_feed(feed).pillars["conversation"]
    ev = conv.evidence
    assert ev["mentions_known"] == 6 and ev["mentions_answered"] == 4
    assert ev["median_hours_to_answer"] == 5.0
    assert conv.recommendations[0].startswith("2 of 6 mentions of you got no answer")
    assert len(conv.worst) == 2 and "no answer" in conv.worst[0].why
    # none answered of all of them: said so, not "5 of 5 mentions of you got no answer"
    none = FeedBuilder("mute")
    none.chat(4)
    for i in range(5):
        none.mention_by(f"fan{i}", answered=False)
    advice = audit_feed(none).pillars["conversation"].recommendations[0]
    assert advice.startswith("None of the 5 mentions of you got an answer. Check your")
    assert advice.headline == "Answer mentions: none of the 5 mentions got an answer"  # type: ignore[attr-defined]


def test_none_of_one_or_two_mentions_answered_reads_as_english() -> None:
    # with min_mentions = 1 or 2 in the config it read "None of the 1 mentions of you ..."
    for n, said in ((1, "The one mention of you got no answer."), (2, "Neither of the 2")):
        quiet = FeedBuilder("hushed")
        quiet.chat(4)
        for i in range(n):
            quiet.mention_by(f"caller{i}", answered=False)
        advice = audit_feed(quiet, min_mentions=n).pillars["conversation"].recommendations[0]
        assert advice.startswith(said)


def test_quick_answers_read_in_minutes() -> None:
    from staffpulse.report.pillar_figures import figures

    feed = FeedBuilder("rosa")
    feed.chat(4)
    for i in range(6):
        feed.mention_by(f"fan{i}", answered=True)
    result = audit_feed(feed)
    evidence = result.pillars["conversation"].evidence
    for hours, shown in ((2 / 60, "median 2 min"), (0.004, "median under a minute")):
        evidence["median_hours_to_answer"] = hours
        assert ("Mentions answered", f"6 of 6 mentions, {shown}") in figures(result)["conversation"]


def test_few_mentions_are_not_scored() -> None:
    feed = FeedBuilder("rosa")
    feed.chat(3)
    conv = audit_feed(feed).pillars["conversation"]
    assert "responsiveness" not in conv.evidence["parts"]
    assert conv.notes


def _question_with_answers(feed: FeedBuilder, *names: str) -> None:
    question = feed.post("Question for recruiters: what makes you trust an HR team?")
    for name in names:
        feed.by(
            name,
            f"@{feed.handle} Feedback within 48 hours, every time.",
            kind="reply",
            reply_to_post_id=question.id,
            reply_to_handle=feed.handle,
            mentions=(feed.handle,),
        )


def test_answers_to_its_own_question_are_no_unanswered_mentions() -> None:
    from staffpulse.report.pillar_figures import figures

    feed = FeedBuilder("kelso")
    feed.chat(6)
    _question_with_answers(feed, "dana", "bright", "hire")
    result = audit_feed(feed)
    conv = result.pillars["conversation"]
    assert not any("mentions of you got no answer" in r for r in conv.recommendations)
    assert not any("mentions" in a["action"] for a in result.top_actions)
    assert any(
        r.startswith("None of the 3 replies to your posts got an answer from you.")
        and r.headline == "Answer replies: none of the 3 replies to its posts got an answer"  # type: ignore[attr-defined]
        for r in conv.recommendations
    )
    # two, as the advice is given from two: "None of the 2 replies" is no English
    pair = FeedBuilder("kelso")
    pair.chat(6)
    _question_with_answers(pair, "dana", "bright")
    recs = audit_feed(pair).pillars["conversation"].recommendations
    assert any(r.startswith("Neither of the 2 replies to your posts got an answer") for r in recs)
    shown = dict(figures(result)["conversation"])
    assert shown["Mentions answered"] == "none waiting for an answer"
    assert shown["Replies to your posts"] == "3, you answered none"
    assert len(conv.worst) == 3  # the three replies it left unanswered
    assert all("replied to your post" in ex.why for ex in conv.worst)


def test_one_friendly_last_reply_is_not_held_against_the_account() -> None:
    feed = FeedBuilder("bright")
    feed.chat(6)
    _question_with_answers(feed, "hire")
    conv = audit_feed(feed).pillars["conversation"]
    assert not any("replies to your posts" in r for r in conv.recommendations)
    assert conv.worst == []


def test_a_closing_thanks_is_never_a_post_holding_you_back() -> None:
    from staffpulse.report.pillar_figures import figures

    feed = FeedBuilder("dana")
    feed.chat(4)
    tip = feed.post(
        "@jen Flip it: ask for the budgeted range.", kind="reply", reply_to_handle="jen"
    )
    feed.by(
        "jen",
        "@dana Thank you! Trying this tomorrow.",
        kind="reply",
        reply_to_post_id=tip.id,
        reply_to_handle="dana",
    )
    for i in range(3):
        feed.mention_by(f"fan{i}", answered=True)
    result = audit_feed(feed)
    conv = result.pillars["conversation"]
    assert conv.evidence["mentions_known"] == 3 and conv.evidence["answer_share"] == 1.0
    assert conv.evidence["thanks_received"] == 1
    assert not any("Thank you" in ex.text for ex in conv.worst)
    shown = dict(figures(result)["conversation"])
    assert shown["Thank-you notes"] == "1, no answer needed"
    assert shown["Mentions answered"].startswith("3 of 3 mentions")


def test_an_answer_dated_before_its_mention_is_no_quick_answer() -> None:
    import dataclasses
    from datetime import timedelta

    from staffpulse.report.pillar_figures import figures

    feed = FeedBuilder("bright")
    feed.chat(4)
    for i in range(3):
        feed.mention_by(f"fan{i}", answered=True)
    mention = feed.others[0]
    assert mention.created_at is not None
    answer = next(i for i, p in enumerate(feed.posts) if p.reply_to_post_id == mention.id)
    early = mention.created_at - timedelta(days=3)  # the data's dates are off
    feed.posts[answer] = dataclasses.replace(feed.posts[answer], created_at=early)
    feed.posts.sort(key=lambda p: p.created_at or early)
    result = audit_feed(feed)
    conv = result.pillars["conversation"]
    assert conv.evidence["mentions_answered"] == 3
    assert conv.evidence["median_hours_to_answer"] == 5.0  # the two dated answers only
    assert any("1 answer is dated before the post it answers" in n for n in conv.notes)
    only = FeedBuilder("solo")
    only.chat(4)
    only.mention_by("fan", answered=True)
    only.posts[-1] = dataclasses.replace(only.posts[-1], created_at=early)
    shown = dict(figures(audit_feed(only))["conversation"])
    assert shown["Mentions answered"] == "1 of 1 mention"  # no "median under a minute"


def test_a_feed_nobody_mentions_says_so_in_the_clients_words() -> None:
    # the client's report read "no mentions of the account are in the store: responsiveness
    # not scored", two words of the tool's own
    feed = FeedBuilder("quiet")
    feed.chat(4)
    notes = audit_feed(feed).pillars["conversation"].notes
    assert "no mentions of the account are in the data, so how it answers is not scored" in notes
    assert not any("store" in n or "responsiveness" in n for n in notes)
