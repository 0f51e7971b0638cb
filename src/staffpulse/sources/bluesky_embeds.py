"""What a Bluesky post record's ``embed`` says of the post: the post it quotes, and the link
its card shows. The repo export and the AppView's JSON carry the same record, so both readers
take these from here."""

from __future__ import annotations

from typing import Any

from staffpulse.sources.jsonio import get_str


def quoted_uri(embed: Any) -> str | None:
    """The post a record's ``embed`` quotes (``embed.record`` or ``embed.recordWithMedia``)."""
    if not isinstance(embed, dict):
        return None
    kind = str(embed.get("$type", ""))
    if kind.startswith("app.bsky.embed.recordWithMedia"):
        return quoted_uri(embed.get("record"))
    if kind.startswith("app.bsky.embed.record"):
        uri = get_str(embed, "record", "uri")
        return uri if uri and "/app.bsky.feed.post/" in uri else None
    return None


def card_url(embed: Any) -> str | None:
    """The address of a record's link card (``embed.external``, also as the media of a quote):
    the app drops the link from the text once the card shows it, so a post sharing a job
    advert often names its link nowhere else."""
    if not isinstance(embed, dict):
        return None
    kind = str(embed.get("$type", ""))
    if kind.startswith("app.bsky.embed.recordWithMedia"):
        return card_url(embed.get("media"))
    if kind.startswith("app.bsky.embed.external"):
        return get_str(embed, "external", "uri") or None
    return None
