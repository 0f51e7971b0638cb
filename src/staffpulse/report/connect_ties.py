"""Ties among connect's suggestions, as the terminal table and the dashboard's Connect page both
show them: ``=2`` for each of a run of equal scores (:func:`staffpulse.connect.ties.shared_ranks`),
and past :data:`TIED_IDS_SHOWN` tied accounts known only by their id, the rest counted in one
row (a follow list's followers, all alike, read as ranks 2..57 in id order otherwise)."""

from __future__ import annotations

from typing import NamedTuple

from staffpulse.connect.explanation import Explanation
from staffpulse.connect.suggestion import Suggestion, SuggestReport
from staffpulse.connect.ties import SharedRank, shared_ranks

# Of accounts known only by their id that tie (a follow list's followers, all alike), this many
# are shown one a row; the rest are counted in one row: 56 rows of ids read as a ranking
TIED_IDS_SHOWN = 3


class TieRow(NamedTuple):
    """One row of the table: its rank as shown, its suggestion, and how many id-only accounts
    it counts instead of showing (0: the suggestion itself; else it is the first of them)."""

    rank: str
    suggestion: Suggestion
    folded: int


def tie_rows(suggestions: list[Suggestion]) -> list[TieRow]:
    """The rows of ``suggestions`` ranked by :func:`shared_ranks`, with the id-only accounts of a
    tie past :data:`TIED_IDS_SHOWN` that share one explanation folded into one row, where the
    first of them stood: a follower with a known handle tied among them no longer splits the
    count into "2 more", "2 more" and "3 more" rows of one tie."""
    rows: list[TieRow] = []
    shown: dict[tuple[SharedRank, Explanation], int] = {}
    folded_at: dict[tuple[SharedRank, Explanation], int] = {}  # the row that counts them
    for shared, s in zip(shared_ranks(suggestions), suggestions, strict=True):
        key = (shared, s.reasons)
        if s.handle_known or not shared.tied_with:
            rows.append(TieRow(shared.shown, s, 0))
        elif shown.get(key, 0) < TIED_IDS_SHOWN:
            shown[key] = shown.get(key, 0) + 1
            rows.append(TieRow(shared.shown, s, 0))
        elif (at := folded_at.get(key)) is not None:
            rows[at] = rows[at]._replace(folded=rows[at].folded + 1)
        else:
            folded_at[key] = len(rows)
            rows.append(TieRow(shared.shown, s, 1))
    # one account folded alone is shown as it is: a row that counts "1 more" says less
    return [row._replace(folded=0) if row.folded == 1 else row for row in rows]


def folded_label(n: int) -> str:
    """What a row that counts ``n`` tied id-only accounts shows in place of an account."""
    return f"{n:,} more accounts known only by their id"


def notes_with_folded(report: SuggestReport, rows: list[TieRow]) -> list[str]:
    """The report's notes, its note on id-only accounts saying where the links of those
    counted in one row are: "open the link beside each" sent the reader to rows with none."""
    return report.said_notes(sum(row.folded for row in rows))
