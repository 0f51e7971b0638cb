"""Conversation: replies, mentions of others, accounts engaged, shares, answers to mentions."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

import numpy as np

from staffpulse.audit.account_kind import AccountKind
from staffpulse.audit.answers import Answers, sort_answers
from staffpulse.audit.conversation_advice import conversation_advice
from staffpulse.audit.conversation_evidence import (
    ConversationPosts,
    answer_evidence,
    best_replies,
    read_conversation_posts,
    talk_evidence,
    unanswered_examples,
)
from staffpulse.audit.conversation_rules import own_names
from staffpulse.audit.types import AccountData, Frame, PillarResult
from staffpulse.models import Account


def _me(account: Account) -> frozenset[str]:
    return own_names(account.handle, account.id)


def read_account_posts(frame: Frame, data: AccountData) -> ConversationPosts:
    """``data``'s posts (``frame``) as the conversation rules read them; read once per audit,
    since the header's counts and the timeline need its thread continuations too (reading
    each post three times was a third of a benchmark's audits)."""
    return read_conversation_posts(frame, _me(data.account), data.ref_authors)


def conversation_pillar(
    frame: Frame,
    data: AccountData,
    posts: ConversationPosts,
    ref_ts: float | None,
    settings: dict[str, Any],
    today: datetime | None = None,
    kind: AccountKind = AccountKind.ANY,
    staffing: bool = True,
) -> PillarResult:
    """The Conversation pillar of ``data``'s account, ``frame`` its posts, ``posts`` them
    read by :func:`read_account_posts`. ``ref_ts`` ends the 30- and 90-day windows (the last
    post, or the audit's ``now``); ``today`` tells whether the account has gone quiet, so that
    the advice names the 90 days it measured rather than "the last 90 days"; ``kind``: the
    account's kind, whose words the advice is in, as are those of an account the role model
    reads as outside staffing (not ``staffing``)."""
    me = _me(data.account)
    talk = talk_evidence(frame, posts, ref_ts, today)
    got = sort_answers(frame, data.mentions, me)
    median_hours = float(np.median(got.hours)) if got.hours else None
    responsiveness = _responsiveness(got, median_hours, settings)
    # a help desk's posts are all replies: with no post of its own there is nothing that
    # could name anyone, and a 0 there cost every care desk 15 of its 100 points; a share of
    # one or two posts is no measurement either (the one post Mix asks a desk for took
    # Conversation 79 -> 67), so the part waits for min_mentions of them, as responsiveness
    # waits for that many mentions
    mentions = (
        posts.mention_share if mentions_measured(int(posts.originals.sum()), settings) else None
    )
    values = conversation_parts(
        posts.reply_share,
        mentions,
        talk["accounts_engaged_90d"],
        posts.share_share,
        responsiveness,
        settings,
    )
    score = weigh_conversation_parts(values, settings)
    evidence: dict[str, Any] = {
        **talk,
        # null, not 0, where the part is not scored: the figure reads "too few posts to judge"
        "mention_share": None if mentions is None else talk["mention_share"],
        **answer_evidence(got, median_hours),
        # its replies already count above; the number is the inbox's feedback to the firm
        "inbox_conversations_joined": data.inbox_joined,
        "parts": {k: round(100 * v) for k, v in values.items()},
        # the original posts or quotes the mentions part needs, for its "not scored" figure
        "mentions_scored_from": int(settings["min_mentions"]),
    }
    return PillarResult(
        name="conversation",
        score=round(score),
        evidence=evidence,
        recommendations=conversation_advice(evidence, settings, kind, staffing=staffing),
        best=best_replies(frame, posts.replies),
        worst=unanswered_examples(got),
        notes=_answer_notes(got, bool(data.mentions), settings),
    )


def mentions_measured(original_posts: int, settings: dict[str, Any]) -> bool:
    """Whether the mentions-of-others part is scored: from ``min_mentions`` original posts or
    quotes on (``staffpulse score`` asks the same)."""
    return original_posts >= max(int(settings["min_mentions"]), 1)


def _responsiveness(
    got: Answers, median_hours: float | None, settings: dict[str, Any]
) -> float | None:
    """The share of mentions answered, a slow median answer costing up to 30% of it; None
    (not scored) below ``min_mentions`` mentions waiting for an answer."""
    known = len(got.mentions)
    if known < int(settings["min_mentions"]):
        return None
    speed = 1.0
    if median_hours is not None and median_hours > float(settings["answer_hours_ok"]):
        speed = float(settings["answer_hours_ok"]) / median_hours
    return got.answered / known * (0.7 + 0.3 * speed)


def _answer_notes(got: Answers, any_mentions: bool, settings: dict[str, Any]) -> list[str]:
    """Why responsiveness is not scored, and answers whose dates cannot be right."""
    notes: list[str] = []
    known = len(got.mentions)
    if known < int(settings["min_mentions"]):
        notes.append(
            (
                "no mentions of the account are in the data"
                if not any_mentions
                else "no mentions of the account that wait for an answer are in the data"
                if known == 0
                else f"only {known} mention{'s' if known != 1 else ''} of the account "
                f"{'wait' if known != 1 else 'waits'} for an answer in the data"
            )
            # the client reading the report has no store, nor a word "responsiveness"
            + ", so how it answers is not scored"
        )
    if got.dated_before:
        notes.append(
            f"{got.dated_before} answer{'s are' if got.dated_before != 1 else ' is'} dated "
            "before the post it answers (a wrong date in the data): counted as answered, "
            "left out of the answer time"
        )
    return notes


def conversation_parts(
    reply_share: float,
    mention_share: float | None,
    engaged_90d: int | None,
    share_share: float,
    responsiveness: float | None,
    settings: dict[str, Any],
) -> dict[str, float]:
    """Each part of the Conversation score in [0, 1] (responsiveness only when known, the
    accounts engaged only when a post is dated, the mentions only from ``min_mentions``
    original posts or quotes, :func:`mentions_measured`: else ``mention_share`` None)."""
    values = {"replies": min(reply_share / float(settings["reply_target"]), 1.0)}
    if mention_share is not None:
        values["mentions"] = min(mention_share / float(settings["mention_target"]), 1.0)
    values["shares"] = min(share_share / float(settings["share_target"]), 1.0)
    if engaged_90d is not None:
        target = math.log1p(float(settings["engaged_target_90d"]))
        values["engaged"] = min(math.log1p(engaged_90d) / target, 1.0)
    if responsiveness is not None:
        values["responsiveness"] = min(max(responsiveness, 0.0), 1.0)
    return values


def weigh_conversation_parts(values: dict[str, float], settings: dict[str, Any]) -> float:
    """Conversation 0-100 from its parts, weighted; without ``responsiveness`` the other
    weights count."""
    parts = settings["conversation_parts"]
    total = sum(float(parts[k]) for k in values) or 1.0
    return 100.0 * sum(float(parts[k]) * v for k, v in values.items()) / total
