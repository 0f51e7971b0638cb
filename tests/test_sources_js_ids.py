"""Ids a JavaScript program rounded in a staffpulse JSONL (``...86245`` written ``...86200``),
on hand-written files: skipped and told once, never stored beside the real ones."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.sources.js_ids import js_rounded
from staffpulse.store import open_store

FIRST = 1654321987654321987  # a 19-digit X id


def _real_ids(count: int) -> list[int]:
    return [FIRST + number * 7919 * 4096 + number for number in range(count)]


def _as_javascript_writes(post_id: int) -> int:
    """``post_id`` as JSON.stringify writes the number JavaScript kept of it."""
    return int(Decimal(repr(float(post_id))))


def _write(path: Path, ids: list[int] | list[str]) -> Path:
    records = [
        {"type": "post", "platform": "x", "id": post_id, "author": "depotcrew"}
        | {"text": f"Forklift shift {number} starts at six", "reply_to_id": None}
        for number, post_id in enumerate(ids)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_an_id_looks_rounded_when_it_is_the_shortest_form_of_its_number() -> None:
    assert _as_javascript_writes(FIRST) == 1654321987654322000
    assert js_rounded("1654321987654322000") and not js_rounded(str(FIRST))
    assert not js_rounded("9007199254740990")  # JavaScript keeps it whole: nothing lost
    assert not js_rounded("0380242611781386200") and not js_rounded("acme")


def test_a_file_of_rounded_ids_is_skipped_and_told_once_with_what_to_do(tmp_path: Path) -> None:
    path = _write(tmp_path / "posts.jsonl", [_as_javascript_writes(i) for i in _real_ids(8)])
    with open_store(":memory:") as store:
        report = import_paths(store, [path])
        stored = store.conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0]
    assert stored == 0 and report.skipped == 8
    (problem,) = report.problems
    assert (problem.line, problem.records) == (1, 8)
    assert problem.message.startswith(
        "8 records, from this line on, have ids a JavaScript program rounded, its last digits"
        " written as zeros ('id' is '1654321987654322000' here"
    )
    assert "each id written as text, in quotes" in problem.message


def test_the_real_file_imported_after_a_rounded_copy_stores_each_post_once(
    tmp_path: Path,
) -> None:
    # stored as written, the rounded copy and the real file were two posts each
    rounded = _write(tmp_path / "copy.jsonl", [_as_javascript_writes(i) for i in _real_ids(8)])
    real = _write(tmp_path / "posts.jsonl", [str(i) for i in _real_ids(8)])
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [rounded])
        report = import_paths(store, [real])
        stored = store.conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0]
    assert stored == 8 and report.new_posts == 8


def test_real_ids_written_as_numbers_are_kept_one_ending_in_zeros_too(tmp_path: Path) -> None:
    # a Python tool writes whole ids as numbers: one that ends in zeros alone proves nothing
    ids = [*_real_ids(6), _as_javascript_writes(FIRST + 10**9)]
    with open_store(":memory:") as store:
        report = import_paths(store, [_write(tmp_path / "posts.jsonl", ids)])
    assert report.new_posts == 7 and report.problems == []
