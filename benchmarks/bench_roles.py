"""Benchmark the role tagger: accounts per second, warm, plus cold start and CLI end to end.

    python benchmarks/bench_roles.py --n 20000 --runs 5

Accounts are generated from hand-written templates (names, bios, one to three posts), so the
benchmark needs no data folder. It reports the median of ``--runs`` timed runs of
``RoleTagger.predict`` in batches of 2,000 (the CLI's chunk size), the CPU time per account,
the cold start (new interpreter: imports + artifact load + first prediction) and the wall time
of ``staffpulse roles`` on a JSONL file of the same accounts.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

import numpy as np  # noqa: E402
import scipy  # noqa: E402
import sklearn  # noqa: E402
from _machine import cpu_model  # noqa: E402

from staffpulse.signals.roles import load_role_model  # noqa: E402

FIRST = ["jane", "mike", "sara", "tom", "ana", "raj", "lee", "kim", "olu", "eva"]
ORGS = ["Acme", "BlueRiver", "Summit", "Nova", "Peak", "Harbor", "Metro", "Cedar"]
BIOS = [
    "Mom of two, runner, coffee lover.",
    "Senior technical recruiter at {org}. Helping engineers find great jobs.",
    "Staffing agency placing warehouse and office temps across {city}.",
    "HR manager. Employee relations, benefits and culture. Views my own.",
    "Applicant tracking system for growing teams. Hire faster with {org}.",
    "The latest jobs in {city}, updated every hour. Follow for new openings!",
    "Official account of {org}. Great coffee, good people.",
    "Recent grad looking for my first marketing job in {city}.",
    "Football fan, gamer, pizza enthusiast.",
    "Breaking news, weather and traffic for {city}.",
]
POSTS = [
    "We're hiring! Forklift operator in {city}, apply now https://example.com #jobs",
    "Had the best weekend with the kids lol",
    "5 tips for better interviews, new on our blog https://example.com",
    "Can't believe that game last night omg",
    "Open enrollment starts Monday, HR folks get ready!",
    "New feature: one-click posting to 20 job boards.",
]
CITIES = ["Chicago", "Dayton", "Leeds", "Austin", "Toronto", "Denver"]


def make_accounts(n: int, seed: int = 0) -> tuple[list[str], list[str], list[list[str]]]:
    rng = random.Random(seed)
    names, bios, texts = [], [], []
    for i in range(n):
        org, city = rng.choice(ORGS), rng.choice(CITIES)
        names.append(
            f"{rng.choice(FIRST)}_{i}"
            if rng.random() < 0.5
            else f"{org}{rng.choice(['Jobs', 'HR', 'Co', ''])}{i}"
        )
        bios.append(rng.choice(BIOS).format(org=org, city=city))
        texts.append([rng.choice(POSTS).format(city=city) for _ in range(rng.randint(1, 3))])
    return names, bios, texts


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--n", type=int, default=20_000, help="accounts per run")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--batch", type=int, default=2_000)
    ap.add_argument("--no-cli", action="store_true", help="skip the CLI end-to-end timing")
    args = ap.parse_args()

    names, bios, texts = make_accounts(args.n)
    t0 = time.perf_counter()
    model = load_role_model()
    model.predict(names[:10], bios[:10], texts[:10])
    load_s = time.perf_counter() - t0

    walls, cpus = [], []
    for _ in range(args.runs):
        w0, c0 = time.perf_counter(), time.process_time()
        for s in range(0, args.n, args.batch):
            model.predict(
                names[s : s + args.batch], bios[s : s + args.batch], texts[s : s + args.batch]
            )
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    wall = statistics.median(walls)
    cpu = statistics.median(cpus)

    cold = subprocess.run(
        [
            sys.executable,
            "-c",
            "import time;t=time.perf_counter();"
            "from staffpulse.signals.roles import load_role_model;"
            "m=load_role_model();m.predict(['a'],['b'],['c']);print(time.perf_counter()-t)",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )
    cli_s = None
    if not args.no_cli:
        with tempfile.TemporaryDirectory() as tmp:
            src, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
            with src.open("w", encoding="utf-8") as f:
                for i, (a, b, c) in enumerate(zip(names, bios, texts, strict=True)):
                    f.write(json.dumps({"id": i, "name": a, "description": b, "text": c}) + "\n")
            c0 = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-c",
                    "import sys; from staffpulse.cli import main; sys.argv[0] = 'staffpulse'; main()",
                    "roles",
                    str(src),
                    "--output",
                    str(out),
                ],
                check=True,
                capture_output=True,
                env={**os.environ, "PYTHONPATH": str(REPO / "src")},
            )
            cli_s = time.perf_counter() - c0

    print(f"machine: {os.cpu_count()} CPUs, {cpu_model()}, load average {os.getloadavg()[0]:.1f}")
    print(
        f"versions: Python {platform.python_version()}, NumPy {np.__version__}, "
        f"SciPy {scipy.__version__}, scikit-learn {sklearn.__version__}"
    )
    print(f"accounts per run: {args.n:,} (batches of {args.batch:,}), runs: {args.runs}")
    print(f"warm predict: median {wall:.2f} s wall -> {args.n / wall:,.0f} accounts/s")
    print(f"CPU time: median {cpu:.2f} s -> {1000 * cpu / args.n:.3f} ms CPU per account")
    print(f"runs (s): {', '.join(f'{w:.2f}' for w in walls)}")
    print(
        f"load + first prediction in this process: {load_s:.2f} s; cold start: {float(cold.stdout):.2f} s"
    )
    if cli_s is not None:
        print(f"CLI end to end (staffpulse roles, {args.n:,} accounts): {cli_s:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
