"""`staffpulse inbox snooze`: "not now, remind me later" from the command line (the marks'
commands, cli/inbox_marks.py). The snooze says when it ends, in words and in JSON;
the inbox then counts and lists it with its date and id, in the terminal and in --json;
reopen brings it back; a date that cannot be a snooze's end is refused with what to type."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from listen_helpers import fake_post_models, runner
from staffpulse.cli.app import app
from staffpulse.dates import format_day
from staffpulse.models import Account, Post
from staffpulse.sources.base import provenance
from staffpulse.store import open_store

fake_models = pytest.fixture(fake_post_models, autouse=True, name="fake_models")
NOW = datetime.now(UTC)


def _store(tmp_path: Path) -> str:
    """Two questions to join and the firm ``acme``, read once by the inbox as a user would."""
    db = tmp_path / "marks.db"
    posts = [
        Post(platform="x", id="600", author_id="u4", author_handle="ana",
             text="HR folks: how do you run onboarding for remote hires?",
             created_at=NOW - timedelta(hours=2)),
        Post(platform="x", id="700", author_id="u5", author_handle="ben",
             text="Recruiters, how do you handle counteroffers from candidates?",
             created_at=NOW - timedelta(hours=3)),
    ]  # fmt: skip
    with open_store(db) as store:
        store.upsert([Account(platform="x", id="9", handle="Acme"), *posts], provenance("t", "f"))
    assert runner.invoke(app, ["inbox", "--db", str(db)]).exit_code == 0
    return str(db)


def test_snooze_says_when_it_ends_and_the_inbox_lists_it(tmp_path: Path) -> None:
    db = _store(tmp_path)
    # the command's week, not the module's NOW: a run crossing midnight UTC moves the day
    week = datetime.now(UTC) + timedelta(days=7)
    done = runner.invoke(app, ["inbox", "snooze", "600", "--as", "acme", "--db", db])
    assert done.exit_code == 0, done.output
    assert f"Snoozed the X conversation 600 for @acme until {format_day(week)}" in done.stdout
    assert "for @acme" in done.stdout
    assert "or sooner if someone posts in it" in done.stdout
    # named as it runs: this store, this firm ("reopen 600" alone undid no mark of acme's)
    reopen = f"staffpulse --db {db} inbox reopen 600 --as acme"
    assert f"{reopen} brings it back now" in " ".join(done.stdout.split())
    shown = runner.invoke(app, ["inbox", "--as", "acme", "--db", db])
    assert "id: 700" in shown.stdout and "id: 600" in shown.stdout  # 600 only in the list
    listed = shown.stdout.split("Snoozed:", 1)[1]
    assert listed.startswith(" 1 conversation (back in the inbox on its date")
    assert "@ana: HR folks: how do you run onboarding" in listed
    assert f"until {format_day(week)}" in listed and "id: 600" in listed
    # the hint, on this store and for this firm
    assert f"staffpulse --db {db} inbox --as acme snooze ID" in shown.stdout
    data = json.loads(runner.invoke(app, ["inbox", "--as", "acme", "--db", db, "--json"]).stdout)
    assert [i["conversation_id"] for i in data["items"]] == ["700"]
    assert data["counts"]["snoozed"] == 1
    (snoozed,) = data["snoozed"]
    assert snoozed["conversation_id"] == "600" and snoozed["until"].startswith(f"{week:%Y-%m-%d}T")
    page = tmp_path / "inbox.html"
    runner.invoke(app, ["inbox", "--as", "acme", "--db", db, "--html", str(page)])
    assert "already joined · 1 conversation snoozed" in " ".join(
        page.read_text(encoding="utf-8").split()
    )
    # another firm's inbox still offers it
    other = json.loads(runner.invoke(app, ["inbox", "--db", db, "--json"]).stdout)
    assert other["counts"]["snoozed"] == 0 and len(other["items"]) == 2


def test_snooze_until_a_date_in_json_and_reopen(tmp_path: Path) -> None:
    db = _store(tmp_path)
    day = (NOW + timedelta(days=10)).date().isoformat()
    done = runner.invoke(app, ["inbox", "snooze", "700", "--until", day, "--db", db, "--json"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout) == {
        "platform": "x",
        "conversation_id": "700",
        "state": "snoozed",
        "previous_state": "open",
        "account": None,
        "account_found": None,
        "until": f"{day}T00:00:00Z",
    }
    reopened = runner.invoke(app, ["inbox", "reopen", "700", "--db", db, "--json"])
    mark = json.loads(reopened.stdout)
    assert (mark["previous_state"], mark["state"]) == ("snoozed", "open")
    data = json.loads(runner.invoke(app, ["inbox", "--db", db, "--json"]).stdout)
    assert data["counts"]["snoozed"] == 0 and data["snoozed"] == [] and len(data["items"]) == 2


def test_everything_snoozed_says_so_rather_than_listen_first(tmp_path: Path) -> None:
    db = _store(tmp_path)
    for conversation in ("600", "700"):
        runner.invoke(app, ["inbox", "snooze", conversation, "--days", "2", "--db", db])
    shown = runner.invoke(app, ["inbox", "--db", db])
    assert "Nothing left to join: every conversation is joined, dismissed or snoozed." in (
        shown.stdout
    )
    assert "Listen first" not in shown.stdout


def test_a_snooze_that_cannot_end_well_is_refused_with_what_to_type(tmp_path: Path) -> None:
    db = _store(tmp_path)
    for args, said in (
        (["--days", "0"], "--days 0 is out of range: a snooze lasts 1 to 366 days"),
        (["--until", "2020-01-01"], "--until 2020-01-01 is not in the future"),
        (["--until", "next week"], "--until 'next week' is not a date"),
    ):
        refused = runner.invoke(app, ["inbox", "snooze", "600", *args, "--db", db])
        assert refused.exit_code == 65 and said in refused.output, refused.output
    unknown = runner.invoke(app, ["inbox", "snooze", "12345", "--db", db])
    assert unknown.exit_code == 66 and "no conversation '12345' in the store" in unknown.output
    # nothing was snoozed by the refusals
    data = json.loads(runner.invoke(app, ["inbox", "--db", db, "--json"]).stdout)
    assert data["counts"]["snoozed"] == 0


def test_a_reopen_with_nothing_to_undo_names_the_firm_whose_mark_still_hides_it(
    tmp_path: Path,
) -> None:
    """QA: dismissed --as acme, then "reopen 600" without --as said "it had no mark, nothing
    to undo", and acme's inbox still hid it; the line now says whose mark holds and what to
    type."""
    db = _store(tmp_path)
    assert (
        runner.invoke(app, ["inbox", "dismiss", "600", "--as", "acme", "--db", db]).exit_code == 0
    )
    plain = runner.invoke(app, ["inbox", "reopen", "600", "--db", db])
    assert plain.exit_code == 0, plain.output
    assert "nothing to undo" in plain.stdout
    reopen = f"staffpulse --db {db} inbox reopen 600 --as acme"
    assert f"@acme dismissed it: {reopen} reopens it" in plain.stdout
    data = json.loads(runner.invoke(app, ["inbox", "reopen", "600", "--db", db, "--json"]).stdout)
    assert data["other_firms"] == {"acme": "dismissed"}
    done = runner.invoke(app, ["inbox", "reopen", "600", "--as", "acme", "--db", db])
    assert (
        "Reopened the X conversation 600 for @acme." in done.stdout
        and "dismissed it" not in done.stdout
    )
    again = runner.invoke(app, ["inbox", "reopen", "600", "--db", db])
    assert "dismissed it" not in again.stdout


def test_options_given_to_inbox_before_the_mark_command_are_used_or_refused(
    tmp_path: Path,
) -> None:
    """QA: "inbox --db FILE dismiss ID" marked in the default store and "inbox --as acme
    dismiss ID" for no firm, both without a word: the group read the options, the command
    never saw them. --as, --platform, --db and --json now carry; a listing option is refused."""
    db = _store(tmp_path)
    done = runner.invoke(app, ["inbox", "--db", db, "--as", "acme", "dismiss", "600"])
    assert done.exit_code == 0, done.output
    assert "Dismissed the X conversation 600 for @acme. Only @acme's inbox changes." in done.stdout
    data = json.loads(runner.invoke(app, ["inbox", "--as", "acme", "--db", db, "--json"]).stdout)
    assert [i["conversation_id"] for i in data["items"]] == ["700"]
    as_json = runner.invoke(app, ["inbox", "--json", "--db", db, "reopen", "600", "--as", "acme"])
    assert json.loads(as_json.stdout)["previous_state"] == "dismissed"
    refused = runner.invoke(app, ["inbox", "--limit", "3", "--db", db, "dismiss", "600"])
    assert refused.exit_code == 2
    said = " ".join(refused.output.replace("│", " ").split())
    assert "--limit sets what 'staffpulse inbox' lists, not 'inbox dismiss': leave it out" in said
    data = json.loads(runner.invoke(app, ["inbox", "--db", db, "--json"]).stdout)
    assert len(data["items"]) == 2  # the refused dismiss marked nothing


def test_the_hints_of_an_inbox_for_a_firm_mark_for_that_firm(tmp_path: Path) -> None:
    """The hints under "inbox --as acme" read "inbox --as acme dismiss ID": run as printed,
    the mark is acme's, not a mark of no firm that no audit counts."""
    db = _store(tmp_path)
    shown = runner.invoke(app, ["inbox", "--as", "acme", "--db", db])
    hint = f"staffpulse --db {db} inbox --as acme mark-joined ID"
    assert hint in shown.stdout
    done = runner.invoke(app, hint.replace("ID", "700").split()[1:])
    assert (
        "Marked the X conversation 700 as joined for @acme. Only @acme's inbox changes, and its audit counts it as joined."
        in done.stdout
    )


