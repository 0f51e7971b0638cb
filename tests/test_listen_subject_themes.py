"""A card in a named topic speaks to its topic: its angle names the subject of the topic's
theme when the post names one, not another matter the post names first (hand-written posts)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from staffpulse.listen.angles import suggest_angle
from staffpulse.listen.rank import RankContext, add_angles, rank
from staffpulse.listen.subject_themes import SUBJECT_THEMES, subject_in_theme, theme_of_label
from staffpulse.listen.threads import Conversation
from staffpulse.listen.topic_themes import THEMES
from staffpulse.listen.work_terms import _SUBJECTS
from staffpulse.models import Post

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
# names pay first and an interview after it
BOTH = "Got asked my current salary in the second interview today and froze."


def test_every_subject_an_angle_names_has_its_theme_or_none_on_purpose() -> None:
    keys = {theme.key for theme in THEMES}
    assert set(SUBJECT_THEMES.values()) <= keys
    unmapped = {subject for _, subject in _SUBJECTS} - set(SUBJECT_THEMES)
    assert unmapped == {"degrees and skills"}
    assert theme_of_label("Interviews") == "interviews" and theme_of_label("Career / data") is None


def test_the_angle_names_the_topics_subject_when_the_post_names_it() -> None:
    assert subject_in_theme(BOTH, "interviews") == "interviews"
    assert "about pay" in suggest_angle(BOTH, {}, None, 0)
    assert "about interviews" in suggest_angle(BOTH, {}, None, 0, theme="interviews")
    # a topic whose subject the post does not name: the post's own first subject, as before
    assert "about pay" in suggest_angle(BOTH, {}, None, 0, theme="remote")


def test_only_an_inbox_narrowed_to_a_topic_speaks_to_the_cards_topic() -> None:
    post = Post(platform="x", id="1", author_id="a", author_handle="sam", text=BOTH,
                created_at=NOW)  # fmt: skip
    ranked = rank([Conversation("x", "1", (post,))], RankContext(now=NOW), angles=False)
    filed = [replace(ranked[0], topic_label="Interviews")]
    assert "about pay" in add_angles(filed, RankContext(now=NOW))[0].angle
    by_topic = add_angles(filed, RankContext(now=NOW), by_topic=True)[0].angle
    assert "about interviews" in by_topic
