"""Accounts known only by the id replies answer are named by those replies' handles
(staffpulse.connect.reply_names), through the real path: an X archive imported, then connect
and its X list. Handles and ids are made up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from connect_fixtures import FakeRoleModel
from staffpulse.connect import suggest_report
from staffpulse.connect.export import export_suggestions
from staffpulse.connect.reply_names import read_reply_names
from staffpulse.connect.suggest import SuggestOptions
from staffpulse.connect.suggestion import SuggestReport
from staffpulse.ingest import import_paths
from staffpulse.store import Store, open_store

OWNER_ID = "9001"


def _reply(tweet_id: str, day: int, to_user: str, text: str) -> dict[str, object]:
    """An archive reply whose in_reply_to_screen_name X left null."""
    return {
        "id_str": tweet_id,
        "created_at": f"Tue Mar {day:02d} 10:00:00 +0000 2026",
        "full_text": text,
        "in_reply_to_status_id_str": f"5{tweet_id}",
        "in_reply_to_user_id_str": to_user,
        "in_reply_to_screen_name": None,
        "entities": {"user_mentions": [], "hashtags": [], "urls": []},
    }


def _mention(tweet_id: str, day: int, handle: str) -> dict[str, object]:
    """An original post naming ``handle`` in its text and mentions, without its id."""
    return {
        "id_str": tweet_id,
        "created_at": f"Tue Mar {day:02d} 12:00:00 +0000 2026",
        "full_text": f"Great panel today with @{handle} on shift planning",
        "entities": {"user_mentions": [{"screen_name": handle}], "hashtags": [], "urls": []},
    }


def _archive(folder: Path, tweets: list[dict[str, object]]) -> Path:
    data = folder / "archive" / "data"
    data.mkdir(parents=True)
    account = {"account": {"accountId": OWNER_ID, "username": "AcmeStaffing"}}
    (data / "account.js").write_text(f"window.YTD.account.part0 = {json.dumps([account])}")
    entries = json.dumps([{"tweet": tweet} for tweet in tweets])
    (data / "tweets.js").write_text(f"window.YTD.tweets.part0 = {entries}")
    return data.parent


TWEETS = [
    _reply("101", 2, "7001", "@RosaHires thanks for the intro!"),
    _reply("102", 3, "7001", "@RosaHires see you at the fair"),
    _mention("103", 4, "rosahires"),
    _reply("104", 5, "7002", "agreed, count us in"),  # no @name: its handle stays unknown
]


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    import staffpulse.connect.suggest as suggest

    monkeypatch.setattr(suggest, "load_text_signals_or_none", lambda: None)
    opened = open_store(":memory:")
    import_paths(opened, [_archive(tmp_path, TWEETS)])
    return opened


def _rank(store: Store) -> SuggestReport:
    opts = SuggestOptions(include_contacts=True, include_unseen=True)
    return suggest_report(
        store, "acmestaffing", role="any", role_model=FakeRoleModel(), options=opts
    )


def test_a_reply_target_known_by_id_is_named_by_its_replies_once(store: Store) -> None:
    report = _rank(store)
    labels = [s.label for s in report.suggestions]
    # the replies and the mention of the same person add up in one suggestion
    assert labels == ["@rosahires", "account id 7002"]
    rosa = report.suggestions[0]
    assert (rosa.account_id, rosa.link) == ("7001", "https://x.com/rosahires")
    assert "you engaged them 3× (2 replies, 1 mention)" in rosa.explanation
    as_list = export_suggestions(report.suggestions, "x-list")
    assert as_list.text == "@rosahires\n"
    assert [line.split(":")[0] for line in as_list.skipped] == ["account id 7002"]


def test_a_handle_a_stored_account_holds_now_does_not_name_the_id(
    store: Store, tmp_path: Path
) -> None:
    # the name moved: another account holds it now, so the replies' id is not that account
    record = {"type": "account", "platform": "x", "id": "8888", "handle": "rosahires"}
    other = tmp_path / "moved.jsonl"
    other.write_text(json.dumps(record) + "\n")
    assert read_reply_names(store, "x") == {"7001": "rosahires"}
    import_paths(store, [other])
    assert read_reply_names(store, "x") == {}
    labels = [s.label for s in _rank(store).suggestions]
    assert "account id 7001" in labels and labels.count("@rosahires") == 1
