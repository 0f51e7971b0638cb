"""The job page's account of an import (web/import_summary.py): the summary sentence and the
result dict, from an ImportReport alone, without the web app."""

from __future__ import annotations

from datetime import UTC, datetime

from staffpulse.ingest import ImportReport
from staffpulse.models import Account, Post, Provenance
from staffpulse.sources.base import EMPTY_FILE, UNKNOWN_FORMAT, Notice, Problem
from staffpulse.sources.x_archive_check import MissingFile
from staffpulse.store import AccountSummary, open_store
from staffpulse.web.import_summary import (
    MAX_PROBLEMS_SHOWN,
    SHOWN_ACCOUNTS,
    SHOWN_FILES_READ_AS,
    accounts_touched,
    describe_import,
    import_summary,
    overlong_handles,
)

TEMP = "/tmp/upload-1/"


def _named(text: str) -> str:
    return text.replace(TEMP, "")


def _summary(handle: str, posts: int = 1, platform: str = "x") -> AccountSummary:
    account = Account(platform=platform, id=handle, handle=handle)
    return AccountSummary(account=account, posts=posts, first_post=None, last_post=None)


def test_the_summary_tells_what_was_new_and_updated() -> None:
    report = ImportReport(accounts=3, follows=2, new_accounts=1, new_follows=2)
    report.updated_profiles = 1
    assert import_summary(report) == (
        "Read 3 accounts and 2 follows: 1 new account and 2 new follows and 1 profile updated."
    )
    same = ImportReport(posts=4, accounts=1)
    assert import_summary(same) == (
        "Read 4 posts and 1 account: all of it was already in the store, nothing changed."
    )


def test_posts_removed_as_deleted_on_the_platform_are_told() -> None:
    report = ImportReport(posts=3, accounts=1, not_in_export=2, removed=2)
    assert import_summary(report) == (
        "Read 3 posts and 1 account: all of it was already in the store. Removed 2 posts the "
        "export no longer holds (deleted on the platform)."
    )
    assert describe_import(report, [], ["twitter.zip"], _named)["removed"] == 2


def test_a_file_missing_from_the_archive_is_no_skipped_record() -> None:
    lost = MissingFile(TEMP + "twitter.zip!data/tweets.js", None, "listed ... with 9 tweets", 9)
    report = ImportReport(posts=1, accounts=1, missing_files=[lost])
    result = describe_import(report, [], ["twitter.zip"], _named)
    assert result["missing_files"] == [
        {"file": "twitter.zip!data/tweets.js", "message": "listed ... with 9 tweets", "records": 9}
    ]
    assert (result["skipped"], result["problems"], result["nothing"]) == (0, [], False)


def test_nothing_read_names_the_files() -> None:
    report = ImportReport(problems=[Problem(TEMP + "README.md", None, UNKNOWN_FORMAT)])
    result = describe_import(report, [], ["README.md", "notes.txt"], _named)
    assert result["nothing"] and not result["every_post_skipped"]
    assert result["summary"] == "Nothing could be read from README.md, notes.txt."
    # a file left out whole is listed apart from the records skipped, by the user's name
    assert result["files_skipped"] == [{"file": "README.md", "empty": False, "why": None}]
    assert result["problems"] == []


def test_every_post_skipped_is_a_warning_with_the_reasons() -> None:
    skipped = [Problem(TEMP + "posts.csv", n, "post id clashes") for n in range(2, 5)]
    report = ImportReport(accounts=1, posts_read=3, problems=skipped, skipped=3)
    result = describe_import(report, [], ["posts.csv"], _named)
    assert result["every_post_skipped"] and not result["nothing"]
    assert result["summary"] == (
        "No post could be imported from posts.csv: every one of the 3 posts read was skipped."
    )
    assert [p["file"] for p in result["problems"]] == ["posts.csv"] * 3
    one = ImportReport(accounts=1, posts_read=1)
    assert "the one post read was skipped" in describe_import(one, [], ["a"], _named)["summary"]


