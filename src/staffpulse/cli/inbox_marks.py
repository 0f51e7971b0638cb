"""``inbox mark-joined``, ``dismiss``, ``snooze`` and ``reopen``: what the firm did with a
conversation of the inbox, kept per firm (:mod:`staffpulse.listen.states`)."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Annotated, TypeVar, cast

import typer
from rich.markup import escape
from typer._click.exceptions import UsageError
from typer._click.globals import get_current_context

from staffpulse.account_refs import refuse_blank_account
from staffpulse.cli.consoles import make_console
from staffpulse.cli.json_output import print_json
from staffpulse.cli.options import PLATFORM_HELP, DbOption, JsonOption, given_on_command_line
from staffpulse.cli.program import on_store
from staffpulse.config_firm import find_firm
from staffpulse.errors import NoSuchAccountError
from staffpulse.models import platform_choice, platform_label
from staffpulse.store import open_store

console = make_console()
err_console = make_console(stderr=True)
T = TypeVar("T")


def print_note(note: str) -> None:
    """A note on stderr (``note`` in yellow), for the listen and inbox commands."""
    err_console.print(f"[yellow]note[/] {escape(note)}", highlight=False, soft_wrap=True)


ConversationArg = Annotated[
    str,
    typer.Argument(
        help="Conversation id (shown after 'id:' by inbox), or the post link inbox shows."
    ),
]
PlatformOption = Annotated[
    str | None, typer.Option(help=f"Platform, when the id is ambiguous: {PLATFORM_HELP}.")
]


FirmOption = Annotated[
    str | None,
    typer.Option(
        "--as",
        help="The firm this mark is for, as inbox --as names it (default: the firm saved for "
        "this store in the dashboard's Settings; none: a mark of no particular firm, counted "
        "by no audit).",
        show_default=False,
    ),
]


def check_firm_given(as_handle: str | None) -> None:
    """``--as ""`` (an empty shell variable in a script) is refused, as ``audit ''`` is: it
    read as no --as at all, the store's saved firm or no firm, without a word."""
    if as_handle is not None:
        refuse_blank_account(
            as_handle,
            "--as names your firm",
            hint="give your firm's @handle or profile URL, or leave out --as (then the firm saved"
            " for this store in the dashboard's Settings is used, if any)",
        )


# The options of ``staffpulse inbox`` that mean the same for its mark commands, by their
# Python names: "inbox --as acme dismiss ID" marks it for acme, as "inbox dismiss ID --as
# acme" does (the hints of "inbox --as acme" read so); the rest say how to show the inbox
CARRIED_INBOX_OPTIONS = ("as_handle", "platform", "db", "as_json")


def refuse_inbox_only_options(ctx: typer.Context) -> None:
    """``inbox --limit 5 dismiss ID``: an option of the inbox's own listing, given before a
    mark command, is refused, not dropped without a word (the mark commands take the
    :data:`CARRIED_INBOX_OPTIONS`, :func:`given_to_inbox`)."""
    for param in ctx.command.get_params(ctx):
        if param.name in CARRIED_INBOX_OPTIONS or not given_on_command_line(ctx, param.name):
            continue
        shown = param.opts[0] if param.opts else param.name
        raise UsageError(
            f"{shown} sets what 'staffpulse inbox' lists, not 'inbox {ctx.invoked_subcommand}':"
            f" leave it out (the mark commands take --as, --platform, --db and --json)",
            ctx=ctx,
        )


def given_to_inbox(name: str, value: T) -> T:
    """``value`` of the mark command's option ``name``, or, when the command line left it
    out there, the value given to ``staffpulse inbox`` before the command (``inbox --as acme
    dismiss ID``), which was read and then dropped: the mark went to no firm."""
    ctx = get_current_context(silent=True)
    parent = None if ctx is None else ctx.parent
    if ctx is None or parent is None or given_on_command_line(ctx, name):
        return value
    if given_on_command_line(parent, name):
        return cast(T, parent.params[name])
    return value


