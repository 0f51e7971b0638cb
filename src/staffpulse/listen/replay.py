"""A generated Jetstream stream and a local replay server (tests, benchmarks, dry runs).

``generate_stream`` writes a realistic mix of Jetstream events from templates written by this
project (no real posts): mostly everyday chatter, a few percent work conversations (questions,
opinions, job ads) with replies, deletes, identity and account events. ``ReplayServer`` serves
frames on ``ws://127.0.0.1:PORT/subscribe`` like Jetstream: it honours ``cursor`` (events with
``time_us >= cursor``) and can drop the first connection after N frames to test resumption.
"""

from __future__ import annotations

import asyncio
import json
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

from staffpulse.listen.jetstream import POST_COLLECTION, post_uri

WORK_SUBJECTS = (
    "counteroffers", "remote work", "return to office", "interview loops", "candidate ghosting",
    "salary transparency", "AI screening tools", "onboarding", "layoffs", "burnout",
    "contract-to-hire", "referral bonuses", "skills-based hiring", "four-day weeks",
)  # fmt: skip
WORK_QUESTIONS = (
    "How are you all handling {s} with candidates right now?",
    "Recruiters: is anyone else seeing problems with {s} this quarter?",
    "HR folks, what is your policy on {s}? Curious what works.",
    "What do hiring managers get wrong about {s}? Asking for my team.",
    "Should we change how we approach {s} in our hiring process?",
)
WORK_OPINIONS = (
    "Hot take: {s} is the biggest mistake employers make in hiring this year.",
    "We changed our approach to {s} and retention went up. Workplace lesson learned.",
    "Every recruiter I talk to is worried about {s}. The job market is shifting.",
)
JOB_ADS = (
    "We're hiring! Senior {role} in {city}. Apply now: https://jobs.example.com/{n} #hiring",
    "Now hiring a {role} ({city}, hybrid). Join our team: https://careers.example.com/{n} #jobs",
)
REPLIES = (
    "Great question. We saw the same with {s}; being upfront with candidates helped.",
    "Following, we are struggling with {s} too.",
    "Honestly {s} depends on the hiring manager more than HR.",
)
CHATTER = (
    "Sunset at the beach tonight was unreal", "My cat knocked the coffee off the desk again",
    "Anyone watching the game tonight?", "New album dropped and it is so good",
    "Made sourdough for the first time, it is a brick", "What a match! That last goal",
    "Rainy Sunday, perfect for a book", "Why is my phone battery always dying?",
    "Photos from the hike this morning", "Best pizza in town, fight me",
    "Just finished a 10k run", "Garden update: tomatoes finally turning red",
)  # fmt: skip
ROLES = ("Java Developer", "Nurse", "Data Analyst", "Forklift Operator", "Accountant")
CITIES = ("Austin", "Denver", "Leeds", "Toronto", "Phoenix")
LANGS = ("en", "en", "en", "pt", "ja", "de")
START_US = 1_767_225_600_000_000  # the first event's time: 2026-01-01T00:00:00Z
WORK_SHARE = 0.06  # the share of posts about work (questions, opinions, job ads, replies)
RATE_PER_SECOND = 1500.0  # events a second, on average: how far apart their time_us are


@dataclass
class StreamTruth:
    """What the generator wrote, to check listening against."""

    work_questions: set[str] = field(default_factory=set)
    work_opinions: set[str] = field(default_factory=set)
    job_ads: set[str] = field(default_factory=set)
    replies: set[str] = field(default_factory=set)
    deleted: set[str] = field(default_factory=set)
    chatter: set[str] = field(default_factory=set)


def _rkey(rng: random.Random) -> str:
    return "3l" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz234567") for _ in range(11))


