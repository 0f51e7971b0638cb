"""``refresh [COHORT]``: fetch again what is new for many accounts, for a weekly schedule
(docs/fetching.md, "Weekly refresh"). The work is :mod:`staffpulse.fetch.refresh`; this
module parses the options and renders what it did.

Exit status: 0 when every account was refreshed; 1 when one or more failed, were skipped (X
without a token) or stopped early (the others were refreshed all the same); 75 when the run
stopped because no server could be reached (:mod:`staffpulse.fetch.refresh_offline`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from staffpulse.cli.consoles import make_console, make_count_progress
from staffpulse.cli.json_output import print_json
from staffpulse.cli.options import DbOption, JsonOption
from staffpulse.fetch.common import DEFAULT_MAX_FOLLOWS
from staffpulse.fetch.x_costs import DEFAULT_MAX_MENTIONS
from staffpulse.models import platform_name

if TYPE_CHECKING:
    from staffpulse.fetch.refresh import AccountResult, RefreshReport
    from staffpulse.fetch.refresh_limits import XCost
    from staffpulse.fetch.refresh_targets import RefreshPlan, RefreshTarget
    from staffpulse.fetch.refresh_wording import Styler

console = make_console()
err_console = make_console(stderr=True)
STATUS_STYLE = {"ok": "green", "partial": "yellow", "failed": "red", "skipped": "yellow"}


def _say(message: str) -> None:
    err_console.print(message, highlight=False, soft_wrap=True)


def _rich() -> Styler:
    from staffpulse.fetch.refresh_wording import Styler

    return Styler(text=escape, strong=lambda text: f"[bold]{escape(text)}[/]")


def _print_plan(plan: RefreshPlan, cost: XCost) -> None:
    """Which accounts will be fetched, from where, what is left out and why, and what X may
    cost (stderr)."""
    from staffpulse.fetch import refresh_wording as say

    style = _rich()
    _say(say.plan_headline(plan, style))
    for problem in plan.problems:
        label = "note" if problem.kept else "skipped"
        _say(f"[yellow]{label}[/] {escape(str(problem))}")
    # a guessed X account is said on its own line, with the problems above
    if guessed := say.guessed_note(plan, style):
        _say(f"[dim]{guessed}[/]")
    for note in plan.left_out:
        _say(f"[dim]Left out: {escape(note)}.[/]")
    if skipped := say.x_skipped_note(cost):
        advice = say.set_token_advice(cost.accounts)
        _say(f"[yellow]{escape(skipped)}[/] {escape(advice)} (never on the command line).")
    if estimate := say.x_estimate_note(cost, style):
        _say(estimate)


ProgressHooks = tuple[
    Callable[[int, "RefreshTarget"], None],
    Callable[["AccountResult"], None],
    Callable[[str, int, int | None], None],
]


@contextmanager
def _progress(total: int) -> Iterator[ProgressHooks]:
    """One bar for the accounts, one for the stream being read (on stderr, where watched)."""
    with make_count_progress(err_console) as progress:
        accounts = progress.add_task("Accounts", total=total)
        stream = progress.add_task("", total=None, visible=False)
        current: dict[str, str] = {"account": ""}

        def on_account(index: int, target: RefreshTarget) -> None:
            current["account"] = f"{target.shown} ({platform_name(target.platform)})"
            progress.update(accounts, description=f"Refreshing {escape(current['account'])}")
            progress.update(stream, visible=False, completed=0, total=None)

        def on_result(result: AccountResult) -> None:
            progress.advance(accounts)

        def on_stream(task: str, done: int, limit: int | None) -> None:
            progress.update(
                stream, description=f"  {escape(task)}", completed=done, total=limit, visible=True
            )

        yield on_account, on_result, on_stream


def _status_text(result: AccountResult) -> str:
    style = STATUS_STYLE[result.status]
    said = f": {escape(result.message)}" if result.message else ""
    below = f" ({'notes' if len(result.notes) > 1 else 'note'} below)" if result.notes else ""
    return f"[{style}]{result.status}[/]{said}{below}"


def _render(report: RefreshReport) -> None:
    from staffpulse.fetch import refresh_wording as say

    style = _rich()
    table = Table(title="Refresh")
    table.add_column("account")
    table.add_column("platform")
    table.add_column("new posts", justify="right")
    table.add_column("status")
    for result in report.results:
        table.add_row(
            escape(result.target.shown),
            platform_name(result.target.platform),
            f"{result.new_posts:,}",
            _status_text(result),
        )
    console.print(table)
    console.print(say.summary_line(report, style), highlight=False)
    if spent := say.spent_line(report, style):
        console.print(spent, highlight=False)
    for note in say.notes(report):
        _say(f"[yellow]{escape(note)}[/]")  # in full, as staffpulse fetch says them
    for shown, hint in say.grouped_hints(report):
        _say(f"[yellow]{escape(', '.join(shown))}:[/] {escape(hint)}")
    if report.count("partial"):
        _say("Run the same command again to go on where the accounts stopped early.")


def refresh_command(
    cohort_file: Annotated[
        Path | None,
        typer.Argument(
            help="The cohort file benchmark reads (handle,platform,segment; one account a line)."
            " Default: every account fetched live before (staffpulse fetch).",
            metavar="COHORT",
        ),
    ] = None,
    max_posts: Annotated[
        int | None,
        typer.Option(
            "--max-posts",
            help="Posts at most per account and run (default: X 200, Bluesky 1,000, Mastodon"
            " 400). A refresh asks only for what is new since the last fetch.",
        ),
    ] = None,
    max_mentions: Annotated[
        int, typer.Option("--max-mentions", help="X mentions at most per account (0: none).")
    ] = DEFAULT_MAX_MENTIONS,
    max_follows: Annotated[
        int,
        typer.Option(
            "--max-follows", help="Bluesky follows and followers at most per account (0: none)."
        ),
    ] = DEFAULT_MAX_FOLLOWS,
    budget: Annotated[
        float | None,
        typer.Option(
            "--budget", help="Stop X before spending more than this (USD, all X accounts)."
        ),
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Fetch what is new for every account of a cohort, e.g. each week before the benchmark.

    Without a cohort file: every account fetched live before. One account failing does not stop the others.

    X accounts need X_BEARER_TOKEN in the environment (or x_bearer_token under \\[secrets] in config.toml); without it they are skipped. Exit status 1 when an account failed, was skipped or stopped early.
    """
    from staffpulse.benchmark.cohort import read_cohort
    from staffpulse.benchmark.cohort_help import read_cohort_or_say_how
    from staffpulse.config import load_config, setting_str
    from staffpulse.errors import EmptyInputError
    from staffpulse.fetch.refresh import refresh_accounts
    from staffpulse.fetch.refresh_limits import RefreshLimits, x_cost
    from staffpulse.fetch.refresh_targets import plan_from_cohort, plan_from_store
    from staffpulse.fetch.refresh_wording import no_connection_what
    from staffpulse.store import open_store

    limits = RefreshLimits(max_posts, max_mentions, max_follows, budget)
    limits.check()  # before the store is opened and anything is asked
    config = load_config()
    if cohort_file is not None and not cohort_file.exists():
        # told before a store is made for it (a typo in its name left an empty store behind),
        # with how to write one; said here, not in plan_from_cohort, which the web page uses
        read_cohort_or_say_how(
            lambda: read_cohort(cohort_file),
            "or run staffpulse refresh without a file, which refreshes every account fetched"
            " live before",
        )
    # without a cohort there must be a store already: a typo in --db leaves no empty one behind
    with open_store(db, create=cohort_file is not None) as store:
        if cohort_file is None:
            plan = plan_from_store(store)
        else:
            instance = setting_str(config, "mastodon", "default_instance")
            plan = plan_from_cohort(store, cohort_file, instance)
        if not plan.targets:
            raise EmptyInputError(
                "no account in the store was fetched live before",
                hint="give the cohort file of the accounts to refresh (staffpulse refresh"
                " cohort.csv), or fetch one first, e.g. staffpulse fetch bluesky acme.bsky.social"
                + ("; " + "; ".join(plan.left_out) if plan.left_out else ""),
            )
        cost = x_cost(plan, limits, config)  # said first, and reported after the run
        _print_plan(plan, cost)
        with _progress(len(plan.targets)) as (on_account, on_result, on_stream):
            report = refresh_accounts(
                store, plan, limits, config=config, progress=on_stream,
                notify=lambda message: _say(f"[yellow]{escape(message)}[/]"),
                on_account=on_account, on_result=on_result, cost=cost,
            )  # fmt: skip
    if as_json:
        print_json(report.as_dict())
    else:
        _render(report)
    if report.offline:  # said last, where a log's reader looks first
        _say(f"[red]No connection:[/] {no_connection_what(report)}; run again once online.")
    if report.exit_code:
        raise typer.Exit(report.exit_code)


def register(app: typer.Typer) -> None:
    app.command("refresh")(refresh_command)
