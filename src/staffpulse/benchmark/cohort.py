"""Cohort files: handles, each with an optional platform and segment.

Accepted shapes (one account a line; blank lines and ``#`` comments are ignored):

- CSV with a header naming ``handle`` and optionally ``platform`` and ``segment``;
- plain lines: ``@handle``, ``@handle segment``, ``@handle platform segment``, separated by
  commas or spaces.

An account is read as ``staffpulse audit`` reads it (:func:`staffpulse.account_refs.read_account_ref`):
a handle, or a profile URL pasted from a browser (``https://x.com/name``, ``x.com/name``,
``bsky.app/profile/name.bsky.social``, ``https://mastodon.social/@name``), whose platform then
needs no platform column.

A bad line never stops the run: it is reported with its file and line number.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from staffpulse.account_refs import parse_account_ref, read_account_ref
from staffpulse.benchmark.cohort_problems import CohortProblem as CohortProblem
from staffpulse.benchmark.cohort_problems import settled_segment_notes, unknown_segment_note
from staffpulse.benchmark.segments import SEGMENT_LABELS as SEGMENT_LABELS
from staffpulse.benchmark.segments import SEGMENT_WORDS as SEGMENT_WORDS
from staffpulse.benchmark.segments import marked_guess, normalize_segment
from staffpulse.errors import EmptyInputError, InputError
from staffpulse.handles import as_url
from staffpulse.models import normalize_platform, platform_name
from staffpulse.next_steps import IMPORT_THEN_BENCHMARK
from staffpulse.sources.base import read_user_text
from staffpulse.sources.csvrows import sniff_delimiter

# Words a header line is made of: a first line of them without ``handle`` is a header that
# lacks it, not an account called "name".
HEADER_WORDS = frozenset(
    {"handle", "handles", "name", "username", "user", "screen_name", "screenname", "account"}
    | {"accounts", "author", "platform", "network", "site", "segment", "type", "category"}
    | {"group", "id"}
)
HANDLE_COLUMNS = ("username", "screen_name", "screenname", "user", "account", "author", "name")
COHORT_HINT = (
    "write one account a line: @handle [platform] [segment] (a segment of several words in "
    'quotes: "staffing firm"), or a CSV with the columns handle,platform,segment'
)


@dataclass(frozen=True, slots=True)
class CohortEntry:
    handle: str  # lower case, as the store matches it: a profile URL read into its handle
    platform: str | None  # the platform column's, or the one a profile URL names
    segment: str | None
    line: int | None
    written: str = ""  # the account as the line wrote it (a handle or a profile URL)
    delimiter: str = ","  # the file's: a line suggested to write in it uses it too
    # the header's columns, in lower case; None for plain lines (handle platform segment)
    columns: tuple[str, ...] | None = None
    # the segment is a guess of the role model: a league CSV read back marks it so in its
    # segment_source column (report/spreadsheet.py), and the benchmark keeps it marked
    guessed: bool = False

    def line_with(self, platform: str) -> str:
        """This line as it should be written with ``platform``, in the file's delimiter
        (``ferrow.dev;bluesky;recruiter`` in a semicolon file)."""
        cells = [self.handle, platform, *([self.segment] if self.segment else [])]
        return self.delimiter.join(cells)

    @property
    def needs_platform_column(self) -> bool:
        """A CSV line under a header with no platform column: "brightpathstaff,bluesky" under
        handle,segment would read bluesky as the segment and lose "staffing firm"."""
        return self.columns is not None and "platform" not in self.columns

    def platform_fix(self, platforms: Sequence[str], where: str = "on this line") -> str:
        """How to say which of ``platforms`` this line means, in the file as it is written."""
        named = " or ".join(platforms)
        if self.needs_platform_column:
            header = self.delimiter.join((*(self.columns or ()), "platform"))
            return f"add a platform column to the header ({header}) and write {named} in it {where}"
        if len(platforms) == 1:
            return f"write {named} on this line: {self.line_with(platforms[0])}"
        lines = " or ".join(self.line_with(p) for p in platforms)
        return f"write the platform on this line, e.g. {lines}"

    @property
    def shown(self) -> str:
        """The account as messages quote it: the URL as pasted, else ``@handle`` as typed."""
        written = self.written or self.handle
        if as_url(written.lstrip("@")):
            return written
        return "@" + (parse_account_ref(written)[0] or self.handle)


def _is_platform(value: str) -> bool:
    try:
        normalize_platform(value)
    except ValueError:
        return False
    return True


def _cells(line: str, delimiter: str) -> list[str]:
    """The fields of a plain line: split by the file's delimiter when the line has it, else by
    spaces, where a quoted field ("staffing firm") stays one."""
    if delimiter in line:
        cells = next(csv.reader([line], delimiter=delimiter), [])
    else:
        cells = next(
            csv.reader([line.replace("\t", " ")], delimiter=" ", skipinitialspace=True), []
        )
    return [cell.strip() for cell in cells if cell.strip()]


def _missing_handle(header: list[str], file: str) -> InputError:
    rename = next((c for c in header if c in HANDLE_COLUMNS), None)
    fix = f" (if {rename} holds the handles, rename it to handle)" if rename else ""
    return InputError(
        f"{file}: the header has {', '.join(header)} but no 'handle' column{fix}",
        hint="name the column of handles 'handle'; platform and segment are optional columns",
    )


# a line of a cohort file: its number, its cells (a file without a header) or its record
# by column (a file with one)
_Row = tuple[int, list[str], dict[str, str] | None]


def _content_lines(text: str, file: str) -> list[tuple[int, str]]:
    """The numbered lines that name something: not blank, not a # comment."""
    lines = text.lstrip("\ufeff").splitlines()
    content = [
        (i + 1, ln) for i, ln in enumerate(lines) if ln.strip() and not ln.lstrip().startswith("#")
    ]
    if not content:
        raise EmptyInputError(
            f"cohort file {file} is empty"
            + (": it holds only comments and blank lines" if text.strip() else ""),
            hint=COHORT_HINT,
        )
    return content


