"""`listen()`: a listen as one recorded run, for any caller (the CLI only renders it)."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from _listen_fakes import FakeScorer
from conftest import ServerThread
from staffpulse.errors import FetchError
from staffpulse.listen.listener import JetstreamListener, ListenOptions, ListenStats
from staffpulse.listen.listening import listen
from staffpulse.listen.relevance import RelevanceFilter
from staffpulse.listen.replay import frames_of, generate_stream
from staffpulse.store import Store, open_store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return open_store(tmp_path / "listen.db")


def _runs(store: Store) -> list[tuple[str, str, dict[str, object], dict[str, object]]]:
    rows = store.conn.execute("SELECT kind, status, params, counts FROM runs ORDER BY id")
    return [(kind, status, json.loads(p), json.loads(c)) for kind, status, p, c in rows]


def test_a_listen_that_runs_its_course_is_recorded_ok_with_its_counters(store: Store) -> None:
    events, _ = generate_stream(80, seed=5)
    relevance = RelevanceFilter(scorer=FakeScorer())
    with ServerThread(frames_of(events)) as server:
        # ends on its last frame, not by idling: a short idle timeout ran out mid-stream on a
        # loaded machine; this one is only a safety net, never waited for when all goes well
        options = ListenOptions(
            url=server.url, max_events=len(events), idle_timeout=30, flush_seconds=0.1
        )
        result = listen(store, relevance, options)
    assert result.failure is None and result.outcome == "ok"
    assert result.stats.frames == len(events) and result.stats.kept > 0
    [(kind, status, params, counts)] = _runs(store)
    assert (kind, status) == ("listen", "ok") and result.run_id is not None
    assert params["url"] == server.url and params["filter"] == relevance.description
    assert counts["frames"] == result.stats.frames and counts["kept"] == result.stats.kept


def test_a_jetstream_never_reached_is_returned_and_recorded_as_an_error(store: Store) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        url = f"ws://127.0.0.1:{sock.getsockname()[1]}/subscribe"
    options = ListenOptions(url=url, duration=0.5, backoff_initial=0.05)
    result = listen(store, RelevanceFilter(scorer=FakeScorer()), options)
    assert isinstance(result.failure, FetchError) and result.failure.exit_code == 75
    assert "could not reach Bluesky's live stream" in result.failure.message
    assert result.outcome == "unreachable" and result.stats.connects == 0
    assert [status for _, status, _, _ in _runs(store)] == ["error"]


def test_a_jetstream_lost_after_it_was_reached_is_a_partial_run(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def reached_then_lost(self: JetstreamListener) -> ListenStats:
        self.stats.connects, self.stats.frames = 1, 12
        raise FetchError("lost Jetstream at ws://x: 10 reconnects in a row failed")

    monkeypatch.setattr(JetstreamListener, "run", reached_then_lost)
    options = ListenOptions(url="ws://x/subscribe")
    result = listen(store, RelevanceFilter(scorer=FakeScorer()), options)
    assert result.outcome == "disconnected" and result.failure is not None
    [(_, status, _, counts)] = _runs(store)
    assert status == "partial" and counts["frames"] == 12


def test_ctrl_c_is_recorded_as_interrupted_and_returned_with_its_counters(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ctrl-C is how a listen without a duration ends: its caller says what it kept
    async def stopped_by_the_user(self: JetstreamListener) -> ListenStats:
        self.stats.frames = 3
        raise KeyboardInterrupt

    monkeypatch.setattr(JetstreamListener, "run", stopped_by_the_user)
    options = ListenOptions(url="ws://x/subscribe")
    result = listen(store, RelevanceFilter(scorer=FakeScorer()), options)
    assert result.interrupted and result.outcome == "interrupted" and result.failure is None
    assert result.stats.frames == 3
    [(_, status, _, counts)] = _runs(store)
    assert status == "interrupted" and counts["frames"] == 3
