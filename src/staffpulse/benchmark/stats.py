"""Statistics of a cohort's accounts: their scores, percentiles, ranks and ties, and segment
summaries, with the words the reports say them in. The classic claims tested on the cohort
are in :mod:`.claims`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from staffpulse.audit.config import PILLARS
from staffpulse.benchmark.tiers import graded_of, ranked_pillars, row_asides, tier_label
from staffpulse.report.counts import count_of
from staffpulse.report.rounding import round_half_up, whole

if TYPE_CHECKING:
    from staffpulse.audit.types import AuditResult


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
    if graded_of(row) >= len(PILLARS):
        return ""
    # an n/a that counts as graded (no profile data for Face, only replies for Mix) is said
    # as the table's line over it says it
    return tier_label(ranked_pillars(row), [row_asides(row)])


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
                # "is of the 1 accounts" of a segment of two is no English
                whose = (
                    "the score of the one account of the segment that has one"
                    if n == 1
                    else f"of the {n:,} accounts of the segment with that score"
                )
                others = "the other" if of - n == 1 else "the others"
                return (
                    f"A median marked ({n:,} of {of:,}) is {whose}: {others} had nothing to "
                    "judge there (n/a in the league table)."
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


def cohort_scores(audits: list[AuditResult]) -> dict[str, np.ndarray[Any, Any]]:
    """Scores by name; NaN where a pillar was not scored (nothing to judge), so that it takes
    no part in percentiles, medians or the claims."""
    out = {"overall": np.array([a.overall for a in audits], dtype=float)}
    for name in PILLARS:
        out[name] = np.array(
            [a.pillars[name].score if a.pillars[name].scored else np.nan for a in audits],
            dtype=float,
        )
    return out
