"""Thresholds and weights of the audit, each with the reason for its default.

Users override any of them in the ``[audit]`` table of ``config.toml``; nested tables
(``[audit.weights]``, ``[audit.grades]``) override key by key. ``docs/audit.md`` lists them all.
"""

from __future__ import annotations

from collections.abc import Mapping
from copy import deepcopy
from difflib import get_close_matches
from typing import Any

from staffpulse.config import config_table
from staffpulse.errors import ConfigError
from staffpulse.next_steps import shown_config_path
from staffpulse.report.rounding import whole

# name -> (default, reason). The reasons are shown in docs/audit.md and kept here so the
# documentation and the code cannot drift apart silently (tests compare them).
SETTINGS: dict[str, tuple[Any, str]] = {
    "weights": (
        {"face": 0.25, "mix": 0.25, "voice": 0.25, "conversation": 0.25},
        "The essay names four mistakes and ranks none above another, so each pillar counts alike.",
    ),
    "grades": (
        {"A": 85, "B": 70, "C": 55, "D": 40},
        "School-style bands: A needs all four pillars healthy; below 40 at least two are failing.",
    ),
    # Face
    "avatar_values": (
        {"person": 1.0, "other": 0.45, "logo": 0.2, "default": 0.0},
        "A real face gets most trust and replies; a logo is 'faceless' (the essay's first "
        "mistake); the platform's egg/default looks abandoned.",
    ),
    "avatar_unknown_value": (
        0.4,
        "When no image or verdict is available we cannot tell, so we assume a slightly "
        "below-average avatar rather than reward the missing data.",
    ),
    "face_parts": (
        {"avatar": 0.6, "bio": 0.2, "name": 0.2},
        "People judge an account by its picture first; the bio and the name finish the first "
        "impression.",
    ),
    "bio_min_chars": (
        40,
        "Under about 40 characters a bio cannot say who you help and where.",
    ),
    # Mix
    "job_share_ok": (
        0.30,
        "Up to about one post in three can be a job ad while the feed still reads as a "
        "conversation; Mix scores 100 at or under this share.",
    ),
    "job_share_max": (
        0.90,
        "A feed that is 90% job ads is a job board; Mix scores 0 at or above this share.",
    ),
    "streak_alert": (
        5,
        "Five job ads in a row fill a follower's whole screen with ads; longer runs are flagged.",
    ),
    "recent_posts": (
        10,
        "Recommendations quote the last 10 original posts: what a visitor sees on the profile.",
    ),
    # Voice
    "personality_target": (
        0.45,
        "When close to half the posts carry an opinion, a story, a question or a feeling, "
        "the account reads as people; Voice's personality part is mostly earned by here.",
    ),
    "personality_full": (
        0.85,
        "More human posts past half still tell: a feed where nearly every post sounds like a "
        "person earns the whole personality part from here.",
    ),
    "personality_top_part": (
        0.25,
        "The share of the personality part earned between personality_target and "
        "personality_full, so a feed 80% human outscores one 50% human without a big jump.",
    ),
    "humor_target": (
        0.08,
        "Humor works in small doses; about one post in twelve is plenty for full marks.",
    ),
    "humor_min_posts": (
        5,
        "The humor detector calls some plain posts funny, so one hit may be its mistake: "
        "humor's part counts in full only from 5 funny posts, a fifth of it per post before.",
    ),
    "voice_parts": (
        {"personality": 0.8, "humor": 0.2},
        "Personality matters most; humor is the bonus staffing firms' feeds almost always "
        "miss, and the least sure of the text models, so it weighs a fifth.",
    ),
    "template_penalty": (
        0.6,
        "A feed of near-duplicates reads as a bot: a fully templated feed loses 60% of Voice.",
    ),
    # Conversation
    "reply_target": (
        0.30,
        "Accounts known for conversation spend about a third of their posts answering others.",
    ),
    "mention_target": (
        0.20,
        "Naming a person or partner in one original post in five keeps the feed social.",
    ),
    "engaged_target_90d": (
        25,
        "Talking with 25 different accounts in 90 days (two a week) is a small, real network.",
    ),
    "share_target": (
        0.10,
        "Reposting or quoting others in about one post in ten shows you read your peers.",
    ),
    "min_mentions": (
        3,
        "Conversation's small-sample bar: responsiveness is scored only when at least 3 "
        "mentions of the account are known, and mentions of others only from 3 original "
        "posts or quotes (a care desk's one post of its own naming no one read as 0%).",
    ),
    "answer_hours_ok": (
        24,
        "An answer within a day counts as responsive on social media.",
    ),
    "conversation_parts": (
        {"replies": 0.3, "mentions": 0.15, "engaged": 0.25, "shares": 0.1, "responsiveness": 0.2},
        "Replying and the number of people reached matter most; answering those who mention "
        "you is the next thing a customer notices.",
    ),
    # Data sufficiency
    "min_posts": (
        10,
        "With fewer than 10 posts a share is mostly noise; the report says so.",
    ),
}

