"""Generate the bundled sample cohort into ``src/staffpulse/sample/``.

    .venv/bin/pip install scikit-image   # only to run this script (person avatars)
    .venv/bin/python scripts/make_sample.py [--out DIR] [--seed N]

Deterministic (fixed seed), offline, pure Python + Pillow. It writes ``cohort.jsonl`` in the
staffpulse JSONL format (docs/formats.md), ``avatars/*.png``, ``cohort.csv`` (handle, platform,
segment) and ``README.md``; then it reads the JSONL back line by line, checks it and prints a
summary table. Every name, firm and post is fictional and written by the staffpulse project.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from samplegen import avatars
from samplegen.accounts import SPECS
from samplegen.engine import END, START, Timeline
from samplegen.followed import HANDLES as FOLLOWED
from samplegen.followed import add_followed
from samplegen.readme import write_readme
from samplegen.records import assign_ids, records

SEED = 20261120
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src" / "staffpulse" / "sample"
MIN_POSTS, MAX_POSTS = 100, 300


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def verify(path: Path) -> list[dict[str, Any]]:
    """Read the JSONL back line by line and check every promise the sample makes."""
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{number}: not JSON: {exc}") from exc
    accounts = {r["handle"]: r for r in rows if r["type"] == "account"}
    posts = {r["id"]: r for r in rows if r["type"] == "post"}
    problems: list[str] = []
    if len(posts) != sum(r["type"] == "post" for r in rows):
        problems.append("duplicate post ids")
    for post in posts.values():
        pid = post["id"]
        if post["author"] not in accounts:
            problems.append(f"{pid}: unknown author {post['author']}")
        if not START <= parse_time(post["created_at"]) <= END:
            problems.append(f"{pid}: created_at outside the window")
        for key in ("reply_to_id", "quoted_id", "reposted_id", "conversation_id"):
            target = post[key]
            if target is None:
                continue
            if target not in posts:
                problems.append(f"{pid}: {key} {target} not in the file")
            elif parse_time(posts[target]["created_at"]) > parse_time(post["created_at"]):
                problems.append(f"{pid}: {key} points to a later post")
        if post["reply_to_id"] is not None:
            parent = posts.get(post["reply_to_id"], {})
            if parent.get("author") != post["reply_to_author"]:
                problems.append(f"{pid}: reply_to_author does not match the parent")
            if parent.get("conversation_id") != post["conversation_id"]:
                problems.append(f"{pid}: conversation_id differs from the parent's")
        for handle in post["mentions"]:
            if handle not in accounts:
                problems.append(f"{pid}: mentions unknown @{handle}")
    for follow in (r for r in rows if r["type"] == "follow"):
        if follow["follower"] not in accounts or follow["followee"] not in accounts:
            problems.append(f"follow {follow} names an unknown account")
    counts = Counter(p["author"] for p in posts.values())
    # the four hand-written accounts the circle follows post less (samplegen/followed.py)
    for handle in accounts.keys() - FOLLOWED:
        if not MIN_POSTS <= counts[handle] <= MAX_POSTS:
            problems.append(f"{handle}: {counts[handle]} posts, want {MIN_POSTS}-{MAX_POSTS}")
    if problems:
        raise SystemExit("sample check failed:\n  " + "\n  ".join(problems[:40]))
    return rows


def summarize(rows: list[dict[str, Any]], labels: dict[str, str]) -> list[dict[str, Any]]:
    """Per-account numbers behind the designed outcomes (README table and stdout)."""
    posts = [r for r in rows if r["type"] == "post"]
    by_id = {p["id"]: p for p in posts}
    answers: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for post in posts:
        if post["reply_to_id"]:
            answers[post["reply_to_id"]].append(post)
    summary = []
    for spec in SPECS:
        mine = [p for p in posts if p["author"] == spec.handle]
        kinds = Counter(p["kind"] for p in mine)
        originals = [p for p in mine if p["kind"] == "original"]
        job_ads = sum(labels[p["id"]] == "job_ad" for p in originals)
        engaged = {p["reply_to_author"] for p in mine if p["reply_to_author"]} | {
            m for p in mine for m in p["mentions"]
        }
        engaged.discard(spec.handle)
        # Mentions received: others' posts that mention the account or reply to it.
        received = [
            p
            for p in posts
            if p["author"] != spec.handle
            and p["kind"] != "repost"
            and (spec.handle in p["mentions"] or p["reply_to_author"] == spec.handle)
        ]
        delays = []
        for ask in received:
            mine_answers = [a for a in answers[ask["id"]] if a["author"] == spec.handle]
            if mine_answers:
                first = min(parse_time(a["created_at"]) for a in mine_answers)
                delays.append((first - parse_time(ask["created_at"])).total_seconds() / 3600)
        quotes_or_reposts = [p for p in mine if p["kind"] in ("repost", "quote")]
        summary.append(
            {
                "handle": spec.handle,
                "platform": spec.platform,
                "segment": spec.segment,
                "avatar": spec.avatar,
                "posts": len(mine),
                "original": kinds["original"],
                "reply": kinds["reply"],
                "repost": kinds["repost"],
                "quote": kinds["quote"],
                "job_ad_share": job_ads / len(originals) if originals else 0.0,
                "reply_share": kinds["reply"] / len(mine),
                "engaged": len(engaged),
                "mentions_in": len(received),
                "answered": len(delays),
                "median_answer_h": statistics.median(delays) if delays else None,
                "shared_others": len(
                    {by_id[p["reposted_id"] or p["quoted_id"]]["author"] for p in quotes_or_reposts}
                ),
            }
        )
    return summary


def print_table(summary: list[dict[str, Any]]) -> None:
    head = (
        f"{'handle':27} {'plat':7} {'segment':13} {'avatar':7} {'posts':>5} {'orig':>4} "
        f"{'repl':>4} {'rt':>3} {'qt':>3} {'job%':>5} {'repl%':>5} {'eng':>3} "
        f"{'@in':>4} {'ans':>4} {'med h':>6}"
    )
    print(head)
    print("-" * len(head))
    for s in summary:
        med = "-" if s["median_answer_h"] is None else f"{s['median_answer_h']:.1f}"
        print(
            f"{s['handle']:27} {s['platform']:7} {s['segment']:13} {s['avatar']:7} "
            f"{s['posts']:>5} {s['original']:>4} {s['reply']:>4} {s['repost']:>3} "
            f"{s['quote']:>3} {s['job_ad_share']:>5.0%} {s['reply_share']:>5.0%} "
            f"{s['engaged']:>3} {s['mentions_in']:>4} {s['answered']:>4} {med:>6}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    out: Path = args.out

    drafts = Timeline(args.seed).build()
    assign_ids(drafts)
    labels = {d.id: d.cat for d in drafts}
    avatar_files = avatars.write_all(out / "avatars")
    rows = add_followed(records(drafts, avatar_files, args.seed))

    jsonl = out / "cohort.jsonl"
    with jsonl.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    with (out / "cohort.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["handle", "platform", "segment"])
        for spec in SPECS:
            writer.writerow([spec.handle, spec.platform, spec.segment])

    checked = verify(jsonl)
    summary = summarize(checked, labels)
    write_readme(out / "README.md", summary, checked, labels)
    print_table(summary)
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    n_posts = sum(r["type"] == "post" for r in checked)
    print(
        f"\n{len(SPECS) + len(FOLLOWED)} accounts, {n_posts} posts, "
        f"{sum(r['type'] == 'follow' for r in checked)} follows; {size / 1e6:.2f} MB in {out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