def test_a_firms_reopen_of_a_mark_for_every_inbox_says_it_opens_everywhere(
    tmp_path: Path,
) -> None:
    """QA: after "inbox dismiss 600" (every inbox), "inbox reopen 600 --as acme" said "Only
    @acme's inbox changes", but it undid the mark of every inbox: 600 was back everywhere."""
    db = _store(tmp_path)
    assert runner.invoke(app, ["inbox", "dismiss", "600", "--db", db]).exit_code == 0
    reopened = runner.invoke(app, ["inbox", "reopen", "600", "--as", "acme", "--db", db])
    assert reopened.exit_code == 0, reopened.output
    said = " ".join(reopened.stdout.split())
    assert "Reopened the X conversation 600 for @acme." in said
    assert "It is open in every inbox again" in said and "Only @acme's" not in said
    everyone = runner.invoke(app, ["inbox", "--db", db, "--keep-new"])
    assert "id: 600" in everyone.stdout  # as said: back in the inbox of no firm too
    # a firm's own mark alone: its reopen changes its inbox alone, as before
    runner.invoke(app, ["inbox", "dismiss", "700", "--as", "acme", "--db", db])
    own = runner.invoke(app, ["inbox", "reopen", "700", "--as", "acme", "--db", db])
    assert "Only @acme's inbox changes." in " ".join(own.stdout.split())


