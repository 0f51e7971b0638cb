"""Which firm ``inbox`` is for (``--as``, else the store's own firm: :mod:`staffpulse.config_firm`),
and the warning when the store has no account nor post of it: its replies cannot mark a
conversation joined, so the inbox shown is not the firm's."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.markup import escape

from staffpulse.cli.consoles import make_console
from staffpulse.cli.program import on_store
from staffpulse.config_firm import StoreFirm, find_firm, first_told_foreign
from staffpulse.errors import NoSuchAccountError, SharedNameError

if TYPE_CHECKING:
    from staffpulse.config import Config
    from staffpulse.store import Store

err_console = make_console(stderr=True)


def find_inbox_firm(
    store: Store, as_handle: str | None, config: Config, db: Path | None
) -> StoreFirm:
    """The firm ``--as`` (else the store's own firm) names, read as audit and connect read an
    account (a profile URL names its handle and platform); one not in the store is warned of
    first, before the models load and their notes: the inbox is still worth reading (exit 0),
    but the user must know it is not the firm's (docs/listen.md)."""
    from staffpulse.listen.firm import FirmStatus

    saved = find_firm(store, as_handle, config)
    if saved.foreign is not None and first_told_foreign(store, saved.foreign):
        # another client's firm (config.toml is read by every store): one line, once a store
        err_console.print(
            f"[yellow]note[/] {escape(foreign_firm_note(saved.foreign, config))}",
            highlight=False,
            soft_wrap=True,
        )
    firm = saved.firm
    if firm is not None and firm.status is FirmStatus.INVALID and firm.error is not None:
        raise firm.error
    if firm is not None and isinstance(firm.error, SharedNameError):
        warn_shared_name(firm.error, saved.source)
    elif firm is not None and firm.status is FirmStatus.NOT_IN_STORE:
        warn_unknown_firm(
            firm.handle,
            firm.platform,
            saved.source,
            firm.error.close if isinstance(firm.error, NoSuchAccountError) else (),
            db,
        )
    return saved


def foreign_firm_note(foreign: str, config: Config) -> str:
    """What is said of ``foreign``, a ``[listen] account`` the store does not hold: on stderr
    once a store, and in every ``inbox --json``, whose reader sees no stderr."""
    return (
        f"[listen] account in {config.source or 'config.toml'} names @{foreign.lstrip('@')},"
        " which this store does not hold: the inbox is listed for no firm (give --as, or save"
        " this store's firm in the dashboard's Settings)."
    )


def warn_shared_name(error: SharedNameError, source: str) -> None:
    """The firm named is no handle but the display name of several accounts: the inbox is
    still shown (as for a handle not stored), and which account to give instead is said."""
    named = "the firm's account saved for this store" if source == "store" else "--as"
    err_console.print(
        f"[bold yellow]Warning:[/] {escape(named)} names no handle: {escape(error.message)}."
        " Their replies cannot mark a conversation joined: the inbox below is listed without"
        " them.",
        highlight=False,
        soft_wrap=True,
    )
    first = f"@{error.close[0][0]}" if error.close else "@handle"
    if source == "store":
        fix = f"save the handle of the one you mean in the dashboard's Settings (e.g. {first})"
    else:
        fix = f"give --as the handle of the one you mean (e.g. --as {first})"
    err_console.print(
        f"What to do: {escape(fix)}.",
        highlight=False,
        soft_wrap=True,
    )


def warn_unknown_firm(
    handle: str,
    platform: str | None,
    source: str,
    close: tuple[tuple[str, str], ...] = (),
    db: Path | None = None,
) -> None:
    """The firm named (by ``--as``, or the account saved for the store: ``source`` ``"store"``)
    is neither an account nor the author of a post in the store: its replies cannot mark a
    conversation joined. The inbox is still shown, but the user must know it is not the
    firm's, and what to change (the stored handles close to it first)."""
    where = f" on {platform}" if platform else ""
    saved = source == "store"
    named = "the firm's account saved for this store" if saved else "--as"
    offered = " or ".join(f"@{h} ({p})" for h, p in close)
    meant = f" Did you mean {offered}?" if offered else ""
    err_console.print(
        f"[bold yellow]Warning:[/] {escape(named)} names @{escape(handle)}{where}, which is not"
        " in the store (no account, no post of it): its replies cannot mark a conversation"
        f" joined. The inbox below is listed without it.{escape(meant)}",
        highlight=False,
        soft_wrap=True,  # one line a message in a log, not cut at 80 columns
    )
    change = "correct it in the dashboard's Settings" if saved else "correct --as"
    err_console.print(
        f"What to do: check the handle ({escape(on_store(db, 'accounts'))} lists the stored ones)"
        f" and {escape(change)}, or import or fetch the firm's own posts first"
        f" ({escape(on_store(db, 'import FILE'))},"
        f" {escape(on_store(db, 'fetch PLATFORM HANDLE'))}).",
        highlight=False,
        soft_wrap=True,
    )
