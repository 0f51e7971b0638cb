"""``stats`` and ``accounts``: what the store holds.

Apart from ``import`` (cli/commands/store.py) so that these two quick looks do not load every
importer first: that took half of their time (about 0.5 s of 1.2 s on a busy machine).
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from staffpulse.cli.consoles import make_console
from staffpulse.cli.json_output import print_json
from staffpulse.cli.options import DbOption, JsonOption, OnlyPlatformOption
from staffpulse.cli.program import command_name, db_option
from staffpulse.errors import InputError
from staffpulse.list_limits import check_limit
from staffpulse.models import on_platform, platform_choice
from staffpulse.report.terminal import account_summary_dict, render_accounts, render_stats
from staffpulse.store import open_store

console = make_console()


def stats_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Counts of accounts and posts by platform and post kind."""
    with open_store(db, create=False) as store:
        stats = store.stats()
    if as_json:
        print_json(stats)
    else:
        render_stats(console, stats, command_name() + db_option(db))


# a store of 15,000 accounts printed them all, slowly, for a look at the first screen
SHOWN_ACCOUNTS = 50


def accounts_command(
    db: DbOption = None,
    as_json: JsonOption = False,
    platform: OnlyPlatformOption = None,
    search: Annotated[
        str | None,
        typer.Option(
            "--search",
            metavar="TEXT",
            help="Only the accounts whose handle or name holds TEXT (any case).",
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            help=f"Show the N accounts with the most posts (default {SHOWN_ACCOUNTS}; "
            "--json prints them all unless --limit is given).",
            show_default=False,
        ),
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Show every account, however many.")
    ] = False,
) -> None:
    """List the accounts in the store, the busiest first."""
    if limit is not None and show_all:
        # one of them is not done: --all over --limit 5 listed 15,000 accounts, and
        # "--limit 0 --all" was refused for a limit that --all makes moot
        raise InputError(
            f"--all and --limit {limit} do not go together: --all shows every account, "
            "--limit the busiest few",
            hint="give one of them: --all for every account, or --limit N for the N with the"
            " most posts",
        )
    if limit is not None:
        # said as inbox and connect say it, not Typer's "Input should be greater than or
        # equal to 1", nor "<int range> [x>=1]" in --help
        check_limit(limit, "accounts to show", SHOWN_ACCOUNTS, instead=", or --all for every one")
    shown_at_most = None if show_all or (as_json and limit is None) else limit or SHOWN_ACCOUNTS
    with open_store(db, create=False) as store:
        # the dates of the accounts shown alone are worked out, not of every account stored
        # with the reposts, which audit and benchmark do not grade: the posts of its own told
        shown = store.list_accounts(platform, matching=search, limit=shown_at_most, reposts=True)
        total = len(shown)
        if shown_at_most is not None and total == shown_at_most:
            total = store.count_accounts(platform, matching=search)
        # why a list is empty (the store's accounts by platform); a search that found none
        # says so in its own words below
        stored = store.stats()["accounts"] if not shown and not search else {}
    if as_json:
        print_json([account_summary_dict(s) for s in shown])
        return
    if not shown and search:
        chosen = platform_choice(platform)
        where = f"{on_platform(chosen)} " if chosen else ""
        console.print(
            f"No account {where}in the store has '{escape(search)}' in its handle or name.",
            highlight=False,
        )
        return
    render_accounts(
        console,
        shown,
        platform_choice(platform),
        stored,
        total=total,
        command=command_name() + db_option(db),
    )
    if len(shown) < total:
        console.print(
            f"… and {total - len(shown):,} more: add [bold]--all[/] to list them all, "
            "[bold]--search TEXT[/] to find one by handle or name.",
            highlight=False,
        )


def register(app: typer.Typer) -> None:
    app.command("stats")(stats_command)
    app.command("accounts")(accounts_command)
