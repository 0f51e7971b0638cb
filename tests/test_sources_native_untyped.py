"""Records of staffpulse's own fields with no "type" (staffpulse.sources.native_untyped): a
JSONL of ``id,author,text`` imports as the CSV of the same columns does (platform csv), and
other tools' JSON, a cohort or staffpulse's own list of accounts is never taken for one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.sources import detect
from staffpulse.sources.native import NativeJsonl
from staffpulse.sources.native_untyped import untyped_kind

SAID = "Our night team in Leeds is growing, two forklift drivers wanted"

# Records a person writes from a sheet: read, by the rule of the CSV's header
READ = [
    ({"id": "1", "author": "northwind_jobs", "text": SAID}, "post"),
    ({"id": 7, "username": "northwind_jobs", "text": SAID}, "post"),
    ({"id": "1", "author_id": "4242", "text": SAID}, "post"),
    ({"id": "1", "author_handle": "northwind_jobs", "text": SAID, "likes": 3}, "post"),
    ({"id": "1", "screen_name": "nw", "text": SAID, "created_at": "2026-03-01T09:00:00Z"}, "post"),
    ({"id": "1", "handle": "northwind_jobs", "text": SAID}, "post"),  # the handle as author
    ({"id": "1", "user": "northwind_jobs", "text": SAID, "platform": "bluesky"}, "post"),
    ({"id": "1", "author": "nw", "text": SAID, "hashtags": ["jobs", "leeds"]}, "post"),
    ({"id": "1", "author": "nw", "text": "", "reposted_id": "9", "lang": None}, "post"),
    ({"handle": "northwind_jobs", "bio": "Temp and perm roles in Leeds"}, "account"),
    ({"handle": "northwind_jobs", "description": "Temp roles", "followers": 12}, "account"),
    ({"handle": "harbor_talent", "platform": "x", "display_name": "Harbor"}, "account"),
    ({"handle": "harbor_talent", "verified": True, "post_count": 40.0}, "account"),
]
# Other JSON: left to its own source, or told what it lacks
NOT_READ: list[Any] = [
    {"type": "post", "id": "1", "author": "nw", "text": SAID},  # typed: read as it always was
    {"id": "1", "text": SAID},  # no author: posts of no account, sent to classify
    {"id": "1", "name": "Northwind Jobs", "text": SAID},  # a display name is no handle
    {"id": "1", "author": "nw", "full_text": SAID},  # the text under another name: told
    {"handle": "northwind_jobs", "tweet": SAID},  # the same
    {"id": 1, "text": SAID, "user": {"screen_name": "nw"}},  # an X API v1.1 tweet
    {"id": "1", "author": "nw", "text": SAID, "entities": {"hashtags": []}},  # nested
    {"id": "1", "author": "nw", "text": SAID, "mentions": [{"handle": "a"}]},  # a list of objects
    {"data": [{"id": "1", "text": SAID}], "includes": {"users": []}},  # a twarc2 page
    {"id": "1", "content": "<p>hi</p>", "account": {"acct": "nw"}},  # a Mastodon status
    {"uri": "at://did:plc:abc/app.bsky.feed.post/1", "author": {"handle": "nw.bsky.social"}},
    {"url": "https://x.com/nw/status/1", "content": SAID, "user": {"username": "nw"}},  # snscrape
    {"handle": "northwind_jobs", "platform": "x", "segment": "rival"},  # a benchmark cohort
    # staffpulse accounts --json given back: no account to read from its counts
    {
        "platform": "x",
        "id": "nw",
        "handle": "nw",
        "posts": 3,
        "first_post": None,
        "last_post": None,
    },
    {"id": "1", "job_opening": 0.9, "labels": ["job_opening"]},  # classify's own output
    {"follower": "nw", "followee": "harbor_talent"},  # a follow must say it is one
    {"name": "night shift", "score": 3},  # a config, a report
    ["northwind_jobs", "harbor_talent"],
    "northwind_jobs",
    None,
]


@pytest.mark.parametrize(("record", "kind"), READ)
def test_a_record_of_staffpulse_fields_with_no_type_is_read_as_its_csv_row_would_be(
    record: dict[str, Any], kind: str
) -> None:
    assert untyped_kind(record) == kind


@pytest.mark.parametrize("record", NOT_READ)
def test_other_json_is_not_taken_for_an_untyped_record(record: Any) -> None:
    assert untyped_kind(record) is None


@pytest.mark.parametrize("name", ["posts.jsonl", "posts.json"])
def test_a_jsonl_of_id_author_text_imports_as_the_csv_of_the_same_columns(
    tmp_path: Path, name: str
) -> None:
    """It was refused whole ("add type and platform") while the CSV imported."""
    rows = [
        ("1", "northwind_jobs", SAID),
        ("2", "harbor_talent", "Open day on Friday, all welcome"),
    ]
    records = [{"id": i, "author": a, "text": t} for i, a, t in rows]
    path = tmp_path / name
    if name.endswith(".json"):  # a JSON array, as a sheet converter writes it
        path.write_text(json.dumps(records, indent=2), encoding="utf-8")
    else:
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    sheet = tmp_path / "posts.csv"
    sheet.write_text("id,author,text\n" + "".join(f'{i},{a},"{t}"\n' for i, a, t in rows))
    assert isinstance(detect(path), NativeJsonl)
    runner = CliRunner()
    stores = {}
    for given in (path, sheet):
        db = tmp_path / f"{given.suffix[1:]}.db"
        result = runner.invoke(app, ["import", str(given), "--db", str(db), "--json"])
        assert result.exit_code == 0, result.output
        summary = json.loads(result.stdout)
        assert (summary["imported"]["posts"], summary["skipped"]) == (2, 0)
        listed = runner.invoke(app, ["accounts", "--db", str(db), "--json"])
        stores[given.suffix] = sorted(
            (a["handle"], a["platform"]) for a in json.loads(listed.stdout)
        )
    assert (
        stores[path.suffix]
        == stores[".csv"]
        == [("harbor_talent", "csv"), ("northwind_jobs", "csv")]
    )


def test_untyped_accounts_import_with_their_bio_and_a_bad_record_is_told_on_its_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "people.jsonl"
    path.write_text(
        json.dumps({"handle": "northwind_jobs", "description": "Temp roles in Leeds"})
        + "\n"
        + json.dumps({"display_name": "Harbor Talent"})  # no handle
        + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["import", str(path), "--db", str(tmp_path / "s.db")])
    said = " ".join(result.output.split())
    assert result.exit_code == 0, said
    assert "1 account (1 new)" in said and "Skipped 1 record" in said
    assert "people.jsonl:2: account is missing the required field 'handle'" in said