def _set(
    conversation_id: str,
    state: str | None,
    platform: str | None,
    as_handle: str | None,
    db: Path | None,
    as_json: bool,
    until: datetime | None = None,
) -> None:
    from staffpulse.listen.firm import FirmStatus
    from staffpulse.listen.schema import conversation_marks
    from staffpulse.listen.states import current_mark, describe_firm, firm_key, set_state
    from staffpulse.store.codec import format_time

    as_handle = given_to_inbox("as_handle", as_handle)
    platform = given_to_inbox("platform", platform)
    as_json = given_to_inbox("as_json", as_json)
    check_firm_given(as_handle)
    with open_store(db, create=False) as store:
        # the firm as inbox --as reads it (a profile URL names its handle); one not stored
        # still gets the mark, and the note below says so. Without --as, the store's own firm:
        # config.toml's [listen] account for another client's store filed marks under it
        named = find_firm(store, as_handle).firm
        if named is not None and named.status is FirmStatus.INVALID and named.error is not None:
            raise named.error
        # a typo of a stored handle ("did you mean @acme (x)?") is refused, as connect does,
        # before a mark is filed under an account that does not exist
        typo = named.error if named is not None and as_handle is not None else None
        if isinstance(typo, NoSuchAccountError) and typo.close:
            raise typo
        handle = None if named is None else named.handle
        before = current_mark(store, conversation_id, platform_choice(platform), handle)
        # a firm's reopen undoes the mark of no firm too (listen.states.set_state), so the
        # conversation opens in every inbox, not in the firm's alone
        unmarked_for_all = (
            state is None
            and handle is not None
            and current_mark(store, conversation_id, platform_choice(platform)) is not None
        )
        plat, conv = set_state(
            store, conversation_id, state, platform_choice(platform), handle, until=until
        )
        firm, stored = describe_firm(store, handle)
        # a reopen with nothing to undo, while another firm's mark still hides it from that
        # firm's inbox: said, or "nothing to undo" reads as if it were open everywhere
        others = (
            {
                other: mark
                for other, mark in conversation_marks(store, plat, conv).items()
                if other and other != firm_key(store, handle)
            }
            if state is None and before is None
            else {}
        )
    if as_json:
        # named as inbox --json names them: its items' platform, conversation_id and state,
        # its account (the handle as --as names it) and account_found for the firm
        print_json(
            {"platform": plat, "conversation_id": conv, "state": state or "open"}
            | {"previous_state": before or "open", "account": handle if firm else None}
            | {"account_found": None if firm is None else stored}
            | ({"until": format_time(until)} if state == "snoozed" else {})
            | ({"other_firms": others} if others else {})
        )
    else:
        # the reopen commands to copy name this store and the firm: "staffpulse inbox reopen
        # ID" alone looked in the default store, and undid no firm's mark
        reopen = on_store(db, f"inbox reopen {shlex.quote(conv)}")
        if platform is not None:
            reopen += f" --platform {plat}"
        firm_given = "" if firm is None else f" --as {shlex.quote(firm)}"
        conversation = f"{platform_label(plat)} conversation {conv}"
        _print_mark(
            conversation,
            state,
            before,
            firm,
            until,
            reopen + firm_given,
            everywhere=unmarked_for_all,
            left_out=on_store(db, "inbox --left-out"),
        )
        _print_other_firms(reopen, others)
    if firm is not None and not stored:
        print_note(
            f"no account @{firm} in the store: check the handle (the mark is kept for @{firm})"
        )


def _print_mark(
    conversation: str,
    state: str | None,
    before: str | None,
    firm: str | None,
    until: datetime | None = None,
    reopen: str = "staffpulse inbox reopen ID",
    *,
    everywhere: bool = False,
    left_out: str = "staffpulse inbox --left-out",
) -> None:
    """What the mark did, in a sentence a marketer reads ("Dismissed the X conversation 600.
    It is hidden from every inbox; ..."), not "x conversation 600: dismissed (no firm named:
    applies to every inbox ...; counted by no audit)". ``reopen`` undoes the mark;
    ``left_out`` lists the posts the inbox leaves out, where a reopened job ad goes back."""
    from staffpulse.dates import format_when

    mine = "" if firm is None else f" for @{firm}"
    if state is None and before is None:
        said = f"The {conversation} had no mark{mine}: nothing to undo."
    else:
        when = "" if until is None else f" until {format_when(until)}"
        done = {"dismissed": "Dismissed the", "joined": "Marked the", "snoozed": "Snoozed the"}
        after = " as joined" if state == "joined" else ""
        said = f"{done.get(state or '', 'Reopened the')} {conversation}{after}{mine}{when}."
        said += " " + _where_it_shows(state, None if everywhere else firm, left_out)
        if state is None:
            # the mark alone is undone: a job ad or a joke is still left out for what it says
            # (the dashboard's notice says as much), so "open again" would send the user to
            # look for it among the conversations to join
            said += (
                " If it is of a kind the inbox leaves out (a job ad, a joke), it goes back among"
                f" the posts left out, not the conversations to join: {left_out} lists them."
            )
    console.print(escape(said), highlight=False, soft_wrap=True)
    if until is not None:
        console.print(
            "It comes back to the inbox then, or sooner if someone posts in it; "
            f"{escape(reopen)} brings it back now.",
            highlight=False,
            soft_wrap=True,
        )


