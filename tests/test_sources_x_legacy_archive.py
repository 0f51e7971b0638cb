"""The X archive of before 2019 ("Grailbird"), on a small hand-written archive of its layout:
data/js/tweets/YYYY_MM.js, user_details.js, payload_details.js, tweets.csv and its viewer."""

from __future__ import annotations

import copy
import json
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from staffpulse.errors import UnknownFormatError
from staffpulse.ingest import import_paths
from staffpulse.models import Account, Post
from staffpulse.sources import detect
from staffpulse.sources.x_legacy_archive import rows_from_legacy_tweet
from staffpulse.store import open_store

ARCHIVE = Path(__file__).parent / "fixtures" / "x_legacy_archive"
MONTH = ARCHIVE / "data" / "js" / "tweets" / "2015_06.js"
MADE = datetime(2016, 3, 4, 10, 0, tzinfo=UTC)  # payload_details.js


def _posts(store_path: Path) -> dict[str, Post]:
    with open_store(store_path) as store:
        owner = store.find_account("harborstaffing")
        return {post.id: post for post in store.posts_by("x", owner.id)}


def test_the_folder_imports_its_tweets_and_bio_and_leaves_its_viewer_untold(
    tmp_path: Path,
) -> None:
    # it was refused: "the folder holds nothing staffpulse can import"
    assert detect(MONTH).name == "x-legacy-archive"
    with open_store(tmp_path / "db.sqlite") as store:
        report = import_paths(store, [ARCHIVE])
        assert (report.new_posts, report.skipped) == (4, 1)  # 3 own, 1 retweeted
        (problem,) = report.problems  # tweets.csv, index.html, lib/: the archive's, not told
        assert problem.file == str(MONTH) and problem.line == 38
        assert "not valid JSON" in problem.message and "entries after it were read" in (
            problem.message
        )
        owner = store.find_account("harborstaffing")
        assert (owner.id, owner.display_name, owner.bio) == (
            "3000000001",
            "Harbor Staffing",
            "Temp and permanent staff across Yorkshire",
        )
        again = import_paths(store, [ARCHIVE])
        assert (again.new_posts, again.new_accounts, again.updated_posts) == (0, 0, 0)
    posts = _posts(tmp_path / "db.sqlite")
    assert {p.kind for p in posts.values()} == {"original", "reply", "repost"}
    reply = posts["610000000000000002"]
    assert reply.reply_to_post_id == "609999999999999999" and reply.reply_to_handle == (
        "danarecruits"
    )
    repost = posts["610000000000000001"]
    assert repost.reposted_post_id == "609000000000000001"
    original = posts["610000000000000003"]
    assert original.text.endswith("#hiring & more")
    assert original.created_at == datetime(2015, 6, 14, 9, 30, tzinfo=UTC)
    with sqlite3.connect(tmp_path / "db.sqlite") as db:  # as of the archive, not unknown
        observed = db.execute("SELECT DISTINCT observed_at FROM posts").fetchall()
    assert observed == [(MADE.strftime("%Y-%m-%dT%H:%M:%SZ"),)]


def test_a_zip_of_the_archive_reads_the_same(tmp_path: Path) -> None:
    packed = shutil.make_archive(str(tmp_path / "archive"), "zip", ARCHIVE)
    with open_store(tmp_path / "db.sqlite") as store:
        report = import_paths(store, [Path(packed)])
        assert (report.new_posts, report.new_accounts, report.skipped) == (4, 2, 1)
        assert len(report.problems) == 1


def test_tweets_csv_alone_is_told_to_import_the_whole_archive() -> None:
    with pytest.raises(UnknownFormatError) as refused:
        detect(ARCHIVE / "tweets.csv")
    assert "the tweets.csv of an X archive from before 2019" in refused.value.message
    assert "import the whole archive folder (or its ZIP)" in refused.value.message


def test_transformer_is_pure_and_strict() -> None:
    text = MONTH.read_text(encoding="utf-8")
    tweets = json.loads(text[text.index("[") :].replace('whose "quote', "whose quote"))
    retweet = tweets[3]
    before = copy.deepcopy(retweet)
    rows = rows_from_legacy_tweet(retweet)
    assert retweet == before
    assert [type(row) for row in rows] == [Account, Post, Account, Post]
    assert [row.id for row in rows if isinstance(row, Account)] == ["3000000002", "3000000001"]
    with pytest.raises(ValueError, match="has no 'user' object"):
        rows_from_legacy_tweet({"id_str": "1", "text": "hi"})
    with pytest.raises(ValueError, match="not a tweet"):
        rows_from_legacy_tweet(["not", "a", "tweet"])


def test_tweets_csv_alone_is_not_told_to_fix_the_file() -> None:
    with pytest.raises(UnknownFormatError) as refused:
        detect(ARCHIVE / "tweets.csv")
    assert refused.value.hint and refused.value.hint.startswith("supported formats:")
