"""The firm's own accounts, by the handle ``inbox --as`` names: found by handle or id, on one
platform when asked, else through the posts signed with the handle; and the note when the
store has none of them."""

from __future__ import annotations

from datetime import UTC, datetime

from staffpulse.listen.own_accounts import missing_account_note, resolve_accounts
from staffpulse.models import Account, Post, Provenance
from staffpulse.store import Store

PROV = Provenance("test", "mem", "t", datetime(2026, 3, 1, tzinfo=UTC))


def test_the_handle_finds_the_firms_account_on_every_platform_or_one(store: Store) -> None:
    store.upsert(
        [
            Account(platform="x", id="9001", handle="AcmeStaffing"),
            Account(platform="bluesky", id="did:plc:acme", handle="acmestaffing"),
        ],
        PROV,
    )
    assert sorted(resolve_accounts(store, "@AcmeStaffing")) == [
        ("bluesky", "did:plc:acme"),
        ("x", "9001"),
    ]
    assert resolve_accounts(store, "acmestaffing", "x") == [("x", "9001")]
    assert resolve_accounts(store, "9001") == [("x", "9001")]  # an id works too


def test_without_an_account_the_posts_signed_with_the_handle_are_the_firms(store: Store) -> None:
    store.upsert(
        [Post(platform="x", id="1", author_id="9001", author_handle=" @AcmeStaffing ")], PROV
    )
    assert resolve_accounts(store, "acmestaffing") == [("x", "9001")]
    assert resolve_accounts(store, "acmestaffing", "bluesky") == []


def test_the_note_says_which_joined_conversations_still_count() -> None:
    assert missing_account_note("@acme", "bluesky") == (
        "account @acme on Bluesky is not in the store, so its replies are unknown and nothing"
        " counts as joined; import or fetch its posts first"
    )
    assert "the 1 conversation counted as joined was marked joined by hand" in (
        missing_account_note("@acme", marked=1)
    )
    assert "the 3 conversations counted as joined were marked joined by hand" in (
        missing_account_note("@acme", marked=3)
    )
