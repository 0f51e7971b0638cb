"""Saved Bluesky JSON on small hand-written AppView responses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from staffpulse.models import Account, Follow, Post
from staffpulse.sources import detect
from staffpulse.sources.base import Notice, Problem
from staffpulse.sources.bluesky import author_of_uri, rows_from_bluesky
from staffpulse.sources.bluesky_files import BlueskyJson
from staffpulse.store.core import Record

FIXTURES = Path(__file__).parent / "fixtures" / "bluesky"
J1 = "at://did:plc:jane/app.bsky.feed.post/j1"
A1 = "at://did:plc:acme/app.bsky.feed.post/a1"


def _read(name: str) -> tuple[list[Account | Post | Follow], list[Problem]]:
    path = FIXTURES / name
    assert detect(path).name == "bluesky-json"
    items = list(BlueskyJson().read(path))
    rows = [r for i in items if isinstance(i, Record) for r in i.rows]
    return rows, [p for p in items if isinstance(p, Problem)]


def test_author_feed() -> None:
    rows, problems = _read("author_feed.json")
    posts = {r.id: r for r in rows if isinstance(r, Post)}
    a1 = posts[A1]
    assert a1.kind == "original" and a1.mentions == ("jane.example.com",)
    assert a1.hashtags == ("jobs",) and a1.urls == ("https://acme.example",)
    assert a1.likes == 5 and a1.url == "https://bsky.app/profile/acme.bsky.social/post/a1"
    a2 = posts["at://did:plc:acme/app.bsky.feed.post/a2"]
    assert a2.kind == "reply" and a2.reply_to_post_id == J1 and a2.conversation_id == J1
    assert a2.reply_to_account_id == "did:plc:jane"
    repost = posts[f"{J1}#repost-by-did:plc:acme"]
    assert (
        repost.kind == "repost"
        and repost.reposted_post_id == J1
        and repost.author_id == "did:plc:acme"
    )
    a3 = posts["at://did:plc:acme/app.bsky.feed.post/a3"]
    assert a3.kind == "quote" and a3.quoted_post_id == J1
    assert posts[J1].kind == "original" and posts[J1].author_handle == "jane.example.com"
    accounts = {r.id for r in rows if isinstance(r, Account)}
    assert accounts == {"did:plc:acme", "did:plc:jane"}
    assert len(problems) == 1 and "feed[4]" in problems[0].message


def test_thread_follows_profile() -> None:
    rows, problems = _read("thread.json")
    assert {r.id for r in rows if isinstance(r, Post)} == {
        J1,
        "at://did:plc:acme/app.bsky.feed.post/a2",
    }
    assert not problems
    rows, _ = _read("follows.json")
    follows = [r for r in rows if isinstance(r, Follow)]
    assert [(f.follower_id, f.followee_id) for f in follows] == [("did:plc:acme", "did:plc:jane")]
    rows, _ = _read("profile.json")
    (account,) = rows
    assert (
        isinstance(account, Account)
        and account.followers == 10
        and account.bio == "We place people"
    )


def test_no_avatar_is_known_and_records() -> None:
    rows = rows_from_bluesky({"did": "did:plc:x", "handle": "x.bsky.social"})
    assert isinstance(rows[0], Account) and rows[0].avatar_url == ""  # "no picture", not unknown
    record = {
        "uri": "at://did:plc:x/app.bsky.feed.post/r1",
        "value": {"$type": "app.bsky.feed.post", "text": "hi", "createdAt": "2026-01-01T00:00:00Z"},
    }
    (post,) = rows_from_bluesky(record)
    assert isinstance(post, Post) and post.author_id == "did:plc:x"
    with pytest.raises(ValueError):
        rows_from_bluesky(
            {
                "uri": "at://did:plc:x/app.bsky.feed.generator/g",
                "value": {"$type": "app.bsky.feed.generator"},
            }
        )


def test_a_saved_record_of_another_kind_is_told_not_counted_as_malformed(tmp_path: Path) -> None:
    path = tmp_path / "generator.json"
    path.write_text(
        json.dumps(
            {
                "uri": "at://did:plc:x/app.bsky.feed.generator/g",
                "value": {"$type": "app.bsky.feed.generator", "displayName": "HR jobs"},
            }
        )
    )
    items = list(BlueskyJson().read(path))
    assert len(items) == 1 and isinstance(items[0], Notice)
    assert "an app.bsky.feed.generator record, not a post" in items[0].message


def test_native_jsonl_with_dids_stays_native(tmp_path: Path) -> None:
    line = (
        '{"type": "post", "platform": "bluesky", "id": "at://did:plc:x/app.bsky.feed.post/1",'
        ' "author_id": "did:plc:x", "author": "x.bsky.social", "text": "hi", "acct": "no"}\n'
    )
    path = tmp_path / "mine.jsonl"
    path.write_text(line)
    assert detect(path).name == "staffpulse-jsonl"


def _feed_item(rkey: str, **post: object) -> dict[str, object]:
    view = {
        "uri": f"at://did:plc:acme/app.bsky.feed.post/{rkey}",
        "author": {"did": "did:plc:acme", "handle": "acme.bsky.social", "displayName": "Acme"},
        "record": {"$type": "app.bsky.feed.post", "text": f"post {rkey}", "createdAt": CREATED},
    }
    return {"post": {**view, **post}}


CREATED = "2026-03-01T10:00:00.000Z"


def _items(path: Path) -> tuple[list[Post], list[Problem], list[Notice]]:
    items = list(detect(path).read(path))
    posts = [r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)]
    problems = [i for i in items if isinstance(i, Problem)]
    return posts, problems, [i for i in items if isinstance(i, Notice)]


def test_pages_saved_one_a_line_are_all_read(tmp_path: Path) -> None:
    # curl ... >> feed.jsonl: one getAuthorFeed page a line, then a line cut short
    pages = [{"feed": [_feed_item("p1"), _feed_item("p2")]}, {"feed": [_feed_item("p3")]}]
    cut = json.dumps({"feed": [_feed_item("p4"), _feed_item("p5"), _feed_item("p6")]})[:-40]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([*(json.dumps(p) for p in pages), cut]) + "\n")
    assert detect(path).name == "bluesky-json"
    posts, problems, _ = _items(path)
    assert sorted(p.id.rsplit("/", 1)[1] for p in posts) == ["p1", "p2", "p3"]
    (problem,) = problems  # the cut page: its line, and the posts it held counted
    assert problem.line == 3 and problem.records == 3
    assert "the 3 entries on this line were not read" in problem.message


def test_feed_items_one_a_line_are_read(tmp_path: Path) -> None:
    # jq -c '.feed[]' writes one feed item a line
    path = tmp_path / "items.jsonl"
    path.write_text(json.dumps(_feed_item("i1")) + "\n" + json.dumps(_feed_item("i2")) + "\n")
    posts, problems, _ = _items(path)
    assert len(posts) == 2 and not problems


def test_a_post_without_its_author_is_reported_and_its_repost_not_stored(tmp_path: Path) -> None:
    reposted = _feed_item("gone", author=None)
    reposted["reason"] = {
        "$type": "app.bsky.feed.defs#reasonRepost",
        "by": {"did": "did:plc:jane", "handle": "jane.example.com"},
        "indexedAt": CREATED,
    }
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({"feed": [reposted, _feed_item("ok")]}, indent=1))
    posts, problems, _ = _items(path)
    assert [p.id.rsplit("/", 1)[1] for p in posts] == ["ok"]  # no repost of a missing post
    (problem,) = problems
    assert problem.records == 1 and problem.message.startswith("feed[0]: post at://")
    assert "without 'author'" in problem.message


def test_a_reply_parent_that_cannot_be_read_is_told_and_the_reply_kept(tmp_path: Path) -> None:
    item = _feed_item("r1")
    deleted = {"$type": "app.bsky.feed.defs#notFoundPost", "uri": "at://x/y/z", "notFound": True}
    item["reply"] = {"root": deleted, "parent": {"uri": "at://did:plc:jane/app.bsky.feed.post/j"}}
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({"feed": [item]}))
    posts, problems, _ = _items(path)
    assert [p.id.rsplit("/", 1)[1] for p in posts] == ["r1"]
    (problem,) = problems  # the deleted root is not a problem; the broken parent is
    assert problem.message.startswith("feed[0].reply.parent: post at://did:plc:jane")


def test_a_response_cut_short_keeps_the_posts_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    text = json.dumps({"feed": [_feed_item(f"c{n}") for n in range(5)]}, indent=1)
    path.write_text(text[: len(text) * 3 // 4])  # within the 4th item
    posts, problems, _ = _items(path)
    (problem,) = problems
    assert [post.id.rsplit("/", 1)[1] for post in posts] == ["c0", "c1", "c2"]
    assert problem.records == 1  # the 4th, begun before the cut
    assert (
        "the file looks cut short: it stops in the middle, so the 3 entries before the cut were"
        " read and at least 1 entry lost. What to do: download or export the file again"
        in problem.message
    )


def test_utf16_with_its_bom_is_read(tmp_path: Path) -> None:
    # Windows PowerShell's `>` saves UTF-16 LE with a BOM
    path = tmp_path / "feed.json"
    path.write_bytes(json.dumps({"feed": [_feed_item("u1")]}, indent=1).encode("utf-16"))
    posts, problems, _ = _items(path)
    assert [p.text for p in posts] == ["post u1"] and not problems


def test_posts_without_a_date_are_told(tmp_path: Path) -> None:
    item = _feed_item("d1")
    item["post"]["record"] = {"$type": "app.bsky.feed.post", "text": "no date"}  # type: ignore[index]
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({"feed": [item, _feed_item("d2")]}))
    posts, _, notices = _items(path)
    assert len(posts) == 2
    (notice,) = notices
    assert "1 post has no date (record.createdAt is missing or empty): kept undated" in (
        notice.message
    )


def test_a_post_uri_names_its_author() -> None:
    assert author_of_uri("at://did:plc:bob/app.bsky.feed.post/3k2a") == "did:plc:bob"
    assert author_of_uri("at://did:web:hr.example/app.bsky.feed.post/1") == "did:web:hr.example"
    assert author_of_uri("at://bob.bsky.social/app.bsky.feed.post/1") is None  # a handle, no DID
    assert author_of_uri("at://did:plc:bob") is None and author_of_uri("1590000000") is None


def test_a_repost_whose_reposter_cannot_be_read_is_told_not_dropped(tmp_path: Path) -> None:
    broken = _feed_item("rp")
    broken["reason"] = {"$type": "app.bsky.feed.defs#reasonRepost", "by": ["did:plc:jane"]}
    odd = _feed_item("odd")
    odd["reason"] = "repost"  # not an object: what it meant is unknown
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({"feed": [broken, odd]}, indent=1))
    posts, problems, _ = _items(path)
    assert sorted(p.id.rsplit("/", 1)[1] for p in posts) == ["odd", "rp"]  # no repost rows
    said = [problem.message for problem in problems]
    assert said == [
        "feed[0].reason: a repost without its reposter ('by' is not an object): the post was"
        " read, the repost was not",
        "feed[1].reason: not an object: the post was read; if it was a repost, the repost was not",
    ]


def test_a_profile_of_a_list_that_cannot_be_read_costs_itself_only(tmp_path: Path) -> None:
    path = tmp_path / "profiles.json"
    profiles = [{"did": "did:plc:jane", "handle": "jane.example.com"}, {"did": "did:plc:x"}, "x"]
    path.write_text(json.dumps({"profiles": profiles}))
    items = list(BlueskyJson().read(path))
    accounts = [r for i in items if isinstance(i, Record) for r in i.rows]
    assert [a.handle for a in accounts if isinstance(a, Account)] == ["jane.example.com"]
    problems = [p.message for p in items if isinstance(p, Problem)]
    assert problems == [
        "profiles[1]: profile without 'did' or 'handle'",
        "profiles[2]: profile without 'did' or 'handle'",
    ]


def test_follows_without_their_subject_keep_the_accounts_and_say_so(tmp_path: Path) -> None:
    # a getFollows page cut before its "subject" (it comes after the list)
    page = {"follows": [{"did": "did:plc:jane", "handle": "jane.example.com"},
                        {"did": "did:plc:bob", "handle": "bob.example.com"}]}  # fmt: skip
    path = tmp_path / "follows.json"
    path.write_text(json.dumps(page))
    items = list(BlueskyJson().read(path))
    rows = [r for i in items if isinstance(i, Record) for r in i.rows]
    assert sorted(r.handle for r in rows if isinstance(r, Account)) == [
        "bob.example.com",
        "jane.example.com",
    ]
    assert not [r for r in rows if isinstance(r, Follow)]  # whose follows: not known
    (problem,) = [i for i in items if isinstance(i, Problem)]
    assert problem.message.startswith("subject: whose follows these are is missing")


def test_a_list_of_pages_or_feed_items_a_script_saved_is_read(tmp_path: Path) -> None:
    # a script saving its pages as one list (jq -s), or a page's feed alone, was told only
    # "not a format staffpulse can import"
    page = json.loads((FIXTURES / "author_feed.json").read_text(encoding="utf-8"))
    expected, _ = _read("author_feed.json")
    pages, items = tmp_path / "pages.json", tmp_path / "feed.json"
    pages.write_text(json.dumps([page, page], indent=2), encoding="utf-8")
    items.write_text(json.dumps([*page["feed"], 7]), encoding="utf-8")
    for path in (pages, items):
        assert detect(path).name == "bluesky-json"
        read = list(BlueskyJson().read(path))
        rows = [r for i in read if isinstance(i, Record) for r in i.rows]
        assert {r.id for r in rows if isinstance(r, Post)} == {
            r.id for r in expected if isinstance(r, Post)
        }
    # a list's item that is no response costs itself, told with its place
    problems = [i.message for i in read if isinstance(i, Problem)]
    assert problems[-1] == f"[{len(page['feed'])}] not a JSON object"


def test_staffpulse_s_own_list_of_bluesky_accounts_is_not_read_as_responses(
    tmp_path: Path,
) -> None:
    from staffpulse.errors import UnknownFormatError

    path = tmp_path / "accounts.json"
    listed = {"platform": "bluesky", "id": "did:plc:acme", "handle": "acme.bsky.social"}
    listed |= {"posts": 3, "first_post": None, "last_post": None}
    path.write_text(json.dumps([listed]), encoding="utf-8")
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    assert "staffpulse's own list of accounts" in refused.value.message
