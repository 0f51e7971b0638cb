"""Turn drafts into staffpulse JSONL records (docs/formats.md): ids, entities and metrics."""

from __future__ import annotations

import base64
import hashlib
import random
import re
from typing import Any

from samplegen.accounts import SPECS, X_DEFAULT_AVATAR, Spec
from samplegen.engine import Draft

X_EPOCH_MS = 1288834974657
TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
AVATAR_BASE = "https://media.staffpulse.example/sample/avatars/"

MENTION_RE = re.compile(r"(?<![\w@/.])@([A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)")
HASHTAG_RE = re.compile(r"(?<![\w&/])#(\w*[A-Za-z]\w*)")
URL_RE = re.compile(r"https?://[^\s<>\"']+")

# How many likes a post gets relative to its author's typical original post.
LIKE_FACTOR = {
    "job_ad": 0.35,
    "humor": 1.9,
    "question": 1.3,
    "story": 1.6,
    "opinion": 1.3,
    "answer": 0.5,
    "ack": 0.3,
    "banter": 0.4,
    "mention": 0.3,
    "quote": 0.9,
    "news": 0.6,
    "promo": 0.6,
    "tip": 1.2,
    "advice": 1.1,
    "life": 1.2,
}


def did_for(handle: str) -> str:
    digest = hashlib.sha256(handle.encode()).digest()
    return "did:plc:" + base64.b32encode(digest).decode().lower()[:24]


def tid(micros: int, clock: int) -> str:
    value = (micros << 10) | (clock & 0x3FF)
    chars = []
    for _ in range(13):
        chars.append(TID_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def assign_ids(posts: list[Draft]) -> None:
    for seq, post in enumerate(posts):
        ms = int(post.at.timestamp() * 1000)
        if post.platform == "bluesky":
            rkey = tid(ms * 1000 + seq % 1000, seq)
            post.id = f"at://{did_for(post.author)}/app.bsky.feed.post/{rkey}"
        else:
            post.id = str(((ms - X_EPOCH_MS) << 22) | (seq & 0x3FFFFF))


def entities(text: str) -> tuple[list[str], list[str], list[str]]:
    mentions = list(dict.fromkeys(m.lower() for m in MENTION_RE.findall(text)))
    hashtags = list(dict.fromkeys(HASHTAG_RE.findall(text)))
    urls = list(dict.fromkeys(u.rstrip(".,!?)") for u in URL_RE.findall(text)))
    return mentions, hashtags, urls


def iso(post: Draft) -> str:
    return post.at.strftime("%Y-%m-%dT%H:%M:%SZ")


def post_record(post: Draft, spec: Spec, rng: random.Random) -> dict[str, Any]:
    mentions, hashtags, urls = entities(post.text)
    if post.kind == "repost":
        likes = reposts = n_replies = quotes = 0
    else:
        mean = spec.likes * LIKE_FACTOR.get(post.cat, 1.0)
        likes = int(rng.lognormvariate(0, 0.7) * mean)
        reposts = post.reposted_by + int(rng.random() * mean / 4)
        n_replies = len(post.children) + (rng.random() < mean / 40)
        quotes = post.quoted_by
    parent = post.parent
    return {
        "type": "post",
        "platform": spec.platform,
        "id": post.id,
        "author": post.author,
        "text": post.text,
        "created_at": iso(post),
        "kind": post.kind,
        "lang": "en",
        "reply_to_id": parent.id if parent else None,
        "reply_to_author": parent.author if parent else None,
        "conversation_id": post.root.id,
        "quoted_id": post.quoted.id if post.quoted else None,
        "reposted_id": post.reposted.id if post.reposted else None,
        "mentions": mentions,
        "hashtags": hashtags,
        "urls": urls,
        "likes": likes,
        "reposts": reposts,
        "replies": int(n_replies),
        "quotes": quotes,
        "url": None,
    }


def account_record(spec: Spec, avatar_files: dict[str, str]) -> dict[str, Any]:
    avatar_url: str | None = None
    avatar_file: str | None = None
    if spec.avatar == "default":
        avatar_url = X_DEFAULT_AVATAR
    elif spec.avatar in ("logo", "person"):
        name = avatar_files[spec.handle]
        avatar_url, avatar_file = AVATAR_BASE + name, f"avatars/{name}"
    return {
        "type": "account",
        "platform": spec.platform,
        "handle": spec.handle,
        "id": spec.handle.lower(),
        "display_name": spec.display_name,
        "bio": spec.bio,
        "avatar_url": avatar_url,
        "avatar_file": avatar_file,
        "followers": spec.followers,
        "following": spec.following,
        "post_count": spec.post_count,
        "created_at": spec.created_at,
        "url": None,
        "verified": False,
    }


def records(posts: list[Draft], avatar_files: dict[str, str], seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed + 1)
    by_handle = {spec.handle: spec for spec in SPECS}
    out = [account_record(spec, avatar_files) for spec in SPECS]
    out += [post_record(post, by_handle[post.author], rng) for post in posts]
    for spec in SPECS:
        for followee in spec.follows:
            out.append(
                {
                    "type": "follow",
                    "platform": spec.platform,
                    "follower": spec.handle,
                    "followee": followee,
                }
            )
    return out
