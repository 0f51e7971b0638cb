"""Benchmark cohort files met among data to import: told apart, and left out with a note.

A cohort (``handle,platform,segment``, read by :mod:`staffpulse.benchmark.cohort`) has a
``handle`` column and no ``text``, which the staffpulse CSV would read as a file of accounts:
its ``segment`` lost without a word, and on Mastodon a second account beside the real one
(a cohort names ``user@instance``, the account's id is its profile URL). People keep the
cohort in the folder of their exports, so ``staffpulse import data/`` meets it: it is left
out whole, saying where it belongs, and counted as a file left out, not as records lost.

The league table the benchmark writes (``benchmark --csv``) is read back as a cohort, so its
columns are a cohort's too.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from staffpulse.next_steps import USE_COHORT_FILE
from staffpulse.output_files import shell_path
from staffpulse.sources.csvrows import CsvProblem, read_csv_rows
from staffpulse.sources.text_files import head_text

# The columns a cohort file names; ``segment`` is the one no data file has.
COHORT_COLUMNS = frozenset({"handle", "platform", "segment"})
# What else the benchmark's league CSV writes (report/spreadsheet.py, LEADERBOARD_COLUMNS and
# the percentiles; tests/test_sources_cohorts.py keeps the two lists together).
_PILLARS = ("overall", "face", "mix", "voice", "conversation")
LEAGUE_COLUMNS = frozenset(
    {"rank", "display_name", "grade", "pillars_graded", "job_share", "posts", "last_post"}
    | {"rank_group"}  # the group a rank is in, said as the line over it in the table
    | {"top_action", "segment_source"}  # segment_source: "guess" where the role model chose
    | set(_PILLARS)
    | {f"{name}_percentile" for name in _PILLARS}  # a league table written before 26 Nov 2026
    | {f"{name}_{what}" for name in _PILLARS for what in ("beats_pct", "tied")}
)
# How every such file's message starts: it marks the file as left out whole, not data lost
# (:func:`staffpulse.sources.folders.left_out`).
COHORT_FILE = "looks like a benchmark cohort"
COHORT_SUFFIXES = (".csv", ".tsv", ".txt")


def is_cohort_header(columns: Iterable[str]) -> bool:
    """Whether a CSV header (lower-cased names) is a benchmark cohort's: ``handle`` and
    ``segment``, no ``text`` or ``type``, and nothing a cohort or league table does not write."""
    names = {name.strip().lower() for name in columns if name.strip()}
    return {"handle", "segment"} <= names and names <= COHORT_COLUMNS | LEAGUE_COLUMNS


def cohort_columns(head: bytes) -> list[str] | None:
    """The header of a cohort file in a file head, or None when it is no cohort."""
    lines = head_text(head).splitlines(keepends=True)
    first = next((row for row in read_csv_rows(lines) if not isinstance(row, CsvProblem)), None)
    if first is None:
        return None
    columns = [cell.strip().lower() for cell in first.cells]
    return columns if is_cohort_header(columns) else None


def cohort_message(path: Path) -> str:
    """What a cohort file met by an import is told: what it is, and where to use it."""
    return (
        f"{COHORT_FILE} (handle, platform, segment), not accounts or posts to import: "
        + USE_COHORT_FILE.say(file=shell_path(path))
    )


def why_cohort(path: Path, head: bytes) -> str | None:
    """:func:`cohort_message` for a cohort file, None for any other (an explainer of
    :data:`staffpulse.sources.folders.EXPLAINERS`)."""
    if path.suffix.lower() not in COHORT_SUFFIXES or b"\x00" in head:
        return None
    return cohort_message(path) if cohort_columns(head) is not None else None
