"""One record of the project's own format (staffpulse JSONL and CSV, docs/formats.md) as a
row: pure transformers, each raising ValueError with what to fix in the record.

Read by :mod:`staffpulse.sources.native` (JSONL) and :mod:`staffpulse.sources.native_csv`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from staffpulse.handles import plain_handle
from staffpulse.models import (
    POST_KINDS,
    Account,
    Follow,
    Post,
    PostKind,
    normalize_handle,
    normalize_platform,
)
from staffpulse.sources.native_csv_header import BIO_COLUMNS
from staffpulse.sources.post_links import why_no_author
from staffpulse.sources.written import (
    handle_written,
    shown,
    written_count,
    written_id,
    written_time,
)
from staffpulse.sources.written_lists import written_list
from staffpulse.sources.x_entities import decode_copied_x_text

MENTION_RE = re.compile(r"(?<![\w@])@([A-Za-z0-9_][A-Za-z0-9_.\-]*[A-Za-z0-9_]|[A-Za-z0-9_])")
# "#Remain", "#shitclientssay"; its word is group 1. Not "&#39;" (an HTML entity left in a
# text) nor the "#" inside a word ("C#", "no#1"). As X's own rule (twitter-text), a "#" may
# come before: "##Tag" is the tag "Tag". The audit reads tags with this one pattern too
# (staffpulse.audit.hashtags), so a tag stored at import is the tag the audit finds
HASHTAG_RE = re.compile(r"(?<![\w&])#(\w+)")
URL_RE = re.compile(r"https?://[^\s<>\"']+")
RECORD_TYPES = ("account", "post", "follow")
# The fields each kind of record is read from below, by kind: a staffpulse CSV's other columns
# are told as not read, and so are those of another kind than its rows' (a posts file's
# "description": :mod:`staffpulse.sources.csv_unread`)
_SHARED_COLUMNS = frozenset({"type", "platform", "id", "url", "created_at"})
COLUMNS_BY_KIND = {
    "account": frozenset(
        {"handle", "display_name", *BIO_COLUMNS, "avatar_url", "avatar_file", "verified"}
        | {"followers", "following", "post_count"}
    ),
    "post": frozenset(
        {"author", "author_id", "author_handle", "text", "kind", "lang", "conversation_id"}
        | {"reply_to_id", "quoted_id", "reposted_id", "reply_to_author", "reply_to_handle"}
        | {"mentions", "hashtags", "urls", "likes", "reposts", "replies", "quotes"}
    ),
    "follow": frozenset({"follower", "followee"}),
}
READ_COLUMNS = _SHARED_COLUMNS.union(*COLUMNS_BY_KIND.values())


def columns_read(kind: str | None) -> frozenset[str]:
    """The columns read in a file whose every row is a ``kind`` record (every column, when a
    ``type`` column says each row's kind: None)."""
    return READ_COLUMNS if kind is None else _SHARED_COLUMNS | COLUMNS_BY_KIND[kind]


# The ids that make a record: its own, its author's, and those telling a post's kind. An id
# lost in another (conversation_id) costs that link only (staffpulse.sources.zeroed_ids)
OWN_IDS = frozenset({"id", "author_id", "reply_to_id", "quoted_id", "reposted_id"})
FILL_IN = ": fill it in (or delete the record) and import the file again"  # after a field left out


def record_text(record: Mapping[str, Any], key: str) -> str | None:
    """Text, stripped (None when absent or blank); a value of another type is an error, never
    stored as its Python repr (``{'a': 1}`` as a handle)."""
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"'{key}' should be text, got {shown(value)}")
    return value.strip() or None


def _platform(record: Mapping[str, Any], default: str) -> str:
    value = record_text(record, "platform")
    return default if value is None else normalize_platform(value)


def _list(record: Mapping[str, Any], key: str) -> tuple[str, ...] | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(item for item in value if item.strip())
    if not isinstance(value, str):
        raise ValueError(f"'{key}' should be a list of text or text, got {shown(value)}")
    # a list a program wrote in the cell (pandas: "['@jane', '@bob']"), else words
    listed = written_list(value)
    if listed is not None:
        return tuple(item.strip() for item in listed)
    return tuple(part for part in re.split(r"[\s,;]+", value) if part)


