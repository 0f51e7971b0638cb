"""The angle speaks in the words of whom the inbox is for (``--as``): a staffing firm draws on
its recruiters, a solo recruiter on their own desk, an HR person on their HR work, and a job
feed adds an opening or a resource, never a story nor a reply that is only an ad."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from _listen_fakes import FakeScorer
from staffpulse.listen.angles import suggest_angle
from staffpulse.listen.firm_voice import FIRM_VOICE, voice_of
from staffpulse.listen.inbox import build_inbox
from staffpulse.models import Account, Post
from staffpulse.sources.base import provenance
from staffpulse.store import open_store
from staffpulse.store.segments import remember_segments

# names a work matter but no subject of its own; a view on pay; a headline passed on
MATTER = "Eleven years in this job and I still learn something every week"
VIEW = "Posting salary ranges in every ad is overdue, in my view"
LINK = "Interview questions for junior nurses - http://t.co/abc"


def _angles(role: str | None) -> str:
    voice = voice_of(role)
    return " | ".join(
        (
            suggest_angle(MATTER, {}, None, 1, voice=voice),
            suggest_angle(VIEW, {}, None, 1, voice=voice),
            suggest_angle(LINK, {"link_share": True}, None, 0, voice=voice),
        )
    )


def test_a_staffing_firm_and_an_unknown_role_draw_on_their_recruiters() -> None:
    for role in ("staffing_firm", None, "vendor"):
        assert voice_of(role) is FIRM_VOICE
        angles = _angles(role)
        assert "concrete example from your recruiters' experience" in angles
        assert "a data point or a story from your recruiters" in angles
    # the default (no --as) is the firm's: the words the inbox always had
    assert suggest_angle(MATTER, {}, None, 1) == suggest_angle(
        MATTER, {}, None, 1, voice=voice_of("staffing_firm")
    )


def test_a_solo_recruiter_draws_on_their_own_desk() -> None:
    angles = _angles("recruiter")
    assert "concrete example from your own desk" in angles
    assert "one data point or story on interviews from your own desk" in angles
    assert "recruiters" not in angles and "your firm" not in angles


@pytest.mark.parametrize("role", ["hr", "hr_pro"])  # the audit's segment and the model's role
def test_an_hr_person_draws_on_their_hr_work_never_on_recruiters(role: str) -> None:
    angles = _angles(role)
    assert "concrete example from your HR work" in angles
    assert "a data point or a story from your HR work" in angles
    assert "recruiters" not in angles and "your firm" not in angles
    plain = suggest_angle("A fox walked into the office lobby today", {}, None, 1,
                          voice=voice_of(role))  # fmt: skip
    assert plain.startswith("Join only if you have something of your own to add")


def test_a_job_feed_adds_an_opening_or_a_resource_never_a_story_or_a_bare_ad() -> None:
    angles = _angles("job_board")
    assert "Add one relevant opening or resource (never a reply that is only an ad)" in angles
    assert "one relevant opening or resource on interviews (never a reply" in angles
    assert "story" not in angles and "recruiters" not in angles and "your firm" not in angles


def test_the_cautious_angles_say_you_not_your_firm_for_one_person() -> None:
    solo, firm = voice_of("recruiter"), FIRM_VOICE
    loss = "My grandmother passed away this morning"
    assert "only if your firm knows them" in suggest_angle(loss, {}, None, 1, voice=firm)
    assert "only if you know them" in suggest_angle(loss, {}, None, 1, voice=solo)
    strike = "The warehouse strike enters its third week as the union holds the picket line"
    said = suggest_angle(strike, {}, None, 1, voice=voice_of("hr"))
    assert "a plain fact from your HR work" in said and "your desk" not in said


NOW = datetime.now(UTC)


def _store_rows() -> list[Any]:
    opening = Post(platform="x", id="1", author_id="ana", author_handle="ana", text=MATTER,
                   created_at=NOW - timedelta(hours=1))  # fmt: skip
    own = Post(platform="x", id="9", author_id="feed-1", author_handle="feed",
               text="New opening: night shift nurse, apply today", created_at=NOW - timedelta(days=2))  # fmt: skip
    return [Account(platform="x", id="feed-1", handle="feed"), opening, own]


def test_the_inbox_speaks_as_the_segment_kept_for_the_as_account(tmp_path: Path) -> None:
    """The account's segment is read as the audit reads it (a cohort file's, kept in the
    store): the same conversation gets a feed's angle --as the feed, the firm's without --as."""
    scorer: Any = FakeScorer()
    with open_store(tmp_path / "voice.db") as store:
        store.upsert(_store_rows(), provenance("test", tmp_path / "t"))
        remember_segments(store, [("x", "feed-1", "job_board")], "cohort.csv")
        as_feed = build_inbox(store, as_handle="feed", text_model=scorer, role_model=None)
        no_firm = build_inbox(store, text_model=scorer, role_model=None)
    feed_angle = next(i.angle for i in as_feed.items if i.conversation_id == "1")
    firm_angle = next(i.angle for i in no_firm.items if i.conversation_id == "1")
    assert "relevant opening or resource (never a reply that is only an ad)" in feed_angle
    assert "your recruiters' experience" in firm_angle
    # only the words change: the same conversations, in the same order
    assert [i.conversation_id for i in as_feed.items] == ["1"]
