"""How precise are the staffing-ad patterns that raise the job-opening score? Counted on real posts.

    python scripts/eval_job_patterns.py --data ../shared/data [--show]

``staffpulse.signals.job_ads.find_staffing_ads`` overrules the job-opening model, so it must
almost never fire on a post that is not an ad. This script counts its hits

* on the 498 labelled dev posts (``posts_labeled/posts_labeled_dev.jsonl``): hits on job
  openings and on other posts;
* on other real tweets with no job-ad label, nearly all of them not ads: the TweetEval irony,
  iSarcasmEval and HaHackathon texts, the CrowdFlower tweets that are not dev posts, and the
  TWCS customer-care sample. ``--show`` prints every hit, to read whether it is an ad.

Everything is read in place; nothing is copied.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

sys.path.insert(0, str(REPO / "scripts"))

from text_signals_data import SOURCES  # noqa: E402

from staffpulse.signals.job_ads import find_staffing_ads  # noqa: E402


def read_other_tweets(data: Path, dev_ids: set[str]) -> list[str]:
    """Real tweets of the shared data that carry no job-ad label (see the module docstring),
    read by the training data's own readers."""
    texts = [t for src in ("te", "is", "haha") for t in SOURCES[src](data).values()]
    texts += [t for key, t in SOURCES["cf"](data).items() if key not in dev_ids]
    for path in sorted((data / "conversations" / "twcs_customer_support_sample").glob("*.csv")):
        with path.open(encoding="utf-8") as fh:
            texts += [row.get("text") or "" for row in csv.DictReader(fh)]
    return texts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--show", action="store_true", help="print every post the patterns flag")
    args = ap.parse_args(argv)
    path = args.data / "posts_labeled" / "posts_labeled_dev.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    hits = find_staffing_ads([r["text"] for r in rows])
    on_ads = sum(bool(h) for h, r in zip(hits, rows, strict=True) if r["job_opening"] == 1)
    on_others = sum(bool(h) for h, r in zip(hits, rows, strict=True) if r["job_opening"] == 0)
    n_ads = sum(r["job_opening"] == 1 for r in rows)
    print(
        f"dev posts: {on_ads} of {n_ads} job openings flagged, {on_others} of "
        f"{len(rows) - n_ads} other posts flagged"
    )
    if args.show:
        for h, r in zip(hits, rows, strict=True):
            if h:
                print(f"  [dev, job_opening={r['job_opening']}] {r['text']!r}")
    dev_ids = {str(r["id"]).split(":", 1)[1] for r in rows}
    others = read_other_tweets(args.data, dev_ids)
    flagged = [t for t, h in zip(others, find_staffing_ads(others), strict=True) if h]
    print(f"other real tweets: {len(flagged)} of {len(others)} flagged")
    if args.show:
        for text in flagged:
            print(f"  [other] {text!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
