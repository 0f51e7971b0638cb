"""Four accounts the circle of ``mia_recruits`` follows and she does not, hand-written.

``mia_recruits``, the demo's first account, talks with every cohort account worth following,
so its who-to-follow list had nothing to show a new user. These four fictional X accounts
(two recruiters, an HR manager and a vendor, written by hand in ``followed.json``) are
followed by ``priya_hrlife``, ``hireloop`` and ``recruitcraft``, talk among themselves and
never with the cohort. They stay outside ``cohort.csv`` (the benchmark, the audits and the
league table do not grade them) and outside the generator's timeline: :func:`add_followed`
merges them into the generated records, so regenerating the sample writes them back.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

from samplegen.records import X_EPOCH_MS

_DATA: dict[str, Any] = json.loads(
    (Path(__file__).with_name("followed.json")).read_text(encoding="utf-8")
)
ACCOUNTS: list[dict[str, Any]] = _DATA["accounts"]
# (key, author, created_at, text, key of the post it replies to or None, mentions)
POSTS: list[list[Any]] = _DATA["posts"]
FOLLOWS: list[list[str]] = _DATA["follows"]
HANDLES = frozenset(a["handle"] for a in ACCOUNTS)
# ids apart from the generated ones, whose low bits count posts up to ~2,200
_ID_OFFSET = 700

SECTION = """\
## Hand-written additions: people the circle follows

`mia_recruits`, the demo's first account, talks with every cohort account worth following, so
its who-to-follow list had nothing to show. Four fictional X accounts were written by hand
(`scripts/samplegen/followed.json`), outside the generator's timeline and outside `cohort.csv`
(the benchmark, the audits and the league table are unchanged): {n_posts} posts from {first} to
{last}, questions and stories answered among the four, and {n_follows} follow edges.
`priya_hrlife`, `hireloop` and `recruitcraft` follow them; `mia_recruits` and `harborline` do
not, and none of the four replies to or mentions a cohort account.

| handle | role | who follows it in the cohort | posts (original / reply) |
|---|---|---|---|
{table}

`staffpulse connect mia_recruits` suggests all four; `harborline`'s list shows them after
`priya_hrlife` and `recruitcraft`. `scripts/make_sample.py` merges them into the generated
records (accounts after the accounts, posts in time order, follows at the end), so
regenerating the sample writes them back as shipped.
"""


def _post_id(created_at: str, seq: int) -> str:
    ms = int(datetime.fromisoformat(created_at.replace("Z", "+00:00")).timestamp() * 1000)
    return str(((ms - X_EPOCH_MS) << 22) + _ID_OFFSET + seq)


def _account_record(account: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "account",
        "platform": "x",
        "handle": account["handle"],
        "id": account["handle"],
        "display_name": account["display_name"],
        "bio": account["bio"],
        "avatar_url": None,
        "avatar_file": None,
        "followers": account["followers"],
        "following": account["following"],
        "post_count": account["post_count"],
        "created_at": account["created_at"],
        "url": None,
        "verified": False,
    }


def _post_records() -> list[dict[str, Any]]:
    by_key: dict[str, dict[str, Any]] = {}
    for seq, (key, author, created_at, text, parent_key, mentions) in enumerate(POSTS):
        parent = by_key[parent_key] if parent_key else None
        pid = _post_id(created_at, seq)
        by_key[key] = {
            "type": "post",
            "platform": "x",
            "id": pid,
            "author": author,
            "text": text,
            "created_at": created_at,
            "kind": "reply" if parent else "original",
            "lang": "en",
            "reply_to_id": parent["id"] if parent else None,
            "reply_to_author": parent["author"] if parent else None,
            "conversation_id": parent["conversation_id"] if parent else pid,
            "quoted_id": None,
            "reposted_id": None,
            "mentions": mentions,
            "hashtags": [],
            "urls": [],
            "likes": 0,
            "reposts": 0,
            "replies": 0,
            "quotes": 0,
            "url": None,
        }
    return list(by_key.values())


def add_followed(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The generated records with the four accounts merged in: their accounts after the
    generated ones, their posts among the others in time order (a generated post first at the
    same second), their follows at the end."""
    accounts = [r for r in rows if r["type"] == "account"]
    posts = [r for r in rows if r["type"] == "post"]
    follows = [r for r in rows if r["type"] == "follow"]
    accounts += [_account_record(a) for a in ACCOUNTS]
    posts = sorted(posts + _post_records(), key=lambda p: str(p["created_at"]))
    follows += [
        {"type": "follow", "platform": "x", "follower": follower, "followee": followee}
        for follower, followee in FOLLOWS
    ]
    return accounts + posts + follows


def is_followed_record(row: dict[str, Any]) -> bool:
    """Whether the record is one of the four accounts, a post of theirs or a follow of them."""
    named = {row.get("handle"), row.get("author"), row.get("follower"), row.get("followee")}
    return bool(named & HANDLES)


def readme_section() -> str:
    """The README's section on the four accounts, its figures counted from ``followed.json``."""
    days = [datetime.fromisoformat(p[2].replace("Z", "+00:00")) for p in POSTS]
    rows = []
    for account in ACCOUNTS:
        handle = account["handle"]
        kinds = Counter("reply" if p[4] else "original" for p in POSTS if p[1] == handle)
        cohort = [f"`{f}`" for f, e in FOLLOWS if e == handle and f not in HANDLES]
        rows.append(
            f"| `{handle}` | {account['readme_role']} | {', '.join(cohort)} | "
            f"{kinds.total()} ({kinds['original']} / {kinds['reply']}) |"
        )
    return SECTION.format(
        n_posts=len(POSTS),
        first=f"{min(days):%-d %b}",
        last=f"{max(days):%-d %b %Y}",
        n_follows=len(FOLLOWS),
        table="\n".join(rows),
    )
