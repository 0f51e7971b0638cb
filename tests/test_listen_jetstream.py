"""Jetstream: the pure transformer, and the listener processing frames without a network.

The connection loop is tested in test_listen_listener.py, keywords in test_listen_relevance.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from _listen_fakes import FakeScorer
from staffpulse.config import DEFAULT_JETSTREAM_URL, load_config
from staffpulse.errors import ConfigError, InputError
from staffpulse.listen.jetstream import (
    MalformedFrame,
    event_to_post,
    jetstream_url,
    parse_event,
    parse_frame,
    subscribe_url,
)
from staffpulse.listen.listener import JetstreamListener, ListenOptions
from staffpulse.listen.relevance import RelevanceFilter
from staffpulse.listen.schema import get_cursor
from staffpulse.store import Store, open_store

DID = "did:plc:alice000000000000000000"
BOB = "did:plc:bob00000000000000000000"
T0 = 1_767_225_600_000_000


def post_event(
    did: str, rkey: str, text: str, t: int, reply_to: str | None = None, **record: Any
) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "$type": "app.bsky.feed.post",
        "text": text,
        "createdAt": "2026-01-01T00:00:00.000Z",
        "langs": ["en"],
        **record,
    }
    if reply_to:
        rec["reply"] = {
            "root": {"uri": reply_to, "cid": "x"},
            "parent": {"uri": reply_to, "cid": "x"},
        }
    return {
        "did": did,
        "time_us": t,
        "kind": "commit",
        "commit": {
            "rev": "r",
            "operation": "create",
            "collection": "app.bsky.feed.post",
            "rkey": rkey,
            "record": rec,
            "cid": "bafy" + rkey,
        },
    }


def delete_event(did: str, rkey: str, t: int) -> dict[str, Any]:
    return {
        "did": did,
        "time_us": t,
        "kind": "commit",
        "commit": {"operation": "delete", "collection": "app.bsky.feed.post", "rkey": rkey},
    }


def identity_event(did: str, handle: str, t: int) -> dict[str, Any]:
    return {
        "did": did,
        "time_us": t,
        "kind": "identity",
        "identity": {"did": did, "handle": handle},
    }


@pytest.fixture
def store(tmp_path: Path) -> Store:
    import staffpulse.listen  # noqa: F401  (registers the listen migration)

    return open_store(tmp_path / "listen.db")


# -- pure transformer ---------------------------------------------------------------------------
def test_post_with_reply_facets_and_quote() -> None:
    root = f"at://{BOB}/app.bsky.feed.post/root1"
    text = "@bob.bsky.social how do you handle #Hiring? https://ex.com"
    at = text.encode().index(b"@bob")
    event = post_event(
        DID,
        "k1",
        text,
        T0,
        reply_to=root,
        facets=[
            {"index": {"byteStart": at, "byteEnd": at + 16},
             "features": [{"$type": "app.bsky.richtext.facet#mention", "did": BOB}]},
            {"index": {"byteStart": 0, "byteEnd": 1},
             "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "Hiring"}]},
            {"index": {"byteStart": 0, "byteEnd": 1},
             "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://ex.com"}]},
        ],
    )  # fmt: skip
    parsed = parse_event(event, {DID: "alice.bsky.social"})
    post = parsed.post
    assert parsed.kind == "post" and post is not None
    assert post.id == f"at://{DID}/app.bsky.feed.post/k1"
    assert post.platform == "bluesky" and post.kind == "reply"
    assert post.reply_to_post_id == root and post.conversation_id == root
    assert post.reply_to_account_id == BOB
    assert post.mentions == ("bob.bsky.social",)
    assert post.hashtags == ("hiring",) and post.urls == ("https://ex.com",)
    assert post.author_handle == "alice.bsky.social" and post.lang == "en"
    assert post.url == "https://bsky.app/profile/alice.bsky.social/post/k1"
    assert post.created_at is not None and post.created_at.year == 2026


def test_original_and_quote_posts() -> None:
    original = event_to_post(post_event(DID, "k2", "hello", T0))
    assert original is not None and original.kind == "original"
    assert original.conversation_id == original.id
    quoted = f"at://{BOB}/app.bsky.feed.post/q"
    quote = event_to_post(
        post_event(
            DID,
            "k3",
            "look",
            T0,
            embed={"$type": "app.bsky.embed.record", "record": {"uri": quoted}},
        )
    )
    assert quote is not None and quote.kind == "quote" and quote.quoted_post_id == quoted


def test_delete_identity_account_and_other_collections() -> None:
    deleted = parse_event(delete_event(DID, "k1", T0))
    assert deleted.kind == "delete" and deleted.deleted_id == f"at://{DID}/app.bsky.feed.post/k1"
    ident = parse_event(identity_event(DID, "Alice.bsky.social", T0))
    assert ident.account is not None and ident.account.handle == "alice.bsky.social"
    assert (
        parse_event({"did": DID, "time_us": T0, "kind": "account", "account": {}}).kind == "account"
    )
    like = post_event(DID, "k9", "x", T0)
    like["commit"]["collection"] = "app.bsky.feed.like"
    assert parse_event(like).kind == "ignored"


@pytest.mark.parametrize(
    "frame",
    [
        "not json{",
        "[1, 2]",
        json.dumps({"time_us": T0, "kind": "commit"}),
        json.dumps({"did": DID, "time_us": "soon", "kind": "commit"}),
        json.dumps({"did": DID, "time_us": T0, "kind": "mystery"}),
        json.dumps({"did": DID, "time_us": T0, "kind": "commit", "commit": {
            "operation": "create", "collection": "app.bsky.feed.post", "rkey": "a"}}),
        json.dumps({"did": DID, "time_us": T0, "kind": "commit", "commit": {
            "operation": "create", "collection": "app.bsky.feed.post", "rkey": "a",
            "record": {"text": 42}}}),
    ],
)  # fmt: skip
def test_malformed_frames_raise(frame: str) -> None:
    with pytest.raises(MalformedFrame):
        parse_frame(frame)
    try:
        event = json.loads(frame)
    except json.JSONDecodeError:
        return
    assert event_to_post(event) is None


def test_transformer_does_not_mutate_input() -> None:
    event = post_event(DID, "k1", "hello", T0)
    before = json.dumps(event, sort_keys=True)
    parse_event(event)
    assert json.dumps(event, sort_keys=True) == before


def test_subscribe_url() -> None:
    assert subscribe_url("wss://js.example/subscribe") == (
        "wss://js.example/subscribe?wantedCollections=app.bsky.feed.post"
    )
    url = subscribe_url("ws://127.0.0.1:9/subscribe?compress=false", 123)
    assert url.endswith("?compress=false&wantedCollections=app.bsky.feed.post&cursor=123")


# -- processing without network ----------------------------------------------------------------
def _frames() -> list[str]:
    root = f"at://{DID}/app.bsky.feed.post/q1"
    events = [
        identity_event(DID, "alice.bsky.social", T0 + 1),
        post_event(DID, "q1", "Recruiters: how do you handle counteroffers?", T0 + 2),
        post_event(BOB, "c1", "Lovely sunset tonight", T0 + 3),
        post_event(BOB, "r1", "Same here, tough one", T0 + 4, reply_to=root),
        post_event(BOB, "c2", "My cat again", T0 + 5),
        delete_event(BOB, "c2", T0 + 6),
        post_event(BOB, "j1", "Candidate ghosting is real", T0 + 7),
        delete_event(BOB, "j1", T0 + 8),
    ]
    frames = [json.dumps(e) for e in events]
    frames.insert(3, "{broken")
    return frames


def test_feed_keeps_relevant_posts_threads_and_applies_deletes(store: Store) -> None:
    scorer = FakeScorer()
    listener = JetstreamListener(
        store, RelevanceFilter(scorer=scorer), ListenOptions(url="ws://x", batch_size=4)
    )
    stats = listener.feed(_frames())
    ids = {row[0] for row in store.conn.execute("SELECT id FROM posts")}
    assert ids == {f"at://{DID}/app.bsky.feed.post/q1", f"at://{BOB}/app.bsky.feed.post/r1"}
    assert stats.malformed == 1 and stats.kept == 3 and stats.kept_in_thread == 1
    # the reply kept for its thread keeps its own verdict: it is not work talk of the thread
    verdicts = dict(store.conn.execute("SELECT post_id, relevant FROM listen_relevance"))
    assert verdicts == {
        f"at://{DID}/app.bsky.feed.post/q1": 1,
        f"at://{BOB}/app.bsky.feed.post/r1": 0,
    }
    assert stats.deletes == 2 and stats.deleted_rows == 1 and stats.identities == 1
    assert max(scorer.calls) <= 4  # batched, never more than batch_size
    assert get_cursor(store, "bluesky:jetstream") == T0 + 8
    handle = store.conn.execute("SELECT author_handle FROM posts WHERE author_id = ?", (DID,))
    assert handle.fetchone()[0] == "alice.bsky.social"
    # Replaying the same frames adds nothing: everything is at or before the cursor.
    again = JetstreamListener(store, RelevanceFilter(scorer=scorer), ListenOptions(url="ws://x"))
    assert again.feed(_frames()).kept == 0
    assert again.stats.skipped_before_cursor == len(_frames()) - 1


def test_a_kept_post_the_store_refuses_is_counted_and_told(store: Store) -> None:
    """A post whose id the store already holds as another account's is left out by the store:
    the listener counts it and the summary says so, as an import would, never in silence."""
    from datetime import UTC, datetime

    from rich.console import Console

    from staffpulse.models import Post
    from staffpulse.report.terminal_inbox import render_listen_summary
    from staffpulse.sources.base import provenance

    taken = f"at://{DID}/app.bsky.feed.post/q1"
    other = Post(platform="bluesky", id=taken, author_id=BOB, author_handle="bob.example",
                 text="mine", created_at=datetime(2026, 1, 1, tzinfo=UTC))  # fmt: skip
    store.upsert([other], provenance("test", "fixture"))
    listener = JetstreamListener(
        store, RelevanceFilter(scorer=FakeScorer()), ListenOptions(url="ws://x")
    )
    frame = post_event(DID, "q1", "Recruiters: how do you handle counteroffers?", T0 + 2)
    stats = listener.feed([json.dumps(frame)])
    assert stats.kept == 1 and stats.refused == 1
    assert "already used by a post of @bob.example" in (stats.last_refused or "")
    console = Console(record=True, width=200)
    render_listen_summary(console, stats)
    assert "1 kept post could not be stored (the last: post id" in console.export_text()


def test_update_and_record_with_media_quote() -> None:
    quoted = f"at://{BOB}/app.bsky.feed.post/q"
    event = post_event(
        DID,
        "k5",
        "look at this",
        T0,
        embed={
            "$type": "app.bsky.embed.recordWithMedia",
            "record": {"record": {"uri": quoted, "cid": "c"}},
            "media": {"$type": "app.bsky.embed.images", "images": []},
        },
    )
    event["commit"]["operation"] = "update"
    parsed = parse_event(event)
    assert parsed.kind == "post" and parsed.post is not None
    assert parsed.post.kind == "quote" and parsed.post.quoted_post_id == quoted


def test_deleted_account_removes_its_posts(store: Store) -> None:
    frames = [
        json.dumps(post_event(DID, "q1", "Recruiters: how do you handle counteroffers?", T0 + 1)),
        json.dumps(post_event(BOB, "q2", "How do you run onboarding for remote hires?", T0 + 2)),
        json.dumps({"did": DID, "time_us": T0 + 3, "kind": "account",
                    "account": {"active": False, "did": DID, "status": "deleted"}}),
        json.dumps({"did": BOB, "time_us": T0 + 4, "kind": "account",
                    "account": {"active": False, "did": BOB, "status": "deactivated"}}),
    ]  # fmt: skip
    listener = JetstreamListener(
        store, RelevanceFilter(scorer=FakeScorer()), ListenOptions(url="ws://x")
    )
    listener.feed(frames)
    authors = {row[0] for row in store.conn.execute("SELECT author_id FROM posts")}
    assert authors == {BOB}  # deleted: gone; deactivated (reversible): kept


def test_jetstream_url_prefers_the_override_then_the_config_then_bluesky_s() -> None:
    mine = "wss://jetstream.example.org/subscribe"
    assert jetstream_url({}, f" {mine} ") == mine  # a pasted space is not part of it
    assert jetstream_url({"bluesky": {"jetstream_url": mine}}, None) == mine
    assert jetstream_url({"bluesky": {"jetstream_url": mine}}, "ws://127.0.0.1:1") == (
        "ws://127.0.0.1:1"
    )
    assert jetstream_url({}, None) == DEFAULT_JETSTREAM_URL


def test_jetstream_url_reads_the_user_config_when_none_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[bluesky]\njetstream_url = "ws://localhost:6008/subscribe"\n')
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(path))
    assert jetstream_url() == "ws://localhost:6008/subscribe"


@pytest.mark.parametrize("given", ["http://x", "", "jetstream2.us-east.bsky.network"])
def test_a_given_url_that_is_not_a_websocket_is_an_input_error(given: str) -> None:
    with pytest.raises(InputError) as caught:
        jetstream_url({}, given)
    assert caught.value.message == f"not a WebSocket URL: {given}"
    assert caught.value.hint == "use wss://HOST/subscribe"


def test_a_configured_url_that_is_not_a_websocket_names_the_config_file(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[bluesky]\njetstream_url = "https://bsky.network"\n')
    with pytest.raises(ConfigError) as caught:
        jetstream_url(load_config(path), None)
    assert caught.value.message == (
        f'[bluesky] jetstream_url = "https://bsky.network" in {path} is not a WebSocket URL'
    )
    assert str(path) in (caught.value.hint or "") and "wss://" in (caught.value.hint or "")
