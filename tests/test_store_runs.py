"""One run recorder for import, fetch and listen: four statuses, counts read at the end,
and the old listen rows' "failed" read as "error"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from staffpulse.errors import FetchError
from staffpulse.store import Store, open_store
from staffpulse.store.runs import recorded_run


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return open_store(tmp_path / "runs.db")


def _last_run(store: Store) -> tuple[str, str, dict[str, object], dict[str, object]]:
    kind, status, params, counts = store.conn.execute(
        "SELECT kind, status, params, counts FROM runs ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return kind, status, json.loads(params), json.loads(counts)


def test_a_run_that_ends_normally_is_ok_with_the_counts_at_its_end(store: Store) -> None:
    done = {"posts": 0}
    with recorded_run(store, "import", {"paths": ["a.csv"]}, counts=lambda: dict(done)) as rec:
        assert store.conn.execute("SELECT status FROM runs").fetchone()[0] == "running"
        done["posts"] = 7  # counted as the block goes: the row gets the final number
    assert _last_run(store) == ("import", "ok", {"paths": ["a.csv"]}, {"posts": 7})
    assert rec.run.id is not None and rec.run.status == "ok" and rec.run.finished_at


def test_a_run_that_stopped_early_is_partial(store: Store) -> None:
    with recorded_run(store, "fetch", {}, counts=dict) as rec:
        rec.stopped_early = True
    assert _last_run(store)[1] == "partial"


@pytest.mark.parametrize(("kept", "status"), [(False, "error"), (True, "partial")])
def test_a_failure_is_an_error_unless_something_was_kept(
    store: Store, kept: bool, status: str
) -> None:
    with (
        pytest.raises(FetchError),
        recorded_run(store, "listen", {}, counts=dict, kept_something=lambda: kept),
    ):
        raise FetchError("lost Jetstream")
    assert _last_run(store)[1] == status


def test_ctrl_c_is_interrupted_and_goes_on(store: Store) -> None:
    with (
        pytest.raises(KeyboardInterrupt),
        recorded_run(store, "listen", {}, counts=lambda: {"frames": 3}),
    ):
        raise KeyboardInterrupt
    assert _last_run(store)[1:] == ("interrupted", {}, {"frames": 3})


def test_old_failed_rows_read_as_error_after_the_migration(store: Store) -> None:
    store.conn.execute(
        "INSERT INTO runs (kind, status, started_at) VALUES ('listen', 'failed', '2026-01-01')"
    )
    store.conn.execute("DELETE FROM schema_migrations WHERE name = '0009_runs_failed_is_error'")
    assert store.migrate() == ["0009_runs_failed_is_error"]
    assert [row[0] for row in store.conn.execute("SELECT status FROM runs")] == ["error"]