def _bool(record: Mapping[str, Any], key: str) -> bool:
    value = record.get(key)
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "y")
    if value is not None and not isinstance(value, bool | int):
        raise ValueError(f"'{key}' should be true or false, got {shown(value)}")
    return bool(value)


def _required(record: Mapping[str, Any], key: str, what: str) -> str:
    value = record_text(record, key)
    if value is None:
        raise ValueError(f"{what} is missing the required field '{key}'{FILL_IN}")
    return value


def record_type(record: Mapping[str, Any], default: str | None) -> str:
    kind = record_text(record, "type") or default
    if kind is None:
        raise ValueError("record has no 'type' (account, post or follow)")
    if kind not in RECORD_TYPES:
        raise ValueError(f"unknown record type {kind!r} (expected account, post or follow)")
    return kind


def account_from_native(
    record: Mapping[str, Any], base_dir: Path | None = None, platform: str = "csv"
) -> Account:
    handle = handle_written(_required(record, "handle", "account"))
    avatar_file = record_text(record, "avatar_file")
    avatar_path = None
    if avatar_file:
        candidate = Path(avatar_file)
        # absolute: the audit reads it from wherever it is run
        avatar_path = str(
            candidate
            if candidate.is_absolute() or base_dir is None
            else (base_dir / candidate).absolute()
        )
    platform = _platform(record, platform)
    # X's API's name for the bio, read when the record has no "bio" (never both merged)
    described = "bio" not in record and "description" in record
    bio = (record_text(record, "description") if described else record_text(record, "bio")) or ""
    return Account(
        platform=platform,
        id=written_id(record, "id") or handle.lower(),
        handle=handle,
        display_name=record_text(record, "display_name") or "",
        name_known="display_name" in record,
        bio=decode_copied_x_text(bio) if platform == "x" else bio,
        bio_known="bio" in record or described,
        avatar_url=record_text(record, "avatar_url"),
        avatar_path=avatar_path,
        followers=written_count(record, "followers"),
        following=written_count(record, "following"),
        post_count=written_count(record, "post_count"),
        created_at=written_time(record, "created_at"),
        url=record_text(record, "url"),
        verified=_bool(record, "verified"),
        raw=None,
    )


def post_from_native(record: Mapping[str, Any], platform: str = "csv") -> Post:
    post_id = written_id(record, "id")
    if post_id is None:
        raise ValueError(f"post is missing the required field 'id'{FILL_IN}")
    author = record_text(record, "author") or record_text(record, "author_handle")
    author_id = written_id(record, "author_id")
    if author is None and author_id is None:
        # a link in the row shows whom to write in: said, not only that a field is missing
        told = why_no_author(record_text(record, "url"))
        raise ValueError(told or f"post is missing the required field 'author'{FILL_IN}")
    text = record.get("text")
    if text is None:
        raise ValueError(f"post is missing the required field 'text'{FILL_IN}")
    if not isinstance(text, str):
        raise ValueError(f"'text' should be text, got {shown(text)}")
    reply_to_id = written_id(record, "reply_to_id")
    quoted_id = written_id(record, "quoted_id")
    reposted_id = written_id(record, "reposted_id")
    # The tools a marketer exports with name the account replied to, not the parent post's
    # id: a reply to a known account is a reply all the same (the audit counts it, the
    # interaction graph links the two), its conversation unknown.
    reply_to_author = record_text(record, "reply_to_author") or record_text(
        record, "reply_to_handle"
    )
    kind_text = record_text(record, "kind")
    if kind_text is None:
        kind_text = (
            "repost"
            if reposted_id
            else "quote"
            if quoted_id
            else "reply"
            if reply_to_id or reply_to_author
            else "original"
        )
    if kind_text not in POST_KINDS:
        raise ValueError(f"unknown post kind {kind_text!r} (expected {', '.join(POST_KINDS)})")
    kind: PostKind = kind_text
    mentions = _list(record, "mentions")
    hashtags = _list(record, "hashtags")
    urls = _list(record, "urls")
    handle = handle_written(author) if author else (author_id or "").lstrip("@")
    platform = _platform(record, platform)
    if platform == "x":  # exported from X's API or archive, its "&" may be "&amp;"
        text = decode_copied_x_text(text)
    return Post(
        platform=platform,
        id=post_id,
        author_id=author_id or handle.lower(),
        author_handle=handle,
        text=text,
        created_at=written_time(record, "created_at"),
        lang=record_text(record, "lang"),
        kind=kind,
        reply_to_post_id=reply_to_id,
        reply_to_account_id=None,
        reply_to_handle=normalize_handle(plain_handle(reply_to_author))
        if reply_to_author
        else None,
        # a post starts its own conversation, unless it answers another (known or not)
        conversation_id=written_id(record, "conversation_id")
        or (None if reply_to_id or kind == "reply" else post_id),
        quoted_post_id=quoted_id,
        reposted_post_id=reposted_id,
        mentions=tuple(normalize_handle(plain_handle(m)) for m in mentions)
        if mentions is not None
        else tuple(dict.fromkeys(m.lower() for m in MENTION_RE.findall(text))),
        # "#jobs" as "jobs", as a tag read from the text is stored
        hashtags=tuple(tag.lstrip("#") for tag in hashtags if tag.lstrip("#"))
        if hashtags is not None
        else tuple(HASHTAG_RE.findall(text)),
        urls=urls if urls is not None else tuple(URL_RE.findall(text)),
        likes=written_count(record, "likes"),
        reposts=written_count(record, "reposts"),
        replies=written_count(record, "replies"),
        quotes=written_count(record, "quotes"),
        url=record_text(record, "url"),
    )


