"""A staffpulse JSONL record split over lines by a line break pasted into its text, read whole.

A text copied from an editor or a chat often brings its line break along, and a JSON Lines
record holding one is cut in two: its first line stops inside the text, its next line starts
in the middle of it. Each line was skipped on its own (the first told "was the file cut
short?", the next "expecting value at column 1") and the record lost. When the lines after it
carry on the open text and close the record, :func:`read_json_lines` reads them as one record
with the line break kept in its text, and tells it once. Lines that do not close the record
so (a line cut short, followed by the next record) are read and told line by line as before.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from staffpulse.report.counts import join_and
from staffpulse.sources.base import Notice
from staffpulse.sources.json_heads import RECORD_LINES

_MOST_CHARS = 1_000_000  # nor is a record this long
_TOLD_EACH = 3  # records told one by one; the rest in one note, with their lines
_LINES_SHOWN = 5  # lines named in that note


class _Lines:
    """Numbered lines, with those read ahead to rejoin a record put back when they do not."""

    def __init__(self, lines: Iterable[tuple[int, str]]) -> None:
        self._lines = iter(lines)
        self._back: deque[tuple[int, str]] = deque()

    def take(self) -> tuple[int, str] | None:
        return self._back.popleft() if self._back else next(self._lines, None)

    def put_back(self, taken: list[tuple[int, str]]) -> None:
        self._back.extendleft(reversed(taken))


def read_json_lines(
    path: str, lines: Iterable[tuple[int, str]]
) -> Iterator[tuple[int, Any] | Notice]:
    """(line number, parsed value or its JSON error) for each non-blank line of ``lines``, a
    record split by line breaks in its text read whole at the line it starts on, with a note.
    Each line is parsed without its line break, so that an error's column is the file line's."""
    numbered = _Lines(lines)
    rejoined: list[tuple[int, int]] = []  # (first line, last line) of each record read whole
    while (found := numbered.take()) is not None:
        number, line = found
        if not line.strip():
            continue
        text = line.rstrip("\r\n")
        try:
            yield number, json.loads(text)
            continue
        except json.JSONDecodeError as exc:
            whole = _rejoined(text, exc, numbered) if _ends_in_text(exc) else None
            if whole is None:
                yield number, exc
                continue
        record, last = whole
        rejoined.append((number, last))
        if len(rejoined) <= _TOLD_EACH:
            yield Notice(path, _told(number, last))
        yield number, record
    if len(rejoined) > _TOLD_EACH:
        yield Notice(path, _told_rest(rejoined[_TOLD_EACH:]))


def _ends_in_text(exc: json.JSONDecodeError) -> bool:
    """Whether a line stops inside a string: its text goes on on the next line, or was cut."""
    return exc.msg.startswith("Unterminated string")


def _rejoined(text: str, exc: json.JSONDecodeError, lines: _Lines) -> tuple[Any, int] | None:
    """The record that ``text`` (a line stopping inside a string) opens, read with the lines
    after it that carry on that string and close the record, and the last of those lines;
    None, those lines put back, when no such lines make it one JSON object."""
    taken: list[tuple[int, str]] = []
    joined = text
    while len(taken) < RECORD_LINES - 1 and len(joined) < _MOST_CHARS and _ends_in_text(exc):
        found = lines.take()
        if found is None:
            break
        taken.append(found)
        joined += "\\n" + found[1].rstrip("\r\n")  # the line break, kept in the text
        try:
            record = json.loads(joined)
        except json.JSONDecodeError as still:
            exc = still  # open still (a text of several lines), or not this record's text
            continue
        if isinstance(record, dict):
            return record, found[0]
        break
    lines.put_back(taken)
    return None


def _told(first: int, last: int) -> str:
    more = (
        f"line {last}, split by a line break"
        if last == first + 1
        else f"lines {first + 1}\N{EN DASH}{last}, split by line breaks"
    )
    return (
        f"line {first}'s record continues on {more} in its text: read as one record, with"
        f" {'the line break' if last == first + 1 else 'those line breaks'} kept in its text"
    )


def _told_rest(rejoined: list[tuple[int, int]]) -> str:
    shown = [str(first) for first, _last in rejoined[:_LINES_SHOWN]]
    if len(rejoined) > _LINES_SHOWN:
        shown.append(f"{len(rejoined) - _LINES_SHOWN:,} more")
    return (
        f"{len(rejoined):,} more records are split over lines by line breaks in their text: each"
        f" read as one record, with its line breaks kept in its text (the records on lines"
        f" {join_and(shown)})"
    )


__all__ = ["read_json_lines"]
