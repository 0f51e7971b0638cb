"""Read shards of normalized posts: any importable file (JSONL, twarc2 pages...) or Parquet."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any, NamedTuple

from staffpulse.errors import EmptyInputError, MissingFileError
from staffpulse.extras import require
from staffpulse.ingest import plan_import
from staffpulse.models import Post
from staffpulse.scale.score_words import told_for_score
from staffpulse.sources import Problem, detect
from staffpulse.sources.base import UNKNOWN_FORMAT, Notice, visible_files
from staffpulse.sources.csv_dates import DateOrder, given_date_order
from staffpulse.sources.native_csv_header import post_fixes, shown_columns
from staffpulse.sources.native_records import post_from_native
from staffpulse.sources.user_paths import missing_hint
from staffpulse.sources.x_archive_check import MissingFile, UncheckedArchive

PARQUET_SUFFIXES = (".parquet", ".pq")
OnRead = Callable[[int], None]  # posts of the shard read so far
TELL_EVERY = 5_000  # posts read between two calls of an OnRead
# columns only the tables staffpulse score writes have (scale.parquet): a score's results
RESULTS_COLUMNS = frozenset({"job_opening", "post_id", "mix_posts", "conversation"})
# the id columns of a posts table (docs/formats.md), and the largest whole number a float
# always holds exactly
ID_COLUMNS = ("id", "author_id", "reply_to_id", "quoted_id", "reposted_id", "conversation_id")
FLOAT_EXACT = 2**53


class ShardPlan(NamedTuple):
    """The files to score, one shard each; the files skipped because no format knows them; and
    a note for each folder of an earlier run's results met on the way, left out whole."""

    shards: list[Path]
    skipped: list[Problem]
    earlier_results: list[Notice]


def plan_shards(paths: Sequence[Path], output: Path | None = None) -> ShardPlan:
    """Files to score, one shard each, and the files skipped because no format knows them.

    Paths are planned like ``staffpulse import`` plans them (:func:`staffpulse.ingest.
    plan_import`): a file named on its own must be readable, while a folder is walked to any
    depth, its unknown files are skipped and reported, and only a folder with nothing to read
    fails. Parquet files, which ``import`` does not read, are shards too. A shard is named as
    it was typed (``shards/a.jsonl``), as a file skipped is; one named twice (``a.jsonl`` and
    ``./a.jsonl``) is one shard, named as it came first. A folder walked leaves out what is
    inside ``output``: results of a run before (``data/`` scored into ``data/scores/``) are
    no input to score again. So is any other folder of results it meets (``data/scores/``
    when this run writes elsewhere), with a note, rather than a dozen tables each told as
    skipped and their rows counted as malformed records.
    """
    shards: list[Path] = []
    skipped: list[Problem] = []
    earlier: list[Notice] = []
    for path in paths:
        planned = _plan_path(path, output)
        shards.extend(planned.shards)
        skipped.extend(planned.skipped)
        earlier.extend(planned.earlier_results)
    unique: dict[Path, Path] = {}
    for shard in shards:
        unique.setdefault(shard.resolve(), shard)
    return ShardPlan(list(unique.values()), skipped, earlier)


def _plan_path(path: Path, output: Path | None) -> ShardPlan:
    """The shards of one path given (see :func:`plan_shards`)."""
    if not path.exists():
        raise MissingFileError(
            f"{path}: no such file or folder", hint=missing_hint(path, "the path and try again")
        )
    if path.is_file() and _is_parquet(path):
        return ShardPlan([path], [], [])
    parquet = [f for f in visible_files(path) if _is_parquet(f)] if path.is_dir() else []
    try:
        plan, problems = plan_import([path])
    except EmptyInputError:
        if not parquet:
            raise
        # Nothing but Parquet to read: every other file is one import would skip.
        plan = []
        problems = [
            Problem(str(f), None, UNKNOWN_FORMAT) for f in visible_files(path) if not _is_parquet(f)
        ]
    # a folder named inside the output folder is read as asked: only a walk skips it
    walked = path.is_dir() and output is not None
    results = output if walked and not _in(path / "any", output) else None  # path not in it
    folders = _results_folders(path, output) if path.is_dir() else []
    outside = [*folders, *([results] if results is not None else [])]
    found = [f for f in [target for target, _source in plan] + parquet if not _in_any(f, outside)]
    return ShardPlan(
        sorted(dict.fromkeys(found), key=lambda f: f.parts),
        [
            p
            for p in problems
            if not _is_parquet(Path(p.file)) and not _in_any(Path(p.file), outside)
        ],
        [_left_out_results(folder) for folder in folders],
    )


