"""Small staffpulse JSONL files for the import tests (tests/test_ingest*.py,
tests/test_cli_commands_store*.py), written by hand after docs/formats: a firm, a post
mentioning bob, and bob's reply (GOOD); and a file of an X account, its post, a line that is
not JSON and a Bluesky quote (write_sample). And the accounts among what a source read
(accounts_in)."""

from __future__ import annotations

import json
from pathlib import Path

from staffpulse.models import Account
from staffpulse.store import Record


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


def write_sample(tmp_path: Path) -> Path:
    """posts.jsonl in ``tmp_path``: 2 posts and 2 accounts to import, line 3 skipped."""
    path = tmp_path / "posts.jsonl"
    path.write_text(
        json.dumps({"type": "account", "platform": "x", "handle": "acme", "display_name": "Acme"})
        + "\n"
        + json.dumps({"type": "post", "platform": "x", "id": "1", "author": "acme", "text": "hi"})
        + "\n{oops\n"
        + json.dumps(
            {
                "type": "post",
                "platform": "bluesky",
                "id": "b1",
                "author": "jo.bsky.social",
                "text": "yo",
                "kind": "quote",
                "quoted_id": "b0",
            }
        )
        + "\n"
    )
    return path


def accounts_in(items: list[object]) -> list[Account]:
    """The accounts among the items a source read, in order (the tests of
    tests/test_sources_native*.py check the bare ones it gives a posts-only file's authors)."""
    return [r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Account)]
