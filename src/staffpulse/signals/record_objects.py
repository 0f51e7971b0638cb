"""The records of a JSON ``classify`` or ``roles`` INPUT: each object with its id and where
it is in the file, and what a reader tells besides its records.

A record's id is the first of the command's id fields it holds (``id``; a staffpulse
account's ``handle``); a record without one is skipped with the reason. A file none of whose
first records names an id at all (a list of texts saved from a notebook, an export with no id
column) is read instead with each record numbered by its line (by its place, in a JSON
array), and one note says so: a file with ids keeps skipping the odd record that lacks one.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from staffpulse.signals.record_fields import folded_keys
from staffpulse.signals.record_json import JsonDocument, json_values

__all__ = [
    "JsonRecord",
    "LeftOut",
    "ReadNote",
    "Reshape",
    "id_problem",
    "json_objects",
    "numbered_note",
    "valid_id",
]

Skip = Callable[[str], None]
# (line number, where as messages say it, the JSON value) -> whether the caller read it itself
Take = Callable[[int, str, Any], bool]
# how many of a file's first JSON values are looked at for an id before its records are
# numbered by their lines instead
ID_SAMPLE = 20


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A record a reader passes over without complaint: well formed, but not what the command
    reads (a post line of a staffpulse file given to ``roles``). Counted, never an error."""

    kind: str


@dataclass(frozen=True, slots=True)
class ReadNote:
    """What a reader tells the user about how it read the file (``no 'text' column: the text
    was read from 'tweet'``): one line on stderr, not a record."""

    text: str


@dataclass(frozen=True, slots=True)
class Reshape:
    """How a command reads records of a known shape that hold their id and text elsewhere (a
    Bluesky post's ``uri`` and ``record.text``): ``read`` gives the record as the command
    reads it, or None for any other value; ``note`` tells the user, once, that it did."""

    read: Callable[[Any], dict[str, Any] | None]
    note: str


def numbered_note(noun: str, where: str) -> str:
    """The note for records numbered by where they are: ``noun`` is what has no id ("'id'
    column"), ``where`` what the number counts ("line in the file")."""
    return f"no {noun}: each record's id is the number of its {where}"


def valid_id(value: Any) -> bool:
    """A non-empty string or a finite number (ids are written back exactly as read)."""
    if isinstance(value, str):
        return value.strip() != ""
    if isinstance(value, float):
        return math.isfinite(value)  # NaN or Infinity would make the output invalid JSON
    return isinstance(value, int) and not isinstance(value, bool)


class JsonRecord(NamedTuple):
    """One JSON object of the input: its line (or item) number, where it is as messages say
    it (``file:line``, or ``file: item N`` of a JSON array), its id and the object."""

    number: int
    where: str
    id: Any
    obj: dict[str, Any]


def json_objects(
    lines: Iterable[str] | JsonDocument,
    name: str,
    on_skip: Skip,
    expected: str,
    id_keys: tuple[str, ...] = ("id",),
    wrappers: tuple[str, ...] = (),
    numbered_if: Callable[[dict[str, Any]], bool] | None = None,
    reshape: Reshape | None = None,
    take: Take | None = None,
) -> Iterator[JsonRecord | ReadNote]:
    """Each JSON object line (or array item) with a valid id: the first of ``id_keys`` that
    holds one (a staffpulse account's ``handle`` when its ``id`` is left out); the rest
    skipped. Keys are matched as in a CSV header, whatever their case (``"ID"``), as
    :func:`~staffpulse.signals.record_fields.folded_keys` says. An object without an id that
    holds its records under one of ``wrappers`` (an X API v2 page as twarc2 writes it:
    ``"data"``; a Bluesky page of accounts: ``"follows"``)
    gives those records, each told as ``file:line (data item N)``.

    When none of the file's first :data:`ID_SAMPLE` values holds any of ``id_keys`` and its
    first record is one the command reads (``numbered_if``: it has a text), every record is
    numbered by its line instead (its item, in an array), after a :class:`ReadNote`.
    Records ``reshape`` reads are given as it reads them, after its note. A value ``take``
    takes (an X API v2 page, for ``roles``) is the caller's to read, not a record here. An
    array that is never closed (a file cut short) is told in a :class:`ReadNote` after the
    records."""
    notes: list[str] = []  # what the file's JSON tells besides (an array never closed)
    yield from _objects(
        lines, name, on_skip, expected, id_keys, wrappers, numbered_if, reshape, notes.append, take
    )
    yield from map(ReadNote, notes)


