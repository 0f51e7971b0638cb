"""How often would the inbox leave out a real work post? The moderation lexicons on labelled posts.

    python scripts/eval_moderation.py --data ../shared/data [--show]

The inbox leaves out hostile, partisan-politics and NSFW posts
(``staffpulse.listen.moderation``). This script runs those lexicons over the 498 labelled dev
posts (``posts_labeled/posts_labeled_dev.jsonl``, read in place) and counts how many posts
labelled ``work_topic = 1`` would be left out (false exclusions), and how many posts in all,
by reason. ``--show`` prints the work posts that would be left out.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from staffpulse.listen.moderation import moderate  # noqa: E402


def reasons(text: str) -> list[str]:
    verdict = moderate(text)
    return [name for name in ("nsfw", "hostile", "partisan") if getattr(verdict, name)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--show", action="store_true", help="print the work posts left out")
    args = ap.parse_args(argv)
    path = args.data / "posts_labeled" / "posts_labeled_dev.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    work = [r for r in rows if r.get("work_topic") == 1]
    left_all: Counter[str] = Counter()
    left_work: Counter[str] = Counter()
    n_all = n_work = 0
    for row in rows:
        found = reasons(row["text"])
        if not found:
            continue
        n_all += 1
        left_all.update(found[:1])
        if row.get("work_topic") == 1:
            n_work += 1
            left_work.update(found[:1])
            if args.show:
                print(f"[{found[0]}] {row['text']!r}")
    print(
        f"work posts left out: {n_work} of {len(work)} ({n_work / len(work):.1%}) {dict(left_work)}"
    )
    print(f"all posts left out: {n_all} of {len(rows)} ({n_all / len(rows):.1%}) {dict(left_all)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
