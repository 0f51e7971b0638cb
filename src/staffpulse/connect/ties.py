"""Ties among connect's suggestions: accounts of equal score (a follow list's followers, all
alike) share one rank, so that accounts ordered only by their id do not read as better and
worse. The terminal and the dashboard show it as ``=2``
(:attr:`SharedRank.shown`, :mod:`staffpulse.report.connect_ties`); the CSV and ``--json``, for spreadsheets and scripts,
as a whole-number ``rank`` (1, 2, 2, 2, 5) beside ``tied_with``, how many others share it.

Here, not in ``report``, as ``connect``'s own exports and JSON need it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from staffpulse.connect.score_text import tie_key

if TYPE_CHECKING:  # suggestion.py reads its ranks from here
    from staffpulse.connect.suggestion import Suggestion


class SharedRank(NamedTuple):
    """A suggestion's rank as a whole number shared by a tie, and how many others share it."""

    rank: int
    tied_with: int

    @property
    def shown(self) -> str:
        """The rank as the terminal and the dashboard show it: ``=2`` when tied, else ``2``."""
        return f"={self.rank}" if self.tied_with else str(self.rank)


def shared_ranks(suggestions: Sequence[Suggestion]) -> list[SharedRank]:
    """Each suggestion's :class:`SharedRank`: a run of equal scores (as shown, to one decimal:
    :func:`~staffpulse.connect.score_text.tie_key`) shares the rank of its first, as the benchmark shows
    ties. Kept as numbers: ``=2`` would be read by a spreadsheet as a formula, and as text it
    would sort apart from the numbers."""
    keys = [tie_key(s.score) for s in suggestions]
    shared: list[SharedRank] = []
    start = 0
    while start < len(suggestions):
        end = start + 1
        while end < len(keys) and keys[end] == keys[start]:
            end += 1
        run = SharedRank(suggestions[start].rank, end - start - 1)
        shared.extend([run] * (end - start))
        start = end
    return shared
