"""The staffpulse CSV (docs/formats.md): the same fields as the JSONL, one record a row.

The transformers are those of :mod:`staffpulse.sources.native`; rows are read by
:mod:`staffpulse.sources.csvrows` (comma, semicolon or tab, found from the header; a quote
left open is reported where it opened, and the rows after it are still read).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from staffpulse.sources.base import Item, Problem, head_text, provenance, register
from staffpulse.sources.csvrows import CsvProblem, CsvTable, read_csv_rows
from staffpulse.sources.native import Authors, rows_from_native, text_encoding
from staffpulse.sources.written import AmbiguousDates, WrittenDateError
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
COLUMN_ALIASES = {
    "id": ("tweet_id", "post_id", "status_id", "id_str", "uri"),
    "author": ("name",),
    "text": ("full_text", "tweet", "content", "body", "message"),
}
_RENAME_NOTES = {"name": "name only if it holds the authors' handles, not their display names"}
SUFFIXES = (".csv", ".tsv", ".txt")


def author_synonym(columns: list[str] | set[str]) -> str | None:
    """The column read as ``author`` in a posts CSV that has none of ``AUTHOR_COLUMNS``."""
    if set(AUTHOR_COLUMNS) & set(columns):
        return None
    return next((name for name in AUTHOR_SYNONYMS if name in columns), None)


def missing_post_columns(columns: list[str]) -> str | None:
    """Why a posts CSV header cannot work (what it has, what to rename), or None when it can."""
    present = set(columns)
    missing = [group[0] for group in POST_COLUMNS if not present & set(group)]
    if not missing:
        return None
    renames: list[str] = []
    notes: list[str] = []
    absent: list[str] = []
    for name in missing:
        alias = next((a for a in COLUMN_ALIASES.get(name, ()) if a in present), None)
        if alias is None:
            absent.append(name)
            continue
        renames.append(f"{alias}→{name}")
        notes += [_RENAME_NOTES[alias]] if alias in _RENAME_NOTES else []
    fixes = [f"rename {', '.join(renames)}"] if renames else []
    # only when something is renamed: a header with no known column at all is not one to fix
    fixes += (
        [f"add the column{'s' if len(absent) > 1 else ''} {' and '.join(absent)}"]
        if absent and len(absent) < len(POST_COLUMNS)
        else []
    )
    fix = f" ({'; '.join([*fixes, *notes])})" if fixes else ""
    return (
        f"the header has {', '.join(columns) or 'no columns'}, but a staffpulse posts CSV "
        f"needs the columns id, author and text{fix}"
    )


def csv_columns(head: bytes) -> set[str]:
    """The column names of a CSV header in a file head (stripped, lower-cased)."""
    lines = head_text(head).splitlines(keepends=True)
    first = next((row for row in read_csv_rows(lines) if not isinstance(row, CsvProblem)), None)
    return {cell.strip().lower() for cell in first.cells} if first is not None else set()


class NativeCsv:
    name = "staffpulse-csv"
    label = "staffpulse CSV"

    def sniff(self, path: Path, head: bytes) -> bool:
        if path.suffix.lower() not in SUFFIXES:
            return False
        columns = csv_columns(head)
        if "type" in columns:
            return True
        if "text" not in columns:
            return "handle" in columns  # a file of accounts
        if set(AUTHOR_COLUMNS) & columns:
            return True
        # A handle column under another name makes a posts CSV (told what it lacks, if need
        # be). A name column only beside an id, so that other tables with a name and a text
        # stay unknown (the CrowdFlower accounts CSV: _unit_id, name, text, tweet_id...); such
        # a file is told to rename it, as names are mostly display names and never taken.
        return author_synonym(columns) is not None or {"id", "name"} <= columns

    def read(self, path: Path) -> Iterator[Item]:
        encoding, notices = text_encoding(path)
        yield from notices
        authors = Authors()
        dates = AmbiguousDates(str(path), spreadsheet=True)  # told once, not on every row
        with path.open(encoding=encoding.codec, errors=encoding.errors, newline="") as handle:
            table = CsvTable(handle)
            header = table.header
            default = None if "type" in header else "post" if "text" in header else "account"
            synonym = author_synonym(header) if default == "post" else None
            if default == "post" and (why := missing_post_columns(header)) is not None:
                # One message for the file, not the same one for every row; every row counted.
                rows = sum(1 for _ in table)
                message = (
                    f"{why}; none of its {rows:,} {'row was' if rows == 1 else 'rows were'} "
                    "imported. Fix the header and import it again (see docs/formats.md)"
                )
                yield Problem(str(path), table.header_line, message, records=rows)
                return
            for row in table.records():
                if isinstance(row, CsvProblem):
                    yield Problem(str(path), row.line, row.message)
                    continue
                values = row.values
                if synonym is not None:  # a handle column by another name (docs/formats.md)
                    values = {**values, "author": values.get(synonym, "")}
                try:
                    record = rows_from_native(values, default_type=default, base_dir=path.parent)
                except ValueError as exc:
                    if isinstance(exc, WrittenDateError) and exc.ambiguous:
                        dates.add(row.line, exc)
                    else:
                        yield Problem(str(path), row.line, str(exc))
                    continue
                authors.see(record, values)
                yield Record(
                    rows=(record,), provenance=provenance(self.name, path, row.line), raw=row.values
                )
        if (problem := dates.problem()) is not None:
            yield problem
        yield from authors.items(self.name, path)


register(NativeCsv())
