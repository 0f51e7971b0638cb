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
from staffpulse.store import Store, open_store

store = pytest.fixture(build_store, name="store")


def _why(store: Store, handle: str, **kwargs: object) -> str:
    found = rank_with_fakes(store, **kwargs).suggestions
    return next(s.explanation for s in found if s.handle == handle)


def _zoe_reposts_the_firm() -> tuple[Account | Post, ...]:
    """zoe_reposts, a post of the firm's (acme_staffing) and her repost of it a day ago."""
    firm_post = Post(platform="x", id="f1", author_id="id_acme_staffing", text="Open day!")
    repost = Post(
        platform="x",
        id="r1",
        author_id="id_zoe_reposts",
        kind="repost",
        reposted_post_id="f1",
        created_at=NOW - timedelta(days=1),
    )
    return Account(platform="x", id="id_zoe_reposts", handle="zoe_reposts"), firm_post, repost


def test_a_reply_that_names_you_is_counted_once(store: Store) -> None:
    # X and Mastodon list the replied-to account among a reply's mentions
    add_posts(store, reply_post(1, "hannah_hr", "acme_staffing", 1, mentions=("acme_staffing",)))
    assert "replied to you 1×" in _why(store, "hannah_hr")


def test_explanations_say_what_links_the_account_to_you(store: Store) -> None:
    # zoe_reposts only reposted the firm: no one the firm talks with engages her
    add_posts(store, *_zoe_reposts_the_firm(), make_post("z1", "zoe_reposts", 1))
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
    assert "in the wider network of your circle" in _why(store, "quinn_hr")


def test_someone_who_only_reposts_the_firm_is_in_its_circle_not_someone_it_talks_with(
    store: Store,
) -> None:
    # zoe only reposted the firm, then replied to nina: the line must not say the firm talks
    # with zoe (replied to, mentioned or quoted), only that she is in its circle
    add_posts(
        store,
        *_zoe_reposts_the_firm(),
        Account(platform="x", id="id_nina_new", handle="nina_new"),
        reply_post(3, "zoe_reposts", "nina_new", 2),
        make_post("n1", "nina_new", 1, "hello"),
    )
    nina = _why(store, "nina_new", role="any")
    assert "1 person in your circle replied to them this month" in nina
    assert "you talk with" not in nina


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
    # no post of its own (only reposts): said, whatever the model
    unseen = Citizen(3, NOW, None, None, None, judged=0)
    assert describe_citizen(unseen) == ["no post of their own seen: voice and conversation unknown"]


def test_an_account_seen_only_reposting_says_its_voice_is_unknown(store: Store) -> None:
    # a real account's suggestions were 17 reposters: "other · reposted you 1×" and a score of
    # 75, with nothing said of a voice no post of theirs showed
    add_posts(store, *_zoe_reposts_the_firm())
    zoe = _why(store, "zoe_reposts")
    assert zoe.endswith(
        "reposted you 1× · no post of their own seen: voice and conversation unknown"
    )


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
    assert "only 1 post of their own: too few to judge voice and conversation" in why
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


def test_explanation_and_fields(store: Store) -> None:
    best = rank_with_fakes(store).suggestions[0]
    assert best.explanation.startswith(
        "HR pro · 1 person in your circle replied to them this month"
    )
    # hannah_hr wrote 2 posts: too few to call her voice lively (the audit's minimum is 10)
    assert "only 2 posts of their own: too few to judge voice and conversation" in best.explanation
    assert "lively" not in best.explanation
    assert best.via == ("@rita_recruits",)
    assert 0 < best.score <= 100 and best.rank == 1
    assert best.as_dict()["handle"] == "hannah_hr"


def test_the_explanation_counts_everyone_the_via_list_names(store: Store) -> None:
    for s in rank_with_fakes(store).suggestions:
        if len(s.via) > 1:
            assert f"{len(s.via)} people in your circle engage them in total" in s.explanation
        else:
            assert "in total" not in s.explanation


def _circle_with(*candidates: str) -> Store:
    """The firm replies to rita, who replies to each candidate alike: equal graph links.
    paula_posts replies to people in her own words; zoe_reposts posts plain updates."""
    store = open_store(":memory:")
    add_posts(
        store,
        Account(platform="x", id="id_acme_staffing", handle="acme_staffing"),
        reply_post(1, "acme_staffing", "rita_recruits", 1),
        reply_post(2, "rita_recruits", "acme_staffing", 1),
    )
    for n, who in enumerate(candidates, start=10):
        add_posts(store, reply_post(n, "rita_recruits", who, 1))
        if who == "paula_posts":
            # 10 posts each: the fewest from which voice and conversation are judged in words
            posts = [reply_post(100 + i, who, "sam_stranger", 2) for i in range(10)]
        else:
            posts = [make_post(f"u{n}{i}", who, 2, "Weekly market update") for i in range(10)]
        add_posts(store, Account(platform="x", id=f"id_{who}", handle=who), *posts)
    return store


def test_a_candidate_without_voice_or_conversation_ranks_lower_and_is_no_perfect_match() -> None:
    """A firm that posts plain updates and never replies read "100" as the only suggestion,
    explained "recent voice 0 · recent conversation 0"."""

    def ranked(store: Store, role: str | None = None) -> list[tuple[str, float, str]]:
        # broadcast only (no voice, no reply): shown with a --role, left out by default
        found = rank_with_fakes(store, role=role).suggestions
        return [(s.handle, s.score, s.explanation) for s in found]

    both = ranked(_circle_with("paula_posts", "zoe_reposts"), role="any")
    assert [h for h, _, _ in both] == ["paula_posts", "zoe_reposts"]
    (_, talker, talker_why), (_, quiet, quiet_why) = both
    assert quiet < talker
    assert "a lively voice (100% of their posts personal)" in talker_why
    assert "talks with people (100% replies)" in talker_why
    assert "little personal voice in their posts · rarely replies to anyone" in quiet_why
    assert "voice 0" not in quiet_why and "conversation 0" not in quiet_why
    ((_, alone, _),) = ranked(_circle_with("zoe_reposts"), role="any")
    assert alone <= 50  # the strongest link, but no voice and no conversation: half the mark


