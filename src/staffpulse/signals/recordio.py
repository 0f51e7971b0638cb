"""Reading the JSONL/CSV record files of ``staffpulse classify`` and ``staffpulse roles``.

Both commands take one file of records with an ``id`` and write one JSONL line per valid
record, in order. What they share lives here: opening the file with a clear error, choosing
JSONL or CSV, walking JSON objects with their line numbers, and reporting malformed records
to ``on_skip`` as ``file:line: reason`` instead of stopping.
"""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, TypeVar

from staffpulse.errors import InputError, MissingFileError

csv.field_size_limit(2**31 - 1)

T = TypeVar("T")
Skip = Callable[[str], None]
RowReader = Callable[[Iterable[str], str, Skip], Iterator[T]]


def open_input(path: Path) -> IO[str]:
    """The file as UTF-8 text (a BOM is fine), or an :class:`InputError` saying what to do."""
    try:
        return path.open(encoding="utf-8-sig", errors="replace", newline="")
    except FileNotFoundError as exc:
        raise MissingFileError(f"{path}: no such file", hint="check the path of INPUT") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path} is a folder", hint="give one JSONL or CSV file") from exc
    except OSError as exc:
        raise InputError(
            f"{path}: cannot read the file ({exc.strerror})", hint="check its permissions"
        ) from exc


def valid_id(value: Any) -> bool:
    """A non-empty string or a number (ids are written back exactly as read)."""
    return (isinstance(value, str) and value.strip() != "") or (
        isinstance(value, int | float) and not isinstance(value, bool)
    )


def json_objects(
    lines: Iterable[str], name: str, on_skip: Skip, expected: str
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each JSON object line with a valid ``id``; the rest skipped."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            on_skip(f"{name}:{number}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            on_skip(f"{name}:{number}: expected a JSON object with {expected}")
            continue
        if not valid_id(obj.get("id")):
            on_skip(f"{name}:{number}: missing or invalid id")
            continue
        yield number, obj


def read_record_file(
    path: Path,
    on_skip: Skip,
    jsonl: RowReader[T],
    csv_rows: RowReader[T],
    csv_header_words: tuple[str, ...],
) -> Iterator[T]:
    """Records of ``path``: CSV by extension, or when the first line is a CSV header naming
    every word of ``csv_header_words``; JSONL otherwise."""
    with open_input(path) as stream:
        if path.suffix.lower() == ".csv":
            yield from csv_rows(stream, str(path), on_skip)
            return
        first = stream.readline()
        head = first.strip().lower()
        lines = itertools.chain([first], stream)
        looks_csv = not head.startswith(("{", "[")) and "," in head
        if looks_csv and all(word in head for word in csv_header_words):
            yield from csv_rows(lines, str(path), on_skip)  # a CSV without the .csv extension
        else:
            yield from jsonl(lines, str(path), on_skip)
