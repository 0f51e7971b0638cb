"""CSV written by ``twarc2 csv`` (twarc-csv): tweets or users, dotted column names.

Tweet files have ``id``, ``text``, ``author_id``, ``author.username``, and the
``referenced_tweets.{retweeted,replied_to,quoted}.id`` columns that give the kind (same mapping
as twarc2 JSONL; an ``in_reply_to_user_id`` without a replied_to id is a reply whose parent
is gone). List columns (``entities.mentions``, ``entities.hashtags``,
``entities.urls``) are JSON lists. User files have ``username`` and
``public_metrics.followers_count``. twarc-csv writes newlines in text as ``\\n``.

A row holds two items, the tweet and its author: a malformed one is reported and skipped, the
other kept. Tweets without a date are dated from their ids (kept undated when the id is from
before November 2010), and the reader says so once per file. A quote names the quoted author
first among its mentions, from the link to the quoted tweet in ``entities.urls`` (a row never
holds the quoted tweet's author). Rows are
read by :mod:`staffpulse.sources.csvrows`, as the staffpulse CSV's are (a quote left open
costs its own row only). What a spreadsheet changed in a file saved from it (ids rounded, dates
rewritten) is told once for the file (:mod:`staffpulse.sources.twarc_csv_sheets`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from staffpulse.models import Account, Post, PostKind, normalize_handle
from staffpulse.report.counts import join_and, join_or
from staffpulse.sources.bad_counts import BadCounts
from staffpulse.sources.base import Item, Notice, Problem, provenance, register
from staffpulse.sources.csv_decimals import DecimalMark
from staffpulse.sources.csv_preamble import csv_columns, header_test, import_table
from staffpulse.sources.csv_short_rows import cut_row_message
from staffpulse.sources.csv_tables import named_table, prepare_table
from staffpulse.sources.csvrows import CsvProblem, CsvRecord, repeated_header_note
from staffpulse.sources.native_records import check_formula_error
from staffpulse.sources.observed import observed_by_newest_post, read_time, with_observed
from staffpulse.sources.reply_handles import answered_handle
from staffpulse.sources.twarc2 import ITEM_ERRORS
from staffpulse.sources.twarc_csv_sheets import (
    COUNT_TO_DO,
    WRITING,
    SheetEdits,
    WrittenDate,
    count_columns,
    joined_at,
    posted_at,
    read_date,
)
from staffpulse.sources.twarc_csv_sheets import cell as _get
from staffpulse.sources.twarc_csv_sheets import cell_count as _int
from staffpulse.sources.written_lists import written_list
from staffpulse.sources.x_entities import decode_x_text
from staffpulse.sources.x_ids import quoted_author_first
from staffpulse.sources.x_v2_gaps import FieldGaps
from staffpulse.sources.zeroed_ids import ZeroedIds, csv_cells, csv_with, link_columns
from staffpulse.store.core import Record

PLATFORM = "x"
TWEET_MARKERS = {"id", "text", "author_id"}
# twarc2's dotted names: one of them beside the markers tells its file from a staffpulse CSV,
# even after columns a sheet did not need were taken out (twarc2 writes some 80)
TWARC_PREFIXES = ("referenced_tweets.", "author.", "public_metrics.", "entities.", "__twarc.")
# The columns that tell a tweet's kind, and the posts read as originals without them
KIND_COLUMNS = {
    "referenced_tweets.retweeted.id": "reposts",
    "referenced_tweets.replied_to.id": "replies",
    "referenced_tweets.quoted.id": "quotes",
}
USER_MARKERS = {"id", "username", "public_metrics.followers_count"}
# The ids that make a row: the tweet's (a user's), its author's, and those telling its kind
OWN_IDS = frozenset({"id", "author_id", "author.id", "in_reply_to_user_id", *KIND_COLUMNS})
# What to do about a file cut short (a copy or download that stopped)
AGAIN = "make the CSV again with twarc2 csv from its JSONL, or copy the file again"


def _list(row: Mapping[str, str | None], key: str) -> list[str]:
    """A list cell: JSON (twarc2 csv's default), or as Python writes a list (with
    ``--no-json-encode-lists``: ``['@jane', '@bob']``, read whole, not cut at its spaces into
    "['@jane'," and "'@bob']"), or words."""
    value = _get(row, key)
    if value is None:
        return []
    listed = written_list(value)
    return listed if listed is not None else value.split()


def account_from_csv(
    row: Mapping[str, str | None], prefix: str = "", user_id: str | None = None
) -> Account | None:
    """The account of a users file's row, or of a tweet's author (``prefix`` ``author.``);
    ``user_id``: the author's id when the row has no ``author.id`` (taken out in a sheet)."""
    user_id, handle = _get(row, f"{prefix}id") or user_id, _get(row, f"{prefix}username")
    if user_id is None or handle is None:
        return None
    return Account(
        platform=PLATFORM,
        id=user_id,
        handle=handle,
        display_name=_get(row, f"{prefix}name") or "",
        name_known=f"{prefix}name" in row,
        bio=decode_x_text((_get(row, f"{prefix}description") or "").replace("\\n", "\n")),
        bio_known=f"{prefix}description" in row,
        avatar_url=_get(row, f"{prefix}profile_image_url"),
        followers=_int(row, f"{prefix}public_metrics.followers_count"),
        following=_int(row, f"{prefix}public_metrics.following_count"),
        post_count=_int(row, f"{prefix}public_metrics.tweet_count"),
        created_at=joined_at(row, prefix),
        url=f"https://x.com/{handle}",
        verified=(_get(row, f"{prefix}verified") or "").lower() == "true",
    )


