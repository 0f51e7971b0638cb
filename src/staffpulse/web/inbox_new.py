"""The Inbox page's "new since you last looked" (:mod:`staffpulse.listen.looks`), as the
terminal says it: which look moves the mark, and the line above the conversations.

Only the whole inbox moves the mark, as in the terminal: a page narrowed to one topic or
platform leaves the rest unread, so its "new" is measured from the last look at the whole
inbox and says so. The dashboard ranks only "now" or "as of the newest post", never a date, so
its as-of choice never keeps a look from counting (``inbox --as-of DATE`` does).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from staffpulse.listen.looks import moves_the_mark

if TYPE_CHECKING:
    from staffpulse.listen.inbox_model import Inbox, InboxItem


@dataclass(frozen=True, slots=True)
class NewSince:
    """What the page says of the new conversations: ``count`` open ones came in since
    ``since`` (None: the firm's first look, nothing is new yet), ``below`` of them further down
    than the conversations shown; ``narrowed``: the page shows one topic or platform, so "new"
    is measured from the last look at the whole inbox, and this look is not one."""

    count: int
    since: datetime | None
    below: int
    narrowed: bool


def new_since(inbox: Inbox, shown: list[InboxItem]) -> NewSince | None:
    """The line of the Inbox page on new conversations; None for an inbox made without a look.
    Every open conversation is ranked (the page shows them a page at a time), so the count is
    of all of them, and the ones not shown yet are said to be further down."""
    if inbox.look is None:
        return None
    narrowed = not moves_the_mark(inbox.topic_query, inbox.platform)
    count = inbox.new_count if inbox.new_since is not None else 0
    below = count - sum(1 for item in shown if item.new)
    return NewSince(count, inbox.new_since, below, narrowed)
