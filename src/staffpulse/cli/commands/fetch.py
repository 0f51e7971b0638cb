"""``fetch x|bluesky|mastodon``: live fetching into the store (docs/fetching.md).

Credentials come from the environment or config.toml, never from the command line. Arguments
are checked (handles, counts, the budget) before the cost estimate and before any request.
Everything printed through Rich that holds text from outside (handles, queries, paths, the
``[x]`` of a config table) is escaped, so that it is shown rather than read as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from staffpulse.cli.consoles import make_console, make_count_progress, shows_live
from staffpulse.cli.json_output import print_json
from staffpulse.cli.new_store import open_store_saying_new
from staffpulse.cli.options import DbOption, JsonOption
from staffpulse.cli.platform_commands import PlatformCommandsGroup
from staffpulse.config import load_config
from staffpulse.dates import parse_date_option
from staffpulse.errors import InputError
from staffpulse.fetch.common import DEFAULT_MAX_FOLLOWS, FetchReport, check_count
from staffpulse.fetch.x_costs import DEFAULT_MAX_MENTIONS, MENTIONS_CAP, SEARCH_POSTS, TIMELINE_CAP
from staffpulse.next_steps import X_RATES_SET
from staffpulse.report.counts import count_of
from staffpulse.store import Store

console = make_console()
err_console = make_console(stderr=True)
fetch_app = typer.Typer(
    cls=PlatformCommandsGroup,
    help="Fetch accounts and posts live from X, Bluesky or Mastodon.",
    no_args_is_help=True,
)


@contextmanager
def _progress() -> Iterator[tuple[Callable[[str, int, int | None], None], Callable[[str], None]]]:
    """Rich progress bars on stderr (one per stream), and a notifier for waits and retries;
    with --json too, as stdout holds the result whatever stderr shows."""

    def notify(message: str) -> None:
        err_console.print(f"[yellow]{escape(message)}[/]", highlight=False, soft_wrap=True)

    # bars only where someone watches: piped to a log they would leave a blank line behind
    if not shows_live(err_console):
        yield (lambda task, done, total: None), notify
        return
    with make_count_progress(err_console) as progress:
        tasks: dict[str, Any] = {}

        def update(task: str, done: int, total: int | None) -> None:
            if task not in tasks:
                tasks[task] = progress.add_task(f"Fetching {escape(task)}", total=total)
            progress.update(tasks[task], completed=done, total=total)

        yield update, notify


def _new_store(db: Path | None) -> AbstractContextManager[Store]:
    """The store to fetch into; a new one is said, or removed when the fetch failed before
    storing anything (offline: an empty store left behind read as "no accounts yet")."""
    return open_store_saying_new(db, err_console, drop_if_failed_empty=True)


def _finish(report: FetchReport, as_json: bool) -> None:
    from staffpulse.fetch.x_costs import lost_answers_note, money

    if as_json:
        # the budget stop is in here too: "stopped": "budget", with budget_usd and cost_usd
        print_json(report.as_dict())
        return
    console.print(
        f"Fetched [bold]{count_of(report.posts, 'post')}[/] ({report.new_posts:,} new)"
        + (f", {count_of(report.follows, 'follow')}" if report.follows else "")
        + f" for {escape(report.target)} in {count_of(report.requests, 'request')}.",
        highlight=False,
    )
    if report.platform == "x":
        lost = lost_answers_note(report)
        console.print(
            f"Spent about [bold]{money(report.cost_usd)}[/] ({count_of(report.post_reads, 'post read')},"
            f" {count_of(report.user_reads, 'user read')})"
            + (f"; {escape(lost)}." if lost else "."),
            highlight=False,
        )
    for note in report.notes:
        err_console.print(f"[yellow]{escape(note)}[/]", highlight=False, soft_wrap=True)
    if report.stopped == "budget":
        # a notice for people, so on stderr (once); the summary above is the result
        err_console.print(
            f"[yellow]Stopped before going over the budget of {money(report.budget_usd or 0)}"
            f" ({money(report.cost_usd)} spent).[/] Run again with a higher --budget to continue"
            " where it stopped.",
            highlight=False,
            soft_wrap=True,
        )
    if (skipped := report.skipped_summary()) is not None:
        err_console.print(
            f"[yellow]{escape(skipped)}[/] Their pages are stored as they came; the rest was read.",
            highlight=False,
            soft_wrap=True,
        )
    if report.avatar_path:
        console.print(
            f"[dim]avatar saved to {escape(report.avatar_path)}[/]", highlight=False, soft_wrap=True
        )


# short_help: the listing of fetch --help kept the docstring's line break ("prints" alone)
@fetch_app.command(
    "x",
    short_help="Profile, timeline and mentions of an X account, or a recent search "
    "(pay-per-use: prints an estimate first).",
)
def fetch_x_command(
    handle: Annotated[
        str | None, typer.Argument(help="The X handle, e.g. @acmestaffing (or use --search).")
    ] = None,
    search: Annotated[
        str | None,
        typer.Option("--search", help="Recent search (last 7 days) for this query instead."),
    ] = None,
    max_posts: Annotated[
        int | None,
        typer.Option(
            "--max-posts",
            help=f"Posts at most (timeline: {TIMELINE_CAP:,}, X's cap; --search: {SEARCH_POSTS}).",
        ),
    ] = None,
    max_mentions: Annotated[
        int | None,
        typer.Option(
            "--max-mentions",
            help=f"Mentions at most (0: none; default {DEFAULT_MAX_MENTIONS}; X serves at most"
            f" {MENTIONS_CAP}; not with --search).",
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", help="Only posts from this date on (YYYY-MM-DD, ISO 8601)."),
    ] = None,
    budget: Annotated[
        float | None, typer.Option("--budget", help="Stop before spending more than this (USD).")
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Profile, timeline and mentions of an X account, or a recent search (pay-per-use: prints
    an estimate first).

    Needs an X API bearer token: set X_BEARER_TOKEN in the environment (or x_bearer_token under \\[secrets] in config.toml); it is never taken from the command line.
    """
    # (the token paragraph is one line: --help keeps the line breaks of later paragraphs)
    from staffpulse.fetch.common import FetchSettings
    from staffpulse.fetch.handles import x_handle
    from staffpulse.fetch.x import XFetcher
    from staffpulse.fetch.x_costs import (
        Rates,
        check_budget,
        estimate_cost,
        estimate_search_cost,
        money,
    )

    if (handle is None) == (search is None):
        raise InputError(
            "give a HANDLE or --search QUERY (exactly one)",
            hint='e.g. staffpulse fetch x @acmestaffing, or staffpulse fetch x --search "hiring nurses"',
        )
    if search is not None and not search.strip():
        raise InputError("the --search query is empty", hint='e.g. --search "hiring nurses"')
    if search is not None and max_mentions is not None:
        # a search reads posts, not an account's mentions: the cap was dropped without a word
        raise InputError(
            "--max-mentions is for an account's mentions, and --search reads no mentions",
            hint="leave out --max-mentions; --max-posts caps how many posts a search reads",
        )
    max_mentions = DEFAULT_MAX_MENTIONS if max_mentions is None else max_mentions
    # everything the user typed is checked before the estimate, and before any paid request
    target = x_handle(handle) if handle is not None else None
    check_budget(budget)
    if max_posts is not None:
        check_count("max_posts", max_posts, 1)
    check_count("max_mentions", max_mentions, 0)
    since_date = parse_date_option("--since", since)
    config = load_config()
    from staffpulse.fetch.x import require_x_token

    require_x_token(config)  # no estimate for a fetch that cannot start
    FetchSettings.from_config(config)  # nor for one a wrong [fetch] or [x] setting stops
    rates = Rates.from_config(config)
    cap = f"; budget cap {money(budget)}" if budget is not None else ""
    rates_note = f" {escape(X_RATES_SET.say())}"
    if search is not None:
        guess = estimate_search_cost(rates, max_posts)
        err_console.print(
            f"Estimated cost at most [bold]{money(guess['total'])}[/]"
            f" ({int(guess['post_reads'])} post reads {money(guess['posts'])},"
            f" {int(guess['user_reads'])} user reads {money(guess['users'])}: each result may"
            f" bring the posts it replies to or quotes and their authors){cap}.{rates_note}",
            highlight=False,
            soft_wrap=True,
        )
    else:
        estimate = estimate_cost(rates, max_posts, max_mentions)
        err_console.print(
            f"Estimated cost at most [bold]{money(estimate['total'])}[/]"
            f" (user lookup {money(estimate['user_lookup'])},"
            f" timeline {money(estimate['timeline'])}, mentions {money(estimate['mentions'])})"
            f"{cap}.{rates_note}",
            highlight=False,
            soft_wrap=True,
        )
    with _new_store(db) as store, _progress() as (progress, notify):
        fetcher = XFetcher(store, config=config, budget=budget, progress=progress, notify=notify)
        if search is not None:
            report = fetcher.search(search, max_posts=max_posts, since=since_date)
        else:
            report = fetcher.fetch(
                str(target), max_posts=max_posts, max_mentions=max_mentions, since=since_date
            )
    _finish(report, as_json)


