"""What ``classify`` and ``roles`` share: one record file in, one JSONL out, on the terminal.

Both commands read INPUT, write one JSON line per valid record to ``--output`` (or stdout),
report the first malformed records on stderr and count the rest, and show a progress bar on
large files. ``--output`` is replaced only when the run succeeds
(:func:`staffpulse.signals.outfile.atomic_output`). :func:`run_record_job` is that run; a
:class:`RecordJob` says what differs (the reader, the model, the words).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Generic, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

from staffpulse.cli.consoles import shows_live
from staffpulse.cli.problems import MAX_PROBLEMS_SHOWN, print_more, print_problem
from staffpulse.errors import InputError, StaffpulseError
from staffpulse.report.counts import count_of
from staffpulse.signals.outfile import atomic_output, check_output_path
from staffpulse.signals.record_input import input_name

if TYPE_CHECKING:
    from staffpulse.signals.chunked import ProgressCallback, RecordReport
    from staffpulse.signals.recordio import RecordFile

Model = TypeVar("Model")
# ``-o -``, as ``-`` is standard input, and the names a shell gives standard output: written
# to in place (a pipe has no folder to hold a temporary file: "cannot write in /proc/PID/fd")
_STDOUT = (Path("-"), Path("/dev/stdout"), Path("/dev/fd/1"), Path("/proc/self/fd/1"))


@dataclass(frozen=True, slots=True)
class RecordJob(Generic[Model]):
    """What tells ``classify`` and ``roles`` apart."""

    read: Callable[[Path, Callable[[str], None]], RecordFile[Any]]  # opens INPUT, checked
    load_model: Callable[[], Model]  # called only once INPUT is known to be usable
    # (model, records, sink, on_progress) -> report
    score: Callable[[Model, RecordFile[Any], IO[str], ProgressCallback | None], RecordReport]
    label: str  # the progress bar's label: the command
    verb: str  # "Classified"
    noun: str  # what one record is: "post"
    malformed: str  # what one malformed record is called: "line"


def make_input_argument(help_text: str) -> Any:
    """INPUT as ``classify`` and ``roles`` take it; ``help_text`` says which columns it needs."""
    return typer.Argument(
        metavar="INPUT",
        help=f"{help_text} A .gz of either is read too; - reads standard input.",
        show_default=False,
    )


def make_output_option(what: str) -> Any:
    """``--output`` as ``classify`` and ``roles`` take it; ``what`` the JSONL holds ("scores").
    Taken as text, not a Path: a Path drops the slash of ``-o results/``, which names a
    folder, and a file named ``results`` was written."""
    return typer.Option(
        "--output",
        "-o",
        metavar="<path>",
        help=f"Where to write the JSONL {what} (default, or -: stdout). A missing folder is "
        "created; an existing file is replaced only when the run succeeds.",
    )


def run_record_job(
    job: RecordJob[Any], input_path: Path, given: str | None, console: Console
) -> None:
    """Read INPUT, score it into ``given`` (``--output``; None or ``-``: stdout), report on
    ``console`` (stderr)."""
    output = output_path(given)
    if output in _STDOUT:
        output = None
    check_output(output, input_path)
    skips = SkipPrinter(console)
    # INPUT is checked (readable, text, not empty, a usable header, at least one usable
    # record) before OUT is touched: a file with nothing to score fails, OUT left as it was.
    try:
        records = job.read(input_path, skips)
    except StaffpulseError:
        skips.print_rest(job.malformed)  # the count of those not shown, before the error
        raise
    with records, stopping_cleanly_on_sigterm(console):
        print_file_note(console, input_path, records.encoding_note)
        print_file_note(console, input_path, records.preamble_note)
        for note in records.notes:
            print_file_note(console, input_path, note)
        told = len(records.notes)  # the rest come as the file is read: told at the end
        model = job.load_model()
        with (
            output_sink(output, input_path) as sink,
            record_progress(console, records, job.label, f"{job.noun}s") as on_progress,
        ):
            report = job.score(model, records, sink, on_progress)
    skips.print_rest(job.malformed)
    where = f" to {escape(str(output))}" if output is not None else ""
    console.print(
        f"{job.verb} {count_of(report.written, job.noun)}{where}; skipped "
        f"{count_of(report.skipped, 'malformed ' + job.malformed)}. {report.summary()}.",
        highlight=False,
        soft_wrap=True,
    )
    for note in [*records.notes[told:], *report.notes()]:
        print_file_note(console, input_path, note)
    if records.left_out:
        from staffpulse.signals.recordio import left_out_text

        left_out = f"left out {left_out_text(records)} (not {job.noun}s)"
        print_file_note(console, input_path, left_out)


class _Terminated(BaseException):
    """SIGTERM arrived: unwinds as Ctrl-C does (BaseException, so nothing swallows it)."""


@contextmanager
def stopping_cleanly_on_sigterm(console: Console) -> Iterator[None]:
    """SIGTERM (``timeout``, ``kill``) ends the run as Ctrl-C does: OUT's temporary file is
    removed and an existing OUT kept; the exit code stays 143, as for any process SIGTERM
    ends. Python's default would end the process on the spot, leaving the temporary file."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may handle signals
        return

    def stop(signum: int, frame: object) -> None:
        raise _Terminated

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    except _Terminated:
        console.print("[yellow]Terminated.[/] Any output file you had is unchanged.")
        raise SystemExit(128 + signal.SIGTERM) from None
    finally:
        signal.signal(signal.SIGTERM, previous)


