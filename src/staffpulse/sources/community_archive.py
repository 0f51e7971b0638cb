"""The Community Archive's ``archive.json`` (community-archive.org): an X archive uploaded there
and downloaded back as one JSON object.

Its lists are the X archive's data files, parsed and kept as they were (``"tweets"`` is
``tweets.js`` with its ``-partN`` siblings joined, each entry ``{"tweet": {...}}``;
``"account"``, ``"profile"``, ``"follower"``, ``"following"``, ``"note-tweet"`` likewise), so
each list is handed to the X archive reader as the part it came from
(:class:`~staffpulse.sources.x_archive.XArchive`): the same rows, ids and kinds, and one post
when the same account's X archive is imported too. ``"community-tweet"`` (the owner's posts in
X Communities) is read as posts as well. ``"upload-options"`` (what the uploader chose to
share) is not read.

``"like"`` (``{"like": {"tweetId", "fullText", "expandedUrl"}}``: others' posts the owner
liked) is counted and told as not imported, as the X archive's ``like.js`` and a Mastodon
archive's ``likes.json`` are not: the store keeps no likes, and these name the liked post by id
and text alone, without its author or when it was liked, so nothing staffpulse measures (an
account's own posts, conversations, who talks with whom) could use them.

A problem in an entry is told at ``archive.json!tweets`` with the entry's place in that list
as its line (the file itself is usually one line).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import orjson

from staffpulse.report.counts import count_of
from staffpulse.sources.base import Item, Notice, Problem, register
from staffpulse.sources.json_document_errors import DocumentError
from staffpulse.sources.json_documents import load_document
from staffpulse.sources.x_archive import XArchive
from staffpulse.sources.x_archive_files import Part

SOURCE_NAME = "community-archive"
# Each list of archive.json read, as the kind and number of the X archive part it came from
SECTIONS: Mapping[str, tuple[str, int]] = {
    "account": ("account", 0),
    "profile": ("profile", 0),
    "tweets": ("tweets", 0),
    "community-tweet": ("tweets", 1),  # a part of its own, so both lists are read
    "note-tweet": ("note-tweet", 0),
    "follower": ("follower", 0),
    "following": ("following", 0),
}
POST_SECTIONS = ("tweets", "community-tweet", "note-tweet")
_KEYS = "account|profile|tweets|community-tweet|note-tweet|like|follower|following"
# The object opens with one of its lists, whose first entry is wrapped as in the X archive
# ({"tweet": ...}), or with "upload-options"; any other JSON object is not this format.
_OPENING_RE = re.compile(
    rb'^\s*\{\s*(?:"upload-options"\s*:\s*\{|"(?:' + _KEYS.encode() + rb')"\s*:\s*\[\s*'
    rb'(?:\]|\{\s*"(?:account|profile|tweet|noteTweet|like|follower|following)"\s*:))'
)


def section_part(path: Path, key: str, entries: list[Any]) -> Part:
    """One list of ``archive.json`` as the X archive part it was read from, its entries one a
    line from the first line on, so that a problem's line is the entry's place in the list."""
    kind, number = SECTIONS[key]

    def load() -> bytes:
        body = b",\n".join(orjson.dumps(entry) for entry in entries)
        name = kind.replace("-", "_")  # as X names it: window.YTD.note_tweet.part0
        return f"window.YTD.{name}.part{number} = [".encode() + body + b"\n]"

    return Part(kind=kind, number=number, location=f"{path}!{key}", load=load)


def no_account(document: Mapping[str, Any]) -> tuple[str, int]:
    """Why a file with no account was not read, and how many posts were lost with it (each
    needs the account as its author)."""
    posts = sum(len(value) for key in POST_SECTIONS if isinstance(value := document.get(key), list))
    lost = f"its {count_of(posts, 'post')} {'was' if posts == 1 else 'were'}" if posts else "it was"
    return (
        'a Community Archive file whose "account" list is empty or missing (it says whose '
        f"archive it is), so {lost} not read: download archive.json from "
        "community-archive.org again, or import the X archive itself",
        max(posts, 1),
    )


class CommunityArchive(XArchive):
    name = SOURCE_NAME
    label = "Community Archive"

    def sniff(self, path: Path, head: bytes) -> bool:
        return (
            not path.is_dir() and _OPENING_RE.match(head.removeprefix(b"\xef\xbb\xbf")) is not None
        )

    def read(self, path: Path) -> Iterator[Item]:
        try:
            document = load_document(path)
        except DocumentError as exc:  # nothing in it could be read: every entry counts
            yield Problem(str(path), exc.line, str(exc), exc.records)
            return
        if not isinstance(document, dict):
            yield Problem(str(path), None, "expected one JSON object (a Community Archive file)")
            return
        parts: list[Part] = []
        for key in SECTIONS:
            entries = document.get(key)
            if entries is None or entries == []:
                continue
            if not isinstance(entries, list):
                yield Problem(
                    f"{path}!{key}",
                    None,
                    f'"{key}" is not a list, so it was not read: download archive.json from '
                    "community-archive.org again",
                )
                continue
            parts.append(section_part(path, key, entries))
        if not any(part.kind == "account" for part in parts):
            message, lost = no_account(document)
            yield Problem(str(path), None, message, records=lost)
            return
        yield from self._read_parts(parts, [], path)
        likes = document.get("like")
        if isinstance(likes, list) and likes:
            yield Notice(f"{path}!like", likes_not_imported(len(likes)))


def likes_not_imported(count: int) -> str:
    """What the user hears of the owner's likes in ``archive.json``."""
    authors = "its author" if count == 1 else "their authors"
    return (
        f"{count_of(count, 'post')} the owner liked (named by id and text only, without "
        f"{authors}): not imported, as staffpulse keeps no likes"
    )


register(CommunityArchive())
