"""An X archive's deleted posts (deleted-tweets.js): never imported, but counted and told, so an
archive whose tweets.js is empty does not import "0 posts" with nothing said about why."""

from __future__ import annotations

import json
from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.store import open_store
from x_archive_helpers import archive_of, zip_archive


def _deleted(tmp_path: Path, count: int) -> Path:
    """An archive with no posts in tweets.js and ``count`` posts in deleted-tweets.js."""
    archive = archive_of(tmp_path, [])
    entries = [
        {
            "tweet": {
                "id_str": f"18000000000000000{n:02d}",
                "full_text": f"Old warehouse shift {n}",
                "created_at": "Sun Mar 01 10:00:00 +0000 2026",
                "deleted_at": "Mon Mar 02 10:00:00 +0000 2026",
            }
        }
        for n in range(count)
    ]
    (archive / "data" / "deleted-tweets.js").write_text(
        f"window.YTD.deleted_tweets.part0 = {json.dumps(entries, indent=2)}", encoding="utf-8"
    )
    return archive


def test_an_archive_of_deleted_posts_only_tells_them_counted(tmp_path: Path) -> None:
    archive = _deleted(tmp_path, 2)
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [archive])
        stored = store.posts_by("x", "acmestaffing")
    assert (report.posts, report.skipped, stored) == (0, 0, [])
    told = [(n.file, n.message) for n in report.notices if "deleted" in n.message]
    assert told == [
        (
            str(archive / "data" / "deleted-tweets.js"),
            "2 deleted posts in deleted-tweets.js were not read: X keeps the posts you deleted"
            " in your archive for you alone (they are no longer on X), so staffpulse does not"
            " import them (nothing to fix)",
        )
    ]


def test_the_deleted_posts_of_a_zipped_archive_are_told_too(tmp_path: Path) -> None:
    zipped = zip_archive(tmp_path / "x.zip", {"twitter/": _deleted(tmp_path, 1)})
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [zipped])
    told = [(n.file, n.message) for n in report.notices if "deleted" in n.message]
    assert [(path, message.split(":")[0]) for path, message in told] == [
        (
            f"{zipped}!twitter/data/deleted-tweets.js",
            "1 deleted post in deleted-tweets.js was not read",
        )
    ]


def test_an_empty_deleted_tweets_file_is_not_told(tmp_path: Path) -> None:
    archive = _deleted(tmp_path, 0)
    with open_store(tmp_path / "x.db") as store:
        report = import_paths(store, [archive])
    assert not [n for n in report.notices if "deleted" in n.message]
