"""Build the timeline: originals, question threads, banter, mentions, reposts and quotes."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial

from samplegen import mentions, replies, thanks
from samplegen.accounts import BY_HANDLE, MENTIONS, RESPONSIVENESS, SPECS, Spec
from samplegen.pools import PNW_CITIES, TITLES
from samplegen.threads import CIRCLES, THREADS

Maker = Callable[[random.Random], str]

START = datetime(2026, 5, 23, tzinfo=UTC)
END = datetime(2026, 11, 20, 23, 0, tzinfo=UTC)
SPAN_DAYS = (END - START).days

# How often an account has the last word after the other side answered back.
CLOSE_BACK = {"harborline": 0.85, "mia_recruits": 0.25, "hireloop": 0.3}

# How often an account answers a reply to one of its own posts.
ANSWER_BACK = {
    "harborline": 0.9,
    "mia_recruits": 0.55,
    "hireloop": 0.6,
    "priya_hrlife": 0.45,
    "recruitcraft": 0.45,
    "adabrightwell.bsky.social": 0.5,
    "owenpark.bsky.social": 0.4,
}


@dataclass(eq=False)
class Draft:
    author: str
    text: str
    at: datetime
    kind: str = "original"
    cat: str = "other"
    parent: Draft | None = None
    quoted: Draft | None = None
    reposted: Draft | None = None
    children: list[Draft] = field(default_factory=list)
    quoted_by: int = 0
    reposted_by: int = 0
    id: str = ""

    @property
    def root(self) -> Draft:
        node = self
        while node.parent is not None:
            node = node.parent
        return node

    @property
    def platform(self) -> str:
        return BY_HANDLE[self.author].platform


class Timeline:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.posts: list[Draft] = []
        self.texts: dict[str, set[str]] = {spec.handle: set() for spec in SPECS}
        self.reposted: set[tuple[str, int]] = set()

    # -- helpers -------------------------------------------------------------------------------
    def when(self, spec: Spec) -> datetime:
        rng = self.rng
        day = START + timedelta(days=rng.randrange(SPAN_DAYS))
        if spec.schedule == "bot":
            return day + timedelta(minutes=rng.randrange(24 * 60))
        while day.weekday() >= 5 and rng.random() < 0.85:
            day = START + timedelta(days=rng.randrange(SPAN_DAYS))
        if spec.schedule == "scheduler":  # a scheduling tool: on the hour or half hour
            return day + timedelta(
                hours=rng.choice([13, 14, 15, 16, 18, 20]), minutes=rng.choice([0, 0, 30])
            )
        hour = rng.choice([12, 13, 14, 15, 15, 16, 17, 18, 19, 20, 21, 22, 23])
        return day + timedelta(hours=hour, minutes=rng.randrange(60), seconds=rng.randrange(60))

    def later(self, after: datetime, lo_min: float, hi_min: float) -> datetime:
        minutes = self.rng.uniform(lo_min, hi_min)
        return after + timedelta(minutes=minutes, seconds=self.rng.randrange(60))

    def add(self, draft: Draft) -> Draft | None:
        if draft.at > END:
            return None
        if draft.parent is not None:
            draft.parent.children.append(draft)
        if draft.quoted is not None:
            draft.quoted.quoted_by += 1
        if draft.reposted is not None:
            draft.reposted.reposted_by += 1
        self.texts[draft.author].add(draft.text)
        self.posts.append(draft)
        return draft

    def fresh(self, author: str, make: Maker, tries: int = 40) -> str | None:
        """A text by ``make(rng)`` that ``author`` has not posted yet."""
        for _ in range(tries):
            text = make(self.rng)
            if text not in self.texts[author]:
                return text
        return None

    def ack(self, author: str, cat: str) -> str:
        """A fresh acknowledgement by ``author``, else a reply in its voice."""
        text = self.fresh(author, lambda r: thanks.ack_text(r, author), tries=12)
        if text is None or (cat != "question" and self.rng.random() < 0.5):
            text = self.fresh(author, lambda r: replies.reply_text(r, author, cat)) or "Thanks!"
        return text

    def circle_pick(self, handle: str) -> str:
        circle = CIRCLES[handle]
        return self.rng.choices(list(circle), weights=list(circle.values()))[0]

    def reply(self, author: str, parent: Draft, text: str, at: datetime, cat: str) -> Draft | None:
        if at <= END:
            self.texts[author].add(text)  # remember the bare text, so `fresh` sees it
        if BY_HANDLE[author].platform == "x":
            tags = [parent.author]
            root_author = parent.root.author
            if root_author not in (author, parent.author) and self.rng.random() < 0.5:
                tags.append(root_author)
            text = " ".join(f"@{tag}" for tag in tags) + " " + text
        return self.add(Draft(author, text, at, kind="reply", cat=cat, parent=parent))

    def originals_of(self, author: str, before: datetime | None = None) -> list[Draft]:
        return [
            p
            for p in self.posts
            if p.author == author
            and p.kind == "original"
            and p.cat not in ("job_ad", "mention")
            and (before is None or p.at < before)
        ]

    # -- stages ---------------------------------------------------------------------------------
    def originals(self) -> None:
        """Each category gets its quota; job ads are then sized to keep the designed share."""
        for spec in SPECS:
            job_share = sum(w for cat, w, _ in spec.voice if cat == "job_ad")
            made_other = 0
            for cat, weight, make in spec.voice:
                if cat == "job_ad":
                    continue
                made_other += self.draw(spec, cat, make, round(weight * spec.originals))
            jobs = (
                spec.originals
                if job_share >= 1
                else round(job_share / (1 - job_share) * made_other)
            )
            for cat, _, make in spec.voice:
                if cat == "job_ad":
                    self.draw(spec, cat, make, jobs)

    def draw(self, spec: Spec, cat: str, make: Maker, count: int) -> int:
        """Add up to ``count`` fresh originals from one maker; return how many it could make."""
        made = 0
        for _ in range(count):
            text = self.fresh(spec.handle, make)
            if text is None:  # this pool is used up
                break
            self.add(Draft(spec.handle, text, self.when(spec), cat=cat))
            made += 1
        return made

    def threads(self) -> None:
        rng = self.rng
        for starter, question, answers in THREADS:
            spec = BY_HANDLE[starter]
            at = self.when(spec)
            while at > END - timedelta(days=4):
                at = self.when(spec)
            root = self.add(Draft(starter, question, at, cat="question"))
            assert root is not None
            pool = answers[:]
            rng.shuffle(pool)
            size, last = 1, root
            for answer in pool[: rng.randrange(2, 7)]:
                if size >= 8:
                    break
                who, _, text = answer.rpartition("|")
                who = who or self.circle_pick(starter)
                if who not in CIRCLES[starter]:
                    continue
                parent = root
                if last is not root and last.author != who and who in CIRCLES.get(last.author, {}):
                    parent = last if rng.random() < 0.35 else root
                at = self.later(at, 4, 200)
                post = self.reply(who, parent, text, at, "answer")
                if post is None:
                    break
                size, last = size + 1, post
                if size < 8 and rng.random() < max(0.6, ANSWER_BACK.get(starter, 0.0)):
                    at = self.later(at, 2, 90)
                    ack = self.reply(starter, post, self.ack(starter, "question"), at, "ack")
                    if ack is None:
                        continue
                    size += 1
                    if size < 8 and rng.random() < CLOSE_BACK.get(who, 0.0):
                        at = self.later(at, 2, 120)
                        closing = self.reply(who, ack, thanks.closer_text(rng, who), at, "ack")
                        size += closing is not None

    def banter(self) -> None:
        rng = self.rng
        seen: set[tuple[str, int]] = set()
        for spec in SPECS:
            for _ in range(spec.replies):
                other = self.circle_pick(spec.handle)
                targets = [
                    t
                    for t in self.originals_of(other)
                    if t.cat != "question" and (spec.handle, id(t)) not in seen
                ]
                if not targets:
                    continue
                target = rng.choice(targets)
                seen.add((spec.handle, id(target)))
                text = self.fresh(
                    spec.handle, partial(replies.reply_text, voice=spec.handle, cat=target.cat)
                )
                if text is None:
                    continue
                post = self.reply(
                    spec.handle, target, text, self.later(target.at, 5, 480), "banter"
                )
                if post is None or rng.random() >= ANSWER_BACK.get(other, 0.0):
                    continue
                back = self.reply(
                    other, post, self.ack(other, target.cat), self.later(post.at, 3, 240), "banter"
                )
                if back is not None and rng.random() < CLOSE_BACK.get(spec.handle, 0.0):
                    self.reply(
                        spec.handle,
                        back,
                        thanks.closer_text(rng, spec.handle),
                        self.later(back.at, 2, 180),
                        "ack",
                    )

    def mention_firms(self) -> None:
        rng = self.rng
        asked: dict[str, int] = {}
        for asker, firm, count in MENTIONS:
            rate, lo_h, hi_h = RESPONSIVENESS[firm]
            job_ads = [p for p in self.posts if p.author == firm and p.cat == "job_ad"]
            for _ in range(count):
                title = rng.choice(TITLES)
                place = rng.choice(PNW_CITIES)[0]
                if job_ads and rng.random() < 0.35:
                    target = rng.choice(job_ads)
                    ask_t, answer_t = rng.choice(mentions.JOB_AD_ASKS)
                    at = self.later(target.at, 20, 2000)
                    ask = self.reply(
                        asker, target, mentions.fill(rng, ask_t, firm, title, place), at, "mention"
                    )
                else:
                    ask_t, answer_t = rng.choice(mentions.ASKS)
                    text = mentions.fill(rng, ask_t, firm, title, place)
                    ask = self.add(Draft(asker, text, self.when(BY_HANDLE[asker]), cat="mention"))
                if ask is None:
                    continue
                # Exactly `rate` of the asks get an answer, spread evenly over the sequence.
                n = asked[firm] = asked.get(firm, 0) + 1
                if int(n * rate) == int((n - 1) * rate):
                    continue
                if firm in mentions.SLOW_ANSWERS:
                    answer = rng.choice(mentions.SLOW_ANSWERS[firm])
                else:
                    answer = mentions.fill(rng, answer_t, firm, title, place)
                self.reply(firm, ask, answer, self.later(ask.at, lo_h * 60, hi_h * 60), "answer")

    def shares(self) -> None:
        rng = self.rng
        for spec in SPECS:
            for kind, count in (("repost", spec.reposts), ("quote", spec.quotes)):
                for _ in range(count):
                    other = self.circle_pick(spec.handle)
                    targets = [
                        t
                        for t in self.originals_of(other)
                        if (spec.handle, id(t)) not in self.reposted
                    ]
                    if not targets:
                        continue
                    target = rng.choice(targets)
                    self.reposted.add((spec.handle, id(target)))
                    at = self.later(target.at, 10, 2160)
                    if kind == "repost":
                        rt = f"RT @{target.author}: {target.text}"
                        self.add(
                            Draft(spec.handle, rt, at, kind="repost", cat="repost", reposted=target)
                        )
                    else:
                        text = self.fresh(
                            spec.handle, partial(replies.quote_text, voice=spec.handle)
                        )
                        if text is not None:
                            self.add(
                                Draft(
                                    spec.handle, text, at, kind="quote", cat="quote", quoted=target
                                )
                            )

    def build(self) -> list[Draft]:
        self.originals()
        self.threads()
        self.banter()
        self.mention_firms()
        self.shares()
        return sorted(self.posts, key=lambda p: (p.at, p.author))
