"""Fixtures for the audit, benchmark and report tests: a fake text scorer and a store builder."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from staffpulse.audit.avatar_check import AvatarInfo
from staffpulse.models import Account, Post, Provenance
from staffpulse.store import Store, open_store

T0 = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
PROV = Provenance(source="test", location="tests", tool_version="test", retrieved_at=T0)

JOB_WORDS = ("hiring", "apply", "job alert", "now hiring")
PERSONALITY_WORDS = ("i ", "my ", "?", "love", "story", "honest", "we stopped", "proud", "😂")
HUMOR_WORDS = ("😂", "lol", "pineapple", "juggle")


class ChattyAdScorer:
    """A text model that hears a person (and a joke) in a chatty job ad, as the shipped one
    does in "DM me your resume if you love forklifts 😂": the ad is still a job ad."""

    thresholds_: Mapping[str, float] = {"job_opening": 0.5, "personality": 0.5, "humor": 0.5}

    def score(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        low = [t.lower() for t in texts]

        def has(words: tuple[str, ...]) -> np.ndarray:
            return np.array([any(w in t for w in words) for t in low], dtype=float)

        return {
            "job_opening": has(JOB_WORDS),
            "personality": has(PERSONALITY_WORDS),
            "humor": has(HUMOR_WORDS),
            "work_topic": np.ones(len(texts)),
        }


class FakeScorer:
    """Keyword rules standing in for the shipped text model (same contract)."""

    thresholds_: Mapping[str, float] = {"job_opening": 0.5, "personality": 0.5, "humor": 0.5}

    def __init__(self) -> None:
        self.calls = 0

    def score(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        self.calls += 1
        low = [t.lower() for t in texts]

        def has(words: tuple[str, ...]) -> np.ndarray:
            return np.array([any(w in t for w in words) for t in low], dtype=float)

        job = has(JOB_WORDS)
        return {
            "job_opening": job,
            "personality": has(PERSONALITY_WORDS) * (1 - job * 0.6),
            "humor": has(HUMOR_WORDS),
            "work_topic": np.ones(len(texts)),
        }


PERSON = AvatarInfo("person", 0.9, "test")
LOGO = AvatarInfo("logo", 0.9, "test")


@dataclass
class FeedBuilder:
    """Builds one account's feed, a post an hour apart, in order."""

    handle: str
    platform: str = "x"
    display_name: str = ""
    bio: str = ""
    posts: list[Post] = field(default_factory=list)
    others: list[Post] = field(default_factory=list)
    clock: datetime = T0

    def _next(self, hours: float = 5.0) -> datetime:
        self.clock += timedelta(hours=hours)
        return self.clock

    def _id(self) -> str:
        return f"{self.handle}-{len(self.posts) + len(self.others)}"

    def post(self, text: str, **kw: Any) -> Post:
        post = Post(
            platform=self.platform,
            id=self._id(),
            author_id=self.handle,
            author_handle=self.handle,
            text=text,
            created_at=self._next(),
            url=f"https://x.example/{self.handle}/{len(self.posts)}",
            **kw,
        )
        self.posts.append(post)
        return post

    def job(self, n: int = 1) -> None:
        for i in range(n):
            self.post(
                f"We're hiring a forklift operator in Dayton #{i}! Apply: https://j.example/{i}"
            )

    def chat(self, n: int = 1) -> None:
        for i in range(n):
            self.post(f"Honest question {i}: what do you love about your team?")

    def foreign(self, n: int = 1) -> None:
        """Original posts in German, no job ad: the job-ad model cannot read them, so a feed
        of these and replies has a Mix n/a for want of English (not for replying only)."""
        for i in range(n):
            self.post(f"Heute gab es Kuchen im Team, danke an alle {i}", lang="de")

    def reply(self, to: str, n: int = 1) -> None:
        for i in range(n):
            self.post(
                f"@{to} thanks, I love this {i}", kind="reply", reply_to_handle=to, mentions=(to,)
            )

    def mention_by(self, other: str, answered: bool) -> None:
        when = self._next()
        mention = Post(
            platform=self.platform,
            id=self._id(),
            author_id=other,
            author_handle=other,
            text=f"@{self.handle} are you hiring?",
            created_at=when,
            mentions=(self.handle,),
            conversation_id=f"c-{when}",
        )
        self.others.append(mention)
        if answered:
            self.post(
                f"@{other} yes! DM me",
                kind="reply",
                reply_to_post_id=mention.id,
                reply_to_handle=other,
                mentions=(other,),
            )

    def by(self, other: str, text: str, hours: float = 5.0, **kw: Any) -> Post:
        """A post by another account (a mention, a reply to this feed's post...)."""
        post = Post(
            platform=self.platform,
            id=self._id(),
            author_id=other,
            author_handle=other,
            text=text,
            created_at=self._next(hours),
            **kw,
        )
        self.others.append(post)
        return post

    def account(self) -> Account:
        return Account(
            platform=self.platform,
            id=self.handle,
            handle=self.handle,
            display_name=self.display_name,
            bio=self.bio,
        )

    def write(self, store: Store) -> Store:
        others = {p.author_id for p in self.others}
        rows: list[Any] = [self.account(), *self.posts, *self.others]
        rows += [Account(platform=self.platform, id=o, handle=o) for o in others]
        store.upsert(rows, PROV)
        store.refresh_interactions()
        return store


