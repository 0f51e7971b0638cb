"""Pure batch scoring: a shard of posts -> per-post signals + mergeable per-account partials.

The same functions run in-process (``--engine local``) and on Dask workers (``--engine dask``),
so both engines give identical results. Account aggregates are built from partials that merge
associatively (sums, unions, min/max), so shards can be scored in any order on any worker.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np

from staffpulse.audit.config import audit_settings
from staffpulse.audit.conversation import (
    conversation_parts,
    mentions_measured,
    weigh_conversation_parts,
)
from staffpulse.audit.conversation_rules import is_self_reply, own_names, read_exchange
from staffpulse.audit.language import not_english
from staffpulse.audit.mix import judged_by_mix, mix_score
from staffpulse.audit.voice_parts import voice_score
from staffpulse.authors import is_anonymized
from staffpulse.models import Post
from staffpulse.scale.conversation import SharedAuthors, TalkPartial, shard_authors
from staffpulse.signals.job_ads import find_staffing_ads
from staffpulse.signals.templating import masked_template
from staffpulse.signals.text import SIGNAL_NAMES, load_text_signals

# Posts scored at a time: the text model splits a batch this big over processes (its
# parallel_min), and the caller hears of each batch done (a progress bar).
BATCH = 20_000
OnScored = Callable[[int], None]  # posts of the shard scored so far


def template_key(text: str) -> str | None:
    """Masked text fingerprint: two posts with the same key are copies of one template.

    The audit's own masking and its minimum length (:mod:`staffpulse.signals.templating`):
    a post too short to be a template ("Happy Friday!") has no key, and two posts with the
    same key are near-copies for the audit too."""
    masked = masked_template(text)
    if masked is None:
        return None
    return hashlib.blake2b(masked.encode("utf-8"), digest_size=8).hexdigest()


@dataclass
class AccountPartial:
    """Mergeable per-account counts from one shard.

    Mix and Voice read them as the audit reads its posts: Mix judges the original posts,
    quotes and replies continuing the account's own threads (:func:`judged_by_mix`), and a
    post known not to be in English is left out (the text signals read English only), except
    one of Mix's posts in German, Spanish or French whose wording makes it a staffing ad (Mix
    counts it as a job ad). Whether "most posts are not in English" (then
    the pillar is not scored) is an account-wide question, so the English and other posts are
    counted apart and decided on once the partials are merged."""

    platform: str
    author_id: str
    handle: str = ""
    posts: int = 0
    originals: int = 0  # kind "original" (the audit's original posts are these and quotes)
    replies: int = 0  # replies to others
    replies_to_self: int = 0  # a reply to oneself continues a thread: not conversation
    reposts: int = 0
    quotes: int = 0
    english_originals: int = 0  # originals and quotes not known to be in another language
    english_mix: int = 0  # the posts Mix judges not known to be in another language
    english_ads: int = 0  # of those, the job ads
    other_mix: int = 0  # the posts Mix judges in another language
    other_ads: int = 0  # of those, staffing ads by their wording
    authored: int = 0  # everything but reposts: the account's own words
    english_authored: int = 0
    personality: int = 0  # of english_authored
    humor: int = 0  # of english_authored
    first_ts: int | None = None
    last_ts: int | None = None
    # shares, mentions of others and accounts engaged, by the audit's rules
    talk: TalkPartial = field(default_factory=TalkPartial)
    # key -> English originals and quotes using it
    template_keys: dict[str, int] = field(default_factory=dict)

    def merge(self, other: AccountPartial) -> AccountPartial:
        for name in _COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.handle = self.handle or other.handle
        self.first_ts = _min(self.first_ts, other.first_ts)
        self.last_ts = _max(self.last_ts, other.last_ts)
        self.talk.merge(other.talk)
        for key, count in other.template_keys.items():
            self.template_keys[key] = self.template_keys.get(key, 0) + count
        return self


# The counts by kind of post, each an accounts.parquet column as it is: the Parquet schema
# (scale.parquet.ACCOUNT_TYPES) lists them from here, so a new one is added once
KIND_COUNTS = ("posts", "originals", "replies", "replies_to_self", "reposts", "quotes")
_COUNTS = (
    *KIND_COUNTS,
    "english_originals",
    "english_mix",
    "english_ads",
    "other_mix",
    "other_ads",
    "authored",
    "english_authored",
    "personality",
    "humor",
)


def _min(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else min(a, b)


def _max(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def _moment(ts: int | None) -> datetime | None:
    return None if ts is None else datetime.fromtimestamp(ts, UTC)


@dataclass
class ShardResult:
    columns: dict[str, list[Any]]
    partials: dict[tuple[str, str], AccountPartial]
    problems: list[dict[str, object]]


def _is_original(post: Post) -> bool:
    """The audit's original posts (:attr:`staffpulse.audit.types.Frame.authored_original`):
    the base of the exact copies, as of the audit's templating."""
    return post.kind in ("original", "quote")


