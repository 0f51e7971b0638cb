"""Ingest speed: twarc2 JSONL -> normalized rows, staffpulse vs `twarc2 csv` (twarc-csv plugin).

Both tools read the same file: the real twarc2 pages in ../shared/data (brexit, kpop, noflat),
repeated until the file holds --tweets tweets. Each repetition gets its own tweet and user ids
(a numeric prefix), so the store sees new rows rather than re-upserts of the same ones.

The peer runs from its own venv (twarc-csv 0.7.2 crashes on pandas 3, so that venv pins
pandas<3):

    python3 -m venv benchmarks/_work/twarc-venv
    benchmarks/_work/twarc-venv/bin/pip install twarc-csv==0.7.2 'pandas<3'
    .venv/bin/python benchmarks/bench_ingest.py --data ../shared/data --runs 3

Reported: the median wall time of each tool over --runs runs, and the ratio.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.sources.twarc2 import Twarc2
from staffpulse.store import open_store

ROOT = Path(__file__).resolve().parent
WORK = ROOT / "_work"
PAGES = ("brexit.jsonl", "kpop.jsonl", "noflat.jsonl")
_ID = re.compile(rb'"(\d{6,20})"')


def build_input(data: Path, tweets: int) -> tuple[Path, int]:
    pages = [(data / "formats" / "twarc2_jsonl_real" / name).read_bytes().strip() for name in PAGES]
    per_round = sum(len(json.loads(p)["data"]) for p in pages)
    rounds = max(1, round(tweets / per_round))
    out = WORK / f"ingest_{rounds * per_round}.jsonl"
    if not out.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        with out.open("wb") as handle:
            for r in range(rounds):
                prefix = str(100 + r).encode()
                for page in pages:
                    handle.write(_ID.sub(lambda m, p=prefix: b'"' + p + m.group(1) + b'"', page))
                    handle.write(b"\n")
    return out, rounds * per_round


def time_twarc_csv(twarc: Path, path: Path) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run(
            [str(twarc), "csv", str(path), str(Path(tmp) / "out.csv")],
            check=True,
            capture_output=True,
            cwd=tmp,  # twarc2 writes twarc.log into the working directory
            # twarc2 asks for credentials on start even for offline commands: give it a dummy.
            env={"BEARER_TOKEN": "offline-benchmark", "PATH": "/usr/bin:/bin"},
        )
        return time.perf_counter() - start


def time_normalize(path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    rows = sum(len(item.rows) for item in Twarc2().read(path) if hasattr(item, "rows"))
    return time.perf_counter() - start, rows


def time_import(path: Path) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        start = time.perf_counter()
        report = import_paths(store, [path])
        elapsed = time.perf_counter() - start
        store.close()
    return elapsed, report.posts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent.parent / "shared" / "data")
    parser.add_argument("--tweets", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--twarc", type=Path, default=WORK / "twarc-venv" / "bin" / "twarc2")
    args = parser.parse_args()

    path, tweets = build_input(args.data, args.tweets)
    size_mb = path.stat().st_size / 1e6
    print(f"input: {path.name}: {tweets:,} tweets in pages, {size_mb:.1f} MB")
    print(f"machine: {platform.processor() or platform.machine()}, Python {sys.version.split()[0]}")

    normalize = [time_normalize(path) for _ in range(args.runs)]
    imports = [time_import(path) for _ in range(args.runs)]
    norm_s = statistics.median(t for t, _ in normalize)
    import_s = statistics.median(t for t, _ in imports)
    print(
        f"staffpulse normalize (parse + rows, incl. includes): {norm_s:.2f} s "
        f"({normalize[0][1]:,} rows, {tweets / norm_s:,.0f} tweets/s)"
    )
    print(
        f"staffpulse import into SQLite (rows + raw pages + interactions): {import_s:.2f} s "
        f"({imports[0][1]:,} posts, {tweets / import_s:,.0f} tweets/s)"
    )
    if args.twarc.exists():
        peer = statistics.median(time_twarc_csv(args.twarc, path) for _ in range(args.runs))
        print(
            f"twarc2 csv (twarc-csv 0.7.2, pandas<3): {peer:.2f} s ({tweets / peer:,.0f} tweets/s)"
        )
        print(f"ratio, normalize vs twarc2 csv: {peer / norm_s:.1f}x faster")
        print(f"ratio, full import vs twarc2 csv: {peer / import_s:.1f}x faster")
    else:
        print(f"peer not installed at {args.twarc}: see the module docstring")


if __name__ == "__main__":
    main()
