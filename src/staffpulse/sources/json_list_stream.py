"""One list of a large JSON document read entry by entry: Mastodon's ``outbox.json``, whose
``orderedItems`` parsed whole took ~5 times the file's size in memory (a 92 MB outbox of 100,000
activities: 584 MB at its peak).

:func:`split_list` finds where each entry of the list begins and ends with one scan of the
bytes (strings and brackets only), checks that every entry and the rest of the document parse,
and gives the entries as a sequence that parses one when it is asked for
(:class:`LazyEntries`). A document it cannot split so (one that does not parse, a list holding
numbers) gives None: the caller parses it whole, as before, and tells what is wrong with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from typing import Any, overload

import orjson

_TOKEN_RE = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)
_KEY_RE = re.compile(rb"\s*:")
_BETWEEN_RE = re.compile(rb"\s*,\s*")
_BLANK_RE = re.compile(rb"\s*")
_QUOTE, _OPENERS = ord('"'), (ord("["), ord("{"))


class LazyEntries(Sequence[Any]):
    """The entries of a list in a document's bytes, each parsed when it is asked for (and not
    kept): iterating holds one entry at a time."""

    def __init__(self, data: bytes, bounds: list[tuple[int, int]]) -> None:
        self._data = data
        self._bounds = bounds

    def __len__(self) -> int:
        return len(self._bounds)

    @overload
    def __getitem__(self, index: int) -> Any: ...

    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [orjson.loads(self._data[a:b]) for a, b in self._bounds[index]]
        start, end = self._bounds[index]
        return orjson.loads(self._data[start:end])

    def __iter__(self) -> Iterator[Any]:
        for start, end in self._bounds:
            yield orjson.loads(self._data[start:end])

    def lines(self) -> list[int]:
        """The line each entry starts on in the document: where a fault in one, or an entry
        found again, is told."""
        return lines_at(partial(self._data.count, b"\n"), (start for start, _ in self._bounds))


def lines_at(newlines: Callable[[int, int], int], starts: Iterable[int]) -> list[int]:
    """The line (from 1) each of the offsets ``starts``, in order, stands on in a document;
    ``newlines(a, b)`` counts its line breaks between two offsets (``text.count("\\n", a, b)``),
    so the document is scanned once, whether it is text or bytes."""
    found: list[int] = []
    line, at = 1, 0
    for start in starts:
        line += newlines(at, start)
        at = start
        found.append(line)
    return found


def _bounds(data: bytes, key: bytes) -> tuple[int, int, list[tuple[int, int]]] | None:
    """Where the list under the top-level ``key`` opens and closes, and each of its entries
    (objects, lists or strings); None when there is no such list or the brackets do not match."""
    wanted = b'"' + key + b'"'
    depth = 0
    expect = False  # the key was just read: its value must be the list
    opened = closed = -1
    entry = -1  # where the entry being read began
    bounds: list[tuple[int, int]] = []
    for match in _TOKEN_RE.finditer(data):
        first = data[match.start()]
        inside = opened >= 0 and closed < 0
        if expect and not (first == ord("[") and depth == 1):
            return None  # its value is no list
        if first == _QUOTE:
            if depth == 1 and opened < 0 and _KEY_RE.match(data, match.end()):
                expect = match.group() == wanted
            elif inside and depth == 2:
                bounds.append((match.start(), match.end()))
            continue
        if first in _OPENERS:
            if expect:
                expect, opened = False, match.start()
            elif inside and depth == 2:
                entry = match.start()
            depth += 1
            continue
        depth -= 1
        if depth < 0:
            return None
        if inside and depth == 2 and entry >= 0:
            bounds.append((entry, match.end()))
            entry = -1
        elif inside and depth == 1:
            closed = match.end()
    if opened < 0 or closed < 0 or depth != 0:
        return None
    return opened, closed, bounds


def _only_commas(data: bytes, opened: int, closed: int, bounds: list[tuple[int, int]]) -> bool:
    """Whether nothing but the entries found is in the list (a number or null would be
    passed over by the scan, and an entry lost without a word)."""
    edges = [opened + 1, *(edge for pair in bounds for edge in pair), closed - 1]
    for number, (start, end) in enumerate(zip(edges[::2], edges[1::2], strict=True)):
        outer = number == 0 or number == len(bounds)
        if not (_BLANK_RE if outer else _BETWEEN_RE).fullmatch(data, start, end):
            return False
    return True


def split_list(data: bytes, key: str) -> tuple[dict[str, Any], LazyEntries] | None:
    """The top-level object of the JSON ``data`` with an empty list under ``key``, and that
    list's entries read one at a time; None when ``data`` cannot be read so (the caller then
    parses it whole, and tells why it does not parse)."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    found = _bounds(data, key.encode())
    if found is None:
        return None
    opened, closed, bounds = found
    if not _only_commas(data, opened, closed, bounds):
        return None
    try:
        rest = orjson.loads(data[:opened] + b"[]" + data[closed:])
        for start, end in bounds:  # each must parse, before any is read for good
            orjson.loads(data[start:end])
    except orjson.JSONDecodeError:
        return None
    if not isinstance(rest, dict):
        return None
    return rest, LazyEntries(data, bounds)
