"""Reading the JSONL/CSV record files of ``staffpulse classify`` and ``staffpulse roles``.

Both commands take one file of records with an ``id`` and write one JSONL line per valid
record, in order. What they share lives here: opening the file with a clear error (a pipe
too, decoded line by line: :mod:`~staffpulse.signals.record_input`), choosing
JSONL or CSV (or a JSON array of objects, as ``staffpulse accounts --json`` prints, or objects
pretty-printed one after another: :mod:`~staffpulse.signals.record_json`), refusing an empty
or binary file, and reporting malformed records to ``on_skip`` as ``file:line: reason`` (with
what to do) instead of stopping. The JSON objects with their ids and line numbers come from
:mod:`~staffpulse.signals.record_objects`; what a reader tells about how it read the file (a
stand-in column, records numbered by line) is kept in :attr:`RecordFile.notes`.

:class:`RecordFile` checks a file when it is opened (readable, text, not empty, a usable CSV
header, up to the first valid record) so that callers can fail before they create any
output; the rest of the file is then read lazily, so memory stays flat on big files. A file
none of whose records can be used (every one malformed) fails there too, with exit code 1 as
an import that imported nothing: an empty output would pass for a run that worked.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, Generic, TypeVar

from staffpulse.errors import EmptyInputError, InputError, NothingImportedError
from staffpulse.report.counts import count_of, join_and
from staffpulse.signals.record_fields import field_key
from staffpulse.signals.record_input import input_name, open_input
from staffpulse.signals.record_json import JsonDocument, is_json_object, read_json_document
from staffpulse.signals.record_objects import LeftOut, ReadNote
from staffpulse.signals.record_preamble import HeaderTest, lines_above_header
from staffpulse.sources.base import BINARY_RE, document_kind, mostly_binary, read_head
from staffpulse.sources.csv_preamble import MAX_LINES, preamble_note, skip_preamble
from staffpulse.sources.csvrows import sniff_delimiter
from staffpulse.sources.workbooks import workbook_of

T = TypeVar("T")
Skip = Callable[[str], None]


# how much of a file's start is looked at to tell binary data from text with a stray control
# character: up to 4,000 characters, in at most 50 lines
_SAMPLE_CHARS = 4_000
_SAMPLE_LINES = 50


# A reader of the file's records: (lines, file name, on_skip) -> records. A JSON reader gets
# a :class:`JsonDocument` in the place of the lines when the file is read whole (one JSON
# array, or objects spread over lines as jq prints them).
RowReader = Callable[[Iterable[str], str, Skip], Iterator[T | LeftOut | ReadNote]]
JsonReader = Callable[[Iterable[str] | JsonDocument, str, Skip], Iterator[T | LeftOut | ReadNote]]


class RecordFile(Generic[T]):
    """The valid records of one input file, in order; use it as a context manager.

    Opening it reads the file up to its first valid record, so a missing, unreadable, binary
    or empty file, or a CSV header without the required columns, raises an
    :class:`InputError` before the caller writes anything, and so does a file whose every
    record is malformed or left out (:class:`NothingImportedError`, exit code 1). The file is
    CSV by its ``.csv`` extension, or when its first line is a CSV header (comma, semicolon or
    tab) naming every word of ``csv_header_words``; one JSON array when it starts with ``[``
    and parses as one; JSONL otherwise; also CSV, of one column, when its first line is
    one of the names in ``one_column`` alone (``text``: a list of posts, one a line). Lines above a CSV header that ``takes_header`` reads
    (a report's title) are passed over, as the import does, and told in :attr:`preamble_note`.
    Malformed records go to ``on_skip`` and are counted in :attr:`skipped`; records the reader
    leaves out (:class:`LeftOut`) are counted by kind in :attr:`left_out`. Iterate once.
    """

    def __init__(
        self,
        path: Path,
        on_skip: Skip,
        jsonl: JsonReader[T],
        csv_rows: RowReader[T],
        csv_header_words: tuple[str, ...],
        empty_hint: str,
        takes_header: HeaderTest | None = None,
        one_column: tuple[str, ...] = (),
    ) -> None:
        self.path = path
        self.name = input_name(path)  # how messages name it: "standard input" for -
        self._one_column = one_column
        self.skipped = 0
        self.left_out: Counter[str] = Counter()
        self._json = False  # read as one JSON document (an array): how "empty" is told
        self._on_skip = on_skip
        self._stream = open_input(path)
        self.encoding_note = self._stream.note
        self.preamble_note: str | None = None
        # how the reader read the file (a stand-in column, records numbered by line), in
        # the order told; most are known once the file is open
        self.notes: list[str] = []
        self._takes_header = takes_header
        try:
            self._rows = self._kept(self._reader(jsonl, csv_rows, csv_header_words, empty_hint))
            self._head = list(itertools.islice(self._rows, 1))
            if not self._head:
                self._nothing_to_read(empty_hint)
        except BaseException:
            self._stream.close()
            raise

    def _nothing_to_read(self, hint: str) -> None:
        """Raise why the file gave no record at all (it was read to its end), with how it was
        read when that may be why (a gzip file cut short, text that is not UTF-8): the note
        is told only once a run starts, and this one stops before."""
        read = "".join(f"; {note}" for note in (self.encoding_note, *self.notes) if note)
        if self.skipped:
            skipped = (
                "its one record was skipped"
                if self.skipped == 1
                else f"all {self.skipped:,} of its records were skipped"
            )
            raise NothingImportedError(
                f"nothing in {self.name} could be used: {skipped} (see above why){read}",
                hint=hint,
            )
        if self.left_out:
            raise NothingImportedError(
                f"nothing in {self.name} could be used: it holds only {left_out_text(self)}{read}",
                hint=hint,
            )
        # Text but no record and nothing malformed: a CSV header with no rows, or ``[]``.
        held = "it is an empty JSON array" if self._json else "it has a header but no records"
        raise EmptyInputError(f"{self.name} is empty: {held}{read}", hint=hint)

    def _skip(self, message: str) -> None:
        self.skipped += 1
        self._on_skip(message)

    def _kept(self, rows: Iterator[T | LeftOut | ReadNote]) -> Iterator[T]:
        for row in rows:
            if isinstance(row, LeftOut):
                self.left_out[row.kind] += 1
            elif isinstance(row, ReadNote):
                self.notes.append(row.text)
            else:
                yield row

    def _reader(
        self,
        jsonl: JsonReader[T],
        csv_rows: RowReader[T],
        csv_header_words: tuple[str, ...],
        empty_hint: str,
    ) -> Iterator[T | LeftOut | ReadNote]:
        name = self.name
        blank: list[str] = []
        for line in self._stream:
            if line.strip():
                first = line
                break
            blank.append(line)  # kept, so that line numbers still match the file
        else:
            raise EmptyInputError(f"{name} is empty", hint=empty_hint)
        head_lines, size = [first], len(first)
        while len(head_lines) < 2 or (size < _SAMPLE_CHARS and len(head_lines) < _SAMPLE_LINES):
            if (more := next(self._stream, None)) is None:
                break
            head_lines.append(more)
            size += len(more)
        second = head_lines[1] if len(head_lines) > 1 else ""
        head = first.strip().lower()
        # A first line that is a record (a JSON object) or a CSV header naming the needed
        # columns, or JSON records after a line of garbage, make the file text: control
        # characters further on (a NUL in a CSV cell) are read or skipped with their record.
        follow = _records_follow(head_lines)
        records = follow or is_json_object(first) or all(w in head for w in csv_header_words)
        # a PDF starts with text, no control character: it was read as bad JSON lines (exit 1)
        kind = document_kind(first.lstrip("\ufeff").encode("utf-8", "replace"))
        binary = (_looks_binary(first) and not follow) or (
            not records and _mostly_binary(head_lines)
        )
        if binary or kind is not None:
            if self.path.is_file() and (book := workbook_of(self.path, read_head(self.path))):
                # a spreadsheet is told what it is and how to save it as a CSV
                fix = book.fix.removesuffix(" and import that file")
                raise InputError(f"{name} is {book.said}", hint=f"{fix}, then give that file")
            # said so, rather than a CSV header error quoting the bytes as its columns
            said = f"it holds binary data: it is {kind}" if kind else "it holds binary data"
            raise InputError(
                f"{name}: not a text file, so not a JSONL or CSV file ({said})", hint=empty_hint
            )
        if (above := self._lines_above_header(blank, head_lines, first)) > 0:
            self.preamble_note = preamble_note(above)
            above_blank = skip_preamble([*blank, *head_lines], above)
            return csv_rows(itertools.chain(above_blank, self._stream), name, self._skip)
        lines = itertools.chain(blank, head_lines, self._stream)
        # An object spread over lines whose first line holds more than its ``{`` (``{"id": 5,``
        # as some pretty-printers write it), not a line of its own and not followed by one: read
        # line by line each of its lines was skipped and the record lost. Read whole, the file
        # is still read as JSON Lines when its first value does not read either.
        spread = (
            head.startswith("{")
            and not is_json_object(first)
            and not second.lstrip().startswith("{")
        )
        # A .csv name is taken at its word, unless the file plainly is JSON (JSON Lines or an
        # array saved under the wrong name): no CSV header starts with an object or ``[{``.
        named_csv = self.path.suffix.lower() == ".csv" and not (
            head in ("[", "[{", "{") or head.startswith("[{") or is_json_object(first) or spread
        )
        if head.startswith("window.ytd.") and "=" in first:
            # an X archive's tweets.js: JavaScript that sets one JSON array, read as it
            first = first[first.index("=") + 1 :]
            lines = itertools.chain(blank, [first], head_lines[1:], self._stream)
            self._json = True
            return jsonl(read_json_document(lines, first), name, self._skip)
        # one JSON array, or objects spread over lines (``jq``'s output): read whole
        if (head.startswith("[") or head == "{" or spread) and not named_csv:
            self._json = True
            return jsonl(read_json_document(lines, first), name, self._skip)
        # The delimiter the CSV reader would find (comma, semicolon or tab), whatever the name.
        looks_csv = not head.startswith("{") and sniff_delimiter(head) in head
        # a header-like first line followed by JSON is a log line before JSON Lines; followed
        # by more delimited text it is a CSV header, even one that lacks the needed columns
        # (the CSV reader then says which)
        json_follows = second.lstrip().startswith("{")
        is_csv = (
            named_csv
            or field_key(head.strip('"')) in self._one_column
            or (looks_csv and (all(word in head for word in csv_header_words) or not json_follows))
        )
        return csv_rows(lines, name, self._skip) if is_csv else jsonl(lines, name, self._skip)

    def _lines_above_header(self, blank: list[str], head: list[str], first: str) -> int:
        """How many lines are above the CSV header (a report's title): 0 for JSON, which
        has none, and for a file that starts with its header. ``head`` gets the file's first
        ``MAX_LINES`` lines, however long, so that the header is looked for in all of them."""
        if self._takes_header is None or first.lstrip().startswith(("{", "[")):
            return 0
        while len(blank) + len(head) < MAX_LINES and (more := next(self._stream, None)):
            head.append(more)
        return lines_above_header([*blank, *head], self._takes_header)

    def __iter__(self) -> Iterator[T]:
        yield from self._head
        self._head = []
        yield from self._rows

    @property
    def size(self) -> int:
        """The input's size in bytes (of what a pipe held, too)."""
        return self._stream.size

    @property
    def bytes_read(self) -> int:
        """How many bytes of the input have been read so far: progress on a big file."""
        return self._stream.bytes_read

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


def _looks_binary(line: str) -> bool:
    """True for a line with control characters, unless it is a JSON object that holds them
    raw in a string (a tab, a NUL): that is a record, read as such."""
    return BINARY_RE.search(line) is not None and not is_json_object(line)


def _records_follow(lines: list[str]) -> bool:
    """True when most lines after the first are JSON records: a first line of garbage before
    JSON Lines is skipped as that line, not the file refused whole as binary."""
    rest = [line for line in lines[1:] if line.strip()]
    return bool(rest) and sum(map(is_json_object, rest)) * 2 > len(rest)


def _mostly_binary(lines: list[str]) -> bool:
    """True when the first lines of a file hold control characters as binary data does, not
    as a text file with a stray one (a NUL in a CSV cell, a raw tab in a JSON string) does."""
    found = sum(len(BINARY_RE.findall(line)) for line in lines if not is_json_object(line))
    return mostly_binary(found, sum(map(len, lines)))


def left_out_text(records: RecordFile[Any]) -> str:
    """What a file's reader left out, in words: ``234 posts and 17 follows``."""
    parts = [count_of(n, kind) for kind, n in sorted(records.left_out.items())]
    return join_and(parts)