@fetch_app.command("bluesky")
def fetch_bluesky_command(
    handle: Annotated[str, typer.Argument(help="The Bluesky handle, e.g. acme.bsky.social.")],
    max_posts: Annotated[int, typer.Option("--max-posts", help="Feed items at most.")] = 1000,
    max_follows: Annotated[
        int, typer.Option("--max-follows", help="Follows and followers at most (each; 0: none).")
    ] = DEFAULT_MAX_FOLLOWS,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Profile, posts, follows and followers of a Bluesky account (public: no login).

    Read from the public Bluesky AppView (the appview_url setting of the bluesky section)."""
    from staffpulse.fetch.bluesky import BlueskyFetcher

    # checked before the store is opened: a bad count left a new empty store behind
    check_count("max_posts", max_posts, 1)
    check_count("max_follows", max_follows, 0)
    with _new_store(db) as store, _progress() as (progress, notify):
        fetcher = BlueskyFetcher(store, progress=progress, notify=notify)
        report = fetcher.fetch(handle, max_posts=max_posts, max_follows=max_follows)
    _finish(report, as_json)


@fetch_app.command("mastodon")
def fetch_mastodon_command(
    account: Annotated[
        str | None, typer.Argument(help="The account, e.g. @acme@mastodon.social.")
    ] = None,
    hashtag: Annotated[
        str | None, typer.Option("--hashtag", help="Fetch this hashtag's timeline instead.")
    ] = None,
    instance: Annotated[
        str | None,
        typer.Option(
            "--instance",
            help="Instance for --hashtag or a bare user name, e.g. mastodon.social (default: "
            "default_instance of the mastodon section).",
        ),
    ] = None,
    max_posts: Annotated[int, typer.Option("--max-posts", help="Statuses at most.")] = 400,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Posts of a Mastodon account, or the posts of one hashtag on one instance."""
    from staffpulse.fetch.mastodon import MastodonFetcher

    if (account is None) == (hashtag is None):
        raise InputError(
            "give an account or --hashtag (not both)",
            hint="e.g. staffpulse fetch mastodon @acme@mastodon.social",
        )
    if account is not None and instance is not None:
        account = _account_on(account, instance)
    check_count("max_posts", max_posts, 1)  # before a new store is made for the run
    with _new_store(db) as store, _progress() as (progress, notify):
        fetcher = MastodonFetcher(store, progress=progress, notify=notify)
        if hashtag is not None:
            host = instance or fetcher.default_instance
            report = fetcher.fetch_hashtag(hashtag, host, max_posts=max_posts)
        else:
            report = fetcher.fetch(str(account), max_posts=max_posts)
    _finish(report, as_json)


def _account_on(account: str, instance: str) -> str:
    """The account ``--instance`` means: a bare user on that instance. It fetched the user of
    the default instance instead, another person of the same name, without a word; an account
    that names another instance than ``--instance`` is refused, as no one can tell which was
    meant."""
    from staffpulse.fetch.handles import instance_host, mastodon_account

    host = instance_host(instance)  # as with --hashtag: a pasted address names the instance
    try:
        _, wanted = mastodon_account(f"user@{host}", None)
    except InputError:
        raise InputError(
            f"--instance {instance!r} is not the name of a Mastodon instance",
            hint="e.g. --instance mastodon.social",
        ) from None
    user, own = mastodon_account(account, wanted)
    if own != wanted:
        raise InputError(
            f"{account} is an account on {own}, and --instance names {wanted}",
            hint=f"leave out --instance (it is for --hashtag and a bare user name), or write "
            f"the account as @{user}@{wanted}",
        )
    return f"@{user}@{own}"


def register(app: typer.Typer) -> None:
    app.add_typer(fetch_app, name="fetch")
