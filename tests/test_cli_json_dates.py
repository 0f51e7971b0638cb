"""Every moment a ``--json`` document holds is written one way, UTC to the second:
``2026-03-01T14:05:00Z`` (``cli/json_output.json_text``, the store's ``format_time``). Days are
``2026-03-01`` and months ``2026-03``, and only in the fields that name one. Each command that
takes ``--json`` runs on one small store (the bundled sample cohort), and its whole document is
walked: a script reading any of them reads every date the same way."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

from conftest import FIRM, ServerThread
from staffpulse.cli.app import app

runner = CliRunner()
SAMPLE = Path(__file__).parents[1] / "src" / "staffpulse" / "sample" / "cohort.jsonl"
INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MONTH = re.compile(r"\d{4}-\d{2}")
_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
# anything a script could take for a date or a time: ISO 8601 in any of its forms (with or
# without a zone, a T or a space, fractions of a second), X's and e-mail's, "05 Mar 2026, 14:05"
DATE_LIKE = re.compile(
    r"\d{4}-\d{1,2}(-\d{1,2})?([T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?"
    rf"|((Mon|Tue|Wed|Thu|Fri|Sat|Sun),? )?(\d{{1,2}} )?({_MONTHS}) \d{{1,2}}.*\d{{2}}:\d{{2}}.*",
    re.IGNORECASE,
)
# the fields holding a calendar day (the day of a post, a streak from one day to another) or a
# month (the audit's timeline): the others hold moments
DAY_FIELDS = frozenset({"date", "from", "to"})
MONTH_FIELDS = frozenset({"month"})
# a field named for a time holds text (or null), never a number: an epoch would pass unseen
# (connect's looked_at counts accounts)
TIME_NAME = re.compile(r"((?<!^looked)_at|_time|_post|_activity|^as_of|^since|^until|^date|^when)$")


def date_problems(document: Any, path: str = "$", key: str = "") -> Iterator[str]:
    """Each value of ``document`` that is a date or a time in another form than its field's."""
    if isinstance(document, dict):
        for name, value in document.items():
            if DATE_LIKE.fullmatch(str(name)):  # a date as a key: by_month {"2026-03": ...}
                yield f"{path}: key {name!r}"
            yield from date_problems(value, f"{path}.{name}", str(name))
    elif isinstance(document, list):
        for value in document:
            yield from date_problems(value, f"{path}[]", key)
    elif isinstance(document, str) and DATE_LIKE.fullmatch(document.strip()):
        form = DAY if key in DAY_FIELDS else MONTH if key in MONTH_FIELDS else INSTANT
        if not form.fullmatch(document):
            yield f"{path} = {document!r}"
    elif document is not None and TIME_NAME.search(key):
        yield f"{path} = {document!r} (a time as a {type(document).__name__})"


def moments(document: Any) -> set[str]:
    """The paths of the moments in ``document``: a check that found none checked nothing."""
    if isinstance(document, dict):
        return {f".{k}{p}" for k, v in document.items() for p in moments(v)}
    if isinstance(document, list):
        return {f"[]{p}" for v in document for p in moments(v)}
    return {""} if isinstance(document, str) and INSTANT.fullmatch(document) else set()


