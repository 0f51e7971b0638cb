"""twarc2 / X API v2 adapter on small hand-written pages."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from staffpulse.ingest import import_paths
from staffpulse.models import Account, Post
from staffpulse.sources import detect
from staffpulse.sources.base import Notice
from staffpulse.sources.twarc2 import EditTracker, Twarc2, rows_from_v2
from staffpulse.sources.x_v2_gaps import FieldGaps
from staffpulse.store import open_store
from twarc2_helpers import FIXTURES
from twarc2_helpers import read_twarc2 as _read


def test_pages_flat_lines_and_malformed_line() -> None:
    path = FIXTURES / "pages.jsonl"
    assert detect(path).name == "twarc2"
    posts, accounts, problems = _read(path)
    assert set(posts) == {"200", "201", "150", "202", "190"}  # 149 is an older version of 150
    assert posts["200"].kind == "repost" and posts["200"].reposted_post_id == "150"
    reply = posts["201"]
    assert reply.kind == "reply" and reply.reply_to_post_id == "150"
    assert reply.quoted_post_id == "150"  # quoted the first version: points to the latest
    assert reply.reply_to_account_id == "2" and reply.reply_to_handle == "janedoe"
    assert reply.hashtags == ("hiring",) and reply.urls == ("https://acme.example/jobs",)
    assert (
        reply.mentions == ("janedoe",)
        and reply.likes == 2
        and reply.author_handle == "AcmeStaffing"
    )
    assert posts["150"].text == "Great tips (edited)" and posts["150"].author_handle == "JaneDoe"
    assert posts["202"].kind == "quote" and posts["202"].quoted_post_id == "190"
    assert accounts["1"].followers == 120 and accounts["1"].post_count == 400
    assert [(p.line, "not valid JSON" in p.message) for p in problems] == [(3, True)]


def test_recorded_response_document() -> None:
    path = FIXTURES / "recorded_user_tweets.json"
    assert detect(path).name == "twarc2"
    posts, accounts, problems = _read(path)
    assert not problems and not accounts
    assert posts["300"].kind == "original" and posts["300"].author_id == ""
    assert posts["301"].kind == "repost"


def test_edit_seen_in_an_earlier_page_is_not_stored_again() -> None:
    edits = EditTracker()
    latest = {"id": "2", "text": "v2", "author_id": "9", "edit_history_tweet_ids": ["1", "2"]}
    old = {"id": "1", "text": "v1", "author_id": "9", "edit_history_tweet_ids": ["1", "2"]}
    assert [r.id for r in rows_from_v2({"data": [latest]}, edits)] == ["2"]
    assert rows_from_v2({"data": [old]}, edits) == []


def test_user_object_and_garbage() -> None:
    rows = rows_from_v2({"id": "5", "username": "solo", "name": "Solo"})
    assert isinstance(rows[0], Account) and rows[0].handle == "solo"
    with pytest.raises(ValueError):
        rows_from_v2({"hello": "world"})
    with pytest.raises(ValueError, match=r"data\[0\] \(tweet 1\): tweet without 'text'"):
        rows_from_v2({"data": [{"id": "1"}]})


def test_error_only_lines_import_nothing_quietly() -> None:
    assert rows_from_v2({"errors": [{"title": "operational-disconnect"}]}) == []
    assert rows_from_v2({"meta": {"result_count": 0}}) == []


# -- one bad item skips only that item (not the page) -------------------------------------

BAD_ITEMS = FIXTURES / "bad_items.jsonl"


def test_one_bad_tweet_or_user_skips_only_that_item() -> None:
    posts, accounts, problems = _read(BAD_ITEMS)
    assert set(posts) == {"500", "502", "490", "600"}  # 501, the id-less tweet and 590 skipped
    assert set(accounts) == {"10", "11", "13", "14"}  # 12 has a null username
    assert posts["500"].kind == "reply" and posts["500"].reply_to_handle == "recruiterrae"
    # The tweet of the skipped user is kept, under its author id (no handle to show).
    assert (posts["502"].author_id, posts["502"].author_handle) == ("12", "")
    # A flattened line keeps its tweet when a referenced tweet is malformed.
    assert posts["600"].kind == "quote" and posts["600"].quoted_post_id == "590"
    assert [(p.file, p.line, p.message) for p in problems] == [
        (str(BAD_ITEMS), 1, "includes.users[2] (user 12): user object without 'username'"),
        (str(BAD_ITEMS), 1, "data[1] (tweet 501): unreadable timestamp '2021-13-99'"),
        (str(BAD_ITEMS), 1, "data[2]: tweet without 'id'"),
        (str(BAD_ITEMS), 2, "referenced_tweets[0] (tweet 590): unreadable timestamp 'garbage'"),
        (str(BAD_ITEMS), 3, "data: not a list of objects (str)"),
    ]


def test_import_counts_every_skipped_item_and_keeps_the_rest() -> None:
    with open_store(":memory:") as store:
        report = import_paths(store, [BAD_ITEMS])
        stats = store.stats()
    assert report.skipped == len(report.problems) == 5
    assert all(p.file == str(BAD_ITEMS) and p.line in (1, 2, 3) for p in report.problems)
    assert sum(stats["accounts"].values()) == 4
    assert stats["posts"]["x"] == {"original": 2, "reply": 1, "quote": 1, "repost": 0}


def test_strict_mode_raises_naming_the_item_and_input_is_not_mutated() -> None:
    page = json.loads(BAD_ITEMS.read_text().splitlines()[0])
    before = copy.deepcopy(page)
    with pytest.raises(ValueError, match=r"data\[1\] \(tweet 501\): unreadable timestamp"):
        rows_from_v2({"data": page["data"][:2]})  # no errors list: the fetcher's strictness
    errors: list[str] = []
    rows_from_v2(page, errors=errors)
    assert len(errors) == 3 and page == before


def test_non_object_items_are_reported() -> None:
    errors: list[str] = []
    rows = rows_from_v2({"data": [7, {"id": "1", "text": "hi", "author_id": "9"}]}, errors=errors)
    assert [r.id for r in rows] == ["1"] and errors == ["data[0]: not a JSON object"]


def test_old_version_is_kept_when_the_latest_version_is_malformed() -> None:
    latest = {"id": "2", "text": "v2", "created_at": "bad", "edit_history_tweet_ids": ["1", "2"]}
    old = {"id": "1", "text": "v1", "edit_history_tweet_ids": ["1", "2"]}
    errors: list[str] = []
    assert [r.id for r in rows_from_v2({"data": [latest, old]}, errors=errors)] == ["1"]
    assert errors == ["data[0] (tweet 2): unreadable timestamp 'bad'"]


# -- posts without author or date: kept, with one notice per file --------------------------


def test_missing_author_and_date_are_kept_with_one_notice_per_file() -> None:
    path = FIXTURES / "recorded_user_tweets.json"
    items = list(Twarc2().read(path))
    notices = [i for i in items if isinstance(i, Notice)]
    assert [n.file for n in notices] == [str(path)] * 2
    assert notices[0].message.startswith("2 posts have no author")
    assert "tweet.fields=author_id" in notices[0].message
    assert notices[1].message.startswith("2 posts have no date")
    assert "tweet.fields=created_at" in notices[1].message
    with open_store(":memory:") as store:
        report = import_paths(store, [path])
        stored = store.conn.execute("SELECT author_id, created_at FROM posts").fetchall()
    assert (report.posts, report.skipped, len(report.notices)) == (2, 0, 2)
    assert [tuple(row) for row in stored] == [("", None), ("", None)]  # nothing invented


def test_notice_names_only_what_is_missing() -> None:
    notices = [i for i in Twarc2().read(FIXTURES / "pages.jsonl") if isinstance(i, Notice)]
    # Every tweet there has an author; one flattened reference (190) has no created_at. The
    # error X listed on the first page is told apart.
    assert [n.message.split(" (")[0] for n in notices] == [
        "1 post has no date",
        "the file also lists 1 error X returned",
    ]


def test_posts_without_a_date_are_dated_from_their_ids_and_the_notice_says_so(
    tmp_path: Path,
) -> None:
    # tweepy's recordings: ids and texts only. A 2022 id carries its time; a 2009 one does not.
    page = {"data": [{"id": "1577730467436138524", "text": "new"}, {"id": "300", "text": "old"}]}
    path = tmp_path / "user_tweets.json"
    path.write_text(json.dumps(page), encoding="utf-8")
    notices = [i.message for i in Twarc2().read(path) if isinstance(i, Notice)]
    assert notices[1] == (
        "1 post has no date (the request lacked tweet.fields=created_at): dated from its id,"
        " which X stamps with the time of posting"
    )
    assert notices[2].startswith(
        "1 post has no date (the request lacked tweet.fields=created_at)"
        " and an id from before November 2010, which carries no time:"
        " kept undated"
    )
    with open_store(":memory:") as store:
        import_paths(store, [path])
        stored = dict(store.conn.execute("SELECT id, created_at FROM posts").fetchall())
    assert stored == {"1577730467436138524": "2022-10-05T18:40:30Z", "300": None}


def test_a_date_given_is_kept_and_not_counted_as_read_from_the_id() -> None:
    tweet = {"id": "1577730467436138524", "text": "hi", "created_at": "2022-10-05T18:40:30.000Z"}
    gaps = FieldGaps()
    (post,) = rows_from_v2({"data": [tweet]}, gaps=gaps)
    assert isinstance(post, Post) and post.created_at is not None
    assert post.created_at.microsecond == 0 and gaps.dated_from_id == 0


QUOTED_LINK = {"url": "https://t.co/q", "expanded_url": "https://twitter.com/JaneDoe/status/190"}


def test_a_quote_without_the_quoted_tweet_engages_the_author_in_its_link() -> None:
    quote = {
        "id": "202", "author_id": "1", "text": "@bob look https://t.co/q",
        "referenced_tweets": [{"type": "quoted", "id": "190"}],
        "entities": {"mentions": [{"username": "bob"}], "urls": [QUOTED_LINK]},
    }  # fmt: skip
    (post,) = rows_from_v2({"data": [quote]})
    assert isinstance(post, Post) and post.kind == "quote"
    assert post.mentions == ("janedoe", "bob")  # the quoted author first: the quote's target
    # With the quoted tweet and its author in the page, its stored author is the target.
    quoted = {"id": "190", "author_id": "2", "text": "tips"}
    rows = rows_from_v2({"data": [quote], "includes": {"tweets": [quoted]}})
    assert [r.mentions for r in rows if isinstance(r, Post) and r.id == "202"] == [("bob",)]


def test_a_reply_whose_parent_is_gone_is_a_reply_to_the_account_it_names() -> None:
    """QA s21: a reply to a deleted tweet keeps ``in_reply_to_user_id`` (and its
    ``conversation_id``) but has no replied_to reference; it was read as an original."""
    orphan = {
        "id": "204", "author_id": "1", "text": "@JaneDoe agreed, thanks",
        "in_reply_to_user_id": "2", "conversation_id": "150",
        "entities": {"mentions": [{"username": "JaneDoe", "id": "2"}]},
    }  # fmt: skip
    quoting = {**orphan, "id": "205", "referenced_tweets": [{"type": "quoted", "id": "190"}]}
    users = [{"id": "2", "username": "JaneDoe", "name": "Jane"}]
    rows = rows_from_v2({"data": [orphan, quoting], "includes": {"users": users}})
    posts = {r.id: r for r in rows if isinstance(r, Post)}
    reply = posts["204"]
    assert reply.kind == "reply" and reply.reply_to_post_id is None  # no parent invented
    assert (reply.reply_to_account_id, reply.reply_to_handle) == ("2", "janedoe")
    assert reply.conversation_id == "150"  # the conversation X names is kept
    # a reply that also quotes is a reply, as with a replied_to reference
    assert (posts["205"].kind, posts["205"].quoted_post_id) == ("reply", "190")


def test_a_tweet_naming_no_account_answered_stays_an_original() -> None:
    (post,) = rows_from_v2({"data": [{"id": "206", "author_id": "1", "text": "Hiring"}]})
    assert isinstance(post, Post) and post.kind == "original" and post.reply_to_account_id is None


# -- the real samples (skipped when ../shared/data is absent) ------------------------------


def test_real_page_with_one_bad_date_keeps_everything_else(
    shared_data: Path, tmp_path: Path
) -> None:
    real = shared_data / "formats" / "twarc2_jsonl_real" / "brexit.jsonl"
    page = json.loads(real.read_text(encoding="utf-8").splitlines()[0])
    bad_id = page["data"][5]["id"]
    page["data"][5]["created_at"] = "2021-13-99"
    path = tmp_path / "onedate.jsonl"
    path.write_text(json.dumps(page) + "\n", encoding="utf-8")
    with open_store(":memory:") as store:
        report = import_paths(store, [path])
        stats = store.stats()
    assert [(p.line, p.message) for p in report.problems] == [
        (1, f"data[5] (tweet {bad_id}): unreadable timestamp '2021-13-99'")
    ]
    assert report.skipped == 1
    assert sum(stats["accounts"].values()) == 177
    assert sum(stats["posts"]["x"].values()) == 154  # the whole sample gives 155


def test_tweepy_recordings_say_what_the_request_lacked(shared_data: Path) -> None:
    folder = shared_data / "formats" / "tweepy_v2_recorded_responses"
    with open_store(":memory:") as store:
        report = import_paths(store, [folder])
        undated = store.conn.execute("SELECT COUNT(*) FROM posts WHERE created_at IS NULL")
        assert undated.fetchone()[0] == 0  # all 130 are dated from their ids
        oldest = store.conn.execute("SELECT MIN(created_at) FROM posts").fetchone()[0]
        assert oldest > "2010-11-04"
    # the async client's recording is the same bytes as the client's: read once, told
    copies = [p for p in report.problems if "a download saved twice" in p.message]
    assert [Path(p.file).name for p in copies] == ["test_asyncclient_get_home_timeline.json"]
    others = [p for p in report.problems if p not in copies]
    assert all(p.message.endswith("not a known format") for p in others)
    by_file: dict[str, list[str]] = {}
    for notice in report.notices:
        by_file.setdefault(Path(notice.file).name, []).append(notice.message)
    assert by_file["test_client_search_recent_tweets.json"][0].startswith("10 posts have no author")
    assert "test_client_get_users.json" not in by_file  # users only: nothing lacking
    assert all(len(messages) == 2 for messages in by_file.values())
    assert all(": dated from" in messages[1] for messages in by_file.values())


def test_rows_are_observed_when_twarc_retrieved_them_else_as_of_the_newest_tweet() -> None:
    page = json.loads((FIXTURES / "pages.jsonl").read_text(encoding="utf-8").splitlines()[0])
    page["__twarc"] = {"retrieved_at": "2026-03-05T08:00:00+00:00"}
    retrieved = {row.observed_at for row in rows_from_v2(page)}
    del page["__twarc"]
    saved = rows_from_v2(page)  # a saved response says not when it was fetched
    newest = max(row.created_at for row in saved if isinstance(row, Post) and row.created_at)
    assert [str(t) for t in retrieved] == ["2026-03-05 08:00:00+00:00"]
    assert {row.observed_at for row in saved} == {newest}


def test_errors_x_returned_are_told_once_per_file_and_skip_nothing(tmp_path: Path) -> None:
    page = json.loads((FIXTURES / "pages.jsonl").read_text(encoding="utf-8").splitlines()[0])
    page["errors"] = [
        {
            "resource_type": "user",
            "type": "https://api.twitter.com/2/problems/resource-not-found",
            "detail": "User has been suspended: [gone].",
        }
    ]
    path = tmp_path / "search.jsonl"
    path.write_text(json.dumps(page) + "\n" + json.dumps(page) + "\n", encoding="utf-8")
    with open_store(":memory:") as store:
        report = import_paths(store, [path])
    told = [n.message for n in report.notices if "X returned" in n.message]
    assert told == [
        "the file also lists 2 errors X returned (2 users suspended); they were not data to import"
    ]
    assert report.skipped == 0 and report.posts > 0


def test_the_real_user_pages_tell_their_errors(shared_data: Path) -> None:
    real = shared_data / "formats" / "twarc2_jsonl_real" / "users.jsonl"
    notices = [n for n in Twarc2().read(real) if isinstance(n, Notice)]
    assert [n.message for n in notices if "X returned" in n.message] == [
        "the file also lists 8 errors X returned (7 posts not found or not authorised and"
        " 1 user not found); they were not data to import"
    ]


def test_an_edit_replaces_the_earlier_version_an_older_search_stored(tmp_path: Path) -> None:
    """A search run before the tweet was edited stored its first text; a later search's edit
    takes its place instead of the firm's tweet being counted twice."""
    first = {"id": "1800000000000000001", "text": "Hiring wedlers", "author_id": "9"}
    edited = {
        "id": "1800000000000000002",
        "text": "Hiring welders",
        "author_id": "9",
        "edit_history_tweet_ids": [first["id"], "1800000000000000002"],
    }
    before, after = tmp_path / "before.jsonl", tmp_path / "after.jsonl"
    before.write_text(json.dumps({"data": [first | {"edit_history_tweet_ids": [first["id"]]}]}))
    after.write_text(json.dumps({"data": [edited]}))
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [before])
        report = import_paths(store, [after])
        posts = store.get_posts("x", [first["id"], edited["id"]])
    assert list(posts) == [edited["id"]] and posts[edited["id"]].text == "Hiring welders"
    assert report.new_posts == 0
