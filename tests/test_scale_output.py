"""The ``--output`` folder of ``staffpulse score`` (staffpulse.scale.output) is swapped all or
nothing: a run that fails or is stopped with Ctrl-C before or during the swap, or a disk that
fails midway, leaves the results of the run before whole (told so at the command line), no
staging folder is left, and a run that fails into a new folder leaves no folder behind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pq = pytest.importorskip("pyarrow.parquet")

from typer.testing import CliRunner  # noqa: E402

from scale_helpers import write_shards  # noqa: E402
from staffpulse.cli import app  # noqa: E402
from staffpulse.errors import OutputError  # noqa: E402
from staffpulse.scale import engine as engine_module  # noqa: E402
from staffpulse.scale import score_inputs  # noqa: E402
from staffpulse.scale.scoring import score_posts  # noqa: E402

MOVES = 6  # three old names aside (posts/, two tables), three new ones in


def _shards(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for shard in range(count):
        path = folder / f"s{shard}.jsonl"
        lines = [
            json.dumps(
                {
                    "type": "post",
                    "platform": "x",
                    "id": str(shard * 10 + n),
                    "author": "acme",
                    "text": f"We placed {n} nurses this week and the night shift is covered",
                    "created_at": f"2026-01-{1 + n:02d}T10:00:00Z",
                }
            )
            for n in range(5)
        ]
        path.write_text("\n".join(lines) + "\n")
        paths.append(path)
    return paths


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(f.relative_to(folder)): f.read_bytes() for f in sorted(folder.rglob("*")) if f.is_file()
    }


@pytest.fixture
def earlier(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """An --output folder holding a first run of three shards, and a note of the user's."""
    out = tmp_path / "out"
    score_inputs(_shards(tmp_path / "one", 3), out)
    (out / "posts" / "README.txt").write_text("my note on the parts\n")
    return out, _snapshot(out)


def _fail_replace_at(
    monkeypatch: pytest.MonkeyPatch, failing: int, error: BaseException
) -> list[int]:
    real = Path.replace
    calls: list[int] = []

    def replace(self: Path, target: str | Path) -> Path:
        calls.append(1)
        if len(calls) == failing:
            raise error
        return real(self, target)

    monkeypatch.setattr(Path, "replace", replace)
    return calls


@pytest.mark.parametrize("failing", range(1, MOVES + 2))
def test_a_disk_failure_midway_through_the_swap_leaves_the_earlier_results_whole(
    failing: int,
    earlier: tuple[Path, dict[str, bytes]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out, before = earlier
    second = _shards(tmp_path / "two", 2)
    _fail_replace_at(monkeypatch, failing, OSError(28, "No space left on device"))
    with pytest.raises(OutputError) as caught:
        score_inputs(second, out)
    assert "No space left on device" in caught.value.message
    assert "the results of the run before are unchanged" in caught.value.message
    assert _snapshot(out) == before  # all three parts, both tables, the user's note
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []  # no stage left


def test_ctrl_c_during_the_swap_puts_everything_back(
    earlier: tuple[Path, dict[str, bytes]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, before = earlier
    _fail_replace_at(monkeypatch, 5, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        score_inputs(_shards(tmp_path / "two", 2), out)
    assert _snapshot(out) == before


def test_a_swap_that_cannot_be_undone_says_where_the_earlier_results_are(
    earlier: tuple[Path, dict[str, bytes]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, before = earlier
    real = Path.replace
    calls: list[int] = []

    def replace(self: Path, target: str | Path) -> Path:
        calls.append(1)
        if len(calls) >= 4:  # the new posts cannot come in, nor the old ones go back
            raise OSError(5, "Input/output error")
        return real(self, target)

    monkeypatch.setattr(Path, "replace", replace)
    with pytest.raises(OutputError) as caught:
        score_inputs(_shards(tmp_path / "two", 2), out)
    monkeypatch.setattr(Path, "replace", real)
    hint = str(caught.value.hint)
    assert "nor put back" in caught.value.message
    kept = Path(hint.split("are in ")[1].split(":")[0])
    assert kept.parent.parent == out and _snapshot(kept) == before


def test_the_cli_reports_a_failed_swap_as_an_output_error(
    earlier: tuple[Path, dict[str, bytes]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, before = earlier
    second = _shards(tmp_path / "two", 2)
    _fail_replace_at(monkeypatch, 4, PermissionError(13, "Permission denied"))
    result = CliRunner().invoke(app, ["score", *map(str, second), "--output", str(out)])
    assert result.exit_code == 73, result.output
    assert "cannot write the results into" in result.stderr and "Traceback" not in result.output
    assert _snapshot(out) == before


def test_a_swap_that_succeeds_replaces_the_parts_and_keeps_the_users_files(
    earlier: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    out, _ = earlier
    assert score_inputs(_shards(tmp_path / "two", 2), out).posts == 10
    assert sorted(p.name for p in (out / "posts").iterdir()) == [
        "README.txt",
        "part-00000.parquet",
        "part-00001.parquet",
    ]
    assert (out / "posts" / "README.txt").read_text() == "my note on the parts\n"
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


def test_a_failed_run_leaves_the_earlier_results_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    first = score_inputs(write_shards(tmp_path / "one", 3), out)
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
    second = write_shards(tmp_path / "two", 2)
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


def test_a_run_that_scores_nothing_leaves_the_earlier_results_whole(
    tmp_path: Path, earlier: tuple[Path, dict[str, bytes]]
) -> None:
    # A CSV header without rows, scored into the folder of a good run: exit 1, "Nothing was
    # scored", yet its empty tables had replaced the 164 posts of the run before.
    out, before = earlier
    header = tmp_path / "header.csv"
    header.write_text("id,author,text\n", encoding="utf-8")

    summary = score_inputs([header], out)
    assert (summary.posts, summary.written) == (0, False)
    assert _snapshot(out) == before

    told = CliRunner().invoke(app, ["score", str(header), "--output", str(out)])
    assert told.exit_code == 1 and _snapshot(out) == before
    said = " ".join(told.output.split())
    assert f"Nothing was written to {out}; results of a run before stay." in said
    assert "Per-post signals" not in said
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []  # no stage left
    CliRunner().invoke(app, ["score", str(header), "--output", str(tmp_path / "fresh")])
    assert not (tmp_path / "fresh").exists()  # a folder made for nothing is removed


def test_the_output_folder_is_named_whole_on_one_line_however_long_its_path(
    tmp_path: Path,
) -> None:
    # Rich wrapped the summary at 80 columns, breaking the folder's path at a space in a name
    # or in the middle of one: copied from the terminal, it named no folder
    header = tmp_path / "header.csv"
    header.write_text("id,author,text\n", encoding="utf-8")
    out = tmp_path / "Scores for Q3 2026" / ("weekly_signal_scores_" * 3)
    told = CliRunner().invoke(app, ["score", str(header), "--output", str(out)])
    assert told.exit_code == 1, told.output
    assert len(f"Nothing was written to {out};") > 80
    assert f"Nothing was written to {out}; results of a run before stay." in told.output
