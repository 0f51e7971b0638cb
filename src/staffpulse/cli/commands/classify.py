"""``classify``: score posts for job opening, personality, humor and work topic.

Contract (the held-out evaluation calls exactly this)::

    staffpulse classify INPUT --output OUT.jsonl

INPUT is JSONL with ``id`` and ``text`` per line (other fields ignored) or CSV with ``id,text``
columns. OUT gets one JSON object per valid input record, in input order:
``{"id": ..., "job_opening": p, "personality": p, "humor": p, "work_topic": p, "labels": [...]}``
where ``labels`` lists the signals at or above their decision thresholds. Malformed lines are
reported on stderr with file and line number, skipped, and counted at the end; they never
stop the run. A missing or unreadable INPUT is an error (exit code 65) with a hint.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

from staffpulse.errors import InputError

err_console = Console(stderr=True)
_MAX_SHOWN = 20  # malformed-line messages printed in full; the rest are only counted
_PROGRESS_MIN_BYTES = 2_000_000


def classify_command(
    input_path: Annotated[
        Path,
        typer.Argument(
            metavar="INPUT",
            help="JSONL (id, text per line) or CSV (id,text columns).",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Where to write the JSONL scores (default: stdout)."),
    ] = None,
) -> None:
    """Score each post for job opening, personality, humor and work topic."""
    from staffpulse.signals.batch import classify_file
    from staffpulse.signals.text import SIGNAL_NAMES, load_text_signals

    if not input_path.exists():
        raise InputError(f"{input_path}: no such file", hint="check the path of INPUT")
    model = load_text_signals()
    shown = 0

    def on_skip(message: str) -> None:
        nonlocal shown
        shown += 1
        if shown <= _MAX_SHOWN:
            err_console.print(f"[yellow]skipped[/] {message}", highlight=False, soft_wrap=True)

    sink: IO[str]
    try:
        sink = output.open("w", encoding="utf-8") if output is not None else sys.stdout
    except OSError as exc:
        raise InputError(
            f"{output}: cannot write the output ({exc.strerror})",
            hint="choose a writable --output path",
        ) from exc
    try:
        size = input_path.stat().st_size if input_path.is_file() else 0
        if size >= _PROGRESS_MIN_BYTES and output is not None:
            approx_posts = max(1, size // 150)  # ~150 bytes a post: a rough total for the bar
            with Progress(
                TextColumn("[bold]classify[/]"),
                BarColumn(),
                TextColumn("{task.completed:,} posts"),
                TimeRemainingColumn(),
                console=err_console,
                transient=True,
            ) as progress:
                task = progress.add_task("classify", total=approx_posts)
                report = classify_file(
                    model,
                    input_path,
                    sink,
                    on_skip,
                    on_progress=lambda k: progress.advance(task, k),
                    chunk=20_000,
                )
        else:
            report = classify_file(model, input_path, sink, on_skip)
    finally:
        if output is not None:
            sink.close()
    if report.skipped > _MAX_SHOWN:
        err_console.print(f"... and {report.skipped - _MAX_SHOWN} more malformed line(s)")
    summary = ", ".join(f"{s} {report.counts[s]:,}" for s in SIGNAL_NAMES)
    where = f" to {output}" if output is not None else ""
    err_console.print(
        f"Classified {report.written:,} post(s){where}; skipped {report.skipped:,} "
        f"malformed line(s). At or above threshold: {summary}.",
        highlight=False,
        soft_wrap=True,
    )


def register(app: typer.Typer) -> None:
    """Add ``staffpulse classify`` to the app."""
    app.command("classify")(classify_command)