def rows_from_twarc_csv(
    row: Mapping[str, str | None],
    errors: list[str] | None = None,
    posted: WrittenDate | None = None,
) -> list[Account | Post]:
    """Pure transformer: one twarc-csv tweet row → the author and the post.

    With an ``errors`` list, a malformed author or tweet is described there and left out, and
    the other is kept; without one it raises ValueError. ``posted`` is the row's
    ``created_at`` when the caller read it already (read here otherwise).
    """
    tweet_id, author_id = _get(row, "id"), _get(row, "author_id")
    if tweet_id is None or author_id is None:
        raise ValueError("row without 'id' or 'author_id'")
    rows: list[Account | Post] = []
    try:
        author = account_from_csv(row, "author.", author_id)
    except ITEM_ERRORS as exc:
        if errors is None:
            raise
        errors.append(f"author (user {author_id}) of tweet {tweet_id}: {exc}; the tweet is kept")
        author = None
    if author is not None:
        rows.append(author)
    try:
        rows.append(_post(row, tweet_id, author_id, posted or read_date(row)))
    except ITEM_ERRORS as exc:
        if errors is None:
            raise
        errors.append(f"tweet {tweet_id}: {exc}")
    return rows


def _earlier_versions(row: Mapping[str, str | None], tweet_id: str) -> tuple[str, ...]:
    """The ids of the earlier versions of a tweet edited, when this row is its latest one
    (``edit_history_tweet_ids``, oldest first, written as a JSON or Python list): a store
    holding one from an older search has it replaced by this one, not counted twice."""
    history = re.findall(r"\d+", _get(row, "edit_history_tweet_ids") or "")
    if history[-1:] != [tweet_id]:
        return ()
    return tuple(dict.fromkeys(version for version in history if version != tweet_id))


