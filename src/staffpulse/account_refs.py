"""Which stored account people named: the one reading of an account typed or pasted.

Every command and page that takes an account (``audit``, ``connect``, ``inbox --as``, the
dashboard's pickers) reads it here, so what works in one works in all:

* a handle or id: ``acmestaffing``, ``@acmestaffing``, ``name.bsky.social``,
  ``@user@instance``, ``did:plc:...``; the user part of a Mastodon handle alone when only one
  stored account has it;
* a profile address copied from a browser, in any form :func:`staffpulse.handles.parse_handle`
  reads: ``https://x.com/name``, ``x.com/name/status/1``,
  ``https://bsky.app/profile/name.bsky.social``, ``https://instance/@user``. The address names
  its platform, so a ``--platform`` that says otherwise is an error, not a silent other account;
* the dashboard pickers' ``@handle (platform)`` and the older ``platform:handle``.

Library code: a wrong reference raises :class:`~staffpulse.errors.InputError`, an account not
in the store :class:`~staffpulse.errors.NotFoundError`; the CLI and the web say them.
"""

from __future__ import annotations

import re

from staffpulse.errors import InputError, NotFoundError
from staffpulse.handles import as_url, parse_handle
from staffpulse.models import (
    PLATFORM_ALIASES,
    PLATFORMS,
    Account,
    platform_choice,
    platform_name,
)
from staffpulse.store import Store

# "@handle (platform)": a handle holds no space, so the last " (word)" is the platform, even
# after a handle with brackets of its own ("alert(5) (x)"); without the space only a platform
# a picker knows is taken for one ("mia(x)"), so that "alert(5)" stays a handle
_REF = re.compile(
    r"^@?(?P<handle>\S+?)(?:\s+\((?P<platform>[A-Za-z.]+)\)|\((?P<known>[A-Za-z.]+)\))?$"
)
# what a typed "platform:handle" may start with: a platform, or a spelling of one ("twitter")
_PREFIXES = frozenset((*PLATFORMS, *PLATFORM_ALIASES))
_URL_HINT = (
    "give the handle (@name, name.bsky.social, @user@instance) or the URL of a profile on "
    "x.com, bsky.app or a Mastodon instance"
)


def parse_account_ref(text: str) -> tuple[str, str | None]:
    """``(handle, platform or None)`` as typed, before any URL is read; ``("", None)`` when
    blank. A profile URL comes back whole (:func:`read_account_ref` reads it)."""
    value = " ".join(text.split())
    if not value:
        return "", None
    prefix, sep, rest = value.partition(":")
    if sep and prefix.lower() in _PREFIXES and rest and " " not in rest:
        return rest.lstrip("@"), prefix
    match = _REF.match(value)
    if match is None:
        return value.lstrip("@"), None  # find_account_ref says what is wrong with it
    handle, platform, known = match.group("handle", "platform", "known")
    if known is not None and known.lower() not in _PREFIXES:
        return f"{handle}({known})", None
    return handle, platform or known


def read_account_ref(text: str, platform: str | None = None) -> tuple[str, str | None]:
    """``(handle, platform or None)`` of a reference, a profile URL read into its handle and
    platform (``https://x.com/Acme`` -> ``("acme", "x")``), without looking in the store.

    ``platform`` is the one asked for (``--platform``, spelled as people do); it must agree
    with the one the reference names. Raises InputError for an address of no profile.
    """
    handle, named = parse_account_ref(text)
    wanted = _agreed(text, platform_choice(platform), platform_choice(named))
    if not handle or as_url(handle) is None:
        return handle, wanted
    try:
        found_platform, found = parse_handle(handle)
    except ValueError as exc:
        raise InputError(
            f"'{text.strip()}' is not a profile URL staffpulse reads: {exc}", hint=_URL_HINT
        ) from None
    return found, _agreed(text, wanted, found_platform)


def find_account_ref(store: Store, text: str, platform: str | None = None) -> Account:
    """The stored account ``text`` names (see the module docstring); ``platform`` narrows it.

    A Mastodon account's id may be its profile URL itself, so a URL is looked up as an id
    first, then read into its handle and platform.
    """
    handle, named = parse_account_ref(text)
    wanted = _agreed(text, platform_choice(platform), platform_choice(named))
    try:
        return store.find_account(handle, wanted)
    except NotFoundError:
        if as_url(handle) is None:
            raise
    found, found_platform = read_account_ref(text, platform)
    return store.find_account(found, found_platform)


def _agreed(text: str, asked: str | None, named: str | None) -> str | None:
    """The platform of a reference: the one asked for and the one it names must agree."""
    if asked and named and asked != named:
        raise InputError(
            f"'{text.strip()}' names {platform_name(named, article=True)} account, "
            f"not {platform_name(asked, article=True)} one",
            hint=f"leave out --platform, or give the {platform_name(asked)} handle",
        )
    return asked or named
