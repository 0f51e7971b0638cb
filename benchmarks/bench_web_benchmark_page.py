"""The dashboard's Benchmark page on a big cohort: how many bytes of HTML it sends and how
long it takes to answer and to show in a browser; and the audit page of one of its accounts.

Usage::

    python benchmarks/bench_web_benchmark_page.py [--accounts 2000] [--posts-per-account 12]
                                                 [--runs 5] [--chromium /usr/bin/chromium]

The store is synthetic (``bench_audit.build``, fixed seed) and the text signals are the
keyword rules of ``bench_audit`` (the page, not the model, is measured). The cohort is ranked
once before timing (the dashboard keeps the ranking); then, median of ``--runs``: the page's
answer in process (``GET /benchmark`` with FastAPI's test client: bytes and seconds) and, when
Chromium is there, the time from navigation to the ``load`` event in headless Chromium
(Playwright, served by uvicorn on a loopback port).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from bench_audit import KeywordScorer, build, machine

from staffpulse.web import WebSettings, create_app


def serve(app: Any) -> tuple[str, Any]:
    """The app on a free loopback port, in a thread: its address and its server."""
    import socket

    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


def browser_times(base: str, chromium: str, runs: int) -> tuple[list[float], list[float]]:
    """Seconds from navigation to the ``load`` event, and to the strips drawn (scrolled to,
    when the page loads them apart), ``runs`` times."""
    from playwright.sync_api import sync_playwright

    loaded, drawn = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for _ in range(runs):
                t = time.perf_counter()
                page.goto(base + "/benchmark", wait_until="load", timeout=120_000)
                loaded.append(time.perf_counter() - t)
                if page.locator("[data-strips]").count():
                    page.locator("[data-strips]").scroll_into_view_if_needed()
                    page.wait_for_selector("[data-strips][data-loaded] svg", timeout=120_000)
                drawn.append(time.perf_counter() - t)
        finally:
            browser.close()
    return loaded, drawn


def timed_answers(client: Any, path: str, runs: int) -> tuple[list[float], list[int]]:
    """How long the dashboard took to answer ``path`` in process, ``runs`` times, and the
    size of each answer in bytes."""
    seconds, sizes = [], []
    for _ in range(runs):
        t = time.perf_counter()
        answer = client.get(path)
        seconds.append(time.perf_counter() - t)
        if answer.status_code != 200:  # e.g. firm0042 with --accounts under 43: not a page
            raise SystemExit(f"{path} answered {answer.status_code}: nothing to measure there")
        sizes.append(len(answer.content))
    return seconds, sizes


def main(argv: list[str] | None = None) -> int:
    from fastapi.testclient import TestClient

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--accounts", type=int, default=2000)
    parser.add_argument("--posts-per-account", type=int, default=12)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        build(db, args.accounts, args.posts_per_account, 40).close()
        settings = WebSettings(
            db_path=db,
            scorer=KeywordScorer(),
            allowed_hosts=["testserver", "127.0.0.1"],
            upload_dir=Path(tmp) / "uploads",
            page_wait=600.0,
        )
        app = create_app(settings)
        client = TestClient(app)
        t = time.perf_counter()
        first = client.get("/benchmark")
        ranked = time.perf_counter() - t
        if first.status_code != 200:
            raise SystemExit(f"/benchmark answered {first.status_code}: nothing to measure there")
        answers, sizes = timed_answers(client, "/benchmark", args.runs)
        ranked_n = re.search(r"([\d,]+) accounts? ranked", first.text)
        audits, audit_sizes = timed_answers(client, "/audit/x/firm0042", args.runs)
        shown = None
        if Path(args.chromium).exists():
            base, server = serve(app)
            try:
                shown = browser_times(base, args.chromium, args.runs)
            finally:
                server.should_exit = True
    lines = [
        f"`python benchmarks/bench_web_benchmark_page.py --accounts {args.accounts} "
        f"--posts-per-account {args.posts_per_account} --runs {args.runs}`",
        "",
        f"- Machine: {machine()}",
        f"- Store: {args.accounts + 1:,} accounts, {ranked_n.group(1) if ranked_n else '?'}"
        f" ranked (those with 10 posts of their own; first visit, ranking and drawing:"
        f" {ranked:.1f} s, not timed below); load average {os.getloadavg()[0]:.1f}",
        "",
        "| what | result |",
        "|---|---|",
        f"| HTML of `/benchmark` | **{statistics.median(sizes) / 1e6:.2f} MB** |",
        f"| answer in process, median of {args.runs} | {statistics.median(answers):.2f} s |",
        f"| HTML of an account's audit (`/audit/x/firm0042`) "
        f"| **{statistics.median(audit_sizes) / 1e6:.2f} MB** |",
        f"| its answer in process (audit kept), median of {args.runs} "
        f"| {statistics.median(audits):.2f} s |",
    ]
    if shown:
        lines.append(
            f"| headless Chromium, navigation to `load`, median of {args.runs} "
            f"| {statistics.median(shown[0]):.2f} s |"
        )
        lines.append(
            f"| headless Chromium, navigation to the strips drawn, median of {args.runs} "
            f"| {statistics.median(shown[1]):.2f} s |"
        )
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
