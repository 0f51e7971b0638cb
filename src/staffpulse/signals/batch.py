"""Classify a file of posts: the library side of ``staffpulse classify``.

Input is JSONL (one object a line with at least ``id`` and ``text``; other fields ignored) or
CSV with ``id`` and ``text`` columns (chosen by the ``.csv`` extension, or by a first line
that is not JSON). Output is JSONL, one object per valid input record in input order::

    {"id": ..., "job_opening": p, "personality": p, "humor": p, "work_topic": p,
     "labels": [...]}

Malformed records are never fatal: each is reported through ``on_skip`` with its file and
line number, counted, and skipped. Ids are written back exactly as read (JSON strings stay
strings, numbers stay numbers; CSV ids are strings). Records are scored in chunks, so memory
stays flat on big files.
"""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from staffpulse.errors import InputError
from staffpulse.signals.text import SIGNAL_NAMES, TextSignals

__all__ = ["ClassifyReport", "Record", "classify_file", "read_records"]

CHUNK = 50_000
csv.field_size_limit(2**31 - 1)


@dataclass(frozen=True, slots=True)
class Record:
    line: int
    id: Any
    text: str


@dataclass(frozen=True, slots=True)
class ClassifyReport:
    written: int
    skipped: int
    counts: dict[str, int]  # posts at or above each signal's threshold


def _open(path: Path) -> IO[str]:
    try:
        return path.open(encoding="utf-8-sig", errors="replace", newline="")
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file", hint="check the path of INPUT") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path} is a folder", hint="give one JSONL or CSV file") from exc
    except OSError as exc:
        raise InputError(
            f"{path}: cannot read the file ({exc.strerror})", hint="check its permissions"
        ) from exc


def _valid_id(value: Any) -> bool:
    return (isinstance(value, str) and value != "") or (
        isinstance(value, int | float) and not isinstance(value, bool)
    )


def _jsonl(fh: Iterable[str], name: str, on_skip: Callable[[str], None]) -> Iterator[Record]:
    for n, line in enumerate(fh, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            on_skip(f"{name}:{n}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            on_skip(f"{name}:{n}: expected a JSON object with id and text")
            continue
        if not _valid_id(obj.get("id")):
            on_skip(f"{name}:{n}: missing or invalid id")
            continue
        text = obj.get("text")
        if not isinstance(text, str):
            on_skip(f"{name}:{n}: missing text (a string is required)")
            continue
        yield Record(n, obj["id"], text)


def _csv(fh: Iterable[str], name: str, on_skip: Callable[[str], None]) -> Iterator[Record]:
    reader = csv.DictReader(fh)
    fields = [f.strip().lower() for f in reader.fieldnames or []]
    if "id" not in fields or "text" not in fields:
        raise InputError(
            f"{name}: the CSV header needs 'id' and 'text' columns (found: {', '.join(fields)})",
            hint="rename the columns, or give JSONL with id and text",
        )
    reader.fieldnames = fields
    for row in reader:
        n = reader.line_num
        if None in row:
            on_skip(f"{name}:{n}: more fields than the header")
            continue
        rid, text = row.get("id"), row.get("text")
        if not rid or text is None:
            on_skip(f"{name}:{n}: missing id or text")
            continue
        yield Record(n, rid, text)


def read_records(path: Path, on_skip: Callable[[str], None]) -> Iterator[Record]:
    """Valid records of ``path`` in order; malformed ones go to ``on_skip`` with file:line."""
    with _open(path) as stream:
        if path.suffix.lower() == ".csv":
            yield from _csv(stream, str(path), on_skip)
            return
        first = stream.readline()
        head = first.strip().lower()
        lines = itertools.chain([first], stream)
        if not head.startswith(("{", "[")) and "," in head and "id" in head and "text" in head:
            yield from _csv(lines, str(path), on_skip)  # a CSV without the .csv extension
        else:
            yield from _jsonl(lines, str(path), on_skip)


def classify_file(
    model: TextSignals,
    input_path: Path,
    output: IO[str],
    on_skip: Callable[[str], None],
    on_progress: Callable[[int], None] | None = None,
    chunk: int = CHUNK,
) -> ClassifyReport:
    """Score every valid record of ``input_path`` and write JSONL lines to ``output``."""
    skipped = 0

    def skip(msg: str) -> None:
        nonlocal skipped
        skipped += 1
        on_skip(msg)

    written = 0
    counts = dict.fromkeys(SIGNAL_NAMES, 0)
    batch: list[Record] = []

    def flush() -> None:
        nonlocal written
        scores = model.score([r.text for r in batch])
        cut = model.thresholds_
        cols = [scores[s].tolist() for s in SIGNAL_NAMES]
        lines = []
        for i, rec in enumerate(batch):
            values = {s: round(float(cols[j][i]), 6) for j, s in enumerate(SIGNAL_NAMES)}
            labels = [s for s in SIGNAL_NAMES if values[s] >= cut[s]]
            for s in labels:
                counts[s] += 1
            lines.append(json.dumps({"id": rec.id, **values, "labels": labels}, ensure_ascii=False))
        output.write("\n".join(lines) + "\n")
        written += len(batch)
        if on_progress is not None:
            on_progress(len(batch))
        batch.clear()

    for rec in read_records(input_path, skip):
        batch.append(rec)
        if len(batch) >= chunk:
            flush()
    if batch:
        flush()
    return ClassifyReport(written, skipped, counts)
