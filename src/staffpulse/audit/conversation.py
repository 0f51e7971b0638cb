"""Conversation: replies, mentions of others, accounts engaged, shares, answers to mentions."""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import UTC, datetime
from typing import Any

import numpy as np
import numpy.typing as npt

from staffpulse.audit.answers import asks, sort_answers
from staffpulse.audit.conversation_rules import (
    is_self_reply,
    is_share,
    mentions_others,
    own_names,
    read_exchange,
    shared_author,
    talks_with,
)
from staffpulse.audit.quiet import quiet_span
from staffpulse.audit.types import (
    Frame,
    PillarResult,
    PostExample,
    Praise,
    example,
    rank_examples,
    unique_texts,
)
from staffpulse.authors import describe_author
from staffpulse.models import Account, Post
from staffpulse.report.rounding import whole
from staffpulse.store.codec import format_time

DAY = 86400.0
# Replies to its posts left unanswered before the audit suggests answering them: one friendly
# last word of a thread needs no answer.
REPLIES_TO_ANSWER = 2
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


# "@MedLibAssn" in a post's text, without the punctuation after it ("@erik.example.dev.")
_WRITTEN_HANDLE = re.compile(r"(?<![\w@])@(\w(?:[\w.@-]*\w)?)")


def _me(account: Account) -> frozenset[str]:
    return own_names(account.handle, account.id)


def self_replies(frame: Frame, account: Account) -> npt.NDArray[np.bool_]:
    """Replies the account wrote to itself: thread continuations, not conversation."""
    me = _me(account)
    return np.array([is_self_reply(read_exchange(p), me) for p in frame.posts], dtype=bool)


