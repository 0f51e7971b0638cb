"""Measure the inbox's keyword fallback against the `work_topic` labels of the dev posts.

Usage::

    .venv/bin/python scripts/eval_relevance_fallback.py --data ../shared/data

Reads ``posts_labeled/posts_labeled_dev.jsonl`` in place (never copied) and prints precision,
recall and F1 of the built-in keyword list alone: the stopgap the inbox uses when the
post-signals model cannot be loaded. (The shipped classifier was trained on these posts, so
scoring it here would be in-sample; its cross-validated figure is in
``docs/models/work_topic.md``.)
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from staffpulse.listen.relevance import RelevanceFilter


def _scores(kept: list[bool], truth: list[bool]) -> dict[str, float | int]:
    tp = sum(bool(k) and t for k, t in zip(kept, truth, strict=True))
    fp = sum(bool(k) and not t for k, t in zip(kept, truth, strict=True))
    fn = sum(t and not bool(k) for k, t in zip(kept, truth, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "true_positives": tp,
        "false_positives": fp,
        "misses": fn,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    path = args.data / "posts_labeled" / "posts_labeled_dev.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    texts = [row["text"] for row in rows]
    truth = [bool(row["work_topic"]) for row in rows]
    keywords_only = RelevanceFilter(scorer=None)
    result = {
        "posts": len(rows),
        "work_topic_posts": sum(truth),
        "keywords_only": _scores([v.keep for v in keywords_only.judge(texts)], truth),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
