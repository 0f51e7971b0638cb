"""The inbox's ranking of stored conversations: why each would be left out is read from its
posts, never their age, and the ranking knows the firm by its handles and its own replies."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import staffpulse.signals.text as text_module
from _listen_fakes import FakeScorer, SureScorer
from listen_helpers import runner
from staffpulse.cli.app import app
from staffpulse.listen import inbox as inbox_module
from staffpulse.listen.inbox_rank import left_out_of, rank_stored
from staffpulse.listen.threads import Conversation
from staffpulse.models import Account, Post
from staffpulse.sources.base import provenance
from staffpulse.store import Store, open_store

NOW = datetime.now(UTC)
AD = "Now hiring CNAs in Fresno, nights, $22/hr. Apply: https://jobs.example/cna"
QUESTION = "How do you keep candidates warm during a long interview loop?"


def _conv(cid: str, text: str, age: timedelta) -> Conversation:
    post = Post(platform="x", id=cid, author_id=f"u{cid}", text=text, created_at=NOW - age)
    return Conversation("x", cid, (post,))


def post(pid: str, author: str, text: str, minutes: int, **kw: Any) -> Post:
    return Post(platform="x", id=pid, author_id=author, text=text,
                created_at=NOW - timedelta(minutes=minutes), **kw)  # fmt: skip


def test_a_verdict_reads_the_posts_never_their_age(store: Store) -> None:
    convs = [
        _conv("old", QUESTION, timedelta(days=900)),
        _conv("ad", AD, timedelta(hours=1)),
    ]
    verdicts = left_out_of(store, convs, None, Counter())
    assert verdicts == {("x", "old"): None, ("x", "ad"): "job_ad"}


def test_a_question_put_to_the_firm_is_ranked_as_its_own_to_answer(store: Store) -> None:
    convs = [_conv("q", "@AcmeStaffing " + QUESTION, timedelta(hours=2))]
    ranked, context = rank_stored(
        store, convs, {("x", "q"): 3}, {3: "Interviews"}, NOW, None, None, Counter(), set(),
        firm=frozenset({"acmestaffing"}),
    )  # fmt: skip
    (entry,) = ranked
    assert entry.reasons[0] == "addressed to your firm: yours to answer"
    assert entry.topic_label == "Interviews"
    assert context.firm_handles == {"acmestaffing"}


def test_the_firms_own_reply_never_makes_a_stored_thread_one_it_joined(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # end to end, as a user runs it: the firm's banter under a stored post is no conversation
    # about work, for the inbox nor the audit; a thread put to the firm, and one marked joined
    # by hand, still count
    monkeypatch.setattr(text_module, "load_text_signals_or_none", FakeScorer)
    monkeypatch.setattr(inbox_module, "load_text_signals_or_none", SureScorer)
    monkeypatch.setattr(inbox_module, "load_role_model_or_none", lambda: None)
    rows = [
        Account(platform="x", id="firm", handle="acme"),
        post("910", "jo", "Finished the bathroom tiles this weekend, knees are done", 60),
        post("911", "firm", "@jo what a boss, the grout lines are perfect", 55, kind="reply",
             reply_to_post_id="910", reply_to_handle="jo", conversation_id="910"),
        post("920", "ana", "How soon should a hiring manager call back a candidate?", 50),
        post("921", "firm", "@ana Within two days: we tell every candidate the date", 45,
             kind="reply", reply_to_post_id="920", reply_to_handle="ana", conversation_id="920"),
        post("930", "lee", "@acme are you open on Saturday mornings?", 40),
        post("931", "firm", "@lee Yes, from 9 to 1", 35, kind="reply", reply_to_post_id="930",
             reply_to_handle="lee", conversation_id="930"),
        post("940", "kit", "Rain all week, the garden is a pond", 30),
        post("941", "firm", "@kit the boss of all puddles", 25, kind="reply",
             reply_to_post_id="940", reply_to_handle="kit", conversation_id="940"),
    ]  # fmt: skip
    db = str(tmp_path / "firm.db")
    with open_store(db) as store:
        store.upsert(rows, provenance("test", "fixture"))

    def joined() -> tuple[list[str], dict[str, Any], int]:
        shown = runner.invoke(app, ["inbox", "--db", db, "--as", "acme", "--json"])
        audit = runner.invoke(app, ["audit", "acme", "--db", db, "--json"])
        assert shown.exit_code == 0 and audit.exit_code == 0, shown.output + audit.output
        inbox_json, audit_json = json.loads(shown.stdout), json.loads(audit.stdout)
        ids = [j["conversation_id"] for j in inbox_json["joined"]]
        credit = audit_json["pillars"]["conversation"]["evidence"]["inbox_conversations_joined"]
        return ids, inbox_json, credit

    ids, before, credit = joined()
    assert ids == ["920", "930"] and credit == 2
    assert before["counts"]["joined"] == 2 and before["left_out"] == {"off_work": 2}
    assert "Reply to @acme" not in json.dumps(before)  # no angle sends the firm to itself
    marked = runner.invoke(app, ["inbox", "mark-joined", "940", "--db", db, "--as", "acme"])
    assert marked.exit_code == 0, marked.output
    ids, after, credit = joined()
    assert ids == ["920", "930", "940"] and credit == 3
    assert after["left_out"] == {"off_work": 1}


def test_someone_elses_hard_times_rank_below_a_question_with_a_caution(tmp_path: Path) -> None:
    """Its own angle says "Leave it": it ranked among the conversations worth joining (QA:
    12th of 56, within 0.01 of the top) with no caution."""
    from staffpulse.listen.inbox import build_inbox

    told = "The neighbour lost her job at the plant and now she has no savings and no income"
    rows = [post("1", "ana", told, 30), post("2", "ben", QUESTION, 90)]
    with open_store(tmp_path / "h.db") as store:
        store.upsert(rows, provenance("test", tmp_path / "t"))
        inbox = build_inbox(store, text_model=FakeScorer(), role_model=None)
    items = {i.conversation_id: i for i in inbox.items}
    assert [i.conversation_id for i in inbox.items] == ["2", "1"]
    assert items["1"].angle.startswith("Someone else's hard times")
    assert any(c.startswith("someone else's hard times") for c in items["1"].cautions)


def test_a_work_question_in_a_reply_under_anothers_hard_times_gets_its_own_angle(
    tmp_path: Path,
) -> None:
    """The opening's "leave it" was the angle of the reply that carries the work talk."""
    from staffpulse.listen.inbox import build_inbox

    told = "He sleeps in his van since spring, no home and no savings, just trying to survive"
    asked = "Do staffing firms place people with no fixed address? What do recruiters ask for?"
    rows = [
        post("1", "ana", told, 60),
        post("2", "ben", asked, 30, kind="reply", reply_to_post_id="1", conversation_id="1"),
    ]
    with open_store(tmp_path / "r.db") as store:
        store.upsert(rows, provenance("test", tmp_path / "t"))
        inbox = build_inbox(store, text_model=FakeScorer(), role_model=None)
    (item,) = inbox.items
    assert item.angle.startswith("Reply to ") and "not the opening post:" in item.angle
    assert "hard times" not in item.angle
