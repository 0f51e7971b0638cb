"""An import stopped part way (staffpulse.ingest.import_paths, ImportInterrupted): Ctrl-C or a
failure after a batch is committed is recorded in the run, tells every post stored, leaves no
post without its author, and running the same command again finishes the job."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ingest_helpers import GOOD, write_jsonl
from staffpulse.ingest import import_paths
from staffpulse.store import Store, open_store


def test_an_import_stopped_by_ctrl_c_is_recorded_as_interrupted(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", GOOD)
    store = open_store(":memory:")

    def stop(location: str, done: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_paths(store, [path], progress=stop)
    status, counts = store.conn.execute("SELECT status, counts FROM runs").fetchone()
    # the batch written before Ctrl-C stays, and the run says how far it got
    assert status == "interrupted" and json.loads(counts)["imported"]["posts"] == 2


def test_an_import_that_fails_after_writing_is_partial(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", GOOD)
    store = open_store(":memory:")

    def fail(location: str, done: int) -> None:  # called once a batch is written
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        import_paths(store, [path], progress=fail)
    assert store.conn.execute("SELECT status FROM runs").fetchone()[0] == "partial"
    assert store.conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0] == 2  # kept


def test_ctrl_c_after_the_first_batch_leaves_no_post_without_its_author(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import staffpulse.ingest as ingest

    monkeypatch.setattr(ingest, "BATCH_SIZE", 4)
    path = tmp_path / "posts.csv"
    rows = [f"p{i},firm{i % 5},We are hiring in Dayton {i}" for i in range(20)]
    path.write_text("id,author,text\n" + "\n".join(rows) + "\n")
    store = open_store(tmp_path / "s.db")

    def stop(location: str, done: int) -> None:  # called once a batch is committed
        raise KeyboardInterrupt

    with pytest.raises(ingest.ImportInterrupted) as stopped:
        import_paths(store, [path], progress=stop)
    posts = store.conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0]
    orphans = store.conn.execute(
        "SELECT COUNT(*) FROM posts p WHERE NOT EXISTS (SELECT 1 FROM accounts a"
        " WHERE a.platform = p.platform AND a.id = p.author_id)"
    ).fetchone()[0]
    assert 0 < posts < 20 and orphans == 0
    assert str(stopped.value) == (
        f"after {posts} posts. Run the same command again to finish; nothing is imported twice."
    )
    # running it again finishes the job, and nothing is stored twice
    import_paths(store, [path])
    assert store.conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0] == 20
    assert store.conn.execute("SELECT COUNT(*) FROM accounts").fetchone()[0] == 5


def _posts_then_accounts(tmp_path: Path, fmt: str) -> Path:
    """15 posts of two firms, then the firms' accounts: one named by handle in its posts (its
    id only on the account line), one by author_id and handle."""
    posts = [
        {"type": "post", "platform": "x", "id": f"a{i}", "author": "AcmeStaffing", "text": "Hiring"}
        for i in range(10)
    ] + [
        {
            "type": "post",
            "platform": "x",
            "id": f"h{i}",
            "author": "harbor",
            "author_id": "h1",
            "text": "Open shifts",
        }
        for i in range(5)
    ]
    accounts = [
        {
            "type": "account",
            "platform": "x",
            "id": "9001",
            "handle": "AcmeStaffing",
            "bio": "Welders and fitters",
        },
        {
            "type": "account",
            "platform": "x",
            "id": "h1",
            "handle": "Harborline",
            "bio": "Nurses on call",
        },
    ]
    if fmt == "jsonl":
        return write_jsonl(tmp_path / "firms.jsonl", [*posts, *accounts])
    columns = ["type", "platform", "id", "author", "author_id", "handle", "bio", "text"]
    path = tmp_path / "firms.csv"
    lines = [",".join(columns)]
    lines += [",".join(str(row.get(c, "")) for c in columns) for row in [*posts, *accounts]]
    path.write_text("\n".join(lines) + "\n")
    return path


def _orphans(store: Store) -> int:
    return int(
        store.conn.execute(
            "SELECT COUNT(*) FROM posts p WHERE NOT EXISTS (SELECT 1 FROM accounts a"
            " WHERE a.platform = p.platform AND a.id = p.author_id)"
        ).fetchone()[0]
    )


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_ctrl_c_in_a_file_declaring_its_accounts_last_leaves_no_post_without_its_author(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    import staffpulse.ingest as ingest

    path = _posts_then_accounts(tmp_path, fmt)
    # the whole file in one batch: what a full import reports
    whole = import_paths(open_store(tmp_path / "whole.db"), [path])
    monkeypatch.setattr(ingest, "BATCH_SIZE", 4)
    store = open_store(tmp_path / "s.db")

    def stop(location: str, done: int) -> None:  # called once a batch is committed
        raise KeyboardInterrupt

    with pytest.raises(ingest.ImportInterrupted):
        import_paths(store, [path], progress=stop)
    posts = store.conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0]
    assert 0 < posts < 15 and _orphans(store) == 0
    assert [a.account.handle for a in store.list_accounts()] == ["AcmeStaffing"]
    # running it again finishes: the account lines complete the bare accounts
    import_paths(store, [path])
    ended = store.conn.execute("SELECT id, handle, bio FROM accounts ORDER BY id").fetchall()
    assert [tuple(row) for row in ended] == [
        ("9001", "AcmeStaffing", "Welders and fitters"),
        ("h1", "Harborline", "Nurses on call"),
    ]
    assert store.conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0] == 15
    assert _orphans(store) == 0
    # in batches, a full import reports what one batch does: no extra account, no profile
    # "updated" from the bare account the account line completes
    batched = import_paths(open_store(tmp_path / "batched.db"), [path])
    counts = [
        (r.accounts, r.new_accounts, r.updated_profiles, r.posts, r.new_posts)
        for r in (whole, batched)
    ]
    assert counts == [(2, 2, 0, 15, 15)] * 2
    assert batched.notices == whole.notices == []


def test_ctrl_c_between_a_batch_commit_and_its_count_tells_every_post_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The batch being committed when Ctrl-C comes is stored, so it is told too (an import
    said "after 75,800 posts" with 77,800 in the store)."""
    import staffpulse.ingest as ingest

    monkeypatch.setattr(ingest, "BATCH_SIZE", 4)
    path = tmp_path / "posts.csv"
    rows = [f"p{i},firm{i % 5},We are hiring in Dayton {i}" for i in range(20)]
    path.write_text("id,author,text\n" + "\n".join(rows) + "\n")
    store = open_store(tmp_path / "s.db")
    write = store.write_records
    batches = []

    def write_then_stop(*args: Any, **kwargs: Any) -> Any:
        counts = write(*args, **kwargs)  # committed
        batches.append(counts)
        if len(batches) == 2:
            raise KeyboardInterrupt  # before the import counts what was just committed
        return counts

    monkeypatch.setattr(store, "write_records", write_then_stop)
    with pytest.raises(ingest.ImportInterrupted) as stopped:
        import_paths(store, [path])
    posts = store.conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0]
    assert posts == batches[0].posts + batches[1].posts > batches[0].posts
    assert str(stopped.value).startswith(f"after {posts} posts.")
