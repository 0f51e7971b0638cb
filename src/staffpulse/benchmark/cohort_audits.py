"""The steps of a benchmark before ranking: choose the cohort, load its posts, score every
text in one batch and audit each account (:func:`staffpulse.benchmark.engine.run_benchmark`).

An account without posts is left out with a problem that says why, never graded: a grade
would judge missing data.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

from staffpulse.audit import loader
from staffpulse.audit.avatar_check import avatar_infos
from staffpulse.audit.engine import (
    compute_audit,
    no_posts_error,
    original_mask,
    since_text,
    texts_to_score,
)
from staffpulse.audit.signals import (
    FeedTemplates,
    TextScorer,
    TextSignals,
    feed_templates,
    score_texts,
    subset,
    with_feed_templates,
)
from staffpulse.audit.types import AccountData, AuditResult
from staffpulse.benchmark.cohort import CohortEntry, CohortProblem, read_cohort
from staffpulse.benchmark.cohort_help import read_cohort_or_say_how
from staffpulse.benchmark.cohort_problems import without_moot_notes
from staffpulse.benchmark.members import (
    DEFAULT_MIN_POSTS,
    default_cohort,
    handle_lines,
    own_post_counts,
    resolve_cohort,
    with_min_posts,
)
from staffpulse.errors import EmptyInputError
from staffpulse.holdings import holdings_of
from staffpulse.models import Account, platform_choice, platform_label
from staffpulse.store import Store

Progress = Callable[[str, int, int], None]


@dataclass(slots=True)
class Cohort:
    """The accounts a benchmark ranks, with their segments, and what it left out and why."""

    source: str  # how the report names the cohort: the file, else the rule that chose it
    accounts: list[tuple[Account, str]]  # with the segment ("unknown" when none was given)
    problems: list[CohortProblem]
    # the fewest posts of its own an account needed (None: a cohort file's, all ranked)
    min_posts: int | None
    left_out: int = 0  # accounts with posts, but fewer than min_posts
    # a cohort file's: the fewest posts of its own of an account --min-posts left out (a
    # --min-posts that ranks them all); None without a file, or when none was left out
    fewest_left_out: int | None = None
    without_posts: int = 0  # accounts left out without posts (in the --since window)
    # of the cohort file: where each handle is named
    lines: dict[str, int | None] = field(default_factory=dict)
    # (platform, id) of the accounts whose segment the file marks as a guess (a league CSV)
    guessed: set[tuple[str, str]] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class CohortTexts:
    """Every account's own texts in one list, scored in one batch."""

    texts: list[str]
    spans: list[tuple[int, int]]  # of each account's texts in ``texts``
    masks: list[np.ndarray[Any, Any]]  # of each account's original posts among its texts
    signals: TextSignals
    templates: list[FeedTemplates]  # of each account's texts


def choose_cohort(
    store: Store, cohort_file: Path | str | None, platform: str | None, min_posts: int | None
) -> Cohort:
    """The accounts of ``cohort_file``, else every account with at least ``min_posts`` posts
    of its own; refused (:class:`EmptyInputError`, with what to do) when there is none."""
    if cohort_file is not None:
        return _cohort_of_file(store, str(cohort_file), min_posts)
    default = default_cohort(store, platform, min_posts)
    cohort = Cohort(
        source=default.source,
        accounts=default.accounts,
        problems=[],
        min_posts=default.min_posts,
        left_out=default.left_out,
        without_posts=default.without_posts,
    )
    if not cohort.accounts:
        # no cohort file to fix: the store itself is empty (of this platform)
        on = f" on {platform_label(platform)}" if platform else ""
        held, inbox = _holdings_said(store, platform)
        raise EmptyInputError(
            f"the store has no account with posts{on} yet{held}",
            hint=f"{inbox}import posts first: staffpulse import FILE_OR_FOLDER (an export "
            "from X, Bluesky or Mastodon, or a CSV), or fetch an account live (staffpulse "
            "fetch bluesky HANDLE); to see a benchmark first, run staffpulse demo",
        )
    return cohort


def _holdings_said(store: Store, platform: str | None) -> tuple[str, str]:
    """What a store without an account to rank holds instead (": it holds 336 Bluesky
    posts, but no profile ..."), and where those posts are of use: a store of listened posts
    was told it had nothing, as if listening kept nothing, while its inbox had
    conversations to offer (the dashboard's pages say the same: staffpulse.holdings). With
    ``platform``, what the store holds on it."""
    stats = store.stats()
    if platform is not None:  # of that platform only: another's posts have their profiles
        on = platform_choice(platform)
        stats = {
            part: {p: n for p, n in counts.items() if p == on} for part, counts in stats.items()
        }
    held = holdings_of(stats, graded=0)
    if held.post_total:
        others = f" and {held.others_said()}" if held.others_said() else ""
        return (
            f": it holds {held.posts_said()}{others}, but no profile of an account that wrote them",
            "those posts are not lost: staffpulse inbox offers the conversations among them to"
            " join; to rank accounts, ",
        )
    if not held.is_empty:
        return f": it holds {held.others_said()}, but no posts", ""
    return "", ""


# what benchmark does without a file, after how to write one (cohort_help.WRITE_A_COHORT)
RANK_WITHOUT_A_FILE = (
    "or run staffpulse benchmark without a file, which ranks every stored account with at"
    f" least {DEFAULT_MIN_POSTS} posts of its own"
)


def _read_cohort_file(source: str) -> tuple[list[CohortEntry], list[CohortProblem]]:
    """:func:`read_cohort`, a file that is not there told how to write one."""
    return read_cohort_or_say_how(lambda: read_cohort(Path(source)), RANK_WITHOUT_A_FILE)


