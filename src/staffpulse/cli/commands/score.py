"""``staffpulse score``: batch scoring of large inputs, in-process or on a Dask cluster."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from staffpulse.cli.options import JsonOption

console = Console()
err_console = Console(stderr=True)


def score_command(
    inputs: Annotated[
        list[Path], typer.Argument(help="Shards: JSONL, twarc2 pages or Parquet; or folders.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the Parquet results.")],
    engine: Annotated[
        str, typer.Option(help="local (this process) or dask (a cluster).")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)."
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Score posts with the shipped signals and aggregate per account; write Parquet."""
    from staffpulse.scale import score_inputs  # imports the models only when scoring

    with Progress(
        TextColumn("Scoring shards"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=as_json,
    ) as progress:
        task = progress.add_task("score", total=None)

        def on_progress(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        summary = score_inputs(
            inputs, output, engine=engine, scheduler=scheduler, progress=on_progress
        )
    if as_json:
        typer.echo(json.dumps(summary.as_dict()))
        return
    for problem in summary.problems[:20]:
        err_console.print(
            f"[yellow]skipped[/] {problem['file']}:{problem['line']}: {problem['message']}",
            highlight=False,
        )
    console.print(
        f"Scored [bold]{summary.posts:,}[/] posts of [bold]{summary.accounts:,}[/] accounts from "
        f"{summary.shards} shard(s) with the {summary.engine} engine; skipped {summary.skipped}.\n"
        f"Per-post signals: {output / 'posts'}\nPer-account aggregates: {output / 'accounts.parquet'}",
        highlight=False,
    )


def register(app: typer.Typer) -> None:
    app.command("score")(score_command)