def _split_rows(
    content: list[tuple[int, str]], delimiter: str, file: str
) -> tuple[list[_Row], list[CohortProblem]]:
    """The lines as rows: by column under a header with a ``handle`` column, else as bare
    cells; a line with more fields than the header is a problem, not a row."""
    first = content[0][1]
    header = [h.strip().lower() for h in next(csv.reader([first], delimiter=delimiter), [])]
    if "handle" not in header:
        return [(number, _cells(line, delimiter), None) for number, line in content], []
    if len(content) == 1:  # not "no account with posts": the file names no account at all
        raise EmptyInputError(
            f"cohort file {file} has a header but lists no accounts", hint=COHORT_HINT
        )
    rows: list[_Row] = []
    problems: list[CohortProblem] = []
    for number, line in content[1:]:
        values = next(csv.reader([line], delimiter=delimiter), [])
        if len(values) > len(header):
            problems.append(
                CohortProblem(file, number, f"{len(values)} fields, the header has {len(header)}")
            )
            continue
        # every column of the header, empty when the line stops early: the line's fix may
        # need to know the header had no platform column
        padded = values + [""] * (len(header) - len(values))
        rows.append((number, [], dict(zip(header, padded, strict=True))))
    return rows, problems


def parse_cohort(text: str, file: str) -> tuple[list[CohortEntry], list[CohortProblem]]:
    """The accounts of a cohort file and the lines that cannot be used. Raises
    :class:`EmptyInputError` for a file with no line, :class:`InputError` for a header
    without a ``handle`` column (no line of it could be used)."""
    content = _content_lines(text, file)
    delimiter = sniff_delimiter(content[0][1])
    rows, problems = _split_rows(content, delimiter, file)
    entries: list[CohortEntry] = []
    seen: dict[tuple[str, str | None], int] = {}
    for number, parts, record in rows:
        words = [part.lower() for part in parts]
        header_like = number == content[0][0] and bool(set(words) & HEADER_WORDS)
        try:
            entry, unknown_segment = _entry(number, parts, record, delimiter)
        except ValueError as exc:
            if header_like:
                raise _missing_handle(words, file) from None  # a header: no line can be used
            problems.append(CohortProblem(file, number, str(exc)))
            continue
        if unknown_segment and header_like:  # "name,network": a header, not @name
            raise _missing_handle(words, file)
        key = (entry.handle.lower(), entry.platform)
        if key in seen:
            earlier = entries[seen[key]]
            segment, problem = merge_duplicate(file, earlier, entry)
            # the segment kept keeps its own mark: a guess stays one, a given one stays given
            guessed = earlier.guessed if segment == earlier.segment else entry.guessed
            entries[seen[key]] = replace(earlier, segment=segment, guessed=guessed)
            problems.append(problem)
            continue
        seen[key] = len(entries)
        entries.append(entry)
        if unknown_segment:  # a typo in the segment must not drop a real account
            problems.append(unknown_segment_note(file, number, unknown_segment, entry.shown))
    given = any(entry.segment and not entry.guessed for entry in entries)
    return entries, settled_segment_notes(problems, given)