def _objects(
    lines: Iterable[str] | JsonDocument,
    name: str,
    on_skip: Skip,
    expected: str,
    id_keys: tuple[str, ...],
    wrappers: tuple[str, ...],
    numbered_if: Callable[[dict[str, Any]], bool] | None,
    reshape: Reshape | None,
    on_note: Callable[[str], None],
    take: Take | None = None,
) -> Iterator[JsonRecord | ReadNote]:
    held = _HeldSkips(on_skip)
    values: Iterator[tuple[int, str, Any]] = json_values(lines, name, held, on_note)
    if numbered_if is not None:
        head = held.read_ahead(values, ID_SAMPLE)
        values = held.replay(head, values)
        if _without_ids(head, id_keys, wrappers, numbered_if, reshape):
            in_array = isinstance(lines, JsonDocument) and lines.items is not None
            yield ReadNote(
                numbered_note(
                    f"{id_keys[0]!r} field",
                    "item in the array (1 for the first)" if in_array else "line in the file",
                )
            )
            yield from _numbered(values, on_skip, expected, wrappers, id_keys)
            return
    told = False  # reshape's note
    for number, line_where, line_value in values:
        if take is not None and take(number, line_where, line_value):
            continue
        if isinstance(line_value, dict) and isinstance(line_value.get(id_keys[0]), int | str):
            # the common case, one record a line, without a call per record to spare
            if (
                record := _with_id(number, line_where, line_value, on_skip, expected, id_keys)
            ) is not None:
                yield record
            continue
        for where, value in _records_of(line_where, line_value, wrappers, id_keys):
            if reshape is not None and (shaped := reshape.read(value)) is not None:
                if not told:
                    told = True
                    yield ReadNote(reshape.note)
                yield JsonRecord(number, where, shaped["id"], shaped)
            elif (record := _with_id(number, where, value, on_skip, expected, id_keys)) is not None:
                yield record


class _HeldSkips:
    """``on_skip`` for the values of a file, some read ahead (to look for ids): the message
    of a line that does not read waits until the records above it are read, so that users,
    who read the messages top down, get them in the file's order (line 4's missing id
    before line 8's broken JSON), not in the order the lines were read."""

    def __init__(self, on_skip: Skip) -> None:
        self._on_skip = on_skip
        self._holding = False
        self._read = 0  # values read ahead so far
        self._held: list[tuple[int, str]] = []  # (values read before it, message)

    def __call__(self, message: str) -> None:
        if self._holding:
            self._held.append((self._read, message))
        else:
            self._on_skip(message)

    def read_ahead(
        self, values: Iterator[tuple[int, str, Any]], count: int
    ) -> list[tuple[int, str, Any]]:
        """The next ``count`` values (fewer at the end), their messages held."""
        self._holding = True
        head = []
        try:
            for value in itertools.islice(values, count):
                head.append(value)
                self._read = len(head)
        finally:
            self._holding = False
        return head

    def replay(
        self, head: list[tuple[int, str, Any]], rest: Iterator[tuple[int, str, Any]]
    ) -> Iterator[tuple[int, str, Any]]:
        """``head``, then ``rest``, each held message told just before the value after it."""
        for index, value in enumerate(head):
            self._tell(index)
            yield value
        self._tell(len(head))
        yield from rest

    def _tell(self, read: int) -> None:
        while self._held and self._held[0][0] <= read:
            self._on_skip(self._held.pop(0)[1])


def _without_ids(
    head: list[tuple[int, str, Any]],
    id_keys: tuple[str, ...],
    wrappers: tuple[str, ...],
    numbered_if: Callable[[dict[str, Any]], bool],
    reshape: Reshape | None,
) -> bool:
    """True when the records of ``head`` (the file's first values) name no id at all and the
    first of them is one the command reads (a record ``reshape`` reads has its id)."""
    records = [
        folded_keys(value if reshape is None else reshape.read(value) or value)
        for _, where, line_value in head
        for _, value in _records_of(where, line_value, wrappers, id_keys)
        if isinstance(value, dict)
    ]
    if not records or any(key in record for record in records for key in id_keys):
        return False
    return numbered_if(records[0])


