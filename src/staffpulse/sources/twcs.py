"""The "Customer Support on Twitter" dataset (TWCS; Kaggle thoughtvector/customer-support-on-twitter).

A CSV of tweets between customers and the support accounts of brands, one tweet a row::

    tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id
    119238,ChaseSupport,False,Wed Oct 11 13:25:49 +0000 2017,"@105835 Your business ...",,119239

What the dataset is decides how it is stored (platform ``x``: it is Twitter data):

* ``tweet_id`` is the dataset's own numbering, not X's status id (a 2017 tweet has an id near
  9 × 10^17, these are in the thousands), so a post's id is ``twcs:<tweet_id>`` and it has no
  ``x.com`` link. Replies (``in_response_to_tweet_id``) and conversation ids use the same ids.
* ``author_id`` of a brand (``inbound`` False) is its real screen name: the brand gets an account
  like any handle-only source's (id = the lower-cased handle, ``https://x.com/<handle>``).
* ``author_id`` of a customer (``inbound`` True) is a number TWCS put in place of the person, and
  texts write customers as ``@105835`` too. A number is not the person's X handle, so customers
  get no account: their posts are stored under ``twcs:<number>`` (the same customer under the
  same id, so conversations and "who mentioned you" still count them), with no handle, and
  ``@<number>`` in a text is not taken for a mention. The reader says so once per file.

The conversation id is the tweet that started the chain of ``in_response_to_tweet_id`` links,
when the file holds the whole chain; a chain whose first tweets are not in the file has none
(its replies still point to their parent). Reading takes two passes over the file: the first
keeps each tweet's parent and author (ints and shared strings, for the 2.8 M tweets of the
full dataset a few hundred MB), the second builds the rows with the pure transformer
:func:`rows_from_twcs`. ``response_tweet_id`` repeats the reply links the other way: read
only to vouch for a last row without a line break (:class:`_LastRow`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from staffpulse.models import Account, Post, PostKind, normalize_handle
from staffpulse.sources.base import Item, Notice, Problem, parse_timestamp, provenance, register
from staffpulse.sources.csv_preamble import csv_columns, header_test, table_records
from staffpulse.sources.csv_short_rows import (
    cut_last_row_message,
    cut_row_message,
    ends_cut,
)
from staffpulse.sources.csv_tables import named_table, prepare_table
from staffpulse.sources.csvrows import CsvProblem, CsvRecord
from staffpulse.sources.native_records import HASHTAG_RE, URL_RE, check_formula_error
from staffpulse.sources.text_files import FILE_AGAIN
from staffpulse.sources.written import float_id
from staffpulse.sources.x_entities import decode_x_text
from staffpulse.sources.x_ids import handle_account
from staffpulse.store.core import Record

SOURCE_NAME = "twcs"
PLATFORM = "x"
ID_PREFIX = "twcs:"
COLUMNS = ("tweet_id", "author_id", "inbound", "text", "in_response_to_tweet_id")
# An X handle: up to 15 letters, digits or underscores (an e-mail address is not a mention).
X_MENTION_RE = re.compile(r"(?<![\w@])@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@])")
MAX_CHAIN = 10_000  # a loop of replies in a broken file must not hang the reader


@dataclass(frozen=True, slots=True)
class Thread:
    """What the rest of the file tells about one tweet: who wrote the tweet it answers (the
    author's account id) and the tweet that started its conversation, when the file has them."""

    parent_author: str | None = None
    root: str | None = None


def _tweet_id(row: Mapping[str, str], key: str) -> int | None:
    value = (row.get(key) or "").strip()
    if not value:
        return None
    # "3.0": a column of ids with blanks, as pandas saves it (the reply's parent), is 3
    value = float_id(value) or value
    if not value.isdigit():
        raise ValueError(f"{key} should be a number, got {value!r}")
    return int(value)


def _inbound(row: Mapping[str, str]) -> bool:
    value = (row.get("inbound") or "").strip().lower()
    if value not in ("true", "false"):
        raise ValueError(f"inbound should be True or False, got {row.get('inbound')!r}")
    return value == "true"


def _author(row: Mapping[str, str]) -> str:
    author = (row.get("author_id") or "").strip().lstrip("@")
    if not author:
        raise ValueError("row without 'author_id'")
    return author


def account_id(author: str, inbound: bool) -> str:
    """The stored id of a TWCS author: a brand's lower-cased handle, ``twcs:<n>`` for a
    customer (a number standing for the person)."""
    return f"{ID_PREFIX}{author}" if inbound else author.lower()


def rows_from_twcs(row: Mapping[str, str], thread: Thread | None = None) -> list[Account | Post]:
    """Pure transformer: one TWCS row → its post, and the brand's account when a brand wrote it.

    ``thread`` is what the rest of the file tells (:class:`ThreadIndex`); without it replies
    still point to their parent, but not to its author or the conversation. Raises ValueError.
    """
    thread = thread or Thread()
    tweet_id = _tweet_id(row, "tweet_id")
    if tweet_id is None:
        raise ValueError("row without 'tweet_id'")
    author, inbound = _author(row), _inbound(row)
    text = row.get("text")
    if text is None:
        raise ValueError("row without 'text'")
    check_formula_error(text, "text")  # "@AcmeHelp ..." re-saved by a spreadsheet: #NAME?
    text = decode_x_text(text)
    parent = _tweet_id(row, "in_response_to_tweet_id")
    kind: PostKind = "reply" if parent is not None else "original"
    post_id = f"{ID_PREFIX}{tweet_id}"
    parent_author = thread.parent_author
    mentions = (m.lower() for m in X_MENTION_RE.findall(text) if not m.isdigit())
    post = Post(
        platform=PLATFORM,
        id=post_id,
        author_id=account_id(author, inbound),
        author_handle="" if inbound else author,
        text=text,
        created_at=parse_timestamp(row.get("created_at")),
        kind=kind,
        reply_to_post_id=f"{ID_PREFIX}{parent}" if parent is not None else None,
        reply_to_account_id=parent_author,
        reply_to_handle=normalize_handle(parent_author)
        if parent_author and not parent_author.startswith(ID_PREFIX)
        else None,
        conversation_id=f"{ID_PREFIX}{thread.root}" if thread.root else None,
        mentions=tuple(dict.fromkeys(mentions)),
        hashtags=tuple(HASHTAG_RE.findall(text)),
        urls=tuple(URL_RE.findall(text)),
    )
    if inbound:
        return [post]
    return [handle_account(author), post]  # the dataset has no profiles


class _LastRow:
    """The last row of a file that ends in it without a line break: whole, and read, when the
    rest of the file vouches for its last cell, the id of the post it answers (that post
    lists it among its replies; answering none, no post lists it). A sheet saved again may
    end so; a copy cut there ("12" cut to "1") would link it to another post."""

    def __init__(self, values: Mapping[str, str]) -> None:
        self._id = (values.get("tweet_id") or "").strip()
        self._parent = (values.get("in_response_to_tweet_id") or "").strip()
        self._last_cell = list(values)[-1:] == ["in_response_to_tweet_id"]
        self._listed_by: set[str] = set()

    def seen(self, values: Mapping[str, str]) -> bool:
        """Note whom ``values`` lists among its replies; True when the row still looks cut."""
        replies = (values.get("response_tweet_id") or "").split(",")
        if self._id and self._id in (reply.strip() for reply in replies):
            self._listed_by.add((values.get("tweet_id") or "").strip())
        if not self._last_cell:
            return True
        return self._parent not in self._listed_by if self._parent else bool(self._listed_by)


class ThreadIndex:
    """Each tweet's parent and author in one file (its first pass), to link replies to their
    author and find the tweet each conversation started with."""

    def __init__(self) -> None:
        self._parents: dict[int, int] = {}
        self._authors: dict[int, str] = {}

    def add(self, row: Mapping[str, str]) -> None:
        """Note one row; a malformed one is left out (the second pass reports it)."""
        try:
            tweet_id = _tweet_id(row, "tweet_id")
            parent = _tweet_id(row, "in_response_to_tweet_id")
            author = account_id(_author(row), _inbound(row))
        except ValueError:
            return
        if tweet_id is None:
            return
        self._authors[tweet_id] = sys.intern(author)  # a brand's id is shared by its tweets
        if parent is not None:
            self._parents[tweet_id] = parent

    def thread(self, row: Mapping[str, str]) -> Thread:
        try:
            tweet_id = _tweet_id(row, "tweet_id")
        except ValueError:
            return Thread()
        if tweet_id is None:
            return Thread()
        parent = self._parents.get(tweet_id)
        top, steps = tweet_id, 0
        while top in self._parents and steps < MAX_CHAIN:
            top, steps = self._parents[top], steps + 1
        # The root is known when the chain ends at a tweet of the file that answers nothing.
        root = top if top in self._authors and top not in self._parents else None
        return Thread(
            parent_author=self._authors.get(parent) if parent is not None else None,
            root=str(root) if root is not None else None,
        )


def _customers_note(customers: Mapping[str, int]) -> str:
    posts, people = sum(customers.values()), len(customers)
    example = next(iter(customers))
    return (
        f"{posts:,} post{'' if posts == 1 else 's'} by {people:,} "
        f"customer{'' if people == 1 else 's'}, whom the dataset names only by a number, "
        f"{'was' if posts == 1 else 'were'} kept without an account (under ids like "
        f"{example}): they count in the brands' conversations, but a number is not an X "
        "handle, so they cannot be audited or followed"
    )


@header_test
def is_twcs_header(columns: set[str]) -> bool:
    return set(COLUMNS) <= columns


class Twcs:
    name = SOURCE_NAME
    label = "Customer Support on Twitter (TWCS) CSV"

    def sniff(self, path: Path, head: bytes) -> bool:
        if not named_table(path, head):
            return False
        return is_twcs_header(csv_columns(head))

    def read(self, path: Path) -> Iterator[Item]:
        encoding, above, notices = prepare_table(path)
        yield from notices
        index = ThreadIndex()
        last = 0  # the line of the last row: cut when the file ends in it without a break
        last_values: Mapping[str, str] = {}
        for found in table_records(path, encoding, above):
            if isinstance(found, CsvRecord) and not found.missing:
                index.add(found.values)
            last, last_values = found.line, found.values if isinstance(found, CsvRecord) else {}
        cut = _LastRow(last_values) if ends_cut(path, encoding.codec) else None
        brands: set[str] = set()
        customers: dict[str, int] = {}  # account id -> posts
        for row in table_records(path, encoding, above):
            if isinstance(row, CsvProblem):
                yield Problem(str(path), row.line, row.message)
                continue
            if row.missing:
                # TWCS rows are written whole (by pandas): read as it is, a cut one would pass
                # for an original post with the cut text
                lost = "its text may be too, and its reply link is lost"
                yield Problem(str(path), row.line, cut_row_message(row, lost, FILE_AGAIN))
                continue
            if cut is not None and cut.seen(row.values) and row.line == last:
                # its reply's id may have lost its end, and come in linked to another post
                lost = "its text, or the id of the post it answers, may have lost its end"
                yield Problem(str(path), row.line, cut_last_row_message(lost, FILE_AGAIN))
                continue
            try:
                rows = rows_from_twcs(row.values, index.thread(row.values))
            except ValueError as exc:
                yield Problem(str(path), row.line, str(exc))
                continue
            for made in rows:
                if isinstance(made, Post) and not made.author_handle:
                    customers[made.author_id] = customers.get(made.author_id, 0) + 1
            # Each brand's account once per file, with its first post.
            new = tuple(r for r in rows if isinstance(r, Post) or r.id not in brands)
            brands.update(r.id for r in rows if isinstance(r, Account))
            yield Record(rows=new, provenance=provenance(self.name, path, row.line), raw=row.values)
        if customers:
            yield Notice(str(path), _customers_note(customers))


register(Twcs())