def conversation_pillar(
    frame: Frame,
    account: Account,
    mentions: list[Post],
    ref_authors: dict[str, str],
    ref_ts: float | None,
    settings: dict[str, Any],
    inbox_joined: int | None = None,
    today: datetime | None = None,
) -> PillarResult:
    """The Conversation pillar. ``ref_ts`` ends the 30- and 90-day windows (the last post, or
    the audit's ``now``); ``today`` tells whether the account has gone quiet, so that the
    advice names the 90 days it measured rather than "the last 90 days"."""
    me = _me(account)
    n = frame.n
    # the per-post rules are those `staffpulse score` applies too (conversation_rules)
    exchanges = [read_exchange(p) for p in frame.posts]
    targets = [talks_with(x, me, ref_authors) for x in exchanges]
    self_reply = np.array([is_self_reply(x, me) for x in exchanges], dtype=bool)
    replies = (frame.kind == "reply") & ~self_reply
    shares = np.array(
        [
            is_share(x, t, bool(shared_author(x, me, ref_authors)))
            for x, t in zip(exchanges, targets, strict=True)
        ],
        dtype=bool,
    )
    orig = frame.authored_original
    mention_posts = np.array(
        [mentions_others(x, t) for x, t in zip(exchanges, targets, strict=True)], dtype=bool
    )
    reply_share = float(replies.sum() / n) if n else 0.0
    share_share = float(shares.sum() / n) if n else 0.0
    mention_share = float(mention_posts.sum() / orig.sum()) if orig.any() else 0.0

    engaged: dict[str, int] = {}
    counter: Counter[str] = Counter()
    for days in (30, 90):
        if ref_ts is None:
            engaged[f"{days}d"] = 0
            continue
        recent = np.flatnonzero(frame.ts >= ref_ts - days * DAY)
        engaged[f"{days}d"] = len(set().union(*(targets[i] for i in recent))) if recent.size else 0
    for t in targets:
        counter.update(t)
    active = last_active_90d(frame, targets, ref_ts, today)
    # the rules match handles in lower case (an archive's import stores them so); the report
    # names each as the posts' text wrote it ("@MedLibAssn", not "@medlibassn")
    spelled: dict[str, str] = {}
    for post in frame.posts:
        for name in (*_WRITTEN_HANDLE.findall(post.text), *post.mentions, post.reply_to_handle):
            if name:
                spelled.setdefault(name.lower(), name)

    got = sort_answers(frame, mentions, me)
    answered, hours, unanswered = got.answered, got.hours, got.unanswered
    questions = sum(asks(p.text) for p in got.mentions)
    known = len(got.mentions)
    notes: list[str] = []
    median_hours = float(np.median(hours)) if hours else None
    responsiveness: float | None = None
    if known >= int(settings["min_mentions"]):
        speed = 1.0
        if median_hours is not None and median_hours > float(settings["answer_hours_ok"]):
            speed = float(settings["answer_hours_ok"]) / median_hours
        responsiveness = answered / known * (0.7 + 0.3 * speed)
    else:
        notes.append(
            (
                "no mentions of the account are in the store"
                if not mentions
                else "no mentions of the account that wait for an answer are in the store"
                if known == 0
                else f"only {known} mention{'s' if known != 1 else ''} of the account "
                f"{'wait' if known != 1 else 'waits'} for an answer in the store"
            )
            + ": responsiveness not scored"
        )
    if got.dated_before:
        notes.append(
            f"{got.dated_before} answer{'s are' if got.dated_before != 1 else ' is'} dated "
            "before the post it answers (a wrong date in the data): counted as answered, "
            "left out of the answer time"
        )
    values = conversation_parts(
        reply_share, mention_share, engaged["90d"], share_share, responsiveness, settings
    )
    score = conversation_score(
        reply_share, mention_share, engaged["90d"], share_share, responsiveness, settings
    )
    evidence: dict[str, Any] = {
        "posts": n,
        "replies": int(replies.sum()),
        "replies_to_self": int(self_reply.sum()),  # thread continuations: not conversation
        "reply_share": round(reply_share, 3),
        "original_posts": int(orig.sum()),  # original posts and quotes: mention_share's base
        "original_posts_mentioning_others": int(mention_posts.sum()),
        "mention_share": round(mention_share, 3),
        "reposts_and_quotes_of_others": int(shares.sum()),
        "share_share": round(share_share, 3),
        "accounts_engaged_30d": engaged["30d"],
        "accounts_engaged_90d": engaged["90d"],
        "accounts_engaged_total": len(counter),
        # posts in the 90-day window; and, for an account gone quiet, the 90 days up to its
        # last post: a zero of an empty window is no finding about how it talks
        "posts_90d": posts_in(frame, ref_ts, 90),
        "last_active_90d": active,
        "top_partners": [
            {"handle": spelled.get(h, h), "interactions": c} for h, c in counter.most_common(5)
        ],
        "mentions_known": known,
        "mentions_answered": answered,
        "questions_known": questions,
        "questions_answered": questions - sum(asks(p.text) for p in unanswered),
        "answer_share": round(answered / known, 3) if known else None,
        # two decimals: a 2-minute answer must not read as "0 min"
        "median_hours_to_answer": round(median_hours, 2) if median_hours is not None else None,
        "answers_dated_before": got.dated_before,  # no answer time: left out of the median
        # replies to the account's posts asking nothing: answers it received, not mentions
        "replies_received": len(got.replies),
        "replies_received_answered": got.replies_answered,
        "thanks_received": len(got.thanks),  # closing thanks: nothing to answer
        # replies to others that carry the account's name: they wait for someone else
        "replies_to_others_naming_you": len(got.to_others),
        # its replies already count above; the number is the inbox's feedback to the firm
        "inbox_conversations_joined": inbox_joined,
        "parts": {k: round(100 * v) for k, v in values.items()},
    }
    # a reply that is a job ad ("@sam we're hiring, apply now") is no conversation to imitate
    best_pool = unique_texts(frame, np.flatnonzero(replies & ~frame.job))
    best: list[PostExample] = []
    if best_pool.size:
        ranked = rank_examples(frame, best_pool, frame.personality_score[best_pool])
        best = [example(frame.posts[int(i)], "a real reply to someone") for i in ranked]
    # questions first, then the latest; then replies to its posts it left unanswered
    waiting = sorted(unanswered, key=lambda p: (asks(p.text), p.created_at or _EPOCH))[::-1]
    worst = [
        example(
            p, f"{describe_author(p.author_handle, p.author_id)} mentioned you; no answer found"
        )
        for p in waiting[:3]
    ]
    if len(got.unanswered_replies) >= REPLIES_TO_ANSWER:  # as the advice says
        latest = sorted(got.unanswered_replies, key=lambda p: p.created_at or _EPOCH)[::-1]
        worst += [
            example(
                p,
                f"{describe_author(p.author_handle, p.author_id)} replied to your post; you did not answer",
            )
            for p in latest[: 3 - len(worst)]
        ]
    return PillarResult(
        name="conversation",
        score=round(score),
        evidence=evidence,
        recommendations=_advice(evidence, settings),
        best=best,
        worst=worst,
        notes=notes,
    )


