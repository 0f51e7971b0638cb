"""How the topic model (:mod:`staffpulse.listen.topics`) is kept in the store.

``listen_topic_state`` holds two blobs: the model's parameters and document frequencies
(:data:`STATE_KEY`) and the latest "other conversations" it remembers (:data:`SEEDS_KEY`: their
keys, label words and vectors). ``listen_topics`` holds one row a topic: its label, word counts,
centroid (a sparse vector), size and representative. A blob is a compressed NumPy archive of a
JSON header and a sparse vector (or matrix).
"""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np
import scipy.sparse as sp

from staffpulse.listen.topic_groups import Seeds
from staffpulse.store import Store

STATE_KEY = "topic_model"
SEEDS_KEY = "topic_seeds"


@dataclass
class Topic:
    id: int
    size: int = 0
    terms: Counter[str] = field(default_factory=Counter)
    representative: str | None = None
    representative_sim: float = 0.0
    label: str = ""
    theme: str | None = None  # the key of its workplace theme (topic_themes), if it is one


@dataclass(frozen=True, slots=True)
class StoredState:
    meta: dict[str, Any]
    df_indices: np.ndarray[Any, Any]
    df_values: np.ndarray[Any, Any]
    topics: list[Topic]
    centroids: list[tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]]  # indices, values
    seeds: Seeds | None

    def sums(self, n_features: int) -> sp.csr_matrix:
        """The topics' centroids (running sums) as one matrix, a row a topic."""
        cols = [c for c, _ in self.centroids]
        data = [v for _, v in self.centroids]
        indptr = np.concatenate([[0], np.cumsum([len(c) for c in cols])]).astype(np.int64)
        return sp.csr_matrix(
            (
                np.concatenate(data) if data else np.zeros(0),
                np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64),
                indptr,
            ),
            shape=(len(self.topics), n_features),
        )


def save_state(
    store: Store,
    meta: dict[str, Any],
    df: np.ndarray[Any, Any],
    topics: Sequence[Topic],
    sums: sp.csr_matrix,
    seeds: Seeds,
    n_terms: int,
) -> None:
    """Replace the stored model: ``topics[i]``'s centroid is row ``i`` of ``sums``; each
    topic keeps its ``n_terms`` most frequent words."""
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    nz = np.flatnonzero(df)
    # which topic is which theme's (listen_topics has no column for it)
    themes = {str(t.id): t.theme for t in topics if t.theme is not None}
    meta = {**meta, "theme_topics": themes}
    rows = []
    for r, t in enumerate(topics):
        start, end = sums.indptr[r], sums.indptr[r + 1]
        centroid = pack({}, sums.indices[start:end], sums.data[start:end])
        terms = json.dumps(dict(t.terms.most_common(n_terms)))
        rows.append(
            (t.id, t.label, terms, centroid, t.size, t.representative, t.representative_sim, now)
        )
    with store.transaction() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO listen_topic_state (key, value) VALUES (?, ?)",
            (STATE_KEY, pack(meta, nz, df[nz])),
        )
        conn.execute(
            "INSERT OR REPLACE INTO listen_topic_state (key, value) VALUES (?, ?)",
            (SEEDS_KEY, pack_rows({"keys": seeds.keys, "terms": seeds.terms}, seeds.vectors)),
        )
        conn.execute("DELETE FROM listen_topics")
        conn.executemany(
            "INSERT INTO listen_topics (id, label, terms, centroid, size, representative,"
            " representative_sim, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def read_state(store: Store) -> StoredState | None:
    """The stored model, or None when there is none."""
    row = store.conn.execute(
        "SELECT value FROM listen_topic_state WHERE key = ?", (STATE_KEY,)
    ).fetchone()
    if row is None:
        return None
    meta, df_indices, df_values = unpack_state(row[0])
    themes = {int(k): v for k, v in meta.pop("theme_topics", {}).items()}
    topics: list[Topic] = []
    centroids = []
    for t in store.conn.execute("SELECT * FROM listen_topics ORDER BY id"):
        _, indices, values = unpack_state(t["centroid"])
        topics.append(
            Topic(
                id=t["id"],
                size=t["size"],
                terms=Counter(json.loads(t["terms"])),
                representative=t["representative"],
                representative_sim=t["representative_sim"],
                label=t["label"],
                theme=themes.get(t["id"]),
            )
        )
        centroids.append((indices, values))
    seeds_row = store.conn.execute(
        "SELECT value FROM listen_topic_state WHERE key = ?", (SEEDS_KEY,)
    ).fetchone()
    seeds = None
    if seeds_row is not None:
        n_features = int(meta.get("n_features", 2**18))
        seeds_meta, vectors = unpack_rows(seeds_row[0], n_features)
        seeds = Seeds(n_features, list(seeds_meta["keys"]), list(seeds_meta["terms"]), vectors)
    return StoredState(meta, df_indices, df_values, topics, centroids, seeds)


def pack(
    meta: dict[str, Any], indices: np.ndarray[Any, Any], values: np.ndarray[Any, Any]
) -> bytes:
    buffer = io.BytesIO()
    np.savez_compressed(
        buffer,
        meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8),
        indices=np.asarray(indices, dtype=np.int64),
        values=np.asarray(values, dtype=np.float32),
    )
    return buffer.getvalue()


def pack_rows(meta: dict[str, Any], matrix: sp.csr_matrix) -> bytes:
    return pack({**meta, "indptr": matrix.indptr.tolist()}, matrix.indices, matrix.data)


def unpack_rows(blob: bytes, n_features: int) -> tuple[dict[str, Any], sp.csr_matrix]:
    meta, indices, values = unpack_state(blob)
    indptr = np.asarray(meta.pop("indptr"), dtype=np.int64)
    return meta, sp.csr_matrix((values, indices, indptr), shape=(len(indptr) - 1, n_features))


def unpack_state(blob: bytes) -> tuple[dict[str, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    with np.load(io.BytesIO(blob)) as data:
        meta: dict[str, Any] = json.loads(bytes(data["meta"]).decode())
        return meta, data["indices"], data["values"].astype(np.float64)
