"""Handles people send in: the handles list (stored, fetched, tagged, retried)."""

from __future__ import annotations

import socket
from datetime import UTC, datetime

import pytest

from connect_fixtures import FakeRoleModel, build_store
from staffpulse.connect.fetching import ReachabilityGuard
from staffpulse.connect.handles import (
    Fetcher,
    HandleEntry,
    HandleOutcome,
    HandlesRead,
    HandlesRun,
    add_and_fetch_handles,
    add_handles,
    list_handles,
    merge_pending,
    pending_entries,
)
from staffpulse.errors import FetchError, NotFoundError, StoreError
from staffpulse.models import Account, Provenance
from staffpulse.sources.base import Problem
from staffpulse.store import Store


def _fetcher(calls: list[str], bio: str = "Weekend baker, cyclist and dad.") -> Fetcher:
    def fetch(store: Store, platform: str, handle: str) -> Account:
        calls.append(handle)
        account = Account(platform=platform, id="id_" + handle, handle=handle, bio=bio)
        store.upsert([account], Provenance("test", "here", "t", datetime.now(UTC)))
        return account

    return fetch


def test_add_handles_fetches_and_tags() -> None:
    store = build_store()
    calls: list[str] = []
    report = add_handles(
        store,
        [HandleEntry("x", "fresh_one", "f:1")],
        fetcher=_fetcher(calls),
        role_model=FakeRoleModel(),
    )
    (added,) = report.added
    assert added.status == "fetched" and added.account_id == "id_fresh_one"
    assert added.role == "other" and calls == ["fresh_one"] and not report.unreachable


def test_a_fetched_handle_with_nothing_to_read_gets_no_role() -> None:
    """No post and no bio: the model would answer from the handle alone ("other" at 0.99 for
    a default handle), which is no finding; the role stays unknown."""
    report = add_handles(
        build_store(),
        [HandleEntry("x", "fresh_one", "f:1")],
        fetcher=_fetcher([], bio=""),
        role_model=FakeRoleModel(),
    )
    assert [(h.status, h.role) for h in report.added] == [("fetched", None)]


def test_a_newer_reading_of_an_unknown_role_replaces_an_older_guess() -> None:
    """A handle tagged "other" by an earlier run (read from its name alone) kept that role when
    a later run's model, given nothing to read, left it unknown; a run that reads no role (no
    model, or not fetched) still keeps what was read before."""
    store = build_store()
    entry = HandleEntry("x", "fresh_one", "f:1")
    store.conn.execute(
        "INSERT INTO connect_handles (platform, handle, status, account_id, role, source,"
        " added_at, updated_at) VALUES ('x', 'fresh_one', 'fetched', 'id_fresh_one', 'other',"
        " 'f:1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"
    )
    again = add_handles(store, [entry], fetcher=_fetcher([], bio=""), role_model=FakeRoleModel())
    assert [h.role for h in again.already_listed] == [None]
    assert [h.role for h in list_handles(store)] == [None]
    # read again once it has a bio, then listed without a model: the role read stays
    _fetcher([])(store, "x", "fresh_one")
    add_handles(store, [entry], role_model=FakeRoleModel())
    assert [h.role for h in list_handles(store)] == ["other"]
    add_handles(store, [entry])
    assert [h.role for h in list_handles(store)] == ["other"]


def test_a_second_run_reports_handles_already_listed_apart_from_new_ones() -> None:
    store = build_store()
    first = [HandleEntry("x", "rita_recruits", "a:1"), HandleEntry("x", "new_person", "a:2")]
    report = add_handles(store, first)
    assert [h.handle for h in report.added] == ["rita_recruits", "new_person"]
    assert report.already_listed == []
    seen: list[HandleOutcome] = []
    again = add_handles(store, [*first, HandleEntry("x", "third", "b:3")], on_outcome=seen.append)
    assert [h.handle for h in again.added] == ["third"]
    assert [(h.handle, h.status) for h in again.already_listed] == [
        ("rita_recruits", "known"),
        ("new_person", "pending"),
    ]
    assert [o.new for o in seen] == [False, False, True]
    assert len(list_handles(store)) == 3  # no duplicate rows
    assert {e.handle for e in pending_entries(store)} == {"new_person", "third"}


