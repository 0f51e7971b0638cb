"""Link prediction on real interaction data: circle-of-trust PageRank vs baselines.

Usage::

    python benchmarks/bench_connect.py [--data ../shared/data] [--json]

Reads the real samples in place (never copies them):

* ``formats/twarc2_jsonl_real/*.jsonl``: X API v2 pages as stored by twarc2 (replies, quotes,
  retweets, mentions of the page's tweets and of the referenced tweets in ``includes``);
* ``formats/mastodon_samples/rtoot_*.json``: a 59-reply thread, the 40 accounts that boosted
  its root (undated: training only), an account's statuses, the public and hashtag timelines;
* ``formats/twitter_archive_samples/person_andreruffert``: one person's 12 years of replies,
  retweets and mentions (an ego network: only "all links" can be scored; it tests recency);
* ``conversations/``: the IBM customer-care dialogs (dev + test, 1,025 conversations) and the
  TWCS 93-tweet sample.

For each source the newest 20% of dated interactions are hidden; see
``staffpulse.connect.linkpred`` for the protocol and ``docs/connect.md`` for the discussion.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
from collections.abc import Iterator
from datetime import datetime
from itertools import product
from pathlib import Path

from staffpulse.connect.linkpred import (
    Event,
    Metrics,
    Scorer,
    bootstrap_ci,
    common_neighbours,
    evaluate,
    most_followed,
    most_interacted,
    ppr_scorer,
    random_expectation,
    split_events,
    split_per_source,
)

MENTION_RE = re.compile(r"@(\w{1,30})")


def _time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            return datetime.strptime(value, "%a %b %d %H:%M:%S %z %Y")
        except ValueError:
            return None


def _jsonl(path: Path) -> Iterator[dict[str, object]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            continue  # the deliberately malformed line
        if isinstance(obj, dict):
            yield obj


# -- twarc2 ---------------------------------------------------------------------------------
def twarc2_events(folder: Path) -> tuple[list[Event], dict[str, int]]:
    tweets: dict[str, dict[str, object]] = {}
    followers: dict[str, int] = {}
    for path in sorted(folder.glob("*.jsonl")):
        for page in _jsonl(path):
            data = page.get("data")
            includes = page.get("includes") if isinstance(page.get("includes"), dict) else {}
            assert isinstance(includes, dict)
            batch = data if isinstance(data, list) else [data] if isinstance(data, dict) else []
            for tweet in [*batch, *includes.get("tweets", [])]:
                if isinstance(tweet, dict) and "author_id" in tweet:
                    tweets.setdefault(str(tweet["id"]), tweet)
            users = [*includes.get("users", [])] + [
                u for u in batch if isinstance(u, dict) and "username" in u
            ]
            for user in users:
                metrics = user.get("public_metrics") or {}
                if isinstance(metrics, dict) and "followers_count" in metrics:
                    followers[str(user["id"])] = int(metrics["followers_count"])
    events: list[Event] = []
    for tweet in tweets.values():
        author = str(tweet["author_id"])
        when = _time(str(tweet.get("created_at") or ""))
        listed = tweet.get("referenced_tweets")
        refs = {
            str(r["type"]): str(r["id"])
            for r in (listed if isinstance(listed, list) else [])
            if isinstance(r, dict)
        }
        if "retweeted" in refs:
            ref = tweets.get(refs["retweeted"])
            if ref:
                events.append(Event(author, str(ref["author_id"]), "repost", when))
            continue
        if "replied_to" in refs and tweet.get("in_reply_to_user_id"):
            events.append(Event(author, str(tweet["in_reply_to_user_id"]), "reply", when))
        if "quoted" in refs and refs["quoted"] in tweets:
            events.append(Event(author, str(tweets[refs["quoted"]]["author_id"]), "quote", when))
        entities = tweet.get("entities") or {}
        for mention in entities.get("mentions", []) if isinstance(entities, dict) else []:
            target = str(mention.get("id") or "@" + str(mention.get("username", "")).lower())
            if target != str(tweet.get("in_reply_to_user_id")):
                events.append(Event(author, target, "mention", when))
    return events, followers


# -- Mastodon -------------------------------------------------------------------------------
def _address(acct: str, instance: str) -> str:
    return acct.lower() if "@" in acct else f"{acct.lower()}@{instance}"


THREAD = {"rtoot_get_context_default.json": "mastodon.social"}
TIMELINES = {
    "rtoot_get_account_statuses_default.json": "fosstodon.org",
    "rtoot_get_timeline_public_default.json": "fosstodon.org",
    "rtoot_get_timeline_hashtag_default.json": "fosstodon.org",
}


def mastodon_events(
    folder: Path, files: dict[str, str], boosts: bool
) -> tuple[list[Event], dict[str, int]]:
    events: list[Event] = []
    followers: dict[str, int] = {}
    root_author: str | None = None
    for name, instance in files.items():
        path = folder / name
        if not path.exists():
            continue
        payload = json.loads(path.read_text(encoding="utf-8"))
        statuses = payload["descendants"] if isinstance(payload, dict) else payload
        ids: dict[str, str] = {}
        for status in statuses:
            account = status["account"]
            ids[str(account["id"])] = _address(account["acct"], instance)
            followers[ids[str(account["id"])]] = int(account.get("followers_count") or 0)
            for mention in status.get("mentions", []):
                ids.setdefault(str(mention["id"]), _address(mention["acct"], instance))
        for status in statuses:
            if status.get("reblog"):
                continue
            author = ids[str(status["account"]["id"])]
            when = _time(status.get("created_at"))
            target = ids.get(str(status.get("in_reply_to_account_id")))
            if status.get("in_reply_to_id") == "109294719267373593" and target:
                root_author = target
            if target:
                events.append(Event(author, target, "reply", when))
            for mention in status.get("mentions", []):
                other = _address(mention["acct"], instance)
                if other != target:
                    events.append(Event(author, other, "mention", when))
    boosters = folder / "rtoot_get_reblogged_by_default.json"
    if boosts and boosters.exists() and root_author:
        for account in json.loads(boosters.read_text(encoding="utf-8")):
            who = _address(account["acct"], "mastodon.social")
            followers[who] = int(account.get("followers_count") or 0)
            events.append(Event(who, root_author, "repost", None))
    return events, followers


# -- X archive (one person's ego network) -----------------------------------------------------
def archive_events(folder: Path) -> list[Event]:
    """Replies, retweets and mentions of an archive's owner (``tweets.js`` or ``tweet.js``)."""
    events: list[Event] = []
    owner = "owner"
    for name in ("tweets.js", "tweet.js"):
        path = folder / name
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        for item in json.loads(text[text.index("[") :]):
            tweet = item.get("tweet", item)
            when = _time(tweet.get("created_at"))
            mentions = [
                str(m.get("id_str") or m.get("screen_name", "")).lower()
                for m in (tweet.get("entities") or {}).get("user_mentions", [])
            ]
            body = str(tweet.get("full_text") or tweet.get("text") or "")
            if body.startswith("RT @") and mentions:
                events.append(Event(owner, mentions[0], "repost", when))
                continue
            replied = str(tweet.get("in_reply_to_user_id_str") or "")
            if replied:
                events.append(Event(owner, replied, "reply", when))
            for target in dict.fromkeys(mentions):
                if target != replied:
                    events.append(Event(owner, target, "mention", when))
    return events


