"""Read shards of normalized posts: any importable file (JSONL, twarc2 pages...) or Parquet."""

from __future__ import annotations

from pathlib import Path

from staffpulse.errors import InputError, MissingFileError
from staffpulse.extras import require
from staffpulse.models import Post
from staffpulse.sources import Problem, detect
from staffpulse.sources.native import post_from_native

PARQUET_SUFFIXES = (".parquet", ".pq")


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Files to score, one shard each; folders are expanded to the files inside, sorted."""
    shards: list[Path] = []
    for path in paths:
        if not path.exists():
            raise MissingFileError(
                f"{path}: no such file or folder", hint="check the path and try again"
            )
        if path.is_dir():
            shards.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            )
        else:
            shards.append(path)
    if not shards:
        raise InputError("no input files to score", hint="pass JSONL, twarc2 or Parquet files")
    return shards


def read_posts(path: Path) -> tuple[list[Post], list[Problem]]:
    """Every post in one shard, and the records that could not be read."""
    if path.suffix.lower() in PARQUET_SUFFIXES:
        return _read_parquet(path)
    posts: list[Post] = []
    problems: list[Problem] = []
    for item in detect(path).read(path):
        if isinstance(item, Problem):
            problems.append(item)
            continue
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
