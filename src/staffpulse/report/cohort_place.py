"""The audit report's "Where you stand": the audited account among a benchmark's accounts, as
percentile strips and in words (the HTML report and the dashboard's audit page)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from staffpulse.audit.types import PILLAR_TITLES, AuditResult
from staffpulse.benchmark.members import FEW_POSTS
from staffpulse.benchmark.stats import graded_label, standing_against_others
from staffpulse.benchmark.tiers import ranked_pillars
from staffpulse.report import chart_strips
from staffpulse.report.counts import count_of, posts_of_its_own
from staffpulse.report.segment_guess_words import segment_label

if TYPE_CHECKING:
    from staffpulse.benchmark.engine import BenchmarkResult

_SCORES = ("overall", *PILLAR_TITLES)


def place_in_cohort(
    result: AuditResult, benchmark: BenchmarkResult | None, *, draw: bool = True
) -> dict[str, Any]:
    """The audit report's "Where you stand" part: the account among ``benchmark``'s accounts
    (all None without a benchmark: the report leaves the part out). ``draw=False`` leaves the
    strips undrawn (None): the dashboard loads a big cohort's apart.

    An account the cohort leaves out (under its ten posts of its own, or not in its file) is
    still drawn as the dark marker, from its own audit, and the caption says it is not one of
    the dots: the caption promised a marker the strips did not draw."""
    if benchmark is None:
        return dict.fromkeys(
            (
                "strips",
                "legend",
                "percentiles",
                "standing",
                "cohort_size",
                "cohort_caption",
                "outside_cohort",
            )
        )
    me = benchmark.row_of(result.account.handle, result.account.platform)
    return {
        "strips": cohort_strips(benchmark, me or _own_scores(result)) if draw else None,
        "legend": cohort_legend(benchmark),
        "percentiles": me["percentiles"] if me else None,
        # each score's standing in words ("Overall: tied with 1 account, ahead of none"),
        # never a bare "mix 0" under a shared perfect score
        "standing": _standings(benchmark, me) if me else None,
        "cohort_size": len(benchmark.audits),
        "cohort_caption": cohort_caption(benchmark),
        "outside_cohort": None if me else _why_outside(result, benchmark),
    }


def _standings(benchmark: BenchmarkResult, me: dict[str, Any]) -> list[tuple[str, str]]:
    """Each score's standing in words, counting the others' scores as the leaderboard's
    "beats" does (the CSV's ``overall_beats_pct``, the JSON's ``percentiles``, the tables'
    "beats 63%"): "ahead of 4 of the 6 others" is that 66%. Overall was once counted by place
    in the table while the CSV counted scores, so one account read "behind all the others"
    in its audit and "beats 100%" in the CSV. Where the table's order differs from the
    scores, Overall says why (:func:`_why_placed`)."""
    size = len(benchmark.audits)
    out = [
        (title, standing_against_others(*_compared(benchmark, me, name), size))
        for name, title in (("overall", "Overall"), *PILLAR_TITLES.items())
    ]
    if (why := _why_placed(benchmark.leaderboard, me)) is not None:
        out[0] = ("Overall", f"{out[0][1]} ({why})")
    return out


def _why_placed(rows: list[dict[str, Any]], me: dict[str, Any]) -> str | None:
    """Why the table places ``me`` (a row of the leaderboard ``rows``) after accounts it
    scores as high as or higher than (:func:`_why_behind`), or, when it is placed after none
    such, before accounts that score as high or higher (:func:`_why_ahead`); None when the
    order follows the grades. A French-language firm graded 25 on 2 pillars stood below four
    accounts graded 14, and its report did not say why."""
    above = [
        r for r in rows if r is not me and r["rank"] < me["rank"] and r["overall"] <= me["overall"]
    ]
    return _why_behind(rows, me, above) if above else _why_ahead(rows, me)


def _why_ahead(rows: list[dict[str, Any]], me: dict[str, Any]) -> str | None:
    """Why ``me`` is placed before accounts that score as high or higher: "#3" beside "behind
    all the others" read as a miscount of a firm above a row of help desks graded on 2
    pillars. None when it is placed before none such, or for no reason worth a word."""
    below = [
        r for r in rows if r is not me and r["rank"] > me["rank"] and r["overall"] >= me["overall"]
    ]
    if any(r["few_posts"] for r in below) and not me.get("few_posts"):
        return "the table places it before every account with fewer posts of its own"
    # a Face n/a for want of profile data or a Mix of replies only places no account lower
    if any(ranked_pillars(r) < ranked_pillars(me) for r in below):
        return "the table places it before every account graded on fewer pillars"
    return None


def _why_behind(
    rows: list[dict[str, Any]], me: dict[str, Any], above: list[dict[str, Any]]
) -> str | None:
    """Why ``me`` is placed after the accounts ``above`` it that score no higher: too few
    posts of its own (and, graded on fewer pillars too, after the few graded on more), or
    fewer pillars graded. None when neither explains it."""
    fewer = graded_label(me)  # "graded on 2 of 4 pillars", or "" when on all
    mine = ranked_pillars(me)
    if me.get("few_posts") and any(not r["few_posts"] for r in above):
        own = int(me["own_posts"])
        said = (
            f"{'only ' if own else ''}{posts_of_its_own(own)}, "
            "the table places it after every account with more"
        )
        # a few-post account graded on fewer pillars also follows the few graded on more
        if fewer and any(r["few_posts"] and ranked_pillars(r) > mine for r in above):
            said += f"; {fewer}, also after every account with as few posts graded on more"
        return said
    if fewer and any(ranked_pillars(r) > mine for r in above):
        # a few-post account graded on four comes after it: its group is later
        among = not me.get("few_posts") and any(r["few_posts"] for r in rows)
        more = f" with {FEW_POSTS} posts of its own or more" if among else ""
        return f"{fewer}, the table places it after every account graded on more{more}"
    return None


def _compared(benchmark: BenchmarkResult, me: dict[str, Any], name: str) -> tuple[int, int, int]:
    """(ahead of, tied with, others scored) for ``me`` on one score among the benchmark's
    rows, counting the scores (the leaderboard's "beats" and ``tied_with``): an account
    graded on fewer pillars, or on a few posts, may be placed after accounts it out-grades,
    and :func:`_why_placed` says why."""
    others = [r for r in benchmark.leaderboard if r is not me]
    mine = me.get(name)
    scored = [r[name] for r in others if r.get(name) is not None]
    if mine is None:
        return 0, 0, 0
    return sum(v < mine for v in scored), sum(v == mine for v in scored), len(scored)


def cohort_caption(benchmark: BenchmarkResult) -> str:
    """Who the dots of "Where you stand" are, by the rule the benchmark chose them with
    (:func:`staffpulse.benchmark.members.default_cohort`, the Benchmark page's own cohort):
    ``one of the 12 accounts with at least 10 posts of their own (30 with fewer left out)``."""
    size = len(benchmark.audits)
    if benchmark.min_posts is None:  # a cohort file names its accounts
        return f"one of the {count_of(size, 'account')} of your cohort file"
    if benchmark.min_posts <= 1:
        rule = f"one of the {count_of(size, 'account')} with posts in the data"
    else:
        rule = (
            f"one of the {count_of(size, 'account')} with at least"
            f" {count_of(benchmark.min_posts, 'post')} of their own"
        )
    if benchmark.left_out:
        # under a bar of one post, those left out have reposts only
        fewer = "with reposts only" if benchmark.min_posts <= 1 else "with fewer"
        rule += f" ({benchmark.left_out:,} {fewer} left out, as in the benchmark)"
    return rule


def _own_scores(result: AuditResult) -> dict[str, Any]:
    """The account's scores as a leaderboard row holds them, from its own audit."""
    scores: dict[str, Any] = {name: result.pillars[name].score for name in PILLAR_TITLES}
    return {"handle": result.account.handle, "overall": result.overall, **scores}


def _why_outside(result: AuditResult, benchmark: BenchmarkResult) -> str:
    """Why the marker is none of the dots: "not one of them (only 2 posts of its own)"."""
    counts = result.counts
    own = int(counts.get("posts", 0)) - int(counts.get("repost", 0))
    if benchmark.min_posts is None:
        return "not one of them (your cohort file does not name it)"
    if own < benchmark.min_posts:
        return f"not one of them (only {count_of(own, 'post')} of its own)"
    return "not one of them"


def cohort_strips(benchmark: BenchmarkResult, me: dict[str, Any] | None) -> Any:
    """Every account of the benchmark a dot per score; ``me`` (a leaderboard row, or the
    audited account's own scores) the dark marker, none in the benchmark report."""
    rows = []
    for name in _SCORES:
        dots = [
            (float(r[name]), str(r["segment"]), "@" + str(r["handle"]))
            for r in benchmark.leaderboard
            if r[name] is not None  # not scored: no dot
        ]
        mine = float(me[name]) if me and me[name] is not None else None
        rows.append((PILLAR_TITLES.get(name, "Overall"), dots, mine))
    return chart_strips.percentile_strips(rows, "@" + str(me["handle"]) if me else "")


def cohort_legend(result: BenchmarkResult) -> Any:
    """The dots' colours by segment, a segment the role model guessed named so ("Staffing
    firms (guessed)"), as the Segments table names it."""
    from staffpulse.benchmark.cohort import SEGMENT_LABELS

    segments = sorted(
        {r["segment"] for r in result.leaderboard}, key=lambda s: list(SEGMENT_LABELS).index(s)
    )
    stats = result.segment_stats
    return chart_strips.segment_legend(
        [(s, segment_label(stats[s]) if s in stats else SEGMENT_LABELS[s]) for s in segments]
    )
