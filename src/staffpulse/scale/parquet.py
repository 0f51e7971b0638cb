"""The Parquet tables ``staffpulse score`` writes, each with one fixed schema.

Every part is written with its table's schema, even a part with no rows (a shard of users
only, or one whose posts were all met before): left to infer, pyarrow typed such a part's
every column ``null``, and a folder whose first part was one could not be read at all
(pandas: "Unsupported cast from string to null"); after a typed part, the probabilities came
out as objects. docs/scale.md lists these schemas for the people who read the files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from staffpulse.extras import require
from staffpulse.scale.scoring import KIND_COUNTS
from staffpulse.signals.text import SIGNAL_NAMES

# Times are instants in UTC, to the millisecond (Bluesky and Mastodon give milliseconds; the
# account's first and last post are whole seconds, and Parquet has no unit of seconds).
_TEXT, _COUNT, _SHARE = "string", "int64", "float64"
POST_TYPES: dict[str, str] = {
    "platform": _TEXT,
    "post_id": _TEXT,
    "author_id": _TEXT,
    "author_handle": _TEXT,
    "kind": _TEXT,
    "created_at": "timestamp[ms, UTC]",
    "not_english": "bool",
    **dict.fromkeys(SIGNAL_NAMES, _SHARE),
}
ACCOUNT_TYPES: dict[str, str] = {
    "platform": _TEXT,
    "author_id": _TEXT,
    "handle": _TEXT,
    **dict.fromkeys((*KIND_COUNTS, "not_english", "mix_posts"), _COUNT),
    "job_ads": _COUNT,
    "job_share": _SHARE,
    "voice_posts": _COUNT,
    **dict.fromkeys(
        (
            "personality_share",
            "humor_share",
            "exact_copy_share",
            "reply_share",
            "mention_share",
            "share_share",
        ),
        _SHARE,
    ),
    "accounts_engaged_30d": _COUNT,
    "accounts_engaged_90d": _COUNT,
    "first_post": "timestamp[ms, UTC]",
    "last_post": "timestamp[ms, UTC]",
    **dict.fromkeys(("mix", "voice", "conversation"), _SHARE),
}


def _arrow_type(pa: Any, name: str) -> Any:
    if name.startswith("timestamp"):
        unit = name[len("timestamp[") : name.index(",")]
        return pa.timestamp(unit, tz="UTC")
    return {_TEXT: pa.string(), _COUNT: pa.int64(), _SHARE: pa.float64(), "bool": pa.bool_()}[name]


def build_schema(types: dict[str, str]) -> Any:
    """The pyarrow schema of a table described by ``types`` (column -> type name)."""
    pa = require("pyarrow", extra="dask", feature="Writing Parquet")
    return pa.schema([(column, _arrow_type(pa, kind)) for column, kind in types.items()])


def write_posts(columns: dict[str, list[Any]], path: Path) -> None:
    """One ``posts/part-NNNNN.parquet``: the per-post columns of a shard, possibly none."""
    pa = require("pyarrow", extra="dask", feature="Writing Parquet")
    parquet = require("pyarrow.parquet", extra="dask", feature="Writing Parquet")
    schema = build_schema(POST_TYPES)
    table = pa.table({name: columns[name] for name in POST_TYPES}, schema=schema)
    parquet.write_table(table, path)


def write_accounts(rows: list[dict[str, Any]], path: Path) -> None:
    """``accounts.parquet``: one row per account, with every column of ACCOUNT_TYPES."""
    pa = require("pyarrow", extra="dask", feature="Writing Parquet")
    parquet = require("pyarrow.parquet", extra="dask", feature="Writing Parquet")
    for row in rows[:1]:
        # from_pylist would drop a column the schema lacks without a word
        if set(row) != set(ACCOUNT_TYPES):
            raise ValueError(f"account columns {sorted(row)} differ from the Parquet schema")
    table = pa.Table.from_pylist(rows, schema=build_schema(ACCOUNT_TYPES))
    parquet.write_table(table, path)
