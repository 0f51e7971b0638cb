"""Throughput of the post signals (and templating) on synthetic posts.

Usage::

    .venv/bin/python benchmarks/bench_signals.py --data ../shared/data [--sizes 10000 100000]
        [--runs 5] [--million]

Posts are generated in memory by recombining the words of the real labelled posts
(``posts_labeled/posts_labeled_dev.jsonl``: word pool and post-length distribution), so the
token statistics, URLs, mentions and mojibake look like the real distribution; nothing is
written to disk. Without ``--data`` a small built-in word list is used. Each figure is the
median of ``--runs`` timed runs after one warm-up, with the shipped model and its default
``n_jobs`` (2 processes for batches of 20,000 posts or more).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import sklearn

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from _machine import cpu_model  # noqa: E402

from staffpulse.signals.templating import detect_templates  # noqa: E402
from staffpulse.signals.text import TextSignals, load_text_signals  # noqa: E402

_FALLBACK = [
    "we",
    "are",
    "hiring",
    "apply",
    "now",
    "job",
    "opening",
    "team",
    "great",
    "love",
    "work",
    "office",
    "today",
    "new",
    "blog",
    "post",
    "lol",
    "my",
    "boss",
    "is",
    "the",
    "best",
    "#jobs",
    "#hiring",
    "https://t.co/abc",
    "@user",
    "Dayton",
    "OH",
    "nurse",
    "driver",
    "what",
    "a",
    "game",
    "tonight",
    "thanks",
    "everyone",
    "coffee",
    "monday",
    "_Ù÷â",
    "haha",
]


def synthetic_posts(n: int, data: Path | None, seed: int = 0) -> list[str]:
    rng = np.random.default_rng(seed)
    words, lengths = _FALLBACK, [12, 18, 8, 22]
    path = data / "posts_labeled" / "posts_labeled_dev.jsonl" if data else None
    if path is not None and path.is_file():
        texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
        words = [w for t in texts for w in t.split()]
        lengths = [len(t.split()) for t in texts]
    pool = np.array(words, dtype=object)
    sizes = rng.choice(np.array(lengths), size=n)
    picks = rng.integers(0, len(pool), size=int(sizes.sum()))
    out, start = [], 0
    for size in sizes:
        out.append(" ".join(pool[picks[start : start + size]]))
        start += size
    return out


def timed_interleaved(fns: dict[str, Callable[[], object]], runs: int) -> dict[str, float]:
    """Median seconds per function; runs alternate between functions so that load from
    other processes on a shared machine hits every mode alike."""
    for fn in fns.values():
        fn()  # warm-up (process pool start, caches)
    samples: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            t0 = time.perf_counter()
            fn()
            samples[name].append(time.perf_counter() - t0)
    return {k: statistics.median(v) for k, v in samples.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--million", action="store_true", help="also time 1,000,000 posts")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", type=Path, default=None, help="write the figures as JSON here")
    args = ap.parse_args(argv)
    sizes = [*args.sizes, *([1_000_000] if args.million else [])]
    model: TextSignals = load_text_signals()
    machine = {
        "nproc": os.cpu_count(),
        "cpu": cpu_model(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scikit-learn": sklearn.__version__,
        "load_average": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
    }
    print(json.dumps(machine))
    rows = []
    for n in sizes:
        texts = synthetic_posts(n, args.data)
        runs = args.runs if n < 1_000_000 else max(1, args.runs // 2)
        one = TextSignals.load()  # a second copy, always in-process
        one.n_jobs = 1
        bare = TextSignals.load()  # and one without the staffing-ad patterns, for their cost
        bare.job_ad_patterns = False
        t = timed_interleaved(
            {
                "all": lambda texts=texts: model.score(texts),
                "job": lambda texts=texts: model.score(texts, signals=("job_opening",)),
                "one": lambda texts=texts, one=one: one.score(texts),
                "one_job": lambda texts=texts, one=one: one.score(texts, signals=("job_opening",)),
                "bare_job": lambda texts=texts, bare=bare: bare.score(
                    texts, signals=("job_opening",)
                ),
            },
            runs,
        )
        row = {
            "posts": n,
            "all_signals_per_s": round(n / t["all"]),
            "job_opening_per_s": round(n / t["job"]),
            "all_signals_1_process_per_s": round(n / t["one"]),
            "job_opening_1_process_per_s": round(n / t["one_job"]),
            "job_opening_without_patterns_per_s": round(n / t["bare_job"]),
            "runs": runs,
        }
        rows.append(row)
        print(json.dumps(row), flush=True)
    feed = synthetic_posts(2_000, args.data, seed=1)
    feed += [
        f"We're #hiring a Line Cook in Town{i}, OH! Apply: https://t.co/{i}" for i in range(500)
    ]
    t_tpl = timed_interleaved({"tpl": lambda: detect_templates(feed)}, args.runs)["tpl"]
    templ = {"templating_feed_posts": len(feed), "templating_seconds": round(t_tpl, 3)}
    print(json.dumps(templ))
    if args.json:
        args.json.write_text(json.dumps({"machine": machine, "rows": rows, **templ}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
