"""CSV cells that open safely in Excel, LibreOffice and Google Sheets.

Names, bios and handles come from strangers: a display name like ``=HYPERLINK(...)`` would run
as a formula in the marketer's spreadsheet (CSV injection, OWASP). Every CSV we write for
people passes its text cells through :func:`spreadsheet_safe`, and starts with a UTF-8 BOM so
that Excel on Windows reads accents and symbols as UTF-8.

The benchmark's leaderboard spreadsheet is made here (:func:`leaderboard_csv`): the CLI writes
it to a file (``staffpulse benchmark --csv``) and the dashboard sends the same text as a
download.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from staffpulse.audit.types import PILLAR_TITLES
from staffpulse.benchmark.cohort import SEGMENT_WORDS
from staffpulse.benchmark.segments import segment_source
from staffpulse.benchmark.tiers import tier_groups
from staffpulse.output_files import write_output
from staffpulse.sources.csvrows import FORMULA_STARTS

if TYPE_CHECKING:
    from staffpulse.benchmark.engine import BenchmarkResult

CSV_ENCODING = "utf-8-sig"  # the BOM tells Excel the file is UTF-8


def spreadsheet_safe(value: str) -> str:
    """``value`` as a spreadsheet cell that cannot run: one that starts like a formula gets a
    leading ``'``, which Excel, LibreOffice and Google Sheets read as "this is text"."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def spreadsheet_text(value: str) -> str:
    """``value`` as a cell kept as text even when it is all digits. Spreadsheets read a digit
    string as a number: Excel keeps 15 significant digits, so the 19-digit X account id
    1357924680135792468 shows as 1.35792E+18 and comes back as 1357924680135790000, and a
    leading zero is dropped. The same leading ``'`` as :func:`spreadsheet_safe` marks it text."""
    if value.isascii() and value.isdigit():
        return "'" + value
    return spreadsheet_safe(value)


def safe_cell(value: Any) -> Any:
    """Text made safe; numbers and empty cells as they are (a negative score stays a number)."""
    return spreadsheet_safe(value) if isinstance(value, str) else value


LEADERBOARD_COLUMNS = (
    "rank",
    # the group the rank is in, as a key ("pillars_3", "few_posts"; the table's line over it
    # says it in words), empty in the first: a rank 1 that "beats 45%" came with no word of why
    "rank_group",
    "handle",
    "platform",
    "display_name",
    "segment",
    # "guess" where the role model chose the segment (no cohort file gave one): a consultant
    # re-using the CSV as the next cohort file keeps those marked as guesses, and clears the
    # word to make a segment their own (benchmark/cohort.py reads it back)
    "segment_source",
    "overall",
    "grade",
    "pillars_graded",  # of 4: a grade on fewer averages only those, and ranks after
    "face",
    "mix",
    "voice",
    "conversation",
    "job_share",
    "posts",
    # the date of its newest post (YYYY-MM-DD): an account gone quiet is graded on its posts
    # up to then, as the terminal and the HTML say ("last post 5 years ago")
    "last_post",
)


def segment_cell(segment: str) -> str:
    """A leaderboard row's segment as the table and its CSV show it: ``staffing firm``, and
    ``no segment`` for an account without one (the HTML's "No segment"; never "unknown", the
    key the JSON keeps)."""
    words = SEGMENT_WORDS.get(segment, segment.replace("_", " "))
    return words if words.isupper() else words.lower()  # "HR" stays HR


def _segment_source(row: Mapping[str, Any]) -> str:
    """Where a league row's segment comes from: ``guess`` (the role model), ``cohort file``,
    or nothing for an account without one."""
    return segment_source(row["segment"], bool(row.get("segment_guessed"))) or ""


def standing_columns(scores: tuple[str, ...]) -> list[str]:
    """Each score's "beats" columns: ``mix_beats_pct``, the share of the other accounts scoring
    strictly lower, and ``mix_tied``, how many score the same. A shared perfect 100 is
    ``mix_beats_pct`` 0 with every other account in ``mix_tied``, not a lone 0 that reads as the
    worst (before 26 November 2026 the first was named ``mix_percentile``, the second missing)."""
    return [column for k in scores for column in (f"{k}_beats_pct", f"{k}_tied")]


def leaderboard_csv(result: BenchmarkResult) -> str:
    """The leaderboard as CSV text: scores, then each score's :func:`standing_columns`, then
    the top action;
    one row per ranked account and nothing else, so every ``rank`` is a whole number a
    spreadsheet sorts by (tied accounts share one: 1, 2, 2, 2, 5). The cohort lines left out
    are not rows of it: the terminal, the HTML report and the JSON list them. Encode it with
    :data:`CSV_ENCODING` (its BOM tells Excel the text is UTF-8)."""
    scores = ("overall", *PILLAR_TITLES)
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow([*LEADERBOARD_COLUMNS, *standing_columns(scores), "top_action"])
    for row, group in zip(result.leaderboard, tier_groups(result.leaderboard), strict=True):
        # the day of an account's newest post (the leaderboard holds the moment); a result
        # saved before it had one leaves the cell empty
        cells = {
            **row,
            "segment": segment_cell(row["segment"]),
            "segment_source": _segment_source(row),
            "last_post": (row.get("last_post") or "")[:10] or None,
            "rank_group": group,
        }
        writer.writerow(
            [
                *(safe_cell(cells[c]) for c in LEADERBOARD_COLUMNS),
                *(cell for k in scores for cell in (row["percentiles"][k], row["tied_with"][k])),
                safe_cell(row["top_action"]),
            ]
        )
    return text.getvalue()


def write_leaderboard_csv(result: BenchmarkResult, path: Path | str) -> Path:
    """Write :func:`leaderboard_csv` to ``path`` (``staffpulse benchmark --csv``)."""
    return write_output(path, leaderboard_csv(result).encode(CSV_ENCODING), "--csv")
