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

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from staffpulse.cli.record_files import SkipPrinter, check_input, output_sink, record_progress

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
        typer.Option("--output", "-o", help="Where to write the JSONL tags (default: stdout)."),
    ] = None,
) -> None:
    """Tag each account: organization or person, and its role in the hiring world."""
    from staffpulse.signals.roles import load_role_model
    from staffpulse.signals.roles_io import role_summary, tag_file

    check_input(input_path)
    model = load_role_model()
    skips = SkipPrinter(err_console)
    with (
        output_sink(output) as sink,
        record_progress(
            err_console, input_path, "roles", "accounts", _BYTES_PER_ACCOUNT
        ) as on_progress,
    ):
        report = tag_file(model, input_path, sink, skips, on_progress)
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
