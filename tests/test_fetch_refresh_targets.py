"""Who a refresh fetches: a cohort file's accounts with their platforms, or the accounts the
store's fetch runs brought in; and what is left out, said."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from staffpulse.errors import InputError
from staffpulse.fetch.refresh_targets import FETCHED_BEFORE, plan_from_cohort, plan_from_store
from staffpulse.models import Account, Post, Provenance
from staffpulse.store import Record, Store

PROV = Provenance(
    source="test", location="mem", tool_version="t", retrieved_at=datetime(2026, 3, 1, tzinfo=UTC)
)


def _store_accounts(store: Store, *accounts: Account, posts: int = 0) -> None:
    rows: list[Account | Post] = list(accounts)
    for account in accounts:
        rows += [
            Post(platform=account.platform, id=f"{account.id}-{i}", author_id=account.id, text="hi")
            for i in range(posts)
        ]
    store.write_records([Record(rows=tuple(rows), provenance=PROV)])


def _fetch_run(store: Store, params: dict[str, Any], account_id: str | None) -> None:
    run = store.start_run("fetch", params)
    store.finish_run(run, {"account_id": account_id}, "ok" if account_id else "error")


def _cohort(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cohort.csv"
    path.write_text(text)
    return path


def test_a_line_without_platform_takes_the_stored_accounts_else_its_shape(
    store: Store, tmp_path: Path
) -> None:
    _store_accounts(
        store, Account(platform="mastodon", id="https://m.example/@acme", handle="acme@m.example")
    )
    cohort = _cohort(
        tmp_path,
        "acme@m.example\nbeta.bsky.social\ngammastaffing\nhttps://x.com/Delta\n"
        "beta.bsky.social bluesky\n",
    )
    plan = plan_from_cohort(store, cohort)
    shown = [(t.platform, t.handle, t.line, t.guessed) for t in plan.targets]
    assert shown == [
        ("mastodon", "acme@m.example", 1, False),
        ("bluesky", "beta.bsky.social", 2, True),
        ("x", "gammastaffing", 3, True),
        ("x", "delta", 4, False),  # the URL names its platform
    ]  # the account named twice is fetched once
    assert plan.source == str(cohort)


def test_a_handle_on_two_platforms_asks_for_the_platform_on_its_line(
    store: Store, tmp_path: Path
) -> None:
    _store_accounts(
        store,
        Account(platform="x", id="1", handle="acme"),
        Account(platform="mastodon", id="acme", handle="acme"),
    )
    cohort = _cohort(tmp_path, "acme\nbeta.bsky.social\n")
    plan = plan_from_cohort(store, cohort)
    assert [t.handle for t in plan.targets] == ["beta.bsky.social"]
    (problem,) = plan.problems
    assert problem.line == 1 and "acme,x" in problem.message and "acme,mastodon" in problem.message


def test_a_cohort_with_no_usable_line_names_the_file_and_the_lines(
    store: Store, tmp_path: Path
) -> None:
    cohort = _cohort(tmp_path, "handle,platform\nacme.bsky.social,x\n!!,bluesky\n")
    with pytest.raises(InputError) as caught:
        plan_from_cohort(store, cohort)
    message = caught.value.message
    assert f"{cohort} lists no account to refresh" in message
    assert f"{cohort}:2:" in message and f"{cohort}:3:" in message


def test_without_a_cohort_the_accounts_fetched_before_by_their_latest_handle(
    store: Store,
) -> None:
    _store_accounts(
        store,
        Account(platform="bluesky", id="did:plc:acme", handle="acme.example.com"),
        Account(platform="x", id="7", handle="acmestaffing"),
    )
    _fetch_run(store, {"platform": "bluesky", "handle": "acme.bsky.social"}, "did:plc:acme")
    _fetch_run(store, {"platform": "x", "handle": "acmestaffing"}, "7")
    _fetch_run(store, {"platform": "bluesky", "handle": "acme.example.com"}, "did:plc:acme")
    _fetch_run(store, {"platform": "bluesky", "handle": "typo.bsky.social"}, None)  # not found
    _fetch_run(store, {"platform": "x", "search": "hiring nurses"}, None)
    _fetch_run(store, {"platform": "mastodon", "hashtag": "hiring", "instance": "m.example"}, None)
    plan = plan_from_store(store)
    assert plan.source == FETCHED_BEFORE
    assert [(t.platform, t.handle) for t in plan.targets] == [
        ("x", "acmestaffing"),
        ("bluesky", "acme.example.com"),  # renamed since its first fetch
    ]
    assert plan.left_out == [
        "2 search or hashtag fetches not refreshed: run those staffpulse fetch commands again"
    ]


def test_without_a_cohort_imported_accounts_are_counted_as_left_out(store: Store) -> None:
    _store_accounts(
        store,
        Account(platform="x", id="1", handle="imported"),
        Account(platform="x", id="2", handle="chatty"),
        posts=10,
    )
    _store_accounts(
        store, Account(platform="x", id="3", handle="passing"), posts=1
    )  # seen in passing: not told
    _fetch_run(store, {"platform": "x", "handle": "chatty"}, "2")
    plan = plan_from_store(store)
    assert [t.handle for t in plan.targets] == ["chatty"]
    (note,) = plan.left_out
    assert note.startswith("1 other account with 10 posts of its own or more was imported")
    assert "staffpulse refresh cohort.csv" in note


def test_an_empty_store_plans_nothing(store: Store) -> None:
    plan = plan_from_store(store)
    assert plan.targets == [] and plan.left_out == []


def test_the_lines_not_used_are_listed_in_the_files_order(store: Store, tmp_path: Path) -> None:
    # line 2 is refused as its account is read, lines 3 and 4 as the file is read: a user
    # correcting the file goes down it once
    cohort = _cohort(
        tmp_path, "handle,platform\n<b>acme</b>,x\nnot a handle,bluesky\n,,\nbeta.bsky.social\n"
    )
    plan = plan_from_cohort(store, cohort)
    assert [t.handle for t in plan.targets] == ["beta.bsky.social"]
    lines = [problem.line for problem in plan.problems]
    assert lines == sorted(lines) and {2, 3} <= set(lines)


def test_a_handle_is_shown_as_the_store_or_the_cohort_line_spells_it(
    store: Store, tmp_path: Path
) -> None:
    """The refresh table showed @acmetalentnyc where the benchmark of the same cohort shows
    @AcmeTalentNYC: the store's spelling first, else the line's."""
    _store_accounts(store, Account(platform="x", id="1", handle="AcmeTalentNYC"))
    cohort = _cohort(
        tmp_path,
        "handle,platform\nacmetalentnyc,x\nAcmeStaffing,x\nBetaTemps\nGamma.bsky.social,bluesky\n",
    )
    plan = plan_from_cohort(store, cohort)
    assert [t.shown for t in plan.targets] == [
        "@AcmeTalentNYC", "@AcmeStaffing", "@BetaTemps", "@gamma.bsky.social",
    ]  # fmt: skip
