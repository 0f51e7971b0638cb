"""``classify``: score posts for job opening, personality, humor and work topic.

Contract (the held-out evaluation calls exactly this)::

    staffpulse classify INPUT --output OUT.jsonl

INPUT is JSONL with ``id`` and ``text`` per line (other fields ignored) or CSV with ``id,text``
columns. OUT gets one JSON object per valid input record, in input order:
``{"id": ..., "job_opening": p, "personality": p, "humor": p, "work_topic": p, "labels": [...]}``
where ``labels`` lists the signals at or above their decision thresholds. Malformed lines are
reported on stderr with file and line number, skipped, and counted at the end; they never
stop the run. A missing INPUT (exit code 66), or an unreadable or empty one, or a CSV without
``id`` and ``text`` columns (exit code 65) is an error with a hint. OUT is replaced only when
the run succeeds, so a failed or interrupted run leaves an existing OUT as it was; OUT may not
be INPUT itself, and a missing folder is created.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from staffpulse.cli.record_files import (
    SkipPrinter,
    check_output,
    output_sink,
    print_encoding_note,
    record_progress,
)

err_console = Console(stderr=True)


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
        typer.Option(
            "--output",
            "-o",
            help="Where to write the JSONL scores (default: stdout). A missing folder is created; "
            "an existing file is replaced only when the run succeeds.",
        ),
    ] = None,
) -> None:
    """Score each post for job opening, personality, humor and work topic."""
    from staffpulse.signals.batch import classify_records, read_records
    from staffpulse.signals.text import SIGNAL_NAMES, load_text_signals

    check_output(output, input_path)
    skips = SkipPrinter(err_console)
    # INPUT is checked (readable, not empty, a usable header) before OUT is touched.
    with read_records(input_path, skips) as records:
        print_encoding_note(err_console, input_path, records.encoding_note)
        model = load_text_signals()
        with (
            output_sink(output, input_path) as sink,
            record_progress(err_console, input_path, "classify", "posts", 150) as on_progress,
        ):
            report = classify_records(model, records, sink, on_progress, chunk=20_000)
    skips.print_rest("line")
    summary = ", ".join(f"{s} {report.counts[s]:,}" for s in SIGNAL_NAMES)
    where = f" to {escape(str(output))}" if output is not None else ""
    err_console.print(
        f"Classified {report.written:,} post(s){where}; skipped {report.skipped:,} "
        f"malformed line(s). At or above threshold: {summary}.",
        highlight=False,
        soft_wrap=True,
    )


def register(app: typer.Typer) -> None:
    """Add ``staffpulse classify`` to the app."""
    app.command("classify")(classify_command)
