"""The author feed of ``fetch bluesky``, newest first by the AppView's cursor, until it meets
posts already stored (:class:`FeedWalk`).

Where a run stopped (an error, Ctrl-C, its cap) is kept: the next run reads on from there
first, down to the stored posts, then the newest. A first run (nothing stored to go back to)
cut by its cap keeps no gap, ``--max-posts`` counting newest first, but says what it left and
keeps where it stopped (an :class:`~staffpulse.fetch.cursors.OlderCut`, as X and Mastodon
do), read by a run with a higher cap; a first run stopped early (Ctrl-C, an error) goes on as
one, its cap counting what it read.

A full page that comes without a cursor may be the feed's last, or a cursor the AppView
dropped with posts still below: the two cannot be told apart. Taken silently as the end, the
older posts were never fetched; so the run says what it stored and keeps the page's own
cursor, and the next run asks for that page again (its posts stored already, not twice): with
a cursor now, it reads on; without one again, the feed is taken to end there, and said so. A
first run's page goes on as a first run, its cap counting what that run stored (resumed as a
gap, the store ended above the cap); one that met its cap on that page says what the cap left,
and keeps the page for a run with a higher cap (taken as the end, the older posts were lost).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from staffpulse.fetch.bluesky_items import item_time
from staffpulse.fetch.bluesky_pages import EmptyPages, goes_on
from staffpulse.fetch.common import FetchReport
from staffpulse.fetch.cursors import Gap, OlderCut, load_cursor_state, save_cursor_state
from staffpulse.fetch.resume import note_cap, say_day
from staffpulse.report.counts import count_of
from staffpulse.store import Store

PAGE = 100

# reads and stores one page of the feed: (cursor, how many) -> its items, how many of them
# were stored already, and the next page's cursor
ReadFeedPage = Callable[[str | None, int], tuple[list[dict[str, Any]], int, str | None]]


def _down_to(when: datetime | None) -> str:
    return f" (down to {say_day(when)})" if when else ""


def dropped_cursor_note(fetched: int, oldest: datetime | None) -> str:
    """What a run told no cursor after a full page did, and how to go on."""
    kept = "is" if fetched == 1 else "are"
    return (
        "Bluesky sent a full page of the feed with no cursor to the next one, so the feed may"
        f" go on below it: the {count_of(fetched, 'new post')} fetched{_down_to(oldest)} {kept}"
        " stored; fetch again to ask for the rest from that page (posts already stored are"
        " not stored twice)"
    )


def end_taken_note(oldest: datetime | None) -> str:
    """What a run asking again after a dropped cursor says when it is dropped again."""
    return (
        f"Bluesky again sent no cursor after the feed's page{_down_to(oldest)}: the feed is taken"
        " to end there"
    )


def nothing_new_note(cap: int, oldest: datetime | None) -> str:
    """What a run says whose cap the posts a first run stored already meet: it read no new
    post, and older ones wait for a higher cap (the cap itself was said by that first run)."""
    before = f" (before {say_day(oldest)})" if oldest else ""
    return (
        f"No new posts under the {cap:,}-post cap (--max-posts): the newest {cap:,} posts are"
        f" stored already, and any older ones{before} are not; to get them, fetch again with a"
        f" higher cap, e.g. --max-posts {cap * 2}"
    )


@dataclass
class FeedWalk:
    """One run over an account's feed: ``read_page`` reads and stores a page, ``shown`` is
    told the new posts read so far, ``newest_stored`` is when the newest post stored before
    this run was written (None: none is)."""

    store: Store
    account_id: str
    report: FetchReport
    max_posts: int
    read_page: ReadFeedPage
    shown: Callable[[int], None]
    newest_stored: datetime | None
    fetched: int = 0
    state: dict[str, Any] = field(default_factory=dict)

    def save(self) -> None:
        save_cursor_state(self.store, "bluesky", self.account_id, "feed", self.state)

    def run(self) -> None:
        self.state = load_cursor_state(self.store, "bluesky", self.account_id, "feed")
        cut = OlderCut(self.state)
        # (cursor, resumed: a gap below stored posts, asked again after a dropped cursor,
        # what a first run read before it stopped: None for a range of no first run)
        starts: list[tuple[str | None, bool, bool, int | None]] = []
        if self.state.get("pending_cursor"):
            first = self.state.get("first_read")
            starts.append((self.state["pending_cursor"], True, False, first))
        again = self.state.get("again")
        if isinstance(again, dict):  # a first run's page goes on as one: its cap counts them
            above = again.get("first_read")
            starts.append(
                (again.get("cursor"), True, True, int(above) if above is not None else None)
            )
        newest = (None, False, False, None if self.newest_stored else 0)
        empties = EmptyPages("feed", "post")
        for start, resumed, asking_again, first in [*starts, newest]:
            if not self._range(start, resumed, asking_again, first, cut, empties):
                return
        if cut.point is not None:
            self._older(cut)

    def _range(
        self,
        cursor: str | None,
        resumed: bool,
        asking_again: bool,
        first: int | None,
        cut: OlderCut,
        empties: EmptyPages,
    ) -> bool:
        """Read one range of the feed from ``cursor``; False when the run stops with it. A
        first run's (``first``: what it read before it was stopped, if it was) goes on as one,
        its cap counting those: as a gap it was read a cap more on every run, each one said."""
        read, oldest = 0, None  # of this range's posts: where its gap begins
        before = first or 0
        while True:
            if self.fetched + before >= self.max_posts:
                held = None if first is None else before + self.fetched
                self._capped(cursor, read, resumed, oldest, cut, held, asking_again and not read)
                return False
            asked, limit = cursor, min(PAGE, self.max_posts - self.fetched - before)
            items, known, cursor = self.read_page(cursor, limit)
            new = len(items) - known
            self.fetched, read = self.fetched + new, read + 1
            again = asking_again and read == 1  # stored already: its cursor was what was missing
            if again and first is not None:  # a first run's page, stored by it: counted so
                before += known
            cut.count(new)  # newer than a first run's cut: held above it
            oldest = min((t for t in map(item_time, items) if t), default=oldest)
            more = goes_on(asked, cursor) and (not known or again)
            dropped = not cursor and len(items) >= limit and (not known or again)
            if again:
                self.state.pop("again", None)
            # saved before the page is shown: a Ctrl-C in between left this page stored
            # without where to go on, and the next run stopped at it as caught up
            self.state.pop("pending_cursor", None)
            self.state.pop("first_read", None)
            if more:
                self.state["pending_cursor"] = cursor
                if first is not None:
                    self.state["first_read"] = before + self.fetched
            if dropped:  # kept even when the cap is met on it: else the older posts were lost
                above = None if first is None else before + self.fetched - new
                self._dropped(asked, again, oldest, above, self.fetched + before)
            self.save()
            self.shown(self.fetched)
            if not more:
                return True
            if empties.too_many(len(items), self.report):  # its cursor kept: read on next run
                return False

    def _dropped(
        self,
        asked: str | None,
        again: bool,
        oldest: datetime | None,
        above: int | None,
        counted: int,
    ) -> None:
        """Keep the page that came without a cursor to ask for again, and say so. A first
        run's (``above``: how many it stored above the page) goes on as one: resumed as a gap,
        its cap counted only the new posts, and the store ended above it. One that met its cap
        on the page says what the cap left: a run with a higher cap asks for the page again."""
        if again:  # asked twice, no cursor twice: the end, most likely
            self.report.notes.append(end_taken_note(oldest))
            return
        self.state["again"] = {"cursor": asked}
        if above is None:
            self.report.notes.append(dropped_cursor_note(self.fetched, oldest))
            return
        self.state["again"]["first_read"] = above
        if counted < self.max_posts:
            self.report.notes.append(dropped_cursor_note(self.fetched, oldest))
        else:
            note_cap(self.report, "feed", Gap(self.max_posts, None, oldest, False, older=True))

    def _capped(
        self,
        cursor: str | None,
        read: int,
        resumed: bool,
        oldest: datetime | None,
        cut: OlderCut,
        held: int | None,
        unasked: bool,
    ) -> None:
        """Say what the cap left: a gap kept (said, never lost), or, for a first run (``held``:
        how many of its posts are stored), that the newest are read and any older are not,
        where it stopped kept as a cut; one still to ask again for a page that came without a
        cursor (``unasked``) keeps that at the cut."""
        if read and held is None:
            since = None if resumed else self.newest_stored
            note_cap(self.report, "feed", Gap(self.max_posts, since, oldest, resumed))
        elif read or held:  # no gap to fill: where it stopped is a cut, not a pending cursor
            self.state.pop("pending_cursor", None)
            self.state.pop("first_read", None)
            cut.leave(held or 0, cursor=cursor)
            if unasked and self.state.pop("again", None) is not None and cut.point is not None:
                cut.point["again"] = True  # its posts are counted once asked again
            self.save()
            gap = Gap(self.max_posts, None, oldest, False, older=True)
            # a first run's stored posts met the cap, as it said: this run adds nothing under it
            nothing_new = self.fetched == 0
            note_cap(self.report, "feed", gap, words=not nothing_new)
            if nothing_new:
                self.report.notes.append(nothing_new_note(self.max_posts, oldest))

    def _older(self, cut: OlderCut) -> None:
        """The older posts a capped first run left, until the feed holds the newest
        ``max_posts``: a run with the same cap reads none of them, one with a higher cap
        reads on from where it stopped."""
        oldest, read = None, False
        empties = EmptyPages("feed", "post", read=self.fetched)
        while (point := cut.point) is not None and point.get("cursor"):
            if cut.depth >= self.max_posts:
                break
            asked, limit = str(point["cursor"]), min(PAGE, self.max_posts - cut.depth)
            items, known, cursor = self.read_page(asked, limit)
            self.fetched, read = self.fetched + len(items) - known, True
            oldest = min((t for t in map(item_time, items) if t), default=oldest)
            stop = False
            if goes_on(asked, cursor):
                point.pop("again", None)
                cut.count(len(items), cursor=cursor)
            elif len(items) >= limit and not point.get("again"):  # maybe a dropped cursor
                point["again"] = True  # asked for again, counted then
                self.report.notes.append(dropped_cursor_note(self.fetched, oldest))
                stop = True
            else:  # the feed's oldest post is read: nothing is left
                if point.get("again"):
                    self.report.notes.append(end_taken_note(oldest))
                cut.close()
            self.save()
            self.shown(self.fetched)
            if stop or (cut.point is not None and empties.too_many(len(items), self.report)):
                return
        if read and cut.point is not None:
            note_cap(self.report, "feed", Gap(self.max_posts, None, oldest, False, older=True))
