"""A post never changes author: ids already used by another account's post are left out."""

from __future__ import annotations

from datetime import UTC, datetime

from staffpulse.models import Post, Provenance
from staffpulse.store import open_store

WHEN = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def _post(post_id: str, author: str, text: str) -> Post:
    return Post(platform="csv", id=post_id, author_id=author, author_handle=author, text=text)


def _prov(line: int) -> Provenance:
    return Provenance(source="t", location="b.csv", tool_version="t", retrieved_at=WHEN, line=line)


def test_another_authors_post_with_a_taken_id_is_left_out_and_told() -> None:
    store = open_store(":memory:")
    store.upsert([_post("1", "acme", "Acme lunch")], _prov(2))
    counts = store.upsert(
        [_post("1", "zenith", "Zenith fun"), _post("2", "zenith", "ok")], _prov(3)
    )
    kept = store.get_posts("csv", ["1", "2"])
    assert (kept["1"].author_id, kept["1"].text) == ("acme", "Acme lunch")  # untouched
    assert kept["2"].author_id == "zenith"  # the rest of the batch is written
    assert (counts.posts, counts.new_posts) == (1, 1)
    [clash] = counts.clashes
    assert (clash.location, clash.line, clash.post_id) == ("b.csv", 3, "1")
    assert "@acme" in clash.message and "zenith-1" in clash.message


def test_the_same_author_updates_its_post_and_a_stub_is_completed() -> None:
    store = open_store(":memory:")
    store.upsert([_post("1", "acme", "first")], _prov(2))
    again = store.upsert([_post("1", "acme", "edited")], _prov(2))
    assert not again.clashes and store.get_posts("csv", ["1"])["1"].text == "edited"
    store.upsert([Post(platform="csv", id="9", author_id="", text="quoted")], _prov(4))
    filled = store.upsert([_post("9", "zenith", "quoted")], _prov(5))
    assert not filled.clashes and store.get_posts("csv", ["9"])["9"].author_id == "zenith"


def test_within_one_batch_the_first_author_keeps_the_id() -> None:
    store = open_store(":memory:")
    counts = store.upsert([_post("7", "acme", "a"), _post("7", "zenith", "z")], _prov(2))
    assert store.get_posts("csv", ["7"])["7"].text == "a"
    assert [c.author for c in counts.clashes] == ["zenith"]
