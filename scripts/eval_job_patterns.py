"""How precise are the staffing-ad patterns that raise the job-opening score? Counted on real posts.

    python scripts/eval_job_patterns.py --data ../shared/data [--show]

``staffpulse.signals.job_ads.find_staffing_ads`` overrules the job-opening model, so it must
almost never fire on a post that is not an ad. This script counts its hits

* on the 498 labelled dev posts (``posts_labeled/posts_labeled_dev.jsonl``): hits on job
  openings and on other posts;
* on other real tweets with no job-ad label, nearly all of them not ads: the TweetEval irony,
  iSarcasmEval and HaHackathon texts, the CrowdFlower tweets that are not dev posts, and the
  TWCS customer-care sample. ``--show`` prints every hit, to read whether it is an ad;
* on the real texts not in English (by the audit's word check,
  ``staffpulse.audit.language.language_of_text``): the posts and bios of the format samples
  (``formats/``), of the CrowdFlower accounts and of the customer-care sets, which hold some
  German and Spanish. The rules for German, Spanish and French ads must not fire on them.

It also counts the bare listings of ``job_listings.find_job_listings`` ("Registered Nurse -
ICU - Tampa, FL https://…"), which overrule the model the same way, on the same posts.

And it counts the posts that ``job_ads_talk.find_hiring_talk`` calls talk about hiring that
offers no job (questions to peers, pitches to employers; their job-opening score capped): on
the dev job openings it must find none, and on the other real tweets ``--show`` prints them,
to read that none is an ad.

Everything is read in place; nothing is copied.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

sys.path.insert(0, str(REPO / "scripts"))

from text_signals_data import SOURCES  # noqa: E402

from staffpulse.audit.language import language_of_text  # noqa: E402
from staffpulse.signals.job_ads import find_staffing_ads  # noqa: E402
from staffpulse.signals.job_ads_talk import find_hiring_talk  # noqa: E402
from staffpulse.signals.job_listings import find_job_listings  # noqa: E402

_TEXT_KEYS = ("text", "full_text", "content", "description", "note")
_TAG = re.compile(r"<[^>]+>")


def read_other_tweets(data: Path, dev_ids: set[str]) -> list[str]:
    """Real tweets of the shared data that carry no job-ad label (see the module docstring),
    read by the training data's own readers."""
    texts = [t for src in ("te", "is", "haha") for t in SOURCES[src](data).values()]
    texts += [t for key, t in SOURCES["cf"](data).items() if key not in dev_ids]
    for path in sorted((data / "conversations" / "twcs_customer_support_sample").glob("*.csv")):
        with path.open(encoding="utf-8") as fh:
            texts += [row.get("text") or "" for row in csv.DictReader(fh)]
    return texts


def _collect_texts(node: object, out: set[str]) -> None:
    """Every post text or bio in a parsed JSON document (Mastodon's HTML read as text)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _TEXT_KEYS and isinstance(value, str):
                out.add(html.unescape(_TAG.sub(" ", value)))
            else:
                _collect_texts(value, out)
    elif isinstance(node, list):
        for value in node:
            _collect_texts(value, out)


def read_non_english_texts(data: Path) -> tuple[list[str], int]:
    """The distinct real texts that the audit's word check calls not English, and how many
    distinct texts were read: posts and bios of the format samples, the CrowdFlower accounts
    and the customer-care sets."""
    texts: set[str] = set()
    for path in sorted((data / "formats").rglob("*")):
        if path.suffix not in (".json", ".jsonl", ".js"):
            continue
        raw = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".js":  # an archive's "window.YTD.tweets.part0 = [...]"
            raw = raw[raw.find("[") :]
        try:
            _collect_texts(json.loads(raw), texts)
        except json.JSONDecodeError:
            for line in raw.splitlines():
                try:
                    _collect_texts(json.loads(line), texts)
                except json.JSONDecodeError:
                    continue  # the samples hold one malformed line on purpose
    csvs = [data / "accounts" / "crowdflower_twitter_users.csv"]
    csvs += sorted((data / "conversations").rglob("*.csv"))
    for path in csvs:
        with path.open(encoding="utf-8", errors="replace") as fh:
            for row in csv.DictReader(fh):
                texts.update(row.get(key) or "" for key in ("text", "description"))
    texts.discard("")
    return sorted(t for t in texts if language_of_text(t) == "other"), len(texts)


def count_rule(
    name: str,
    tag: str,
    find: Callable[[Sequence[str]], npt.NDArray[np.bool_]],
    rows: list[dict[str, object]],
    others: list[str],
    show: bool,
) -> None:
    """Print how many dev posts (job openings, others) and other real tweets a wording rule
    marks, and with ``show`` every post it marks."""
    found = find([str(r["text"]) for r in rows])
    on_ads = sum(bool(a) for a, r in zip(found, rows, strict=True) if r["job_opening"] == 1)
    print(f"{name}: {on_ads} dev job openings, {int(found.sum()) - on_ads} other dev posts")
    if show:
        for a, r in zip(found, rows, strict=True):
            if a:
                print(f"  [dev {tag}, job_opening={r['job_opening']}] {r['text']!r}")
    said = [t for t, a in zip(others, find(others), strict=True) if a]
    print(f"{name}: {len(said)} of {len(others)} other real tweets")
    if show:
        for text in said:
            print(f"  [{tag}] {text!r}")


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
    count_rule("bare listings", "listing", find_job_listings, rows, others, args.show)
    talk = "talk about hiring (no job offered)"
    count_rule(talk, "talk", find_hiring_talk, rows, others, args.show)
    foreign, read = read_non_english_texts(args.data)
    flagged = [t for t, h in zip(foreign, find_staffing_ads(foreign), strict=True) if h]
    print(
        f"real texts not in English: {len(flagged)} of {len(foreign)} flagged "
        f"(of {read:,} distinct texts read)"
    )
    if args.show:
        for text in flagged:
            print(f"  [not English] {text!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
