"""Handles people sent in ("If I'm not following you, send me your handle").

A handles file has one handle a line, in any of these shapes (blank lines and ``#`` comments
are skipped; in a CSV line the first field is used):

* X: ``@name`` or ``name`` (1-15 letters, digits, underscores); profile URLs on x.com,
  twitter.com, www. and mobile. hosts, with or without ``https://``, ``@`` before the name, a
  trailing path (``/status/1``), slash or query string;
* Bluesky: ``name.bsky.social`` or any domain handle, ``did:plc:...``,
  ``bsky.app/profile/<handle or DID>`` URLs (with ``--platform bluesky`` a bare ``name``
  means ``name.bsky.social``);
* Mastodon: ``@user@instance``, ``user@instance``, ``https://instance/@user``,
  ``https://instance/users/user`` and remote profiles as one instance shows them
  (``https://mastodon.social/@user@instance`` is ``user@instance``).

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
from urllib.parse import unquote, urlparse

from staffpulse.connect.citizen import RoleModelLike, predict_roles
from staffpulse.connect.fetching import ReachabilityGuard, Unreachable, missing_credentials
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
X_HANDLE_RE = re.compile(r"^[A-Za-z0-9_]{1,15}$")
DOMAIN_RE = re.compile(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}$"
)
MASTODON_USER_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
_DID_RE = re.compile(r"^did:[a-z]+:[A-Za-z0-9._:%-]+$")
_X_HOSTS = {"x.com", "twitter.com"}
_BSKY_HOSTS = {"bsky.app"}
_HOST_PREFIXES = ("www.", "mobile.", "m.")
# First path segments of x.com pages that are not profiles (x.com/home, x.com/i/lists/1...)
_X_RESERVED = frozenset(
    {
        "compose", "explore", "hashtag", "home", "i", "intent", "login", "messages",
        "notifications", "privacy", "search", "settings", "share", "signup", "tos",
    }
)  # fmt: skip

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


@dataclass(frozen=True, slots=True)
class HandleOutcome:
    """What one run did with one handle."""

    handle: PendingHandle
    new: bool  # False: it was on the handles list already (an earlier run, or --retry)
    tried: bool  # a fetch was attempted (it may have failed)
    # the outage that kept this handle from being fetched, or that its own failure revealed
    unreachable: Unreachable | None = None


@dataclass
class AddReport:
    """The outcome of each handle, in order, and the services that could not be reached."""

    outcomes: list[HandleOutcome]
    unreachable: list[Unreachable]

    @property
    def added(self) -> list[PendingHandle]:
        """Handles new to the list in this run."""
        return [o.handle for o in self.outcomes if o.new]

    @property
    def already_listed(self) -> list[PendingHandle]:
        """Handles the list had already (their status is refreshed, never duplicated)."""
        return [o.handle for o in self.outcomes if not o.new]


def parse_handle(text: str, platform: str | None = None) -> tuple[str, str]:
    """``(platform, normalized handle)`` or ValueError with a message for the user."""
    value = text.strip().strip("\"'<>").strip()
    if not value:
        raise ValueError("empty handle")
    url = _as_url(value)
    if url is not None:
        guessed, handle = _from_url(url, value)
    elif _DID_RE.match(value):
        guessed, handle = "bluesky", value
    else:
        bare = value.lstrip("@")
        if "@" in bare:
            user, _, domain = bare.partition("@")
            if not MASTODON_USER_RE.match(user) or not DOMAIN_RE.match(domain.lower()):
                raise ValueError(f"'{value}' is not a Mastodon address (user@instance)")
            guessed, handle = "mastodon", f"{user.lower()}@{domain.lower()}"
        elif "." in bare:
            if not DOMAIN_RE.match(bare.lower()):
                raise ValueError(f"'{value}' is not a Bluesky handle (name.bsky.social)")
            guessed, handle = "bluesky", bare.lower()
        elif X_HANDLE_RE.match(bare) and platform == "mastodon":
            raise ValueError(f"'{value}' needs its instance on Mastodon: user@instance")
        elif X_HANDLE_RE.match(bare) and platform == "bluesky":
            guessed, handle = "bluesky", f"{bare.lower()}.bsky.social"
        elif X_HANDLE_RE.match(bare):
            guessed, handle = "x", bare.lower()
        else:
            raise ValueError(f"'{value}' is not a handle (letters, digits and _ only, at most 15)")
    if platform and guessed != platform:
        raise ValueError(f"'{value}' looks like a {guessed} handle, not {platform}")
    return guessed, handle


def _as_url(value: str) -> str | None:
    """``value`` as an http(s) URL when it is one, also without its scheme (``x.com/name``)."""
    if value.lower().startswith(("http://", "https://")):
        return value
    if value.startswith("@") or "/" not in value:
        return None
    host = value.split("/", 1)[0].lower()
    # "user@instance/..." is no URL; a bare host followed by a path is one people paste
    return "https://" + value if "@" not in host and DOMAIN_RE.match(host) else None


def _site(host: str) -> str:
    """``x.com`` for ``www.x.com`` or ``mobile.twitter.com`` -> ``twitter.com``."""
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host[len(prefix) :] in _X_HOSTS | _BSKY_HOSTS:
            return host[len(prefix) :]
    return host


def _from_url(url: str, value: str) -> tuple[str, str]:
    parsed = urlparse(url)
    host = (parsed.hostname or "").lower()
    site = _site(host)
    parts = [unquote(p) for p in parsed.path.split("/") if p]
    if site in _X_HOSTS:
        name = parts[0].removeprefix("@") if parts else ""
        if not X_HANDLE_RE.match(name) or name.lower() in _X_RESERVED:
            raise ValueError(f"'{value}' is not an X profile URL (x.com/name)")
        return "x", name.lower()
    if site in _BSKY_HOSTS:
        if len(parts) < 2 or parts[0] != "profile":
            raise ValueError(f"'{value}' is not a Bluesky profile URL (bsky.app/profile/name)")
        return parse_handle(parts[1], "bluesky")
    if DOMAIN_RE.match(host) and parts:
        if parts[0].startswith("@") and len(parts[0]) > 1:
            user = parts[0][1:]
            # A remote profile as this instance shows it: /@user@home.instance
            return parse_handle(user if "@" in user else f"{user}@{host}", "mastodon")
        if parts[0] == "users" and len(parts) >= 2:  # the ActivityPub actor URL
            return parse_handle(f"{parts[1]}@{host}", "mastodon")
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
        new = not _listed(store, entry)
        account = _find(store, entry.platform, entry.handle)
        status, message = ("known", "already in the store") if account else ("pending", None)
        tried = False
        outage: Unreachable | None = None
        if account is None and fetcher is not None:
            outage = guard.blocked(entry.platform, entry.handle)
            if outage is not None:
                missing = missing_credentials(entry.platform)
                # a missing token is the truer reason: it would not be fetched online either
                message = (
                    missing.message
                    if missing is not None
                    else f"not tried: {outage.label} could not be reached ({outage.reason})"
                )
            else:
                tried = True
                try:
                    account = fetcher(store, entry.platform, entry.handle)
                except StaffpulseError as exc:
                    message = exc.message
                    outage = guard.record(entry.platform, entry.handle, exc)
                else:
                    if account is not None:
                        guard.record(entry.platform, entry.handle, None)
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
        row = _from_row(
            store.conn.execute(
                "SELECT * FROM connect_handles WHERE platform = ? AND handle = ?",
                (entry.platform, entry.handle),
            ).fetchone()
        )
        outcome = HandleOutcome(row, new=new, tried=tried, unreachable=outage)
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    return AddReport(outcomes, guard.outages)


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