def _numbered(
    values: Iterable[tuple[int, str, Any]],
    on_skip: Skip,
    expected: str,
    wrappers: tuple[str, ...],
    id_keys: tuple[str, ...],
) -> Iterator[JsonRecord]:
    """The records of a file without ids, each with its line (item) number as its id; the
    records that share a line (a list on one line) get ``"LINE.N"``, so no two share one."""
    for number, line_where, line_value in values:
        held = _records_of(line_where, line_value, wrappers, id_keys)
        for n, (where, value) in enumerate(held, start=1):
            if not isinstance(value, dict):
                on_skip(f"{where}: expected a JSON object with {expected}")
                continue
            rid: int | str = number if len(held) == 1 else f"{number}.{n}"
            yield JsonRecord(number, where, rid, folded_keys(value))


def _records_of(
    where: str, value: Any, wrappers: tuple[str, ...], id_keys: tuple[str, ...]
) -> list[tuple[str, Any]]:
    """The records one JSON value holds: itself, or the rows of a table pandas wrote column by
    column, the records under the first of ``wrappers`` of an API page, the objects of a line that is a
    list of them (records written a batch a line), or the one object an object holds alone
    with an id (an X archive's ``{"tweet": {...}}``)."""
    if isinstance(value, list) and any(isinstance(item, dict) for item in value):
        return [(f"{where} (item {n})", item) for n, item in enumerate(value, start=1)]
    if isinstance(value, dict) and len(value) == 1:
        (inner,) = value.values()
        if isinstance(inner, dict) and any(key in folded_keys(inner) for key in id_keys):
            return [(where, inner)]
    if (
        isinstance(value, dict)
        and any(isinstance(value.get(k), dict) for k in id_keys)
        and (rows := _rows_of_columns(where, value, id_keys))
    ):
        return rows
    if not isinstance(value, dict) or any(key in value for key in id_keys):
        return [(where, value)]
    held = next(((w, v) for w in wrappers if isinstance(v := value.get(w), list | dict)), None)
    if held is None:
        return [(where, value)]
    wrapper, records = held
    if isinstance(records, dict):  # a stream's one post a line
        return [(where, records)]
    return [(f"{where} ({wrapper} item {n})", item) for n, item in enumerate(records, start=1)]


def _rows_of_columns(
    where: str, table: dict[str, Any], id_keys: tuple[str, ...]
) -> list[tuple[str, Any]] | None:
    """The rows of a table written column by column, as pandas' ``df.to_json()`` writes it
    by default (``{"id": {"0": 1, "1": 2}, "text": {"0": "a", "1": "b"}}``), each told as
    ``file:line (row 0)``; None for any other object."""
    columns = folded_keys(table)
    ids = next((columns[k] for k in id_keys if k in columns), None)
    if not isinstance(ids, dict) or not ids or not all(isinstance(c, dict) for c in table.values()):
        return None
    return [
        (f"{where} (row {row})", {name: column.get(row) for name, column in columns.items()})
        for row in ids
    ]


def _with_id(
    number: int, where: str, value: Any, on_skip: Skip, expected: str, id_keys: tuple[str, ...]
) -> JsonRecord | None:
    if not isinstance(value, dict):
        on_skip(f"{where}: expected a JSON object with {expected}")
        return None
    obj = folded_keys(value)
    key = next((k for k in id_keys if valid_id(obj.get(k))), None)
    if key is None:
        on_skip(f"{where}: {id_problem(obj, id_keys[0])}")
        return None
    return JsonRecord(number, where, obj[key], obj)


def id_problem(obj: dict[str, Any], key: str) -> str:
    """Why ``obj`` has no usable id, and what to give instead: ``id is null: ...``."""
    fix = f"give each record an {key} (a string or a number)"
    if key not in obj:
        return f"no {key!r} field (found: {', '.join(obj) or 'nothing'}): {fix}"
    value = obj[key]
    if value is None:
        said = "null"
    elif isinstance(value, str):
        said = "empty"
    elif isinstance(value, bool):
        said = "true or false"
    elif isinstance(value, float):
        said = "not a finite number"  # NaN or Infinity: no valid JSON can write it back
    else:
        said = "a list" if isinstance(value, list) else "an object"
    return f"{key} is {said}: {fix}"
