"""Messages carried across a redirect: the result of a form, shown on the page it returns to.

Forms answer with a redirect (POST, then redirect, then GET), so that reloading the page does
not send the form again and Back and Forward work. What the form has to say (why a cohort
file was refused, how many of its lines could not be used) is kept here under a random key
that the redirect's address names (``?flash=KEY``); the page it leads to shows it. The text
stays on the server: an address cannot be made to show a message of someone else's choosing.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass

KEEP = 200  # the latest messages, so that a reload (or Back) still shows them


@dataclass(frozen=True)
class Flash:
    """``kind`` is ``ok`` (done), ``warn`` (done, with reservations) or ``error`` (refused)."""

    kind: str
    title: str
    message: str = ""
    hint: str | None = None
    note: str | None = None  # after the hint, e.g. "Nothing was changed."
    # the fields of an Undo button's form to /inbox/state (a dismiss undone by a reopen): a
    # mis-tap on a phone, where a card's buttons are stacked, is then one press from undone
    undo: tuple[tuple[str, str], ...] = ()


class Flashes:
    def __init__(self) -> None:
        self._items: OrderedDict[str, Flash] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, flash: Flash) -> str:
        key = secrets.token_urlsafe(9)
        with self._lock:
            self._items[key] = flash
            while len(self._items) > KEEP:
                self._items.popitem(last=False)
        return key

    def get(self, key: str | None) -> Flash | None:
        if not key:
            return None
        with self._lock:
            return self._items.get(key)


def with_flash(target: str, key: str) -> str:
    """``target`` with the flash's key in its query."""
    return f"{target}{'&' if '?' in target else '?'}flash={key}"
