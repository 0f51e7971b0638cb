"""Statistics of a cohort: percentiles, segment summaries, and the classic claims about staffing
firms on social media, tested with numbers."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

from staffpulse.audit.config import PILLARS
from staffpulse.benchmark.tiers import tier_label
from staffpulse.report.counts import count_of
from staffpulse.report.rounding import round_half_up, whole

MIN_GROUP = 5  # below this many accounts in a group, a comparison is "too small to tell"
ALPHA = 0.05
BOOTSTRAP = 2000
# how the reports say each ``verdict`` (the JSON keeps the verdicts themselves: scripts read them)
VERDICT_WORDS = {
    "supported": "Holds here",
    "contradicted": "Not so here",
    "mixed": "Unclear",
    "no clear difference": "No clear difference",
    "too small to tell": "Too few to tell",
    "not tested": "Not tested",
}


def percentile_ranks(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Each value's rank in the cohort as the share (0-100) of the *other* accounts it scores
    strictly higher than: what "beats 50%" says in the reports. A tie is not beaten, so
    accounts tied at the bottom beat 0%, and one alone in last place beats nobody (a mid-rank
    percentile, ties counted half, would tell them they beat peers they do not). A NaN (a
    pillar not scored) gets NaN and is not part of the cohort it is ranked in; so does an
    account with no other scored account to beat. Reports say a tie beside it
    (:func:`tie_counts`, :func:`standing_words`)."""
    known = ~np.isnan(values)
    ranks: npt.NDArray[np.float64] = np.full(values.shape, np.nan)
    if known.sum() < 2:
        return ranks
    sorted_values = np.sort(values[known])
    below = np.searchsorted(sorted_values, values[known], side="left")
    ranks[known] = 100.0 * below / (sorted_values.size - 1)
    return ranks


