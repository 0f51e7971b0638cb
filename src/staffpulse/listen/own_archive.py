"""An inbox ``--as`` a firm whose store holds only the firm's own posts (its X archive, say).

Such a store has no one else's conversation to offer: every thread in it is one the firm began
(``own_opened``, never offered) or one where it replied to a post the store does not hold
(``own_replies``, counted as joined). Said as "every conversation is joined, dismissed or
snoozed", it read as if the firm had done that itself; it is told instead that its own posts
are all there is, and where other people's conversations are found.

A user who imported only their own archive and typed ``inbox`` without ``--as`` (the import's
next step) was offered their own old posts as conversations to join: :func:`find_archive_owner`
names the archive's owner, and the inbox is then read as theirs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from staffpulse.listen.left_out import KINDS, left_out_kinds
from staffpulse.listen.thread_work import OFF_WORK
from staffpulse.listen.threads import Conversation
from staffpulse.models import platform_label
from staffpulse.next_steps import FIND_CONVERSATIONS
from staffpulse.report.counts import count_of
from staffpulse.store import Store
from staffpulse.store.export_gaps import WHOLE_ACCOUNT_SOURCES


def find_archive_owner(store: Store) -> tuple[str, str] | None:
    """(handle, platform) of the one account whose export (an X archive, a Bluesky repo, a
    Mastodon archive) is all the store's posts, else None: a store of one brand's fetched or
    listened posts is not the user's own, so its posts stay conversations to join."""
    first = store.conn.execute("SELECT platform, author_id FROM posts LIMIT 1").fetchone()
    if first is None:
        return None
    platform, author = first
    # anyone else's post: four seeks in the (platform, author_id) index, not a DISTINCT that
    # reads every post of a store of one author (100,000 posts: 30 ms before, under 1 ms)
    other = store.conn.execute(
        "SELECT EXISTS (SELECT 1 FROM posts WHERE platform < ?)"
        " OR EXISTS (SELECT 1 FROM posts WHERE platform > ?)"
        " OR EXISTS (SELECT 1 FROM posts WHERE platform = ? AND author_id < ?)"
        " OR EXISTS (SELECT 1 FROM posts WHERE platform = ? AND author_id > ?)",
        (platform, platform, platform, author, platform, author),
    ).fetchone()[0]
    if other:
        return None
    marks = ", ".join("?" * len(WHOLE_ACCOUNT_SOURCES))
    row = store.conn.execute(
        "SELECT a.handle FROM accounts a WHERE a.platform = ? AND a.id = ? AND EXISTS ("
        " SELECT 1 FROM posts p JOIN raw_payloads r ON r.id = p.raw_id"
        f" WHERE p.platform = a.platform AND p.author_id = a.id AND r.source IN ({marks}))",
        (platform, author, *sorted(WHOLE_ACCOUNT_SOURCES)),
    ).fetchone()
    return None if row is None or not row[0] else (str(row[0]), str(platform))


def archive_owner_note(handle: str, platform: str) -> str:
    """What the inbox says when it read the store as the archive owner's, no ``--as`` given."""
    return (
        f"every stored post is @{handle}'s own ({platform_label(platform)} archive), so the"
        f" inbox is read as @{handle}'s, as --as {handle} would"
    )


def count_own_replies(conversations: Sequence[Conversation], own: Sequence[tuple[str, str]]) -> int:
    """How many of ``conversations`` hold only posts of the firm's ``own`` accounts: its
    replies to posts the store does not hold (the ones it began are not among them)."""
    ids = set(own)
    return sum(
        1
        for conv in conversations
        if conv.posts and all((conv.platform, p.author_id) in ids for p in conv.posts)
    )


def holds_own_posts_only(counts: Mapping[str, int]) -> bool:
    """The inbox's store (its ``counts``) holds the firm's own conversations and no one else's."""
    began, replied = counts.get("own_opened", 0), counts.get("own_replies", 0)
    # after_as_of: others' conversations may begin after the date asked for
    return (
        replied == counts.get("conversations", 0)
        and bool(began or replied)
        and not counts.get("after_as_of")
    )


def own_posts_only_reason(
    counts: Mapping[str, int], left_out: Mapping[str, int] | None = None
) -> str | None:
    """Why an inbox whose store holds nothing but the firm's own posts lists nothing (None when
    it holds someone else's conversation, or none of the firm's either); ``left_out``, by
    reason, names why its replies not listed as joined were left out."""
    if not holds_own_posts_only(counts):
        return None
    began, replied = counts.get("own_opened", 0), counts.get("own_replies", 0)
    held = [f"{count_of(began, 'conversation')} you began"] if began else []
    if replied:  # "20 conversations you began; 10 you replied in", the noun said once
        said = f"{replied:,}" if began else count_of(replied, "conversation")
        # a reply in a chat not about work ("@sam sent it like a pro") is left out, not joined,
        # and so is one not public (a followers-only reply on Mastodon)
        joined = min(counts.get("joined", replied), replied)
        kinds = left_out_kinds(left_out or {}) or KINDS[OFF_WORK]
        if joined == replied:
            held.append(f"{said} you replied in, listed as joined, whose other posts aren't stored")
        else:
            listed = f"{joined:,} listed as joined, {replied - joined:,}" if joined else "all"
            held.append(
                f"{said} you replied in, whose other posts aren't stored: {listed} left out as"
                f" {kinds}"
            )
    return (
        f"Nothing to join: the store holds only your own posts ({'; '.join(held)}), and the "
        f"inbox offers other people's conversations. {FIND_CONVERSATIONS.say()}"
    )