def test_long_lists_are_cut_and_counted() -> None:
    many = [Problem(TEMP + "p.jsonl", n, "not valid JSON") for n in range(MAX_PROBLEMS_SHOWN + 7)]
    report = ImportReport(posts=1, new_posts=1, problems=many)
    report.problems.append(Problem(TEMP + "empty.csv", None, EMPTY_FILE))
    report.notices.append(Notice(TEMP + "p.jsonl", "the encoding was guessed"))
    found = [_summary(f"a{n}", posts=n) for n in range(SHOWN_ACCOUNTS + 3)]
    result = describe_import(report, found, ["p.jsonl"], _named)
    assert len(result["problems"]) == MAX_PROBLEMS_SHOWN and result["more_problems"] == 7
    assert result["files_skipped"] == [{"file": "empty.csv", "empty": True, "why": None}]
    assert result["notices"] == [{"file": "p.jsonl", "message": "the encoding was guessed"}]
    assert len(result["accounts"]) == SHOWN_ACCOUNTS and result["more_accounts"] == 3
    assert result["accounts"][0]["audit_url"].startswith("/")
    assert result["summary"] == "Read 1 post: 1 new post."
    assert result["new"] == {"accounts": 0, "posts": 1, "follows": 0}


def test_accounts_without_posts_say_where_they_will_show() -> None:
    report = ImportReport(accounts=35, new_accounts=35)
    assert describe_import(report, [], ["followers.csv"], _named)["no_posts_yet"]
    again = ImportReport(accounts=35)
    assert not describe_import(again, [], ["followers.csv"], _named)["no_posts_yet"]


def test_a_handle_longer_than_its_platform_allows_is_told() -> None:
    long = "x" * 80
    [said] = overlong_handles([_summary(long), _summary("acme")])
    assert (said["start"], said["length"], said["platform"]) == (long[:40], 80, "x")


def test_accounts_touched_are_those_with_posts_among_the_keys() -> None:
    store = open_store(":memory:")
    when = datetime(2026, 3, 1, tzinfo=UTC)
    prov = Provenance(source="test", location="mem", tool_version="t", retrieved_at=when)
    store.upsert(
        [
            Account(platform="x", id="1", handle="acme"),
            Account(platform="x", id="2", handle="quiet"),
            Post(platform="x", id="p", author_id="1", text="hi"),
        ],
        prov,
    )
    shown, total = accounts_touched(store, {("x", "1"), ("x", "2")})
    assert total == 1 and [s["handle"] for s in shown] == ["acme"]


def test_a_problem_that_cost_no_record_is_a_note_not_a_skipped_record() -> None:
    """Damaged bytes read as U+FFFD cost nothing: the page listed them under "Records we
    skipped (0)"; they are a note, with the line, as the CLI prints them."""
    repaired = Problem(TEMP + "feed.json", 19, "a few bytes are not valid UTF-8", records=0)
    bad = Problem(TEMP + "stream.jsonl", 8, "not valid JSON")
    report = ImportReport(posts=59, accounts=50, skipped=1, problems=[repaired, bad])
    report.notices.append(Notice(TEMP + "feed.json", "read as Windows-1252"))
    result = describe_import(report, [], ["feed.json"], _named)
    assert [p["file"] for p in result["problems"]] == ["stream.jsonl"]
    assert result["notices"] == [
        {"file": "feed.json, line 19", "message": "a few bytes are not valid UTF-8"},
        {"file": "feed.json", "message": "read as Windows-1252"},
    ]


def test_the_files_read_are_named_by_format_as_the_cli_names_them() -> None:
    """The CLI prints "read FILE as FORMAT"; the page said nothing of it, so a CSV read as
    another format than meant went unseen. The same file chosen twice is named once."""
    files = [(TEMP + f"part{i}.jsonl", "twarc2 / X API v2 JSON") for i in range(7)]
    files += [(TEMP + "posts.csv", "staffpulse CSV"), (TEMP + "posts.csv", "staffpulse CSV")]
    report = ImportReport(posts=9, accounts=2, files=files)
    result = describe_import(report, [], ["part0.jsonl", "posts.csv"], _named)
    assert result["read_as"] == [
        {
            "label": "twarc2 / X API v2 JSON",
            "files": [f"part{i}.jsonl" for i in range(SHOWN_FILES_READ_AS)],
            "more": 7 - SHOWN_FILES_READ_AS,
        },
        {"label": "staffpulse CSV", "files": ["posts.csv"], "more": 0},
    ]
