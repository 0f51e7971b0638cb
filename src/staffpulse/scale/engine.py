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
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

from staffpulse.authors import is_anonymized
from staffpulse.errors import InputError
from staffpulse.extras import require
from staffpulse.next_steps import SEE_FORMATS
from staffpulse.scale.dask_runner import Runner, dask_runner
from staffpulse.scale.inputs import ShardPosts, key_of, plan_shards, read_posts, shard_post_keys
from staffpulse.scale.output import PROBLEMS_FILE, check_output, staged_output
from staffpulse.scale.parquet import write_accounts, write_posts
from staffpulse.scale.references import read_shared_authors, wanted_posts
from staffpulse.scale.scoring import (
    AccountPartial,
    ShardResult,
    account_rows,
    merge_partials,
    score_posts,
)
from staffpulse.sources.base import Problem, UnreadFile
from staffpulse.sources.csv_dates import DateOrder
from staffpulse.sources.folders import left_out

ENGINES = ("local", "dask")
SCHEDULER_TIMEOUT = 20.0  # seconds to reach a --scheduler before giving up
ProgressCallback = Callable[[int, int], None]  # shards done, shards total
# the local engine's steps in a shard: ("read" or "score", file name, posts done, of how many
# when known); Dask workers run elsewhere and are only heard of shard by shard: ("ids", "",
# shards whose post ids are read, of how many), their first pass, then the shards scored
PostsCallback = Callable[[str, str, int, int | None], None]


@dataclass
class ScoreSummary:
    engine: str
    shards: int = 0
    posts: int = 0
    accounts: int = 0
    skipped: int = 0  # malformed records
    files_skipped: int = 0  # files of no known format, in folders
    # of ``skipped``: files the system would not let us read, or a link's file gone
    files_unread: int = 0
    duplicates: int = 0  # posts met again (in the same file or an earlier one): counted once
    # posts kept in posts/ without an author (an X API v2 response requested without
    # author_id): in no account's row, so the accounts' posts add up to posts minus these
    without_author: int = 0
    # posts by the people an anonymized dataset names by a number (TWCS customers, twcs:N):
    # kept in posts/, in no account's row, as the import stores them without an account
    anonymized_posts: int = 0
    # files read whole that held no post (a CSV header without rows, an empty search)
    empty_files: list[str] = field(default_factory=list)
    output: Path = Path()
    problems: list[dict[str, object]] = field(default_factory=list)  # something was skipped
    # Told about a file although every record was read (a guessed encoding, say)
    notices: list[dict[str, object]] = field(default_factory=list)
    # files an X archive's manifest lists that it lacks: lost, not records skipped
    missing_files: list[dict[str, object]] = field(default_factory=list)
    # False when no post was scored: nothing was written, --output is as it was
    written: bool = True

    def as_dict(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "shards": self.shards,
            "posts": self.posts,
            "accounts": self.accounts,
            "skipped": self.skipped,
            "files_skipped": self.files_skipped,
            "files_unread": self.files_unread,
            "duplicates": self.duplicates,
            "without_author": self.without_author,
            "anonymized_posts": self.anonymized_posts,
            "empty_files": self.empty_files,
            "output": str(self.output),
        }

    def why_nothing_scored(self) -> str:
        """Why no post was scored, in words, for a run that scored none: the files that held
        no post when that is all there was, else that no post could be read."""
        empty = self.empty_files
        if empty and not self.skipped and not self.duplicates:
            names = ", ".join(Path(name).name for name in empty[:3])
            more = " and others" if len(empty) > 3 else ""
            holds = "holds" if len(empty) == 1 else "hold"
            return (
                f"{names}{more} {holds} no posts (a CSV header without rows, or an export with "
                f"nothing in it). Check that the file is the export you meant {SEE_FORMATS.say()}."
            )
        return (
            "no post could be read from the input. "
            f"Check that the files are posts exports {SEE_FORMATS.say()}."
        )


class ShardOutput(NamedTuple):
    """One scored shard, as it travels back from a worker (plain data: it is pickled)."""

    columns: dict[str, list[Any]]
    partials: dict[tuple[str, str], AccountPartial]
    problems: list[dict[str, object]]
    notices: list[dict[str, object]]
    duplicates: int
    missing: list[dict[str, object]]


def score_shard(
    path: str, skip: AbstractSet[int] = frozenset(), date_order: DateOrder | None = None
) -> ShardOutput:
    """Read and score one shard, leaving out the posts whose keys are in ``skip`` (scored in
    an earlier shard). Pure apart from reading the file: safe to run on any worker."""
    read = read_posts(Path(path), skip, date_order=date_order)
    return _shard_output(read, score_posts(read.posts))