def tie_counts(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """How many *other* accounts score exactly the same as each: the "tied with 7" beside a
    "beats" figure, which counts only those strictly lower. NaN where :func:`percentile_ranks`
    gives NaN (not scored, or no other account scored)."""
    known = ~np.isnan(values)
    counts: npt.NDArray[np.float64] = np.full(values.shape, np.nan)
    if known.sum() < 2:
        return counts
    sorted_values = np.sort(values[known])
    left = np.searchsorted(sorted_values, values[known], side="left")
    right = np.searchsorted(sorted_values, values[known], side="right")
    counts[known] = right - left - 1
    return counts


def standing_words(row: dict[str, Any], name: str) -> str:
    """Where a leaderboard row stands on one score, as a true sentence: ``beats 88%``, ``beats
    8%, tied with 17``, or ``tied for best`` when no one scores higher (however many it
    beats). "Beats" counts only the accounts strictly lower, so a perfect 100 shared by every
    account beats 0% of them: alone, that reads as the worst, hence the tie is said. Empty when
    there is nothing to compare (not scored, or no other account scored)."""
    beats = row["percentiles"].get(name)
    if beats is None:
        return ""
    tied = row.get("tied_with", {}).get(name) or 0
    if not tied:
        return f"beats {beats}%"
    if row.get("best", {}).get(name):
        # "tied for best, beats 7%" read as two verdicts on one score (the report shows
        # them a line each): no one scores higher is all a reader needs
        return "tied for best"
    return f"beats {beats}%, tied with {tied}"


def standing_against_others(ahead: int, tied: int, others: int, cohort_size: int) -> str:
    """Where an account stands on one score, said to a person in the audit: ``tied with 1
    account, ahead of none``, ``ahead of 1 of the 6 others``, ``tied for best with 2
    accounts``, ``behind all the others``; ``not scored`` when there is nothing to compare.
    ``ahead`` of the ``others`` scored on it score lower, ``tied`` the same; the others of
    the ``cohort_size`` had nothing to judge, and then the count says "scored". Counts, not
    the leaderboard's floored share: a client checking "ahead of 16% of them" against the 6
    others found 1 of 6 is 17%, and "80% of them" was of the 5 scored, not the 6 others.
    "beats 0%, tied with 1" (:func:`standing_words`, the leaderboard's cells) took a second
    reading."""
    if others <= 0:
        return "not scored"
    scored = " scored" if others < cohort_size - 1 else ""
    if ahead + tied >= others:
        if not tied:
            return f"ahead of all the others{scored}"
        return f"tied for best with {count_of(tied, 'account')}" + (
            ", ahead of the rest" if ahead else ""
        )
    if not ahead:
        lead = "behind all the others" + scored
        return lead if not tied else f"tied with {count_of(tied, 'account')}, ahead of none"
    ahead_of = f"ahead of {ahead:,} of the {others:,} others{scored}"
    return ahead_of if not tied else f"tied with {count_of(tied, 'account')}, {ahead_of}"


def competition_ranks(scores: list[int]) -> list[tuple[int, bool]]:
    """(rank, tied) of each score of a list sorted best first, in standard competition ranking
    (1, 2, 2, 2, 5): equal scores share the best rank among them, so no account reads as
    beating one it ties with, and the next rank counts everyone above it (as "beats N%" counts
    only the accounts strictly lower)."""
    counts: dict[int, int] = {}
    for score in scores:
        counts[score] = counts.get(score, 0) + 1
    out: list[tuple[int, bool]] = []
    for i, score in enumerate(scores):
        rank = out[-1][0] if i and score == scores[i - 1] else i + 1
        out.append((rank, counts[score] > 1))
    return out


def rank_label(row: dict[str, Any]) -> str:
    """A leaderboard row's rank as people read it: ``=2`` when tied with others, else ``2``."""
    return f"={row['rank']}" if row.get("tied") else str(row["rank"])


def graded_label(row: dict[str, Any]) -> str:
    """``graded on 2 of 4 pillars`` for a leaderboard row whose grade averages only some of
    the pillars (the others had nothing to judge), else empty: the n/a cells alone do not
    tell a reader the grade is half a grade."""
    of = len(PILLARS)
    graded = int(row.get("pillars_graded", of))
    if graded >= of:
        return ""
    # a Face n/a for want of profile data is said as the table's line over it says it
    return (
        tier_label(graded + 1, all_aside=True) if row.get("face", 0) is None else tier_label(graded)
    )


def median_label(segment: dict[str, Any], score: str) -> str:
    """A segment's median ``score`` as the tables show it: "55"; "100 (2 of 15)" when only
    some of its accounts have that score (a median of 2 read as the 15's: "the median firm
    scores 100 on Mix"); "n/a" when none has."""
    figures = segment[score]
    if figures["median"] is None:
        return "n/a"
    shown = str(whole(figures["median"]))
    return (
        shown if figures["n"] >= segment["n"] else f"{shown} ({figures['n']:,} of {segment['n']:,})"
    )


def part_median_note(segments: dict[str, dict[str, Any]]) -> str | None:
    """What a median of only some of a segment's accounts means, said with the first such
    median of the table ("A median marked (2 of 15) is of the 2 accounts ..."); None when the
    table shows none."""
    for segment in segments.values():
        for figures in segment.values():
            if isinstance(figures, dict) and 0 < figures["n"] < segment["n"]:
                n, of = figures["n"], segment["n"]
                return (
                    f"A median marked ({n:,} of {of:,}) is of the {n:,} accounts of the segment "
                    "with that score: the others had nothing to judge there (n/a in the league "
                    "table)."
                )
    return None


def summary(values: npt.NDArray[np.float64]) -> dict[str, Any]:
    if values.size == 0:
        return {"n": 0, "mean": None, "median": None, "p25": None, "p75": None}
    return {
        "n": int(values.size),
        "mean": round_half_up(float(values.mean()), 1),
        "median": round_half_up(float(np.median(values)), 1),
        "p25": round_half_up(float(np.percentile(values, 25)), 1),
        "p75": round_half_up(float(np.percentile(values, 75)), 1),
    }


def bootstrap_diff(
    a: npt.NDArray[np.float64], b: npt.NDArray[np.float64], seed: int = 6
) -> tuple[float, float]:
    """95% bootstrap interval of mean(a) - mean(b), resampled in one vectorised draw."""
    rng = np.random.default_rng(seed)
    ia = rng.integers(0, a.size, size=(BOOTSTRAP, a.size))
    ib = rng.integers(0, b.size, size=(BOOTSTRAP, b.size))
    diffs = a[ia].mean(axis=1) - b[ib].mean(axis=1)
    low, high = np.percentile(diffs, [2.5, 97.5])
    return float(low), float(high)


def compare(
    a: npt.NDArray[np.float64],
    b: npt.NDArray[np.float64],
    a_name: str,
    b_name: str,
    what: str,
    members: tuple[int, int] | None = None,
) -> dict[str, Any]:
    """Does group a score higher than group b? Mann-Whitney (one-sided) and a bootstrap interval.

    ``a`` and ``b`` are the scores of the members scored on ``what``; ``members`` is how many
    accounts each segment has (as many as scores when not given), so that a segment whose
    members have no score is not said to be missing from the group.
    ``explanation`` says it in plain words for a marketer; ``detail`` holds the statistics
    (interval, p-value), which the reports keep in their "How we test this" part.
    """
    a_members, b_members = members or (int(a.size), int(b.size))
    out: dict[str, Any] = {
        "claim": f"{a_name} beat {b_name.lower()} on {what}",
        "n": {a_name: int(a.size), b_name: int(b.size)},
        "members": {a_name: a_members, b_name: b_members},
        "median": {
            a_name: round_half_up(float(np.median(a)), 1) if a.size else None,
            b_name: round_half_up(float(np.median(b)), 1) if b.size else None,
        },
        "mean_difference": None,
        "ci95": None,
        "p_value": None,
        "detail": None,
    }
    if a.size and b.size:
        out["mean_difference"] = round_half_up(float(a.mean() - b.mean()), 1)
    if min(a.size, b.size) < MIN_GROUP:
        out["verdict"] = "too small to tell"
        out["explanation"] = _too_few_to_compare(
            a, b, (a_name, b_name), what, (a_members, b_members)
        )
        return out
    from scipy.stats import mannwhitneyu

    p = float(mannwhitneyu(a, b, alternative="greater").pvalue)
    low, high = bootstrap_diff(a, b)
    out["p_value"] = round_half_up(p, 4)
    out["ci95"] = [round_half_up(low, 1), round_half_up(high, 1)]
    out["detail"] = (
        f"Difference of the averages {out['mean_difference']:+.1f} points (95% interval "
        f"{out['ci95'][0]:+.1f} to {out['ci95'][1]:+.1f}); one-sided Mann-Whitney "
        f"p = {round_half_up(p, 3):.3f}."
    )
    out["verdict"], out["explanation"] = _tested_verdict(a, b, (a_name, b_name), p, (low, high))
    return out


def _too_few_to_compare(
    a: npt.NDArray[np.float64],
    b: npt.NDArray[np.float64],
    names: tuple[str, str],
    what: str,
    members: tuple[int, int],
) -> str:
    """Why a comparison of groups this small tells nothing, with their medians when both have
    scores."""
    (a_name, b_name), (a_members, b_members) = names, members
    medians = ""
    if a.size and b.size:
        medians = (
            f"Typical {what} score: {a_name.lower()} {whole(float(np.median(a)))}, "
            f"{b_name.lower()} {whole(float(np.median(b)))}. "
        )
    if (a.size, b.size) == (a_members, b_members):
        counted = f"the group has {_group(a.size, a_name)} and {_group(b.size, b_name)}"
    else:  # members without a score (nothing to judge) are no evidence either way
        counted = (
            f"{_scored(a.size, a_members, a_name)} and {_scored(b.size, b_members, b_name)}"
            f" have a {what} score"
        )
    return f"{medians}Too few to tell: {counted}, and we need at least {MIN_GROUP} of each."


def _tested_verdict(
    a: npt.NDArray[np.float64],
    b: npt.NDArray[np.float64],
    names: tuple[str, str],
    p: float,
    interval: tuple[float, float],
) -> tuple[str, str]:
    """The verdict of a claim tested with enough accounts, and its plain explanation."""
    (a_name, b_name), (low, high) = names, interval
    exact = float(a.mean() - b.mean())
    points = _points(abs(exact))  # from the exact difference: rounded once
    if p < ALPHA:
        return (
            "supported",
            f"{a_name} score {points} higher on average, more than chance would explain.",
        )
    if float(np.median(a)) < float(np.median(b)) and low < 0 and high < 0:
        return "contradicted", f"The other way round: {b_name.lower()} score {points} higher."
    if not exact:
        return "no clear difference", f"{a_name} and {b_name.lower()} score the same on average."
    # the higher group as the rounded difference in the JSON says it
    higher, lower = (a_name, b_name) if round_half_up(exact, 1) >= 0 else (b_name, a_name)
    return (
        "no clear difference",
        f"{higher} score {points} higher on average than {lower.lower()}, "
        "a difference chance could explain.",
    )


def _points(value: float) -> str:
    """``1 point``, ``12 points``: a difference of scores, whole as every score is; one that
    rounds to none is ``less than half a point`` (never "0 points higher")."""
    points = whole(value)
    if points == 0:
        return "less than half a point"
    return f"{points} point{'' if points == 1 else 's'}"


def _group(n: int, name: str) -> str:
    """``1 vendor``, ``3 staffing firms``: ``name`` is the plural label of the group."""
    label = name.lower()
    # "1,001 accounts", as every count a reader sees
    return f"{n:,} {label[:-1] if n == 1 and label.endswith('s') else label}"


def _scored(n: int, members: int, name: str) -> str:
    """``0 of the 4 staffing firms``: of a segment's members, those with a figure; ``3
    vendors`` when every member has one."""
    return _group(n, name) if n == members else f"{n:,} of the {_group(members, name)}"


def wilson(k: int, n: int) -> tuple[float, float]:
    """95% Wilson interval of a proportion."""
    if n == 0:
        return 0.0, 1.0
    z = 1.96
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def mostly_job_ads(
    job_shares: npt.NDArray[np.float64], group: str, cut: float = 0.5, members: int | None = None
) -> dict[str, Any]:
    """Do most of the group post mostly job ads? ``job_shares`` are the shares of the members
    with original posts Mix could judge; ``members`` is how many accounts the group has (as
    many as shares when not given)."""
    n = int(job_shares.size)
    members = n if members is None else members
    k = int((job_shares > cut).sum())
    low, high = wilson(k, n)
    out: dict[str, Any] = {
        "claim": f"{group} post mostly job ads",
        "group": group,
        "n": n,
        "members": members,
        "mostly_job_ads": k,
        "share": round_half_up(k / n, 3) if n else None,
        "ci95": [round_half_up(low, 3), round_half_up(high, 3)] if n else None,
        "threshold": cut,
        "detail": None,
    }
    if n < MIN_GROUP:
        out["verdict"] = "too small to tell"
        if n == members:
            counted = f"the group has {_group(n, group)}"
        else:  # members without a Mix score are no evidence
            has = "has" if n == 1 else "have"
            # "a Mix score", as the Voice claim says "a Voice score": "have original posts to
            # judge" left out a firm with 30 original posts in French, Mix n/a in its row
            counted = f"{_scored(n, members, group)} {has} a Mix score"
        out["explanation"] = f"Too few to tell: {counted}, and we need at least {MIN_GROUP}."
        return out
    out["verdict"] = "supported" if low > 0.5 else "contradicted" if high < 0.5 else "mixed"
    judged = "" if n == members else " with a Mix score"
    out["explanation"] = (
        f"{k:,} of {_group(n, group)}{judged} ({whole(100 * k / n)}%) post more job ads than "
        "anything else (over half of their original posts): "
        + {
            "supported": "clearly most of them.",
            "contradicted": "clearly a minority.",
            "mixed": "too close to half to tell with this few.",
        }[out["verdict"]]
    )
    if k == 0:  # "0 of 274 accounts (0%) ...: clearly a minority" of a real cohort
        out["explanation"] = (
            f"None of the {_group(n, group)}{judged} post more job ads than anything else "
            "(over half of their original posts)."
        )
    if n < members:
        other = members - n
        # "The other 1 has none" left the reader to work out none of what
        others = "The other account has" if other == 1 else f"The other {other:,} have"
        out["explanation"] += (
            f" {others} no Mix score (no original posts, or too few in English to read)."
        )
    out["detail"] = (
        f"95% interval of that share: {whole(100 * low)}-{whole(100 * high)}% "
        "(Wilson); the claim holds when the whole interval is above 50%."
    )
    return out
