"""The one way a command makes a Rich console, so that none can forget what they all need;
and the one place that decides whether a bar or a spinner is drawn, so that every command's
bar looks the same and none leaves a trace where no one watches.

Rich reads ``:name:`` as an emoji code by default, and the text a command prints is full of
colons: ``f.jsonl:100:`` became ``f.jsonl💯`` (``:100:`` is the code for 💯, ``:1234:`` for
🔢), and a display name such as ``Rosa :smile: Lee`` lost its words. Staffpulse never writes
emoji codes on purpose, so every console prints them as they are. (Markup stays on: commands
escape the outside text they quote, see :mod:`staffpulse.cli.problems`.)

Bars and spinners go to stderr and are drawn only on a terminal that can redraw a line, with
or without ``--json`` (stdout holds the result, whatever stderr shows): taken away in a log
file, a pipe or a ``TERM=dumb`` console they left an empty line behind, which then began the
log (``staffpulse benchmark 2>&1 | head -1`` printed a blank line).

A console whose encoding cannot hold every character (``LC_ALL=C`` with ``PYTHONUTF8=0``, a
Latin-1 terminal, a Windows code page) gets a "?" for what it cannot show: a curly quote in
the audit stopped the report halfway with UnicodeEncodeError, exit 70 and "a bug in
staffpulse". What scripts read (JSON, exports) is written in UTF-8 instead, whatever the
console: a "?" there would change a handle or a name without a word.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TextIO

from rich.console import Console, ConsoleOptions, ConsoleRenderable, RenderableType, RenderHook
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.segment import Segment
from rich.status import Status
from rich.text import Span, Text

from staffpulse.cli.options import typed_db
from staffpulse.cli.program import commands_as_run
from staffpulse.terminal_controls import TERMINAL_CONTROLS_RE


def make_console(*, stderr: bool = False) -> Console:
    """A console for a command's output (stdout) or its messages (``stderr=True``)."""
    console = Console(stderr=stderr, emoji=False)
    if not console.is_dumb_terminal and any(name in os.environ for name in _SIZE_VARIABLES):
        # Rich fixes COLUMNS and LINES as they are when the console is made, and most of ours
        # are made when their command's module is first imported: one imported while a test
        # ran with COLUMNS=120 kept 120 for every later test (a path wrapped mid-hint). Made
        # with neither in sight, Rich reads them, and the terminal, each time it prints (a
        # dumb terminal cannot be asked its size, so it keeps the one given)
        with _size_variables_hidden():
            console = Console(stderr=stderr, emoji=False)
    console.push_render_hook(_AsTheUserRunsIt())  # before the text is wrapped into lines
    console.push_render_hook(_NoControlCharacters())
    return console


# the variables a Rich console takes its size from when it is made
_SIZE_VARIABLES = ("COLUMNS", "LINES")


@contextmanager
def _size_variables_hidden() -> Iterator[None]:
    """COLUMNS and LINES out of the environment while a console is made, then back."""
    kept = {name: os.environ.pop(name) for name in _SIZE_VARIABLES if name in os.environ}
    try:
        yield
    finally:
        os.environ.update(kept)


def print_written(what: str, path: Path, note: str = "", *, as_json: bool = False) -> None:
    """Where a file a command wrote went ("HTML report: audit.html", "HTML inbox: inbox.html"),
    said alike by every command that writes one: after the output a person reads, or on
    stderr beside ``--json``'s document, which stdout holds alone. ``note`` is markup."""
    shown = make_console(stderr=as_json)
    shown.print(f"{what}: [bold]{escape(str(path))}[/]{note}", highlight=False, soft_wrap=True)


