from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from audit_helpers import FeedBuilder, audit_feed
from staffpulse.audit.config import DEFAULTS
from staffpulse.audit.conversation import conversation_score


def test_score_without_responsiveness_uses_other_parts() -> None:
    full = conversation_score(0.3, 0.2, 25, 0.1, None, DEFAULTS)
    assert round(full) == 100
    assert conversation_score(0.3, 0.2, 25, 0.1, 0.0, DEFAULTS) < full


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


def test_advice_for_a_single_post_reads_right() -> None:
    feed = FeedBuilder("rosa")
    feed.chat(1)
    recs = audit_feed(feed).pillars["conversation"].recommendations
    assert any(r.startswith("Your one post is not a reply to anyone.") for r in recs)
    assert not any("1 posts" in r for r in recs)


def test_engaged_accounts_windows() -> None:
    feed = FeedBuilder("rosa")
    feed.reply("old_friend")
    feed.clock = feed.clock.replace(month=6)
    feed.reply("new_friend")
    feed.reply("rosa")  # a thread with oneself engages nobody
    ev = audit_feed(feed).pillars["conversation"].evidence
    assert ev["accounts_engaged_30d"] == 1
    assert ev["accounts_engaged_total"] == 2
    assert ev["replies"] == 2


def test_inbox_count_feeds_the_advice_only_once_something_was_listened_to() -> None:
    from audit_helpers import PERSON, FakeScorer
    from staffpulse.audit.config import audit_settings
    from staffpulse.audit.engine import compute_audit, original_mask, texts_to_score
    from staffpulse.audit.signals import score_texts
    from staffpulse.audit.types import AccountData
    from staffpulse.report.pillar_figures import figures

    feed = FeedBuilder("acme")
    feed.job(10)

    def audit(joined: int | None) -> Any:
        data = AccountData(feed.account(), list(feed.posts), [], {}, joined)
        index, texts = texts_to_score(data.posts)
        signals = score_texts(texts, FakeScorer(), template_mask=original_mask(data.posts, index))
        return compute_audit(data, signals, audit_settings({}), avatar=PERSON)

    never, none_yet, some = audit(None), audit(0), audit(3)
    assert never.pillars["conversation"].score == some.pillars["conversation"].score
    assert not any("inbox" in r for r in never.pillars["conversation"].recommendations)
    assert any("inbox" in r for r in none_yet.pillars["conversation"].recommendations)
    labels = [label for label, _ in figures(never)["conversation"]]
    assert "Inbox conversations joined" not in labels  # no false "0" before any listening
    assert ("Inbox conversations joined", "3 conversations") in figures(some)["conversation"]


def test_few_mentions_are_not_scored() -> None:
    feed = FeedBuilder("rosa")
    feed.chat(3)
    conv = audit_feed(feed).pillars["conversation"]
    assert "responsiveness" not in conv.evidence["parts"]
    assert conv.notes


@settings(max_examples=25, deadline=None)
@given(posts=st.integers(1, 15), replies=st.integers(0, 10), extra=st.integers(1, 10))
def test_more_replies_raise_conversation(posts: int, replies: int, extra: int) -> None:
    def score(n_replies: int) -> int:
        feed = FeedBuilder("acme")
        feed.job(posts)
        for i in range(n_replies):
            feed.reply(f"peer{i}")
        return int(audit_feed(feed).pillars["conversation"].score)

    assert score(replies + extra) >= score(replies)
    if replies == 0:
        assert score(extra) > score(0)


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
        r.startswith("3 of 3 replies to your posts got no answer from you")
        for r in conv.recommendations
    )
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


def test_conversation_praise_is_no_action() -> None:
    from staffpulse.audit.types import Praise

    feed = FeedBuilder("rosa")
    feed.chat(2)
    feed.reply("peer", 2)
    feed.post("So true, @peer", kind="quote", quoted_post_id="peer-1", mentions=("peer",))
    result = audit_feed(feed, reply_target=0.1, engaged_target_90d=1, share_target=0.1)
    recs = result.pillars["conversation"].recommendations
    assert len(recs) == 1 and isinstance(recs[0], Praise) and "keep showing up" in recs[0]
    assert all(a["pillar"] != "conversation" for a in result.top_actions)


