"""Posts shared with followers only (a Mastodon "followers-only" status, or a "direct" one to
the people it names): the audit counts them like any post but never quotes them, since its
reports are meant to be shared. Which posts they are is read from each post's stored payload
(:mod:`staffpulse.store.visibility`, which the inbox reads too).
"""

from __future__ import annotations

from collections.abc import Iterable

from staffpulse.audit.types import PillarResult, PostExample, example
from staffpulse.models import Account, Post
from staffpulse.store import Store
from staffpulse.store.visibility import not_public_ids


def followers_only_ids(store: Store, account: Account) -> frozenset[str]:
    """The ids of the account's posts shared with its followers only (or direct)."""
    return not_public_ids(store, account.platform, author_id=account.id)


def drop_followers_only(pillars: dict[str, PillarResult], posts: Iterable[Post]) -> None:
    """Take the followers-only ``posts`` out of every pillar's examples, to imitate, holding
    the account back or counted: a report is shared beyond the followers."""
    hidden = {_example_key(example(post, "")) for post in posts}
    if not hidden:
        return

    def public(examples: list[PostExample]) -> list[PostExample]:
        return [ex for ex in examples if _example_key(ex) not in hidden]

    for pillar in pillars.values():
        pillar.best, pillar.worst = public(pillar.best), public(pillar.worst)
        pillar.counted = public(pillar.counted)


def _example_key(ex: PostExample) -> tuple[str, str | None, str | None]:
    """What makes two examples the same post: the quoted text, its date and its link."""
    return (ex.text, ex.date, ex.url)
