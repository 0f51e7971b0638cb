"""X API v2 responses: twarc2 JSONL (raw pages or flattened), and saved v2 JSON responses.

A raw page is ``{"data": [...], "includes": {"users", "tweets", "media"}, "errors", "meta",
"__twarc"}``; a flattened line (``twarc2 flatten``) is one tweet with ``author`` and the
referenced tweets inlined. User pages hold user objects in ``data``. The same transformer reads
responses recorded by tweepy (one pretty-printed JSON document a file) and the live fetcher's
pages.

Each tweet and user is made a row by :mod:`staffpulse.sources.x_v2_objects` (kinds from
``referenced_tweets``; a reply whose parent was deleted still names the account answered).
Referenced tweets and their authors from ``includes`` are stored as well. Of an edited tweet
only the latest version (the last of ``edit_history_tweet_ids``) is kept, and references to
older versions point to it.

A quote whose quoted tweet is not in the page names the quoted author first among its
mentions, from the link to the quoted tweet in its ``entities.urls``
(:func:`~staffpulse.sources.x_ids.quoted_author_first`).

A malformed tweet or user skips only that item: it is described (``data[3] (tweet 12): ...``)
and the rest of the page is kept. Posts without an author or a date (responses requested
without ``tweet.fields=author_id,created_at``) are kept, and the reader says so once per file.
A post without a date is dated from its id (X ids carry the time since November 2010,
:func:`~staffpulse.sources.x_ids.time_of_tweet_id`); only older ones stay undated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from staffpulse.models import Account, Post
from staffpulse.sources.base import Item, Notice, Problem, provenance, register
from staffpulse.sources.json_document_errors import DocumentError
from staffpulse.sources.json_documents import read_documents
from staffpulse.sources.json_places import with_lines
from staffpulse.sources.jsonio import (
    RepairedLine,
    as_list,
    first_json_char,
    get_str,
    is_json_lines,
    iter_json_lines,
    json_lines_head,
    looks_native,
)
from staffpulse.sources.meta_exports import looks_graph_page
from staffpulse.sources.observed import observed_by_newest_post, twarc_retrieved_at
from staffpulse.sources.repeated_entries import RepeatsInPages
from staffpulse.sources.responses import unread_line
from staffpulse.sources.x_api_errors import ApiErrors
from staffpulse.sources.x_ids import quoted_author_first
from staffpulse.sources.x_v2_gaps import FieldGaps
from staffpulse.sources.x_v2_items import Labeled, fail_item, is_user, labelled_objects
from staffpulse.sources.x_v2_objects import account_from_v2_user, latest_version, post_from_v2_tweet
from staffpulse.store.core import Record

SOURCE_NAME = "twarc2"
PAGE_START_RE = re.compile(rb'^\s*\{\s*"(data|includes|errors|meta)"\s*:')
# What one malformed tweet or user can raise: it skips that item, never the whole page.
ITEM_ERRORS = (ValueError, TypeError, OverflowError)


@dataclass
class EditTracker:
    """Ids of tweets kept whose edit history has several versions (rare: constant memory)."""

    kept_latest: set[str] = field(default_factory=set)


def rows_from_v2(
    payload: Mapping[str, Any],
    edits: EditTracker | None = None,
    errors: list[str] | None = None,
    gaps: FieldGaps | None = None,
) -> list[Account | Post]:
    """Pure transformer: a v2 page, a flattened tweet or a user object → accounts and posts.

    With an ``errors`` list, a malformed tweet or user is described there (``data[3] (tweet
    12): ...``) and skipped, and the rest is kept; without one the first raises ValueError
    (the live fetcher's strictness). Raises ValueError when the payload holds neither tweets
    nor users. ``gaps`` counts the posts kept without an author or a date given.
    """
    edits = edits if edits is not None else EditTracker()
    users: list[Labeled] = []
    tweets: list[Labeled] = []  # data first, then includes (data wins on duplicates)
    if any(key in payload for key in ("data", "includes", "errors", "meta")):
        items = labelled_objects("data", payload.get("data"), errors)
        raw_includes = payload.get("includes")
        includes: Mapping[str, Any] = raw_includes if isinstance(raw_includes, dict) else {}
        for item in items:
            (users if is_user(item[1]) else tweets).append(item)
        users.extend(labelled_objects("includes.users", includes.get("users"), errors))
        tweets.extend(labelled_objects("includes.tweets", includes.get("tweets"), errors))
        # "data": [] is a page that found nothing, or whose one entry was left out damaged
        # (told, and counted, once): not a page without data
        quiet = errors or any(key in payload for key in ("data", "errors", "meta"))
        if not (users or tweets or quiet):
            raise ValueError("page has no 'data'")
    elif "id" in payload and "text" in payload:  # flattened tweet
        _flatten_into(payload, tweets, users)
    elif is_user(payload) and "id" in payload:
        users.append(("user", payload))
    else:
        raise ValueError("neither an X API v2 page, a tweet nor a user")
    # as of twarc's retrieval of the line, else (a saved response) of its newest tweet
    observed = twarc_retrieved_at(payload)
    rows = _rows(users, tweets, edits, errors, gaps, observed)
    return rows if observed is not None else observed_by_newest_post(rows)


def _flatten_into(tweet: Mapping[str, Any], tweets: list[Labeled], users: list[Labeled]) -> None:
    """A flattened tweet: author, referenced tweets and mentioned users are inlined."""
    refs = enumerate(as_list(tweet.get("referenced_tweets")))
    for label, item in [("tweet", tweet), *((f"referenced_tweets[{n}]", r) for n, r in refs)]:
        if not isinstance(item, dict) or "text" not in item:
            continue  # a reference the response did not expand: nothing more to store
        tweets.append((label, item))
        prefix = "" if label == "tweet" else f"{label}."
        for key in ("author", "in_reply_to_user"):
            if isinstance(item.get(key), dict):
                users.append((f"{prefix}{key}", item[key]))
        ents = item.get("entities")
        mentions = as_list(ents.get("mentions") if isinstance(ents, dict) else None)
        for number, mention in enumerate(mentions):
            if isinstance(mention, dict) and "id" in mention and "name" in mention:
                users.append((f"{prefix}entities.mentions[{number}]", mention))


def _rows(
    users: list[Labeled],
    tweets: list[Labeled],
    edits: EditTracker,
    errors: list[str] | None,
    gaps: FieldGaps | None = None,
    observed: datetime | None = None,
) -> list[Account | Post]:
    accounts: dict[str, Account] = {}
    failed: set[str] = set()  # one report per bad user, though flattened lines repeat authors
    for label, user in users:
        user_id = get_str(user, "id") or ""
        if user_id in accounts:
            continue  # the same author appears once per tweet in flattened lines
        try:
            account = account_from_v2_user(user, observed)
        except ITEM_ERRORS as exc:
            if not user_id or user_id not in failed:
                fail_item(errors, label, user, exc)
            failed.add(user_id)
            continue
        accounts.setdefault(account.id, account)
    handles = {a.id: a.handle for a in accounts.values()}
    remap: dict[str, str] = {}
    for _, tweet in tweets:
        latest = latest_version(tweet)
        if latest is not None:
            remap[str(tweet.get("id"))] = latest
    # Parse every tweet before dropping old versions, so that an old version whose latest one
    # is malformed (and skipped) is kept rather than lost.
    parsed: dict[str, tuple[Mapping[str, Any], Post]] = {}
    for label, tweet in tweets:
        if get_str(tweet, "id") in parsed:
            continue
        try:
            post = post_from_v2_tweet(tweet, handles, remap, observed)
        except ITEM_ERRORS as exc:
            fail_item(errors, label, tweet, exc)
            continue
        parsed[post.id] = (tweet, post)
    posts: list[Post] = []
    for tweet_id, (tweet, post) in parsed.items():
        latest = remap.get(tweet_id)
        if latest is not None and (latest in parsed or latest in edits.kept_latest):
            continue  # an older version of a tweet whose latest version we have
        if not post.author_handle and post.author_id in handles:
            post = replace(post, author_handle=handles[post.author_id])
        quoted = parsed.get(post.quoted_post_id or "")
        if post.kind == "quote" and post.quoted_post_id and not (quoted and quoted[1].author_id):
            # the quoted tweet (with its author: the quote's target) is not in this page
            mentions = quoted_author_first(post.mentions, post.urls, post.quoted_post_id)
            if mentions != post.mentions:
                post = replace(post, mentions=mentions)
        if gaps is not None:
            gaps.add_post(post, dated_by_data=bool(tweet.get("created_at")))
        history = tweet.get("edit_history_tweet_ids")
        if isinstance(history, list) and len(history) > 1 and latest is None:
            edits.kept_latest.add(tweet_id)
            # its other ids: an earlier version a store holds (an older search) is replaced
            post = replace(post, aliases=tuple(str(v) for v in history if str(v) != tweet_id))
        posts.append(post)
    return [*accounts.values(), *posts]


class HeldCut:
    """A page cut short in or before its includes (not damaged there: the includes left out
    for damage are counted as skipped already), held to be told with the page read after it
    (:func:`with_references_cut_off`); any other damage told at once."""

    def __init__(self, gaps: FieldGaps) -> None:
        self.gaps = gaps  # told when the includes of a page were lost
        self.held: Problem | None = None

    def damaged(self, cut: Problem, part: str | None, was_cut: bool) -> Iterator[Problem]:
        """A page damaged (``cut``, in ``part``; ``was_cut``: cut short, not mangled)."""
        self.gaps.includes_lost |= part == "includes"
        self.held = cut if part == "includes" and was_cut else None
        if self.held is None:
            yield cut

    def before(self, page: Any) -> Iterator[Problem]:
        """The cut held, told before ``page`` (what was read after it; None at the end)."""
        if self.held is not None:
            held, self.held = self.held, None
            yield held if page is None else with_references_cut_off(held, page)


def with_references_cut_off(cut: Problem, page: Any) -> Problem:
    """``cut`` (a page cut short in or before its includes) counting and telling the tweets
    its tweets retweet, quote or answer that the page read as far as the cut does not hold:
    they were to come in its includes (as twarc2 asks for them), and were lost unsaid."""
    data = page.get("data") if isinstance(page, dict) else None
    includes = page.get("includes") if isinstance(page, dict) else None
    read = [
        tweet for tweet in (data if isinstance(data, list) else [data]) if isinstance(tweet, dict)
    ]
    held = {str(tweet.get("id")) for tweet in read}
    if isinstance(includes, dict) and isinstance(includes.get("tweets"), list):
        held |= {str(tweet.get("id")) for tweet in includes["tweets"] if isinstance(tweet, dict)}
    lost = {
        str(ref["id"])
        for tweet in read
        if isinstance(tweet.get("referenced_tweets"), list)
        for ref in tweet["referenced_tweets"]
        if isinstance(ref, dict) and ref.get("id")
    } - held
    if not lost:
        return cut
    one, they = len(lost) == 1, "it" if len(read) == 1 else "they"
    said = (
        f"{len(lost):,} post{'' if one else 's'} {they} retweet{'s' if they == 'it' else ''},"
        f" quote{'s' if they == 'it' else ''} or answer{'s' if they == 'it' else ''}, to come"
        f" in the page's includes, {'was' if one else 'were'} cut off too (counted as skipped)."
    )
    head, to_do, rest = cut.message.partition(" What to do:")
    message = f"{head} {said}{to_do}{rest}" if to_do else f"{head}. {said}"
    return replace(cut, message=message, records=cut.records + len(lost))


def _tool_version(payload: Mapping[str, Any]) -> str | None:
    meta = payload.get("__twarc")
    version = get_str(meta, "version") if isinstance(meta, dict) else None
    return f"twarc {version}" if version else None


class Twarc2:
    name = SOURCE_NAME
    label = "twarc2 / X API v2 JSON"

    def sniff(self, path: Path, head: bytes) -> bool:
        if path.is_dir():
            return False
        head = json_lines_head(head)  # past a log line or two printed into the file
        head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if head.startswith(b"["):  # a list of them (``jq -s``, a tweepy dump): its first one
            head = head[1:]
        if first_json_char(head) != "{" or looks_native(head) or looks_graph_page(head):
            return False  # a Facebook page's posts under "data": told what it is instead
        if PAGE_START_RE.match(head) or b'"__twarc"' in head:
            return True
        return b'"edit_history_tweet_ids"' in head or (b'"author_id"' in head and b'"text"' in head)

    def read(self, path: Path) -> Iterator[Item]:
        edits, gaps, told = EditTracker(), FieldGaps(), ApiErrors()
        repeats = RepeatsInPages()  # a tweet twice in one page: stored once, told
        # a page cut in its includes, told with the page read after it: what its tweets
        # refer to was lost with the includes, and counts as skipped
        cut = HeldCut(gaps)
        if not is_json_lines(path):
            # one response, or several pretty-printed ones one after another
            for found in read_documents(path):
                if isinstance(found, DocumentError):  # every tweet in it is lost: all count
                    told_cut = Problem(str(path), found.line, str(found), found.records)
                    yield from cut.damaged(told_cut, found.part, found.cut)
                else:
                    yield from cut.before(found[1])
                    read = self._object(found[1], path, found[0], edits, gaps, told, repeats)
                    # a whole file's skips: each on the line its entry starts on
                    yield from read if found[0] is not None else with_lines(path, read)
        else:
            for number, obj in iter_json_lines(path):
                if isinstance(obj, RepairedLine) and obj.joined:  # a tweet's text split
                    yield obj.told(str(path), number)
                    continue
                if isinstance(obj, RepairedLine):  # its posts are read, but those it counts
                    told_cut = Problem(str(path), number, obj.message, records=obj.records)
                    yield from cut.damaged(told_cut, obj.part, obj.cut)
                    continue
                yield from cut.before(obj)
                if isinstance(obj, Exception):  # a page: its posts counted as lost
                    yield unread_line(path, number, obj)
                    continue
                yield from self._object(obj, path, number, edits, gaps, told, repeats)
        yield from cut.before(None)
        # Told once per file as Notices, not Problems: these posts are kept, nothing skipped.
        for message in [*gaps.messages(), told.message(), repeats.note()]:
            if message:
                yield Notice(str(path), message)

    def _object(
        self,
        obj: Any,
        path: Path,
        line: int | None,
        edits: EditTracker,
        gaps: FieldGaps,
        told: ApiErrors,
        repeats: RepeatsInPages,
        place: str = "",
    ) -> Iterator[Item]:
        """The records of one page (or list of them) and a problem for each entry skipped,
        named by its ``place`` in a list (``[2] data[1]: ...``)."""
        if isinstance(obj, list) and any(isinstance(item, dict) for item in obj):
            # a list of pages, flattened tweets or users (``jq -s``, a tweepy dump), as a file
            # or a line: each read as it would be on a line of its own
            for number, item in enumerate(obj):
                at = f"[{number}] "
                yield from self._object(item, path, line, edits, gaps, told, repeats, at)
            return
        if not isinstance(obj, dict):
            yield Problem(str(path), line, f"{place}not a JSON object")
            return
        told.add(obj)
        repeats.add(obj, line)
        errors: list[str] = []
        try:
            rows = rows_from_v2(obj, edits, errors, gaps)
        except ITEM_ERRORS as exc:
            yield Problem(str(path), line, f"{place}{exc}")
            return
        for message in errors:  # each skipped tweet or user counts in the import's skipped total
            yield Problem(str(path), line, f"{place}{message}")
        prov = provenance(self.name, path, line)
        tool = _tool_version(obj)
        if tool:
            prov = replace(prov, tool_version=f"{prov.tool_version} ({tool})")
        if rows:
            yield Record(rows=tuple(rows), provenance=prov, raw=obj)


register(Twarc2())
