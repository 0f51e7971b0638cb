"""Bluesky posts as ``classify`` reads them: a page of the Bluesky API (``getAuthorFeed``'s
``feed``, ``getPosts``' or ``searchPosts``' ``posts``, ``listRecords``' ``records``) holds
its posts without an ``id`` or ``text`` of their own, under ``uri`` and ``record.text``
(``value.text`` in a repository's records). Each is read as ``{"id": uri, "text": text}``
so that such a page is scored post by post rather than refused for having no id."""

from __future__ import annotations

from typing import Any

__all__ = ["BLUESKY_NOTE", "BLUESKY_WRAPPERS", "bluesky_post"]

# the keys under which the Bluesky API's pages hold their posts
BLUESKY_WRAPPERS = ("feed", "posts", "records")
BLUESKY_NOTE = (
    "Bluesky posts, as the Bluesky API gives them (getAuthorFeed...): each post's id is "
    "its at:// uri and its text the post record's text"
)


def bluesky_post(value: Any) -> dict[str, Any] | None:
    """``{"id": uri, "text": ...}`` for a Bluesky post view, a feed item holding one
    (``{"post": {...}, "reason": ...}``) or a repository record (``value``); None for
    anything else, which is then read as it is."""
    if not isinstance(value, dict) or "id" in value or "text" in value:
        return None
    post = value.get("post")
    if isinstance(post, dict):  # a feed item: the post, and why it is in the feed
        value = post
    uri = value.get("uri")
    if not isinstance(uri, str) or not uri.startswith("at://"):
        return None
    record = value.get("record", value.get("value"))
    if not isinstance(record, dict) or "text" not in record:
        return None
    return {"id": uri, "text": record["text"]}
