"""The tiers of the league table: an account with too few posts of its own to judge is placed
after every account with enough, and within each, an account graded on fewer pillars after
every account graded on more (a grade averaged over two pillars is not a grade on four), but an
n/a that is no failure to measure places no account lower: a Face n/a for want of profile data,
and the Mix n/a of an account that only replies."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from statistics import median
from typing import Any

from staffpulse.audit.config import PILLARS, weighted_score
from staffpulse.audit.types import AuditResult
from staffpulse.benchmark.members import FEW_POSTS

# why a Face reads n/a though it counts for the place: the import held no profile
NO_PROFILE = "no profile data for Face"
# why a Mix reads n/a though it counts for the place: the account writes no post of its own
NO_ORIGINALS = "only replies for Mix"


def replies_only(audit: AuditResult) -> bool:
    """Whether ``audit``'s Mix is n/a because the account writes no original post, only
    replies (a care desk): its posts cannot be "nothing but job ads", so the n/a is no failure
    to measure, unlike a feed whose posts are mostly not in English. A real cohort ranked a D
    51 above nine B's: 22 care desks sat in a lower group for a Mix they could not fail."""
    mix = audit.pillars["mix"]
    evidence = mix.evidence
    return (
        not mix.scored
        and int(evidence.get("original_posts", 0)) == 0
        and int(evidence.get("not_english", 0)) == 0
        and int(evidence.get("replies", 0)) > 0
    )


def placed_on(graded: int, face_scored: bool, mix_replies_only: bool = False) -> int:
    """The pillars an account is placed by: the ``graded`` ones, a Face not scored, for it is
    n/a only when the data had no picture, bio or name at all (a customer-care file), a gap of
    the import, not of the account (a real cohort ranked a C graded on 3 pillars above three
    B's on 2, because another file happened to carry its bio), and a Mix n/a of an account
    that only replies (:func:`replies_only`)."""
    return min(len(PILLARS), graded + (not face_scored) + mix_replies_only)


def cohort_median(scores: Sequence[float | None]) -> float | None:
    """The cohort's median on a pillar, to place an account whose n/a there counts as graded:
    of the accounts graded there (``scores``: every account's, None where n/a), and only when
    they are at least half the cohort, else None (the account is placed by its own grade). A
    median of 3 customers of 26 accounts, all at 100, placed every care desk as if its Mix
    were perfect, above and tied with accounts of higher grades (review s40)."""
    graded = [float(s) for s in scores if s is not None]
    if not graded or 2 * len(graded) < len(scores):
        return None
    return median(graded)


def median_pillars(rows: list[dict[str, Any]]) -> set[str]:
    """The pillars ("face", "mix") at whose :func:`cohort_median` some leaderboard row is
    placed: its n/a there counts as graded (:func:`row_asides`) and the median stands."""
    gaps = {
        "face": any(_face_na(r) for r in rows),
        "mix": any(r.get("mix_replies_only") for r in rows),
    }
    return {
        name
        for name, gap in gaps.items()
        if gap and cohort_median([r.get(name) for r in rows]) is not None
    }


def placing_scores(audits: Sequence[AuditResult], weights: Mapping[str, Any]) -> list[int]:
    """Each account's score for its place among the accounts of its tier: its grade, but for
    an account whose Face n/a (no profile data) or Mix n/a (replies only) counts as graded
    (:func:`placed_on`), the weighted mean with each such pillar at the cohort's median on it
    (:func:`cohort_median`; none: left out, as the grade leaves it). A care desk graded
    on Voice and Conversation alone ranked above the one account graded on all four for
    skipping the pillars it lost on (QA s40): now it stands above it only by doing better on
    the pillars both were graded on. The grade shown stays the account's own."""
    typical = {
        name: found
        for name in ("face", "mix")
        if (found := cohort_median([a.pillars[name].score for a in audits])) is not None
    }
    places = []
    for audit in audits:
        counted = {n: float(s) for n in PILLARS if (s := audit.pillars[n].score) is not None}
        missing = {"face": not audit.pillars["face"].scored, "mix": replies_only(audit)}
        filled = {n: typical[n] for n, gap in missing.items() if gap and n in typical}
        if not filled:
            places.append(audit.overall)
            continue
        places.append(weighted_score({**counted, **filled}, weights))
    return places


