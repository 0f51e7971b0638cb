"""The audit's figures as the reports show them (staffpulse.report.pillar_figures): each
names what it counted, and a base of nothing reads as nothing to read, never "0 of 0"."""

from __future__ import annotations

import re
from pathlib import Path

from audit_helpers import PERSON, FakeScorer, FeedBuilder, audit_feed, store_with
from staffpulse.audit import audit_account
from staffpulse.report.pillar_figures import figures


def test_an_account_of_replies_only_shows_no_zero_of_zero_figures() -> None:
    # a Mastodon thread's author, replies only: "0 of the last 0 original posts were job
    # ads", "Templated 0 of 0 original posts (0%)" and "Mentions others 0 of 0" were shown
    feed = FeedBuilder("austin")
    feed.reply("ginevra", 3)
    shown = figures(audit_feed(feed))
    mix, voice, conv = dict(shown["mix"]), dict(shown["voice"]), dict(shown["conversation"])
    assert mix == {"Job ads": "no original posts to read"}
    # templates are looked for in original posts only: said, not "nothing to read"
    assert voice["Templated"] == (
        "not checked: only original posts are, and all 3 posts you wrote are replies"
    )
    assert voice["Human voice"] == "3 of 3 posts you wrote (100%)"
    # nothing of its own could name anyone: the part is left out of the score, and said so
    assert conv["Mentions others"] == "not scored: no original post or quote to read"
    assert not any(" of 0 " in value for rows in shown.values() for _label, value in rows)


def test_a_feed_all_in_another_language_says_none_in_english_to_read() -> None:
    # a German firm's 12 posts read "Not in English: 12 of 12 original posts", then "Job ads:
    # no original posts to read", as if it had none
    feed = FeedBuilder("koeln")
    for i in range(4):
        feed.post(f"Wir haben heute unser Sommerfest gefeiert, danke an alle! #{i}", lang="de")
    mix = dict(figures(audit_feed(feed))["mix"])
    assert mix["Not in English"] == "4 of 4 original posts (not read)"
    assert mix["Job ads"] == "no original posts in English to read"


def test_an_account_with_original_posts_keeps_every_figure() -> None:
    feed = FeedBuilder("rosa")
    feed.chat(4)
    feed.job(1)
    shown = figures(audit_feed(feed))
    mix = dict(shown["mix"])
    assert mix["Job ads"] == "1 of 5 original posts (20%)"
    assert mix["Last posts"] == "1 of the last 5 original posts was a job ad"
    assert mix["Longest streak"] == "1 job ad in a row"
    assert re.fullmatch(r"\d of 5 original posts \(\d+%\)", dict(shown["voice"])["Templated"])
    assert dict(shown["conversation"])["Mentions others"] == "0 of 5 original posts (0%)"


def test_a_base_of_one_post_is_said_in_the_singular() -> None:
    # a Bluesky account with one original post read "0 of 1 original posts (0%)" and
    # "0 of the last 1 original posts were job ads"
    feed = FeedBuilder("krakow", display_name="Vestiging Krakow ")
    feed.post("Honest question: what do you love about your team?")
    feed.reply("ana", 2)
    shown = figures(audit_feed(feed))
    mix = dict(shown["mix"])
    assert mix["Job ads"] == "0 of 1 original post (0%)"
    assert mix["Last posts"] == "the last original post was not a job ad"
    assert dict(shown["voice"])["Templated"] == "0 of 1 original post (0%)"
    # one post is too few for its mentions' share: not scored, the count still singular
    assert dict(shown["conversation"])["Mentions others"].endswith(" in 0 of 1 original post")
    # the name as people read it, without the space it was saved with
    assert dict(shown["face"])["Display name"].startswith("\u201cVestiging Krakow\u201d:")
    ads = FeedBuilder("oneads")
    ads.job(1)
    assert dict(figures(audit_feed(ads))["mix"])["Last posts"] == (
        "the last original post was a job ad"
    )


def test_a_share_beside_its_count_never_reads_as_none_or_all() -> None:
    # 3 job ads among 746 posts showed "3 of 746 original posts (0%)" (QA s23): "0%" reads as
    # none beside the 3 it counts
    few = FeedBuilder("lakeside")
    few.chat(300)
    few.job(1)
    assert dict(figures(audit_feed(few))["mix"])["Job ads"] == "1 of 301 original posts (<1%)"
    most = FeedBuilder("jobsonly")
    most.job(300)
    most.chat(1)
    assert dict(figures(audit_feed(most))["mix"])["Job ads"] == "300 of 301 original posts (>99%)"


