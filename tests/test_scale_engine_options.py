"""``staffpulse score``'s scheduler and date order (staffpulse.scale.engine): an unreachable
Dask scheduler is told with its address, ``--scheduler`` with the local engine is refused,
and ``--date-order`` reads a CSV of day-first dates, on the Dask workers too."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed")
pytest.importorskip("pyarrow.parquet")

from typer.testing import CliRunner

from scale_engine_helpers import read_scored, write_feed_shards
from staffpulse.cli import app
from staffpulse.errors import FetchError, InputError
from staffpulse.scale import engine as engine_module
from staffpulse.scale import score_inputs


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_unreachable_scheduler_is_a_fetch_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shards = write_feed_shards(tmp_path / "in")
    address = f"tcp://127.0.0.1:{_closed_port()}"
    with pytest.raises(
        FetchError, match=re.escape(f"cannot reach the Dask scheduler at {address}")
    ):
        score_inputs(shards, tmp_path / "out", "dask", scheduler=address, scheduler_timeout=1)
    assert not (tmp_path / "out").exists()  # nothing written when nothing could run
    monkeypatch.setattr(engine_module, "SCHEDULER_TIMEOUT", 1.0)
    # --scheduler alone implies the Dask engine
    args = ["score", str(shards[0]), "--output", str(tmp_path / "out"), "--scheduler"]
    result = CliRunner().invoke(app, [*args, address])
    assert result.exit_code == 75, result.output
    assert address in result.stderr and "Traceback" not in result.output
    bad = CliRunner().invoke(app, [*args, "not-an-address"])
    assert bad.exit_code == 65 and "not a Dask scheduler address" in bad.stderr


def test_scheduler_with_the_local_engine_is_an_input_error(tmp_path: Path) -> None:
    shards = write_feed_shards(tmp_path / "in")
    with pytest.raises(InputError, match="with the local engine"):
        score_inputs(shards, tmp_path / "out", "local", scheduler="tcp://127.0.0.1:8786")


def _day_first_csvs(folder: Path) -> list[Path]:
    """Two CSV shards whose dates have the year last and no day above 12."""
    folder.mkdir()
    header = "id,author,text,created_at\n"
    first = folder / "a.csv"
    first.write_text(header + "007,acme,Coffee with the team this morning,03/04/2026 10:00\n")
    second = folder / "b.csv"
    second.write_text(header + "8,acme,Our new office plant is thriving,05/04/2026 11:00\n")
    return [first, second]


def test_date_order_reads_a_csv_of_day_first_dates(tmp_path: Path) -> None:
    # Told to give --date-order, the analyst found score had no such option: a CSV whose
    # dates do not show their order could not be scored at all.
    shards = _day_first_csvs(tmp_path / "in")
    unread = score_inputs(shards, tmp_path / "unread")
    assert unread.posts == 0 and "--date-order dmy" in str(unread.problems[0]["message"])

    result = CliRunner().invoke(
        app, ["score", *map(str, shards), "-o", str(tmp_path / "o"), "--date-order", "dmy"]
    )
    assert result.exit_code == 0, result.output
    posts, _accounts = read_scored(tmp_path / "o")
    assert {p["post_id"]: p["created_at"].isoformat() for p in posts} == {
        "007": "2026-04-03T10:00:00+00:00",
        "8": "2026-04-05T11:00:00+00:00",
    }
    wrong = CliRunner().invoke(
        app, ["score", str(shards[0]), "-o", str(tmp_path / "x"), "--date-order", "ymd"]
    )
    assert wrong.exit_code == 65 and "--date-order 'ymd'" in wrong.output


@pytest.mark.slow
def test_date_order_reaches_the_dask_workers(tmp_path: Path) -> None:
    shards = _day_first_csvs(tmp_path / "in")
    summary = score_inputs(shards, tmp_path / "o", engine="dask", date_order="mdy")
    assert (summary.posts, summary.skipped) == (2, 0)
    posts, _accounts = read_scored(tmp_path / "o")
    assert sorted(p["created_at"].isoformat()[:10] for p in posts) == [
        "2026-03-04",
        "2026-05-04",
    ]