def test_a_broadcast_only_account_is_left_out_by_default_and_named() -> None:
    """A firm's faceless feed (no voice, never a reply) was a recruiter's only, score-50 pick
    (QA s36): it is left out with the brands, named, and any --role shows it."""
    report = rank_with_fakes(_circle_with("paula_posts", "zoe_reposts"))
    assert [s.handle for s in report.suggestions] == ["paula_posts"]
    assert "1 broadcast-only account (@zoe_reposts)" in report.left_out_line
    assert report.as_dict()["excluded"]["broadcast_only"] == 1
    alone = rank_with_fakes(_circle_with("zoe_reposts"))
    assert not alone.suggestions and alone.next_step is not None
    # it names whom --role any shows: a job feed named on the line below stays out
    assert alone.next_step == "use --role any: it shows @zoe_reposts"
    asked = rank_with_fakes(_circle_with("zoe_reposts"), role="recruiter")
    assert [s.handle for s in asked.suggestions] == ["zoe_reposts"]


def test_an_account_you_only_reposted_is_not_said_to_have_no_post(store: Store) -> None:
    # "you reposted them 7× · no post of their own seen" read as a contradiction: the posts
    # the firm reposted are theirs, only nothing else of theirs is stored
    repost = Post(
        platform="x",
        id="fr1",
        author_id="id_acme_staffing",
        kind="repost",
        text="RT @nina_nurse: Night shift tip: pack two snacks",
        mentions=("nina_nurse",),
        created_at=NOW - timedelta(days=2),
    )
    nina = Account(platform="x", id="id_nina_nurse", handle="nina_nurse")
    add_posts(store, nina, repost)
    options = SuggestOptions(include_contacts=True, include_unseen=True)
    why = _why(store, "nina_nurse", role="any", options=options)
    assert "you reposted them 1×" in why
    assert "no post of their own seen" not in why
    assert why.endswith("their posts seen only as your reposts: voice and conversation unknown")


def _ten_posts_with(store: Store, crossing: list[str]) -> None:
    """brand_one, replied to by the firm's circle, and 10 posts of its own: ``crossing`` first,
    then posts in its own voice."""
    mild = ["I think this new drop is great"] * (10 - len(crossing))
    add_posts(
        store,
        Account(platform="x", id="id_brand_one", handle="brand_one"),
        reply_post(1, "rita_recruits", "brand_one", 1),
        *(make_post(f"b{i}", "brand_one", 1, t) for i, t in enumerate([*crossing, *mild])),
    )


def test_posts_that_cross_a_line_are_said_first_and_no_voice_is_praised(store: Store) -> None:
    """QA s40: a recruiter whose posts called voters traitors and vermin was suggested first
    with "a lively voice". The inbox keeps a firm away from such posts: the line now warns
    before anything else, and its voice is a plain share, not praise."""
    _ten_posts_with(
        store,
        [
            "I think anyone who votes Republican is a traitor to this country.",
            "I think the other side are scum, every last one of them.",
            "Shut up, you absolute idiot. I think you know nothing.",
            "I think the GOP has lost its mind.",
        ],
    )
    why = _why(store, "brand_one", role="any")
    assert why.startswith(
        "outside hiring · caution, ranked last: 4 of their 10 posts hostile, NSFW or party "
        "politics · "
    ), why
    assert "lively" not in why and "100% of their posts personal" in why


def test_one_such_post_in_ten_is_no_caution(store: Store) -> None:
    _ten_posts_with(store, ["I think the GOP has lost its mind."])
    why = _why(store, "brand_one", role="any")
    assert "caution" not in why and "a lively voice" in why


def test_engagements_older_than_the_half_life_are_said_to_weigh_less(store: Store) -> None:
    """QA s40: "you reposted them 4×" at 36.9 under "you reposted them 1×" at 75.0 read as a
    wrong order: the four were months old, the one a day old. The line now says so."""

    def repost(n: int, whom: str, days_ago: float) -> Post:
        return Post(
            platform="x",
            id=f"rp_{whom}_{n}",
            author_id="id_acme_staffing",
            author_handle="acme_staffing",
            kind="repost",
            text=f"RT @{whom}: A tip on shift handovers, part {n}",
            mentions=(whom,),
            created_at=NOW - timedelta(days=days_ago),
        )

    add_posts(
        store,
        Account(platform="x", id="id_uma_old", handle="uma_old"),
        Account(platform="x", id="id_ray_new", handle="ray_new"),
        *(repost(i, "uma_old", 45 + i) for i in range(4)),
        repost(0, "ray_new", 1),
        make_post("u1", "uma_old", 1),
        make_post("r1", "ray_new", 1),
    )
    options = SuggestOptions(include_contacts=True)
    uma = _why(store, "uma_old", role="any", options=options)
    assert "you reposted them 4×, mostly long ago (weighs less)" in uma
    ray = _why(store, "ray_new", role="any", options=options)
    assert "you reposted them 1×" in ray and "long ago" not in ray
