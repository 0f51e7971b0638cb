"""``stats`` and ``accounts``: what the store holds.

Apart from ``import`` (cli/commands/store.py) so that these two quick looks do not load every
importer first: that took half of their time (about 0.5 s of 1.2 s on a busy machine).
"""

from __future__ import annotations

import typer

from staffpulse.cli.consoles import make_console
from staffpulse.cli.json_output import print_json
from staffpulse.cli.options import DbOption, JsonOption, OnlyPlatformOption
from staffpulse.models import platform_choice
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
        render_stats(console, stats)


def accounts_command(
    db: DbOption = None,
    as_json: JsonOption = False,
    platform: OnlyPlatformOption = None,
) -> None:
    """List the accounts in the store."""
    with open_store(db, create=False) as store:
        summaries = store.list_accounts(platform)
        stored = store.stats()["accounts"] if not summaries else {}
    if as_json:
        print_json([account_summary_dict(s) for s in summaries])
    else:
        render_accounts(console, summaries, platform_choice(platform), stored)


def register(app: typer.Typer) -> None:
    app.command("stats")(stats_command)
    app.command("accounts")(accounts_command)
