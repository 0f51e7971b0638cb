"""Voice's score from its parts: how human the posts sound, how many read as funny, and how
templated the feed is (docs/audit.md, "Voice")."""

from __future__ import annotations

from typing import Any


def personality_part(share: float, settings: dict[str, Any]) -> float:
    """The personality part, 0-1, of a ``share`` of posts that sound like a person.

    Most of it (all but ``personality_top_part``) is earned on the way to
    ``personality_target``, the rest between there and ``personality_full``: a part full at the
    target left a feed 50% human and one 80% human on the same Voice, so a single humor hit
    decided the ranking of every feed past half."""
    target, full = float(settings["personality_target"]), float(settings["personality_full"])
    top = min(max(float(settings["personality_top_part"]), 0.0), 1.0)
    below = min(share / target, 1.0) if target > 0 else 1.0
    if full > target:
        above = min(max((share - target) / (full - target), 0.0), 1.0)
    else:  # a full share set at or under the target: the top part comes with the target
        above = 1.0 if share >= target else 0.0
    return (1.0 - top) * below + top * above


def humor_part(share: float, funny: int, settings: dict[str, Any]) -> float:
    """The humor part, 0-1, of a ``share`` of posts that read as funny, ``funny`` of them.

    The humor model calls some plain posts funny (F1 about 0.46, docs/models/humor.md), so one
    hit may be its mistake: the part grows with the number of funny posts, in full only from
    ``humor_min_posts`` of them. One funny reply among 23 moved Voice 16 points and reordered a
    benchmark; now it moves it about 2."""
    target = float(settings["humor_target"])
    by_share = min(share / target, 1.0) if target > 0 else 1.0
    enough = max(float(settings["humor_min_posts"]), 1.0)
    return by_share * min(max(funny, 0) / enough, 1.0)


def voice_score(
    personality: float,
    humor: float,
    templated: float,
    settings: dict[str, Any],
    *,
    humor_posts: int,
) -> float:
    """Voice, 0-100: the personality and humor parts mixed by ``voice_parts``, less
    ``template_penalty`` times the ``templated`` share. ``humor_posts``: how many posts the
    ``humor`` share counts."""
    parts = settings["voice_parts"]
    wp, wh = float(parts["personality"]), float(parts["humor"])
    p = personality_part(personality, settings)
    h = humor_part(humor, humor_posts, settings)
    base = (wp * p + wh * h) / ((wp + wh) or 1.0)
    return 100.0 * base * (1.0 - float(settings["template_penalty"]) * templated)


def humor_gain(
    personality: float, humor: float, templated: float, funny: int, settings: dict[str, Any]
) -> float:
    """How far Voice can rise by its humor part alone (humor at ``humor_target`` from
    ``humor_min_posts`` funny posts), the most its humor hint can win: as Voice's only
    advice the hint was a care desk's first action at "+15 points", the whole gap, though
    the humor part is a fraction of it."""
    now = voice_score(personality, humor, templated, settings, humor_posts=funny)
    full = voice_score(
        personality,
        max(humor, float(settings["humor_target"])),
        templated,
        settings,
        humor_posts=max(funny, int(settings["humor_min_posts"])),
    )
    return max(full - now, 0.0)
