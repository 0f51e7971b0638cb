"""The tiers of the league table: an account with too few posts of its own to judge is placed
after every account with enough, and within each, an account graded on fewer pillars after
every account graded on more (a grade averaged over two pillars is not a grade on four), but a
Face n/a for want of profile data places no account lower."""

from __future__ import annotations

from typing import Any

from staffpulse.audit.config import PILLARS
from staffpulse.benchmark.members import FEW_POSTS


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


def tier_openings(rows: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """The line that opens each tier after the first, by the (platform, handle) of its first
    row in ``rows`` (the leaderboard, in its order): why those accounts are placed after the
    ones above, "fewer than 10 posts of their own, too few to judge, ranked after the rest"
    or :func:`tier_label`. The terminal table, the HTML report and the dashboard (a page of
    the board at a time) draw the same lines. A table of tiny feeds only has no "rest" to
    rank them after: no line for them."""
    enough = any(not r.get("few_posts", False) for r in rows)  # a "rest" to rank the few after
    tier = (enough, len(PILLARS))
    openings: dict[tuple[str, str], str] = {}
    for row in rows:
        now = ranked_tier(row)
        if now >= tier:
            continue
        faces = [r.get("face", 0) is None for r in rows if ranked_tier(r) == now]
        label = tier_label(now[1], any(faces), all_aside=all(faces))
        few = f"fewer than {FEW_POSTS} posts of their own"
        if tier[0] and not now[0]:  # the first with too few posts: said first, pillars after
            few += ", too few to judge, ranked after the rest"
            label = few if now[1] == len(PILLARS) and not any(faces) else f"{few}; {label}"
        elif not now[0] and enough:
            # a later tier of the few: its own line once read "graded on 3 of 4 pillars" alone,
            # under "ranked after the rest", as if the rest had come back
            label = f"{few}, {label}"
        openings[(str(row["platform"]), str(row["handle"]))] = label
        tier = now
    return openings


def order_rule(rows: list[dict[str, Any]]) -> str | None:
    """The league table's order in one statement, the one its tier lines
    (:func:`tier_openings`) follow, said only as far as ``rows`` show it (None when no account
    is graded on fewer pillars and the posts of their own are all few or all enough; a table
    of one tier on fewer pillars still gets it, for what its n/a means). Two notes once said
    it as two rules, each "whatever its score", and a reader found a 1-post F above two C's
    that both seemed to forbid."""
    few = any(r.get("few_posts", False) for r in rows)
    enough = any(not r.get("few_posts", False) for r in rows)
    fewer = any(int(r.get("pillars_graded", len(PILLARS))) < len(PILLARS) for r in rows)
    if not fewer and not (few and enough):
        return None
    # the n/a of a grade on fewer pillars, the reason any of them ranks after others
    na = (
        "n/a: nothing to judge there, such as posts mostly not in English, which staffpulse"
        " cannot read, or the Mix of an account that only replies"
    )
    if len({ranked_tier(r) for r in rows}) == 1:  # no group to rank after another
        said = (
            "The table ranks the accounts by grade; a grade averages only the pillars the"
            f" account was graded on ({na})."
        )
        return said + _face_aside(rows)
    groups = []
    if few and enough:
        groups.append(
            f"accounts with {FEW_POSTS} or more posts of their own first, then those with fewer"
            " (even ones the cohort file names or --min-posts lets in: a grade from a handful of"
            " posts says little)"
        )
    if fewer:
        groups.append(
            ("within each, " if groups else "")
            + f"accounts graded on all four pillars first, then those graded on fewer ({na}),"
            " as their grade averages only the pillars they were graded on"
        )
    said = (
        "The table is in groups, each under a line that says why: "
        + "; ".join(groups)
        + ". Within a group, accounts are ranked by grade, so a D in one group can stand"
        " above a B in a later one."
    )
    return said + _face_aside(rows)


def _face_aside(rows: list[dict[str, Any]]) -> str:
    """What a Face n/a for want of profile data does to a place, when any row has one."""
    if not any("face" in r and r["face"] is None for r in rows):
        return ""
    return (
        " A Face n/a for want of profile data (no picture, bio or name in the data) is the"
        " one n/a that places no account lower: it is placed as if Face were graded."
    )
