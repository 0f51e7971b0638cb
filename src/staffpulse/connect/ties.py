"""Ties among connect's suggestions: accounts of equal score (a follow list's followers, all
alike) share one rank, so that accounts ordered only by their id do not read as better and
worse. The terminal and the dashboard show it as ``=2``
(:mod:`staffpulse.report.connect_ties`); the CSV and ``--json``, for spreadsheets and scripts,
as a whole-number ``rank`` (1, 2, 2, 2, 5) beside ``tied_with``, how many others share it.

Here, not in ``report``, as ``connect``'s own exports and JSON need it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # suggestion.py reads its ranks from here
    from staffpulse.connect.suggestion import Suggestion


class SharedRank(NamedTuple):
    """A suggestion's rank as a whole number shared by a tie, and how many others share it."""

    rank: int
    tied_with: int


def tie_ranks(suggestions: Sequence[Suggestion]) -> list[str]:
    """Each suggestion's rank as shown: ``=2`` for each of a run of equal scores (to the 3
    significant digits the CSV and ``--json`` give), as the benchmark shows ties."""
    keys = [f"{s.score:.3g}" for s in suggestions]
    ranks: list[str] = []
    for i, s in enumerate(suggestions):
        if i and keys[i] == keys[i - 1]:
            ranks.append(ranks[-1])
        elif i + 1 < len(keys) and keys[i + 1] == keys[i]:
            ranks.append(f"={s.rank}")
        else:
            ranks.append(str(s.rank))
    return ranks


def shared_ranks(suggestions: Sequence[Suggestion]) -> list[SharedRank]:
    """Each suggestion's :class:`SharedRank`: ``=2`` would be read by a spreadsheet as a
    formula, and as text it would sort apart from the numbers."""
    shown = tie_ranks(suggestions)
    sharing = Counter(shown)
    return [SharedRank(int(rank.lstrip("=")), sharing[rank] - 1) for rank in shown]