def test_an_x_retweet_naming_its_author_only_in_its_text_counts_as_sharing_others() -> None:
    # an archive's retweet may list no mention: its "RT @name:" text still names the author
    feed = FeedBuilder("maya")
    feed.chat(8)
    feed.post("RT @brightsidetalent: Proud moment: Jamal runs the night shift", kind="repost")
    feed.post("RT @brightsidetalent: Our new office dog", kind="repost")
    feed.post("", kind="repost")  # an unknown post naming no one cannot be attributed
    evidence = audit_feed(feed).pillars["conversation"].evidence
    assert evidence["reposts_and_quotes_of_others"] == 2
    # sharing is not talking: a bare repost engages no account
    assert evidence["top_partners"] == [] and evidence["accounts_engaged_90d"] == 0


def test_a_reply_sent_twice_is_one_example_and_a_job_ad_reply_none() -> None:
    feed = FeedBuilder("talentbridge")
    feed.chat(3)
    for who in ("joe", "ann"):  # the same answer to two people
        feed.post(
            f"@{who} Send me a DM and I will tell you honestly what I see",
            kind="reply",
            reply_to_handle=who,
            mentions=(who,),
        )
    feed.post("@sam we're hiring welders, apply now!", kind="reply", reply_to_handle="sam")
    best = audit_feed(feed).pillars["conversation"].best
    assert [ex.text for ex in best] == ["@ann Send me a DM and I will tell you honestly what I see"]


def test_reposts_are_shares_but_not_accounts_talked_with() -> None:
    feed = FeedBuilder("rosa")
    feed.chat(2)
    for i in range(6):
        feed.post(f"RT @peer{i}: a tip worth reading", kind="repost")
    feed.post("So true, and it matches our desk", kind="quote", mentions=("peer0",))
    conv = audit_feed(feed).pillars["conversation"]
    ev = conv.evidence
    # the 7 shares still count as shares; only the quote, which adds words, talks with someone
    assert ev["reposts_and_quotes_of_others"] == 7
    assert ev["accounts_engaged_90d"] == 1
    # the feed's fixed dates read as gone quiet once the clock is months past them: either way
    # one account is counted
    talked = next(r for r in conv.recommendations if "talked with" in r)
    assert "talked with 1 different account" in talked
    assert "a bare repost is not talking" in talked


def test_who_you_talk_with_most_names_each_account_as_the_posts_wrote_it() -> None:
    # the rules match handles in lower case; the report said "@medlibassn" of @MedLibAssn
    feed = FeedBuilder("rti")
    feed.post("Registration is open, thanks to @MedLibAssn!", mentions=("MedLibAssn",))
    feed.post("More from @MedLibAssn today", mentions=("MedLibAssn",))
    feed.post("@JoDi_78 thanks", kind="reply", reply_to_handle="JoDi_78", mentions=("JoDi_78",))
    partners = audit_feed(feed).pillars["conversation"].evidence["top_partners"]
    assert partners == [
        {"handle": "MedLibAssn", "interactions": 2},
        {"handle": "JoDi_78", "interactions": 1},
    ]
    # an X archive's import stores its mentions in lower case: the text keeps the spelling
    archive = FeedBuilder("rti")
    archive.post("Thanks to @MedLibAssn. Registration is open", mentions=("medlibassn",))
    partners = audit_feed(archive).pillars["conversation"].evidence["top_partners"]
    assert partners == [{"handle": "MedLibAssn", "interactions": 1}]