def _cohort_of_file(store: Store, source: str, min_posts: int | None) -> Cohort:
    """The stored accounts the file names; with ``min_posts``, those with fewer posts of
    their own are left out (each noted)."""
    entries, problems = _read_cohort_file(source)
    resolved = resolve_cohort(store, entries, source)
    accounts, fix, headline = resolved.accounts, resolved.fix(), resolved.headline()
    left_out, fewest = 0, None
    if min_posts is not None:
        named, counts = accounts, own_post_counts(store)  # one count of the store's posts
        accounts, few = with_min_posts(store, accounts, min_posts, source, entries, counts)
        problems += few
        left_out = len(few)
        if few:  # the --min-posts that would rank them all
            kept = set(accounts)
            fewest = min(counts.get((a.platform, a.id), 0) for a, s in named if (a, s) not in kept)
        if few and not accounts:
            headline = f"no account of the cohort has {min_posts} posts of its own in the store"
            fix = "lower --min-posts, or leave it out to rank every account of the cohort file"
    problems = without_moot_notes(sorted([*problems, *resolved.problems], key=_place))
    if not accounts:
        detail = "; ".join(str(p) for p in problems[:5])
        raise EmptyInputError(f"{headline}{': ' + detail if detail else ''}", hint=fix)
    return Cohort(
        source,
        accounts,
        problems,
        min_posts,
        left_out,
        fewest_left_out=fewest,
        lines=handle_lines(entries),
        guessed=resolved.guessed,
    )


def _place(problem: CohortProblem) -> tuple[str, int]:
    return problem.file, problem.line or 0


def load_cohort_posts(store: Store, cohort: Cohort, since: datetime | None) -> list[AccountData]:
    """What the audit reads of each account; the accounts without posts (since ``since``)
    are dropped from ``cohort``, each with a problem saying why. Refused when none is left."""
    authored, mentioning, by_id = loader.cohort_posts(
        store, [account for account, _segment in cohort.accounts], since
    )
    datas = []
    kept: list[tuple[Account, str]] = []
    for account, segment in cohort.accounts:
        key = (account.platform, account.id)
        posts = authored.get(key, [])
        if not posts:
            cohort.problems.append(_no_posts_problem(cohort, account, since))
            cohort.without_posts += 1
            continue
        kept.append((account, segment))
        refs = loader.ref_authors(store, posts, by_id)
        datas.append(AccountData(account, posts, mentioning.get(key, []), refs))
    cohort.accounts = kept
    cohort.problems = without_moot_notes(sorted(cohort.problems, key=_place))
    if not kept:
        raise EmptyInputError(
            "no account of the cohort has posts in the store"
            + (f" since {since_text(since)}" if since else "")
            + ": "
            + "; ".join(str(p) for p in cohort.problems[:5]),
            hint="import or fetch the accounts' timelines first"
            + (", or choose an earlier --since" if since else ""),
        )
    return datas


def _no_posts_problem(cohort: Cohort, account: Account, since: datetime | None) -> CohortProblem:
    when = f" since {since_text(since)}" if since else ""
    hint = no_posts_error(account, since).hint  # the audit's own advice
    line = cohort.lines.get(account.handle.lower())
    message = f"@{account.handle} has no posts in the store{when}: left out, not graded ({hint})"
    return CohortProblem(cohort.source, line, message)


def score_cohort_texts(
    datas: list[AccountData], scorer: TextScorer | None, progress: Progress | None = None
) -> CohortTexts:
    """Every account's own texts scored in one batch, and each account's templates."""
    spans: list[tuple[int, int]] = []
    texts: list[str] = []
    masks: list[np.ndarray[Any, Any]] = []
    for data in datas:
        index, own = texts_to_score(data.posts)
        spans.append((len(texts), len(texts) + len(own)))
        texts.extend(own)
        masks.append(original_mask(data.posts, index))
    if progress:
        progress("Scoring posts", 0, len(texts))
    # the model scores in processes of its own, and this one meanwhile finds each account's
    # templates, which need no score: on a store of 300,000 posts each took over a minute,
    # one after the other
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="staffpulse-scoring") as pool:
        scoring = pool.submit(score_texts, texts, scorer, detect_templates=False)
        found = [
            feed_templates(texts[lo:hi], mask) for (lo, hi), mask in zip(spans, masks, strict=True)
        ]
        signals = scoring.result()
    return CohortTexts(texts, spans, masks, signals, found)


def audit_cohort(
    datas: list[AccountData],
    scored: CohortTexts,
    settings: Mapping[str, Any],
    *,
    now: datetime | None,
    since: datetime | None,
    progress: Progress | None = None,
) -> list[AuditResult]:
    """Each account audited from its share of the scored texts (not stored: a benchmark's
    audits would pollute each account's audit history)."""
    if progress:
        progress("Checking avatars", 0, len(datas))
    avatars = avatar_infos([data.account for data in datas])
    if progress:  # named while the first audit runs (seconds for a feed of 100,000 posts)
        progress("Auditing", 0, len(datas))
    audits: list[AuditResult] = []
    for i, (data, (lo, hi)) in enumerate(zip(datas, scored.spans, strict=True)):
        feed = with_feed_templates(subset(scored.signals, np.arange(lo, hi)), scored.templates[i])
        audits.append(compute_audit(data, feed, settings, avatar=avatars[i], now=now, since=since))
        if progress:
            progress("Auditing", i + 1, len(datas))
    return audits
