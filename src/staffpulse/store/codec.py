"""Conversions between the normalized dataclasses and SQLite rows."""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, cast

import orjson

from staffpulse.models import MAX_COUNT, Account, Follow, Post, PostKind


def _json_list(values: tuple[str, ...]) -> str:
    return orjson.dumps(list(values)).decode() if values else "[]"


def format_time(value: datetime | None) -> str | None:
    """UTC, second precision, lexically sortable: ``2026-03-01T14:05:00Z``."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    value = value.astimezone(UTC)
    # the year by hand: strftime writes year 1 as "1", which parse_time could not read back
    # (a Bluesky post dated 0001-01-01 stopped every audit of its account) nor sort
    return f"{value.year:04d}{value.strftime('-%m-%dT%H:%M:%SZ')}"


# The observation time of a row: every row of a page shares one, so each is formatted once
observed_time = functools.lru_cache(maxsize=256)(format_time)


def parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    if len(value) == 20 and value[10] == "T" and value[19] == "Z":
        # what format_time writes, read about 7 times faster than strptime: connect and the
        # benchmark read every post's and interaction's times (300,000 on a big store)
        try:
            return datetime.fromisoformat(value[:19]).replace(tzinfo=UTC)
        except ValueError:
            pass  # strptime below says what is wrong, as it always did
    year, _, rest = value.partition("-")
    if len(year) < 4 and year.isdigit():  # written unpadded before (see format_time)
        value = f"{int(year):04d}-{rest}"
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


ACCOUNT_COUNTS = ("followers", "following", "post_count")
POST_COUNTS = ("likes", "reposts", "replies", "quotes")


def count_out_of_range(row: Account | Post | Follow) -> str | None:
    """Why a row cannot be stored, when one of its counts is wider than SQLite's 64-bit
    integers (corrupt or hand-edited data); None when every count fits."""
    if isinstance(row, Follow):
        return None
    names = POST_COUNTS if isinstance(row, Post) else ACCOUNT_COUNTS
    for name in names:
        value = getattr(row, name)
        if isinstance(value, int) and not -MAX_COUNT - 1 <= value <= MAX_COUNT:
            what = f"post {row.id}" if isinstance(row, Post) else f"account @{row.handle}"
            # not the value itself: a reader may have made it a float, so it is not the file's
            size = "too large" if value > 0 else "out of range"
            return (
                f"'{name}' of {what} is {size} to store (a count can be at most "
                f"{MAX_COUNT:,}), so the {'post' if isinstance(row, Post) else 'account'} "
                "was skipped"
            )
    return None


def account_params(
    account: Account, raw_id: int | None, now: str, observed: str | None
) -> tuple[Any, ...]:
    """The parameters of ``ACCOUNT_UPSERT``; ``observed``: when the profile was as given."""
    return (
        account.platform,
        account.id,
        account.handle,
        account.handle.lstrip("@").lower(),
        account.display_name or "",
        account.bio or "",
        account.avatar_url,
        account.avatar_path,
        account.followers,
        account.following,
        account.post_count,
        format_time(account.created_at),
        account.url,
        int(account.verified),
        raw_id,
        now,
        int(account.bio_known),
        int(account.name_known),
        observed,
    )


def post_params(post: Post, raw_id: int | None, now: str, observed: str | None) -> tuple[Any, ...]:
    """The parameters of ``POST_UPSERT``; ``observed``: when its counts were as given."""
    return (
        post.platform,
        post.id,
        post.author_id,
        post.author_handle,
        post.text,
        format_time(post.created_at),
        post.lang,
        post.kind,
        post.reply_to_post_id,
        post.reply_to_account_id,
        post.reply_to_handle,
        post.conversation_id,
        post.quoted_post_id,
        post.reposted_post_id,
        _json_list(post.mentions),
        _json_list(post.hashtags),
        _json_list(post.urls),
        post.likes,
        post.reposts,
        post.replies,
        post.quotes,
        post.url,
        raw_id,
        now,
        observed,
    )


def account_from_row(row: sqlite3.Row) -> Account:
    return Account(
        platform=row["platform"],
        id=row["id"],
        handle=row["handle"],
        display_name=row["display_name"],
        bio=row["bio"],
        bio_known=bool(row["bio_known"]),
        name_known=bool(row["name_known"]),
        avatar_url=row["avatar_url"],
        avatar_path=row["avatar_path"],
        followers=row["followers"],
        following=row["following"],
        post_count=row["post_count"],
        created_at=parse_time(row["created_at"]),
        url=row["url"],
        verified=bool(row["verified"]),
    )


def post_from_row(row: sqlite3.Row) -> Post:
    return Post(
        platform=row["platform"],
        id=row["id"],
        author_id=row["author_id"],
        author_handle=row["author_handle"],
        text=row["text"],
        created_at=parse_time(row["created_at"]),
        lang=row["lang"],
        kind=cast(PostKind, row["kind"]),
        reply_to_post_id=row["reply_to_post_id"],
        reply_to_account_id=row["reply_to_account_id"],
        reply_to_handle=row["reply_to_handle"],
        conversation_id=row["conversation_id"],
        quoted_post_id=row["quoted_post_id"],
        reposted_post_id=row["reposted_post_id"],
        mentions=tuple(json.loads(row["mentions"])),
        hashtags=tuple(json.loads(row["hashtags"])),
        urls=tuple(json.loads(row["urls"])),
        likes=row["likes"],
        reposts=row["reposts"],
        replies=row["replies"],
        quotes=row["quotes"],
        url=row["url"],
    )


# values per IN (...): the store's one chunk size, as SQLite allows 999 host parameters in one
# statement on older builds
IN_CHUNK = 500


def rows_where_in(
    conn: sqlite3.Connection, sql: str, params: tuple[Any, ...], values: Sequence[str]
) -> Iterator[sqlite3.Row]:
    """The rows of ``sql`` (with ``{marks}`` where ``IN (...)`` takes ``values``) for every
    value, asked in chunks; ``params`` come before the values."""
    for start in range(0, len(values), IN_CHUNK):
        chunk = list(values[start : start + IN_CHUNK])
        marks = ",".join("?" * len(chunk))
        yield from conn.execute(sql.format(marks=marks), (*params, *chunk))


def ids_by_platform(keys: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """(platform, id) keys grouped by platform, each platform's ids in order, for
    :func:`rows_where_in`."""
    grouped: dict[str, list[str]] = {}
    for platform, key in sorted(keys):
        grouped.setdefault(platform, []).append(key)
    return grouped


def payload_text(raw: Any) -> str:
    """A raw payload as the text the store keeps (JSON with sorted keys, hashed to dedupe)."""
    if isinstance(raw, bytes):
        return raw.decode("utf-8", "replace")
    if isinstance(raw, str):
        return raw
    try:
        return orjson.dumps(raw, option=orjson.OPT_SORT_KEYS, default=str).decode()
    except TypeError:  # an integer wider than 64 bits (corrupt data): kept as it was written
        return json.dumps(
            raw, sort_keys=True, default=str, ensure_ascii=False, separators=(",", ":")
        )


def follow_params(follow: Follow, now: str) -> tuple[Any, ...]:
    """The parameters of ``FOLLOW_UPSERT`` for one follow edge, seen at ``now``."""
    return (
        follow.platform,
        follow.follower_id,
        follow.followee_id,
        follow.follower_handle,
        follow.followee_handle,
        now,
    )
