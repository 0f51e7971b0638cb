"""A staffpulse CSV's links under another tool's column name: ``reply_to_post_id``,
``in_reply_to_status_id``, ``quoted_status_id``.

Such a column was passed over in silence: every reply came in as a post of its own, and the
conversations and replies the audit and ``connect`` count were lost without a word. It is
never read on a guess (a ``parent_id`` may be a campaign's), only told once for the file, with
the name to rename it to, as a date under another name is
(:func:`~staffpulse.sources.native_csv.undated_note`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

# Our column: what it holds, and what other tools and people call it
LINK_COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "reply_to_id": (
        "the post each row replies to",
        (
            *("reply_to_post_id", "in_reply_to_id", "in_reply_to_status_id"),
            *("in_reply_to_status_id_str", "in_reply_to_tweet_id", "reply_to_tweet_id"),
            *("reply_to_status_id", "replied_to_id", "parent_post_id"),
        ),
    ),
    "reply_to_author": (
        "the account each row replies to",
        ("in_reply_to_screen_name", "in_reply_to_username", "reply_to_username"),
    ),
    "quoted_id": (
        "the post each row quotes",
        ("quoted_post_id", "quoted_status_id", "quoted_status_id_str", "quoted_tweet_id"),
    ),
    "reposted_id": (
        "the post each row reposts",
        ("reposted_post_id", "retweeted_status_id", "retweeted_id", "reblogged_id"),
    ),
}


def unread_link_notes(header: Sequence[str]) -> Iterator[str]:
    """What to tell a file of posts whose links are under another name than ours, one
    column at a time; nothing when the file has our column, or none of the others."""
    for ours, (what, others) in LINK_COLUMNS.items():
        if ours in header:
            continue
        column = next((name for name in header if name in others), None)
        if column is not None:
            yield (
                f'the column "{column}" was not read: staffpulse takes {what} from a column'
                f" named {ours}, so no row of this file kept that link (a reply came in as a"
                f' post of its own). Rename "{column}" to "{ours}" and import the file again'
                " (nothing is stored twice)"
            )
