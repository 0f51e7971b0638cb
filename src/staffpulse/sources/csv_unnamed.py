"""A CSV column whose header cell is empty, though its rows hold values: a column a person
left unnamed in a sheet, or a pandas index saved with the table. Read by name, every such
column fell under the one name "", the last one's cells overwriting the others', and nothing
was told. The import keeps each one's cells with its record as ``column_3`` (its place) and
tells the file once which column it is, where, and how to have it read."""

from __future__ import annotations

from collections.abc import Sequence

from staffpulse.next_steps import SEE_FORMATS
from staffpulse.report.counts import count_of
from staffpulse.sources.sheet_lines import SheetLines


def column_letter(index: int) -> str:
    """The letter a spreadsheet shows above the column at ``index`` (0: A, 26: AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def unnamed_key(index: int) -> str:
    """The name an unnamed column's cells are kept under: ``column_3`` for the third."""
    return f"column_{index + 1}"


class UnnamedColumns:
    """The unnamed columns of a header (its cells as written), and the rows holding a value
    in them: how many, and the first one's line."""

    def __init__(self, header: Sequence[str]) -> None:
        self.header = list(header)
        self.indexes = [i for i, name in enumerate(header) if not name.strip()]
        self.filled: dict[int, tuple[int, int]] = {}  # column: (rows, first line)

    def keep(self, line: int, cells: Sequence[str], values: dict[str, str]) -> None:
        """Put the row's values in unnamed columns in ``values``, each under its own name
        (then none under "", which held the last unnamed cell only)."""
        for i in self.indexes:
            if i < len(cells) and cells[i].strip() and unnamed_key(i) not in values:
                values[unnamed_key(i)] = cells[i]
                values.pop("", None)
                rows, first = self.filled.get(i, (0, line))
                self.filled[i] = (rows + 1, first)

    def note(self, header_line: int, sheet: SheetLines) -> str | None:
        """What the file is told of its unnamed columns that hold values, each line named
        with its spreadsheet row (``sheet``); None for none."""
        if not self.filled:
            return None
        said = [self._said(i, *self.filled[i], sheet) for i in sorted(self.filled)]
        several = len(said) > 1
        kept = ", ".join(f'"{unnamed_key(i)}"' for i in sorted(self.filled))
        return (
            f"the header (line {sheet.told(header_line, grouped=False)}) gives no name to {'; '.join(said)}: "
            f"{'their' if several else 'its'} cells were kept with each record (as {kept}) but"
            f" not read as any field. If {'one' if several else 'it'} holds something staffpulse"
            f" reads {SEE_FORMATS.say()}, write that column's name in the header cell and"
            " import the file again"
        )

    def _said(self, i: int, rows: int, first: int, sheet: SheetLines) -> str:
        before = next((n for n in reversed(self.header[:i]) if n.strip()), None)
        after = next((n for n in self.header[i + 1 :] if n.strip()), None)
        where = [f'after "{before}"'] if before else []
        where += [f'before "{after}"'] if after else []
        return (
            f"column {column_letter(i)} ({', '.join(where) or 'unnamed'}), though"
            f" {count_of(rows, 'row')} {'has a value' if rows == 1 else 'have values'} in it"
            f" (first on line {sheet.told(first)})"
        )
