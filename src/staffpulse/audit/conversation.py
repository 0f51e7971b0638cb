"""Conversation: replies, mentions of others, accounts engaged, shares, answers to mentions."""

from __future__ import annotations

import math
from collections import Counter
from datetime import UTC, datetime
from typing import Any

import numpy as np
import numpy.typing as npt

from staffpulse.audit.types import Frame, PillarResult, PostExample, example, rank_examples
from staffpulse.authors import describe_author
from staffpulse.models import Account, Post

DAY = 86400.0
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _targets(post: Post, me: set[str], ref_authors: dict[str, str]) -> set[str]:
    """Accounts (normalized handles or ids) this post engages, never the account itself."""
    out: set[str] = set()
    if post.kind == "reply":
        target = (post.reply_to_handle or "").lower() or (post.reply_to_account_id or "")
        if target:
            out.add(target)
    if post.kind in ("repost", "quote"):
        ref = post.reposted_post_id or post.quoted_post_id
        author = ref_authors.get(ref or "") or (post.mentions[0] if post.mentions else "")
        if author:
            out.add(author.lower())
    if post.kind != "repost":
        out.update(m.lower() for m in post.mentions)
    return out - me


def _me(account: Account) -> set[str]:
    return {account.handle.lower(), account.id.lower(), account.id}


def self_replies(frame: Frame, account: Account) -> npt.NDArray[np.bool_]:
    """Replies the account wrote to itself: thread continuations, not conversation."""
    me = _me(account)
    return np.array(
        [
            p.kind == "reply"
            and ((p.reply_to_handle or "").lower() in me or (p.reply_to_account_id or "") in me)
            for p in frame.posts
        ],
        dtype=bool,
    )


def conversation_pillar(
    frame: Frame,
    account: Account,
    mentions: list[Post],
    ref_authors: dict[str, str],
    ref_ts: float | None,
    settings: dict[str, Any],
    inbox_joined: int | None = None,
) -> PillarResult:
    me = _me(account)
    n = frame.n
    targets = [_targets(p, me, ref_authors) for p in frame.posts]
    self_reply = self_replies(frame, account)
    has_target = np.array([bool(t) for t in targets], dtype=bool)
    replies = (frame.kind == "reply") & ~self_reply
    shares = ((frame.kind == "repost") | (frame.kind == "quote")) & has_target
    orig = frame.authored_original
    mention_posts = (
        orig & np.array([bool(p.mentions) for p in frame.posts], dtype=bool) & has_target
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

    answered, hours, unanswered = _responsiveness(frame, mentions)
    questions = sum("?" in p.text for p in mentions)
    known = len(mentions)
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
                if known == 0
                else f"only {known} mention{'s' if known != 1 else ''} of the account "
                f"{'are' if known != 1 else 'is'} in the store"
            )
            + ": responsiveness not scored"
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
        "reply_share": round(reply_share, 3),
        "original_posts_mentioning_others": int(mention_posts.sum()),
        "mention_share": round(mention_share, 3),
        "reposts_and_quotes_of_others": int(shares.sum()),
        "share_share": round(share_share, 3),
        "accounts_engaged_30d": engaged["30d"],
        "accounts_engaged_90d": engaged["90d"],
        "accounts_engaged_total": len(counter),
        "top_partners": [{"handle": h, "interactions": c} for h, c in counter.most_common(5)],
        "mentions_known": known,
        "mentions_answered": answered,
        "questions_known": questions,
        "questions_answered": questions - sum("?" in p.text for p in unanswered),
        "answer_share": round(answered / known, 3) if known else None,
        # two decimals: a 2-minute answer must not read as "0 min"
        "median_hours_to_answer": round(median_hours, 2) if median_hours is not None else None,
        # its replies already count above; the number is the inbox's feedback to the firm
        "inbox_conversations_joined": inbox_joined,
        "parts": {k: round(100 * v) for k, v in values.items()},
    }
    best_pool = np.flatnonzero(replies)
    best: list[PostExample] = []
    if best_pool.size:
        ranked = rank_examples(frame, best_pool, frame.personality_score[best_pool])
        best = [example(frame.posts[int(i)], "a real reply to someone") for i in ranked]
    worst = [
        example(
            p, f"{describe_author(p.author_handle, p.author_id)} mentioned you; no answer found"
        )
        for p in sorted(unanswered, key=lambda p: ("?" in p.text, p.created_at or _EPOCH))[-3:][
            ::-1
        ]
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


def _responsiveness(frame: Frame, mentions: list[Post]) -> tuple[int, list[float], list[Post]]:
    """(answered, hours to answer, unanswered mentions) for the mentions of the account."""
    first_by_parent: dict[str, float] = {}
    first_by_conv: dict[tuple[str, str], list[float]] = {}
    for i in np.flatnonzero(frame.kind == "reply"):
        post, ts = frame.posts[int(i)], float(frame.ts[int(i)])
        if post.reply_to_post_id:
            prev = first_by_parent.get(post.reply_to_post_id)
            first_by_parent[post.reply_to_post_id] = ts if prev is None else min(prev, ts)
        if post.conversation_id and post.reply_to_handle:
            key = (post.conversation_id, post.reply_to_handle.lower())
            first_by_conv.setdefault(key, []).append(ts)
    answered, hours, unanswered = 0, [], []
    for post in mentions:
        ts = post.created_at.timestamp() if post.created_at else math.nan
        when = first_by_parent.get(post.id)
        key = (post.conversation_id or "", (post.author_handle or post.author_id).lower())
        if when is None and key in first_by_conv:
            later = [t for t in first_by_conv[key] if not t < ts]
            when = min(later) if later else None
        if when is None:
            unanswered.append(post)
            continue
        answered += 1
        if not math.isnan(ts) and not math.isnan(when):
            hours.append(max(when - ts, 0.0) / 3600.0)
    return answered, hours, unanswered


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
            f"{known - answered} of {known} mentions of you got no answer. Check your "
            "notifications every morning and reply to each one, even with a quick thanks."
        )
    if ev["reply_share"] < float(settings["reply_target"]):
        where = (
            " Start with the open conversations in your inbox: you have joined none of them yet."
            if ev.get("inbox_conversations_joined") == 0
            else ""
        )
        recs.append(
            (
                "Your one post is not a reply to anyone."
                if ev["posts"] == 1
                else f"None of your {ev['posts']:,} posts are replies to others."
                if not ev["replies"]
                else f"Only {ev['replies']:,} of your {ev['posts']:,} posts are replies to others."
            )
            + " Spend 10 "
            "minutes a day answering recruiters, candidates and HR people in your niche." + where
        )
    if ev["accounts_engaged_90d"] < int(settings["engaged_target_90d"]):
        recs.append(
            f"You talked with {ev['accounts_engaged_90d']} different account"
            f"{'' if ev['accounts_engaged_90d'] == 1 else 's'} in the last 90 days. Pick 5 people a week (clients, candidates, HR voices) and reply to or share "
            "something of theirs."
        )
    if ev["share_share"] < float(settings["share_target"]) and len(recs) < 3:
        recs.append(
            "Share or quote a good post by a peer once or twice a week, with one line on why it "
            "matters to your candidates."
        )
    if not recs:
        recs.append(
            f"You engaged {ev['accounts_engaged_90d']} accounts in 90 days and "
            f"{round(100 * ev['reply_share'])}% of your posts are replies: keep showing up. "
            "Tag the people you learn from when you share their ideas."
        )
    return recs[:3]
