"""Classify a file of posts: the library side of ``staffpulse classify``.

Input is JSONL (one object a line with at least ``id`` and ``text``; other fields ignored), a
JSON array of such objects, or CSV with ``id`` and ``text`` columns (comma, semicolon or tab;
chosen by the ``.csv`` extension, or by a first line that is such a header; lines above the
header, a report's title, are passed over with a note: :mod:`.record_preamble`). Keys match
whatever their case, and ``full_text``, ``content`` or ``tweet`` stand in for an absent
``text`` (:mod:`~staffpulse.signals.record_fields`). A ``null`` text is scored as an empty
post, a number as its digits and a list of texts as its texts one a line, so that every record
with an id gets its line (a deleted tweet's text is often null); the report counts them. Output is JSONL, one object per valid
input record in input order::

    {"id": ..., "job_opening": p, "personality": p, "humor": p, "work_topic": p,
     "labels": [...]}

An empty or binary file (no records at all), or a CSV header without ``id`` and ``text``, is
an :class:`~staffpulse.errors.InputError` raised by :func:`read_records` before anything is
written, and so is a file none of whose records is usable (exit code 1). Malformed records are
never fatal when others are good: each is reported through ``on_skip`` with its file
and line number, counted, and skipped. Ids are written back exactly as read (JSON strings stay
strings, numbers stay numbers; CSV ids are strings). Records are scored in chunks, so memory
stays flat on big files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from staffpulse.errors import InputError
from staffpulse.report.counts import count_of
from staffpulse.signals.chunked import ProgressCallback, write_scored_jsonl
from staffpulse.signals.record_fields import (
    POST_TEXT_FIELDS,
    field_key,
    first_field,
    is_empty_row,
    is_missing,
    is_repeated_header,
)
from staffpulse.signals.record_json import JsonDocument
from staffpulse.signals.recordio import RecordFile, json_objects
from staffpulse.signals.text import SIGNAL_NAMES, TextSignals
from staffpulse.sources.csvrows import CsvProblem, CsvTable

__all__ = ["ClassifyReport", "Record", "classify_records", "read_records"]

CHUNK = 20_000  # posts scored at once: the text model splits this many over processes
# posts scored at once in a shorter chunk (a file under CHUNK lines): as fast per post as
# CHUNK in one process, and a progress step every fraction of a second
STEP = 2_000
# a row cut short is most often the rest of a text with a line break not inside quotes
SHORT_ROW = (
    "the row ends before its {column} column: a text with a line break must be inside "
    'double quotes ("...")'
)
EMPTY_HINT = (
    'check that you chose the right file: it needs one {"id": ..., "text": ...} JSON object '
    "a line, or a CSV header with id,text columns and a row per post"
)


@dataclass(frozen=True, slots=True)
class Record:
    line: int
    id: Any
    text: str
    text_was_not_a_string: bool = False  # null or a number, scored as "" or its digits


@dataclass(frozen=True, slots=True)
class ClassifyReport:
    written: int
    skipped: int
    counts: dict[str, int]  # posts at or above each signal's threshold
    texts_not_strings: int = 0  # records whose text was null or a number

    def summary(self) -> str:
        """``At or above threshold: job_opening 12, personality 3, ...``"""
        found = ", ".join(f"{s} {self.counts[s]:,}" for s in SIGNAL_NAMES)
        return f"At or above threshold: {found}"

    def notes(self) -> list[str]:
        """What the user should know about the input beyond the summary (one line each)."""
        if not self.texts_not_strings:
            return []
        return [
            f"{count_of(self.texts_not_strings, 'record')} had a text that is null, a number "
            'or a list: scored as an empty post (""), as the number written out, or as the '
            "list's texts one a line"
        ]


def _jsonl(
    fh: Iterable[str] | JsonDocument, name: str, on_skip: Callable[[str], None]
) -> Iterator[Record]:
    # a twarc2 file (X API v2 pages, one a line) holds its posts under "data"
    posts = json_objects(fh, name, on_skip, expected="id and text", wrapper="data")
    for n, where, rid, obj in posts:
        key = first_field(obj, POST_TEXT_FIELDS)
        if key is None:
            found = ", ".join(obj) or "nothing"
            on_skip(f"{where}: missing text: no 'text' field (found: {found})")
            continue
        text = obj[key]
        if isinstance(text, str):
            yield Record(n, rid, text)
        elif (read := _text_of(text)) is not None:
            yield Record(n, rid, read, text_was_not_a_string=True)
        else:
            on_skip(
                f"{where}: {key} is {_json_type(text)}: give the post's text as a string "
                '(null is read as an empty post: "text": null)'
            )


def _text_of(value: Any) -> str | None:
    """A text that is not a string, as it is scored: null as an empty post, a number as its
    digits, a list of strings (a thread, a post in parts) as its parts, one a line; None for
    what says no text (true, an object)."""
    if is_missing(value):  # NaN too: pandas' missing cell, not a number to write out
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list):
        parts = [part for part in value if not is_missing(part)]  # a deleted part says nothing
        if all(isinstance(part, str) for part in parts):
            return "\n".join(parts)
    return None


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    return "a list of things other than texts" if isinstance(value, list) else "an object"


def _csv(fh: Iterable[str], name: str, on_skip: Callable[[str], None]) -> Iterator[Record]:
    # The importer's CSV reader: delimiter from the header, a stray quote reported where it
    # opened (the rows after it are still read), so classify reads the rows import reads.
    table = CsvTable(fh)
    columns = {field_key(h): h for h in reversed(table.header)}  # the first of a name wins
    text_col = first_field(columns, POST_TEXT_FIELDS)
    if "id" not in columns or text_col is None:
        found = ", ".join(table.header) or "nothing"
        raise InputError(
            f"{name}: the CSV header needs 'id' and 'text' columns (found: {found})",
            hint="rename the columns, or give JSONL with id and text",
        )
    id_col, text_col = columns["id"], columns[text_col]
    for row in table.records():
        if isinstance(row, CsvProblem):
            on_skip(f"{name}:{row.line}: {row.message}")
            continue
        n = row.line
        if is_repeated_header(row.values):
            on_skip(f"{name}:{n}: the header again (files joined into one?), not a post")
            continue
        rid, text = row.values.get(id_col), row.values.get(text_col)
        if not rid:
            if not is_empty_row(row.values):
                on_skip(f"{name}:{n}: no {id_col} (its cell is empty): give each row an {id_col}")
            continue
        if text is None:  # the row ends before the text's column
            on_skip(f"{name}:{n}: {SHORT_ROW.format(column=text_col)}")
            continue
        yield Record(n, rid, text)


def read_records(path: Path, on_skip: Callable[[str], None]) -> RecordFile[Record]:
    """Valid records of ``path`` in order; malformed ones go to ``on_skip`` with file:line.

    Raises :class:`~staffpulse.errors.InputError` at once for a missing, unreadable or empty
    file or an unusable CSV header; use the result in a ``with`` block to close the file."""
    return RecordFile(
        path,
        on_skip,
        _jsonl,
        _csv,
        csv_header_words=("id", "text"),
        empty_hint=EMPTY_HINT,
        takes_header=takes_header,
    )


def takes_header(columns: set[str]) -> bool:
    """Whether a CSV header with these column names (folded) is one classify reads."""
    return "id" in columns and first_field(columns, POST_TEXT_FIELDS) is not None


def classify_records(
    model: TextSignals,
    records: RecordFile[Record],
    output: IO[str],
    on_progress: ProgressCallback | None = None,
    step: int = STEP,
) -> ClassifyReport:
    """Score records already opened with :func:`read_records`; JSONL lines go to ``output``."""
    counts = dict.fromkeys(SIGNAL_NAMES, 0)

    def score(batch: list[Record]) -> list[dict[str, Any]]:
        scores = model.score([r.text for r in batch])
        cut = model.thresholds_
        cols = [scores[s].tolist() for s in SIGNAL_NAMES]
        rows = []
        for i, rec in enumerate(batch):
            values = {s: round(float(cols[j][i]), 6) for j, s in enumerate(SIGNAL_NAMES)}
            labels = [s for s in SIGNAL_NAMES if values[s] >= cut[s]]
            for s in labels:
                counts[s] += 1
            rows.append({"id": rec.id, **values, "labels": labels})
        return rows

    not_strings = 0

    def score_counting(batch: list[Record]) -> list[dict[str, Any]]:
        nonlocal not_strings
        not_strings += sum(r.text_was_not_a_string for r in batch)
        return score(batch)

    written = write_scored_jsonl(records, score_counting, output, on_progress, CHUNK, step)
    return ClassifyReport(written, records.skipped, counts, not_strings)
