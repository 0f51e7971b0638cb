"""The stored post a pasted link names: the link the inbox shows beside a conversation
(``https://x.com/ana/status/123``, ``https://bsky.app/profile/ana.bsky.social/post/3l7z...``,
a Mastodon status URL), so that ``inbox dismiss LINK`` marks its conversation; and the posts a
bare Bluesky record key names (``3l7z4sedyej2g``, the end of a post's ``at://`` id and link),
which is what gets copied when the link is cut short."""

from __future__ import annotations

import re

from staffpulse.store import Store

_LINK_RE = re.compile(r"^(https?://)?[\w.-]+\.[a-z]{2,}(/|$)", re.IGNORECASE)
_X_STATUS_RE = re.compile(
    r"^(?:https?://)?(?:www\.|mobile\.)?(?:x|twitter)\.com/[^/]+/status(?:es)?/(\d+)",
    re.IGNORECASE,
)
_BSKY_POST_RE = re.compile(r"^(?:https?://)?bsky\.app/profile/([^/]+)/post/([\w~.:-]+)")
# a Mastodon status, https://instance/@user/ID, stored as "instance:ID"
_MASTODON_STATUS_RE = re.compile(r"^(?:https?://)?([\w.-]+)/@[^/]+/(\d+)/?(?:[?#].*)?$")
# a Bluesky record key as Bluesky makes them (a TID): 13 characters of base32 ("3l7z4sedyej2g")
_RKEY_RE = re.compile(r"^[2-7a-j][2-7a-z]{12}$")


def looks_like_link(text: str) -> bool:
    """A web address rather than an id (``at://`` URIs and bare ids are ids)."""
    return not text.startswith("at://") and _LINK_RE.match(text.strip()) is not None


def looks_like_rkey(text: str) -> bool:
    """A bare Bluesky record key (``3l7z4sedyej2g``), the last part of a post's ``at://`` id."""
    return _RKEY_RE.match(text.strip()) is not None


def find_rkey_posts(store: Store, rkey: str) -> list[tuple[str, str, str]]:
    """(platform, post id, author) of each stored Bluesky post with the record key ``rkey``
    (two authors' posts may share one): the author as ``@handle``, else its DID."""
    rows = store.conn.execute(
        "SELECT platform, id, author_handle, author_id FROM posts WHERE platform = 'bluesky'"
        " AND id LIKE ? LIMIT 5",
        (f"at://%/app.bsky.feed.post/{rkey.strip()}",),
    ).fetchall()
    return [(str(p), str(i), f"@{h}" if h else str(a)) for p, i, h, a in rows]


def find_linked_post(store: Store, link: str) -> tuple[str, str] | None:
    """(platform, post id) of the stored post ``link`` points to, or None."""
    link = link.strip()
    found = _X_STATUS_RE.match(link)
    if found:
        return _stored(store, "SELECT platform, id FROM posts WHERE platform = 'x' AND id = ?",
                       found.group(1))  # fmt: skip
    found = _BSKY_POST_RE.match(link)
    if found:
        who, rkey = found.groups()
        if who.startswith("did:"):
            at_uri = f"at://{who}/app.bsky.feed.post/{rkey}"
            hit = _stored(store, "SELECT platform, id FROM posts WHERE platform = 'bluesky'"
                                 " AND id = ?", at_uri)  # fmt: skip
            if hit:
                return hit
        # a handle: the record key with the author's handle (a DID names no handle)
        rows = store.conn.execute(
            "SELECT p.platform, p.id FROM posts p WHERE p.platform = 'bluesky' AND p.id LIKE ?"
            " AND (lower(p.author_handle) = lower(?) OR p.author_id = ?)",
            (f"%/app.bsky.feed.post/{rkey}", who.lstrip("@"), who),
        ).fetchall()
        return (str(rows[0][0]), str(rows[0][1])) if len(rows) == 1 else None
    hit = _stored(store, "SELECT platform, id FROM posts WHERE url = ?", link)
    if hit is None and not link.lower().startswith("http"):
        hit = _stored(store, "SELECT platform, id FROM posts WHERE url = ?", "https://" + link)
    if hit is None and (status := _MASTODON_STATUS_RE.match(link)):
        host, number = status.groups()
        hit = _stored(store, "SELECT platform, id FROM posts WHERE platform = 'mastodon'"
                             " AND id = ?", f"{host.lower()}:{number}")  # fmt: skip
    return hit


def _stored(store: Store, sql: str, value: str) -> tuple[str, str] | None:
    row = store.conn.execute(sql + " LIMIT 2", (value,)).fetchall()
    return (str(row[0][0]), str(row[0][1])) if len(row) == 1 else None
