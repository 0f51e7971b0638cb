"""The stored accounts a reference is compared with when it names no handle: their handles (for
"did you mean") and their display names, since people type the firm's name where its handle
goes ("Mia Castellano" for @mia_recruits), in the CLI as in the dashboard's pickers.

A display name finds the one account that has it, case and spacing aside; of several, the one
with posts (an account seen only in a follow list has none to read). A name that several
accounts with posts share is refused with their handles, as a guess could grade the wrong firm.
"""

from __future__ import annotations

from staffpulse.errors import SharedNameError
from staffpulse.models import Account
from staffpulse.store import Store
from staffpulse.store.reads import display_name_key

# the accounts of a shared name listed in the refusal; more are counted
_LISTED = 5


class StoredHandles:
    """The stored accounts, read from the store once for many lookups that miss (a cohort
    file of thousands of handles not imported: reading every account again for each took a
    tenth of a second a line): their (handle, platform) pairs and their display names."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._pairs: list[tuple[str, str]] | None = None
        self._names: dict[str, list[tuple[Account, int]]] | None = None

    def pairs(self) -> list[tuple[str, str]]:
        if self._pairs is None:
            self._read()
        return self._pairs or []

    def named(self, name: str, platform: str | None) -> list[tuple[Account, int]]:
        """As :meth:`staffpulse.store.Store.accounts_named`, from the accounts read once."""
        if self._names is None:
            self._read()
        found = (self._names or {}).get(display_name_key(name), [])
        return [(a, n) for a, n in found if platform is None or a.platform == platform]

    def _read(self) -> None:
        listed = self._store.list_accounts()  # busiest first, as accounts_named lists them
        self._pairs = [(s.account.handle, s.account.platform) for s in listed]
        self._names = {}
        for summary in listed:
            if key := display_name_key(summary.account.display_name):
                self._names.setdefault(key, []).append((summary.account, summary.posts))


def find_named_account(
    store: Store, text: str, platform: str | None, stored: StoredHandles | None = None
) -> Account | None:
    """The one stored account (on ``platform``, when given) whose display name is ``text``;
    None when no account has it. Raises :class:`SharedNameError` naming the handles when
    several accounts with posts (or, none having posts, several accounts) share it."""
    named = stored.named(text, platform) if stored else store.accounts_named(text, platform)
    with_posts = [account for account, posts in named if posts]
    found = with_posts or [account for account, _posts in named]
    if len(found) <= 1:
        return found[0] if found else None
    name = " ".join(text.split())
    listed = ", ".join(f"@{a.handle} ({a.platform})" for a in found[:_LISTED])
    more = f" and {len(found) - _LISTED} more" if len(found) > _LISTED else ""
    raise SharedNameError(
        name,
        platform,
        f"'{name}' is the display name of {len(found)} accounts: {listed}{more}",
        hint=f"give the handle of the one you mean instead, e.g. @{found[0].handle}",
        close=tuple((a.handle, a.platform) for a in found[:_LISTED]),
    )
