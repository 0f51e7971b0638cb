"""Whether a store is the bundled sample: read from where its posts were imported from."""

from __future__ import annotations

from pathlib import Path

from staffpulse.bundled import SAMPLE_DIR, is_bundled_sample
from staffpulse.ingest import import_paths
from staffpulse.store import open_store


def _own_posts(folder: Path) -> Path:
    """A user's own file that looks like the sample (same handles, a sample-like path)."""
    own = folder / "sample" / "cohort.jsonl"  # not the installed sample, whatever its name
    own.parent.mkdir()
    own.write_text(
        '{"type": "account", "platform": "x", "handle": "brightpathstaff",'
        ' "avatar_url": "https://media.staffpulse.example/sample/avatars/b.png"}\n'
        '{"type": "post", "platform": "x", "id": "own-1", "author": "brightpathstaff",'
        ' "text": "Now hiring", "created_at": "2026-03-01T10:00:00Z"}\n',
        encoding="utf-8",
    )
    return own


def test_the_demo_store_is_the_sample(tmp_path: Path) -> None:
    with open_store(tmp_path / "demo.db") as store:
        assert not is_bundled_sample(store)  # empty: nothing to call a sample
        import_paths(store, [SAMPLE_DIR / "cohort.jsonl"])
        assert is_bundled_sample(store)


def test_own_data_is_not_the_sample_even_when_it_looks_like_it(tmp_path: Path) -> None:
    with open_store(tmp_path / "own.db") as store:
        import_paths(store, [_own_posts(tmp_path)])
        assert not is_bundled_sample(store)


def test_own_data_next_to_the_sample_makes_the_store_the_users(tmp_path: Path) -> None:
    with open_store(tmp_path / "mixed.db") as store:
        import_paths(store, [SAMPLE_DIR / "cohort.jsonl"])
        import_paths(store, [_own_posts(tmp_path)])
        assert not is_bundled_sample(store)


def test_the_sample_with_own_data_beside_it_is_told_apart(tmp_path: Path) -> None:
    from staffpulse.bundled import holds_the_sample_and_more

    with open_store(tmp_path / "mixed.db") as store:
        assert not holds_the_sample_and_more(store)  # empty
        import_paths(store, [SAMPLE_DIR / "cohort.jsonl"])
        assert not holds_the_sample_and_more(store)  # the sample alone
        import_paths(store, [_own_posts(tmp_path)])
        assert holds_the_sample_and_more(store)
    with open_store(tmp_path / "own.db") as store:  # the user's data alone
        own = tmp_path / "own"
        own.mkdir()
        import_paths(store, [_own_posts(own)])
        assert not holds_the_sample_and_more(store)
