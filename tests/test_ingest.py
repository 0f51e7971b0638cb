"""Importing files: detection, batching, skipped-record reporting, idempotency."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from staffpulse.errors import EmptyInputError, InputError, UnknownFormatError
from staffpulse.ingest import import_paths
from staffpulse.store import open_store


def _write_jsonl(path: Path, lines: list[object]) -> Path:
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


def test_one_malformed_line_is_named_and_the_rest_imported(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "a.jsonl", [GOOD[0], GOOD[1], "{not json", GOOD[2]])
    store = open_store(":memory:")
    report = import_paths(store, [path])
    assert (report.posts, report.accounts, report.skipped) == (2, 1, 1)
    assert report.problems[0].line == 3 and report.problems[0].file == str(path)
    assert store.conn.execute("SELECT status FROM runs").fetchone()[0] == "ok"


def test_reimport_gives_identical_stats(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "a.jsonl", GOOD)
    store = open_store(":memory:")
    import_paths(store, [path])
    first = store.stats()
    again = import_paths(store, [path])
    assert store.stats() == first
    assert (again.new_posts, again.new_accounts) == (0, 0)


def test_folder_import_skips_unknown_files_with_a_note(tmp_path: Path) -> None:
    _write_jsonl(tmp_path / "a.jsonl", GOOD)
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    report = import_paths(open_store(":memory:"), [tmp_path])
    assert report.posts == 2
    assert any("not a known format" in p.message for p in report.problems)


def test_missing_empty_and_unknown_inputs_have_clear_errors(tmp_path: Path) -> None:
    store = open_store(":memory:")
    with pytest.raises(InputError, match="no such file"):
        import_paths(store, [tmp_path / "nope.jsonl"])
    (tmp_path / "empty.jsonl").write_text("")
    with pytest.raises(EmptyInputError, match="empty"):
        import_paths(store, [tmp_path / "empty.jsonl"])
    (tmp_path / "x.dat").write_text("random words")
    with pytest.raises(UnknownFormatError, match="not a format staffpulse can import"):
        import_paths(store, [tmp_path / "x.dat"])
    empty_dir = tmp_path / "d"
    empty_dir.mkdir()
    with pytest.raises(EmptyInputError, match="nothing staffpulse can import"):
        import_paths(store, [empty_dir])
