"""Which stored Mastodon posts were not shared with the public (store/visibility.py): read
from the payloads they were imported from, the same whether asked by post, by author or for
the whole store, and right for every post of a payload that many posts share (an API
timeline), which is read once for all of them.

The payloads are hand-written: an API timeline (GET /api/v1/timelines/..., the documented
Status entity: ``visibility`` is public, unlisted, private or direct) and an account archive's
outbox (ActivityPub ``Create`` activities, public when ``to`` or ``cc`` names the public)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mastodon_archive_helpers import ME, create_activity, rosa_actor, rosa_outbox
from staffpulse.ingest import import_paths
from staffpulse.store import Store, open_store
from staffpulse.store.visibility import not_public_ids

INSTANCE = "hr.social"
# visibility of each status of the timeline, by its id: 40 statuses, one API page
SHOWN = {str(n): ("private", "direct", "public", "unlisted")[n % 4] for n in range(1, 41)}


def _status(sid: str, visibility: str) -> dict[str, Any]:
    name = f"user{sid}"
    return {
        "id": sid,
        "uri": f"https://{INSTANCE}/users/{name}/statuses/{sid}",
        "url": f"https://{INSTANCE}/@{name}/{sid}",
        "created_at": "2026-11-20T09:00:00.000Z",
        "content": f"<p>How do recruiters keep candidates warm? Thread {sid}</p>",
        "visibility": visibility,
        "account": {"id": f"{name}-id", "username": name, "acct": name,
                    "url": f"https://{INSTANCE}/@{name}", "display_name": name, "note": ""},
        "in_reply_to_id": None, "in_reply_to_account_id": None, "mentions": [], "tags": [],
        "replies_count": 0, "reblogs_count": 0, "favourites_count": 0,
    }  # fmt: skip


@pytest.fixture
def store(tmp_path: Path) -> Any:
    timeline = tmp_path / "timeline.json"
    timeline.write_text(json.dumps([_status(s, v) for s, v in SHOWN.items()]), encoding="utf-8")
    activities = []
    for i in range(4):
        post = create_activity(f"30{i}", f"<p>Our week on the recruiting desk, part {i}</p>")
        if i % 2:  # shared with the followers only
            post["to"] = post["object"]["to"] = [f"{ME}/followers"]
            post["cc"] = post["object"]["cc"] = []
        activities.append(post)
    archive = tmp_path / "archive"
    archive.mkdir()
    outbox = {**rosa_outbox(), "orderedItems": activities, "totalItems": len(activities)}
    (archive / "outbox.json").write_text(json.dumps(outbox), encoding="utf-8")
    (archive / "actor.json").write_text(json.dumps(rosa_actor()), encoding="utf-8")
    with open_store(tmp_path / "s.db") as opened:
        import_paths(opened, [timeline, archive])
        yield opened


def _mastodon_ids(store: Store) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT id FROM posts WHERE platform = 'mastodon'")]


def test_every_status_of_a_shared_timeline_page_is_told_by_its_own_visibility(
    store: Store,
) -> None:
    expected = {f"{INSTANCE}:{s}" for s, v in SHOWN.items() if v in ("private", "direct")}
    hidden = not_public_ids(store, "mastodon", post_ids=[f"{INSTANCE}:{s}" for s in SHOWN])
    assert hidden == expected  # unlisted is public: only kept off the public timelines
    # the 40 statuses came in one payload, kept once for all of them
    raws = store.conn.execute(
        "SELECT count(DISTINCT raw_id) FROM posts WHERE id LIKE ?", (f"{INSTANCE}:%",)
    ).fetchone()[0]
    assert raws == 1


def test_archive_posts_for_followers_only_are_not_public(store: Store) -> None:
    archived = [i for i in _mastodon_ids(store) if not i.startswith(f"{INSTANCE}:")]
    assert len(archived) == 4
    hidden = not_public_ids(store, "mastodon", post_ids=archived)
    assert len(hidden) == 2 and all(i[-1] in "13" for i in hidden), hidden


def test_asked_by_post_by_author_or_for_the_store_the_answer_is_the_same(store: Store) -> None:
    every = not_public_ids(store, "mastodon", post_ids=_mastodon_ids(store))
    assert len(every) == 20 + 2
    assert not_public_ids(store, "mastodon") == every
    authors = [r[0] for r in store.conn.execute("SELECT DISTINCT author_id FROM posts")]
    by_author = [not_public_ids(store, "mastodon", author_id=a) for a in authors]
    assert frozenset().union(*by_author) == every
    # a few posts of the page asked alone are told as when asked with the rest
    some = [*sorted(every)[:3], f"{INSTANCE}:3"]
    assert not_public_ids(store, "mastodon", post_ids=some) == every & set(some)


def test_other_platforms_have_no_visibility(store: Store) -> None:
    assert not_public_ids(store, "x", post_ids=["1"]) == frozenset()
