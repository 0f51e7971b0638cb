"""`staffpulse inbox` for a firm, on a replayed Jetstream stream: --as (whose replies mark a
conversation joined, a profile address, a firm not in the store, what names no firm), the
audit's count of the conversations joined, and the marks mark-joined, dismiss and reopen, per
firm."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from conftest import FIRM
from listen_helpers import REPLAY, fake_post_models, replayed_store, runner
from staffpulse.cli.app import app
from staffpulse.config_firm import save_store_firm
from staffpulse.listen.states import joined_conversation_ids, joined_conversations
from staffpulse.models import Account
from staffpulse.sources.base import provenance
from staffpulse.store import open_store

fake_models = pytest.fixture(fake_post_models, autouse=True, name="fake_models")
replayed = pytest.fixture(replayed_store, scope="module", name="replayed")


def test_firm_reply_marks_conversation_joined(replayed: Any) -> None:
    db, truth, _ = replayed
    question = sorted(truth.work_questions)[0]
    result = runner.invoke(
        app, ["inbox", *REPLAY, "--db", str(db), "--json", "--as", "acme-staffing.bsky.social"]
    )
    data = json.loads(result.stdout)
    assert [j["conversation_id"] for j in data["joined"]] == [question]
    assert question not in [i["conversation_id"] for i in data["items"]]
    shown = runner.invoke(
        app, ["inbox", *REPLAY, "--db", str(db), "--as", "acme-staffing.bsky.social"]
    )
    opening = data["joined"][0]["opening"]
    assert "Already joined: 1 conversation" in shown.stdout  # who said what, not a bare id
    # a DID is no handle: no "@" before it (QA I8)
    handle = opening["author_handle"]
    who = f"@{handle}" if handle else "a Bluesky account (open the link)"
    joined_lines = " ".join(shown.stdout.split("Already joined")[1].split())
    assert f"{who}:" in joined_lines and "@did:" not in joined_lines
    assert " ".join(opening["text"].split()[:3]) in joined_lines
    with open_store(db) as store:
        assert joined_conversations(store, "bluesky", FIRM) == 1
        assert joined_conversation_ids(store, "bluesky", FIRM) == [question]
        later = datetime(2030, 1, 1, tzinfo=UTC)
        assert joined_conversations(store, "bluesky", FIRM, since=later) == 0


@pytest.mark.parametrize(
    "typed",
    ["https://bsky.app/profile/acme-staffing.bsky.social", "@acme-staffing.bsky.social (bsky)"],
)
def test_as_reads_a_profile_url_as_audit_and_connect_do(replayed: Any, typed: str) -> None:
    db, truth, _ = replayed
    result = runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--json", "--as", typed])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [j["conversation_id"] for j in data["joined"]] == [sorted(truth.work_questions)[0]]
    assert not any("not in the store" in note for note in data["notes"])


def test_an_unknown_firm_is_warned_of_first_with_what_to_do(replayed: Any, tmp_path: Path) -> None:
    """--as naming no stored account: the inbox is still worth reading (exit 0, unlike audit
    and connect), but the first line says so and what to do, not a dim note among others."""
    db, _, _ = replayed
    result = runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--as", "nosuchfirm"])
    assert result.exit_code == 0, result.output
    err = " ".join(result.stderr.split())
    assert err.startswith("Warning: --as names @nosuchfirm, which is not in the store")
    # the commands it names run on the store given with --db, not on the default one
    assert f"What to do: check the handle (staffpulse --db {db} accounts lists the stored" in err
    assert f"(staffpulse --db {db} import FILE, staffpulse --db {db} fetch PLATFORM HANDLE)" in err
    assert "is not in the store, so its replies are unknown" not in result.stdout
    assert "Topic:" in result.stdout  # the inbox itself
    data = json.loads(
        runner.invoke(
            app, ["inbox", *REPLAY, "--db", str(db), "--as", "nosuchfirm", "--json"]
        ).stdout
    )
    assert data["account_found"] is False and data["items"]
    with open_store(db) as store:  # saved for this store (Settings) before its posts came
        save_store_firm(store, "@ghostfirm")
    by_setting = runner.invoke(app, ["inbox", *REPLAY, "--db", str(db)])
    assert by_setting.exit_code == 0
    first = " ".join(by_setting.stderr.split())
    assert first.startswith(
        "Warning: the firm's account saved for this store names @ghostfirm, which is not"
    )
    assert "correct it in the dashboard's Settings" in first
    with open_store(db) as store:
        save_store_firm(store, None)
    known = runner.invoke(
        app, ["inbox", *REPLAY, "--db", str(db), "--as", "acme-staffing.bsky.social"]
    )
    assert "Warning" not in known.stderr


def test_an_unknown_firm_close_to_a_stored_handle_is_offered_it(replayed: Any) -> None:
    # audit and connect offer the stored handles close to a mistyped one; --as did not
    db, _, _ = replayed
    result = runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--as", "acme-staff"])
    assert result.exit_code == 0, result.output
    err = " ".join(result.stderr.split())
    assert err.startswith("Warning: --as names @acme-staff, which is not in the store")
    assert "Did you mean @acme-staffing.bsky.social (bluesky)?" in err
    far = runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--as", "nosuchfirm"])
    assert "Did you mean" not in far.stderr


def test_as_says_what_names_no_firm_as_the_dashboard_decides(replayed: Any) -> None:
    """--as is read by resolve_firm, as "You post as" is: an address of no profile stops the
    command; one account named on a platform where it is not stored is warned of and not
    taken for its namesake, so the inbox is listed for no firm."""
    db, _, _ = replayed
    bad = runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--as", "https://example.com/a"])
    assert bad.exit_code == 65 and "is not a profile URL staffpulse reads" in bad.output
    typed = "@nosuchfirm (x)"
    shown = runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--as", typed, "--json"])
    assert shown.exit_code == 0
    assert " ".join(shown.stderr.split()).startswith("Warning: --as names @nosuchfirm on x,")
    assert json.loads(shown.stdout)["account"] is None


def test_audit_counts_the_inbox_conversations_the_firm_joined(replayed: Any) -> None:
    db, _, _ = replayed
    runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--json"])  # listening has judged
    result = runner.invoke(app, ["audit", "acme-staffing.bsky.social", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    evidence = json.loads(result.stdout)["pillars"]["conversation"]["evidence"]
    assert evidence["inbox_conversations_joined"] == 1
    shown = runner.invoke(app, ["audit", "acme-staffing.bsky.social", "--db", str(db)])
    assert "Inbox conversations joined" in shown.stdout and "1 conversation" in shown.stdout


def test_mark_joined_dismiss_and_reopen(replayed: Any) -> None:
    db, _, _ = replayed
    first = json.loads(runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--json"]).stdout)[
        "items"
    ]
    target, other = first[0]["conversation_id"], first[1]["conversation_id"]
    assert runner.invoke(app, ["inbox", "dismiss", target, "--db", str(db)]).exit_code == 0
    assert runner.invoke(app, ["inbox", "mark-joined", other, "--db", str(db)]).exit_code == 0
    data = json.loads(runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--json"]).stdout)
    shown = [i["conversation_id"] for i in data["items"]]
    assert target not in shown and other not in shown
    assert other in [j["conversation_id"] for j in data["joined"]]
    with open_store(db) as store:  # marked for no particular firm: no firm's audit counts it
        assert other not in joined_conversation_ids(store, "bluesky", FIRM)
    assert runner.invoke(app, ["inbox", "reopen", target, "--db", str(db)]).exit_code == 0
    assert runner.invoke(app, ["inbox", "reopen", other, "--db", str(db)]).exit_code == 0
    twice = runner.invoke(app, ["inbox", "reopen", other, "--db", str(db)])
    assert twice.exit_code == 0 and "nothing to undo" in " ".join(twice.stdout.split())
    again = json.loads(runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--json"]).stdout)
    assert [i["conversation_id"] for i in again["items"]][:2] == [target, other]
    missing = runner.invoke(app, ["inbox", "dismiss", "at://nope", "--db", str(db)])
    assert missing.exit_code == 66


def test_marks_are_per_firm_in_inbox_and_audit(replayed: Any) -> None:
    db, _, _ = replayed
    items = json.loads(runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--json"]).stdout)[
        "items"
    ]
    target = items[0]["conversation_id"]
    with open_store(db) as store:  # a second client in the same store
        store.upsert(
            [Account(platform="bluesky", id="did:plc:other", handle="other-staffing.bsky.social")],
            provenance("test", "fixture"),
        )
    marked = runner.invoke(
        app, ["inbox", "mark-joined", target, "--as", "other-staffing.bsky.social", "--db", str(db)]
    )
    assert marked.exit_code == 0, marked.output
    assert "joined for @other-staffing.bsky.social" in " ".join(marked.stdout.split())

    def joined_as(handle: str) -> list[str]:
        args = ["inbox", *REPLAY, "--db", str(db), "--json", "--as", handle]
        return [j["conversation_id"] for j in json.loads(runner.invoke(app, args).stdout)["joined"]]

    assert target in joined_as("other-staffing.bsky.social")
    assert target not in joined_as("acme-staffing.bsky.social")  # another client's mark
    audit = runner.invoke(app, ["audit", "acme-staffing.bsky.social", "--db", str(db), "--json"])
    evidence = json.loads(audit.stdout)["pillars"]["conversation"]["evidence"]
    assert evidence["inbox_conversations_joined"] == 1  # its own reply only, not the mark
    with open_store(db) as store:
        assert joined_conversation_ids(store, "bluesky", "did:plc:other") == [target]
    reopened = runner.invoke(
        app, ["inbox", "reopen", target, "--as", "other-staffing.bsky.social", "--db", str(db)]
    )
    assert reopened.exit_code == 0 and target not in joined_as("other-staffing.bsky.social")
    plain = runner.invoke(app, ["inbox", "dismiss", target, "--db", str(db)])
    assert (
        "It is hidden from every inbox, and if the inbox left it out (a job ad, a joke), from"
        f" the posts left out that staffpulse --db {db} inbox --left-out lists; add --as"
        " YOURHANDLE to hide it only for that account." in " ".join(plain.stdout.split())
    )
    assert runner.invoke(app, ["inbox", "reopen", target, "--db", str(db)]).exit_code == 0


def test_marks_read_the_firm_as_inbox_as_does(replayed: Any) -> None:
    """mark-joined/dismiss/reopen --as go through resolve_firm too: a profile address is its
    firm, an address of no profile stops the command, a firm not stored keeps the mark."""
    db, _, _ = replayed
    items = json.loads(runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--json"]).stdout)[
        "items"
    ]
    target = items[0]["conversation_id"]
    url = "https://bsky.app/profile/acme-staffing.bsky.social"
    # the store given before the command reaches the subcommand too
    marked = runner.invoke(app, ["--db", str(db), "inbox", "mark-joined", target, "--as", url])
    assert marked.exit_code == 0, marked.output
    assert "joined for @acme-staffing.bsky.social" in " ".join(marked.stdout.split())
    args = ["inbox", *REPLAY, "--db", str(db), "--json", "--as", "acme-staffing.bsky.social"]
    assert target in [
        j["conversation_id"] for j in json.loads(runner.invoke(app, args).stdout)["joined"]
    ]
    bad = runner.invoke(
        app, ["inbox", "dismiss", target, "--as", "https://example.com/a", "--db", str(db)]
    )
    assert bad.exit_code == 65 and "is not a profile URL staffpulse reads" in bad.output
    ghost = runner.invoke(app, ["inbox", "dismiss", target, "--as", "@ghostfirm", "--db", str(db)])
    assert ghost.exit_code == 0, ghost.output
    said = " ".join(ghost.output.split())
    assert (
        " for @ghostfirm. Only @ghostfirm's inbox changes." in said
        and "no account @ghostfirm in the store" in said
    )
    for firm in (url, "@ghostfirm"):
        undone = runner.invoke(app, ["inbox", "reopen", target, "--as", firm, "--db", str(db)])
        assert undone.exit_code == 0 and "nothing to undo" not in undone.stdout


@pytest.mark.parametrize("command", [[], ["dismiss", "1"]])
def test_an_empty_as_says_no_account_was_given(replayed: Any, command: list[str]) -> None:
    """`--as "$FIRM"` with the variable unset meant the [listen] account, or no firm, without
    a word: refused as audit '' is, before the store is read."""
    db, _, _ = replayed
    result = runner.invoke(app, ["inbox", *command, "--as", "", "--db", str(db)])
    assert result.exit_code == 65, result.output
    said = " ".join(result.stderr.split())
    assert "no account given: --as names your firm" in said and "leave out --as" in said


def test_another_stores_firm_in_config_is_said_once_and_gets_no_marks(
    replayed: Any, tmp_path: Path
) -> None:
    """QA s39: config.toml's [listen] account is read by every store, so one client's firm
    warned in four lines on every inbox of another client's store, and mark-joined without
    --as filed the mark under it there. Now it is not this store's firm: said in one line,
    once a store, and the marks go to no firm."""
    db, _, _ = replayed
    config = tmp_path / "config.toml"
    config.write_text('[listen]\naccount = "@otherclientco"\n', encoding="utf-8")
    env = {"STAFFPULSE_CONFIG": str(config)}
    first = runner.invoke(app, ["inbox", *REPLAY, "--db", str(db)], env=env)
    assert first.exit_code == 0, first.output
    said = [line for line in first.stderr.splitlines() if "otherclientco" in line]
    assert len(said) == 1 and said[0].startswith("note [listen] account in")
    assert "which this store does not hold: the inbox is listed for no firm" in said[0]
    assert "Warning" not in first.stderr
    again = runner.invoke(app, ["inbox", *REPLAY, "--db", str(db)], env=env)
    assert "otherclientco" not in again.stderr  # once a store
    listed = json.loads(
        runner.invoke(app, ["inbox", *REPLAY, "--db", str(db), "--json"], env=env).stdout
    )
    # stderr said it once; a script reads the JSON of every run, which says it each time
    assert any("names @otherclientco, which this store does not hold" in n for n in listed["notes"])
    conversation = listed["items"][0]["conversation_id"]
    marked = runner.invoke(
        app, ["inbox", "mark-joined", conversation, "--db", str(db), "--json"], env=env
    )
    assert marked.exit_code == 0, marked.output
    assert json.loads(marked.stdout)["account"] is None  # no firm's, not @otherclientco's
    runner.invoke(app, ["inbox", "reopen", conversation, "--db", str(db)], env=env)