def test_one_reply_in_the_accounts_own_thread_is_said_in_the_singular() -> None:
    # a real account read "not counting 1 reply in your own threads"
    feed = FeedBuilder("threader")
    feed.chat(2)
    feed.reply("threader")
    replies = dict(figures(audit_feed(feed))["conversation"])["Replies to others"]
    assert replies.endswith(", not counting 1 reply in your own thread")
    feed.reply("threader")
    replies = dict(figures(audit_feed(feed))["conversation"])["Replies to others"]
    assert replies.endswith(", not counting 2 replies in your own threads")


def test_a_base_of_one_or_two_posts_is_not_called_all_of_them() -> None:
    # real one- and two-post accounts read "0 of all 1 post (0%)" and "1 of all 2 posts"
    one = FeedBuilder("solo")
    one.chat(1)
    conv = dict(figures(audit_feed(one))["conversation"])
    assert conv["Replies to others"] == "0 of 1 post (0%)"
    assert conv["Reposts and quotes"] == "0 of 1 post (0%)"
    two = FeedBuilder("duo")
    two.chat(1)
    two.reply("ana")
    assert dict(figures(audit_feed(two))["conversation"])["Replies to others"] == (
        "1 of 2 posts (50%)"
    )
    three = FeedBuilder("trio")
    three.chat(3)
    assert dict(figures(audit_feed(three))["conversation"])["Replies to others"] == (
        "0 of all 3 posts (0%)"
    )


def test_an_account_nobody_mentions_reads_so_without_the_word_store() -> None:
    # the client's report said "no mentions of you in the store": a client has no store, only
    # the data the report was made from (its header's own words)
    feed = FeedBuilder("quiet")
    feed.chat(3)
    conv = dict(figures(audit_feed(feed))["conversation"])
    assert conv["Mentions answered"] == "no mentions of you in the data"
    assert conv["Questions answered"] == "no questions to you in the data"


def test_shares_of_the_accounts_own_posts_are_said_apart_from_the_reposts_of_others(
    tmp_path: Path,
) -> None:
    # a real archive's header said 643 reposts and 79 quotes, its figure "721 of all 1,986
    # posts": one quote was of the account's own post, which is no share of others
    feed = FeedBuilder("quoter")
    own = feed.post("Our guide to a first week on site")
    feed.post("RT @peer: Proud of our night shift", kind="repost")
    feed.post("Still true a year on", kind="quote", quoted_post_id=own.id)
    with store_with(tmp_path, feed) as store:  # the store knows whose post was quoted
        result = audit_account(store, "quoter", scorer=FakeScorer(), avatar=PERSON)
    assert result.pillars["conversation"].evidence["reposts_and_quotes_of_own"] == 1
    shares = dict(figures(result)["conversation"])["Reposts and quotes"]
    assert shares == "1 of all 3 posts (33%), not counting 1 share of your own posts"


def test_one_job_ad_among_the_last_posts_is_said_in_the_singular() -> None:
    feed = FeedBuilder("pair")
    feed.job(1)
    feed.chat(1)
    mix = dict(figures(audit_feed(feed))["mix"])
    assert mix["Last posts"] == "1 of the last 2 original posts was a job ad"


def test_a_quote_of_its_own_post_naming_someone_is_counted_once(tmp_path: Path) -> None:
    # the quote names a peer, so it is a share with others already: the figure said "1 of 2
    # posts, not counting 1 share of your own posts" of an account with one quote
    feed = FeedBuilder("quoter")
    own = feed.post("Our guide to a first week on site")
    feed.post(
        "Still true, thanks @peer for the idea",
        kind="quote",
        quoted_post_id=own.id,
        mentions=("peer",),
    )
    with store_with(tmp_path, feed) as store:
        result = audit_account(store, "quoter", scorer=FakeScorer(), avatar=PERSON)
    assert result.pillars["conversation"].evidence["reposts_and_quotes_of_own"] == 0
    assert dict(figures(result)["conversation"])["Reposts and quotes"] == "1 of 2 posts (50%)"


def test_last_posts_all_job_ads_read_as_the_advice_says_them() -> None:
    # the row read "10 of the last 10 original posts were job ads" beside the advice's
    # "All of your last 10 posts were job ads"
    feed = FeedBuilder("adsnow")
    feed.chat(3)
    feed.job(10)
    result = audit_feed(feed)
    assert dict(figures(result)["mix"])["Last posts"] == (
        "all of the last 10 original posts were job ads"
    )
    assert "All of your last 10 posts were job ads" in result.pillars["mix"].recommendations[0]
