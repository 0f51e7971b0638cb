"""``staffpulse demo``: run the product on the bundled sample cohort."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.panel import Panel

from staffpulse.demo import run_demo
from staffpulse.report.terminal import render_accounts, render_stats
from staffpulse.store import open_store

console = Console()


def demo_command(
    out: Annotated[
        Path | None, typer.Option("--out", help="Folder for the demo store and reports.")
    ] = None,
) -> None:
    """Run staffpulse end to end on the bundled, fictional sample cohort."""
    console.print(
        Panel.fit(
            "[bold]staffpulse demo[/]: SAMPLE DATA: 12 fictional staffing firms, vendors, "
            "recruiters and HR people, written by the staffpulse project.",
            border_style="cyan",
        )
    )
    with console.status("Working...") as status:
        result = run_demo(out, step=lambda message: status.update(message + "..."))
    console.print(
        f"Imported {result.imported.posts:,} posts and {result.imported.accounts:,} accounts "
        f"into [bold]{result.db_path}[/]",
        highlight=False,
    )
    render_stats(console, result.stats)
    with open_store(result.db_path) as store:
        render_accounts(console, store.list_accounts())
    for note in result.notes:
        console.print(f"[yellow]note:[/] {note}")
    for label, path in result.outputs.items():
        console.print(f"[green]{label}:[/] {path}", highlight=False)
    console.print(
        f"\nTry it yourself: [bold]staffpulse accounts --db {result.db_path}[/]", highlight=False
    )


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_command)
