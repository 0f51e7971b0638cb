"""What the audit reads of the store (staffpulse.audit.loader): whom a repost or quote shares,
read from the shared post when the store holds it."""

from __future__ import annotations

from pathlib import Path

from audit_helpers import PROV, FeedBuilder, store_with
from staffpulse.audit import loader
from staffpulse.models import Account, Post


def test_a_shared_post_in_the_store_names_its_author_in_lower_case(tmp_path: Path) -> None:
    feed = FeedBuilder("rosa")
    quote = feed.post("So true", kind="quote", quoted_post_id="p1")
    repost = feed.post("RT", kind="repost", reposted_post_id="p2")
    feed.post("Not shared in the store", kind="quote", quoted_post_id="gone")
    store = store_with(tmp_path, feed)
    store.upsert(
        [
            Account(platform="x", id="42", handle="MedLibAssn"),
            Post(platform="x", id="p1", author_id="42", author_handle="MedLibAssn", text="a"),
            # an author stored without a handle is named by its id
            Post(platform="x", id="p2", author_id="ID-7", text="b"),
        ],
        PROV,
    )
    assert loader.ref_authors(store, [quote, repost]) == {"p1": "medlibassn", "p2": "id-7"}
    assert loader.ref_authors(store, list(feed.posts)) == {"p1": "medlibassn", "p2": "id-7"}


def test_joined_none_is_said_only_of_a_firm_whose_inbox_was_opened(tmp_path: Path) -> None:
    """Listened conversations of others in the store are not yet an inbox of this firm: "you
    have joined none of them yet" needs an inbox opened (or a mark made) as the account."""
    from staffpulse.listen.looks import record_look, take_look
    from staffpulse.listen.schema import RelevanceRow, save_relevance

    feed = FeedBuilder("brightdesk")
    feed.post("Three quick tips for a warehouse interview this week")
    store = store_with(tmp_path, feed)
    store.upsert(
        [Post(platform="x", id="q1", author_id="u9", author_handle="marlo",
              text="Which question do you ask at the end of every interview?")],
        PROV,
    )  # fmt: skip
    with store.transaction() as conn:
        save_relevance(conn, [RelevanceRow("x", "q1", 0.9, (), "test")])
    account = feed.account()
    assert loader.inbox_conversations_joined(store, account, None) is None
    record_look(store, take_look(store, "someone-else"))  # another firm's inbox
    assert loader.inbox_conversations_joined(store, account, None) is None
    record_look(store, take_look(store, "@BrightDesk"))
    assert loader.inbox_conversations_joined(store, account, None) == 0
