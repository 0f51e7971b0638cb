"""Handles people sent in ("If I'm not following you, send me your handle").

A handles file (:mod:`staffpulse.connect.handle_files`: one handle a line, or a CSV with a
header) is read into entries, each handle parsed by
:func:`staffpulse.handles.parse_handle` (X names and profile URLs, Bluesky
handles, DIDs and bsky.app URLs, Mastodon ``@user@instance`` and profile URLs).

Every handle is kept in the ``connect_handles`` table. When an account can be fetched (the
importers' live fetchers, with credentials where the platform needs them) it is fetched and
tagged with its role; otherwise it stays ``pending`` until ``add-handles --retry``.

One account is one row: a Bluesky handle and its DID (or a handle sent in after the account's
DID) resolve to the same account id, and the row already listing that account is kept.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from staffpulse.connect.citizen import RoleModelLike, predict_roles
from staffpulse.connect.fetching import (
    FetchedAccount,
    ReachabilityGuard,
    Unreachable,
    fetch_into_store,
    missing_credentials,
)

# Re-exported (the CLI, fetch and the exports import them from here): HandleEntry, HandlesRead,
# read_handles, parse_handle and the handle patterns.
from staffpulse.connect.handle_files import HandleEntry as HandleEntry
from staffpulse.connect.handle_files import HandlesRead as HandlesRead
from staffpulse.connect.handle_files import read_handle_files as read_handle_files
from staffpulse.connect.handle_files import read_handles as read_handles

# Re-exported: what a run hands back lives apart (this module's size)
from staffpulse.connect.handle_results import AddReport as AddReport
from staffpulse.connect.handle_results import HandleOutcome as HandleOutcome
from staffpulse.connect.handle_results import HandlesRun as HandlesRun
from staffpulse.connect.handle_results import PendingHandle as PendingHandle
from staffpulse.connect.suggest import load_shipped_role_model
from staffpulse.errors import AuthError, NoSuchAccountError, StaffpulseError
from staffpulse.handles import DOMAIN_RE as DOMAIN_RE
from staffpulse.handles import MASTODON_USER_RE as MASTODON_USER_RE
from staffpulse.handles import PLATFORMS as PLATFORMS
from staffpulse.handles import X_HANDLE_RE as X_HANDLE_RE
from staffpulse.handles import parse_handle as parse_handle
from staffpulse.models import Account
from staffpulse.store import Store
from staffpulse.store.codec import format_time

Fetcher = Callable[[Store, str, str], Account | FetchedAccount | None]
"""``fetcher(store, platform, handle)``: fetch the account (and posts) into the store; a
:class:`FetchedAccount` adds what the platform said of it."""


def add_and_fetch_handles(
    store: Store,
    entries: list[HandleEntry],
    *,
    fetch: bool = True,
    progress: Callable[[int, HandleEntry], None] | None = None,
    on_outcome: Callable[[HandleOutcome], None] | None = None,
) -> AddReport:
    """:func:`add_handles` with the live fetchers and the shipped role model; with ``fetch``
    False, the handles are only stored (and the role model is not loaded)."""
    model = load_shipped_role_model() if entries and fetch else None
    return add_handles(
        store,
        entries,
        fetcher=fetch_into_store if fetch else None,
        role_model=model,
        progress=progress,
        on_outcome=on_outcome,
    )


def _find(store: Store, platform: str, handle: str) -> Account | None:
    """The stored account, or None when there is none. Any other failure (a locked store, a
    handle the store cannot take) is raised: taken for "not there", it would start a fetch,
    which on X spends paid credits."""
    try:
        return store.find_account(handle, platform)
    except NoSuchAccountError:
        return None


def add_handles(
    store: Store,
    entries: Iterable[HandleEntry],
    *,
    fetcher: Fetcher | None = None,
    role_model: RoleModelLike | None = None,
    now: datetime | None = None,
    progress: Callable[[int, HandleEntry], None] | None = None,
    on_outcome: Callable[[HandleOutcome], None] | None = None,
    guard: ReachabilityGuard | None = None,
) -> AddReport:
    """Store each handle; fetch and tag it when possible, else keep it pending.

    ``progress(done, entry)`` is called before each handle is processed and
    ``on_outcome(outcome)`` after it. ``guard`` (a fresh one by default) skips the fetches
    of a service that could not be reached earlier in the run.
    """
    stamp = format_time(now or datetime.now(UTC)) or ""
    guard = guard or ReachabilityGuard()
    outcomes: list[HandleOutcome] = []
    for done, entry in enumerate(entries):
        if progress is not None:
            progress(done, entry)
        outcome = _add_one(store, entry, fetcher, role_model, guard, stamp)
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    return AddReport(outcomes, guard.outages)


@dataclass(frozen=True, slots=True)
class _Lookup:
    """What finding or fetching one handle came to."""

    account: Account | None
    status: str  # as PendingHandle.status
    message: str | None
    tried: bool = False
    outage: Unreachable | None = None
    waiting: AuthError | None = None
    notes: tuple[str, ...] = ()


def _add_one(
    store: Store,
    entry: HandleEntry,
    fetcher: Fetcher | None,
    role_model: RoleModelLike | None,
    guard: ReachabilityGuard,
    stamp: str,
) -> HandleOutcome:
    """Find or fetch one handle, tag it, and keep its one row on the handles list."""
    new = not _listed(store, entry)
    found = _look_up(store, entry, fetcher, guard)
    account = found.account
    role = _tag(store, account, role_model) if account else None
    kept = _keep_one_row(store, entry, account.id) if account else None
    # read by the model: its "unknown" (nothing to read) replaces an earlier run's guess
    read = account is not None and role_model is not None
    row = _save_row(store, entry, kept or entry.handle, found, role, stamp, read)
    return HandleOutcome(
        row,
        new=new and kept is None,
        tried=found.tried,
        unreachable=found.outage,
        missing_credentials=found.waiting,
        notes=found.notes,
    )


def _look_up(
    store: Store, entry: HandleEntry, fetcher: Fetcher | None, guard: ReachabilityGuard
) -> _Lookup:
    """The stored account, else a fetch of it when a fetcher is given."""
    account = _find(store, entry.platform, entry.handle)
    if account is not None:
        return _Lookup(account, "known", "already in the store")
    if fetcher is None:
        return _Lookup(None, "pending", "not fetched yet (--no-fetch): --retry fetches it")
    return _try_fetch(store, entry, fetcher, guard)


def _try_fetch(
    store: Store, entry: HandleEntry, fetcher: Fetcher, guard: ReachabilityGuard
) -> _Lookup:
    """Fetch the account unless its service is known to be down, noting what kept it
    pending: a missing token, an outage, or the fetch's own failure."""
    missing = missing_credentials(entry.platform)
    # a missing token is the truer reason: it would not be fetched online either, so the
    # outage neither counts it as not tried nor is named as its reason
    outage = guard.blocked(entry.platform, entry.handle, count=missing is None)
    if outage is not None and missing is not None:
        return _Lookup(None, "pending", missing.message, waiting=missing)
    if outage is not None:
        why = f"not tried: {outage.label} could not be reached ({outage.reason})"
        return _Lookup(None, "pending", why, outage=outage)
    try:
        fetched = fetcher(store, entry.platform, entry.handle)
    except StaffpulseError as exc:
        outage = guard.record(entry.platform, entry.handle, exc)
        waiting = missing if isinstance(exc, AuthError) else None
        why = _without_handle(exc.message, entry.handle)
        return _Lookup(None, "pending", why, tried=True, outage=outage, waiting=waiting)
    if fetched is None:
        why = "fetching is not available for this platform yet"
        return _Lookup(None, "pending", why, tried=True)
    guard.record(entry.platform, entry.handle, None)
    if isinstance(fetched, FetchedAccount):
        return _Lookup(fetched.account, "fetched", None, tried=True, notes=fetched.notes)
    return _Lookup(fetched, "fetched", None, tried=True)


