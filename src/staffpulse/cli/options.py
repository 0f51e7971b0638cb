"""Options shared by many commands, so they read the same everywhere."""

from __future__ import annotations

import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from typer._click.globals import get_current_context

from staffpulse.errors import InputError


def resolve_db(ctx: typer.Context, param: typer.CallbackParam, value: Path | None) -> Path | None:
    """The store a command works on: its own ``--db``, else the ``--db`` given before the
    command (``staffpulse --db FILE stats``, ``staffpulse inbox --db FILE dismiss ID``), else ``STAFFPULSE_DB``, else None (the default
    store). The root's ``--db`` travels in the context, not in the environment, so one run
    leaves nothing behind for the next (tests run many in one process)."""
    chosen = _given_db(ctx, param, value)
    root = ctx.find_root().obj
    if chosen is not None and isinstance(root, dict):
        root["db_used"] = chosen  # for the commands hints and notes suggest (typed_db)
    return chosen if chosen is not None else value  # else from STAFFPULSE_DB, or None


def typed_db() -> Path | None:
    """The --db typed for the command running now (:func:`resolve_db`), for what it prints
    to name that store in the commands it suggests; None when none was typed (the default
    store, or STAFFPULSE_DB, which the suggested commands read as well) or no command runs."""
    ctx = get_current_context(silent=True)
    root = ctx.find_root().obj if ctx is not None else None
    typed = root.get("db_used") if isinstance(root, dict) else None
    return Path(typed) if typed else None


def refuse_empty_db(typed: Sequence[str]) -> None:
    """``--db ""`` anywhere in ``typed`` (the words after staffpulse), as a script writes
    ``--db "$CLIENT_DB"`` with the variable unset: refused before the command runs. Before the
    command it read as no --db, which put a client's posts into the default store without a
    word; after it, as the current folder ("cannot open the store at .: it is a folder")."""
    for at, word in enumerate(typed):
        if word.startswith("--db="):
            value: str | None = word.removeprefix("--db=")
        else:
            value = typed[at + 1] if word == "--db" and at + 1 < len(typed) else None
        if value is not None and not value.strip():
            raise InputError(
                "--db is empty",
                hint="give the store's file (e.g. --db client.db), or leave out --db to use"
                " your default store",
            )


def given_on_command_line(ctx: Any, name: str | None) -> bool:
    """Whether the option ``name`` of ``ctx``'s command (a Typer or Click context: a group's
    parent is the latter) was typed, not a default nor an environment variable's."""
    source = ctx.get_parameter_source(name or "")
    return source is not None and source.name == "COMMANDLINE"


def _given_db(ctx: typer.Context, param: typer.CallbackParam, value: Path | None) -> Path | None:
    """The ``--db`` typed on the command line, wherever it was typed, or None."""
    if given_on_command_line(ctx, param.name or "db"):
        return value
    # given to a group before its command (``inbox --db FILE dismiss ID``): that group read
    # it, and the command wrote to the default store
    group = ctx.parent
    while group is not None and group.parent is not None:
        if given_on_command_line(group, "db"):
            return typing.cast(Path | None, group.params.get("db"))
        group = group.parent
    root = ctx.find_root().obj
    given_first = root.get("db") if isinstance(root, dict) else None
    return Path(given_first) if given_first else None


def check_port_number(port: int) -> None:
    """``--port 99999`` refused before any work (serve's and the demo's): ``demo --serve``
    built the whole demo first, then stopped on the server's OverflowError, said as a bug
    (exit 70)."""
    if not 1 <= port <= 65535:
        raise InputError(f"--port {port} is not a port number", hint="use e.g. --port 8000")


DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        envvar="STAFFPULSE_DB",
        callback=resolve_db,
        help="SQLite store to use (default: staffpulse.db in your user data folder).",
        show_default=False,
    ),
]
# What every --platform accepts (models.platform_choice): the spellings cohort files and
# imports accept too, so "twitter" works wherever "x" does; csv is what rows from a CSV
# without a platform column are filed under. add-handles fetches, so csv means nothing there.
PLATFORM_HELP = "x (or twitter), bluesky (or bsky), mastodon or csv"
FETCH_PLATFORM_HELP = "x (or twitter), bluesky (or bsky) or mastodon"
# --platform of a command about one account, needed only when its handle is on several
AccountPlatformOption = Annotated[
    str | None,
    typer.Option("--platform", help=f"{PLATFORM_HELP} (when the handle is on several)."),
]
# --platform of a command that lists or counts: keeps that platform's only
OnlyPlatformOption = Annotated[
    str | None, typer.Option("--platform", help=f"Only this platform: {PLATFORM_HELP}.")
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print JSON for scripts instead of tables.")
]
DateOrderOption = Annotated[
    str | None,
    typer.Option(
        "--date-order",
        help="How a CSV's dates with the year last are written: dmy (day first, "
        "27/11/2026) or mdy (month first, 11/27/2026). Needed only when no date of the "
        "column has a day above 12 to show it.",
        show_default=False,
    ),
]


def cohort_file_help(default: str) -> str:
    """A cohort file's help in the words ``benchmark COHORT`` uses, wherever one is taken
    (``serve --cohort`` said "Cohort CSV" though plain lists of handles are read too);
    ``default``: what is ranked without one."""
    from staffpulse.benchmark.segments import name_segments  # only when the help is built

    return (
        "CSV or text file of the accounts to rank, one a line, with the columns "
        "handle,platform,segment (the header line is optional; commas, semicolons or tabs "
        "between cells). Only handle is needed: a plain list of handles or profile URLs "
        f"works too. segment: {name_segments()}. Default: {default}"
    )
