"""What ``--json`` puts on stdout: one JSON document, the command's result, or the error
that stopped it.

Every command prints its document through :func:`print_json`, which notes that it did; the
error boundary (:mod:`staffpulse.cli.app`) then prints ``{"error": {"message", "hint",
"exit_code"}}`` for a run that asked for JSON and failed before printing one (a missing
store, an unknown handle, a bad option value), so that a script reads the failure as it reads
a result; never a second document after one a command printed before failing (``avatar``
lists the files it could not read, ``listen`` says how far it got). The boundary starts a
fresh :class:`JsonRun` for each run, so one leaves nothing behind for the next (tests run
many in one process).
"""

from __future__ import annotations

import json
import os
import sys
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import typer

from staffpulse.cli.consoles import write_stdout_in_utf8


@dataclass
class JsonRun:
    """Whether this run's command line asks for ``--json``, and whether a document is out."""

    wanted: bool = False
    printed: bool = False


_RUN: ContextVar[JsonRun | None] = ContextVar("staffpulse_json_run", default=None)


def start_json_run() -> JsonRun:
    """A new run: nothing asked for, nothing printed yet."""
    run = JsonRun()
    _RUN.set(run)
    return run


def note_json_wanted(args: list[str]) -> None:
    """Notes whether the command's arguments ask for ``--json`` (before a ``--``, which ends
    the options), for the error boundary to answer in JSON even when parsing them failed."""
    run = _RUN.get()
    if run is not None:
        options = args[: args.index("--")] if "--" in args else args
        run.wanted = "--json" in options


def print_json(data: Any) -> None:
    """``data`` as the run's JSON document on stdout (times, dates and paths as their text:
    :func:`json_text`), in UTF-8 whatever the console's encoding."""
    write_stdout_in_utf8()
    typer.echo(json.dumps(data, ensure_ascii=False, default=json_text))
    run = _RUN.get()
    if run is not None:
        run.printed = True


def json_text(value: object) -> str:
    """What ``--json`` writes for a value JSON has no type for. A moment is written as every
    command writes one, UTC to the second: ``2026-03-01T14:05:00Z``
    (:func:`staffpulse.store.codec.format_time`, the store's own form, which the library's
    ``as_dict``/``to_dict`` use too); a calendar date as ``2026-03-01``; a path, or anything
    else, as its text."""
    if isinstance(value, datetime):
        # on use: the store package is slow to load, and most runs print no JSON
        from staffpulse.store.codec import format_time

        return str(format_time(value))
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def json_error_due() -> bool:
    """Whether a failure now is told as this run's JSON document: JSON was asked for and no
    document is out yet. The boundary then tells people one plain line on stderr, not its
    message and hint a second time (a script's log read them twice, a usage error boxed)."""
    run = _RUN.get()
    return run is not None and run.wanted and not run.printed


def json_asked() -> bool:
    """Whether this run asked for ``--json``, its document out or not (``avatar --json`` writes
    each file's error in its list, then fails when none could be read)."""
    run = _RUN.get()
    return run is not None and run.wanted


def print_json_error(message: str, hint: str | None, exit_code: int) -> None:
    """The error as the run's JSON document, when JSON was asked for and none is out yet."""
    if not json_error_due():
        return
    try:
        print_json({"error": {"message": message, "hint": hint or None, "exit_code": exit_code}})
    except BrokenPipeError:
        # the reader is gone (``| head -0``): the exit code still says what failed
        send_stdout_nowhere()


def send_stdout_nowhere() -> None:
    """Points stdout at the null device, so that what is still buffered for a reader that
    stopped early does not fail the interpreter's flush at exit."""
    try:
        stdout = sys.stdout.fileno()
    except (OSError, ValueError):  # no file behind it (a test's capture): nothing to flush
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, stdout)
