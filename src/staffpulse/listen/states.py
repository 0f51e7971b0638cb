"""What the firm did with a conversation: joined it (replied, or marked it so) or dismissed it.

The inbox lists joined conversations apart, and the audit's Conversation pillar counts them
(:func:`joined_conversations`), so that answering from the inbox shows in the firm's grade.
"""

from __future__ import annotations

from datetime import datetime

from staffpulse.errors import InputError, NotFoundError
from staffpulse.listen import schema
from staffpulse.listen.threads import load_conversations_around
from staffpulse.store import Store
from staffpulse.store.codec import format_time


def joined_conversation_ids(
    store: Store, platform: str, account_id: str, since: datetime | None = None
) -> list[str]:
    """Relevant conversations, opened by others, that the account replied in (or that the user
    marked joined), with activity by the account since ``since``.

    Starts from the account's own replies, not from every listened conversation, so that an
    audit stays fast on a store of millions of posts."""
    stamp = format_time(since)
    replies = [
        row[0]
        for row in store.conn.execute(
            "SELECT id FROM posts WHERE platform = ? AND author_id = ? AND kind = 'reply'"
            " AND (? IS NULL OR created_at >= ?)",
            (platform, account_id, stamp, stamp),
        )
    ]
    mine = set(replies)
    # "opened by others" as the inbox reads it: a conversation whose first post is not stored
    # shows the account's own reply as its opening, and is still one the account joined
    joined = [
        conv
        for conv in load_conversations_around(store, platform, replies)
        if not conv.opened_by(account_id) and mine.intersection(p.id for p in conv.posts)
    ]
    # one look-up for all their posts, not one per conversation
    relevant = schema.relevant_post_ids(store, platform, [p.id for c in joined for p in c.posts])
    found = {conv.id for conv in joined if relevant.intersection(p.id for p in conv.posts)}
    for conv_id, at in schema.marked_joined(store, platform).items():
        if since is None or (at is not None and at >= since):
            found.add(conv_id)
    return sorted(found)


def joined_conversations(
    store: Store, platform: str, account_id: str, since: datetime | None = None
) -> int:
    """How many listened conversations the account joined (see :func:`joined_conversation_ids`)."""
    return len(joined_conversation_ids(store, platform, account_id, since))


def set_state(
    store: Store, conversation_id: str, state: str | None, platform: str | None = None
) -> tuple[str, str]:
    """Mark a conversation ``joined`` / ``dismissed`` (``None`` reopens). Returns its key."""
    rows = store.conn.execute(
        "SELECT DISTINCT platform FROM posts WHERE (id = ? OR conversation_id = ?)"
        " AND (? IS NULL OR platform = ?)",
        (conversation_id, conversation_id, platform, platform),
    ).fetchall()
    platforms = sorted({row[0] for row in rows})
    if not platforms:
        raise NotFoundError(
            f"no conversation '{conversation_id}' in the store",
            hint="copy the id from: staffpulse inbox --json",
        )
    if len(platforms) > 1:
        raise InputError(
            f"'{conversation_id}' exists on several platforms ({', '.join(platforms)})",
            hint="add --platform to choose one",
        )
    schema.set_inbox_state(store, platforms[0], conversation_id, state)
    return platforms[0], conversation_id
