"""The default fetcher of ``add-handles``: the importers' live fetchers, when they can run.

The importers' convention is ``staffpulse.fetch.<platform>.fetch_account(store, handle)``
(profile and avatar only); other names and signatures that take ``store`` and a handle are
also accepted. X needs a bearer token (``X_BEARER_TOKEN`` or the config file); Bluesky's public AppView and
Mastodon's public API need none. The fetch functions live in ``staffpulse.fetch`` (another
part of the product) and are imported lazily, so ``add-handles`` works, storing handles for
later, in builds or environments where live fetching is not available.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from typing import Any

from staffpulse.config import get_secret
from staffpulse.errors import AuthError, FetchError, StaffpulseError
from staffpulse.models import Account
from staffpulse.store import Store

_HANDLE_PARAMS = ("handle", "username", "actor", "acct", "account", "user", "name")
_FUNCTION_NAMES = ("fetch_account", "fetch_profile", "fetch_user", "fetch_{platform}", "fetch")


def _candidates(platform: str) -> list[Callable[..., Any]]:
    found: list[Callable[..., Any]] = []
    for module_name in (f"staffpulse.fetch.{platform}", "staffpulse.fetch"):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        for name in _FUNCTION_NAMES:
            func = getattr(module, name.format(platform=platform), None)
            if callable(func):
                found.append(func)
    return found


_NOT_CALLED = object()


def _call(func: Callable[..., Any], store: Store, platform: str, handle: str) -> Any:
    """Call ``func`` with the arguments its signature names; ``_NOT_CALLED`` if it needs others."""
    try:
        params = inspect.signature(func).parameters
    except (TypeError, ValueError):
        return _NOT_CALLED
    kwargs: dict[str, Any] = {}
    for name, param in params.items():
        if name == "store":
            kwargs[name] = store
        elif name == "platform":
            kwargs[name] = platform
        elif name in _HANDLE_PARAMS:
            kwargs[name] = handle
        elif param.default is inspect.Parameter.empty and param.kind not in (
            inspect.Parameter.VAR_POSITIONAL,
            inspect.Parameter.VAR_KEYWORD,
        ):
            return _NOT_CALLED
    if "store" not in kwargs or not any(k in kwargs for k in _HANDLE_PARAMS):
        return _NOT_CALLED
    return func(**kwargs)


def fetch_into_store(store: Store, platform: str, handle: str) -> Account | None:
    """Fetch one account into the store; None when no fetcher can run for the platform."""
    if platform == "x" and not get_secret("x_bearer_token"):
        raise AuthError(
            "no X credentials: stored for later",
            hint="set X_BEARER_TOKEN, then run: staffpulse add-handles --retry",
        )
    for func in _candidates(platform):
        try:
            result = _call(func, store, platform, handle)
        except StaffpulseError:
            raise
        except Exception as exc:  # a third-party SDK failure: keep the handle for later
            raise FetchError(f"fetching {handle} from {platform} failed: {exc}") from exc
        if isinstance(result, Account):
            return result
        if result is not _NOT_CALLED:
            try:
                return store.find_account(handle, platform)
            except StaffpulseError:
                return None
    return None
