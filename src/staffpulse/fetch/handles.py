"""The handle a fetch was given, normalized and checked before any request is made.

X reads are paid, so a handle X would reject (``@@bad handle!!``, a Bluesky handle, a profile
URL pasted whole) must fail here, as an InputError naming the handle and the form expected,
and never reach the API. The parsing is ``add-handles``' (:func:`staffpulse.handles.
parse_handle`), so both commands accept the same shapes: ``@name``, ``name``, profile URLs of
x.com/twitter.com, bsky.app and Mastodon instances, ``did:`` identifiers, ``user@instance``.
"""

from __future__ import annotations

import re

from staffpulse.errors import InputError
from staffpulse.handles import parse_handle
from staffpulse.models import PLATFORM_NAMES, platform_name
from staffpulse.next_steps import FETCH_ON_PLATFORM

NAMES = PLATFORM_NAMES
A_NAME = {key: platform_name(key, article=True) for key in PLATFORM_NAMES}
FORMS = {
    "x": "1-15 letters, digits or underscores, e.g. @acmestaffing or https://x.com/acmestaffing",
    "bluesky": "a domain-like handle such as acme.bsky.social, or a did:plc:... identifier",
    "mastodon": "@user@instance (e.g. @acme@mastodon.social), or user on the default instance",
}
# how the fetch command takes a handle of each platform
_AS_TYPED = {"x": "{}", "bluesky": "{}", "mastodon": "@{}"}
# A Mastodon user without an instance; with a dot it is more likely a Bluesky handle.
_LOCAL_USER = re.compile(r"^[A-Za-z0-9_]+$")


def _parse(text: str, platform: str) -> tuple[str, str]:
    return parse_handle(text.strip(), platform)  # it reads profile URLs, with or without scheme


def _invalid(text: str, platform: str, reason: str) -> InputError:
    for other, label in NAMES.items():
        # parse_handle says "looks like a bluesky handle, not x": point at the right command
        if other != platform and f"looks like a {other} handle" in reason:
            try:
                _, handle = _parse(text, other)
            except ValueError:
                break
            return InputError(
                f"'{text}' is not {A_NAME[platform]} handle: it looks like {A_NAME[other]} one",
                hint=FETCH_ON_PLATFORM.say(
                    name=label, platform=other, handle=_AS_TYPED[other].format(handle)
                ),
            )
    return InputError(
        f"'{text}' is not a valid {NAMES[platform]} handle",
        hint=f"{A_NAME[platform]} handle is {FORMS[platform]}",
    )


def x_handle(text: str) -> str:
    """The X username in ``text`` (``@name``, ``name`` or a profile URL), without the ``@``.

    The case typed is kept (X matches usernames regardless of case; reports show it as given).
    """
    try:
        _, handle = _parse(text, "x")
    except ValueError as exc:
        raise _invalid(text, "x", str(exc)) from None
    typed = text.strip().lstrip("@")
    return typed if typed.lower() == handle else handle


def bluesky_handle(text: str) -> str:
    """The Bluesky handle (lower case) or DID in ``text``, or a profile URL's."""
    try:
        _, handle = _parse(text, "bluesky")
    except ValueError as exc:
        raise _invalid(text, "bluesky", str(exc)) from None
    bare = text.strip().lstrip("@")
    if "." not in bare and "/" not in bare and not bare.startswith("did:"):
        # parse_handle reads a bare "acme" as acme.bsky.social (add-handles --platform
        # bluesky); a fetch asks first rather than read someone else's account
        raise InputError(
            f"'{text}' is not a full Bluesky handle",
            hint=f"did you mean {handle}? A Bluesky handle is {FORMS['bluesky']}",
        )
    return handle


def instance_host(text: str) -> str:
    """The instance ``--instance`` or ``--hashtag`` means, as typed: "https://Mastodon.social/"
    pasted from a browser, or "@mastodon.social", is "mastodon.social"."""
    return re.sub(r"^https?://", "", text.strip(), flags=re.IGNORECASE).strip("/@").lower()


def mastodon_account(text: str, default_instance: str | None) -> tuple[str, str]:
    """``(user, instance)`` from ``@user@instance``, ``user@instance``, a profile URL, or a bare
    ``user`` on ``default_instance``."""
    value = text.strip()
    bare = value.lstrip("@")
    if _LOCAL_USER.match(bare) and default_instance:
        value = f"{bare}@{default_instance}"
    try:
        _, handle = _parse(value, "mastodon")
    except ValueError as exc:
        raise _invalid(text, "mastodon", str(exc)) from None
    user, _, instance = handle.partition("@")
    return user, instance
