"""``staffpulse refresh``: fetch again, one after the other, the accounts of a plan
(:mod:`staffpulse.fetch.refresh_targets`), with the fetchers ``staffpulse fetch`` uses.

Each fetcher resumes from what the store holds (:mod:`staffpulse.fetch.cursors`), so a
refresh asks for what is new since the last fetch. One account that fails (not found, an
instance down, a rate limit too long) is reported and the next one is fetched: a weekly run
left unattended must not lose nine accounts to one. X is pay-per-use: without a token its
accounts are skipped, and ``budget`` caps what all of them may spend together.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from staffpulse import next_steps as steps
from staffpulse.errors import BudgetExceededError, ConfigError, FetchError, StaffpulseError
from staffpulse.fetch.common import FetchReport, NotifyFn, ProgressFn
from staffpulse.fetch.refresh_limits import RefreshLimits, XCost, pays_for, x_cost
from staffpulse.fetch.refresh_offline import ReachFn, can_connect, is_offline
from staffpulse.fetch.refresh_targets import RefreshPlan, RefreshTarget, json_object
from staffpulse.fetch.x_costs import money
from staffpulse.store import Store

Status = Literal["ok", "partial", "failed", "skipped"]
NO_X_TOKEN = "no X bearer token"  # an X account skipped for want of one
INTERRUPTED = "interrupted (Ctrl-C): what was fetched is kept"
NOT_REACHED = "not reached: the run was interrupted"
NO_CONNECTION = "not tried: no connection"
GUESSED_X = f"its platform was read as X from a bare handle: {steps.NOT_PAID_WITHOUT_BUDGET.say()}"
GUESSED_X_HINT = (
    "write handle,x on its cohort line if it is an X account"
    f" (or {steps.BUDGET_FOR_GUESSED_X.say()})"
)
STOPPED = {
    "budget": steps.STOPPED_AT_BUDGET.say(),
    "rate_limit": "stopped by a rate limit",
    "payment": "stopped: X credits used up",
}


@dataclass(slots=True)
class AccountResult:
    """How one account's refresh went."""

    target: RefreshTarget
    status: Status
    new_posts: int = 0
    posts: int = 0
    cost_usd: float = 0.0  # with what X may have billed for answers lost to a timeout
    message: str | None = None  # why it failed, was skipped or stopped early
    hint: str | None = None
    exit_code: int | None = None  # the error's, when it failed
    run_id: int | None = None
    # what the platform says of the account besides its posts (a Mastodon account moved or
    # suspended): an "ok" of 0 new posts would otherwise hide that the cohort names a dead one
    notes: list[str] = field(default_factory=list)
    capped: list[dict[str, Any]] = field(default_factory=list)  # FetchReport.capped

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.target.as_dict(),
            "status": self.status,
            "new_posts": self.new_posts,
            "posts": self.posts,
            "cost_usd": round(self.cost_usd, 6),
            "message": self.message,
            "hint": self.hint,
            "exit_code": self.exit_code,
            "run_id": self.run_id,
            "notes": self.notes,
            "capped": self.capped,
        }


@dataclass(slots=True)
class RefreshReport:
    plan: RefreshPlan
    results: list[AccountResult] = field(default_factory=list)
    estimate_usd: float | None = None  # the X accounts' worst case; None without any
    budget_usd: float | None = None
    interrupted: bool = False  # stopped by Ctrl-C
    offline: bool = False  # stopped when no server could be reached

    @property
    def new_posts(self) -> int:
        return sum(result.new_posts for result in self.results)

    @property
    def cost_usd(self) -> float:
        return sum(result.cost_usd for result in self.results)

    def skip(self, targets: list[RefreshTarget], why: str) -> None:
        """The accounts a stopped run did not get to, each said as skipped and why."""
        self.results.extend(AccountResult(target, "skipped", message=why) for target in targets)

    def count(self, status: Status) -> int:
        return sum(result.status == status for result in self.results)

    @property
    def exit_code(self) -> int:
        """0 when every account was refreshed in full; 1 when one or more failed, were
        skipped or stopped early (the others were refreshed all the same); 130 when Ctrl-C
        stopped the run, as any command stopped so; 75 (try again later, as a fetch that could
        not connect) when the run stopped for want of a connection."""
        if self.interrupted:
            return 130
        if self.offline:
            return FetchError.exit_code
        return 0 if all(result.status == "ok" for result in self.results) else 1

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.plan.as_dict(),
            "accounts": [result.as_dict() for result in self.results],
            "totals": {
                "accounts": len(self.results),
                **{status: self.count(status) for status in ("ok", "partial", "failed", "skipped")},
                "new_posts": self.new_posts,
                "cost_usd": round(self.cost_usd, 6),
            },
            "interrupted": self.interrupted,
            "no_connection": self.offline,
            "estimate_usd": self.estimate_usd,
            "budget_usd": self.budget_usd,
            "exit_code": self.exit_code,
        }


