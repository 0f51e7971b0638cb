"""Who ``staffpulse refresh`` fetches again: the accounts of a cohort file (the file
``benchmark`` ranks), or every account of the store that was fetched live before.

A fetch run is recorded in the store's ``runs`` table with its platform, the handle asked for
and, once the profile came back, the account's id (:mod:`staffpulse.fetch.common`). Those
runs are what "fetched live before" means: an account imported from a file was never fetched,
and a hashtag or search fetch names no account, so both are left out, and said to be.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from staffpulse.benchmark.cohort import COHORT_HINT, CohortEntry, CohortProblem, read_cohort
from staffpulse.benchmark.members import DEFAULT_MIN_POSTS
from staffpulse.errors import AmbiguousAccountError, InputError, NotFoundError
from staffpulse.fetch.handles import bluesky_handle, mastodon_account, x_handle
from staffpulse.handles import parse_handle
from staffpulse.next_steps import (
    FETCH_SEARCHES_AGAIN,
    FETCHED_ONLY_WITH_BUDGET,
    REFRESH_WITH_COHORT,
)
from staffpulse.report.counts import count_of
from staffpulse.store import Store

FETCHED_BEFORE = "every account fetched live before"
# the handle a fetch run was asked for, by platform (a search or hashtag run has none)
_TARGET_PARAM = {"x": "handle", "bluesky": "handle", "mastodon": "account"}


@dataclass(frozen=True, slots=True)
class RefreshTarget:
    """One account to fetch again, as its platform's fetch takes it."""

    platform: str  # x, bluesky or mastodon
    handle: str  # acme (X), acme.bsky.social, acme@mastodon.social
    line: int | None = None  # its cohort line, when a cohort file named it
    guessed: bool = False  # no platform column and not in the store: read from its shape

    @property
    def shown(self) -> str:
        return f"@{self.handle}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "handle": self.handle,
            "line": self.line,
            "platform_guessed": self.guessed,
        }


@dataclass(slots=True)
class RefreshPlan:
    """The accounts to refresh, where they come from, and what was left out and why."""

    targets: list[RefreshTarget]
    source: str  # the cohort file, or FETCHED_BEFORE
    problems: list[CohortProblem] = field(default_factory=list)  # cohort lines not used
    left_out: list[str] = field(default_factory=list)  # notes on what the store holds besides

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "problems": [problem.as_dict() for problem in self.problems],
            "left_out": self.left_out,
        }


def fetch_handle(platform: str, text: str, default_instance: str | None) -> str:
    """``text`` as the platform's fetch takes it; InputError when that fetch would refuse it."""
    if platform == "x":
        return x_handle(text)
    if platform == "bluesky":
        return bluesky_handle(text)
    user, instance = mastodon_account(text, default_instance)
    return f"{user}@{instance}"


def plan_from_cohort(
    store: Store, path: Path, default_instance: str | None = "mastodon.social"
) -> RefreshPlan:
    """The accounts of a cohort file, read as ``benchmark`` reads it. A line without a
    platform takes the platform of the stored account it names, else the one its handle's
    shape says (``name.bsky.social``: Bluesky, ``user@instance``: Mastodon, ``name``: X). A
    Mastodon user written without instance is on ``default_instance``. Raises :class:`InputError` when no line can be used, naming the file and lines."""
    entries, problems = read_cohort(path)
    targets: list[RefreshTarget] = []
    seen: set[tuple[str, str]] = set()
    for entry in entries:
        try:
            target = _target_of(store, entry, default_instance)
        except ValueError as exc:
            problems.append(CohortProblem(str(path), entry.line, str(exc)))
            continue
        if target.guessed and target.platform == "x":  # X is paid for: said on its line
            problems.append(CohortProblem(str(path), entry.line, _guessed_x(target), kept=True))
        key = (target.platform, target.handle.lower())
        if key in seen:  # two spellings of one account (a URL and a handle): fetched once
            continue
        seen.add(key)
        targets.append(target)
    # the file's reading and the lines' accounts are checked in two passes: said in file order
    problems.sort(key=lambda problem: problem.line or 0)
    if not targets:
        detail = "; ".join(str(p) for p in problems if not p.kept)
        raise InputError(
            f"{path} lists no account to refresh" + (f": {detail}" if detail else ""),
            hint=COHORT_HINT,
        )
    return RefreshPlan(targets, str(path), [p for p in problems if p.line or not p.kept])


