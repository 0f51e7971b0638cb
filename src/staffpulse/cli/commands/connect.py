"""``connect``: who to follow, explained, and exported for X, Bluesky or Mastodon (the library
is :mod:`staffpulse.connect`; ``add-handles`` lives in :mod:`.add_handles`)."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from staffpulse.benchmark.cohort_help import read_cohort_or_say_how
from staffpulse.cli.consoles import make_console, make_status, write_stdout_in_utf8
from staffpulse.cli.json_output import print_json
from staffpulse.cli.options import (
    AccountPlatformOption,
    DbOption,
    JsonOption,
)
from staffpulse.cli.problems import print_problem, print_problems
from staffpulse.cli.program import on_store
from staffpulse.connect.busy_stretch import rerun_options
from staffpulse.connect.choices import DEFAULT_SUGGESTIONS
from staffpulse.connect.cohort_roles import read_cohort_roles
from staffpulse.connect.export import (
    DEFAULT_LIST_NAME,
    FORMATS,
    LIST_FORMATS,
    ExportResult,
    check_export_output,
    check_format,
    check_list_name,
    export_report,
    write_export,
)
from staffpulse.connect.reach_back import DEFAULT_INACTIVE_DAYS
from staffpulse.connect.suggest import SuggestOptions, suggest_report
from staffpulse.dates import parse_date_option
from staffpulse.errors import InputError
from staffpulse.report.counts import count_of
from staffpulse.report.terminal_connect import render_suggestions
from staffpulse.store import open_store

console = make_console()
err_console = make_console(stderr=True)


# connect's own options, named apart so that the command reads as what it does
RoleOption = Annotated[
    str | None,
    typer.Option(
        "--role",
        help="Only these roles: recruiter, 'HR pro', vendor, 'staffing firm', employer, "
        "... (comma-separated) or 'industry'. Default: every role but other (brands, "
        "public figures); 'any' shows those too.",
    ),
]
LimitOption = Annotated[int, typer.Option("--limit", help="How many suggestions.")]
DEFAULT_LIMIT = DEFAULT_SUGGESTIONS
ExportOption = Annotated[
    str | None, typer.Option("--export", help="Export format: " + ", ".join(FORMATS) + ".")
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        # -o as classify, roles, score and demo take it: "No such option: -o"
        "--output",
        "-o",
        help="File for --export (default or -: print).",
    ),
]
ListNameOption = Annotated[
    str, typer.Option("--list-name", help="List name for Bluesky and Mastodon exports.")
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Rank as of this date (default: the newest post of the account or the people it "
        "talks with).",
    ),
]
InactiveDaysOption = Annotated[
    int, typer.Option("--inactive-days", help="Leave out accounts silent this long.")
]
IncludeContactsOption = Annotated[
    bool, typer.Option("--include-contacts", help="Keep accounts you already talk with.")
]
IncludeJobAdsOption = Annotated[
    bool,
    typer.Option(
        "--include-job-ads",
        help="Keep accounts that post mostly job ads, automated job feeds too (left out and "
        "named by default).",
    ),
]
CohortOption = Annotated[
    Path | None,
    typer.Option(
        "--cohort",
        help="Your cohort file (as staffpulse benchmark reads it): an account it gives a "
        "segment naming a role (staffing firm, HR, recruiter...) is shown and filtered with "
        "that role instead of the role model's guess.",
    ),
]
IncludeUnseenOption = Annotated[
    bool, typer.Option("--include-unseen", help="Keep accounts whose posts were never seen.")
]


def connect_command(
    handle: Annotated[
        str, typer.Argument(help="Your account: @handle, id or profile URL, in the store.")
    ],
    role: RoleOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
    platform: AccountPlatformOption = None,
    export: ExportOption = None,
    output: OutputOption = None,
    list_name: ListNameOption = DEFAULT_LIST_NAME,
    as_of: AsOfOption = None,
    inactive_days: InactiveDaysOption = DEFAULT_INACTIVE_DAYS,
    include_contacts: IncludeContactsOption = False,
    include_unseen: IncludeUnseenOption = False,
    include_job_ads: IncludeJobAdsOption = False,
    cohort: CohortOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Who to follow: accounts ranked by your circle of trust, each with why."""
    options = SuggestOptions(
        inactive_days=inactive_days,
        include_contacts=include_contacts,
        include_unseen=include_unseen,
        include_job_ads=include_job_ads,
        cohort=_read_cohort_roles(cohort),
    )
    if output == Path("-"):  # the usual name for stdout: print, never a file named '-'
        output = None
    _check_export_options(export, output, list_name, as_json=as_json)
    ranked_as_of = parse_date_option("--as-of", as_of)
    with (
        open_store(db, create=False) as store,
        make_status(err_console, "Ranking who to follow..."),
    ):
        report = suggest_report(store, handle, platform, role, limit, ranked_as_of, options=options)
    if export is None:
        rerun = None
        if report.retry is not None:
            words = [handle, *_kept_options(platform, limit, cohort, include_job_ads)]
            words += rerun_options(
                report.retry,
                role,
                inactive_days,
                include_contacts=include_contacts,
                include_unseen=include_unseen,
            )
            rerun = on_store(db, f"connect {shlex.join(words)}")
        if as_json:  # the command the text prints under "Run:", for a script to run as well
            print_json({**report.as_dict(), "next_command": rerun})
        else:
            render_suggestions(console, report, notes=err_console, rerun=rerun)
        return
    result = export_report(report, export, list_name=list_name)
    _print_not_exported(result)
    if output is None:
        write_stdout_in_utf8()  # a list to import elsewhere: every name as written
        typer.echo(result.text, nl=False)
        return
    write_export(result, output)
    if as_json:
        print_json(result.summary(output))
    else:
        _print_written(result, output)