def _without_handle(message: str, handle: str) -> str:
    """A fetcher's message without the handle it starts with: the row and the run's line
    name the handle already ("pending bluesky ann.bsky.social: ann.bsky.social: ...")."""
    for lead in (f"@{handle}: ", f"{handle}: "):
        if message.lower().startswith(lead.lower()):
            return message[len(lead) :]
    return message


def _save_row(
    store: Store,
    entry: HandleEntry,
    handle: str,
    found: _Lookup,
    role: str | None,
    stamp: str,
    read: bool,
) -> PendingHandle:
    """Insert or refresh the handle's row (never a second row for it) and read it back. The
    role is replaced when the account was ``read`` (None then: too little to read), else the
    one an earlier run read stays."""
    account_id = found.account.id if found.account else None
    store.conn.execute(
        """
        INSERT INTO connect_handles (platform, handle, status, account_id, role, source,
            message, added_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (platform, handle) DO UPDATE SET status = excluded.status,
            account_id = COALESCE(excluded.account_id, connect_handles.account_id),
            role = CASE WHEN ? THEN excluded.role
                ELSE COALESCE(excluded.role, connect_handles.role) END,
            message = excluded.message, updated_at = excluded.updated_at
        """,
        (
            entry.platform,
            handle,
            found.status,
            account_id,
            role,
            entry.source,
            found.message,
            stamp,
            stamp,
            read,
        ),
    )
    row = store.conn.execute(
        "SELECT * FROM connect_handles WHERE platform = ? AND handle = ?",
        (entry.platform, handle),
    ).fetchone()
    return _from_row(row)


