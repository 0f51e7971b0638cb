"""The bundled sample cohort: where it is installed, and whether a store holds nothing else.

A store *is the bundled sample* when it has posts and every one of them was imported from the
sample's ``cohort.jsonl``, as the importer records it in ``raw_payloads.location``. This one
rule, read from provenance rather than from what the accounts look like, decides the "Sample
data" badge of the HTML audit report and of the dashboard, the dashboard's default cohort and
the inbox's replay of the sample's fixed dates, and the audit's clock (:func:`sample_clock`). Once the user's own data joins the sample, the
store is theirs and none of these apply.

The module imports nothing heavy, so the report, the dashboard and the listener can all use it.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from staffpulse.store import Store

SAMPLE_DIR = Path(__file__).resolve().parent / "sample"
# How the importer's recorded location of the sample ends (either separator: the store may
# have been built on Windows). A suffix, not the full path: a store built before the package
# moved (a new virtualenv) still holds the sample.
_SAMPLE_LOCATIONS = ("%/staffpulse/sample/cohort.jsonl", "%\\staffpulse\\sample\\cohort.jsonl")


def is_bundled_sample(store: Store) -> bool:
    """True when the store has posts and every one came from the bundled sample cohort."""
    return holds_only_the_sample(store.conn)


def holds_only_the_sample(conn: sqlite3.Connection) -> bool:
    """:func:`is_bundled_sample` on a connection (one opened read-only, say)."""
    row = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM posts), NOT EXISTS (SELECT 1 FROM posts p"
        " LEFT JOIN raw_payloads r ON r.id = p.raw_id"
        " WHERE r.location IS NULL OR NOT (r.location LIKE ? OR r.location LIKE ?))",
        _SAMPLE_LOCATIONS,
    ).fetchone()
    return bool(row[0]) and bool(row[1])


def holds_the_sample_and_more(store: Store) -> bool:
    """True when some posts came from the bundled sample and some did not: the demo's store
    after the user imported their own data, where the sample's cohort file no longer applies
    (its segments would leave the user's accounts out of the comparison)."""
    row = store.conn.execute(
        "SELECT EXISTS (SELECT 1 FROM posts p JOIN raw_payloads r ON r.id = p.raw_id"
        " WHERE r.location LIKE ? OR r.location LIKE ?)",
        _SAMPLE_LOCATIONS,
    ).fetchone()
    return bool(row[0]) and not holds_only_the_sample(store.conn)


def sample_clock(store: Store) -> datetime | None:
    """The time a store that holds only the sample is read as of: an hour after its newest
    post, as the inbox replays it (None for any other store). The sample's dates are fixed, so
    months after it was written an audit of it would otherwise call every account gone quiet
    and tell it to post again first."""
    if not is_bundled_sample(store):
        return None
    from staffpulse.store.codec import parse_time

    newest = parse_time(store.conn.execute("SELECT MAX(created_at) FROM posts").fetchone()[0])
    return None if newest is None else newest + timedelta(hours=1)
