"""Saved Mastodon JSON on small hand-written API responses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from staffpulse.errors import NothingImportedError
from staffpulse.ingest import import_paths
from staffpulse.models import Account, Post
from staffpulse.sources import detect
from staffpulse.sources.base import Notice, Problem
from staffpulse.sources.mastodon import MastodonJson, html_to_text, rows_from_mastodon
from staffpulse.store import open_store
from staffpulse.store.core import Record

FIXTURES = Path(__file__).parent / "fixtures" / "mastodon"


def _read(name: str) -> tuple[list[Account | Post], list[Problem]]:
    path = FIXTURES / name
    assert detect(path).name == "mastodon-json"
    items = list(MastodonJson().read(path))
    rows = [r for i in items if isinstance(i, Record) for r in i.rows]
    return rows, [p for p in items if isinstance(p, Problem)]  # type: ignore[misc]


def test_account_statuses() -> None:
    rows, problems = _read("account_statuses.json")
    assert not problems
    posts = {r.id: r for r in rows if isinstance(r, Post)}
    first = posts["staffing.example:101"]
    assert (
        first.text
        == "We are #hiring forklift drivers!\nApply: acme.example/jobs\n\nSecond & last paragraph"
    )
    assert first.hashtags == ("hiring",) and first.urls == ("https://acme.example/jobs",)
    assert (
        first.author_id == "https://staffing.example/@acme"
        and first.author_handle == "acme@staffing.example"
    )
    reply = posts["staffing.example:102"]
    assert reply.kind == "reply" and reply.reply_to_post_id == "staffing.example:300"
    assert (
        reply.reply_to_account_id == "https://hr.social/@jane"
        and reply.reply_to_handle == "jane@hr.social"
    )
    assert reply.mentions == ("jane@hr.social",)
    boost = posts["staffing.example:103"]
    assert boost.kind == "repost" and boost.reposted_post_id == "staffing.example:300"
    assert posts["staffing.example:300"].author_handle == "jane@hr.social"
    acme = next(r for r in rows if isinstance(r, Account) and r.handle == "acme@staffing.example")
    assert (
        acme.bio == "We place people."
        and acme.avatar_url
        and acme.avatar_url.endswith("missing.png")
    )


def test_context_and_account_list() -> None:
    rows, problems = _read("context.json")
    assert {r.id for r in rows if isinstance(r, Post)} == {
        "staffing.example:300",
        "staffing.example:102",
    }
    assert len(problems) == 1 and "descendants[1]" in problems[0].message
    rows, _ = _read("reblogged_by.json")
    assert sorted(r.handle for r in rows if isinstance(r, Account)) == [
        "acme@staffing.example",
        "jane@hr.social",
    ]


def test_html_and_explicit_instance() -> None:
    assert html_to_text("<p>a<br/>b</p><p>c &lt;3</p><script>x</script>") == ("a\nb\n\nc <3", ())
    status = {
        "id": "1",
        "content": "hi",
        "account": {"acct": "bob@else.where", "url": "https://else.where/@bob"},
    }
    (_, post) = rows_from_mastodon([status], instance="mastodon.social")
    assert isinstance(post, Post) and post.id == "mastodon.social:1"


def test_instance_from_cached_avatars_when_every_account_is_remote() -> None:
    status = {
        "id": "5",
        "content": "<p>hi</p>",
        "account": {
            "acct": "bob@else.where",
            "url": "https://else.where/@bob",
            "avatar": "https://cdn.staffing.example/cache/accounts/avatars/1/original/a.png",
        },
    }
    (_, post) = rows_from_mastodon([status])
    assert isinstance(post, Post) and post.id == "staffing.example:5"


def _remote_status(local_id: str, home_id: str, **fields: object) -> dict[str, object]:
    return {
        "id": local_id,
        "uri": f"https://hr.social/users/jane/statuses/{home_id}",
        "content": "<p>who is hiring?</p>",
        "account": {"acct": "jane@hr.social", "url": "https://hr.social/@jane"},
        **fields,
    }


def test_a_status_seen_through_two_instances_is_one_post() -> None:
    via_a = rows_from_mastodon([_remote_status("111", "900")], instance="staffing.example")
    via_b = rows_from_mastodon([_remote_status("555", "900")], instance="mastodon.social")
    ids = {r.id for r in via_a + via_b if isinstance(r, Post)}
    assert ids == {"hr.social:900"}  # its home instance and its id there


def test_a_boost_seen_through_two_instances_is_one_post_under_its_archive_id() -> None:
    # a boost's uri (.../statuses/<id>/activity) is its own, unlike Pleroma's: it names the
    # home id the account's archive gives its Announce, whichever instance served it
    def boost(local_id: str) -> dict[str, object]:
        return {
            "id": local_id,
            "uri": "https://hr.social/users/jane/statuses/950/activity",
            "content": "",
            "reblog": _remote_status(f"{local_id}0", "900"),
            "account": {"acct": "jane@hr.social", "url": "https://hr.social/@jane"},
        }

    via_a = rows_from_mastodon([boost("111")], instance="staffing.example")
    via_b = rows_from_mastodon([boost("555")], instance="mastodon.social")
    reposts = {r.id for r in via_a + via_b if isinstance(r, Post) and r.kind == "repost"}
    assert reposts == {"hr.social:950"}


def test_replies_and_boosts_point_at_home_ids_within_a_response() -> None:
    parent = _remote_status("111", "900")
    reply = {
        "id": "112",
        "uri": "https://staffing.example/users/acme/statuses/112",
        "in_reply_to_id": "111",  # the serving instance's id of the parent
        "content": "<p>@jane we are</p>",
        "account": {"acct": "acme", "url": "https://staffing.example/@acme"},
    }
    boost = {
        "id": "113",
        "uri": "https://staffing.example/users/acme/statuses/113/activity",
        "content": "",
        "reblog": parent,
        "account": {"acct": "acme", "url": "https://staffing.example/@acme"},
    }
    orphan = {**reply, "id": "114", "uri": "https://x/114", "in_reply_to_id": "42"}
    rows = rows_from_mastodon([parent, reply, boost, orphan], instance="staffing.example")
    posts = {r.id: r for r in rows if isinstance(r, Post)}
    assert posts["staffing.example:112"].reply_to_post_id == "hr.social:900"
    assert posts["staffing.example:113"].reposted_post_id == "hr.social:900"
    # a parent outside the response keeps the serving instance's id
    assert posts["staffing.example:114"].reply_to_post_id == "staffing.example:42"


def test_a_reply_whose_parent_was_deleted_is_a_reply_to_the_account_it_names() -> None:
    """QA s21: Mastodon nulls ``in_reply_to_id`` when the parent is deleted and keeps
    ``in_reply_to_account_id`` (3 of a real account's 20 statuses); they were originals."""
    acme = {"id": "11", "acct": "acme", "url": "https://staffing.example/@acme"}
    jane = {"id": "22", "acct": "jane@hr.social", "url": "https://hr.social/@jane"}
    base = {"in_reply_to_id": None, "content": "<p>@jane thanks</p>", "account": acme}
    to_jane = {**base, "id": "120", "in_reply_to_account_id": "22", "mentions": [jane]}
    to_self = {**base, "id": "121", "in_reply_to_account_id": "11", "mentions": []}
    unnamed = {**base, "id": "122", "in_reply_to_account_id": "33", "mentions": [jane]}
    plain = {**base, "id": "123", "in_reply_to_account_id": None, "mentions": [jane]}
    rows = rows_from_mastodon([to_jane, to_self, unnamed, plain], instance="staffing.example")
    posts = {r.id.split(":")[1]: r for r in rows if isinstance(r, Post)}
    assert [posts[i].kind for i in ("120", "121", "122", "123")] == [
        "reply",
        "reply",
        "reply",  # to an account not among its mentions: someone else, name unknown
        "original",  # a mention without an answered account is no reply
    ]
    assert all(posts[i].reply_to_post_id is None for i in ("120", "121", "122"))
    assert (posts["120"].reply_to_account_id, posts["120"].reply_to_handle) == (
        "https://hr.social/@jane",
        "jane@hr.social",
    )
    # a thread of its own: the author answers itself
    assert posts["121"].reply_to_account_id == posts["121"].author_id
    assert posts["122"].reply_to_account_id is None and posts["122"].reply_to_handle is None
    assert posts["120"].conversation_id is None


def _statuses() -> list[dict[str, object]]:
    statuses = json.loads((FIXTURES / "account_statuses.json").read_text())
    assert isinstance(statuses, list)
    return statuses


def _items(path: Path) -> tuple[list[Post], list[Problem], list[Notice]]:
    items = list(detect(path).read(path))
    posts = [r for i in items if isinstance(i, Record) for r in i.rows if isinstance(r, Post)]
    problems = [i for i in items if isinstance(i, Problem)]
    return posts, problems, [i for i in items if isinstance(i, Notice)]


def test_statuses_saved_one_a_line_are_read_as_the_whole_response_is(tmp_path: Path) -> None:
    whole, _ = _read("account_statuses.json")
    path = tmp_path / "statuses.jsonl"
    path.write_text("".join(json.dumps(status) + "\n" for status in _statuses()) + "{oops\n")
    assert detect(path).name == "mastodon-json"
    posts, problems, _ = _items(path)
    # the same posts, with the same ids (the instance is found over the whole file)
    assert sorted(p.id for p in posts) == sorted(r.id for r in whole if isinstance(r, Post))
    (problem,) = problems
    assert problem.line == len(_statuses()) + 1 and problem.records == 1


def test_pages_saved_one_a_line_are_read(tmp_path: Path) -> None:
    statuses = _statuses()
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps(statuses[:1]) + "\n" + json.dumps(statuses[1:]) + "\n")
    posts, problems, _ = _items(path)
    assert len({p.id for p in posts}) == 4 and not problems


