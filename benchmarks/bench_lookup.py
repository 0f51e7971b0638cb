"""Time of looking up one account by what a user types: a handle, an id, or the user part of a
fediverse handle (``Store.find_account``), in a store of N accounts over three platforms.

Every cohort line, audit address and ``connect`` handle goes through this lookup, so a cohort
of 2,000 lines does it 2,000 times. ``--without-indexes`` drops the two indexes of migration
0012 first, to show what the lookup cost before them.

    .venv/bin/python benchmarks/bench_lookup.py --accounts 20000
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from _machine import cpu_model

from staffpulse.store import open_store

PLATFORMS = ("x", "bluesky", "mastodon")


def fill(store_path: Path, accounts: int) -> None:
    store = open_store(store_path)
    rows = []
    for i in range(accounts):
        platform = PLATFORMS[i % 3]
        handle = f"user{i}" + ("@hr.social" if platform == "mastodon" else "")
        rows.append((platform, str(1000 + i), handle, handle.lower(), "2026-01-01T00:00:00Z"))
    store.conn.executemany(
        "INSERT INTO accounts(platform, id, handle, handle_norm, first_seen) VALUES (?,?,?,?,?)",
        rows,
    )
    store.conn.commit()
    store.close()


def time_lookups(store_path: Path, runs: int, drop: bool) -> dict[str, float]:
    store = open_store(store_path)
    if drop:
        store.conn.execute("DROP INDEX IF EXISTS accounts_by_handle_norm")
        store.conn.execute("DROP INDEX IF EXISTS accounts_by_id")
    # user3 is on X, id 1004 (user4) on Bluesky, user5 on Mastodon as user5@hr.social
    typed = {"a handle": "user3", "an id": "1004", "a fediverse user part": "user5"}
    medians = {}
    for what, text in typed.items():
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            store.find_account(text)
            times.append(time.perf_counter() - start)
        medians[what] = statistics.median(times) * 1000
    store.close()
    return medians


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--without-indexes", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "lookup.db"
        fill(path, args.accounts)
        medians = time_lookups(path, args.runs, args.without_indexes)
    print(f"Machine: {cpu_model()}; {args.accounts:,} accounts, median of {args.runs} lookups")
    which = "without" if args.without_indexes else "with"
    for what, ms in medians.items():
        print(f"find_account by {what} ({which} migration 0012's indexes): {ms:.3f} ms")


if __name__ == "__main__":
    main()
