"""A run of ``staffpulse score`` as a user meets it: the output folder when a run fails, a
--scheduler that is not one, progress on a big shard, a file that holds no posts."""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed")
pq = pytest.importorskip("pyarrow.parquet")

from typer.testing import CliRunner  # noqa: E402

from staffpulse.cli import app  # noqa: E402
from staffpulse.errors import FetchError  # noqa: E402
from staffpulse.scale import engine as engine_module  # noqa: E402
from staffpulse.scale import score_inputs  # noqa: E402
from staffpulse.scale.inputs import read_posts  # noqa: E402
from staffpulse.scale.scoring import score_posts  # noqa: E402


def _post(pid: str, author: str = "acme", text: str = "", **extra: object) -> str:
    record = {
        "type": "post",
        "platform": "x",
        "id": pid,
        "author": author,
        "text": text or f"Our team read {pid} books this year and loved the one on hiring",
        "created_at": f"2026-01-{1 + int(pid) % 28:02d}T10:00:00Z",
    }
    return json.dumps(record | extra)


def _shards(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for shard in range(count):
        path = folder / f"s{shard}.jsonl"
        path.write_text("\n".join(_post(str(shard * 10 + n)) for n in range(10)) + "\n")
        paths.append(path)
    return paths


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(f.relative_to(folder)): f.read_bytes() for f in sorted(folder.rglob("*")) if f.is_file()
    }


# --- a run that fails midway ------------------------------------------------------------


def test_a_failed_run_leaves_the_earlier_results_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    first = score_inputs(_shards(tmp_path / "one", 3), out)
    (out / "my_notes.txt").write_text("mine\n")  # not staffpulse's: never touched
    before = _snapshot(out)
    assert first.posts == 30 and len(list((out / "posts").glob("part-*"))) == 3
    real = score_posts
    calls = []

    def crash_on_the_second(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("worker died")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine_module, "score_posts", crash_on_the_second)
    second = _shards(tmp_path / "two", 2)
    with pytest.raises(RuntimeError, match="worker died"):
        score_inputs(second, out)
    # the three parts and the accounts of the first run, side by side as they were written
    assert _snapshot(out) == before
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []  # no staging left
    calls.clear()
    result = CliRunner().invoke(app, ["score", *map(str, second), "--output", str(out)])
    assert result.exit_code == 70 and "worker died" in result.stderr
    assert _snapshot(out) == before
    # Ctrl-C midway: the same, and told so
    monkeypatch.setattr(engine_module, "score_posts", _interrupted)
    stopped = CliRunner().invoke(app, ["score", *map(str, second), "--output", str(out)])
    assert stopped.exit_code == 130 and "Any output file you had is unchanged" in stopped.stderr
    assert _snapshot(out) == before
    monkeypatch.setattr(engine_module, "score_posts", crash_on_the_second)
    # a run that fails into a new folder leaves no folder behind
    calls.clear()
    with pytest.raises(RuntimeError):
        score_inputs(second, tmp_path / "fresh")
    assert not (tmp_path / "fresh").exists()
    # and a run that succeeds replaces the results, part files included
    monkeypatch.setattr(engine_module, "score_posts", real)
    assert score_inputs(second, out).posts == 20
    assert sorted(p.name for p in (out / "posts").iterdir()) == [
        "part-00000.parquet",
        "part-00001.parquet",
    ]
    assert sum(a["posts"] for a in pq.read_table(out / "accounts.parquet").to_pylist()) == 20
    assert (out / "my_notes.txt").read_text() == "mine\n"


def _interrupted(*_args: object, **_kwargs: object) -> None:
    raise KeyboardInterrupt


# --- a --scheduler that is not a Dask scheduler ------------------------------------------


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
    server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shards = _shards(tmp_path / "in", 1)
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        score_inputs(shards, tmp_path / "out", "dask", scheduler=server, scheduler_timeout=1)
    assert time.monotonic() - started < 15
    assert f"{server} does not answer as a Dask scheduler" in caught.value.message
    assert "8787" in str(caught.value.hint) and "8786" in str(caught.value.hint)
    assert not (tmp_path / "out").exists()  # nothing written
    monkeypatch.setattr(engine_module, "SCHEDULER_TIMEOUT", 1.0)
    result = CliRunner().invoke(
        app, ["score", str(shards[0]), "--output", str(tmp_path / "o"), "--scheduler", server]
    )
    assert result.exit_code == 75, result.output
    flat = re.sub(r"\s+", " ", result.stderr)
    assert "does not answer as a Dask scheduler" in flat and "MemoryError" not in flat
    assert "bug in staffpulse" not in flat


# --- progress --------------------------------------------------------------------------


def test_a_shard_is_scored_in_batches_with_the_same_result(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [_post(str(n), author=("acme", "rosa")[n % 2]) for n in range(7)]
    lines.append(_post("7", author="rosa", kind="quote", quoted_id="0", text="so true"))
    path.write_text("\n".join(lines) + "\n")
    posts = read_posts(path).posts
    heard: list[int] = []
    batched = score_posts(posts, heard.append, batch=3)
    whole = score_posts(posts)
    assert heard == [0, 3, 6, 8]
    assert batched.columns == whole.columns
    assert {k: p.talk.engaged for k, p in batched.partials.items()} == {
        k: p.talk.engaged for k, p in whole.partials.items()
    }
    steps: list[tuple[str, str, int, int | None]] = []
    shards: list[tuple[int, int]] = []
    score_inputs(
        [path],
        tmp_path / "out",
        progress=lambda done, total: shards.append((done, total)),
        on_posts=lambda *step: steps.append(step),
    )
    assert shards == [(0, 1), (1, 1)]
    assert steps[-1] == ("score", "feed.jsonl", 8, 8)
    assert ("read", "feed.jsonl", 8, None) in steps


# --- a file that holds no posts -----------------------------------------------------------


def test_a_csv_header_without_rows_is_named_as_the_cause(tmp_path: Path) -> None:
    header = tmp_path / "posts.csv"
    header.write_text("id,author,text\n")
    summary = score_inputs([header], tmp_path / "out")
    assert summary.posts == 0 and summary.empty_files == [str(header)]
    result = CliRunner().invoke(app, ["score", str(header), "--output", str(tmp_path / "o")])
    assert result.exit_code == 1
    flat = re.sub(r"\s+", " ", result.stderr)
    assert "posts.csv holds no posts (a CSV header without rows" in flat
    as_json = CliRunner().invoke(
        app, ["score", str(header), "--output", str(tmp_path / "o"), "--json"]
    )
    assert json.loads(as_json.stdout)["empty_files"] == [str(header)]
