"""Handles too long to be handles, caught as a file is imported.

A cell holding a post's text or a list of names where a handle belongs (a column shifted in a
spreadsheet) would become an account whose 3,000-character handle breaks every page showing
it. So a handle longer than any platform allows (:func:`staffpulse.handles.absurd_handle_length`)
costs its record: reported on its file and line, and skipped. An X handle longer than X's 15
characters but not absurd (``brightside_talent``) is still imported, as real exports hold a
few (old accounts, other tools' spellings), and the file gets one notice to check it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from staffpulse.handles import LONGEST_HANDLE, absurd_handle_length
from staffpulse.models import Account, Follow, Post
from staffpulse.report.counts import count_of
from staffpulse.sources.base import Notice, Problem
from staffpulse.store.core import Record

SHOWN = 30  # characters of an absurd handle quoted in the message
X_LIMIT = LONGEST_HANDLE["x"]


def _handles(row: Account | Post | Follow) -> list[str]:
    """The handles a row names, of accounts it makes or files posts under (a post's mentions
    and the handle it replies to make no account)."""
    if isinstance(row, Account):
        return [row.handle]
    if isinstance(row, Post):
        return [row.author_handle]
    return [row.follower_handle or "", row.followee_handle or ""]


def _absurd(row: Account | Post | Follow) -> str | None:
    limit = absurd_handle_length(row.platform)
    return next((h for h in _handles(row) if len(h.lstrip("@")) > limit), None)


@dataclass
class HandleLengths:
    """The check of one file's records: :meth:`check` each, then :meth:`notice` once."""

    told: set[str] = field(default_factory=set)  # absurd handles reported for this file
    long_x: dict[str, str] = field(default_factory=dict)  # X handle (lower) -> file
    posts: int = 0  # post rows seen, kept or not

    def check(self, record: Record) -> tuple[Record | None, Problem | None]:
        """The record without the rows naming an absurd handle (None when none is left), and
        the problem that tells it (None when nothing was dropped, or only the bare account of
        a handle already told: the posts it was made from were reported on their lines)."""
        kept: list[Account | Post | Follow] = []
        dropped: list[str] = []
        for row in record.rows:
            self.posts += isinstance(row, Post)
            handle = _absurd(row)
            if handle is None:
                kept.append(row)
                self._see_x(row, record.provenance.location)
            else:
                dropped.append(handle.lstrip("@"))
        if not dropped:
            return record, None
        rest = replace(record, rows=tuple(kept)) if kept else None
        new = [handle for handle in dropped if handle.lower() not in self.told]
        if record.provenance.line is None and not new:
            return rest, None
        self.told.update(handle.lower() for handle in dropped)
        where = record.provenance
        return rest, Problem(where.location, where.line, too_long(dropped[0]))

    def _see_x(self, row: Account | Post | Follow, location: str) -> None:
        if row.platform != "x":
            return
        for handle in _handles(row):
            name = handle.lstrip("@")
            if len(name) > X_LIMIT:
                self.long_x.setdefault(name.lower(), location)

    def notices(self) -> list[Notice]:
        """One notice for each file with X handles longer than X allows; nothing else."""
        by_file: dict[str, list[str]] = {}
        for handle, location in self.long_x.items():
            by_file.setdefault(location, []).append(handle)
        return [Notice(location, long_x_note(handles)) for location, handles in by_file.items()]


def _shown(handle: str) -> str:
    """The start of a handle quoted in a message: a long one would stretch the page."""
    return handle[:SHOWN] + ("…" if len(handle) > SHOWN else "")


def too_long(handle: str) -> str:
    """Why a record naming ``handle`` was skipped."""
    return (
        f"the handle @{_shown(handle)} has {count_of(len(handle), 'character')}, longer than any "
        f"platform allows: the cell probably holds something else (a post's text, several "
        "names). Correct it and import the file again"
    )


def long_x_note(handles: list[str]) -> str:
    """The notice of a file whose X handles pass X's limit (imported all the same)."""
    first = handles[0]
    which = (
        f"@{_shown(first)} has {len(first)}"
        if len(handles) == 1
        else f"{len(handles):,} handles are longer, such as @{_shown(first)} with {len(first)}"
    )
    return (
        f"X handles have at most {X_LIMIT} characters: check the file ({which}; "
        "imported as written)"
    )
