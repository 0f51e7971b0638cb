"""What the Conversation pillar measures and shows (:mod:`staffpulse.audit.conversation`):
the account's posts read by the conversation rules, the evidence it reports, and the posts it
gives as examples.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
import numpy.typing as npt

from staffpulse.audit.answers import Answers
from staffpulse.audit.conversation_rules import (
    is_self_reply,
    mentions_others,
    read_exchange,
    read_talk,
)
from staffpulse.audit.examples import rank_examples, unique_texts
from staffpulse.audit.quiet import quiet_span
from staffpulse.audit.types import Frame, PostExample, example
from staffpulse.authors import describe_author
from staffpulse.store.codec import format_time

DAY = 86400.0
# Replies to its posts left unanswered before the audit suggests answering them: one friendly
# last word of a thread needs no answer.
REPLIES_TO_ANSWER = 2
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

# "@MedLibAssn" in a post's text, without the punctuation after it ("@erik.example.dev.")
_WRITTEN_HANDLE = re.compile(r"(?<![\w@])@(\w(?:[\w.@-]*\w)?)")

# "@dana thanks!", "  .@dana": an @name the text opens with
_OPENING_NAME = re.compile(r"\s*\.?@\w")


@dataclass(frozen=True, slots=True)
class ConversationPosts:
    """The account's posts as the conversation rules read them, one entry per post."""

    targets: list[frozenset[str]]  # the accounts each post talks with
    self_replies: npt.NDArray[np.bool_]  # thread continuations: not conversation
    replies: npt.NDArray[np.bool_]  # replies to others
    shares: npt.NDArray[np.bool_]  # reposts and quotes of others
    own_shares: npt.NDArray[np.bool_]  # reposts and quotes of the account's own posts
    mentioning: npt.NDArray[np.bool_]  # posts that mention someone else
    originals: npt.NDArray[np.bool_]  # original posts and quotes: the mentions' base
    written: npt.NDArray[np.bool_]  # all but the bare reposts: the replies' base

    @property
    def reply_share(self) -> float:
        """The share of the posts the account wrote that reply to others: "the share of your
        posts that are replies" to a marketer, who does not count a click on "repost" as a
        post (the header's "posts you wrote", connect's replies share, are the same base)."""
        n = int(self.written.sum())
        return float(self.replies.sum() / n) if n else 0.0

    @property
    def share_share(self) -> float:
        n = len(self.targets)
        return float(self.shares.sum() / n) if n else 0.0

    @property
    def mention_share(self) -> float:
        orig = self.originals
        return float(self.mentioning.sum() / orig.sum()) if orig.any() else 0.0


def read_conversation_posts(
    frame: Frame, me: frozenset[str], ref_authors: dict[str, str]
) -> ConversationPosts:
    """Each post read by the rules `staffpulse score` applies too (conversation_rules)."""
    exchanges = [read_exchange(p) for p in frame.posts]
    talks = [read_talk(x, me, ref_authors) for x in exchanges]
    targets = [t.targets for t in talks]
    self_reply = np.array([is_self_reply(x, me) for x in exchanges], dtype=bool)
    shares = np.array([t.shares for t in talks], dtype=bool)
    mentioning = np.array(
        [mentions_others(x, t) for x, t in zip(exchanges, targets, strict=True)], dtype=bool
    )
    # a quote of its own post that names someone is a share already: said once, not twice
    own_shares = np.array([t.shares_own for t in talks], dtype=bool) & ~shares
    return ConversationPosts(
        targets=targets,
        self_replies=self_reply,
        replies=(frame.kind == "reply") & ~self_reply,
        shares=shares,
        own_shares=own_shares,
        mentioning=mentioning,
        originals=frame.authored_original,
        written=frame.kind != "repost",
    )


def opening_with_a_name(frame: Frame) -> int:
    """How many of the account's original posts (quotes aside) open with an @name."""
    return sum(
        1
        for post, kind in zip(frame.posts, frame.kind, strict=True)
        if kind == "original" and _OPENING_NAME.match(post.text or "")
    )


