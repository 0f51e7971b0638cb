"""``inbox mark-joined``, ``dismiss`` and ``reopen`` answer scripts in JSON too, named as
``inbox --json`` names the same things; the inbox's warnings stay one line each in a log;
``listen`` refuses limits that would end it before its first event."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.models import Account, Post
from staffpulse.sources.base import provenance
from staffpulse.store import open_store

runner = CliRunner()


def _store(tmp_path: Path) -> Path:
    """A conversation about work (a reply to post 500, not stored) and the firm ``acme``."""
    db = tmp_path / "archive.db"
    reply = Post(platform="x", id="501", author_id="u1", kind="reply",
                 text="@tessmarlowe How do you keep candidates warm after an offer?",
                 reply_to_post_id="500", reply_to_handle="tessmarlowe",
                 created_at=datetime.now(UTC) - timedelta(hours=1))  # fmt: skip
    firm = Account(platform="x", id="9", handle="Acme")
    with open_store(db) as store:
        store.upsert([firm, reply], provenance("test", "fixture"))
    # shown once, as a user sees the inbox before marking: that judges its posts about work
    assert "id: 500" in runner.invoke(app, ["inbox", "--db", str(db)]).stdout
    return db


def test_a_mark_and_its_undoing_answer_in_json(tmp_path: Path) -> None:
    db = str(_store(tmp_path))
    dismissed = runner.invoke(
        app, ["inbox", "dismiss", "500", "--as", "acme", "--db", db, "--json"]
    )
    assert dismissed.exit_code == 0, dismissed.output
    assert json.loads(dismissed.stdout) == {
        "platform": "x",
        "conversation_id": "500",
        "state": "dismissed",
        "previous_state": "open",
        "account": "Acme",  # the stored handle, as inbox --json names the firm
        "account_found": True,
    }
    reopened = runner.invoke(app, ["inbox", "reopen", "500", "--as", "acme", "--db", db, "--json"])
    mark = json.loads(reopened.stdout)
    assert (mark["state"], mark["previous_state"]) == ("open", "dismissed")
    # the inbox sees it again, under the same names
    shown = json.loads(runner.invoke(app, ["inbox", "--as", "acme", "--db", db, "--json"]).stdout)
    assert [item["conversation_id"] for item in shown["items"]] == ["500"]
    assert shown["account"] == mark["account"]


def test_a_mark_of_no_firm_and_one_of_a_firm_not_stored(tmp_path: Path) -> None:
    db = str(_store(tmp_path))
    anyone = json.loads(
        runner.invoke(app, ["inbox", "mark-joined", "500", "--db", db, "--json"]).stdout
    )
    assert anyone["state"] == "joined"
    assert anyone["account"] is None and anyone["account_found"] is None
    args = ["inbox", "mark-joined", "500", "--as", "ghost", "--db", db, "--json"]
    ghost = runner.invoke(app, args)
    assert json.loads(ghost.stdout)["account_found"] is False
    assert "no account @ghost in the store" in ghost.stderr  # the note stays for people


def test_an_unknown_conversation_is_a_json_error(tmp_path: Path) -> None:
    args = ["inbox", "dismiss", "nope", "--db", str(_store(tmp_path)), "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 66
    assert "no conversation 'nope'" in json.loads(result.stdout)["error"]["message"]


def test_the_unknown_firm_warning_is_one_line_in_a_narrow_log(tmp_path: Path) -> None:
    args = ["inbox", "--as", "ghost", "--db", str(_store(tmp_path))]
    result = runner.invoke(app, args, env={"COLUMNS": "40"})
    assert result.exit_code == 0
    (warning,) = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert warning.endswith("The inbox below is listed without it.")


@pytest.mark.parametrize(
    ("option", "value", "said"),
    [
        ("--cursor", "-5", "--cursor -5: must be 0 (the live tail)"),
        # Jetstream live-tails a cursor in the future: every event would be skipped as older
        ("--cursor", "99999999999999999", "--cursor 99999999999999999: that is"),
        ("--max-events", "0", "--max-events 0: must be 1 or more"),
        ("--idle-timeout", "-1", "--idle-timeout -1: must be more than 0 seconds"),
    ],
)
def test_a_listen_limit_that_would_stop_it_before_any_event_is_refused(
    tmp_path: Path, option: str, value: str, said: str
) -> None:
    # it used to listen to nothing and say "ok"; refused before the store or the network
    db = tmp_path / "s.db"
    args = ["listen", "bluesky", option, value, "--db", str(db), "--url", "ws://127.0.0.1:9"]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 65
    assert json.loads(result.stdout)["error"]["message"].startswith(said)
    assert not db.exists()
