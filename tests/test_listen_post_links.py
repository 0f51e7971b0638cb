"""``inbox dismiss LINK``: the link the inbox shows beside a conversation (X, Bluesky,
Mastodon) finds the stored post, however the user pasted it; a link that could mean two
posts finds none rather than the wrong one."""

from __future__ import annotations

from datetime import UTC, datetime

from staffpulse.listen.post_links import find_linked_post, looks_like_link
from staffpulse.models import Post, Provenance
from staffpulse.store import Store

PROV = Provenance("test", "mem", "t", datetime(2026, 3, 1, tzinfo=UTC))
DID = "did:plc:ana000000000000000000000"
BSKY = f"at://{DID}/app.bsky.feed.post/3l7z4sedyej2g"


def _posts(store: Store) -> None:
    store.upsert(
        [
            Post(platform="x", id="1890000000000000001", author_id="1", author_handle="ana"),
            Post(platform="bluesky", id=BSKY, author_id=DID, author_handle="ana.bsky.social"),
            Post(platform="mastodon", id="hr.social:112233", author_id="m1", author_handle="ana"),
            Post(platform="mastodon", id="hr.social:445566", author_id="m1", author_handle="ana",
                 url="https://hr.social/@ana/445566"),
        ],
        PROV,
    )  # fmt: skip


def test_an_x_link_is_found_from_either_domain_and_any_handle(store: Store) -> None:
    _posts(store)
    for link in (
        "https://x.com/ana/status/1890000000000000001",
        "twitter.com/whoever/status/1890000000000000001?s=20",
        " https://mobile.twitter.com/ana/statuses/1890000000000000001 ",
    ):
        assert find_linked_post(store, link) == ("x", "1890000000000000001"), link
    assert find_linked_post(store, "https://x.com/ana/status/42") is None


def test_a_bluesky_link_is_found_by_handle_or_did(store: Store) -> None:
    _posts(store)
    expected = ("bluesky", BSKY)
    assert (
        find_linked_post(store, "https://bsky.app/profile/ana.bsky.social/post/3l7z4sedyej2g")
        == expected
    )
    assert find_linked_post(store, f"bsky.app/profile/{DID}/post/3l7z4sedyej2g") == expected
    assert (
        find_linked_post(store, "https://bsky.app/profile/bob.bsky.social/post/3l7z4sedyej2g")
        is None
    )


def test_a_mastodon_link_is_found_by_its_address_or_its_server_and_number(store: Store) -> None:
    _posts(store)
    assert find_linked_post(store, "hr.social/@ana/445566") == ("mastodon", "hr.social:445566")
    assert find_linked_post(store, "https://HR.social/@ana/112233") == (
        "mastodon",
        "hr.social:112233",
    )


def test_a_record_key_two_authors_share_finds_no_post(store: Store) -> None:
    other = "at://did:plc:bob/app.bsky.feed.post/3l7z4sedyej2g"
    _posts(store)
    store.upsert(
        [
            Post(
                platform="bluesky",
                id=other,
                author_id="did:plc:bob",
                author_handle="ana.bsky.social",
            )
        ],
        PROV,
    )
    assert (
        find_linked_post(store, "https://bsky.app/profile/ana.bsky.social/post/3l7z4sedyej2g")
        is None
    )


def test_links_are_told_from_ids() -> None:
    assert looks_like_link("x.com/ana/status/1")
    assert looks_like_link("https://hr.social/@ana/1")
    assert not looks_like_link(BSKY)
    assert not looks_like_link("1890000000000000001")