def _shard_output(read: ShardPosts, result: ShardResult) -> ShardOutput:
    return ShardOutput(
        result.columns,
        result.partials,
        [p.as_dict() for p in read.problems],
        [n.as_dict() for n in read.notices],
        read.duplicates,
        [m.as_dict() for m in read.missing],
    )


def _skips(keys_by_shard: list[list[int]]) -> list[frozenset[int]]:
    """For each shard, the keys of its posts that an earlier shard (in input order) holds."""
    seen: set[int] = set()
    skips: list[frozenset[int]] = []
    for keys in keys_by_shard:
        skips.append(frozenset(k for k in keys if k in seen))
        seen.update(keys)
    return skips


def _score_in_order(
    shards: list[Path],
    on_result: Callable[[int, ShardOutput], None],
    on_posts: PostsCallback,
    date_order: DateOrder | None,
) -> None:
    """The local engine: one pass in input order, each shard leaving out what the shards
    before it held."""
    seen: set[int] = set()
    for index, shard in enumerate(shards):
        told = _teller(on_posts, "read", shard.name, None)
        read = read_posts(shard, seen, told, date_order)
        told = _teller(on_posts, "score", shard.name, len(read.posts))
        result = _shard_output(read, score_posts(read.posts, told))
        seen.update(map(key_of, result.columns["platform"], result.columns["post_id"]))
        on_result(index, result)


def _teller(
    on_posts: PostsCallback, step: str, name: str, total: int | None
) -> Callable[[int], None]:
    def tell(done: int) -> None:
        on_posts(step, name, done, total)

    return tell


@contextmanager
def _local_runner(on_posts: PostsCallback, date_order: DateOrder | None) -> Iterator[Runner]:
    yield lambda shards, on_result: _score_in_order(shards, on_result, on_posts, date_order)


def score_inputs(
    paths: list[Path],
    output: Path,
    engine: str = "local",
    scheduler: str | None = None,
    progress: ProgressCallback | None = None,
    scheduler_timeout: float | None = None,
    on_posts: PostsCallback | None = None,
    date_order: DateOrder | None = None,
) -> ScoreSummary:
    """Score every shard under ``paths`` and write Parquet results into ``output``.

    Folders are planned like ``staffpulse import``: files of no known format are skipped and
    listed in ``files_skipped`` (and ``problems.jsonl``). Notes on a file whose records were
    all read go to ``notices`` only. The results of an earlier run in ``output`` are replaced
    only when this one succeeds (:mod:`staffpulse.scale.output`). Raises :class:`InputError`
    for bad paths or an ``output`` that is a file, :class:`OutputError` when ``output`` cannot
    be created or the results cannot be moved into it (the earlier ones are then kept),
    :class:`FetchError` when the Dask scheduler cannot be reached or does not answer as one,
    :class:`ClusterError` when a local Dask cluster cannot start. ``date_order`` reads a CSV's
    dates with the year last in that order (``staffpulse import --date-order``).
    """
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}", hint="use --engine local or --engine dask")
    if scheduler and engine != "dask":
        raise InputError(
            f"a Dask scheduler ({scheduler}) was given with the {engine} engine",
            hint="use --engine dask with --scheduler, or leave --scheduler out",
        )
    require("pyarrow", extra="dask", feature="Writing Parquet")
    check_output(output)  # before any work: a plain mistake, told at once
    shards, unknown, earlier_results = plan_shards(paths, output)
    summary = ScoreSummary(engine=engine, shards=len(shards), output=output)
    timeout = SCHEDULER_TIMEOUT if scheduler_timeout is None else scheduler_timeout
    runner = (
        _local_runner(on_posts or _ignore, date_order)
        if engine == "local"
        else dask_runner(
            scheduler,
            timeout,
            partial(score_shard, date_order=date_order),
            _skips,
            partial(shard_post_keys, date_order=date_order),
            partial(on_posts or _ignore, "ids", ""),
        )
    )
    # Connected (or not) before the output folder is touched, so a failure leaves nothing.
    try:
        _run(shards, unknown, output, runner, summary, progress)
    except _NothingScored:
        summary.written = False  # the stage is gone: --output is as it was
    summary.notices = [n.as_dict() for n in earlier_results] + summary.notices
    return summary


class _NothingScored(Exception):
    """Raised inside the staged output when no post was scored, so that empty tables never
    replace the results of a run before (the stage is dropped as for any failure)."""