def test_the_reply_advice_says_how_far_off_the_account_is_and_what_is_enough() -> None:
    feed = FeedBuilder("rosa")
    feed.chat(8)
    feed.reply("sam", 2)
    advice = audit_feed(feed).pillars["conversation"].recommendations
    assert advice[0].startswith(
        "Only 2 of your 10 posts are replies to others (20%; aim for about 30%)."
    )
    # the target is the configured one
    lower = audit_feed(feed, reply_target=0.25).pillars["conversation"].recommendations
    assert "(20%; aim for about 25%)" in lower[0]
    silent = FeedBuilder("acme")
    silent.chat(5)
    none = audit_feed(silent).pillars["conversation"].recommendations
    assert none[0].startswith("None of your 5 posts are replies to others (aim for about 30%).")


def _audit_at(feed: FeedBuilder, now: Any) -> Any:
    """``audit_feed`` with the clock fixed (``now``: None ends the windows at the last post)."""
    from audit_helpers import FakeScorer
    from staffpulse.audit.config import audit_settings
    from staffpulse.audit.engine import compute_audit, original_mask, texts_to_score
    from staffpulse.audit.signals import score_texts
    from staffpulse.audit.types import AccountData

    data = AccountData(feed.account(), list(feed.posts), list(feed.others), {})
    index, texts = texts_to_score(data.posts)
    signals = score_texts(texts, FakeScorer(), template_mask=original_mask(data.posts, index))
    return compute_audit(data, signals, audit_settings({}), now=now)


def test_an_account_gone_quiet_is_not_told_it_talked_with_no_one_in_the_last_90_days() -> None:
    from datetime import timedelta

    feed = FeedBuilder("rosa")
    feed.chat(2)
    feed.post("So true, and it matches our desk", kind="quote", mentions=("peer0",))
    last = feed.clock

    def advice(now: Any) -> tuple[str, dict[str, Any]]:
        conv = _audit_at(feed, now).pillars["conversation"]
        return next(r for r in conv.recommendations if "talked with" in r), conv.evidence

    # still posting: its recent 90 days, as ever
    said, ev = advice(last + timedelta(days=1))
    assert said.startswith("You talked with 1 different account in the last 90 days")
    assert ev["posts_90d"] == 3 and ev["last_active_90d"] is None
    # a year later, windows ending today: no zero claimed of an empty window
    said, ev = advice(last + timedelta(days=365))
    assert ev["accounts_engaged_90d"] == 0 and ev["posts_90d"] == 0
    until = f"{last:%Y-%m-%dT%H:%M:%S}Z"  # a moment, as --json writes every one
    assert ev["last_active_90d"] == {"until": until, "accounts_engaged": 1}
    day = f"{last.day} {last:%b %Y}"
    assert said.startswith(
        "The account posted nothing in the last 90 days; in the 90 days up to its last post "
        f"({day}) it talked with 1 different account"
    )
    assert "0 different" not in said


def test_talked_with_names_the_period_it_measured() -> None:
    from staffpulse.audit.conversation import talked_with

    recent = {"accounts_engaged_90d": 0, "posts_90d": 4, "last_active_90d": None}
    assert talked_with(recent, 25) == "You talked with 0 different accounts in the last 90 days"
    quiet = {
        "accounts_engaged_90d": 2,
        "posts_90d": 4,
        "last_active_90d": {"until": "2021-11-19T16:20:00Z", "accounts_engaged": 2},
    }
    assert talked_with(quiet, 25) == (
        "In the 90 days up to its last post (19 Nov 2021), the account talked with 2 different "
        "accounts"
    )
    assert talked_with(quiet, 2) is None  # enough: nothing to advise


def _talk_evidence(**changes: Any) -> dict[str, Any]:
    ev: dict[str, Any] = {
        "posts": 13,
        "replies": 1,
        "reply_share": 1 / 13,
        "mentions_known": 0,
        "mentions_answered": 0,
        "accounts_engaged_90d": 1,
        "replies_received": 0,
        "replies_received_answered": 0,
        "share_share": 1.0,
    }
    return ev | changes


