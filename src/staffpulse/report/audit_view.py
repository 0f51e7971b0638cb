"""What the audit reports show, shared by the terminal and the HTML renderings."""

from __future__ import annotations

import re
from typing import Any

from staffpulse.audit.advice import actions_total
from staffpulse.audit.types import PILLAR_QUESTIONS, PILLAR_TITLES, AuditResult
from staffpulse.dates import format_day
from staffpulse.report.counts import count_of, join_and
from staffpulse.report.rounding import whole

GRADE_COLORS = {"A": "#1a7f4b", "B": "#4c9a2a", "C": "#c98a00", "D": "#d9622b", "F": "#c0392b"}
RICH_COLORS = {"A": "green", "B": "green", "C": "yellow", "D": "dark_orange", "F": "red"}
UNSCORED_COLOR = "#6b7280"  # a pillar not scored: grey, no grade's colour
# the heading over a pillar's posts shown as proof of a count (PillarResult.counted)
COUNTED_TITLES = {"mix": "Posts counted as job ads"}


def band(score: float) -> str:
    """The grade letter whose band a 0-100 score falls in (default bands), for colouring."""
    for letter, floor in (("A", 85), ("B", 70), ("C", 55), ("D", 40)):
        if score >= floor:
            return letter
    return "F"


def pct(value: float | None) -> str:
    """A share as people write it, halves up; "0%" only for none and "100%" only for all: the
    league table said 0% job ads for an account whose audit counted 3 of 746 ("<1%")."""
    if value is None:
        return "n/a"
    text = f"{whole(100 * value)}%"
    if text == "0%" and value > 0:
        return "<1%"
    if text == "100%" and value < 1:
        return ">99%"
    return text


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


# the plural noun a figure's base names: "posts you wrote", "original posts in English"
_PLURAL = re.compile(r"\b(post|mention|question)s\b")


def _part_of(
    part: int, whole: int, what: str, share: float | None = None, *, every: bool = False
) -> str:
    """``590 of 1,206 posts you wrote (49%)``: every figure names what it counted; ``every``
    says the base is the header's total (``420 of all 1,986 posts``)."""
    if whole == 1:  # "0 of 1 original post", not "0 of 1 original posts"
        what = _PLURAL.sub(lambda m: m.group(1), what, count=1)
    base = f"{'all ' if every else ''}{whole:,} {what}"
    return f"{part:,} of {base}" + (
        f" ({_share_text(part, whole, share)})" if share is not None else ""
    )


def _share_text(part: int, whole: int, share: float) -> str:
    """The share beside its count, never contradicting it: 3 of 746 is "<1%", not "0%" (which
    reads as none), and 745 of 746 is ">99%", not "100%"."""
    text = pct(share)
    if text == "0%" and part > 0:
        return "<1%"
    if text == "100%" and part < whole:
        return ">99%"
    return text


def _part_of_any(part: int, whole: int, what: str, share: float | None = None) -> str:
    """:func:`_part_of`, or "no original posts to read" when there is none to count: "0 of 0
    original posts (0%)" reads as a verdict on posts that do not exist."""
    return _part_of(part, whole, what, share) if whole else f"no {what} to read"


def _last_posts(recent: dict[str, Any], what: str) -> str:
    """``3 of the last 10 original posts were job ads``; of one post, whether it was one."""
    if recent["posts"] == 1:
        single = _PLURAL.sub(lambda m: m.group(1), what, count=1)
        return f"the last {single} was {'a' if recent['job_ads'] else 'not a'} job ad"
    return f"{recent['job_ads']:,} of the last {recent['posts']:,} {what} were job ads"


def _replies_counted(replies: int, in_own_threads: int) -> str:
    """``14 replies (all in your own threads)``, ``485 replies (65 of them in your own
    threads)``, never a bare "(1 in your own threads)" that reads as one thread:
    replies that only continue the account's threads are no conversation, and Conversation
    leaves them out, so the header says so rather than contradict it."""
    if not replies:
        return ""
    text = count_of(replies, "reply")
    if in_own_threads >= replies:
        return text + (" (in your own thread)" if replies == 1 else " (all in your own threads)")
    if in_own_threads:
        return text + f" ({in_own_threads:,} of them in your own threads)"
    return text


