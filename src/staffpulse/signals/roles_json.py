"""The JSON side of ``staffpulse roles``' input (:mod:`.roles_io`): one :class:`AccountRecord`
per account object of a JSONL file or a JSON array, whatever tool wrote it.

An account's fields are found under the contract's names or their stand-ins
(:mod:`~staffpulse.signals.record_fields`): in the record, else in a tweet's nested ``user``
object (X API v1.1, twarc); a Mastodon account's bio is its HTML ``note``. X API v2 pages
give one record per profile once the file is read (:mod:`.roles_x_pages`). A record that is
no account (a staffpulse post or follow, an X API v2 post without its author) is left out
and counted; one with nothing to tag, or a field of the wrong type, goes to ``on_skip`` with
its file and line.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from staffpulse.signals.record_fields import (
    DESCRIPTION_FIELDS,
    ID_FIELDS,
    NAME_FIELDS,
    TEXT_FIELDS,
    USER_OBJECTS,
    first_field,
    folded_keys,
    is_missing,
    without_post_counts,
)
from staffpulse.signals.record_json import JsonDocument
from staffpulse.signals.record_objects import LeftOut, ReadNote, json_objects
from staffpulse.signals.roles import TextInput
from staffpulse.signals.roles_x_pages import XPages
from staffpulse.sources.mastodon import html_to_text

__all__ = ["HANDLE_FIELDS", "AccountRecord", "json_accounts", "not_an_account", "other_handle"]

# Where an API page holds its accounts: "data" (X API v2 pages are read by XPages first);
# Bluesky's getFollows, getFollowers, searchActors and getProfiles under these
ACCOUNT_PAGES = ("data", "follows", "followers", "actors", "profiles")


# an account's handle (staffpulse's, Bluesky's), given back beside an id that is not it, so a
# line of output names the account: the id of `staffpulse accounts --json` is often the
# platform's number
HANDLE_FIELDS = ("handle",)


@dataclass(frozen=True, slots=True)
class AccountRecord:
    line: int
    id: Any
    name: str
    description: str
    text: TextInput
    handle: str | None = None  # None: the record has none


def other_handle(handle: Any, rid: Any) -> str | None:
    """The handle to give beside the id ``rid``: None when there is none, or it is the id."""
    said = handle.strip() if isinstance(handle, str) else ""
    return said if said and said != str(rid) else None


def _as_str(value: Any) -> str | None:
    """A field as a string ('' for null or NaN, a number written out); None for another type."""
    if is_missing(value):
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def not_an_account(kind: Any) -> str | None:
    """The kind of a staffpulse record that is not an account (``post``), from its ``type``;
    None for an account or a record without a type (the contract has none)."""
    if not isinstance(kind, str) or kind.strip().lower() in ("", "account"):
        return None
    return kind.strip().lower()


def _pick(sources: Sequence[Mapping[str, Any]], fields: tuple[str, ...]) -> tuple[str | None, Any]:
    """The field of ``fields`` to read, and its value: the first one (record before its
    nested author, in the order of ``fields``) with a value that is not null or "", else the
    first one present (its empty value), else ``(None, None)``."""
    present = [(f, source[f]) for source in sources for f in fields if f in source]
    filled = next(((f, v) for f, v in present if not is_missing(v) and v != ""), None)
    return filled or (present[0] if present else (None, None))


def _posts(value: Any) -> tuple[bool, TextInput]:
    """Whether the posts of a record can be read (one, a list, or none), and they."""
    if is_missing(value):
        return True, None
    if isinstance(value, str):
        return True, value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return True, str(value)
    if isinstance(value, list):
        posts = [_as_str(t) for t in value if not is_missing(t)]  # a deleted post: nothing
        if all(isinstance(t, str) for t in posts):
            return True, [t for t in posts if t is not None]  # a number as its digits
    return False, None


def _is_account(obj: dict[str, Any]) -> bool:
    """True for a record with a name or a bio: one roles reads, numbered when it has no id."""
    return first_field(obj, NAME_FIELDS) is not None or (
        first_field(obj, DESCRIPTION_FIELDS) is not None
    )


def _mastodon_note(sources: list[dict[str, Any]]) -> str | None:
    """The bio of a Mastodon account (its API's account, or a status' ``account``): its
    ``note``, in HTML, as plain text; None for any other record. Only beside ``acct``: a
    "note" elsewhere may be the user's own note on the account, not its bio."""
    for source in sources:
        if "acct" in source and isinstance(note := source.get("note"), str):
            return html_to_text(note)[0]
    return None


def json_accounts(
    fh: Iterable[str] | JsonDocument, name: str, on_skip: Callable[[str], None]
) -> Iterator[AccountRecord | LeftOut | ReadNote]:
    expected = "id, name and description"
    pages = XPages(on_skip)  # X API v2 pages: one record per profile, once the file is read
    accounts = json_objects(
        fh,
        name,
        on_skip,
        expected,
        id_keys=ID_FIELDS,
        wrappers=ACCOUNT_PAGES,
        numbered_if=_is_account,
        take=pages.take,
    )
    for account in itertools.chain(accounts, pages.records()):
        if isinstance(account, ReadNote | LeftOut):
            yield account
            continue
        n, where, rid, obj = account
        other = not_an_account(obj.get("type"))
        if other is not None:
            yield LeftOut(other)
            continue
        # a tweet-shaped record (X API v1.1, twarc) has its account in a nested object
        sources = [obj] + [
            folded_keys(author) for key in USER_OBJECTS if isinstance(author := obj.get(key), dict)
        ]
        name_key, name_value = _pick(sources, NAME_FIELDS)
        bio_key, bio_value = _pick(sources, DESCRIPTION_FIELDS)
        if bio_key is None and (note := _mastodon_note(sources)) is not None:
            bio_key, bio_value = "note", note
        if name_key is None and bio_key is None and "author_id" in obj:
            # an X API v2 post with no account of its own in it (a page's "data"): its tweet
            # id is no account's, and tagging its text alone would pass for one
            yield LeftOut("post")
            continue
        text_key, text_value = _pick([without_post_counts(obj)], TEXT_FIELDS)
        if name_key is None and bio_key is None and text_key is None:
            # tagging nothing would give every such record the same empty-account answer
            on_skip(
                f"{where}: no name, description or text to tag (found: {', '.join(obj)}); "
                "an account needs 'name' and 'description'"
            )
            continue
        screen_name, bio = _as_str(name_value), _as_str(bio_value)
        if screen_name is None or bio is None:
            on_skip(
                f"{where}: name and description must be texts (or null), not true, false, "
                "lists or objects: give the account's screen name and bio as strings"
            )
            continue
        readable, posts = _posts(text_value)
        if not readable:
            on_skip(
                f"{where}: text must be a string or a list of strings (the account's "
                "posts); leave it out, or null, when there are none"
            )
            continue
        _key, handle = _pick([obj], HANDLE_FIELDS)
        yield AccountRecord(n, rid, screen_name, bio, posts, other_handle(handle, rid))