def talk_evidence(
    frame: Frame, posts: ConversationPosts, ref_ts: float | None, today: datetime | None
) -> dict[str, Any]:
    """How the account talks: its replies, mentions and shares, and whom it talked with."""
    engaged = accounts_engaged(frame, posts.targets, ref_ts)
    partners: Counter[str] = Counter()
    for t in posts.targets:
        partners.update(t)
    # ties by handle: the targets are sets, whose order changes from run to run
    top = sorted(partners.items(), key=lambda hc: (-hc[1], hc[0]))[:5]
    spelled = written_handles(frame, {h for h, _c in top})
    return {
        "posts": frame.n,  # the shares' base: a repost is a share
        "posts_written": int(posts.written.sum()),  # all but the reposts: the replies' base
        "replies": int(posts.replies.sum()),
        "replies_to_self": int(posts.self_replies.sum()),  # thread continuations
        "reply_share": round(posts.reply_share, 3),
        "original_posts": int(posts.originals.sum()),  # mention_share's base
        "original_posts_mentioning_others": int(posts.mentioning.sum()),
        # original posts whose text opens with an @name: replies, most likely, in a file
        # that does not say what a post replies to (a sheet of id, author and text)
        "original_posts_opening_with_a_name": opening_with_a_name(frame),
        "mention_share": round(posts.mention_share, 3),
        "reposts_and_quotes_of_others": int(posts.shares.sum()),
        "reposts_and_quotes_of_own": int(posts.own_shares.sum()),  # not in the share
        "share_share": round(posts.share_share, 3),
        "accounts_engaged_30d": engaged["30d"],
        "accounts_engaged_90d": engaged["90d"],
        "accounts_engaged_total": len(partners),
        # posts in the 90-day window; and, for an account gone quiet, the 90 days up to its
        # last post: a zero of an empty window is no finding about how it talks
        "posts_90d": posts_in(frame, ref_ts, 90),
        "last_active_90d": last_active_90d(frame, posts.targets, ref_ts, today),
        "top_partners": [{"handle": spelled.get(h, h), "interactions": c} for h, c in top],
    }


def answer_evidence(got: Answers, median_hours: float | None) -> dict[str, Any]:
    """How the account answers the mentions and replies it received."""
    known, answered = len(got.mentions), got.answered
    questions = sum(got.asks(p) for p in got.mentions)
    return {
        "mentions_known": known,
        "mentions_answered": answered,
        "questions_known": questions,
        "questions_answered": questions - sum(got.asks(p) for p in got.unanswered),
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
    }


def accounts_engaged(
    frame: Frame, targets: list[frozenset[str]], ref_ts: float | None
) -> dict[str, int | None]:
    """How many accounts the posts of the 30 and 90 days up to ``ref_ts`` talk with; None
    when no post has a date to end the windows at: "0 in 90 days" told a feed of undated
    posts it "talked with no one in the last 90 days"."""
    engaged: dict[str, int | None] = {}
    for days in (30, 90):
        if ref_ts is None:
            engaged[f"{days}d"] = None
            continue
        recent = np.flatnonzero(frame.ts >= ref_ts - days * DAY)
        engaged[f"{days}d"] = len(set().union(*(targets[i] for i in recent))) if recent.size else 0
    return engaged


def written_handles(frame: Frame, wanted: set[str] | None = None) -> dict[str, str]:
    """Each handle the posts name (of ``wanted`` only, when given), in lower case, as the
    posts first wrote it: the rules match handles in lower case (an archive's import stores
    them so), and the report names each as written ("@MedLibAssn", not "@medlibassn")."""
    spelled: dict[str, str] = {}
    left = None if wanted is None else set(wanted)
    for post in frame.posts:
        if left is not None and not left:
            break  # the report names only a few partners: read no further than their first
        # a text without "@" writes no handle: the pattern need not read it
        written = _WRITTEN_HANDLE.findall(post.text) if "@" in post.text else []
        for name in (*written, *post.mentions, post.reply_to_handle):
            if not name or (key := name.lower()) in spelled:
                continue
            if left is None or key in left:
                spelled[key] = name
                if left is not None:
                    left.discard(key)
    return spelled


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


def best_replies(frame: Frame, replies: npt.NDArray[np.bool_]) -> list[PostExample]:
    """The account's most personal replies to others, to imitate."""
    # a reply that is a job ad ("@sam we're hiring, apply now") is no conversation to imitate
    pool = unique_texts(frame, np.flatnonzero(replies & ~frame.job), canned_aside=True)
    if not pool.size:
        return []
    ranked = rank_examples(frame, pool, frame.personality_score[pool])
    return [example(frame.posts[int(i)], "a real reply to someone") for i in ranked]


def unanswered_examples(got: Answers) -> list[PostExample]:
    """Up to three posts that waited for an answer: mentions (questions first, then the
    latest), then replies to its posts it left unanswered."""
    waiting = sorted(got.unanswered, key=lambda p: (got.asks(p), p.created_at or _EPOCH))[::-1]
    worst = [
        example(
            p,
            f"{describe_author(p.author_handle, p.author_id)} mentioned you; no answer found",
            by_other=True,
        )
        for p in waiting[:3]
    ]
    if len(got.unanswered_replies) >= REPLIES_TO_ANSWER:  # as the advice says
        latest = sorted(got.unanswered_replies, key=lambda p: p.created_at or _EPOCH)[::-1]
        worst += [
            example(
                p,
                f"{describe_author(p.author_handle, p.author_id)} replied to your post; you did not answer",
                by_other=True,
            )
            for p in latest[: 3 - len(worst)]
        ]
    return worst
