"""A staffpulse CSV's or JSONL's links under another tool's name: a column or key
``reply_to_post_id``, ``in_reply_to_status_id``, ``quoted_status_id``.

Such a column was passed over in silence: every reply came in as a post of its own, and the
conversations and replies the audit and ``connect`` count were lost without a word. It is
never read on a guess, only told once for the file, with the name to rename it to, as a date
under another name is (:func:`~staffpulse.sources.native_csv_header.undated_note`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import Any

# Our column: what it holds, what a file without it loses, and what other tools and people
# call it
LINK_COLUMNS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "reply_to_id": (
        "the post each record replies to",
        "a reply came in as a post of its own",
        (
            *("reply_to_post_id", "in_reply_to_id", "in_reply_to_status_id"),
            *("in_reply_to_status_id_str", "in_reply_to_tweet_id", "reply_to_tweet_id"),
            *("reply_to_status_id", "replied_to_id", "parent_post_id"),
        ),
    ),
    "reply_to_author": (
        "the account each record replies to",
        "a reply came in as a post of its own",
        ("in_reply_to_screen_name", "in_reply_to_username", "reply_to_username"),
    ),
    "quoted_id": (
        "the post each record quotes",
        "a quote came in as a post of its own",
        ("quoted_post_id", "quoted_status_id", "quoted_status_id_str", "quoted_tweet_id"),
    ),
    "reposted_id": (
        "the post each record reposts",
        "a repost came in as a post of its own",
        ("reposted_post_id", "retweeted_status_id", "retweeted_id", "reblogged_id"),
    ),
}
# The other names staffpulse reads a link by as its own (native_records): never told
READ_TOO = {"reply_to_author": ("reply_to_handle",)}


def unread_link_notes(header: Collection[str]) -> Iterator[str]:
    """What to tell a CSV of posts whose links are under another name than ours, one column
    at a time; nothing when the file has our column, or none of the others."""
    for ours, column in _other_names(header):
        yield _told(f'the column "{column}"', column, ours)


class UnreadLinkKeys:
    """The keys of a staffpulse JSONL's posts that name a link under another name than ours:
    :meth:`see` each post's object with its line, :meth:`notes` once the file is read."""

    def __init__(self) -> None:
        self.first: dict[tuple[str, str], int] = {}  # (our key, its other name): first line

    def see(self, obj: Mapping[str, Any], line: int) -> None:
        present = [key for key, value in obj.items() if value not in (None, "")]
        for found in _other_names(present):
            self.first.setdefault(found, line)

    def notes(self) -> Iterator[str]:
        for (ours, key), line in self.first.items():
            yield _told(f'the key "{key}" (first on line {line:,})', key, ours)


def _other_names(names: Collection[str]) -> Iterator[tuple[str, str]]:
    """(our name, the other name ``names`` has for it) of each link ``names`` lacks ours for."""
    for ours, (_what, _lost, others) in LINK_COLUMNS.items():
        if not any(name in names for name in (ours, *READ_TOO.get(ours, ()))):
            other = next((name for name in names if name in others), None)
            if other is not None:
                yield ours, other


def _told(where: str, name: str, ours: str) -> str:
    """What a file is told of its link ``name`` (said as ``where``), ours being ``ours``."""
    what, lost, _others = LINK_COLUMNS[ours]
    return (
        f"{where} was not read: staffpulse takes {what} from a column or key named {ours}, so"
        f' no record of this file kept that link ({lost}). Rename "{name}" to "{ours}" and'
        " import the file again (nothing is stored twice)"
    )
