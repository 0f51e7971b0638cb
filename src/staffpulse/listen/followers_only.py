"""Conversations that are not public: the inbox neither offers nor quotes them.

A Mastodon status shared with the author's followers only ("visibility": "private") or with
the people it names only ("direct") is not a public conversation to join, and an inbox, its
HTML report or its page may be shared beyond those followers. So a conversation whose opening
post is not public is left out of the open items and counted (:data:`FOLLOWERS_ONLY`, first of
the reasons: it is never shown, whatever else it is), and a reply that is not public never
carries a thread's work talk, which the reasons would quote (:mod:`.thread_work`).

Which posts are not public is read from their stored payloads, as the audit reads them
(:mod:`staffpulse.store.visibility`).
"""

from __future__ import annotations

from collections.abc import Sequence

from staffpulse.listen.threads import Conversation
from staffpulse.store import Store
from staffpulse.store.visibility import not_public_ids

# The inbox's "left out" reason, and its names in the note
FOLLOWERS_ONLY = "followers_only"
FOLLOWERS_ONLY_NAMES = (
    "followers-only or direct post (not public)",
    "followers-only or direct posts (not public)",
)
# what a list of marked conversations shows instead of such an opening's words
NOT_QUOTED = "(a followers-only or direct post: not quoted)"


def not_public_posts(
    store: Store, conversations: Sequence[Conversation]
) -> frozenset[tuple[str, str]]:
    """(platform, post id) of every post of the conversations that is not public."""
    found: set[tuple[str, str]] = set()
    for platform in sorted({c.platform for c in conversations}):
        ids = sorted({p.id for c in conversations if c.platform == platform for p in c.posts})
        found.update((platform, i) for i in not_public_ids(store, platform, post_ids=ids))
    return frozenset(found)
