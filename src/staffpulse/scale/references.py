"""The second step of the reduce: the authors of shared posts that were in another shard.

A repost or quote names the post it shares by id; when that post was scored in another
shard, its author is only known once every shard is done. The per-post tables written by
then hold every post scored, once, with its author, so the driver reads back four of their
columns, part by part, keeping only the rows asked for: a cheap read, and no map of every
post kept in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from staffpulse.extras import require
from staffpulse.scale.conversation import TalkPartial
from staffpulse.sources.bluesky import author_of_uri

_COLUMNS = ["platform", "post_id", "author_id", "author_handle"]


def wanted_posts(talks: Iterable[tuple[str, TalkPartial]]) -> dict[str, set[str]]:
    """platform -> ids of the shared posts still pending in these (platform, partial) pairs."""
    wanted: dict[str, set[str]] = {}
    for platform, talk in talks:
        for exchange, _ts in talk.pending:
            wanted.setdefault(platform, set()).add(exchange.shared_id)
    return wanted


def read_shared_authors(
    posts_dir: Path, wanted: Mapping[str, set[str]]
) -> dict[str, dict[str, str]]:
    """platform -> post id -> its author's handle (else id), in lower case, for the ``wanted``
    posts the ``posts_dir`` parts hold, as the audit reads them from its store
    (``audit.loader.ref_authors``). A Bluesky post that was not scored still names its author
    in its URI: the author's handle when a post of theirs was scored, else the DID."""
    if not any(wanted.values()):
        return {}
    pa = require("pyarrow", extra="dask", feature="Reading Parquet")
    compute = require("pyarrow.compute", extra="dask", feature="Reading Parquet")
    parquet = require("pyarrow.parquet", extra="dask", feature="Reading Parquet")
    ids = sorted(set().union(*wanted.values()))
    dids = sorted({did for pid in ids if (did := author_of_uri(pid))})
    found: dict[str, dict[str, str]] = {}
    handles: dict[tuple[str, str], str] = {}  # (platform, DID) -> a handle it posted under
    id_set, did_set = pa.array(ids, pa.string()), pa.array(dids, pa.string())
    for part in sorted(posts_dir.glob("part-*.parquet")):
        table = parquet.read_table(part, columns=_COLUMNS)
        hits = compute.is_in(table["post_id"], value_set=id_set)
        if dids:
            hits = compute.or_(hits, compute.is_in(table["author_id"], value_set=did_set))
        for platform, post_id, author_id, handle in zip(
            *(table.filter(hits)[name].to_pylist() for name in _COLUMNS), strict=True
        ):
            if post_id in wanted.get(platform, ()):
                found.setdefault(platform, {}).setdefault(
                    post_id, (handle or author_id or "").lower()
                )
            if author_id in dids and handle:
                handles.setdefault((platform, author_id), handle.lower())
    for platform, pids in wanted.items():
        known = found.setdefault(platform, {})
        for pid in pids - known.keys():
            did = author_of_uri(pid)
            if did:
                known[pid] = handles.get((platform, did), did.lower())
    return found
