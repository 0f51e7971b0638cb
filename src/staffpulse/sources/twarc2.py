"""X API v2 responses: twarc2 JSONL (raw pages or flattened), and saved v2 JSON responses.

A raw page is ``{"data": [...], "includes": {"users", "tweets", "media"}, "errors", "meta",
"__twarc"}``; a flattened line (``twarc2 flatten``) is one tweet with ``author`` and the
referenced tweets inlined. User pages hold user objects in ``data``. The same transformer reads
responses recorded by tweepy (one pretty-printed JSON document a file) and the live fetcher's
pages.

Kinds come from ``referenced_tweets``: retweeted → repost, replied_to → reply, quoted → quote
(a reply that also quotes is a reply with ``quoted_post_id`` set). Referenced tweets and their
authors from ``includes`` are stored as well. Of an edited tweet only the latest version
(the last of ``edit_history_tweet_ids``) is kept, and references to older versions point to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from staffpulse.models import Account, Post, PostKind, normalize_handle
from staffpulse.sources.base import Item, Problem, parse_timestamp, provenance, register
from staffpulse.sources.jsonio import (
    as_list,
    first_json_char,
    first_line_is_json,
    get_int,
    get_str,
    iter_json_lines,
    json_error_message,
    load_document,
    looks_native,
)
from staffpulse.store.core import Record

PLATFORM = "x"
SOURCE_NAME = "twarc2"
RT_RE = re.compile(r"^RT @\w+:")
PAGE_START_RE = re.compile(rb'^\s*\{\s*"(data|includes|errors|meta)"\s*:')
KIND_PRIORITY = {"retweeted": 0, "replied_to": 1, "quoted": 2}


def _count(metrics: Any, key: str) -> int | None:
    """A public_metrics counter; the hot path of every tweet and user, so kept flat."""
    if type(metrics) is not dict:
        return None
    value = metrics.get(key)
    return value if type(value) is int else get_int(metrics, key)


def account_from_v2_user(user: Mapping[str, Any]) -> Account:
    user_id = get_str(user, "id")
    handle = get_str(user, "username")
    if user_id is None or handle is None:
        raise ValueError("user object without 'id' or 'username'")
    metrics = user.get("public_metrics")
    return Account(
        platform=PLATFORM,
        id=user_id,
        handle=handle,
        display_name=get_str(user, "name") or "",
        bio=get_str(user, "description") or "",
        avatar_url=get_str(user, "profile_image_url"),
        followers=_count(metrics, "followers_count"),
        following=_count(metrics, "following_count"),
        post_count=_count(metrics, "tweet_count"),
        created_at=parse_timestamp(user.get("created_at")),
        url=f"https://x.com/{handle}",
        verified=bool(user.get("verified"))
        or user.get("verified_type") in ("blue", "business", "government"),
    )


def latest_version(tweet: Mapping[str, Any]) -> str | None:
    """The id of the latest version of an edited tweet, or None when ``tweet`` is the latest."""
    history = tweet.get("edit_history_tweet_ids")
    if isinstance(history, list) and history:
        last = str(history[-1])
        if last != str(tweet.get("id")):
            return last
    return None


def post_from_v2_tweet(
    tweet: Mapping[str, Any],
    handles: Mapping[str, str] | None = None,
    remap: Mapping[str, str] | None = None,
) -> Post:
    """One v2 tweet object. ``handles`` maps user ids to usernames; ``remap`` old → latest ids."""
    tweet_id = get_str(tweet, "id")
    if tweet_id is None:
        raise ValueError("tweet without 'id'")
    if "text" not in tweet:
        raise ValueError(f"tweet {tweet_id} has no 'text'")
    handles = handles or {}
    remap = remap or {}
    text = str(tweet.get("text") or "")
    author = tweet.get("author")
    author_id = get_str(tweet, "author_id") or get_str(author, "id") or ""
    author_handle = get_str(author, "username") or handles.get(author_id, "")
    refs: dict[str, str] = {}
    for ref in as_list(tweet.get("referenced_tweets")):
        kind, ref_id = get_str(ref, "type"), get_str(ref, "id")
        if kind in KIND_PRIORITY and ref_id and kind not in refs:
            refs[kind] = remap.get(ref_id, ref_id)
    kind_of: PostKind = "original"
    if "retweeted" in refs or (not refs and RT_RE.match(text)):
        kind_of = "repost"
    elif "replied_to" in refs:
        kind_of = "reply"
    elif "quoted" in refs:
        kind_of = "quote"
    raw_ents = tweet.get("entities")
    ents: Mapping[str, Any] = raw_ents if isinstance(raw_ents, dict) else {}
    mentions = tuple(
        dict.fromkeys(
            normalize_handle(str(m["username"]))
            for m in as_list(ents.get("mentions"))
            if isinstance(m, dict) and m.get("username")
        )
    )
    hashtags = tuple(
        str(h["tag"]) for h in as_list(ents.get("hashtags")) if isinstance(h, dict) and h.get("tag")
    )
    urls = tuple(
        str(u.get("expanded_url") or u.get("url"))
        for u in as_list(ents.get("urls"))
        if isinstance(u, dict) and (u.get("expanded_url") or u.get("url"))
    )
    reply_user = get_str(tweet, "in_reply_to_user_id") if kind_of == "reply" else None
    metrics = tweet.get("public_metrics")
    reply_handle = handles.get(reply_user) if reply_user else None
    return Post(
        platform=PLATFORM,
        id=tweet_id,
        author_id=author_id,
        author_handle=author_handle,
        text=text,
        created_at=parse_timestamp(tweet.get("created_at")),
        lang=get_str(tweet, "lang"),
        kind=kind_of,
        reply_to_post_id=refs.get("replied_to") if kind_of == "reply" else None,
        reply_to_account_id=reply_user,
        reply_to_handle=normalize_handle(reply_handle) if reply_handle else None,
        conversation_id=get_str(tweet, "conversation_id")
        or (None if kind_of == "reply" else tweet_id),
        quoted_post_id=refs.get("quoted"),
        reposted_post_id=refs.get("retweeted") if kind_of == "repost" else None,
        mentions=mentions,
        hashtags=hashtags,
        urls=urls,
        likes=_count(metrics, "like_count"),
        reposts=_count(metrics, "retweet_count"),
        replies=_count(metrics, "reply_count"),
        quotes=_count(metrics, "quote_count"),
        url=f"https://x.com/{author_handle}/status/{tweet_id}" if author_handle else None,
    )


@dataclass
class EditTracker:
    """Ids of tweets kept whose edit history has several versions (rare: constant memory)."""

    kept_latest: set[str] = field(default_factory=set)


def _is_user(obj: Mapping[str, Any]) -> bool:
    return "username" in obj and "text" not in obj


def rows_from_v2(
    payload: Mapping[str, Any], edits: EditTracker | None = None
) -> list[Account | Post]:
    """Pure transformer: a v2 page, a flattened tweet or a user object → accounts and posts.

    Raises ValueError when the payload holds neither tweets nor users.
    """
    edits = edits if edits is not None else EditTracker()
    users: list[Mapping[str, Any]] = []
    tweets: list[Mapping[str, Any]] = []  # data first, then includes (data wins on duplicates)
    if any(key in payload for key in ("data", "includes", "errors", "meta")):
        data = payload.get("data")
        items = data if isinstance(data, list) else [data] if isinstance(data, dict) else []
        raw_includes = payload.get("includes")
        includes: Mapping[str, Any] = raw_includes if isinstance(raw_includes, dict) else {}
        for item in items:
            if isinstance(item, dict):
                (users if _is_user(item) else tweets).append(item)
        users.extend(u for u in as_list(includes.get("users")) if isinstance(u, dict))
        tweets.extend(t for t in as_list(includes.get("tweets")) if isinstance(t, dict))
        if (
            not items
            and "errors" not in payload
            and "meta" not in payload
            and not users
            and not tweets
        ):
            raise ValueError("page has no 'data'")
    elif "id" in payload and "text" in payload:  # flattened tweet
        _flatten_into(payload, tweets, users)
    elif _is_user(payload) and "id" in payload:
        users.append(payload)
    else:
        raise ValueError("neither an X API v2 page, a tweet nor a user")
    return _rows(users, tweets, edits)


def _flatten_into(
    tweet: Mapping[str, Any], tweets: list[Mapping[str, Any]], users: list[Mapping[str, Any]]
) -> None:
    """A flattened tweet: author, referenced tweets and mentioned users are inlined."""
    for item in (tweet, *as_list(tweet.get("referenced_tweets"))):
        if not isinstance(item, dict) or "text" not in item or "id" not in item:
            continue
        tweets.append(item)
        if isinstance(item.get("author"), dict):
            users.append(item["author"])
        if isinstance(item.get("in_reply_to_user"), dict):
            users.append(item["in_reply_to_user"])
        ents = item.get("entities")
        for mention in as_list(ents.get("mentions") if isinstance(ents, dict) else None):
            if isinstance(mention, dict) and "id" in mention and "name" in mention:
                users.append(mention)


def _rows(
    users: Iterable[Mapping[str, Any]], tweets: list[Mapping[str, Any]], edits: EditTracker
) -> list[Account | Post]:
    accounts: dict[str, Account] = {}
    for user in users:
        if str(user.get("id")) in accounts:
            continue  # the same author appears once per tweet in flattened lines
        account = account_from_v2_user(user)
        accounts.setdefault(account.id, account)
    handles = {a.id: a.handle for a in accounts.values()}
    present = {str(t.get("id")) for t in tweets}
    remap: dict[str, str] = {}
    for tweet in tweets:
        latest = latest_version(tweet)
        if latest is not None:
            remap[str(tweet.get("id"))] = latest
    posts: dict[str, Post] = {}
    for tweet in tweets:
        tweet_id = str(tweet.get("id"))
        latest = remap.get(tweet_id)
        if latest is not None and (latest in present or latest in edits.kept_latest):
            continue  # an older version of a tweet whose latest version we have
        if tweet_id in posts:
            continue
        post = post_from_v2_tweet(tweet, handles, remap)
        if not post.author_handle and post.author_id in handles:
            post = replace(post, author_handle=handles[post.author_id])
        posts[tweet_id] = post
        history = tweet.get("edit_history_tweet_ids")
        if isinstance(history, list) and len(history) > 1 and latest is None:
            edits.kept_latest.add(tweet_id)
    return [*accounts.values(), *posts.values()]


def _tool_version(payload: Mapping[str, Any]) -> str | None:
    meta = payload.get("__twarc")
    version = get_str(meta, "version") if isinstance(meta, dict) else None
    return f"twarc {version}" if version else None


class Twarc2:
    name = SOURCE_NAME
    label = "twarc2 / X API v2 JSON"

    def sniff(self, path: Path, head: bytes) -> bool:
        if path.is_dir() or first_json_char(head) != "{" or looks_native(head):
            return False
        if PAGE_START_RE.match(head.lstrip(b"\xef\xbb\xbf")) or b'"__twarc"' in head:
            return True
        return b'"edit_history_tweet_ids"' in head or (b'"author_id"' in head and b'"text"' in head)

    def read(self, path: Path) -> Iterator[Item]:
        edits = EditTracker()
        if not first_line_is_json(path):
            try:
                document = load_document(path)
            except ValueError as exc:
                yield Problem(str(path), 1, str(exc))
                return
            yield from self._one(document, path, None, edits)
            return
        for number, obj in iter_json_lines(path):
            if isinstance(obj, Exception):
                yield Problem(str(path), number, json_error_message(obj))
                continue
            yield from self._one(obj, path, number, edits)

    def _one(self, obj: Any, path: Path, line: int | None, edits: EditTracker) -> Iterator[Item]:
        if not isinstance(obj, dict):
            yield Problem(str(path), line, "not a JSON object")
            return
        try:
            rows = rows_from_v2(obj, edits)
        except (ValueError, TypeError) as exc:
            yield Problem(str(path), line, str(exc))
            return
        prov = provenance(self.name, path, line)
        tool = _tool_version(obj)
        if tool:
            prov = replace(prov, tool_version=f"{prov.tool_version} ({tool})")
        if rows:
            yield Record(rows=tuple(rows), provenance=prov, raw=obj)


register(Twarc2())
