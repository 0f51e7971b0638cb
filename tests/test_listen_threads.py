"""Thread assembly across X, Bluesky and Mastodon, on fixtures written here."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from staffpulse.listen.schema import RelevanceRow, save_relevance
from staffpulse.listen.threads import (
    assemble,
    load_conversations,
    load_conversations_around,
)
from staffpulse.models import Post
from staffpulse.sources.base import provenance
from staffpulse.store import open_store

T = datetime(2026, 3, 1, 12, tzinfo=UTC)


def p(platform: str, pid: str, minutes: int = 0, **kw: object) -> Post:
    return Post(
        platform=platform,
        id=pid,
        author_id=str(kw.pop("author", "a")),
        text=str(kw.pop("text", pid)),
        created_at=T + timedelta(minutes=minutes),
        **kw,  # type: ignore[arg-type]
    )


def test_x_conversation_id_groups_a_reply_tree() -> None:
    posts = [
        p("x", "1", 0),
        p("x", "2", 1, kind="reply", reply_to_post_id="1", conversation_id="1", author="b"),
        p("x", "3", 2, kind="reply", reply_to_post_id="2", conversation_id="1", author="c"),
        p("x", "9", 3),
    ]
    convs = {c.id: c for c in assemble(posts)}
    assert set(convs) == {"1", "9"}
    assert [q.id for q in convs["1"].posts] == ["1", "2", "3"]
    assert convs["1"].opening.id == "1" and len(convs["1"].replies) == 2
    assert convs["1"].participants == ("a", "b", "c")


def test_x_conversation_without_root_uses_conversation_id() -> None:
    posts = [
        p("x", "5", 1, kind="reply", reply_to_post_id="4", conversation_id="1"),
        p("x", "6", 2, kind="reply", reply_to_post_id="5", conversation_id="1"),
    ]
    (conv,) = assemble(posts)
    assert conv.id == "1" and conv.root is None and conv.opening.id == "5"


def test_bluesky_root_uri() -> None:
    root = "at://did:plc:a/app.bsky.feed.post/r"
    posts = [
        p("bluesky", root, 0, conversation_id=root),
        p("bluesky", "at://b/1", 1, kind="reply", reply_to_post_id=root, conversation_id=root),
        p(
            "bluesky",
            "at://c/2",
            2,
            kind="reply",
            reply_to_post_id="at://b/1",
            conversation_id=root,
        ),
    ]
    (conv,) = assemble(posts)
    assert conv.id == root and conv.root is not None and len(conv.posts) == 3


def test_mastodon_in_reply_to_chains() -> None:
    posts = [
        p("mastodon", "100", 0),
        p("mastodon", "101", 1, kind="reply", reply_to_post_id="100", author="b"),
        p("mastodon", "102", 2, kind="reply", reply_to_post_id="101", author="c"),
        p("mastodon", "103", 3, kind="reply", reply_to_post_id="102", author="a"),
        # a reply whose parent we never saw: its own conversation, rooted at the missing parent
        p("mastodon", "201", 4, kind="reply", reply_to_post_id="200"),
        p("mastodon", "202", 5, kind="reply", reply_to_post_id="201"),
    ]
    convs = {c.id: c for c in assemble(posts)}
    assert set(convs) == {"100", "200"}
    assert [q.id for q in convs["100"].posts] == ["100", "101", "102", "103"]
    assert convs["200"].opening.id == "201" and convs["200"].root is None
    assert convs["100"].replied_by("a") and not convs["100"].replied_by("z")


def test_a_reply_whose_parent_was_deleted_assembles_without_a_parent_id() -> None:
    """QA s21: a reply to a deleted post names the account it answered but no parent post
    (an X archive's, a Mastodon status's); it and the replies to it make one conversation."""
    posts = [
        p("x", "10", 0, kind="reply", reply_to_account_id="42", reply_to_handle="jane"),
        p("x", "11", 1, kind="reply", reply_to_post_id="10", author="b"),
        p("mastodon", "301", 0, kind="reply", reply_to_account_id="https://hr.social/@jane"),
    ]
    convs = {(c.platform, c.id): c for c in assemble(posts)}
    assert set(convs) == {("x", "10"), ("mastodon", "301")}
    thread = convs[("x", "10")]
    assert [q.id for q in thread.posts] == ["10", "11"] and thread.opening.id == "10"
    assert thread.replied_by("b") and thread.participants == ("a", "b")
    assert [q.id for q in convs[("mastodon", "301")].posts] == ["301"]


def test_reposts_are_not_turns_and_platforms_stay_apart() -> None:
    posts = [
        p("x", "1", 0),
        p("x", "2", 1, kind="repost", reposted_post_id="1"),
        p("mastodon", "1", 0),
    ]
    convs = assemble(posts)
    assert len(convs) == 2 and all(len(c.posts) == 1 for c in convs)


def test_assembly_is_order_independent() -> None:
    posts = [
        p("mastodon", str(i), i, kind="reply" if i else "original",
          reply_to_post_id=str(i - 1) if i else None)
        for i in range(30)
    ]  # fmt: skip
    forward = assemble(posts)
    backward = assemble(list(reversed(posts)))
    assert [c.id for c in forward] == [c.id for c in backward] == ["0"]
    assert len(forward[0].posts) == 30


@pytest.fixture
def stored(tmp_path: Path):  # type: ignore[no-untyped-def]
    import staffpulse.listen  # noqa: F401

    store = open_store(tmp_path / "t.db")
    posts = [
        p("mastodon", "100", 0, text="How do you onboard remote hires?"),
        p("mastodon", "101", 1, kind="reply", reply_to_post_id="100"),
        p("mastodon", "102", 2, kind="reply", reply_to_post_id="101"),
        p("mastodon", "103", 3, kind="reply", reply_to_post_id="102"),
        p("mastodon", "500", 0, text="cats"),
    ]
    store.upsert(posts, provenance("test", "fixture"))
    with store.transaction() as conn:
        save_relevance(conn, [RelevanceRow("mastodon", "100", 0.9, (), "test")])
        save_relevance(conn, [RelevanceRow("mastodon", "500", 0.1, (), "test", relevant=False)])
    return store


def test_load_conversations_follows_chains_from_relevant_posts(stored) -> None:  # type: ignore[no-untyped-def]
    convs = load_conversations(stored, "mastodon")
    assert [c.id for c in convs] == ["100"]
    assert len(convs[0].posts) == 4
    everything = load_conversations(stored, relevant_only=False)
    assert {c.id for c in everything} == {"100", "500"}


def test_a_root_judged_not_relevant_is_still_the_opening(stored) -> None:  # type: ignore[no-untyped-def]
    # only the reply three levels down is relevant (a support agent's answer, say): the
    # customer's post that started it is stored, so it is the opening, not the agent's reply
    with stored.transaction() as conn:
        conn.execute("DELETE FROM listen_relevance")
        save_relevance(conn, [RelevanceRow("mastodon", "103", 0.9, (), "test")])
        save_relevance(conn, [RelevanceRow("mastodon", "100", 0.2, (), "test", relevant=False)])
    (conv,) = load_conversations(stored, "mastodon")
    assert conv.id == "100" and conv.opening.id == "100" and len(conv.posts) == 4


def test_conversation_around_a_deep_mastodon_reply_reaches_its_root(stored) -> None:  # type: ignore[no-untyped-def]
    # the reply three levels down has no conversation id: the chain is climbed to "100"
    convs = load_conversations_around(stored, "mastodon", ["103"])
    assert [(c.id, len(c.posts)) for c in convs] == [("100", 4)]
    assert load_conversations_around(stored, "mastodon", []) == []


def test_real_mastodon_context_is_one_conversation(shared_data: Path) -> None:
    """The 59-reply context of a real thread (read in place, never copied)."""
    import json

    from staffpulse.sources.mastodon import rows_from_mastodon

    path = shared_data / "formats" / "mastodon_samples" / "rtoot_get_context_default.json"
    context = json.loads(path.read_text(encoding="utf-8"))
    posts = [row for row in rows_from_mastodon(context) if isinstance(row, Post)]
    # 47 of the 59 statuses live on other instances: they are stored under their home ids,
    # and their replies still find them through the response's serving-instance ids
    assert len({p.id.split(":")[0] for p in posts}) > 10
    (conv,) = assemble(posts)
    assert len(conv.posts) == len(context["descendants"]) == 59
    assert conv.root is None  # the focus status is not part of its own context
    assert all(p.reply_to_post_id for p in conv.posts)
    assert conv.id == min(posts, key=lambda p: p.created_at or T).reply_to_post_id


def test_random_reply_forests_assemble_into_their_trees() -> None:
    """Property: any forest of reply trees, in any order, gives one conversation per tree,
    rooted at the tree's root, on every platform convention."""
    import random

    rng = random.Random(7)
    for trial in range(30):
        posts: list[Post] = []
        expected: dict[str, set[str]] = {}
        for tree in range(rng.randint(1, 6)):
            root = f"t{trial}-{tree}-0"
            nodes = [root]
            posts.append(p("mastodon", root, 0))
            for k in range(1, rng.randint(1, 15)):
                parent = rng.choice(nodes)
                pid = f"t{trial}-{tree}-{k}"
                nodes.append(pid)
                posts.append(p("mastodon", pid, k, kind="reply", reply_to_post_id=parent))
            expected[root] = set(nodes)
        rng.shuffle(posts)
        got = {c.id: {q.id for q in c.posts} for c in assemble(posts)}
        assert got == expected


def test_a_reply_whose_parent_was_deleted_heads_its_conversation_but_is_no_root() -> None:
    """It did not start the conversation: the post that did is gone, so like a thread whose
    first post is not stored it has no root, and the reply is one of its turns."""
    posts = [
        p("x", "10", 0, kind="reply", reply_to_account_id="42", reply_to_handle="jane"),
        p("x", "11", 1, kind="reply", reply_to_post_id="10", author="b"),
    ]
    (conv,) = assemble(posts)
    assert conv.id == "10" and conv.root is None and conv.root_gone
    assert conv.opening.id == "10" and [q.id for q in conv.replies] == ["11"]
    assert [q.id for q in conv.turns] == ["10", "11"]
    assert conv.replied_by("a") and not conv.opened_by("a")  # its author answered someone
    (plain,) = assemble([p("x", "20", 0)])
    assert plain.root is not None and not plain.root_gone
