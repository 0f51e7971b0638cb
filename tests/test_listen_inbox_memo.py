"""The ranking an inbox keeps for the next one (the dashboard's topic links): a topic's inbox
read from it is the inbox ranked afresh, and a mark or a new post is never hidden by it."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from listen_helpers import HOURS, NOW, count_rankings, inbox, question, store_with
from staffpulse.listen.inbox_memo import RankMemo
from staffpulse.listen.inbox_model import Inbox
from staffpulse.listen.states import set_state
from staffpulse.sources.base import provenance

INTERVIEW = question("21", "Which interview question tells you most about a new recruiter?", HOURS)
PAY = question("22", "How do you talk about pay ranges with candidates on a first call?", HOURS)
REMOTE = question("23", "What makes onboarding work for a remote hire in week one?", HOURS)


def _same(one: Inbox, other: Inbox) -> bool:
    """Equal but for when each was made and looked at."""
    return replace(one, generated_at=NOW, look=None) == replace(other, generated_at=NOW, look=None)


def test_a_topic_read_from_the_kept_ranking_is_the_one_ranked_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with store_with(tmp_path, INTERVIEW, PAY, REMOTE) as store:
        memo = RankMemo()
        every = inbox(store, memo=memo, now=NOW)
        calls = count_rankings(monkeypatch)
        topic = str(every.items[0].topic_id)
        kept = inbox(store, memo=memo, now=NOW, topic=topic)
        assert calls == []  # nothing ranked again
        afresh = inbox(store, now=NOW, topic=topic)
    assert kept.items and _same(kept, afresh)


def test_a_mark_or_a_new_post_is_ranked_afresh_not_read_from_the_memo(tmp_path: Path) -> None:
    with store_with(tmp_path, INTERVIEW, PAY) as store:
        memo = RankMemo()
        inbox(store, memo=memo, now=NOW)
        set_state(store, "22", "dismissed")
        marked = inbox(store, memo=memo, now=NOW)
        assert [i.conversation_id for i in marked.items] == ["21"]
        assert marked.counts["dismissed"] == 1
        store.upsert([REMOTE], provenance("twarc2", tmp_path / "more.jsonl"))
        more = inbox(store, memo=memo, now=NOW)
    assert sorted(i.conversation_id for i in more.items) == ["21", "23"]


def test_a_memo_made_yesterday_is_ranked_afresh_as_of_today(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with store_with(tmp_path, INTERVIEW, PAY, REMOTE) as store:
        memo = RankMemo()
        inbox(store, memo=memo, now=NOW)
        calls = count_rankings(monkeypatch)
        tomorrow = NOW + timedelta(days=1)
        kept = inbox(store, memo=memo, now=tomorrow)
        assert calls  # the ranking of the day before is not read
        afresh = inbox(store, now=tomorrow)
    assert kept.items and _same(kept, afresh)
