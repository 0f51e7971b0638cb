"""Tweets saved by snscrape (``snscrape --jsonl twitter-user acme > acme.jsonl``, or its
``twitter-search``): the scraper analysts used for X from 2020 until X closed it in 2023. One
tweet a line, each with its author and the tweets it retweets or quotes inlined::

    {"_type": "snscrape.modules.twitter.Tweet", "id": 1600..., "url": ..., "date": "...",
     "rawContent": "...", "user": {"_type": "snscrape.modules.twitter.User", "username",
     "id", "displayname", "rawDescription", "followersCount", ...}, "replyCount",
     "retweetCount", "likeCount", "quoteCount", "conversationId", "lang",
     "inReplyToTweetId", "inReplyToUser", "mentionedUsers", "hashtags", "links",
     "retweetedTweet": {tweet} | null, "quotedTweet": {tweet} | null}

The ids are X's, so a tweet also in an archive or a fetch is one post. Kinds: a
``retweetedTweet`` makes a **repost**, ``inReplyToTweetId`` (or ``inReplyToUser``) a **reply**,
a ``quotedTweet`` a **quote**; the inlined tweets are stored too, with their authors. Older
snscrape wrote ``content`` (not ``rawContent``), ``description`` and ``outlinks``: both are read.
A line is dated as of its newest tweet (:mod:`staffpulse.sources.observed`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from staffpulse.models import Account, Post, PostKind, normalize_handle
from staffpulse.sources.base import Item, Notice, Problem, parse_timestamp, provenance, register
from staffpulse.sources.jsonio import first_json_char, get_int, get_str, json_lines_head
from staffpulse.sources.observed import observed_by_newest_post
from staffpulse.sources.responses import read_responses
from staffpulse.sources.x_entities import decode_x_text
from staffpulse.store.core import Record

SOURCE_NAME = "snscrape"
PLATFORM = "x"
TWEET_TYPE = "snscrape.modules.twitter.Tweet"
USER_TYPE = "snscrape.modules.twitter.User"
TOMBSTONE = "snscrape.modules.twitter.Tombstone"
MARKER = b'"_type": "snscrape.modules.twitter.'


def account_from_user(user: Mapping[str, Any]) -> Account:
    """A snscrape ``User``. Raises ValueError without its id or username."""
    user_id, handle = get_str(user, "id"), get_str(user, "username")
    if user_id is None or handle is None:
        raise ValueError("user without 'id' or 'username'")
    bio_key = "rawDescription" if "rawDescription" in user else "description"
    return Account(
        platform=PLATFORM,
        id=user_id,
        handle=handle,
        display_name=get_str(user, "displayname") or "",
        name_known="displayname" in user,
        bio=get_str(user, bio_key) or "",
        bio_known=bio_key in user,
        avatar_url=get_str(user, "profileImageUrl"),
        followers=get_int(user, "followersCount"),
        following=get_int(user, "friendsCount"),
        post_count=get_int(user, "statusesCount"),
        created_at=parse_timestamp(user.get("created")),
        url=f"https://x.com/{handle}",
        verified=user.get("verified") is True,
    )


def _handles(users: Any) -> tuple[str, ...]:
    if not isinstance(users, list):
        return ()
    names = (get_str(u, "username") for u in users if isinstance(u, dict))
    return tuple(dict.fromkeys(normalize_handle(n) for n in names if n))


def _links(tweet: Mapping[str, Any]) -> tuple[str, ...]:
    links = tweet.get("links")
    if isinstance(links, list):
        found = (get_str(link, "url") for link in links if isinstance(link, dict))
        return tuple(url for url in found if url)
    outlinks = tweet.get("outlinks")  # snscrape before 0.6
    return tuple(u for u in outlinks if isinstance(u, str)) if isinstance(outlinks, list) else ()


def post_from_tweet(tweet: Mapping[str, Any], author: Account) -> Post:
    """One snscrape ``Tweet`` by ``author``. Raises ValueError."""
    tweet_id = get_str(tweet, "id")
    if tweet_id is None:
        raise ValueError("tweet without 'id'")
    text = decode_x_text(get_str(tweet, "rawContent") or get_str(tweet, "content") or "")
    retweeted, quoted = tweet.get("retweetedTweet"), tweet.get("quotedTweet")
    reply_to = get_str(tweet, "inReplyToTweetId")
    answered = tweet.get("inReplyToUser")
    answered = answered if isinstance(answered, dict) else None
    kind: PostKind = "original"
    if isinstance(retweeted, dict):
        kind = "repost"
    elif reply_to or answered:
        kind = "reply"
    elif isinstance(quoted, dict):
        kind = "quote"
    hashtags = tweet.get("hashtags")
    answered_handle = get_str(answered, "username") if answered else None
    return Post(
        platform=PLATFORM,
        id=tweet_id,
        author_id=author.id,
        author_handle=author.handle,
        text=text,
        created_at=parse_timestamp(tweet.get("date")),
        lang=get_str(tweet, "lang"),
        kind=kind,
        reply_to_post_id=reply_to if kind == "reply" else None,
        reply_to_account_id=get_str(answered, "id") if kind == "reply" and answered else None,
        reply_to_handle=normalize_handle(answered_handle)
        if kind == "reply" and answered_handle
        else None,
        conversation_id=get_str(tweet, "conversationId"),
        quoted_post_id=get_str(quoted, "id") if isinstance(quoted, dict) else None,
        reposted_post_id=get_str(retweeted, "id") if isinstance(retweeted, dict) else None,
        mentions=_handles(tweet.get("mentionedUsers")),
        hashtags=tuple(h for h in hashtags if isinstance(h, str))
        if isinstance(hashtags, list)
        else (),
        urls=_links(tweet),
        likes=get_int(tweet, "likeCount"),
        reposts=get_int(tweet, "retweetCount"),
        replies=get_int(tweet, "replyCount"),
        quotes=get_int(tweet, "quoteCount"),
        url=f"https://x.com/{author.handle}/status/{tweet_id}",
    )


def rows_from_snscrape(tweet: Mapping[str, Any]) -> list[Account | Post]:
    """Pure transformer: one line → the tweets it inlines (retweeted, quoted) with their
    authors, then its author and the tweet. Raises ValueError."""
    rows: list[Account | Post] = []
    for key in ("retweetedTweet", "quotedTweet"):
        inner = tweet.get(key)
        if isinstance(inner, dict) and isinstance(inner.get("user"), dict):
            inner_author = account_from_user(inner["user"])
            rows += [inner_author, post_from_tweet(inner, inner_author)]
    user = tweet.get("user")
    if not isinstance(user, dict):
        raise ValueError(f"tweet {get_str(tweet, 'id') or '(no id)'} has no 'user'")
    author = account_from_user(user)
    return [*rows, author, post_from_tweet(tweet, author)]


class Snscrape:
    name = SOURCE_NAME
    label = "snscrape JSONL"

    def sniff(self, path: Path, head: bytes) -> bool:
        if path.is_dir():
            return False
        head = json_lines_head(head)
        return first_json_char(head) in ("{", "[") and MARKER in head.replace(b'":"', b'": "')

    def read(self, path: Path) -> Iterator[Item]:
        for found in read_responses(path):
            if isinstance(found, (Problem, Notice)):
                yield found
                continue
            line, payload = found
            number = line or 1
            for tweet in payload if isinstance(payload, list) else [payload]:
                kind = tweet.get("_type") if isinstance(tweet, dict) else None
                if kind == TOMBSTONE:  # a deleted or withheld tweet: nothing to store
                    continue
                if not isinstance(tweet, dict) or kind not in (TWEET_TYPE, USER_TYPE):
                    yield Problem(
                        str(path), number, f"not a snscrape tweet or user ({kind or 'no _type'})"
                    )
                    continue
                try:
                    rows = (
                        [account_from_user(tweet)]
                        if kind == USER_TYPE  # --with-entity: the profile on the first line
                        else rows_from_snscrape(tweet)
                    )
                except (ValueError, TypeError) as exc:
                    yield Problem(str(path), number, str(exc))
                    continue
                yield Record(
                    rows=tuple(observed_by_newest_post(rows)),
                    provenance=provenance(self.name, path, number),
                    raw=tweet,
                )


register(Snscrape())
