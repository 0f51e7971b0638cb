"""Checking a cohort file before it is saved (benchmark/members.py check_cohort): a file
that would leave the benchmark empty is refused saying why; otherwise the lines that could
not be used and whether it names segments."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from staffpulse.benchmark.members import check_cohort
from staffpulse.errors import InputError
from staffpulse.models import Account, Post, Provenance
from staffpulse.store import Store, open_store

WHEN = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
PROV = Provenance(source="test", location="mem", tool_version="t", retrieved_at=WHEN)


def _store() -> Store:
    store = open_store(":memory:")
    store.upsert(
        [
            Account(platform="x", id="1", handle="acme"),
            Post(platform="x", id="p1", author_id="1", text="hello"),
            Account(platform="x", id="2", handle="quiet"),  # no posts
            Account(platform="x", id="3", handle="twin"),
            Account(platform="bluesky", id="did:t", handle="twin"),
            Post(platform="x", id="p3", author_id="3", text="hi"),
            Post(platform="bluesky", id="b3", author_id="did:t", text="hi"),
        ],
        PROV,
    )
    return store


def test_a_usable_cohort_tells_its_accounts_problems_and_segments() -> None:
    text = "handle,platform,segment\nacme,x,staffing_firm\nnobody,x,vendor\nquiet,x,vendor\n"
    check = check_cohort(_store(), text, "firms.csv")
    assert check.accounts == 1 and check.has_segments
    assert [line for line, _ in check.problems] == [3]
    assert "nobody" in check.problems[0][1]
    plain = check_cohort(_store(), "acme\n", "firms.txt")
    assert (plain.accounts, plain.has_segments, plain.problems) == (1, False, [])


def test_a_file_with_no_usable_line_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        check_cohort(_store(), "handle,platform,segment\n,x,vendor\n", "empty.csv")
    assert caught.value.message.startswith("empty.csv lists no usable account")
    assert "handle,platform,segment" in (caught.value.hint or "")


def test_accounts_without_posts_are_refused_with_the_lines_named() -> None:
    with pytest.raises(InputError) as caught:
        check_cohort(_store(), "quiet,x\nnobody,x\n", "firms.csv")
    assert caught.value.message == (
        "none of the accounts in firms.csv has posts in this store: "
        "'quiet' (line 1), 'nobody' (line 2)"
    )


def test_handles_on_several_platforms_ask_for_the_platform() -> None:
    with pytest.raises(InputError) as caught:
        check_cohort(_store(), "twin\n", "firms.csv")
    assert caught.value.message == "no line of firms.csv names a single account in the store"
    assert "e.g. twin,bluesky or twin,x" in (caught.value.hint or "")


def test_graded_accounts_given_by_the_caller_are_the_ones_counted() -> None:
    store = _store()
    assert check_cohort(store, "acme,x\n", "f.csv", graded={("x", "1")}).accounts == 1
    with pytest.raises(InputError, match="has posts in this store"):
        check_cohort(store, "acme,x\n", "f.csv", graded=set())
