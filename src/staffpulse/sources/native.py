"""The project's own format: staffpulse JSONL and CSV (documented in docs/formats.md).

Files written by people are decoded by :func:`~staffpulse.sources.base.detect_encoding`
(UTF-8, UTF-16 by BOM, else Windows-1252 with a notice). A file of posts alone still gives an
account for each author (:func:`author_stub`), so the author can be audited.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from staffpulse.handles import absurd_handle_length
from staffpulse.models import (
    POST_KINDS,
    Account,
    Follow,
    Post,
    PostKind,
    normalize_handle,
    normalize_platform,
)
from staffpulse.next_steps import NAME_IT_AUTHOR
from staffpulse.sources.base import (
    Item,
    Notice,
    Problem,
    TextEncoding,
    detect_encoding,
    provenance,
    read_head,
    register,
)
from staffpulse.sources.json_documents import DocumentError, read_documents
from staffpulse.sources.jsonio import (
    first_line,
    json_error_message,
    json_lines_head,
    looks_native,
    several_a_line,
    with_line_advice,
)
from staffpulse.sources.written import (
    ToldOnce,
    handle_written,
    shown,
    written_count,
    written_id,
    written_time,
)
from staffpulse.store.core import Record

MENTION_RE = re.compile(r"(?<![\w@])@([A-Za-z0-9_][A-Za-z0-9_.\-]*[A-Za-z0-9_]|[A-Za-z0-9_])")
HASHTAG_RE = re.compile(r"(?<![\w#])#(\w+)")
URL_RE = re.compile(r"https?://[^\s<>\"']+")
RECORD_TYPES = ("account", "post", "follow")
FILL_IN = ": fill it in (or delete the record) and import the file again"  # after a field left out


def _text(record: Mapping[str, Any], key: str) -> str | None:
    """Text, stripped (None when absent or blank); a value of another type is an error, never
    stored as its Python repr (``{'a': 1}`` as a handle)."""
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"'{key}' should be text, got {shown(value)}")
    return value.strip() or None


def _platform(record: Mapping[str, Any], default: str) -> str:
    value = _text(record, "platform")
    return default if value is None else normalize_platform(value)


def _list(record: Mapping[str, Any], key: str) -> tuple[str, ...] | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(item for item in value if item.strip())
    if not isinstance(value, str):
        raise ValueError(f"'{key}' should be a list of text or text, got {shown(value)}")
    return tuple(part for part in re.split(r"[\s,;]+", value) if part)


def _bool(record: Mapping[str, Any], key: str) -> bool:
    value = record.get(key)
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "y")
    if value is not None and not isinstance(value, bool | int):
        raise ValueError(f"'{key}' should be true or false, got {shown(value)}")
    return bool(value)


def _required(record: Mapping[str, Any], key: str, what: str) -> str:
    value = _text(record, key)
    if value is None:
        raise ValueError(f"{what} is missing the required field '{key}'{FILL_IN}")
    return value


def record_type(record: Mapping[str, Any], default: str | None) -> str:
    kind = _text(record, "type") or default
    if kind is None:
        raise ValueError("record has no 'type' (account, post or follow)")
    if kind not in RECORD_TYPES:
        raise ValueError(f"unknown record type {kind!r} (expected account, post or follow)")
    return kind


def account_from_native(
    record: Mapping[str, Any], base_dir: Path | None = None, platform: str = "csv"
) -> Account:
    handle = handle_written(_required(record, "handle", "account"))
    avatar_file = _text(record, "avatar_file")
    avatar_path = None
    if avatar_file:
        candidate = Path(avatar_file)
        avatar_path = str(
            candidate if candidate.is_absolute() or base_dir is None else base_dir / candidate
        )
    return Account(
        platform=_platform(record, platform),
        id=written_id(record, "id") or handle.lower(),
        handle=handle,
        display_name=_text(record, "display_name") or "",
        name_known="display_name" in record,
        bio=_text(record, "bio") or "",
        bio_known="bio" in record,
        avatar_url=_text(record, "avatar_url"),
        avatar_path=avatar_path,
        followers=written_count(record, "followers"),
        following=written_count(record, "following"),
        post_count=written_count(record, "post_count"),
        created_at=written_time(record, "created_at"),
        url=_text(record, "url"),
        verified=_bool(record, "verified"),
        raw=None,
    )


def post_from_native(record: Mapping[str, Any], platform: str = "csv") -> Post:
    post_id = written_id(record, "id")
    if post_id is None:
        raise ValueError(f"post is missing the required field 'id'{FILL_IN}")
    author = _text(record, "author") or _text(record, "author_handle")
    author_id = written_id(record, "author_id")
    if author is None and author_id is None:
        raise ValueError(f"post is missing the required field 'author'{FILL_IN}")
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
    reply_to_author = _text(record, "reply_to_author") or _text(record, "reply_to_handle")
    kind_text = _text(record, "kind")
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
    return Post(
        platform=_platform(record, platform),
        id=post_id,
        author_id=author_id or handle.lower(),
        author_handle=handle,
        text=text,
        created_at=written_time(record, "created_at"),
        lang=_text(record, "lang"),
        kind=kind,
        reply_to_post_id=reply_to_id,
        reply_to_account_id=None,
        reply_to_handle=normalize_handle(reply_to_author) if reply_to_author else None,
        # a post starts its own conversation, unless it answers another (known or not)
        conversation_id=written_id(record, "conversation_id")
        or (None if reply_to_id or kind == "reply" else post_id),
        quoted_post_id=quoted_id,
        reposted_post_id=reposted_id,
        mentions=tuple(normalize_handle(m) for m in mentions)
        if mentions is not None
        else tuple(dict.fromkeys(m.lower() for m in MENTION_RE.findall(text))),
        hashtags=hashtags if hashtags is not None else tuple(HASHTAG_RE.findall(text)),
        urls=urls if urls is not None else tuple(URL_RE.findall(text)),
        likes=written_count(record, "likes"),
        reposts=written_count(record, "reposts"),
        replies=written_count(record, "replies"),
        quotes=written_count(record, "quotes"),
        url=_text(record, "url"),
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


def author_stub(post: Post, record: Mapping[str, Any]) -> Account | None:
    """The bare account of a post's author (no name, bio or counts), so that a file of posts
    alone can be audited. Its id is the post's ``author_id``, so the audit finds the posts.

    None when the record names its author by id only: the handle would be a guess, and the
    store keeps the last handle it is given.
    """
    if _text(record, "author") is None and _text(record, "author_handle") is None:
        return None
    return Account(
        platform=post.platform,
        id=post.author_id,
        handle=post.author_handle,
        bio_known=False,
        name_known=False,
    )


def rows_from_native(
    record: Mapping[str, Any], default_type: str | None = None, base_dir: Path | None = None
) -> Account | Post | Follow:
    """Pure transformer: one staffpulse record -> one normalized row. Raises ValueError."""
    kind = record_type(record, default_type)
    if kind == "account":
        return account_from_native(record, base_dir)
    if kind == "post":
        return post_from_native(record)
    return follow_from_native(record)


class Authors:
    """Bare accounts for the authors of a file's posts, minus those the file itself declares.

    Each bare account is handed out with its author's first post (:meth:`see`), so it is
    written in the same batch: an import stopped midway (Ctrl-C, a crash) leaves no post
    without its author. An author the file declares before its first post gets none: the
    declared account is richer, and a stub for the same handle under another id would be a
    second account with that handle. One declared after its first post completes the bare
    account (the store's upsert fills and replaces its blank fields; a bare account is not
    counted as an updated profile). Posts whose author is named only by ``author_id`` get no
    stub (the handle would be a guess): they are counted, for one notice.
    """

    def __init__(self) -> None:
        self.declared_ids: set[tuple[str, str]] = set()
        self.declared_handles: set[tuple[str, str]] = set()
        self.stubs: dict[tuple[str, str], Account] = {}  # those left for the end of the file
        self.given: set[tuple[str, str]] = set()  # stubs already handed out by :meth:`see`
        self.by_id_only: dict[tuple[str, str], int] = {}  # (platform, author_id) -> posts

    def see(self, row: Account | Post | Follow, record: Mapping[str, Any]) -> Account | None:
        """Note ``row``; the stub of its author to write before it, when it is due now."""
        if isinstance(row, Account):
            self.declared_ids.add((row.platform, row.id))
            self.declared_handles.add((row.platform, normalize_handle(row.handle)))
        elif isinstance(row, Post):
            stub = author_stub(row, record)
            if stub is None:
                key = (row.platform, row.author_id)
                self.by_id_only[key] = self.by_id_only.get(key, 0) + 1
                return None
            key = (stub.platform, stub.id)
            if key in self.given or not self._undeclared(stub):
                return None
            # an absurd handle (a shifted column) is told on its post's line and skipped
            # with it (staffpulse.handle_lengths): its stub waits for the end, as before
            if len(stub.handle.lstrip("@")) > absurd_handle_length(stub.platform):
                self.stubs.setdefault(key, stub)
                return None
            self.given.add(key)
            return stub
        return None

    def _undeclared(self, stub: Account) -> bool:
        """Whether the file has not declared this account, by id or by handle, so far."""
        by_id = (stub.platform, stub.id) in self.declared_ids
        return (
            not by_id
            and (stub.platform, normalize_handle(stub.handle)) not in self.declared_handles
        )

    def items(self, source: str, path: Path) -> Iterator[Item]:
        """The record of the bare accounts, then the notice about posts with no account."""
        fresh = tuple(stub for stub in self.stubs.values() if self._undeclared(stub))
        if fresh:
            # No raw payload: a stub is derived from posts whose payloads are stored with them.
            yield Record(rows=fresh, provenance=provenance(source, path))
        posts = sum(n for key, n in self.by_id_only.items() if key not in self.declared_ids)
        if posts:
            yield Notice(str(path), _by_id_only_note(posts))


def _by_id_only_note(posts: int) -> str:
    one = posts == 1
    return (
        f"{posts:,} post{'' if one else 's'} name{'s its' if one else ' their'} author only by "
        f"author_id, so no account was made for {'it' if one else 'them'} (a handle would be a "
        f"guess) and {'it' if one else 'they'} cannot be audited until an account with that id "
        f"is imported. {NAME_IT_AUTHOR.say()}"
    )


def text_encoding(path: Path) -> tuple[TextEncoding, list[Notice]]:
    """How to open ``path``, and the notice to give (once) when its encoding was a guess."""
    encoding = detect_encoding(path)
    return encoding, [Notice(str(path), encoding.note)] if encoding.note else []


class NativeJsonl:
    name = "staffpulse-jsonl"
    label = "staffpulse JSONL"

    def sniff(self, path: Path, head: bytes) -> bool:
        first = first_line(json_lines_head(head))  # past a log line printed into the file
        if first[:1] in ("[", "{") and looks_native(head):  # an array, pretty-printed objects
            return True
        if not first.startswith("{"):
            return False
        try:
            obj = json.loads(first)
        except json.JSONDecodeError:
            return False
        return isinstance(obj, dict) and obj.get("type") in RECORD_TYPES

    def read(self, path: Path) -> Iterator[Item]:
        authors = Authors()
        told = ToldOnce(str(path))  # what a whole column gets wrong: told once for the file
        for found in self._records(path):
            if isinstance(found, (Notice, Problem)):
                yield found
                continue
            number, obj = found
            try:
                if isinstance(obj, json.JSONDecodeError):
                    raise obj
                if not isinstance(obj, dict):
                    raise ValueError("line is not a JSON object")
                row = rows_from_native(obj, base_dir=path.parent)
            except json.JSONDecodeError as exc:
                yield Problem(str(path), number, with_line_advice(json_error_message(exc)))
                continue
            except ValueError as exc:
                if not told.take(number, exc):
                    yield Problem(str(path), number, str(exc))
                continue
            if (stub := authors.see(row, obj)) is not None:
                # no payload of its own: derived from the post, stored with its payload
                yield Record(rows=(stub,), provenance=provenance(self.name, path))
            yield Record(rows=(row,), provenance=provenance(self.name, path, number), raw=obj)
        yield from told.problems()
        yield from authors.items(self.name, path)

    def _records(self, path: Path) -> Iterator[tuple[int, Any] | Notice | Problem]:
        """(line, the parsed record or its JSON error) of each record: one a line, or in a JSON
        array or pretty-printed one after another, each at the line it starts on."""
        if several_a_line(first_line(read_head(path))):
            for found in read_documents(path, items=True):
                if isinstance(found, DocumentError):
                    yield Problem(str(path), found.line, str(found), found.records)
                else:
                    yield found[0] or 1, found[1]
            return
        encoding, notices = text_encoding(path)
        yield from notices
        with path.open(encoding=encoding.codec, errors=encoding.errors) as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    # Without its line break, so that an error's column is the file line's.
                    yield number, json.loads(line.rstrip("\r\n"))
                except json.JSONDecodeError as exc:
                    yield number, exc


register(NativeJsonl())