def _results_folders(folder: Path, output: Path | None) -> list[Path]:
    """The folders under ``folder`` that hold what a staffpulse score run writes (an
    accounts.parquet beside a posts/ folder), other than ``output``'s own."""
    found = {
        f.parent
        for f in visible_files(folder)
        if f.name == "accounts.parquet" and (f.parent / "posts").is_dir()
    }
    own = output.resolve() if output is not None else None
    return sorted((f for f in found if f.resolve() != own), key=lambda f: f.parts)


def _left_out_results(folder: Path) -> Notice:
    files = len(visible_files(folder))
    return Notice(
        str(folder),
        f"the results of an earlier staffpulse score ({files:,} files), not posts to score: "
        "left out. Score the files they were made from; move the results out of the input "
        "folder to stop this note",
    )


def _in(file: Path, folder: Path | None) -> bool:
    """Whether ``file`` is inside ``folder`` (when there is one)."""
    return folder is not None and folder.resolve() in file.resolve().parents


def _in_any(file: Path, folders: list[Path]) -> bool:
    return any(_in(file, folder) for folder in folders)


def _is_parquet(path: Path) -> bool:
    return path.suffix.lower() in PARQUET_SUFFIXES


def post_key(post: Post) -> int:
    """A post's identity as a small integer, for the duplicate check across shards."""
    return key_of(post.platform, post.id)


