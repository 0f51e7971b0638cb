"""The X (Twitter) archive of before 2019, "Grailbird": what "Your Twitter archive" sent from
2012 until the archive took its present form. Firms on X since then often keep one::

    tweets.csv                       the tweets again, as a table without their author
    index.html, css/, img/, lib/     its viewer
    data/js/tweets/2013_01.js        Grailbird.data.tweets_2013_01 = [ {tweet}, ... ]
    data/js/user_details.js          var user_details = {"screen_name", "full_name", "bio", ...}
    data/js/payload_details.js       var payload_details = {"tweets", "created_at", "lang"}

Each month's file holds v1.1 tweets, each with its author's ``user`` (id, handle, name) and the
retweeted tweet embedded: they become rows as the API's v1.1 tweets do
(:func:`staffpulse.sources.x_v1.post_from_v1_tweet`; like the present archive's, a tweet ending
with a link to another tweet is a quote). A month's file is read entry by entry
(:mod:`staffpulse.sources.ytd`): a broken tweet costs only itself. ``user_details.js`` gives
the account's bio. The profile and counts are dated as of the archive (``payload_details.js``),
else by the newest tweet read: an old archive never replaces what a newer fetch stored.

``tweets.csv`` is not read (the month files hold the same tweets, and name the author), nor is
the viewer: neither is told as a file of no known format beside the month files. Given alone,
``tweets.csv`` is told to import the whole archive.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from staffpulse.models import Account, Post
from staffpulse.sources.base import Item, Problem, provenance, register
from staffpulse.sources.csv_preamble import csv_columns
from staffpulse.sources.folders import COMPANIONS, EXPLAINERS, WHAT_IT_IS
from staffpulse.sources.jsonio import get_str
from staffpulse.sources.observed import read_time, with_observed
from staffpulse.sources.x_v1 import PLATFORM, account_from_v1_user, post_from_v1_tweet, x_time
from staffpulse.sources.ytd import EntryError, ytd_items
from staffpulse.store.core import Record

SOURCE_NAME = "x-legacy-archive"
_MONTH = re.compile(rb"^\s*Grailbird\.data\.tweets_\d{4}_\d{1,2}\s*=")
_DETAILS = re.compile(rb"^\s*var\s+user_details\s*=")
_PAYLOAD = re.compile(r"var\s+payload_details\s*=\s*(\{.*\})", re.DOTALL)
_OBJECT = re.compile(r"=\s*(\{.*\})\s*;?\s*$", re.DOTALL)
TWEETS_FOLDER = ("data", "js", "tweets")
CSV_COLUMNS = {"tweet_id", "in_reply_to_status_id", "timestamp", "retweeted_status_id"}
WHOLE = "import the whole archive folder (or its ZIP), whose data/js/tweets files name the author"


def rows_from_legacy_tweet(tweet: object) -> list[Account | Post]:
    """Pure transformer: one tweet of a month's file → its author and post, and the retweeted
    tweet with its author first when it is embedded. Raises ValueError."""
    if not isinstance(tweet, Mapping):
        raise ValueError("not a tweet (expected a JSON object)")
    rows: list[Account | Post] = []
    inner = tweet.get("retweeted_status")
    if isinstance(inner, dict) and isinstance(inner.get("user"), dict):
        rows += [account_from_v1_user(inner["user"]), post_from_v1_tweet(inner)]
    user = tweet.get("user")
    if not isinstance(user, dict):
        raise ValueError(f"tweet {get_str(tweet, 'id_str') or ''} has no 'user' object".strip())
    author = account_from_v1_user(user)
    return [*rows, author, post_from_v1_tweet(tweet, author, infer_quote_from_link=True)]


def account_from_details(details: Mapping[str, Any]) -> Account:
    """Pure transformer: ``user_details.js`` → the owner's account. Raises ValueError."""
    user_id, handle = get_str(details, "id"), get_str(details, "screen_name")
    if user_id is None or handle is None:
        raise ValueError("user_details without 'id' or 'screen_name'")
    return Account(
        platform=PLATFORM,
        id=user_id,
        handle=handle,
        display_name=get_str(details, "full_name") or "",
        name_known="full_name" in details,
        bio=get_str(details, "bio") or "",
        bio_known="bio" in details,
        created_at=x_time(details.get("created_at")) if details.get("created_at") else None,
        url=f"https://x.com/{handle}",
    )


def archive_time(path: Path) -> datetime | None:
    """When the archive was made (``payload_details.js`` in the folder of ``path``)."""
    for folder in (path.parent, path.parent.parent):
        payload = folder / "payload_details.js"
        if payload.is_file():
            match = _PAYLOAD.search(payload.read_text(encoding="utf-8-sig", errors="replace"))
            try:
                loaded = json.loads(match.group(1)) if match else None
            except json.JSONDecodeError:
                return None
            return read_time(loaded.get("created_at")) if isinstance(loaded, dict) else None
    return None


class XLegacyArchive:
    name = SOURCE_NAME
    label = "X archive from before 2019 (Grailbird)"

    def sniff(self, path: Path, head: bytes) -> bool:
        if path.is_dir() or path.suffix.lower() != ".js":
            return False
        head = head.removeprefix(b"\xef\xbb\xbf")
        return _MONTH.match(head) is not None or _DETAILS.match(head) is not None

    def read(self, path: Path) -> Iterator[Item]:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        if _DETAILS.match(text.encode()[:200]):
            yield from self._read_details(path, text)
            return
        found: list[tuple[int, list[Account | Post], Any]] = []
        for line, item in ytd_items(text):
            if isinstance(item, EntryError):
                yield Problem(str(path), line, str(item), records=item.records)
                continue
            try:
                found.append((line, rows_from_legacy_tweet(item), item))
            except ValueError as exc:
                yield Problem(str(path), line, str(exc))
        times = [r.created_at for _, rows, _ in found for r in rows if isinstance(r, Post)]
        observed = archive_time(path) or max((t for t in times if t), default=None)
        for line, rows, raw in found:
            yield Record(
                rows=tuple(with_observed(rows, observed)),
                provenance=provenance(self.name, path, line),
                raw=raw,
            )

    def _read_details(self, path: Path, text: str) -> Iterator[Item]:
        match = _OBJECT.search(text)
        try:
            details = json.loads(match.group(1)) if match else None
            if not isinstance(details, dict):
                raise ValueError("not a JSON object after 'var user_details ='")
            owner = account_from_details(details)
        except ValueError as exc:
            yield Problem(str(path), 1, f"{exc}; the account's bio was not imported")
            return
        observed = archive_time(path)
        yield Record(
            rows=tuple(with_observed([owner], observed)),
            provenance=provenance(self.name, path, 1),
            raw=details,
        )


def is_legacy_archive_file(path: Path) -> bool:
    """A file of a pre-2019 archive's folder that is not read (``tweets.csv``, its viewer's
    pages and scripts): part of the archive, never told as of no known format."""
    return any((parent.joinpath(*TWEETS_FOLDER)).is_dir() for parent in path.parents)


def why_legacy_csv(path: Path, head: bytes) -> str | None:
    """``tweets.csv`` of a pre-2019 archive given without its folder: what it is, what to do."""
    if path.suffix.lower() != ".csv" or not csv_columns(head) >= CSV_COLUMNS:
        return None
    return (
        f"{WHAT_IT_IS}the tweets.csv of an X archive from before 2019, which does not name the "
        f"author of its tweets: {WHOLE}"
    )


COMPANIONS.append(is_legacy_archive_file)
EXPLAINERS.insert(0, why_legacy_csv)
register(XLegacyArchive())
