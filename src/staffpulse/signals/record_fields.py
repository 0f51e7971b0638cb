"""The field names ``classify`` and ``roles`` read, and the other names they accept: one place.

The contract's names come first (``id``, ``text``, ``name``, ``description``); staffpulse's
own account fields next (``handle``, ``display_name``, ``bio``: ``staffpulse accounts
--json``); then the names other tools give the same thing (X API v1.1 and twarc:
``screen_name``, ``full_text``; exports: ``user_description``, ``content``). A key matches
whatever its case, spaces around it, and spaces or hyphens for underscores (``"Display
Name"`` is ``display_name``), in JSON as in a CSV header. The first name of a list a record
has wins, except that classify refuses two stand-ins for an absent ``text``
(:func:`stand_ins`): the file does not say which is the post. docs/formats.md lists these
names for users.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = [
    "DESCRIPTION_FIELDS",
    "ID_FIELDS",
    "LONGEST_TEXT",
    "NAME_FIELDS",
    "POSTS_FIELD",
    "POST_ID_FIELDS",
    "POST_TEXT_FIELDS",
    "TEXT_FIELDS",
    "USER_OBJECTS",
    "cut_texts_note",
    "distinct_columns",
    "field_key",
    "first_field",
    "folded_keys",
    "is_empty_row",
    "is_missing",
    "is_post_count",
    "is_repeated_header",
    "stand_ins",
    "without_post_counts",
]

# _unit_id: the row id of a CrowdFlower (Figure Eight, Appen) export, such as its Twitter
# users file
ID_FIELDS = ("id", "handle", "_unit_id")
# classify: one post's id (X Analytics exports "Tweet id", newer ones "Post id"; R's rtweet
# status_id; a CrowdFlower export's row id)
POST_ID_FIELDS = ("id", "_unit_id", "tweet_id", "post_id", "status_id")
# classify: one post's text (X API's full_text; exports' "Tweet text", content, post, body...)
POST_TEXT_FIELDS = (
    "text",
    "full_text",
    "content",
    "tweet",
    "tweet_text",
    "post_text",
    "post",
    "body",
    "message",
)
# roles: an account's screen name, bio, and its posts (one, or a JSON list)
# (Bluesky's displayName folds to displayname: its case is no word break)
NAME_FIELDS = (
    "name",
    "display_name",
    "displayname",
    "screen_name",
    "username",
    "user_name",
    "handle",
)
DESCRIPTION_FIELDS = ("description", "bio", "user_description", "profile_description")
# an account's posts, or its number of posts: `staffpulse accounts --json` writes the count
# here ("posts": 169), which is never a post (:func:`without_post_counts`)
POSTS_FIELD = "posts"
TEXT_FIELDS = (*POST_TEXT_FIELDS, POSTS_FIELD)
# The longest text a record's field is scored on. No post is longer (X's longest are 25,000
# characters; a bio 160): a longer one is most often rows a CSV quote left open joined into
# one cell, and the text models take minutes over a few million characters.
LONGEST_TEXT = 50_000
# a post-shaped record carries its author here (X API v1.1 and twarc: user; twarc2: author;
# a Mastodon status: account)
USER_OBJECTS = ("user", "author", "account")


def cut_texts_note(records: int) -> str | None:
    """The note for ``records`` records whose text was cut at :data:`LONGEST_TEXT`."""
    if not records:
        return None
    return (
        f"{records:,} record{'s' if records != 1 else ''} had a text over {LONGEST_TEXT:,} "
        f"characters, longer than any post: scored on its first {LONGEST_TEXT:,}; check the "
        'file (in a CSV, a quote (") left open joins the rows after it into one cell)'
    )


def field_key(name: str) -> str:
    """A field name as it is matched: ``" Display-Name "`` -> ``display_name``."""
    return "_".join(name.strip().lower().replace("-", " ").split())


def folded_keys(obj: Mapping[str, Any]) -> dict[str, Any]:
    """``obj`` with its keys matched as :func:`field_key` says; when two keys fold into one
    (``id`` and ``ID``), the one spelled as matched wins, else the first."""
    if all(field_key(key) == key for key in obj):
        return dict(obj)  # the common case, written by a program: nothing to fold
    folded = {key: value for key, value in obj.items() if field_key(key) == key}
    for key, value in obj.items():
        folded.setdefault(field_key(key), value)
    return folded


def is_missing(value: Any) -> bool:
    """True for null, and for NaN or Infinity: Python's ``json.dumps`` writes a missing cell of
    a pandas table (a bio left blank) as ``NaN``, which the JSON reader accepts. Read as text,
    it was the word "nan": a bio, a name or a post that no account or post had."""
    return value is None or (isinstance(value, float) and not math.isfinite(value))


# a count as a program writes it, or a spreadsheet cell shows it ("1,234", "1 234", "12.0")
_COUNT = re.compile(r"\s*\d+(?:[ ,.]\d+)*\s*")


def is_post_count(value: Any) -> bool:
    """True for a number, and for a text that is only one (a CSV cell, JSON from one): in
    :data:`POSTS_FIELD` a count of posts, not a post."""
    if isinstance(value, str):
        return _COUNT.fullmatch(value) is not None
    return isinstance(value, int | float) and not isinstance(value, bool)


def without_post_counts(
    record: Mapping[str, Any], key: str | None = POSTS_FIELD
) -> Mapping[str, Any]:
    """``record`` with no count in its ``key`` field (its ``posts``, or that column of a CSV):
    staffpulse's accounts write there how many posts an account has, and read as a post
    the digits "169" moved the roles of 68 of 2,524 accounts of a real store. A count, or a
    list of counts only, leaves the record without the field; a list of posts keeps its
    texts. The count is not read at all: the role model has no feature for it (its post
    cues are rates over the posts it is given, whatever the account wrote in all)."""
    if key is None or key not in record:
        return record
    value = record[key]
    if isinstance(value, list):
        posts = [post for post in value if not is_post_count(post)]
        if len(posts) == len(value):
            return record
        if any(not is_missing(post) for post in posts):
            return {**record, key: posts}
    elif not is_post_count(value):
        return record
    return {name: cell for name, cell in record.items() if name != key}


def first_field(keys: Iterable[str], fields: tuple[str, ...]) -> str | None:
    """The first of ``fields`` among ``keys`` (already folded), or None."""
    present = set(keys)
    return next((f for f in fields if f in present), None)


def stand_ins(keys: Iterable[str], fields: tuple[str, ...]) -> list[str]:
    """The names of ``fields`` among ``keys`` (already folded) that may be read: the
    contract's own (``fields[0]``) alone when it is there, else every other one there, in
    the order of ``fields``. Two or more mean the file does not say which one to read."""
    present = set(keys)
    if fields[0] in present:
        return [fields[0]]
    return [f for f in fields[1:] if f in present]


def distinct_columns(header: list[str]) -> list[str]:
    """``header`` with each name told again (``id,text,text``) made distinct by trailing
    spaces, which every match of a name ignores: a row's cells are kept by column name, and
    the cell of a name's last column would otherwise take the place of its first, the one
    read (the first of a name wins, in a header as in the fields of a record)."""
    seen: set[str] = set()
    distinct = []
    for name in header:
        while name in seen:
            name += " "
        seen.add(name)
        distinct.append(name)
    return distinct


def is_repeated_header(values: Mapping[str, str | None]) -> bool:
    """True for a CSV row that repeats the header (two files joined with ``cat``): each cell
    is its own column's name."""
    return bool(values) and all(
        cell is not None and field_key(cell) == field_key(column) for column, cell in values.items()
    )


def is_empty_row(values: Mapping[str, str | None]) -> bool:
    """True for a CSV row of empty cells only (``,,,``, as spreadsheets leave below a table):
    no record, passed over as a blank line is, not reported as one without an id."""
    return not any(cell and cell.strip() for cell in values.values())
