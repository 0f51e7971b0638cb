"""The staffpulse CSV (docs/formats.md): the same fields as the JSONL, one record a row.

The transformers are those of :mod:`staffpulse.sources.native`; rows are read by
:mod:`staffpulse.sources.csvrows` (comma, semicolon or tab, found from the header; a quote
left open is reported where it opened, and the rows after it are still read).

A header that lacks a column is told once, with what to rename
(:mod:`staffpulse.sources.native_csv_header`); a table no source reads is told the same
(:func:`why_not_csv`, one of :data:`staffpulse.sources.folders.EXPLAINERS`).
Ids a spreadsheet rounded (``6.5873E+17``) are never offered as the id to rename, and rows
holding them are skipped and told once for the file (:mod:`staffpulse.sources.written`).
Dates with the year last (``11/27/2026``) are read in the order their whole column shows, or
the user gives (:mod:`staffpulse.sources.csv_dates`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from staffpulse.next_steps import SCORE_TEXTS, SEE_FORMATS, TAG_ACCOUNTS
from staffpulse.sources.bad_counts import BadCounts
from staffpulse.sources.base import Item, Notice, Problem, provenance, register
from staffpulse.sources.cohorts import is_cohort_header, why_cohort
from staffpulse.sources.column_errors import ToldOnce
from staffpulse.sources.csv_dates import ColumnDates, UnorderedDates
from staffpulse.sources.csv_decimals import DecimalMark
from staffpulse.sources.csv_post_dates import PostTimes, post_time_columns
from staffpulse.sources.csv_preamble import (
    csv_columns,
    header_test,
    import_table,
    table_records,
)
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
from staffpulse.sources.csv_unread import other_kind_note, unread_columns_note
from staffpulse.sources.csvrows import (
    CsvProblem,
    CsvRecord,
    CsvTable,
    as_written,
    column_key,
    repeated_columns,
    repeated_header_note,
)
from staffpulse.sources.folders import EXPLAINERS, TABLE_HEADER
from staffpulse.sources.link_names import unread_link_notes
from staffpulse.sources.native_authors import Authors
from staffpulse.sources.native_csv_header import (
    AUTHOR_COLUMNS,
    AUTHOR_SYNONYMS,
    AUTHOR_TRANSLATIONS,
    BIO_COLUMNS,
    COLUMN_ALIASES,
    DATE_COLUMNS,
    author_synonym,
    missing_post_columns,
    misspelt,
    post_fixes,
    rounded_columns,
    second_bio_note,
    shown_columns,
    text_by_another_name,
    undated_note,
)
from staffpulse.sources.native_records import OWN_IDS, rows_from_native
from staffpulse.sources.post_links import (
    BlankIdsFromLinks,
    IdsFromLinks,
    OtherNetworks,
    blank_id_link_column,
    link_id_column,
    platform_settled,
)
from staffpulse.sources.text_files import head_text
from staffpulse.sources.user_paths import command_file
from staffpulse.sources.zeroed_ids import (
    ZeroedIds,
    csv_cells,
    csv_with,
    id_columns,
    link_columns,
)
from staffpulse.store.core import Record


def why_not_csv(path: Path, head: bytes) -> str | None:
    """Why a table of no known format is not a staffpulse CSV: its header, the columns a CSV
    of posts and one of accounts need (with the other names taken for the author), and what
    to rename. None for a file that is no table (a read-me, a licence)."""
    named = path.suffix.lower() in SUFFIXES or table_named_json(path, head)
    if not named or b"\x00" in head or json_under_table_name(path):  # JSON: told as JSON
        return None
    table = _head_table(head)
    columns = table.header
    words = [len(column.split("_")) for column in columns]  # column_key joined them
    prose_name = path.suffix.lower() in (".txt", *JSON_SUFFIXES)
    if not columns or (prose_name and (len(columns) < 2 or max(words) > 3)):
        return None  # a .txt (or a text under a JSON name) of prose, not a table
    rows = list(table)  # read twice: for the posts' links and for rounded ids
    linked = link_id_column(columns, rows)  # ids read from the posts' links: no id to add
    # ids (and authors, when it names none) read from the posts' links: not to add
    authors = set(columns) & {*AUTHOR_COLUMNS, *AUTHOR_SYNONYMS}
    known = [*columns, "id", *([] if authors else ["author"])]
    fix = post_fixes(known if linked else columns, rounded_columns(rows)[0], table.written)
    if fix and linked:
        fix += f' (the ids are read from the links in "{as_written(linked, table.written)}")'
    others = [*AUTHOR_COLUMNS[1:], *AUTHOR_SYNONYMS]
    # a table of accounts with their bio (a labelled set, a users export): roles tags it as is
    tag = f". {tag_accounts_hint(path)}" if set(BIO_COLUMNS) & set(columns) else ""
    return (
        # told_table knows a table left out by how this starts
        f"{TABLE_HEADER}{table.header_line or 1}) has {shown_columns(columns, table.written)}."
        " A staffpulse "
        "CSV of posts needs the columns id, author and text (author may also be "
        f"{', '.join(others[:-1])} or {others[-1]}){f'; {fix}' if fix else ''}. A CSV of "
        f"accounts needs a handle column and no text column{tag}{texts_only_hint(path, columns)}"
    )


def _head_table(head: bytes) -> CsvTable:
    """The table in the first bytes of a file, its last line left out when the head cut it."""
    lines = head_text(head).splitlines(keepends=True)
    if len(lines) > 1 and not lines[-1].endswith(("\n", "\r")):
        lines = lines[:-1]  # cut by the end of the head
    return CsvTable(lines, key=column_key)


def texts_only_hint(path: Path, columns: Iterable[str]) -> str:
    """For texts of no author (a labelled set of tweets), the command that scores them as they
    are (". Posts of no account can be scored..."); "" for any other table."""
    present = set(columns)
    authors = present & {*AUTHOR_COLUMNS, *AUTHOR_SYNONYMS, *BIO_COLUMNS, *AUTHOR_TRANSLATIONS}
    texts = present & {"text", *COLUMN_ALIASES["text"]}
    return f". {SCORE_TEXTS.say(file=command_file(path))}" if texts and not authors else ""


def tag_accounts_hint(path: Path) -> str:
    """For a file of accounts with their bio, which staffpulse cannot import as it is: the
    command that tags them without a store (the dashboard leaves it out)."""
    return TAG_ACCOUNTS.say(file=command_file(path))


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
        if not named_table(path, head):
            return False
        columns = csv_columns(head)
        if is_native_header(columns):
            return True
        # posts named by their links alone (text, Post URL): ids and authors are in the links
        if "text" not in columns or b"\x00" in head:
            return False
        table = _head_table(head)
        return link_id_column(table.header, table) is not None

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
            # a sheet of posts' "Date" (or "Posted", "Time") read as their created_at
            timed = post_time_columns(header, posts_only=default == "post")
            times = PostTimes(timed, dates, table.written) if timed else None
            dates.source = timed or dates.source
            if (
                default != "account"
                and not timed
                and (undated := undated_note(header, table.written)) is not None
            ):
                yield Notice(str(path), undated)
            if default != "account":  # a reply_to_post_id column: its links told, not lost
                yield from (Notice(str(path), said) for said in unread_link_notes(header))
            if (twice := repeated_columns(header, table.header_line)) is not None:
                yield Notice(str(path), twice)
            synonym = author_synonym(header) if default == "post" else None
            authors = Authors()
            # each look ahead reads the file opened anew (the table's rows are read once,
            # below), and only as far as it needs: a generator of its own, not one shared
            linked = (
                link_id_column(header, table_records(path, encoding, above))
                if default == "post"
                else None
            )
            # no author column: the links name the authors too (as x.com/<handle>/status/...)
            authorless = synonym is None and not set(AUTHOR_COLUMNS) & set(header)
            from_links = IdsFromLinks(linked, table.written, authorless) if linked else None
            # an id column with some ids left blank: those read from the rows' post links
            blank_links = blank_id_link_column(header) if default == "post" else None
            blanks = (
                BlankIdsFromLinks(
                    blank_links,
                    table.written,
                    platform_settled(header, table_records(path, encoding, above)),
                )
                if blank_links
                else None
            )
            checked = [*header, "id", *(["author"] if authorless else [])] if linked else header
            if default == "post" and missing_post_columns(checked) is not None:
                # One message for the file, not the same one for every row; every row counted.
                rounded, rows = rounded_columns(table)
                why = missing_post_columns(checked, rounded, table.written)
                message = (
                    f"{why}; {'its one row was not' if rows == 1 else f'none of its {rows:,} rows were'}"
                    f" imported. Fix the file as said and import it again {SEE_FORMATS.say()}"
                    f"{texts_only_hint(path, header)}"
                )
                yield Problem(str(path), table.header_line, message, records=rows)
                return
            # read as the author or the posts' links, or told by undated_note
            told_too = {synonym or "", linked or "", blank_links or ""}
            if default != "account":
                told_too |= {*DATE_COLUMNS, misspelt("created_at", header) or ""}
            for unread in (
                unread_columns_note(header, told_too, table.written, default),
                other_kind_note(header, default, told_too, table.written),  # a bio among posts
            ):
                if unread is not None:
                    yield Notice(str(path), unread)
            if default != "post" and (bios := second_bio_note(header, table.written)):
                yield Notice(str(path), bios)  # bio and description: one read, told which
            short, sums = ShortRows(header), SummingRows()
            # a count such as "1.2K": the record kept without it, told; "1.400" read as 1400
            # when the file's other numbers show the comma is its decimal mark (csv_decimals)
            counts = BadCounts(regrouping=DecimalMark(path, encoding, above))
            others = OtherNetworks(str(path))  # LinkedIn rows: told once, counted
            # ids saved as 1712345678901230000 (a number column keeps 15 digits): told once
            # (one only in a link, as conversation_id: the record kept without the link)
            ids = id_columns(header)
            zeroed = ZeroedIds[CsvRecord | CsvProblem](
                str(path), ids, table.written, links=link_columns(ids, OWN_IDS)
            )
            for row in zeroed.kept(table.records(), csv_cells, csv_with):
                if isinstance(row, CsvProblem):
                    yield Problem(
                        str(path), row.line, row.message, row=table.sheet.row_of(row.line)
                    )
                    continue
                if default != "account" and sums.take(row.values, row.line):  # "Total" row
                    continue
                values = row.values
                if others.take(values, row.line, default, linked or ""):
                    continue
                if synonym is not None:  # a handle column by another name (docs/formats.md)
                    values = {**values, "author": values.get(synonym, "")}
                try:
                    values = from_links.fill(values) if from_links else values
                    values = blanks.fill(values, row.line) if blanks else values
                    values = times.fill(values, row.line) if times else values
                    values = dates.resolved(values, row.line)
                    record = counts.build(
                        values,
                        row.line,
                        lambda v: rows_from_native(v, default_type=default, base_dir=path.parent),
                    )
                except ValueError as exc:
                    if not told.take(row.line, exc):
                        why = short.why(row) + str(exc)
                        yield Problem(str(path), row.line, why, row=table.sheet.row_of(row.line))
                    continue
                short.add(row)
                for told_later in (times, blanks):
                    if told_later:
                        told_later.kept()
                if (stub := authors.see(record, values)) is not None:
                    yield Record(rows=(stub,), provenance=provenance(self.name, path))
                yield Record(
                    rows=(record,), provenance=provenance(self.name, path, row.line), raw=row.values
                )
            if table.repeated_headers:
                yield Notice(str(path), repeated_header_note(table.repeated_headers, table.sheet))
            if (unnamed := table.unnamed.note(table.header_line, table.sheet)) is not None:
                yield Notice(str(path), unnamed)
            yield from counts.notices(str(path))
            yield from sums.notices(str(path), table.sheet)
            yield from others.problems()
            if from_links and (from_link := from_links.notice(str(path))) is not None:
                yield from_link
            if blanks:
                yield from blanks.notices(str(path))
            if times:
                yield from times.notices(str(path), table.sheet)
        yield from told.problems()
        if (zero_tailed := zeroed.problem()) is not None:
            yield zero_tailed
        yield from zeroed.notices()
        if (from_store := dates.store_note()) is not None:
            yield Notice(str(path), from_store)
        if (day_first := dates.dotted_note()) is not None:
            yield Notice(str(path), day_first)
        yield from short.notices(str(path), table.sheet)
        yield from authors.items(self.name, path)


register(NativeCsv())
EXPLAINERS.append(why_not_csv)
EXPLAINERS.insert(0, why_cohort)  # before why_not_csv: a cohort is told what it is, not fixed