def _post(
    row: Mapping[str, str | None], tweet_id: str, author_id: str, posted: WrittenDate
) -> Post:
    check_formula_error(_get(row, "text"), "text")  # "@jane thanks!" re-saved as #NAME?
    retweeted = _get(row, "referenced_tweets.retweeted.id")
    replied = _get(row, "referenced_tweets.replied_to.id")
    quoted = _get(row, "referenced_tweets.quoted.id")
    # the account answered is named even when the parent tweet is gone (deleted)
    answered = _get(row, "in_reply_to_user_id")
    kind: PostKind = (
        "repost"
        if retweeted
        else "reply"
        if replied or answered
        else "quote"
        if quoted
        else "original"
    )
    handle = _get(row, "author.username") or ""  # even when the rest of the author is bad
    # a long post's whole text, when the search asked for tweet.fields=note_tweet
    text = decode_x_text(
        (_get(row, "note_tweet.text") or _get(row, "text") or "").replace("\\n", "\n")
    )
    reply_handle = _get(row, "in_reply_to_username")
    if kind == "reply" and not reply_handle:  # no user expanded: the @name the text opens with
        reply_handle = answered_handle(
            text, answered_id=answered, author_id=author_id, author_handle=handle, mentioned={}
        )
    mentions = tuple(dict.fromkeys(normalize_handle(m) for m in _list(row, "entities.mentions")))
    urls = tuple(_list(row, "entities.urls"))
    if kind == "quote" and quoted:
        mentions = quoted_author_first(mentions, urls, quoted)
    return Post(
        platform=PLATFORM,
        id=tweet_id,
        author_id=author_id,
        author_handle=handle,
        text=text,
        created_at=posted_at(posted, tweet_id),
        lang=_get(row, "lang"),
        kind=kind,
        reply_to_post_id=replied if kind == "reply" else None,
        reply_to_account_id=answered if kind == "reply" else None,
        reply_to_handle=normalize_handle(reply_handle)
        if reply_handle and kind == "reply"
        else None,
        conversation_id=_get(row, "conversation_id"),
        quoted_post_id=quoted,
        reposted_post_id=retweeted,
        mentions=mentions,
        hashtags=tuple(h.lstrip("#") for h in _list(row, "entities.hashtags")),
        urls=urls,
        likes=_int(row, "public_metrics.like_count"),
        reposts=_int(row, "public_metrics.retweet_count"),
        replies=_int(row, "public_metrics.reply_count"),
        quotes=_int(row, "public_metrics.quote_count"),
        url=f"https://x.com/{handle}/status/{tweet_id}" if handle else None,
        aliases=_earlier_versions(row, tweet_id),
    )


@header_test
def is_twarc_header(columns: set[str]) -> bool:
    """twarc2's CSV of tweets, or of users (which has no text)."""
    if columns >= TWEET_MARKERS and any(c.startswith(TWARC_PREFIXES) for c in columns):
        return True
    return columns >= USER_MARKERS and "text" not in columns


def kinds_note(header: Sequence[str]) -> str | None:
    """What a twarc2 CSV of tweets without the columns of their kinds reads as the authors'
    own posts (the columns taken out in a spreadsheet); None when it has them all."""
    present = set(header)
    gone = [c for c in KIND_COLUMNS if c not in present]
    if "in_reply_to_user_id" in present:  # a reply is told by whom it answers too
        gone = [c for c in gone if KIND_COLUMNS[c] != "replies"]
    if not gone:
        return None
    names, kinds = join_or(gone), join_and([KIND_COLUMNS[c] for c in gone])
    return (
        f"this twarc2 CSV has no {names} column (taken out in a"
        f" spreadsheet?), so its {kinds} were read as the authors' own posts;"
        " make the CSV again with twarc2 csv from its JSONL, keeping those columns, and import"
        " it again (nothing is stored twice)"
    )


