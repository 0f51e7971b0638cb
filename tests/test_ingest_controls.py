"""Control characters in imported words (staffpulse.ingest_controls): dropped before they are
stored, tabs and line breaks kept, and each file told how many records had them."""

from __future__ import annotations

import json
from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.store import open_store


def test_nul_esc_and_bel_in_a_text_bio_and_name_are_dropped_and_told(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    lines = [
        {
            "type": "account",
            "platform": "x",
            "handle": "quayside_ops",
            "display_name": "Quayside\u0007 Ops",
            "bio": "Dock work\u0000 and\tcrane hire\nsince 2009",
        },
        {
            "type": "post",
            "platform": "x",
            "id": "31",
            "author": "quayside_ops",
            "text": "\u001b[2JNight crew\u001b[0m wanted\r\nApply today",
        },
        {"type": "post", "platform": "x", "id": "32", "author": "quayside_ops", "text": "Hi"},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
        account = store.conn.execute("SELECT display_name, bio FROM accounts").fetchone()
        text = store.conn.execute("SELECT text FROM posts WHERE id = '31'").fetchone()[0]
    assert tuple(account) == ("Quayside Ops", "Dock work and\tcrane hire\nsince 2009")
    assert text == "[2JNight crew[0m wanted\r\nApply today"
    assert [n.message for n in report.notices] == [
        "2 records held control characters (such as NUL, ESC or BEL) in a text, bio or name, "
        "which no one can see and a terminal acts on: they were dropped, tabs and line breaks kept"
    ]
