"""Links written with another id of a post (a Mastodon serving-instance id) land on the post,
whichever of the two was stored first. Fixtures follow the Mastodon API's Status entity."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from staffpulse import ingest
from staffpulse.listen.threads import load_conversations
from staffpulse.models import Post, Provenance
from staffpulse.sources.mastodon import rows_from_mastodon
from staffpulse.store import Record, Store, open_store

PROV = Provenance(
    source="mastodon-json",
    location="test",
    tool_version="t",
    retrieved_at=datetime(2026, 11, 1, tzinfo=UTC),
)
SERVER = "mastodon.social"  # the instance both responses came from


def _status(local_id: str, uri: str, author: str, **fields: object) -> dict[str, object]:
    user, home = author.split("@")
    return {
        "id": local_id,
        "uri": uri,
        "created_at": f"2026-11-0{local_id[-1]}T10:00:00.000Z",
        "content": "<p>How do you onboard remote hires?</p>",
        "account": {"id": f"9{local_id}", "acct": author, "url": f"https://{home}/@{user}"},
        **fields,
    }


# the question lives on hr.social (id 900 there); mastodon.social knows it as 111
PARENT = _status("111", "https://hr.social/users/jane/statuses/900", "jane@hr.social")
REPLY = _status(
    "112",
    "https://mastodon.social/users/acme/statuses/112",
    "acme@mastodon.social",
    in_reply_to_id="111",
    in_reply_to_account_id="9111",
    content="<p>@jane a buddy for the first month</p>",
    mentions=[{"id": "9111", "acct": "jane@hr.social", "url": "https://hr.social/@jane"}],
)
QUOTE = _status(
    "113",
    "https://mastodon.social/users/bo/statuses/113",
    "bo@mastodon.social",
    content="<p>good question</p>",
    quote={"state": "accepted", "quoted_status_id": "111"},
)


def _write(store: Store, *statuses: dict[str, object]) -> None:
    for status in statuses:  # one response each, as separate polls would bring them
        store.write_records(
            [Record(rows=tuple(rows_from_mastodon([status], SERVER)), provenance=PROV)]
        )


def _post(store: Store, post_id: str) -> Post:
    return store.get_posts("mastodon", [post_id])[post_id]


@pytest.mark.parametrize("order", ["parent first", "reply first"])
def test_reply_from_another_response_joins_its_parent(store: Store, order: str) -> None:
    _write(store, *((PARENT, REPLY) if order == "parent first" else (REPLY, PARENT)))
    assert _post(store, "mastodon.social:112").reply_to_post_id == "hr.social:900"
    conversation = load_conversations(store, relevant_only=False)
    assert [len(c.posts) for c in conversation] == [2]


def test_reimporting_the_reply_keeps_the_link(store: Store) -> None:
    _write(store, PARENT, REPLY, REPLY)
    assert _post(store, "mastodon.social:112").reply_to_post_id == "hr.social:900"
    assert store.conn.execute("SELECT COUNT(*) FROM posts").fetchone()[0] == 2


def test_quote_from_another_response_becomes_an_edge_to_the_author(store: Store) -> None:
    _write(store, QUOTE, PARENT)
    assert _post(store, "mastodon.social:113").quoted_post_id == "hr.social:900"
    store.refresh_interactions()
    edges = {(e.source_id, e.target_id, e.kind) for e in store.interactions("mastodon")}
    assert ("https://mastodon.social/@bo", "https://hr.social/@jane", "quote") in edges


def test_home_statuses_need_no_alias(store: Store) -> None:
    (_, reply) = rows_from_mastodon([REPLY], SERVER)
    (_, parent) = rows_from_mastodon([PARENT], SERVER)
    assert isinstance(reply, Post) and reply.aliases == ()
    assert isinstance(parent, Post) and parent.aliases == ("mastodon.social:111",)


def test_a_status_stored_under_its_former_id_is_replaced_not_doubled(store: Store) -> None:
    # staffpulse once stored a Pleroma status under the serving instance's flake id
    pleroma = _status("AbC1", "https://pleroma.example/objects/5f0e", "ann@pleroma.example")
    (_account, post) = rows_from_mastodon([pleroma], SERVER)
    assert isinstance(post, Post) and post.id == "pleroma.example:5f0e"
    former = replace(post, id=f"{SERVER}:AbC1", aliases=())
    store.write_records([Record(rows=(_account, former), provenance=PROV)])
    counts = store.write_records([Record(rows=(_account, post), provenance=PROV)])
    assert counts.new_posts == 0
    ids = [row[0] for row in store.conn.execute("SELECT id FROM posts")]
    assert ids == ["pleroma.example:5f0e"]


def test_a_post_stored_under_its_id_of_now_is_told_once_however_often_it_comes(
    store: Store,
) -> None:
    # an edited tweet, stored under the id it has now; an older export carries its first
    # version twice (two copies of the file in one import, a tweet repeated in a part)
    prov = replace(PROV, source="x-archive", location="tweets.js")
    edited = Post(platform="x", id="1800000000000000002", author_id="7", aliases=("18001",))
    store.write_records([Record(rows=(edited,), provenance=prov)])
    first = replace(edited, id="18001", aliases=())
    other = replace(prov, location="tweets-part1.js")
    counts = store.write_records(
        [Record(rows=(first,), provenance=prov), Record(rows=(first,), provenance=other)]
    )
    assert counts.notices == [
        (
            "tweets.js",
            "1 post is stored already under its id of now (earlier versions of tweets "
            "edited since, stored as their latest versions): not stored twice",
        )
    ]
    assert list(store.get_posts("x", ["18001", edited.id])) == [edited.id]


def test_posts_stored_under_their_ids_of_now_are_counted_over_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # two tweets edited since, stored as their latest versions; a file of their first
    # versions (the second twice) read in batches of one record, as a long file is
    monkeypatch.setattr(ingest, "BATCH_SIZE", 1)
    with open_store(tmp_path / "s.db") as store:
        prov = replace(PROV, source="x-archive", location="tweets.js")
        edited = [
            Post(platform="x", id=f"180000000000000000{n}", author_id="7", aliases=(f"1800{n}",))
            for n in (1, 2)
        ]
        store.write_records([Record(rows=tuple(edited), provenance=prov)])
        older = tmp_path / "older.jsonl"
        line = '{{"type": "post", "platform": "x", "id": "1800{}", "author": "7", "text": "hi"}}\n'
        older.write_text(line.format(1) + line.format(2) + line.format(2), encoding="utf-8")
        report = ingest.import_paths(store, [older])
    said = [n.message for n in report.notices if "stored already" in n.message]
    assert len(said) == 1 and said[0].startswith("2 posts are stored already under their id")
