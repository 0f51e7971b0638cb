"""Choosing an account by typing: the pickers of the audit, inbox and connect pages.

A store can hold thousands of accounts, more than a drop-down can list, so each picker is a
text field with suggestions (``<input list>``): the suggestions name the busiest accounts, and
any other handle can be typed. What the field sends is read as every command reads an account
(:mod:`staffpulse.account_refs`):
``@handle (platform)`` as the suggestions write it (whatever the handle holds, brackets too), a
bare ``handle`` or ``@handle``, or the older ``platform:handle``. The platform may be spelled as
on the command line (``Twitter``, ``bsky``): :func:`staffpulse.models.platform_choice` reads it,
and refuses one it does not know. A profile address pasted from a browser
(``https://x.com/name``, ``bsky.app/profile/name.bsky.social``, ``https://instance/@user``)
finds its account as ``audit`` and ``connect`` do (:func:`staffpulse.account_refs.
find_account_ref`, which reads it with :func:`staffpulse.handles.parse_handle`), and so does
the display name of one account (:mod:`staffpulse.account_names`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from staffpulse.account_refs import parse_account_ref, read_account_ref
from staffpulse.errors import StaffpulseError
from staffpulse.handles import as_url
from staffpulse.models import Account
from staffpulse.web.data import Backend

__all__ = [
    "account_choices",
    "account_ref",
    "filter_by_search",
    "find_account",
    "parse_account_ref",
    "search_terms",
]

T = TypeVar("T")
SUGGESTED = 1000  # suggestions in a picker: enough to browse, small enough to send every time


def account_ref(account: Account) -> str:
    """How a picker writes an account: ``@handle (platform)``."""
    return f"@{account.handle} ({account.platform})"


def account_choices(backend: Backend) -> list[Account]:
    """The accounts a picker suggests: the busiest ones with posts."""
    return [s.account for s in backend.with_posts()[:SUGGESTED]]


def find_account(backend: Backend, text: str) -> Account:
    """The stored account a picker named, also by its profile address or by the display name
    of a single account (raises ``NotFoundError`` with what to do, ``InputError`` for an
    address of no profile), as ``audit`` and ``connect`` find it."""
    from staffpulse.account_refs import find_account_ref

    with backend.store() as store:
        return find_account_ref(store, text)


def search_terms(query: str) -> tuple[list[str], str | None]:
    """The words a search (Accounts, the Benchmark's leaderboard) looks for, and the platform
    it names. People paste a profile's address from their browser (``https://x.com/acme``) or
    type an account as the pickers write it (``@acme (x)``): either is looked for as its
    handle, on its platform, as the pickers read it, rather than as words no handle contains."""
    handle, named = parse_account_ref(query)
    if as_url(handle) is not None or named is not None:
        try:
            found, platform = read_account_ref(query)
        except StaffpulseError:
            pass  # not an account after all: searched as the words typed
        else:
            return [found.lower()], platform
    return [w for w in (word.lstrip("@") for word in query.lower().split()) if w], None


def filter_by_search(
    items: list[T], query: str, account: Callable[[T], tuple[str, str, str | None]]
) -> list[T]:
    """The items whose account (its platform, handle and display name, as ``account`` reads
    them from an item) holds every word of the search: the Accounts page and the Benchmark's
    leaderboard find accounts alike. Every item without a search; none for a search of no word
    ("@" alone names no account, not "12 accounts match “@”")."""
    words, platform = search_terms(query)
    if not words:
        return [] if query.strip() else items
    found = []
    for item in items:
        on, handle, name = account(item)
        if (platform is None or on == platform) and all(
            w in f"{handle} {name or ''}".lower() for w in words
        ):
            found.append(item)
    return found
