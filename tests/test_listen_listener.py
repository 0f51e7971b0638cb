"""The connection loop against a local WebSocket server: resuming, backoff, network failures."""

from __future__ import annotations

import asyncio
import json
import re
import socket
import time
from pathlib import Path
from typing import Any

import pytest

from _listen_fakes import FakeScorer
from staffpulse.errors import FetchError
from staffpulse.listen.listen_run import missed_note
from staffpulse.listen.listener import (
    JetstreamListener,
    ListenOptions,
    backoff_delay,
)
from staffpulse.listen.relevance import RelevanceFilter
from staffpulse.listen.replay import ReplayServer, frames_of, generate_stream
from staffpulse.listen.schema import get_cursor
from staffpulse.store import Store, open_store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    import staffpulse.listen  # noqa: F401  (registers the listen migration)

    return open_store(tmp_path / "listen.db")


def test_backoff() -> None:
    delays = [backoff_delay(n, 0.5, 30) for n in range(1, 12)]
    assert all(0.25 <= d <= 30 for d in delays)
    assert max(delays[-3:]) <= 30 and min(delays[-3:]) >= 15


def test_disconnect_midway_resumes_from_cursor_without_duplicates(store: Store) -> None:
    events, truth = generate_stream(600, seed=3)
    frames = frames_of(events)
    frames[100:100] = ["garbage frame", '{"did": 1}']

    async def scenario() -> tuple[ReplayServer, JetstreamListener]:
        async with ReplayServer(frames, drop_after=300) as server:
            # ends on the last frame, not by idling (flaky on a loaded machine): every frame,
            # plus once more the last event before the drop (the resume cursor is inclusive)
            opts = ListenOptions(
                url=server.url, max_events=len(frames) + 1, idle_timeout=30,
                backoff_initial=0.05, flush_seconds=0.2,
            )  # fmt: skip
            listener = JetstreamListener(store, RelevanceFilter(scorer=FakeScorer()), opts)
            await listener.run()
            return server, listener

    server, listener = asyncio.run(scenario())
    stats = listener.stats
    assert stats.connects == 2 and stats.disconnects == 1
    cursors = server.cursors()
    assert cursors[0] is None and cursors[1] is not None
    first_pass = [json.loads(f)["time_us"] for f in frames[:300] if f.startswith('{"did": "')]
    assert cursors[1] == max(first_pass)
    assert stats.malformed == 2
    # Every relevant post of the stream is stored exactly once, and no deleted one is.
    stored = [row[0] for row in store.conn.execute("SELECT id FROM posts")]
    assert len(stored) == len(set(stored))
    wanted = (
        truth.work_questions | truth.work_opinions | truth.job_ads | truth.replies
    ) - truth.deleted
    assert set(stored) == wanted
    relevance_rows = store.conn.execute("SELECT COUNT(*) FROM listen_relevance").fetchone()[0]
    assert relevance_rows == len(wanted)
    assert get_cursor(store, "bluesky:jetstream") == events[-1]["time_us"]
    assert stats.missed_from is None  # the resume began at its cursor: nothing missed


def test_a_resume_from_a_cursor_jetstream_no_longer_keeps_says_what_was_missed(
    store: Store,
) -> None:
    # Jetstream keeps about a day: from an older cursor it starts at its oldest event, and
    # what came between is gone; the run must say so, not resume as if nothing was missed
    events, _ = generate_stream(60, seed=13)
    frames = frames_of(events)
    week_ago = events[0]["time_us"] - 7 * 24 * 3600 * 1_000_000

    async def scenario() -> JetstreamListener:
        async with ReplayServer(frames) as server:
            opts = ListenOptions(
                url=server.url, cursor=week_ago, max_events=len(frames), idle_timeout=30
            )
            listener = JetstreamListener(store, RelevanceFilter(scorer=FakeScorer()), opts)
            await listener.run()
            return listener

    stats = asyncio.run(scenario()).stats
    assert (stats.missed_from, stats.missed_until) == (week_ago, events[0]["time_us"])
    note = missed_note(stats)
    assert note is not None and "were no longer in Jetstream" in note
    assert stats.as_dict()["missed_from"] == week_ago  # --json and the run's counters too


class _Clock:
    """The listener's clock: the machine's, plus the leaps a test makes (a save that takes a
    minute, a stream silent for good) without sleeping. Once ``silent_after`` (a ``time_us``)
    is saved as the cursor, every reading leaps ``silent_leap`` s: the stream has nothing more
    to say (a run still going after 200 such readings did not count the leaps: it fails
    rather than wait on the machine's time); once a test sets ``step``, every reading leaps
    that much: the run's time passes at once."""

    def __init__(self, silent_after: int | None = None, silent_leap: float = 10.0) -> None:
        self.leapt = 0.0
        self.step = 0.0
        self.silent_after = silent_after
        self.silent_leap = silent_leap
        self.silent_readings = 0
        self.listener: JetstreamListener | None = None

    def __call__(self) -> float:
        cursor = None if self.listener is None else self.listener.stats.cursor
        if self.silent_after is not None and cursor == self.silent_after:
            self.silent_readings += 1
            assert self.silent_readings <= 200, "the silence on the listener's clock was ignored"
            self.leapt += self.silent_leap
        self.leapt += self.step
        return time.monotonic() + self.leapt


