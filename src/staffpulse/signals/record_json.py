"""The JSON values of a ``classify`` or ``roles`` INPUT, each with where it is in the file.

Three shapes are read: JSON Lines (one value a line, read lazily); one JSON array (read
whole, its items numbered); and JSON values one after another over several lines, as
``jq '.[]'`` or ``json.dumps(indent=2)`` print them (read whole, each at the line it starts
on). A malformed value costs only itself: it is reported as ``file:line: not valid JSON:
reason`` and reading goes on at the next value, so one broken record never loses the others.

What strict JSON refuses but says plainly is read as meant, so that a record a tool wrote
that way is kept rather than skipped: a raw control character inside a string (a tab, a NUL;
strict JSON wants ``\\t``), several objects on one line, a comma after an object (the lines
of an array pasted without its brackets) and a comma before an array's ``]``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from staffpulse.sources.jsonio import end_of_run, json_error_reason

__all__ = [
    "DECODER",
    "ExactFloat",
    "ExactInt",
    "JsonDocument",
    "exact_token",
    "is_json_object",
    "json_values",
    "read_json_document",
]

Skip = Callable[[str], None]


class ExactInt(int):
    """``-0`` as read: Python's int has no negative zero, so the id ``-0`` came back as ``0``.
    Ids are written back exactly as given (:func:`exact_token`)."""

    token: str

    def __repr__(self) -> str:
        return self.token

    __str__ = __repr__


class ExactFloat(float):
    """A number whose text Python would write otherwise (``1e2`` as ``100.0``, ``1.50`` as
    ``1.5``), kept with the text it was read from, so that an id is written back as given."""

    token: str

    def __repr__(self) -> str:
        return self.token

    __str__ = __repr__


def _read_int(token: str) -> int:
    if token != "-0":  # JSON allows no leading zero: "-0" is the one int Python writes otherwise
        return int(token)
    number = ExactInt(0)
    number.token = token
    return number


def _read_float(token: str) -> float:
    value = float(token)
    if repr(value) == token:
        return value
    number = ExactFloat(value)
    number.token = token
    return number


def exact_token(value: Any) -> str | None:
    """The JSON text a number was read from, when ``json.dumps`` would write it otherwise
    (``-0``, ``1e2``, ``1.50``); None for every other value."""
    return value.token if isinstance(value, ExactInt | ExactFloat) else None


# strict=False: control characters inside strings are taken as they are; the number hooks keep
# the text of the few numbers Python would write back otherwise (the C scanner calls them only
# for numbers)
DECODER = json.JSONDecoder(strict=False, parse_int=_read_int, parse_float=_read_float)
# what may stand between two values: white space, and commas (an array's, a pasted line's)
_BETWEEN = re.compile(r"[\s,]*")
# an array whose ``]`` never comes (told at the file's last line)
_UNCLOSED = (
    "the JSON array is never closed (no ']' by its end, line {line}): the file looks cut "
    "short, so records after the cut may be lost; those before it were read: check that the "
    "file was saved or downloaded whole"
)
_CUT_LINE = (
    "it is the last line, with no line break at its end: the file looks cut short (check that "
    "it was saved or downloaded whole)"
)
# What reading a value may raise: a syntax error (JSONDecodeError, a ValueError too), an
# integer of over 4,300 digits (ValueError) or lists nested thousands deep (RecursionError)
_UNREADABLE = (ValueError, RecursionError)


class JsonDocument:
    """A file read whole in the place of its lines: one JSON array (``items``, numbered
    ``item N`` in messages) or JSON values one after another (``text``, each value told by
    the line it starts on)."""

    def __init__(self, items: list[Any] | None = None, text: str = "") -> None:
        self.items = items
        self.text = text


def is_json_object(line: str) -> bool:
    """True when ``line`` is one JSON object (a JSON Lines record), also after the record
    separator of a JSON text sequence (RFC 7464, ``jq --seq``)."""
    line = line.lstrip("\x1e")
    if not line.lstrip().startswith("{"):
        return False
    try:
        return isinstance(DECODER.decode(line), dict)
    except _UNREADABLE:
        return False


def read_json_document(lines: Iterable[str], first: str) -> JsonDocument | list[str]:
    """A file that starts with ``[``, or with an object spread over lines (``{`` alone on
    its first line, ``first``): one JSON array, else its values one after another. A file
    whose first line is a whole value of its own (JSON Lines starting with a list) or whose
    first value does not read is given back as its lines, each then read as JSON Lines are."""
    kept = list(lines)  # as read: str.splitlines() would also split at U+2028 in a string
    text = "".join(kept)
    try:
        document = DECODER.decode(text)
    except _UNREADABLE:
        document = None
    if isinstance(document, list):
        return JsonDocument(items=document)
    if document is not None or (not _is_json(first) and _first_value_reads(text)):
        return JsonDocument(text=text)
    return kept


def _is_json(line: str) -> bool:
    try:
        DECODER.decode(line)
    except _UNREADABLE:
        return False
    return True


def json_values(
    lines: Iterable[str] | JsonDocument,
    name: str,
    on_skip: Skip,
    on_note: Callable[[str], None] | None = None,
) -> Iterator[tuple[int, str, Any]]:
    """Each JSON value of the file with its number (line, or item of an array) and where it
    is as messages say it (``file:line``, ``file: item N``); malformed ones go to
    ``on_skip``, and what the user should know of the file besides to ``on_note`` (an
    array that is never closed: the file may be cut short)."""
    if isinstance(lines, JsonDocument):
        if lines.items is not None:
            for number, value in enumerate(lines.items, start=1):
                yield number, f"{name}: item {number}", value
        else:
            yield from _stream_values(lines.text, name, on_skip, on_note or (lambda _: None))
        return
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            # Without its line break, a string left open reads as "unterminated string"
            # rather than as a control character (the newline) inside it.
            value = DECODER.decode(line.rstrip("\r\n").lstrip("\x1e"))
        except _UNREADABLE as exc:
            values = _values_of_line(line)
            if values is None:
                on_skip(f"{name}:{number}: not valid JSON: {_reason(exc)}{_cut_at(line)}")
                continue
            for value in values:
                yield number, f"{name}:{number}", value
            continue
        yield number, f"{name}:{number}", value


def _values_of_line(line: str) -> list[Any] | None:
    """The objects of a line holding more than one (``{...}{...}``, ``{...},``), or None when
    any part of it is not a JSON object (the line's own error is then told)."""
    values, pos, end = [], end_of_run(_BETWEEN, line), len(line)
    while pos < end:
        try:
            value, pos = DECODER.raw_decode(line, pos)
        except _UNREADABLE:
            return None
        if not isinstance(value, dict):
            return None  # ``1, 2`` is not two records
        values.append(value)
        pos = end_of_run(_BETWEEN, line, pos)
    return values or None


def _first_value_reads(text: str) -> bool:
    start = end_of_run(_BETWEEN, text)
    if text.startswith("[", start):
        start = end_of_run(_BETWEEN, text, start + 1)
    try:
        DECODER.raw_decode(text, start)
    except _UNREADABLE:
        return False
    return True


def _stream_values(
    text: str, name: str, on_skip: Skip, on_note: Callable[[str], None]
) -> Iterator[tuple[int, str, Any]]:
    """The values of ``text`` one after another (in one array or none), each with its line.

    After a value that does not read, reading goes on at the next line that opens an object
    as the first one did (``{`` at the same indentation; any ``{`` opening a line before the
    first object): the records after a broken one are kept. An array with no ``]`` after its
    last value is told to ``on_note``: a download cut between two records loses the rest
    without a value that fails to read."""
    pos = end_of_run(_BETWEEN, text)
    # one array, broken somewhere (a whole one is read at once), until its "]" is met
    unclosed = text.startswith("[", pos)
    if unclosed:
        pos += 1
    line, counted = 1, 0  # the line ``counted`` is on
    opening: re.Pattern[str] = re.compile(r"\n[ \t]*\{")
    indented = False
    while True:
        pos = end_of_run(_BETWEEN, text, pos)
        while pos < len(text) and text[pos] == "]":  # the array's end, or a stray one
            unclosed = False
            pos = end_of_run(_BETWEEN, text, pos + 1)
        if pos >= len(text):
            if unclosed:
                on_note(_unclosed(text))
            return
        line += text.count("\n", counted, pos)
        counted = pos
        if not indented and text[pos] == "{":
            indent = text[text.rfind("\n", 0, pos) + 1 : pos]
            if not indent.strip():  # not "[{" on one line: no line to find again
                opening = re.compile("\n" + re.escape(indent) + r"\{")
            indented = True
        try:
            value, pos = DECODER.raw_decode(text, pos)
        except _UNREADABLE as exc:
            on_skip(f"{name}:{line}: not valid JSON: {_reason_in(text, exc, line)}")
            found = opening.search(text, pos + 1)
            if found is None:
                if unclosed and "]" not in text[pos:]:
                    on_note(_unclosed(text))
                return
            pos = found.end() - 1
            continue
        yield line, f"{name}:{line}", value


def _cut_at(line: str) -> str:
    """What a broken line adds when it ends without a line break: only a file's last line
    does, and one that does not read is most often a download or a copy cut short."""
    return "" if line.endswith(("\n", "\r")) else f"; {_CUT_LINE}"


def _unclosed(text: str) -> str:
    return _UNCLOSED.format(line=text.count("\n", 0, len(text.rstrip())) + 1)


def _reason(exc: ValueError | RecursionError) -> str:
    """Why a value does not read: json's own reason with its column, or what Python's JSON
    reader refuses beyond the syntax (instead of stopping the run, exit 70)."""
    if isinstance(exc, json.JSONDecodeError):
        return json_error_reason(exc)
    if isinstance(exc, RecursionError):
        return "lists or objects nested too deep to read"
    return "a number too long to read (over 4,300 digits): write it as a string, in quotes"


def _reason_in(text: str, exc: ValueError | RecursionError, line: int) -> str:
    """:func:`json_error_reason`, its column counted in the error's own line, and that line
    told when it is not the value's first one (``line``)."""
    if not isinstance(exc, json.JSONDecodeError):
        return _reason(exc)
    start = text.rfind("\n", 0, exc.pos) + 1
    end = text.find("\n", exc.pos)
    own_line = text[start : end if end >= 0 else len(text)]
    reason = json_error_reason(json.JSONDecodeError(exc.msg, own_line, exc.pos - start))
    return reason if exc.lineno == line else f"{reason} of line {exc.lineno}"
