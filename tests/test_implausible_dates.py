"""Posts dated when no post can have been written (a Bluesky app's 0001-01-01, 9999-12-31, the
year 0000; an export's epoch zero): imported whole and told once per file, counted, with where
the first one is; audits leave their dates out of the span and the windows; importing again
adds nothing (staffpulse.implausible_dates, staffpulse.audit.loader)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from audit_helpers import PERSON, FakeScorer
from staffpulse.audit import audit_account
from staffpulse.cli.app import app
from staffpulse.store import open_store

runner = CliRunner()
DID = "did:plc:acmefeed00000000000000"
JANE = "did:plc:janefeed00000000000000"
REAL = ("2026-03-02T10:00:00.000Z", "2026-03-09T10:00:00.000Z", "2026-03-16T10:00:00.000Z")
ODD = ("0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.000Z", "0000-01-01T00:00:00Z")


def feed_item(number: int, created: str) -> dict[str, Any]:
    """One post of a getAuthorFeed page, as the Bluesky API returns it, mentioning jane."""
    return {
        "post": {
            "uri": f"at://{DID}/app.bsky.feed.post/p{number}",
            "cid": f"bafy{number}",
            "author": {"did": DID, "handle": "acme.bsky.social", "displayName": "Acme"},
            "record": {
                "$type": "app.bsky.feed.post",
                "text": f"Post number {number} about our nurses @jane.example.com",
                "createdAt": created,
                "langs": ["en"],
                "facets": [
                    {
                        "index": {"byteStart": 29, "byteEnd": 46},
                        "features": [{"$type": "app.bsky.richtext.facet#mention", "did": JANE}],
                    }
                ],
            },
            "replyCount": 0,
            "repostCount": 0,
            "likeCount": 1,
            "quoteCount": 0,
            "indexedAt": "2026-03-20T10:00:00.000Z",
        }
    }


def write_feed(tmp_path: Path) -> Path:
    path = tmp_path / "feed.json"
    items = [feed_item(n, created) for n, created in enumerate(REAL + ODD)]
    path.write_text(json.dumps({"feed": items}), encoding="utf-8")
    return path


def import_json(db: Path, path: Path) -> dict[str, Any]:
    result = runner.invoke(app, ["import", str(path), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    found: dict[str, Any] = json.loads(result.stdout)
    return found


def test_impossible_dates_are_imported_and_told_once_with_their_count(tmp_path: Path) -> None:
    db, feed = tmp_path / "s.db", write_feed(tmp_path)
    first = import_json(db, feed)
    assert first["skipped"] == 0 and first["new"]["posts"] == 6  # the year 0000 too
    [note] = [n["message"] for n in first["notices"] if "no post can have" in n["message"]]
    assert note.startswith("3 posts are dated before Bluesky existed (2022)")
    assert f"at://{DID}/app.bsky.feed.post/p3: 0001-01-01" in note  # where the first one is
    again = import_json(db, feed)
    assert again["new"] == {"accounts": 0, "posts": 0, "follows": 0}
    with open_store(db) as store:
        stored = store.conn.execute(
            "SELECT COUNT(*), COUNT(raw_id) FROM posts WHERE author_id = ?", (DID,)
        ).fetchone()
    assert tuple(stored) == (6, 6)  # every post kept, with its raw payload


def test_a_csv_line_is_named_and_a_date_after_the_import_is_told(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text(
        "platform,id,author,text,created_at\n"
        "x,1,acme,A real post,2026-03-01T10:00:00Z\n"
        "x,2,acme,Epoch zero,1970-01-01T00:00:00Z\n"
        "x,3,acme,Next year,2099-01-01T00:00:00Z\n",
        encoding="utf-8",
    )
    report = import_json(tmp_path / "s.db", path)
    [note] = [n["message"] for n in report["notices"] if "no post can have" in n["message"]]
    assert note.startswith("2 posts are dated before X existed (2006) or after this import")
    assert "(the first, line 3: 1970-01-01)" in note


def test_plausible_dates_get_no_note(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text(
        "platform,id,author,text,created_at\nx,1,acme,A real post,2026-03-01T10:00:00Z\n",
        encoding="utf-8",
    )
    report = import_json(tmp_path / "s.db", path)
    assert not [n for n in report["notices"] if "no post can have" in n["message"]]


def test_the_audit_spans_only_the_dates_that_can_be_right(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    import_json(db, write_feed(tmp_path))
    with open_store(db) as store:
        result = audit_account(store, "acme.bsky.social", scorer=FakeScorer(), avatar=PERSON)
    assert result.counts["posts"] == 6  # their texts still count
    assert result.window["first_post"] == "2026-03-02T10:00:00Z"
    assert result.window["last_post"] == "2026-03-16T10:00:00Z"
    assert result.reference_time is not None and result.reference_time.year == 2026
    assert [month["month"] for month in result.timeline] == ["2026-03"]
    # said once, counted, in the audit's header
    assert result.caution is not None
    assert result.caution.count("no date that can be right") == 1
    assert "3 of the 6 posts have no date that can be right" in result.caution


def test_the_accounts_list_connect_and_the_contacts_use_only_dates_that_can_be_right(
    tmp_path: Path,
) -> None:
    db = tmp_path / "s.db"
    import_json(db, write_feed(tmp_path))
    with open_store(db) as store:
        [summary] = [s for s in store.list_accounts() if s.account.id == DID]
        edges = [e for e in store.interactions("bluesky") if e.kind == "mention"]
    assert summary.posts == 6
    assert summary.first_post is not None and summary.first_post.isoformat()[:10] == "2026-03-02"
    assert summary.last_post is not None and summary.last_post.isoformat()[:10] == "2026-03-16"
    assert [e.count for e in edges] == [6]  # every post still mentions jane
    assert edges[0].last_seen is not None and edges[0].last_seen.year == 2026
    # connect ranked "as of" the newest post, 9999-12-31, and stopped: "--as-of 9999-12-31 is
    # out of range", an option the user never gave
    ranked = runner.invoke(app, ["connect", "acme.bsky.social", "--db", str(db), "--json"])
    assert ranked.exit_code == 0, ranked.output
    assert json.loads(ranked.stdout)["as_of"].startswith("2026-03-16")
