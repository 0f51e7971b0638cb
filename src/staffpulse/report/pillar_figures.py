"""The key figures under each audit pillar, as (label, value) pairs in reading order: each
says what it counted and of what ("12 of 40 original posts (30%)"), with thousands separators.
The terminal and the HTML renderings show them through
:func:`staffpulse.report.audit_view.pillar_rows`.
"""

from __future__ import annotations

import re
from typing import Any

from staffpulse.audit.canned_replies import repeats_in_words
from staffpulse.audit.types import AuditResult
from staffpulse.report.counts import count_of
from staffpulse.report.rounding import pct


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
    # "0 of all 1 post" and "1 of all 2 posts" read oddly: "all" only from three on
    base = f"{'all ' if every and whole > 2 else ''}{whole:,} {what}"
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
    """``3 of the last 10 original posts were job ads``, ``all of the last 10 ...`` as the
    advice says it (:mod:`staffpulse.audit.mix_advice`: "10 of the last 10" is no English);
    of one post, whether it was one."""
    if recent["posts"] == 1:
        single = _PLURAL.sub(lambda m: m.group(1), what, count=1)
        return f"the last {single} was {'a' if recent['job_ads'] else 'not a'} job ad"
    were = "was a job ad" if recent["job_ads"] == 1 else "were job ads"  # "1 of ... were"
    told = "all" if recent["job_ads"] == recent["posts"] else f"{recent['job_ads']:,}"
    return f"{told} of the last {recent['posts']:,} {what} {were}"


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
            # not "0 of 0 original posts (0%)"; of a feed all in German, not "no original
            # posts" under the row that counts 12 of them
            else f"no {mix_orig} to read",
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
        ("Templated", _templated(voice, scored, voice_orig, voice_own)),
    ]


def _templated(voice: dict[str, Any], scored: int, orig: str, own: str) -> str:
    """The share of original posts on a template; of a feed of replies only, why none was
    checked: "no original posts to read" beside a help desk's canned replies read as if
    nothing were wrong (templates are looked for in original posts only)."""
    if not voice["original_posts"] and scored and voice.get("repeated_replies"):
        # the canned replies shown below as holding the voice back, counted here too
        said = repeats_in_words(voice["repeated_replies"], voice["repeated_reply_texts"], scored)
        return f"{said} (templates are scored in original posts only)"
    if not voice["original_posts"] and scored:
        every = (
            f"the one {own.replace('posts', 'post', 1)}" if scored == 1 else f"all {scored:,} {own}"
        )
        are = "is a reply" if scored == 1 else "are replies"
        return f"not checked: only original posts are, and {every} {are}"
    return _part_of_any(
        voice["templated_posts"], voice["original_posts"], orig, voice["templated_share"]
    )


def _conversation_figures(conv: dict[str, Any], mentions_known: int) -> list[tuple[str, str]]:
    # of the posts the account wrote, as the header counts them: a repost is no post written
    written = int(conv["posts_written"])
    if not written:
        replies = "none: every post is a repost"
    elif written < int(conv["posts"]):  # "posts you wrote": the header names them so
        replies = _part_of(conv["replies"], written, "posts you wrote", conv["reply_share"])
    else:
        replies = _part_of(conv["replies"], written, "posts", conv["reply_share"], every=True)
    if own := int(conv.get("replies_to_self") or 0):
        # one reply continues one thread: "not counting 1 reply in your own threads" misread
        threads = "thread" if own == 1 else "threads"
        replies += f", not counting {count_of(own, 'reply')} in your own {threads}"
    shares = _part_of(
        conv["reposts_and_quotes_of_others"],
        conv["posts"],
        "posts",
        conv["share_share"],
        every=True,
    )
    if own_shares := int(conv.get("reposts_and_quotes_of_own") or 0):
        # the header counts them among its reposts and quotes: 643 + 79 read against 721
        shares += f", not counting {count_of(own_shares, 'share')} of your own posts"
    return [
        ("Replies to others", replies),
        (
            "Mentions others",
            _mentions_figure(conv),
        ),
        (
            "Accounts engaged",
            "not known: no post has a date that can be right"
            if conv["accounts_engaged_90d"] is None
            else f"{conv['accounts_engaged_30d']:,} in 30 days, "
            f"{conv['accounts_engaged_90d']:,} in 90 days",
        ),
        ("Reposts and quotes", shares),
        *_answer_figures(conv, mentions_known),
        *_inbox_figure(conv.get("inbox_conversations_joined")),
    ]


def _mentions_figure(conv: dict[str, Any]) -> str:
    """The share of original posts that mention others, or why its part is left out of the
    score (audit/conversation.py), as a figure of a part not scored says elsewhere ("not
    checked", "not known"): none to read, or too few for a share ("0 of 1 (0%)" cost a care
    desk that wrote the one post Mix asks for 12 points of Conversation)."""
    n = int(conv["original_posts"])
    if not n:
        return "not scored: no original post or quote to read"
    mentioning = conv["original_posts_mentioning_others"]
    fewest = int(conv.get("mentions_scored_from") or 0)
    if "mentions" in (conv.get("parts") or {"mentions": 0}) or not fewest:
        return _part_of(mentioning, n, "original posts", conv["mention_share"])
    # no share beside it: a share of one or two posts is what is not scored, and the posts
    # that do name someone are still counted, not dropped without a word
    counted = _part_of(mentioning, n, "original posts")
    return f"too few posts to judge (judged from {fewest} on): others mentioned in {counted}"


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
        answered = "none waiting for an answer" if named else "no mentions of you in the data"
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
            else "no questions to you in the data",
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


def _received(received: int, answered: int) -> str:
    """``3, you answered none``: the replies to the account's posts, and its answers."""
    return f"{received:,}, you answered {'none' if not answered else f'{answered:,}'}"