def graded_of(row: dict[str, Any]) -> int:
    """The pillars a leaderboard row's grade averages (all four for a row that does not say)."""
    return int(row.get("pillars_graded", len(PILLARS)))


def _face_na(row: dict[str, Any]) -> bool:
    """Whether a leaderboard row's Face reads n/a for want of profile data."""
    return "face" in row and row["face"] is None


def row_asides(row: dict[str, Any]) -> tuple[str, ...]:
    """The n/a of a leaderboard row that count as graded for its place, in words: its Face
    ``None`` (no profile data) and its Mix of replies only (``mix_replies_only``)."""
    face = _face_na(row) and NO_PROFILE
    mix = bool(row.get("mix_replies_only")) and NO_ORIGINALS
    return tuple(said for said in (face, mix) if said)


def ranked_pillars(row: dict[str, Any]) -> int:
    """:func:`placed_on` of a leaderboard row: its graded pillars and its :func:`row_asides`."""
    return placed_on(graded_of(row), not _face_na(row), bool(row.get("mix_replies_only")))


def ranked_tier(row: dict[str, Any]) -> tuple[bool, int]:
    """The tier a leaderboard row is placed in, higher first: enough posts of its own to
    judge (not ``few_posts``), then :func:`ranked_pillars`."""
    return not row.get("few_posts", False), ranked_pillars(row)


def tier_label(tier: int, asides: list[tuple[str, ...]] | None = None) -> str:
    """The line over the accounts placed on ``tier`` pillars (:func:`ranked_pillars`), in the
    words each row's :func:`~.stats.graded_label` uses; ``asides``: each row's
    :func:`row_asides`. "graded on 3 of 4 pillars"; "graded on 2 of 4 pillars, with no profile
    data for Face" when all of them have that n/a (it counts though it reads n/a); "graded on
    3 of 4 pillars, or on 2 with no profile data for Face" when some have."""
    of = len(PILLARS)
    kinds = sorted(set(asides or []))
    if len(kinds) == 1 and kinds[0]:  # every row the same n/a that counts
        return f"graded on {tier - len(kinds[0])} of {of} pillars, with {' and '.join(kinds[0])}"
    said = f"graded on {tier} of {of} pillars"
    named = [kind for kind in kinds if kind]
    if len(named) == 1:
        return said + f", or on {tier - len(named[0])} with {' and '.join(named[0])}"
    if named:
        reasons = sorted({reason for kind in named for reason in kind})
        return said + f", counting {' or '.join(reasons)} as graded"
    return said


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
        asides = [row_asides(r) for r in rows if ranked_tier(r) == now]
        label = tier_label(now[1], asides)
        few = f"fewer than {FEW_POSTS} posts of their own"
        if tier[0] and not now[0]:  # the first with too few posts: said first, pillars after
            few += ", too few to judge, ranked after the rest"
            label = few if now[1] == len(PILLARS) and not any(asides) else f"{few}; {label}"
        elif not now[0] and enough:
            # a later tier of the few: its own line once read "graded on 3 of 4 pillars" alone,
            # under "ranked after the rest", as if the rest had come back
            label = f"{few}, {label}"
        openings[(str(row["platform"]), str(row["handle"]))] = label
        tier = now
    return openings


def tier_groups(rows: list[dict[str, Any]]) -> list[str]:
    """Each row's group as a key, "" in the first group: the league CSV gives it beside the
    rank, since a rank in a later group can sit below a better grade (a CSV's rank 1 read
    "beats 45%" with no word of the groups). The key is what places the group, in a word a
    spreadsheet filters on: ``few_posts`` (fewer than :data:`FEW_POSTS` of its own),
    ``pillars_3`` (placed on 3 of 4 pillars), or both (``few_posts pillars_3``); the line
    over the group in the table says it in a sentence (:func:`tier_openings`)."""
    openings = tier_openings(rows)
    group = ""
    said = []
    for row in rows:
        if (str(row["platform"]), str(row["handle"])) in openings:
            enough, pillars = ranked_tier(row)
            words = [] if enough else ["few_posts"]
            group = " ".join(words + ([f"pillars_{pillars}"] if pillars < len(PILLARS) else []))
        said.append(group)
    return said


