"""One X API v2 object to a row: a tweet to a :class:`~staffpulse.models.Post`, a user to an
:class:`~staffpulse.models.Account`, as a page, a flattened line or a saved response holds them
(:mod:`staffpulse.sources.twarc2` reads those and keeps the latest version of an edited tweet).

Kinds come from ``referenced_tweets``: retweeted → repost, replied_to → reply, quoted → quote
(a reply that also quotes is a reply with ``quoted_post_id`` set). A tweet with
``in_reply_to_user_id`` but no replied_to reference is a reply to that account, with no parent
post. A post without a date is dated from its id.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from staffpulse.models import Account, Post, PostKind, normalize_handle
from staffpulse.sources.base import parse_timestamp
from staffpulse.sources.jsonio import as_list, get_int, get_str
from staffpulse.sources.reply_handles import answered_handle, mentioned_ids
from staffpulse.sources.x_entities import V2_KEYS, decode_x_text, read_entities
from staffpulse.sources.x_ids import time_of_tweet_id
from staffpulse.sources.x_v1 import RT_RE

PLATFORM = "x"
KIND_PRIORITY = {"retweeted": 0, "replied_to": 1, "quoted": 2}


def _count(metrics: Any, key: str) -> int | None:
    """A public_metrics counter; the hot path of every tweet and user, so kept flat."""
    if type(metrics) is not dict:
        return None
    value = metrics.get(key)
    return value if type(value) is int else get_int(metrics, key)


def account_from_v2_user(user: Mapping[str, Any], observed: datetime | None = None) -> Account:
    user_id = get_str(user, "id")
    handle = get_str(user, "username")
    if user_id is None:
        raise ValueError("user object without 'id'")
    if handle is None:
        raise ValueError("user object without 'username'")
    metrics = user.get("public_metrics")
    return Account(
        platform=PLATFORM,
        id=user_id,
        handle=handle,
        display_name=get_str(user, "name") or "",
        name_known="name" in user,
        bio=decode_x_text(get_str(user, "description") or ""),
        bio_known="description" in user,  # only when user.fields asked for it
        avatar_url=get_str(user, "profile_image_url"),
        followers=_count(metrics, "followers_count"),
        following=_count(metrics, "following_count"),
        post_count=_count(metrics, "tweet_count"),
        created_at=parse_timestamp(user.get("created_at")),
        url=f"https://x.com/{handle}",
        verified=bool(user.get("verified"))
        or user.get("verified_type") in ("blue", "business", "government"),
        observed_at=observed,
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
    observed: datetime | None = None,
) -> Post:
    """One v2 tweet object. ``handles`` maps user ids to usernames; ``remap`` old → latest ids;
    ``observed``: when its counts were retrieved."""
    tweet_id = get_str(tweet, "id")
    if tweet_id is None:
        raise ValueError("tweet without 'id'")
    if "text" not in tweet:
        raise ValueError("tweet without 'text'")
    handles = handles or {}
    remap = remap or {}
    # a post longer than 280 characters: ``text`` holds its first 280, ``note_tweet`` all
    note = tweet.get("note_tweet")
    long_text = get_str(note, "text")
    text = decode_x_text(long_text or str(tweet.get("text") or ""))
    author = tweet.get("author")
    author_id = get_str(tweet, "author_id") or get_str(author, "id") or ""
    author_handle = get_str(author, "username") or handles.get(author_id, "")
    refs: dict[str, str] = {}
    for ref in as_list(tweet.get("referenced_tweets")):
        kind, ref_id = get_str(ref, "type"), get_str(ref, "id")
        if kind in KIND_PRIORITY and ref_id and kind not in refs:
            refs[kind] = remap.get(ref_id, ref_id)
    # the account answered is named even when the parent tweet is gone (deleted)
    answered = get_str(tweet, "in_reply_to_user_id")
    kind_of: PostKind = "original"
    if "retweeted" in refs or (not refs and RT_RE.match(text)):
        kind_of = "repost"
    elif "replied_to" in refs or answered:
        kind_of = "reply"
    elif "quoted" in refs:
        kind_of = "quote"
    mentions, hashtags, urls = read_entities(tweet.get("entities"), V2_KEYS)
    if long_text and isinstance(note, dict):  # those past the 280th character are its own
        more = read_entities(note.get("entities"), V2_KEYS)
        mentions = tuple(dict.fromkeys(more.mentions + mentions))
        hashtags = tuple(dict.fromkeys(more.hashtags + hashtags))
        urls = tuple(dict.fromkeys(more.urls + urls))
    reply_user = answered if kind_of == "reply" else None
    metrics = tweet.get("public_metrics")
    reply_handle = handles.get(reply_user) if reply_user else None
    if reply_user and not reply_handle:  # no user expanded: from the mentions or the text
        ents = tweet.get("entities")
        reply_handle = answered_handle(
            text,
            answered_id=reply_user,
            author_id=author_id,
            author_handle=author_handle,
            mentioned=mentioned_ids(
                ents.get("mentions") if isinstance(ents, dict) else None, "username", "id"
            ),
        )
    return Post(
        platform=PLATFORM,
        id=tweet_id,
        author_id=author_id,
        author_handle=author_handle,
        text=text,
        created_at=parse_timestamp(tweet.get("created_at")) or time_of_tweet_id(tweet_id),
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
        observed_at=observed,
    )
