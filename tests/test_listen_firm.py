"""resolve_firm: who "You post as" and ``inbox --as`` name, decided once for the CLI and the web."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from staffpulse.errors import InputError, NotFoundError
from staffpulse.listen.firm import FirmStatus, resolve_firm
from staffpulse.models import Account, Post
from staffpulse.sources.base import provenance
from staffpulse.store import Store, open_store

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = open_store(tmp_path / "firm.db")
    rows: list[Account | Post] = [
        Account(platform="x", id="1", handle="BusyFirm"),
        Account(platform="x", id="2", handle="twofold"),
        Account(platform="bluesky", id="did:plc:two", handle="twofold"),
        # a posts file stores no account row: the handle is known by its posts alone
        Post(platform="x", id="p1", author_id="9", author_handle="postsonly", text="Hi",
             created_at=NOW),
    ]  # fmt: skip
    store.upsert(rows, provenance("test", "t"))
    return store


def test_blank_names_no_firm(store: Store) -> None:
    assert resolve_firm(store, "  ") is None and resolve_firm(store, None) is None


@pytest.mark.parametrize(
    "typed", ["busyfirm", "@BusyFirm", "https://x.com/busyfirm", "@busyfirm (x)"]
)
def test_a_stored_account_is_known_however_it_is_written(store: Store, typed: str) -> None:
    firm = resolve_firm(store, typed)
    assert firm is not None and firm.status is FirmStatus.KNOWN and firm.found
    assert firm.account is not None and firm.account.id == "1"
    assert (firm.inbox_handle, firm.inbox_platform) == ("BusyFirm", "x")
    assert firm.error is None


def test_posts_signed_with_the_handle_make_it_known(store: Store) -> None:
    firm = resolve_firm(store, "postsonly")
    assert firm is not None and firm.status is FirmStatus.KNOWN and firm.account is None
    assert (firm.inbox_handle, firm.inbox_platform) == ("postsonly", "x")


def test_a_handle_on_several_platforms_counts_them_all(store: Store) -> None:
    firm = resolve_firm(store, "twofold")
    assert firm is not None and firm.status is FirmStatus.ON_SEVERAL_PLATFORMS and firm.found
    assert firm.platforms == ("bluesky", "x")
    assert (firm.inbox_handle, firm.inbox_platform) == ("twofold", None)  # every platform's
    named = resolve_firm(store, "@twofold (bluesky)")
    assert named is not None and named.status is FirmStatus.KNOWN
    assert named.inbox_platform == "bluesky"


def test_a_bare_handle_not_stored_is_still_the_firm_the_inbox_is_for(store: Store) -> None:
    firm = resolve_firm(store, "nosuchfirm")
    assert firm is not None and firm.status is FirmStatus.NOT_IN_STORE and not firm.found
    assert firm.counted and firm.inbox_handle == "nosuchfirm"
    assert isinstance(firm.error, NotFoundError)


def test_one_account_named_on_a_platform_where_it_is_not_is_not_counted(store: Store) -> None:
    firm = resolve_firm(store, "@busyfirm (bluesky)")
    assert firm is not None and firm.status is FirmStatus.NOT_IN_STORE
    assert not firm.counted and firm.inbox_handle is None  # not X's @busyfirm either
    assert firm.error is not None and "@BusyFirm is on X, not Bluesky" in str(firm.error)
    assert firm.platform == "bluesky"


@pytest.mark.parametrize("typed", ["https://example.com/about", "busyfirm (facebook)"])
def test_what_is_no_account_reference_says_why(store: Store, typed: str) -> None:
    firm = resolve_firm(store, typed)
    assert firm is not None and firm.status is FirmStatus.INVALID
    assert isinstance(firm.error, InputError) and firm.inbox_handle is None
    assert firm.typed == typed  # shown back to be corrected
