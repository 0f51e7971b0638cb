"""Incremental topics: hashed TF-IDF vectors and online (mini-batch) leader clustering.

Each conversation becomes one document (its opening post plus its first replies). Documents
are hashed (``HashingVectorizer``: no vocabulary to learn), weighted by a running inverse
document frequency and L2-normalised. In each batch, a document joins the topic whose centroid
is most similar (cosine) when the similarity reaches ``threshold``; the others are grouped
among themselves by the same rule (the first of a group leads it) and start new topics.
Centroids are running sums truncated to their ``max_terms`` heaviest features and are
persisted, so new posts join existing topics without refitting anything.

A topic's label is its three most distinctive words or repeated phrases (count in the topic
times IDF, work terms favoured, names left out: :mod:`staffpulse.listen.topic_words`), and its
representative is the member closest to the centroid when it joined.

The stored state records :data:`VERSION`, the version of the grouping rules; a store whose
topics were made under older rules gets them rebuilt once (the same conversations, new ids),
rather than mixing two kinds of topics.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator
from sklearn.exceptions import NotFittedError
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize

from staffpulse.listen.topic_words import choose_label, label_terms_of, word_counter
from staffpulse.store import Store

STATE_KEY = "topic_model"
# The version of the grouping rules (stop words, label words, threshold): 2 = a minimum
# similarity of 0.2 to join a topic, generic work words and names out (November 2026).
VERSION = 2
# A document joins a topic only this similar to it: at 0.1, posts sharing one common word
# ("check", "work") made one topic of a BBC Brexit post and a Spotify support thread.
DEFAULT_THRESHOLD = 0.15


@dataclass
class Topic:
    id: int
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


# sklearn ships no type hints (mypy sees BaseEstimator as Any), hence the ignore.
class TopicModel(BaseEstimator):  # type: ignore[misc]
    """Online leader clustering of short texts (scikit-learn contract).

    ``__init__`` stores the parameters; the first ``partial_fit`` (or ``assign``) builds the
    learned state (``df_``, ``n_docs_``, ``topics_``, ``sums_``, ``ids_``), and later calls
    extend it. ``assign`` is ``partial_fit`` that also says where each text went.
    """

    def __init__(
        self,
        threshold: float = DEFAULT_THRESHOLD,
        n_features: int = 2**18,
        max_terms: int = 200,
        label_terms: int = 3,
        batch_size: int = 2000,
    ) -> None:
        self.threshold = threshold
        self.n_features = n_features
        self.max_terms = max_terms
        self.label_terms = label_terms
        self.batch_size = batch_size

    def _start(self) -> None:
        """The empty learned state: no documents seen, no topics."""
        self.df_ = np.zeros(self.n_features, dtype=np.float64)
        self.n_docs_ = 0
        self.topics_: dict[int, Topic] = {}
        self.sums_ = sp.csr_matrix((0, self.n_features), dtype=np.float64)  # row i: ids_[i]
        self.ids_: list[int] = []

    def _is_started(self) -> bool:
        return hasattr(self, "df_")

    # -- vectors ---------------------------------------------------------------------------
    def _idf(self) -> np.ndarray[Any, np.dtype[np.float64]]:
        return np.log((1.0 + self.n_docs_) / (1.0 + self.df_)) + 1.0

    def _weigh(self, counts: sp.csr_matrix) -> sp.csr_matrix:
        """Sublinear TF times the current IDF, L2-normalised rows."""
        counts.data = 1.0 + np.log(counts.data)
        counts.data *= self._idf()[counts.indices]
        return sp.csr_matrix(normalize(counts, norm="l2", copy=False))

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Hashed, sublinear TF-IDF, L2-normalised rows (reads the learned IDF, changes
        nothing)."""
        if not self._is_started():
            raise NotFittedError("TopicModel is not fitted: call partial_fit or load it")
        return self._weigh(
            sp.csr_matrix(word_counter(self.n_features).transform(texts), dtype=np.float64)
        )

    def centroids(self) -> sp.csr_matrix:
        return sp.csr_matrix(normalize(self.sums_, norm="l2"))

    # -- clustering -------------------------------------------------------------------------
    def partial_fit(self, texts: Sequence[str], keys: Sequence[str] | None = None) -> TopicModel:
        """Add ``texts`` to the topics, creating topics as needed; returns self. ``keys`` name
        the texts (a topic's representative is one of them; default: their positions)."""
        self.assign(texts, keys if keys is not None else [str(i) for i in range(len(texts))])
        return self

    def assign(self, texts: Sequence[str], keys: Sequence[str]) -> list[Assignment]:
        """``partial_fit``, telling the topic each text (identified by ``keys``) joined."""
        if len(texts) != len(keys):
            raise ValueError("texts and keys differ in length")
        if not self._is_started():
            self._start()
        # In batches: the texts of a batch are compared with each other in a dense square, so
        # a whole store at once (a first listen on 250,000 posts) would not fit in memory.
        vectorizer, terms = word_counter(self.n_features), label_terms_of()
        out: list[Assignment] = []
        for start in range(0, len(texts), self.batch_size):
            end = start + self.batch_size
            out.extend(self._fit_batch(texts[start:end], keys[start:end], vectorizer, terms))
        return out

    def _fit_batch(
        self,
        texts: Sequence[str],
        keys: Sequence[str],
        vectorizer: HashingVectorizer,
        terms: Callable[[str], list[str]],
    ) -> list[Assignment]:
        if not texts:
            return []
        counts = sp.csr_matrix(vectorizer.transform(texts), dtype=np.float64)
        self.df_ += np.bincount(counts.indices, minlength=self.n_features)
        self.n_docs_ += counts.shape[0]
        matrix = self._weigh(counts)
        n = matrix.shape[0]
        row_of = np.full(n, -1, dtype=np.int64)  # index into ids_
        sim = np.zeros(n)
        if self.ids_:
            sims = sp.csr_matrix(matrix @ self.centroids().T)  # sparse: topics can be many
            best = np.asarray(sims.argmax(axis=1)).ravel()
            best_sim = np.asarray(sims.max(axis=1).toarray()).ravel()
            joined = best_sim >= self.threshold
            row_of[joined], sim[joined] = best[joined], best_sim[joined]
        rest = np.flatnonzero(row_of < 0)
        created: set[int] = set()
        if len(rest):
            local = (matrix[rest] @ matrix[rest].T).toarray()
            leaders: list[int] = []  # positions in ``rest``
            for j in range(len(rest)):
                if leaders:
                    scores = local[j, leaders]
                    m = int(scores.argmax())
                    if scores[m] >= self.threshold:
                        row_of[rest[j]], sim[rest[j]] = row_of[rest[leaders[m]]], scores[m]
                        continue
                leaders.append(j)
                row_of[rest[j]], sim[rest[j]] = self._new_topic(), 1.0
                created.add(int(row_of[rest[j]]))
        self._add_to_sums(matrix, row_of)
        touched: set[int] = set()
        for i, (text, key) in enumerate(zip(texts, keys, strict=True)):
            topic = self.topics_[self.ids_[row_of[i]]]
            topic.size += 1
            topic.terms.update(terms(text))
            if topic.representative is None or sim[i] > topic.representative_sim:
                topic.representative, topic.representative_sim = key, float(sim[i])
            touched.add(topic.id)
        self._relabel(touched, vectorizer)
        return [
            Assignment(key, self.ids_[row_of[i]], float(sim[i]), int(row_of[i]) in created)
            for i, key in enumerate(keys)
        ]

    def _new_topic(self) -> int:
        topic_id = max(self.topics_, default=0) + 1
        self.topics_[topic_id] = Topic(topic_id)
        self.ids_.append(topic_id)
        return len(self.ids_) - 1

    def _add_to_sums(self, matrix: sp.csr_matrix, row_of: np.ndarray[Any, Any]) -> None:
        k = len(self.ids_)
        if self.sums_.shape[0] < k:
            pad = sp.csr_matrix((k - self.sums_.shape[0], self.n_features), dtype=np.float64)
            self.sums_ = sp.csr_matrix(sp.vstack([self.sums_, pad], format="csr"))
        onehot = sp.csr_matrix(
            (np.ones(len(row_of)), (row_of, np.arange(len(row_of)))), shape=(k, len(row_of))
        )
        self.sums_ = _truncate_rows(sp.csr_matrix(self.sums_ + onehot @ matrix), self.max_terms)

    def _relabel(self, topic_ids: Iterable[int], vectorizer: HashingVectorizer) -> None:
        ids = list(topic_ids)
        candidates = {t: [w for w, _ in self.topics_[t].terms.most_common(40)] for t in ids}
        vocab = sorted({w for words in candidates.values() for w in words})
        if not vocab:
            return
        hashed = sp.csr_matrix(vectorizer.transform(vocab))  # a phrase: its words
        hashed.data[:] = 1.0
        mean_idf = (hashed @ self._idf()) / np.diff(hashed.indptr).clip(min=1)
        word_idf = {w: float(mean_idf[k]) for k, w in enumerate(vocab)}
        for topic_id in ids:
            terms = self.topics_[topic_id].terms
            chosen = choose_label(terms, candidates[topic_id], word_idf, self.label_terms)
            self.topics_[topic_id].label = " / ".join(chosen) or f"topic {topic_id}"
            if len(terms) > 4 * self.max_terms:
                self.topics_[topic_id].terms = Counter(dict(terms.most_common(2 * self.max_terms)))

    def predict(self, texts: Sequence[str]) -> list[tuple[int | None, float]]:
        """The nearest topic of each text, without updating anything (None: no topic near,
        or none learned yet)."""
        if not self._is_started() or not self.ids_ or not texts:
            return [(None, 0.0) for _ in texts]
        sims = (self.transform(texts) @ self.centroids().T).toarray()
        best = sims.argmax(axis=1)
        return [
            (self.ids_[j], float(sims[i, j])) if sims[i, j] >= self.threshold else (None, 0.0)
            for i, j in enumerate(best)
        ]

    # -- persistence ------------------------------------------------------------------------
    def _state_meta(self) -> dict[str, Any]:
        """What the stored state needs to rebuild the model (the batch size is not kept)."""
        return {
            "threshold": self.threshold,
            "n_features": self.n_features,
            "max_terms": self.max_terms,
            "label_terms": self.label_terms,
            "n_docs": self.n_docs_,
            "version": VERSION,
        }

    def save(self, store: Store) -> None:
        """Persist the learned state (of an unfitted model: an empty one)."""
        if not self._is_started():
            self._start()
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        nz = np.flatnonzero(self.df_)
        rows = []
        for r, topic_id in enumerate(self.ids_):
            t = self.topics_[topic_id]
            start, end = self.sums_.indptr[r], self.sums_.indptr[r + 1]
            centroid = _pack({}, self.sums_.indices[start:end], self.sums_.data[start:end])
            terms = json.dumps(dict(t.terms.most_common(2 * self.max_terms)))
            row = (t.id, t.label, terms, centroid, t.size, t.representative)
            rows.append((*row, t.representative_sim, now))
        with store.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO listen_topic_state (key, value) VALUES (?, ?)",
                (STATE_KEY, _pack(self._state_meta(), nz, self.df_[nz])),
            )
            conn.execute("DELETE FROM listen_topics")
            conn.executemany(
                "INSERT INTO listen_topics (id, label, terms, centroid, size, representative,"
                " representative_sim, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )

    @classmethod
    def load(cls, store: Store, **overrides: Any) -> TopicModel:
        """The persisted model, or an empty one (no topics yet) when none is stored: either
        way ready to read (``topics_``) and to ``partial_fit``."""
        row = store.conn.execute(
            "SELECT value FROM listen_topic_state WHERE key = ?", (STATE_KEY,)
        ).fetchone()
        if row is None:
            model = cls(**overrides)
            model._start()
            return model
        params, idx, values = unpack_state(row[0])
        n_docs = int(params.pop("n_docs", 0))
        params.pop("version", None)
        model = cls(**{**params, **overrides})
        model._start()
        model.df_[idx] = values
        model.n_docs_ = n_docs
        data: list[np.ndarray[Any, Any]] = []
        cols: list[np.ndarray[Any, Any]] = []
        for t in store.conn.execute("SELECT * FROM listen_topics ORDER BY id"):
            _, t_idx, t_val = unpack_state(t["centroid"])
            model.topics_[t["id"]] = Topic(
                id=t["id"],
                size=t["size"],
                terms=Counter(json.loads(t["terms"])),
                representative=t["representative"],
                representative_sim=t["representative_sim"],
                label=t["label"],
            )
            model.ids_.append(t["id"])
            cols.append(t_idx)
            data.append(t_val)
        indptr = np.concatenate([[0], np.cumsum([len(c) for c in cols])]).astype(np.int64)
        model.sums_ = sp.csr_matrix(
            (
                np.concatenate(data) if data else np.zeros(0),
                np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64),
                indptr,
            ),
            shape=(len(model.ids_), model.n_features),
        )
        return model


def _truncate_rows(matrix: sp.csr_matrix, max_terms: int) -> sp.csr_matrix:
    """Keep the ``max_terms`` heaviest entries of each row."""
    counts = np.diff(matrix.indptr)
    over = np.flatnonzero(counts > max_terms)
    if not len(over):
        return matrix
    keep = np.ones(matrix.nnz, dtype=bool)
    for r in over:
        start, end = matrix.indptr[r], matrix.indptr[r + 1]
        drop = np.argpartition(matrix.data[start:end], counts[r] - max_terms)[
            : counts[r] - max_terms
        ]
        keep[start + drop] = False
    new_counts = np.minimum(counts, max_terms)
    indptr = np.concatenate([[0], np.cumsum(new_counts)])
    return sp.csr_matrix((matrix.data[keep], matrix.indices[keep], indptr), shape=matrix.shape)


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


def unpack_state(blob: bytes) -> tuple[dict[str, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    with np.load(io.BytesIO(blob)) as data:
        meta: dict[str, Any] = json.loads(bytes(data["meta"]).decode())
        return meta, data["indices"], data["values"].astype(np.float64)