def test_a_retry_tries_the_handles_given_then_the_pending_ones_each_once() -> None:
    store = build_store()
    add_handles(store, [HandleEntry("x", "new_person", "a:1"), HandleEntry("x", "third", "a:2")])
    given = [HandleEntry("x", "third", "b:1"), HandleEntry("x", "fourth", "b:2")]
    merged = merge_pending(store, given)
    assert [(e.handle, e.source) for e in merged] == [
        ("third", "b:1"),  # the file's line wins over the stored one
        ("fourth", "b:2"),
        ("new_person", "a:1"),
    ]


def _offline_fetcher(calls: list[str]) -> Fetcher:
    """A fetcher with the network down: every handle it is asked for goes into ``calls``, and
    fails as unreachable."""

    def fetch(store: Store, platform: str, handle: str) -> Account:
        calls.append(handle)
        raise _unreachable(f"{handle}: request failed")

    return fetch


def _unreachable(message: str) -> FetchError:
    """A FetchError as the fetchers raise it: ``from None``, the socket error as context."""
    try:
        try:
            raise socket.gaierror(-2, "Name or service not known")
        except OSError as exc:
            raise RuntimeError("NetworkError") from exc  # the SDK's own wrapper
    except RuntimeError:
        try:
            raise FetchError(message) from None
        except FetchError as error:
            return error
    raise AssertionError("unreachable")


def test_an_unreachable_service_is_not_tried_again_in_the_same_run() -> None:
    store = build_store()
    calls: list[str] = []

    def offline(store_: Store, platform: str, handle: str) -> Account:
        calls.append(handle)
        if handle.endswith("@typo.social"):
            raise _unreachable(f"{handle}: Mastodon request failed")
        if platform == "mastodon":
            raise NotFoundError(f"{handle}: not found")  # an answer: the network works
        raise _unreachable(f"{handle}: Bluesky request failed (NetworkError)")

    entries = [
        HandleEntry("mastodon", "ann@fosstodon.org", "f:1"),
        HandleEntry("bluesky", "a.bsky.social", "f:2"),
        HandleEntry("bluesky", "b.bsky.social", "f:3"),
        HandleEntry("mastodon", "val@typo.social", "f:4"),
        HandleEntry("mastodon", "zoe@typo.social", "f:5"),
        HandleEntry("mastodon", "bo@hr.social", "f:6"),
    ]
    outcomes: list[HandleOutcome] = []
    report = add_handles(store, entries, fetcher=offline, on_outcome=outcomes.append)
    # Bluesky and typo.social are tried once each; hr.social still is (fosstodon answered)
    assert calls == ["ann@fosstodon.org", "a.bsky.social", "val@typo.social", "bo@hr.social"]
    assert [o.tried for o in outcomes] == [True, True, False, True, False, True]
    assert all(o.handle.status == "pending" for o in outcomes)
    skipped = outcomes[2].handle.message or ""
    assert skipped.startswith("not tried: Bluesky could not be reached")
    assert "Name or service not known" in skipped
    assert [(u.label, u.skipped) for u in report.unreachable] == [
        ("Bluesky", 1),
        ("typo.social", 1),
    ]
    assert outcomes[1].unreachable is report.unreachable[0]  # the failure that revealed it


