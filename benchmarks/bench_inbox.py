"""Time of ``staffpulse inbox`` on a big store: every post a work conversation.

Builds a store of N synthetic original posts (work words in random order, 50 authors, one
post an hour back from now, so about a month of them is inside the inbox's 30-day window),
then times ``build_inbox`` twice: cold (relevance judged, topics assigned and conversations
loaded for the first time) and warm (everything already stored). The worst case for the
inbox: each post is its own relevant conversation. Median of ``--runs`` warm runs.

    .venv/bin/python benchmarks/bench_inbox.py --posts 250000 --runs 3
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _machine import cpu_model

from staffpulse.listen.inbox import build_inbox
from staffpulse.models import Account, Post, Provenance
from staffpulse.store import open_store

WORDS = [
    "recruiter",
    "tip",
    "interview",
    "onboarding",
    "question",
    "hiring",
    "feedback",
    "monday",
    "team",
    "resume",
    "culture",
    "coffee",
    "candidates",
    "salary",
    "manager",
    "remote",
    "shift",
    "offer",
    "ghosting",
    "referral",
]
AUTHORS = 50


def fill(path: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    now = datetime.now(UTC)
    prov = Provenance(source="bench", location="bench", tool_version="bench", retrieved_at=now)
    with open_store(path) as store:
        store.upsert(
            [Account(platform="x", id=f"firm{a}", handle=f"firm{a}") for a in range(AUTHORS)],
            prov,
        )
        for start in range(0, n, 20_000):
            posts = [
                Post(
                    platform="x",
                    id=f"p{i}",
                    author_id=f"firm{i % AUTHORS}",
                    author_handle=f"firm{i % AUTHORS}",
                    text=" ".join(rng.choices(WORDS, k=18)) + "?",
                    created_at=now - timedelta(hours=i),
                    conversation_id=f"p{i}",
                )
                for i in range(start, min(start + 20_000, n))
            ]
            store.upsert(posts, prov)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--posts", type=int, default=250_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "inbox.db"
        fill(db, args.posts, args.seed)
        with open_store(db) as store:
            t0 = time.perf_counter()
            first = build_inbox(store)
            cold = time.perf_counter() - t0
            warm = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                build_inbox(store)
                warm.append(time.perf_counter() - t0)
    result = {
        "machine": cpu_model(),
        "posts": args.posts,
        "conversations": first.counts["conversations"],
        "offered": len(first.items),
        "left_out_older": first.counts["older"],
        "cold_s": round(cold, 1),
        "warm_median_s": round(statistics.median(warm), 1),
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
