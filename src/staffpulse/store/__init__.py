"""The SQLite store (WAL mode, named migrations, idempotent upserts)."""

from staffpulse.store.core import Record, Store, WriteCounts, discard_store_if_empty, open_store
from staffpulse.store.migrations import register_migration
from staffpulse.store.reads import AccountSummary

__all__ = [
    "AccountSummary",
    "Record",
    "Store",
    "WriteCounts",
    "discard_store_if_empty",
    "open_store",
    "register_migration",
]