def test_with_the_network_down_every_remaining_fetch_is_skipped() -> None:
    store = build_store()
    calls: list[str] = []

    entries = [
        HandleEntry("bluesky", "a.bsky.social", "f:1"),
        HandleEntry("mastodon", "ann@fosstodon.org", "f:2"),
        HandleEntry("mastodon", "val@hr.social", "f:3"),
        HandleEntry("bluesky", "b.bsky.social", "f:4"),
    ]
    guard = ReachabilityGuard()
    report = add_handles(store, entries, fetcher=_offline_fetcher(calls), guard=guard)
    assert calls == ["a.bsky.social", "ann@fosstodon.org"]
    network = report.unreachable[-1]
    assert network.label == "the network" and network.skipped == 1  # val@hr.social
    assert [u.skipped for u in report.unreachable] == [1, 0, 1]  # b.bsky.social: Bluesky's


def test_an_x_handle_without_a_token_says_so_even_with_the_network_down(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("X_BEARER_TOKEN", raising=False)
    monkeypatch.setenv("STAFFPULSE_CONFIG", "/nonexistent/config.toml")
    store = build_store()

    entries = [
        HandleEntry("bluesky", "a.bsky.social", "f:1"),
        HandleEntry("mastodon", "ann@fosstodon.org", "f:2"),
        HandleEntry("x", "dave_hr", "f:3"),
    ]
    report = add_handles(store, entries, fetcher=_offline_fetcher([]))
    (dave,) = [h for h in report.added if h.handle == "dave_hr"]
    assert dave.status == "pending" and dave.message == "no X credentials: stored for later"


def test_x_handles_waiting_for_a_token_are_not_counted_as_not_tried_for_the_network() -> None:
    # conftest clears X_BEARER_TOKEN: the X handles wait for credentials, online or not
    store = build_store()
    calls: list[str] = []

    entries = [
        HandleEntry("bluesky", "a.bsky.social", "f:1"),
        HandleEntry("mastodon", "ann@fosstodon.org", "f:2"),
        HandleEntry("x", "janerecruits", "f:3"),
        HandleEntry("mastodon", "jane@hr.social", "f:4"),
        HandleEntry("x", "talent_tom", "f:5"),
    ]
    report = add_handles(store, entries, fetcher=_offline_fetcher(calls))
    assert calls == ["a.bsky.social", "ann@fosstodon.org"]
    waiting = report.waiting_for_credentials
    assert [o.handle.handle for o in waiting] == ["janerecruits", "talent_tom"]
    assert all(o.unreachable is None and not o.tried for o in waiting)
    missing = waiting[0].missing_credentials
    assert missing is not None and "X_BEARER_TOKEN" in (missing.hint or "")
    network = report.unreachable[-1]
    assert network.label == "the network" and network.skipped == 1  # jane@hr.social only


BSKY_DID = "did:plc:wbobyxe3tvgjgrwajfdxqdyk"


def _bluesky_store() -> Store:
    store = build_store()
    account = Account(platform="bluesky", id=BSKY_DID, handle="ferrow.dev")
    store.upsert([account], Provenance("test", "here", "t", datetime.now(UTC)))
    return store


def test_a_bluesky_handle_and_its_did_in_one_list_are_stored_once() -> None:
    store = _bluesky_store()
    entries = [
        HandleEntry("bluesky", "ferrow.dev", "f:1"),
        HandleEntry("bluesky", BSKY_DID, "f:2"),
    ]
    report = add_handles(store, entries)
    assert [h.handle for h in report.added] == ["ferrow.dev"]
    assert [h.handle for h in report.already_listed] == ["ferrow.dev"]  # the DID: a duplicate
    assert [(h.handle, h.account_id) for h in list_handles(store)] == [("ferrow.dev", BSKY_DID)]


def test_a_handle_sent_after_its_did_replaces_the_did_in_the_one_row() -> None:
    store = _bluesky_store()
    add_handles(store, [HandleEntry("bluesky", BSKY_DID, "a:1")])
    again = add_handles(store, [HandleEntry("bluesky", "ferrow.dev", "b:1")])
    assert again.added == [] and [h.handle for h in again.already_listed] == ["ferrow.dev"]
    (row,) = list_handles(store)
    assert (row.handle, row.account_id, row.source) == ("ferrow.dev", BSKY_DID, "a:1")


def test_a_retry_merges_a_handle_and_its_did_once_both_are_fetched() -> None:
    store = build_store()
    entries = [
        HandleEntry("bluesky", "ferrow.dev", "f:1"),
        HandleEntry("bluesky", BSKY_DID, "f:2"),
    ]
    add_handles(store, entries, fetcher=None)  # offline: both kept pending, not yet known as one
    assert len(list_handles(store)) == 2

    def online(store_: Store, platform: str, handle: str) -> Account:
        account = Account(platform=platform, id=BSKY_DID, handle="ferrow.dev")
        store_.upsert([account], Provenance("test", "here", "t", datetime.now(UTC)))
        return account

    retried = add_handles(store, pending_entries(store), fetcher=online)
    assert retried.added == [] and len(retried.already_listed) == 2
    (row,) = list_handles(store)
    assert (row.handle, row.account_id) == ("ferrow.dev", BSKY_DID)
    assert row.status != "pending"


def test_a_store_error_is_reported_not_taken_for_a_missing_account_and_fetched(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = build_store()
    calls: list[str] = []

    def locked(handle: str, platform: str | None = None) -> Account:
        raise StoreError("the store is locked by another program", hint="close it and retry")

    monkeypatch.setattr(store, "find_account", locked)
    with pytest.raises(StoreError, match="locked"):
        add_handles(store, [HandleEntry("x", "fresh_one", "f:1")], fetcher=_fetcher(calls))
    assert calls == []  # no fetch (on X: no paid credits) for an account that may be stored


def test_a_handle_not_in_the_store_is_still_fetched() -> None:
    store = build_store()
    calls: list[str] = []
    report = add_handles(store, [HandleEntry("x", "nobody_here", "f:1")], fetcher=_fetcher(calls))
    assert calls == ["nobody_here"] and report.added[0].status == "fetched"


def test_add_and_fetch_handles_uses_the_live_fetchers_and_the_shipped_role_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from staffpulse.connect import handles

    store = build_store()
    calls: list[str] = []
    monkeypatch.setattr(handles, "fetch_into_store", _fetcher(calls))
    monkeypatch.setattr(handles, "load_shipped_role_model", FakeRoleModel)
    report = add_and_fetch_handles(store, [HandleEntry("x", "fresh_one", "f:1")])
    assert calls == ["fresh_one"]
    assert [(h.status, h.role) for h in report.added] == [("fetched", "other")]


def test_add_and_fetch_handles_without_fetching_stores_only_and_loads_no_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from staffpulse.connect import handles

    def no_model() -> None:
        raise AssertionError("the role model is loaded only to tag fetched accounts")

    monkeypatch.setattr(handles, "load_shipped_role_model", no_model)
    store = build_store()
    report = add_and_fetch_handles(store, [HandleEntry("x", "fresh_one", "f:1")], fetch=False)
    (added,) = report.added
    assert added.status == "pending" and added.message == (
        "not fetched yet (--no-fetch): --retry fetches it"
    )


def test_a_run_as_json_gives_what_was_read_added_and_listed() -> None:
    store = build_store()
    read = HandlesRead(
        [HandleEntry("x", "new_person", "a:1")], [Problem("a", 2, "not a handle")], 1, []
    )
    report = add_handles(store, read.entries)
    listed = HandlesRun(read, report, list_handles(store, "pending")).as_dict()
    assert [h["handle"] for h in listed["added"]] == ["new_person"]
    assert listed["problems"] == [{"file": "a", "line": 2, "message": "not a handle"}]
    assert listed["duplicates"] == 1 and listed["already_listed"] == []
    assert [h["handle"] for h in listed["pending"]] == ["new_person"]
    assert HandlesRun(read, report).as_dict()["pending"] is None
