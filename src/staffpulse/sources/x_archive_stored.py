"""Whose a lone ``tweets.js`` is, when the store the import writes into already knows.

A data file of an X archive does not say whose archive it is: ``account.js`` does. Given
alone, its posts would have no author, so they are refused, unless the store already holds the
archive's owner and the file shows it is theirs: the store holds some of its posts (by their
ids, which X never gives twice) under one account, or the file's replies to its own posts (a
thread the owner wrote) answer one account the store holds. Two owners shown, or none the
store holds: refused as before, with the way to import the whole archive.

The reader only reads: the import (:mod:`staffpulse.ingest`) says what the store holds
(:func:`stored_accounts`), as it says the order of a CSV's dates.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Protocol

from staffpulse.models import Account
from staffpulse.sources.import_context import set_while
from staffpulse.sources.jsonio import get_str
from staffpulse.sources.x_archive_entries import KEPT_CHARS, PartEntries, read_entries
from staffpulse.sources.x_archive_files import TWEET_PARTS, DamagedPart, Part
from staffpulse.sources.x_v1 import PLATFORM


class StoredAccounts(Protocol):
    """What the store holds, as far as the owner of a lone archive file needs."""

    def authors_of(self, platform: str, post_ids: Sequence[str]) -> dict[str, int]:
        """The authors of the stored posts among ``post_ids``, each with how many."""
        ...

    def account(self, platform: str, account_id: str) -> Account | None:
        """The stored account, or None."""
        ...


@dataclass(slots=True)
class _Lookup:
    """What the store holds, and what was found of the lone files already asked about: the
    plan asks whose a file is, and so does its reader; each is read once."""

    stored: StoredAccounts
    owners: dict[tuple[str, ...], StoredOwner | None] = field(default_factory=dict)
    entries: dict[str, PartEntries] = field(default_factory=dict)  # until the reader takes them


_STORED: ContextVar[_Lookup | None] = ContextVar("staffpulse_stored_accounts", default=None)


@contextmanager
def stored_accounts(stored: StoredAccounts) -> Iterator[None]:
    """Every X archive file read inside, given without its ``account.js``, is read as the
    archive of the account ``stored`` shows it to be (:func:`stored_owner`)."""
    with set_while(_STORED, _Lookup(stored)):
        yield


def taken_entries(part: Part) -> PartEntries | None:
    """The entries of ``part`` read to find its owner, for its reader to import (once), or
    None when they were not kept."""
    lookup = _STORED.get()
    return None if lookup is None else lookup.entries.pop(part.location, None)


@dataclass(frozen=True, slots=True)
class StoredOwner:
    """The owner of a lone archive file, and the note that tells the user why."""

    account: Account
    note: str


def stored_owner(parts: Sequence[Part]) -> StoredOwner | None:
    """The stored account whose archive the tweet files among ``parts`` are, or None when
    nothing is stored to ask, the files show no owner, or show two."""
    lookup = _STORED.get()
    tweet_parts = [p for p in parts if p.kind in TWEET_PARTS]
    if lookup is None or not tweet_parts:
        return None
    asked = tuple(part.location for part in tweet_parts)
    if asked not in lookup.owners:  # the plan asked already: its reader is told the same
        lookup.owners[asked] = _shown_owner(lookup, tweet_parts)
    return lookup.owners[asked]


def _shown_owner(lookup: _Lookup, tweet_parts: Sequence[Part]) -> StoredOwner | None:
    ids: list[str] = []
    replies: list[tuple[str, str]] = []  # (the post answered, its author)
    kept: dict[str, PartEntries] = {}  # for the reader, when an owner is shown
    room = KEPT_CHARS - sum(held.chars for held in lookup.entries.values())
    for part in tweet_parts:
        try:
            read = read_entries(part, room=room)
        except DamagedPart:
            continue  # told when the part is read
        if isinstance(read.entries, list):  # held for the reader: less room for the next
            kept[part.location] = read
            room -= read.chars
        for _line, item in read.entries:
            tweet = item.get("tweet", item) if isinstance(item, dict) else None
            tweet_id = get_str(tweet, "id_str") or get_str(tweet, "id")
            if tweet_id is None:
                continue
            ids.append(tweet_id)
            parent = get_str(tweet, "in_reply_to_status_id_str")
            answered = get_str(tweet, "in_reply_to_user_id_str")
            if parent is not None and answered is not None:
                replies.append((parent, answered))
    stored = lookup.stored
    held = stored.authors_of(PLATFORM, ids)
    mine = set(ids)
    threads = {answered for parent, answered in replies if parent in mine}
    shown = set(held) | threads
    if len(shown) != 1:
        return None
    (owner_id,) = shown
    account = stored.account(PLATFORM, owner_id)
    if account is None:
        return None
    lookup.entries.update(kept)  # its reader imports them: the file is read once
    who = f"@{account.handle}"
    why = (
        f"the store already holds {held[owner_id]:,} of its posts as {who}'s"
        if owner_id in held
        else f"its replies to its own posts answer {who}, whom the store already holds"
    )
    return StoredOwner(
        account,
        f"no account.js came with it to say whose archive it is, so its posts were read as "
        f"{who}'s: {why}",
    )
