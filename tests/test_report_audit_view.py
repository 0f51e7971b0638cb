"""The audit's header and actions as the reports show them (staffpulse.report.audit_view): the
posts counted and their span, replies in the account's own threads, and what the actions add
up to."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

from rich.console import Console

from audit_helpers import FakeScorer, FeedBuilder, audit_feed, store_with
from staffpulse.audit import audit_account
from staffpulse.dates import format_day
from staffpulse.report.audit_view import posts_and_span, posts_counted
from staffpulse.report.html import render_audit_html
from staffpulse.report.terminal_audit import render_audit


def _feed_with_undated(undated: int) -> FeedBuilder:
    feed = FeedBuilder("rosa")
    feed.chat(8)
    feed.posts[:undated] = [replace(post, created_at=None) for post in feed.posts[:undated]]
    return feed


def test_the_header_says_how_many_posts_its_span_covers_when_some_are_undated() -> None:
    # "8 posts from 1 Mar to 9 Mar" read as if all 8 were in the span, while 2 had no date
    feed = _feed_with_undated(2)
    dated = [post.created_at for post in feed.posts if post.created_at is not None]
    result = audit_feed(feed)
    span = f"from {format_day(min(dated))} to {format_day(max(dated))}"
    header = f"8 posts (6 dated {span})"
    assert posts_and_span(result) == header
    console = Console(record=True, width=200)
    render_audit(console, result)
    assert header in console.export_text()
    assert html.escape(header) in render_audit_html(result)


def test_the_header_span_reads_plainly_when_every_post_or_none_is_dated() -> None:
    every = audit_feed(_feed_with_undated(0))
    assert re.fullmatch(r"8 posts from \d+ \w+ \d{4} to \d+ \w+ \d{4}", posts_and_span(every))
    assert posts_and_span(audit_feed(_feed_with_undated(8))) == "8 posts"


def test_the_header_says_all_posts_are_original_instead_of_repeating_the_total() -> None:
    # "224 posts from ... Of these, 224 original posts." read as if some were something else
    feed = FeedBuilder("jobsonly")
    feed.job(6)
    result = audit_feed(feed)
    console = Console(record=True, width=200)
    render_audit(console, result)
    terminal = console.export_text()
    assert "6 posts from " in terminal and "All of them are original posts." in terminal
    assert "Of these" not in terminal
    assert "All of them are original posts." in render_audit_html(result)


def test_the_header_says_what_posts_you_wrote_means_in_a_full_sentence() -> None:
    feed = FeedBuilder("mixed")
    feed.chat(3)
    feed.post("RT a good read", kind="repost", reposted_post_id="o1")
    console = Console(record=True, width=200)
    render_audit(console, audit_feed(feed))
    text = console.export_text()
    assert "Of these, 3 original posts and 1 repost." in text
    assert "Below, \u201cposts you wrote\u201d means all but the reposts (3)." in text


def test_the_header_says_all_posts_are_replies_with_those_in_the_accounts_own_threads() -> None:
    # a help desk's 101 replies read "Of these, 101 replies."
    desk = FeedBuilder("helpdesk")
    desk.reply("customer", 4)
    assert posts_counted(audit_feed(desk)) == "All of them are replies."
    mixed = FeedBuilder("mixed")
    mixed.chat(6)
    mixed.reply("mixed", 2)
    mixed.reply("peer", 3)
    assert posts_counted(audit_feed(mixed)) == (
        "Of these, 6 original posts and 5 replies (2 of them in your own threads). Below, "
        "Mix counts the replies in your own threads as original posts (8)."
    )
    thread = FeedBuilder("threader")
    thread.reply("threader", 3)
    assert posts_counted(audit_feed(thread)) == (
        "All of them are replies (all in your own threads). "
        "Below, Mix counts them as original posts."
    )


def test_the_header_of_two_posts_of_one_kind_says_both() -> None:
    # real two-post accounts read "2 posts, all on 22 Sep 2021. All of them are reposts."
    pair = FeedBuilder("pair")
    for i in range(2):
        pair.post(f"RT a good read {i}", kind="repost", reposted_post_id=f"o{i}")
    assert posts_counted(audit_feed(pair)) == "Both are reposts."
    thread = FeedBuilder("threader")
    thread.reply("threader", 2)
    assert posts_counted(audit_feed(thread)).startswith(
        "Both are replies (both in your own threads)."
    )


def test_what_the_actions_add_up_to_never_passes_a_hundred_nor_says_so() -> None:
    # Voice 73 and Conversation 74 make 73.5, shown 74; their actions' points, each rounded on
    # its own, add up to 27: "from 74 to 100 (+27)" did not add up
    from staffpulse.report.audit_view import actions_summary

    result = audit_feed(FeedBuilder("desk"))
    actions = [
        {"pillar": "voice", "points": 14, "pillar_points": 14, "action": "Post a story."},
        {"pillar": "conversation", "points": 13, "pillar_points": 13, "action": "Reply."},
    ]
    said = actions_summary(replace(result, overall=74, top_actions=actions))
    assert said == "Doing all of this could take you from 74 to 100 (+26)."


def test_posts_of_one_day_read_on_that_day_not_from_it_to_itself() -> None:
    # real one-day samples read "10 posts from 22 Sep 2021 to 22 Sep 2021" and "1 post from
    # 8 Apr 2021 to 8 Apr 2021. Of these, 1 repost."
    day = FeedBuilder("oneday")
    day.chat(2)  # five hours apart, from 9:00: one day
    result = audit_feed(day)
    on = format_day(day.posts[0].created_at)
    assert posts_and_span(result) == f"2 posts, all on {on}"
    single = FeedBuilder("single")
    single.post("RT @peer: a tip", kind="repost", reposted_post_id="p1")
    one = audit_feed(single)
    assert posts_and_span(one) == f"1 post on {format_day(single.posts[0].created_at)}"
    assert posts_counted(one) == "It is a repost."
    console = Console(record=True, width=200)
    render_audit(console, one)
    assert "It is a repost." in console.export_text() and " to " not in posts_and_span(one)
    assert "1 post on " in render_audit_html(one) and "Of these, 1 repost" not in str(
        render_audit_html(one)
    )
    thread = FeedBuilder("threader")
    thread.reply("threader")
    assert posts_counted(audit_feed(thread)) == "It is a reply in your own thread."


def test_an_audit_since_a_day_says_so_in_its_header(tmp_path: Path) -> None:
    # "3 posts from 2 Nov 2022 to 3 Nov 2022" of an account with 1,986: a client took the
    # three for all its posts, the --since of the audit being said nowhere in the report
    feed = FeedBuilder("rosa")
    feed.chat(8)  # five hours apart from 1 Jan 2026, 9:00
    store = store_with(tmp_path, feed)
    later = audit_account(store, "rosa", since="2026-01-02", scorer=FakeScorer(), save=False)
    header = posts_and_span(later)
    assert re.fullmatch(r"\d posts since 2 Jan 2026, from 2 Jan 2026 to \d+ Jan 2026", header)
    assert html.escape(header) in render_audit_html(later)
    every = audit_account(store, "rosa", scorer=FakeScorer(), save=False)
    assert "since" not in posts_and_span(every)


def test_an_audit_since_a_moment_says_its_time(tmp_path: Path) -> None:
    # "since 2 Jan 2026" alone would deny the posts earlier that day
    feed = FeedBuilder("rosa")
    feed.chat(8)
    store = store_with(tmp_path, feed)
    later = audit_account(store, "rosa", since="2026-01-02T01:30", scorer=FakeScorer(), save=False)
    assert posts_and_span(later).startswith(
        f"{later.counts['posts']} posts since 2 Jan 2026, 01:30 UTC, from "
    )


def test_a_post_shown_as_evidence_is_labelled_as_the_accounts_own_or_theirs() -> None:
    from staffpulse.audit.types import PostExample
    from staffpulse.report.audit_view import example_kind

    def shown(kind: str, by_other: bool) -> str:
        return example_kind(PostExample("hi", None, None, kind, "why", by_other=by_other))

    assert [shown(kind, False) for kind in ("original", "reply")] == ["original", "reply"]
    # someone else's post waiting for an answer is never passed off as the account's own
    assert [shown(kind, True) for kind in ("original", "reply", "quote")] == [
        "their post",
        "their reply",
        "their quote",
    ]
