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
from staffpulse.store.codec import parse_time

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


def stored_post_time(store: Store, account_id: str, *, newest: bool) -> datetime | None:
    """When the newest (else the oldest) post of the account already stored was written
    (None: none is)."""
    bound = "MAX" if newest else "MIN"
    row = store.conn.execute(
        f"SELECT {bound}(created_at) FROM posts WHERE platform = 'bluesky' AND author_id = ?",
        (account_id,),
    ).fetchone()
    return parse_time(row[0]) if row and row[0] else None


@dataclass
class _Range:
    """One range of the feed a run reads, from ``cursor`` on, and how far it got."""

    cursor: str | None
    resumed: bool  # a gap an earlier run left below the posts stored
    asking_again: bool  # its first page came without a cursor before: asked again
    first: int | None  # a first run's range: what it read before it was stopped (else None)
    pages: int = 0  # read so far
    oldest: datetime | None = None  # of its posts read: where its gap begins
    before: int = 0  # a first run's posts counted against the cap, besides this run's

    @property
    def asked_again_now(self) -> bool:
        """Its page read last is the one asked again (stored already: its cursor was what
        was missing)."""
        return self.asking_again and self.pages == 1


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
    cut: OlderCut = field(init=False)

    def save(self) -> None:
        save_cursor_state(self.store, "bluesky", self.account_id, "feed", self.state)

    def run(self) -> None:
        self.state = load_cursor_state(self.store, "bluesky", self.account_id, "feed")
        self.cut = OlderCut(self.state)
        said = len(self.report.notes)
        ranges: list[_Range] = []
        if self.state.get("pending_cursor"):
            first = self.state.get("first_read")
            ranges.append(_Range(self.state["pending_cursor"], True, False, first))
        again = self.state.get("again")
        if isinstance(again, dict):  # a first run's page goes on as one: its cap counts them
            above = again.get("first_read")
            first = int(above) if above is not None else None
            ranges.append(_Range(again.get("cursor"), True, True, first))
        ranges.append(_Range(None, False, False, None if self.newest_stored else 0))
        empties = EmptyPages("feed", "post")
        for feed_range in ranges:
            if not self._range(feed_range, empties):
                break
        else:
            if self.cut.point is not None:
                self._older()
        if self.fetched == 0 and len(self.report.notes) == said and self._cap_held():
            self._nothing_new(None)

    def _cap_held(self) -> bool:
        """A first run's cut holds the cap: a run with the same cap reads nothing older."""
        return self.cut.point is not None and self.cut.depth >= self.max_posts

    def _nothing_new(self, oldest: datetime | None) -> None:
        """Say that the posts stored already meet the cap (every run with it: the run that
        met it said the cap, and a later one that says nothing left people asking why)."""
        if oldest is None:
            oldest = stored_post_time(self.store, self.account_id, newest=False)
        note_cap(
            self.report, "feed", Gap(self.max_posts, None, oldest, False, older=True, held=True)
        )

    def _range(self, feed_range: _Range, empties: EmptyPages) -> bool:
        """Read one range of the feed; False when the run stops with it. A first run's
        (``first``: what it read before it was stopped, if it was) goes on as one, its cap
        counting those: as a gap it was read a cap more on every run, each one said."""
        r = feed_range
        r.before = r.first or 0
        while True:
            if self.fetched + r.before >= self.max_posts:
                self._capped(r)
                return False
            asked, limit = r.cursor, min(PAGE, self.max_posts - self.fetched - r.before)
            items, known, r.cursor = self.read_page(r.cursor, limit)
            new = len(items) - known
            self.fetched, r.pages = self.fetched + new, r.pages + 1
            again = r.asked_again_now
            if again and r.first is not None:  # a first run's page, stored by it: counted so
                r.before += known
            self.cut.count(new)  # newer than a first run's cut: held above it
            r.oldest = min((t for t in map(item_time, items) if t), default=r.oldest)
            more = goes_on(asked, r.cursor) and (not known or again)
            dropped = not r.cursor and len(items) >= limit and (not known or again)
            if again:
                self.state.pop("again", None)
            # saved before the page is shown: a Ctrl-C in between left this page stored
            # without where to go on, and the next run stopped at it as caught up
            self.state.pop("pending_cursor", None)
            self.state.pop("first_read", None)
            if more:
                self.state["pending_cursor"] = r.cursor
                if r.first is not None:
                    self.state["first_read"] = r.before + self.fetched
            if dropped:  # kept even when the cap is met on it: else the older posts were lost
                self._dropped(r, asked, new)
            self.save()
            self.shown(self.fetched)
            if not more:
                return True
            if empties.too_many(len(items), self.report):  # its cursor kept: read on next run
                return False

    def _dropped(self, r: _Range, asked: str | None, new: int) -> None:
        """Keep the page (asked for with ``asked``, ``new`` of its posts new) that came
        without a cursor to ask for again, and say so. A first run's goes on as one: resumed
        as a gap, its cap counted only the new posts, and the store ended above it. One that
        met its cap on the page says what the cap left: a run with a higher cap asks for the
        page again."""
        if r.asked_again_now:  # asked twice, no cursor twice: the end, most likely
            self.report.notes.append(end_taken_note(r.oldest))
            return
        self.state["again"] = {"cursor": asked}
        if r.first is None:
            self.report.notes.append(dropped_cursor_note(self.fetched, r.oldest))
            return
        # how many a first run stored above the page
        self.state["again"]["first_read"] = r.before + self.fetched - new
        if self.fetched + r.before < self.max_posts:
            self.report.notes.append(dropped_cursor_note(self.fetched, r.oldest))
        else:
            note_cap(self.report, "feed", Gap(self.max_posts, None, r.oldest, False, older=True))

    def _capped(self, r: _Range) -> None:
        """Say what the cap left: a gap kept (said, never lost), or, for a first run's range,
        that the newest are read and any older are not, where it stopped kept as a cut; one
        still to ask again for a page that came without a cursor keeps that at the cut."""
        held = None if r.first is None else r.before + self.fetched  # a first run's, stored
        if r.pages and held is None:
            since = None if r.resumed else self.newest_stored
            note_cap(self.report, "feed", Gap(self.max_posts, since, r.oldest, r.resumed))
            return
        if not (r.pages or held):
            return
        # no gap to fill: where it stopped is a cut, not a pending cursor
        self.state.pop("pending_cursor", None)
        self.state.pop("first_read", None)
        self.cut.leave(held or 0, cursor=r.cursor)
        unasked = r.asking_again and not r.pages
        if unasked and self.state.pop("again", None) is not None and self.cut.point is not None:
            self.cut.point["again"] = True  # its posts are counted once asked again
        self.save()
        if self.fetched:
            gap = Gap(self.max_posts, None, r.oldest, False, older=True)
            note_cap(self.report, "feed", gap)
        else:  # a first run's stored posts met the cap, as it said: this run adds nothing
            self._nothing_new(r.oldest)

    def _older(self) -> None:
        """The older posts a capped first run left, until the feed holds the newest
        ``max_posts``: a run with the same cap reads none of them, one with a higher cap
        reads on from where it stopped."""
        cut = self.cut
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
