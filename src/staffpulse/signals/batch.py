"""Classify a file of posts: the library side of ``staffpulse classify``.

Input is JSONL (one object a line with at least ``id`` and ``text``; other fields ignored), a
JSON array of such objects, or CSV with ``id`` and ``text`` columns (comma, semicolon or tab;
chosen by the ``.csv`` extension, or by a first line that is such a header; lines above the
header, a report's title, are passed over with a note: :mod:`.record_preamble`). Keys match
whatever their case, and other names stand in for an absent ``text`` (``full_text``,
``content``, ``tweet``, ``Tweet text``...) or ``id`` (``Tweet id``, ``Post id``), with a note
(:mod:`~staffpulse.signals.record_fields`); two stand-ins for the text and no ``text`` are an
error naming them, as the file does not say which one is the post. A file with no id at all
has its records numbered by their line, with a note (a JSON array: by their place). A ``null``
text is scored as an empty post, a number as its digits and a list of texts as its texts one a
line, so that every record with an id gets its line (a deleted tweet's text is often null);
the report counts them. Output is JSONL, one object per valid input record in input order::

    {"id": ..., "job_opening": p, "personality": p, "humor": p, "work_topic": p,
     "labels": [...]}

An empty or binary file (no records at all), or a CSV header without a text column, is
an :class:`~staffpulse.errors.InputError` raised by :func:`read_records` before anything is
written, and so is a file none of whose records is usable (exit code 1). Malformed records are
never fatal when others are good: each is reported through ``on_skip`` with its file
and line number, counted, and skipped. Ids are written back exactly as read (JSON strings stay
strings, numbers stay numbers; CSV ids are strings; a line number is a number). Records are
scored in chunks, so memory stays flat on big files.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from staffpulse.errors import InputError
from staffpulse.report.counts import count_of, join_and
from staffpulse.signals.chunked import ProgressCallback, write_scored_steps
from staffpulse.signals.record_bluesky import BLUESKY_NOTE, BLUESKY_WRAPPERS, bluesky_post
from staffpulse.signals.record_fields import (
    LONGEST_TEXT,
    POST_ID_FIELDS,
    POST_TEXT_FIELDS,
    cut_texts_note,
    distinct_columns,
    field_key,
    first_field,
    is_empty_row,
    is_missing,
    is_repeated_header,
    stand_ins,
)
from staffpulse.signals.record_headerless import headerless_note, headerless_record
from staffpulse.signals.record_json import JsonDocument
from staffpulse.signals.record_objects import ReadNote, Reshape, json_objects, numbered_note
from staffpulse.signals.recordio import RecordFile
from staffpulse.signals.spread import spread_scoring
from staffpulse.signals.text import SIGNAL_NAMES, FloatArray, TextSignals
from staffpulse.sources.csvrows import (
    SEP_LINE_RE,
    CsvProblem,
    CsvRecord,
    CsvTable,
    sniff_delimiter,
)
from staffpulse.sources.mastodon import html_to_text

__all__ = ["ClassifyReport", "Record", "classify_records", "read_records"]

CHUNK = 20_000  # posts read at once: this many are worth spreading over processes
# posts scored at once, a progress step: a full chunk's steps are spread over one pool of
# processes for the run (:mod:`.spread`), a shorter chunk's (a file under CHUNK lines) scored
# in this process, as fast per post
STEP = 2_000
# a row cut short is most often the rest of a text with a line break not inside quotes
SHORT_ROW = (
    "the row ends before its {column} column: a text with a line break must be inside "
    'double quotes ("...")'
)
# an X id as Excel writes a long number (6.5873E+17): its last digits are lost
_ROUNDED_ID = re.compile(r"\d(?:[.,]\d+)?E\+\d+", re.IGNORECASE)
_COLUMNS = ("id", "text")  # the contract's, in its order: a CSV without a header has them
HTML_NOTE = "'content' is HTML, as Mastodon writes it: each post's plain text was scored"
EMPTY_HINT = (
    'check that you chose the right file: it needs one {"id": ..., "text": ...} JSON object '
    "a line, or a CSV header with id,text columns and a row per post (a file of posts one a "
    "line: add a first line that reads text)"
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
    texts_cut: int = 0  # records whose text was cut at LONGEST_TEXT characters

    def summary(self) -> str:
        """``At or above threshold: job_opening 12, personality 3, ...``"""
        found = ", ".join(f"{s} {self.counts[s]:,}" for s in SIGNAL_NAMES)
        return f"At or above threshold: {found}"

    def notes(self) -> list[str]:
        """What the user should know about the input beyond the summary (one line each)."""
        notes = []
        if self.texts_not_strings:
            notes.append(
                f"{count_of(self.texts_not_strings, 'record')} had a text that is null, a "
                'number or a list: scored as an empty post (""), as the number written out, or '
                "as the list's texts one a line"
            )
        if cut := cut_texts_note(self.texts_cut):
            notes.append(cut)
        return notes


def _has_text(obj: dict[str, Any]) -> bool:
    return bool(stand_ins(obj, POST_TEXT_FIELDS))


def _jsonl(
    fh: Iterable[str] | JsonDocument, name: str, on_skip: Callable[[str], None]
) -> Iterator[Record | ReadNote]:
    # a twarc2 file (X API v2 pages, one a line) holds its posts under "data"; a page of the
    # Bluesky API under "feed" (getAuthorFeed), "posts" or "records", with no id or text
    posts = json_objects(
        fh,
        name,
        on_skip,
        expected="id and text",
        id_keys=POST_ID_FIELDS,
        wrappers=("data", *BLUESKY_WRAPPERS),
        numbered_if=_has_text,
        reshape=Reshape(bluesky_post, BLUESKY_NOTE),
    )
    told: set[str] = set()  # the stand-ins for "text" already told in a note
    first = True
    html_told = False
    for post in posts:
        if isinstance(post, ReadNote):
            yield post
            continue
        n, where, rid, obj = post
        keys = stand_ins(obj, POST_TEXT_FIELDS)
        if len(keys) > 1 and first:
            # the file does not say which of its fields is the post; the first record is read
            # before anything is written, so the run stops before it starts (later records
            # read the first of them, in the documented order)
            raise _unclear_text(f"{where}: no 'text' field", keys)
        first = False
        key = keys[0] if keys else None
        if key is not None and key != "text" and key not in told:
            told.add(key)
            yield ReadNote(f"records with no 'text' field: their text was read from '{key}'")
        if key is None:
            found = ", ".join(obj) or "nothing"
            on_skip(f"{where}: missing text: no 'text' field (found: {found})")
            continue
        text = obj[key]
        if isinstance(text, str):
            if key == "content" and _is_html(text):
                if not html_told:
                    html_told = True
                    yield ReadNote(HTML_NOTE)
                text = html_to_text(text)[0]
            yield Record(n, rid, text)
        elif (read := _text_of(text)) is not None:
            yield Record(n, rid, read, text_was_not_a_string=True)
        else:
            on_skip(
                f"{where}: {key} is {_json_type(text)}: give the post's text as a string "
                '(null is read as an empty post: "text": null)'
            )


def _is_html(text: str) -> bool:
    """True for a Mastodon status' ``content``: HTML, its paragraphs in ``<p>``; its markup
    (a mention's link and classes) moved the personality score by 0.16 on average."""
    return text.lstrip().startswith("<")


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


def _unclear_text(where: str, keys: list[str]) -> InputError:
    """The error for a file with two or more fields that may each be the posts' text."""
    named = join_and([f"'{k}'" for k in keys])
    return InputError(
        f"{where}, and {named} could each be the posts' text",
        hint=f"rename the one that holds the posts to text (e.g. {keys[0]} -> text), then run "
        "the same command again",
    )


def _csv(
    fh: Iterable[str], name: str, on_skip: Callable[[str], None]
) -> Iterator[Record | ReadNote]:
    # The importer's CSV reader: delimiter from the header, a stray quote reported where it
    # opened (the rows after it are still read), so classify reads the rows import reads.
    fh, delimiter = _one_column(fh)
    table = CsvTable(fh, delimiter, key=str.strip)  # columns as the file spells them
    rows: Iterable[CsvRecord | CsvProblem] = table.records()
    columns = {field_key(h): h for h in reversed(table.header)}  # the first of a name wins
    texts = [columns[key] for key in stand_ins(columns, POST_TEXT_FIELDS)]
    if not texts and (first := headerless_record(table, _COLUMNS, least=2)) is not None:
        yield ReadNote(headerless_note(first, _COLUMNS))
        rows = itertools.chain([first], rows)
        columns = {"id": "id", "text": "text"}
        texts = ["text"]
    # a name told twice (id,text,text): its first column is read; only now, as the cells of a
    # first row that is a record (above) are read as they are
    table.header = distinct_columns(table.header)
    if not texts:
        # a file without a header shows its first row here: a post cut short, not all of it
        found = ", ".join(
            h if len(h) <= 40 else h[:39] + "\N{HORIZONTAL ELLIPSIS}" for h in table.header
        )
        raise InputError(
            f"{name}: the CSV header needs a 'text' column, and 'id' if the posts have ids "
            f"(found: {found or 'nothing'})",
            hint="rename the column that holds the posts to text; a file without a header needs "
            "a first line naming its columns (e.g. id,text,label); or give JSONL with id and "
            "text",
        )
    if len(texts) > 1:
        raise _unclear_text(f"{name}: the CSV header has no 'text' column", texts)
    text_col = texts[0]
    if field_key(text_col) != "text":
        yield ReadNote(f"no 'text' column: the text was read from the '{text_col}' column")
    id_key = first_field(columns, POST_ID_FIELDS)
    id_col = columns[id_key] if id_key is not None else None
    if id_col is None:
        yield ReadNote(numbered_note("'id' column", "line in the file"))
    elif id_key != "id":
        yield ReadNote(f"no 'id' column: the ids were read from the '{id_col}' column")
    rounded = False  # an id a spreadsheet wrote as 6.5873E+17 was told
    for row in rows:
        if isinstance(row, CsvProblem):
            on_skip(f"{name}:{row.line}: {row.message}")
            continue
        n = row.line
        if is_repeated_header(row.values):
            on_skip(f"{name}:{n}: the header again (files joined into one?), not a post")
            continue
        if is_empty_row(row.values):
            continue  # a row of empty cells below a table: no record, as a blank line
        text = row.values.get(text_col)
        rid = n if id_col is None else row.values.get(id_col)
        # a cell of spaces is as empty as in JSON ("id": " " is skipped) and in roles
        if not rid or (isinstance(rid, str) and not rid.strip()):
            on_skip(f"{name}:{n}: no {id_col} (its cell is empty): give each row an {id_col}")
            continue
        if text is None:  # the row ends before the text's column
            on_skip(f"{name}:{n}: {SHORT_ROW.format(column=text_col)}")
            continue
        if not rounded and isinstance(rid, str) and _ROUNDED_ID.fullmatch(rid.strip()):
            rounded = True
            yield ReadNote(
                f"ids such as {rid!r} (line {n}) were rounded by a spreadsheet, which writes "
                "long numbers so: several posts may share one; export the file again, and if "
                "you open it in a spreadsheet, import the id column as Text before saving"
            )
        yield Record(n, rid, text)


def _one_column(lines: Iterable[str]) -> tuple[Iterable[str], str | None]:
    """``lines`` as they were, and the delimiter to read them with: None to find it from the
    header, or one no text holds when the header is one column (``text``, a list of posts):
    each line is then one post, whatever commas it holds, not a row too wide to read."""
    source = iter(lines)
    ahead: list[str] = []
    for line in source:
        ahead.append(line)
        if line.strip():
            break
    header = ahead[-1] if ahead else ""
    one = bool(header.strip()) and sniff_delimiter(header) not in header
    one = one and SEP_LINE_RE.match(header) is None
    return itertools.chain(ahead, source), "\x1f" if one else None


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
        one_column=POST_TEXT_FIELDS,
    )


