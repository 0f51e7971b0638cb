"""A batch made ready for writing: rows the store cannot hold left out with where and why,
the rest written, each raw payload kept once."""

from __future__ import annotations

from datetime import UTC, datetime

from staffpulse.models import Account, Post, Provenance
from staffpulse.store import Record, open_store

WHEN = datetime(2026, 3, 1, tzinfo=UTC)


def _from(location: str, line: int | None, source: str = "staffpulse-jsonl") -> Provenance:
    return Provenance(
        source=source, location=location, line=line, tool_version="t", retrieved_at=WHEN
    )


def test_a_count_too_large_costs_its_row_only_and_says_where() -> None:
    acme = Account(platform="x", id="9001", handle="acme")
    huge = Post(platform="x", id="1", author_id="9001", text="hi", likes=2**70)
    fine = Post(platform="x", id="2", author_id="9001", text="hello", likes=3)
    with open_store(":memory:") as store:
        counts = store.write_records(
            [Record(rows=(acme, huge, fine), provenance=_from("posts.jsonl", 7))]
        )
        stored = [row[0] for row in store.conn.execute("SELECT id FROM posts")]
    assert stored == ["2"] and (counts.accounts, counts.posts) == (1, 1)
    (left_out,) = counts.left_out
    assert (left_out.location, left_out.line) == ("posts.jsonl", 7)
    assert left_out.message.startswith("'likes' of post 1 is too large to store")


def test_the_same_payload_twice_is_kept_once_and_each_post_counted_by_kind() -> None:
    raw = {"id": "1", "text": "hi"}
    post = Post(platform="x", id="1", author_id="9001", text="hi")
    reply = Post(platform="x", id="3", author_id="9001", text="re", kind="reply")
    records = [
        Record(rows=(post,), provenance=_from("a.jsonl", 1), raw=raw),
        Record(rows=(reply,), provenance=_from("a.jsonl", 2), raw=raw),
    ]
    with open_store(":memory:") as store:
        counts = store.write_records(records)
        payloads = store.conn.execute("SELECT COUNT(*) FROM raw_payloads").fetchone()[0]
    assert payloads == 1 and counts.raw == 2
    assert counts.by_kind == {"original": 1, "reply": 1}
