"""Every real sample in ../shared/data/formats imports with the counts a careful reader gets.

Counts per file: (accounts, posts by kind, follows, malformed records reported). ``None``
marks a response that holds nothing to import (an empty search or context, a feed generator, a
relationship or a list): each is an import of nothing (exit 1), told what it is. The tweepy
recordings carry default fields only (no author, no ``referenced_tweets``): their kinds come
from the ``RT @`` prefix. The person archive's 79 quotes are tweets ending with a link to
another tweet, which is how archives show quotes. A tweet that names the account it answers
(``in_reply_to_user_id``) but no tweet (the parent was deleted, or the tweet was addressed to
the account by starting with its @handle) is a reply: 68 in the person archive, 1 in flat and
noflat, 2 in users, 1 in tongliuF8; likewise the 3 Mastodon statuses whose parent was deleted
(``in_reply_to_account_id`` without ``in_reply_to_id``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from staffpulse.errors import NothingImportedError
from staffpulse.ingest import import_paths
from staffpulse.store import open_store

Expected = tuple[int, dict[str, int], int, int] | None

EXPECTED: dict[str, Expected] = {
    "bluesky_samples/atproto_sdk_feed_record.json": None,  # a feed generator: told, not a post
    "bluesky_samples/atproto_sdk_get_follows.json": (7, {}, 6, 0),
    "bluesky_samples/atproto_sdk_post_record.json": (0, {"original": 1}, 0, 0),
    "bluesky_samples/atproto_sdk_thread_view_post_with_embed_media.json": (
        1,
        {"original": 1, "quote": 1},
        0,
        0,
    ),
    "bluesky_samples/getAuthorFeed_benoist.dev.json": (
        31,
        {"original": 28, "reply": 4, "repost": 28, "quote": 8},
        0,
        0,
    ),
    "mastodon_samples/mastodonpy_test_account_search.1.json": (2, {}, 0, 0),
    "mastodon_samples/mastodonpy_test_account_search.2.json": None,  # a relationship
    "mastodon_samples/mastodonpy_test_account_search.3.json": (1, {}, 0, 0),
    "mastodon_samples/mastodonpy_test_account_search.4.json": None,
    "mastodon_samples/mastodonpy_test_account_search.6.json": (2, {}, 0, 0),
    "mastodon_samples/mastodonpy_test_list_timeline.1.json": None,  # a list, its name alone
    "mastodon_samples/mastodonpy_test_list_timeline.2.json": (1, {}, 0, 0),
    "mastodon_samples/mastodonpy_test_list_timeline.3.json": None,
    "mastodon_samples/mastodonpy_test_list_timeline.5.json": (1, {"original": 1}, 0, 0),
    "mastodon_samples/mastodonpy_test_list_timeline.6.json": (1, {"original": 7}, 0, 0),
    "mastodon_samples/mastodonpy_test_list_timeline.7.json": (1, {"original": 1}, 0, 0),
    "mastodon_samples/mastodonpy_test_list_timeline.8.json": None,
    "mastodon_samples/mastodonpy_test_notifications.1.json": (1, {"original": 1}, 0, 0),
    "mastodon_samples/mastodonpy_test_notifications.2.json": (1, {"original": 1}, 0, 0),
    "mastodon_samples/mastodonpy_test_notifications.3.json": (1, {"original": 1}, 0, 0),
    "mastodon_samples/mastodonpy_test_notifications.5.json": (1, {"original": 1}, 0, 0),
    "mastodon_samples/mastodonpy_test_notifications.6.json": (1, {"original": 1}, 0, 0),
    "mastodon_samples/mastodonpy_test_search.1.json": (2, {}, 0, 0),
    "mastodon_samples/mastodonpy_test_search.2.json": (2, {}, 0, 0),
    "mastodon_samples/mastodonpy_test_search.3.json": None,
    "mastodon_samples/mastodonpy_test_status.1.json": (1, {"original": 1}, 0, 0),
    "mastodon_samples/mastodonpy_test_status.2.json": (1, {"original": 1}, 0, 0),
    "mastodon_samples/mastodonpy_test_status.3.json": (1, {"original": 1}, 0, 0),
    "mastodon_samples/mastodonpy_test_status_context.1.json": (1, {"original": 1}, 0, 0),
    "mastodon_samples/mastodonpy_test_status_context.2.json": None,
    "mastodon_samples/mastodonpy_test_status_context.3.json": (1, {"original": 1}, 0, 0),
    "mastodon_samples/rtoot_get_account_statuses_default.json": (
        1,
        {"original": 9, "reply": 11},
        0,
        0,
    ),
    "mastodon_samples/rtoot_get_context_default.json": (50, {"reply": 59}, 0, 0),
    "mastodon_samples/rtoot_get_reblogged_by_default.json": (40, {}, 0, 0),
    "mastodon_samples/rtoot_get_timeline_hashtag_default.json": (5, {"original": 5}, 0, 0),
    "mastodon_samples/rtoot_get_timeline_public_default.json": (
        20,
        {"original": 18, "reply": 2},
        0,
        0,
    ),
    "twarc2_jsonl_real/brexit.jsonl": (
        177,
        {"original": 47, "reply": 17, "repost": 67, "quote": 24},
        0,
        0,
    ),
    "twarc2_jsonl_real/cotweet.jsonl": (1, {"original": 1}, 0, 0),
    "twarc2_jsonl_real/flat.jsonl": (
        178,
        {"original": 49, "reply": 51, "repost": 47, "quote": 17},
        0,
        0,
    ),
    "twarc2_jsonl_real/kpop.jsonl": (112, {"original": 43, "repost": 78}, 0, 0),
    "twarc2_jsonl_real/media_tweet.jsonl": (1, {"original": 1}, 0, 0),
    "twarc2_jsonl_real/mentions_tweet.jsonl": (2, {"original": 1, "repost": 1}, 0, 0),
    "twarc2_jsonl_real/noflat.jsonl": (
        178,
        {"original": 49, "reply": 51, "repost": 47, "quote": 17},
        0,
        0,
    ),
    "twarc2_jsonl_real/quoted_edit.jsonl": (2, {"original": 1, "reply": 1}, 0, 0),
    "twarc2_jsonl_real/streaming_output_with_error.jsonl": (
        11,
        {"original": 7, "reply": 3, "quote": 1},
        0,
        1,
    ),
    "twarc2_jsonl_real/two_tweets.jsonl": (2, {"original": 1, "repost": 1}, 0, 0),
    "twarc2_jsonl_real/users.jsonl": (
        91,
        {"original": 43, "reply": 2, "repost": 1, "quote": 6},
        0,
        0,
    ),
    "twarc2_jsonl_real/verified_type.jsonl": (1, {"original": 1}, 0, 0),
    "tweepy_v2_recorded_responses/test_asyncclient_get_home_timeline.json": (
        0,
        {"original": 69, "repost": 29},
        0,
        0,
    ),
    "tweepy_v2_recorded_responses/test_client_get_home_timeline.json": (
        0,
        {"original": 69, "repost": 29},
        0,
        0,
    ),
    "tweepy_v2_recorded_responses/test_client_get_liking_users.json": (43, {}, 0, 0),
    "tweepy_v2_recorded_responses/test_client_get_quote_tweets.json": (
        0,
        {"original": 2, "repost": 7},
        0,
        0,
    ),
    "tweepy_v2_recorded_responses/test_client_get_retweeters.json": (38, {}, 0, 0),
    "tweepy_v2_recorded_responses/test_client_get_tweet.json": (0, {"original": 1}, 0, 0),
    "tweepy_v2_recorded_responses/test_client_get_tweets.json": (0, {"original": 2}, 0, 0),
    "tweepy_v2_recorded_responses/test_client_get_user.json": (1, {}, 0, 0),
    "tweepy_v2_recorded_responses/test_client_get_users.json": (2, {}, 0, 0),
    "tweepy_v2_recorded_responses/test_client_get_users_followers.json": (100, {}, 0, 0),
    "tweepy_v2_recorded_responses/test_client_get_users_following.json": (35, {}, 0, 0),
    "tweepy_v2_recorded_responses/test_client_get_users_mentions.json": (0, {"original": 10}, 0, 0),
    "tweepy_v2_recorded_responses/test_client_get_users_tweets.json": (0, {"original": 2}, 0, 0),
    "tweepy_v2_recorded_responses/test_client_search_recent_tweets.json": (
        0,
        {"original": 10},
        0,
        0,
    ),
    "twitter_archive_samples/org_RTIatMLA/account.js": (1, {}, 0, 0),
    "twitter_archive_samples/org_RTIatMLA/follower.js": (1, {}, 111, 0),
    "twitter_archive_samples/org_RTIatMLA/following.js": (1, {}, 124, 0),
    "twitter_archive_samples/org_RTIatMLA/profile.js": (1, {}, 0, 0),
    "twitter_archive_samples/org_RTIatMLA/tweet.js": (
        1,
        {"original": 44, "reply": 14, "repost": 12},
        0,
        0,
    ),
    "twitter_archive_samples/person_andreruffert/account.js": (1, {}, 0, 0),
    "twitter_archive_samples/person_andreruffert/following.js": (1, {}, 295, 0),
    "twitter_archive_samples/person_andreruffert/profile.js": (1, {}, 0, 0),
    "twitter_archive_samples/person_andreruffert/tweets.js": (
        1,
        {"original": 711, "reply": 553, "repost": 643, "quote": 79},
        0,
        0,
    ),
    "twitter_v1_1_json_samples/m3inference_example_tweets.jsonl": (1, {"original": 3}, 0, 0),
    "twitter_v1_1_json_samples/tongliuF8_twitter_data.jsonl": (
        20,
        {"original": 13, "reply": 7},
        0,
        0,
    ),
}


def _counts(store_path: Path, paths: list[Path]) -> tuple[int, dict[str, int], int, int]:
    with open_store(store_path) as store:
        report = import_paths(store, paths)
        stats = store.stats()
        follows = int(store.conn.execute("SELECT COUNT(*) FROM follows").fetchone()[0])
    kinds: dict[str, int] = {}
    for by_kind in stats["posts"].values():
        for kind, count in by_kind.items():
            if count:
                kinds[kind] = kinds.get(kind, 0) + count
    # a file an archive lacks is no skipped record: its entries are counted as lost apart
    missing = sum(p.records for p in report.missing_files)
    return sum(stats["accounts"].values()), kinds, follows, report.skipped + missing


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_counts(name: str, shared_data: Path, tmp_path: Path) -> None:
    path = shared_data / "formats" / name
    expected = EXPECTED[name]
    if expected is None:
        with open_store(tmp_path / "db.sqlite") as store, pytest.raises(NothingImportedError):
            import_paths(store, [path])
        return
    assert _counts(tmp_path / "db.sqlite", [path]) == expected


def test_every_sample_file_is_listed(shared_data: Path) -> None:
    root = shared_data / "formats"
    found = {
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.suffix in (".json", ".jsonl") and p.stat().st_size > 2
    }
    from staffpulse.sources import detect

    readable = set()
    for name in found:
        try:
            detect(root / name)
            readable.add(name)
        except Exception:
            continue
    assert readable <= set(EXPECTED)


@pytest.mark.parametrize(
    ("folder", "posts", "follows", "lost"),
    [
        # the sample lacks follower.js, which its manifest.js lists with 420 followers: a
        # missing file (ImportReport.missing_files), no skipped record
        (
            "person_andreruffert",
            {"original": 711, "reply": 553, "repost": 643, "quote": 79},
            295,
            420,
        ),
        ("org_RTIatMLA", {"original": 44, "reply": 14, "repost": 12}, 235, 0),
    ],
)
def test_archive_folders(
    folder: str,
    posts: dict[str, int],
    follows: int,
    lost: int,
    shared_data: Path,
    tmp_path: Path,
) -> None:
    path = shared_data / "formats" / "twitter_archive_samples" / folder
    db = tmp_path / "db.sqlite"
    first = _counts(db, [path])
    assert first == (1, posts, follows, lost)
    with open_store(tmp_path / "alone.sqlite") as store:
        report = import_paths(store, [path])
    assert report.skipped == 0
    assert [(Path(p.file).name, p.records) for p in report.missing_files] == (
        [("follower.js", lost)] if lost else []
    )
    assert sum(posts.values()) == (1986 if folder.startswith("person") else 70)
    assert _counts(db, [path]) == first  # re-import changes nothing


def test_malformed_twarc_line_is_reported(shared_data: Path, tmp_path: Path) -> None:
    path = shared_data / "formats" / "twarc2_jsonl_real" / "streaming_output_with_error.jsonl"
    with open_store(tmp_path / "db.sqlite") as store:
        report = import_paths(store, [path])
    assert [(p.file, p.line) for p in report.problems] == [(str(path), 8)]
    assert report.new_posts == 11


def test_all_samples_then_stats(shared_data: Path, tmp_path: Path) -> None:
    db = tmp_path / "all.sqlite"
    root = shared_data / "formats"
    with open_store(db) as store:
        import_paths(store, [root])
        before = json.loads(json.dumps(store.stats()))
        again = import_paths(store, [root])
        assert (again.new_accounts, again.new_posts) == (0, 0)
        assert store.stats() == before
    assert set(before["posts"]) == {"x", "bluesky", "mastodon"}
    assert before["posts"]["x"]["repost"] >= 643 + 12


def _brand_conversation(db: Path, handle: str) -> tuple[dict[str, int], dict[str, int]]:
    """What ``staffpulse audit HANDLE`` finds of its conversation, and ``inbox --as``'s counts."""
    from typer.testing import CliRunner

    from staffpulse.cli.app import app

    runner = CliRunner()
    audit = runner.invoke(app, ["audit", handle, "--db", str(db), "--json"])
    assert audit.exit_code == 0, audit.output
    inbox = runner.invoke(app, ["inbox", "--as", handle, "--db", str(db), "--json"])
    assert inbox.exit_code == 0, inbox.output
    talk = json.loads(audit.stdout)["pillars"]["conversation"]["evidence"]
    return talk, json.loads(inbox.stdout)["counts"]


