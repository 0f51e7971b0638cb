"""Handles people sent in ("If I'm not following you, send me your handle").

A handles file has one handle a line, in any of these shapes (blank lines and ``#`` comments
are skipped; in a CSV line the first field is used):

* X: ``@name`` or ``name`` (1-15 letters, digits, underscores), ``https://x.com/name``;
* Bluesky: ``name.bsky.social`` or any domain handle, ``did:plc:...``,
  ``https://bsky.app/profile/name.bsky.social`` (with ``--platform bluesky`` a bare ``name``
  means ``name.bsky.social``);
* Mastodon: ``@user@instance``, ``user@instance``, ``https://instance/@user``.

Every handle is kept in the ``connect_handles`` table. When an account can be fetched (the
importers' live fetchers, with credentials where the platform needs them) it is fetched and
tagged with its role; otherwise it stays ``pending`` until ``add-handles --retry``.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

from staffpulse.connect.citizen import RoleModelLike, predict_roles
from staffpulse.errors import InputError, MissingFileError, StaffpulseError
from staffpulse.models import Account
from staffpulse.sources.base import Problem
from staffpulse.store import Store, register_migration
from staffpulse.store.codec import format_time

register_migration(
    "0800_connect_handles",
    """
    CREATE TABLE connect_handles (
        platform TEXT NOT NULL,
        handle TEXT NOT NULL,
        status TEXT NOT NULL,
        account_id TEXT,
        role TEXT,
        source TEXT,
        message TEXT,
        added_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (platform, handle)
    );
    """,
)

PLATFORMS = ("x", "bluesky", "mastodon")
_X_RE = re.compile(r"^[A-Za-z0-9_]{1,15}$")
_DOMAIN_RE = re.compile(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}$"
)
_MASTO_USER_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
_DID_RE = re.compile(r"^did:[a-z]+:[A-Za-z0-9._:%-]+$")
_X_HOSTS = {"x.com", "twitter.com", "www.x.com", "www.twitter.com", "mobile.twitter.com"}
_BSKY_HOSTS = {"bsky.app", "www.bsky.app"}

Fetcher = Callable[[Store, str, str], Account | None]
"""``fetcher(store, platform, handle)``: fetch the account (and posts) into the store."""


@dataclass(frozen=True, slots=True)
class HandleEntry:
    platform: str
    handle: str  # normalized: no leading "@", lower case ("user@instance" on Mastodon)
    source: str  # "file:line"


@dataclass(frozen=True, slots=True)
class PendingHandle:
    platform: str
    handle: str
    status: str  # pending | fetched | known
    account_id: str | None
    role: str | None
    source: str | None
    message: str | None
    added_at: str

    def as_dict(self) -> dict[str, str | None]:
        return {
            "platform": self.platform,
            "handle": self.handle,
            "status": self.status,
            "account_id": self.account_id,
            "role": self.role,
            "source": self.source,
            "message": self.message,
            "added_at": self.added_at,
        }


def parse_handle(text: str, platform: str | None = None) -> tuple[str, str]:
    """``(platform, normalized handle)`` or ValueError with a message for the user."""
    value = text.strip().strip("\"'").strip()
    if not value:
        raise ValueError("empty handle")
    if value.lower().startswith(("http://", "https://")):
        guessed, handle = _from_url(value)
    elif _DID_RE.match(value):
        guessed, handle = "bluesky", value
    else:
        bare = value.lstrip("@")
        if "@" in bare:
            user, _, domain = bare.partition("@")
            if not _MASTO_USER_RE.match(user) or not _DOMAIN_RE.match(domain.lower()):
                raise ValueError(f"'{value}' is not a Mastodon address (user@instance)")
            guessed, handle = "mastodon", f"{user.lower()}@{domain.lower()}"
        elif "." in bare:
            if not _DOMAIN_RE.match(bare.lower()):
                raise ValueError(f"'{value}' is not a Bluesky handle (name.bsky.social)")
            guessed, handle = "bluesky", bare.lower()
        elif _X_RE.match(bare) and platform == "mastodon":
            raise ValueError(f"'{value}' needs its instance on Mastodon: user@instance")
        elif _X_RE.match(bare) and platform == "bluesky":
            guessed, handle = "bluesky", f"{bare.lower()}.bsky.social"
        elif _X_RE.match(bare):
            guessed, handle = "x", bare.lower()
        else:
            raise ValueError(f"'{value}' is not a handle (letters, digits and _ only, at most 15)")
    if platform and guessed != platform:
        raise ValueError(f"'{value}' looks like a {guessed} handle, not {platform}")
    return guessed, handle


def _from_url(value: str) -> tuple[str, str]:
    parsed = urlparse(value)
    host = (parsed.hostname or "").lower()
    parts = [p for p in parsed.path.split("/") if p]
    if host in _X_HOSTS and parts and _X_RE.match(parts[0]):
        return "x", parts[0].lower()
    if host in _BSKY_HOSTS and len(parts) >= 2 and parts[0] == "profile":
        return parse_handle(parts[1], "bluesky")
    if parts and parts[0].startswith("@") and _DOMAIN_RE.match(host):
        return parse_handle(f"{parts[0]}@{host}", "mastodon")
    raise ValueError(f"'{value}' is not a profile URL of X, Bluesky or Mastodon")


def read_handles(
    path: Path, platform: str | None = None
) -> tuple[list[HandleEntry], list[Problem], int]:
    """Entries, the problems (file and line) and how many duplicates were merged."""
    if platform is not None and platform not in PLATFORMS:
        raise InputError(f"unknown platform '{platform}'", hint="use x, bluesky or mastodon")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise MissingFileError(
            f"{path}: no such file", hint="check the path and try again"
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot be read as UTF-8 text ({exc})") from exc
    entries: dict[tuple[str, str], HandleEntry] = {}
    problems: list[Problem] = []
    duplicates = 0
    for number, line in enumerate(text.splitlines(), start=1):
        raw = line.strip()
        if not raw or raw.startswith("#"):
            continue
        first = re.split(r"[,\t;]", raw, maxsplit=1)[0]
        try:
            plat, handle = parse_handle(first, platform)
        except ValueError as exc:
            problems.append(Problem(str(path), number, str(exc)))
            continue
        key = (plat, handle)
        if key in entries:
            duplicates += 1
        else:
            entries[key] = HandleEntry(plat, handle, f"{path}:{number}")
    return list(entries.values()), problems, duplicates


def _find(store: Store, platform: str, handle: str) -> Account | None:
    try:
        return store.find_account(handle, platform)
    except StaffpulseError:
        return None


def add_handles(
    store: Store,
    entries: Iterable[HandleEntry],
    *,
    fetcher: Fetcher | None = None,
    role_model: RoleModelLike | None = None,
    now: datetime | None = None,
    progress: Callable[[int, HandleEntry], None] | None = None,
) -> list[PendingHandle]:
    """Store each handle; fetch and tag it when possible, else keep it pending.

    ``progress(done, entry)`` is called before each handle is processed.
    """
    stamp = format_time(now or datetime.now(UTC)) or ""
    out: list[PendingHandle] = []
    for done, entry in enumerate(entries):
        if progress is not None:
            progress(done, entry)
        account = _find(store, entry.platform, entry.handle)
        status, message = ("known", "already in the store") if account else ("pending", None)
        if account is None and fetcher is not None:
            try:
                account = fetcher(store, entry.platform, entry.handle)
            except StaffpulseError as exc:
                message = exc.message
            else:
                status = "fetched" if account else "pending"
                message = None if account else "fetching is not available for this platform yet"
        elif account is None:
            message = "stored for later: fetching is off or not possible"
        role = _tag(store, account, role_model) if account else None
        store.conn.execute(
            """
            INSERT INTO connect_handles (platform, handle, status, account_id, role, source,
                message, added_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (platform, handle) DO UPDATE SET status = excluded.status,
                account_id = COALESCE(excluded.account_id, connect_handles.account_id),
                role = COALESCE(excluded.role, connect_handles.role),
                message = excluded.message, updated_at = excluded.updated_at
            """,
            (
                entry.platform,
                entry.handle,
                status,
                account.id if account else None,
                role,
                entry.source,
                message,
                stamp,
                stamp,
            ),
        )
        out.append(_row(store, entry.platform, entry.handle))
    return out


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


def _row(store: Store, platform: str, handle: str) -> PendingHandle:
    row = store.conn.execute(
        "SELECT * FROM connect_handles WHERE platform = ? AND handle = ?", (platform, handle)
    ).fetchone()
    return _from_row(row)


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
