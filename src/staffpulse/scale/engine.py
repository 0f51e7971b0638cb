"""``staffpulse score``: run the pure shard scorer locally or on a Dask cluster, write Parquet.

Output layout (identical for both engines)::

    OUT/posts/part-00000.parquet   per-post signals, one file per input shard, in input order
    OUT/accounts.parquet           per-account aggregates and pillar scores
    OUT/problems.jsonl             records that could not be read (file, line, message)
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from staffpulse.errors import InputError, StaffpulseError
from staffpulse.extras import require
from staffpulse.scale.inputs import expand_inputs, read_posts
from staffpulse.scale.scoring import (
    POST_COLUMNS,
    AccountPartial,
    account_rows,
    merge_partials,
    score_posts,
)

ENGINES = ("local", "dask")
ProgressCallback = Callable[[int, int], None]  # shards done, shards total


@dataclass
class ScoreSummary:
    engine: str
    shards: int = 0
    posts: int = 0
    accounts: int = 0
    skipped: int = 0
    output: Path = Path()
    problems: list[dict[str, object]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "shards": self.shards,
            "posts": self.posts,
            "accounts": self.accounts,
            "skipped": self.skipped,
            "output": str(self.output),
        }


ShardOutput = tuple[
    dict[str, list[Any]], dict[tuple[str, str], AccountPartial], list[dict[str, object]]
]


def score_shard(path: str) -> ShardOutput:
    """Read and score one shard. Pure apart from reading the file: safe to run on any worker."""
    posts, problems = read_posts(Path(path))
    result = score_posts(posts)
    return result.columns, result.partials, [p.as_dict() for p in problems]


def _write_posts(columns: dict[str, list[Any]], path: Path) -> None:
    pa = require("pyarrow", extra="dask", feature="Writing Parquet")
    parquet = require("pyarrow.parquet", extra="dask", feature="Writing Parquet")
    table = pa.table({name: columns[name] for name in POST_COLUMNS})
    parquet.write_table(table, path)


def _write_accounts(rows: list[dict[str, Any]], path: Path) -> None:
    pa = require("pyarrow", extra="dask", feature="Writing Parquet")
    parquet = require("pyarrow.parquet", extra="dask", feature="Writing Parquet")
    parquet.write_table(pa.Table.from_pylist(rows), path)


def _run_local(shards: list[Path], on_result: Callable[[int, ShardOutput], None]) -> None:
    for index, shard in enumerate(shards):
        on_result(index, score_shard(str(shard)))


def _run_dask(
    shards: list[Path], scheduler: str | None, on_result: Callable[[int, ShardOutput], None]
) -> None:
    distributed = require("dask.distributed", extra="dask", feature="The Dask engine")
    try:
        if scheduler:
            client = distributed.Client(scheduler, timeout="20s")
            cluster = None
        else:
            cluster = distributed.LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
            )
            client = distributed.Client(cluster)
    except OSError as exc:
        raise StaffpulseError(
            f"cannot reach the Dask scheduler at {scheduler}: {exc}",
            hint="check the address (tcp://HOST:8786) and that the scheduler is running",
        ) from exc
    try:
        futures = client.map(score_shard, [str(s) for s in shards], pure=False)
        index_of = {future.key: i for i, future in enumerate(futures)}
        for future in distributed.as_completed(futures):
            on_result(index_of[future.key], future.result())
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def score_inputs(
    paths: list[Path],
    output: Path,
    engine: str = "local",
    scheduler: str | None = None,
    progress: ProgressCallback | None = None,
) -> ScoreSummary:
    """Score every shard under ``paths`` and write Parquet results into ``output``."""
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}", hint="use --engine local or --engine dask")
    require("pyarrow", extra="dask", feature="Writing Parquet")
    shards = expand_inputs(paths)
    posts_dir = output / "posts"
    posts_dir.mkdir(parents=True, exist_ok=True)
    for stale in posts_dir.glob("part-*.parquet"):
        stale.unlink()
    summary = ScoreSummary(engine=engine, shards=len(shards), output=output)
    partials: list[dict[tuple[str, str], AccountPartial]] = [{} for _ in shards]
    problems: list[list[dict[str, object]]] = [[] for _ in shards]
    done = 0

    def on_result(index: int, result: ShardOutput) -> None:
        nonlocal done
        columns, shard_partials, shard_problems = result
        _write_posts(columns, posts_dir / f"part-{index:05d}.parquet")
        partials[index] = shard_partials
        problems[index] = shard_problems
        summary.posts += len(columns["post_id"])
        done += 1
        if progress:
            progress(done, len(shards))

    if engine == "local":
        _run_local(shards, on_result)
    else:
        _run_dask(shards, scheduler, on_result)
    rows = account_rows(merge_partials(partials))
    _write_accounts(rows, output / "accounts.parquet")
    summary.accounts = len(rows)
    summary.problems = [p for shard in problems for p in shard]
    summary.skipped = len(summary.problems)
    with (output / "problems.jsonl").open("w", encoding="utf-8") as handle:
        for problem in summary.problems:
            handle.write(json.dumps(problem) + "\n")
    return summary
