"""``write_scored_jsonl``: records scored a chunk at a time, written in order, progress per chunk."""

from __future__ import annotations

import io
import json
from typing import Any

from staffpulse.signals.chunked import write_scored_jsonl


def test_every_record_is_one_json_line_in_input_order_scored_a_chunk_at_a_time() -> None:
    chunks: list[list[int]] = []

    def double(batch: list[int]) -> list[dict[str, Any]]:
        chunks.append(list(batch))
        return [{"id": n, "double": 2 * n, "text": "café"} for n in batch]

    out = io.StringIO()
    progress: list[int] = []
    written = write_scored_jsonl(iter(range(7)), double, out, progress.append, chunk=3)
    assert written == 7
    assert chunks == [[0, 1, 2], [3, 4, 5], [6]]  # never more than a chunk held at once
    assert progress == [3, 3, 1]
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
