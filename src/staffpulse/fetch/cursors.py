"""Resume state of the fetchers' streams, kept in the store's ``fetch_cursors`` table (one
JSON object a platform, account and stream): an interrupted or repeated fetch reads it to ask
the API only for what it has not stored yet."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from staffpulse.store import Store
from staffpulse.store.codec import format_time


def load_cursor_state(store: Store, platform: str, account_id: str, stream: str) -> dict[str, Any]:
    """The saved state of a stream, ``{}`` when it has none (never fetched, or finished)."""
    store.migrate()
    row = store.conn.execute(
        "SELECT state FROM fetch_cursors WHERE platform = ? AND account_id = ? AND stream = ?",
        (platform, account_id, stream),
    ).fetchone()
    return json.loads(row[0]) if row else {}


def save_cursor_state(
    store: Store, platform: str, account_id: str, stream: str, state: dict[str, Any]
) -> None:
    store.conn.execute(
        "INSERT INTO fetch_cursors (platform, account_id, stream, state, updated_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (platform, account_id, stream)"
        " DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
        (platform, account_id, stream, json.dumps(state), format_time(datetime.now(UTC))),
    )


# reads and stores one page of a range: (since_id, until_id, page token, how many wanted) ->
# the ids it held and the next page's token (None: the range is read to its end), or None to
# stop the walk here
ReadPage = Callable[[str | None, str | None, str | None, int], tuple[list[str], str | None] | None]
DatedFn = Callable[[str], datetime | None]  # when the post of an id was written, if known


def _undated(post_id: str) -> datetime | None:
    return None


def _time(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Gap:
    """What a run cut by its cap left unread, to be read first by the next run: the posts
    between ``since_at`` (the newest of the run before) and ``until_at`` (the oldest this run
    read), and, when the cap came while filling an older gap, any newer than ``newer_than``."""

    cap: int
    since_at: datetime | None
    until_at: datetime | None
    resumed: bool  # cut while filling a gap an earlier run left: the newest posts not read yet
    newer_than: datetime | None = None
    # cut before the oldest posts, with nothing stored below to go back to: the newest ``cap``
    # are stored, and any older than ``until_at`` are read by a run with a higher cap
    older: bool = False
    # an ``older`` cut this run's cap did not reach past: the posts stored already meet the cap,
    # so it read nothing older (and nothing new came): said on every such run, not only once
    held: bool = False


def _id_key(value: str) -> tuple[int, str]:
    return (len(value), value)  # numeric ids (snowflakes) compare by length, then digits


def max_id(*values: str | None) -> str | None:
    present = [v for v in values if v]
    return max(present, key=_id_key) if present else None


def min_id(*values: str | None) -> str | None:
    present = [v for v in values if v]
    return min(present, key=_id_key) if present else None


class OlderCut:
    """Where a stream's first run, cut by its cap, stopped (``older`` in the stream's saved
    state): the point to read on below (``until_id`` for an id-ranged stream, ``cursor`` for
    Bluesky's feed) and ``depth``, how many of the stream's posts are held above it. X,
    Mastodon and Bluesky keep it alike: a page stored above the cut counts as it is stored (an
    interrupted run's too: counted at a run's end, they were not, and a later run read as many
    older posts past its cap), and a page read below it moves the point and counts."""

    def __init__(self, state: dict[str, Any]) -> None:
        self.state = state

    @property
    def point(self) -> dict[str, Any] | None:
        older = self.state.get("older")
        return older if isinstance(older, dict) else None

    @property
    def depth(self) -> int:
        return int((self.point or {}).get("depth") or 0)

    def leave(self, depth: int, **where: Any) -> None:
        """Keep where a first run cut by its cap stopped, with ``depth`` posts held above."""
        self.state["older"] = {**where, "depth": depth}

    def count(self, held: int, **where: Any) -> None:
        """Count ``held`` posts more above the point, moved to ``where`` when given (a page
        read below it); nothing without a cut."""
        point = self.point
        if point is not None:
            point.update(where, depth=int(point.get("depth") or 0) + held)

    def close(self) -> None:
        """The stream's oldest post is read: nothing is left below."""
        self.state.pop("older", None)


class RangeCursor:
    """Resume state of a newest-first, id-ranged stream (X timelines, Mastodon statuses).

    ``since_id`` is the newest id of the last completed run. A run in progress is
    ``pending = {since_id, until_id, newest}``: ids in ``(until_id, newest]`` are stored. A
    re-run first finishes the pending gap ``(since_id, until_id)``, then fetches what is newer
    than ``since_id``, so no page is requested twice. ``since_at``, ``until_at`` and
    ``newest_at`` beside them, when known, are when those posts were written: what a run cut
    by its cap says it left (:class:`Gap`).
    """

    def __init__(
        self, store: Store, platform: str, account_id: str, stream: str, floor_id: str | None = None
    ) -> None:
        self.store, self.key = store, (platform, account_id, stream)
        self.state = load_cursor_state(store, platform, account_id, stream)
        if not self.state.get("since_id") and floor_id:
            self.state["since_id"] = floor_id

    @property
    def pending(self) -> dict[str, Any] | None:
        pending = self.state.get("pending")
        return pending if isinstance(pending, dict) else None

    def ranges(self) -> Iterator[tuple[str | None, str | None, bool]]:
        """(since_id, until_id, resumed) ranges to fetch, newest first within each."""
        pending = self.pending
        if pending is not None:
            yield pending.get("since_id"), pending.get("until_id"), True
        since = self.state.get("since_id")
        self.state["pending"] = {"since_id": since, "until_id": None, "newest": None}
        if self.state.get("since_at"):
            self.state["pending"]["since_at"] = self.state["since_at"]
        yield since, None, False

    def page(self, ids: Sequence[str], dated: DatedFn = _undated) -> None:
        """Note a page of ``ids`` stored, and save: its edges, how many the pending range has
        read (an interrupted first run goes on as one, its cap counting them), and, above a
        capped first run's cut (``older``), how many the stream holds, counted as each page
        is stored: counted at the end of a run, an interrupted run's were never counted, and
        a later run read as many older ones past its cap (X bills each)."""
        pending = self.state.setdefault("pending", {"since_id": self.state.get("since_id")})
        pending["read"] = int(pending.get("read") or 0) + len(ids)
        OlderCut(self.state).count(len(ids))
        for edge, pick in (("until_id", min_id), ("newest", max_id)):
            was = pending.get(edge)
            pending[edge] = pick(was, *ids)
            when = dated(pending[edge]) if pending[edge] and pending[edge] != was else None
            if when is not None:
                pending[edge.replace("_id", "") + "_at"] = when.isoformat()
        self.save()

    def complete(self) -> None:
        self.close_pending()
        self.save()

    def close_pending(self) -> None:
        """Drop the pending range, its newest post (and when it was written) becoming the
        ``since_id`` the next run starts from when it is newer; not saved yet."""
        pending = self.pending or {}
        newest = pending.get("newest")
        if newest and max_id(self.state.get("since_id"), newest) == newest:
            self.state["since_id"] = newest
            self.state.pop("since_at", None)
            if pending.get("newest_at"):
                self.state["since_at"] = pending["newest_at"]
        self.state.pop("pending", None)

    def gap(self, cap: int, resumed: bool, dated: DatedFn = _undated) -> Gap:
        """What the pending range leaves unread after a run cut by its ``cap``."""
        pending = self.pending or {}
        since_id = pending.get("since_id")
        return Gap(
            cap=cap,
            since_at=_time(pending.get("since_at")) or (dated(since_id) if since_id else None),
            until_at=_time(pending.get("until_at")),
            resumed=resumed,
            newer_than=_time(pending.get("newest_at")) if resumed else None,
        )

    def save(self) -> None:
        save_cursor_state(self.store, *self.key, self.state)

    def walk(
        self,
        max_total: int,
        read_page: ReadPage,
        shown: Callable[[int], None],
        dated: DatedFn = _undated,
    ) -> Gap | None:
        """Read the stream's :meth:`ranges`, up to ``max_total`` items in all, a page at a time
        with ``read_page``, and ``shown`` the count read so far after each page; ``dated``
        tells when a post was written, for what a cut run says it left.

        Each page's ids are saved before it is shown: a Ctrl-C in between would leave the page
        stored with no note of it. A range read to its end is complete. One cut by
        ``max_total`` stays pending, its :class:`Gap` returned for the run to say, the next
        run filling it first: posts are never silently left unread between two runs. Only a
        stream's first run (nothing to go back to) cut by it is complete: ``--max-posts``
        counts newest first, and older posts were not asked for: its :class:`Gap` (``older``)
        says so, and a later run with a higher cap reads them (:meth:`_walk_older`). A first
        run stopped early (Ctrl-C, an error) goes on as one: its cap counts what it read.
        ``read_page`` returning None stops the walk where it is, the range left pending (a
        budget spent)."""
        fetched = 0
        for since_id, until_id, resumed in self.ranges():
            token: str | None = None
            # an interrupted first run (nothing below it) goes on as one: what it read counts
            # toward the cap, else each re-run read a cap more of older posts, saying a gap
            before = int((self.pending or {}).get("read") or 0) if resumed and not since_id else 0
            while True:
                wanted = max_total - fetched - before
                if wanted <= 0:
                    if not since_id:
                        return self._leave_older(max_total, fetched + before)
                    return self.gap(max_total, resumed, dated)
                read = read_page(since_id, until_id, token, wanted)
                if read is None:
                    return None
                ids, token = read
                if ids:
                    self.page(ids, dated)
                fetched += len(ids)
                shown(fetched)
                if token is None:
                    break
            self.complete()
        return self._walk_older(max_total, fetched, read_page, shown, dated)

    def _leave_older(self, cap: int, fetched: int) -> Gap:
        """A first run cut by its cap: the newest posts are read and older ones are not. Kept
        as ``older`` (the oldest id read, and how many are newer), so that a run with a higher
        cap reads on below it; the stream itself is complete."""
        pending = self.pending or {}
        oldest, oldest_at = pending.get("until_id"), pending.get("until_at")
        self.close_pending()
        if oldest:
            OlderCut(self.state).leave(fetched, until_id=oldest, until_at=oldest_at)
        self.save()
        return Gap(cap, None, _time(oldest_at), resumed=False, older=True)

    def _walk_older(
        self,
        max_total: int,
        fetched: int,
        read_page: ReadPage,
        shown: Callable[[int], None],
        dated: DatedFn,
    ) -> Gap | None:
        """After the newer posts, the older ones a capped first run left (``older``), until
        the stream holds the newest ``max_total`` posts: a run with the same cap reads none
        of them, one with a higher cap reads down to it. None when nothing is left, or this
        run's cap does not reach them but it brought new posts; a ``held`` :class:`Gap` when it
        brought none, for the run to say why."""
        cut = OlderCut(self.state)
        older = cut.point
        if older is None or not older.get("until_id"):
            return None
        until, token = str(older["until_id"]), None
        read_any = False
        while cut.depth < max_total:  # this run's newer posts are counted as stored (page)
            read = read_page(None, until, token, max_total - cut.depth)
            if read is None:
                break
            ids, token = read
            read_any = True
            lowest = min_id(older["until_id"], *ids)
            when = dated(lowest) if ids and lowest else None
            at = when.isoformat() if when else older.get("until_at")
            cut.count(len(ids), until_id=lowest, until_at=at)
            fetched += len(ids)
            if token is None:  # the stream's oldest post is read: nothing older is left
                cut.close()
                self.save()
                shown(fetched)
                return None
            self.save()
            shown(fetched)
        self.save()
        until_at = _time(older.get("until_at"))
        if not read_any and cut.depth >= max_total and not fetched:
            # the cap is held and nothing came: said by the run that made the cut, and by
            # every later one (silent, it left people asking why nothing came)
            return Gap(max_total, None, until_at, False, older=True, held=True)
        if not read_any or cut.depth < max_total:
            return None
        return Gap(max_total, None, until_at, resumed=False, older=True)


def newest_stored_post_id(store: Store, platform: str, author_id: str) -> str | None:
    """The newest id among an author's stored posts (numeric ids), to resume from."""
    row = store.conn.execute(
        "SELECT id FROM posts WHERE platform = ? AND author_id = ?"
        " ORDER BY length(id) DESC, id DESC LIMIT 1",
        (platform, author_id),
    ).fetchone()
    return str(row[0]) if row else None
