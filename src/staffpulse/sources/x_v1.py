"""X API v1.1 tweets and users (the shape of the X archive and of old streaming JSONL).

Pure transformers: ``rows_from_v1_tweet(tweet)`` gives the tweet, its author and, for
retweets and quotes that embed the original, the original tweet and its author too.
Kinds: ``retweeted_status`` or a ``RT @`` prefix → repost; ``quoted_status_id_str`` (or, in
archives, a trailing link to a tweet) → quote; ``in_reply_to_status_id_str`` → reply. A tweet
that names only the account it answers (``in_reply_to_user_id_str`` without a status id: its
parent was deleted, or X dropped the id) is a reply all the same, to that account, with no
parent post (:func:`reply_target`).
A quote whose quoted tweet is not in the data (always so in archives) names the quoted author
first among its mentions, from the link to the quoted tweet (:func:`quoted_author_first`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from staffpulse.models import Account, Post, PostKind, normalize_handle
from staffpulse.next_steps import EXTENDED_MODE, TRUNCATED_V1
from staffpulse.report.counts import count_of
from staffpulse.sources.base import Item, Notice, Problem, parse_timestamp, provenance, register
from staffpulse.sources.json_places import with_lines
from staffpulse.sources.jsonio import (
    as_list,
    first_json_char,
    get_int,
    get_str,
    json_lines_head,
    looks_native,
)
from staffpulse.sources.observed import observed_by_newest_post
from staffpulse.sources.reply_handles import answered_handle, mentioned_ids
from staffpulse.sources.responses import read_responses
from staffpulse.sources.x_entities import V1_KEYS, decode_x_text, read_entities
from staffpulse.sources.x_ids import quoted_author_first, status_link
from staffpulse.store.core import Record

PLATFORM = "x"
RT_RE = re.compile(r"^RT @(\w+):")
# What may follow a tweet's closing link (no t.co link ends with one): spaces, closing quotation
# marks and brackets, and end punctuation
LINK_CLOSERS = " \t\n\u201d\u2019\"')]}\u00bb.,;:!?\u2026"


def x_time(value: Any) -> datetime | None:
    """X timestamps: ``Wed Oct 10 20:19:24 +0000 2018``, ISO 8601, or RFC 2822 (old streams)."""
    try:
        return parse_timestamp(value)
    except ValueError:
        try:
            return parsedate_to_datetime(str(value))
        except (TypeError, ValueError):
            raise ValueError(f"unreadable timestamp {value!r}") from None


def _truthy(value: Any) -> bool:
    return value is True or value == "true"


def account_from_v1_user(user: Mapping[str, Any]) -> Account:
    """A v1.1 user object. Raises ValueError when it has no id."""
    user_id = get_str(user, "id_str") or get_str(user, "id")
    handle = get_str(user, "screen_name")
    if user_id is None or handle is None:
        raise ValueError("user object without 'id_str' or 'screen_name'")
    return Account(
        platform=PLATFORM,
        id=user_id,
        handle=handle,
        display_name=get_str(user, "name") or "",
        name_known="name" in user,
        bio=decode_x_text(get_str(user, "description") or ""),
        bio_known="description" in user,
        avatar_url=get_str(user, "profile_image_url_https") or get_str(user, "profile_image_url"),
        followers=get_int(user, "followers_count"),
        following=get_int(user, "friends_count"),
        post_count=get_int(user, "statuses_count"),
        created_at=x_time(user.get("created_at")),
        url=f"https://x.com/{handle}",
        verified=_truthy(user.get("verified")),
        raw=None,
    )


def _entities(tweet: Mapping[str, Any]) -> Mapping[str, Any]:
    ext = tweet.get("extended_tweet")
    extended = ext.get("entities") if isinstance(ext, dict) else None
    if isinstance(extended, dict):
        return extended
    ents = tweet.get("entities")
    return ents if isinstance(ents, dict) else {}


def _text(tweet: Mapping[str, Any]) -> str:
    ext = tweet.get("extended_tweet")
    if isinstance(ext, dict) and ext.get("full_text"):
        return decode_x_text(str(ext["full_text"]))
    return decode_x_text(str(tweet.get("full_text") or tweet.get("text") or ""))


def trailing_status_link(tweet: Mapping[str, Any], text: str) -> tuple[str | None, str] | None:
    """(handle, id) of a tweet linked at the very end of ``text``: how archives show quotes.
    The handle is None for a link by id alone (``x.com/i/status/<id>``)."""
    urls = as_list(_entities(tweet).get("urls"))
    if not urls:
        return None
    last = urls[-1]
    if not isinstance(last, dict):
        return None
    short = str(last.get("url") or "")
    link = status_link(str(last.get("expanded_url") or ""))
    # a quote written inside quotation marks ends with the link and the closing mark
    if link is not None and short and text.rstrip(LINK_CLOSERS).endswith(short):
        return link
    return None


def _embeds_quoted_author(tweet: Mapping[str, Any]) -> bool:
    """Whether the quoted tweet comes with its author (stored beside the quote: its target)."""
    quoted = tweet.get("quoted_status")
    return isinstance(quoted, dict) and isinstance(quoted.get("user"), dict)


def reply_target(tweet: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """(parent tweet id, replied-to user id) of a v1.1 tweet, each None when not given.

    X keeps ``in_reply_to_user_id`` when the parent tweet is gone (deleted, or its id dropped
    from an archive): such a tweet still answers that account. Reading it as an original
    would count a conversation as a broadcast (the audit's Mix, Voice and Conversation)."""
    parent = get_str(tweet, "in_reply_to_status_id_str") or get_str(tweet, "in_reply_to_status_id")
    user = get_str(tweet, "in_reply_to_user_id_str") or get_str(tweet, "in_reply_to_user_id")
    return parent, user


def post_from_v1_tweet(
    tweet: Mapping[str, Any],
    author: Account | None = None,
    *,
    infer_quote_from_link: bool = False,
) -> Post:
    """One v1.1 tweet (archive or API). ``author`` overrides a missing ``user`` (archives)."""
    tweet_id = get_str(tweet, "id_str") or get_str(tweet, "id")
    if tweet_id is None:
        raise ValueError("tweet without 'id_str'")
    user = tweet.get("user")
    if author is None:
        if not isinstance(user, dict):
            raise ValueError(f"tweet {tweet_id} has no 'user' object")
        author = account_from_v1_user(user)
    text = _text(tweet)
    mentions, hashtags, urls = read_entities(_entities(tweet), V1_KEYS)
    reply_to, reply_user = reply_target(tweet)
    retweeted = tweet.get("retweeted_status")
    reposted_id = get_str(retweeted, "id_str") if isinstance(retweeted, dict) else None
    quoted_id = get_str(tweet, "quoted_status_id_str")
    kind: PostKind = "original"
    if reposted_id or RT_RE.match(text):
        kind = "repost"
    elif reply_to or reply_user:
        kind = "reply"
    elif quoted_id:
        kind = "quote"
    elif infer_quote_from_link:
        link = trailing_status_link(tweet, text)
        if link is not None and link[1] != tweet_id:
            kind, quoted_id = "quote", link[1]
    if kind == "quote" and quoted_id and not _embeds_quoted_author(tweet):
        permalink = tweet.get("quoted_status_permalink")
        links = (
            (*urls, get_str(permalink, "expanded") or "") if isinstance(permalink, dict) else urls
        )
        mentions = quoted_author_first(mentions, links, quoted_id)
    reply_handle = get_str(tweet, "in_reply_to_screen_name") if kind == "reply" else None
    if kind == "reply" and not reply_handle:  # an archive's null: from the text's @name
        mentioned = mentioned_ids(_entities(tweet).get("user_mentions"), "screen_name", "id_str")
        reply_handle = answered_handle(
            text,
            answered_id=reply_user,
            author_id=author.id,
            author_handle=author.handle,
            mentioned=mentioned,
        )
    return Post(
        platform=PLATFORM,
        id=tweet_id,
        author_id=author.id,
        author_handle=author.handle,
        text=text,
        created_at=x_time(tweet.get("created_at")),
        lang=get_str(tweet, "lang"),
        kind=kind,
        reply_to_post_id=reply_to if kind == "reply" else None,
        reply_to_account_id=reply_user if kind == "reply" else None,
        reply_to_handle=normalize_handle(reply_handle) if reply_handle else None,
        conversation_id=None if kind == "reply" else tweet_id,
        quoted_post_id=quoted_id,
        reposted_post_id=reposted_id if kind == "repost" else None,
        mentions=mentions,
        hashtags=hashtags,
        urls=urls,
        likes=get_int(tweet, "favorite_count"),
        reposts=get_int(tweet, "retweet_count"),
        replies=get_int(tweet, "reply_count"),
        quotes=get_int(tweet, "quote_count"),
        url=f"https://x.com/{author.handle}/status/{tweet_id}",
    )


def rows_from_v1_tweet(tweet: Mapping[str, Any]) -> list[Account | Post]:
    """A v1.1 API tweet with its author, plus any embedded retweeted/quoted tweet."""
    rows: list[Account | Post] = []
    for key in ("retweeted_status", "quoted_status"):
        inner = tweet.get(key)
        if isinstance(inner, dict) and isinstance(inner.get("user"), dict):
            rows.append(account_from_v1_user(inner["user"]))
            rows.append(post_from_v1_tweet(inner))
    post = post_from_v1_tweet(tweet)
    user = tweet["user"]
    rows.append(account_from_v1_user(user))
    rows.append(post)
    return rows


def cut_off_ids(tweet: Mapping[str, Any]) -> set[str]:
    """Ids of the tweets in a v1.1 line (it, and the retweeted or quoted one) whose text X cut
    (``truncated``, as v1.1 answers without ``tweet_mode=extended``) and whose full text the
    line lacks (no ``extended_tweet``): they are stored as X gave them, ending in "…"."""
    found: set[str] = set()
    for item in (tweet, tweet.get("retweeted_status"), tweet.get("quoted_status")):
        if not isinstance(item, dict) or not _truthy(item.get("truncated")):
            continue
        ext = item.get("extended_tweet")
        if item.get("full_text") or (isinstance(ext, dict) and ext.get("full_text")):
            continue
        if (tweet_id := get_str(item, "id_str") or get_str(item, "id")) is not None:
            found.add(tweet_id)
    return found


def cut_off_notice(count: int) -> str:
    """What to tell about the ``count`` tweets of a file kept with the text X cut."""
    one = count == 1
    return (
        f"{count_of(count, 'tweet')} {'was' if one else 'were'} {TRUNCATED_V1.say()}: "
        f"{'its' if one else 'their'} text ends with … and a link to the tweet; "
        + EXTENDED_MODE.say(them="it" if one else "them")
    )


class XV1Jsonl:
    """X API v1.1 tweets: one JSON object a line (old streaming / search output), or a saved
    response (a list of tweets, as ``statuses/user_timeline`` answers and as tweepy users dump
    them; a search's ``{"statuses": [...]}``; one tweet, pretty-printed or not), one a file
    or one a line."""

    name = "x-v1.1-jsonl"
    label = "X API v1.1 JSONL"

    def sniff(self, path: Path, head: bytes) -> bool:
        if path.is_dir():
            return False
        head = json_lines_head(head)  # past a log line or two printed into the file
        if first_json_char(head) not in ("{", "[") or looks_native(head):
            return False
        return b'"id_str"' in head and b'"user"' in head and b'"screen_name"' in head

    def read(self, path: Path) -> Iterator[Item]:
        cut_off: set[str] = set()  # grows with the cut tweets only, each counted once
        for found in read_responses(path):
            if isinstance(found, (Problem, Notice)):
                yield found
                continue
            line, payload = found
            read = self._tweets(path, line, payload, cut_off)
            # a whole file's skips: each on the line its tweet starts on
            yield from read if line is not None else with_lines(path, read)
        if cut_off:  # kept as X gave them, so a notice, not a problem
            yield Notice(str(path), cut_off_notice(len(cut_off)))

    def _tweets(
        self, path: Path, line: int | None, payload: Any, cut_off: set[str]
    ) -> Iterator[Item]:
        """The records of one line or document, and a problem for each tweet skipped, named
        by its place in a list (``[3] ``) when it is a list's."""
        number = line or 1  # a whole-file document is placed at its first line
        for place, obj in _tweets_of(payload):
            if not isinstance(obj, dict):
                said = f"{place}not a JSON object" if place else "line is not a JSON object"
                yield Problem(str(path), line if place else number, said)
                continue
            if "delete" in obj or "limit" in obj:  # stream control messages, not tweets
                continue
            try:
                rows = rows_from_v1_tweet(obj)
            except (ValueError, KeyError, TypeError) as exc:
                yield Problem(str(path), line if place else number, f"{place}{exc}")
                continue
            cut_off |= cut_off_ids(obj)
            # v1.1 carries no retrieval time: the line is as of its newest tweet, at least
            rows = observed_by_newest_post(rows)
            yield Record(rows=tuple(rows), provenance=provenance(self.name, path, number), raw=obj)


def _tweets_of(payload: Any) -> list[tuple[str, Any]]:
    """The tweets of one line or document, each with its place in it (``[3] ``,
    ``statuses[3]: ``): a list of them, a search response's ``statuses``, or the one tweet it
    is (no place)."""
    if isinstance(payload, list) and any(isinstance(item, dict) for item in payload):
        return [(f"[{number}] ", item) for number, item in enumerate(payload)]
    if isinstance(payload, dict) and isinstance(payload.get("statuses"), list):
        return [(f"statuses[{n}]: ", item) for n, item in enumerate(payload["statuses"])]
    # a line that is not a tweet (``[1, 2]``) is one problem, not one an item
    return [("", payload)]


register(XV1Jsonl())