AccountHook = Callable[[int, RefreshTarget], None]
ResultHook = Callable[[AccountResult], None]


def _no_hook(*args: object) -> None:
    return None


def refresh_accounts(
    store: Store,
    plan: RefreshPlan,
    limits: RefreshLimits,
    *,
    config: Mapping[str, Any],
    progress: ProgressFn | None = None,
    notify: NotifyFn | None = None,
    on_account: AccountHook = _no_hook,
    on_result: ResultHook = _no_hook,
    fetchers: Mapping[str, Any] | None = None,
    reach: ReachFn = can_connect,
    cost: XCost | None = None,
) -> RefreshReport:
    """Fetch each account of ``plan`` in turn, going on past the ones that fail.

    ``on_account(index, target)`` is called as each starts and ``on_result`` as each ends
    (the CLI's progress). ``fetchers`` replaces the Bluesky and Mastodon fetchers by platform
    (tests); X's is made for each account, with what is left of the budget. A bad config.toml
    stops the whole run (:class:`ConfigError`): every account would fail the same way. So does
    a network failure when no server of the accounts left answers (``reach`` is the probe of
    :mod:`staffpulse.fetch.refresh_offline`; tests pass a fake). ``cost`` is :func:`x_cost`
    of the same plan and limits when the caller already said it (it is worked out otherwise).
    """
    limits.check()
    cost = cost or x_cost(plan, limits, config)
    report = RefreshReport(plan, estimate_usd=cost.estimate_usd, budget_usd=limits.budget)
    options: dict[str, Any] = {"config": config}
    options.update({k: v for k, v in (("progress", progress), ("notify", notify)) if v})
    made: dict[str, Any] = dict(fetchers or {})
    x_token = cost.has_token
    for index, target in enumerate(plan.targets):
        on_account(index, target)
        later = plan.targets[index + 1 :]
        try:
            result = _refresh_one(store, target, limits, report, made, options, x_token)
        except RefreshInterrupted as stop:
            # Ctrl-C ends the run, not just this account: what was fetched is kept (the fetch
            # run is recorded as interrupted) and the table still says how far it got
            report.interrupted = True
            stop.result.message = INTERRUPTED
            report.results.append(stop.result)
            report.skip(later, NOT_REACHED)
            break
        report.results.append(result)
        on_result(result)
        if _ends_offline(report, index, result, limits, config, reach, x_token):
            break
    return report


def _ends_offline(
    report: RefreshReport,
    index: int,
    result: AccountResult,
    limits: RefreshLimits,
    config: Mapping[str, Any],
    reach: ReachFn,
    x_token: bool,
) -> bool:
    """Whether the run ends after account ``index`` (its ``result`` just in): no connection at
    all, the accounts left then said "not tried: no connection", or Ctrl-C during the probe.

    A failure to try again later may be no connection at all, which each account left would
    take its retries to find out. The last account asks the servers of the ones before it:
    behind X accounts skipped for want of a token, the one account the run reached for
    failing offline is no connection (75), not a failed account (1). An account alone has no
    other server to ask: its own not answering may be its instance down or misspelt, which
    "No connection" would hide along with the fix its hint says."""
    targets = report.plan.targets
    later = targets[index + 1 :]
    others = later or targets[:index]
    retry_later = result.exit_code == FetchError.exit_code
    try:
        offline = retry_later and bool(others) and is_offline(targets[index], others, config, reach)
    except KeyboardInterrupt:  # during the probe (seconds, where the network is silent)
        report.interrupted = True
        report.skip(later, NOT_REACHED)
        return True
    if not offline:
        return False
    report.offline = True
    # the run's last line says what to do (check the connection); this account's own advice
    # would send a marketer to its server's address in the config file instead
    result.hint = None
    # an X account with no token (or not paid for) would not have been fetched even online:
    # it keeps that reason, which a connection alone does not fix
    for left in later:
        report.results.append(
            _not_fetched(left, limits, x_token)
            or AccountResult(left, "skipped", message=NO_CONNECTION)
        )
    return True


