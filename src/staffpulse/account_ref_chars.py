"""A name asked for that no X, Bluesky or Mastodon handle could be (``bad!chars``): told what
is wrong with it, rather than sent to import its posts, which only a CSV's own account names
(anything its author column says) may still need."""

from __future__ import annotations

from staffpulse.authors import is_anonymized
from staffpulse.errors import NoSuchAccountError
from staffpulse.models import NO_PLATFORM
from staffpulse.next_steps import IMPORT_OR_LIST_ACCOUNTS
from staffpulse.report.counts import join_and

# besides letters and digits: X's "_", a Bluesky domain's "." and "-", Mastodon's "@"
_HANDLE_MARKS = frozenset("_.-@")


def foreign_characters(handle: str) -> list[str]:
    """The characters of ``handle`` that no X, Bluesky or Mastodon handle has, each once, in
    order; none for a DID (``did:plc:...``), an anonymized dataset's author (``twcs:913579``)
    or a Mastodon server's port (``@host:3000``)."""
    if handle.startswith("did:") or is_anonymized(handle):
        return []
    port = ":" if "@" in handle else ""
    found: list[str] = []
    for char in handle:
        if not (char.isalnum() or char in _HANDLE_MARKS or char == port) and char not in found:
            found.append(char)
    return found


def _shown(char: str) -> str:
    """A character as the message names it: a space (a pasted no-break one too) in words, as
    "' '" is easily misread."""
    return "a tab" if char == "\t" else "a space" if char.isspace() else f"'{char}'"


def unlike_any_handle(
    handle: str, platform: str | None, error: NoSuchAccountError
) -> NoSuchAccountError | None:
    """``error`` saying which characters of ``handle`` no handle has; the hint to import its
    posts only where it may be a CSV account's name (no platform, or ``csv``, asked for).
    None when every character may be a handle's."""
    chars = list(dict.fromkeys(_shown(char) for char in foreign_characters(handle)))
    if not chars:
        return None
    message = (
        f"{error.message}: it has {join_and(chars)}, which no X, Bluesky or Mastodon handle has"
    )
    if platform in (None, NO_PLATFORM):
        them = "it" if len(chars) == 1 else "them"
        hint = (  # the step first, as everywhere: the dashboard words it its own way
            f"{IMPORT_OR_LIST_ACCOUNTS.say()}; only a name from a CSV's author column can"
            f" have {them}: any other is mistyped"
        )
    else:
        hint = "check it for a typo (staffpulse accounts lists every stored account)"
    return NoSuchAccountError(handle, platform, message, hint=hint)
