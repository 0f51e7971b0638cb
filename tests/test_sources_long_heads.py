"""The head sniffed of a file whose first line runs on past the usual head: read only as far
as tells the format, not the whole line (a one-line JSON document may be tens of MB)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from staffpulse.sources import claimed_by
from staffpulse.sources.base import HEAD_BYTES, head_of


class CountingReader(io.BytesIO):
    """A file that counts the bytes read from it."""

    taken = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.taken += len(data)
        return data


def _page(tweets: int) -> bytes:
    """An X API v2 response of ``tweets`` tweets on one line, as curl saves it."""
    data = [
        {
            "id": str(1_700_000_000_000_000_000 + n),
            "author_id": "42",
            "text": f"Night shift at the depot, week {n}: sign up at the gate office",
            "edit_history_tweet_ids": [str(1_700_000_000_000_000_000 + n)],
        }
        for n in range(tweets)
    ]
    users = [{"id": "42", "username": "depot_jobs", "name": "Depot Jobs"}]
    return json.dumps({"data": data, "includes": {"users": users}}).encode()


def test_a_document_on_one_line_is_sniffed_from_its_first_records_only(tmp_path: Path) -> None:
    page = _page(40_000)  # about 6 MB on one line
    reader = CountingReader(page)
    head = head_of(reader)
    assert reader.taken < 200_000  # not the whole line
    # the head ends after a whole tweet, the list and the response closed: JSON still
    first = json.loads(head)
    assert first["data"][0]["author_id"] == "42" and len(head) > HEAD_BYTES
    path = tmp_path / "search.json"
    path.write_bytes(page)
    found = claimed_by(path)
    assert found is not None and found.name == "twarc2"


def test_a_record_with_a_long_text_is_read_whole_with_what_follows_it(tmp_path: Path) -> None:
    text = "Rota for the winter: " + "early, late, night; " * 3_000
    record = {"type": "post", "platform": "x", "id": "1", "author": "rota_desk", "text": text}
    line = json.dumps(record).encode()
    reader = CountingReader(line + b"\n" + line + b"\n" + b"x" * 1_000_000)
    head = head_of(reader)
    assert head == line + b"\n"
    assert reader.taken < 200_000
    # two records on one line: enough of the second is read to show it is there
    reader = CountingReader(line + line)
    assert head_of(reader).startswith(line + b'{"type": "post"')
    path = tmp_path / "posts.jsonl"
    path.write_bytes(line + b"\n")
    found = claimed_by(path)
    assert found is not None and found.name == "staffpulse-jsonl"


def test_an_escaped_quote_or_bracket_in_a_text_does_not_end_the_record() -> None:
    text = 'He said \\"done]}\\" ' + "then clocked out. " * 2_000
    line = ('{"type": "post", "id": "7", "text": "' + text + '"}').encode()
    assert head_of(CountingReader(line + b"\nrest\n")) == line + b"\n"
