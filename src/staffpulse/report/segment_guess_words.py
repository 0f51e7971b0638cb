"""How the reports mark a segment the role model guessed (``benchmark/segment_guesses.py``):
"staffing firm (guess)" in the league table, "Staffing firms (3 guessed)" in the Segments
table, and one sentence saying where the guesses come from and how to set them instead."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from staffpulse.report.spreadsheet import segment_cell


def shown_segment(row: Mapping[str, Any]) -> str:
    """A league row's segment in words, with "(guess)" when the role model chose it."""
    said = segment_cell(str(row["segment"]))
    return f"{said} (guess)" if row.get("segment_guessed") else said


def segment_label(stats: Mapping[str, Any]) -> str:
    """A Segments-table row's name: "Staffing firms", "Staffing firms (guessed)" when the role
    model put every account there, "Staffing firms (3 guessed)" when it put some."""
    guessed, n = int(stats.get("guessed") or 0), int(stats["n"])
    if not guessed:
        return str(stats["label"])
    return f"{stats['label']} ({'guessed' if guessed == n else f'{guessed:,} guessed'})"


def guessed_note(guessed: int, accounts: int) -> str | None:
    """What the reports say under the segments when the role model guessed any (None when
    it guessed none)."""
    if not guessed:
        return None
    if guessed == accounts:
        lead = "Every account's segment is a guess"
    elif guessed == 1:
        lead = "1 account's segment is a guess"
    else:
        lead = f"{guessed:,} accounts' segments are guesses"
    return (
        f"{lead} of the role model (what staffpulse roles says of a name, bio and posts), "
        'marked "guess": check them, or give a cohort file with a segment column to set '
        "them yourself."
    )