def posts_in(frame: Frame, end_ts: float | None, days: int) -> int:
    """The posts of the ``days`` up to ``end_ts`` (0 with no time to count from)."""
    if end_ts is None:
        return 0
    return int(((frame.ts >= end_ts - days * DAY) & (frame.ts <= end_ts)).sum())


def last_active_90d(
    frame: Frame, targets: list[frozenset[str]], ref_ts: float | None, today: datetime | None
) -> dict[str, Any] | None:
    """For an account gone quiet (see :mod:`staffpulse.audit.quiet`): the day its last post
    was and how many accounts it talked with in the 90 days up to it; None for an account
    still posting (its windows are its recent days)."""
    known = frame.ts[~np.isnan(frame.ts)]
    if ref_ts is None or today is None or not known.size:
        return None
    last_ts = float(known.max())
    if quiet_span(datetime.fromtimestamp(last_ts, UTC), today) is None:
        return None
    recent = np.flatnonzero((frame.ts >= last_ts - 90 * DAY) & (frame.ts <= last_ts))
    engaged = len(set().union(*(targets[i] for i in recent))) if recent.size else 0
    return {
        # the moment of the last post, written as every moment of --json is
        "until": format_time(datetime.fromtimestamp(last_ts, UTC)),
        "accounts_engaged": engaged,
    }


def talked_with(ev: dict[str, Any], target: int) -> str | None:
    """The advice's finding on how many accounts the account talked with, when below
    ``target``; None when enough. An account gone quiet is judged on its last 90 days of
    posting, and said so: "0 different accounts in the last 90 days" of an account that posted
    nothing in them read as a finding about how it talks."""
    active = ev.get("last_active_90d")
    if not active:
        n = int(ev["accounts_engaged_90d"])
        if n >= target:
            return None
        return f"You talked with {n:,} different account{'' if n == 1 else 's'} in the last 90 days"
    n = int(active["accounts_engaged"])
    if n >= target:
        return None
    until = datetime.fromisoformat(active["until"])
    accounts = f"{n:,} different account{'' if n == 1 else 's'}"
    period = f"the 90 days up to its last post ({until.day} {until:%b %Y})"
    if int(ev.get("posts_90d", 1)) == 0:
        return (
            f"The account posted nothing in the last 90 days; in {period} it talked with {accounts}"
        )
    return f"In {period}, the account talked with {accounts}"


def conversation_parts(
    reply_share: float,
    mention_share: float,
    engaged_90d: int,
    share_share: float,
    responsiveness: float | None,
    settings: dict[str, Any],
) -> dict[str, float]:
    """Each part of the Conversation score in [0, 1] (responsiveness only when known)."""
    values = {
        "replies": min(reply_share / float(settings["reply_target"]), 1.0),
        "mentions": min(mention_share / float(settings["mention_target"]), 1.0),
        "engaged": min(
            math.log1p(engaged_90d) / math.log1p(float(settings["engaged_target_90d"])), 1.0
        ),
        "shares": min(share_share / float(settings["share_target"]), 1.0),
    }
    if responsiveness is not None:
        values["responsiveness"] = min(max(responsiveness, 0.0), 1.0)
    return values


