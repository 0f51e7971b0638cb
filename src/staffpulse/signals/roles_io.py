"""Tag a file of accounts: the library side of ``staffpulse roles``.

Input is JSONL (one object a line), a JSON array of objects, or CSV (comma, semicolon or tab,
found from the header; a BOM is fine; chosen by the ``.csv`` extension, or by a first line
that is a CSV header naming ``id``; lines above the header, a report's title, are passed over
with a note: :mod:`.record_preamble`) with ``id``, ``name`` (screen name), ``description`` (bio)
and an optional ``text``: one post, or in JSON a list of posts. Other fields are ignored.
Other names stand in for absent ones (:mod:`~staffpulse.signals.record_fields`, whatever
their case): staffpulse's own ``handle`` for ``id``, ``display_name`` (else the handle) for
``name``, ``bio`` for ``description``, so the output of ``staffpulse accounts --json`` and a
staffpulse accounts CSV or JSONL are read as they are (their ``posts``, a count, is not read
as one: :func:`~staffpulse.signals.record_fields.without_post_counts`); ``screen_name``,
``user_description``, ``full_text`` and the like, and a tweet's nested ``user`` object, as
X API v1.1 and twarc write them. In a file with a ``type``, the records that are not
accounts (posts, follows) are left out and counted. A JSON record with none of name,
description or text is malformed (tagging nothing would give it the empty account's answer).
Output is JSONL, one object per valid record, in input order; X API v2 pages (twarc2) are
the exception: one object per distinct profile, with its posts there as its text, after the
file's other records (:mod:`.roles_x_pages`). JSON records are read by :mod:`.roles_json`,
CSV rows here::

    {"id": ..., "kind": "org"|"person", "p_org": p, "role": ..., "role_scores": {role: p, ...}}

with ``"handle"`` after the id when the record gives a ``handle`` that is not its id: the id
of ``staffpulse accounts --json`` is often the platform's number, which names no one.

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

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from staffpulse.errors import InputError
from staffpulse.report.counts import count_of, join_or
from staffpulse.signals.chunked import ProgressCallback, write_scored_jsonl
from staffpulse.signals.record_fields import (
    DESCRIPTION_FIELDS,
    ID_FIELDS,
    LONGEST_TEXT,
    NAME_FIELDS,
    POSTS_FIELD,
    TEXT_FIELDS,
    cut_texts_note,
    distinct_columns,
    field_key,
    first_field,
    is_empty_row,
    is_repeated_header,
    without_post_counts,
)
from staffpulse.signals.record_headerless import headerless_note, headerless_record
from staffpulse.signals.record_objects import LeftOut, ReadNote, numbered_note
from staffpulse.signals.recordio import RecordFile
from staffpulse.signals.role_inputs import RoleInput, predict_role_inputs
from staffpulse.signals.roles import ROLES, RoleTagger
from staffpulse.signals.roles_json import (
    HANDLE_FIELDS,
    json_accounts,
    not_an_account,
    other_handle,
)
from staffpulse.signals.roles_json import AccountRecord as AccountRecord
from staffpulse.sources.csvrows import CsvProblem, CsvRecord, CsvTable

__all__ = ["AccountRecord", "TagReport", "read_accounts", "role_summary", "tag_records"]

CHUNK = 2_000
# the contract's columns, in its order (text optional): a CSV without a header has them
_COLUMNS = ("id", "name", "description", "text")
STEP = 500  # accounts tagged at once in a shorter chunk: a progress step, as fast per account
EMPTY_HINT = (
    'check that you chose the right file: it needs one {"id": ..., "name": ..., '
    '"description": ...} JSON object a line, or a CSV header with id,name,description '
    "columns and a row per account (staffpulse's handle, display_name and bio do too, as "
    "in `staffpulse accounts --json`)"
)


@dataclass(slots=True)
class TagReport:
    written: int = 0
    skipped: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    texts_cut: int = 0  # accounts with a name, bio or post cut at LONGEST_TEXT characters
    # each distinct account's (name, bio), hashed: a file of one row per post repeats its
    # author (the CrowdFlower file: 15,531 rows, 14,681 accounts), and "Tagged 15,531
    # accounts" told the rows as accounts (QA s40)
    accounts: set[int] = field(default_factory=set)

    def summary(self) -> str:
        """:func:`role_summary` of this report, after how many distinct accounts the records
        hold when some repeat one."""
        repeats = self.written - len(self.accounts)
        if repeats <= 0 or not self.accounts:  # none repeats, or none was counted
            return role_summary(self)
        return (
            f"{count_of(len(self.accounts), 'distinct account')} by name and bio "
            f"({count_of(repeats, 'record')} {'repeats' if repeats == 1 else 'repeat'} one, "
            f"tagged on its own line too); {role_summary(self)}"
        )

    def notes(self) -> list[str]:
        """Accounts with a text cut at LONGEST_TEXT characters; a null or numeric field of an
        account is read as text, as ever, without a note (but a count in ``posts``)."""
        cut = cut_texts_note(self.texts_cut)
        return [cut] if cut else []


def _cut(record: AccountRecord) -> tuple[RoleInput, bool]:
    """The account as the role model reads it, each text at most LONGEST_TEXT characters,
    and whether one was longer (the model takes minutes over millions of characters)."""
    posts = record.text
    texts = [record.name, record.description, *([posts] if isinstance(posts, str) else posts or [])]
    if all(len(text) <= LONGEST_TEXT for text in texts):
        return RoleInput(record.name, record.description, posts), False
    kept = posts[:LONGEST_TEXT] if isinstance(posts, str) else posts
    if posts is not None and not isinstance(posts, str):
        kept = [post[:LONGEST_TEXT] for post in posts]
    return RoleInput(record.name[:LONGEST_TEXT], record.description[:LONGEST_TEXT], kept), True


def _csv(
    fh: Iterable[str], name: str, on_skip: Callable[[str], None]
) -> Iterator[AccountRecord | LeftOut | ReadNote]:
    # The importer's CSV reader: delimiter from the header, a stray quote reported where it
    # opened (the rows after it are still read), as classify and import do.
    table = CsvTable(fh, key=str.strip)  # each column as the file spells it, to name it
    rows: Iterable[CsvRecord | CsvProblem] = table.records()
    columns = {field_key(h): h for h in reversed(table.header)}  # the first of a name wins
    if not columns.keys() & {*NAME_FIELDS, *DESCRIPTION_FIELDS} and (
        first := headerless_record(table, _COLUMNS, least=3)
    ):
        yield ReadNote(headerless_note(first, _COLUMNS))
        rows = itertools.chain([first], rows)
        columns = {column: column for column in table.header}
    # a name told twice (id,text,text): its first column is read; only now, as the cells of a
    # first row that is a record (above) are read as they are
    table.header = distinct_columns(table.header)
    type_col = columns.get("type", "type")

    def present(fields: tuple[str, ...]) -> list[str]:
        return [columns[f] for f in fields if f in columns]

    id_cols, name_cols, handle_cols = (
        present(ID_FIELDS),
        present(NAME_FIELDS),
        present(HANDLE_FIELDS),
    )
    bio_cols, text_cols = present(DESCRIPTION_FIELDS), present(TEXT_FIELDS)
    if not (name_cols or bio_cols):
        raise InputError(
            f"{name}: the CSV header needs 'name' and 'description' columns, and 'id' if the "
            f"accounts have ids, or staffpulse's 'handle', 'display_name' and 'bio' "
            f"(found: {', '.join(table.header) or 'nothing'})",
            hint="rename the columns (text is optional; a name column may also be called "
            f"{join_or(NAME_FIELDS[1:])}; a description column "
            f"{join_or(DESCRIPTION_FIELDS[1:])}),"
            " or give JSONL; a file without a header needs a first line naming its columns"
            " (id,name,description)",
        )
    if not id_cols:
        yield ReadNote(numbered_note("'id' column", "line in the file"))
    if read_from := _stand_ins_read(columns):
        yield ReadNote(read_from)

    def first_filled(values: Mapping[str, str], cols: list[str]) -> str | None:
        return next((v for c in cols if (v := values.get(c)) and v.strip()), None)

    for row in rows:
        if isinstance(row, CsvProblem):
            on_skip(f"{name}:{row.line}: {row.message}")
            continue
        n, values = row.line, row.values
        if is_repeated_header(values):
            on_skip(f"{name}:{n}: the header again (files joined into one?), not an account")
            continue
        other = not_an_account(values.get(type_col))
        if other is not None:
            yield LeftOut(other)
            continue
        if is_empty_row(values):
            continue  # a row of empty cells below a table: no record, as a blank line
        # the id, else the handle (a staffpulse account's id defaults to its handle)
        rid: str | int | None = first_filled(values, id_cols) if id_cols else n
        if rid is None:
            on_skip(f"{name}:{n}: no {id_cols[0]} (its cell is empty): give each row an id")
            continue
        yield AccountRecord(
            n,
            rid,
            first_filled(values, name_cols) or "",
            first_filled(values, bio_cols) or "",
            first_filled(without_post_counts(values, columns.get(POSTS_FIELD)), text_cols),
            other_handle(first_filled(values, handle_cols), rid),
        )


# staffpulse's own account columns (``staffpulse accounts``), read without a note
_OWN_COLUMNS = {"handle", "display_name", "bio", POSTS_FIELD}


def _stand_ins_read(columns: Mapping[str, str]) -> str | None:
    """The note naming the columns read for an absent name, description or text (a
    marketer's "Screen Name" and "Bio"), or None when the file has the contract's names (or
    staffpulse's own)."""
    missing, read = [], []
    for wanted, fields in (
        ("name", NAME_FIELDS),
        ("description", DESCRIPTION_FIELDS),
        ("text", TEXT_FIELDS),
    ):
        key = first_field(columns, fields)
        if key is not None and key != wanted and key not in _OWN_COLUMNS:
            missing.append(f"'{wanted}'")
            read.append(f"the {wanted} from '{columns[key]}'")
    if not read:
        return None
    return f"no {' or '.join(missing)} column: read {', '.join(read)}"


def read_accounts(path: Path, on_skip: Callable[[str], None]) -> RecordFile[AccountRecord]:
    """Valid records of ``path`` in order; malformed ones go to ``on_skip`` with file:line.

    Raises :class:`~staffpulse.errors.InputError` at once for a missing, unreadable or empty
    file or an unusable CSV header; use the result in a ``with`` block to close the file."""
    return RecordFile(
        path,
        on_skip,
        json_accounts,
        _csv,
        csv_header_words=("id",),
        empty_hint=EMPTY_HINT,
        takes_header=takes_header,
    )


def takes_header(columns: set[str]) -> bool:
    """Whether a CSV header with these column names (folded) is one roles reads: a name or
    a bio, and an id or another column (a report's one-word title line, "Bio", is no
    header)."""
    named = first_field(columns, NAME_FIELDS) or first_field(columns, DESCRIPTION_FIELDS)
    has_id = first_field(columns, ID_FIELDS) is not None
    return named is not None and (has_id or len(columns) > 1)


def tag_records(
    model: RoleTagger,
    records: RecordFile[AccountRecord],
    output: IO[str],
    on_progress: ProgressCallback | None = None,
    step: int = STEP,
) -> TagReport:
    """Tag records already opened with :func:`read_accounts`; JSONL lines go to ``output``."""
    report = TagReport()

    def tag(batch: list[AccountRecord]) -> list[dict[str, Any]]:
        # the same builder Connect uses, so one account gets one role in both commands
        inputs = [_cut(r) for r in batch]
        report.texts_cut += sum(cut for _, cut in inputs)
        out = predict_role_inputs(model, [account for account, _ in inputs])
        report.kinds.update(out.kind)
        report.roles.update(out.role)
        report.accounts.update(hash((r.name.casefold(), r.description)) for r in batch)
        # the handle beside the id when the input gives one: an id alone may be a number
        return [
            {"id": rec.id, **({"handle": rec.handle} if rec.handle else {}), **out.record(i)}
            for i, rec in enumerate(batch)
        ]

    report.written = write_scored_jsonl(records, tag, output, on_progress, CHUNK, step)
    report.skipped = records.skipped
    return report


def role_summary(report: TagReport) -> str:
    """One line: how many accounts of each kind and role were written."""
    kinds = ", ".join(f"{k} {report.kinds[k]:,}" for k in ("org", "person"))
    roles = ", ".join(f"{r} {report.roles[r]:,}" for r in ROLES if report.roles[r])
    return f"{kinds}; {roles}" if roles else kinds
