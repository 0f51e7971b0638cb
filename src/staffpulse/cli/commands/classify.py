"""``classify``: score posts for job opening, personality, humor and work topic.

Contract (the held-out evaluation calls exactly this)::

    staffpulse classify INPUT --output OUT.jsonl

INPUT is JSONL with ``id`` and ``text`` per line (other fields ignored) or CSV with ``id,text``
columns. OUT gets one JSON object per valid input record, in input order:
``{"id": ..., "job_opening": p, "personality": p, "humor": p, "work_topic": p, "labels": [...]}``
where ``labels`` lists the signals at or above their decision thresholds. Keys match whatever
their case, and other names stand in for an absent ``text`` (``full_text``, ``content``,
``tweet``, ``Tweet text``...) or ``id`` (``Tweet id``), with a note naming the one read; a
file with no id at all has each record numbered by its line, with a note; a ``null`` text
is scored as an empty post, a number as its digits and a list of texts as its texts (counted
in a note). A JSON array, or objects pretty-printed one after another (``jq``), are read
too (docs/formats.md lists every shape read). Malformed records are reported on stderr with
file and line number, skipped, and counted at the end ("skipped 1 malformed record", in the
words of ``roles`` and ``score``: a record may span lines); they never stop the run while
some records are good. A missing INPUT (exit code 66), an unreadable, binary
or empty one, or a CSV without a text column or with two that could each be it (exit code 65)
is an error with a hint, and so is an INPUT whose every record was skipped (exit code 1: nothing
could be classified). OUT is replaced only when the run succeeds, so a failed or interrupted run leaves
an existing OUT as it was; OUT may not be INPUT itself, and a missing folder is created.
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


def classify_command(
    input_path: Annotated[
        Path, make_input_argument("JSONL (id, text per line) or CSV (id,text columns).")
    ],
    output: Annotated[str | None, make_output_option("scores")] = None,
) -> None:
    """Score each post for job opening, personality, humor and work topic."""
    from staffpulse.signals.batch import classify_records, read_records
    from staffpulse.signals.text import load_text_signals

    job = RecordJob(
        read=read_records,
        load_model=load_text_signals,
        score=classify_records,
        label="classify",
        verb="Classified",
        noun="post",
        malformed="record",
    )
    run_record_job(job, input_path, output, err_console)


def register(app: typer.Typer) -> None:
    """Add ``staffpulse classify`` to the app."""
    app.command("classify")(classify_command)
