"""Peak memory and time of importing N posts into a store, then of reading it back.

Generates a staffpulse JSONL file of N synthetic posts over 1,000 accounts (streamed to disk,
never held in memory), imports it in a child process and reports that process's peak RSS,
then runs `stats` and an audit-sized read in another child. Constant memory in N is the goal:
the importer streams lines and writes in batches of 2,000.

    .venv/bin/python benchmarks/bench_store_memory.py --posts 1000000
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
WORK = ROOT / "_work"
WORDS = [
    "hiring",
    "nurse",
    "welder",
    "Dayton",
    "apply",
    "today",
    "team",
    "culture",
    "interview",
    "question",
    "coffee",
    "monday",
    "recruiter",
    "candidate",
    "offer",
    "remote",
    "hybrid",
    "shift",
    "pay",
    "benefits",
    "story",
    "lesson",
    "tip",
    "why",
    "what",
    "how",
]


def generate(path: Path, posts: int, accounts: int = 1000) -> None:
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as handle:
        for a in range(accounts):
            handle.write(
                json.dumps({"type": "account", "platform": "x", "handle": f"acct{a}"}) + "\n"
            )
        for i in range(posts):
            author = f"acct{rng.randrange(accounts)}"
            text = " ".join(rng.choice(WORDS) for _ in range(14))
            record = {
                "type": "post",
                "platform": "x",
                "id": str(10_000_000 + i),
                "author": author,
                "text": f"{text} @acct{rng.randrange(accounts)}",
                "created_at": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00Z",
            }
            if i % 5 == 0 and i:
                record["reply_to_id"] = str(10_000_000 + i - 1)
            handle.write(json.dumps(record) + "\n")


CHILD_IMPORT = """
import resource, sys, time
from pathlib import Path
from staffpulse.ingest import import_paths
from staffpulse.store import open_store
store = open_store(Path(sys.argv[1]))
start = time.perf_counter()
report = import_paths(store, [Path(sys.argv[2])])
elapsed = time.perf_counter() - start
print(report.posts, elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

CHILD_READ = """
import resource, sys, time
from pathlib import Path
from staffpulse.store import open_store
store = open_store(Path(sys.argv[1]))
start = time.perf_counter()
stats = store.stats()
account = store.find_account("acct1")
posts = store.posts_by(account.platform, account.id)
elapsed = time.perf_counter() - start
print(len(posts), elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1_000_000)
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    data = WORK / f"store_{args.posts}.jsonl"
    if not data.exists():
        generate(data, args.posts)
    db = WORK / f"store_{args.posts}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    out = subprocess.run(
        [sys.executable, "-c", CHILD_IMPORT, str(db), str(data)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    posts, elapsed, rss_kb = int(out[0]), float(out[1]), int(out[2])
    print(
        f"import: {posts:,} posts in {elapsed:.1f} s ({posts / elapsed:,.0f} posts/s), "
        f"peak RSS {rss_kb / 1024:.0f} MiB; input {data.stat().st_size / 1e6:.0f} MB, "
        f"store {db.stat().st_size / 1e6:.0f} MB"
    )
    out = subprocess.run(
        [sys.executable, "-c", CHILD_READ, str(db)], check=True, capture_output=True, text=True
    ).stdout.split()
    print(
        f"read: stats + {int(out[0]):,} posts of one account in {float(out[1]):.2f} s, "
        f"peak RSS {int(out[2]) / 1024:.0f} MiB"
    )
    print(
        f"(this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB;"
        f" {time.strftime('%Y-%m-%d')})"
    )


if __name__ == "__main__":
    main()
