"""A post's text left blank (staffpulse.ingest_blank_texts): kept when the store or another line
of the file has the text, so a file of counts only updates them; skipped and told otherwise."""

from __future__ import annotations

from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.ingest_blank_texts import BLANK_TEXT
from staffpulse.store import open_store


def _stored(db: Path) -> dict[str, tuple[str, int | None]]:
    with open_store(db) as store:
        rows = store.conn.execute("SELECT id, text, likes FROM posts ORDER BY id").fetchall()
    return {row[0]: (row[1], row[2]) for row in rows}


def test_a_file_of_counts_only_updates_the_posts_the_store_has(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    first = tmp_path / "posts.csv"
    first.write_text(
        "id,author,text,likes\np-1,harbor_jobs,Night shift crew wanted,2\n", encoding="utf-8"
    )
    counts = tmp_path / "counts.csv"
    counts.write_text("id,author,text,likes\np-1,harbor_jobs,,40\np-2,harbor_jobs,,7\n")
    with open_store(db) as store:
        import_paths(store, [first])
        report = import_paths(store, [counts])
    # p-2 is in neither the store nor the file with a text: told on its line, not stored
    assert [(p.line, p.message) for p in report.problems] == [(3, BLANK_TEXT)]
    assert report.skipped == 1
    assert _stored(db) == {"p-1": ("Night shift crew wanted", 40)}


def test_a_blank_line_before_the_line_with_the_text_is_merged_into_it(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text(
        "id,author,text,likes\n"
        "1,harbor_jobs,,5\n"  # its likes only, above the line that gives its text
        "1,harbor_jobs,Open day at the depot,\n"
        "2,harbor_jobs,,3\n"
        "2,harbor_jobs,Forklift drivers wanted,8\n",  # a later line's value wins
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
    assert (report.problems, report.skipped, report.posts) == ([], 0, 2)
    assert _stored(tmp_path / "s.db") == {
        "1": ("Open day at the depot", 5),
        "2": ("Forklift drivers wanted", 8),
    }


def test_a_jsonl_post_with_a_blank_text_is_kept_once_its_text_comes(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text(
        '{"type": "post", "platform": "x", "id": "9", "author": "harbor_jobs", "text": "",'
        ' "likes": 4}\n'
        '{"type": "post", "platform": "x", "id": "9", "author": "harbor_jobs",'
        ' "text": "Warehouse tour on Monday"}\n',
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
    assert report.problems == []
    assert _stored(tmp_path / "s.db") == {"9": ("Warehouse tour on Monday", 4)}


def _accounts(db: Path) -> list[str]:
    with open_store(db) as store:
        rows = store.conn.execute("SELECT handle FROM accounts ORDER BY handle").fetchall()
    return [row[0] for row in rows]


def test_an_author_whose_only_post_was_skipped_gets_no_account(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text(
        "id,author,text\n"
        "1,dune_bakery,Fresh rye loaves every Tuesday\n"
        "2,quiet_mill,\n",  # skipped: its author has no post kept, so no account of 0 posts
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
    assert (report.skipped, report.accounts) == (1, 1)
    assert _accounts(tmp_path / "s.db") == ["dune_bakery"]


def test_an_author_gets_an_account_with_a_later_post_that_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_text(
        '{"type": "post", "id": "1", "author": "quiet_mill", "text": ""}\n'
        '{"type": "post", "id": "2", "author": "quiet_mill", "text": "Grain tasting at noon"}\n'
        '{"type": "post", "id": "3", "author": "stone_oven", "text": ""}\n'
        '{"type": "post", "id": "3", "author": "stone_oven", "text": "Pizza night returns"}\n',
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
    assert (report.skipped, report.posts, report.accounts) == (1, 2, 2)
    assert _accounts(tmp_path / "s.db") == ["quiet_mill", "stone_oven"]


def test_a_file_of_counts_asks_the_store_once_for_its_stored_texts(tmp_path: Path) -> None:
    # a file of 300 counts only, the store asked a question per line: slow on a big store
    db = tmp_path / "s.db"
    first, counts = tmp_path / "posts.csv", tmp_path / "counts.csv"
    lines = [f"p-{n},harbor_jobs,Crew call {n}" for n in range(300)]
    first.write_text("id,author,text\n" + "\n".join(lines) + "\n", encoding="utf-8")
    counts.write_text(
        "id,author,text,likes\n" + "".join(f"p-{n},harbor_jobs,,{n}\n" for n in range(300))
    )
    asked: list[str] = []
    with open_store(db) as store:
        import_paths(store, [first])
        store.conn.set_trace_callback(asked.append)
        report = import_paths(store, [counts])
        store.conn.set_trace_callback(None)
    assert report.skipped == 0 and _stored(db)["p-7"] == ("Crew call 7", 7)
    assert len([sql for sql in asked if sql.startswith("SELECT") and "text != ''" in sql]) == 1