# -- customer care --------------------------------------------------------------------------
def ibm_events(folder: Path) -> list[Event]:
    events: list[Event] = []
    for name in ("dev.json", "test.json", "train.json"):
        path = folder / name
        if not path.exists():
            continue
        for dialog in json.loads(path.read_text(encoding="utf-8")):
            company = dialog["dialogHeader"]["company"].lower()
            for turn, utterance in enumerate(dialog["dialogContent"]):
                speaker = str(utterance.get("client") or utterance.get("agent") or "").lower()
                when = _time(utterance.get("datetime"))
                named = [m.lower() for m in MENTION_RE.findall(utterance.get("message", ""))]
                if not named and "client" in utterance:
                    named = [company]
                for target in dict.fromkeys(named):
                    kind = "reply" if turn > 0 else "mention"
                    events.append(Event(speaker, target, kind, when))  # type: ignore[arg-type]
    return events


def twcs_events(path: Path) -> list[Event]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    author = {row["tweet_id"]: row["author_id"].lower() for row in rows}
    events: list[Event] = []
    for row in rows:
        who, when = row["author_id"].lower(), _time(row["created_at"])
        parent = author.get(row.get("in_response_to_tweet_id") or "")
        if parent:
            events.append(Event(who, parent, "reply", when))
        for named in MENTION_RE.findall(row["text"]):
            if named.lower() != parent:
                events.append(Event(who, named.lower(), "mention", when))
    return events


