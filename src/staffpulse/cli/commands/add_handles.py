"""``add-handles``: the handles people send in, fetched and tagged when possible, else kept
for later (the library is :mod:`staffpulse.connect.handles`)."""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

from staffpulse.cli.consoles import make_console, make_count_progress
from staffpulse.cli.json_output import print_json
from staffpulse.cli.new_store import open_store_saying_new
from staffpulse.cli.options import FETCH_PLATFORM_HELP, DbOption, JsonOption
from staffpulse.cli.problems import print_problem, print_problems
from staffpulse.cli.program import command_name, db_option, on_store
from staffpulse.connect.handles import (
    AddReport,
    HandleEntry,
    HandleOutcome,
    HandlesRun,
    PendingHandle,
    add_and_fetch_handles,
    list_handles,
    merge_pending,
    read_handle_files,
)
from staffpulse.errors import FetchError, InputError, MissingFileError
from staffpulse.models import platform_label, platform_name
from staffpulse.near_names import offer_near_store
from staffpulse.report.counts import count_of
from staffpulse.store import Store, open_store

console = make_console()
err_console = make_console(stderr=True)


def add_handles_command(
    files: Annotated[
        list[Path] | None, typer.Argument(help="Files with one handle a line.", show_default=False)
    ] = None,
    platform: Annotated[
        str | None,
        typer.Option("--platform", help=f"{FETCH_PLATFORM_HELP} (default: guessed per line)."),
    ] = None,
    show_list: Annotated[bool, typer.Option("--list", help="Show the pending handles.")] = False,
    retry: Annotated[bool, typer.Option("--retry", help="Try the pending handles again.")] = False,
    no_fetch: Annotated[bool, typer.Option("--no-fetch", help="Store only; fetch later.")] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Add the handles people sent you: fetched and tagged when possible, else kept for later."""
    if not files and not show_list and not retry:
        # "see --help" sent a busy user elsewhere for what fits on one line
        raise InputError(
            "give a handles FILE, or --list, or --retry",
            hint=f"e.g. {command_name()} add-handles handles.txt{db_option(db)} (one handle a "
            "line, as people sent them: @acme, acme.bsky.social, @acme@mastodon.social); "
            "--list shows the handles kept for later, --retry fetches them again",
        )
    if retry and no_fetch:
        raise InputError(
            "--retry fetches the pending handles again, and --no-fetch says not to fetch",
            hint="leave out one of them: --retry to fetch now, --no-fetch to only store a FILE",
        )
    read = read_handle_files(files or [], platform, on_note=_print_note)
    print_problems(err_console, read.problems, see_all="use --json to see all")
    if files and read.is_empty and not (show_list or retry):
        names = ", ".join(str(p) for p in files)
        raise InputError(
            f"{names}: no handle in it",
            hint="one handle a line: @name, name.bsky.social, @user@instance or a profile URL",
        )
    # only new handles make a store: --list and --retry read one, as stats does, and on a
    # mistyped --db they said "no pending handles" of an empty store they had just made
    with _open_handles_store(db, create=bool(files)) as store:
        entries = merge_pending(store, read.entries) if retry else read.entries
        with make_count_progress(err_console, disable=not entries) as bar:
            shown = _HandleProgress(bar, len(entries), tell_fetches=not as_json)
            report = add_and_fetch_handles(
                store,
                entries,
                fetch=not no_fetch,
                progress=shown.progress,
                on_outcome=shown.outcome,
            )
        pending = list_handles(store, "pending") if show_list else None
    run = HandlesRun(read, report, pending)
    if as_json:
        print_json(run.as_dict())
    else:
        # the commands to type next name the store given: alone, they read the default one
        again = on_store(db, "add-handles")
        _print_handles_run(run, again, retried=retry)
        if no_fetch:
            _print_stored_for_later(report, again)
    if files and read.problems and not entries:
        raise typer.Exit(1)
    if _no_service_answered(report):
        # a failed fetch's code (75), as refresh exits when no server answered: a weekly
        # script's retry while offline did nothing, and exit 0 told it all went well (the
        # handles stay pending)
        raise typer.Exit(FetchError.exit_code)


def _no_service_answered(report: AddReport) -> bool:
    """Whether a service could not be reached and none answered a fetch of this run."""
    answered = any(o.tried and o.unreachable is None for o in report.outcomes)
    return bool(report.unreachable) and not answered


def _open_handles_store(db: Path | None, *, create: bool) -> AbstractContextManager[Store]:
    """The store; for --list and --retry on a --db (or STAFFPULSE_DB) with no store, a hint
    that this command fills it: "staffpulse import FILE --db typo.db" told a user with handles
    to list to import posts."""
    if create:  # a new store at a mistyped --db is said, with the store of a near name
        return open_store_saying_new(db, err_console)
    try:
        return open_store(db, create=False)
    except MissingFileError as exc:
        if db is None:
            raise
        raise MissingFileError(  # db_option quotes a path with a space: one argument
            exc.message,
            hint=f"{offer_near_store(db)}check the --db path (or STAFFPULSE_DB), or add handles"
            f" to it first: {command_name()} add-handles FILE{db_option(db)}",
        ) from None


class _HandleProgress:
    """A task on a transient ``bar`` while handles are added, and one lasting line per fetch
    tried: fetches are what take time, and the bar alone leaves nothing behind (nor anything
    when not on a terminal). Each unreachable service is told once."""

    def __init__(self, bar: Progress, total: int, *, tell_fetches: bool) -> None:
        self.bar = bar
        self.task = bar.add_task("Handles", total=total)
        self.tell_fetches = tell_fetches
        self.announced: set[int] = set()

    def progress(self, done: int, entry: HandleEntry) -> None:
        description = escape(f"{entry.platform} {entry.handle}")
        self.bar.update(self.task, completed=done, description=description)

    def outcome(self, outcome: HandleOutcome) -> None:
        h = outcome.handle
        if outcome.tried and self.tell_fetches:
            why = f": {h.message}" if h.status == "pending" and h.message else ""
            style = "green" if h.status == "fetched" else "yellow"
            err_console.print(
                f"[{style}]{h.status}[/] {escape(f'{h.platform} {h.handle}{why}')}",
                highlight=False,
                soft_wrap=True,
            )
        gone = outcome.unreachable
        if gone is not None and id(gone) not in self.announced:
            self.announced.add(id(gone))
            err_console.print(
                f"[bold yellow]{escape(gone.notice)}[/]", highlight=False, soft_wrap=True
            )


def _print_handles_run(run: HandlesRun, again: str, *, retried: bool = False) -> None:
    """The run summed up in a line, what waits for a token or a service, and the pending
    handles when asked for; ``again`` is the add-handles command on this store."""
    report, problems = run.report, run.read.problems
    if report.outcomes:
        console.print(_handles_summary(run), highlight=False, soft_wrap=True)
    elif retried and not problems:  # else the run ends without a word
        console.print("Nothing to retry: no handle is pending.", highlight=False)
    elif problems:  # every line skipped: still one line that sums it up (exit 1 after)
        err_console.print(
            f"[red]No handle added:[/] every line was skipped "
            f"({count_of(len(problems), 'bad line')}, named above).",
            highlight=False,
            soft_wrap=True,
        )
    # as fetch prints them: a Mastodon account that moved has its new posts elsewhere
    for note in report.notes:
        err_console.print(f"[yellow]{escape(note)}[/]", highlight=False, soft_wrap=True)
    _print_waiting_for_credentials(report.waiting_for_credentials)
    _print_not_tried(report, again)
    if run.pending is not None:
        _print_pending(run.pending)


def _handles_summary(run: HandlesRun) -> str:
    """``Handles: 2 added (2 pending); 1 already on the list (1 known). Skipped 1 bad line.``"""
    report, read = run.report, run.read
    parts = [
        f"{len(report.added):,} added{_by_status(report.added)}",
        f"{len(report.already_listed):,} already on the list{_by_status(report.already_listed)}",
    ]
    extra = []
    if read.problems:
        extra.append(f"skipped {count_of(len(read.problems), 'bad line')}")
    if read.duplicates:
        extra.append(f"merged {count_of(read.duplicates, 'duplicate')}")
    tail = (" " + ", ".join(extra).capitalize() + ".") if extra else ""
    return f"Handles: {'; '.join(parts)}.{tail}"


def _print_stored_for_later(report: AddReport, again: str) -> None:
    """What to type next after ``--no-fetch``: the run stored the handles and fetched none,
    and "2 pending" alone left people wondering whether anything would fetch them."""
    waiting = sum(1 for o in report.outcomes if o.handle.status == "pending")
    them = "it" if waiting == 1 else "them"
    if waiting:
        console.print(
            f"Not fetched (--no-fetch): {count_of(waiting, 'handle')}. Run {escape(again)} "
            f"--retry to fetch {them}; {escape(again)} --list shows {them}.",
            highlight=False,
            soft_wrap=True,
        )


def _print_not_tried(report: AddReport, again: str) -> None:
    """The handles whose service could not be reached, by service, and how to try again."""
    not_tried = [u for u in report.unreachable if u.skipped]
    if not not_tried:
        return
    where = ", ".join(f"{u.label}: {u.skipped:,}" for u in not_tried)
    console.print(
        f"Not tried: {count_of(sum(u.skipped for u in not_tried), 'handle')} whose service "
        f"could not be reached ({escape(where)}). Run {escape(again)} --retry once back online.",
        highlight=False,
        soft_wrap=True,
    )


def _print_pending(pending: list[PendingHandle]) -> None:
    if not pending:  # an empty table reads as a display fault
        console.print("No pending handles.", highlight=False)
        return
    table = Table(title=f"Pending handles ({len(pending)})", title_justify="left")
    for column in ("platform", "handle", "from", "why pending"):
        # a handle or file name too long for its column goes on over lines, not cut with "…"
        table.add_column(column, overflow="fold" if column in ("handle", "from") else "ellipsis")
    for h in pending:
        source = _short_source(h.source or "")
        cells = (platform_label(h.platform), h.handle, source, h.message)  # "X", not "x"
        table.add_row(*(escape(cell or "") for cell in cells))
    console.print(table)


# the longest "from" shown whole; a longer one keeps its file name and line, not its folders
_WHOLE_SOURCE = 32


def _short_source(source: str) -> str:
    """``…/follows.json:75`` for ``/home/me/exports/bluesky/follows.json:75``: the table cut
    the end of a long path, so every row read ``/work/shared/data/…`` and the file was lost
    (``--json`` keeps the whole path)."""
    cut = max(source.rfind("/"), source.rfind("\\"))  # a Windows path's folders too
    if len(source) <= _WHOLE_SOURCE or cut <= 0:
        return source
    return f"…{source[cut]}{source[cut + 1 :]}"


def _print_waiting_for_credentials(waiting: list[HandleOutcome]) -> None:
    """``2 X handles wait for X credentials: set X_BEARER_TOKEN ..., then run ...``."""
    by_platform: dict[str, list[HandleOutcome]] = {}
    for outcome in waiting:
        by_platform.setdefault(outcome.handle.platform, []).append(outcome)
    for platform, outcomes in by_platform.items():
        name = platform_name(platform)
        verb = "waits" if len(outcomes) == 1 else "wait"
        hint = outcomes[0].missing_credentials.hint if outcomes[0].missing_credentials else None
        console.print(
            f"{escape(count_of(len(outcomes), f'{name} handle'))} {verb} for {escape(name)} "
            f"credentials" + (f": {escape(hint)}" if hint else "."),
            highlight=False,
            soft_wrap=True,
        )


def _by_status(handles: list[PendingHandle]) -> str:
    """`` (2 known, 1 pending)``, or nothing for no handles."""
    counts: dict[str, int] = {}
    for h in handles:
        counts[h.status] = counts.get(h.status, 0) + 1
    inner = ", ".join(f"{n:,} {escape(status)}" for status, n in sorted(counts.items()))
    return f" ({inner})" if inner else ""


def _print_note(note: str) -> None:
    print_problem(err_console, note, label="note:")


def register(app: typer.Typer) -> None:
    app.command("add-handles")(add_handles_command)
