"""The firm's own account of one store: what ``inbox``, its marks and the dashboard's Inbox
open as when no ``--as`` (no "You post as") is given.

README keeps one store per client, so the firm is kept per store: the dashboard's Settings saves
it in the store (:mod:`staffpulse.store.store_settings`). config.toml's ``[listen] account``,
which every store on the computer reads, still names the firm of a store that holds that
account and saved none of its own (a store set up before, or by hand); in any other store it is
another client's firm and is left out, said once, not taken as this store's (QA s39: it warned
on every inbox and filed marks under another client's account)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from staffpulse.config import listen_account
from staffpulse.store.store_settings import (
    FIRM_ACCOUNT,
    TOLD_FOREIGN_FIRM,
    read_store_setting,
    write_store_setting,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from staffpulse.listen.firm import FirmResolution
    from staffpulse.store import Store


@dataclass(frozen=True)
class StoreFirm:
    """The firm a store opens as: ``value`` as saved (a @handle or profile URL; None: no firm),
    from ``"store"`` or ``"config"``; ``foreign`` the ``[listen] account`` left out because
    this store does not hold it; ``firm`` what ``value`` names in the store, when it was read
    (:func:`find_firm` always reads it), so that no caller reads it a second time."""

    value: str | None
    source: str = ""
    foreign: str | None = None
    firm: FirmResolution | None = None


def store_firm(store: Store, config: Mapping[str, Any] | None = None) -> StoreFirm:
    """The firm ``store`` opens as: its own saved account, else config.toml's ``[listen]
    account`` when the store holds that account (or when it is no account reference at all,
    which the caller refuses as before), else none."""
    own = read_store_setting(store, FIRM_ACCOUNT)
    if own:
        return StoreFirm(own, "store")
    value = listen_account(config)
    if value is None:
        return StoreFirm(None)
    from staffpulse.listen.firm import FirmStatus, resolve_firm  # loads the listening package

    firm = resolve_firm(store, value)
    if firm is not None and (firm.found or firm.status is FirmStatus.INVALID):
        return StoreFirm(value, "config", firm=firm)
    return StoreFirm(None, foreign=value)


def find_firm(
    store: Store, as_handle: str | None = None, config: Mapping[str, Any] | None = None
) -> StoreFirm:
    """The firm an inbox or a mark is for: ``as_handle`` (``--as``) when given, else the
    store's own (:func:`store_firm`), with what it names in the store read once (``firm``;
    None when no firm is named)."""
    from staffpulse.listen.firm import resolve_firm  # loads the listening package

    found = StoreFirm(as_handle, "--as") if as_handle else store_firm(store, config)
    if found.firm is None and found.value is not None:
        return replace(found, firm=resolve_firm(store, found.value))
    return found


def save_store_firm(store: Store, value: str | None) -> bool:
    """Keep ``value`` as the firm of ``store`` (None forgets it); whether it was kept (a
    store this user may only read keeps nothing)."""
    return write_store_setting(store, FIRM_ACCOUNT, value)


def first_told_foreign(store: Store, foreign: str) -> bool:
    """Whether ``foreign`` (a ``[listen] account`` this store does not hold) is said for the
    first time here: then it is remembered, and later runs on this store stay quiet about it."""
    if read_store_setting(store, TOLD_FOREIGN_FIRM) == foreign:
        return False
    write_store_setting(store, TOLD_FOREIGN_FIRM, foreign)
    return True
