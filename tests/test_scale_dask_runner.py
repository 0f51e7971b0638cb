"""The Dask engine's own failures (staffpulse.scale.dask_runner): an address that answers like
a web server, or takes the connection and says nothing, is told it is no Dask scheduler within
the timeout; a handshake that fails on this machine is not blamed on the scheduler; and a
local cluster that cannot start is told as such."""

from __future__ import annotations

import asyncio
import json
import re
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

distributed = pytest.importorskip("dask.distributed")
pytest.importorskip("pyarrow.parquet")

from typer.testing import CliRunner  # noqa: E402

from scale_helpers import write_shards  # noqa: E402
from staffpulse.cli import app  # noqa: E402
from staffpulse.errors import ClusterError, FetchError  # noqa: E402
from staffpulse.scale import dask_runner, score_inputs  # noqa: E402
from staffpulse.scale import engine as engine_module  # noqa: E402
from staffpulse.scale.dask_runner import _check_handshake  # noqa: E402


@pytest.fixture
def listening() -> Iterator[str]:
    """An address that takes TCP connections (and never answers)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    yield f"tcp://127.0.0.1:{listener.getsockname()[1]}"
    listener.close()


def _shard(folder: Path) -> Path:
    path = folder / "feed.jsonl"
    post = {
        "type": "post",
        "platform": "x",
        "id": "1",
        "author": "acme",
        "text": "Hiring two travel nurses for the night shift",
        "created_at": "2026-01-05T10:00:00Z",
    }
    path.write_text(json.dumps(post) + "\n")
    return path


def test_a_handshake_run_inside_an_event_loop_is_not_called_another_protocol(
    listening: str,
) -> None:
    # as in Jupyter or a web app: asyncio.run refuses to start, which is this machine's
    # doing, and must not read "does not answer as a Dask scheduler"
    async def inside_a_loop() -> None:
        _check_handshake(distributed, listening, listening, 1)

    with pytest.raises(RuntimeError, match="running event loop"):
        asyncio.run(inside_a_loop())


def test_score_from_a_running_loop_surfaces_the_loop_error_not_a_fetch_error(
    listening: str, tmp_path: Path
) -> None:
    shard = _shard(tmp_path)

    async def inside_a_loop() -> None:
        score_inputs([shard], tmp_path / "out", "dask", scheduler=listening, scheduler_timeout=1)

    with pytest.raises(RuntimeError) as caught:
        asyncio.run(inside_a_loop())
    assert not isinstance(caught.value, FetchError)
    assert "does not answer as a Dask scheduler" not in str(caught.value)
    assert not (tmp_path / "out").exists()


def test_a_local_cluster_that_cannot_start_is_a_cluster_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_ports(*_args: object, **_kwargs: object) -> None:
        raise OSError(98, "Address already in use")

    monkeypatch.setattr(distributed, "LocalCluster", no_ports)
    shard = _shard(tmp_path)
    with pytest.raises(ClusterError, match="cannot start a local Dask cluster") as caught:
        score_inputs([shard], tmp_path / "out", "dask")
    assert "--engine local" in str(caught.value.hint)
    result = CliRunner().invoke(
        app, ["score", str(shard), "--output", str(tmp_path / "o"), "--engine", "dask"]
    )
    assert result.exit_code == 71, result.output
    assert "cannot start a local Dask cluster" in result.stderr
    assert "bug in staffpulse" not in result.stderr


@pytest.fixture
def server(request: pytest.FixtureRequest) -> Iterator[str]:
    """A local TCP service on a free port: "web" answers like a web server, "silent" takes
    the connection and says nothing."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.2)
    stop = threading.Event()
    held: list[socket.socket] = []

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            if request.param == "web":
                conn.settimeout(1)
                try:
                    conn.recv(1024)
                    conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
                except OSError:
                    pass
                conn.close()
            else:
                held.append(conn)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"tcp://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join(2)
    for conn in held:
        conn.close()
    listener.close()


@pytest.mark.parametrize("server", ["web", "silent"], indirect=True)
def test_an_address_that_is_not_a_scheduler_is_told_within_the_timeout(
    server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    # the handshake's waits are recorded, not timed: each is bounded by the timeout given, and
    # a silent server is told it said nothing within it (Dask's own wait is 30 s, or none)
    bounds: list[float] = []

    async def bounded(waiting: Any, timeout: float) -> Any:
        bounds.append(timeout)
        return await asyncio.wait_for(waiting, timeout)

    monkeypatch.setattr(dask_runner, "asyncio", SimpleNamespace(run=asyncio.run, wait_for=bounded))
    shards = write_shards(tmp_path / "in", 1)
    with pytest.raises(FetchError) as caught:
        score_inputs(shards, tmp_path / "out", "dask", scheduler=server, scheduler_timeout=1)
    assert bounds == [1]
    kind = request.node.callspec.params["server"]  # the fixture gives its address
    why = "no answer within 1 s" if kind == "silent" else "it answered in another protocol"
    assert caught.value.message == f"{server} does not answer as a Dask scheduler ({why})"
    assert "8787" in str(caught.value.hint) and "8786" in str(caught.value.hint)
    assert not (tmp_path / "out").exists()  # nothing written
    monkeypatch.setattr(engine_module, "SCHEDULER_TIMEOUT", 1.0)
    result = CliRunner().invoke(
        app, ["score", str(shards[0]), "--output", str(tmp_path / "o"), "--scheduler", server]
    )
    assert result.exit_code == 75, result.output
    assert bounds == [1, 1.0]  # the command's timeout bounds its handshake too
    flat = re.sub(r"\s+", " ", result.stderr)
    assert "does not answer as a Dask scheduler" in flat and "MemoryError" not in flat
    assert "bug in staffpulse" not in flat


def _sigint_on_the_worker(_path: str, _skip: object) -> str:
    """Run on a worker in place of score_shard: how it would take a Ctrl-C."""
    import signal

    return repr(signal.getsignal(signal.SIGINT))


@pytest.mark.slow
def test_local_workers_leave_ctrl_c_to_the_command() -> None:
    # A Ctrl-C reaches every process of the command: each worker of the local cluster printed
    # a KeyboardInterrupt traceback (and its nanny logs of tasks cancelled) around
    # "Interrupted.". The workers now ignore it; the command stops the run and the cluster.
    import signal

    from staffpulse.scale.dask_runner import dask_runner

    before = signal.getsignal(signal.SIGINT)
    found: list[str] = []
    with dask_runner(None, 20.0, _sigint_on_the_worker, lambda keys: [frozenset()]) as score_all:
        assert signal.getsignal(signal.SIGINT) == before  # this process still stops on it
        score_all([Path("shard.jsonl")], lambda _index, result: found.append(result))
    assert found == [repr(signal.SIG_IGN)]
