"""X API v1.1 JSONL on small hand-written tweets (the documented v1.1 tweet and user objects)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from staffpulse.ingest import import_paths
from staffpulse.models import Account, Post
from staffpulse.sources import detect
from staffpulse.sources.base import Notice, Problem
from staffpulse.sources.x_v1 import XV1Jsonl, post_from_v1_tweet, rows_from_v1_tweet
from staffpulse.store import Store
from staffpulse.store.core import Record


def _user(user_id: str, handle: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": int(user_id),
        "id_str": user_id,
        "name": handle.title(),
        "screen_name": handle,
        "description": "Staffing & recruiting",
        "followers_count": 120,
        "friends_count": 80,
        "statuses_count": 400,
        "created_at": "Wed Oct 10 20:19:24 +0000 2018",
        "profile_image_url_https": f"https://pbs.twimg.com/{handle}.jpg",
        "verified": False,
        **extra,
    }


ACME = _user("1", "AcmeStaffing", verified=True)
JANE = _user("2", "JaneDoe")

ORIGINAL = {
    "created_at": "Mon Mar 04 09:00:00 +0000 2024",
    "id": 150,
    "id_str": "150",
    "text": "Great interview tips #hiring",
    "user": JANE,
    "entities": {"hashtags": [{"text": "hiring", "indices": [21, 28]}], "user_mentions": []},
    "favorite_count": 5,
    "retweet_count": 1,
    "lang": "en",
}

RETWEET = {
    "created_at": "Mon Mar 04 10:00:00 +0000 2024",
    "id_str": "200",
    "text": "RT @JaneDoe: Great interview tips #hiring",
    "user": ACME,
    "retweeted_status": ORIGINAL,
    "entities": {"user_mentions": [{"screen_name": "JaneDoe", "id_str": "2"}]},
}

REPLY = {
    "created_at": "Mon Mar 04 11:00:00 +0000 2024",
    "id_str": "201",
    "text": "@JaneDoe @janedoe thanks https://t.co/abc",
    "user": ACME,
    "in_reply_to_status_id_str": "150",
    "in_reply_to_user_id_str": "2",
    "in_reply_to_screen_name": "JaneDoe",
    "entities": {
        "user_mentions": [{"screen_name": "JaneDoe"}, {"screen_name": "janedoe"}],
        "urls": [{"url": "https://t.co/abc", "expanded_url": "https://acme.example/jobs"}],
        "hashtags": [],
    },
    "favorite_count": 2,
}

# A streamed tweet past 140 characters: the full text and its entities sit in extended_tweet.
QUOTE = {
    "created_at": "Mon, 04 Mar 2024 12:00:00 +0000",  # RFC 2822, as some old streams wrote it
    "id_str": "202",
    "text": "Truncated…",
    "truncated": True,
    "user": ACME,
    "quoted_status_id_str": "150",
    "quoted_status": ORIGINAL,
    "extended_tweet": {
        "full_text": "Worth reading for every recruiter #recruiting #hr",
        "entities": {"hashtags": [{"text": "recruiting"}, {"text": "hr"}], "user_mentions": []},
    },
}


def _write(path: Path, lines: list[Any]) -> Path:
    path.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n",
        encoding="utf-8",
    )
    return path


def _read(path: Path) -> tuple[dict[str, Post], dict[str, Account], list[Problem]]:
    posts: dict[str, Post] = {}
    accounts: dict[str, Account] = {}
    problems: list[Problem] = []
    for item in XV1Jsonl().read(path):
        if isinstance(item, Record):
            for row in item.rows:
                if isinstance(row, Post):
                    posts[row.id] = row
                else:
                    accounts[row.id] = row
        elif isinstance(item, Problem):
            problems.append(item)
    return posts, accounts, problems


def test_kinds_entities_and_embedded_originals(tmp_path: Path) -> None:
    path = _write(tmp_path / "stream.jsonl", [RETWEET, REPLY, QUOTE])
    assert detect(path).name == "x-v1.1-jsonl"
    posts, accounts, problems = _read(path)
    assert problems == []
    assert set(posts) == {"150", "200", "201", "202"}  # the embedded original is stored too
    assert posts["200"].kind == "repost" and posts["200"].reposted_post_id == "150"
    assert posts["150"].author_handle == "JaneDoe" and posts["150"].hashtags == ("hiring",)
    reply = posts["201"]
    assert reply.kind == "reply" and reply.reply_to_post_id == "150"
    assert reply.reply_to_account_id == "2" and reply.reply_to_handle == "janedoe"
    assert reply.mentions == ("janedoe",)  # one handle, however it is capitalized
    assert reply.urls == ("https://acme.example/jobs",)  # the expanded link, not t.co
    assert reply.likes == 2 and reply.url == "https://x.com/AcmeStaffing/status/201"
    quote = posts["202"]
    assert quote.kind == "quote" and quote.quoted_post_id == "150"
    assert quote.text == "Worth reading for every recruiter #recruiting #hr"
    assert quote.hashtags == ("recruiting", "hr")
    assert quote.created_at == datetime(2024, 3, 4, 12, tzinfo=UTC)
    acme = accounts["1"]
    assert (acme.handle, acme.followers, acme.following, acme.post_count) == (
        "AcmeStaffing",
        120,
        80,
        400,
    )
    assert acme.verified and not accounts["2"].verified


def test_stream_control_messages_are_skipped_and_bad_lines_reported(tmp_path: Path) -> None:
    no_user = {"id_str": "300", "text": "orphan", "created_at": ORIGINAL["created_at"]}
    path = _write(
        tmp_path / "stream.jsonl",
        [
            ORIGINAL,
            {"delete": {"status": {"id_str": "1"}}},
            {"limit": {"track": 12}},
            "{not json",
            "[1, 2]",
            no_user,
        ],
    )
    posts, _, problems = _read(path)
    assert set(posts) == {"150"}
    assert [p.line for p in problems] == [4, 5, 6]
    assert "no 'user'" in problems[2].message


def test_a_retweet_without_the_prefix_and_a_bare_rt_prefix_are_reposts() -> None:
    prefixed = {**ORIGINAL, "id_str": "210", "text": "RT @JaneDoe: tips", "user": ACME}
    assert post_from_v1_tweet(prefixed).kind == "repost"
    rows = rows_from_v1_tweet(RETWEET)
    assert [type(r).__name__ for r in rows] == ["Account", "Post", "Account", "Post"]


def test_archive_quotes_are_read_from_a_trailing_status_link() -> None:
    author = rows_from_v1_tweet(ORIGINAL)[0]
    assert isinstance(author, Account)
    linked = {
        "id_str": "220",
        "full_text": "So true https://t.co/q",
        "created_at": ORIGINAL["created_at"],
        "entities": {
            "urls": [{"url": "https://t.co/q", "expanded_url": "https://x.com/JaneDoe/status/150"}]
        },
    }
    assert post_from_v1_tweet(linked, author).kind == "original"
    quote = post_from_v1_tweet(linked, author, infer_quote_from_link=True)
    assert quote.kind == "quote" and quote.quoted_post_id == "150"
    # The archive has no quoted tweet: the link's handle is whom the quote engages, first.
    assert quote.mentions == ("janedoe",)
    by_id = {
        **linked,
        "entities": {
            "urls": [{"url": "https://t.co/q", "expanded_url": "https://x.com/i/status/150"}]
        },
    }
    anonymous = post_from_v1_tweet(by_id, author, infer_quote_from_link=True)
    assert anonymous.kind == "quote" and anonymous.mentions == ()  # "i" is no one's handle


def test_a_quote_without_its_quoted_tweet_names_the_author_from_its_permalink() -> None:
    quote = {
        **ORIGINAL, "id_str": "230", "text": "@bob so true", "user": ACME,
        "quoted_status_id_str": "150",
        "quoted_status_permalink": {"expanded": "https://twitter.com/JaneDoe/status/150"},
        "entities": {"user_mentions": [{"screen_name": "bob"}]},
    }  # fmt: skip
    assert post_from_v1_tweet(quote).mentions == ("janedoe", "bob")
    # With the quoted tweet embedded, it is stored with its author: nothing is added.
    embedded = rows_from_v1_tweet({**quote, "quoted_status": ORIGINAL})
    assert [r.mentions for r in embedded if isinstance(r, Post) and r.id == "230"] == [("bob",)]


def test_import_stores_the_tweets_once(tmp_path: Path, store: Store) -> None:
    path = _write(tmp_path / "stream.jsonl", [RETWEET, REPLY])
    first = import_paths(store, [path])
    again = import_paths(store, [path])
    assert (first.new_posts, first.new_accounts, again.new_posts) == (3, 2, 0)
    assert store.stats()["posts"]["x"] == {"original": 1, "reply": 1, "repost": 1, "quote": 0}


@pytest.mark.parametrize("user", [{"screen_name": "x"}, {"id_str": "9"}])
def test_a_user_without_id_or_handle_is_refused(user: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="id_str"):
        rows_from_v1_tweet({**ORIGINAL, "user": user})


def test_text_and_bio_read_as_written_not_as_x_escapes_them() -> None:
    tweet = {
        **ORIGINAL,
        "text": "Tips &amp; tricks for &lt;3 minute&gt; intros",
        "user": _user("2", "JaneDoe", description="Staffing &amp; recruiting"),
    }
    post = post_from_v1_tweet(tweet)
    assert post.text == "Tips & tricks for <3 minute> intros"
    accounts = [r for r in rows_from_v1_tweet(tweet) if isinstance(r, Account)]
    assert accounts[0].bio == "Staffing & recruiting"


def _cut(tweet_id: str, **extra: Any) -> dict[str, Any]:
    return {
        "created_at": "Mon Mar 04 09:00:00 +0000 2024",
        "id_str": tweet_id,
        "text": f"We are hiring forklift drivers in three towns and… https://t.co/{tweet_id}",
        "truncated": True,
        "user": ACME,
        **extra,
    }


def test_tweets_x_cut_without_their_full_text_are_told_once_each(tmp_path: Path) -> None:
    whole = _cut("502", extended_tweet={"full_text": "We are hiring forklift drivers: apply"})
    retweet = {
        **ORIGINAL,
        "id_str": "503",
        "text": "RT @JaneDoe: ...",
        "retweeted_status": _cut("501"),
    }
    path = tmp_path / "stream.jsonl"
    lines = [_cut("500"), _cut("500"), whole, retweet]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    notices = [item.message for item in XV1Jsonl().read(path) if isinstance(item, Notice)]
    assert notices == [
        "2 tweets were truncated by X (v1.1 without extended_tweet): their text ends with … and"
        " a link to the tweet; fetch them in extended mode (tweet_mode=extended) for the full text"
    ]


def test_a_saved_response_is_read_whole_a_list_a_search_or_one_pretty_printed_tweet(
    tmp_path: Path,
) -> None:
    """QA s20: ``statuses/user_timeline`` answers a JSON list of tweets (tweepy users dump
    them so), search ``{"statuses": [...]}``: refused as unknown; and one pretty-printed tweet
    was read line by line, every line skipped ("Skipped 76 records" for one tweet)."""
    other = {**ORIGINAL, "id_str": "151", "id": 151, "text": "second"}
    listed = tmp_path / "timeline.json"
    listed.write_text(json.dumps([ORIGINAL, other], indent=2), encoding="utf-8")
    searched = tmp_path / "search.json"
    searched.write_text(json.dumps({"statuses": [other], "search_metadata": {}}), encoding="utf-8")
    pretty = tmp_path / "tweet.json"
    pretty.write_text(json.dumps(ORIGINAL, indent=2), encoding="utf-8")
    for path, ids in ((listed, {"150", "151"}), (searched, {"151"}), (pretty, {"150"})):
        assert detect(path).name == "x-v1.1-jsonl"
        posts, _, problems = _read(path)
        assert set(posts) == ids and problems == []


def test_pages_of_tweets_one_a_line_each_read(tmp_path: Path) -> None:
    other = {**ORIGINAL, "id_str": "151", "id": 151, "text": "second"}
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps([ORIGINAL]) + "\n" + json.dumps([other]) + "\n", encoding="utf-8")
    records = [item for item in XV1Jsonl().read(path) if isinstance(item, Record)]
    placed = {row.id: r.provenance.line for r in records for row in r.rows if isinstance(row, Post)}
    assert placed == {"150": 1, "151": 2}


def test_a_reply_whose_parent_is_gone_is_a_reply_to_the_account_it_names() -> None:
    """QA s21: X keeps ``in_reply_to_user_id`` when the parent tweet was deleted (68 of a
    real archive's tweets); such a tweet was read as an original with no reply target."""
    orphan = {**REPLY, "id_str": "203"}
    del orphan["in_reply_to_status_id_str"]
    post = post_from_v1_tweet(orphan)
    assert post.kind == "reply" and post.reply_to_post_id is None  # no parent invented
    assert (post.reply_to_account_id, post.reply_to_handle) == ("2", "janedoe")
    assert post.conversation_id is None  # it did not start a conversation of its own
    # the API's numeric id alone, no screen name: the account is still known by its id, and
    # its handle read from the @name the text opens with (staffpulse.sources.reply_handles)
    numeric = {k: v for k, v in orphan.items() if k not in ("in_reply_to_user_id_str",)}
    numeric = {**numeric, "in_reply_to_user_id": 2}
    del numeric["in_reply_to_screen_name"]
    bare = post_from_v1_tweet(numeric)
    assert (bare.kind, bare.reply_to_account_id, bare.reply_to_handle) == ("reply", "2", "janedoe")
    unnamed = post_from_v1_tweet({**numeric, "text": "thanks https://t.co/abc"})
    assert (unnamed.reply_to_account_id, unnamed.reply_to_handle) == ("2", None)


def test_a_retweet_stays_a_repost_and_a_tweet_naming_no_one_an_original() -> None:
    retweet = {**RETWEET, "in_reply_to_user_id_str": "2"}
    assert post_from_v1_tweet(retweet).kind == "repost"
    unset = {**ORIGINAL, "in_reply_to_user_id_str": None, "in_reply_to_status_id_str": None}
    assert post_from_v1_tweet(unset).kind == "original"
