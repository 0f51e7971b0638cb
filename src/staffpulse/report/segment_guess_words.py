"""How the reports mark a segment the role model guessed (``audit/segment_guesses.py``):
"staffing firm (guess)" in the league table, "Staffing firms (3 guessed)" in the Segments
table, and one sentence saying where the guesses come from and how to set them instead; and
one saying which cohort file set the segments a run without a file took from the store."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from staffpulse.dates import format_day
from staffpulse.report.spreadsheet import segment_cell

if TYPE_CHECKING:
    from staffpulse.benchmark.engine import BenchmarkResult
    from staffpulse.benchmark.kept_segments import KeptSegments


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


def guessed_note(guessed: int, accounts: int, *, own: bool = False) -> str | None:
    """What the reports say under the segments when the role model guessed any (None when
    it guessed none); ``own``: the cohort file sets other segments itself (a league CSV given
    back, its guesses still marked in segment_source), so the user is not told to give one."""
    if not guessed:
        return None
    if guessed == accounts:
        lead = "Every account's segment is a guess"
    elif guessed == 1:
        lead = "1 account's segment is a guess"
    else:
        lead = f"{guessed:,} accounts' segments are guesses"
    how = (
        'clear "guess" in the cohort file\'s segment_source column to make a segment yours.'
        if own
        else "give a cohort file with a segment column to set them yourself."
    )
    return (
        f"{lead} of the role model (what staffpulse roles says of a name, bio and posts), "
        f'marked "guess": check them, or {how}'
    )


def sets_own_segments(rows: Iterable[Mapping[str, Any]]) -> bool:
    """Whether the cohort file set any league row's segment itself (not a guess)."""
    return any(not r.get("segment_guessed") and r["segment"] != "unknown" for r in rows)


def kept_note(kept: KeptSegments | None) -> str | None:
    """Where the segments a benchmark without a file took from the store came from, and how
    to change them: the league table shows them as the user's own, not as guesses, so it says
    which file set them (None when it took none)."""
    if kept is None:
        return None
    who = (
        "1 account's segment is"
        if kept.accounts == 1
        else f"{kept.accounts:,} accounts' segments are"
    )
    files = " and ".join(kept.files) or "a cohort file"
    on = f" on {format_day(kept.kept_at)}" if kept.kept_at else ""
    return (
        f"{who} the one{'s' if kept.accounts != 1 else ''} {files} gave when it was benchmarked"
        f"{on}, kept in the store: benchmark a cohort file that names an account to set its "
        "segment again, or with its segment left blank to clear it."
    )


def segment_notes(result: BenchmarkResult) -> list[str]:
    """What the reports say under the segments: which cohort file set the segments kept in
    the store (:func:`kept_note`), then the role model's guesses (:func:`guessed_note`)."""
    kept = kept_note(result.segments_kept)
    # segments kept from an earlier file are not this run's file to clear "guess" in
    own = kept is None and sets_own_segments(result.leaderboard)
    guesses = guessed_note(sum(result.guessed), len(result.audits), own=own)
    return [note for note in (kept, guesses) if note]
