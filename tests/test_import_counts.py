"""What an import counts: each account, post and follow once, whatever the batches and files
(store/tally.py); records a file repeats are told; a count too large to store skips its row
only (store/codec.py count_out_of_range)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from staffpulse import ingest
from staffpulse.ingest import import_paths
from staffpulse.models import MAX_COUNT, Account, Post, Provenance
from staffpulse.store import Record, open_store

FIXTURES = Path(__file__).parent / "fixtures"
WHEN = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def _accounts_csv(path: Path) -> Path:
    # 5 rows, 3 accounts: @acme three times (its followers told differently), @bob twice
    path.write_text(
        "handle,platform,followers,bio\n"
        "acme,x,10,First bio\n"
        "bob,x,1,\n"
        "acme,x,20,\n"
        "carol,x,5,\n"
        "Acme,x,30,Last bio\n"
        "bob,x,2,\n"
    )
    return path


@pytest.mark.parametrize("batch", [1, 2, 2000])
def test_counts_do_not_depend_on_the_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    monkeypatch.setattr(ingest, "BATCH_SIZE", batch)
    store = open_store(":memory:")
    report = import_paths(store, [_accounts_csv(tmp_path / "accounts.csv")])
    assert (report.accounts, report.new_accounts, report.skipped) == (3, 3, 0)
    # a later row's values replace an earlier one's; a blank keeps the earlier value
    acme = store.get_account("x", "acme")
    assert acme is not None and (acme.followers, acme.bio) == (30, "Last bio")
    [notice] = report.notices
    assert notice.file.endswith("accounts.csv")
    assert notice.message.startswith(
        "2 accounts are declared on more than one line (5 lines; @Acme on 3): each was "
        "imported once, the values of a later line replacing those of an earlier one"
    )


def test_one_repeated_post_is_named(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text("id,author,text\n1,acme,hello\n2,acme,hi\n1,acme,hello again\n")
    report = import_paths(open_store(":memory:"), [path])
    assert (report.posts, report.accounts) == (2, 1)
    [notice] = report.notices
    assert notice.message.startswith("post 1 is declared on 2 lines: each was imported once")


def test_overlapping_files_count_each_post_once_and_are_not_told(tmp_path: Path) -> None:
    lines = [
        {"type": "post", "platform": "x", "id": str(n), "author": "acme", "text": f"post {n}"}
        for n in range(1, 6)
    ]
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("\n".join(json.dumps(line) for line in lines[:4]) + "\n")
    second.write_text("\n".join(json.dumps(line) for line in lines[2:]) + "\n")
    report = import_paths(open_store(":memory:"), [first, second])
    assert (report.posts, report.new_posts, report.accounts) == (5, 5, 1)
    assert not report.notices  # each file holds each post once


def test_api_pages_repeating_their_authors_are_counted_once_and_not_told(tmp_path: Path) -> None:
    pages = FIXTURES / "twarc2" / "pages.jsonl"
    once = import_paths(open_store(":memory:"), [pages])
    copy = tmp_path / "copy.jsonl"
    copy.write_bytes(pages.read_bytes())
    twice = import_paths(open_store(":memory:"), [pages, copy])
    assert (twice.posts, twice.accounts) == (once.posts, once.accounts)
    assert twice.new_posts == once.new_posts == once.posts
    assert not [n for n in twice.notices if "more than one line" in n.message]


def test_a_count_too_large_to_store_skips_that_record_only(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_text(
        "\n".join(
            json.dumps(line)
            for line in [
                {"type": "post", "platform": "x", "id": "1", "author": "acme", "text": "a"},
                {
                    "type": "post",
                    "platform": "x",
                    "id": "2",
                    "author": "acme",
                    "text": "b",
                    "likes": 99999999999999999999999999,
                },
                {"type": "account", "platform": "x", "handle": "bob", "followers": 10**20},
                {
                    "type": "post",
                    "platform": "x",
                    "id": "3",
                    "author": "acme",
                    "text": "c",
                    "likes": MAX_COUNT,
                },
            ]
        )
        + "\n"
    )
    store = open_store(":memory:")
    report = import_paths(store, [path])  # no OverflowError, no TypeError
    assert (report.posts, report.accounts, report.skipped) == (2, 1, 2)
    assert [(p.file, p.line) for p in report.problems] == [(str(path), 2), (str(path), 3)]
    assert report.problems[0].message.startswith("'likes' of post 2 is too large to store")
    assert "'followers' of account @bob is too large" in report.problems[1].message
    assert store.get_posts("x", ["3"])["3"].likes == MAX_COUNT


def test_a_huge_count_in_an_api_payload_is_stored_raw_and_skips_its_post() -> None:
    store = open_store(":memory:")
    prov = Provenance(
        source="twarc2", location="page.jsonl", tool_version="t", retrieved_at=WHEN, line=7
    )
    raw = {"data": [{"id": "1", "public_metrics": {"like_count": 123456789012345678901}}]}
    counts = store.write_records(
        [
            Record(
                rows=(
                    Account(platform="x", id="9", handle="acme", followers=12),
                    Post(platform="x", id="1", author_id="9", text="hi", likes=10**21),
                    Post(platform="x", id="2", author_id="9", text="ok", likes=-(10**21)),
                    Post(platform="x", id="3", author_id="9", text="fine", likes=4),
                ),
                provenance=prov,
                raw=raw,
            )
        ]
    )
    assert (counts.posts, counts.accounts) == (1, 1)
    assert [(left.location, left.line) for left in counts.left_out] == [("page.jsonl", 7)] * 2
    assert "'likes' of post 2 is out of range" in counts.left_out[1].message
    payload = store.conn.execute("SELECT payload FROM raw_payloads").fetchone()[0]
    assert "123456789012345678901" in payload  # kept as written, not rounded
