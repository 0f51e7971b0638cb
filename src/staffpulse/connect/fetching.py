"""The default fetcher of ``add-handles``: the importers' live fetchers, when they can run.

Each ``staffpulse.fetch.<platform>`` module has ``fetch_account(store, handle, report) ->
Account`` (profile and avatar only, one user read on X; what the platform says of the account
besides, a Mastodon account that moved, lands in ``report.notes``). X needs a bearer token
(``X_BEARER_TOKEN`` or the config file); Bluesky's public AppView and Mastodon's public API
need none. Each module is imported when its first handle is fetched: it loads its platform's
SDK, which a run that only stores handles for later does not need.

:class:`ReachabilityGuard` keeps a run with the network down short: after a service could not
be reached, its remaining handles stay pending without being tried.
"""

from __future__ import annotations

import errno
import socket
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from staffpulse.config import get_secret
from staffpulse.errors import AuthError, FetchError
from staffpulse.models import PLATFORM_NAMES, Account
from staffpulse.store import Store

if TYPE_CHECKING:  # the fetchers load on the first handle fetched (see above)
    from staffpulse.fetch.common import FetchReport

AccountFetcher = Callable[[Store, str, "FetchReport"], Account]


@dataclass(frozen=True, slots=True)
class FetchedAccount:
    """An account fetched into the store, and what its platform said of it besides (a
    Mastodon account that moved, with where to, or is suspended): worth telling, not an error."""

    account: Account
    notes: tuple[str, ...] = ()


def fetch_function(platform: str) -> AccountFetcher | None:
    """``staffpulse.fetch.<platform>.fetch_account``; None for a platform without a fetcher."""
    if platform == "x":
        from staffpulse.fetch.x import fetch_account as fetch_x

        return fetch_x
    if platform == "bluesky":
        from staffpulse.fetch.bluesky import fetch_account as fetch_bluesky

        return fetch_bluesky
    if platform == "mastodon":
        from staffpulse.fetch.mastodon import fetch_account as fetch_mastodon

        return fetch_mastodon
    return None


def platform_errors(platform: str) -> tuple[type[Exception], ...]:
    """What a fetch from ``platform`` raises when the network or the service fails, not our code.

    The fetchers turn the errors they expect into :class:`FetchError`; these are the ones that
    still get through from the SDKs. ``OSError`` covers sockets, DNS, timeouts and requests'
    errors (``requests.RequestException`` is an ``OSError``).
    """
    if platform == "x":
        import tweepy

        return (OSError, tweepy.TweepyException)
    if platform == "bluesky":
        import httpx
        from atproto_client.exceptions import AtProtocolError

        return (OSError, AtProtocolError, httpx.HTTPError)
    if platform == "mastodon":
        from mastodon import MastodonError

        return (OSError, MastodonError)
    return (OSError,)


def missing_credentials(platform: str) -> AuthError | None:
    """The error a fetch would raise before any request because a token is missing, if so."""
    if platform == "x" and not get_secret("x_bearer_token"):
        return AuthError(
            "no X credentials: stored for later",
            hint="set X_BEARER_TOKEN (or add the token in Settings), then run staffpulse "
            "add-handles --retry",
        )
    return None


def fetch_into_store(store: Store, platform: str, handle: str) -> FetchedAccount | None:
    """Fetch one account into the store; None when no fetcher exists for the platform.

    Raises :class:`AuthError` without X credentials and :class:`FetchError` (or another
    :class:`StaffpulseError` from the fetcher) when the platform call fails. Any other error
    is a bug in a fetcher and propagates.
    """
    missing = missing_credentials(platform)
    if missing is not None:
        raise missing
    func = fetch_function(platform)
    if func is None:
        return None
    from staffpulse.fetch.common import FetchReport

    report = FetchReport(platform=platform, target=handle)
    try:
        account = func(store, handle, report)
    except platform_errors(platform) as exc:  # the network or the SDK: keep it for later
        raise FetchError(f"fetching {handle} from {platform} failed: {exc}") from exc
    return FetchedAccount(account, tuple(report.notes))


# Names of the HTTP libraries' "could not connect" errors (httpx/httpcore, requests, urllib3),
# matched by name so that this module imports none of them.
_CONNECT_ERRORS = frozenset(
    {
        "ConnectError",
        "ConnectTimeout",
        "ConnectTimeoutError",
        "ConnectionError",
        "NameResolutionError",
        "NewConnectionError",
    }
)
_UNREACHABLE_ERRNOS = frozenset({errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN})