def output_path(given: str | None) -> Path | None:
    """``--output`` as a path, refused when it can name no file: empty, or ending with a
    slash (``-o results/``: a folder, missing or not; writing a file named ``results``
    would surprise)."""
    if given is None:
        return None
    if not given.strip():
        raise InputError("--output is empty", hint="give a file path, e.g. --output out.jsonl")
    if given.endswith(("/", os.sep)) and given != os.sep:
        raise InputError(
            f"{given} ends with a slash, so it names a folder, not a file",
            hint=f"give a file path for --output, e.g. {Path(given) / 'out.jsonl'}",
        )
    return Path(given)


def check_output(output: Path | None, input_path: Path) -> None:
    """Refuse an unusable ``--output`` (a folder, a path through a file, INPUT itself) up front,
    before INPUT is read or a model loaded."""
    if output is not None:
        check_output_path(output, [input_path])


def print_file_note(console: Console, path: Path, note: str | None) -> None:
    """Tell the user something about INPUT (``path``), when there is something to tell: its
    encoding had to be guessed, some texts were null, some records were not of this kind."""
    if note:
        console.print(
            f"[yellow]note[/] {escape(input_name(path))}: {escape(note)}",
            highlight=False,
            soft_wrap=True,
        )


class SkipPrinter:
    """``on_skip`` callback: prints problems as they come (the file is read lazily, so there
    is no list to hand over) and counts them all. On a terminal only the first
    :data:`MAX_PROBLEMS_SHOWN` are printed, enough to see what is wrong; when stderr is
    redirected (a log, a script that checks each skipped line) every one is, with its line:
    there is no other place to find them."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.count = 0
        self.limit = MAX_PROBLEMS_SHOWN if console.is_terminal else None

    def __call__(self, message: str) -> None:
        self.count += 1
        if self.limit is None:
            # plain text, as rich writes it off a terminal, without rich's cost per line
            # (a file of 100,000 bad lines would spend most of its time here)
            self.console.file.write(f"skipped {message}\n")
        elif self.count <= self.limit:
            print_problem(self.console, message)

    def print_rest(self, noun: str) -> None:
        if self.limit is not None:
            print_more(
                self.console,
                self.count - self.limit,
                f"malformed {noun}",
                "redirect stderr to a file to list every one: 2> skipped.txt",
            )


@contextmanager
def output_sink(output: Path | None, input_path: Path) -> Iterator[IO[str]]:
    """Where the JSONL goes: ``output``, replaced only if the run succeeds, or stdout."""
    if output is None:
        # JSON Lines are UTF-8 whatever the console's code page: Windows writes a redirected
        # stdout in cp1252, which cannot hold every id (exit 70 on an emoji)
        if (sys.stdout.encoding or "").lower().replace("_", "-") not in ("utf-8", "utf8"):
            reconfigure = getattr(sys.stdout, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(encoding="utf-8")
        try:
            yield sys.stdout
        finally:
            sys.stdout.flush()
        return
    with atomic_output(output, [input_path]) as sink:
        yield sink


@contextmanager
def record_progress(
    console: Console,
    records: RecordFile[Any],
    label: str,
    unit: str,
    min_bytes: int = 1_000_000,
) -> Iterator[ProgressCallback | None]:
    """An ``on_progress`` callback with a bar on stderr for large files, else None.

    The bar measures the bytes read, not records: records vary from 100 bytes to several KB
    (a tweet with its user object), so no count of them can be known before the end."""
    if records.size < min_bytes or not shows_live(console):
        yield None
        return
    with Progress(
        TextColumn(f"[bold]{label}[/]"),
        BarColumn(),
        TextColumn(f"{{task.fields[done]:,}} {unit}"),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task(label, total=records.size, done=0)
        done = 0
        chunk_done = 0  # records of the chunk in hand written so far
        chunk_start = 0  # bytes read before it

        def advance(written: int, waiting: int = 0) -> None:
            # A chunk is read whole before it is scored: the bar moves through its bytes as
            # its records are written, not at once to its end.
            nonlocal done, chunk_done, chunk_start
            done += written
            chunk_done += written
            share = chunk_done / (chunk_done + waiting) if chunk_done + waiting else 1.0
            read = records.bytes_read
            progress.update(task, completed=chunk_start + (read - chunk_start) * share, done=done)
            if waiting == 0:
                chunk_done, chunk_start = 0, read

        yield advance
