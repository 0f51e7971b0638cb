"""``connect`` (who to follow, explained, exportable) and ``add-handles`` (handles sent in)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from staffpulse.cli.options import DbOption, JsonOption
from staffpulse.connect.citizen import default_role_model
from staffpulse.connect.export import FORMATS, export_suggestions, write_export
from staffpulse.connect.fetching import fetch_into_store
from staffpulse.connect.handles import (
    HandleEntry,
    add_handles,
    list_handles,
    pending_entries,
    read_handles,
)
from staffpulse.connect.suggest import SuggestOptions, suggest_report
from staffpulse.errors import InputError
from staffpulse.report.terminal_connect import render_suggestions
from staffpulse.sources.base import Problem
from staffpulse.store import open_store

console = Console()
err_console = Console(stderr=True)


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise InputError(f"--as-of: '{value}' is not a date", hint="use YYYY-MM-DD") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def connect_command(
    handle: Annotated[str, typer.Argument(help="Your account: @handle (or id) in the store.")],
    role: Annotated[
        str | None,
        typer.Option(
            "--role",
            help="Only these roles: recruiter, hr_pro, vendor, staffing_firm, employer, ... "
            "(comma-separated) or 'industry'.",
        ),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="How many suggestions.")] = 20,
    platform: Annotated[
        str | None, typer.Option("--platform", help="x, bluesky or mastodon (when ambiguous).")
    ] = None,
    export: Annotated[
        str | None,
        typer.Option("--export", help="Export format: " + ", ".join(FORMATS) + "."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", help="File for --export (default: print).")
    ] = None,
    list_name: Annotated[
        str, typer.Option("--list-name", help="List name for Bluesky and Mastodon exports.")
    ] = "staffpulse suggestions",
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Rank as of this date (default: the newest post stored)."),
    ] = None,
    inactive_days: Annotated[
        int, typer.Option("--inactive-days", min=1, help="Leave out accounts silent this long.")
    ] = 90,
    include_contacts: Annotated[
        bool, typer.Option("--include-contacts", help="Keep accounts you already talk with.")
    ] = False,
    include_unseen: Annotated[
        bool, typer.Option("--include-unseen", help="Keep accounts whose posts were never seen.")
    ] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Who to follow: accounts ranked by your circle of trust, each with why."""
    options = SuggestOptions(
        inactive_days=inactive_days,
        include_contacts=include_contacts,
        include_unseen=include_unseen,
    )
    if output is not None and export is None:
        raise InputError(
            "--output needs --export FORMAT", hint="e.g. --export csv --output list.csv"
        )
    with open_store(db) as store, err_console.status("Ranking who to follow..."):
        report = suggest_report(
            store, handle, platform, role, limit, _parse_date(as_of), options=options
        )
    if export is not None:
        owner = report.account.id if report.account.id.startswith("did:") else None
        result = export_suggestions(report.suggestions, export, list_name=list_name, owner=owner)
        for problem in result.skipped:
            err_console.print(f"[yellow]not exported[/] {problem}", highlight=False)
        if output is None:
            typer.echo(result.text, nl=False)
            return
        write_export(result, output)
        err_console.print(
            f"Wrote {result.written} accounts to {output} ({export}).", highlight=False
        )
    if as_json:
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False))
    elif export is None:
        render_suggestions(console, report, notes=err_console)


def add_handles_command(
    files: Annotated[
        list[Path] | None, typer.Argument(help="Files with one handle a line.", show_default=False)
    ] = None,
    platform: Annotated[
        str | None,
        typer.Option("--platform", help="x, bluesky or mastodon (default: guessed per line)."),
    ] = None,
    show_list: Annotated[bool, typer.Option("--list", help="Show the pending handles.")] = False,
    retry: Annotated[bool, typer.Option("--retry", help="Try the pending handles again.")] = False,
    no_fetch: Annotated[bool, typer.Option("--no-fetch", help="Store only; fetch later.")] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Handles people sent in: fetched and tagged when possible, else kept for later."""
    if not files and not show_list and not retry:
        raise InputError("give a handles FILE, or --list, or --retry", hint="see --help")
    problems: list[Problem] = []
    entries: list[HandleEntry] = []
    duplicates = 0
    for path in files or []:
        found, bad, dups = read_handles(path, platform)
        entries.extend(found)
        problems.extend(bad)
        duplicates += dups
    for problem in problems:
        err_console.print(f"[yellow]skipped[/] {problem}", highlight=False, soft_wrap=True)
    with open_store(db) as store:
        if retry:
            entries.extend(pending_entries(store))
        model = default_role_model() if entries and not no_fetch else None
        fetcher = None if no_fetch else fetch_into_store
        with Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=err_console,
            transient=True,
            disable=as_json or not entries,
        ) as bar:
            task = bar.add_task("Handles", total=len(entries))

            def on_progress(done: int, entry: HandleEntry) -> None:
                bar.update(task, completed=done, description=f"{entry.platform} {entry.handle}")

            added = add_handles(
                store, entries, fetcher=fetcher, role_model=model, progress=on_progress
            )
        listed = list_handles(store, "pending") if show_list else []
    if as_json:
        payload = {
            "added": [h.as_dict() for h in added],
            "problems": [p.as_dict() for p in problems],
            "duplicates": duplicates,
            "pending": [h.as_dict() for h in listed] if show_list else None,
        }
        typer.echo(json.dumps(payload, ensure_ascii=False))
    else:
        if added:
            counts: dict[str, int] = {}
            for h in added:
                counts[h.status] = counts.get(h.status, 0) + 1
            summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
            console.print(
                f"Handles: {summary}. Skipped {len(problems)} bad lines"
                + (f", merged {duplicates} duplicates." if duplicates else "."),
                highlight=False,
            )
        if show_list:
            table = Table(title=f"Pending handles ({len(listed)})", title_justify="left")
            for column in ("platform", "handle", "from", "why pending"):
                table.add_column(column)
            for h in listed:
                table.add_row(h.platform, h.handle, h.source or "", h.message or "")
            console.print(table)
    if files and problems and not entries:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("connect")(connect_command)
    app.command("add-handles")(add_handles_command)
