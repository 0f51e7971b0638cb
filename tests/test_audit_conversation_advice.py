"""The Conversation pillar's advice and headlines (staffpulse.audit.conversation_advice): how far
off the account is, singular and plural, reposts, own threads and help desks (whom it talked
with and the inbox: test_audit_conversation_talked_with.py)."""

from __future__ import annotations

from typing import Any

from audit_helpers import FeedBuilder, audit_feed
from staffpulse.audit.config import DEFAULTS


def test_advice_for_a_single_post_reads_right() -> None:
    feed = FeedBuilder("rosa")
    feed.chat(1)
    recs = audit_feed(feed).pillars["conversation"].recommendations
    assert any(r.startswith("Your one post is not a reply to anyone.") for r in recs)
    assert not any("1 posts" in r for r in recs)


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


def _talk_evidence(**changes: Any) -> dict[str, Any]:
    ev: dict[str, Any] = {
        "posts": 13,
        "posts_written": 13,
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
    from staffpulse.audit.conversation_advice import conversation_advice

    advice = conversation_advice(_talk_evidence(), DEFAULTS)
    assert advice[0].startswith("Only 1 of your 13 posts is a reply to others (8%; aim for")
    assert advice[1].startswith("You talked with 1 different account in the last 90 days")
    # the benchmark's headlines, about the account rather than to it
    assert [getattr(a, "headline", None) for a in advice] == [
        "Reply to others: only 1 of 13 posts is a reply",
        "Talk with more people: 1 account in 90 days",
    ]
    more = conversation_advice(_talk_evidence(replies=2, accounts_engaged_90d=3), DEFAULTS)
    assert more[0].startswith("Only 2 of your 13 posts are replies to others (")
    assert [getattr(a, "headline", None) for a in more] == [
        "Reply to others: only 2 of 13 posts are replies",
        "Talk with more people: 3 accounts in 90 days",
    ]


def test_unanswered_mentions_and_replies_are_headlined_with_their_counts() -> None:
    from staffpulse.audit.conversation_advice import conversation_advice

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
    advice = conversation_advice(ev, DEFAULTS)
    assert advice[0].startswith("1,089 of 1,158 mentions of you got no answer.")
    assert [getattr(a, "headline", None) for a in advice] == [
        "Answer mentions: 1,089 of 1,158 got no answer",
        "Answer replies: 4 of 6 replies to its posts got no answer",
        "Share peers' posts: it hardly shares or quotes any",
    ]


def test_one_reply_in_a_long_feed_is_not_said_as_0_percent() -> None:
    feed = FeedBuilder("acme")
    feed.chat(300)
    feed.reply("rosa", 1)
    advice = audit_feed(feed).pillars["conversation"].recommendations[0]
    assert advice.startswith("Only 1 of your 301 posts is a reply to others (<1%; aim for")


def test_one_or_two_posts_get_one_action_on_replies_not_a_second_on_whom_they_talk_with() -> None:
    # QA: a real one-post account's "Do this next" listed "Your one post is not a reply to
    # anyone" and "the account talked with no one" as two Conversation actions
    for posts in (1, 2):
        feed = FeedBuilder("rosa")
        feed.chat(posts)
        audit = audit_feed(feed)
        recs = audit.pillars["conversation"].recommendations
        assert not any("talked with" in r for r in recs)
        listed = [a for a in audit.top_actions if a["pillar"] == "conversation"]
        assert len(listed) == 1 and "a reply" in listed[0]["action"]
    feed = FeedBuilder("rosa")
    feed.chat(3)  # from 3 posts on, whom it talks with is judged apart
    recs = audit_feed(feed).pillars["conversation"].recommendations
    assert any("talked with no one" in r for r in recs)


def test_advice_for_two_posts_without_a_reply_says_neither() -> None:
    feed = FeedBuilder("rosa")
    feed.chat(2)
    recs = audit_feed(feed).pillars["conversation"].recommendations
    assert recs[0].startswith("Neither of your 2 posts is a reply to others (aim for about 30%).")
    assert recs[0].headline == "Reply to others: neither of 2 posts is a reply"


def test_a_single_post_continuing_its_own_thread_is_not_told_it_replies_to_no_one() -> None:
    # a real one-post account, a reply in its own thread, read "Your one post is not a
    # reply to anyone"
    feed = FeedBuilder("rosa")
    feed.reply("rosa")
    recs = audit_feed(feed).pillars["conversation"].recommendations
    assert recs[0].startswith(
        "Your one post continues a thread of your own: it is not a reply to anyone else."
    )
    assert recs[0].headline == "Reply to others: its one post is not a reply to others"


def test_the_league_table_fix_for_a_one_post_account_reads_as_english() -> None:
    # "Fix first: Reply to others: its one post is no reply" in a real staffing cohort
    feed = FeedBuilder("rosa")
    feed.chat(1)
    recs = audit_feed(feed).pillars["conversation"].recommendations
    assert recs[0].startswith("Your one post is not a reply to anyone.")
    assert recs[0].headline == "Reply to others: its one post is not a reply"


def test_the_reply_share_is_of_the_posts_written_in_advice_figures_and_json() -> None:
    # "the share of your posts that are replies" counted the reposts too: 2 replies among 8
    # posts written and 12 reposts read "2 of your 20 posts (10%)", half the real share
    from staffpulse.report.pillar_figures import figures

    feed = FeedBuilder("erik")
    feed.chat(6)
    feed.reply("sam", 2)
    for i in range(12):
        feed.post(f"RT @sam: news {i}", kind="repost")
    audit = audit_feed(feed)
    conversation = audit.pillars["conversation"]
    ev = audit.to_dict()["pillars"]["conversation"]["evidence"]
    assert (ev["posts"], ev["posts_written"], ev["replies"], ev["reply_share"]) == (20, 8, 2, 0.25)
    assert conversation.recommendations[0].startswith(
        "Only 2 of the 8 posts you wrote are replies to others (25%; aim for about 30%)."
    )
    assert conversation.recommendations[0].headline == (
        "Reply to others: only 2 of 8 posts of its own are replies"
    )
    shown = dict(figures(audit)["conversation"])
    assert shown["Replies to others"] == "2 of 8 posts you wrote (25%)"
    # the shares stay of every post: a repost is a share
    assert shown["Reposts and quotes"].startswith("12 of all 20 posts (60%)")


def test_a_feed_of_reposts_only_is_told_it_wrote_no_reply() -> None:
    from staffpulse.report.pillar_figures import figures

    only = FeedBuilder("ana")
    only.post("RT @sam: news", kind="repost")
    only.post("RT @sam: more news", kind="repost")
    audit = audit_feed(only)
    recs = audit.pillars["conversation"].recommendations
    assert recs[0].startswith("Both your posts are reposts: neither is a reply to others")
    assert dict(figures(audit)["conversation"])["Replies to others"] == (
        "none: every post is a repost"
    )
    one = FeedBuilder("ana")
    one.post("RT @sam: news", kind="repost")
    recs = audit_feed(one).pillars["conversation"].recommendations
    assert recs[0].startswith("Your one post is a repost, no reply to anyone")


def test_without_reposts_the_advice_speaks_of_your_posts() -> None:
    feed = FeedBuilder("erik")
    feed.chat(9)
    feed.reply("sam", 1)
    recs = audit_feed(feed).pillars["conversation"].recommendations
    assert recs[0].startswith("Only 1 of your 10 posts is a reply to others (10%;")
    assert recs[0].headline == "Reply to others: only 1 of 10 posts is a reply"


def test_a_help_desk_is_told_to_seek_out_customers_not_candidates() -> None:
    # a care desk of replies only was told to pick "clients, candidates, HR voices" and to
    # share peers' posts "on why it matters to your candidates"
    desk = FeedBuilder("deskreach")
    for i in range(4):
        desk.post(f"@client{i} Ticket {i} has been logged with code {i * 7}.", kind="reply")
    recs = audit_feed(desk).pillars["conversation"].recommendations
    said = " ".join(recs)
    assert "candidates" not in said
    assert any("find posts about your service that do not tag you" in r for r in recs)
    assert any(r.headline == "Pass on status updates and fixes: it shares none" for r in recs)
    firm = FeedBuilder("firmreach")
    firm.chat(4)
    recs = audit_feed(firm).pillars["conversation"].recommendations
    assert any("(clients, candidates, HR voices)" in r for r in recs)
    # a peer's post is shared for whoever follows the account: a vendor has no candidates
    assert any("why it matters to your followers" in r for r in recs)
    assert not any("matters to your candidates" in r for r in recs)
    # one reply to a brand is a customer's, not a help desk's: no "your service", no office
    # help desk's light moment either
    customer = FeedBuilder("customer")
    customer.post("@acmecare my order still has not arrived, any news?", kind="reply")
    said = audit_feed(customer).pillars
    assert "about your service" not in " ".join(said["conversation"].recommendations)
    assert "customer's problem is solved" not in " ".join(said["voice"].recommendations)


def test_a_post_opening_with_a_name_in_a_file_without_replies_is_not_flatly_no_reply() -> None:
    # a sheet of id, author and text: "Your one post is not a reply to anyone" was read
    # under a post that plainly answers someone
    feed = FeedBuilder("sheetonly")
    feed.post("@marta great to hear, give us a call when the crew is ready")
    advice = audit_feed(feed).pillars["conversation"].recommendations
    said = next(r for r in advice if r.startswith("Your one post is not a reply to anyone."))
    assert "(It opens with an @name, yet the data marks no post as a reply: if it answers" in said
    assert (
        audit_feed(feed).pillars["conversation"].evidence["original_posts_opening_with_a_name"] == 1
    )
    plain = FeedBuilder("plainpost")
    plain.post("Great to see the crew ready for the new season")
    advice = audit_feed(plain).pillars["conversation"].recommendations
    assert not any("@name" in r for r in advice)


def test_one_post_of_several_opening_with_a_name_is_told_in_the_singular() -> None:
    feed = FeedBuilder("sheetmany")
    feed.post("@marta great to hear, give us a call when the crew is ready")
    for i in range(5):
        feed.post(f"Season {i} of the coastal survey starts next week")
    advice = audit_feed(feed).pillars["conversation"].recommendations
    said = next(r for r in advice if "@name" in r)
    assert "(1 of them opens with an @name" in said
    assert "if it answers someone" in said


def test_posts_that_all_continue_its_own_threads_are_said_so_in_the_advice_and_the_table() -> None:
    # QA: the header said "All of them are replies (all in your own threads)" while the league
    # table's fix read "none of 3 posts is a reply": one reading of a reply for both
    feed = FeedBuilder("rosa")
    feed.reply("rosa", 3)
    recs = audit_feed(feed).pillars["conversation"].recommendations
    assert recs[0].startswith(
        "None of your 3 posts answers someone else: all 3 continue threads of your own"
    )
    assert recs[0].headline == (
        "Reply to others: none of 3 posts answers someone else (all 3 continue its own threads)"
    )
    mixed = FeedBuilder("rosa")
    mixed.chat(2)
    mixed.reply("rosa", 1)
    recs = audit_feed(mixed).pillars["conversation"].recommendations
    assert recs[0].headline == (
        "Reply to others: none of 3 posts answers someone else (1 continues a thread of its own)"
    )


def test_a_job_feed_keeps_three_conversation_advices_when_its_talk_advice_is_left_out() -> None:
    # the talk advice fits no job feed: it took the third place and was dropped after, so
    # a feed with unanswered replies and few shares heard only two of them
    from staffpulse.audit.account_kind import AccountKind
    from staffpulse.audit.conversation_advice import conversation_advice

    ev = _talk_evidence(
        mentions_known=4, replies_received=6, share_share=0.0, accounts_engaged_90d=1
    )
    advice = conversation_advice(ev, DEFAULTS, AccountKind.JOB_FEED)
    assert len(advice) == 3
    assert not any("talked with" in tip for tip in advice)
    assert advice[1].startswith("Only 1 of your 13 posts is a reply to others")
    assert "None of the 6 replies to your posts got an answer" in advice[2]
    # anyone else hears the talk advice in that place, as before
    anyone = conversation_advice(ev, DEFAULTS)
    assert anyone[2].startswith("You talked with 1 different account in the last 90 days")
