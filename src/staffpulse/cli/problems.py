"""How every command lists what it skipped: one line each on stderr, escaped, then a count.

Problems quote outside text (file names, handles, lines of the input), so they are escaped
before Rich sees them: ``ok[bold].jsonl`` must print as itself, not as a bold ``ok.jsonl``.
Only the first :data:`MAX_PROBLEMS_SHOWN` are printed in full, so that a file of a million
bad lines does not flood the terminal; the rest are counted, with where to find them all.

An import tells records it lost apart from files it left out whole (a README beside the data,
an empty file): the losses first, never pushed out of sight by such files; then each file the
user named, on a line of its own; then a folder's files, summed up in a line of each kind, its
read-mes and licences last (:func:`print_import_problems`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import PurePath

from rich.console import Console
from rich.markup import escape

from staffpulse.report.counts import count_of
from staffpulse.sources.base import Problem, UnreadFile
from staffpulse.sources.folders import NotesFile, is_empty_file, left_out, told_why

MAX_PROBLEMS_SHOWN = 20  # problems printed in full; the rest are only counted
MAX_NAMES_SHOWN = 8  # names of the files left out, in the line that sums them up
MAX_TOLD_WHY = 5  # files left out with a reason (a CSV's header) printed in full


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


def print_import_problems(
    console: Console, problems: Sequence[Problem], see_all: str = "use --json to see all"
) -> bool:
    """What an import skipped: the records it could not read (data lost) first, then the files
    it left out whole. True when every problem of the first kind was printed."""
    read = [problem for problem in problems if not left_out(problem)]
    # a file that could not be read at all lost records, though how many cannot be told
    lost = [problem for problem in read if problem.records or isinstance(problem, UnreadFile)]
    if len(lost) > MAX_PROBLEMS_SHOWN:
        # one message for many records (a file's ids a spreadsheet zeroed, told at its end)
        # is shown before rows skipped one by one, never crowded out by them
        lost.sort(key=lambda problem: problem.records <= 1)
    print_problems(console, lost, see_all=see_all)
    # a problem that cost no record (damaged bytes read as U+FFFD, an unsafe name passed over,
    # a cut gzip whose lost part cannot be counted) is a note: "skipped" would count it
    notes = [p for p in read if p not in lost]
    print_problems(console, notes, label="note", see_all=see_all)
    files = [problem for problem in problems if left_out(problem)]
    # a file the user named is one they meant: told with its reason, never summed up; a
    # README a shell glob named is told after the data files named with it
    named = sorted((p for p in files if p.named), key=lambda p: isinstance(p, NotesFile))
    print_problems(console, named, label="left out", noun="file you named", see_all=see_all)
    found = [problem for problem in files if not problem.named]
    # a table whose header lacks a column is likely data meant for import: told why, in full
    told = [problem for problem in found if told_why(problem)][:MAX_TOLD_WHY]
    for problem in told:
        print_problem(console, problem, "left out")
    # a README, LICENSE or PROVENANCE beside the data is summed up last, so its many names
    # never crowd out a data file of no known format
    prose = [p for p in found if isinstance(p, NotesFile)]
    unknown = [p for p in found if not is_empty_file(p) and p not in told and p not in prose]
    noun = "other file" if told or named else "file"
    _print_files(console, unknown, count_of(len(unknown), noun) + " of no known format", see_all)
    empty = [p for p in found if is_empty_file(p)]
    _print_files(console, empty, count_of(len(empty), "empty file"), see_all)
    what = count_of(len(prose), "text") + " a person wrote (read-mes, licences, notes)"
    _print_files(console, prose, what, see_all)
    return len(lost) <= MAX_PROBLEMS_SHOWN


def _print_files(console: Console, files: Sequence[Problem], what: str, see_all: str) -> None:
    """``left out 20 files of no known format: LICENSE, PROVENANCE.txt ×6, ...``: the names,
    each once with how many bear it."""
    if not files:
        return
    names = Counter(PurePath(p.file.split("!")[-1]).name or p.file for p in files)
    shown = [f"{name} ×{n}" if n > 1 else name for name, n in names.most_common()]
    more = f", … ({see_all})" if len(shown) > MAX_NAMES_SHOWN else ""
    console.print(
        f"[yellow]left out[/] {escape(what)}: {escape(', '.join(shown[:MAX_NAMES_SHOWN]) + more)}",
        highlight=False,
        soft_wrap=True,
    )
