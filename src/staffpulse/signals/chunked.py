"""Scoring a record file chunk by chunk into JSONL: the loop ``classify`` and ``roles`` share.

Records come in lazily (:class:`~staffpulse.signals.recordio.RecordFile`); a chunk of them is
scored at once (the models are vectorised), and each chunk is written as one JSON line per
record, in input order, before the next is read. Memory stays flat on big files, and a
progress callback hears each chunk as it is written.

A short chunk (the last one, and so the whole of a file smaller than a chunk) is scored a
``step`` at a time, so that the progress bar moves during it: it used to stay at "0 posts"
for the whole run of a file under 20,000 lines. A full chunk is scored at once by
:func:`write_scored_jsonl` (``roles``); :func:`write_scored_steps` hands every chunk's steps to
a caller that scores them itself: ``classify`` spreads them over one pool of processes
(:mod:`.spread`), so its bar moves each step there too.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, Protocol, TypeVar

from staffpulse.signals.record_json import exact_token

__all__ = [
    "ProgressCallback",
    "RecordReport",
    "make_jsonl_safe",
    "write_scored_jsonl",
    "write_scored_steps",
]

T = TypeVar("T")
# (lines just written, records of the chunk read but not yet written): the second lets a bar
# that measures bytes read tell how far into the chunk the scoring is
ProgressCallback = Callable[[int, int], None]


class RecordReport(Protocol):
    """What a run over a record file tells its caller: lines written, records skipped, a
    one-line summary of what was found, and notes on the input (for the terminal)."""

    @property
    def written(self) -> int: ...

    @property
    def skipped(self) -> int: ...

    def summary(self) -> str: ...

    def notes(self) -> list[str]: ...


Rows = Iterable[dict[str, Any]]


def write_scored_jsonl(
    records: Iterable[T],
    score_chunk: Callable[[list[T]], Rows],
    output: IO[str],
    on_progress: ProgressCallback | None,
    chunk: int,
    step: int | None = None,
) -> int:
    """Score ``records`` ``chunk`` at a time with ``score_chunk`` (one JSON object per record
    of the chunk, in order) and write each object as a JSON line to ``output``; a chunk shorter
    than ``chunk`` is scored ``step`` records at a time (default: at once).

    Returns how many lines were written; ``on_progress`` hears how many each call of
    ``score_chunk`` wrote, and how many records of the chunk are still to score."""
    return _write_steps(
        records, lambda steps: map(score_chunk, steps), output, on_progress, chunk, step, True
    )


def write_scored_steps(
    records: Iterable[T],
    score_steps: Callable[[list[list[T]]], Iterator[Rows]],
    output: IO[str],
    on_progress: ProgressCallback | None,
    chunk: int,
    step: int,
) -> int:
    """:func:`write_scored_jsonl` for a caller that scores a chunk's steps itself: every
    chunk, full or not, is cut in ``step`` records and ``score_steps`` gives each step's
    objects, in order (``classify`` spreads them over processes)."""
    return _write_steps(records, score_steps, output, on_progress, chunk, step, False)


def _write_steps(
    records: Iterable[T],
    score_steps: Callable[[list[list[T]]], Iterator[Rows]],
    output: IO[str],
    on_progress: ProgressCallback | None,
    chunk: int,
    step: int | None,
    whole_full_chunks: bool,
) -> int:
    written = 0
    pending = iter(records)
    while batch := list(itertools.islice(pending, chunk)):
        whole = whole_full_chunks and len(batch) == chunk
        size = len(batch) if whole else max(1, step or chunk)
        steps = [batch[start : start + size] for start in range(0, len(batch), size)]
        waiting = len(batch)
        for piece, rows in zip(steps, score_steps(steps), strict=True):
            lines = [_dump_row(row) for row in rows]
            output.write(make_jsonl_safe("\n".join(lines) + "\n"))
            written += len(lines)
            waiting -= len(piece)
            if on_progress is not None:
                on_progress(len(lines), waiting)
    return written


def _dump_row(row: dict[str, Any]) -> str:
    """One JSON line, its leading ``id`` written as the input gave it: ``json.dumps`` writes
    the id ``-0`` as ``0`` and ``1e2`` as ``100.0``, and a scorer that matches ids as text
    would lose those records."""
    line = json.dumps(row, ensure_ascii=False)
    token = exact_token(row.get("id"))
    if token is None:  # nearly every row: its id is written as it was read
        return line
    head = '{"id": ' + json.dumps(row.get("id"))
    if not line.startswith(head):
        return line
    return '{"id": ' + token + line[len(head) :]


def make_jsonl_safe(text: str) -> str:
    """JSON Lines text as every reader takes it, nearly always ``text`` as it is.

    A lone surrogate (an id read from ``"\\ud83d"``, half an emoji) is written as that same
    ``\\ud83d`` escape: ``json.dumps(ensure_ascii=False)`` leaves it raw, no UTF-8 file can
    hold it, and the whole run stopped on it (exit 70). U+2028, U+2029 and U+0085, which
    ``str.splitlines()`` and some JSONL readers take as line ends, are escaped too, so that
    an id holding one still reads as one line. Each can only stand inside a JSON string,
    where its escape reads back as the same character. Plain ASCII, nearly every chunk, is
    checked in C and returned as it is."""
    if text.isascii():
        return text
    safe = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return safe.translate(_LINE_ENDS)


_LINE_ENDS = {0x2028: "\\u2028", 0x2029: "\\u2029", 0x85: "\\u0085"}