DEFAULTS: dict[str, Any] = {name: value for name, (value, _reason) in SETTINGS.items()}
REASONS: dict[str, str] = {name: reason for name, (_value, reason) in SETTINGS.items()}
PILLARS: tuple[str, ...] = ("face", "mix", "voice", "conversation")


def _merge(base: dict[str, Any], override: Mapping[str, Any], where: str) -> dict[str, Any]:
    # each mistake names the file and says what to write: "must be a table" alone, and "see
    # docs/audit.md" (a file a pip install does not have), left a marketer guessing; the
    # file's path is looked up only when there is a mistake to name
    merged = deepcopy(base)
    for key, value in override.items():
        if key not in merged:
            close = get_close_matches(key, sorted(merged), n=1)
            guess = f"did you mean {close[0]}? " if close else ""
            raise ConfigError(
                f"unknown audit setting '{where}{key}' in {shown_config_path()}",
                hint=f"{guess}the settings of [{where.rstrip('.')}]: {', '.join(sorted(merged))}",
            )
        if isinstance(merged[key], dict):
            if not isinstance(value, Mapping):
                raise ConfigError(
                    f"audit setting '{where}{key}' in {shown_config_path()} must be a table",
                    hint=f"write [{where}{key}] on a line of its own, then its settings one a"
                    f" line: {', '.join(sorted(merged[key]))}",
                )
            merged[key] = _merge(merged[key], value, f"{where}{key}.")
        else:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ConfigError(
                    f"audit setting '{where}{key}' in {shown_config_path()} must be a number, got {value!r}",
                    hint=f"write a number without quotes, e.g. {key} = {merged[key]}",
                )
            merged[key] = value
    return merged


def audit_settings(config: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The defaults overlaid with ``config["audit"]`` (``config`` defaults to ``load_config()``).

    ``config`` may be the whole config dict (with an ``audit`` table) or the audit table itself.
    """
    if config is None:
        from staffpulse.config import load_config

        config = load_config()
    section: Mapping[str, Any]
    if "audit" in config:
        section = config_table(config, "audit")  # `audit = 5` is a ConfigError, not a crash
    elif any(key in DEFAULTS for key in config):
        section = config
    else:
        section = {}
    settings = _merge(DEFAULTS, section, "audit.")
    total = sum(float(v) for v in settings["weights"].values())
    if total <= 0:
        raise ConfigError(
            f"audit.weights in {shown_config_path()} must add up to more than 0",
            hint="give at least one pillar a weight above 0 under [audit.weights]",
        )
    return settings


def weighted_score(scores: Mapping[str, float], weights: Mapping[str, Any]) -> int:
    """The weighted mean of the pillars' ``scores`` (name to 0-100; a pillar with nothing to
    judge is left out of them, and takes no part). Halves go up, as everywhere a figure is
    rounded for people: 74.5 is 75, above the 74 of an account whose pillars add up to less
    (Python's round made both 74)."""
    total = sum(float(weights.get(name, 0)) for name in scores) or 1.0
    return whole(sum(float(weights.get(n, 0)) * s for n, s in scores.items()) / total)


def grade_for(score: float, grades: Mapping[str, float]) -> str:
    """The letter for an overall score: the best band whose floor the score reaches, else F."""
    for letter, floor in sorted(grades.items(), key=lambda item: -float(item[1])):
        if score >= float(floor):
            return letter
    return "F"
