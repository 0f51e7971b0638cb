"""A suggestion's score as people read it: one decimal wherever a person sees it (the terminal,
the dashboard, the CSV), and ties found on that same figure (:mod:`staffpulse.connect.ties`),
so that two rows showing 5.5 are tied and two rows of different ranks never show one number.
Whole numbers from 10 with one decimal below (84 on screen, 83.5 in the CSV) made a client
pasting the CSV beside the screen see two figures for one account (QA s36)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_TENTH = Decimal("0.1")


def format_score(score: float) -> str:
    """A 0-100 relative score for people, to one decimal (halves up): ``100.0``, ``83.5``,
    ``7.6``, and ``<0.1`` for what is positive but smaller (a score far below the best is not
    zero)."""
    tenth = Decimal(repr(float(score))).quantize(_TENTH, ROUND_HALF_UP)
    if tenth >= _TENTH:
        return f"{tenth:f}"
    return "<0.1" if score > 0 else "0"


def given_score(score: float) -> str:
    """The score as the CSV gives it: the figure the terminal shows, as a number a spreadsheet
    sorts by; one the terminal shows as ``<0.1`` to 3 significant digits (0.00047, not 0.0)."""
    shown = format_score(score)
    return f"{score:.3g}" if shown == "<0.1" else shown


def tie_key(score: float) -> str:
    """What makes two scores a tie: the same figure shown (``=2`` twice for 5.54 and 5.51,
    both shown 5.5; every ``<0.1`` alike)."""
    return format_score(score)
