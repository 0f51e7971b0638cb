"""What a Bluesky author-feed item is: its id (a repost's its own) and when it came, read by
:mod:`staffpulse.fetch.bluesky` to resume the feed and to say the days a capped run left."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from staffpulse.sources.base import parse_timestamp


def item_time(item: Mapping[str, Any]) -> datetime | None:
    """When a feed item came: a repost when it was reposted, a post when it was indexed."""
    reason, post = item.get("reason"), item.get("post")
    for part in (reason, post):
        when = parse_timestamp(part.get("indexedAt")) if isinstance(part, dict) else None
        if when is not None:
            return when
    return None


def item_id(item: Mapping[str, Any]) -> str | None:
    """A feed item's id: its post's URI, a repost's with who reposted it."""
    post = item.get("post") if isinstance(item.get("post"), dict) else {}
    uri = post.get("uri") if isinstance(post, dict) else None
    reason = item.get("reason")
    if isinstance(reason, dict) and str(reason.get("$type", "")).endswith("reasonRepost"):
        by = reason.get("by") if isinstance(reason.get("by"), dict) else {}
        did = by.get("did") if isinstance(by, dict) else None
        return f"{uri}#repost-by-{did}" if uri and did else None
    return str(uri) if uri else None
