"""Entries found again, exactly, in the file that holds them: a file joined with itself, a
download saved twice into one file, a page pasted twice into a saved response.

Their posts are stored once and nothing is lost, but the user learns that the file holds more
entries than posts, in the words of :func:`told_repeats`. The lines of a file read a line at a
time (JSON Lines, an outbox's activities) are compared as they are stored
(:mod:`staffpulse.ingest_repeats`); the entries of one saved JSON document (a Bluesky feed, a
Mastodon timeline), stored as one response, are compared here (:func:`repeats_in_document`),
and so are those of one page on a line of a JSON Lines file: a twarc2 page's tweets, a
Bluesky feed, a Mastodon timeline (:class:`RepeatsInPages`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from staffpulse.sources.json_document_errors import DocumentError
from staffpulse.sources.json_documents import document_bytes
from staffpulse.sources.json_entries import ENTRY_LISTS, entry_lines
from staffpulse.store.codec import payload_text

CHECK_FILE = (
    "Check that the file holds each entry once (a file joined with itself, or a download saved"
    " twice into it)"
)
# An API page holds an entry twice when its request named it twice (a lookup of ids with
# repeats), or when pages were joined by hand
CHECK_PAGE = (
    "A page holds an entry twice when its request named it twice (ids to look up, with"
    " repeats) or when pages were merged or edited by hand"
)
CHECK_FILES = (
    "Check that its files hold each entry once (a part saved twice, or joined with another)"
)


def told_repeats(extra: int, where: str, check: str = CHECK_FILE) -> str:
    """What a file is told of its ``extra`` entries that repeat an earlier one, the first
    ``where`` ("line 9 repeats line 2")."""
    one = extra == 1
    return (
        f"{extra:,} {'entry repeats' if one else 'entries repeat'} an earlier one exactly"
        f" ({where}): the posts and accounts in {'it' if one else 'them'} were imported"
        f" once, nothing is lost. {check}"
    )


def _digest(entry: Any) -> bytes:
    text = payload_text(entry).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=16).digest()


class RepeatsInPages:
    """The entries of a page (a line of a JSON Lines file of API responses: a twarc2 page's
    tweets, a Bluesky feed, a Mastodon timeline) found again, exactly, in the same page: a
    page is stored as one record, so the lines compared as they are stored never see them.
    Counted over a file (:meth:`add` each page), told once (:meth:`note`)."""

    def __init__(self) -> None:
        self.extra = 0
        self.first: int | None = None  # the line of the first page that repeats an entry

    def add(self, page: Any, line: int | None) -> None:
        seen: set[bytes] = set()
        for entry in _entries(page):
            digest = _digest(entry)
            if digest in seen:
                self.extra += 1
                if self.first is None:
                    self.first = line or 1
            seen.add(digest)

    def note(self) -> str | None:
        """What the file is told of its pages' repeated entries; None if none repeats."""
        if not self.extra:
            return None
        return told_repeats(self.extra, f"twice in the page on line {self.first:,}", CHECK_PAGE)


def _entries(payload: Any) -> Iterator[Any]:
    """The entries of a response, in the order :func:`entry_lines` finds them: the objects of
    a top-level list, or of the lists under the top-level keys of ``ENTRY_LISTS``."""
    if isinstance(payload, list):
        lists = [payload]
    elif isinstance(payload, dict):
        lists = [v for k, v in payload.items() if k in ENTRY_LISTS and isinstance(v, list)]
    else:
        return
    for entries in lists:
        yield from (entry for entry in entries if isinstance(entry, dict))


def repeats_in_document(path: Path, payload: Any) -> str | None:
    """What the document ``payload``, read whole from ``path``, is told of its entries found
    again in it; None when it holds each once. The lines are looked up only then."""
    seen: dict[bytes, int] = {}
    extra = 0
    first: tuple[int, int] | None = None  # the earliest repeat: (its original, itself)
    for number, entry in enumerate(_entries(payload)):
        earlier = seen.setdefault(_digest(entry), number)
        if earlier != number:
            extra += 1
            first = first or (earlier, number)
    if first is None:
        return None
    try:
        lines = entry_lines(document_bytes(path).decode("utf-8", "replace"))
    except (OSError, DocumentError):  # gone since it was read
        lines = []
    if first[1] < len(lines):
        where = f"line {lines[first[1]]:,} repeats line {lines[first[0]]:,}"
    else:  # the entries were not found where they were read (a document mended)
        where = f"entry {first[1] + 1:,} repeats entry {first[0] + 1:,}"
    return told_repeats(extra, where)
