"""A suggestion's score as people read it, and as the CSV and ``--json`` give it: ties are found on
the given score (:mod:`staffpulse.connect.ties`), so the score shown is rounded from it too."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def given_score(score: float) -> str:
    """The score to 3 significant digits, as the CSV and ``--json`` give it: 0.00047, not 0.0."""
    return f"{score:.3g}"


def format_score(score: float) -> str:
    """A 0-100 relative score for people: whole numbers from 10, one decimal below, and
    ``<0.1`` for what is positive but smaller (a score far below the best is not zero).
    Rounded from the 3 significant digits the CSV and ``--json`` give, halves up, as ties are
    found on them: two accounts tied at 20.5 read "=6 21" and "=6 20" when each was rounded
    from its own 20.52 and 20.48."""
    given = Decimal(given_score(score))
    if given >= Decimal("9.95"):
        return f"{given.quantize(Decimal(1), ROUND_HALF_UP):f}"
    if given >= Decimal("0.05"):
        return f"{given.quantize(Decimal('0.1'), ROUND_HALF_UP):f}"
    return "<0.1" if score > 0 else "0"
