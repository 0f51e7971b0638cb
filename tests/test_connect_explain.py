"""Explanations: each says what actually links the suggestion to you and your circle."""

from __future__ import annotations

from datetime import timedelta

import pytest

from connect_fixtures import (
    NOW,
    add_posts,
    build_store,
    make_post,
    rank_with_fakes,
    reply_post,
)
from staffpulse.connect import SuggestOptions
from staffpulse.models import Account, Follow, Post
from staffpulse.store import Store


@pytest.fixture
def store() -> Store:
    return build_store()


def _why(store: Store, handle: str, **kwargs: object) -> str:
    found = rank_with_fakes(store, **kwargs).suggestions
    return next(s.explanation for s in found if s.handle == handle)


def test_a_reply_that_names_you_is_counted_once(store: Store) -> None:
    # X and Mastodon list the replied-to account among a reply's mentions
    add_posts(store, reply_post(1, "hannah_hr", "acme_staffing", 1, mentions=("acme_staffing",)))
    assert "replied to you 1×" in _why(store, "hannah_hr")


def test_explanations_say_what_links_the_account_to_you(store: Store) -> None:
    # zoe_reposts only reposted the firm: no one the firm talks with engages her
    firm_post = Post(platform="x", id="f1", author_id="id_acme_staffing", text="Open day!")
    repost = Post(
        platform="x",
        id="r1",
        author_id="id_zoe_reposts",
        kind="repost",
        reposted_post_id="f1",
        created_at=NOW - timedelta(days=1),
    )
    own = make_post("z1", "zoe_reposts", 1)
    add_posts(store, Account(platform="x", id="id_zoe_reposts", handle="zoe_reposts"), firm_post)
    add_posts(store, repost, own)
    zoe = _why(store, "zoe_reposts")
    assert "reposted you 1×" in zoe and "wider network" not in zoe
    # a direct contact, shown with include_contacts: what the firm did, not "wider network"
    rita = _why(store, "rita_recruits", options=SuggestOptions(include_contacts=True))
    assert "you replied to them 3×" in rita and "wider network" not in rita


def test_only_accounts_reached_through_longer_paths_are_in_the_wider_network(
    store: Store,
) -> None:
    # acme -> rita -> hannah -> quinn: no one the firm talks with engages quinn
    add_posts(
        store,
        Account(platform="x", id="id_quinn_hr", handle="quinn_hr"),
        reply_post(2, "hannah_hr", "quinn_hr", 1),
        make_post("q1", "quinn_hr", 1, "hello"),
    )
    assert "in the wider network of the people you talk with" in _why(store, "quinn_hr")


def test_voice_and_conversation_are_said_in_words_a_user_can_read() -> None:
    from staffpulse.connect.citizen import Citizen
    from staffpulse.connect.explain import describe_citizen

    def said(voice: int | None, conversation: int | None) -> list[str]:
        return describe_citizen(Citizen(3, NOW, voice, conversation, 0.0))

    # shares of their posts, said as such: "voice 40" read as the audit's Voice pillar
    assert said(82, 48) == [
        "a lively voice (82% of their posts personal)",
        "talks with people (48% replies)",
    ]
    assert said(40, 12) == ["40% of their posts personal", "replies now and then (12% of posts)"]
    assert said(0, 0) == ["little personal voice in their posts", "rarely replies to anyone"]
    assert said(None, None) == []  # unknown (no post-signals model): nothing to say


def test_an_account_that_follows_you_and_replied_says_both(store: Store) -> None:
    # a tester's firm was followed by a trainer who also replied once: only the reply was said
    add_posts(
        store,
        Follow(platform="x", follower_id="id_hannah_hr", followee_id="id_acme_staffing"),
        reply_post(1, "hannah_hr", "acme_staffing", 1),
    )
    why = _why(store, "hannah_hr")
    assert "follows you and replied to you 1×" in why
    assert why.count("follows you") == 1


def test_an_account_that_only_follows_you_says_so(store: Store) -> None:
    add_posts(
        store, Follow(platform="x", follower_id="id_hannah_hr", followee_id="id_acme_staffing")
    )
    why = _why(store, "hannah_hr")
    assert "follows you" in why and "follows you and" not in why


def test_a_voice_is_not_judged_from_one_post(store: Store) -> None:
    # a tester saw "a lively voice (100)" for a brand whose only post was "New drop. Just do it."
    add_posts(
        store,
        Account(platform="x", id="id_brand_one", handle="brand_one"),
        reply_post(1, "rita_recruits", "brand_one", 1),
        make_post("b1", "brand_one", 1, "I think this new drop is great"),
    )
    why = _why(store, "brand_one", role="any")
    assert "only 1 post of its own: too few to judge voice and conversation" in why
    assert "lively" not in why and "voice (100)" not in why


def test_ten_posts_are_enough_to_judge_a_voice(store: Store) -> None:
    add_posts(
        store,
        Account(platform="x", id="id_brand_one", handle="brand_one"),
        reply_post(1, "rita_recruits", "brand_one", 1),
        *(make_post(f"b{i}", "brand_one", 1, "I think this new drop is great") for i in range(10)),
    )
    why = _why(store, "brand_one", role="any")
    assert "a lively voice (100% of their posts personal)" in why
    assert "rarely replies to anyone" in why
