"""``staffpulse score``: run the pure shard scorer locally or on a Dask cluster, write Parquet.

Output layout (identical for both engines)::

    OUT/posts/part-00000.parquet   per-post signals, one file per input shard, in input order
    OUT/accounts.parquet           per-account aggregates and pillar scores
    OUT/problems.jsonl             files skipped and records that could not be read (file, line,
                                   message); notes that skip nothing are not problems and are
                                   only returned, in ``ScoreSummary.notices``
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from staffpulse.errors import FetchError, InputError, StaffpulseError
from staffpulse.extras import require
from staffpulse.scale.inputs import key_of, plan_shards, read_posts, shard_post_keys
from staffpulse.scale.parquet import write_accounts, write_posts
from staffpulse.scale.references import read_shared_authors, wanted_posts
from staffpulse.scale.scoring import AccountPartial, account_rows, merge_partials, score_posts

ENGINES = ("local", "dask")
SCHEDULER_TIMEOUT = 20.0  # seconds to reach a --scheduler before giving up
ProgressCallback = Callable[[int, int], None]  # shards done, shards total


@dataclass
class ScoreSummary:
    engine: str
    shards: int = 0
    posts: int = 0
    accounts: int = 0
    skipped: int = 0  # malformed records
    files_skipped: int = 0  # files of no known format, in folders
    duplicates: int = 0  # posts met again (in the same file or an earlier one): counted once
    output: Path = Path()
    problems: list[dict[str, object]] = field(default_factory=list)  # something was skipped
    # Told about a file although every record was read (a guessed encoding, say)
    notices: list[dict[str, object]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "shards": self.shards,
            "posts": self.posts,
            "accounts": self.accounts,
            "skipped": self.skipped,
            "files_skipped": self.files_skipped,
            "duplicates": self.duplicates,
            "output": str(self.output),
        }


class ShardOutput(NamedTuple):
    """One scored shard, as it travels back from a worker (plain data: it is pickled)."""

    columns: dict[str, list[Any]]
    partials: dict[tuple[str, str], AccountPartial]
    problems: list[dict[str, object]]
    notices: list[dict[str, object]]
    duplicates: int


def score_shard(path: str, skip: AbstractSet[int] = frozenset()) -> ShardOutput:
    """Read and score one shard, leaving out the posts whose keys are in ``skip`` (scored in
    an earlier shard). Pure apart from reading the file: safe to run on any worker."""
    read = read_posts(Path(path), skip)
    result = score_posts(read.posts)
    return ShardOutput(
        result.columns,
        result.partials,
        [p.as_dict() for p in read.problems],
        [n.as_dict() for n in read.notices],
        read.duplicates,
    )


def _skips(keys_by_shard: list[list[int]]) -> list[frozenset[int]]:
    """For each shard, the keys of its posts that an earlier shard (in input order) holds."""
    seen: set[int] = set()
    skips: list[frozenset[int]] = []
    for keys in keys_by_shard:
        skips.append(frozenset(k for k in keys if k in seen))
        seen.update(keys)
    return skips


OnResult = Callable[[int, ShardOutput], None]
# score_all(shards, on_result(index, result)): every shard scored, results in any order
Runner = Callable[[list[Path], OnResult], None]


def _score_in_order(shards: list[Path], on_result: OnResult) -> None:
    """The local engine: one pass in input order, each shard leaving out what the shards
    before it held."""
    seen: set[int] = set()
    for index, shard in enumerate(shards):
        result = score_shard(str(shard), seen)
        seen.update(map(key_of, result.columns["platform"], result.columns["post_id"]))
        on_result(index, result)


@contextmanager
def _dask_runner(scheduler: str | None, timeout: float) -> Iterator[Runner]:
    """A Dask client (on ``scheduler``, else a local cluster) for the time of the run."""
    distributed = require("dask.distributed", extra="dask", feature="The Dask engine")
    comm = require("distributed.comm.core", extra="dask", feature="The Dask engine")
    cluster = None
    if scheduler:
        client = _connect(distributed, scheduler, timeout)
    else:
        try:
            cluster = distributed.LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
            )
        except OSError as exc:  # not the network: this machine could not start it
            raise StaffpulseError(
                f"cannot start a local Dask cluster: {exc}",
                hint="run with --engine local, or give the --scheduler of a running cluster",
            ) from exc
        client = distributed.Client(cluster)

    def run(
        function: Callable[..., Any],
        arguments: list[tuple[Any, ...]],
        on_result: Callable[[int, Any], None],
    ) -> None:
        if not arguments:
            return
        futures = client.map(function, *zip(*arguments, strict=True), pure=False)
        index_of = {future.key: i for i, future in enumerate(futures)}
        try:
            for future in distributed.as_completed(futures):
                on_result(index_of[future.key], future.result())
                future.release()
        except comm.CommClosedError as exc:  # the scheduler went away
            # Only this one: an OSError of a shard (a path a worker cannot read) is re-raised
            # by result() as it was, and must not be blamed on the network.
            raise FetchError(
                f"lost the Dask scheduler at {scheduler or 'the local cluster'} ({exc})",
                hint="check that the scheduler is still running, then score again",
            ) from exc

    def score_all(shards: list[Path], on_result: OnResult) -> None:
        # Workers run side by side, so a first pass reads the ids: each shard then leaves out
        # what the shards before it (in input order) hold, as the local engine does.
        keys: list[list[int]] = [[] for _ in shards]

        def on_keys(index: int, found: list[int]) -> None:
            keys[index] = found

        if len(shards) > 1:
            run(shard_post_keys, [(str(s),) for s in shards], on_keys)
        arguments = [(str(s), skip) for s, skip in zip(shards, _skips(keys), strict=True)]
        run(score_shard, arguments, on_result)

    try:
        yield score_all
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _connect(distributed: Any, scheduler: str, timeout: float) -> Any:
    """A client of the scheduler at ``scheduler``, or an error naming the address."""
    try:
        return distributed.Client(scheduler, timeout=f"{timeout:g}s")
    except ValueError as exc:  # Dask's word for an address it cannot parse
        raise InputError(
            f"not a Dask scheduler address: {scheduler} ({exc})",
            hint="give --scheduler as tcp://HOST:PORT, e.g. tcp://10.0.0.5:8786",
        ) from exc
    except OSError as exc:  # refused, timed out, unknown host
        raise FetchError(
            f"cannot reach the Dask scheduler at {scheduler} ({exc})",
            hint="check the address (tcp://HOST:8786), that the scheduler is running and "
            "that this machine can reach it; or run with --engine local",
        ) from exc


@contextmanager
def _local_runner() -> Iterator[Runner]:
    yield _score_in_order


def _check_output(output: Path) -> None:
    if output.exists() and not output.is_dir():
        raise InputError(
            f"--output must be a folder; {output} is a file",
            hint="give a folder for the results (it is created when missing), e.g. "
            "--output results/",
        )


def _prepare_output(output: Path) -> Path:
    """The posts folder under ``output``, created, without the parts of an earlier run."""
    _check_output(output)
    posts_dir = output / "posts"
    try:
        posts_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file in the way higher up, no permission, read-only disk
        raise InputError(
            f"cannot create the output folder {output} ({exc.strerror or exc})",
            hint="give a folder you can write to for --output",
        ) from exc
    for stale in posts_dir.glob("part-*.parquet"):
        stale.unlink()
    return posts_dir


def score_inputs(
    paths: list[Path],
    output: Path,
    engine: str = "local",
    scheduler: str | None = None,
    progress: ProgressCallback | None = None,
    scheduler_timeout: float | None = None,
) -> ScoreSummary:
    """Score every shard under ``paths`` and write Parquet results into ``output``.

    Folders are planned like ``staffpulse import``: files of no known format are skipped and
    listed in ``files_skipped`` (and ``problems.jsonl``). Notes on a file whose records were
    all read go to ``notices`` only. Raises :class:`InputError` for bad paths or ``output``,
    :class:`FetchError` when the Dask scheduler cannot be reached.
    """
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}", hint="use --engine local or --engine dask")
    if scheduler and engine != "dask":
        raise InputError(
            f"a Dask scheduler ({scheduler}) was given with the {engine} engine",
            hint="use --engine dask with --scheduler, or leave --scheduler out",
        )
    require("pyarrow", extra="dask", feature="Writing Parquet")
    _check_output(output)  # before any work: a plain mistake, told at once
    shards, unknown = plan_shards(paths)
    summary = ScoreSummary(engine=engine, shards=len(shards), output=output)
    partials: list[dict[tuple[str, str], AccountPartial]] = [{} for _ in shards]
    problems: list[list[dict[str, object]]] = [[] for _ in shards]
    notices: list[list[dict[str, object]]] = [[] for _ in shards]
    done = 0
    timeout = SCHEDULER_TIMEOUT if scheduler_timeout is None else scheduler_timeout
    runner = _local_runner() if engine == "local" else _dask_runner(scheduler, timeout)
    # Connected (or not) before the output folder is touched, so a failure leaves nothing.
    with runner as score_all:
        posts_dir = _prepare_output(output)

        def on_result(index: int, result: ShardOutput) -> None:
            nonlocal done
            write_posts(result.columns, posts_dir / f"part-{index:05d}.parquet")
            partials[index] = result.partials
            problems[index] = result.problems
            notices[index] = result.notices
            summary.posts += len(result.columns["post_id"])
            summary.duplicates += result.duplicates
            done += 1
            if progress:
                progress(done, len(shards))

        score_all(shards, on_result)
    merged = merge_partials(partials)
    # the second step of the reduce: authors of shared posts that were in another shard
    wanted = wanted_posts((platform, part.talk) for (platform, _id), part in merged.items())
    rows = account_rows(merged, shared_authors=read_shared_authors(posts_dir, wanted))
    write_accounts(rows, output / "accounts.parquet")
    summary.accounts = len(rows)
    read_problems = [p for shard in problems for p in shard]
    summary.problems = [p.as_dict() for p in unknown] + read_problems
    summary.notices = [n for shard in notices for n in shard]
    summary.files_skipped = len(unknown)
    # A problem may stand for many records (a file whose header makes every row unreadable).
    summary.skipped = sum(_records(p) for p in read_problems)
    with (output / "problems.jsonl").open("w", encoding="utf-8") as handle:
        for problem in summary.problems:
            handle.write(json.dumps(problem) + "\n")
    return summary


def _records(problem: dict[str, object]) -> int:
    count = problem.get("records", 1)
    return count if isinstance(count, int) else 1
