"""Posts shared with followers only (a Mastodon "followers-only" status, or a "direct" one to
the people it names): the audit counts them like any post but never quotes them, since its
reports are meant to be shared. Which posts they are is read from each post's stored payload
(:mod:`staffpulse.store.visibility`, which the inbox reads too).
"""

from __future__ import annotations

from collections.abc import Iterable

from staffpulse.audit.types import PillarResult, example
from staffpulse.models import Account, Post
from staffpulse.store import Store
from staffpulse.store.visibility import not_public_ids


def followers_only_ids(store: Store, account: Account) -> frozenset[str]:
    """The ids of the account's posts shared with its followers only (or direct)."""
    return not_public_ids(store, account.platform, author_id=account.id)


def drop_followers_only(pillars: dict[str, PillarResult], posts: Iterable[Post]) -> None:
    """Take the followers-only ``posts`` out of every pillar's examples, to imitate, holding
    the account back or counted: a report is shared beyond the followers."""
    hidden = {(ex.text, ex.date, ex.url) for ex in (example(post, "") for post in posts)}
    if not hidden:
        return
    for pillar in pillars.values():
        pillar.best = [ex for ex in pillar.best if (ex.text, ex.date, ex.url) not in hidden]
        pillar.worst = [ex for ex in pillar.worst if (ex.text, ex.date, ex.url) not in hidden]
        pillar.counted = [ex for ex in pillar.counted if (ex.text, ex.date, ex.url) not in hidden]
