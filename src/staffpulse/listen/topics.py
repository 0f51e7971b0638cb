"""Incremental topics: hashed TF-IDF vectors and online leader clustering.

Each conversation becomes one document (its opening post plus its first replies). Documents
are hashed (``HashingVectorizer``: no vocabulary to learn), weighted by a running inverse
document frequency and L2-normalised. A document joins the topic whose centroid is most
similar (cosine) when the similarity reaches ``threshold``; otherwise it starts a new topic.
Centroids are running sums truncated to their ``max_terms`` heaviest features and are
persisted, so new posts join existing topics without refitting anything.

A topic's label is its three most distinctive terms (count in the topic times IDF), and its
representative is the member closest to the centroid when it joined.
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, HashingVectorizer
from sklearn.preprocessing import normalize

from staffpulse.listen.schema import ensure_schema
from staffpulse.listen.threads import Conversation
from staffpulse.store import Store

_URL_MENTION_RE = re.compile(r"https?://\S+|www\.\S+|@[\w.\-]+")
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {
    "rt",
    "amp",
    "just",
    "like",
    "get",
    "got",
    "im",
    "dont",
    "cant",
    "ive",
    "youre",
    "thats",
    "really",
    "know",
    "think",
    "want",
    "need",
    "going",
    "today",
    "new",
    "day",
    "lol",
    "yes",
    "did",
    "does",
    "doing",
    "way",
    "make",
    "good",
    "great",
    "let",
    "lets",
    "thing",
    "things",
    "anyone",
    "someone",
    "people",
    "time",
    "year",
    "years",
    "week",
    "one",
    "us",
    "ll",
    "ve",
}
STATE_KEY = "topic_model"


def _preprocess(text: str) -> str:
    return _URL_MENTION_RE.sub(" ", text).replace("#", " ").lower()


@dataclass
class Topic:
    id: int
    sum: sp.csr_matrix  # 1 x n_features running sum (truncated)
    size: int = 0
    terms: Counter[str] = field(default_factory=Counter)
    representative: str | None = None
    representative_sim: float = 0.0
    label: str = ""


@dataclass(frozen=True, slots=True)
class Assignment:
    key: str
    topic_id: int
    similarity: float
    new_topic: bool


class TopicModel:
    """Online leader clustering of short texts (scikit-learn style ``partial_fit``)."""

    def __init__(
        self,
        threshold: float = 0.2,
        n_features: int = 2**18,
        max_terms: int = 200,
        label_terms: int = 3,
    ) -> None:
        self.threshold = threshold
        self.n_features = n_features
        self.max_terms = max_terms
        self.label_terms = label_terms
        self.df_ = np.zeros(n_features, dtype=np.float64)
        self.n_docs_ = 0
        self.topics_: dict[int, Topic] = {}
        self._vectorizer = HashingVectorizer(
            n_features=n_features,
            alternate_sign=False,
            norm=None,
            ngram_range=(1, 2),
            preprocessor=_preprocess,
            token_pattern=r"(?u)\b[a-z][a-z']+[a-z]\b",
            stop_words=sorted(STOP_WORDS),
        )
        self._analyzer = self._vectorizer.build_analyzer()
        self._centroids: sp.csr_matrix | None = None
        self._centroid_ids: list[int] = []

    # -- vectors ---------------------------------------------------------------------------
    def _idf(self) -> np.ndarray[Any, np.dtype[np.float64]]:
        return np.log((1.0 + self.n_docs_) / (1.0 + self.df_)) + 1.0

    def transform(self, texts: Sequence[str], update_df: bool = False) -> sp.csr_matrix:
        counts = sp.csr_matrix(self._vectorizer.transform(texts), dtype=np.float64)
        if update_df:
            self.df_ += np.bincount(counts.indices, minlength=self.n_features)
            self.n_docs_ += counts.shape[0]
        counts.data = 1.0 + np.log(counts.data)
        weighted = sp.csr_matrix(counts.multiply(self._idf()[None, :]))
        return sp.csr_matrix(normalize(weighted, norm="l2", copy=False))

    def _truncate(self, row: sp.csr_matrix) -> sp.csr_matrix:
        if row.nnz <= self.max_terms:
            return row
        keep = np.argpartition(row.data, -self.max_terms)[-self.max_terms :]
        return sp.csr_matrix(
            (row.data[keep], (np.zeros(len(keep), dtype=np.int64), row.indices[keep])),
            shape=row.shape,
        )

    def _refresh_centroids(self) -> None:
        self._centroid_ids = sorted(self.topics_)
        if not self._centroid_ids:
            self._centroids = None
            return
        rows = sp.vstack([self.topics_[i].sum for i in self._centroid_ids], format="csr")
        self._centroids = sp.csr_matrix(normalize(rows, norm="l2"))

    # -- clustering -------------------------------------------------------------------------
    def partial_fit(self, texts: Sequence[str], keys: Sequence[str]) -> list[Assignment]:
        """Assign each text (identified by ``keys``) to a topic, creating topics as needed."""
        if not texts:
            return []
        matrix = self.transform(texts, update_df=True)
        if self._centroids is None and self.topics_:
            self._refresh_centroids()
        sims = (
            np.asarray((matrix @ self._centroids.T).todense())
            if self._centroids is not None
            else np.zeros((matrix.shape[0], 0))
        )
        existing = list(self._centroid_ids)
        fresh: list[int] = []  # topics created in this batch
        fresh_rows: list[sp.csr_matrix] = []
        out: list[Assignment] = []
        for i, (text, key) in enumerate(zip(texts, keys, strict=True)):
            row = matrix[i]
            best_id, best_sim = -1, -1.0
            if existing:
                j = int(np.argmax(sims[i]))
                best_id, best_sim = existing[j], float(sims[i, j])
            if fresh_rows:
                local = np.asarray((row @ sp.vstack(fresh_rows).T).todense()).ravel()
                j = int(np.argmax(local))
                if local[j] > best_sim:
                    best_id, best_sim = fresh[j], float(local[j])
            new = best_sim < self.threshold or row.nnz == 0
            if new:
                best_id = max(self.topics_, default=0) + 1
                self.topics_[best_id] = Topic(best_id, sp.csr_matrix((1, self.n_features)))
                best_sim = 1.0
                fresh.append(best_id)
                fresh_rows.append(row)
            topic = self.topics_[best_id]
            topic.sum = self._truncate(sp.csr_matrix(topic.sum + row))
            topic.size += 1
            topic.terms.update(self._analyzer(text))
            if len(topic.terms) > 4 * self.max_terms:
                topic.terms = Counter(dict(topic.terms.most_common(2 * self.max_terms)))
            if best_sim >= topic.representative_sim or topic.representative is None:
                topic.representative, topic.representative_sim = key, best_sim
            if best_id in fresh:
                fresh_rows[fresh.index(best_id)] = sp.csr_matrix(normalize(topic.sum))
            out.append(Assignment(key, best_id, best_sim, new))
        for topic_id in {a.topic_id for a in out}:
            self.topics_[topic_id].label = self.label_of(topic_id)
        self._refresh_centroids()
        return out

    def label_of(self, topic_id: int) -> str:
        """The topic's most distinctive terms, e.g. ``"remote / office / return office"``."""
        terms = self.topics_[topic_id].terms
        if not terms:
            return f"topic {topic_id}"
        candidates = [t for t, _ in terms.most_common(60)]
        hashed = self._vectorizer.transform(candidates)
        idf = self._idf()
        scores = {
            term: terms[term]
            * float(idf[hashed[k].indices].max() if hashed[k].nnz else 1.0)
            * (1.3 if " " in term else 1.0)
            for k, term in enumerate(candidates)
        }
        chosen: list[str] = []
        for term in sorted(scores, key=lambda t: (-scores[t], t)):
            if terms[term] < 2 and chosen:
                continue
            if any(term in c.split() or c in term.split() for c in chosen):
                continue
            if any(set(term.split()) <= set(c.split()) for c in chosen):
                continue
            chosen.append(term)
            if len(chosen) == self.label_terms:
                break
        return " / ".join(chosen)

    def predict(self, texts: Sequence[str]) -> list[tuple[int | None, float]]:
        """The nearest topic of each text, without updating anything."""
        if self._centroids is None:
            self._refresh_centroids()
        if self._centroids is None or not texts:
            return [(None, 0.0) for _ in texts]
        sims = np.asarray((self.transform(texts) @ self._centroids.T).todense())
        best = sims.argmax(axis=1)
        return [
            (self._centroid_ids[j], float(sims[i, j]))
            if sims[i, j] >= self.threshold
            else (None, 0.0)
            for i, j in enumerate(best)
        ]

    # -- persistence ------------------------------------------------------------------------
    def save(self, store: Store) -> None:
        ensure_schema(store)
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        nz = np.flatnonzero(self.df_)
        with store.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO listen_topic_state (key, value) VALUES (?, ?)",
                (STATE_KEY, _pack(self.params(), nz, self.df_[nz])),
            )
            conn.execute("DELETE FROM listen_topics")
            conn.executemany(
                "INSERT INTO listen_topics (id, label, terms, centroid, size, representative,"
                " representative_sim, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        t.id,
                        t.label,
                        json.dumps(dict(t.terms.most_common(2 * self.max_terms))),
                        _pack({}, t.sum.indices, t.sum.data),
                        t.size,
                        t.representative,
                        t.representative_sim,
                        now,
                    )
                    for t in self.topics_.values()
                ],
            )

    def params(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold,
            "n_features": self.n_features,
            "max_terms": self.max_terms,
            "label_terms": self.label_terms,
            "n_docs": self.n_docs_,
        }

    @classmethod
    def load(cls, store: Store, **overrides: Any) -> TopicModel:
        """The persisted model, or a fresh one when none is stored yet."""
        ensure_schema(store)
        row = store.conn.execute(
            "SELECT value FROM listen_topic_state WHERE key = ?", (STATE_KEY,)
        ).fetchone()
        if row is None:
            return cls(**overrides)
        params, idx, values = _unpack(row[0])
        n_docs = int(params.pop("n_docs", 0))
        model = cls(**{**params, **overrides})
        model.df_[idx] = values
        model.n_docs_ = n_docs
        for t in store.conn.execute("SELECT * FROM listen_topics"):
            _, t_idx, t_val = _unpack(t["centroid"])
            total = sp.csr_matrix(
                (t_val.astype(np.float64), (np.zeros(len(t_idx), dtype=np.int64), t_idx)),
                shape=(1, model.n_features),
            )
            model.topics_[t["id"]] = Topic(
                id=t["id"],
                sum=total,
                size=t["size"],
                terms=Counter(json.loads(t["terms"])),
                representative=t["representative"],
                representative_sim=t["representative_sim"],
                label=t["label"],
            )
        model._refresh_centroids()
        return model