def takes_header(columns: set[str]) -> bool:
    """Whether a CSV header with these column names (folded) is one classify reads: a text
    column, and an id or another column (a report's one-word title line, "Content", is no
    header)."""
    has_id = first_field(columns, POST_ID_FIELDS) is not None
    return first_field(columns, POST_TEXT_FIELDS) is not None and (has_id or len(columns) > 1)


def classify_records(
    model: TextSignals,
    records: RecordFile[Record],
    output: IO[str],
    on_progress: ProgressCallback | None = None,
    step: int = STEP,
) -> ClassifyReport:
    """Score records already opened with :func:`read_records`; JSONL lines go to ``output``."""
    counts = dict.fromkeys(SIGNAL_NAMES, 0)

    texts_cut = 0
    not_strings = 0

    def texts_of(batch: list[Record]) -> list[str]:
        nonlocal texts_cut, not_strings
        texts_cut += sum(len(r.text) > LONGEST_TEXT for r in batch)
        not_strings += sum(r.text_was_not_a_string for r in batch)
        return [r.text[:LONGEST_TEXT] for r in batch]

    def rows_of(batch: list[Record], scores: dict[str, FloatArray]) -> list[dict[str, Any]]:
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

    # one pool of processes for the run, a step of a chunk at a time: the bar moves each step
    with spread_scoring(model) as score_texts:

        def score_steps(steps: list[list[Record]]) -> Iterator[list[dict[str, Any]]]:
            return map(rows_of, steps, score_texts([texts_of(piece) for piece in steps]))

        written = write_scored_steps(records, score_steps, output, on_progress, CHUNK, step)
    return ClassifyReport(written, records.skipped, counts, not_strings, texts_cut)
