"""IBM customer-care dialogs on a small hand-written file of their schema."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from staffpulse.ingest import import_paths
from staffpulse.models import Account, Post
from staffpulse.sources import detect
from staffpulse.sources.base import Problem
from staffpulse.sources.ibm_dialogs import IbmDialogs, rows_from_dialog, time_of_tweet_id
from staffpulse.store import open_store
from staffpulse.store.core import Record

FILE = Path(__file__).parent / "fixtures" / "ibm_dialogs" / "dialogs.json"
FIRST, SECOND, AGENT, LINK = (
    "1234418166789046272",
    "1234418418447286272",
    "1234419425080246272",
    "1234420557542326272",
)


def _read(path: Path) -> tuple[dict[str, Post], list[Account], list[Problem]]:
    items = list(IbmDialogs().read(path))
    rows = [row for item in items if isinstance(item, Record) for row in item.rows]
    posts = {row.id: row for row in rows if isinstance(row, Post)}
    accounts = [row for row in rows if isinstance(row, Account)]
    return posts, accounts, [item for item in items if isinstance(item, Problem)]


def test_detected_as_dialogs_not_as_a_mastodon_list() -> None:
    assert detect(FILE).name == "ibm-dialogs"


def test_each_turn_replies_to_the_one_before_in_one_conversation() -> None:
    posts, _, _ = _read(FILE)
    first, second, agent, link = (posts[i] for i in (FIRST, SECOND, AGENT, LINK))
    assert first.kind == "original" and first.reply_to_post_id is None
    assert (second.kind, second.reply_to_post_id, second.reply_to_handle) == (
        "reply",
        FIRST,
        "jane_q",
    )  # the customer's second tweet: a reply to her own
    assert agent.reply_to_post_id == SECOND and agent.author_id == "acmehelp"
    assert link.reply_to_post_id == AGENT and link.author_handle == "AcmeHelp"
    assert {p.conversation_id for p in (first, second, agent, link)} == {FIRST}
    assert link.url == f"https://x.com/AcmeHelp/status/{LINK}"  # real ids link to the tweet


def test_times_texts_and_entities() -> None:
    posts, _, _ = _read(FILE)
    assert posts[FIRST].created_at == datetime(2020, 3, 2, 10, 0, tzinfo=UTC)
    # The agent's last tweet has no time in the data: its id tells it.
    assert posts[LINK].created_at == datetime(2020, 3, 2, 10, 9, 30, tzinfo=UTC)
    assert posts[FIRST].text == "@AcmeHelp my password reset mail never comes & I'm locked out"
    assert posts[SECOND].hashtags == ("locked",) and posts[SECOND].mentions == ("acmehelp",)
    assert posts[LINK].urls == ("https://help.acme.example/articles/42",)


def test_accounts_by_handle_and_a_second_customer_key() -> None:
    posts, accounts, _ = _read(FILE)
    assert sorted((a.id, a.handle) for a in accounts) == [
        ("acmehelp", "AcmeHelp"),  # once, though it speaks in both dialogs
        ("bob_r", "bob_r"),
        ("jane_q", "jane_q"),
    ]
    bob = next(p for p in posts.values() if p.author_handle == "bob_r")  # a "client1" turn
    assert bob.kind == "original"


def test_a_broken_dialog_is_reported_and_all_its_tweets_counted(tmp_path: Path) -> None:
    posts, _, problems = _read(FILE)
    assert len(posts) == 6  # the third dialog's turn has no tweet_ID
    assert [(p.message, p.records) for p in problems] == [
        (
            "dialog 3 (session sessC): turn 1 lacks a speaker, 'tweet_ID' or 'message'; "
            "its tweets were skipped",
            3,
        )
    ]


def test_a_file_cut_short_keeps_the_dialogs_before_the_cut(tmp_path: Path) -> None:
    whole = FILE.read_text(encoding="utf-8")
    dialogs = len(json.loads(whole))
    cut = tmp_path / "train.json"
    cut.write_text(whole.rstrip()[:-1], encoding="utf-8")  # only its closing "]" lost
    posts, _, problems = _read(cut)
    assert set(posts) == set(_read(FILE)[0])  # every dialog came whole
    assert (problems[0].records, problems[0].line) == (0, whole.count("\n"))
    assert f"it stops in the middle, after its {dialogs} entries, which were read" in (
        problems[0].message
    )
    cut.write_text(whole[: whole.index(FIRST) + 5], encoding="utf-8")  # in the first dialog
    posts, _, (problem,) = _read(cut)
    assert not posts and problem.records == 1  # the dialog begun; nothing whole to read
    assert "nothing in it was read (at least 1 entry lost)" in problem.message


def test_transformer_is_pure_and_time_of_old_ids_is_unknown() -> None:
    dialog = json.loads(FILE.read_text(encoding="utf-8"))[1]
    before = json.dumps(dialog)
    assert len(rows_from_dialog(dialog)) == 4  # bob, AcmeHelp and their two tweets
    assert json.dumps(dialog) == before
    assert time_of_tweet_id("20") is None  # 2006 ids carry no time
    with pytest.raises(ValueError, match="tweet_ID should be a number"):
        rows_from_dialog({**dialog, "agentURL": {"tweet_ID": "x1"}})


def test_import_twice_adds_nothing(tmp_path: Path) -> None:
    with open_store(tmp_path / "db.sqlite") as store:
        first = import_paths(store, [FILE])
        assert (first.new_posts, first.new_accounts, first.skipped) == (6, 3, 3)
        again = import_paths(store, [FILE])
        assert (again.new_posts, again.new_accounts) == (0, 0)
        brand = store.find_account("AcmeHelp")
        assert len(store.posts_by("x", brand.id)) == 3


def test_dialogs_one_a_line_read_as_the_list_is(tmp_path: Path) -> None:
    """QA s20: the dataset's list re-saved as JSON Lines (one dialog a line) was "not a format
    staffpulse can import"; a line that is not JSON costs that line, placed by its number."""
    dialogs = json.loads(FILE.read_text(encoding="utf-8"))
    lines = [json.dumps(dialog) for dialog in dialogs]
    lines.insert(1, '{"dialogHeader": {"company": "cut')
    path = tmp_path / "dev.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert detect(path).name == "ibm-dialogs"
    posts, accounts, problems = _read(path)
    listed_posts, listed_accounts, _ = _read(FILE)
    assert posts == listed_posts and accounts == listed_accounts
    assert [p.line for p in problems] == [2, 4]  # the broken line, and dialog 3 as in the list
    assert "not valid JSON" in problems[0].message and "dialog 3" in problems[1].message


def test_the_list_on_one_line_or_dialogs_pretty_printed_read_as_the_file(tmp_path: Path) -> None:
    dialogs = json.loads(FILE.read_text(encoding="utf-8"))
    expected, _, expected_problems = _read(FILE)
    one_line, pretty = tmp_path / "dev.jsonl", tmp_path / "dev_pretty.jsonl"
    one_line.write_text(json.dumps(dialogs) + "\n", encoding="utf-8")
    pretty.write_text("\n".join(json.dumps(d, indent=2) for d in dialogs), encoding="utf-8")
    for path in (one_line, pretty):
        posts, _, problems = _read(path)
        assert set(posts) == set(expected), path.name
        # the broken third dialog is told as in the list, counting its tweets
        assert [(p.message, p.records) for p in problems] == [
            (p.message, p.records) for p in expected_problems
        ], path.name