def merge_duplicate(
    file: str, first: CohortEntry, again: CohortEntry, same: str = "is already on line"
) -> tuple[str | None, CohortProblem]:
    """The segment the account keeps when ``again`` names the account of ``first`` (an earlier
    line), and the problem that says so on ``again``'s line. The first line's segment wins;
    when it has none (left blank, or a typo kept without one) a later line's gives it one, so a
    valid segment is never lost to a typo. ``same`` says how the lines match ("is already on
    line", or "is the same account as line" for two spellings of one account)."""
    where = f"{again.shown} {same} {first.line}"
    if again.segment is None or again.segment == first.segment:
        return first.segment, CohortProblem(file, again.line, where)
    if first.segment is None:
        used = f"{where}, which gives no segment: this line's {again.segment} is used"
        return again.segment, CohortProblem(file, again.line, used, kept=True)
    ignored = f"{where}, whose segment {first.segment} is kept (not this line's {again.segment})"
    return first.segment, CohortProblem(file, again.line, ignored)


def _plain(parts: list[str]) -> tuple[str, str, str | None, str | None]:
    """(handle, platform, segment, why a segment was not understood) of a plain line:
    ``@handle [platform] [segment]``."""
    handle, rest = (parts[0], parts[1:]) if parts else ("", [])
    platform = ""
    if rest and _is_platform(rest[0]):
        platform, rest = rest[0], rest[1:]
    if not rest:
        return handle, platform, None, None
    try:  # a segment of several words written without quotes: @acme staffing firm
        return handle, platform, normalize_segment(" ".join(rest)), None
    except ValueError as exc:
        unknown = str(exc)
        if len(rest) == 1:
            return handle, platform, None, unknown
    if not platform and len(rest) == 2:  # the middle field is meant as the platform
        try:
            segment = normalize_segment(rest[1])
        except ValueError:
            segment = None
        if segment is not None:
            return handle, normalize_platform(rest[0]), segment, None
    if "did you mean" in unknown:  # a segment of several words, misspelled: "staffing agensy"
        return handle, platform, None, unknown
    raise ValueError(
        "too many fields (expected: handle, optional platform, optional segment; "
        'put a segment of several words in quotes: "staffing firm")'
    )


def name_not_handle(entry: CohortEntry) -> str:
    """Why a name no stored account has is no handle, and what to write instead: the account's
    handle, and the firm's name, if it is to stay in the file, in a column of its own."""
    written, delimiter, header = entry.written, entry.delimiter, entry.columns is not None
    guess = "".join(written.lstrip("@").split()).lower()
    if delimiter == "\t":  # a tab cannot be seen in a message: named instead
        columns = "handle, name and platform, a tab apart as the file's other columns"
    else:
        sep = delimiter if delimiter in ",;|" else ","
        columns = sep.join(("handle", "name", "platform"))
    keep = (
        "add a name column to the header line (e.g. " + columns + ") and move the name there"
        if header
        else f"start the file with the header line {columns} and give the name its own column"
    )
    return (
        f"{written!r} has a space, and a handle has none: write the account's @handle as its "
        f"profile shows it (e.g. @{guess}); to keep the firm's name in the file, {keep}"
    )


