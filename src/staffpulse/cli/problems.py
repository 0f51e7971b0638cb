"""How every command lists what it skipped: one line each on stderr, escaped, then a count.

Problems quote outside text (file names, handles, lines of the input), so they are escaped
before Rich sees them: ``ok[bold].jsonl`` must print as itself, not as a bold ``ok.jsonl``.
Only the first :data:`MAX_PROBLEMS_SHOWN` are printed in full, so that a file of a million
bad lines does not flood the terminal; the rest are counted, with where to find them all.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape

from staffpulse.report.counts import count_of

MAX_PROBLEMS_SHOWN = 20  # problems printed in full; the rest are only counted


def print_problem(console: Console, problem: object, label: str = "skipped") -> None:
    """One problem as ``skipped file:line: reason`` (``label`` in yellow)."""
    console.print(
        f"[yellow]{escape(label)}[/] {escape(str(problem))}", highlight=False, soft_wrap=True
    )


def print_more(console: Console, more: int, noun: str = "problem", see_all: str = "") -> None:
    """``... and 12 more problems (see_all)`` for the problems not printed; nothing for none."""
    if more <= 0:
        return
    tail = f" ({see_all})" if see_all else ""
    console.print(
        f"[yellow]... and {escape(count_of(more, 'more ' + noun))}{escape(tail)}[/]",
        highlight=False,
        soft_wrap=True,
    )


def print_problems(
    console: Console,
    problems: Sequence[object],
    limit: int = MAX_PROBLEMS_SHOWN,
    *,
    label: str = "skipped",
    noun: str = "problem",
    see_all: str = "",
) -> None:
    """The first ``limit`` problems, one a line, then how many more there are.

    ``see_all`` says where the full list is (``use --json to see all``)."""
    for problem in problems[:limit]:
        print_problem(console, problem, label)
    print_more(console, len(problems) - limit, noun, see_all)
