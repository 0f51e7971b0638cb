"""What a write changed beyond new rows (store/changes.py): profiles updated and follows new
to the store, counted by the write path itself (WriteCounts), once an import."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.models import Account, Follow, Post, Provenance
from staffpulse.store import Record, Store, open_store
from staffpulse.store.changes import (
    count_changed_profiles,
    count_stored_follows,
    read_profiles,
)
from staffpulse.store.codec import IN_CHUNK, ids_by_platform
from staffpulse.store.tally import Tally

WHEN = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
PROV = Provenance(source="test", location="mem", tool_version="t", retrieved_at=WHEN)


def _store_with_acme() -> Store:
    store = open_store(":memory:")
    store.upsert(
        [
            Account(platform="x", id="1", handle="acme", display_name="Acme", followers=5),
            Account(platform="bluesky", id="did:a", handle="acme.bsky.social"),
        ],
        PROV,
    )
    return store


def test_read_profiles_gives_the_stored_accounts_only() -> None:
    store = _store_with_acme()
    found = read_profiles(store.conn, {("x", "1"), ("x", "404"), ("bluesky", "did:a")})
    assert set(found) == {("x", "1"), ("bluesky", "did:a")}
    assert found[("x", "1")][:2] == ("acme", "Acme")  # handle, display name


def test_a_changed_counter_is_no_changed_profile() -> None:
    store = _store_with_acme()
    before = read_profiles(store.conn, {("x", "1")})
    store.upsert([Account(platform="x", id="1", handle="acme", followers=99)], PROV)
    assert count_changed_profiles(before, read_profiles(store.conn, before)) == 0
    store.upsert([Account(platform="x", id="1", handle="acme", bio="We staff nurses")], PROV)
    assert count_changed_profiles(before, read_profiles(store.conn, before)) == 1


def test_stored_follows_are_counted_by_either_shared_side() -> None:
    store = open_store(":memory:")
    followers = [Follow(platform="x", follower_id=str(n), followee_id="acme") for n in range(3)]
    store.upsert(followers, PROV)
    # a follower list (one followee) and a following list (one follower) over more than one
    # chunk of IN (...) values
    many = {("x", str(n), "acme") for n in range(IN_CHUNK + 5)}
    assert count_stored_follows(store.conn, many) == 3
    assert count_stored_follows(store.conn, {("x", "0", "acme"), ("x", "acme", "0")}) == 1
    assert count_stored_follows(store.conn, set()) == 0


def test_ids_by_platform_groups_keys_in_order() -> None:
    grouped = ids_by_platform({("x", "2"), ("bluesky", "b"), ("x", "1")})
    assert grouped == {"bluesky": ["b"], "x": ["1", "2"]}


def test_a_write_counts_updated_profiles_and_new_follows() -> None:
    store = _store_with_acme()
    counts = store.upsert(
        [
            Account(platform="x", id="1", handle="acme", display_name="Acme Staffing"),
            Account(platform="x", id="2", handle="bob"),  # new, not updated
            Follow(platform="x", follower_id="2", followee_id="1"),
            Follow(platform="x", follower_id="2", followee_id="1"),  # the same follow again
        ],
        PROV,
    )
    assert (counts.updated_profiles, counts.new_follows, counts.new_accounts) == (1, 1, 1)
    again = store.upsert([Follow(platform="x", follower_id="2", followee_id="1")], PROV)
    assert (again.updated_profiles, again.new_follows) == (0, 0)


def test_with_a_tally_a_profile_counts_once_an_import() -> None:
    store = _store_with_acme()
    tally = store.new_tally()
    first = store.write_records(
        [Record(rows=(Account(platform="x", id="1", handle="acme", bio="One"),), provenance=PROV)],
        tally=tally,
    )
    # the same import changing it again, or an account it made, is no further update
    later = store.write_records(
        [
            Record(
                rows=(Account(platform="x", id="1", handle="acme", bio="Two"),), provenance=PROV
            ),
            Record(rows=(Account(platform="x", id="9", handle="new"),), provenance=PROV),
        ],
        tally=tally,
    )
    last = store.write_records(
        [Record(rows=(Account(platform="x", id="9", handle="new", bio="Hi"),), provenance=PROV)],
        tally=tally,
    )
    assert [c.updated_profiles for c in (first, later, last)] == [1, 0, 0]
    assert tally.written("account", {("x", "1"), ("x", "9"), ("x", "404")}) == {
        ("x", "1"),
        ("x", "9"),
    }


def _jsonl(path: Path, *avatars: str) -> Path:
    # one account named on as many lines as avatars given, as two samples of one feed do
    lines = [
        {"type": "account", "platform": "x", "id": "46", "handle": "potus", "avatar_url": a}
        for a in avatars
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def test_re_importing_the_same_files_reports_no_profile_updated(tmp_path: Path) -> None:
    # QA17 F13: two files with two versions of one profile flipped it at every write, and
    # every re-import said "1 profile updated" though the store ended as it began
    store = open_store(":memory:")
    old = _jsonl(tmp_path / "a.jsonl", "https://img.example/old.jpg")
    new = _jsonl(tmp_path / "b.jsonl", "https://img.example/new.jpg")
    both = _jsonl(
        tmp_path / "c.jsonl", "https://img.example/old.jpg", "https://img.example/new.jpg"
    )
    first = import_paths(store, [old, new])
    assert (first.new_accounts, first.updated_profiles) == (1, 0)
    for paths in ([old, new], [old, new], [both], [both]):
        assert import_paths(store, paths).updated_profiles == 0
    # a profile that does change is still told, once however often the import writes it
    newer = _jsonl(tmp_path / "d.jsonl", "https://img.example/newer.jpg")
    assert import_paths(store, [newer, newer]).updated_profiles == 1
    assert import_paths(store, [newer]).updated_profiles == 0


def test_a_post_whose_text_changed_counts_as_updated_and_its_likes_do_not() -> None:
    store = open_store(":memory:")
    hiring = Post(platform="x", id="7", author_id="1", text="Temps \u2013 hiring", likes=3)
    store.upsert([hiring], PROV)
    liked = store.upsert([dataclasses.replace(hiring, likes=40)], PROV)
    edited = store.upsert([dataclasses.replace(hiring, text="Temps - hiring")], PROV)
    again = store.upsert([dataclasses.replace(hiring, text="Temps - hiring")], PROV)
    assert [c.updated_posts for c in (liked, edited, again)] == [0, 1, 0]


def test_with_a_tally_a_post_counts_once_an_import_and_not_when_put_back() -> None:
    store = open_store(":memory:")
    store.upsert([Post(platform="x", id="7", author_id="1", text="One")], PROV)

    def write(tally: Tally, *texts: str) -> int:
        rows = [Post(platform="x", id="7", author_id="1", text=t) for t in texts]
        return sum(
            store.write_records([Record(rows=(r,), provenance=PROV)], tally=tally).updated_posts
            for r in rows
        )

    assert write(store.new_tally(), "Two", "Three") == 1
    assert write(store.new_tally(), "One", "Three") == 0  # the import ends as it began