def _entry(
    number: int, parts: list[str], record: dict[str, str] | None, delimiter: str = ","
) -> tuple[CohortEntry, str | None]:
    """The line's entry, and why its segment was not understood (it is then left out)."""
    unknown: str | None = None
    if record is not None:
        written = (record.get("handle") or "").strip()
        platform = (record.get("platform") or "").strip()
        try:
            segment = normalize_segment(record.get("segment"))
        except ValueError as exc:
            segment, unknown = None, str(exc)
    else:
        written, platform, segment, unknown = _plain(parts)
    if not written.lstrip("@"):
        raise ValueError("no handle on this line")
    if " " in written.strip() and "://" in written:  # not "@https://…" as the handle to write
        raise ValueError(
            f"'{written.strip()}' is not a profile URL staffpulse reads (an address"
            " has no space: copy it whole from the browser, or give the @handle)"
        )
    platform_key = normalize_platform(platform) if platform else None
    if " " in written.strip():  # a firm's name where its handle goes: "acme staffing,x",
        # looked up as a display name as one word is ("Acme"): name_not_handle when none has it
        written = handle = " ".join(written.split())
    else:
        handle, platform_key = _read_account(written, platform_key)
    columns = tuple(record) if record is not None else None
    guessed = segment is not None and record is not None and marked_guess(record)
    entry = CohortEntry(
        handle.lower(), platform_key, segment, number, written, delimiter, columns, guessed
    )
    return entry, unknown


def _read_account(written: str, platform: str | None) -> tuple[str, str | None]:
    """(handle, platform) of the account a line names, read as ``audit`` reads one: a profile
    URL gives its handle and its platform. Raises ValueError saying what to write instead."""
    try:
        handle, named = read_account_ref(written)
    except InputError as exc:
        raise ValueError(f"{exc.message} ({exc.hint})") from None
    if platform and named and named != platform:  # the address says otherwise than the column
        raise ValueError(
            f"'{written}' is not {platform_name(platform, article=True)} profile: leave the "
            f"platform out (the address names it), or write the {platform_name(platform)} handle"
        )
    return handle, platform or named


def refuse_import_data(text: str, file: str, reader: str | None = None) -> InputError | None:
    """The refusal of data to import (posts, follows: a twarc2 JSONL, a TWCS CSV, an X
    archive's tweets.js) given where a cohort is expected, or None when ``text`` may be a
    cohort. ``reader`` names the import format that reads the file, when one does; JSON is
    told by its first character either way, since no cohort line starts with ``{`` or ``[``.
    Line by line it would be "too many fields", which sends people to fix a cohort they never
    wrote. A web page (a benchmark report given back as its cohort) is refused too: read line
    by line, "<!doctype" and "<html" were each told as an account missing from the store."""
    if _first_line(text)[:1] == "<":  # no handle starts with "<": HTML, or other markup
        return InputError(f"{file} is a web page (HTML), not a cohort file", hint=COHORT_HINT)
    if reader is None and _first_line(text)[:1] not in ("{", "["):
        return None
    return InputError(
        f"{file} looks like data to import ({reader or 'JSON'}), not a cohort file",
        hint=IMPORT_THEN_BENCHMARK.say(file=file),
    )


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.lstrip("\ufeff").splitlines() if line.strip()), "")


def _refuse_import_file(path: Path, text: str) -> InputError | None:
    """:func:`refuse_import_data` for a file on disk, named by the reader ``staffpulse
    import`` would use. A CSV with a ``handle`` column and no ``text`` reads as accounts to the
    staffpulse CSV reader: that is a cohort, however broken, not data."""
    as_json = refuse_import_data(text, str(path))
    if as_json is None:
        first = _first_line(text)
        cells = next(csv.reader([first], delimiter=sniff_delimiter(first)), [])
        header = {cell.strip().lower() for cell in cells}
        if "handle" in header and "text" not in header:
            return None
    import staffpulse.sources  # noqa: F401  (registers every reader, as the import tries them)
    from staffpulse.sources.base import claimed_by

    source = claimed_by(path)
    return as_json if source is None else refuse_import_data(text, str(path), source.label)


def read_cohort(path: Path) -> tuple[list[CohortEntry], list[CohortProblem]]:
    # any common encoding: Excel's "Unicode text" (UTF-16) and Windows-1252 CSVs too
    text, note = read_user_text(path, what="cohort file", not_text_hint=COHORT_HINT)
    if (refused := _refuse_import_file(path, text)) is not None:
        raise refused
    entries, problems = parse_cohort(text, str(path))
    if note:  # nothing was skipped, but the user must hear how the file was read
        problems.insert(0, CohortProblem(str(path), None, note))
    return entries, problems
