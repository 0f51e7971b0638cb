"""find_archive_owner: the one account whose own export is every post of the store."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from staffpulse.listen.own_archive import find_archive_owner
from staffpulse.models import Account, Post
from staffpulse.sources.base import provenance
from staffpulse.store import Record, open_store

WHEN = datetime(2026, 3, 1, 12, tzinfo=UTC)


def _post(pid: str, author: str, platform: str = "x") -> Post:
    return Post(platform=platform, id=pid, author_id=author, author_handle=author,
                text="Our spring hiring event is on Friday.", created_at=WHEN)  # fmt: skip


def _owner(tmp_path: Path, *others: Post) -> tuple[str, str] | None:
    with open_store(tmp_path / "own.db") as store:
        own = (Account(platform="x", id="m-acme", handle="acme"), _post("1", "m-acme"))
        # an import keeps each record as read, under the source it was read as
        read = Record(rows=own, provenance=provenance("x-archive", tmp_path / "a"), raw={"a": 1})
        store.write_records([read])
        if others:
            store.upsert(list(others), provenance("x-api", tmp_path / "f"))
        return find_archive_owner(store)


def test_a_store_of_one_accounts_archive_is_its_owners(tmp_path: Path) -> None:
    assert _owner(tmp_path) == ("acme", "x")


@pytest.mark.parametrize(
    "other",
    [
        _post("2", "a-before"),  # an author id that sorts before the owner's
        _post("3", "z-after"),  # ... and after it
        _post("4", "m-acme", platform="bluesky"),  # the same id on another platform
    ],
)
def test_anyone_elses_post_makes_the_store_no_ones_own(tmp_path: Path, other: Post) -> None:
    assert _owner(tmp_path, other) is None