def _continues_own_thread(post: Post) -> bool:
    """A reply to the post's own author, by the audit's rule (a thread continuation); the
    author's names are read for replies alone (every post of the shard is asked)."""
    if post.kind != "reply":
        return False
    return is_self_reply(read_exchange(post), own_names(post.author_handle, post.author_id))


def score_posts(
    posts: Sequence[Post], on_scored: OnScored | None = None, batch: int = BATCH
) -> ShardResult:
    """Score one shard of posts with the shipped text signals, and fold them into partials.

    The posts are scored ``batch`` at a time, ``on_scored`` told after each; the result does
    not depend on ``batch``."""
    authors = shard_authors(posts)
    columns: dict[str, list[Any]] = {}
    partials: dict[tuple[str, str], AccountPartial] = {}
    if on_scored:
        on_scored(0)
    for start in range(0, len(posts), batch):
        _score_batch(posts[start : start + batch], authors, columns, partials)
        if on_scored:
            on_scored(min(start + batch, len(posts)))
    if not posts:
        _score_batch(posts, authors, columns, partials)  # the columns, without rows
    return ShardResult(columns=columns, partials=partials, problems=[])


def _score_batch(
    posts: Sequence[Post],
    authors: dict[str, dict[str, str]],
    columns: dict[str, list[Any]],
    partials: dict[tuple[str, str], AccountPartial],
) -> None:
    """Score ``posts`` and add them to ``columns`` and ``partials``; ``authors`` are those of
    every post of the shard."""
    model = load_text_signals()
    texts = [post.text for post in posts]
    scores = model.score(texts) if texts else {name: np.zeros(0) for name in SIGNAL_NAMES}
    thresholds = model.thresholds_
    flags = {name: scores[name] >= thresholds[name] for name in SIGNAL_NAMES}
    # the audit's own language rule and its ads-by-wording for the other languages
    other_language = not_english(posts)
    threads = np.array([_continues_own_thread(p) for p in posts], dtype=bool)
    mix = judged_by_mix(np.array([p.kind for p in posts], dtype=str), threads)
    other_mix = np.flatnonzero(other_language & mix)
    flags["other_ad"] = np.zeros(len(posts), dtype=bool)
    flags["other_ad"][other_mix] = find_staffing_ads([texts[int(i)] for i in other_mix])
    flags["other_language"] = other_language
    flags["continues_thread"] = threads
    flags["mix"] = mix
    found: dict[str, list[Any]] = {
        "platform": [p.platform for p in posts],
        "post_id": [p.id for p in posts],
        "author_id": [p.author_id for p in posts],
        "author_handle": [p.author_handle for p in posts],
        "kind": [p.kind for p in posts],
        "created_at": [p.created_at for p in posts],
        "not_english": [bool(v) for v in other_language],
    }
    for name in SIGNAL_NAMES:
        found[name] = [round(float(v), 6) for v in scores[name]]
    for name, values in found.items():
        columns.setdefault(name, []).extend(values)
    for i, post in enumerate(posts):
        if not makes_account(post.author_id):
            # kept in the per-post table, in no account's row: see makes_account
            continue
        key = (post.platform, post.author_id)
        part = partials.get(key)
        if part is None:
            part = partials[key] = AccountPartial(post.platform, post.author_id)
        _fold(part, post, i, flags)
        part.talk.fold(post, authors[post.platform])


def makes_account(author_id: str) -> bool:
    """Whether a post's author gets a row in accounts.parquet, by the store's rule.

    Not a post without an author (an X API v2 response requested without author_id: posts of
    several unknown people, never one account), nor a person an anonymized dataset names by a
    number (a TWCS customer, ``twcs:913579``): ``staffpulse import`` stores their posts
    without an account, since a number is no handle, so ``accounts`` and ``benchmark`` never
    list them, and score must not either."""
    return bool(author_id) and not is_anonymized(author_id)


def _fold(part: AccountPartial, post: Post, i: int, flags: dict[str, Any]) -> None:
    part.handle = part.handle or post.author_handle
    part.posts += 1
    ts = int(post.created_at.timestamp()) if post.created_at else None
    part.first_ts, part.last_ts = _min(part.first_ts, ts), _max(part.last_ts, ts)
    english = not flags["other_language"][i]
    if post.kind == "original":
        part.originals += 1
    elif post.kind == "reply":
        if flags["continues_thread"][i]:
            part.replies_to_self += 1
        else:
            part.replies += 1
    elif post.kind == "repost":
        part.reposts += 1
    else:
        part.quotes += 1
    if _is_original(post) and english:
        part.english_originals += 1
        key = template_key(post.text)
        if key is not None:
            part.template_keys[key] = part.template_keys.get(key, 0) + 1
    if flags["mix"][i] and english:
        part.english_mix += 1
        part.english_ads += int(flags["job_opening"][i])
    elif flags["mix"][i]:
        part.other_mix += 1
        part.other_ads += int(flags["other_ad"][i])
    if post.kind != "repost":
        part.authored += 1
    if post.kind != "repost" and english:
        part.english_authored += 1
        part.personality += int(flags["personality"][i])
        part.humor += int(flags["humor"][i])


