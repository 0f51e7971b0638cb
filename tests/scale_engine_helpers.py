"""What the ``staffpulse score`` engine tests share: shards of a firm and a recruiter to score,
and the Parquet tables a run writes, read back."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq

JOB = "We're hiring a {t} in {c}! Apply now: https://jobs.example/{n} #jobs #hiring"
CHAT = "@mia_recruits ha, the {t} interview story made my day. What would you have said?"


def write_feed_shards(folder: Path) -> list[Path]:
    """Three JSONL shards in ``folder``: a firm's job ads and a recruiter's chat, 40 posts
    each, and a broken last line."""
    folder.mkdir()
    shards = []
    for shard in range(3):
        lines = []
        for n in range(40):
            author = ("acmestaff", "jo_recruits")[n % 2]
            text = (JOB if author == "acmestaff" else CHAT).format(
                t=("forklift operator", "nurse", "welder")[n % 3], c="Dayton", n=n
            )
            lines.append(
                {
                    "type": "post",
                    "platform": "x",
                    "id": f"{shard}-{n}",
                    "author": author,
                    "text": text,
                    "created_at": f"2026-0{1 + shard}-{1 + n % 28:02d}T10:00:00Z",
                    "kind": "reply" if author == "jo_recruits" and n % 4 == 1 else "original",
                    "reply_to_author": "mia_recruits" if n % 4 == 1 else None,
                }
            )
        path = folder / f"shard-{shard}.jsonl"
        path.write_text("\n".join(json.dumps(x) for x in lines) + "\n{broken\n")
        shards.append(path)
    return shards


def read_scored(folder: Path) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """The posts and the accounts ``staffpulse score`` wrote to ``folder``."""
    posts = [
        row
        for part in sorted((folder / "posts").glob("*.parquet"))
        for row in pq.read_table(part).to_pylist()
    ]
    return posts, pq.read_table(folder / "accounts.parquet").to_pylist()
