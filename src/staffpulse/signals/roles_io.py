"""Tag a file of accounts: the library side of ``staffpulse roles``.

Input is JSONL (one object a line), a JSON array of objects, or CSV (comma, semicolon or tab,
found from the header; a BOM is fine; chosen by the ``.csv`` extension, or by a first line
that is a CSV header naming ``id``) with ``id``, ``name`` (screen name), ``description`` (bio)
and an optional ``text``: one post, or in JSON a list of posts. Other fields are ignored.
staffpulse's own account fields stand in for absent ones: ``handle`` for ``id``,
``display_name`` (else the handle) for ``name``, ``bio`` for ``description``, so the output
of ``staffpulse accounts --json`` and a staffpulse accounts CSV or JSONL are read as they
are; in such a file with a ``type``, the records that are not accounts (posts, follows) are
left out and counted. Output is JSONL, one object per valid record, in input order::

    {"id": ..., "kind": "org"|"person", "p_org": p, "role": ..., "role_scores": {role: p, ...}}

An empty or binary file (no records at all), or a CSV header without an id and a name or
description column, is an :class:`~staffpulse.errors.InputError` raised by
:func:`read_accounts` before anything is written, and so is a file none of whose records is
usable (exit code 1). Malformed records (bad JSON, not an object, missing id, wrong field
types, a quote left open) are never fatal when others are good: each goes to ``on_skip`` as
``file:line: reason``, is counted and skipped. Ids are written back exactly as read (JSON
strings stay strings, numbers stay numbers; CSV ids are strings).
Accounts are tagged in chunks, so memory stays flat on big files.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from staffpulse.errors import InputError
from staffpulse.signals.chunked import write_scored_jsonl
from staffpulse.signals.recordio import JsonArray, LeftOut, RecordFile, json_objects
from staffpulse.signals.roles import ROLES, RoleTagger, TextInput
from staffpulse.sources.csvrows import CsvProblem, CsvTable

__all__ = ["AccountRecord", "TagReport", "read_accounts", "role_summary", "tag_records"]

CHUNK = 2_000
EMPTY_HINT = (
    'check that you chose the right file: it needs one {"id": ..., "name": ..., '
    '"description": ...} JSON object a line, or a CSV header with id,name,description '
    "columns and a row per account (staffpulse's handle, display_name and bio do too, as "
    "in `staffpulse accounts --json`)"
)


@dataclass(frozen=True, slots=True)
class AccountRecord:
    line: int
    id: Any
    name: str
    description: str
    text: TextInput


@dataclass(slots=True)
class TagReport:
    written: int = 0
    skipped: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        """:func:`role_summary` of this report."""
        return role_summary(self)


def _optional_str(obj: dict[str, Any], key: str) -> str | None:
    """The field as a string ('' when absent or null); None when it has another type."""
    value = obj.get(key)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


# staffpulse's own account fields (docs/formats.md), read when the contract's are absent: the
# files a consultant already has (``staffpulse accounts --json``, an accounts CSV or JSONL)
ID_FIELDS = ("id", "handle")
NAME_FIELDS = ("name", "display_name")
BIO_FIELDS = ("description", "bio")


def _field(keys: Iterable[str], fields: tuple[str, ...]) -> str | None:
    """The first of ``fields`` the record has: the contract's name, else staffpulse's."""
    return next((f for f in fields if f in keys), None)


def _not_an_account(kind: Any) -> str | None:
    """The kind of a staffpulse record that is not an account (``post``), from its ``type``;
    None for an account or a record without a type (the contract has none)."""
    if not isinstance(kind, str) or kind.strip().lower() in ("", "account"):
        return None
    return kind.strip().lower()


def _jsonl(
    fh: Iterable[str] | JsonArray, name: str, on_skip: Callable[[str], None]
) -> Iterator[AccountRecord | LeftOut]:
    expected = "id, name and description"
    for n, where, rid, obj in json_objects(fh, name, on_skip, expected, id_keys=ID_FIELDS):
        other = _not_an_account(obj.get("type"))
        if other is not None:
            yield LeftOut(other)
            continue
        name_key = _field(obj, NAME_FIELDS)
        screen_name = _optional_str(obj, name_key or "name")
        bio = _optional_str(obj, _field(obj, BIO_FIELDS) or "description")
        if screen_name is None or bio is None:
            on_skip(f"{where}: name and description must be strings")
            continue
        if name_key != "name" and not screen_name:  # a bare account: its handle is its name
            screen_name = _optional_str(obj, "handle") or ""
        text = obj.get("text")
        posts: TextInput
        is_posts = isinstance(text, list) and all(isinstance(t, str) for t in text)
        if text is None or isinstance(text, str) or is_posts:
            posts = text
        else:
            on_skip(f"{where}: text must be a string or a list of strings")
            continue
        yield AccountRecord(n, rid, screen_name, bio, posts)


def _csv(
    fh: Iterable[str], name: str, on_skip: Callable[[str], None]
) -> Iterator[AccountRecord | LeftOut]:
    # The importer's CSV reader: delimiter from the header, a stray quote reported where it
    # opened (the rows after it are still read), as classify and import do.
    table = CsvTable(fh)
    fields = table.header
    id_col = _field(fields, ID_FIELDS)
    name_col, bio_col = _field(fields, NAME_FIELDS), _field(fields, BIO_FIELDS)
    if id_col is None or (name_col is None and bio_col is None):
        raise InputError(
            f"{name}: the CSV header needs 'id', 'name' and 'description' columns, or "
            f"staffpulse's 'handle', 'display_name' and 'bio' "
            f"(found: {', '.join(fields) or 'nothing'})",
            hint="rename the columns (text is optional), or give JSONL",
        )
    for row in table.records():
        if isinstance(row, CsvProblem):
            on_skip(f"{name}:{row.line}: {row.message}")
            continue
        n, values = row.line, row.values
        other = _not_an_account(values.get("type"))
        if other is not None:
            yield LeftOut(other)
            continue
        # the id, else the handle (a staffpulse account's id defaults to its handle)
        rid = next((v for f in ID_FIELDS if (v := values.get(f)) and v.strip()), None)
        if rid is None:
            on_skip(f"{name}:{n}: missing {'id' if id_col == 'id' else id_col}")
            continue
        screen_name = values.get(name_col) if name_col else ""
        if name_col != "name" and not screen_name:  # a bare account: its handle is its name
            screen_name = values.get("handle")
        yield AccountRecord(
            n,
            rid,
            screen_name or "",
            (values.get(bio_col) if bio_col else "") or "",
            values.get("text") or None,
        )


def read_accounts(path: Path, on_skip: Callable[[str], None]) -> RecordFile[AccountRecord]:
    """Valid records of ``path`` in order; malformed ones go to ``on_skip`` with file:line.

    Raises :class:`~staffpulse.errors.InputError` at once for a missing, unreadable or empty
    file or an unusable CSV header; use the result in a ``with`` block to close the file."""
    return RecordFile(path, on_skip, _jsonl, _csv, csv_header_words=("id",), empty_hint=EMPTY_HINT)


def tag_records(
    model: RoleTagger,
    records: RecordFile[AccountRecord],
    output: IO[str],
    on_progress: Callable[[int], None] | None = None,
    chunk: int = CHUNK,
) -> TagReport:
    """Tag records already opened with :func:`read_accounts`; JSONL lines go to ``output``."""
    report = TagReport()

    def tag(batch: list[AccountRecord]) -> list[dict[str, Any]]:
        out = model.predict(
            [r.name for r in batch], [r.description for r in batch], [r.text for r in batch]
        )
        report.kinds.update(out.kind)
        report.roles.update(out.role)
        return [{"id": rec.id, **out.record(i)} for i, rec in enumerate(batch)]

    report.written = write_scored_jsonl(records, tag, output, on_progress, chunk)
    report.skipped = records.skipped
    return report


def role_summary(report: TagReport) -> str:
    """One line: how many accounts of each kind and role were written."""
    kinds = ", ".join(f"{k} {report.kinds[k]:,}" for k in ("org", "person"))
    roles = ", ".join(f"{r} {report.roles[r]:,}" for r in ROLES if report.roles[r])
    return f"{kinds}; {roles}" if roles else kinds