def generate_stream(n_events: int, seed: int = 0) -> tuple[list[dict[str, Any]], StreamTruth]:
    """Jetstream-shaped events (post commits, replies, deletes, identity, account)."""
    rng = random.Random(seed)
    truth = StreamTruth()
    dids = [f"did:plc:{rng.getrandbits(100):025x}" for _ in range(max(n_events // 4, 10))]
    work_roots: list[tuple[str, str, str]] = []  # (uri, cid, subject)
    posted: list[tuple[str, str]] = []  # (did, rkey) we may delete later
    events: list[dict[str, Any]] = []
    time_us = START_US
    for _ in range(n_events):
        time_us += max(1, int(rng.expovariate(RATE_PER_SECOND) * 1e6))
        did = rng.choice(dids)
        roll = rng.random()
        when = datetime.fromtimestamp(time_us / 1e6, tz=UTC).isoformat().replace("+00:00", "Z")
        if roll < 0.01:
            events.append({"did": did, "time_us": time_us, "kind": "identity",
                           "identity": {"did": did, "handle": f"user{dids.index(did)}.bsky.social",
                                        "seq": time_us, "time": when}})  # fmt: skip
            continue
        if roll < 0.015:
            events.append({"did": did, "time_us": time_us, "kind": "account",
                           "account": {"active": True, "did": did, "seq": time_us, "time": when}})  # fmt: skip
            continue
        if roll < 0.035 and posted:
            d_did, d_rkey = posted.pop(rng.randrange(len(posted)))
            truth.deleted.add(post_uri(d_did, d_rkey))
            events.append({"did": d_did, "time_us": time_us, "kind": "commit",
                           "commit": {"rev": _rkey(rng), "operation": "delete",
                                      "collection": POST_COLLECTION, "rkey": d_rkey}})  # fmt: skip
            continue
        rkey = _rkey(rng)
        uri = post_uri(did, rkey)
        record: dict[str, Any] = {"$type": POST_COLLECTION, "createdAt": when,
                                  "langs": [rng.choice(LANGS)]}  # fmt: skip
        work = rng.random() < WORK_SHARE
        if work_roots and rng.random() < (0.35 if work else 0.02):
            root_uri, root_cid, subject = rng.choice(work_roots[-50:])
            record["text"] = rng.choice(REPLIES).format(s=subject)
            record["reply"] = {"root": {"uri": root_uri, "cid": root_cid},
                               "parent": {"uri": root_uri, "cid": root_cid}}  # fmt: skip
            truth.replies.add(uri)
        elif work:
            subject = rng.choice(WORK_SUBJECTS)
            kind = rng.random()
            if kind < 0.45:
                record["text"] = rng.choice(WORK_QUESTIONS).format(s=subject)
                truth.work_questions.add(uri)
            elif kind < 0.75:
                record["text"] = rng.choice(WORK_OPINIONS).format(s=subject)
                truth.work_opinions.add(uri)
            else:
                record["text"] = rng.choice(JOB_ADS).format(
                    role=rng.choice(ROLES), city=rng.choice(CITIES), n=rng.randrange(10**6)
                )
                truth.job_ads.add(uri)
            work_roots.append((uri, f"bafy{rkey}", subject))
        else:
            record["text"] = rng.choice(CHATTER) + rng.choice(("", "!", " :)", " 🙂", "..."))
            truth.chatter.add(uri)
        posted.append((did, rkey))
        events.append({"did": did, "time_us": time_us, "kind": "commit",
                       "commit": {"rev": _rkey(rng), "operation": "create",
                                  "collection": POST_COLLECTION, "rkey": rkey,
                                  "record": record, "cid": f"bafy{rkey}"}})  # fmt: skip
    return events, truth


def frames_of(events: list[dict[str, Any]]) -> list[str]:
    return [json.dumps(e, ensure_ascii=False) for e in events]


def _time_of(frame: str) -> int | None:
    try:
        value = json.loads(frame).get("time_us")
    except (json.JSONDecodeError, AttributeError):
        return None
    return value if isinstance(value, int) else None


class ReplayServer:
    """Serve frames like Jetstream on a random local port (``async with`` it)."""

    def __init__(self, frames: list[str], drop_after: int | None = None) -> None:
        self.frames = frames
        self.drop_after = drop_after
        self.requests: list[str] = []
        self.url = ""
        self._server: Any = None

    async def __aenter__(self) -> ReplayServer:
        from websockets.asyncio.server import serve

        self._server = await serve(self._handle, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        self.url = f"ws://127.0.0.1:{port}/subscribe"
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._server.close()
        await self._server.wait_closed()

    def cursors(self) -> list[int | None]:
        """The ``cursor`` query parameter of each connection, in order."""
        out: list[int | None] = []
        for path in self.requests:
            values = parse_qs(urlsplit(path).query).get("cursor")
            out.append(int(values[0]) if values else None)
        return out

    async def _handle(self, ws: Any) -> None:
        self.requests.append(ws.request.path)
        cursor = self.cursors()[-1]
        first = len(self.requests) == 1
        sent = 0
        for frame in self.frames:
            if cursor is not None:
                at = _time_of(frame)
                if at is None or at < cursor:
                    continue
            await ws.send(frame)
            sent += 1
            if first and self.drop_after is not None and sent >= self.drop_after:
                await asyncio.sleep(0.05)
                ws.transport.abort()  # an abrupt network drop, no close frame
                return
        await ws.wait_closed()
