"""``audit`` and ``benchmark``: grade one account, or rank a cohort, on the four pillars."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from staffpulse.cli.consoles import make_console, make_count_progress, make_status, print_written
from staffpulse.cli.json_output import print_json
from staffpulse.cli.options import (
    AccountPlatformOption,
    DbOption,
    JsonOption,
    cohort_file_help,
    typed_db,
)
from staffpulse.cli.program import on_store_in
from staffpulse.output_files import check_output
from staffpulse.store import Store, open_store

if TYPE_CHECKING:
    from staffpulse.benchmark.engine import BenchmarkResult

console = make_console()
err_console = make_console(stderr=True)

HtmlOption = Annotated[
    Path | None, typer.Option("--html", help="Also write a self-contained HTML report here.")
]
SinceOption = Annotated[
    str | None,
    typer.Option("--since", help="Only posts from this day on (YYYY-MM-DD, from 00:00 UTC)."),
]


def audit_command(
    handle: Annotated[
        str,
        typer.Argument(
            help="The account to audit: @handle, id or profile URL, e.g. @acmestaffing or "
            "https://x.com/acmestaffing."
        ),
    ],
    platform: AccountPlatformOption = None,
    since: SinceOption = None,
    html: HtmlOption = None,
    cohort: Annotated[
        Path | None,
        typer.Option(
            "--cohort",
            metavar="COHORT",
            help="With --html: show where the account stands among the accounts of this "
            "cohort file (as staffpulse benchmark COHORT ranks them), for a client's report.",
        ),
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Grade one account on Face, Mix, Voice and Conversation, with evidence and advice."""
    from staffpulse.account_refs import read_account_ref, refuse_blank_account
    from staffpulse.audit import audit_account
    from staffpulse.bundled import is_bundled_sample
    from staffpulse.errors import InputError
    from staffpulse.report.html import write_audit_html
    from staffpulse.report.terminal_audit import render_audit
    from staffpulse.report.terminal_benchmark import print_cohort_problems

    refuse_blank_account(handle, "audit grades one account")
    check_output(html, "--html")  # before the work, not after it
    if cohort is not None and html is None:
        # the comparison is drawn in the HTML report only: silently ignoring it misleads
        raise InputError(
            "--cohort places the account among a cohort in the HTML report, and no --html "
            "file was given",
            hint=f"add --html FILE, e.g. staffpulse audit {handle} --cohort {cohort} "
            "--html report.html",
        )
    if cohort is not None:
        # audit's own alternative, not benchmark's "run benchmark without a file"
        from staffpulse.benchmark.cohort_help import refuse_missing_cohort

        refuse_missing_cohort(cohort, "or leave out --cohort to audit the account alone")
    named = read_account_ref(handle, platform)[0]  # a profile URL's handle, for the spinner
    with open_store(db, create=False) as store:
        with make_status(err_console, f"Auditing @{escape(named.lstrip('@'))}..."):
            result = audit_account(store, handle, platform=platform, since=since, role_model="auto")
            bench = rank_cohort(store, cohort, since) if cohort is not None else None
        sample = bool(html) and is_bundled_sample(store)
    if bench is not None:
        # the audit's JSON has no cohort: its HTML report, always written here, lists them
        listed = f"the HTML report lists them all ({html}, at its end)"
        print_cohort_problems(err_console, bench, all_in=listed)
    written = write_audit_html(result, html, bench, sample=sample) if html else None
    db_given = typed_db()  # as the user typed it, for the commands the advice names

    def as_run(text: str) -> str:
        return on_store_in(text, db_given) or text

    # the same ready-to-copy commands in the JSON as on the terminal, on the store given
    if as_json:
        print_json(result.to_dict(as_run))
    else:
        render_audit(console, result, as_run=as_run)
    if written:
        print_written("HTML report", written, as_json=as_json)


def rank_cohort(
    store: Store,
    cohort_file: Path | None,
    since: str | None,
    min_posts: int | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> BenchmarkResult:
    """The benchmark as ``benchmark`` ranks it and ``audit --cohort`` places an account in
    it: one call, so both read the same segments. Without segments from the cohort file each
    account gets the role model's guess, marked so: the classic claims can then be read on an
    import (the audit's "Where you stand" showed "No segment" where the benchmark guessed)."""
    from staffpulse.benchmark import run_benchmark

    return run_benchmark(
        store, cohort_file, since=since, min_posts=min_posts, progress=progress, role_model="auto"
    )


def _min_posts_help() -> str:
    """``--min-posts``'s help, its default the benchmark's own, not a copy that goes stale."""
    from staffpulse.benchmark.members import DEFAULT_MIN_POSTS  # only when the help is built

    return (
        "Rank only accounts with at least N posts of their own in the store. Default without a "
        f"cohort file: {DEFAULT_MIN_POSTS} (accounts seen only as authors of shared or quoted "
        "posts are left out, and the table says how many); 1 ranks every account with posts of "
        "its own. With a cohort file: its accounts with fewer posts are left out."
    )


def benchmark_command(
    cohort_file: Annotated[
        Path | None,
        typer.Argument(
            help=cohort_file_help(
                "every account with at least --min-posts posts of its own in the store."
            ),
            metavar="COHORT",
        ),
    ] = None,
    since: SinceOption = None,
    min_posts: Annotated[
        int | None,
        typer.Option(
            "--min-posts",
            metavar="N",
            help=_min_posts_help(),
        ),
    ] = None,
    html: HtmlOption = None,
    csv_path: Annotated[
        Path | None, typer.Option("--csv", help="Also write the leaderboard as CSV here.")
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Rank a cohort on the four pillars and test the classic claims about staffing firms."""
    from staffpulse.report.counts import count_of
    from staffpulse.report.html import write_benchmark_html
    from staffpulse.report.spreadsheet import write_leaderboard_csv
    from staffpulse.report.terminal_benchmark import print_cohort_problems, render_benchmark

    # a name of another kind or a missing folder is refused before the cohort is ranked
    check_output(html, "--html")
    check_output(csv_path, "--csv")
    with open_store(db, create=False) as store, make_count_progress(err_console) as progress:
        task = progress.add_task("Loading posts", total=None)

        def on_progress(stage: str, done: int, total: int) -> None:
            progress.update(task, description=escape(stage), completed=done, total=total or None)

        result = rank_cohort(store, cohort_file, since, min_posts, on_progress)
    written_html = write_benchmark_html(result, html) if html else None
    written_csv = write_leaderboard_csv(result, csv_path) if csv_path else None
    if as_json:
        # a script reads stdout; the person running it still learns which lines were not used
        print_cohort_problems(err_console, result, in_json=True)
        print_json(result.to_dict())
    else:
        render_benchmark(console, result)
    if written_html:
        print_written("HTML report", written_html, as_json=as_json)
    if written_csv:
        # the CSV holds ranked accounts only (every rank a number): say where the rest went
        skipped = result.lines_skipped
        where = "under cohort.problems of the JSON" if as_json else "listed above"
        note = (
            f" ({count_of(skipped, 'cohort line')} that could not be used"
            f" {'is' if skipped == 1 else 'are'} {where}, not in the CSV)"
            if skipped
            else ""
        )
        print_written("CSV leaderboard", written_csv, note, as_json=as_json)


def register(app: typer.Typer) -> None:
    app.command("audit")(audit_command)
    app.command("benchmark")(benchmark_command)