def merge_partials(
    results: Iterable[dict[tuple[str, str], AccountPartial]],
) -> dict[tuple[str, str], AccountPartial]:
    merged: dict[tuple[str, str], AccountPartial] = {}
    for partials in results:
        for key, part in partials.items():
            if key in merged:
                merged[key].merge(part)
            else:
                merged[key] = AccountPartial(part.platform, part.author_id).merge(part)
    return merged


def account_rows(
    partials: dict[tuple[str, str], AccountPartial],
    settings: dict[str, Any] | None = None,
    shared_authors: SharedAuthors | None = None,
) -> list[dict[str, Any]]:
    """Final per-account aggregates and the Mix, Voice and Conversation pillar scores.

    ``shared_authors`` holds the authors of the posts the pending reposts and quotes share
    (:func:`staffpulse.scale.references.read_shared_authors`); without it they are
    attributed by what they say themselves, as the audit does when its store lacks the post.
    """
    settings = settings or audit_settings()
    shared_authors = shared_authors or {}
    return [_account_row(partials[key], settings, shared_authors) for key in sorted(partials)]


def _account_row(
    p: AccountPartial, settings: dict[str, Any], shared_authors: SharedAuthors
) -> dict[str, Any]:
    """One account's row of accounts.parquet: its counts, shares and pillar scores."""
    everything = p.english_mix + p.other_mix
    # as the audit: when most of Mix's posts are not in English, Mix is not scored, and
    # the ads recognised by their wording are not counted either
    mix_unread = p.other_mix * 2 > everything
    job_ads = p.english_ads + (0 if mix_unread else p.other_ads)
    mix_posts = p.english_mix + (0 if mix_unread else p.other_ads)
    job_share = _share(job_ads, mix_posts)
    voice_unread = (p.authored - p.english_authored) * 2 > p.authored
    personality = _share(p.personality, p.english_authored)
    humor = _share(p.humor, p.english_authored)
    # exact copies only (same text once masked as the audit masks it): the audit's
    # near-copy templating needs all of an account's posts side by side, which partials
    # merged shard by shard do not keep; so the column says what it counts (docs/scale.md)
    copies = sum(c for c in p.template_keys.values() if c >= 2)
    exact_copies = _share(copies, p.english_originals)
    talk = p.talk.settle(own_names(p.handle, p.author_id), shared_authors.get(p.platform, {}))
    # of the posts it wrote, as the audit's: a bare repost is no post written
    reply_share = _share(p.replies, p.posts - p.reposts)
    share_share = _share(talk.shares, p.posts)
    mention_share = _share(talk.mentioning, p.originals + p.quotes)
    engaged_30, engaged_90 = talk.engaged_in(30), talk.engaged_in(90)
    mix_scored = mix_posts > 0 and not mix_unread
    voice_scored = p.english_authored > 0 and not voice_unread
    # as the audit: fewer than min_mentions original posts or quotes, no mentions part (a
    # help desk, or one that just wrote its first post)
    mentions_read = mentions_measured(p.originals + p.quotes, settings)
    return {
        "platform": p.platform,
        "author_id": p.author_id,
        "handle": p.handle,
        **{name: getattr(p, name) for name in KIND_COUNTS},
        "not_english": p.authored - p.english_authored,
        "mix_posts": mix_posts,
        "job_ads": job_ads,
        # null, not 0, of what was not measured, as the audit's --json: a share of no post
        "job_share": round(job_share, 6) if mix_scored else None,
        "voice_posts": p.english_authored,
        "personality_share": _measured(personality, p.english_authored),
        "humor_share": _measured(humor, p.english_authored),
        "exact_copy_share": _measured(exact_copies, p.english_originals),
        "reply_share": round(reply_share, 6),
        "mention_share": round(mention_share, 6) if mentions_read else None,
        "share_share": round(share_share, 6),
        "accounts_engaged_30d": engaged_30,
        "accounts_engaged_90d": engaged_90,
        "first_post": _moment(p.first_ts),
        "last_post": _moment(p.last_ts),
        "mix": round(mix_score(job_share, settings), 2) if mix_scored else None,
        "voice": round(
            voice_score(personality, humor, exact_copies, settings, humor_posts=p.humor), 2
        )
        if voice_scored
        else None,
        "conversation": round(
            weigh_conversation_parts(
                conversation_parts(
                    reply_share,
                    mention_share if mentions_read else None,
                    engaged_90,
                    share_share,
                    None,
                    settings,
                ),
                settings,
            ),
            2,
        ),
    }


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _measured(share: float, base: int) -> float | None:
    """A share as written to accounts.parquet: null of no post to read (``base``)."""
    return round(share, 6) if base else None