def posts_and_span(result: AuditResult) -> str:
    """The header's post total and the days it spans: "8 posts from 1 Mar 2026 to 9 Mar 2026",
    or "8 posts (6 dated from ...)" when some have no usable date, since the span is of the
    dated ones only (the caution line says why); an audit stored before ``dated`` was counted
    reads as before."""
    counts, window = result.counts, result.window
    total = count_of(int(counts.get("posts", 0)), "post")
    if not window.get("first_post"):
        return total
    span = f"from {format_day(window['first_post'])} to {format_day(window['last_post'])}"
    dated = counts.get("dated")
    if dated is not None and int(dated) < int(counts.get("posts", 0)):
        return f"{total} ({int(dated):,} dated {span})"
    return f"{total} {span}"


def posts_counted(result: AuditResult) -> str | None:
    """What the header's post total holds, and what the pillars' bases mean: the totals of the
    figures differ because each pillar counts the posts it can judge."""
    counts = result.counts
    original, quotes = int(counts.get("original", 0)), int(counts.get("quote", 0))
    replies, reposts = int(counts.get("reply", 0)), int(counts.get("repost", 0))
    if not counts.get("posts"):
        return None
    total = int(counts["posts"])
    # "Of these, 224 original posts." only repeats the total, so say that they all are one kind
    for count, kind in ((original, "original posts"), (quotes, "quotes"), (reposts, "reposts")):
        if count == total > 1:
            return f"All of them are {kind}."
    if replies == total > 1:  # "101 replies (5 in your own threads)" without the 101
        written = _replies_counted(replies, int(counts.get("replies_in_own_threads", 0)))
        return f"All of them are replies{written.removeprefix(count_of(replies, 'reply'))}."
    kinds = join_and(
        [
            count_of(original, "original post") if original else "",
            count_of(quotes, "quote") if quotes else "",
            _replies_counted(replies, int(counts.get("replies_in_own_threads", 0))),
            count_of(reposts, "repost") if reposts else "",
        ]
    )
    below = []
    if quotes and original:
        below.append(f"“original posts” counts the quotes too ({original + quotes:,})")
    if reposts and original + quotes + replies:
        below.append(f"“posts you wrote” means all but the reposts ({counts['posts'] - reposts:,})")
    return f"Of these, {kinds}." + (f" Below, {join_and(below)}." if below else "")


def figures(result: AuditResult) -> dict[str, list[tuple[str, str]]]:
    """The key numbers of each pillar as (label, value) pairs, in reading order; each says
    what it counted, with thousands separators."""
    pillars = result.pillars
    return {
        "face": _face_figures(pillars["face"].evidence),
        "mix": _mix_figures(pillars["mix"].evidence),
        "voice": _voice_figures(pillars["voice"].evidence),
        "conversation": _conversation_figures(
            pillars["conversation"].evidence, result.counts.get("mentions_known", 0)
        ),
    }


def _face_figures(face: dict[str, Any]) -> list[tuple[str, str]]:
    name = face["display_name"]
    return [
        ("Avatar", _avatar_text(face["avatar"])),
        ("Bio", face["bio"]["verdict"]),
        (
            "Display name",
            f"\u201c{name['text'].strip()}\u201d: {name['verdict']}"
            if name["text"]
            else name["verdict"],
        ),
    ]


def _mix_figures(mix: dict[str, Any]) -> list[tuple[str, str]]:
    trend = mix["trend"]
    trend_text = trend["direction"]
    if trend["recent"] is not None:
        trend_text += f" ({pct(trend['before'])} → {pct(trend['recent'])})"
    # a pillar that left posts out says "in English" of the ones it read
    mix_orig = "original posts" + (" in English" if mix.get("not_english") else "")
    if mix.get("not_english") and mix.get("job_ads_not_english"):
        mix_orig = "original posts read"  # job ads in German, Spanish or French are in
    return [
        *_not_english(mix, mix["original_posts"], "original posts"),
        (
            "Job ads",
            _part_of(mix["job_ads"], mix["original_posts"], mix_orig, mix["job_share"])
            if mix["original_posts"]
            else "no original posts to read",  # not "0 of 0 original posts (0%)"
        ),
        # with no original post, "0 of the last 0" and "0 job ads in a row" say nothing
        *(
            [
                ("Last posts", _last_posts(mix["recent"], mix_orig)),
                ("Longest streak", f"{count_of(mix['longest_streak'], 'job ad')} in a row"),
                ("Trend", trend_text),
            ]
            if mix["original_posts"]
            else []
        ),
    ]


