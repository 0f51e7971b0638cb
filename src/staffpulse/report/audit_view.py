"""What the audit reports show, shared by the terminal and the HTML renderings."""

from __future__ import annotations

from typing import Any

from staffpulse.audit.types import PILLAR_QUESTIONS, PILLAR_TITLES, AuditResult
from staffpulse.report.counts import count_of

GRADE_COLORS = {"A": "#1a7f4b", "B": "#4c9a2a", "C": "#c98a00", "D": "#d9622b", "F": "#c0392b"}
RICH_COLORS = {"A": "green", "B": "green", "C": "yellow", "D": "dark_orange", "F": "red"}
UNSCORED_COLOR = "#6b7280"  # a pillar not scored: grey, no grade's colour


def band(score: float) -> str:
    """The grade letter whose band a 0-100 score falls in (default bands), for colouring."""
    for letter, floor in (("A", 85), ("B", 70), ("C", 55), ("D", 40)):
        if score >= floor:
            return letter
    return "F"


def pct(value: float | None) -> str:
    return "n/a" if value is None else f"{round(100 * value)}%"


def _avatar_text(avatar: dict[str, Any]) -> str:
    label = avatar.get("label")
    if label is None:
        return "not checked" + (f" ({avatar['note']})" if avatar.get("note") else "")
    words = {
        "person": "a person",
        "logo": "a logo or wordmark",
        "default": "default picture",
        "other": "neither face nor logo",
    }.get(label, label)
    return f"{words} ({round(100 * float(avatar.get('confidence') or 0))}% sure)"


def figures(result: AuditResult) -> dict[str, list[tuple[str, str]]]:
    """The key numbers of each pillar as (label, value) pairs, in reading order."""
    face = result.pillars["face"].evidence
    mix = result.pillars["mix"].evidence
    voice = result.pillars["voice"].evidence
    conv = result.pillars["conversation"].evidence
    trend = mix["trend"]
    trend_text = trend["direction"]
    if trend["recent"] is not None:
        trend_text += f" ({pct(trend['before'])} → {pct(trend['recent'])})"
    answered = "not enough mentions known"
    if conv["mentions_known"]:
        answered = f"{conv['mentions_answered']} of {conv['mentions_known']}"
        if conv["median_hours_to_answer"] is not None:
            answered += f", median {_hours(conv['median_hours_to_answer'])}"
    return {
        "face": [
            ("Avatar", _avatar_text(face["avatar"])),
            ("Bio", face["bio"]["verdict"]),
            (
                "Display name",
                f"\u201c{face['display_name']['text']}\u201d: {face['display_name']['verdict']}"
                if face["display_name"]["text"]
                else face["display_name"]["verdict"],
            ),
        ],
        "mix": [
            *_not_english(mix, mix["original_posts"], "original posts"),
            (
                "Job ads",
                f"{mix['job_ads']} of {mix['original_posts']} original posts "
                f"({pct(mix['job_share'])})",
            ),
            (
                "Last posts",
                f"{mix['recent']['job_ads']} of the last {mix['recent']['posts']} were job ads",
            ),
            ("Longest streak", f"{count_of(mix['longest_streak'], 'job ad')} in a row"),
            ("Trend", trend_text),
        ],
        "voice": [
            *_not_english(voice, voice["posts_scored"], "posts"),
            (
                "Human voice",
                f"{voice['personality_posts']} of {voice['posts_scored']} posts "
                f"({pct(voice['personality_share'])})",
            ),
            (
                "Humor",
                f"{voice['humor_posts']} of {voice['posts_scored']} posts "
                f"({pct(voice['humor_share'])})",
            ),
            (
                "Templated",
                f"{voice['templated_posts']} of {voice['original_posts']} original "
                f"posts ({pct(voice['templated_share'])})",
            ),
        ],
        "conversation": [
            (
                "Replies to others",
                f"{conv['replies']} of {conv['posts']} posts ({pct(conv['reply_share'])})",
            ),
            ("Mentions others", f"{pct(conv['mention_share'])} of original posts"),
            (
                "Accounts engaged",
                f"{conv['accounts_engaged_30d']} in 30 days, "
                f"{conv['accounts_engaged_90d']} in 90 days",
            ),
            (
                "Reposts and quotes",
                f"{conv['reposts_and_quotes_of_others']} ({pct(conv['share_share'])})",
            ),
            ("Mentions answered", answered),
            (
                "Questions answered",
                f"{conv['questions_answered']} of {conv['questions_known']}"
                if conv.get("questions_known")
                else "no questions to you in the store",
            ),
            *_inbox_figure(conv.get("inbox_conversations_joined")),
        ],
    }


def _not_english(evidence: dict[str, Any], read: int, what: str) -> list[tuple[str, str]]:
    """The posts a pillar left out because its models read English only (none: no line)."""
    left_out = int(evidence.get("not_english") or 0)
    if not left_out:
        return []
    return [("Not in English", f"{left_out} of {left_out + read} {what} (not read)")]


def _inbox_figure(joined: int | None) -> list[tuple[str, str]]:
    """The inbox's feedback: how many work conversations found by listening the firm joined."""
    if joined is None:
        return []  # nothing listened to yet: a zero would be a false reproach
    return [("Inbox conversations joined", count_of(joined, "conversation"))]


def _hours(hours: float) -> str:
    if hours * 60 < 0.5:
        return "under a minute"
    if hours < 1:
        return f"{round(hours * 60)} min"
    if hours < 48:
        return f"{hours:.1f} h"
    return f"{hours / 24:.1f} days"


def action_points(action: dict[str, Any]) -> str:
    """How an action's points read after it: ``+6 points``; nothing for none (a pillar not
    scored, or a warning that keeps the score where it is)."""
    points = int(action.get("points") or 0)
    return f"+{count_of(points, 'point')}" if points > 0 else ""


def actions_summary(result: AuditResult) -> str | None:
    """The line under "Do this next": what the listed actions could win together, or that
    nothing needs doing; None when they win no points (pillars not scored, a warning). The
    points of a pillar's actions share its gap, so they add up."""
    if not result.top_actions:
        return "Nothing to fix right now: keep doing what you do."
    total = sum(int(a.get("points") or 0) for a in result.top_actions)
    if total <= 0:
        return None
    after = min(100, result.overall + total)
    return f"Doing all of this could take you from {result.overall} to {after} (+{total})."


def pillar_rows(result: AuditResult) -> list[dict[str, Any]]:
    """One row per pillar: title, question, score, colour, change, figures, advice, examples."""
    figs = figures(result)
    rows = []
    for name, pillar in result.pillars.items():
        score = pillar.score
        rows.append(
            {
                "name": name,
                "title": PILLAR_TITLES[name],
                "question": PILLAR_QUESTIONS[name],
                "score": score,  # None when not scored
                "scored": score is not None,
                "shown": "n/a" if score is None else str(score),  # the figure to print
                "band": None if score is None else band(score),
                "color": UNSCORED_COLOR if score is None else GRADE_COLORS[band(score)],
                "change": (result.change or {}).get(name),
                "figures": figs[name],
                "recommendations": pillar.recommendations,
                "worst": pillar.worst,
                "best": pillar.best,
                "notes": pillar.notes,
            }
        )
    return rows
