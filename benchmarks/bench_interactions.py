"""Cost of keeping the interaction edges current after a small import into a big store.

Builds an in-memory store of N synthetic posts (replies, mentions, reposts, quotes) over
2,000 accounts, then imports a small batch (100 posts by 5 authors, as a daily fetch would)
and times ``refresh_interactions()`` (incremental: the affected sources only) against
``refresh_interactions(full=True)`` (the rebuild every import used to do). Checks that both
give the same edges. Median of ``--runs``.

    .venv/bin/python benchmarks/bench_interactions.py --posts 200000 --runs 5
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from staffpulse.models import Account, Post, Provenance
from staffpulse.store import Store, open_store

T0 = datetime(2026, 1, 1, tzinfo=UTC)
PROV = Provenance(source="bench", location="mem", tool_version="bench", retrieved_at=T0)
ACCOUNTS = 2_000


def make_post(rng: random.Random, number: int, author: int) -> Post:
    kind = rng.choices(["original", "reply", "repost", "quote"], [5, 3, 1, 1])[0]
    other = rng.randrange(ACCOUNTS)
    return Post(
        platform="x",
        id=str(number),
        author_id=str(author),
        text="bench",
        created_at=T0 + timedelta(minutes=number),
        kind=kind,
        reply_to_handle=f"user{other}" if kind == "reply" else None,
        reposted_post_id=str(rng.randrange(max(number, 1))) if kind == "repost" else None,
        quoted_post_id=str(rng.randrange(max(number, 1))) if kind == "quote" else None,
        mentions=(f"user{rng.randrange(ACCOUNTS)}",) if rng.random() < 0.4 else (),
    )


def build_store(posts: int, seed: int) -> Store:
    rng = random.Random(seed)
    store = open_store(":memory:")
    store.upsert(
        [Account(platform="x", id=str(i), handle=f"user{i}") for i in range(ACCOUNTS)], PROV
    )
    batch: list[Account | Post] = []
    for number in range(posts):
        batch.append(make_post(rng, number, rng.randrange(ACCOUNTS)))
        if len(batch) == 5_000:
            store.upsert(batch, PROV)
            batch = []
    store.upsert(batch, PROV)
    store.refresh_interactions(full=True)
    return store


def edges(store: Store) -> set[tuple[object, ...]]:
    return {tuple(r) for r in store.conn.execute("SELECT * FROM interactions")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    t = time.perf_counter()
    store = build_store(args.posts, seed=1)
    print(f"built a store of {args.posts:,} posts in {time.perf_counter() - t:.1f}s", flush=True)
    rng = random.Random(2)
    incremental: list[float] = []
    full: list[float] = []
    next_id = args.posts
    for _ in range(args.runs):
        authors = [rng.randrange(ACCOUNTS) for _ in range(5)]
        new = [make_post(rng, next_id + i, authors[i % 5]) for i in range(100)]
        next_id += 100
        store.upsert(new, PROV)
        t = time.perf_counter()
        store.refresh_interactions()
        incremental.append(time.perf_counter() - t)
        after_incremental = edges(store)
        t = time.perf_counter()
        store.refresh_interactions(full=True)
        full.append(time.perf_counter() - t)
        if edges(store) != after_incremental:
            print("error: incremental and full refresh disagree", file=sys.stderr)
            return 1
    result = {
        "posts": args.posts,
        "new_posts_per_import": 100,
        "incremental_ms": round(statistics.median(incremental) * 1000, 1),
        "full_ms": round(statistics.median(full) * 1000, 1),
        "runs": args.runs,
    }
    result["speedup"] = round(result["full_ms"] / max(result["incremental_ms"], 0.1), 1)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
