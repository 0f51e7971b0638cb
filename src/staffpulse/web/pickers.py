"""Choosing an account by typing: the pickers of the audit, inbox and connect pages.

A store can hold thousands of accounts, more than a drop-down can list, so each picker is a
text field with suggestions (``<input list>``): the suggestions name the busiest accounts, and
any other handle can be typed. What the field sends is read by :func:`parse_account_ref`:
``@handle (platform)`` as the suggestions write it (whatever the handle holds, brackets too), a
bare ``handle`` or ``@handle``, or the older ``platform:handle``. The platform may be spelled as
on the command line (``Twitter``, ``bsky``): :func:`staffpulse.models.platform_choice` reads it,
and refuses one it does not know. A profile address pasted from a browser
(``https://x.com/name``, ``bsky.app/profile/name.bsky.social``, ``https://instance/@user``)
finds its account as Connect's command does (:func:`staffpulse.connect.choices.
find_connect_account`, which reads it with :func:`staffpulse.handles.parse_handle`).
"""

from __future__ import annotations

import re
from typing import Any

from staffpulse.models import PLATFORM_ALIASES
from staffpulse.web.data import Backend

SUGGESTED = 1000  # suggestions in a picker: enough to browse, small enough to send every time
# "@handle (platform)": a handle holds no space, so the last " (word)" is the platform, even
# after a handle with brackets of its own ("alert(5) (x)"); without the space only a platform
# a picker knows is taken for one ("mia(x)"), so that "alert(5)" stays a handle
_REF = re.compile(
    r"^@?(?P<handle>\S+?)(?:\s+\((?P<platform>[A-Za-z.]+)\)|\((?P<known>[A-Za-z.]+)\))?$"
)
PLATFORMS = ("x", "bluesky", "mastodon", "csv")
# what a typed "platform:handle" may start with: a platform, or a spelling of one ("twitter")
_PREFIXES = frozenset((*PLATFORMS, *PLATFORM_ALIASES))


def account_ref(account: Any) -> str:
    """How a picker writes an account: ``@handle (platform)``."""
    return f"@{account.handle} ({account.platform})"


def parse_account_ref(text: str) -> tuple[str, str | None]:
    """``(handle, platform or None)`` from what a picker sent; ``("", None)`` when blank."""
    value = " ".join(text.split())
    if not value:
        return "", None
    prefix, sep, rest = value.partition(":")
    if sep and prefix.lower() in _PREFIXES and rest and " " not in rest:
        return rest.lstrip("@"), prefix
    match = _REF.match(value)
    if match is None:
        return value.lstrip("@"), None  # find_account says what is wrong with it
    handle, platform, known = match.group("handle", "platform", "known")
    if known is not None and known.lower() not in _PREFIXES:
        return f"{handle}({known})", None
    return handle, platform or known


def account_choices(backend: Backend) -> list[Any]:
    """The accounts a picker suggests: the busiest ones with posts."""
    return [s.account for s in backend.with_posts()[:SUGGESTED]]


def find_account(backend: Backend, text: str) -> Any:
    """The stored account a picker named, also by its profile address (raises
    ``NotFoundError`` with what to do, ``InputError`` for an address of no profile)."""
    from staffpulse.connect.choices import find_connect_account

    handle, platform = parse_account_ref(text)
    with backend.store() as store:
        return find_connect_account(store, handle, platform)