def follow_from_native(record: Mapping[str, Any], platform: str = "csv") -> Follow:
    follower = handle_written(_required(record, "follower", "follow"))
    followee = handle_written(_required(record, "followee", "follow"))
    return Follow(
        platform=_platform(record, platform),
        follower_id=follower.lower(),
        followee_id=followee.lower(),
        follower_handle=follower,
        followee_handle=followee,
    )


# What Excel and Google Sheets save in a cell they read as a formula and could not work out:
# a cell that began with =, +, - or @ ("@jane thanks!", "- new shifts") when the CSV was opened
SPREADSHEET_ERRORS = frozenset(
    {"#NAME?", "#VALUE!", "#REF!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!", "#ERROR!", "#SPILL!"}
)
# The fields whose value makes the record: one lost to such an error makes it another's
_WRITTEN_FIELDS = ("text", "author", "author_handle", "handle", "follower", "followee")


def check_formula_errors(record: Mapping[str, Any]) -> None:
    """Raise ValueError, with what to do, when a field that makes the record holds a
    spreadsheet's error instead of what was written: stored, "#NAME?" became a post's text
    or an account's handle, and the text it stood for was lost without a word."""
    for key in _WRITTEN_FIELDS:
        check_formula_error(record.get(key), key)


def check_formula_error(value: object, column: str) -> None:
    """Raise ValueError, with what to do, when the cell ``value`` of ``column`` (as the file
    names it) holds a spreadsheet's error (:data:`SPREADSHEET_ERRORS`) in place of its text."""
    if isinstance(value, str) and value.strip() in SPREADSHEET_ERRORS:
        raise ValueError(
            f"'{column}' holds {value.strip()}, an error a spreadsheet saved in place of what"
            " was written (it read the cell as a formula, as one beginning with =, +, - or"
            " @): export the file again and, to open it in a spreadsheet, use Data › From"
            f" Text/CSV with the column {column} as Text; then import it again"
        )


def rows_from_native(
    record: Mapping[str, Any], default_type: str | None = None, base_dir: Path | None = None
) -> Account | Post | Follow:
    """Pure transformer: one staffpulse record -> one normalized row. Raises ValueError."""
    kind = record_type(record, default_type)
    check_formula_errors(record)
    if kind == "account":
        return account_from_native(record, base_dir)
    if kind == "post":
        return post_from_native(record)
    return follow_from_native(record)
