"""What X status ids and status links tell: when a tweet was posted, and whose tweet a link is.

Since 4 November 2010 X's status ids are "snowflakes": the id shifted right by 22 bits is the
number of milliseconds since X's epoch (1288834974657, 2010-11-04T01:42:54.657Z), so a tweet's
time can be read from its id to the millisecond. Older ids were plain counters (under 3 * 10^10)
and carry no time. One reader serves every X format that may lack a date (IBM dialogs, API v2
responses requested without ``created_at``) and the live fetcher.

A link ``x.com/<handle>/status/<id>`` names the linked tweet's author (as the handle was when
the link was written; X redirects renamed handles). It is all an archive, or a response without
the quoted tweet, says about whom a quote engages. A file that names its authors by handle
alone (a dataset, an analytics export) gives each the bare account :func:`handle_account`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime

from staffpulse.models import Account, normalize_handle

TWITTER_EPOCH_MS = 1288834974657
# Ids below this would read as the first 17 minutes of the epoch: they are the counters of
# before, not snowflakes. X ids are signed 64-bit numbers, so nothing at or above 2^63 is one.
FIRST_SNOWFLAKE = 1 << 42
LAST_SNOWFLAKE = (1 << 63) - 1
# A link to a tweet's photo or video (``.../status/<id>/photo/1``) is a link to the tweet;
# ``x.com/i/web/status/<id>``, as X's share menu gives it, names no one
STATUS_URL_RE = re.compile(
    r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(?:i/web/|(\w+)/)status(?:es)?/(\d+)"
    r"(?:/(?:photo|video)/\d+)?/?(?:\?.*)?$"
)
# x.com/i/status/<id> points at a tweet by id alone: "i" is no one's handle.
NOT_A_HANDLE = "i"


def time_of_tweet_id(tweet_id: str | None) -> datetime | None:
    """When an X tweet was created, read from its id; None for ids older than their clock
    (before November 2010) and for anything that is not an X id."""
    if not tweet_id or not tweet_id.isascii() or not tweet_id.isdigit():
        return None
    number = int(tweet_id)
    if not FIRST_SNOWFLAKE <= number <= LAST_SNOWFLAKE:
        return None
    return datetime.fromtimestamp(((number >> 22) + TWITTER_EPOCH_MS) / 1000, tz=UTC)


def status_link(url: str) -> tuple[str | None, str] | None:
    """(author handle, tweet id) of a link to a tweet, the handle None when the link names no
    one (``x.com/i/status/<id>``); None when ``url`` is not a link to a tweet."""
    match = STATUS_URL_RE.match(url)
    if match is None:
        return None
    handle = match.group(1)
    return (None if not handle or handle.lower() == NOT_A_HANDLE else handle), match.group(2)


def quoted_author_first(
    mentions: tuple[str, ...], urls: Iterable[str], quoted_id: str
) -> tuple[str, ...]:
    """The mentions of a quote with the quoted tweet's author first, read from a link to the
    quoted tweet among ``urls``; ``mentions`` as they are when no link names the author.

    A quote names its target first among its mentions, as a retweet's ``RT @handle:`` does:
    the audit and the interaction edges take the quoted post's stored author, else that first
    mention. Without the quoted tweet in the data, its link is the only place the author is.
    """
    for url in urls:
        link = status_link(url)
        if link is not None and link[1] == quoted_id and link[0] is not None:
            handle = normalize_handle(link[0])
            return (handle, *(m for m in mentions if m != handle))
    return mentions


def handle_account(handle: str) -> Account:
    """The account of an X ``handle`` a file names and tells nothing more of (no name, bio
    or counts): its id the lower-cased handle, as every handle-only source's, so that the
    store files it under the account it holds with that handle (an archive's)."""
    return Account(
        platform="x",
        id=handle.lower(),
        handle=handle,
        bio_known=False,
        name_known=False,
        url=f"https://x.com/{handle}",
    )