def _run(
    shards: list[Path],
    unknown: list[Problem],
    output: Path,
    runner: AbstractContextManager[Runner],
    summary: ScoreSummary,
    progress: ProgressCallback | None,
) -> None:
    """Score ``shards`` with ``runner`` into a stage of ``output``, filling ``summary``."""
    got = _ShardResults(shards)
    if progress:
        progress(0, len(shards))
    with runner as score_all, staged_output(output) as stage:
        posts_dir = stage / "posts"

        def on_result(index: int, result: ShardOutput) -> None:
            write_posts(result.columns, posts_dir / f"part-{index:05d}.parquet")
            got.add(index, result)
            summary.posts += len(result.columns["post_id"])
            summary.duplicates += result.duplicates
            summary.without_author += sum(not author for author in result.columns["author_id"])
            summary.anonymized_posts += sum(map(is_anonymized, result.columns["author_id"]))
            if progress:
                progress(got.done, len(shards))

        # read by their full paths (a Dask worker may run in another folder), told as typed
        score_all([shard.absolute() for shard in shards], on_result)
        merged = merge_partials(got.partials)
        # the second step of the reduce: authors of shared posts that were in another shard
        wanted = wanted_posts((platform, part.talk) for (platform, _id), part in merged.items())
        rows = account_rows(merged, shared_authors=read_shared_authors(posts_dir, wanted))
        write_accounts(rows, stage / "accounts.parquet")
        summary.accounts = len(rows)
        _sum_up_problems(summary, got, unknown)
        if not summary.posts:
            raise _NothingScored
        with (stage / PROBLEMS_FILE).open("w", encoding="utf-8") as handle:
            # a missing file too: what the results lack, kept with them
            for problem in summary.problems + summary.missing_files:
                handle.write(json.dumps(problem) + "\n")


def _sum_up_problems(summary: ScoreSummary, got: _ShardResults, unknown: list[Problem]) -> None:
    """What the shards' reading met (problems, notices, files missing, skipped, unread or
    empty), in input order, with ``unknown``: the files of no known format planning found."""
    read_problems = [p for shard in got.problems for p in shard]
    summary.problems = [p.as_dict() for p in unknown] + read_problems
    summary.notices = [n for shard in got.notices for n in shard]
    summary.missing_files = [m for shard in got.missing for m in shard]
    # files of a ZIP left out whole are files skipped, as those of a folder (no record lost);
    # a file the system would not let us read (or a link's gone file) lost its records: it is
    # unread, not a README left out
    unread = sum(isinstance(problem, UnreadFile) for problem in unknown)
    summary.files_skipped = len(unknown) - unread + sum(map(_left_out, read_problems))
    summary.files_unread = unread
    summary.empty_files = [
        str(shard) for shard, none in zip(got.shards, got.empty, strict=True) if none
    ]
    # A problem may stand for many records (a file whose header makes every row unreadable).
    summary.skipped = unread + sum(_records(p) for p in read_problems if not _left_out(p))


class _ShardResults:
    """What each shard's result brought, kept at its shard's index: Dask hands results back
    in any order, and the summary lists them in input order."""

    def __init__(self, shards: list[Path]) -> None:
        self.shards = shards
        self.partials: list[dict[tuple[str, str], AccountPartial]] = [{} for _ in shards]
        self.problems: list[list[dict[str, object]]] = [[] for _ in shards]
        self.notices: list[list[dict[str, object]]] = [[] for _ in shards]
        self.missing: list[list[dict[str, object]]] = [[] for _ in shards]
        self.empty = [False for _ in shards]  # read whole, and held nothing at all
        self.done = 0

    def add(self, index: int, result: ShardOutput) -> None:
        shard = self.shards[index]
        self.partials[index] = result.partials
        self.problems[index] = _as_typed(result.problems, shard)
        self.notices[index] = _as_typed(result.notices, shard)
        self.missing[index] = _as_typed(result.missing, shard)
        self.empty[index] = not (
            result.columns["post_id"] or result.duplicates or result.problems or result.missing
        )
        self.done += 1


def _as_typed(entries: list[dict[str, object]], shard: Path) -> list[dict[str, object]]:
    """The problems or notes of a shard read by its full path, with the file named as it was
    typed (``shards/a.jsonl``, as a file skipped is), members of an archive too."""
    full = str(shard.absolute())
    return [
        entry | {"file": str(shard) + file[len(full) :]}
        if isinstance(file := entry.get("file"), str) and file.startswith(full)
        else entry
        for entry in entries
    ]


def _ignore(*_args: object) -> None:
    pass


def _left_out(problem: dict[str, object]) -> bool:
    """A file left out whole (of no known format, or empty), as the import tells it apart
    from records skipped."""
    message, line = problem.get("message"), problem.get("line")
    return line is None and left_out(Problem(str(problem.get("file")), None, str(message)))


def _records(problem: dict[str, object]) -> int:
    count = problem.get("records", 1)
    return count if isinstance(count, int) else 1
