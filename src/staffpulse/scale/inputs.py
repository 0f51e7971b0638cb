"""Read shards of normalized posts: any importable file (JSONL, twarc2 pages...) or Parquet."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from staffpulse.errors import EmptyInputError, MissingFileError
from staffpulse.extras import require
from staffpulse.ingest import plan_import
from staffpulse.models import Post
from staffpulse.sources import Problem, detect
from staffpulse.sources.base import Notice, visible_files
from staffpulse.sources.native import post_from_native

PARQUET_SUFFIXES = (".parquet", ".pq")


UNKNOWN_FORMAT = "not a known format; file skipped"  # the words of `staffpulse import`


def plan_shards(paths: Sequence[Path]) -> tuple[list[Path], list[Problem]]:
    """Files to score, one shard each, and the files skipped because no format knows them.

    Paths are planned like ``staffpulse import`` plans them (:func:`staffpulse.ingest.
    plan_import`): a file named on its own must be readable, while a folder is walked to any
    depth, its unknown files are skipped and reported, and only a folder with nothing to read
    fails. Parquet files, which ``import`` does not read, are shards too.
    """
    shards: list[Path] = []
    skipped: list[Problem] = []
    for path in paths:
        if not path.exists():
            raise MissingFileError(
                f"{path}: no such file or folder", hint="check the path and try again"
            )
        if path.is_file() and _is_parquet(path):
            shards.append(path)
            continue
        parquet = [f for f in visible_files(path) if _is_parquet(f)] if path.is_dir() else []
        try:
            plan, problems = plan_import([path])
        except EmptyInputError:
            if not parquet:
                raise
            # Nothing but Parquet to read: every other file is one import would skip.
            plan = []
            problems = [
                Problem(str(f), None, UNKNOWN_FORMAT)
                for f in visible_files(path)
                if not _is_parquet(f)
            ]
        found = [target for target, _source in plan] + parquet
        shards.extend(sorted(dict.fromkeys(found), key=lambda f: f.parts))
        skipped.extend(p for p in problems if not _is_parquet(Path(p.file)))
    return shards, skipped


def _is_parquet(path: Path) -> bool:
    return path.suffix.lower() in PARQUET_SUFFIXES


def read_posts(path: Path) -> tuple[list[Post], list[Problem]]:
    """Every post in one shard, and the records that could not be read."""
    if path.suffix.lower() in PARQUET_SUFFIXES:
        return _read_parquet(path)
    posts: list[Post] = []
    problems: list[Problem] = []
    for item in detect(path).read(path):
        if isinstance(item, Problem):
            problems.append(item)
        elif isinstance(item, Notice):  # told like a problem, but nothing was skipped
            problems.append(Problem(item.file, None, item.message, records=0))
        else:
            posts.extend(row for row in item.rows if isinstance(row, Post))
    return posts, problems


def _read_parquet(path: Path) -> tuple[list[Post], list[Problem]]:
    """Parquet of normalized posts: the columns of the staffpulse posts CSV (docs/formats.md)."""
    parquet = require("pyarrow.parquet", extra="dask", feature="Reading Parquet")
    posts: list[Post] = []
    problems: list[Problem] = []
    for number, row in enumerate(parquet.read_table(path).to_pylist(), start=1):
        record = {key: value for key, value in row.items() if value is not None}
        if "author" not in record and "author_handle" in record:
            record["author"] = record["author_handle"]
        try:
            posts.append(post_from_native(record, platform=str(record.get("platform", "csv"))))
        except ValueError as exc:
            problems.append(Problem(str(path), number, str(exc)))
    return posts, problems
