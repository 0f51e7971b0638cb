"""Shared by the HTML report tests: two accounts (a firm posting job ads, a recruiter who talks
with people) audited and benchmarked, with hostile text in their names, bios and posts, and
the words of a page as a reader sees them."""

from __future__ import annotations

import re
from pathlib import Path

from audit_helpers import LOGO, PERSON, FakeScorer, FeedBuilder, store_with
from staffpulse.audit import AuditResult, audit_account
from staffpulse.benchmark import BenchmarkResult, run_benchmark

EVIL = "<script>alert('x')</script> & <b>bold</b>"


def two_account_results(tmp_path: Path) -> tuple[AuditResult, BenchmarkResult]:
    firm = FeedBuilder("acme", display_name="Acme <Staffing>", bio=EVIL)
    firm.job(12)
    firm.post(EVIL + " we're hiring, apply")
    rosa = FeedBuilder(
        "rosa",
        display_name="Rosa Tamlin",
        bio="Recruiter in Tacoma; warehouse and office jobs. Ask me anything.",
    )
    rosa.post(EVIL + " honest question?")
    for i in range(6):
        rosa.post(f"My story {'abcdef'[i]}: I love this team lol")
        rosa.reply(f"peer{i}")
        rosa.mention_by(f"fan{i}", answered=i % 2 == 0)
        rosa.job(1)
    store = store_with(tmp_path, firm, rosa)
    bench = run_benchmark(store, scorer=FakeScorer())  # type: ignore[arg-type]
    audit_account(store, "rosa", scorer=FakeScorer(), avatar=PERSON)
    # new data (a follower more): the next audit has an earlier state to compare with
    store.conn.execute("UPDATE accounts SET followers = coalesce(followers, 0) + 1")
    audit = audit_account(store, "rosa", scorer=FakeScorer(), avatar=PERSON)
    audit_account(store, "acme", scorer=FakeScorer(), avatar=LOGO)
    return audit, bench


def page_text(html: str) -> str:
    """The page's words, tags and charts left out."""
    body = re.sub(r"<style.*?</style>|<svg.*?</svg>", "", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)).replace("&#39;", "'")