def test_a_status_without_a_date_is_told(tmp_path: Path) -> None:
    statuses = _statuses()
    statuses[0]["created_at"] = None
    path = tmp_path / "statuses.json"
    path.write_text(json.dumps(statuses))
    posts, problems, notices = _items(path)
    assert not problems and any(p.created_at is None for p in posts)
    (notice,) = notices
    assert "1 post has no date (created_at is missing or empty): kept undated" in notice.message


def test_utf16_with_its_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "statuses.json"
    path.write_bytes(json.dumps(_statuses(), indent=1, ensure_ascii=False).encode("utf-16"))
    posts, problems, _ = _items(path)
    assert len({p.id for p in posts}) == 4 and not problems


def _quoting(quote: object) -> dict[str, object]:
    return {
        "id": "500",
        "uri": "https://staffing.example/users/acme/statuses/500",
        "content": "<p>Worth a read</p>",
        "created_at": "2026-03-01T14:05:00Z",
        "account": {"id": "1", "acct": "acme", "url": "https://staffing.example/@acme"},
        "quote": quote,
    }


def test_a_quote_in_each_of_its_shapes_names_the_quoted_status() -> None:
    home = "https://news.example/users/jane/statuses/900"
    shapes = {
        # Mastodon 4.4: the quoted status inside, whose uri says its home instance
        "full": {"state": "accepted", "quoted_status": {"id": "77", "uri": home}},
        # the shallow quote names its id on the serving instance only
        "shallow": {"state": "accepted", "quoted_status_id": "77"},
        # a fork that puts the quoted status itself
        "bare": {"id": "77", "uri": home},
    }
    quoted = {}
    for shape, quote in shapes.items():
        rows = rows_from_mastodon(_quoting(quote), "staffing.example")
        (post,) = [r for r in rows if isinstance(r, Post)]
        quoted[shape] = (post.kind, post.quoted_post_id)
    assert quoted == {
        "full": ("quote", "news.example:900"),
        "shallow": ("quote", "staffing.example:77"),
        "bare": ("quote", "news.example:900"),
    }
    rows = rows_from_mastodon(_quoting({"state": "deleted"}), "staffing.example")
    assert [(r.kind, r.quoted_post_id) for r in rows if isinstance(r, Post)] == [("original", None)]


