"""``staffpulse score``'s counts by kind and its exact copies, beside the audit's."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

pq = pytest.importorskip("pyarrow.parquet")

from staffpulse.audit import audit_account  # noqa: E402
from staffpulse.ingest import import_paths  # noqa: E402
from staffpulse.models import Post  # noqa: E402
from staffpulse.scale import score_inputs  # noqa: E402
from staffpulse.scale.scoring import (  # noqa: E402
    account_rows,
    merge_partials,
    score_posts,
    template_key,
)
from staffpulse.store import open_store  # noqa: E402

KINDS = ("originals", "replies", "replies_to_self", "reposts", "quotes")
HUMAN = [
    "Had a great time at the careers fair today, thanks to everyone who came by to chat",
    "Is anyone else still thinking about that finish last night? what a game it was",
    "Coffee first, then emails. That is the rule in this office and we stand by it",
    "Our newest recruiter just passed her certification, we could not be prouder of her",
    "What is the strangest question you were ever asked in an interview? tell us below",
    "Rainy morning here, the team brought soup for everyone and it made the whole day",
    "Three things we learned hosting our first open day: plan parking, food, and time",
    "We asked the team for their favourite book of the year and got forty answers",
    "Shout out to the night shift who kept the phones open through the storm this week",
    "Friendly reminder that a thank you note after an interview still goes a long way",
]
REPEATED = "We're hiring in every one of our branches this month, come and see us soon"


def _score_and_audit(tmp_path: Path, records: list[dict[str, Any]]) -> tuple[dict[str, Any], Any]:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    score_inputs([feed], tmp_path / "out")
    (row,) = [
        r
        for r in pq.read_table(tmp_path / "out" / "accounts.parquet").to_pylist()
        if r["author_id"] == records[0]["author_id"]
    ]
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [feed])
        audit = audit_account(store, row["author_id"], row["platform"], save=False)
    return row, audit.to_dict()


def _post(n: int, text: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "post",
        "platform": "x",
        "id": str(n),
        "author": "hireloop",
        "author_id": "hireloop",
        "text": text,
        "lang": "en",
        "created_at": f"2026-03-{1 + n % 28:02d}T10:00:00Z",
    } | extra


def test_short_repeated_posts_are_no_copies_as_in_the_audit(tmp_path: Path) -> None:
    assert template_key("Happy Friday!") is None  # too short to be a template, as in the audit
    assert template_key("Happy Friday!!") is None
    records = [_post(n, text) for n, text in enumerate(HUMAN)]
    records += [_post(20 + n, "Happy Friday!") for n in range(5)]
    row, audit = _score_and_audit(tmp_path, records)
    voice = audit["pillars"]["voice"]
    assert voice["evidence"]["templated_share"] == 0.0
    assert row["exact_copy_share"] == 0.0
    # score's Voice is lowered by fewer copies than the audit's, never more
    assert row["voice"] >= voice["score"] - 0.5


def test_long_repeated_posts_are_copies_in_both(tmp_path: Path) -> None:
    records = [_post(n, text) for n, text in enumerate(HUMAN)]
    records += [_post(20 + n, REPEATED) for n in range(5)]
    row, audit = _score_and_audit(tmp_path, records)
    assert row["exact_copy_share"] == pytest.approx(5 / 15, abs=1e-6)
    assert audit["pillars"]["voice"]["evidence"]["templated_share"] == pytest.approx(0.333)
    assert row["voice"] == pytest.approx(audit["pillars"]["voice"]["score"], abs=0.5)


def test_counts_by_kind_add_up_to_posts_as_in_the_audit(tmp_path: Path) -> None:
    records = [
        _post(0, HUMAN[0]),
        _post(1, HUMAN[1], kind="reply", reply_to_id="0", reply_to_author="hireloop"),
        _post(2, "@sam thanks, see you there on Monday at the fair", kind="reply"),
        _post(3, HUMAN[3], kind="reply", reply_to_author="HireLoop"),  # itself, in capitals
        _post(4, "RT @sam: big hiring fair on Monday", kind="repost", reposted_id="99"),
        _post(5, HUMAN[5], kind="quote", quoted_id="98"),
    ]
    records[2]["reply_to_author"] = "sam"
    row, audit = _score_and_audit(tmp_path, records)
    assert sum(row[kind] for kind in KINDS) == row["posts"] == 6
    conversation = audit["pillars"]["conversation"]["evidence"]
    assert (row["replies"], row["replies_to_self"]) == (1, 2)
    assert row["replies_to_self"] == conversation["replies_to_self"]
    assert row["replies"] == conversation["replies"]
    docs = (Path(__file__).parents[1] / "docs" / "scale.md").read_text(encoding="utf-8")
    assert "`replies_to_self`" in docs


def test_a_bluesky_reply_named_by_did_only_is_counted_by_whom_it_answers() -> None:
    did = "did:plc:rosa"

    def reply(n: int, to: str) -> Post:
        return Post(
            platform="bluesky",
            id=f"at://{did}/app.bsky.feed.post/{n}",
            author_id=did,
            author_handle="rosa.bsky.social",
            text="thanks, that is good to hear",
            created_at=datetime(2026, 3, 1 + n, tzinfo=UTC),
            kind="reply",
            reply_to_account_id=to,
        )

    scored = score_posts([reply(0, did), reply(1, "did:plc:sam"), reply(2, "did:plc:ana")])
    (row,) = account_rows(merge_partials([scored.partials]))
    assert (row["replies"], row["replies_to_self"], row["posts"]) == (2, 1, 3)
    assert row["accounts_engaged_90d"] == 2  # sam and ana, by their DIDs


def test_posts_without_an_author_are_kept_but_make_no_account(tmp_path: Path) -> None:
    # A home timeline saved from X's API v2 without tweet.fields=author_id: its tweets are
    # by several people, none named; summing them up as one account would be made up.
    from typer.testing import CliRunner

    from staffpulse.cli import app

    timeline = {
        "data": [
            {"id": "1578466218075312129", "text": "Coffee first, then the inbox. Every day."},
            {"id": "1578465888264589313", "text": "RT @someone: our office dog has a badge"},
        ],
        "meta": {"result_count": 2, "newest_id": "1578466218075312129"},
    }
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "home_timeline.json").write_text(json.dumps(timeline), encoding="utf-8")
    feed = {"type": "post", "platform": "x", "id": "7", "author": "acme", "text": HUMAN[0]}
    (tmp_path / "in" / "acme.jsonl").write_text(json.dumps(feed) + "\n", encoding="utf-8")

    summary = score_inputs([tmp_path / "in"], tmp_path / "out")

    posts = pq.read_table(tmp_path / "out" / "posts").to_pylist()
    accounts = pq.read_table(tmp_path / "out" / "accounts.parquet").to_pylist()
    assert len(posts) == summary.posts == 3  # nothing dropped from the per-post table
    assert [row["handle"] for row in accounts] == ["acme"]
    assert summary.without_author == 2
    assert sum(row["posts"] for row in accounts) == summary.posts - summary.without_author

    result = CliRunner().invoke(
        app, ["score", str(tmp_path / "in"), "--output", str(tmp_path / "cli"), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["without_author"] == 2
    told = CliRunner().invoke(app, ["score", str(tmp_path / "in"), "-o", str(tmp_path / "o")])
    assert "2 posts without an author" in " ".join(told.output.split())


def _accounts_of_score_and_import(
    csv: Path, tmp_path: Path
) -> tuple[dict[str, Any], set[tuple[str, str, str]], set[tuple[str, str, str]]]:
    """The summary of `staffpulse score --json` on ``csv``, the (platform, id, handle) of
    accounts.parquet, and those `staffpulse accounts --json` lists after importing it."""
    from typer.testing import CliRunner

    from staffpulse.cli import app

    db = str(tmp_path / "s.db")
    scored = CliRunner().invoke(app, ["score", str(csv), "-o", str(tmp_path / "out"), "--json"])
    assert scored.exit_code == 0, scored.output
    imported = CliRunner().invoke(app, ["--db", db, "import", str(csv), "--json"])
    assert imported.exit_code == 0, imported.output
    listed = CliRunner().invoke(app, ["--db", db, "accounts", "--json"])
    assert listed.exit_code == 0, listed.output
    rows = pq.read_table(tmp_path / "out" / "accounts.parquet").to_pylist()
    return (
        json.loads(scored.stdout),
        {(r["platform"], r["author_id"], r["handle"]) for r in rows},
        {(a["platform"], a["id"], a["handle"]) for a in json.loads(listed.stdout)},
    )


def test_anonymized_twcs_customers_make_no_account_as_in_the_store(tmp_path: Path) -> None:
    # The customers of the TWCS CSV are numbers, not handles: the import stores their posts
    # without an account, so score's accounts.parquet must not list them with an empty handle.
    csv = Path(__file__).parent / "fixtures" / "twcs" / "support.csv"
    summary, scored, stored = _accounts_of_score_and_import(csv, tmp_path)
    assert scored == stored == {("x", "acmehelp", "AcmeHelp"), ("x", "betaship", "BetaShip")}
    assert summary["accounts"] == 2
    assert summary["anonymized_posts"] == 3  # twcs:10, 12 (customer 900001), 21 (900002)
    assert summary["without_author"] == 0
    posts = pq.read_table(tmp_path / "out" / "posts").to_pylist()
    assert len(posts) == summary["posts"] == 6  # every post keeps its row
    assert sorted(p["author_id"] for p in posts if not p["author_handle"]) == [
        "twcs:900001",
        "twcs:900001",
        "twcs:900002",
    ]
    accounts = pq.read_table(tmp_path / "out" / "accounts.parquet").to_pylist()
    assert sum(r["posts"] for r in accounts) == summary["posts"] - summary["anonymized_posts"]
    # the brand still counts the customer it answered as an account engaged
    (acme,) = [r for r in accounts if r["author_id"] == "acmehelp"]
    assert acme["replies"] == 2 and acme["accounts_engaged_90d"] == 1

    from typer.testing import CliRunner

    from staffpulse.cli import app

    told = CliRunner().invoke(app, ["score", str(csv), "-o", str(tmp_path / "again")])
    assert told.exit_code == 0, told.output
    said = " ".join(told.output.split())
    assert "Scored 6 posts of 2 accounts" in said
    assert "3 posts by anonymized customers" in said


def test_the_real_twcs_sample_gives_the_accounts_of_its_import(
    tmp_path: Path, shared_data: Path
) -> None:
    csv = shared_data / "conversations" / "twcs_customer_support_sample" / "sample.csv"
    if not csv.is_file():
        pytest.skip(f"{csv} is absent")
    summary, scored, stored = _accounts_of_score_and_import(csv, tmp_path)
    assert scored == stored and len(stored) == summary["accounts"] > 0
    assert all(handle for _platform, _id, handle in scored)
    assert summary["anonymized_posts"] > 0
    assert summary["posts"] == summary["anonymized_posts"] + sum(
        r["posts"] for r in pq.read_table(tmp_path / "out" / "accounts.parquet").to_pylist()
    )


def test_a_thread_of_job_ads_gives_the_same_mix_in_score_and_audit(tmp_path: Path) -> None:
    # The replies continuing the account's own thread are its own posts to Mix in both
    # commands: score counted only its two opening posts, and called the feed clean.
    ads = [
        "We're hiring a forklift operator in Dayton! Apply now: https://j.example/1",
        "We're hiring a night-shift welder in Akron. Apply now: https://j.example/2",
        "We're hiring a warehouse lead in Toledo! Apply today: https://j.example/3",
    ]
    records = [_post(0, HUMAN[0]), _post(1, HUMAN[2])]
    records += [
        _post(2 + n, text, kind="reply", reply_to_id=str(1 + n), reply_to_author="hireloop")
        for n, text in enumerate(ads)
    ]
    row, audit = _score_and_audit(tmp_path, records)
    mix = audit["pillars"]["mix"]
    assert row["replies_to_self"] == 3 and row["originals"] == 2
    assert row["mix_posts"] == mix["evidence"]["original_posts"] == 5
    assert row["job_ads"] == mix["evidence"]["job_ads"] == 3
    assert row["mix"] == pytest.approx(mix["score"], abs=0.5)
