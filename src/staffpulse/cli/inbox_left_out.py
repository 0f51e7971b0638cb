"""``staffpulse inbox --left-out [REASON]``: the conversations the inbox left out, instead of
the open ones (:mod:`staffpulse.listen.inbox_left_out`)."""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer._click.exceptions import UsageError
from typer.core import TyperGroup

from staffpulse.cli.consoles import make_console
from staffpulse.cli.json_output import print_json
from staffpulse.cli.program import command_name
from staffpulse.listen.left_out import REASONS

if TYPE_CHECKING:
    from staffpulse.listen.inbox_model import Inbox

LeftOutOption = Annotated[
    str | None,
    typer.Option(
        "--left-out",
        metavar="[REASON]",
        help="List the conversations left out as not to join (job ads, jokes...), with why,"
        f" instead of the open ones (at most --limit); or only those of one reason:"
        f" {', '.join(REASONS)}.",
        show_default=False,
    ),
]


class InboxGroup(TyperGroup):
    """The ``inbox`` group, whose ``--left-out`` takes a reason or nothing: Typer has no
    option of an optional value, so a bare ``--left-out`` (last, or before another option)
    is read as ``--left-out all``."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        refuse_command_as_reason(ctx, args, sorted(self.commands))
        return super().parse_args(ctx, with_left_out_value(args))


def refuse_command_as_reason(ctx: Any, args: list[str], commands: list[str]) -> None:
    """``inbox --left-out dismiss 12``: the list's own closing line names ``dismiss ID``, and
    a user typed it after ``--left-out``, which read "dismiss" as its reason and "12" as a
    command ("No such command '12'"). Said as what it is, with the command to type: the same
    line without ``--left-out`` (a mark works on a left-out conversation as on an open one)."""
    for n, arg in enumerate(args):
        if arg == "--":
            return
        if arg.startswith("--left-out="):  # the word in the option itself
            word, after = arg.split("=", 1)[1], args[n + 1 :]
        elif arg == "--left-out" and n + 1 < len(args):
            word, after = args[n + 1], args[n + 2 :]
        else:
            continue
        if word not in commands:
            continue
        if not after or after[0].startswith("-"):  # "--left-out dismiss" and no id
            after = ["ID", *after]
        # "inbox --limit 5 dismiss 12" is refused too (inbox_marks.refuse_inbox_only_options):
        # the line offered leaves out the options of the listing, and says so
        before, dropped = split_listing_options(ctx, args[:n])
        rest = [*before, word, *after]
        root = ctx.find_root().params.get("db")
        start = command_name() + (f" --db {shlex.quote(root)}" if root else "")
        typed = shlex.join(rest)
        from staffpulse.report.counts import join_and

        left = join_and(["--left-out", *dropped])
        which = " (they set what the inbox lists)" if dropped else ""
        raise UsageError(
            f"'{word}' is a command of staffpulse inbox, not a reason for --left-out; to run"
            f" it, leave out {left}{which}: {start} {ctx.info_name} {typed}",
            ctx=ctx,
        )


def split_listing_options(ctx: Any, args: list[str]) -> tuple[list[str], list[str]]:
    """``args`` (given to ``staffpulse inbox`` before a mark command) without the options
    that only set the listing, which a mark command refuses, and the names of those left out
    (a mark keeps the :data:`~staffpulse.cli.inbox_marks.CARRIED_INBOX_OPTIONS`)."""
    from staffpulse.cli.inbox_marks import CARRIED_INBOX_OPTIONS

    by_name = {opt: param for param in ctx.command.params for opt in getattr(param, "opts", [])}
    kept: list[str] = []
    dropped: list[str] = []
    words = iter(args)
    for arg in words:
        name = arg.split("=", 1)[0]
        param = by_name.get(name) if arg.startswith("-") else None
        if param is None or param.name in CARRIED_INBOX_OPTIONS:
            kept.append(arg)
            continue
        dropped.append(name)
        if "=" not in arg and not (param.is_flag or param.count):
            next(words, None)  # its value
    return kept, dropped


def with_left_out_value(args: list[str]) -> list[str]:
    """``args`` with ``all`` after each bare ``--left-out`` (before ``--``)."""
    if "--left-out" not in args:
        return args
    from staffpulse.listen.inbox_left_out import ALL_REASONS

    out: list[str] = []
    for n, arg in enumerate(args):
        out.append(arg)
        if arg == "--":
            return out + args[n + 1 :]
        if arg == "--left-out" and (n + 1 == len(args) or args[n + 1].startswith("-")):
            out.append(ALL_REASONS)
    return out


def check_left_out(left_out: str | None) -> str | None:
    """The reason ``--left-out`` names (None: every one, or no --left-out), checked before
    the store is read. Beside ``--html`` the page is written with its list of them open."""
    if left_out is None:
        return None
    from staffpulse.listen.inbox_left_out import check_reason

    return check_reason(left_out)


def show_left_out(
    inbox: Inbox, reason: str | None, limit: int, as_json: bool, command: str
) -> None:
    """The first ``limit`` conversations left out as ``reason`` (None: any), as a list in
    JSON or one a line in the terminal."""
    from staffpulse.listen.inbox_left_out import list_left_out
    from staffpulse.report.terminal_left_out import render_left_out

    chosen = list_left_out(inbox.left_out_items, reason)
    if as_json:
        print_json([item.as_dict() for item in chosen[:limit]])
        return
    render_left_out(
        make_console(), chosen, limit, reason, command=command, never_work=inbox.never_work
    )