def test_a_slow_save_is_not_taken_for_a_silent_stream(store: Store) -> None:
    # On a busy machine saving a batch can outlast the idle timeout of a replay: idle means no
    # event received for that long, so every batch is saved and the run reconnects after the
    # drop, however long the saves take (here a minute each, on the listener's clock).
    frames = frames_of(generate_stream(200, seed=5)[0])
    clock = _Clock()

    class SlowSaves(JetstreamListener):
        def flush(self) -> None:
            busy = bool(self._pending)
            super().flush()
            if busy:
                clock.leapt += 60.0

    async def scenario() -> JetstreamListener:
        async with ReplayServer(frames, drop_after=100) as server:
            # batches of 25 are saved while frames arrive, not only when the stream pauses
            opts = ListenOptions(
                url=server.url, idle_timeout=30, batch_size=25, backoff_initial=0.05,
                max_events=len(frames) + 1,
            )  # fmt: skip
            listener = SlowSaves(store, RelevanceFilter(scorer=FakeScorer()), opts, clock=clock)
            await listener.run()
            return listener

    stats = asyncio.run(scenario()).stats
    assert stats.connects == 2 and stats.disconnects == 1
    assert stats.frames == len(frames) + 1


def test_a_stream_gone_silent_ends_at_the_idle_timeout(store: Store) -> None:
    events, _ = generate_stream(150, seed=9)

    async def scenario() -> JetstreamListener:
        async with ReplayServer(frames_of(events)) as server:  # keeps the connection open
            # an hour of silence, which only the clock's leaps make within the test
            clock = _Clock(silent_after=events[-1]["time_us"], silent_leap=1000.0)
            opts = ListenOptions(url=server.url, idle_timeout=3600, flush_seconds=0.05)
            listener = JetstreamListener(
                store, RelevanceFilter(scorer=FakeScorer()), opts, clock=clock
            )
            clock.listener = listener
            await listener.run()
            return listener

    stats = asyncio.run(scenario()).stats  # the hour of silence passed on the clock only
    assert stats.frames == len(events) and stats.connects == 1 and stats.disconnects == 0
    assert get_cursor(store, "bluesky:jetstream") == events[-1]["time_us"]


def test_next_run_resumes_from_saved_cursor(store: Store) -> None:
    events, _ = generate_stream(200, seed=5)
    frames = frames_of(events)

    async def scenario(frames: list[str], expected: int) -> ReplayServer:
        async with ReplayServer(frames) as server:
            # ends on the last frame expected, not by idling (flaky on a loaded machine)
            opts = ListenOptions(
                url=server.url, max_events=expected, idle_timeout=30, flush_seconds=0.1
            )
            await JetstreamListener(store, RelevanceFilter(scorer=FakeScorer()), opts).run()
            return server

    asyncio.run(scenario(frames[:120], 120))
    saved = get_cursor(store, "bluesky:jetstream")
    server = asyncio.run(scenario(frames, len(frames) - 119))  # from the saved one, inclusive
    assert server.cursors() == [saved]
    assert get_cursor(store, "bluesky:jetstream") == events[-1]["time_us"]


def test_unreachable_server_backs_off_then_gives_up(store: Store) -> None:
    listener = JetstreamListener(
        store,
        RelevanceFilter(scorer=FakeScorer()),
        ListenOptions(url="ws://127.0.0.1:9/subscribe", backoff_initial=0.01, max_failures=3),
    )
    with pytest.raises(
        FetchError, match=re.escape("could not reach Bluesky's live stream at ws://127.0.0.1:9/")
    ):
        asyncio.run(listener.run())
    assert listener.stats.disconnects == 3


