"""Benchmark a cohort: audit every account (one batch of text scoring), rank, compare segments."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import numpy as np

from staffpulse.audit.config import DEFAULTS, PILLARS, audit_settings
from staffpulse.audit.engine import parse_since, since_in_words
from staffpulse.audit.quiet import first_fix, quiet_span
from staffpulse.audit.segment_guesses import (
    RoleModelChoice,
    choose_role_model,
    guess_segments,
)
from staffpulse.audit.signals import TextScorer
from staffpulse.audit.types import AuditResult
from staffpulse.benchmark.claims import claims
from staffpulse.benchmark.cohort import CohortProblem
from staffpulse.benchmark.cohort_audits import (
    Progress,
    audit_cohort,
    choose_cohort,
    load_cohort_posts,
    score_cohort_texts,
)
from staffpulse.benchmark.cohort_problems import settled_segment_notes
from staffpulse.benchmark.kept_segments import (
    KeptSegments,
    keep_given_segments,
    with_kept_segments,
)
from staffpulse.benchmark.league_action import league_fix
from staffpulse.benchmark.members import FEW_POSTS, own_posts
from staffpulse.benchmark.segments import SEGMENT_LABELS, segment_source
from staffpulse.benchmark.stats import (
    cohort_scores,
    competition_ranks,
    percentile_ranks,
    summary,
    tie_counts,
)
from staffpulse.benchmark.tiers import placed_on, placing_scores, replies_only
from staffpulse.bundled import sample_clock
from staffpulse.store import Store
from staffpulse.store.codec import format_time

SCORES = ("overall", *PILLARS)
# above any overall score (0-100): the pillars graded weigh first in the league order
PLACING_STEP = 1000
# above any placing on pillars (at most 4 * PLACING_STEP + 100): enough posts to judge weighs
# before them, so a grade from a handful of posts never outranks a real feed
ENOUGH_POSTS_STEP = 10 * PLACING_STEP


@dataclass(slots=True)
class BenchmarkResult:
    source: str
    audits: list[AuditResult]
    segments: list[str]  # one per audit ("unknown" when none was given)
    leaderboard: list[dict[str, Any]]
    segment_stats: dict[str, dict[str, Any]]
    claims: list[dict[str, Any]]
    problems: list[CohortProblem]
    generated_at: datetime
    timings: dict[str, float] = field(default_factory=dict)
    # the fewest posts of its own an account needed to be ranked (None: a cohort file's
    # accounts, all ranked), and how many accounts with posts had fewer and were left out
    min_posts: int | None = None
    left_out: int = 0
    # a cohort file's: the fewest posts of its own of an account left out (a --min-posts
    # that ranks them all); None without a file, or when none was left out
    fewest_left_out: int | None = None
    without_posts: int = 0  # accounts left out without posts (in the --since window)
    since: datetime | None = None  # posts from this moment on only (--since)
    # one per audit: True where the role model guessed the segment (none was given)
    guessed: list[bool] = field(default_factory=list)
    # the segments taken from the store, a cohort file benchmarked before gave them
    segments_kept: KeptSegments | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "cohort": {
                "source": self.source,
                "since": format_time(self.since) if self.since else None,
                "accounts": len(self.audits),
                "min_posts": self.min_posts,
                "left_out": self.left_out,
                "without_posts": self.without_posts,
                "segments_guessed": sum(self.guessed),
                "segments_kept": self.segments_kept.as_dict() if self.segments_kept else None,
                "problems": [p.as_dict() for p in self.problems],
            },
            "leaderboard": self.leaderboard,
            "segments": self.segment_stats,
            "claims": self.claims,
            "generated_at": format_time(self.generated_at),
        }

    @property
    def lines_skipped(self) -> int:
        """Cohort lines that could not be used (the others of ``problems`` are only noted)."""
        return sum(not problem.kept for problem in self.problems)

    def row_of(self, handle: str, platform: str) -> dict[str, Any] | None:
        """The leaderboard row of the account, None when it is not in the cohort."""
        return next(
            (r for r in self.leaderboard if r["handle"] == handle and r["platform"] == platform),
            None,
        )


def run_benchmark(
    store: Store,
    cohort_file: Path | str | None = None,
    *,
    platform: str | None = None,
    since: datetime | date | str | None = None,
    config: Mapping[str, Any] | None = None,
    scorer: TextScorer | None = None,
    now: datetime | None = None,
    progress: Progress | None = None,
    min_posts: int | None = None,
    role_model: RoleModelChoice = None,
    cohort_name: str | None = None,
) -> BenchmarkResult:
    """Audit a cohort and rank it: the accounts of a file of handles with segments, else every
    account with at least ``min_posts`` posts of its own (:func:`default_cohort`). With a file,
    an explicit ``min_posts`` leaves out its accounts with fewer posts too (each noted).

    ``role_model`` (``"auto"``: the shipped one) guesses every account's segment when no
    cohort file names any (:mod:`.segment_guesses`); the rows mark each guess. A file that
    names segments keeps its own, its blank lines "No segment", and the store keeps them under
    ``cohort_name`` (the user's name of the file, as the web page knows an upload), else the
    file's own name.

    Text signals are computed in one batch over the whole cohort; templating per account.
    Audits made here are not stored (they would pollute each account's audit history).
    """
    import time

    started = time.perf_counter()
    settings = audit_settings(config)
    since_dt = parse_since(since)
    cohort = choose_cohort(store, cohort_file, platform, min_posts)
    if progress:
        progress("Loading posts", 0, len(cohort.accounts))
    datas = load_cohort_posts(store, cohort, since_dt)
    loaded = time.perf_counter()
    scored_texts = score_cohort_texts(datas, scorer, progress)
    scored = time.perf_counter()
    audits = audit_cohort(datas, scored_texts, settings, now=now, since=since_dt, progress=progress)
    given = [segment for _account, segment in cohort.accounts]
    # a league CSV read back as the cohort keeps its guesses marked (its segment_source)
    marked = [(account.platform, account.id) in cohort.guessed for account, _ in cohort.accounts]
    # a cohort file that names segments is the user's own grouping: its blank lines stay
    # without one (a line whose segment was mistyped is "kept without a segment", as said)
    own = any(segment != "unknown" and not m for segment, m in zip(given, marked, strict=True))
    accounts = [account for account, _ in cohort.accounts]
    kept = None
    if own and cohort_file is not None:  # for the commands run without the file
        keep_given_segments(store, cohort_name or cohort_file, accounts, given, marked)
    elif cohort_file is None:  # a segment a cohort file gave before, over the model's guess
        # (a file of handles alone is guessed, as it says: its notes and the web's tell it
        # "names no segments, so there is no segment comparison")
        given, kept = with_kept_segments(store, accounts, given)
    model = None
    if not own and role_model is not None:
        if progress:  # loading the shipped model takes a moment
            progress("Guessing each account's segment", 0, 0)
        model = choose_role_model(role_model)
    segments, guessed = guess_segments(model, datas, given)
    guessed = [g or m for g, m in zip(guessed, marked, strict=True)]
    scores = cohort_scores(audits)  # the league table, the segments and the claims read them
    result = BenchmarkResult(
        min_posts=cohort.min_posts,
        left_out=cohort.left_out,
        fewest_left_out=cohort.fewest_left_out,
        without_posts=cohort.without_posts,
        # a league table of posts since a day says so wherever it says who is ranked: its
        # post counts and shares are of that window, not of the accounts' whole feeds
        source=f"{cohort.source}; posts since {since_in_words(since_dt)}"
        if since_dt
        else cohort.source,
        since=since_dt,
        audits=audits,
        segments=segments,
        # a store of the bundled sample is read as of its newest post, as the audit reads it
        leaderboard=leaderboard(
            audits,
            scores,
            segments,
            now or sample_clock(store) or datetime.now(UTC),
            weights=settings["weights"],
            guessed=guessed,
        ),
        segment_stats=segment_stats(scores, segments, guessed),
        guessed=guessed,
        segments_kept=kept,
        claims=claims(audits, scores, segments, guessed),
        # an unknown segment's lines say what became of them: guessed only when a model guessed
        problems=settled_segment_notes(cohort.problems, own or model is None),
        generated_at=now or datetime.now(UTC),
    )
    result.timings = {
        "load_s": round(loaded - started, 3),
        "score_s": round(scored - loaded, 3),
        "audit_s": round(time.perf_counter() - scored, 3),
        "posts": float(sum(len(d.posts) for d in datas)),
    }
    return result


def pillars_graded(audit: AuditResult) -> int:
    """How many of the four pillars ``audit`` scored: its grade averages only those."""
    return sum(audit.pillars[name].scored for name in PILLARS)


def _placing(audits: list[AuditResult], weights: Mapping[str, Any]) -> np.ndarray[Any, Any]:
    """Each account's place in the league as one number, higher placed first: the pillars it
    was graded on, then its overall score. A grade averaged over two pillars (a help desk with
    no picture and no original post) is not a grade on four: it ranks after every account
    graded on more, whatever its score, so the top of the table is not won by skipping
    pillars. A Face not scored counts as graded (:func:`~.tiers.placed_on`): it is n/a only
    when the data had no profile, which says nothing of the account; so does the Mix of an
    account that only replies (:func:`~.tiers.replies_only`), at the cohort's median on that
    pillar (:func:`~.tiers.placing_scores`). Before all that, an
    account with fewer than :data:`~.members.FEW_POSTS` posts of its own ranks after every
    account with more, even one a cohort file names or ``--min-posts`` lets in: a client's
    table ranked a C 60 from 2 posts above a D 50 from 58, and ``--min-posts 1`` put 2-post
    accounts at the top with A grades."""
    return np.array(
        [
            (own_posts(a) >= FEW_POSTS) * ENOUGH_POSTS_STEP
            + placed_on(pillars_graded(a), a.pillars["face"].scored, replies_only(a)) * PLACING_STEP
            + score  # within its tier (:func:`~.tiers.placing_scores`)
            for a, score in zip(audits, placing_scores(audits, weights), strict=True)
        ],
        dtype=float,
    )


def leaderboard(
    audits: list[AuditResult],
    scores: dict[str, np.ndarray[Any, Any]],
    segments: list[str],
    today: datetime | None = None,
    *,
    weights: Mapping[str, Any] | None = None,
    guessed: list[bool] | None = None,
) -> list[dict[str, Any]]:
    """One row per account, in league order (:func:`_placing`): ranks follow that order, the
    "beats" figures (overall and each pillar's) the score alone (``scores``: the audits',
    :func:`cohort_scores`).
    ``today`` (default: now) dates each row's ``quiet_for``; ``weights``: the audits' pillar
    weights (default: the shipped ones), for a job board's "Fix first" (:mod:`.league_action`);
    ``guessed``: which segments the role model guessed (default: none)."""
    today = today or datetime.now(UTC)
    weights = weights if weights is not None else DEFAULTS["weights"]
    placing = _placing(audits, weights)
    standings = _standings(scores)
    rows = []
    for i, audit in enumerate(audits):
        mix = audit.pillars["mix"].evidence
        guess = bool(guessed[i]) if guessed else False
        row: dict[str, Any] = {
            "handle": audit.account.handle,
            "platform": audit.account.platform,
            "display_name": audit.account.display_name,
            "segment": segments[i],
            "segment_guessed": guess,
            # as the league CSV says it: "guess", "cohort file" or None (no segment)
            "segment_source": segment_source(segments[i], guess),
            "overall": audit.overall,
            "grade": audit.grade,
            # the grade averages only the pillars with something to judge: renderers say so
            "pillars_graded": pillars_graded(audit),
            # its Mix n/a is of replies only, no failure to measure: placed as if graded
            "mix_replies_only": replies_only(audit),
            **{
                name: audit.pillars[name].score if audit.pillars[name].scored else None
                for name in PILLARS
            },
            **standings[i],
            # a share of the few posts Mix could read (the English ones) is no measure of the
            # account: blank where Mix is not scored, as the mix score is
            "job_share": mix["job_share"] if audit.pillars["mix"].scored else None,
            "posts": audit.counts["posts"],
            # the posts it wrote (reposts are others' words), as the audit's rough grade counts
            "own_posts": (own := own_posts(audit)),
            "few_posts": own < FEW_POSTS,  # a grade from a handful says little: flagged
            # the moment, as accounts --json and the audit's window give it (the CSV its day)
            "last_post": audit.window["last_post"],
            # each account's 30- and 90-day windows end at its own last post: an account
            # silent for years is ranked on its old posts, and the reports say so
            "quiet_for": (quiet := _quiet_for(audit, today)),
            # the audit speaks to its account ("you"); the league table speaks about it, in
            # the headline each pillar wrote beside its advice (audit/advice.py); a job
            # board, the cohort file's or the role model's guess, is never told to post
            # fewer job ads first: a guessed one was, while the same account from the file
            # got "add a tip among the ads" (and its audit "follow it with a tip"): one
            # account, one first fix, whoever named its segment
            # (an account gone quiet is told to post again first, as its audit and its card
            # on the dashboard say: :func:`~staffpulse.audit.quiet.first_fix`)
            "top_action": first_fix("".join(fix := league_fix(audit, segments[i], weights)), quiet),
            # the same without its rough-grade note and how long it has been quiet: the HTML
            # row and the terminal's table say both beside the account
            "fix_first": first_fix(fix[0], quiet, span_beside=True),
        }
        rows.append(row)
    places = [int(p) for p in placing]
    # within a tie, the higher overall the table shows first: the tie is on the placing (a
    # replies-only desk's Mix at the cohort's median), which no column shows, and 83 listed
    # above 84 read as an error (verifier s40); then by handle as people read them:
    # @kikispeaks2 between @HJBORR and @Petrie_JohnC, not after every capitalised handle
    order = sorted(
        range(len(rows)),
        key=lambda i: (
            -places[i],
            -rows[i]["overall"],
            rows[i]["handle"].casefold(),
            rows[i]["handle"],
        ),
    )
    rows = [rows[i] for i in order]
    ranks = competition_ranks([places[i] for i in order])
    for row, (rank, tied) in zip(rows, ranks, strict=True):
        row["rank"], row["tied"] = rank, tied  # ties share a rank: 1, 2, 2, 2, 5
    return rows


def _standings(scores: dict[str, np.ndarray[Any, Any]]) -> list[dict[str, dict[str, Any]]]:
    """Where each account stands on each score, for its leaderboard row: the share of the
    others it beats (scoring strictly lower), how many it ties with, and whether no one scores
    higher. On ``overall`` too it is the bare score, not the place in the table
    (:func:`_placing`, which ranks few-post and fewer-pillar accounts after the rest): a D 50
    placed above the few-post accounts read "beats 80%" in the CSV beside higher grades."""
    pct = {name: percentile_ranks(values) for name, values in scores.items()}
    ties = {name: tie_counts(values) for name, values in scores.items()}
    return [
        {
            "percentiles": {
                # rounded down: "beats 100%" must mean it beats every other account
                name: None if np.isnan(pct[name][i]) else int(np.floor(pct[name][i]))
                for name in SCORES
            },
            # how many others score the same ("beats" leaves them out), and whether no one
            # scores higher: "tied for best" rather than a bare "beats 0%" under a shared 100
            "tied_with": {
                name: None if np.isnan(ties[name][i]) else int(ties[name][i]) for name in SCORES
            },
            "best": {
                name: None
                if np.isnan(pct[name][i])
                else bool(scores[name][i] >= np.nanmax(scores[name]))
                for name in SCORES
            },
        }
        for i in range(scores["overall"].size)
    ]


def _quiet_for(audit: AuditResult, today: datetime) -> str | None:
    """How long ago the account's last post was ("5 years") when it has gone quiet
    (:data:`staffpulse.audit.quiet.QUIET_AFTER_DAYS`), else None."""
    last = audit.window["last_post"]
    return quiet_span(datetime.fromisoformat(last), today) if last else None


def segment_stats(
    scores: dict[str, np.ndarray[Any, Any]],
    segments: list[str],
    guessed: list[bool] | None = None,
) -> dict[str, dict[str, Any]]:
    """Each segment's size and median scores (``scores``: the cohort's, :func:`cohort_scores`);
    ``guessed``: how many of its accounts the role model put there (the reports say so beside
    its name)."""
    seg = np.array(segments)
    by_guess = np.array(guessed if guessed else [False] * len(segments), dtype=bool)
    out: dict[str, dict[str, Any]] = {}
    for name in sorted(set(segments), key=lambda s: list(SEGMENT_LABELS).index(s)):
        mask = seg == name
        out[name] = {
            "label": SEGMENT_LABELS[name],
            "n": int(mask.sum()),
            "guessed": int((mask & by_guess).sum()),
            **{
                score: summary(values[mask & ~np.isnan(values)]) for score, values in scores.items()
            },
        }
    return out
