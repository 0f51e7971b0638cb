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
from staffpulse.store.core import Record

# The columns a posts CSV (no ``type`` column) cannot do without; any one of each group will do.
POST_COLUMNS = (("id",), ("author", "author_id", "author_handle"), ("text",))
# What other tools call them, to tell the user what to rename (never renamed silently: a
# guessed meaning would import wrong data without anyone noticing).
COLUMN_ALIASES = {
    "id": ("tweet_id", "post_id", "status_id", "id_str", "uri"),
    "author": ("screen_name", "username", "user_screen_name", "user", "handle"),
    "text": ("full_text", "tweet", "content", "body", "message"),
}
SUFFIXES = (".csv", ".tsv", ".txt")


def missing_post_columns(columns: list[str]) -> str | None:
    """Why a posts CSV header cannot work (what it has, what to rename), or None when it can."""
    present = set(columns)
    missing = [group[0] for group in POST_COLUMNS if not present & set(group)]
    if not missing:
        return None
    renames = []
    for name in missing:
        alias = next((a for a in COLUMN_ALIASES.get(name, ()) if a in present), None)
        if alias is not None:
            renames.append(f"{alias}→{name}")
    fix = f" (rename {', '.join(renames)})" if renames else ""
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
        return (
            "type" in columns
            or ("text" in columns and bool({"author", "author_id", "author_handle"} & columns))
            or ("handle" in columns and "text" not in columns)
        )

    def read(self, path: Path) -> Iterator[Item]:
        encoding, notices = text_encoding(path)
        yield from notices
        authors = Authors()
        with path.open(encoding=encoding.codec, errors=encoding.errors, newline="") as handle:
            table = CsvTable(handle)
            header = table.header
            default = None if "type" in header else "post" if "text" in header else "account"
            if default == "post" and (why := missing_post_columns(header)) is not None:
                # One message for the file, not the same one for every row; every row counted.
                rows = sum(1 for _ in table)
                message = (
                    f"{why}; none of its {rows:,} {'row was' if rows == 1 else 'rows were'} "
                    "imported. Rename the columns and import it again (see docs/formats.md)"
                )
                yield Problem(str(path), table.header_line, message, records=rows)
                return
            for row in table.records():
                if isinstance(row, CsvProblem):
                    yield Problem(str(path), row.line, row.message)
                    continue
                try:
                    record = rows_from_native(
                        row.values, default_type=default, base_dir=path.parent
                    )
                except ValueError as exc:
                    yield Problem(str(path), row.line, str(exc))
                    continue
                authors.see(record, row.values)
                yield Record(
                    rows=(record,), provenance=provenance(self.name, path, row.line), raw=row.values
                )
        yield from authors.items(self.name, path)


register(NativeCsv())
