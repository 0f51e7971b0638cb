"""Small staffpulse JSONL files for the import tests (tests/test_ingest*.py): a firm, a post
mentioning bob, and bob's reply, written by hand after docs/formats."""

from __future__ import annotations

import json
from pathlib import Path


def write_jsonl(path: Path, lines: list[object]) -> Path:
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n")
    return path


GOOD = [
    {"type": "account", "platform": "x", "handle": "acme"},
    {"type": "post", "platform": "x", "id": "1", "author": "acme", "text": "hello @bob"},
    {
        "type": "post",
        "platform": "x",
        "id": "2",
        "author": "bob",
        "text": "hi",
        "reply_to_id": "1",
        "reply_to_author": "acme",
    },
]