def _refresh_one(
    store: Store,
    target: RefreshTarget,
    limits: RefreshLimits,
    report: RefreshReport,
    made: dict[str, Any],
    options: dict[str, Any],
    x_token: bool,
) -> AccountResult:
    budget = limits.budget
    if (not_fetched := _not_fetched(target, limits, x_token)) is not None:
        return not_fetched
    if target.platform == "x" and budget is not None:
        budget -= report.cost_usd  # what the X accounts before this one left
        if budget <= 0:
            return _budget_spent(target, limits)
    last_run = _last_run_id(store)
    try:
        fetched = _fetch(store, target, limits, budget, made, options)
    except ConfigError:
        raise
    except BudgetExceededError:  # what is left does not cover even the user lookup
        return _budget_spent(target, limits)
    except StaffpulseError as exc:
        failed = AccountResult(
            target, "failed", message=exc.message, hint=exc.hint, exit_code=exc.exit_code
        )
        return _with_run_counts(store, failed, last_run)
    except KeyboardInterrupt:
        interrupted = _with_run_counts(store, AccountResult(target, "partial"), last_run)
        raise RefreshInterrupted(interrupted) from None
    status: Status = "ok" if fetched.stopped is None else "partial"
    why = STOPPED.get(fetched.stopped or "", fetched.stopped) if status == "partial" else None
    return AccountResult(
        target, status, new_posts=fetched.new_posts, posts=fetched.posts,
        cost_usd=fetched.cost_usd + fetched.lost_answers_usd, message=why, run_id=fetched.run_id,
        notes=list(fetched.notes), capped=list(fetched.capped),
    )  # fmt: skip


def _not_fetched(
    target: RefreshTarget, limits: RefreshLimits, x_token: bool
) -> AccountResult | None:
    """Why ``target`` is skipped whatever the network does (an X account read from a bare
    handle without a budget, or with no X token); None when it is to be fetched."""
    if target.platform != "x":
        return None
    if not pays_for(target, limits):
        return AccountResult(target, "skipped", message=GUESSED_X, hint=GUESSED_X_HINT)
    if not x_token:
        return AccountResult(
            target, "skipped", message=NO_X_TOKEN, hint=steps.SET_X_TOKEN.say(), exit_code=77
        )
    return None


def _budget_spent(target: RefreshTarget, limits: RefreshLimits) -> AccountResult:
    return AccountResult(
        target, "skipped", message=steps.BUDGET_SPENT.say(amount=money(limits.budget or 0)),
        hint=steps.RAISE_BUDGET_FOR_REST.say(),
    )  # fmt: skip


class RefreshInterrupted(KeyboardInterrupt):
    """Ctrl-C during an account's fetch, with what that fetch had stored by then."""

    def __init__(self, result: AccountResult) -> None:
        super().__init__()
        self.result = result


def _last_run_id(store: Store) -> int:
    row = store.conn.execute("SELECT MAX(id) FROM runs").fetchone()
    return int(row[0] or 0)


def _with_run_counts(store: Store, result: AccountResult, after: int) -> AccountResult:
    """``result`` with what its fetch kept before it stopped, as its run recorded it (a fetch
    that fails after three pages keeps them, and X billed them: the budget counts them)."""
    row = store.conn.execute(
        "SELECT id, counts FROM runs WHERE kind = 'fetch' AND id > ? ORDER BY id DESC LIMIT 1",
        (after,),
    ).fetchone()
    if row is None:
        return result
    counts = json_object(row[1])
    result.run_id = int(row[0])
    result.new_posts = int(counts.get("new_posts") or 0)
    result.posts = int(counts.get("posts") or 0)
    result.cost_usd = float(counts.get("cost_usd") or 0) + float(
        counts.get("lost_answers_usd") or 0
    )
    return result


def _fetch(
    store: Store,
    target: RefreshTarget,
    limits: RefreshLimits,
    budget: float | None,
    made: dict[str, Any],
    options: dict[str, Any],
) -> FetchReport:
    """One account's fetch, through the fetcher ``staffpulse fetch`` uses for its platform."""
    posts = limits.posts_for(target.platform)
    fetched: FetchReport
    if target.platform == "x":
        from staffpulse.fetch.x import XFetcher

        # made for each account: its budget is what the accounts before it left
        x = made.get("x") or XFetcher(store, budget=budget, **options)
        fetched = x.fetch(target.handle, max_posts=posts, max_mentions=limits.max_mentions)
        return fetched
    if target.platform == "bluesky":
        from staffpulse.fetch.bluesky import BlueskyFetcher

        bluesky = made.get("bluesky") or BlueskyFetcher(store, **options)
        made["bluesky"] = bluesky
        fetched = bluesky.fetch(target.handle, max_posts=posts, max_follows=limits.max_follows)
        return fetched
    from staffpulse.fetch.mastodon import MastodonFetcher

    # one fetcher for the run: it keeps a client per instance
    mastodon = made.get("mastodon") or MastodonFetcher(store, **options)
    made["mastodon"] = mastodon
    fetched = mastodon.fetch(target.handle, max_posts=posts)
    return fetched
