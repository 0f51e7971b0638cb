"""The default fetcher of ``add-handles``: the importers' live fetchers, when they can run.

Each ``staffpulse.fetch.<platform>`` module has ``fetch_account(store, handle) -> Account``
(profile and avatar only, one user read on X). X needs a bearer token (``X_BEARER_TOKEN`` or
the config file); Bluesky's public AppView and Mastodon's public API need none. The modules are
imported lazily, so ``add-handles`` still works, storing handles for later, where live fetching
is not installed.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from staffpulse.config import get_secret
from staffpulse.errors import AuthError, FetchError, StaffpulseError
from staffpulse.models import Account
from staffpulse.store import Store

AccountFetcher = Callable[[Store, str], Any]


def fetch_function(platform: str) -> AccountFetcher | None:
    """``staffpulse.fetch.<platform>.fetch_account``, or None when it is not available."""
    try:
        module = importlib.import_module(f"staffpulse.fetch.{platform}")
    except ImportError:
        return None
    func = getattr(module, "fetch_account", None)
    return func if callable(func) else None


def fetch_into_store(store: Store, platform: str, handle: str) -> Account | None:
    """Fetch one account into the store; None when no fetcher exists for the platform.

    Raises :class:`AuthError` without X credentials and :class:`FetchError` (or another
    :class:`StaffpulseError` from the fetcher) when the platform call fails.
    """
    if platform == "x" and not get_secret("x_bearer_token"):
        raise AuthError(
            "no X credentials: stored for later",
            hint="set X_BEARER_TOKEN, then run: staffpulse add-handles --retry",
        )
    func = fetch_function(platform)
    if func is None:
        return None
    try:
        result = func(store, handle)
    except StaffpulseError:
        raise
    except Exception as exc:  # a third-party SDK or network failure: keep the handle for later
        raise FetchError(f"fetching {handle} from {platform} failed: {exc}") from exc
    if isinstance(result, Account):
        return result
    try:
        return store.find_account(handle, platform)
    except StaffpulseError:
        return None
