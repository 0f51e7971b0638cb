"""The tiers of the league table: an account with too few posts of its own to judge is placed
after every account with enough, and within each, an account graded on fewer pillars after
every account graded on more (a grade averaged over two pillars is not a grade on four), but a
Face n/a for want of profile data is not held against it."""

from __future__ import annotations

from typing import Any

from staffpulse.audit.config import PILLARS


def placed_on(graded: int, face_scored: bool) -> int:
    """The pillars an account is placed by: the ``graded`` ones, and a Face not scored, for
    it is n/a only when the data had no picture, bio or name at all (a customer-care file),
    a gap of the import, not of the account. A real cohort ranked a C graded on 3 pillars
    above three B's on 2, because another file happened to carry its bio."""
    return min(len(PILLARS), graded + (not face_scored))


def ranked_pillars(row: dict[str, Any]) -> int:
    """:func:`placed_on` of a leaderboard row (its Face ``None`` when not scored)."""
    graded = int(row.get("pillars_graded", len(PILLARS)))
    return placed_on(graded, face_scored=not ("face" in row and row["face"] is None))


def ranked_tier(row: dict[str, Any]) -> tuple[bool, int]:
    """The tier a leaderboard row is placed in, higher first: enough posts of its own to
    judge (not ``few_posts``), then :func:`ranked_pillars`."""
    return not row.get("few_posts", False), ranked_pillars(row)


# why a Face reads n/a though it counts for the place: the import held no profile
NO_PROFILE = "no profile data for Face"


def tier_label(tier: int, face_aside: bool = False, *, all_aside: bool = False) -> str:
    """The line over the accounts placed on ``tier`` pillars (:func:`ranked_pillars`), in the
    words each row's :func:`~.stats.graded_label` uses: "graded on 3 of 4 pillars", "graded on
    2 of 4 pillars, with no profile data for Face" when all of them had no profile in the data
    (``all_aside``: their Face counts though it reads n/a), and "graded on 3 of 4 pillars, or
    on 2 with no profile data for Face" when some had (``face_aside``)."""
    of = len(PILLARS)
    if all_aside:
        return f"graded on {tier - 1} of {of} pillars, with {NO_PROFILE}"
    said = f"graded on {tier} of {of} pillars"
    return said + (f", or on {tier - 1} with {NO_PROFILE}" if face_aside else "")
