"""What the firm did with a conversation: joined it (replied, or marked it so), dismissed it, or
snoozed it until a date (:mod:`staffpulse.listen.snooze`).

The inbox lists joined conversations apart, and the audit's Conversation pillar counts them
(:func:`joined_conversations`), so that answering from the inbox shows in the firm's grade.

Marks are kept per firm (:func:`firm_key`: the account posting, as ``inbox --as`` names it): a
consultant with several clients in one store marks a conversation joined for one of them, and
only that client's inbox and audit see it. A mark made without a firm (and every mark made
before marks were kept per firm) belongs to no particular firm: the inbox honours it when no
firm is named, and also when one is, wherever that firm has no mark of its own
(:func:`firm_marks`: a user who triaged before saying which account is theirs keeps that
triage); no audit counts it, because nothing says which firm joined. Reopening a
conversation removes the firm's mark and the mark of no particular firm, so that it is open
again in the inbox the user is looking at.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from staffpulse.errors import InputError, NotFoundError
from staffpulse.listen import schema
from staffpulse.listen.post_links import (
    find_linked_post,
    find_rkey_posts,
    looks_like_link,
    looks_like_rkey,
)
from staffpulse.listen.rank_signals import addressee, is_firm
from staffpulse.listen.thread_work import firm_reply_ids, thread_work
from staffpulse.listen.threads import Conversation, load_conversations_around
from staffpulse.models import PLATFORMS, Post, normalize_handle, platform_choice
from staffpulse.next_steps import FIND_CONVERSATION_ID
from staffpulse.store import Store
from staffpulse.store.codec import format_time

NO_FIRM = ""  # the key of a mark made without naming a firm


def firm_key(store: Store, handle: str | None) -> str:
    """The firm whose marks these are, from the handle (or id) ``inbox --as`` takes: the stored
    account's normalized handle, else the handle as typed, normalized; :data:`NO_FIRM` when
    none is named."""
    typed = normalize_handle(handle or "")
    if not typed:
        return NO_FIRM
    row = store.conn.execute(
        "SELECT handle_norm FROM accounts WHERE handle_norm = ? OR id = ?"
        " ORDER BY handle_norm = ? DESC LIMIT 1",
        (typed, (handle or "").strip(), typed),
    ).fetchone()
    return str(row[0]) if row and row[0] else typed


def inbox_opened(store: Store, handle: str | None) -> bool:
    """Whether an inbox was ever opened, or a conversation marked, as the firm of ``handle``
    (``inbox --as``, ``[listen] account`` or the dashboard's firm)."""
    firm = firm_key(store, handle)
    found = store.conn.execute(
        "SELECT 1 FROM listen_inbox_looks WHERE account = ?"
        " UNION ALL SELECT 1 FROM listen_inbox_state WHERE account = ? LIMIT 1",
        (firm, firm),
    ).fetchone()
    return found is not None


def firm_marks(store: Store, platform: str | None, firm: str) -> dict[tuple[str, str], str]:
    """(platform, conversation id) -> ``joined`` / ``dismissed`` / ``snoozed`` (whether the
    snooze has ended is the inbox's to judge: :mod:`.snooze`): the marks the inbox of
    ``firm`` (a :func:`firm_key`) honours, its own over those made with no firm named."""
    marks = schema.inbox_states(store, platform, NO_FIRM)
    if firm != NO_FIRM:
        marks.update(schema.inbox_states(store, platform, firm))
    return marks


def describe_firm(store: Store, handle: str | None) -> tuple[str | None, bool]:
    """The firm a mark is for, as a message names it (None: no particular firm), and whether
    an account with that handle is stored."""
    firm = firm_key(store, handle)
    if firm == NO_FIRM:
        return None, False
    row = store.conn.execute("SELECT 1 FROM accounts WHERE handle_norm = ? LIMIT 1", (firm,))
    return firm, row.fetchone() is not None


def _account_firm(store: Store, platform: str, account_id: str) -> str:
    """The firm key of a stored account (its normalized handle); :data:`NO_FIRM` when the
    account is not stored, so that it is credited with no one's marks."""
    row = store.conn.execute(
        "SELECT handle_norm FROM accounts WHERE platform = ? AND id = ?", (platform, account_id)
    ).fetchone()
    return str(row[0]) if row and row[0] else NO_FIRM


def joined_conversation_ids(
    store: Store, platform: str, account_id: str, since: datetime | None = None
) -> list[str]:
    """Relevant conversations, opened by others, that the account replied in (or that the user
    marked joined for this firm: never another firm's marks, nor marks of no particular firm),
    with activity by the account since ``since``.

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
    # one look-up for all their posts, not one per conversation; a thread the inbox leaves out
    # as not about work (the account's banter with a friend, "@sam sent it like a pro") was never
    # a conversation to join, whatever word the classifier caught in it
    post_ids = [p.id for c in joined for p in c.posts]
    verdicts = schema.relevance_verdicts(store, platform, post_ids)
    hits = schema.keyword_hits(store, platform, post_ids)
    firm = _account_firm(store, platform, account_id)
    # a thread opened addressed to the account ("@acme is the Dayton office open?") is offered
    # by the inbox to the firm whatever its words, and listed there as joined once answered: a
    # care desk's answers to its customers count here as they do in `inbox --as`
    found = {
        conv.id
        for conv in joined
        if _asks_the_account(conv, firm)
        or (
            any(verdicts.get(p.id, (0.0, False))[1] for p in conv.posts)
            # the account's own replies are no part of the thread's work talk: in a two-post
            # thread its banter would be half of it
            and not thread_work(
                conv, verdicts, hits, (), firm_reply_ids(conv, {account_id})
            ).off_work
        )
    }
    marks = schema.marked_joined(store, platform, firm) if firm != NO_FIRM else {}
    for conv_id, at in marks.items():
        if since is None or (at is not None and at >= since):
            found.add(conv_id)
    return sorted(found)


def _asks_the_account(conv: Conversation, handle: str) -> bool:
    """The thread opens addressed to the account ("@acme is the Dayton office open?"): the
    inbox offers it to the firm whatever its words, so answering it counts."""
    aimed_at = addressee(conv)
    return handle != NO_FIRM and aimed_at is not None and is_firm(aimed_at, {handle})


def joined_conversations(
    store: Store, platform: str, account_id: str, since: datetime | None = None
) -> int:
    """How many listened conversations the account joined (see :func:`joined_conversation_ids`)."""
    return len(joined_conversation_ids(store, platform, account_id, since))


_VERBS = {"joined": "mark-joined", "dismissed": "dismiss", "snoozed": "snooze", None: "reopen"}
_FIND_ID = FIND_CONVERSATION_ID.say()


def find_conversations(
    store: Store, some_id: str, platform: str | None = None
) -> list[Conversation]:
    """The stored conversations ``some_id`` names or belongs to, on any platform (or the one
    given): assembled the way the inbox assembles them, so the id of a conversation whose
    first post is not stored (the missing post's id) is found too."""
    out: list[Conversation] = []
    # one platform at a time: the posts' indexes start with the platform
    for plat in PLATFORMS if platform is None else (platform,):
        out.extend(
            conv
            for conv in load_conversations_around(store, plat, [some_id])
            if conv.id == some_id or any(p.id == some_id for p in conv.posts)
        )
    return out


def conversation_openings(store: Store, platform: str, ids: Sequence[str]) -> dict[str, Post]:
    """The opening shown for each conversation id (its first post, else the earliest stored
    one), for lists of marked conversations such as the dashboard's dismissed ones."""
    out: dict[str, Post] = {}
    for conv_id in ids:
        conv = next(
            (c for c in find_conversations(store, conv_id, platform) if c.id == conv_id), None
        )
        if conv is not None:
            out[conv_id] = conv.opening
    return out


def set_state(
    store: Store,
    conversation_id: str,
    state: str | None,
    platform: str | None = None,
    as_handle: str | None = None,
    *,
    until: datetime | None = None,
    at: datetime | None = None,
) -> tuple[str, str]:
    """Mark a conversation ``joined`` / ``dismissed`` / ``snoozed`` (until ``until``, which a
    snooze needs; ``None`` reopens, clearing a snooze too) for the firm ``as_handle`` names
    (:func:`firm_key`; none: a mark of no particular firm), as of ``at`` (default: now).
    Returns its key.

    The id must be one the inbox shows: a stored conversation with a post judged about work,
    its first post stored or not. A post's id inside a conversation, or an unknown id, is an
    error that says which id to use, rather than a mark that hides nothing."""
    if (state == "snoozed") != (until is not None):
        raise ValueError("a snooze, and only a snooze, has an end (until)")
    conversation_id = conversation_id.strip()
    platform = platform_choice(platform)
    if looks_like_link(conversation_id):  # the link the inbox shows: its conversation's id
        platform, conversation_id = _linked_conversation(store, conversation_id)
    elif _bare_rkey(store, conversation_id, platform):
        posts = find_rkey_posts(store, conversation_id)
        platform, conversation_id = _rkey_conversation(store, conversation_id, posts)
    firm = firm_key(store, as_handle)
    marked = sorted(
        plat for plat, conv in firm_marks(store, platform, firm) if conv == conversation_id
    )
    if state is None and marked:  # reopening always works, even once its posts are gone
        platforms = marked
    else:
        found = find_conversations(store, conversation_id, platform)
        listed = [c for c in found if c.id == conversation_id and _in_inbox(store, c)]
        if not listed:
            raise _not_a_conversation(store, conversation_id, state, found)
        platforms = sorted({c.platform for c in listed})
    if len(platforms) > 1:
        raise InputError(
            f"'{conversation_id}' exists on several platforms ({', '.join(platforms)})",
            hint="add --platform to choose one",
        )
    schema.set_inbox_state(store, platforms[0], conversation_id, state, firm, until=until, at=at)
    if state is None and firm != NO_FIRM:  # else the mark of no firm would still hide it
        schema.set_inbox_state(store, platforms[0], conversation_id, None, NO_FIRM)
    return platforms[0], conversation_id


def current_mark(
    store: Store, conversation_id: str, platform: str | None = None, as_handle: str | None = None
) -> str | None:
    """The firm's mark on a conversation (``joined`` / ``dismissed`` / ``snoozed``), None when
    it has none: ``reopen`` then has nothing to undo. Takes what :func:`set_state` takes, links
    too."""
    conversation_id = conversation_id.strip()
    platform = platform_choice(platform)
    if looks_like_link(conversation_id):
        post = find_linked_post(store, conversation_id)
        if post is None:
            return None
        platform, conversation_id = _linked_conversation(store, conversation_id)
    elif _bare_rkey(store, conversation_id, platform):
        posts = find_rkey_posts(store, conversation_id)
        if not posts:
            return None
        platform, conversation_id = _rkey_conversation(store, conversation_id, posts)
    marks = firm_marks(store, platform, firm_key(store, as_handle))
    return next((state for (_p, conv), state in marks.items() if conv == conversation_id), None)


def _linked_conversation(store: Store, link: str) -> tuple[str, str]:
    """(platform, conversation id) of the stored post a pasted link points to."""
    post = find_linked_post(store, link)
    if post is None:
        raise NotFoundError(
            f"no stored post has the link '{link}': a link is not an id",
            hint="use the id shown after 'id:' in: staffpulse inbox (conversation_id in --json)",
        )
    platform, post_id = post
    convs = [c for c in find_conversations(store, post_id, platform) if c.platform == platform]
    conv = next((c for c in convs if any(p.id == post_id for p in c.posts)), None)
    return platform, conv.id if conv is not None else post_id


def _bare_rkey(store: Store, some_id: str, platform: str | None) -> bool:
    """A Bluesky record key pasted alone ("3l7z4sedyej2g": the end of a post's at:// id or
    link), not an id of a stored conversation as it is."""
    return (
        platform in (None, "bluesky")
        and looks_like_rkey(some_id)
        and not find_conversations(store, some_id, platform)
    )


def _rkey_conversation(
    store: Store, rkey: str, posts: list[tuple[str, str, str]]
) -> tuple[str, str]:
    """(platform, conversation id) of the one stored Bluesky post with the record key, of
    ``posts`` (:func:`find_rkey_posts`: a scan of every id, so it is run once, by the caller)."""
    if not posts:
        raise NotFoundError(
            f"'{rkey}' looks like the record key of a Bluesky post (the last part of its at://"
            " id or bsky.app link), and no stored Bluesky post has it",
            hint="paste the whole link (https://bsky.app/profile/HANDLE/post/KEY) or the id"
            " shown after 'id:' in: staffpulse inbox (conversation_id in --json)",
        )
    if len(posts) > 1:
        authors = ", ".join(sorted({author for _p, _i, author in posts}))
        raise InputError(
            f"'{rkey}' is the record key of several stored Bluesky posts ({authors}): a record"
            " key is unique only for one author",
            hint="paste the whole link (https://bsky.app/profile/HANDLE/post/KEY), which names"
            " the author, or the post's at:// id",
        )
    platform, post_id, _author = posts[0]
    convs = find_conversations(store, post_id, platform)
    conv = next((c for c in convs if any(p.id == post_id for p in c.posts)), None)
    return platform, conv.id if conv is not None else post_id


def _in_inbox(store: Store, conv: Conversation) -> bool:
    """Whether the inbox lists the conversation: it holds a post judged about work."""
    return bool(schema.relevant_post_ids(store, conv.platform, [p.id for p in conv.posts]))


def _not_a_conversation(
    store: Store, some_id: str, state: str | None, found: list[Conversation]
) -> NotFoundError:
    """Why ``some_id`` takes no mark, and the id or command to use instead."""
    conv = next((c for c in found if c.id == some_id), None)
    if conv is None and found:
        conv = found[0]
        if _in_inbox(store, conv):
            return NotFoundError(
                f"'{some_id}' is a post in {conv.platform} conversation '{conv.id}', not a"
                " conversation id",
                hint=f"use the conversation's id: staffpulse inbox {_VERBS[state]} {conv.id}",
            )
    if conv is not None:  # stored, but never offered: a mark would change nothing shown
        return NotFoundError(
            f"{conv.platform} conversation '{conv.id}' is not in the inbox: none of its posts"
            " was judged to be about work",
            hint="the inbox lists conversations about work; " + _FIND_ID,
        )
    return NotFoundError(f"no conversation '{some_id}' in the store", hint=_FIND_ID)
