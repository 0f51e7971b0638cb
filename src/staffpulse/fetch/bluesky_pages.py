"""Whether the Bluesky AppView's pages lead on: a cursor that goes further, and how many empty
pages in a row a run reads before it stops (:mod:`staffpulse.fetch.bluesky`).

The AppView filters what it shows after reading a page of records (reposts of deleted posts,
say), so a page may come empty with a cursor on to more, and the run reads on past it. A server
that kept doing so, each time with a new cursor, would keep a run asking forever: after
:data:`EMPTY_PAGES` such pages in a row the run stops that stream, keeps where it stopped, and
says so, and the next run reads on from there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from staffpulse.report.counts import count_of

if TYPE_CHECKING:
    from staffpulse.fetch.common import FetchReport

#: empty pages in a row, each with a cursor on, that one stream of a run reads before it stops
EMPTY_PAGES = 10


def goes_on(asked: str | None, cursor: str | None) -> bool:
    """Whether a page's ``cursor`` leads further than the one ``asked`` with. A page may come
    empty with a cursor: the AppView filters what it shows after reading a page of records
    (reposts of deleted posts, say), and stopping there left the older posts unread, unsaid."""
    return bool(cursor) and cursor != asked


def empty_pages_note(what: str, noun: str, read: int) -> str:
    """What a stream stopped by empty pages read, and how to go on: "Stopped reading the
    followers after 10 pages in a row came back empty ...: 120 followers read before them are
    stored; fetch again to read on from where it stopped"."""
    kept = "is" if read == 1 else "are"
    return (
        f"Stopped reading the {what} after {EMPTY_PAGES} pages in a row came back empty from the"
        f" Bluesky AppView, each pointing on to more: {count_of(read, noun)} read before them"
        f" {kept} stored; fetch again to read on from where it stopped"
    )


def dropped_list_note(what: str, noun: str, read: int) -> str:
    """What a follow list that ended on a full page with no cursor read: its end, or a cursor
    the AppView dropped with more below, which cannot be told apart."""
    kept = "is" if read == 1 else "are"
    return (
        f"Bluesky sent a full page of the {what} with no cursor to the next one, so the list may"
        f" go on below it: the {count_of(read, noun)} read {kept} stored; fetch again to read"
        " it once more (those read are not stored twice)"
    )


@dataclass
class EmptyPages:
    """The pages one stream of a run has read (``what``: "feed", "followers"; ``noun``: what
    they hold), counting the empty ones in a row."""

    what: str
    noun: str
    read: int = 0
    in_a_row: int = 0

    def too_many(self, items: int, report: FetchReport) -> bool:
        """Count a page of ``items`` that leads on; True, said in ``report.notes``, when it
        is the :data:`EMPTY_PAGES`-th empty one in a row: the caller stops the stream there,
        keeping its cursor for the next run."""
        self.read += items
        self.in_a_row = 0 if items else self.in_a_row + 1
        if self.in_a_row < EMPTY_PAGES:
            return False
        report.notes.append(empty_pages_note(self.what, self.noun, self.read))
        return True