# -- run ------------------------------------------------------------------------------------
def datasets(data: Path) -> dict[str, tuple[list[Event], dict[str, int]]]:
    found: dict[str, tuple[list[Event], dict[str, int]]] = {}
    twarc = data / "formats" / "twarc2_jsonl_real"
    if twarc.is_dir():
        found["twarc2 (X API v2 pages)"] = twarc2_events(twarc)
    masto = data / "formats" / "mastodon_samples"
    if masto.is_dir():
        found["Mastodon thread + boosters (2022)"] = mastodon_events(masto, THREAD, True)
        found["Mastodon fosstodon statuses + timelines (2025)"] = mastodon_events(
            masto, TIMELINES, False
        )
    person = data / "formats" / "twitter_archive_samples" / "person_andreruffert"
    if person.is_dir():
        found["X archive of one person (ego network, 2010-2022)"] = (archive_events(person), {})
    conv = data / "conversations"
    care: list[Event] = []
    if (conv / "ibm_twitter_customer_care_dialogs").is_dir():
        care += ibm_events(conv / "ibm_twitter_customer_care_dialogs")
    if (conv / "twcs_customer_support_sample" / "sample.csv").exists():
        care += twcs_events(conv / "twcs_customer_support_sample" / "sample.csv")
    if care:
        found["customer care (IBM dialogs + TWCS sample)"] = (care, {})
    return found


SPLITS = {"global": split_events, "per-account": split_per_source}


def run(data: Path, k: int = 10) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for name, (events, followers) in datasets(data).items():
        scorers: dict[str, Scorer] = {
            "PPR circle of trust": ppr_scorer(),
            "most-interacted-with": most_interacted,
            "common neighbours": common_neighbours,
        }
        if followers:
            scorers["most-followed"] = most_followed(followers)
        for (split, splitter), (links, new_only) in product(
            SPLITS.items(), (("new", True), ("all", False))
        ):
            setting = f"{split} split, {links} links"
            train, test = splitter(events)
            results = evaluate(train, test, scorers, k=k, new_only=new_only)
            flat = evaluate(
                train,
                test,
                {"PPR, no recency decay": ppr_scorer()},
                k=k,
                new_only=new_only,
                half_life_days=math.inf,
            )
            results.update(flat)
            first = next(iter(results.values()))
            for method, m in results.items():
                rows.append(_row(name, setting, method, m, len(events), len(test)))
            rows.append(
                {
                    "dataset": name,
                    "setting": setting,
                    "method": "random (expected)",
                    "recall": random_expectation(first, k),
                    "mrr": math.nan,
                    "queries": first.queries,
                    "targets": first.targets,
                    "events": len(events),
                    "hidden": len(test),
                }
            )
    return rows


def _row(
    name: str, setting: str, method: str, m: Metrics, n: int, hidden: int
) -> dict[str, object]:
    recall_ci, mrr_ci = bootstrap_ci(m)
    return {
        "dataset": name,
        "setting": setting,
        "method": method,
        "recall": m.recall_at_k,
        "recall_ci": recall_ci,
        "mrr": m.mrr,
        "mrr_ci": mrr_ci,
        "queries": m.queries,
        "targets": m.targets,
        "events": n,
        "hidden": hidden,
    }


def _fmt(value: object, ci: object = None) -> str:
    if not isinstance(value, float) or math.isnan(value):
        return "–"
    if isinstance(ci, tuple) and not math.isnan(ci[0]) and ci[0] != ci[1]:
        return f"{value:.2f} [{ci[0]:.2f}, {ci[1]:.2f}]"
    return f"{value:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    default = Path(__file__).resolve().parents[2] / "shared" / "data"
    parser.add_argument("--data", type=Path, default=default, help="the shared data folder")
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--json", action="store_true", help="print rows as JSON")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"data folder {args.data} not found; pass --data", file=sys.stderr)
        return 2
    rows = run(args.data, args.k)
    if args.json:
        print(json.dumps(rows, indent=1, default=str))
        return 0
    methods = list(dict.fromkeys(str(r["method"]) for r in rows))
    print("| dataset (events) | split, links | hidden | queries | " + " | ".join(methods) + " |")
    print("|---|---|---:|---:|" + "---:|" * len(methods))
    groups: dict[tuple[str, str], dict[str, dict[str, object]]] = {}
    for r in rows:
        groups.setdefault((str(r["dataset"]), str(r["setting"])), {})[str(r["method"])] = r
    for (dataset, setting), by_method in groups.items():
        first = next(iter(by_method.values()))
        cells = []
        for method in methods:
            found = by_method.get(method)
            if found is None:
                cells.append("n/a")
                continue
            r = found
            if not r["queries"]:
                cells.append("–")
            elif method.startswith("random"):
                cells.append(f"R {_fmt(r['recall'])}")
            else:
                cells.append(
                    f"R {_fmt(r['recall'], r.get('recall_ci'))}<br>MRR {_fmt(r['mrr'], r.get('mrr_ci'))}"
                )
        print(
            f"| {dataset} ({first['events']}) | {setting} | {first['hidden']} | "
            f"{first['queries']} ({first['targets']} targets) | " + " | ".join(cells) + " |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
