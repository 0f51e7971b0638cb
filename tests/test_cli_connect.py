"""The ``connect`` and ``add-handles`` commands."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import staffpulse.cli.commands.connect as connect_command_module
import staffpulse.connect.fetching as fetching
import staffpulse.connect.suggest as suggest_module
from connect_fixtures import FakeRoleModel, FakeScorer, build_store
from staffpulse.cli.app import app
from staffpulse.connect.handles import list_handles, parse_handle
from staffpulse.store import open_store

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "connect.db"
    build_store(path).close()
    monkeypatch.setattr(suggest_module, "default_role_model", FakeRoleModel)
    monkeypatch.setattr(suggest_module, "default_text_scorer", FakeScorer)
    monkeypatch.setattr(connect_command_module, "default_role_model", FakeRoleModel)
    # offline: no live fetcher for Bluesky or Mastodon in these tests
    monkeypatch.setattr(fetching, "fetch_function", lambda platform: None)
    return path


def test_connect_table(db: Path) -> None:
    result = runner.invoke(app, ["connect", "@acme_staffing", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "hannah_hr" in result.output
    assert "replied to them" in result.output
    assert "Left out" in result.output


def test_connect_json_role_and_limit(db: Path) -> None:
    result = runner.invoke(
        app, ["connect", "acme_staffing", "--db", str(db), "--json", "--role", "vendor"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [s["handle"] for s in data["suggestions"]] == ["val_vendor"]
    assert data["excluded"]["job-ad bot"] == 1
    result = runner.invoke(
        app, ["connect", "acme_staffing", "--db", str(db), "--json", "--limit", "1"]
    )
    assert len(json.loads(result.stdout)["suggestions"]) == 1


def test_connect_export_to_file_and_stdout(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "who.csv"
    result = runner.invoke(
        app, ["connect", "acme_staffing", "--db", str(db), "--export", "csv", "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0]["handle"] == "hannah_hr"
    result = runner.invoke(app, ["connect", "acme_staffing", "--db", str(db), "--export", "x-list"])
    assert result.stdout.splitlines()[0] == "@hannah_hr"


def test_connect_errors(db: Path) -> None:
    result = runner.invoke(app, ["connect", "nobody", "--db", str(db)])
    assert result.exit_code != 0 and "no account" in result.output
    result = runner.invoke(app, ["connect", "acme_staffing", "--db", str(db), "--role", "wizard"])
    assert result.exit_code != 0 and "unknown role" in result.output
    result = runner.invoke(app, ["connect", "acme_staffing", "--db", str(db), "--export", "vcard"])
    assert result.exit_code != 0 and "unknown export format" in result.output


def test_parse_handle_shapes() -> None:
    assert parse_handle("@Rita_Recruits") == ("x", "rita_recruits")
    assert parse_handle("https://twitter.com/Rita_Recruits/status/1") == ("x", "rita_recruits")
    assert parse_handle("hannah.bsky.social") == ("bluesky", "hannah.bsky.social")
    assert parse_handle("https://bsky.app/profile/hannah.bsky.social") == (
        "bluesky",
        "hannah.bsky.social",
    )
    assert parse_handle("did:plc:ewvi7nxzyoun6zhxrhs64oiz")[0] == "bluesky"
    assert parse_handle("@Val@HR.social") == ("mastodon", "val@hr.social")
    assert parse_handle("https://fosstodon.org/@ann") == ("mastodon", "ann@fosstodon.org")
    assert parse_handle("rita", "bluesky") == ("bluesky", "rita.bsky.social")
    for bad in ("way_too_long_for_an_x_handle", "hello world", "@x@", "https://example.com/about"):
        with pytest.raises(ValueError):
            parse_handle(bad)
    with pytest.raises(ValueError, match="instance"):
        parse_handle("ann", "mastodon")


def test_add_handles_stores_for_later_and_reports_bad_lines(db: Path, tmp_path: Path) -> None:
    sent = tmp_path / "sent.txt"
    sent.write_text(
        "# handles from the blog comments\n"
        "@rita_recruits\n"
        "new_person\n"
        "hello world\n"
        "\n"
        "ann@fosstodon.org\n"
        "NEW_PERSON\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["add-handles", str(sent), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"{sent}:4" in result.output  # the bad line, with file and line
    assert "1 known" in result.output and "merged 1 duplicates" in result.output
    with open_store(db) as store:
        handles = {(h.platform, h.handle): h for h in list_handles(store)}
    assert handles[("x", "rita_recruits")].status == "known"
    assert handles[("x", "rita_recruits")].role == "recruiter"
    assert handles[("x", "new_person")].status == "pending"
    assert "X credentials" in (handles[("x", "new_person")].message or "")
    assert handles[("x", "new_person")].source == f"{sent}:3"

    result = runner.invoke(app, ["add-handles", "--list", "--db", str(db), "--json"])
    pending = json.loads(result.stdout)["pending"]
    assert {h["handle"] for h in pending} >= {"new_person"}
    assert "rita_recruits" not in {h["handle"] for h in pending}


def test_add_handles_platform_option_and_all_bad(db: Path, tmp_path: Path) -> None:
    sent = tmp_path / "bsky.txt"
    sent.write_text("@rita.bsky.social\nann@fosstodon.org\n", encoding="utf-8")
    result = runner.invoke(
        app, ["add-handles", str(sent), "--platform", "bluesky", "--no-fetch", "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    assert f"{sent}:2" in result.output
    bad = tmp_path / "bad.txt"
    bad.write_text("not a handle!\n", encoding="utf-8")
    result = runner.invoke(app, ["add-handles", str(bad), "--db", str(db)])
    assert result.exit_code == 1
    result = runner.invoke(app, ["add-handles", "--db", str(db)])
    assert result.exit_code != 0


def test_add_handles_with_a_fetcher() -> None:
    from staffpulse.connect.handles import HandleEntry, add_handles
    from staffpulse.models import Account, Provenance

    store = build_store()

    def fetcher(store_, platform: str, handle: str) -> Account:
        account = Account(platform=platform, id="id_" + handle, handle=handle)
        store_.upsert(
            [account], Provenance("test", "x", "t", __import__("datetime").datetime.now())
        )
        return account

    added = add_handles(
        store, [HandleEntry("x", "fresh_one", "f:1")], fetcher=fetcher, role_model=FakeRoleModel()
    )
    assert added[0].status == "fetched" and added[0].account_id == "id_fresh_one"
    assert added[0].role == "other"


def test_default_fetcher_uses_the_importers_fetch_account(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys
    import types
    from datetime import UTC, datetime

    from staffpulse.connect.fetching import fetch_into_store
    from staffpulse.errors import AuthError
    from staffpulse.models import Account, Provenance

    calls: list[str] = []

    def fetch_account(store, handle: str) -> Account:  # type: ignore[no-untyped-def]
        calls.append(handle)
        account = Account(platform="bluesky", id="did:plc:abc", handle=handle)
        store.upsert([account], Provenance("test", "here", "t", datetime.now(UTC)))
        return account

    fake = types.ModuleType("staffpulse.fetch.bluesky")
    fake.fetch_account = fetch_account  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "staffpulse.fetch.bluesky", fake)
    store = build_store()
    account = fetch_into_store(store, "bluesky", "ann.bsky.social")
    assert account is not None and account.id == "did:plc:abc" and calls == ["ann.bsky.social"]
    with pytest.raises(AuthError):
        fetch_into_store(store, "x", "someone")  # no X_BEARER_TOKEN in tests


def test_fetch_failures_keep_the_handle_pending(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    from staffpulse.connect.fetching import fetch_into_store
    from staffpulse.connect.handles import HandleEntry, add_handles

    def broken(store, handle: str) -> None:  # type: ignore[no-untyped-def]
        raise RuntimeError("network is unreachable")

    fake = types.ModuleType("staffpulse.fetch.mastodon")
    fake.fetch_account = broken  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "staffpulse.fetch.mastodon", fake)
    store = build_store()
    added = add_handles(
        store, [HandleEntry("mastodon", "ann@fosstodon.org", "f:1")], fetcher=fetch_into_store
    )
    assert added[0].status == "pending"
    assert "network is unreachable" in (added[0].message or "")