def store_with(tmp_path: Path, *feeds: FeedBuilder) -> Store:
    store = open_store(tmp_path / "test.db")
    for feed in feeds:
        feed.write(store)
    return store


def audit_feed(
    feed: FeedBuilder, avatar: AvatarInfo = PERSON, scorer: Any = None, **settings: Any
) -> Any:
    """Audit a feed in memory (no store): the pure path used by the property tests
    (``scorer``: another fake text model than :class:`FakeScorer`)."""
    from staffpulse.audit.config import audit_settings
    from staffpulse.audit.engine import compute_audit, original_mask, texts_to_score
    from staffpulse.audit.signals import score_texts
    from staffpulse.audit.types import AccountData

    data = AccountData(feed.account(), list(feed.posts), list(feed.others), {})
    index, texts = texts_to_score(data.posts)
    signals = score_texts(
        texts, scorer or FakeScorer(), template_mask=original_mask(data.posts, index)
    )
    return compute_audit(data, signals, audit_settings(settings), avatar=avatar)


def first_advice(feed: FeedBuilder, pillar: str) -> Any:
    """The first thing ``pillar`` tells ``feed`` (an Advice or Praise, read as text)."""
    return audit_feed(feed).pillars[pillar].recommendations[0]


def cohort_store(tmp_path: Path, firms: int = 6, vendors: int = 6) -> object:
    """A store of staffing firms posting job ads (firm0: 12, firm1: 13, ...) and vendors who
    chat and reply to a firm (8 posts each): the benchmark tests' cohort."""
    feeds = []
    for i in range(firms):
        feed = FeedBuilder(f"firm{i}", display_name=f"Firm {i} Staffing")
        feed.job(12 + i)
        feed.chat(2)
        feeds.append(feed)
    for i in range(vendors):
        feed = FeedBuilder(f"vendor{i}", display_name=f"Vendor {i}")
        feed.post(f"I love ATS story {'abcdefghij'[i]} lol")
        feed.chat(3)
        feed.reply(f"firm{i}", 4)
        feeds.append(feed)
    return store_with(tmp_path, *feeds)


def board_ad_and_desk(handle: str, name: str, replies: int) -> list[FeedBuilder]:
    """A job board of 14 ads, a 1-post ad and a desk (``handle``, display ``name``) of
    ``replies`` posts, all replies but one of its own in German, so Mix n/a (its only original
    post unread; a Mix n/a of replies only places no account lower): the league table's
    groups of too few posts and of fewer pillars graded, one of each kind or both."""
    board = FeedBuilder("bigboard", display_name="Big Board")
    board.job(14)
    onead = FeedBuilder("onead", display_name="One Ad")
    onead.job(1)
    desk = FeedBuilder(handle, display_name=name)
    desk.reply("customer", replies - 1)
    desk.foreign(1)
    return [board, onead, desk]