def test_a_saved_relationship_or_list_is_an_import_of_nothing_told_what_it_is(
    tmp_path: Path,
) -> None:
    # what a follow (POST /api/v1/accounts/:id/follow) or GET /api/v1/lists/:id returns: it
    # was refused as "not a format staffpulse can import" (exit 65), while an empty search or
    # a Bluesky feed generator was "nothing to import" (exit 1), the same case told two ways
    responses = {
        "relationship.json": ({"id": "1", "following": True, "showing_reblogs": True,
                               "followed_by": False, "blocking": False}, "relationship"),
        "list.json": ({"id": "6", "title": "recruiters", "replies_policy": "list"}, "list"),
    }  # fmt: skip
    for name, (response, what) in responses.items():
        path = tmp_path / name
        path.write_text(json.dumps(response, indent=1), encoding="utf-8")
        store_path = tmp_path / f"{name}.db"
        with open_store(store_path) as store, pytest.raises(NothingImportedError) as refused:
            import_paths(store, [path])
        assert refused.value.exit_code == 1
        said = refused.value.message
        assert said.startswith(f"nothing to import: {path}: a Mastodon {what} (")
        assert "which holds no posts or accounts" in said
        assert "save an account's statuses, a timeline or a status's context instead" in said


def _profile(followers: int, posts: int, last_post: str) -> dict[str, object]:
    return {"id": "7", "username": "rosa", "acct": "rosa", "display_name": "Rosa",
            "url": "https://hr.example/@rosa", "note": "<p>Recruiter in Leeds</p>",
            "followers_count": followers, "following_count": 5, "statuses_count": posts,
            "created_at": "2025-01-10T00:00:00.000Z", "last_status_at": last_post}  # fmt: skip


@pytest.mark.parametrize("first", ["search.json", "timeline.json"])
def test_a_profile_in_an_account_search_and_a_timeline_is_stored_alike_in_either_order(
    tmp_path: Path, first: str
) -> None:
    """An account search holds no post, so it was undated and, imported last, replaced the
    newer profile a timeline held: its own last_status_at dates it, older."""
    (tmp_path / "search.json").write_text(json.dumps([_profile(3, 4, "2026-03-01")]))
    status = {"id": "200", "created_at": "2026-03-05T10:00:00.000Z", "content": "<p>Open day</p>",
              "uri": "https://hr.example/users/rosa/statuses/200",
              "url": "https://hr.example/@rosa/200", "account": _profile(12, 9, "2026-03-05")}  # fmt: skip
    (tmp_path / "timeline.json").write_text(json.dumps([status]))
    paths = [tmp_path / first, *(p for p in tmp_path.glob("*.json") if p.name != first)]
    with open_store(":memory:") as store:
        import_paths(store, paths)
        (rosa,) = store.conn.execute("SELECT followers, post_count FROM accounts").fetchall()
    assert tuple(rosa) == (12, 9)
