"""The staffpulse CSV (docs/formats.md): the same fields as the JSONL, one record a row.

The transformers are those of :mod:`staffpulse.sources.native`; rows are read by
:mod:`staffpulse.sources.csvrows` (comma, semicolon or tab, found from the header; a quote
left open is reported where it opened, and the rows after it are still read).

A header that lacks a column is told once, with what to rename; a table no source reads is
told the same (:func:`why_not_csv`, one of :data:`staffpulse.sources.folders.EXPLAINERS`).
Ids a spreadsheet rounded (``6.5873E+17``) are never offered as the id to rename, and rows
holding them are skipped and told once for the file (:mod:`staffpulse.sources.written`).
Dates with the year last (``11/27/2026``) are read in the order their whole column shows, or
the user gives (:mod:`staffpulse.sources.csv_dates`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from staffpulse.next_steps import SCORE_TEXTS, SEE_FORMATS, TAG_ACCOUNTS
from staffpulse.sources.bad_counts import BadCounts
from staffpulse.sources.base import Item, Notice, Problem, provenance, register
from staffpulse.sources.cohorts import is_cohort_header, why_cohort
from staffpulse.sources.csv_dates import ColumnDates, UnorderedDates
from staffpulse.sources.csv_preamble import csv_columns, header_test, import_table
from staffpulse.sources.csv_short_rows import ShortRows
from staffpulse.sources.csv_tables import (
    JSON_SUFFIXES,
    SUFFIXES,
    json_under_table_name,
    named_table,
    prepare_table,
    table_named_json,
)
from staffpulse.sources.csv_totals import SummingRows
from staffpulse.sources.csv_unread import unread_columns_note
from staffpulse.sources.csvrows import (
    CsvProblem,
    CsvRecord,
    CsvTable,
    as_written,
    column_key,
    repeated_columns,
    repeated_header_note,
)
from staffpulse.sources.folders import EXPLAINERS
from staffpulse.sources.link_names import unread_link_notes
from staffpulse.sources.native_authors import Authors
from staffpulse.sources.native_records import rows_from_native
from staffpulse.sources.text_files import head_text
from staffpulse.sources.written import (
    ROUNDED,
    ROUNDED_FIX,
    ROUNDED_LOST,
    ToldOnce,
    is_rounded_id,
)
from staffpulse.store.core import Record

AUTHOR_COLUMNS = ("author", "author_id", "author_handle")
# What other tools and people call the author's handle. In a posts CSV (no ``type`` column)
# without an author column, the first of these is read as ``author``: each names a handle and
# nothing else, in a file of posts. ``name`` is not one of them: X's API, twarc and most
# exports call the display name ``name`` ("Acme Staffing"), and taking it for a handle would
# give every post a wrong author unnoticed; the file is told to rename it instead.
AUTHOR_SYNONYMS = ("handle", "username", "user_name", "screen_name", "user_screen_name", "user")
# The columns a posts CSV (no ``type`` column) cannot do without; any one of each group will do.
POST_COLUMNS = (("id",), (*AUTHOR_COLUMNS, *AUTHOR_SYNONYMS), ("text",))
# What other tools call them, to tell the user what to rename (never renamed silently: a
# guessed meaning would import wrong data without anyone noticing).
# The author column in a sheet kept in Spanish, Portuguese, French, Italian, German or Dutch
AUTHOR_TRANSLATIONS = ("autor", "auteur", "autore", "verfasser")
COLUMN_ALIASES = {
    "id": ("tweet_id", "post_id", "status_id", "id_str", "uri"),
    "author": ("name", *AUTHOR_TRANSLATIONS),
    "text": (
        *("full_text", "tweet", "content", "body", "message", "post_text", "tweet_text"),
        *("texto", "texte", "testo", "tekst", "inhalt"),
    ),
}
ID_COLUMNS = ("id", *COLUMN_ALIASES["id"])  # a post's id, and what it may be renamed from
# Said right after its rename: renaming such a column is right only if this holds.
_RENAME_CONDITIONS = {"name": "only if it holds the authors' handles, not their display names"}
BIO_COLUMNS = ("description", "bio")  # what the roles command reads as an account's bio
SHOWN_COLUMNS = 30  # of a header told in a message; a wider one is cut, with its count


def author_synonym(columns: list[str] | set[str]) -> str | None:
    """The column read as ``author`` in a posts CSV that has none of ``AUTHOR_COLUMNS``."""
    if set(AUTHOR_COLUMNS) & set(columns):
        return None
    return next((name for name in AUTHOR_SYNONYMS if name in columns), None)


def text_by_another_name(columns: list[str] | set[str]) -> bool:
    """A header of posts whose text column has another tool's name (``handle,tweet``): not a
    file of accounts (its posts' texts would be left out unnoticed) but one of no known format,
    told what to rename (:func:`why_not_csv`)."""
    present = set(columns)
    authors = present & {*AUTHOR_COLUMNS, *AUTHOR_SYNONYMS}
    return bool(authors and present & set(COLUMN_ALIASES["text"]))


def missing_post_columns(
    columns: list[str],
    rounded: Mapping[str, str] | None = None,
    written: Mapping[str, str] | None = None,
) -> str | None:
    """Why a posts CSV header cannot work (what it has, what to rename), or None when it can.

    ``rounded`` maps a column to an id in it a spreadsheet rounded (:func:`rounded_columns`):
    such a column is never offered as the id to rename, its ids being lost."""
    fix = post_fixes(columns, rounded or {}, written)
    if fix is None:
        return None
    return (
        f"the header has {shown_columns(columns, written)}, but a staffpulse posts CSV "
        f"needs the columns id, author and text{f'; {fix}' if fix else ''}"
    )


def post_fixes(
    columns: list[str], rounded: Mapping[str, str], written: Mapping[str, str] | None = None
) -> str | None:
    """What would make ``columns`` a posts CSV header, in the order to do it: what it lacks,
    then each column to rename (with the condition on it right after it), then the columns to
    add ("it has no id or text column: rename the column tweet_id to id and add the column
    text"). "" when no column of it is known, None when it lacks nothing."""
    present = set(columns)
    missing = [group[0] for group in POST_COLUMNS if not present & set(group)]
    if not missing:
        return None
    ids = next((c for c in ID_COLUMNS if c in present), None)
    if ids is not None and ids in rounded:
        # Never offered as the id, and no other column is worth renaming: no row can be
        # imported until the ids are exported again.
        return (
            f"{as_written(ids, written)} holds ids {ROUNDED} ({rounded[ids]}: {ROUNDED_LOST}), so no row can be "
            f"imported as a post; {ROUNDED_FIX}"
        )
    renames: list[str] = []
    absent: list[str] = []
    for name in missing:
        alias = next((a for a in COLUMN_ALIASES.get(name, ()) if a in present), None)
        alias = alias or misspelt(name, columns)
        if alias is None:
            absent.append(name)
            continue
        condition = f" ({_RENAME_CONDITIONS[alias]})" if alias in _RENAME_CONDITIONS else ""
        renames.append(f'"{as_written(alias, written)}" to "{name}"{condition}')
    if not renames and len(absent) == len(POST_COLUMNS):
        return ""  # no known column at all: not a header to fix, only one to tell
    steps = (
        [f"rename the column{'s' if len(renames) > 1 else ''} {_and(renames)}"] if renames else []
    )
    added = _and([f'"{name}"' for name in absent])
    steps += [f"add the column{'s' if len(absent) > 1 else ''} {added}"] if absent else []
    if absent == ["text"] and present & _COUNTS:  # a file of counts, as `id,author,likes`
        steps[-1] += " (left blank, a row updates the counts of the post imported before)"
    return f"it has no {_or(missing)} column: {' and '.join(steps)}"


_COUNTS = frozenset({"likes", "reposts", "replies", "quotes"})

# Columns that mean something else: never offered as a misspelling of id, author or text.
_MEANT = frozenset(
    {name for group in POST_COLUMNS for name in group}
    | {alias for aliases in COLUMN_ALIASES.values() for alias in aliases}
    | {"type", "platform", "kind", "lang", "url", "urls", "quotes", "likes", "replies"}
    | {"reposts", "mentions", "hashtags", "created_at", "conversation_id", "reply_to_id"}
)


def misspelt(name: str, columns: list[str]) -> str | None:
    """The column of ``columns`` that is ``name`` misspelt (``auther``, ``txt``, ``idd``), to
    be told to rename; None when none is that close. A header typed by hand, or a template's
    typo, was told only to add the column it already has."""
    candidates = [column for column in columns if column not in _MEANT and len(column) > 1]
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.8)
    return close[0] if close else None


def _and(words: list[str]) -> str:
    return f"{', '.join(words[:-1])} and {words[-1]}" if len(words) > 1 else "".join(words)


def _or(words: list[str]) -> str:
    return f"{', '.join(words[:-1])} or {words[-1]}" if len(words) > 1 else "".join(words)


def shown_columns(columns: list[str], written: Mapping[str, str] | None = None) -> str:
    """The columns as the header writes them (``written``: "Post ID" for post_id), the
    first :data:`SHOWN_COLUMNS` of them."""
    if not columns:
        return "no columns"
    columns = [as_written(column, written) for column in columns]
    cut = len(columns) > SHOWN_COLUMNS
    shown = ", ".join(columns[:SHOWN_COLUMNS])
    return f"{shown}, … ({len(columns)} columns)" if cut else shown


def rounded_columns(records: Iterable[CsvRecord | CsvProblem]) -> tuple[dict[str, str], int]:
    """The id column and those that could be renamed to it, each with the first id a
    spreadsheet rounded in it (``6.5873E+17``), and how many records there are."""
    found: dict[str, str] = {}
    count = 0
    for record in records:
        count += 1
        if isinstance(record, CsvRecord):
            for column in ID_COLUMNS:
                value = record.values.get(column, "")
                if column not in found and is_rounded_id(value):
                    found[column] = value.strip()
    return found, count


# What spreadsheets and other tools call the time of a post; never read on a guess (a
# "date" column may be the day an account was added), only told to rename.
DATE_COLUMNS = frozenset(
    {"date", "time", "timestamp", "datetime", "date_time", "created", "posted_at", "published"}
    | {"published_at", "post_date", "tweet_date", "date_posted"}
)


def undated_note(header: list[str], written: Mapping[str, str] | None = None) -> str | None:
    """What to tell a file of posts whose time is in a column under another name than
    ``created_at`` (``Date``): the posts are imported undated, so say how to date them (the
    column named as the header writes it, ``written``)."""
    if "created_at" in header:
        return None
    column = next((name for name in header if name in DATE_COLUMNS), None)
    column = column or misspelt("created_at", header)  # creted_at, created_date
    if column is None:
        return None
    column = as_written(column, written)
    return (
        f'the column "{column}" was not read: staffpulse takes the time of a post from a '
        "column named created_at, so these posts were imported without a date (the audit "
        f'cannot place them in time). Rename "{column}" to "created_at" and import the file '
        "again (nothing is stored twice)"
    )


def why_not_csv(path: Path, head: bytes) -> str | None:
    """Why a table of no known format is not a staffpulse CSV: its header, the columns a CSV
    of posts and one of accounts need (with the other names taken for the author), and what
    to rename. None for a file that is no table (a read-me, a licence)."""
    named = path.suffix.lower() in SUFFIXES or table_named_json(path, head)
    if not named or b"\x00" in head or json_under_table_name(path):  # JSON: told as JSON
        return None
    lines = head_text(head).splitlines(keepends=True)
    if len(lines) > 1 and not lines[-1].endswith(("\n", "\r")):
        lines = lines[:-1]  # cut by the end of the head
    table = CsvTable(lines, key=column_key)
    columns = table.header
    words = [len(column.split("_")) for column in columns]  # column_key joined them
    prose_name = path.suffix.lower() in (".txt", *JSON_SUFFIXES)
    if not columns or (prose_name and (len(columns) < 2 or max(words) > 3)):
        return None  # a .txt (or a text under a JSON name) of prose, not a table
    fix = post_fixes(columns, rounded_columns(table)[0], table.written)
    others = [*AUTHOR_COLUMNS[1:], *AUTHOR_SYNONYMS]
    # a table of accounts with their bio (a labelled set, a users export): roles tags it as is
    tag = f". {tag_accounts_hint(path)}" if set(BIO_COLUMNS) & set(columns) else ""
    return (
        f"the header (line {table.header_line or 1}) has {shown_columns(columns, table.written)}."
        " A staffpulse "
        "CSV of posts needs the columns id, author and text (author may also be "
        f"{', '.join(others[:-1])} or {others[-1]}){f'; {fix}' if fix else ''}. A CSV of "
        f"accounts needs a handle column and no text column{tag}{texts_only_hint(path, columns)}"
    )


def texts_only_hint(path: Path, columns: Iterable[str]) -> str:
    """For texts of no author (a labelled set of tweets), the command that scores them as they
    are (". Posts of no account can be scored..."); "" for any other table."""
    present = set(columns)
    authors = present & {*AUTHOR_COLUMNS, *AUTHOR_SYNONYMS, *BIO_COLUMNS, *AUTHOR_TRANSLATIONS}
    texts = present & {"text", *COLUMN_ALIASES["text"]}
    return f". {SCORE_TEXTS.say(file=path.name)}" if texts and not authors else ""


def tag_accounts_hint(path: Path) -> str:
    """For a file of accounts with their bio, which staffpulse cannot import as it is: the
    command that tags them without a store (the dashboard leaves it out)."""
    return TAG_ACCOUNTS.say(file=path.name)


@header_test
def is_native_header(columns: set[str]) -> bool:
    """Whether a header is a staffpulse CSV's, of posts or of accounts."""
    if "type" in columns:  # records of each type, but a "type" column alone (a LinkedIn
        # Reactions.csv: Date, Type, Link) names none of their fields: not one of ours
        return bool(columns & {"id", "handle", "text", "follower", "followee", *AUTHOR_COLUMNS})
    if "text" not in columns:
        if text_by_another_name(columns):
            return False  # posts with their text under another name: told what to rename
        # a file of accounts, unless it is a benchmark cohort (handle, platform, segment):
        # that one is left out with a note (sources/cohorts.py), its segments not lost
        return "handle" in columns and not is_cohort_header(columns)
    if set(AUTHOR_COLUMNS) & columns:
        return True
    # A handle column under another name makes a posts CSV (told what it lacks, if need
    # be). A name column only beside an id, so that other tables with a name and a text
    # stay unknown (the CrowdFlower accounts CSV: _unit_id, name, text, tweet_id...); such
    # a file is told to rename it, as names are mostly display names and never taken.
    return author_synonym(columns) is not None or {"id", "name"} <= columns


class NativeCsv:
    name = "staffpulse-csv"
    label = "staffpulse CSV"

    def sniff(self, path: Path, head: bytes) -> bool:
        return named_table(path, head) and is_native_header(csv_columns(head))

    def read(self, path: Path) -> Iterator[Item]:
        encoding, above, notices = prepare_table(path)
        yield from notices
        # dates with the year last are read in the order their column shows (csv_dates)
        dates = ColumnDates(path, encoding)
        # a column's mistake: told once, not per row
        told = ToldOnce(str(path), UnorderedDates(str(path), column=dates))
        with path.open(encoding=encoding.codec, errors=encoding.errors, newline="") as handle:
            table = import_table(handle, above)
            header = table.header
            default = None if "type" in header else "post" if "text" in header else "account"
            if (
                default != "account"
                and (undated := undated_note(header, table.written)) is not None
            ):
                yield Notice(str(path), undated)
            if default != "account":  # a reply_to_post_id column: its links told, not lost
                yield from (Notice(str(path), said) for said in unread_link_notes(header))
            if (twice := repeated_columns(header, table.header_line)) is not None:
                yield Notice(str(path), twice)
            synonym = author_synonym(header) if default == "post" else None
            authors = Authors()
            if default == "post" and missing_post_columns(header) is not None:
                # One message for the file, not the same one for every row; every row counted.
                rounded, rows = rounded_columns(table)
                why = missing_post_columns(header, rounded, table.written)
                message = (
                    f"{why}; {'its one row was not' if rows == 1 else f'none of its {rows:,} rows were'}"
                    f" imported. Fix the file as said and import it again {SEE_FORMATS.say()}"
                    f"{texts_only_hint(path, header)}"
                )
                yield Problem(str(path), table.header_line, message, records=rows)
                return
            told_too = {synonym or ""}  # read as the author, or told by undated_note
            if default != "account":
                told_too |= {*DATE_COLUMNS, misspelt("created_at", header) or ""}
            if (unread := unread_columns_note(header, told_too, table.written)) is not None:
                yield Notice(str(path), unread)
            short, sums = ShortRows(header), SummingRows()
            counts = BadCounts()  # a count such as "1.2K": the record kept without it, told
            for row in table.records():
                if isinstance(row, CsvProblem):
                    yield Problem(str(path), row.line, row.message)
                    continue
                if default != "account" and sums.take(row.values, row.line):  # "Total" row
                    continue
                values = row.values
                if synonym is not None:  # a handle column by another name (docs/formats.md)
                    values = {**values, "author": values.get(synonym, "")}
                try:
                    values = dates.resolved(values)
                    record = counts.build(
                        values,
                        row.line,
                        lambda v: rows_from_native(v, default_type=default, base_dir=path.parent),
                    )
                except ValueError as exc:
                    if not told.take(row.line, exc):
                        yield Problem(str(path), row.line, short.why(row) + str(exc))
                    continue
                short.add(row)
                if (stub := authors.see(record, values)) is not None:
                    yield Record(rows=(stub,), provenance=provenance(self.name, path))
                yield Record(
                    rows=(record,), provenance=provenance(self.name, path, row.line), raw=row.values
                )
            if table.repeated_headers:
                yield Notice(str(path), repeated_header_note(table.repeated_headers))
            if (unnamed := table.unnamed.note(table.header_line)) is not None:
                yield Notice(str(path), unnamed)
            yield from counts.notices(str(path))
            yield from sums.notices(str(path))
        yield from told.problems()
        if (from_store := dates.store_note()) is not None:
            yield Notice(str(path), from_store)
        yield from short.notices(str(path))
        yield from authors.items(self.name, path)


register(NativeCsv())
EXPLAINERS.append(why_not_csv)
EXPLAINERS.insert(0, why_cohort)  # before why_not_csv: a cohort is told what it is, not fixed
