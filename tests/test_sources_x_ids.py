"""What X ids and status links tell: the time in a snowflake id, the author in a link."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from staffpulse.sources.x_ids import (
    handle_account,
    quoted_author_first,
    status_link,
    time_of_tweet_id,
)


def test_a_snowflake_id_gives_its_time_to_the_millisecond() -> None:
    assert time_of_tweet_id("1577730467436138524") == datetime(
        2022, 10, 5, 18, 40, 30, 908000, tzinfo=UTC
    )
    # the first ids past the cut-off fall on 4 November 2010, X's epoch
    assert time_of_tweet_id(str(1 << 42)) == datetime(2010, 11, 4, 2, 0, 23, 233000, tzinfo=UTC)


@pytest.mark.parametrize(
    "tweet_id",
    ["20", "20000000000", str((1 << 42) - 1), str(1 << 63), "", None, "12a", "１２３", "-5"],
)
def test_old_ids_and_non_ids_carry_no_time(tweet_id: str | None) -> None:
    # 20 is from 2006 and 20000000000 from 2010: counters, not clocks (read as a snowflake,
    # the second would be a wrong 4 November 2010)
    assert time_of_tweet_id(tweet_id) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://twitter.com/JaneDoe/status/150", ("JaneDoe", "150")),
        ("https://x.com/JaneDoe/status/150?s=20", ("JaneDoe", "150")),
        ("http://mobile.twitter.com/jane_doe/statuses/150/", ("jane_doe", "150")),
        ("https://x.com/i/status/150", (None, "150")),  # by id alone: names no one
        ("https://x.com/JaneDoe", None),
        ("https://acme.example/JaneDoe/status/150", None),
    ],
)
def test_status_links(url: str, expected: tuple[str | None, str] | None) -> None:
    assert status_link(url) == expected


def test_the_quoted_author_comes_first_once() -> None:
    urls = ("https://acme.example/jobs", "https://twitter.com/JaneDoe/status/150")
    assert quoted_author_first(("bob", "janedoe"), urls, "150") == ("janedoe", "bob")
    assert quoted_author_first(("bob",), urls, "151") == ("bob",)  # a link to another tweet
    assert quoted_author_first(("bob",), ["https://x.com/i/status/150"], "150") == ("bob",)


def test_a_link_to_a_tweets_photo_or_video_names_the_tweet() -> None:
    assert status_link("https://twitter.com/jobsdata/status/556/photo/1") == ("jobsdata", "556")
    assert status_link("https://x.com/jobsdata/status/556/video/2?s=20") == ("jobsdata", "556")
    assert status_link("https://x.com/jobsdata/status/556/likes") is None


def test_a_handle_named_alone_is_one_bare_account_whatever_its_case() -> None:
    """A brand in TWCS, an analytics export's author, an IBM dialog's agent: named by handle
    only, each is the one account of that handle (keyed lower-case), with no profile claimed."""
    named = handle_account("ChaseSupport")
    assert named.id == handle_account("chasesupport").id == "chasesupport"
    assert named.handle == "ChaseSupport" and named.url == "https://x.com/ChaseSupport"
    assert not named.bio_known and not named.name_known
