"""The terminal's "Segments (medians)" table, fitted to the terminal without cutting a word.

Rich shrinks a table too wide for the terminal by cropping its cells: at 80 columns, with
medians of only some accounts ("59 (4 of 25)") and a guessed segment ("Other (guessed)"),
"conversation" came out "conversa…". The table is laid out here instead, trying in turn:
each median on one line, then its "(4 of 25)" on a line under it, then "conv." for
"conversation"; when none fits, each segment is written over its medians. Below 80 columns
the table is bare (no box) and says "conv." from the start, as the league table above it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from staffpulse.audit.types import PILLAR_TITLES
from staffpulse.benchmark.stats import median_label, part_median_note
from staffpulse.report.counts import count_of
from staffpulse.report.segment_guess_words import segment_label, segment_notes

if TYPE_CHECKING:
    from staffpulse.benchmark.engine import BenchmarkResult

SCORES = ("overall", *PILLAR_TITLES)
TITLE = "Segments (medians)"
_BARE: dict[str, Any] = {"box": box.SIMPLE_HEAD, "pad_edge": False, "collapse_padding": True}
# (boxed, "conv." for "conversation", a part median's "(4 of 25)" on a line of its own), tried
# in this order: whole words before a box, one line before two
_WIDE_LAYOUTS = (
    (True, False, False),
    (True, False, True),
    (False, False, False),
    (False, False, True),
    (False, True, False),
    (False, True, True),
)
_NARROW_LAYOUTS = ((False, True, False), (False, True, True))


def figures_width(widths: Collection[int]) -> int:
    """The width of figures set two spaces apart in columns of ``widths``."""
    return sum(widths) + 2 * (len(widths) - 1)


def figures_line(cells: list[Text], widths: Iterable[int], indent: int) -> Text:
    """One account's figures (or their titles), each right-aligned in its column's width."""
    line = Text(" " * indent)
    for n, (cell, width) in enumerate(zip(cells, widths, strict=True)):
        line += Text(" " * ((2 if n else 0) + width - cell.cell_len)) + cell
    return line


def print_segment_medians(console: Console, result: BenchmarkResult) -> None:
    """Each segment's size and median scores, then what a part median and a guessed segment
    mean, when the table shows any."""
    stats = list(result.segment_stats.values())
    labels = [segment_label(s) for s in stats]
    counts = [str(s["n"]) for s in stats]
    medians = [[median_label(s, k) for k in SCORES] for s in stats]
    narrow = console.width < 80
    table = _fitted_table(console.width, narrow, labels, counts, medians)
    console.print(table or _stacked_table(console.width, stats, labels, medians))
    if (note := part_median_note(result.segment_stats)) is not None:
        console.print(note, style="dim", highlight=False)
    for said in segment_notes(result):  # a kept segment's file, then the guesses
        console.print(said, style="dim", highlight=False)


def _titles(short: bool) -> list[str]:
    return ["conv." if short and k == "conversation" else k for k in SCORES]


def _split(median: str) -> str:
    """A part median with its "(4 of 25)" on a line under the score."""
    score, part = median.partition(" (")[::2]
    return f"{score}\n({part}" if part else median


def _fitted_table(
    width: int, narrow: bool, labels: list[str], counts: list[str], medians: list[list[str]]
) -> Table | None:
    """The table in the first layout that fits ``width`` whole, None when none does. Every
    column gets the width it needs, the segment names what is left (wrapped between words)."""
    label_min = max(len("segment"), *(len(w) for label in labels for w in label.split()))
    label_max = max(len("segment"), *(len(label) for label in labels))
    n_width = max(1, *(len(n) for n in counts))
    columns = 2 + len(SCORES)
    for boxed, short, two_lines in _NARROW_LAYOUTS if narrow else _WIDE_LAYOUTS:
        titles = _titles(short)
        rows = [[_split(m) if two_lines else m for m in row] for row in medians]
        widths = [
            max(len(t), *(len(line) for row in rows for line in row[i].split("\n")))
            for i, t in enumerate(titles)
        ]
        # a boxed table: a rule and a space either side of each column, and the last rule;
        # a bare one: two spaces between columns, one at each edge
        edges = 3 * columns + 1 if boxed else 2 * (columns - 1) + 2
        room = width - edges - n_width - sum(widths)
        if room < label_min:
            continue
        table = Table(title=TITLE, title_justify="left", **({} if boxed else _BARE))
        table.add_column("segment", width=min(label_max, room))
        table.add_column("n", justify="right", width=n_width)
        for title, column_width in zip(titles, widths, strict=True):
            table.add_column(title, justify="right", width=column_width)
        for label, n, row in zip(labels, counts, rows, strict=True):
            table.add_row(label, n, *row)
        return table
    return None


def _stacked_table(
    width: int, stats: Sequence[dict[str, Any]], labels: list[str], medians: list[list[str]]
) -> Table:
    """Each segment over its medians: at 46 columns "conv." was cropped to "con". A part
    median's "(4 of 25)" goes on a line under the medians when they do not fit on one."""
    titles = _titles(True)
    widths = [max(len(t), *(len(row[i]) for row in medians)) for i, t in enumerate(titles)]
    two_lines = 2 + figures_width(widths) > width - 2
    if two_lines:
        split = [[_split(m).split("\n") for m in row] for row in medians]
        widths = [
            max(len(t), *(len(line) for row in split for line in row[i]))
            for i, t in enumerate(titles)
        ]
    table = Table(title=TITLE, title_justify="left", **_BARE)
    table.add_column(Text("segment\n") + figures_line([Text(t) for t in titles], widths, 2))
    for s, label, row in zip(stats, labels, medians, strict=True):
        cell = Text(f"{label} ({count_of(s['n'], 'account')})\n")
        if not two_lines:
            table.add_row(cell + figures_line([Text(c) for c in row], widths, 2))
            continue
        scores, parts = zip(*(m.partition(" ")[::2] for m in row), strict=True)
        cell += figures_line([Text(c) for c in scores], widths, 2)
        if any(parts):
            cell += Text("\n") + figures_line([Text(p) for p in parts], widths, 2)
        table.add_row(cell)
    return table
