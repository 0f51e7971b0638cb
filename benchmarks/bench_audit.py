"""Audit speed: one account with 3,200 posts, and a 1,000-account cohort benchmark.

Usage::

    python benchmarks/bench_audit.py [--runs 7] [--accounts 1000] [--posts-per-account 40]
                                     [--scorer auto|model|keyword] [--append benchmarks/RESULTS.md]

The data is synthetic (written here, fixed seed) and imported into a temporary store first;
the timings are of ``audit_account`` / ``run_benchmark`` *after* the import, as a user runs
them. The first audit loads the text model (reported apart as "cold"); the median is over
the warm runs. ``--scorer keyword`` swaps the shipped model for trivial keyword rules, to
separate the audit's own cost from the model's.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib.metadata
import importlib.util
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
from _machine import cpu_model

from staffpulse.audit import audit_account
from staffpulse.benchmark import run_benchmark
from staffpulse.models import Account, Post, Provenance
from staffpulse.store import Store, open_store

T0 = datetime(2024, 1, 1, tzinfo=UTC)
PROV = Provenance(source="bench", location="bench_audit.py", tool_version="bench", retrieved_at=T0)
TITLES = [
    "forklift operator",
    "nurse",
    "accountant",
    "welder",
    "recruiter",
    "data analyst",
    "receptionist",
    "CNC machinist",
    "driver",
    "payroll clerk",
]
CITIES = ["Dayton", "Tacoma", "Austin", "Reno", "Boise", "Omaha", "Tulsa", "Fresno"]
TIPS = [
    "Resume tip: put numbers first.",
    "Interview tip: ask about the team.",
    "Honest question: what makes you trust a recruiter?",
    "Story time: our office dog",
    "Unpopular opinion: job descriptions are wish lists.",
    "We laughed so hard today 😂",
]


class KeywordScorer:
    """Trivial rules with the text model's contract (to time the audit without the model)."""

    thresholds_: ClassVar[dict[str, float]] = {"job_opening": 0.5, "personality": 0.5, "humor": 0.5}

    def score(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        low = np.array([t.lower() for t in texts], dtype=object)
        job = np.array(["hiring" in t or "apply" in t for t in low], dtype=float)
        pers = np.array(["?" in t or "story" in t or "opinion" in t for t in low], dtype=float)
        fun = np.array(["😂" in t for t in low], dtype=float)
        return {
            "job_opening": job,
            "personality": pers,
            "humor": fun,
            "work_topic": np.ones(len(texts)),
        }


def feed(handle: str, n: int, rng: random.Random, others: int = 0) -> list[Any]:
    rows: list[Any] = [
        Account(
            platform="x",
            id=handle,
            handle=handle,
            display_name=handle.title(),
            bio="Staffing in the Midwest. " * 2,
        )
    ]
    when = T0
    for i in range(n):
        when += timedelta(minutes=rng.randrange(30, 600))
        roll = rng.random()
        mine = functools.partial(
            Post, platform="x", id=f"{handle}-{i}", author_id=handle, author_handle=handle,
            created_at=when,
        )  # fmt: skip
        if roll < 0.45:
            rows.append(
                mine(
                    text=f"We're hiring a {rng.choice(TITLES)} in {rng.choice(CITIES)}! "
                    f"${rng.randrange(15, 60)}/hr. "
                    f"Apply: https://jobs.example/{rng.randrange(10**6)}"
                )
            )
        elif roll < 0.7:
            rows.append(mine(text=f"{rng.choice(TIPS)} #{rng.randrange(1000)}"))
        elif roll < 0.9:
            peer = f"peer{rng.randrange(200)}"
            rows.append(
                mine(
                    text=f"@{peer} thanks, great point about {rng.choice(TITLES)}s",
                    kind="reply",
                    reply_to_handle=peer,
                    mentions=(peer,),
                )
            )
        else:
            rows.append(
                mine(
                    text=f"RT @peer{rng.randrange(200)}: news {i}",
                    kind="repost",
                    reposted_post_id=f"ext-{i}",
                )
            )
    for j in range(others):
        when = T0 + timedelta(days=rng.randrange(300))
        rows.append(
            Post(
                platform="x",
                id=f"m-{handle}-{j}",
                author_id=f"fan{j % 50}",
                author_handle=f"fan{j % 50}",
                text=f"@{handle} is this job open?",
                created_at=when,
                mentions=(handle,),
            )
        )
    return rows


def build(path: Path, accounts: int, posts: int, big: int) -> Store:
    rng = random.Random(6)
    store = open_store(path)
    store.upsert(feed("bigfirm", big, rng, others=300), PROV)
    for k in range(accounts):
        store.upsert(feed(f"firm{k:04d}", posts, rng, others=3), PROV)
    store.refresh_interactions()
    return store


def machine() -> str:
    return f"{cpu_model()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}"


def versions() -> str:
    names = ["staffpulse", "numpy", "scikit-learn", "scipy"]
    found = []
    for name in names:
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            found.append(f"{name} {importlib.metadata.version(name)}")
    return f"Python {platform.python_version()}, " + ", ".join(found)


def _model_available() -> bool:
    try:
        from staffpulse.audit.signals import default_scorer

        default_scorer()
    except Exception:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--accounts", type=int, default=1000)
    parser.add_argument("--posts-per-account", type=int, default=40)
    parser.add_argument("--scorer", choices=["auto", "model", "keyword"], default="auto")
    parser.add_argument("--append", type=Path, help="append the results to this RESULTS.md")
    args = parser.parse_args(argv)

    scorer: Any = None
    label = "shipped text model (staffpulse.signals.text)"
    if args.scorer == "keyword" or (args.scorer == "auto" and not _model_available()):
        scorer, label = KeywordScorer(), "keyword rules (text model not installed)"
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        store = build(Path(tmp) / "bench.db", args.accounts, args.posts_per_account, 3200)
        import_s = time.perf_counter() - t
        t = time.perf_counter()
        first = audit_account(store, "bigfirm", scorer=scorer, save=False)
        cold = time.perf_counter() - t
        assert first.counts["posts"] == 3200, first.counts
        warm = []
        for _ in range(args.runs):
            t = time.perf_counter()
            audit_account(store, "bigfirm", scorer=scorer, save=False)
            warm.append(time.perf_counter() - t)
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            bench = run_benchmark(store, scorer=scorer)
            runs.append(time.perf_counter() - t)
        store.close()
    n_accounts = len(bench.audits)
    lines = [
        "## Audit",
        "",
        f"`python benchmarks/bench_audit.py --runs {args.runs} --accounts {args.accounts} "
        f"--posts-per-account {args.posts_per_account} --scorer {args.scorer}` "
        f"({datetime.now(UTC):%Y-%m-%d}).",
        "",
        f"- Machine: {machine()}",
        f"- Versions: {versions()}",
        f"- Text signals: {label}",
        f"- Synthetic data (fixed seed), imported first ({import_s:.1f} s, not timed below).",
        "",
        "| what | posts | result |",
        "|---|---|---|",
        f"| `audit_account`, one account, cold (loads the model) | 3,200 (+300 mentions) "
        f"| {cold * 1000:.0f} ms |",
        f"| `audit_account`, one account, warm, median of {args.runs} | 3,200 (+300 mentions) "
        f"| **{statistics.median(warm) * 1000:.0f} ms** (min {min(warm) * 1000:.0f}, "
        f"max {max(warm) * 1000:.0f}) |",
        f"| `run_benchmark`, every account in the store, median of 3 | "
        f"{int(bench.timings['posts']):,} in {n_accounts:,} accounts "
        f"| **{statistics.median(runs):.2f} s** (load {bench.timings['load_s']:.2f} s, "
        f"score {bench.timings['score_s']:.2f} s, audit {bench.timings['audit_s']:.2f} s) |",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.append:
        previous = args.append.read_text() if args.append.exists() else "# Benchmark results\n"
        args.append.write_text(previous.rstrip("\n") + "\n\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