def connection_failure(exc: BaseException) -> str | None:
    """Why the host could not be reached, when ``exc`` (or what it wraps) says so; else None.

    The fetchers re-raise library errors as :class:`FetchError` ``from None``, which hides the
    cause from tracebacks but keeps it in ``__context__``: the chain is walked to tell "no
    network / no such host" apart from answers such as HTTP 404 or 500. Read timeouts do not
    count: the host answered, slowly.
    """
    reached = False
    reason: str | None = None
    current: BaseException | None = exc
    seen: set[int] = set()
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if (
            isinstance(current, (socket.gaierror, ConnectionError))
            or (isinstance(current, OSError) and current.errno in _UNREACHABLE_ERRNOS)
            or type(current).__name__ in _CONNECT_ERRORS
        ):
            reached = True
        if isinstance(current, OSError) and current.strerror:
            reason = current.strerror  # the innermost one is the most precise
        current = current.__cause__ or current.__context__
    if not reached:
        return None
    return reason or "connection failed"


@dataclass
class Unreachable:
    """A service that could not be reached in this run, and how many handles were not tried."""

    platform: str  # "x", "bluesky", "mastodon", or "*" when the network itself looks down
    host: str | None  # the Mastodon instance; None for X and Bluesky (one service each)
    reason: str
    skipped: int = 0

    @property
    def label(self) -> str:
        if self.platform == "*":
            return "the network"
        name = PLATFORM_NAMES.get(self.platform)
        return self.host if self.host else (name or self.platform)

    @property
    def notice(self) -> str:
        """What to tell the user when the outage is found."""
        if self.platform == "*":
            return (
                f"The network looks down ({self.reason}): the remaining handles are kept "
                "pending without trying."
            )
        return (
            f"{self.label} could not be reached ({self.reason}): its remaining handles are "
            "kept pending without trying."
        )

    def as_dict(self) -> dict[str, str | int | None]:
        return {
            "platform": None if self.platform == "*" else self.platform,
            "host": self.host,
            "reason": self.reason,
            "skipped": self.skipped,
        }


class ReachabilityGuard:
    """Stops fetching from a service once it could not be reached in this run.

    With the network down, each fetch spends the fetchers' whole backoff (three attempts, about
    6 s) before failing, so a file of handles took a silent minute. After the first connection
    failure, the service's remaining handles are kept pending without trying. A Mastodon
    instance is a service of its own (an unreachable one may just be a typo in one address);
    once two services failed and none answered, the network itself is taken as down and every
    remaining fetch is skipped.
    """

    def __init__(self) -> None:
        self.down: dict[tuple[str, str | None], Unreachable] = {}
        self.answered = False

    @staticmethod
    def _key(platform: str, handle: str) -> tuple[str, str | None]:
        if platform == "mastodon" and "@" in handle:
            return platform, handle.rpartition("@")[2].lower()
        return platform, None

    def blocked(self, platform: str, handle: str, *, count: bool = True) -> Unreachable | None:
        """The reason not to try this handle, counting it as skipped; None: go ahead.

        ``count=False`` when something else keeps the handle from being fetched (a missing
        token): the outage is not why it waits, so it is not counted as not tried for it."""
        hit = self.down.get(self._key(platform, handle)) or self.down.get(("*", None))
        if hit is None and len(self.down) >= 2 and not self.answered:
            names = " and ".join(u.label for u in self.down.values())
            hit = Unreachable("*", None, f"{names} failed to connect and nothing answered")
            self.down[("*", None)] = hit
        if hit is not None and count:
            hit.skipped += 1
        return hit

    def record(self, platform: str, handle: str, error: BaseException | None) -> Unreachable | None:
        """Note a fetch's outcome (``error`` None: it answered); the new outage, if any."""
        if isinstance(error, AuthError):
            return None  # refused before any request (no token): says nothing of the network
        reason = connection_failure(error) if error is not None else None
        if reason is None:
            self.answered = True
            return None
        key = self._key(platform, handle)
        if key not in self.down:
            self.down[key] = Unreachable(key[0], key[1], reason)
        return self.down[key]

    @property
    def outages(self) -> list[Unreachable]:
        return list(self.down.values())
