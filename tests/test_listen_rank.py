"""Joinability ranking: properties of each signal, explanations and angles."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from staffpulse.listen.rank import (
    RankContext,
    is_question,
    looks_hostile,
    looks_like_job_ad,
    looks_spammy,
    rank,
    suggest_angle,
)
from staffpulse.listen.threads import Conversation
from staffpulse.models import Post

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
BASE_TEXT = "Our team keeps losing candidates to counteroffers in the final week"


def conv(
    cid: str,
    text: str = BASE_TEXT,
    hours_ago: float = 1.0,
    replies: int = 2,
    reply_hours_ago: float | None = None,
    author: str = "author",
) -> Conversation:
    start = NOW - timedelta(hours=hours_ago)
    opening = Post(platform="x", id=cid, author_id=author, text=text, created_at=start)
    turns = tuple(
        Post(
            platform="x",
            id=f"{cid}-r{i}",
            author_id=f"u{i}",
            text="reply",
            kind="reply",
            reply_to_post_id=cid,
            conversation_id=cid,
            created_at=NOW
            - timedelta(hours=reply_hours_ago if reply_hours_ago is not None else hours_ago / 2),
        )
        for i in range(replies)
    )
    return Conversation("x", cid, (opening, *turns))


def order(*convs: Conversation, **ctx: object) -> list[str]:
    return [r.conversation.id for r in rank(list(convs), RankContext(now=NOW, **ctx))]  # type: ignore[arg-type]


def test_question_beats_statement() -> None:
    assert order(conv("a"), conv("b", text=BASE_TEXT + ". How do you handle it?")) == ["b", "a"]


def test_recent_beats_old() -> None:
    assert order(conv("old", hours_ago=72), conv("new", hours_ago=1)) == ["new", "old"]


def test_room_to_add_value_beats_busy_thread() -> None:
    assert order(conv("busy", replies=40), conv("open", replies=2)) == ["open", "busy"]


def test_activity_growth_helps() -> None:
    quiet = conv("quiet", hours_ago=10, replies=3, reply_hours_ago=9)
    growing = conv("growing", hours_ago=10, replies=3, reply_hours_ago=0.5)
    assert order(quiet, growing) == ["growing", "quiet"]


def test_author_role_matters() -> None:
    a, b = conv("a", author="rec"), conv("b", author="nobody")
    assert order(a, b, roles={"rec": "recruiter", "nobody": "job_board"}) == ["a", "b"]


@pytest.mark.parametrize(
    "text",
    [
        "We're hiring a Senior Nurse in Denver! Apply now: https://jobs.example/1 #hiring",
        "You idiots have no clue how hiring works, shut up",
        "Hiring tips! Follow back for crypto airdrop giveaway #a #b #c #d #e #f",
    ],
)
def test_job_ads_hostility_and_spam_fall_below_a_plain_question(text: str) -> None:
    plain = conv("plain", text="How do you keep candidates warm during long interview loops?")
    bad = conv("bad", text=text, hours_ago=0.2, replies=1)
    ranked = rank([bad, plain], RankContext(now=NOW))
    assert [r.conversation.id for r in ranked] == ["plain", "bad"]
    assert ranked[1].cautions and ranked[1].score < 0.25 * ranked[0].score


def test_model_job_score_overrides_patterns() -> None:
    ad = conv("ad", text="Come build the future of logistics with us in Leeds")
    assert order(ad, conv("q"), job_scores={"ad": 0.97}) == ["q", "ad"]


def test_copy_pasted_text_by_many_accounts_is_spam() -> None:
    same = [conv(f"s{i}", text="Best recruiting tips here", author=f"bot{i}") for i in range(3)]
    ranked = rank([*same, conv("real")], RankContext(now=NOW))
    assert ranked[0].conversation.id == "real"
    assert all(r.flags["spam"] for r in ranked[1:])


def test_explanations_and_angles() -> None:
    (item,) = rank(
        [conv("q", text="Recruiters: how do you handle counteroffers?", replies=0)],
        RankContext(
            now=NOW, roles={"author": "hr_pro"}, topic_labels={"q": "counteroffers / offer"}
        ),
    )
    assert "asks a question" in item.reasons
    assert any("be the first" in r for r in item.reasons)
    assert "started by an HR professional" in item.reasons
    assert item.angle.startswith("Be the first to reply")
    assert "counteroffers" in item.angle
    assert set(item.components) == {"question", "recency", "room", "relevance", "role", "growth"}
    assert 0 < item.score <= 1


def test_angle_templates() -> None:
    assert "Skip" in suggest_angle("x", {"spam": True}, None, 0)
    assert "candidate" in suggest_angle("x", {"job_ad": True}, None, 0)
    assert "light tone" in suggest_angle("x", {}, None, 2, humor=0.9)
    angle = suggest_angle("remote / office", {}, None, 2, text="Office mandates are back")
    assert "perspective on office" in angle
    assert "on this topic" in suggest_angle("remote / office", {}, None, 2, text="Unrelated")


def test_detectors() -> None:
    assert is_question("Anyone else seeing this?") and is_question(
        "How do you run reference checks"
    )
    assert not is_question("We closed three roles this week. https://x.co/a?b=1")
    assert looks_like_job_ad("Now hiring forklift operators, apply today")
    assert not looks_like_job_ad("How is hiring going for you this quarter?")
    assert looks_hostile("what a moron") and not looks_hostile("tough market for everyone")
    assert looks_spammy("x", hashtags=7) and not looks_spammy("a normal post", hashtags=1)


def test_score_properties_over_random_conversations() -> None:
    """Property: asking a question never lowers the score, penalties never raise it, and
    scores stay in [0, 1]."""
    import random

    rng = random.Random(3)
    for i in range(60):
        hours, replies = rng.uniform(0, 200), rng.randint(0, 40)
        plain = conv(f"p{i}", hours_ago=hours, replies=replies)
        asked = conv(f"q{i}", text=BASE_TEXT + "? Thoughts?", hours_ago=hours, replies=replies)
        ad = conv(f"a{i}", text=BASE_TEXT + " #hiring apply now", hours_ago=hours, replies=replies)
        scores = {
            r.conversation.id: r.score for r in rank([plain, asked, ad], RankContext(now=NOW))
        }
        assert all(0 <= s <= 1 for s in scores.values())
        assert scores[f"q{i}"] >= scores[f"p{i}"] >= scores[f"a{i}"]


def test_posts_addressed_to_one_account_rank_below_open_questions() -> None:
    open_q = conv("open", text="How do you handle counteroffers?")
    aimed = conv("aimed", text="@acmestaffing how do you handle counteroffers?")
    ranked = rank([aimed, open_q], RankContext(now=NOW))
    assert [r.conversation.id for r in ranked] == ["open", "aimed"]
    assert any("addressed to @acmestaffing" in c for c in ranked[1].cautions)
    hey = conv("hey", text="Hey @acmestaffing, is your welder job weekly pay?")
    assert rank([hey], RankContext(now=NOW))[0].flags["addressed"]
    cc = conv("cc", text="How do you onboard? cc @someone")
    assert not rank([cc], RankContext(now=NOW))[0].flags["addressed"]
