"""The columns of a staffpulse CSV that nothing reads, told once for the file.

A column under a name staffpulse does not know (``likes_count`` for ``likes``) is imported
without a word: its cells are kept only in each record's raw payload, and the counts it holds
never reach the audit. So the file is told which columns were not read and, where one is
close to a name staffpulse reads, which name to give it. Columns told already by another note
(a link or a date under another tool's name, :mod:`.link_names`, ``undated_note``) are left
to that note.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Mapping

from staffpulse.next_steps import SEE_FORMATS
from staffpulse.sources.csvrows import as_written
from staffpulse.sources.link_names import LINK_COLUMNS
from staffpulse.sources.native_records import COLUMNS_BY_KIND, READ_COLUMNS, columns_read

_LINK_NAMES = frozenset(name for _what, _lost, others in LINK_COLUMNS.values() for name in others)
# What other tools add to a count's name: ``likes_count``, ``total_likes``
_COUNT_WORDS = ("_count", "count", "_total", "total_", "num_", "number_of_")
# Other tools' words for a count staffpulse reads (after _COUNT_WORDS are taken off), or a link
_COUNT_NAMES = {
    **dict.fromkeys(("retweets", "retweet", "shares", "reblogs", "boosts"), "reposts"),
    **dict.fromkeys(("favorites", "favourites", "favorite", "like", "hearts"), "likes"),
    **dict.fromkeys(("comments", "reply"), "replies"),
    # and for the post's own address, which a sheet of posts names so
    **dict.fromkeys(("post_url", "post_link", "permalink", "post_permalink"), "url"),
    **dict.fromkeys(("tweet_url", "tweet_link", "tweet_permalink", "link_to_post"), "url"),
}
# Other tools' names for an account's column, read only on account rows: X's API and twarc
# call the display name "name" (never read as the handle: native_csv_header.py says why)
_ACCOUNT_NAMES = {"name": "display_name", "full_name": "display_name"}
SHOWN = 10  # unread columns named in the note; more are counted


def meant_column(name: str, header: Collection[str], kind: str | None = "post") -> str | None:
    """The column staffpulse reads that ``name`` is close to (``likes_count``: ``likes``),
    when the file does not have that one already; None when none is close. ``kind``: that of
    every row of the file (None: a type column says), so a rename is to a column its rows read
    (a post row reads no display name, so "name" means one only in a file of accounts)."""
    free = sorted(columns_read(kind) - set(header))
    if _ACCOUNT_NAMES.get(name) in free:
        return _ACCOUNT_NAMES[name]
    bare = name
    for word in _COUNT_WORDS:
        bare = bare.replace(word, "")
    bare = _COUNT_NAMES.get(bare, bare)
    if bare in free:
        return bare
    close = difflib.get_close_matches(name, free, n=1, cutoff=0.8)
    return close[0] if close else None


def unread_columns_note(
    header: list[str],
    read_too: Collection[str] = (),
    written: Mapping[str, str] | None = None,
    kind: str | None = "post",
) -> str | None:
    """What a staffpulse CSV is told of its columns nothing reads; None when each is read.
    ``read_too``: columns read under another name (the author's handle as ``username``) or
    told by another note (a date column). Each is named as the header writes it
    (``written``: "Likes Count", not likes_count). ``kind``: that of every row of the file
    (None: a type column says; "account": a file with no text), whose columns a rename names."""
    unread = [
        name
        for name in dict.fromkeys(header)
        if name and name not in READ_COLUMNS and name not in _LINK_NAMES and name not in read_too
    ]
    if not unread:
        return None
    shown = ", ".join(f'"{as_written(name, written)}"' for name in unread[:SHOWN])
    more = f" and {len(unread) - SHOWN} more" if len(unread) > SHOWN else ""
    renames = [
        f'"{as_written(name, written)}" to "{meant}"'
        for name in unread
        if (meant := meant_column(name, header, kind))
    ]
    one = len(unread) == 1
    said = (
        f"the column{'' if one else 's'} {shown}{more} {'was' if one else 'were'} not read: "
        f"staffpulse reads no column of {'that name' if one else 'those names'}, so "
        f"{'its' if one else 'their'} cells are kept only in the stored raw record, not used "
        f"{SEE_FORMATS.say()}"
    )
    if renames:
        said += (
            f"; rename {', '.join(renames)} (if it holds that) and import the file again "
            "(nothing is stored twice)"
        )
    return said


# What a row of each kind is, and the columns a file of them alone is made of, for the note
_KINDS = {
    "account": ("an account", "accounts", '"handle"'),
    "post": ("a post", "posts", '"id", "author" and "text"'),
    "follow": ("a follow", "follows", '"follower" and "followee"'),
}
_FILE_KINDS = {
    "post": 'a post (the file has a "text" column and no "type" column)',
    "account": 'an account (the file has no "text" column and no "type" column)',
}


def other_kind_note(
    header: list[str],
    kind: str | None,
    read_too: Collection[str] = (),
    written: Mapping[str, str] | None = None,
) -> str | None:
    """What a staffpulse CSV whose rows are all ``kind`` records is told of its columns read
    only on rows of another kind (a posts file's "description", an account's bio): not read,
    and how to have them read; None when there are none, or a type column says each row's."""
    if kind is None:
        return None
    other = [
        name
        for name in dict.fromkeys(header)
        if name in READ_COLUMNS and name not in columns_read(kind) and name not in read_too
    ]
    if not other:
        return None
    shown = ", ".join(f'"{as_written(name, written)}"' for name in other[:SHOWN])
    more = f" and {len(other) - SHOWN} more" if len(other) > SHOWN else ""
    one = len(other) == 1
    theirs = next(k for k in COLUMNS_BY_KIND if other[0] in COLUMNS_BY_KIND[k])
    what, many, needs = _KINDS[theirs]
    return (
        f"the column{'' if one else 's'} {shown}{more} {'was' if one else 'were'} not read: "
        f"staffpulse reads {'it' if one else 'them'} only on a row of {what}, and each row of "
        f"this file is {_FILE_KINDS[kind]}, so {'its' if one else 'their'} cells are kept only"
        f" in the stored raw record, not used; to have {'it' if one else 'them'} read, move"
        f" {'it' if one else 'them'} to a file of {many}, with {needs} as well, or add a"
        f' "type" column that says each row\'s kind (post, account or follow)'
        f" {SEE_FORMATS.say()}"
    )
