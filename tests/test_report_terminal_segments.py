"""The terminal's Segments table (staffpulse.report.terminal_segments): fitted to the terminal
without a word cut, "conversation" kept whole at 80 columns."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from rich.console import Console

from staffpulse.report.terminal_segments import print_segment_medians

SCORES = ("overall", "face", "mix", "voice", "conversation")


def _segment(label: str, n: int, guessed: int, **scored: tuple[int, int]) -> dict[str, Any]:
    """A segment's stats: each score's (median, accounts scored), by default all ``n``."""
    out: dict[str, Any] = {"label": label, "n": n, "guessed": guessed}
    for score in SCORES:
        median, count = scored.get(score, (50, n))
        out[score] = {"median": median, "n": count}
    return out


def _printed(width: int, **segments: dict[str, Any]) -> str:
    guessed = sum(s["guessed"] for s in segments.values())
    result = SimpleNamespace(
        segment_stats=segments,
        guessed=[True] * guessed,
        leaderboard=[],  # no row of the cohort file sets its own segment
        audits=[None] * sum(s["n"] for s in segments.values()),
        segments_kept=None,  # no segment taken from a cohort file benchmarked before
    )
    console = Console(width=width, record=True, color_system=None)
    print_segment_medians(console, result)  # type: ignore[arg-type]
    return console.export_text()


def _lines(text: str) -> list[str]:
    return text.split("A median marked")[0].splitlines()


def test_medians_of_some_accounts_no_longer_crop_conversation_at_80_columns() -> None:
    # guessed segments and medians of a few accounts each cut the header to "conversa…"
    text = _printed(
        80,
        other=_segment("Other", 31, 31, face=(61, 5), mix=(100, 2), voice=(70, 29)),
        staffing_firm=_segment("Staffing firms", 140, 9, voice=(44, 139), conversation=(12, 138)),
    )
    table = _lines(text)
    assert "…" not in text and all(len(line) <= 80 for line in table)
    header = next(line for line in table if "overall" in line)
    assert header.split()[-1] == "conversation"
    words = " ".join(table).split()
    for part in ("(5 of 31)", "(2 of 31)", "(29 of 31)", "(139 of 140)", "(138 of 140)"):
        assert all(w in words for w in part.split()), part
    assert "A median marked (5 of 31)" in text  # the note says what such a median is


@pytest.mark.parametrize("width", [100, 140])
def test_a_wide_terminal_keeps_each_median_on_one_line(width: int) -> None:
    text = _printed(width, other=_segment("Other", 31, 31, face=(61, 5)))
    row = next(line for line in _lines(text) if "Other (guessed)" in line)
    assert "61 (5 of 31)" in row and "conversation" in text
