"""``import``, ``stats`` and ``accounts``: getting data in and seeing what is there."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from staffpulse.cli.options import DbOption, JsonOption
from staffpulse.ingest import ImportReport, import_paths
from staffpulse.report.terminal import account_summary_dict, render_accounts, render_stats
from staffpulse.store import open_store

console = Console()
err_console = Console(stderr=True)
MAX_PROBLEMS_SHOWN = 20


def _print_import_report(report: ImportReport) -> None:
    for problem in report.problems[:MAX_PROBLEMS_SHOWN]:
        err_console.print(f"[yellow]skipped[/] {problem}", highlight=False, soft_wrap=True)
    if len(report.problems) > MAX_PROBLEMS_SHOWN:
        more = len(report.problems) - MAX_PROBLEMS_SHOWN
        err_console.print(f"[yellow]... and {more} more problems (use --json to see all)[/]")
    for file, label in report.files:
        console.print(f"[dim]read[/] {file} [dim]as {label}[/]", highlight=False)
    console.print(
        f"Imported [bold]{report.posts:,}[/] post{'' if report.posts == 1 else 's'} "
        f"({report.new_posts:,} new), [bold]{report.accounts:,}[/] "
        f"account{'' if report.accounts == 1 else 's'} ({report.new_accounts:,} new)"
        + (
            f", {report.follows:,} follow{'' if report.follows == 1 else 's'}"
            if report.follows
            else ""
        )
        + f". Skipped [bold]{report.skipped:,}[/] malformed "
        + f"record{'' if report.skipped == 1 else 's'}."
        + "".join(f"\n[yellow]note[/] {notice}" for notice in report.notices),
        highlight=False,
    )


def import_command(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders or archives to import.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Import posts and accounts; the format of each file is detected."""
    with open_store(db) as store:
        if as_json:
            report = import_paths(store, paths)
            typer.echo(json.dumps(report.as_dict(), ensure_ascii=False))
        else:
            with Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                TimeElapsedColumn(),
                console=err_console,
                transient=True,
            ) as progress:
                task = progress.add_task("Importing", total=None)

                def on_progress(file: str, done: int) -> None:
                    progress.update(
                        task, description=f"Importing {Path(file).name}: {done:,} records"
                    )

                report = import_paths(store, paths, progress=on_progress)
            _print_import_report(report)
    if report.skipped and not (report.posts or report.accounts or report.follows):
        raise typer.Exit(1)


def stats_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Counts of accounts and posts by platform and post kind."""
    with open_store(db, create=False) as store:
        stats = store.stats()
    if as_json:
        typer.echo(json.dumps(stats))
    else:
        render_stats(console, stats)


def accounts_command(
    db: DbOption = None,
    as_json: JsonOption = False,
    platform: Annotated[str | None, typer.Option(help="Only this platform.")] = None,
) -> None:
    """List the accounts in the store."""
    with open_store(db, create=False) as store:
        summaries = store.list_accounts(platform)
    if as_json:
        typer.echo(json.dumps([account_summary_dict(s) for s in summaries], ensure_ascii=False))
    else:
        render_accounts(console, summaries)


def register(app: typer.Typer) -> None:
    app.command("import")(import_command)
    app.command("stats")(stats_command)
    app.command("accounts")(accounts_command)
