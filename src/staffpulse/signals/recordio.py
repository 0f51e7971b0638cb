"""Reading the JSONL/CSV record files of ``staffpulse classify`` and ``staffpulse roles``.

Both commands take one file of records with an ``id`` and write one JSONL line per valid
record, in order. What they share lives here: opening the file with a clear error, choosing
JSONL or CSV, refusing an empty file, walking JSON objects with their line numbers, and
reporting malformed records to ``on_skip`` as ``file:line: reason`` instead of stopping.

:class:`RecordFile` checks a file when it is opened (readable, not empty, a usable CSV
header, up to the first valid record) so that callers can fail before they create any
output; the rest of the file is then read lazily, so memory stays flat on big files.
"""

from __future__ import annotations

import csv
import itertools
import json
import math
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Generic, TypeVar

from staffpulse.errors import EmptyInputError, InputError, MissingFileError
from staffpulse.sources.base import detect_encoding
from staffpulse.sources.csvrows import sniff_delimiter
from staffpulse.sources.jsonio import json_error_reason

csv.field_size_limit(2**31 - 1)

T = TypeVar("T")
Skip = Callable[[str], None]
RowReader = Callable[[Iterable[str], str, Skip], Iterator[T]]


def open_input(path: Path) -> tuple[IO[str], str | None]:
    """The file as text, and a note for the user when its encoding was a guess (UTF-8 with or
    without BOM, UTF-16/32 by BOM, else Windows-1252: nothing is replaced silently), or an
    :class:`InputError` saying what to do."""
    try:
        encoding = detect_encoding(path)
        stream = path.open(encoding=encoding.codec, errors=encoding.errors, newline="")
        return stream, encoding.note
    except FileNotFoundError as exc:
        raise MissingFileError(f"{path}: no such file", hint="check the path of INPUT") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path} is a folder", hint="give one JSONL or CSV file") from exc
    except OSError as exc:
        raise InputError(
            f"{path}: cannot read the file ({exc.strerror})", hint="check its permissions"
        ) from exc


def valid_id(value: Any) -> bool:
    """A non-empty string or a finite number (ids are written back exactly as read)."""
    if isinstance(value, str):
        return value.strip() != ""
    if isinstance(value, float):
        return math.isfinite(value)  # NaN or Infinity would make the output invalid JSON
    return isinstance(value, int) and not isinstance(value, bool)


def json_objects(
    lines: Iterable[str], name: str, on_skip: Skip, expected: str
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each JSON object line with a valid ``id``; the rest skipped."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            # Without its line break, a string left open reads as "unterminated string"
            # rather than as a control character (the newline) inside it.
            obj = json.loads(line.rstrip("\r\n"))
        except json.JSONDecodeError as exc:
            on_skip(f"{name}:{number}: not valid JSON: {json_error_reason(exc)}")
            continue
        if not isinstance(obj, dict):
            on_skip(f"{name}:{number}: expected a JSON object with {expected}")
            continue
        if not valid_id(obj.get("id")):
            on_skip(f"{name}:{number}: missing or invalid id")
            continue
        yield number, obj


class RecordFile(Generic[T]):
    """The valid records of one input file, in order; use it as a context manager.

    Opening it reads the file up to its first valid record, so a missing, unreadable or
    empty file, or a CSV header without the required columns, raises an :class:`InputError`
    before the caller writes anything. The file is CSV by its ``.csv`` extension, or when its
    first line is a CSV header (comma, semicolon or tab) naming every word of
    ``csv_header_words``; JSONL otherwise.
    Malformed records go to ``on_skip`` and are counted in :attr:`skipped`. Iterate once.
    """

    def __init__(
        self,
        path: Path,
        on_skip: Skip,
        jsonl: RowReader[T],
        csv_rows: RowReader[T],
        csv_header_words: tuple[str, ...],
        empty_hint: str,
    ) -> None:
        self.path = path
        self.skipped = 0
        self._on_skip = on_skip
        self._stream, self.encoding_note = open_input(path)
        try:
            self._rows = self._reader(jsonl, csv_rows, csv_header_words, empty_hint)
            self._head = list(itertools.islice(self._rows, 1))
            if not self._head and self.skipped == 0:
                # Text but no record and nothing malformed: a CSV header with no rows.
                raise EmptyInputError(
                    f"{path} is empty: it has a header but no records", hint=empty_hint
                )
        except BaseException:
            self._stream.close()
            raise

    def _skip(self, message: str) -> None:
        self.skipped += 1
        self._on_skip(message)

    def _reader(
        self,
        jsonl: RowReader[T],
        csv_rows: RowReader[T],
        csv_header_words: tuple[str, ...],
        empty_hint: str,
    ) -> Iterator[T]:
        name = str(self.path)
        blank: list[str] = []
        for line in self._stream:
            if line.strip():
                first = line
                break
            blank.append(line)  # kept, so that line numbers still match the file
        else:
            raise EmptyInputError(f"{name} is empty", hint=empty_hint)
        second = next(self._stream, "")
        lines = itertools.chain(blank, [first, second], self._stream)
        head = first.strip().lower()
        # The delimiter the CSV reader would find (comma, semicolon or tab), whatever the name.
        looks_csv = not head.startswith(("{", "[")) and sniff_delimiter(head) in head
        # a header-like first line followed by JSON is a log line before JSON Lines; followed
        # by more delimited text it is a CSV header, even one that lacks the needed columns
        # (the CSV reader then says which)
        json_follows = second.lstrip().startswith("{")
        is_csv = self.path.suffix.lower() == ".csv" or (
            looks_csv and (all(word in head for word in csv_header_words) or not json_follows)
        )
        return csv_rows(lines, name, self._skip) if is_csv else jsonl(lines, name, self._skip)

    def __iter__(self) -> Iterator[T]:
        yield from self._head
        self._head = []
        yield from self._rows

    def close(self) -> None:
        self._stream.close()

    def __enter__(self) -> RecordFile[T]:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