def key_of(platform: str, post_id: str) -> int:
    digest = hashlib.blake2b(f"{platform}\x1f{post_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


class ShardPosts(NamedTuple):
    """What one shard held: its posts (each once), the records that could not be read, the
    notes on a file that skip nothing (a guessed encoding, TWCS customers kept without an
    account), how many posts met again were left out, and the files an X archive's manifest
    lists that it lacks (nothing of them was read, so no record was skipped)."""

    posts: list[Post]
    problems: list[Problem]
    notices: list[Notice]
    duplicates: int
    missing: list[Problem]


def read_posts(
    path: Path,
    skip: AbstractSet[int] = frozenset(),
    on_read: OnRead | None = None,
    date_order: DateOrder | None = None,
) -> ShardPosts:
    """Every post in one shard, once, and the records that could not be read.

    A post met again (twarc2 pages repeat referenced tweets; a shard read before holds it:
    its key is in ``skip``) is left out and counted, so that no account total counts a post
    twice. Notices stay apart from problems, as ``staffpulse import`` keeps them: a problem
    means records were skipped, a notice that all were read. ``on_read`` hears how many posts
    were read every few thousand (reading a big file takes a while). ``date_order`` reads a
    CSV's dates with the year last as ``staffpulse import --date-order`` does."""
    with given_date_order(date_order):  # set here: a Dask worker is another process
        return _read_posts(path, skip, on_read)


def _read_posts(path: Path, skip: AbstractSet[int], on_read: OnRead | None) -> ShardPosts:
    notices: list[Notice] = []
    missing: list[Problem] = []
    if path.suffix.lower() in PARQUET_SUFFIXES:
        found, problems = _read_parquet(path)
    else:
        found, problems, notices, missing = _read_export(path, on_read)
    if on_read:
        on_read(len(found))
    posts = _each_once(found, skip)
    return ShardPosts(posts, problems, notices, len(found) - len(posts), missing)


def _read_export(
    path: Path, on_read: OnRead | None
) -> tuple[list[Post], list[Problem], list[Notice], list[Problem]]:
    """The posts of a file ``staffpulse import`` reads, with its problems, its notices and
    the files an X archive lacks, each said as score's (:mod:`.score_words`)."""
    found: list[Post] = []
    problems: list[Problem] = []
    notices: list[Notice] = []
    missing: list[Problem] = []
    for item in detect(path).read(path):
        if isinstance(item, UncheckedArchive):
            continue  # only `import --remove-deleted` acts on it
        if isinstance(item, MissingFile):
            missing.append(told_for_score(item))
        elif isinstance(item, Problem):
            problems.append(told_for_score(item))
        elif isinstance(item, Notice):
            notices.append(told_for_score(item))
        else:
            told = len(found) // TELL_EVERY
            found.extend(row for row in item.rows if isinstance(row, Post))
            if on_read and len(found) // TELL_EVERY > told:
                on_read(len(found))
    return found, problems, notices, missing


def _each_once(found: list[Post], skip: AbstractSet[int]) -> list[Post]:
    """``found`` without the posts met before in it, or whose keys are in ``skip``."""
    seen = set(skip)
    posts: list[Post] = []
    for post in found:
        key = post_key(post)
        if key not in seen:
            seen.add(key)
            posts.append(post)
    return posts


def shard_post_keys(path: str, date_order: DateOrder | None = None) -> list[int]:
    """The keys of every post of a shard (first pass of a run over several shards)."""
    return [post_key(post) for post in read_posts(Path(path), date_order=date_order).posts]


def _read_parquet(path: Path) -> tuple[list[Post], list[Problem]]:
    """Parquet of normalized posts: the columns of the staffpulse posts CSV (docs/formats.md)."""
    parquet = require("pyarrow.parquet", extra="dask", feature="Reading Parquet")
    posts: list[Post] = []
    problems: list[Problem] = []
    try:
        metadata = parquet.ParquetFile(path).metadata
        wrong = _wrong_columns(list(metadata.schema.names))
        if wrong:  # one message for the file, not one per row (a results table has millions)
            return posts, [Problem(str(path), None, wrong, records=metadata.num_rows)]
        rows = parquet.read_table(path).to_pylist()
    except (OSError, ValueError) as exc:  # no permission, cut short, not Parquet (ArrowInvalid)
        # one file lost, told with the fix; the other shards are still scored
        return posts, [Problem(str(path), None, _unreadable_parquet(exc))]
    lost: dict[str, list[int]] = {}  # id column -> rows whose float lost the id's digits
    for number, row in enumerate(rows, start=1):
        record = {key: value for key, value in row.items() if value is not None}
        if "author" not in record and "author_handle" in record:
            record["author"] = record["author_handle"]
        blurred = _whole_ids(record)
        if blurred:
            lost.setdefault(blurred, []).append(number)
            continue
        try:
            posts.append(post_from_native(record, platform=str(record.get("platform", "csv"))))
        except ValueError as exc:
            problems.append(Problem(str(path), number, str(exc)))
    for column, rows in lost.items():  # one message a column, however many rows
        problems.append(Problem(str(path), rows[0], _float_ids(column, len(rows)), len(rows)))
    return posts, sorted(problems, key=lambda p: p.line or 0)


def _unreadable_parquet(exc: Exception) -> str:
    if isinstance(exc, PermissionError):
        return (
            "cannot read the file (permission denied): nothing of it was scored. Check that you "
            "may read it (its permissions), or copy it to a folder of yours and score that copy"
        )
    if isinstance(exc, OSError) and not type(exc).__module__.startswith("pyarrow"):
        return (
            f"cannot read the file ({exc.strerror or exc}): nothing of it was scored. Copy it "
            "again, then score it"
        )
    return (
        "not a Parquet file that can be read: it is damaged or cut short (a copy or a "
        "download that stopped), or another format named .parquet, so nothing of it was "
        f"scored ({exc}). Write or copy the file again"
    )


def _whole_ids(record: dict[str, Any]) -> str | None:
    """Turn the ids of ``record`` that a float column holds exactly (``7.0``) into whole
    numbers, in place; the first id column whose float cannot hold its id, or None.

    pandas writes a column of whole numbers with a gap as floats (``reply_to_id``: most posts
    reply to nothing), and a float holds every whole number up to 2**53 exactly: those ids
    are read. An X id (about 1.6e18) is beyond: its last digits are lost, the row skipped."""
    for key in ID_COLUMNS:
        value = record.get(key)
        if not isinstance(value, float):
            continue
        if not (value.is_integer() and abs(value) <= FLOAT_EXACT):
            return key
        record[key] = int(value)
    return None


def _float_ids(column: str, rows: int) -> str:
    some = "its row" if rows == 1 else f"these {rows:,} rows"
    return (
        f"the column {column} holds floating-point numbers, which cannot hold ids this large: "
        f"their last digits are lost, so {some} cannot be read. Write the id columns from the "
        'ids as exported, as text or whole numbers (in pandas: dtype=str, or "Int64" for a '
        "column with gaps; never float) before to_parquet"
    )


def _wrong_columns(columns: list[str]) -> str | None:
    """Why a Parquet file's columns are not posts to score (what to do), or None when they are:
    those of the staffpulse posts CSV, ``author_handle`` standing for ``author``."""
    if RESULTS_COLUMNS & set(columns):
        return (
            f"the columns are {shown_columns(columns)}: results of staffpulse score, not posts "
            "to score; score the files they were made from, or move the results out of the input"
        )
    fix = post_fixes(columns if "author_handle" not in columns else [*columns, "author"], {})
    if fix is None:
        return None
    return (
        f"the columns are {shown_columns(columns)}, but a Parquet file of posts needs those of "
        f"the staffpulse posts CSV, id, author and text{f'; {fix}' if fix else ''}"
    )
