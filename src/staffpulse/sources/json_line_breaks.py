"""A staffpulse JSONL record split over lines by a line break pasted into its text, read whole.

A text copied from an editor or a chat often brings its line break along, and a JSON Lines
record holding one is cut in two: its first line stops inside the text, its next line starts
in the middle of it. Each line was skipped on its own (the first told "was the file cut
short?", the next "expecting value at column 1") and the record lost. When the lines after it
carry on the open text and close the record, :func:`read_json_lines` reads them as one record
with the line break kept in its text, and tells it once. Lines that do not close the record
so (a line cut short, followed by the next record) are read and told line by line as before.

The other JSON Lines readers (twarc2 pages, X API v1.1 tweets, Bluesky and Mastodon
responses, :func:`staffpulse.sources.jsonio.iter_json_lines`) get the same help from
:func:`rejoin_line` and :class:`RejoinedNotes`: a tweet whose text was split so is read whole
there too, not lost with the page it is on.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any, Generic, TypeVar

from staffpulse.report.counts import join_and
from staffpulse.sources.base import Notice
from staffpulse.sources.json_heads import RECORD_LINES

_MOST_CHARS = 1_000_000  # nor is a record this long
_TOLD_EACH = 3  # records told one by one; the rest in one note, with their lines
_LINES_SHOWN = 5  # lines named in that note


_Line = TypeVar("_Line", str, bytes)


class NumberedLines(Generic[_Line]):
    """Numbered lines (text, or bytes), with those read ahead to rejoin a record put back
    when they do not."""

    def __init__(self, lines: Iterable[tuple[int, _Line]]) -> None:
        self._lines: Iterator[tuple[int, _Line]] = iter(lines)
        self._back: deque[tuple[int, _Line]] = deque()

    def take(self) -> tuple[int, _Line] | None:
        return self._back.popleft() if self._back else next(self._lines, None)

    def put_back(self, taken: list[tuple[int, _Line]]) -> None:
        self._back.extendleft(reversed(taken))


def _as_text(line: str | bytes) -> str:
    """A line without its line break, as text (a byte line is UTF-8: jsonio made it so)."""
    text = line if isinstance(line, str) else line.decode("utf-8", errors="replace")
    return text.rstrip("\r\n")


class RejoinedNotes:
    """What is told of the records read whole over several lines: the first few one by one
    (:meth:`told`), the rest in one note at the end (:meth:`rest`)."""

    def __init__(self) -> None:
        self._rejoined: list[tuple[int, int]] = []  # (first line, last line) of each

    def told(self, first: int, last: int) -> str | None:
        """The note for a record read from lines ``first`` to ``last``; None past the first
        few (summed up by :meth:`rest`)."""
        self._rejoined.append((first, last))
        return _told(first, last) if len(self._rejoined) <= _TOLD_EACH else None

    def rest(self) -> str | None:
        """The note for the records not told one by one; None when there were none."""
        if len(self._rejoined) <= _TOLD_EACH:
            return None
        return _told_rest(self._rejoined[_TOLD_EACH:])


def rejoin_line(text: str, lines: NumberedLines[_Line]) -> tuple[Any, int] | None:
    """The record a line that is no JSON (``text``, without its line break) opens when it
    stops inside a string that the lines after it carry on and close, and the last of those
    lines; None (those lines put back) when it does not."""
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        return _rejoined(text, exc, lines) if _ends_in_text(exc) else None
    return None  # pragma: no cover - called for a line that did not parse


def read_json_lines(
    path: str, lines: Iterable[tuple[int, str]]
) -> Iterator[tuple[int, Any] | Notice]:
    """(line number, parsed value or its JSON error) for each non-blank line of ``lines``, a
    record split by line breaks in its text read whole at the line it starts on, with a note.
    Each line is parsed without its line break, so that an error's column is the file line's."""
    numbered = NumberedLines(lines)
    notes = RejoinedNotes()
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
        if (said := notes.told(number, last)) is not None:
            yield Notice(path, said)
        yield number, record
    if (rest := notes.rest()) is not None:
        yield Notice(path, rest)


def _ends_in_text(exc: json.JSONDecodeError) -> bool:
    """Whether a line stops inside a string: its text goes on on the next line, or was cut."""
    return exc.msg.startswith("Unterminated string")


def _rejoined(
    text: str, exc: json.JSONDecodeError, lines: NumberedLines[_Line]
) -> tuple[Any, int] | None:
    """The record that ``text`` (a line stopping inside a string) opens, read with the lines
    after it that carry on that string and close the record, and the last of those lines;
    None, those lines put back, when no such lines make it one JSON object."""
    taken: list[tuple[int, _Line]] = []
    joined = text
    while len(taken) < RECORD_LINES - 1 and len(joined) < _MOST_CHARS and _ends_in_text(exc):
        found = lines.take()
        if found is None:
            break
        taken.append(found)
        joined += "\\n" + _as_text(found[1])  # the line break, kept in the text
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


__all__ = ["NumberedLines", "RejoinedNotes", "read_json_lines", "rejoin_line"]
