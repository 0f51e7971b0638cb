"""``write_scored_jsonl``: records scored a chunk at a time, written in order, progress per chunk
(and per step in a short chunk, so a file smaller than a chunk shows progress too)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

from staffpulse.signals.chunked import write_scored_jsonl, write_scored_steps


def test_every_record_is_one_json_line_in_input_order_scored_a_chunk_at_a_time() -> None:
    chunks: list[list[int]] = []

    def double(batch: list[int]) -> list[dict[str, Any]]:
        chunks.append(list(batch))
        return [{"id": n, "double": 2 * n, "text": "café"} for n in batch]

    out = io.StringIO()
    progress: list[tuple[int, int]] = []
    written = write_scored_jsonl(
        iter(range(7)), double, out, lambda *told: progress.append(told), chunk=3
    )
    assert written == 7
    assert chunks == [[0, 1, 2], [3, 4, 5], [6]]  # never more than a chunk held at once
    assert progress == [(3, 0), (3, 0), (1, 0)]
    lines = out.getvalue().splitlines()
    assert [json.loads(line)["id"] for line in lines] == list(range(7))
    assert '"café"' in lines[0]  # text kept as written, not \\u-escaped
    assert out.getvalue().endswith("\n")


def test_a_chunk_is_written_before_the_next_is_read() -> None:
    out = io.StringIO()
    seen_before_read: list[int] = []

    def records() -> Any:
        for n in range(4):
            seen_before_read.append(len(out.getvalue().splitlines()))
            yield n

    write_scored_jsonl(records(), lambda b: [{"id": n} for n in b], out, None, chunk=2)
    assert seen_before_read == [0, 0, 2, 2]


def test_no_records_write_nothing() -> None:
    out = io.StringIO()
    assert write_scored_jsonl([], lambda b: [{"id": n} for n in b], out, None, chunk=5) == 0
    assert out.getvalue() == ""


def test_a_file_smaller_than_a_chunk_is_scored_and_told_a_step_at_a_time() -> None:
    """The bar of a file under 20,000 lines stayed at "0 posts" until the very end."""
    chunks: list[list[int]] = []
    progress: list[tuple[int, int]] = []

    def score(batch: list[int]) -> list[dict[str, Any]]:
        chunks.append(list(batch))
        return [{"id": n} for n in batch]

    out = io.StringIO()
    written = write_scored_jsonl(
        iter(range(7)), score, out, lambda *told: progress.append(told), chunk=10, step=3
    )
    assert written == 7
    assert chunks == [[0, 1, 2], [3, 4, 5], [6]]
    assert progress == [(3, 4), (3, 1), (1, 0)]  # written, still to score
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == list(range(7))


def test_a_full_chunk_is_still_scored_at_once() -> None:
    """The text model splits a full chunk over processes: steps would give that up."""
    chunks: list[list[int]] = []

    def score(batch: list[int]) -> list[dict[str, Any]]:
        chunks.append(list(batch))
        return [{"id": n} for n in batch]

    write_scored_jsonl(iter(range(7)), score, io.StringIO(), None, chunk=5, step=1)
    assert chunks == [[0, 1, 2, 3, 4], [5], [6]]


def test_a_caller_scoring_steps_itself_gets_full_chunks_in_steps_told_each() -> None:
    """classify spreads a full chunk's steps over processes: its bar stayed put for 20,000
    posts at a time (several seconds at 0 on a busy machine)."""
    asked: list[list[list[int]]] = []
    progress: list[tuple[int, int]] = []

    def score_steps(steps: list[list[int]]) -> Iterator[list[dict[str, Any]]]:
        asked.append(steps)
        return ([{"id": n} for n in piece] for piece in steps)

    out = io.StringIO()
    written = write_scored_steps(
        iter(range(7)), score_steps, out, lambda *told: progress.append(told), chunk=5, step=2
    )
    assert written == 7 and asked == [[[0, 1], [2, 3], [4]], [[5, 6]]]
    assert progress == [(2, 3), (2, 1), (1, 0), (2, 0)]  # written, still to score
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == list(range(7))


def test_a_lone_surrogate_or_a_unicode_line_end_is_written_escaped_and_reads_back() -> None:
    """No UTF-8 file holds a lone surrogate raw: writing one stopped the run (exit 70); a raw
    U+2028 in an id split its line for str.splitlines()."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    ids = ["a\ud83d", "back\\slash \udc00", "😀 café", "x\u2028y\x85z\u2029"]
    write_scored_jsonl(iter(ids), lambda batch: [{"id": i} for i in batch], out, None, chunk=2)
    out.seek(0)
    text = out.read()
    assert [json.loads(line)["id"] for line in text.splitlines()] == ids
    assert '"😀 café"' in text  # characters UTF-8 holds stay as they are