def test_the_check_catches_every_other_form_of_a_date() -> None:
    wrong = {
        "generated_at": "2026-11-27T03:00:00+00:00",
        "items": [{"created_at": "2026-11-27T03:00:00"}, {"created_at": "2026-11-27T03:00:00.5Z"}],
        "last_post": "2026-11-27",
        "as_of": 1_795_748_400,
        "said": "Wed Oct 10 20:19:24 +0000 2018",
        "shown": "27 Nov 2026, 03:00 UTC",
        "by_month": {"2026-11": 3},
        "date": "2026-11-27T03:00:00Z",  # a day field holding a moment
    }
    found = list(date_problems(wrong))
    assert len(found) == 9, found
    right = {"generated_at": "2026-11-27T03:00:00Z", "date": "2026-11-27", "month": "2026-11"}
    right |= {"note": "ranked as of 27 Nov 2026, 03:00 UTC, an hour ago", "count": 3}
    assert list(date_problems(right)) == []


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("json") / "sample.db"
    result = runner.invoke(app, ["import", str(SAMPLE), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def _json(args: list[str], code: int = 0) -> Any:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == code, result.output
    return json.loads(result.stdout)


# each command run, and the moments its document must hold (so that the walk has something to check)
RUNS: list[tuple[str, list[str], set[str]]] = [
    ("stats", ["stats"], set()),
    ("accounts", ["accounts"], {"[].first_post", "[].last_post"}),
    ("audit", ["audit", "brightpathstaff"], {".generated_at", ".window.last_post"}),
    ("audit --since", ["audit", "harborline", "--since", "2026-06-01"], {".window.since"}),
    ("benchmark", ["benchmark"], {".generated_at", ".leaderboard[].last_post"}),
    ("connect", ["connect", "harborline"], {".as_of"}),
    ("connect --role any", ["connect", "harborline", "--role", "any"], {".as_of"}),
    ("inbox", ["inbox"], {".generated_at", ".ranked_as_of", ".items[].last_activity"}),
    ("inbox --as", ["inbox", "--as", "harborline"], {".items[].opening.created_at"}),
]


@pytest.mark.parametrize(("args", "expected"), [r[1:] for r in RUNS], ids=[r[0] for r in RUNS])
def test_each_command_writes_its_moments_one_way(
    sample_db: Path, args: list[str], expected: set[str]
) -> None:
    document = _json([*args, "--db", str(sample_db)])
    assert list(date_problems(document)) == []
    assert expected <= moments(document)


def _posts_file(folder: Path, author: str, days: list[str]) -> Path:
    """A JSONL file of one post by ``author`` on each day, each a reply to @peer."""
    posts = folder / f"{author}.jsonl"
    lines = [json.dumps({"type": "account", "platform": "x", "handle": author})]
    for n, day in enumerate(days):
        post = {"type": "post", "platform": "x", "id": f"{author}-{n}", "author": author}
        post |= {"text": f"@peer Good point on onboarding, week {n}", "created_at": day}
        lines.append(json.dumps(post | {"mentions": ["peer"]}))
    posts.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return posts


def test_an_audit_and_the_one_before_it_write_their_moments_alike(
    sample_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(sample_db.read_bytes())  # this one changes: the others keep the sample
    _json(["audit", "mia_recruits", "--db", str(db)])
    more = _posts_file(tmp_path, "mia_recruits", ["2026-11-20T08:00"])
    imported = _json(["import", str(more), "--db", str(db)])
    assert list(date_problems(imported)) == []
    document = _json(["audit", "mia_recruits", "--db", str(db)])
    assert list(date_problems(document)) == []
    assert {".generated_at", ".previous.generated_at"} <= moments(document)


def test_the_audit_of_an_account_gone_quiet_dates_its_last_active_window(tmp_path: Path) -> None:
    days = [f"2021-{month:02d}-1{month % 10} 09:30" for month in range(1, 13)]
    db = str(tmp_path / "old.db")
    _json(["import", str(_posts_file(tmp_path, "oldfirm", days)), "--db", db])
    document = _json(["audit", "oldfirm", "--db", db])
    assert list(date_problems(document)) == []
    evidence = ".pillars.conversation.evidence"
    assert {f"{evidence}.last_active_90d.until", ".window.first_post"} <= moments(document)


def test_the_commands_for_scripts_around_connect_and_the_inbox(
    sample_db: Path, tmp_path: Path
) -> None:
    db = str(sample_db)
    handles = tmp_path / "sent-in.txt"
    handles.write_text("@someone_new\nanother.bsky.social\n", encoding="utf-8")
    added = _json(["add-handles", str(handles), "--no-fetch", "--db", db])
    listed = _json(["add-handles", "--list", "--db", db])
    exported = _json(["connect", "harborline", "--export", "csv", "--output", str(tmp_path / "w.csv"), "--db", db])  # fmt: skip
    inbox = _json(["inbox", "--db", db])
    item = inbox["items"][0]
    where = [item["conversation_id"], "--platform", item["platform"], "--as", "harborline"]
    marks = [_json(["inbox", mark, *where, "--db", db]) for mark in ("snooze", "mark-joined")]
    marks += [_json(["inbox", "--as", "harborline", "--db", db])]  # the joined one with them
    marks += [_json(["inbox", "reopen", *where, "--db", db])]
    for document in (added, listed, exported, *marks):
        assert list(date_problems(document)) == []
    assert "[].added_at" in moments(added["added"]) and moments(listed["pending"])
    assert ".until" in moments(marks[0])  # the snooze's end
    assert ".joined[].opening.created_at" in moments(marks[2])


def test_the_commands_that_read_files(tmp_path: Path) -> None:
    posts = tmp_path / "posts.jsonl"
    post = {"type": "post", "platform": "x", "id": "1", "author": "acme", "text": "Hiring!"}
    posts.write_text(json.dumps(post | {"created_at": "2026-03-01 14:05"}) + "\n", "utf-8")
    imported = _json(["import", str(posts), "--db", str(tmp_path / "s.db")])
    scored = _json(["score", str(posts), "--output", str(tmp_path / "out")])
    unreadable = tmp_path / "face.png"
    unreadable.write_text("not an image", encoding="utf-8")
    avatars = _json(["avatar", str(unreadable)], code=65)  # its list of failures is the document
    for document in (imported, scored, avatars):
        assert list(date_problems(document)) == []


def test_listen_writes_its_counters_and_the_stream_position(tmp_path: Path) -> None:
    from staffpulse.listen.replay import frames_of

    record = {"text": "Staffing agencies are busy", "createdAt": "2026-01-01T00:00:00Z"}
    commit = {"operation": "create", "collection": "app.bsky.feed.post", "rkey": "k1"}
    event = {"did": FIRM, "time_us": 1_767_225_600_000_000, "kind": "commit"}
    keywords = tmp_path / "kw.txt"
    keywords.write_text("staffing\n", encoding="utf-8")
    with ServerThread(frames_of([event | {"commit": commit | {"record": record}}])) as server:
        args = ["listen", "bluesky", "--url", server.url, "--db", str(tmp_path / "l.db")]
        # ends on its one frame; the idle timeout is a safety net (0.5 s ran out on a loaded
        # machine before the frame came)
        args += ["--keywords", str(keywords), "--no-classifier", "--max-events", "1"]
        args += ["--idle-timeout", "30"]
        document = _json(args)
    assert document["kept"] == 1 and list(date_problems(document)) == []
    # Jetstream's cursor is a position in its stream to resume from, not a date for people
    assert document["cursor"] == event["time_us"]


def test_fetch_writes_its_counts(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'[x]\nbase_url = "{httpserver.url_for("").rstrip("/")}"\n', "utf-8")
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(config))
    monkeypatch.setenv("X_BEARER_TOKEN", "token")
    user = {"id": "7", "username": "acme", "name": "Acme", "created_at": "2012-01-01T00:00:00Z"}
    httpserver.expect_request("/2/users/by/username/acme").respond_with_json({"data": user})
    tweet = {"id": "900", "text": "hi", "author_id": "7", "created_at": "2026-03-01T14:05:00Z"}
    httpserver.expect_request(re.compile(r"^/2/users/7/")).respond_with_json({"data": [tweet]})
    args = ["fetch", "x", "acme", "--max-posts", "5", "--max-mentions", "0", "--budget", "1"]
    document = _json([*args, "--db", str(tmp_path / "f.db")])
    assert document["posts"] >= 1 and list(date_problems(document)) == []