def test_one_reply_and_one_account_are_said_in_the_singular_in_advice_and_headline() -> None:
    from staffpulse.audit.conversation import _advice

    advice = _advice(_talk_evidence(), DEFAULTS)
    assert advice[0].startswith("Only 1 of your 13 posts is a reply to others (8%; aim for")
    assert advice[1].startswith("You talked with 1 different account in the last 90 days")
    # the benchmark's headlines, about the account rather than to it
    assert [getattr(a, "headline", None) for a in advice] == [
        "Reply to others: only 1 of 13 posts is a reply",
        "Talk with more people: 1 account in 90 days",
    ]
    more = _advice(_talk_evidence(replies=2, accounts_engaged_90d=3), DEFAULTS)
    assert more[0].startswith("Only 2 of your 13 posts are replies to others (")
    assert [getattr(a, "headline", None) for a in more] == [
        "Reply to others: only 2 of 13 posts are replies",
        "Talk with more people: 3 accounts in 90 days",
    ]


def test_unanswered_mentions_and_replies_are_headlined_with_their_counts() -> None:
    from staffpulse.audit.conversation import _advice

    ev = _talk_evidence(
        mentions_known=1158,
        mentions_answered=69,
        replies=13,
        reply_share=1.0,
        accounts_engaged_90d=40,
        replies_received=6,
        replies_received_answered=2,
        share_share=0.0,
    )
    advice = _advice(ev, DEFAULTS)
    assert advice[0].startswith("1,089 of 1,158 mentions of you got no answer.")
    assert [getattr(a, "headline", None) for a in advice] == [
        "Answer mentions: 1,089 of 1,158 got no answer",
        "Answer replies: 4 of 6 replies to its posts got no answer",
        "Share peers' posts: it hardly shares or quotes any",
    ]


def test_an_account_gone_quiet_is_headlined_on_its_last_90_days_of_posting() -> None:
    # the league table marks the account as quiet beside its row; the headline says the
    # count, not the whole dated sentence of the audit ("In the 90 days up to its last post
    # (19 Nov 2021), the account talked with ... (a reply, a mention or a quote counts; ...)")
    from staffpulse.audit.conversation import talked_with

    quiet = {
        "accounts_engaged_90d": 0,
        "posts_90d": 4,
        "last_active_90d": {"until": "2021-11-19T16:20:00Z", "accounts_engaged": 1},
    }
    lead = talked_with(quiet, 25)
    assert lead is not None and lead.startswith("In the 90 days up to its last post (19 Nov")
    assert lead.headline == "Talk with more people: 1 account in its last 90 days of posting"
    silent = talked_with(quiet | {"posts_90d": 0}, 25)
    assert silent is not None and silent.startswith("The account posted nothing in the last")
    assert silent.headline == lead.headline


def test_the_inbox_is_advised_only_when_it_holds_someone_else_s_conversation(
    tmp_path: Any,
) -> None:
    # A store of the firm's own posts, judged by listening (the inbox was opened): the inbox
    # has nothing to join, so the reply advice must not send the firm there, nor count a "0".
    from audit_helpers import FakeScorer, store_with
    from staffpulse.audit.engine import audit_account
    from staffpulse.listen.schema import RelevanceRow, save_relevance
    from staffpulse.report.pillar_figures import figures

    feed = FeedBuilder("acme")
    feed.job(10)
    other = feed.by("rosa", "Which staffing firms answer candidates quickly?")
    store = store_with(tmp_path, feed)

    def judged(*posts: Any) -> None:
        rows = [RelevanceRow("x", p.id, 0.9, ("staffing",), "test") for p in posts]
        save_relevance(store.conn, rows)
        store.conn.commit()

    def conversation() -> Any:
        audit = audit_account(store, "acme", scorer=FakeScorer(), save=False)  # type: ignore[arg-type]
        labels = [label for label, _ in figures(audit)["conversation"]]
        return " ".join(audit.pillars["conversation"].recommendations), labels

    judged(*feed.posts)
    advice, labels = conversation()
    assert "Spend 10 minutes a day answering" in advice and "inbox" not in advice
    assert "Inbox conversations joined" not in labels
    judged(other)  # now someone else's work conversation waits in the inbox
    advice, labels = conversation()
    assert "Start with the open conversations in your inbox" in advice
    assert "Inbox conversations joined" in labels