class _AsTheUserRunsIt(RenderHook):
    """Names staffpulse in a command to run as the user runs it (``.venv/bin/staffpulse``
    before ``source .venv/bin/activate``), on the store given with --db, in every line
    printed: notes as well as errors' hints ("Listen first (staffpulse listen bluesky)" was no
    command to run as printed, and after ``--db client.db`` it listened into another store)."""

    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        if not any(isinstance(r, Text) and _STARTS_A_COMMAND in r.plain for r in renderables):
            return renderables  # most lines name no command: --db is not looked up for them
        db = typed_db()  # once for what this print writes, not once a line
        return [
            _named_as_run(renderable, db) if isinstance(renderable, Text) else renderable
            for renderable in renderables
        ]


# what every command a text names to run begins with (program.commands_as_run finds them)
_STARTS_A_COMMAND = "staffpulse "


def _named_as_run(text: Text, db: Path | None) -> Text:
    found = commands_as_run(text.plain, db)
    if not found:
        return text
    named = text
    for start, end, said in reversed(found):  # from the end: the offsets before it stay true
        word = named[start:end]
        # the program's path in the word's own style (a command in bold stays bold)
        spans = [Span(0, len(said), span.style) for span in word.spans]
        as_run = Text(said, style=word.style, spans=spans)
        named = named[:start] + as_run + named[end:]
    named.end, named.justify, named.overflow = text.end, text.justify, text.overflow
    named.no_wrap = text.no_wrap
    return named


class _NoControlCharacters(RenderHook):
    """Renders what is printed without the control characters of its text."""

    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_WithoutControls(renderable) for renderable in renderables]


class _WithoutControls:
    def __init__(self, renderable: ConsoleRenderable) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        segments: Iterable[Segment] = console.render(self.renderable, options)
        for segment in segments:
            if segment.control or not TERMINAL_CONTROLS_RE.search(segment.text):
                yield segment  # Rich's own cursor moves (a bar redrawn) are control segments
            else:
                yield Segment(TERMINAL_CONTROLS_RE.sub("", segment.text), segment.style)


def shows_live(console: Console) -> bool:
    """Whether a bar or a spinner on ``console`` is seen: a terminal that can redraw a line."""
    return console.is_terminal and not console.is_dumb_terminal


def make_count_progress(console: Console, *, disable: bool = False) -> Progress:
    """A bar on ``console`` for each task: its description, ``done/total`` and the time taken;
    gone once the work is done, so the result is all that stays on the screen. Whatever a
    command prints on stdout meanwhile stays on stdout (Rich would send it to the bar's
    console, stderr)."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=disable or not shows_live(console),
        redirect_stdout=False,
    )


class QuietStatus:
    """A spinner that shows nothing, where no one would see it move."""

    def __enter__(self) -> QuietStatus:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        return None

    def update(self, status: RenderableType) -> None:
        """Nothing to redraw."""


def make_status(console: Console, status: RenderableType) -> Status | QuietStatus:
    """A spinner with ``status`` beside it on ``console`` while work of unknown length runs."""
    return console.status(status, spinner="dots") if shows_live(console) else QuietStatus()


def _writes_utf8(stream: TextIO) -> bool:
    return (getattr(stream, "encoding", None) or "").lower().replace("_", "-") in (
        "utf-8",
        "utf8",
    )


# the error handlers that stop on a character the encoding lacks (the C locale's stdout
# has surrogateescape, which stops too)
_FAILING = ("strict", "surrogateescape")


def show_what_the_console_cannot_encode() -> None:
    """stdout and stderr, when their encoding is not UTF-8, write "?" for a character they
    cannot encode rather than stop the command (Rich draws its boxes in ASCII there)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and not _writes_utf8(stream) and stream.errors in _FAILING:
            stream.flush()
            reconfigure(errors="replace")


def write_stdout_in_utf8() -> None:
    """stdout in UTF-8 for a document scripts read (a --json result, an export), whatever
    the console's encoding: JSON is UTF-8, and a Windows redirect in cp1252 failed on an
    emoji (exit 70) or, with "?" for it, changed the text."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None and not _writes_utf8(sys.stdout):
        sys.stdout.flush()
        reconfigure(encoding="utf-8", errors="strict")
