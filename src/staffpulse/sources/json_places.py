"""The line an entry of a whole JSON document starts on, for a skip told by its place.

A saved response read whole (a list of feed items, a page pretty-printed over many lines)
names an entry it could not read by its place in the document: ``[3]`` (the fourth item of a
list), ``feed[1]``, ``[3] feed[1]``. The import's summary says each skip is named "with its
file and line": so the line that entry starts on is found here, with one scan of the document
for all its skips, and told with it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from staffpulse.sources.base import Item, Problem
from staffpulse.sources.json_document_errors import DocumentError
from staffpulse.sources.json_documents import document_bytes

# A place as the sources write it first in a message: "[3] ", "feed[1]", "[3] feed[1]", and
# Mastodon's "item 3: " (a list's item by its number, as "[3]")
_PLACE_RE = re.compile(r"^(?:\[(\d+)\] ?|item (\d+): )?(?:(\w+)\[(\d+)\])?")
# A string, a bracket or brace, a comma or colon, or a number, true, false or null
_TOKEN_RE = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{},:]|[^\s\[\]{},:"]+', re.DOTALL)

Place = tuple[int | str, ...]


def place_of(message: str) -> Place:
    """The place a message names first (``[3] feed[1]: ...``: ``(3, "feed", 1)``); ``()``
    when it names none."""
    match = _PLACE_RE.match(message)
    if match is None:  # pragma: no cover - the pattern matches every text
        return ()
    item, numbered, key, number = match.groups()
    item = item or numbered
    place: list[int | str] = [] if item is None else [int(item)]
    if key is not None and number is not None:
        place += [key, int(number)]
    return tuple(place)


@dataclass(slots=True)
class _Open:
    """A list or object the scan is in: where in it the scan stands."""

    is_list: bool
    position: int | str  # the item's number in a list, the key's name in an object
    key_next: bool = False  # in an object: the next string is a key


def with_lines(path: Path, items: Iterable[Item]) -> Iterator[Item]:
    """``items`` read from the whole JSON document in ``path``, each problem told with no line
    given the line its entry starts on (told after the records: the document is scanned once,
    for them all)."""
    unplaced: list[Problem] = []
    for item in items:
        if isinstance(item, Problem) and item.line is None and place_of(item.message):
            unplaced.append(item)
        else:
            yield item
    if not unplaced:
        return
    try:
        lines = place_lines(document_bytes(path), [place_of(p.message) for p in unplaced])
    except DocumentError:  # read a moment ago: told by its place alone
        lines = {}
    for problem in unplaced:
        yield replace(problem, line=lines.get(place_of(problem.message)))


def place_lines(data: bytes, places: Collection[Place]) -> dict[Place, int]:
    """The line (from 1) each of ``places`` starts on in the JSON document ``data``; a place
    the document does not hold is left out."""
    wanted = {place for place in places if place}
    found: dict[Place, int] = {}
    opened: list[_Open] = []
    line, at = 1, 0
    for match in _TOKEN_RE.finditer(data):
        if len(found) == len(wanted):
            break
        token = match.group()
        if token in (b"]", b"}"):
            if opened:
                opened.pop()
            continue
        if token == b":":
            continue
        if token == b",":
            if opened and opened[-1].is_list:
                opened[-1].position = int(opened[-1].position) + 1
            elif opened:
                opened[-1].key_next = True
            continue
        if opened and opened[-1].key_next and token[:1] == b'"':
            opened[-1].position, opened[-1].key_next = token[1:-1].decode("utf-8", "replace"), False
            continue
        # a value starts here: its place is where each open list and object stands
        place = tuple(where.position for where in opened)
        if place in wanted:
            line += data.count(b"\n", at, match.start())
            at = match.start()
            found[place] = line
        if token in (b"[", b"{"):
            opened.append(_Open(True, 0) if token == b"[" else _Open(False, "", key_next=True))
    return found