def _voice_figures(voice: dict[str, Any]) -> list[tuple[str, str]]:
    voice_own = "posts you wrote" + (" in English" if voice.get("not_english") else "")
    voice_orig = "original posts" + (" in English" if voice.get("not_english") else "")
    scored = voice["posts_scored"]
    return [
        *_not_english(voice, scored, "posts you wrote"),
        (
            "Human voice",
            _part_of_any(voice["personality_posts"], scored, voice_own, voice["personality_share"]),
        ),
        (
            "Humor (a hint)",
            _part_of_any(voice["humor_posts"], scored, voice_own, voice["humor_share"]),
        ),
        (
            "Templated",
            _part_of_any(
                voice["templated_posts"],
                voice["original_posts"],
                voice_orig,
                voice["templated_share"],
            ),
        ),
    ]


def _conversation_figures(conv: dict[str, Any], mentions_known: int) -> list[tuple[str, str]]:
    replies = _part_of(conv["replies"], conv["posts"], "posts", conv["reply_share"], every=True)
    if conv.get("replies_to_self"):
        replies += (
            f", not counting {count_of(conv['replies_to_self'], 'reply')} in your own threads"
        )
    return [
        ("Replies to others", replies),
        (
            "Mentions others",
            _part_of_any(
                conv["original_posts_mentioning_others"],
                conv["original_posts"],
                "original posts",
                conv["mention_share"],
            ),
        ),
        (
            "Accounts engaged",
            f"{conv['accounts_engaged_30d']:,} in 30 days, "
            f"{conv['accounts_engaged_90d']:,} in 90 days",
        ),
        (
            "Reposts and quotes",
            _part_of(
                conv["reposts_and_quotes_of_others"],
                conv["posts"],
                "posts",
                conv["share_share"],
                every=True,
            ),
        ),
        *_answer_figures(conv, mentions_known),
        *_inbox_figure(conv.get("inbox_conversations_joined")),
    ]


def _answer_figures(conv: dict[str, Any], named: int) -> list[tuple[str, str]]:
    """How the account answered what others sent it: mentions waiting for an answer, replies
    to its posts, thank-you notes (which need none); together they are the header's mentions."""
    known = int(conv["mentions_known"])
    if known:
        answered = _part_of(
            conv["mentions_answered"], known, "mentions" if known != 1 else "mention"
        )
        if conv["median_hours_to_answer"] is not None:
            answered += f", median {_hours(conv['median_hours_to_answer'])}"
    else:
        answered = "none waiting for an answer" if named else "no mentions of you in the store"
    rows = [("Mentions answered", answered)]
    received = int(conv.get("replies_received") or 0)
    if received:
        rows.append(
            (
                "Replies to your posts",
                _received(received, int(conv.get("replies_received_answered") or 0)),
            )
        )
    if thanks := int(conv.get("thanks_received") or 0):
        rows.append(("Thank-you notes", f"{thanks:,}, no answer needed"))
    if carried := int(conv.get("replies_to_others_naming_you") or 0):
        rows.append(
            ("Others' replies naming you", f"{carried:,}, answering someone else: no answer needed")
        )
    rows.append(
        (
            "Questions answered",
            _part_of(conv["questions_answered"], conv["questions_known"], "questions")
            if conv.get("questions_known")
            else "no questions to you in the store",
        )
    )
    return rows


def _not_english(evidence: dict[str, Any], read: int, what: str) -> list[tuple[str, str]]:
    """The posts a pillar left out because its models read English only (none: no line)."""
    left_out = int(evidence.get("not_english") or 0)
    if not left_out:
        return []
    return [("Not in English", f"{_part_of(left_out, left_out + read, what)} (not read)")]


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
    nothing needs doing; None when they win no points (pillars not scored, a warning). One
    pillar's actions overlap: the total counts each pillar once (at most its gap), says so when
    that is less than the points shown, and never passes what the rounded overall misses."""
    if not result.top_actions:
        return "Nothing to fix right now: keep doing what you do."
    counted = actions_total(result.top_actions)
    total = min(counted, 100 - result.overall)
    if total <= 0:
        return None
    shown = sum(int(a.get("points") or 0) for a in result.top_actions)
    overlap = ": actions on the same pillar overlap, so each pillar counts once"
    return (
        f"Doing all of this could take you from {result.overall} to {result.overall + total} "
        f"(+{total}{overlap if shown > counted else ''})."
    )


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
                "counted": pillar.counted,
                "counted_title": COUNTED_TITLES.get(name, "Posts counted"),
                "notes": pillar.notes,
            }
        )
    return rows


def _received(received: int, answered: int) -> str:
    """``3, you answered none``: the replies to the account's posts, and its answers."""
    return f"{received:,}, you answered {'none' if not answered else f'{answered:,}'}"