def _kept_options(
    platform: str | None, limit: int, cohort: Path | None, include_job_ads: bool
) -> list[str]:
    """The options given that a command to copy keeps as they were (``--platform x``)."""
    words = ["--platform", platform] if platform else []
    words += ["--limit", str(limit)] if limit != DEFAULT_LIMIT else []
    words += ["--cohort", str(cohort)] if cohort is not None else []
    return words + (["--include-job-ads"] if include_job_ads else [])


def _read_cohort_roles(path: Path | None) -> dict[tuple[str | None, str], str] | None:
    """The roles ``--cohort`` gives, its skipped lines told as notes (as benchmark tells them)."""
    if path is None:
        return None
    # a cohort file not written yet is told how to write one, as benchmark tells it
    roles, problems = read_cohort_or_say_how(
        lambda: read_cohort_roles(path), "or leave out --cohort to use the role model's guesses"
    )
    print_problems(err_console, [str(p) for p in problems], label="note:")
    return roles


def _check_export_options(
    export: str | None, output: Path | None, list_name: str, *, as_json: bool
) -> None:
    """Refuse --export, --output, --list-name and --json together where they cannot work,
    before the ranking: a typo in the format is the first thing to fix."""
    if export is not None:
        check_format(export)
    if export in LIST_FORMATS:
        check_list_name(list_name)
    elif export is None and list_name != DEFAULT_LIST_NAME:
        # it was dropped without a word: the user looked for a list that was never made (with
        # another --export it is let be, for a script that loops over the formats)
        formats = " or ".join(f"--export {name}" for name in sorted(LIST_FORMATS))
        raise InputError(
            "--list-name names the list of a Bluesky or Mastodon list export, and no --export"
            " is given",
            hint=f"add {formats} (with --output FILE), or leave --list-name out",
        )
    if output is not None and export is None:
        raise InputError(
            "--output needs --export FORMAT", hint="e.g. --export csv --output list.csv"
        )
    if export is not None and as_json and output is None:
        # stdout carries either the exported file or the JSON summary, never both mixed
        raise InputError(
            "--export with --json needs --output FILE",
            hint="the file goes to --output and the JSON summary to stdout; "
            "or drop --json to print the export itself",
        )
    if export is not None:  # a name of another kind, a missing folder: before the ranking
        check_export_output(export, output)


def _print_written(result: ExportResult, output: Path) -> None:
    """``Wrote 4 accounts to list.csv (csv); 2 not exported.``"""
    err_console.print(
        f"Wrote {count_of(result.written, 'account')} to {escape(str(output))} "
        f"({escape(result.format)})"
        + (f"; {len(result.skipped):,} not exported." if result.skipped else "."),
        highlight=False,
        soft_wrap=True,  # the path whole on one line: Rich's wrap broke it where copied from
    )


MAX_NOT_EXPORTED_SHOWN = 5  # skipped accounts listed one a line; more are counted by reason


def _print_not_exported(result: ExportResult) -> None:
    """The export's notes, then what it left out: each account when few, else the reasons."""
    for note in result.notes:
        print_problem(err_console, note, label="note:")
    if len(result.skipped) <= MAX_NOT_EXPORTED_SHOWN:
        print_problems(err_console, result.skipped, label="not exported")
        return
    reasons = "; ".join(f"{n:,} × {why}" for why, n in result.skip_reasons().items())
    err_console.print(
        f"[yellow]not exported[/] {escape(count_of(len(result.skipped), 'account'))}: "
        f"{escape(reasons)} (--json with --output lists each)",
        highlight=False,
        soft_wrap=True,
    )


def register(app: typer.Typer) -> None:
    app.command("connect")(connect_command)
