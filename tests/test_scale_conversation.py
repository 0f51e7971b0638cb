"""``staffpulse score`` counts Conversation as ``staffpulse audit`` does.

Hand-written staffpulse JSONL (docs/formats.md): each made-up account below holds one case
(a bare repost, an "RT @name:" repost, quotes of a known author, a reply to oneself, a
repost that mentions someone) and one original post. The posts they share are in a second
file, scored as a shard of its own, so their authors are only known once both shards are
read. Both files are scored and, imported into a store, audited: the Conversation figures
must agree, and be the ones a consultant expects."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pq = pytest.importorskip("pyarrow.parquet")

from staffpulse.audit import audit_account  # noqa: E402
from staffpulse.ingest import import_paths  # noqa: E402
from staffpulse.scale import score_inputs  # noqa: E402
from staffpulse.store import open_store  # noqa: E402

# the posts the accounts share, by their authors
SHARED = [
    {
        "id": "carla-1",
        "author": "carla_hr",
        "text": "Five questions to ask at the end of an interview.",
    },
    {
        "id": "dev-1",
        "author": "dev_ops_jobs",
        "text": "Night shifts pay 12% more this year, our survey says.",
    },
]
# account -> its case: (kind, text, extra fields), after one original post of its own
CASES: dict[str, dict[str, Any]] = {
    # the shared post is in no file and the repost names no one: nobody to credit
    "bare_reposter": {"kind": "repost", "text": "Night shifts are back.", "reposted_id": "gone-1"},
    # the shared post is in the other file: a share of dev_ops_jobs, still no talk with them
    "known_reposter": {"kind": "repost", "text": SHARED[1]["text"], "reposted_id": "dev-1"},
    # an X retweet names its author in its text even when no mention is listed
    "rt_reposter": {
        "kind": "repost",
        "text": "RT @jobs_news: Hiring is up again this month.",
        "reposted_id": "gone-2",
        "mentions": [],
    },
    # a repost mentioning someone: a share (of pat_hr, named first), talk with no one
    "mention_reposter": {
        "kind": "repost",
        "text": "RT @pat_hr: thanks @sam_k for the interview tips!",
        "reposted_id": "gone-3",
    },
    # a quote talks with the quoted author, known from the other file, whoever it mentions
    "quoter": {
        "kind": "quote",
        "text": "@sam_k this list is for you.",
        "quoted_id": "carla-1",
    },
    # a reply to oneself continues a thread: no reply, nobody engaged
    "threader": {"kind": "reply", "text": "And one more thing.", "reply_to_author": "threader"},
}
# what the audit shows for each: reply, share and mention shares, accounts engaged in 90 days
# (the mentions share is null in both: fewer than 3 original posts or quotes are too few to judge)
EXPECTED = {
    "bare_reposter": (0.0, 0.0, None, 0),
    "known_reposter": (0.0, 0.5, None, 0),
    "rt_reposter": (0.0, 0.5, None, 0),
    "mention_reposter": (0.0, 0.5, None, 0),
    "quoter": (0.0, 0.5, None, 2),  # carla_hr and sam_k
    "threader": (0.0, 0.0, None, 0),
}


def _write(folder: Path) -> list[Path]:
    folder.mkdir()
    lines = []
    for handle, case in CASES.items():
        base = {"type": "post", "platform": "x", "author": handle}
        lines.append(
            base
            | {
                "id": f"{handle}-0",
                "kind": "original",
                "text": "Monday tip: send a short thank-you note after every interview.",
                "created_at": "2026-03-02T09:00:00Z",
            }
        )
        post = base | {"id": f"{handle}-1", "created_at": "2026-03-03T09:00:00Z"} | case
        if post["kind"] == "reply":
            post["reply_to_id"] = f"{handle}-0"
        lines.append(post)
    accounts = folder / "accounts.jsonl"
    accounts.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    shared = folder / "shared.jsonl"
    shared.write_text(
        "\n".join(
            json.dumps({"type": "post", "platform": "x", "created_at": "2026-03-01T09:00:00Z"} | x)
            for x in SHARED
        )
        + "\n",
        encoding="utf-8",
    )
    # the sharing posts first: their shared posts are only met in the next shard
    return [accounts, shared]


def _score(files: list[Path], out: Path, engine: str = "local") -> dict[str, dict[str, Any]]:
    score_inputs(files, out, engine=engine)
    return {row["handle"]: row for row in pq.read_table(out / "accounts.parquet").to_pylist()}


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict[str, Any], Any]]:
    folder = tmp_path_factory.mktemp("conversation")
    files = _write(folder / "in")
    rows = _score(files, folder / "out")
    out: dict[str, tuple[dict[str, Any], Any]] = {}
    with open_store(folder / "s.db") as store:
        import_paths(store, files)
        for handle in CASES:
            result = audit_account(store, handle, "x", save=False)
            out[handle] = (rows[handle], result.pillars["conversation"])
    return out


@pytest.mark.parametrize("handle", list(CASES))
def test_score_gives_the_audit_s_conversation_figures(
    both: dict[str, tuple[dict[str, Any], Any]], handle: str
) -> None:
    row, conversation = both[handle]
    ev = conversation.evidence
    reply, share, mention, engaged = EXPECTED[handle]
    assert (ev["reply_share"], ev["share_share"], ev["mention_share"]) == (reply, share, mention)
    assert ev["accounts_engaged_90d"] == engaged
    assert (row["reply_share"], row["share_share"], row["mention_share"]) == (
        reply,
        share,
        mention,
    )
    assert row["accounts_engaged_90d"] == row["accounts_engaged_30d"] == engaged
    # no one mentions these accounts, so the audit leaves responsiveness out too
    assert "responsiveness" not in ev["parts"]
    assert row["conversation"] == pytest.approx(conversation.score, abs=0.5)


def test_a_bare_repost_is_no_share_and_a_known_one_is_scored_higher(
    both: dict[str, tuple[dict[str, Any], Any]],
) -> None:
    bare, _ = both["bare_reposter"]
    known, _ = both["known_reposter"]
    assert bare["reposts"] == known["reposts"] == 1  # both still counted as reposts
    assert known["conversation"] > bare["conversation"]


def test_a_bluesky_quote_of_an_unscored_post_is_credited_by_its_uri(tmp_path: Path) -> None:
    """A Bluesky post not in the files still names its author's DID in its URI: ben talks
    with carla by quoting it. Her handle comes from another post of hers, so ana, who also
    replies to her, talks with one account, not two."""
    did = "did:plc:carla7"
    lines = [
        {
            "id": "at://did:plc:carla7/app.bsky.feed.post/a1",
            "author": "carla.bsky.social",
            "author_id": did,
            "text": "Hello from the job fair.",
        },
        {
            "id": "q1",
            "author": "ana.bsky.social",
            "kind": "quote",
            "quoted_id": f"at://{did}/app.bsky.feed.post/zz9",
            "text": "Worth a read.",
        },
        {
            "id": "r1",
            "author": "ana.bsky.social",
            "kind": "reply",
            "reply_to_author": "carla.bsky.social",
            "text": "Great to meet you there!",
        },
        {
            "id": "q2",
            "author": "ben.bsky.social",
            "kind": "quote",
            "quoted_id": f"at://{did}/app.bsky.feed.post/zz9",
            "text": "Good advice here.",
        },
    ]
    first, second = tmp_path / "carla.jsonl", tmp_path / "ana.jsonl"
    base = {"type": "post", "platform": "bluesky", "created_at": "2026-03-03T09:00:00Z"}
    first.write_text(json.dumps(base | lines[0]) + "\n", encoding="utf-8")
    second.write_text("\n".join(json.dumps(base | x) for x in lines[1:]) + "\n", encoding="utf-8")
    rows = _score([second, first], tmp_path / "out")
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [first, second])
        audits = {
            handle: audit_account(store, handle, "bluesky", save=False)
            for handle in ("ana.bsky.social", "ben.bsky.social")
        }
    for handle, share in (("ana.bsky.social", 0.5), ("ben.bsky.social", 1.0)):
        ev = audits[handle].pillars["conversation"].evidence
        row = rows[handle]
        assert ev["accounts_engaged_90d"] == row["accounts_engaged_90d"] == 1, handle
        assert ev["share_share"] == row["share_share"] == share, handle


@pytest.mark.slow
def test_the_dask_engine_resolves_shared_authors_as_the_local_one(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    files = _write(tmp_path / "in")
    local = _score(files, tmp_path / "local")
    dask = _score(files, tmp_path / "dask", engine="dask")
    assert dask == local
    assert local["quoter"]["accounts_engaged_90d"] == 2


def test_a_feed_without_dates_leaves_the_accounts_engaged_out_as_the_audit_does(
    tmp_path: Path,
) -> None:
    # the audit says "not known" of accounts engaged in 90 days when no post has a date and
    # scores Conversation without that part; score counted 0 and graded the same feed lower
    lines = [
        {
            "id": "u1",
            "kind": "reply",
            "text": "@sam_k Great point, thanks!",
            "reply_to_author": "sam_k",
        },
        {"id": "u2", "text": "What do you ask at the end of an interview, @ana_hr?"},
    ]
    undated = tmp_path / "undated.jsonl"
    base = {"type": "post", "platform": "x", "author": "nodates"}
    undated.write_text("\n".join(json.dumps(base | x) for x in lines) + "\n", encoding="utf-8")
    row = _score([undated], tmp_path / "out")["nodates"]
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [undated])
        conversation = audit_account(store, "nodates", "x", save=False).pillars["conversation"]
    assert conversation.evidence["accounts_engaged_90d"] is None
    assert row["accounts_engaged_90d"] is None and row["accounts_engaged_30d"] is None
    assert row["conversation"] == pytest.approx(conversation.score, abs=0.5)
    assert conversation.score > 50  # one reply in two, one mention: not dragged down by a 0


def test_score_and_audit_count_the_reply_share_of_the_posts_written(tmp_path: Path) -> None:
    # one original post, one reply to someone else and two bare reposts: 1 of the 2 posts
    # written is a reply (50%), not 1 of all 4 (25%), in both
    base = {"type": "post", "platform": "x", "author": "lena_k"}
    posts = [
        {"id": "l-0", "kind": "original", "text": "Tuesday: two new warehouse leads placed."},
        {"id": "l-1", "kind": "reply", "text": "@omar_b glad it worked out!",
         "reply_to_author": "omar_b", "reply_to_id": "o-9"},
        {"id": "l-2", "kind": "repost", "text": "RT @omar_b: shift swap app is live",
         "reposted_id": "o-1"},
        {"id": "l-3", "kind": "repost", "text": "RT @omar_b: payday moved to Thursday",
         "reposted_id": "o-2"},
    ]  # fmt: skip
    folder = tmp_path / "in"
    folder.mkdir()
    feed = folder / "lena.jsonl"
    feed.write_text(
        "".join(
            json.dumps(base | p | {"created_at": f"2026-03-0{i + 1}T09:00:00Z"}) + "\n"
            for i, p in enumerate(posts)
        ),
        encoding="utf-8",
    )
    row = _score([feed], tmp_path / "out")["lena_k"]
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [feed])
        ev = audit_account(store, "lena_k", "x", save=False).pillars["conversation"].evidence
    assert (ev["posts"], ev["posts_written"], ev["reply_share"]) == (4, 2, 0.5)
    assert row["reply_share"] == 0.5


def test_score_and_audit_leave_a_desk_s_mentions_out_as_one(tmp_path: Path) -> None:
    # a care desk writes replies only: no post of its own could name anyone, so neither
    # command scores that part (a 0 there cost every desk 15 of its 100 points)
    base = {"type": "post", "platform": "x", "author": "fixit_desk", "kind": "reply"}
    feed = tmp_path / "desk.jsonl"
    feed.write_text(
        "".join(
            json.dumps(
                base
                | {
                    "id": f"d-{i}",
                    "text": f"@buyer{i} Sorry about that, a new charger is on its way.",
                    "reply_to_author": f"buyer{i}",
                    "reply_to_id": f"b-{i}",
                    "created_at": f"2026-03-0{i + 1}T09:00:00Z",
                }
            )
            + "\n"
            for i in range(4)
        ),
        encoding="utf-8",
    )
    row = _score([feed], tmp_path / "out")["fixit_desk"]
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [feed])
        conversation = audit_account(store, "fixit_desk", "x", save=False).pillars["conversation"]
    assert "mentions" not in conversation.evidence["parts"]
    assert row["conversation"] == pytest.approx(conversation.score, abs=0.5)


def test_score_and_audit_leave_out_the_mentions_of_a_desk_s_first_post_alike(
    tmp_path: Path,
) -> None:
    # the one post of its own Mix asks a desk for names no one: a share of one post is no
    # measurement, so neither command scores it (it took the desk's Conversation 79 -> 67)
    base = {"type": "post", "platform": "x", "author": "fixit_desk"}
    rows = [
        base
        | {
            "id": f"d-{i}",
            "kind": "reply",
            "text": f"@buyer{i} Sorry about that, a new charger is on its way.",
            "reply_to_author": f"buyer{i}",
            "reply_to_id": f"b-{i}",
            "created_at": f"2026-03-0{i + 1}T09:00:00Z",
        }
        for i in range(4)
    ]
    rows.append(
        base
        | {
            "id": "d-own",
            "text": "Chargers ship a day late this week while the warehouse moves.",
            "created_at": "2026-03-08T09:00:00Z",
        }
    )
    feed = tmp_path / "desk.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    row = _score([feed], tmp_path / "out")["fixit_desk"]
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [feed])
        conversation = audit_account(store, "fixit_desk", "x", save=False).pillars["conversation"]
    assert conversation.evidence["original_posts"] == 1
    assert "mentions" not in conversation.evidence["parts"]
    assert row["conversation"] == pytest.approx(conversation.score, abs=0.5)
    # the same desk before its post scores no higher: following the advice cost nothing
    replies = tmp_path / "replies.jsonl"
    replies.write_text("".join(json.dumps(r) + "\n" for r in rows[:4]), encoding="utf-8")
    assert (
        _score([replies], tmp_path / "before")["fixit_desk"]["conversation"] <= row["conversation"]
    )