def _where_it_shows(
    state: str | None, firm: str | None, left_out: str = "staffpulse inbox --left-out"
) -> str:
    """Which inboxes the mark changes: the firm's alone, or every one (a mark of no firm,
    which no audit credits to an account). A dismissed post the inbox left out (a job ad)
    was in no inbox: it leaves the list of posts left out (``left_out`` lists them), so that
    is said too, not "hidden from every inbox" alone (which one is, is not judged here: it
    takes the whole inbox's models)."""
    if firm is not None:
        counted = ", and its audit counts it as joined" if state == "joined" else ""
        return f"Only @{firm}'s inbox changes{counted}."
    if state is None:
        return "It is open in every inbox again, except where a firm marked it with --as."
    if state == "joined":
        return (
            "It shows as joined in every inbox; add --as YOURHANDLE to mark it for that account"
            " only, so that its audit counts it."
        )
    if state == "dismissed":
        return (
            "It is hidden from every inbox, and if the inbox left it out (a job ad, a joke),"
            f" from the posts left out that {left_out} lists; add --as YOURHANDLE to hide it"
            " only for that account."
        )
    return "It is hidden from every inbox; add --as YOURHANDLE to hide it only for that account."


def _print_other_firms(reopen: str, others: dict[str, str]) -> None:
    """``@harborline dismissed it: staffpulse inbox reopen ID --as harborline reopens it
    there.``, for each firm whose own mark still holds; ``reopen`` is the command without
    its --as."""
    for other, mark in sorted(others.items()):
        did = {"joined": "marked it joined", "snoozed": "snoozed it"}.get(mark, f"{mark} it")
        console.print(
            escape(f"@{other} {did}: {reopen} --as {shlex.quote(other)} reopens it for that firm."),
            highlight=False,
            soft_wrap=True,
        )


def _mark_command(state: str | None, summary: str) -> Callable[..., None]:
    """The command that sets a conversation's mark to ``state`` (None: reopen it), with
    ``summary`` for its help: mark-joined, dismiss and reopen differ in nothing else."""

    def command(
        conversation_id: ConversationArg,
        platform: PlatformOption = None,
        as_handle: FirmOption = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        _set(conversation_id, state, platform, as_handle, db, as_json)

    command.__doc__ = summary
    return command


mark_joined = _mark_command(
    "joined", "Mark a conversation as joined by your firm (when its reply is not in the store)."
)
dismiss = _mark_command("dismissed", "Hide a conversation from your firm's inbox.")
reopen = _mark_command(None, "Undo mark-joined, dismiss or snooze (for the same firm).")


def snooze(
    conversation_id: ConversationArg,
    days: Annotated[
        int | None,
        typer.Option(
            help="Hide it for this many days (default 7); it comes back sooner if someone "
            "posts in it.",
            show_default=False,
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            help="Hide it until this date instead: YYYY-MM-DD (its midnight UTC), or "
            "YYYY-MM-DDTHH:MM.",
            show_default=False,
        ),
    ] = None,
    platform: PlatformOption = None,
    as_handle: FirmOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Not now: hide a conversation until a date (a week by default), then it comes back."""
    from staffpulse.listen.snooze import snooze_until

    _set(conversation_id, "snoozed", platform, as_handle, db, as_json, snooze_until(days, until))


def add_mark_commands(inbox_app: typer.Typer) -> None:
    """The mark commands as subcommands of ``staffpulse inbox``."""
    inbox_app.command("mark-joined")(mark_joined)
    inbox_app.command("dismiss")(dismiss)
    inbox_app.command("snooze")(snooze)
    inbox_app.command("reopen")(reopen)
