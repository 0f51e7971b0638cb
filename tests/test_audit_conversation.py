from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from audit_helpers import FeedBuilder, audit_feed
from staffpulse.audit.config import DEFAULTS
from staffpulse.audit.conversation import conversation_parts, weigh_conversation_parts
from staffpulse.report.pillar_figures import figures


def conversation_score(*measured: Any) -> float:
    """Conversation 0-100 from what was measured, as the audit and staffpulse score weigh it."""
    return weigh_conversation_parts(conversation_parts(*measured, DEFAULTS), DEFAULTS)


def test_score_without_responsiveness_uses_other_parts() -> None:
    full = conversation_score(0.3, 0.2, 25, 0.1, None)
    assert round(full) == 100
    assert conversation_score(0.3, 0.2, 25, 0.1, 0.0) < full


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


def test_a_reply_sent_twice_is_no_example_and_a_job_ad_reply_none() -> None:
    # the same answer pasted to two people is a canned line, not a reply to imitate (a help
    # desk's Voice counts such repeats against it)
    feed = FeedBuilder("talentbridge")
    feed.chat(3)
    for who in ("joe", "ann"):  # the same answer to two people
        feed.post(
            f"@{who} Send me a DM and I will tell you honestly what I see",
            kind="reply",
            reply_to_handle=who,
            mentions=(who,),
        )
    own = "@kim I love that you asked about the night shift, my first job was one"
    feed.post(own, kind="reply", reply_to_handle="kim", mentions=("kim",))
    feed.post("@sam we're hiring welders, apply now!", kind="reply", reply_to_handle="sam")
    best = audit_feed(feed).pillars["conversation"].best
    assert [ex.text for ex in best] == [own]


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


def test_a_quote_mentions_others_only_when_its_words_name_someone() -> None:
    # an X archive's quote lists the quoted author first among its mentions (read from the
    # link): "lol <link>" shares a post but mentions no one, as the report's "Mentions others"
    # base of original posts says
    feed = FeedBuilder("andre")
    feed.post("Shipping the new release today", mentions=())
    feed.post("lol https://t.co/x", kind="quote", quoted_post_id="q1", mentions=("bramus",))
    feed.post("So true, @bramus", kind="quote", quoted_post_id="q2", mentions=("bramus",))
    feed.post("Agreed, cc @kahl", kind="quote", quoted_post_id="q3", mentions=("bramus", "kahl"))
    ev = audit_feed(feed).pillars["conversation"].evidence
    assert ev["original_posts"] == 4
    assert ev["original_posts_mentioning_others"] == 2
    # quoting still shares and talks with the quoted author
    assert ev["reposts_and_quotes_of_others"] == 3
    assert ev["accounts_engaged_total"] == 2


def test_a_feed_with_no_dated_post_is_not_told_it_talked_with_no_one_in_90_days() -> None:
    # a feed of undated posts (a spreadsheet without dates) read "Accounts engaged 0 in 30
    # days, 0 in 90 days" and "You talked with no one in the last 90 days"
    from dataclasses import replace

    feed = FeedBuilder("nodates")
    feed.chat(3)
    feed.reply("sam")
    feed.posts = [replace(p, created_at=None) for p in feed.posts]
    result = audit_feed(feed)
    conversation = result.pillars["conversation"]
    assert conversation.evidence["accounts_engaged_90d"] is None
    assert "engaged" not in conversation.evidence["parts"]  # left out, not scored as none
    assert not any("talked with" in r for r in conversation.recommendations)
    shown = dict(figures(result)["conversation"])
    assert shown["Accounts engaged"] == "not known: no post has a date that can be right"


def test_a_care_desk_of_replies_only_is_not_scored_on_mentions_in_posts_it_never_wrote() -> None:
    # a desk answers customers and writes no post of its own: its mentions part read 0 of 0
    # original posts, 15 of its 100 points lost to a question that does not arise
    desk = FeedBuilder("parcelhelp", display_name="Parcel Help")
    for i in range(6):
        asker = f"shopper{i}"
        asked = desk.by(asker, f"@parcelhelp my box {i} never came", mentions=("parcelhelp",))
        desk.post(
            f"@{asker} So sorry, I have sent box {i} again today.",
            kind="reply",
            reply_to_post_id=asked.id,
            reply_to_handle=asker,
        )
    result = audit_feed(desk)
    conv = result.pillars["conversation"]
    assert "mentions" not in conv.evidence["parts"]
    assert conv.score == round(conversation_score(1.0, None, 6, 0.0, 1.0))
    assert conv.score > round(conversation_score(1.0, 0.0, 6, 0.0, 1.0))
    # its fix is one a desk can take: pass on news its customers need, replies kept
    share = next(r for r in conv.recommendations if r.headline.startswith("Pass on"))
    assert share.headline == "Pass on status updates and fixes: it shares none"
    assert share.startswith("Replies stay your main job") and "status update" in share
    # the one post of its own that Mix asks for names no one: a share of one post is no
    # measurement, so following the advice costs Conversation nothing (it took 79 -> 67)
    desk.post("Deliveries run late today because of the snow.")
    after = audit_feed(desk)
    assert "mentions" not in after.pillars["conversation"].evidence["parts"]
    assert after.pillars["conversation"].score >= conv.score
    shown = dict(figures(after)["conversation"])["Mentions others"]
    assert (
        shown
        == "too few posts to judge (judged from 3 on): others mentioned in 0 of 1 original post"
    )
    # the --json says null, not 0, of a share not judged
    assert after.pillars["conversation"].evidence["mention_share"] is None
    desk.post("Our lockers in the north of town are open again from today.")
    assert "mentions" not in audit_feed(desk).pillars["conversation"].evidence["parts"]
    # from the third the share counts, as responsiveness does from the third mention
    desk.post(
        "Thanks to @roadcrew_lena for clearing the depot yard before dawn.",
        mentions=("roadcrew_lena",),
    )
    third = audit_feed(desk).pillars["conversation"].evidence
    assert third["parts"]["mentions"] == round(100 * min((1 / 3) / 0.2, 1.0))


def test_a_firm_with_many_original_posts_is_scored_on_its_mentions_as_before() -> None:
    firm = FeedBuilder("brightside_staffing")
    for i in range(8):
        firm.post(f"Our Tuesday workshop number {i} on writing a clear CV is open to all.")
    for i in range(2):
        firm.post(
            f"Welcome aboard @new_hire{i}, glad to have you on the team!",
            mentions=(f"new_hire{i}",),
        )
    result = audit_feed(firm)
    ev = result.pillars["conversation"].evidence
    # 2 of 10 original posts name someone: the 20% the target asks for, the part in full
    assert (ev["original_posts"], ev["original_posts_mentioning_others"]) == (10, 2)
    assert ev["parts"]["mentions"] == 100
    assert dict(figures(result)["conversation"])["Mentions others"] == (
        "2 of 10 original posts (20%)"
    )