def test_the_inbox_lists_what_was_dismissed_with_how_to_bring_it_back(tmp_path: Path) -> None:
    """QA: after "inbox dismiss ID" the footer said how many were joined and snoozed, never
    dismissed: one dismissed by mistake was gone, with no id and no word of reopen."""
    db = _store(tmp_path)
    assert (
        runner.invoke(app, ["inbox", "dismiss", "600", "--as", "acme", "--db", db]).exit_code == 0
    )
    shown = runner.invoke(app, ["inbox", "--as", "acme", "--db", db]).stdout
    listed = " ".join(shown.split("Dismissed:", 1)[1].split())
    reopen = f"staffpulse --db {db} inbox --as acme reopen ID"
    assert listed.startswith(f"1 conversation (to bring one back: {reopen})")
    assert "HR folks: how do you run onboarding for remote hires? (id: 600)" in listed
    runner.invoke(app, ["inbox", "reopen", "600", "--as", "acme", "--db", db])
    assert "Dismissed:" not in runner.invoke(app, ["inbox", "--as", "acme", "--db", db]).stdout


def test_a_mark_for_a_misspelt_firm_is_refused_with_the_close_handle(tmp_path: Path) -> None:
    db = _store(tmp_path)
    typo = runner.invoke(app, ["inbox", "dismiss", "600", "--as", "@acmee", "--db", db])
    assert typo.exit_code == 66
    assert "did you mean @Acme (x)?" in " ".join(typo.output.split())
    as_json = runner.invoke(app, ["inbox", "dismiss", "600", "--as", "acmee", "--db", db, "--json"])
    assert json.loads(as_json.stdout)["error"]["exit_code"] == 66
    # nothing was filed: the inbox still lists it
    shown = json.loads(runner.invoke(app, ["inbox", "--db", db, "--json"]).stdout)
    assert "600" in [item["conversation_id"] for item in shown["items"]]