# posts, replies, with a conversation id, replies whose parent is stored, with a parent author
_THREADS_SQL = (
    "SELECT COUNT(*), SUM(kind = 'reply'), SUM(conversation_id IS NOT NULL),"
    " SUM(EXISTS (SELECT 1 FROM posts q WHERE q.id = p.reply_to_post_id)),"
    " SUM(reply_to_account_id IS NOT NULL) FROM posts p WHERE platform = 'x'"
)


def test_twcs_sample_keeps_its_reply_chains_and_a_brand_can_be_audited(
    shared_data: Path, tmp_path: Path
) -> None:
    path = shared_data / "conversations" / "twcs_customer_support_sample" / "sample.csv"
    db = tmp_path / "db.sqlite"
    with open_store(db) as store:
        report = import_paths(store, [path])
        assert (report.new_posts, report.new_accounts, report.skipped) == (93, 13, 0)
        assert len(report.notices) == 1 and "29 customers" in report.notices[0].message
        # 66 replies have their parent in the file (PROVENANCE.txt), 2 more answer a tweet
        # that is not; 83 tweets belong to a chain whose first tweet is in the file.
        assert tuple(store.conn.execute(_THREADS_SQL).fetchone()) == (93, 68, 83, 66, 66)
        again = import_paths(store, [path])
        assert (again.new_posts, again.new_accounts) == (0, 0)
    talk, inbox = _brand_conversation(db, "Tesco")
    assert (talk["posts"], talk["replies"], talk["mentions_known"]) == (8, 8, 8)
    assert talk["mentions_answered"] == 7 and talk["accounts_engaged_total"] == 3
    # The thread Tesco answered in, and a customer's question put to @Tesco that it answered:
    # a question addressed to the firm is in its inbox even in no work words (and so joined).
    assert inbox["joined"] == 2


def test_ibm_dialogs_import_as_reply_chains_and_a_brand_can_be_audited(
    shared_data: Path, tmp_path: Path
) -> None:
    path = shared_data / "conversations" / "ibm_twitter_customer_care_dialogs" / "dev.json"
    db = tmp_path / "db.sqlite"
    with open_store(db) as store:
        report = import_paths(store, [path])
        # 525 dialogs of 686 turns and 525 closing agent tweets; 6 tweets are in two dialogs.
        assert (report.new_posts, report.new_accounts, report.skipped) == (1205, 563, 0)
        assert tuple(store.conn.execute(_THREADS_SQL).fetchone()) == (1205, 682, 1205, 682, 682)
        again = import_paths(store, [path])
        assert (again.new_posts, again.new_accounts) == (0, 0)
    talk, inbox = _brand_conversation(db, "RockstarSupport")
    # Every dialog ends with the agent's answer (how the dataset was built): all answered.
    assert (talk["replies"], talk["mentions_known"], talk["mentions_answered"]) == (101, 101, 101)
    assert inbox["conversations"] >= 1
