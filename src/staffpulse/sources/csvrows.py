"""Reading CSV written by people: the delimiter found from the header, each record with the
line it starts on, and a quote left open reported where it opened.

Python's ``csv`` module, left to itself, reads a stray opening quote (``5,acme,"Great news``)
as the start of a cell that runs on over the following lines until some later quote, so the
rows after it vanish into one cell and the error, if any, is reported where the swallowing
ended. Here the parser is strict, and a record that breaks after running over several lines
is taken for exactly that: its first line is reported and skipped, and the lines after it
are read again as rows of their own. A sloppy quote within one line (``"Great" news``) is
still read as before, leniently.

Shared by the staffpulse CSV source and ``staffpulse classify`` (:mod:`staffpulse.signals.
batch`), so that both count and place a broken row the same way.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from staffpulse.sources.csv_long_cells import passed_over, too_long
from staffpulse.sources.csv_unnamed import UnnamedColumns
from staffpulse.sources.sheet_lines import SheetLines

# Comma first: it wins a tie. Semicolons are what Excel writes for "CSV" in locales where the
# comma is the decimal mark; tabs are what it writes for "Text (tab delimited)".
DELIMITERS = (",", ";", "\t")
# The line Excel reads (and some tools write) before the header to name the delimiter:
# ``sep=;`` (in quotes too, as a one-cell CSV row).
SEP_LINE_RE = re.compile(r'\ufeff?"?sep=([^"\r\n])"?\s*$', re.IGNORECASE)


def as_written(column: str, written: Mapping[str, str] | None) -> str:
    """``column`` as its header cell writes it (``written``, :attr:`CsvTable.written`: "Post
    Text" for post_text), so a message names it as the user sees it in the sheet; the column
    itself when its cell is not known."""
    return (written or {}).get(column, column)


@dataclass(frozen=True, slots=True)
class CsvRow:
    """One record: the line it starts on and its cells."""

    line: int
    cells: list[str]


@dataclass(frozen=True, slots=True)
class CsvProblem:
    """A record that could not be read, at the line where it starts."""

    line: int
    message: str


def sniff_delimiter(header: str) -> str:
    """The delimiter of a CSV file, from its header line: the one of comma, semicolon and tab
    found most often outside quotes (comma when there is none)."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in header:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])  # max keeps the first of a tie
    return best if counts[best] else ","


def _unclosed(start: int, end: int | None, at_cut: bool = False) -> str:
    if at_cut:
        # the last line, with no line break: a download or copy that stopped inside a cell
        return (
            f"unclosed quote starting at line {start} (it is never closed, and the file ends"
            " there without a line break: was it cut short?): this row was skipped; export or"
            " copy the file again if it was cut, else close the quote or write a quote inside a"
            ' cell as ""'
        )
    after = (
        f"line {end} was read as a row of its own"  # never "lines 3-3"
        if end == start + 1
        else f"lines {start + 1}-{end} were read as rows of their own"
    )
    where = (
        f"it ran on to line {end}): this row was skipped, and {after}"
        if end is not None and end > start
        else "it is never closed): this row was skipped"
    )
    return (
        f"unclosed quote starting at line {start} ({where}; close the quote, or write a quote "
        'inside a cell as ""'
    )


def read_csv_rows(
    lines: Iterable[str], delimiter: str | None = None
) -> Iterator[CsvRow | CsvProblem]:
    """Every record of CSV ``lines`` (the header too, first), in order, with its line; a broken
    record is a :class:`CsvProblem` at the line where it starts. Blank lines are passed over,
    and so are rows of empty cells (``,,,,``: what Excel writes for an empty row of a sheet
    whose cells were formatted), which were counted as records skipped for a missing id.

    ``lines`` must keep their line breaks (a file opened with ``newline=""``). Without
    ``delimiter``, it is sniffed from the first non-blank line, or read from it when that is
    Excel's ``sep=;`` line (which is then no row).
    """
    source: Iterator[tuple[int, str]] = iter(enumerate(lines, start=1))
    if delimiter is None:
        ahead: list[tuple[int, str]] = []
        for item in source:
            ahead.append(item)
            if item[1].strip():
                break
        delimiter = sniff_delimiter(ahead[-1][1]) if ahead else ","
        if ahead and (hint := SEP_LINE_RE.match(ahead[-1][1])) is not None:
            # Excel's "sep=;" line: the delimiter, said before the header (not a row)
            delimiter = hint.group(1)
            ahead.pop()
        source = itertools.chain(ahead, source)
    pending: list[tuple[int, str]] = []  # the lines of the record being read
    replay: deque[tuple[int, str]] = deque()  # lines to read again after a broken record

    held_cr = False  # the record being read had a lone \r inside a line (see _held_cr)

    def feed() -> Iterator[str]:
        nonlocal held_cr
        while True:
            item = replay.popleft() if replay else next(source, None)
            if item is None:
                return
            pending.append(item)
            line = _held_cr(item[1])
            held_cr = held_cr or line is not item[1]
            yield line

    reader = csv.reader(feed(), delimiter=delimiter, strict=True)
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            broken, pending[:] = list(pending), []
            if not broken:  # nothing was read: the error is about the input itself
                return
            held_cr = False
            start, text = broken[0]
            if len(broken) == 1 and "end of data" not in str(exc):
                # A quote misplaced within one line ("Great" news): read it as csv always has.
                held = _held_cr(text)
                try:
                    cells = next(csv.reader([held], delimiter=delimiter), [])
                except csv.Error:  # a cell past the csv module's limit: the row alone is lost
                    yield CsvProblem(start, too_long())
                    continue
                if held is not text:
                    cells = [cell.replace(_CR_HELD, "\r") for cell in cells]
                if cells:
                    yield CsvRow(start, cells)
                continue
            if "field larger" in str(exc) and passed_over(broken, replay, source):
                yield CsvProblem(start, too_long())  # a cell over lines past the limit
                reader = csv.reader(feed(), delimiter=delimiter, strict=True)
                continue
            end = broken[-1][0] if len(broken) > 1 else None
            at_cut = end is None and not text.endswith(("\n", "\r"))
            yield CsvProblem(start, _unclosed(start, end, at_cut))
            replay.extendleft(reversed(broken[1:]))
            # A fresh reader: at the end of the data the old one's input is used up.
            reader = csv.reader(feed(), delimiter=delimiter, strict=True)
            continue
        start = pending[0][0] if pending else 0
        pending.clear()
        if held_cr:
            cells = [cell.replace(_CR_HELD, "\r") for cell in cells]
            held_cr = False
        if any(cell.strip() for cell in cells):  # a row of empty cells is a blank line too
            yield CsvRow(start, cells)


# A lone \r inside a line (not its line end) is text: a cell's "\r" that pandas' to_csv
# and Python's csv writer leave unquoted when the line end is \n. Python's csv reader stops
# there ("new-line character seen in unquoted field"), so it is held as this noncharacter
# while the line is parsed and put back in the cells.
_CR_HELD = "\U0010fffe"
_LINE_END_RE = re.compile(r"\r?\n$|\r$")


def _held_cr(line: str) -> str:
    """``line`` with each \r that does not end it as :data:`_CR_HELD` (``line`` itself, the
    same object, when it has none)."""
    end = _LINE_END_RE.search(line)
    body = line[: end.start()] if end else line
    if "\r" not in body:
        return line
    return body.replace("\r", _CR_HELD) + line[len(body) :]


@dataclass(frozen=True, slots=True)
class CsvRecord:
    """One record under its header: ``values`` maps each column (stripped, lower-cased) to its
    cell (a short row leaves the last columns out); ``extra`` counts cells past the header,
    ``missing`` the header's columns the row has no cell for."""

    line: int
    values: dict[str, str]
    extra: int = 0
    missing: int = 0


def _bare_cells(cells: Sequence[str]) -> list[str]:
    """Cells stripped, and of the byte order mark a file joined to another brings along
    (``cat a.csv b.csv``: b's header then starts with it, and was read as a record)."""
    return [cell.strip().lstrip("\ufeff").strip() for cell in cells]


def column_key(name: str) -> str:
    """A column name as the staffpulse CSV reads it: stripped and lower-cased, spaces and
    hyphens as underscores (``Created At`` and ``created-at`` are ``created_at``)."""
    return _SEPARATORS_RE.sub("_", name.strip().lower())


_SEPARATORS_RE = re.compile(r"[\s\-]+")


def _stripped_lower(name: str) -> str:
    return name.strip().lower()


def repeated_columns(header: Sequence[str], line: int) -> str | None:
    """What a header naming a column twice is told (two "text" columns of sheets pasted side
    by side): a row's cells are read by name, so only the last of them is; None when each
    name is there once."""
    twice = [name for name, count in Counter(name for name in header if name).items() if count > 1]
    if not twice:
        return None
    names = ", ".join(f'"{name}"' for name in twice)
    several = len(twice) > 1
    return (
        f"the header (line {line}) names the column{'s' if several else ''} {names} more than "
        f"once: only the last {'of each ' if several else ''}was read, and the cells under the "
        "other were not imported; rename or remove the extra column and import the file again"
    )


class CsvTable:
    """A CSV file read as its header and then records (:class:`CsvRecord`) or problems
    (:class:`CsvProblem`), in order. Iterate once. ``key`` makes a column's name from the
    header's cell (stripped and lower-cased; :func:`column_key` for the staffpulse CSV)."""

    def __init__(
        self,
        lines: Iterable[str],
        delimiter: str | None = None,
        key: Callable[[str], str] = _stripped_lower,
        *,
        pass_repeated_header: bool = False,
        name_unnamed: bool = False,
    ) -> None:
        self._items = read_csv_rows(lines, delimiter)
        self._early: list[CsvProblem] = []  # broken records before the header
        self.header: list[str] = []
        self.header_line = 0
        self._header_cells: list[str] = []
        self.written: dict[str, str] = {}  # each column as its header cell writes it ("Post ID")
        # the header again further down (monthly exports joined with cat): no record, passed
        # over with ``pass_repeated_header`` (the import's readers; classify and roles tell it
        # on their own)
        self._pass_header = pass_repeated_header
        self.repeated_headers: list[int] = []
        # each line's spreadsheet row, as far as the records are read: a message names it
        self.sheet = SheetLines()
        for item in self._items:
            if isinstance(item, CsvProblem):
                self._early.append(item)
                continue
            self.sheet.see(item.line, item.cells)
            self.header = [key(cell) for cell in item.cells]
            self._header_cells = _bare_cells(item.cells)
            for name, cell in zip(self.header, self._header_cells, strict=True):
                self.written.setdefault(name, cell)
            self.header_line = item.line
            break
        # a column the header gives no name (a cell left empty in a sheet): its cells were
        # lost under the one key "", as UnnamedColumns tells the file; kept as ``column_3``
        # when asked
        self.unnamed = UnnamedColumns(self._header_cells if name_unnamed else [])
        self._marked = {name for name in self.header if marked_column(name)}

    def __iter__(self) -> Iterator[CsvRecord | CsvProblem]:
        yield from self._early
        self._early = []
        width = len(self.header)
        for item in self._items:
            if isinstance(item, CsvProblem):
                yield item
                continue
            self.sheet.see(item.line, item.cells)
            if self._pass_header and width > 1 and _bare_cells(item.cells) == self._header_cells:
                # the header again (files joined with cat): it was a record skipped, its
                # created_at 'created_at' no date, though nothing was lost
                self.repeated_headers.append(item.line)
                continue
            values = dict(zip(self.header, map(excel_text, item.cells), strict=False))
            for name in self._marked.intersection(values):
                values[name] = unmark_text(values[name])
            self.unnamed.keep(item.line, item.cells, values)
            cells = len(item.cells)
            yield CsvRecord(item.line, values, max(0, cells - width), max(0, width - cells))

    def records(self) -> Iterator[CsvRecord | CsvProblem]:
        """As iterating, but a row wider than the header is a problem too: its cells cannot be
        placed under their columns. Every reader of CSV (import, classify, roles) says so alike."""
        width = len(self.header)
        for item in self:
            if isinstance(item, CsvRecord) and item.extra:
                yield CsvProblem(item.line, too_wide(item.extra, width))
            else:
                yield item


# What a spreadsheet runs as a formula when a cell starts with it; staffpulse's CSV exports
# (report/spreadsheet.py) put a ' before it, and the import reads that ' as no part of an id
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The columns whose cell an exporter marks text with a leading ' (report/spreadsheet.py writes
# it before a formula's first character; others before digits, for Excel not to round a long
# id): ids, handles and counts. Any other column is a person's words, and a bio that begins
# ``'16 was our year`` keeps its apostrophe.
_MARKED_COLUMN_RE = re.compile(
    r"(?:^|[_. ])(?:id|ids|id_str|author|handle|username|user_name|screen_name|user|rank"
    r"|likes|reposts|replies|quotes|retweets|favorites|favourites|followers|following"
    r"|impressions|engagements|count)$"
)


def marked_column(name: str) -> bool:
    """Whether a column holds ids, handles or counts, whose leading ' is an exporter's mark."""
    return bool(_MARKED_COLUMN_RE.search(column_key(name)))


def unmark_text(cell: str) -> str:
    """An id, handle or count cell without the ' an exporter put before its digits or a
    formula's first character to keep it text (``'1600000000000000001``, ``'@acme``): no
    spreadsheet shows or saves it, and it came in as part of an id, another account."""
    rest = cell[1:]
    if cell.startswith("'") and (
        rest.startswith(FORMULA_STARTS) or (rest.isascii() and rest.isdigit())
    ):
        return rest
    return cell


def excel_text(cell: str) -> str:
    """A cell as its value: ``="1600000000000000001"`` (how exporters write a long id or a
    number as text for Excel, which would round it) is ``1600000000000000001``. The id was
    stored with ``="`` around it, a post of its own beside the same post from an archive."""
    if not cell.startswith('="') or not cell.endswith('"') or len(cell) < 3:
        return cell
    inner = cell[2:-1]
    if '"' in inner.replace('""', ""):  # a formula that is more than a text: left as written
        return cell
    return inner.replace('""', '"')


def repeated_header_note(lines: list[int], sheet: SheetLines) -> str:
    """What a file whose header comes again further down is told (files joined one after
    another): read as a header, nothing lost; the first such line named with its row."""
    more = f" and {len(lines) - 1:,} more line{'s' if len(lines) > 2 else ''}" if lines[1:] else ""
    return (
        f"line {sheet.told(lines[0])}{more} repeat{'' if more else 's'} the header (files joined one "
        "after another?): read as a header, not as a record"
    )


def too_wide(extra: int, width: int) -> str:
    return (
        f"row has {extra} more cell{'' if extra == 1 else 's'} than the header's {width} "
        "columns (a cell holding the delimiter must be in quotes)"
    )
