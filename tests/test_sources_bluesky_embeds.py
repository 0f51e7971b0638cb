"""A Bluesky post's embed: the post it quotes and the link its card shows, as the lexicon
writes each kind (images, video, external, record, recordWithMedia)."""

from __future__ import annotations

from typing import Any

from staffpulse.sources.bluesky import post_from_record
from staffpulse.sources.bluesky_embeds import card_url, quoted_uri

QUOTED = "at://did:plc:dana2other/app.bsky.feed.post/3kquoted"
CARD = {"uri": "https://jobs.example/nurse-leeds", "title": "Nurse, Leeds", "description": ""}
BLOB = {"$type": "blob", "ref": "bafkreiblob", "mimeType": "image/jpeg", "size": 6}


def _post(embed: dict[str, Any], text: str = "We are hiring") -> Any:
    record = {"text": text, "createdAt": "2026-10-01T09:00:00.000Z", "embed": embed}
    return post_from_record("at://did:plc:rosa/app.bsky.feed.post/3k1", record, "did:plc:rosa")


def test_a_link_card_is_the_posts_link_when_the_text_names_none() -> None:
    post = _post({"$type": "app.bsky.embed.external", "external": CARD})
    assert post.urls == (CARD["uri"],) and post.kind == "original"


def test_a_quote_with_a_link_card_keeps_both() -> None:
    embed = {
        "$type": "app.bsky.embed.recordWithMedia",
        "record": {"$type": "app.bsky.embed.record", "record": {"uri": QUOTED, "cid": "b"}},
        "media": {"$type": "app.bsky.embed.external", "external": CARD},
    }
    post = _post(embed)
    assert post.kind == "quote" and post.quoted_post_id == QUOTED
    assert post.urls == (CARD["uri"],)


def test_a_card_of_a_link_the_text_already_has_is_named_once() -> None:
    text = "Apply: https://jobs.example/nurse-leeds"
    start = text.encode().index(b"https")
    record = {
        "text": text,
        "createdAt": "2026-10-01T09:00:00.000Z",
        "facets": [
            {
                "index": {"byteStart": start, "byteEnd": len(text.encode())},
                "features": [{"$type": "app.bsky.richtext.facet#link", "uri": CARD["uri"]}],
            }
        ],
        "embed": {"$type": "app.bsky.embed.external", "external": CARD},
    }
    post = post_from_record("at://did:plc:rosa/app.bsky.feed.post/3k2", record, "did:plc:rosa")
    assert post.urls == (CARD["uri"],)


def test_images_video_and_a_quoted_feed_are_no_link_and_no_quote() -> None:
    images = {"$type": "app.bsky.embed.images", "images": [{"alt": "", "image": BLOB}]}
    video = {"$type": "app.bsky.embed.video", "video": BLOB}
    feed = {
        "$type": "app.bsky.embed.record",
        "record": {"uri": "at://did:plc:dana2other/app.bsky.feed.generator/jobs", "cid": "b"},
    }
    for embed in (images, video, feed):
        assert card_url(embed) is None and quoted_uri(embed) is None
        assert _post(embed).kind == "original" and _post(embed).urls == ()


def test_a_card_without_an_address_is_none() -> None:
    assert card_url({"$type": "app.bsky.embed.external", "external": {"uri": ""}}) is None
    assert card_url({"$type": "app.bsky.embed.external"}) is None
    assert card_url("not an embed") is None
