"""Scoring a record file chunk by chunk into JSONL: the loop ``classify`` and ``roles`` share.

Records come in lazily (:class:`~staffpulse.signals.recordio.RecordFile`); a chunk of them is
scored at once (the models are vectorised), and each chunk is written as one JSON line per
record, in input order, before the next is read. Memory stays flat on big files, and a
progress callback hears each chunk as it is written.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable
from typing import IO, Any, Protocol, TypeVar

__all__ = ["RecordReport", "write_scored_jsonl"]

T = TypeVar("T")


class RecordReport(Protocol):
    """What a run over a record file tells its caller: lines written, records skipped, a
    one-line summary of what was found, and notes on the input (for the terminal)."""

    @property
    def written(self) -> int: ...

    @property
    def skipped(self) -> int: ...

    def summary(self) -> str: ...

    def notes(self) -> list[str]: ...


def write_scored_jsonl(
    records: Iterable[T],
    score_chunk: Callable[[list[T]], Iterable[dict[str, Any]]],
    output: IO[str],
    on_progress: Callable[[int], None] | None,
    chunk: int,
) -> int:
    """Score ``records`` ``chunk`` at a time with ``score_chunk`` (one JSON object per record
    of the chunk, in order) and write each object as a JSON line to ``output``.

    Returns how many lines were written; ``on_progress`` hears how many each chunk wrote."""
    written = 0
    pending = iter(records)
    while batch := list(itertools.islice(pending, chunk)):
        lines = [json.dumps(row, ensure_ascii=False) for row in score_chunk(batch)]
        output.write("\n".join(lines) + "\n")
        written += len(lines)
        if on_progress is not None:
            on_progress(len(lines))
    return written