def _target_of(store: Store, entry: CohortEntry, default_instance: str | None) -> RefreshTarget:
    """The account a cohort line names, with its platform; ValueError saying what to write."""
    if entry.platform is not None:
        # checked as its fetch checks it, so a handle of the wrong platform is this line's
        # problem before the run, not a failed fetch after it
        try:
            handle = fetch_handle(entry.platform, entry.written or entry.handle, default_instance)
        except InputError as exc:
            raise ValueError(f"{exc.message} ({exc.hint})") from None
        return RefreshTarget(entry.platform, _spelled(store, entry.platform, handle), entry.line)
    try:
        account = store.find_account(entry.handle)
    except AmbiguousAccountError as exc:
        lines = " or ".join(entry.line_with(p) for p in exc.platforms)
        raise ValueError(f"{exc.message}: write the platform on this line, e.g. {lines}") from None
    except NotFoundError:
        try:
            platform, handle = parse_handle(entry.handle)
        except ValueError as exc:
            raise ValueError(f"{exc} (write handle,platform on the line)") from None
        if platform == "x":  # as the line writes it: X matches names regardless of case
            handle = _as_written(entry, handle)
        return RefreshTarget(platform, handle, entry.line, guessed=True)
    return RefreshTarget(account.platform, account.handle, entry.line)


def _as_written(entry: CohortEntry, handle: str) -> str:
    try:
        return x_handle(entry.written or handle)
    except InputError:
        return handle


def _spelled(store: Store, platform: str, handle: str) -> str:
    """``handle`` as the store spells its account (``AcmeTalentNYC``), else as the cohort
    line wrote it: the refresh table showed ``@acmetalentnyc`` beside the benchmark's
    ``@AcmeTalentNYC``."""
    try:
        account = store.find_account(handle, platform)
    except (NotFoundError, AmbiguousAccountError, InputError):
        return handle
    return account.handle if account.handle.lower() == handle.lower() else handle


def _guessed_x(target: RefreshTarget) -> str:
    return (
        f"{target.handle}: no platform written and not in the store, read as X (pay-per-use:"
        f" {FETCHED_ONLY_WITH_BUDGET.say()}); write {target.handle},x on the line if it is an X"
        " account, or its Bluesky or Mastodon handle if not (name.bsky.social, user@instance)"
    )


def plan_from_store(store: Store) -> RefreshPlan:
    """Every stored account a fetch run brought in, once, by the handle of its latest run;
    the notes say what else the store holds that is not refreshed."""
    store.migrate()
    latest: dict[tuple[str, str], RefreshTarget] = {}
    other_runs = 0
    for params_text, counts_text in store.conn.execute(
        "SELECT params, counts FROM runs WHERE kind = 'fetch' ORDER BY id"
    ):
        params, counts = json_object(params_text), json_object(counts_text)
        platform = str(params.get("platform") or "")
        handle = params.get(_TARGET_PARAM.get(platform, ""))
        account_id = counts.get("account_id")
        if not isinstance(handle, str) or not handle:
            other_runs += 1  # a search or hashtag timeline: no account to refresh
            continue
        if isinstance(account_id, str) and account_id and _stored(store, platform, account_id):
            # the latest run's handle wins: an account renamed since is asked for by its new name
            latest.pop((platform, account_id), None)
            latest[(platform, account_id)] = RefreshTarget(platform, handle)
    targets = list(latest.values())
    return RefreshPlan(targets, FETCHED_BEFORE, left_out=_left_out(store, latest, other_runs))


def json_object(text: str | None) -> dict[str, Any]:
    """A JSON column of the ``runs`` table as a dict; ``{}`` for anything else."""
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _stored(store: Store, platform: str, account_id: str) -> bool:
    row = store.conn.execute(
        "SELECT 1 FROM accounts WHERE platform = ? AND id = ?", (platform, account_id)
    ).fetchone()
    return row is not None


def _left_out(
    store: Store, fetched: dict[tuple[str, str], RefreshTarget], other_runs: int
) -> list[str]:
    """What a refresh without a cohort file does not fetch, and how to include it."""
    notes: list[str] = []
    # the accounts the benchmark ranks by default, not the authors of posts seen in passing
    authors = store.conn.execute(
        "SELECT platform, author_id FROM posts WHERE kind != 'repost'"
        " GROUP BY platform, author_id HAVING COUNT(*) >= ?",
        (DEFAULT_MIN_POSTS,),
    ).fetchall()
    imported = sum((platform, author) not in fetched for platform, author in authors)
    if imported:
        notes.append(
            f"{count_of(imported, 'other account')} with {DEFAULT_MIN_POSTS} posts of"
            f" {'its' if imported == 1 else 'their'} own or more"
            f" {'was' if imported == 1 else 'were'} imported from files, never fetched live:"
            f" {REFRESH_WITH_COHORT.say()}"
        )
    if other_runs:
        notes.append(
            f"{count_of(other_runs, 'search or hashtag fetch', 'search or hashtag fetches')}"
            f" not refreshed: {FETCH_SEARCHES_AGAIN.say()}"
        )
    return notes
