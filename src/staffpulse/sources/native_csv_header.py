"""The header of a staffpulse CSV of posts: the columns it is read by, the names other tools
and people give them, and what a header that lacks one is told to rename or add. Read by
:mod:`staffpulse.sources.native_csv` (a file's own header, and a table of no known format),
and by :mod:`staffpulse.scale.inputs` (the columns of a Parquet file of posts to score).
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable, Mapping

from staffpulse.report.counts import join_and, join_or
from staffpulse.sources.csvrows import CsvProblem, CsvRecord, as_written
from staffpulse.sources.written import ROUNDED, ROUNDED_FIX, ROUNDED_LOST, is_rounded_id

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
# An account's bio, by the names it is read from, the first one found: staffpulse's own, then
# X's API's (a users export, a labelled set of accounts); the roles command reads either
BIO_COLUMNS = ("bio", "description")
SHOWN_COLUMNS = 30  # of a header told in a message; a wider one is cut, with its count


def second_bio_note(
    fields: Collection[str], written: Mapping[str, str] | None = None, what: str = "column"
) -> str | None:
    """What a file with both bio columns (``what``: or fields, of JSON records) is told: which
    one was read (never both merged); None when it has one or none."""
    if not set(BIO_COLUMNS) <= set(fields):
        return None
    bio, other = (as_written(key, written) for key in BIO_COLUMNS)
    return (
        f'the {what} "{other}" was not read: each account\'s bio was taken from "{bio}", as the'
        f' file has both; if "{other}" holds the bios, delete the {what} "{bio}" and import the'
        " file again (nothing is stored twice)"
    )


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
        [f"rename the column{'s' if len(renames) > 1 else ''} {join_and(renames)}"]
        if renames
        else []
    )
    added = join_and([f'"{name}"' for name in absent])
    steps += [f"add the column{'s' if len(absent) > 1 else ''} {added}"] if absent else []
    if absent == ["text"] and present & _COUNTS:  # a file of counts, as `id,author,likes`
        steps[-1] += " (left blank, a row updates the counts of the post imported before)"
    return f"it has no {join_or(missing)} column: {' and '.join(steps)}"


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


# What spreadsheets and other tools call the time of a post: read as it in a file of posts
# only (csv_post_dates; a "date" beside account rows may be the day an account was added),
# told to rename otherwise.
DATE_COLUMNS = frozenset(
    {"date", "time", "timestamp", "datetime", "date_time", "created", "posted_at", "published"}
    | {"published_at", "post_date", "tweet_date", "date_posted", "posted", "posted_on"}
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
