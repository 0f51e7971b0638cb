"""A firm's display name typed where its handle goes (staffpulse.account_names): found by
``audit``, ``connect`` and ``inbox --as`` as the dashboard's pickers find it; a name several
accounts share is refused with their handles, never guessed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from audit_helpers import PROV, FakeScorer, FeedBuilder, store_with
from listen_helpers import fake_post_models
from staffpulse.account_names import StoredHandles
from staffpulse.account_refs import find_account_ref
from staffpulse.cli.app import app
from staffpulse.errors import NoSuchAccountError
from staffpulse.models import Account
from staffpulse.store import Store

runner = CliRunner()
fake_models = pytest.fixture(fake_post_models, autouse=True, name="fake_models")


def _feed(handle: str, name: str, platform: str = "x") -> FeedBuilder:
    feed = FeedBuilder(handle, platform=platform, display_name=name)
    feed.chat(6)
    return feed


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two firms of one name (on X and Bluesky), a recruiter, and an account seen only in a
    follow list that has the recruiter's name."""
    import staffpulse.audit.signals as signals

    monkeypatch.setattr(signals, "default_scorer", lambda: FakeScorer())
    store = store_with(
        tmp_path,
        _feed("ravi_sources", "Ravi  Menon"),
        _feed("quillhire", "Quill Hire Partners"),
        _feed("quillhire.bsky.social", "Quill Hire Partners", "bluesky"),
    )
    follow = Account(platform="bluesky", id="did:plc:r2", handle="ravi2.bsky.social",
                     display_name="Ravi Menon")  # fmt: skip
    store.upsert([follow], PROV)
    store.close()
    return tmp_path / "test.db"


def _store(db: Path) -> Store:
    from staffpulse.store import open_store

    return open_store(db)


@pytest.mark.parametrize("stored", [False, True], ids=["one lookup", "a cohort's lookups"])
def test_a_display_name_finds_its_account_case_and_spacing_aside(db: Path, stored: bool) -> None:
    with _store(db) as store:
        handles = StoredHandles(store) if stored else None
        # the one with posts, not the namesake seen only in a follow list
        assert find_account_ref(store, " ravi MENON ", stored=handles).handle == "ravi_sources"
        assert find_account_ref(store, "Ravi Menon", "bluesky").handle == "ravi2.bsky.social"
        # a platform makes a shared name one account's
        named = find_account_ref(store, "Quill Hire Partners", "bluesky", stored=handles)
        assert named.handle == "quillhire.bsky.social"


def test_a_name_two_accounts_with_posts_share_is_refused_with_their_handles(db: Path) -> None:
    with _store(db) as store, pytest.raises(NoSuchAccountError) as told:
        find_account_ref(store, "quill hire partners")
    assert told.value.message == (
        "'quill hire partners' is the display name of 2 accounts: "
        "@quillhire (x), @quillhire.bsky.social (bluesky)"
    )
    assert told.value.hint == "give the handle of the one you mean instead, e.g. @quillhire"
    assert told.value.close == (("quillhire", "x"), ("quillhire.bsky.social", "bluesky"))


def test_a_name_no_account_has_is_still_told_as_a_missing_handle(db: Path) -> None:
    with _store(db) as store, pytest.raises(NoSuchAccountError) as told:
        find_account_ref(store, "Nobody Of That Name")
    assert "no account 'Nobody Of That Name'" in told.value.message


def test_audit_grades_the_account_of_a_display_name(db: Path) -> None:
    """QA s40: ``audit "Full Name"`` was exit 66, "no account ... it has a space", while the
    dashboard's audit picker took the same name."""
    result = runner.invoke(app, ["--db", str(db), "audit", "Ravi Menon", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["account"]["handle"] == "ravi_sources"

    shared = runner.invoke(app, ["--db", str(db), "audit", "Quill Hire Partners"])
    assert shared.exit_code == 66
    said = " ".join(shared.output.split())
    assert "is the display name of 2 accounts: @quillhire (x), @quillhire.bsky.social" in said
    assert "Traceback" not in said


def test_connect_ranks_for_the_account_of_a_display_name(db: Path) -> None:
    result = runner.invoke(app, ["--db", str(db), "connect", "ravi menon", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["account"]["handle"] == "ravi_sources"


def test_inbox_as_a_display_name_is_the_firm_not_a_handle_missing(db: Path) -> None:
    result = runner.invoke(
        app, ["--db", str(db), "inbox", "--as-of", "newest", "--as", "Ravi Menon", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert "not in the store" not in result.output
    data = json.loads(result.stdout)
    assert (data["account"], data["account_found"]) == ("ravi_sources", True)


def test_inbox_as_a_shared_name_lists_the_handles_to_give_instead(db: Path) -> None:
    result = runner.invoke(
        app, ["--db", str(db), "inbox", "--as-of", "newest", "--as", "Quill Hire Partners"]
    )
    assert result.exit_code == 0, result.output  # the inbox is shown, without a firm
    said = " ".join(result.stderr.split())
    assert "--as names no handle: 'Quill Hire Partners' is the display name of 2 accounts" in said
    assert "give --as the handle of the one you mean (e.g. --as @quillhire)" in said