def order_rule(rows: list[dict[str, Any]]) -> str | None:
    """The league table's order in one statement, the one its tier lines
    (:func:`tier_openings`) follow, said only as far as ``rows`` show it (None when no account
    is graded on fewer pillars and the posts of their own are all few or all enough; a table
    of one tier on fewer pillars still gets it, for what its n/a means). Two notes once said
    it as two rules, each "whatever its score", and a reader found a 1-post F above two C's
    that both seemed to forbid."""
    few = any(r.get("few_posts", False) for r in rows)
    enough = any(not r.get("few_posts", False) for r in rows)
    partial = any(graded_of(r) < len(PILLARS) for r in rows)
    fewer = any(ranked_pillars(r) < len(PILLARS) for r in rows)  # placed lower for it
    if not partial and not (few and enough):
        return None
    # the n/a of a grade on fewer pillars, the reason any of them ranks after others
    lower = (
        "n/a: nothing to judge there, such as posts mostly not in English, which staffpulse"
        " cannot read"
    )
    if len({ranked_tier(r) for r in rows}) == 1:  # no group to rank after another
        na = lower + (", or the Mix of an account that only replies" if partial else "")
        said = (
            f"The table ranks the accounts by grade{_by_median(rows)}; a grade averages only the"
            f" pillars the account was graded on ({na})."
        )
        return said + _asides(rows)
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
            + f"accounts graded on all four pillars first, then those graded on fewer ({lower}),"
            " as their grade averages only the pillars they were graded on"
        )
    said = (
        "The table is in groups, each under a line that says why: "
        + "; ".join(groups)
        + f". Within a group, accounts are ranked by grade{_by_median(rows)}, so a D in one"
        " group can stand above a B in a later one."
    )
    return said + _asides(rows)


def _asides(rows: list[dict[str, Any]]) -> str:
    """What the n/a that count as graded (:func:`row_asides`) do to a place, when any row has
    one: a Face n/a for want of profile data, a Mix n/a of an account that only replies."""
    present = {reason for r in rows for reason in row_asides(r)}
    face = "a Face n/a for want of profile data (no picture, bio or name in the data)"
    mix = (
        "a Mix n/a of an account that only replies (it writes no original post, so its posts"
        " cannot be all job ads)"
    )
    filled = median_pillars(rows)

    def how(pillar: str) -> str:
        """How an n/a of ``pillar`` that counts as graded is placed."""
        if pillar.lower() in filled:
            # so that a grade on fewer pillars never outranks a full one for the pillars it lacks
            return (
                f" at the cohort's median on {pillar} (its grade, shown, averages only its own"
                " pillars), so it stands above an account graded there only by doing better on"
                " the pillars both were graded on"
            )
        return (
            f" by its own grade: fewer than half the accounts are graded on {pillar}, too few"
            " for a median to stand in for it"
        )

    if len(present) == 2:
        return (
            f" Two n/a place no account lower, each placed as if graded: {face},{how('Face')};"
            f" and {mix},{how('Mix')}."
        )
    if not present:
        return ""
    what, pillar = (face, "Face") if NO_PROFILE in present else (mix, "Mix")
    return (
        # not "the one n/a that places no account lower": the other kind does too
        f" {what[0].upper()}{what[1:]} places no account lower: it is placed as if {pillar}"
        f" were graded{how(pillar)}."
    )


def _by_median(rows: list[dict[str, Any]]) -> str:
    """What the order rule adds to "ranked by grade" when some row is placed at a
    :func:`cohort_median`: then an account can stand above, or tie with, a higher grade."""
    if not median_pillars(rows):
        return ""
    return (
        " (an n/a placed as if graded counts at the cohort's median on its pillar, as said"
        " below, so an account can stand above, or tie with, one of a higher grade)"
    )
