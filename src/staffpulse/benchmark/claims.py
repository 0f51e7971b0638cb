"""The classic claims about staffing firms on social media, each tested on a cohort with
numbers: vendors beat staffing firms on Voice and on Conversation (a one-sided Mann-Whitney
test, with a bootstrap interval of the difference of means), and accounts post mostly job ads
(a Wilson interval of the share of accounts above half). Groups under :data:`MIN_GROUP`
accounts are too few to tell; a claim says how many of the accounts it counted have a rough
grade. The benchmark's figures of the accounts themselves (percentiles, ranks, medians) are in
:mod:`.stats`."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

from staffpulse.audit.types import AuditResult
from staffpulse.benchmark.members import FEW_POSTS, own_posts
from staffpulse.benchmark.segments import SEGMENT_LABELS, name_segments
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
    verdict, said = _tested_verdict(a, b, (a_name, b_name), p, (low, high))
    # the reports' segment table shows medians: said first, so "6 points higher on average"
    # does not read as a slip beside medians of 0 and 0
    out["verdict"], out["explanation"] = verdict, f"{_typical(a, b, (a_name, b_name), what)}{said}"
    return out


def _typical(
    a: npt.NDArray[np.float64], b: npt.NDArray[np.float64], names: tuple[str, str], what: str
) -> str:
    """ "Typical Voice score: vendors 86, staffing firms 20. ", the medians the segment table
    shows; "" unless both groups have scores."""
    if not (a.size and b.size):
        return ""
    return (
        f"Typical {what} score: {names[0].lower()} {whole(float(np.median(a)))}, "
        f"{names[1].lower()} {whole(float(np.median(b)))}. "
    )


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
    medians = _typical(a, b, names, what)
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
    if low > 0 or high < 0:
        # the interval of the averages leaves out no difference while the test of the ranks
        # finds none: "chance could explain" beside an interval of +3 to +19 read as a slip
        return (
            "mixed",
            # in plain words: "our two tests disagree" named tests a marketer never sees
            f"{higher} score {points} higher on average than {lower.lower()}, but the average "
            f"rests on a few accounts: account by account, {higher.lower()} do not clearly "
            "score higher, so it is unclear.",
        )
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
    return count_of(points, "point")


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


def _segments_known(segments: list[str], guessed: list[bool]) -> tuple[str, bool]:
    """The segments known, in words and in their usual order ("recruiters, other"; "" when
    none is), and whether the role model guessed every one of them (no cohort file gave
    them: there is no "cohort file's segment column" to write in)."""
    given = sorted(set(segments) - {"unknown"}, key=lambda s: list(SEGMENT_LABELS).index(s))
    named = ", ".join(SEGMENT_LABELS[name].lower() for name in given)
    return named, all(g for g, seg in zip(guessed, segments, strict=True) if seg != "unknown")


def _why_no_vendor_claim(segments: list[str], guessed: list[bool]) -> str:
    """Why the vendors-against-staffing-firms claims were not tested: no segments at all,
    segments the role model guessed (with no cohort file there was no "cohort file's segment
    column" to write in), or the user's segments that hold neither group (a cohort of
    recruiters and others)."""
    named, all_guessed = _segments_known(segments, guessed)
    if not named:
        return (
            "No account of the group has a segment: give a cohort file with a segment "
            f"column ({name_segments(choices=False)}) to test this."
        )
    if all_guessed:
        return (
            "The role model guessed no account here a staffing firm or a vendor (its guesses: "
            f"{named}): give a cohort file with a segment column (handle,platform,segment) "
            "that marks the staffing firms and vendors to test this."
        )
    return (
        f"No account of the group is marked a staffing firm or a vendor (its segments: "
        f"{named}): write staffing firm or vendor in the cohort file's segment column for "
        "those accounts to test this."
    )


def claims(
    audits: list[AuditResult],
    scores: dict[str, np.ndarray[Any, Any]],
    segments: list[str],
    guessed: list[bool] | None = None,
) -> list[dict[str, Any]]:
    """The classic claims about staffing firms on social media, each tested on this cohort
    with its sample sizes (``scores``: the audits', :func:`.stats.cohort_scores`;
    ``guessed``: which segments the role model guessed, default none)."""
    guessed = guessed if guessed is not None else [False] * len(segments)
    seg = np.array(segments)
    vendors, firms = seg == "vendor", seg == "staffing_firm"
    scored = {p: ~np.isnan(scores[p]) for p in ("voice", "conversation")}
    rough = np.array([own_posts(a) < FEW_POSTS for a in audits], dtype=bool)
    out = [
        compare(
            scores[p][vendors & scored[p]],
            scores[p][firms & scored[p]],
            "Vendors",
            "Staffing firms",
            p.capitalize(),
            members=(int(vendors.sum()), int(firms.sum())),
        )
        for p in ("voice", "conversation")
    ]
    if not (vendors.any() or firms.any()):
        for claim in out:  # "only 0 vendors and 0 staffing firms" says nothing useful
            claim["verdict"] = "not tested"
            claim["explanation"] = _why_no_vendor_claim(segments, guessed)
    else:
        for claim, p in zip(out, ("voice", "conversation"), strict=True):
            _say_rough_grades(claim, (vendors | firms) & scored[p], rough)
    shares = np.array([a.pillars["mix"].evidence["job_share"] for a in audits], dtype=float)
    # a share from no original post, or from posts the model cannot read, is no evidence
    mix_scored = ~np.isnan(scores["mix"])
    if firms.any():
        group = mostly_job_ads(
            shares[firms & mix_scored], "Staffing firms", members=int(firms.sum())
        )
        _say_rough_grades(group, firms & mix_scored, rough)
    elif (seg != "unknown").any():
        # segments known, none a staffing firm: "Accounts post mostly job ads" said
        # "contradicted" of 1,287 people and vendors, a claim about firms tested on none
        group = mostly_job_ads(np.zeros(0), "Staffing firms", members=0)
        group["verdict"] = "not tested"
        group["explanation"] = _why_no_firm_claim(segments, guessed)
    else:  # no segment at all: the cohort may well be firms, so all of it is tested
        group = mostly_job_ads(shares[mix_scored], "Accounts", members=len(audits))
        _say_rough_grades(group, mix_scored, rough)
    out.append(group)
    return out


def _why_no_firm_claim(segments: list[str], guessed: list[bool]) -> str:
    """Why "Staffing firms post mostly job ads" was not tested: the segments known (guessed by
    the role model, or the cohort file's) name no staffing firm; what it would need."""
    named, all_guessed = _segments_known(segments, guessed)
    need = f"at least {MIN_GROUP} staffing firms with original posts"
    if all_guessed:
        return (
            f"The role model guessed no account here a staffing firm (its guesses: {named}): "
            f"to test this, give a cohort file with a segment column (handle,platform,segment) "
            f"that marks {need}."
        )
    return (
        f"No account of the group is marked a staffing firm (its segments: {named}): to test "
        f"this, write staffing firm in the cohort file's segment column for {need}."
    )


def _say_rough_grades(
    claim: dict[str, Any], counted: np.ndarray[Any, Any], rough: np.ndarray[Any, Any]
) -> None:
    """How many of the accounts a claim counted have a rough grade (fewer than
    :data:`FEW_POSTS` posts of their own), said after its explanation: a cohort file's
    accounts of one or two posts each were tested as if measured (``rough_grades`` in JSON)."""
    n, few = int(counted.sum()), int((counted & rough).sum())
    claim["rough_grades"] = few
    if not few:
        return
    if few == n:
        whose = f"Every account counted here has fewer than {FEW_POSTS} posts of its own"
    elif few == 1:  # "1 of the 12 accounts ... have" is no English
        whose = f"1 of the {n:,} accounts counted here has fewer than {FEW_POSTS} posts of its own"
    else:
        whose = f"{few:,} of the {n:,} accounts counted here have fewer than {FEW_POSTS} posts"
        whose += " of their own"
    grades = "a rough grade" if few == 1 else "rough grades"
    claim["explanation"] += f" {whose}: {grades}, so read this as a first look."