class TwarcCsv:
    name = "twarc-csv"
    label = "twarc2 CSV"

    def sniff(self, path: Path, head: bytes) -> bool:
        # a table's name, not .csv only: Excel saves "Unicode text" as .txt, and read as a
        # staffpulse CSV the tweets lost their kinds, links and authors
        if not named_table(path, head):
            return False
        return is_twarc_header(csv_columns(head))

    def read(self, path: Path) -> Iterator[Item]:
        gaps = FieldGaps()
        # nothing replaced silently: an encoding guessed is told, and so are a report's title
        # above the header (read below it, as the sniff read it) and a name that is no CSV's
        encoding, above, notices = prepare_table(path)
        yield from notices
        with path.open(encoding=encoding.codec, errors=encoding.errors, newline="") as handle:
            # The importer's CSV reader: a stray quote is reported where it opened and the
            # rows after it are still read (csv.DictReader would swallow them into one cell).
            table = import_table(handle, above)
            users = "text" not in table.header
            if not users and (kinds := kinds_note(table.header)) is not None:
                yield Notice(str(path), kinds)
            # ids rounded (1.60E+18), dates rewritten, counts written 1.2K: told once for all
            # "1.400" read as 1400 where the file's other numbers show its comma marks decimals
            decimals = DecimalMark(
                path, encoding, above, WRITING, frozenset(count_columns(table.header))
            )
            sheet = SheetEdits(str(path), table.header, counts=BadCounts(COUNT_TO_DO, decimals))
            # A last line without a line break is no sign of a cut: a sheet saved again
            # (Google Sheets) ends so, and a cut inside a quoted cell is told by the reader
            # ids saved as 1712345678901230000 (a number column keeps 15 digits): told once
            # (one only in a link, as conversation_id: the tweet kept without the link)
            links = link_columns(sheet.id_columns, OWN_IDS)
            zeroed = ZeroedIds[CsvRecord | CsvProblem](
                str(path), sheet.id_columns, table.written, links=links
            )
            for row in zeroed.kept(table.records(), csv_cells, csv_with):
                if isinstance(row, CsvProblem):
                    yield Problem(str(path), row.line, row.message)
                    continue
                if row.missing:  # twarc-csv (pandas) writes every cell: the line was cut
                    told = cut_row_message(row, "its last cells' values are lost", AGAIN)
                    yield Problem(str(path), row.line, told)
                    continue
                if sheet.skip_rounded(row.values, row.line):  # opened in Excel, saved
                    continue
                number = row.line
                values = sheet.readable_counts(sheet.whole_ids(row.values), number)
                errors: list[str] = []
                # read once, for the post and for the file's note on the dates it could not
                # (a users file's created_at is the account's, read by joined_at)
                posted = WrittenDate(None) if users else read_date(values)
                try:
                    if users:
                        account = account_from_csv(values)
                        if account is None:
                            raise ValueError("row without 'id' or 'username'")
                        rows: list[Account | Post] = [account]
                    else:
                        rows = rows_from_twarc_csv(values, errors, posted)
                except ITEM_ERRORS as exc:
                    yield Problem(str(path), number, str(exc))
                    continue
                for message in errors:  # each counts in the import's skipped total
                    yield Problem(str(path), number, message)
                sheet.note_dates(row.values, rows, users, posted)
                dated = _get(row.values, "created_at") is not None
                for item in rows:
                    if isinstance(item, Post):
                        gaps.add_post(item, dated_by_data=dated)
                # as of twarc's retrieval (its __twarc columns), else of the row's newest tweet
                rows = with_observed(rows, read_time(_get(row.values, "__twarc.retrieved_at")))
                rows = observed_by_newest_post(rows)
                if rows:
                    yield Record(
                        rows=tuple(rows),
                        provenance=provenance(self.name, path, number),
                        raw=row.values,
                    )
            if table.repeated_headers:  # files joined with cat: said, as a staffpulse CSV's
                yield Notice(str(path), repeated_header_note(table.repeated_headers, table.sheet))
            if (unnamed := table.unnamed.note(table.header_line, table.sheet)) is not None:
                yield Notice(str(path), unnamed)
        if (zero_tailed := zeroed.problem()) is not None:
            yield zero_tailed
        yield from zeroed.notices()
        yield from sheet.told()
        # Told once per file as a Notice, not a Problem: these posts are kept, not skipped.
        for message in gaps.messages():
            yield Notice(str(path), message)


register(TwarcCsv())
