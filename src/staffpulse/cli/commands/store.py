"""``import``: getting data in (``stats`` and ``accounts``, seeing what is there: stats.py)."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from staffpulse.cli.consoles import make_console
from staffpulse.cli.import_output import (
    ImportBar,
    make_import_progress,
    print_missing_files,
    read_file_lines,
)
from staffpulse.cli.json_output import print_json
from staffpulse.cli.new_store import say_near_store
from staffpulse.cli.options import DateOrderOption, DbOption, JsonOption
from staffpulse.cli.problems import MAX_PROBLEMS_SHOWN, print_import_problems
from staffpulse.config import default_db_path
from staffpulse.errors import AmbiguousAccountError, StaffpulseError
from staffpulse.import_formats import describe_formats
from staffpulse.ingest import UPDATED_POST_WHY, ImportReport, import_paths
from staffpulse.near_names import find_mistyped_stores
from staffpulse.report.counts import count_of
from staffpulse.sources.base import Problem
from staffpulse.sources.csv_dates import date_order_from
from staffpulse.sources.folders import left_out
from staffpulse.store import Store, discard_store_if_empty, open_store

console = make_console()
err_console = make_console(stderr=True)


def _store_file(db: Path | None) -> Path:
    """The store file an import writes to, as the user can find it (``--db`` or the default)."""
    return Path(db if db is not None else default_db_path()).expanduser().absolute()


def _print_import_report(
    report: ImportReport, store_file: Path, new_store: bool, *, saved: bool = True
) -> None:
    every_one = print_import_problems(err_console, report.problems)
    print_missing_files(err_console, report.missing_files)
    for line in read_file_lines(report.files, [*report.problems, *report.notices]):
        console.print(line, highlight=False, soft_wrap=True)
    follows = (
        f", [bold]{count_of(report.follows, 'follow')}[/] ({report.new_follows:,} new)"
        if report.follows
        else ""
    )
    # accounts the store held whose name, bio, ... came in changed: no new account, a change
    updated = (
        f", {count_of(report.updated_profiles, 'profile')} updated"
        if report.updated_profiles
        else ""
    )
    # posts the store held whose text (reply or quote target, address) came in changed
    edited = (
        f", {report.updated_posts:,} updated: {UPDATED_POST_WHY}" if report.updated_posts else ""
    )
    # stored posts the account's export lacks, removed as --remove-deleted asked
    removed = (
        f" Removed [bold]{count_of(report.removed, 'post')}[/] the export no longer holds "
        "(deleted on the platform)."
        if report.removed
        else ""
    )
    # an archive's file that is not there: nothing of it was read, so no record was skipped
    missing = (
        f"\nFiles missing from the archive: [bold]{len(report.missing_files):,}[/] (each named "
        "above, with what to do): what they hold was not imported."
        if report.missing_files
        else ""
    )
    # a damaged ZIP member: nothing of it was read, and what it held cannot be counted
    unread = (
        f"\nFiles that could not be read: [bold]{len(report.unread_files):,}[/] (each named "
        "above, with what to do): what they hold was not imported, and is not counted among "
        "the records skipped."
        if report.unread_files
        else ""
    )
    # an X archive's long post whose post is not in it: told below with the notes
    unmatched = (
        f"\nLong posts matched to no post: [bold]{report.unmatched_notes:,}[/] (note-tweet.js, "
        "told below): their whole text was not imported."
        if report.unmatched_notes
        else ""
    )
    console.print(
        f"Imported [bold]{count_of(report.posts, 'post')}[/] ({report.new_posts:,} new{edited}), "
        f"[bold]{count_of(report.accounts, 'account')}[/] ({report.new_accounts:,} new{updated})"
        f"{follows}. Skipped [bold]{count_of(report.skipped, 'record')}[/]"
        # a skipped record is unreadable or clashes with stored data: each is named above
        f"{_where_named(report.skipped, every_one, report.problems)}.{removed}"
        # a mistyped --db makes a new store (and folders) rather than fail: say where it went
        + (
            f" Saved in {'a new store, ' if new_store else ''}{escape(str(store_file))}."
            + (say_near_store(store_file, "import again") if new_store else "")
            if saved
            else f" Nothing to save: no store was made at {escape(str(store_file))}."
        )
        + f"{missing}{unread}{unmatched}"
        + "".join(f"\n[yellow]note[/] {escape(str(notice))}" for notice in report.notices),
        highlight=False,
        soft_wrap=True,
    )
    if report.every_post_skipped:  # accounts may have come in, but none of what was meant
        err_console.print(
            "[red]No post was imported:[/] "
            + (
                "the one post read was skipped"
                if report.posts_read == 1
                else f"every one of the {report.posts_read:,} posts read was skipped"
            )
            + " (see why above)",
            highlight=False,
            soft_wrap=True,
        )


def _where_named(skipped: int, every_one: bool, problems: Sequence[Problem]) -> str:
    if not skipped:
        return ""
    if every_one:
        told = sum(1 for problem in problems if problem.records and not left_out(problem))
        if told < skipped:
            # one message stands for a whole file's records (an archive's tweet.js without
            # its account.js: 70 posts): "each named above" promised 70 lines
            return f" (named above in {count_of(told, 'message')}, with the file)"
        # a record of a binary file (a Bluesky repo.car) is named by its key, not a line
        lined = all(p.line is not None for p in problems if p.records and not left_out(p))
        return f" (each named above with its file and {'line' if lined else 'place in it'})"
    return f" (the first {MAX_PROBLEMS_SHOWN} problems named above; use --json to see all)"


def import_command(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders or archives to import.")],
    db: DbOption = None,
    as_json: JsonOption = False,
    remove_deleted: Annotated[
        bool,
        typer.Option(
            "--remove-deleted",
            help="Remove the stored posts of an account that its whole export (an X or "
            "Mastodon archive, a Bluesky repo.car) no longer holds: deleted on the platform. "
            "Refused when the export is partial (a record skipped, a file missing).",
        ),
    ] = False,
    date_order: DateOrderOption = None,
) -> None:
    """Import posts and accounts; the format of each file is detected."""
    # "--json true" is refused before this runs, for every command taking paths (cli/app.py)
    order = date_order_from(date_order)  # refused before the store is opened
    store_file = _store_file(db)
    new_store = not store_file.exists()
    discarded = False
    # the bar on a terminal's stderr with --json too: a big import takes minutes
    try:
        with (
            open_store(db) as store,
            make_import_progress(err_console) as progress,
        ):
            bar = ImportBar(progress)  # in bytes: the sizes are known, the records are not
            report = import_paths(
                store,
                paths,
                progress=bar,
                planned=bar.planned,
                remove_deleted=remove_deleted,
                date_order=order,
            )
            busiest = _busiest_account(store) if new_store and report.new_posts else None
    finally:
        # a refused file or a file of nothing leaves no empty store behind: the next command
        # says "no store at", not "no accounts", and a mistyped --db leaves no stray file
        if new_store:
            discarded = discard_store_if_empty(store_file)
    if as_json:
        # where it went, as the terminal says it: a new store, maybe beside the one meant
        made = new_store and not discarded
        near = find_mistyped_stores(store_file) if made else []
        where = {"path": str(store_file), "new": made, "near": [str(path) for path in near]}
        print_json({**report.as_dict(), "store": where})
    else:
        _print_import_report(report, store_file, new_store, saved=not discarded)
        if new_store and not discarded and report.new_posts:
            console.print(_first_steps(busiest, db), highlight=False, soft_wrap=True)
    # nothing could be imported: every record (or every post) skipped, or the files read held
    # none (README: exit 1); a file refused unread (no known format) exits 65 from the error
    if report.nothing_imported:
        raise typer.Exit(1)


def _busiest_account(store: Store) -> str | None:
    """The stored account with the most posts of its own, written as audit takes it: its
    handle quoted for the shell, with ``--platform`` where the handle is on several platforms
    (``audit @acme`` alone was refused: "'acme' exists on several platforms")."""
    top = next(iter(store.list_accounts(limit=1)), None)
    if top is None or not top.posts or not top.account.handle:
        return None
    handle = f"@{top.account.handle}"
    try:
        store.find_account(handle)
    except AmbiguousAccountError:
        return f"{shlex.quote(handle)} --platform {top.account.platform}"
    except StaffpulseError:
        return None  # a handle audit cannot find again: better no command than a wrong one
    return shlex.quote(handle)


def _first_steps(busiest: str | None, db: Path | None) -> str:
    """What to type after the first import into a new store: the summary alone left a new
    user at a prompt, with the next commands only in the README."""
    from staffpulse.cli.program import command_name, db_option  # as the user can run it

    program = escape(command_name())
    on = escape(db_option(db))
    grade = (
        f"; {program} audit {escape(busiest)}{on} grades the account with the most posts"
        if busiest
        else ""
    )
    return f"Next: {program} accounts{on} lists the accounts it holds{grade}."


def register(app: typer.Typer) -> None:
    # the formats are listed in the help: errors point there, not to docs a pip install lacks
    app.command("import", epilog=describe_formats())(import_command)