def _keep_one_row(store: Store, entry: HandleEntry, account_id: str) -> str | None:
    """The handle of the one row kept for an account listed under another handle too (a
    Bluesky handle and its DID); None when no other handle lists it.

    The row listed first is kept and the others are removed (rows from before this rule). A
    row listed under a DID takes the handle sent in: people recognise a handle, not a DID.
    """
    rows = store.conn.execute(
        "SELECT handle FROM connect_handles WHERE platform = ? AND (account_id = ? OR handle = ?)"
        " ORDER BY added_at, handle",
        (entry.platform, account_id, entry.handle),
    ).fetchall()
    handles: list[str] = [row["handle"] for row in rows]
    if all(h == entry.handle for h in handles):
        return None
    kept = handles[0]
    store.conn.executemany(
        "DELETE FROM connect_handles WHERE platform = ? AND handle = ?",
        [(entry.platform, h) for h in handles[1:]],
    )
    if kept.startswith("did:") and not entry.handle.startswith("did:"):
        store.conn.execute(
            "UPDATE connect_handles SET handle = ? WHERE platform = ? AND handle = ?",
            (entry.handle, entry.platform, kept),
        )
        kept = entry.handle
    return kept


def _tag(store: Store, account: Account, model: RoleModelLike | None) -> str | None:
    if model is None:
        return None
    posts = store.posts_by(account.platform, account.id)
    return predict_roles(model, [account], [posts])[0]


def _from_row(row: sqlite3.Row) -> PendingHandle:
    return PendingHandle(
        platform=row["platform"],
        handle=row["handle"],
        status=row["status"],
        account_id=row["account_id"],
        role=row["role"],
        source=row["source"],
        message=row["message"],
        added_at=row["added_at"],
    )


def _listed(store: Store, entry: HandleEntry) -> bool:
    row = store.conn.execute(
        "SELECT 1 FROM connect_handles WHERE platform = ? AND handle = ?",
        (entry.platform, entry.handle),
    ).fetchone()
    return row is not None


def list_handles(store: Store, status: str | None = None) -> list[PendingHandle]:
    """Stored handles (all, or those with ``status``), oldest first."""
    rows = store.conn.execute(
        "SELECT * FROM connect_handles WHERE (? IS NULL OR status = ?)"
        " ORDER BY added_at, platform, handle",
        (status, status),
    )
    return [_from_row(row) for row in rows]


def pending_entries(store: Store) -> list[HandleEntry]:
    """The pending handles again, for ``add-handles --retry``."""
    return [
        HandleEntry(h.platform, h.handle, h.source or "") for h in list_handles(store, "pending")
    ]


def merge_pending(store: Store, entries: Iterable[HandleEntry]) -> list[HandleEntry]:
    """``entries`` (from files), then the pending handles not among them: what
    ``add-handles --retry`` tries, each handle once."""
    merged = list(entries)
    given = {(e.platform, e.handle) for e in merged}
    return merged + [e for e in pending_entries(store) if (e.platform, e.handle) not in given]
