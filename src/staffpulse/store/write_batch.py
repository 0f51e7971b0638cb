"""One batch of records made ready for :meth:`~staffpulse.store.core.Store.write_records`:
raw payloads stored once each, every row placed with where it came from (or left out, with
why, when the store cannot hold it), and the rows sorted into their tables' upsert parameters
with what an import's tally counts of each."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from staffpulse.models import Account, Follow, Post
from staffpulse.store.codec import (
    account_params,
    count_out_of_range,
    follow_params,
    format_time,
    observed_time,
    payload_text,
    post_params,
    rows_where_in,
)
from staffpulse.store.control_characters import row_without_controls
from staffpulse.store.handle_keys import HandleKeys
from staffpulse.store.tally import ONE_RECORD_A_LINE

if TYPE_CHECKING:
    from staffpulse.store.core import Record

# The sources whose records are live API responses: their profiles and counts are as of the
# response (Provenance.retrieved_at). A file's rows say when they were observed, if at all.
FETCHED = frozenset({"x-api", "bluesky-api", "mastodon-api"})

Row = Account | Post | Follow
Origin = tuple[str, int | None]  # (location, line)
# per row written: (kind, platform, id, id2, label, declared by a line of its file)
Tallied = tuple[str, str, str, str, str, bool]
Alias = tuple[str, str, str]  # (platform, alias, post id)
Link = tuple[str, str, str | None, str | None]  # (platform, id, reply_to_post_id, quoted_post_id)
Payload = tuple[str, str]  # a raw payload's SHA-256 (hex) and its text, as the store keeps it


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A row left out of a write, with where it came from and why."""

    location: str
    line: int | None
    message: str


@dataclass(frozen=True, slots=True)
class PlacedRow:
    """A row to write, with its raw payload's id and where it came from."""

    row: Row
    raw_id: int | None
    origin: Origin
    fetched: str | None  # the fetch's time: what a fetch wrote is as of the fetch
    declared: bool  # by a line of its own file (one record a line)


@dataclass
class SortedRows:
    """A batch's rows as upsert parameters, table by table. The posts keep their rows,
    origins and tally entries beside them, in step, until the author clashes are known."""

    accounts: list[tuple[Any, ...]] = field(default_factory=list)
    posts: list[tuple[Any, ...]] = field(default_factory=list)
    follows: list[tuple[Any, ...]] = field(default_factory=list)
    post_rows: list[Post] = field(default_factory=list)
    post_origins: list[Origin] = field(default_factory=list)
    post_tallied: list[Tallied] = field(default_factory=list)
    tallied: list[Tallied] = field(default_factory=list)  # the accounts' and follows'


def raw_payloads(records: Sequence[Record]) -> list[Payload | None]:
    """Each record's raw payload as the store keeps it, with its digest (None: it has none).
    Made once a batch, for the store and for an import's check of lines found again in a file
    (staffpulse.ingest_repeats), which compares the same digests."""
    found: list[Payload | None] = []
    for record in records:
        if record.raw is None:
            found.append(None)
            continue
        payload = payload_text(record.raw)
        found.append(
            (hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest(), payload)
        )
    return found


def store_raw_payloads(
    conn: sqlite3.Connection,
    records: Sequence[Record],
    payloads: Sequence[Payload | None] | None = None,
) -> list[int | None]:
    """Store each record's raw payload once (keyed by SHA-256); the row id of each record's.
    ``payloads``: the records' :func:`raw_payloads`, when the caller made them already."""
    digests: list[str | None] = []
    fresh: dict[str, tuple[Any, ...]] = {}
    if payloads is None:
        payloads = raw_payloads(records)
    for record, found in zip(records, payloads, strict=True):
        if found is None:
            digests.append(None)
            continue
        digest, payload = found
        digests.append(digest)
        if digest not in fresh:
            prov = record.provenance
            fresh[digest] = (
                digest,
                prov.source,
                prov.location,
                prov.line,
                prov.tool_version,
                format_time(prov.retrieved_at),
                payload,
            )
    if not fresh:
        return [None] * len(records)
    conn.executemany(
        "INSERT OR IGNORE INTO raw_payloads (sha256, source, location, line, tool_version,"
        " retrieved_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?)",
        fresh.values(),
    )
    sql = "SELECT id, sha256 FROM raw_payloads WHERE sha256 IN ({marks})"
    ids = {row[1]: row[0] for row in rows_where_in(conn, sql, (), list(fresh))}
    return [ids[d] if d is not None else None for d in digests]


def place_rows(
    records: Sequence[Record], raw_ids: Sequence[int | None]
) -> tuple[list[PlacedRow], list[LeftOut]]:
    """Every row of the records with its payload and origin, but a row with a count SQLite
    cannot hold, which is left out (the second list) rather than fail the whole batch."""
    placed: list[PlacedRow] = []
    left_out: list[LeftOut] = []
    for record, raw_id in zip(records, raw_ids, strict=True):
        prov = record.provenance
        origin = (prov.location, prov.line)
        fetched = format_time(prov.retrieved_at) if prov.source in FETCHED else None
        declared = prov.source in ONE_RECORD_A_LINE and prov.line is not None
        for row in record.rows:
            if (why := count_out_of_range(row)) is not None:
                left_out.append(LeftOut(*origin, why))
                continue
            # a NUL or an ESC from any source, a platform's API too (control_characters.py)
            placed.append(PlacedRow(row_without_controls(row), raw_id, origin, fetched, declared))
    return placed, left_out


def sort_rows(placed: Iterable[PlacedRow], handles: HandleKeys, now: str) -> SortedRows:
    """The placed rows, filed under the accounts their handle keys stand for, as upsert
    parameters of their tables."""
    batch = SortedRows()
    for item in placed:
        row = handles.apply(item.row)
        said = item.declared
        if isinstance(row, Post):
            observed = item.fetched or observed_time(row.observed_at)
            batch.posts.append(post_params(row, item.raw_id, now, observed))
            batch.post_rows.append(row)
            batch.post_origins.append(item.origin)
            batch.post_tallied.append(("post", row.platform, row.id, "", row.id, said))
        elif isinstance(row, Account):
            observed = item.fetched or observed_time(row.observed_at)
            batch.accounts.append(account_params(row, item.raw_id, now, observed))
            batch.tallied.append(("account", row.platform, row.id, "", row.handle, said))
        else:
            batch.follows.append(follow_params(row, now))
            batch.tallied.append(
                ("follow", row.platform, row.follower_id, row.followee_id, "", said)
            )
    return batch


def links_of_posts(
    posts: Iterable[Post],
) -> tuple[list[Alias], list[Link], dict[tuple[str, str], str]]:
    """What the written posts link: their other ids (aliases), the posts they reply to or
    quote, and each post's kind, once a post."""
    aliases: list[Alias] = []
    links: list[Link] = []
    kinds: dict[tuple[str, str], str] = {}
    for row in posts:
        aliases.extend((row.platform, a, row.id) for a in row.aliases)
        if row.reply_to_post_id or row.quoted_post_id:
            links.append((row.platform, row.id, row.reply_to_post_id, row.quoted_post_id))
        kinds[(row.platform, row.id)] = row.kind
    return aliases, links, kinds
