"""The Jetstream connection loop: batch, filter, store, persist the cursor, reconnect.

Frames are parsed by :mod:`staffpulse.listen.jetstream` and buffered; every ``batch_size``
frames (or ``flush_seconds``, whichever comes first) the buffered posts are judged by the
:class:`~staffpulse.listen.relevance.RelevanceFilter` in one call, the relevant ones (and the
replies in conversations already kept) are written, deletes are applied, and the cursor (the
largest ``time_us`` handled) is saved. On reconnect the loop asks Jetstream to replay from that
cursor and skips every event at or before it, so a disconnect loses nothing and duplicates
nothing. Failures back off exponentially (with jitter) up to ``backoff_max`` seconds.

``run()`` raises :class:`~staffpulse.errors.FetchError` when listening failed for the network:
Jetstream was never reached (every attempt failed until the time was up, or ``max_failures``
attempts in a row), or it was lost and ``max_failures`` reconnects in a row failed. A run that
was connected and whose time ran out while reconnecting returns normally. Whatever was received
is saved, with its cursor, either way.

``idle_timeout`` counts only the time spent waiting on the network (for a frame, a connection
or the backoff before the next one) since the last frame: the time the listener itself spends
saving a batch or reporting progress is not silence of the stream, so a slow save on a busy
machine never ends a replay while events are still arriving.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable, Iterable
from typing import Any, TypeVar

from staffpulse.errors import FetchError, InputError
from staffpulse.fetch.tls import untrusted_certificate
from staffpulse.listen.jetstream import (
    PLATFORM,
    JetstreamEvent,
    MalformedFrame,
    parse_frame,
    subscribe_url,
)
from staffpulse.listen.listen_run import MISSED_AFTER_US, check_cursor

# the run's options and counters live beside the loop; imported from here too
from staffpulse.listen.listen_run import STREAM as STREAM
from staffpulse.listen.listen_run import ListenOptions as ListenOptions
from staffpulse.listen.listen_run import ListenStats as ListenStats
from staffpulse.listen.listen_run import StatusCallback as StatusCallback
from staffpulse.listen.relevance import RelevanceFilter
from staffpulse.listen.schema import RelevanceRow, get_cursor, save_relevance, set_cursor
from staffpulse.listen.stream_errors import (
    lost_error,
    plain_cause,
    unreachable_error,
    untrusted_stream_error,
)
from staffpulse.models import Account, Post
from staffpulse.sources.base import provenance
from staffpulse.store import Record, Store
from staffpulse.store.post_removal import delete_posts

SOURCE = "bluesky-jetstream"
GONE_STATUSES = frozenset({"deleted", "takendown"})
OPEN_TIMEOUT = 10.0  # seconds to open a WebSocket connection
T = TypeVar("T")


class JetstreamListener:
    """Consumes Jetstream frames into the store. ``run()`` connects; ``feed()`` does not."""

    def __init__(
        self,
        store: Store,
        relevance: RelevanceFilter,
        options: ListenOptions,
        on_status: StatusCallback | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.relevance = relevance
        self.options = options
        self.on_status = on_status
        self.stats = ListenStats()
        check_cursor(options.cursor)
        stored = get_cursor(store, options.stream)
        self.cursor: int | None = options.cursor if options.cursor is not None else stored
        self.stats.cursor = self.cursor
        self._received = self.cursor or 0
        self._pending: list[JetstreamEvent] = []
        # injectable so tests can make a save slow or a stream silent without sleeping
        self._clock = clock
        self._last_flush = clock()
        self._silence = 0.0  # seconds waited on the network since the last frame
        self._cause = "no answer"  # why the last connection failed, in plain words
        self._resumed_from: int | None = None  # the cursor of a connection, till its first event
        self.handles: dict[str, str] = _load_handles(store)
        self.known_conversations: set[str] = _load_conversations(store)
        self._provenance = provenance(SOURCE, options.url)

    # -- processing (no network) -----------------------------------------------------------
    def feed(self, frames: Iterable[str | bytes]) -> ListenStats:
        """Process frames as if received (used by benchmarks and tests), then flush."""
        for frame in frames:
            self.handle_frame(frame)
        self.flush()
        return self.stats

    def handle_frame(self, frame: str | bytes) -> None:
        self.stats.frames += 1
        try:
            event = parse_frame(frame, self.handles)
        except MalformedFrame:
            self.stats.malformed += 1
            return
        self.handle_event(event)

    def handle_event(self, event: JetstreamEvent) -> None:
        """One parsed event (a frame counted already): skipped when at or before the
        cursor, else buffered, and the batch saved once full."""
        if event.time_us <= self._received:
            self.stats.skipped_before_cursor += 1
            return
        self._note_missed(event.time_us)
        self._received = event.time_us
        if event.kind == "identity" and event.account is not None:
            self.handles[event.did] = event.account.handle
        self._pending.append(event)
        if len(self._pending) >= self.options.batch_size:
            self.flush()

    def _note_missed(self, first: int) -> None:
        """A connection's first event far past the cursor it resumed from: Jetstream no longer
        had what came between (it keeps about a day), which the run then reports."""
        resumed, self._resumed_from = self._resumed_from, None
        if resumed is not None and first - resumed > MISSED_AFTER_US:
            if self.stats.missed_from is None:
                self.stats.missed_from = resumed
            self.stats.missed_until = first

    def flush(self) -> None:
        """Judge, write and checkpoint the buffered events."""
        self._last_flush = self._clock()
        pending, self._pending = self._pending, []
        if not pending:
            return
        posts = [e for e in pending if e.kind == "post" and e.post is not None]
        self.stats.posts_seen += len(posts)
        kept = self._select(posts)
        accounts = [e.account for e in pending if e.kind == "identity" and e.account is not None]
        deletes = [e.deleted_id for e in pending if e.kind == "delete" and e.deleted_id]
        gone = [e.did for e in pending if e.kind == "account" and e.status in GONE_STATUSES]
        self.stats.identities += sum(e.kind == "identity" for e in pending)
        self.stats.account_events += sum(e.kind == "account" for e in pending)
        self.stats.ignored += sum(e.kind == "ignored" for e in pending)
        self.stats.deletes += len(deletes)
        records = [
            Record(rows=(post,), provenance=self._provenance, raw=dict(raw or {}))
            for post, raw, _ in kept
        ]
        account_rows: tuple[Account, ...] = tuple(accounts)
        if account_rows:
            records.append(Record(rows=account_rows, provenance=self._provenance))
        if records:
            counts = self.store.write_records(records)
            # told in the summary as an import tells them: never lost in silence
            refused = [c.message for c in counts.clashes] + [o.message for o in counts.left_out]
            self.stats.refused += len(refused)
            if refused:
                self.stats.last_refused = refused[-1]
        cursor = pending[-1].time_us
        with self.store.transaction() as conn:
            save_relevance(conn, (row for _, _, row in kept))
            for account in accounts:
                conn.execute(
                    "UPDATE posts SET author_handle = ?, url = replace(url, ?, ?)"
                    " WHERE platform = ? AND author_id = ? AND author_handle = ''",
                    (
                        account.handle,
                        f"/profile/{account.id}/",
                        f"/profile/{account.handle}/",
                        PLATFORM,
                        account.id,
                    ),
                )
            for did in gone:  # the account was deleted or taken down: drop its posts
                ids = [r[0] for r in conn.execute(
                    "SELECT id FROM posts WHERE platform = ? AND author_id = ?", (PLATFORM, did)
                )]  # fmt: skip
                deletes.extend(ids)
            if deletes:
                self.stats.deleted_rows += delete_posts(conn, PLATFORM, deletes)
            set_cursor(conn, self.options.stream, cursor)
        self.cursor = cursor
        self.stats.cursor = cursor

    def _select(self, events: list[JetstreamEvent]) -> list[tuple[Post, Any, RelevanceRow]]:
        posts = [e.post for e in events if e.post is not None]
        verdicts = self.relevance.judge([p.text for p in posts])
        out: list[tuple[Post, Any, RelevanceRow]] = []
        for event, post, verdict in zip(events, posts, verdicts, strict=True):
            in_thread = bool(
                post.kind == "reply"
                and (
                    post.conversation_id in self.known_conversations
                    or post.reply_to_post_id in self.known_conversations
                )
            )
            if not (verdict.keep or in_thread):
                self.stats.count_not_kept(post)
                continue
            if post.conversation_id:
                self.known_conversations.add(post.conversation_id)
            self.known_conversations.add(post.id)
            source = SOURCE if verdict.keep else f"{SOURCE}:thread"
            self.stats.count_kept(post, verdict.keep, bool(verdict.keywords))
            # a reply kept only for its thread is stored with its own verdict: one relevant
            # post must not make every reply under it count as about work (thread_work.py)
            row = RelevanceRow(
                PLATFORM, post.id, verdict.score, verdict.keywords, source, verdict.keep
            )
            out.append((post, event.raw, row))
        return out

    def _status(self, message: str) -> None:
        if self.on_status is not None:
            self.on_status(self.stats, message)

    # -- network -----------------------------------------------------------------------------
    async def run(self) -> ListenStats:
        """Listen until ``duration`` or ``max_events``, reconnecting with backoff; raises
        :class:`FetchError` when the network failed (see the module docstring)."""
        from websockets.exceptions import InvalidURI, WebSocketException

        duration = self.options.duration
        deadline = None if duration is None else self._clock() + duration
        failures = 0  # connections failed or lost in a row
        try:
            while not self._finished(deadline):
                frames = self.stats.frames
                try:
                    await self._session(deadline)
                except InvalidURI as exc:
                    raise InputError(
                        f"not a WebSocket URL: {self.options.url}",
                        hint="use wss://HOST/subscribe, or set [bluesky] jetstream_url",
                    ) from exc
                except (WebSocketException, OSError, TimeoutError) as exc:
                    # a connection that brought frames was a success: only the failures since
                    # the last frame count towards max_failures
                    failures = 1 if self.stats.frames > frames else failures + 1
                    delay = self._after_disconnect(exc, failures, deadline)
                    if delay is None:
                        break
                    await self._on_network(asyncio.sleep(delay))
        finally:
            self.flush()
        return self._ended()

    async def _session(self, deadline: float | None) -> None:
        """One connection, resuming at the cursor: frames are handled and flushed every
        ``flush_seconds`` until the run is finished. A lost connection raises."""
        from websockets.asyncio.client import connect

        url = subscribe_url(self.options.url, self.cursor)
        self._status(f"connecting to {self.options.url}")
        opening = connect(
            url,
            open_timeout=self._open_timeout(deadline),
            ping_interval=20,
            ping_timeout=20,
            close_timeout=1,
            max_size=2**22,
        )
        async with await self._on_network(opening) as ws:
            self.stats.connects += 1
            self._resumed_from = self.cursor or None  # 0 and None: the live tail, no gap
            self._status("connected")
            while not self._finished(deadline):
                try:
                    frame = await self._on_network(
                        asyncio.wait_for(ws.recv(), self._wait(deadline))
                    )
                except TimeoutError:
                    self.flush()
                    self._status("listening")
                    continue
                self._silence = 0.0
                self.handle_frame(frame)
                if self._clock() - self._last_flush >= self.options.flush_seconds:
                    self.flush()
                    self._status("listening")

    async def _on_network(self, waiting: Awaitable[T]) -> T:
        """Await the network; the time it takes is silence of the stream until a frame comes
        (the listener's own work in between is not)."""
        started = self._clock()
        try:
            return await waiting
        finally:
            self._silence += self._clock() - started

    def _wait(self, deadline: float | None) -> float:
        """How long to wait for the next frame: until a flush is due, the run's time is up or
        the stream has been idle too long, whichever comes first."""
        now = self._clock()
        wait = self.options.flush_seconds - (now - self._last_flush)
        if deadline is not None:
            wait = min(wait, deadline - now)
        if self.options.idle_timeout is not None:
            wait = min(wait, self.options.idle_timeout - self._silence)
        return max(wait, 0.001)

    def _after_disconnect(
        self, exc: Exception, failures: int, deadline: float | None
    ) -> float | None:
        """Note a connection failed or lost, the ``failures``-th in a row: the seconds to wait
        before the next attempt, or None when the run's time is up. Raises
        :class:`FetchError` at ``max_failures``."""
        self.flush()
        self.stats.disconnects += 1
        self.stats.last_error = f"{type(exc).__name__}: {exc}"[:200]  # for --json
        self._cause = plain_cause(exc)
        opts = self.options
        if (untrusted := untrusted_certificate(exc)) is not None:  # the same on every retry
            raise untrusted_stream_error(opts.url, untrusted) from exc
        if opts.max_failures is not None and failures >= opts.max_failures:
            raise self._network_error(failures) from exc
        if self._finished(deadline):
            return None
        delay = backoff_delay(failures, opts.backoff_initial, opts.backoff_max)
        if deadline is not None:
            delay = min(delay, max(deadline - self._clock(), 0.0))
        self._status(f"connection failed ({self._cause}); trying again in {delay:.1f}s")
        return delay

    def _ended(self) -> ListenStats:
        """The run's stats, once its time is up."""
        if self.stats.connects == 0 and self.stats.disconnects > 0:
            # Every attempt failed until the time was up: nothing was listened to, which a
            # script must not mistake for a quiet stream (exit 0 with no events).
            raise self._network_error(self.stats.disconnects)
        self._status("done")
        return self.stats

    def _network_error(self, failures: int) -> FetchError:
        """Why listening stopped for the network: never reached, or lost for good."""
        if self.stats.connects == 0:
            return unreachable_error(self.options.url, failures, self.stats.elapsed, self._cause)
        return lost_error(self.options.url, failures, self._cause)

    def _open_timeout(self, deadline: float | None) -> float:
        """At most 10 s to open a connection, and never much past the end of ``duration``
        (an unanswered connect would otherwise hold a 5-second listen for 10 seconds)."""
        if deadline is None:
            return OPEN_TIMEOUT
        return min(OPEN_TIMEOUT, max(deadline - self._clock(), 0.5))

    def _finished(self, deadline: float | None) -> bool:
        if deadline is not None and self._clock() >= deadline:
            return True
        idle = self.options.idle_timeout
        if idle is not None and self._silence >= idle:
            return True
        return self.options.max_events is not None and self.stats.frames >= self.options.max_events


def backoff_delay(failures: int, initial: float, cap: float) -> float:
    """Exponential backoff with jitter: ``initial * 2**(failures-1)``, capped, times 0.5-1."""
    base = min(cap, initial * 2.0 ** max(failures - 1, 0))
    return float(base * (0.5 + random.random() / 2))


def _load_handles(store: Store) -> dict[str, str]:
    rows = store.conn.execute("SELECT id, handle FROM accounts WHERE platform = ?", (PLATFORM,))
    return {row[0]: row[1] for row in rows}


def _load_conversations(store: Store) -> set[str]:
    rows = store.conn.execute(
        "SELECT p.id, p.conversation_id FROM listen_relevance r JOIN posts p"
        " ON p.platform = r.platform AND p.id = r.post_id WHERE r.platform = ? AND r.relevant = 1",
        (PLATFORM,),
    )
    known: set[str] = set()
    for row in rows:
        known.add(row[0])
        if row[1]:
            known.add(row[1])
    return known