def _closed_port() -> int:
    """A local port nothing listens on: connecting is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_never_reached_stream_is_a_fetch_error_when_the_time_is_up(store: Store) -> None:
    url = f"ws://127.0.0.1:{_closed_port()}/subscribe"
    listener = JetstreamListener(
        store,
        RelevanceFilter(scorer=FakeScorer()),
        ListenOptions(url=url, duration=0.6, backoff_initial=0.05),
    )
    with pytest.raises(FetchError, match="could not reach Bluesky's live stream") as caught:
        asyncio.run(listener.run())
    # stops at --duration, not after 10 failures: its backoff (0.025 s at least, doubling)
    # leaves room for about 6 tries in 0.6 s, however fast or slow the machine
    assert listener.stats.disconnects < 10
    # in plain words: "ConnectionRefusedError: [Errno 111] ..." is for the --json counts
    assert url in caught.value.message and "(the server refused the connection)" in str(
        caught.value
    )
    assert "Errno" not in str(caught.value) and "Error:" not in caught.value.message
    assert "ConnectionRefusedError" in (listener.stats.last_error or "")
    assert caught.value.hint is not None and "jetstream_url" in caught.value.hint
    assert caught.value.exit_code == 75
    assert listener.stats.connects == 0 and 1 <= listener.stats.disconnects < 10
    assert get_cursor(store, "bluesky:jetstream") is None


async def _listen_until_the_server_goes(
    store: Store, frames: list[str], clock: _Clock | None = None, **options: Any
) -> JetstreamListener:
    """Listen, receive every frame, then shut the server down for good; from then on, the
    ``clock`` (if any) runs fast: 1 s a reading."""
    async with ReplayServer(frames) as server:
        opts = ListenOptions(url=server.url, backoff_initial=0.05, flush_seconds=0.1, **options)
        relevance = RelevanceFilter(scorer=FakeScorer())
        listener = JetstreamListener(store, relevance, opts, clock=clock or time.monotonic)
        task = asyncio.create_task(listener.run())
        while listener.stats.frames < len(frames) and not task.done():
            await asyncio.sleep(0.02)
    if clock is not None:
        clock.step = 1.0
    try:
        await task
    finally:
        assert listener.stats.connects == 1 and listener.stats.frames == len(frames)
    return listener


def test_connected_then_lost_until_the_time_is_up_returns_what_it_saved(store: Store) -> None:
    events, _ = generate_stream(120, seed=7)
    # 30 s on the listener's clock, which runs fast only once the server is gone: every frame
    # is received however slow the machine (a 1.5 s duration could run out before), and the
    # reconnects fail until the time is up without waiting for it
    frames = frames_of(events)
    listener = asyncio.run(_listen_until_the_server_goes(store, frames, _Clock(), duration=30))
    assert listener.stats.disconnects >= 2 and listener.stats.kept > 0
    assert get_cursor(store, "bluesky:jetstream") == events[-1]["time_us"]


def test_connected_then_lost_for_good_is_a_fetch_error_after_saving(store: Store) -> None:
    events, _ = generate_stream(120, seed=7)
    with pytest.raises(FetchError, match="lost Bluesky's live stream") as caught:
        asyncio.run(
            _listen_until_the_server_goes(store, frames_of(events), duration=30, max_failures=3)
        )
    assert caught.value.hint is not None and "saved" in caught.value.hint
    assert get_cursor(store, "bluesky:jetstream") == events[-1]["time_us"]
    assert store.conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0] > 0


class _DropsEveryConnection(ReplayServer):
    """A flaky Jetstream: every connection is cut after ``drop_after`` frames."""

    async def _handle(self, ws: Any) -> None:
        self.requests.append(ws.request.path)
        cursor, sent = self.cursors()[-1], 0
        for frame in self.frames:
            if cursor is None or json.loads(frame)["time_us"] >= cursor:
                await ws.send(frame)
                sent += 1
                if sent >= (self.drop_after or len(self.frames)):
                    await asyncio.sleep(0.05)
                    ws.transport.abort()
                    return
        await ws.wait_closed()


def test_drops_after_frames_never_add_up_to_max_failures(store: Store) -> None:
    # max_failures counts failures in a row: a connection that brought frames before it was
    # lost is a success, so a flaky but working stream is listened to the end
    events, _ = generate_stream(300, seed=11)

    async def scenario() -> JetstreamListener:
        async with _DropsEveryConnection(frames_of(events), drop_after=60) as server:
            # the run ends once the last event is saved and the stream falls silent on the
            # listener's clock: never cut short by a slow reconnect on a loaded machine
            clock = _Clock(silent_after=events[-1]["time_us"])
            opts = ListenOptions(
                url=server.url, idle_timeout=25, backoff_initial=0.01, max_failures=2,
                flush_seconds=0.05,
            )  # fmt: skip
            listener = JetstreamListener(
                store, RelevanceFilter(scorer=FakeScorer()), opts, clock=clock
            )
            clock.listener = listener
            await listener.run()
            return listener

    stats = asyncio.run(scenario()).stats
    assert stats.disconnects >= 4 and stats.connects == stats.disconnects + 1
    assert get_cursor(store, "bluesky:jetstream") == events[-1]["time_us"]


def test_a_certificate_not_trusted_stops_at_once_saying_what_to_do(
    store: Store, tmp_path: Path
) -> None:
    # a proxy that inspects HTTPS: every reconnect would fail the same way, for minutes
    from tls_helpers import self_signed

    async def listen() -> JetstreamListener:
        server = await asyncio.start_server(
            lambda reader, writer: writer.close(), "127.0.0.1", 0, ssl=self_signed(tmp_path)
        )
        port = server.sockets[0].getsockname()[1]
        options = ListenOptions(url=f"wss://127.0.0.1:{port}/subscribe", backoff_initial=0.01)
        listener = JetstreamListener(store, RelevanceFilter(scorer=FakeScorer()), options)
        async with server:
            await listener.run()
        return listener

    with pytest.raises(FetchError) as caught:
        asyncio.run(listen())
    assert re.search(
        r"its certificate is not trusted \(self.signed certificate\)$", caught.value.message
    )
    assert "SSL_CERT_FILE" in str(caught.value.hint) and caught.value.exit_code == 75
