"""Followers-only and direct Mastodon statuses are no public conversations: the inbox leaves
out the conversations they open, never quotes them as a thread's work talk, and counts them
under their own reason in the terminal, --json, --html and on the dashboard's page.

The statuses are hand-written API responses (GET /api/v1/timelines/..., the documented Status
entity: ``visibility`` is public, unlisted, private or direct), imported as a user would."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from _listen_fakes import FakeScorer
from staffpulse.audit.followers_only import followers_only_ids
from staffpulse.cli.app import app
from staffpulse.ingest import import_paths
from staffpulse.listen import inbox as inbox_module
from staffpulse.listen.inbox import build_inbox
from staffpulse.models import Account
from staffpulse.store import open_store
from staffpulse.store.visibility import not_public_ids

INSTANCE = "hr.social"
NOW = datetime.now(UTC)
NOTE = "2 followers-only or direct posts (not public)"
PRIVATE_TEXT = "Anyone hiring recruiters in Leeds? Asking for a friend"
DIRECT_TEXT = "how did the interview go with the new candidates?"
PRIVATE_REPLY = "Our recruiting team watched it from the office with the candidates"


def _account(name: str) -> dict[str, Any]:
    return {
        "id": f"{name}-id",
        "username": name,
        "acct": name,
        "url": f"https://{INSTANCE}/@{name}",
        "display_name": name.title(),
        "note": "",
    }


def _status(
    sid: str, name: str, text: str, visibility: str = "public", reply_to: str | None = None
) -> dict[str, Any]:
    return {
        "id": sid,
        "uri": f"https://{INSTANCE}/users/{name}/statuses/{sid}",
        "url": f"https://{INSTANCE}/@{name}/{sid}",
        "created_at": (NOW - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "content": f"<p>{text}</p>",
        "visibility": visibility,
        "account": _account(name),
        "in_reply_to_id": reply_to,
        "in_reply_to_account_id": None,
        "mentions": [],
        "tags": [],
        "replies_count": 0,
        "reblogs_count": 0,
        "favourites_count": 0,
    }


def timeline() -> list[dict[str, Any]]:
    return [
        _status("1", "ana", "How do you keep candidates warm during long interview loops?"),
        _status("2", "ben", PRIVATE_TEXT, visibility="private"),
        _status("3", "cam", f"@dee {DIRECT_TEXT}", visibility="direct"),
        _status("4", "eve", "Lovely sunset over the harbour tonight"),
        # the only work talk under a public post is shared with followers only
        _status("5", "fay", PRIVATE_REPLY, visibility="private", reply_to="4"),
        # unlisted: public, only kept off the public timelines
        _status("6", "gus", "What do recruiters look for in a portfolio?", visibility="unlisted"),
    ]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "timeline.json"
    path.write_text(json.dumps(timeline()), encoding="utf-8")
    db = tmp_path / "s.db"
    with open_store(db) as store:
        import_paths(store, [path])
    return db


@pytest.fixture(autouse=True)
def fake_models(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inbox_module, "load_text_signals_or_none", FakeScorer)
    monkeypatch.setattr(inbox_module, "load_role_model_or_none", lambda: None)


def test_the_statuses_not_shared_publicly_are_read_from_their_payloads(db: Path) -> None:
    with open_store(db) as store:
        ids = [f"{INSTANCE}:{n}" for n in "123456"]
        hidden = not_public_ids(store, "mastodon", post_ids=ids)
        ben = Account(platform="mastodon", id=f"https://{INSTANCE}/@ben", handle="ben")
        audit_hidden = followers_only_ids(store, ben)
    assert hidden == {f"{INSTANCE}:2", f"{INSTANCE}:3", f"{INSTANCE}:5"}
    assert audit_hidden == {f"{INSTANCE}:2"}  # the audit reads the same, for one account


def test_the_inbox_leaves_them_out_counts_them_and_never_quotes_them(db: Path) -> None:
    with open_store(db) as store:
        result = build_inbox(store, max_age=None)
    assert {i.conversation_id for i in result.items} == {f"{INSTANCE}:1", f"{INSTANCE}:6"}
    assert result.left_out == {"followers_only": 2, "off_work": 1}
    assert result.counts["left_out"] == 3
    assert (
        f"left out {NOTE} and 1 conversation not about work: not conversations to join"
        in result.notes
    )
    said = json.dumps(result.as_dict())
    for text in (PRIVATE_TEXT, DIRECT_TEXT, PRIVATE_REPLY):
        assert text not in said


def test_the_cli_says_why_in_text_json_and_html(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    shown = runner.invoke(app, ["--db", str(db), "inbox", "--max-age", "0"])
    assert shown.exit_code == 0, shown.output
    words = " ".join(shown.output.split())
    assert NOTE in words and "keep candidates warm" in words
    as_json = runner.invoke(app, ["--db", str(db), "inbox", "--max-age", "0", "--json"])
    data = json.loads(as_json.stdout)
    assert data["left_out"]["followers_only"] == 2
    page = tmp_path / "inbox.html"
    runner.invoke(app, ["--db", str(db), "inbox", "--max-age", "0", "--html", str(page)])
    report = page.read_text(encoding="utf-8")
    assert NOTE in report
    for text in (PRIVATE_TEXT, DIRECT_TEXT, PRIVATE_REPLY):
        assert text not in shown.output and text not in as_json.stdout and text not in report


def test_the_dashboard_inbox_says_why_and_never_quotes_them(db: Path) -> None:
    pytest.importorskip("fastapi")
    from web_helpers import make_client

    with make_client(db) as client:
        page = client.get("/inbox?max_age=0").text
    assert "keep candidates warm" in page and NOTE in page
    for text in (PRIVATE_TEXT, DIRECT_TEXT, PRIVATE_REPLY):
        assert text not in page


def test_marked_ones_are_never_listed_or_quoted_either(db: Path) -> None:
    from staffpulse.listen.states import set_state

    with open_store(db) as store:
        build_inbox(store, max_age=None)  # judged, as before any mark
        set_state(store, f"{INSTANCE}:2", "joined", "mastodon", None)
        set_state(store, f"{INSTANCE}:3", "dismissed", "mastodon", None)
        result = build_inbox(store, max_age=None)
    assert result.joined == [] and result.counts["joined"] == 0
    assert result.left_out["followers_only"] == 1  # the joined one; the dismissed is not ranked
    assert PRIVATE_TEXT not in json.dumps(result.as_dict())
    pytest.importorskip("fastapi")
    from web_helpers import make_client

    with make_client(db) as client:
        page = client.get("/inbox?max_age=0").text
    assert "a followers-only or direct post: not quoted" in page  # the dismissed one
    assert DIRECT_TEXT not in page and PRIVATE_TEXT not in page


def test_an_own_archive_says_its_followers_only_reply_is_left_out_as_not_public(
    tmp_path: Path,
) -> None:
    # the firm's own replies only: one public, one to its followers only
    path = tmp_path / "own.json"
    path.write_text(json.dumps([
        _status("11", "acme", "@ana We call every candidate on Fridays, even with no news.",
                reply_to="9"),
        _status("12", "acme", "@ben Our recruiters will send you the warehouse shift list",
                visibility="private", reply_to="8"),
    ]), encoding="utf-8")  # fmt: skip
    runner = CliRunner()
    db = tmp_path / "own.db"
    with open_store(db) as store:
        import_paths(store, [path])
    shown = runner.invoke(app, ["--db", str(db), "inbox", "--as", f"acme@{INSTANCE}"])
    assert shown.exit_code == 0, shown.output
    words = " ".join(shown.output.split())
    assert (
        "2 conversations you replied in, whose other posts aren't stored: 1 listed as joined,"
        " 1 left out as not public)" in words
    )
