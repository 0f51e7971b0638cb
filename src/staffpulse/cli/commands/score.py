"""``staffpulse score``: batch scoring of large inputs, in-process or on a Dask cluster."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from staffpulse.cli.consoles import make_console, make_count_progress
from staffpulse.cli.import_output import print_missing_files
from staffpulse.cli.json_output import print_json
from staffpulse.cli.options import DateOrderOption, JsonOption
from staffpulse.cli.problems import print_problems
from staffpulse.report.counts import count_of
from staffpulse.sources.base import Problem
from staffpulse.sources.csv_dates import date_order_from

if TYPE_CHECKING:
    from staffpulse.scale import ScoreSummary

console = make_console()
err_console = make_console(stderr=True)


def score_command(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            help="Shards: any file staffpulse import reads (JSONL, CSV, twarc2 pages, archives, "
            "ZIP) or Parquet of posts; or folders of them."
        ),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the Parquet results.")],
    engine: Annotated[
        str | None,
        typer.Option(
            help="local (this process) or dask (a cluster). Default: dask with --scheduler, "
            "else local.",
            show_default=False,
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)."
        ),
    ] = None,
    date_order: DateOrderOption = None,
    as_json: JsonOption = False,
) -> None:
    """Score posts with the shipped signals and aggregate per account; write Parquet."""
    from staffpulse.scale import score_inputs  # imports the models only when scoring
    from staffpulse.scale.output import PROBLEMS_FILE

    problems_file = output / PROBLEMS_FILE  # written beside the results

    order = date_order_from(date_order)  # refused before any work, as the import does

    with make_count_progress(err_console) as progress:
        task = progress.add_task("Scoring shards", total=None)
        posts_task = progress.add_task("Reading posts", total=None, visible=False)

        def on_progress(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        def on_posts(step: str, name: str, done: int, total: int | None) -> None:
            # a big shard takes a while to read and to score: count its posts meanwhile; Dask's
            # first pass reads every shard's post ids before any is scored
            verb = {"read": "Reading posts of", "ids": "Reading post ids (first pass)"}.get(
                step, "Scoring posts of"
            )
            progress.update(
                posts_task,
                description=f"{verb} {escape(name)}".rstrip(),
                completed=done,
                total=total,
                visible=not (step == "ids" and done == total),  # scoring follows
            )

        summary = score_inputs(
            inputs,
            output,
            engine=engine or ("dask" if scheduler else "local"),
            scheduler=scheduler,
            progress=on_progress,
            on_posts=on_posts,
            date_order=order,
        )
    if as_json:
        # Every skipped file and record too, and the notes, as `staffpulse import --json`
        # lists them.
        print_json(
            summary.as_dict()
            | {
                "problems": summary.problems,
                "missing_files": summary.missing_files,
                "notices": summary.notices,
                # the same list, kept with the results (None: nothing was written)
                "problems_file": str(problems_file) if summary.written else None,
            }
        )
    else:
        _print_summary(summary, output, problems_file)
    if summary.posts == 0:
        # Like `staffpulse import`: exit 1 when nothing in the input could be read, with the
        # cause when it is known.
        err_console.print(
            f"[bold red]Nothing was scored:[/] {escape(summary.why_nothing_scored())}",
            highlight=False,
        )
        raise typer.Exit(1)


def _print_summary(summary: ScoreSummary, output: Path, problems_file: Path) -> None:
    problems = [
        Problem(str(p["file"]), _line(p.get("line")), str(p["message"])) for p in summary.problems
    ]
    print_problems(err_console, problems, see_all=f"all in {problems_file}")
    # nothing of a missing file was read: told apart from the records skipped, as the import
    # tells it
    print_missing_files(
        err_console,
        [Problem(str(m["file"]), None, str(m["message"])) for m in summary.missing_files],
    )
    files = (
        f", {count_of(summary.files_skipped, 'file')} of unknown format"
        if summary.files_skipped
        else ""
    )
    if summary.files_unread:  # their records lost, how many unknown: no "malformed record"
        files += (
            f"; {count_of(summary.files_unread, 'file')} that could not be read (named above, "
            "with what to do): what they hold was not scored"
        )
    if summary.duplicates:
        files += (
            f"; {count_of(summary.duplicates, 'post')} met more than once "
            "(in one file or several) counted once"
        )
    if summary.missing_files:
        files += (
            f"; {count_of(len(summary.missing_files), 'file')} missing from an X archive "
            "(named above, with what to do)"
        )
    if summary.without_author:
        files += (
            f"; {count_of(summary.without_author, 'post')} without an author (saved from "
            "X's API without author_id) kept in the per-post signals, in no account"
        )
    if summary.anonymized_posts:
        files += (
            f"; {count_of(summary.anonymized_posts, 'post')} by anonymized customers (named "
            "by a number, no handle) kept in the per-post signals, in no account"
        )
    console.print(
        f"Scored [bold]{count_of(summary.posts, 'post')}[/] of "
        f"[bold]{count_of(summary.accounts, 'account')}[/] from {count_of(summary.shards, 'shard')} with the {escape(summary.engine)} engine; skipped "
        f"{count_of(summary.skipped - summary.files_unread, 'malformed record')}{files}.",
        highlight=False,
    )
    # the lines naming a path are soft-wrapped: Rich's wrap broke a long path (or one with a
    # space) into lines that, copied from the terminal, named no folder
    console.print(
        (
            f"Per-post signals: {escape(str(output / 'posts'))}\n"
            f"Per-account aggregates: {escape(str(output / 'accounts.parquet'))}"
            # the skipped lines shown above may be a few of many, and scroll away
            + (
                f"\nWhat was skipped, with its file and line: {escape(str(problems_file))}"
                if summary.problems or summary.missing_files
                else ""
            )
            if summary.written
            # empty tables would have replaced the results of a run before
            else f"Nothing was written to {escape(str(output))}; results of a run before stay."
        )
        # Notes skip nothing, so they are told as `staffpulse import` tells them, not as
        # skipped files.
        + "".join(
            f"\n[yellow]note[/] {escape(str(n['file']))}: {escape(str(n['message']))}"
            for n in summary.notices
        ),
        highlight=False,
        soft_wrap=True,
    )


def _line(value: object) -> int | None:
    return value if isinstance(value, int) else None


def register(app: typer.Typer) -> None:
    app.command("score")(score_command)