def _pack(
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


def _unpack(blob: bytes) -> tuple[dict[str, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    with np.load(io.BytesIO(blob)) as data:
        meta: dict[str, Any] = json.loads(bytes(data["meta"]).decode())
        return meta, data["indices"], data["values"].astype(np.float64)


def conversation_text(conversation: Conversation, replies: int = 3) -> str:
    """The document that represents a conversation: its opening and first replies."""
    return " ".join([conversation.opening.text, *(p.text for p in conversation.replies[:replies])])


def assign_topics(
    store: Store, conversations: Sequence[Conversation], model: TopicModel | None = None
) -> tuple[TopicModel, dict[tuple[str, str], int]]:
    """Give every conversation a topic: stored ones keep theirs, new ones join incrementally."""
    ensure_schema(store)
    model = model if model is not None else TopicModel.load(store)
    known: dict[tuple[str, str], int] = {
        (row[0], row[1]): int(row[2])
        for row in store.conn.execute(
            "SELECT platform, conversation_id, topic_id FROM listen_topic_members"
        )
    }
    todo = [c for c in conversations if (c.platform, c.id) not in known]
    if todo:
        assignments = model.partial_fit(
            [conversation_text(c) for c in todo], [f"{c.platform}|{c.id}" for c in todo]
        )
        model.save(store)
        rows = [
            (c.platform, c.id, a.topic_id, a.similarity)
            for c, a in zip(todo, assignments, strict=True)
        ]
        with store.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO listen_topic_members (platform, conversation_id,"
                " topic_id, similarity) VALUES (?, ?, ?, ?)",
                rows,
            )
        known.update(((p, c), t) for p, c, t, _ in rows)
    wanted = {(c.platform, c.id) for c in conversations}
    return model, {k: v for k, v in known.items() if k in wanted}