def conversation_score(
    reply_share: float,
    mention_share: float,
    engaged_90d: int,
    share_share: float,
    responsiveness: float | None,
    settings: dict[str, Any],
) -> float:
    """Conversation 0-100 from its parts; without ``responsiveness`` the other weights count."""
    values = conversation_parts(
        reply_share, mention_share, engaged_90d, share_share, responsiveness, settings
    )
    parts = settings["conversation_parts"]
    total = sum(float(parts[k]) for k in values) or 1.0
    return 100.0 * sum(float(parts[k]) * v for k, v in values.items()) / total


def _advice(ev: dict[str, Any], settings: dict[str, Any]) -> list[str]:
    recs: list[str] = []
    known, answered = ev["mentions_known"], ev["mentions_answered"]
    if ev["posts"] == 0:
        return [
            "There are no posts in this period. Start small: reply to three people in your "
            "niche each week (a candidate, a client, an HR voice) before posting your own."
        ]
    if known >= int(settings["min_mentions"]) and answered < known:
        recs.append(
            f"{known - answered:,} of {known:,} mentions of you got no answer. Check your "
            "notifications every morning and reply to each one, even with a quick thanks."
        )
    if ev["reply_share"] < float(settings["reply_target"]):
        where = (
            " Start with the open conversations in your inbox: you have joined none of them yet."
            if ev.get("inbox_conversations_joined") == 0
            else ""
        )
        # the share and the target: "Only 420 of your 1,986 posts" alone says neither how far
        # off the account is nor what is enough
        target = f"aim for about {whole(100 * float(settings['reply_target']))}%"
        share = f"({whole(100 * ev['reply_share'])}%; {target})."
        recs.append(
            (
                "Your one post is not a reply to anyone."
                if ev["posts"] == 1
                else f"None of your {ev['posts']:,} posts are replies to others ({target})."
                if not ev["replies"]
                else f"Only 1 of your {ev['posts']:,} posts is a reply to others {share}"
                if ev["replies"] == 1
                else f"Only {ev['replies']:,} of your {ev['posts']:,} posts are replies to others "
                + share
            )
            + " Spend 10 "
            "minutes a day answering recruiters, candidates and HR people in your niche." + where
        )
    if (talked := talked_with(ev, int(settings["engaged_target_90d"]))) is not None:
        recs.append(
            talked + " (a reply, a mention or a quote counts; a bare repost is not talking). "
            "Pick 5 people a week (clients, candidates, HR voices) and reply to them, or quote "
            "a post of theirs with a line of your own."
        )
    unanswered_replies = ev["replies_received"] - ev["replies_received_answered"]
    if unanswered_replies >= REPLIES_TO_ANSWER and len(recs) < 3:
        recs.append(
            f"{unanswered_replies} of {ev['replies_received']} "
            f"{'reply' if ev['replies_received'] == 1 else 'replies'} to your posts got no "
            "answer from you. People took the time to answer you: a short reply (a thanks, a "
            "follow-up question) turns it into a conversation."
        )
    if ev["share_share"] < float(settings["share_target"]) and len(recs) < 3:
        recs.append(
            "Share or quote a good post by a peer once or twice a week, with one line on why it "
            "matters to your candidates."
        )
    if not recs:
        recs.append(
            Praise(
                f"You engaged {ev['accounts_engaged_90d']:,} accounts in 90 days and "
                f"{whole(100 * ev['reply_share'])}% of your posts are replies: keep showing up. "
                "Tag the people you learn from when you share their ideas."
            )
        )
    return recs[:3]
