"""The grouping steps of the topic model (:mod:`staffpulse.listen.topics`) on vectors: the most
similar centroid, leader clustering within a batch, running sums, and the "other
conversations" the model remembers (:class:`Seeds`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.preprocessing import normalize


def nearest(rows: sp.csr_matrix, centroids: sp.csr_matrix) -> tuple[Any, Any]:
    """For each row, the most similar centroid (its index) and the cosine (rows and centroids
    L2-normalised). Sparse: topics can be many."""
    sims = sp.csr_matrix(rows @ centroids.T)
    return np.asarray(sims.argmax(axis=1)).ravel(), np.asarray(sims.max(axis=1).toarray()).ravel()


def lead_groups(pool: sp.csr_matrix, n_seeds: int, threshold: float) -> list[list[int]]:
    """Leader clustering of ``pool[n_seeds:]`` (rows of the pool, in order): a row joins the
    group whose leader is most similar when the cosine reaches ``threshold``, otherwise leads a
    new group. The first ``n_seeds`` rows lead before any new one but never join one, and a
    group of seeds alone is not returned: every group holds one new row at least."""
    local = (pool @ pool.T).toarray()
    groups: list[list[int]] = []  # positions in ``pool``; groups[g][0] leads
    leaders = np.empty(pool.shape[0], dtype=np.int64)  # the seeds, then the new leaders
    leaders[:n_seeds] = np.arange(n_seeds)
    group_of = [-1] * n_seeds  # leader -> its group (-1: a seed without one yet)
    for j in range(n_seeds, pool.shape[0]):
        if group_of:
            scores = local[j, leaders[: len(group_of)]]
            m = int(scores.argmax())
            if scores[m] >= threshold:
                if group_of[m] < 0:  # a seed starts a group with this row
                    group_of[m] = len(groups)
                    groups.append([m, j])
                else:
                    groups[group_of[m]].append(j)
                continue
        leaders[len(group_of)] = j
        group_of.append(len(groups))
        groups.append([j])
    return groups


def add_rows(
    sums: sp.csr_matrix, k: int, matrix: sp.csr_matrix, row_of: Any, weight: Any = None
) -> sp.csr_matrix:
    """``sums`` (padded to ``k`` rows) plus each row of ``matrix`` added to row ``row_of[i]``
    (times ``weight[i]``, default 1)."""
    if sums.shape[0] < k:
        pad = sp.csr_matrix((k - sums.shape[0], sums.shape[1]), dtype=np.float64)
        sums = sp.csr_matrix(sp.vstack([sums, pad], format="csr"))
    n = len(row_of)
    values = np.ones(n) if weight is None else weight
    onehot = sp.csr_matrix((values, (row_of, np.arange(n))), shape=(k, n))
    return sp.csr_matrix(sums + onehot @ matrix)


def centroids_of(sums: sp.csr_matrix) -> sp.csr_matrix:
    return sp.csr_matrix(normalize(sums, norm="l2"))


def join_nearest(
    matrix: sp.csr_matrix,
    alone: list[int],
    row_of: np.ndarray[Any, Any],
    sums: sp.csr_matrix,
    k: int,
    threshold: float,
    min_shared: int,
) -> None:
    """Each document of ``alone`` (rows of ``matrix``, in no topic) joins the nearest of the
    ``k`` topics as they stand with the documents placed in ``row_of`` added, when similar
    enough and sharing ``min_shared`` words at least (one word, "share", is not a subject)."""
    placed = np.flatnonzero(row_of >= 0)
    after = centroids_of(add_rows(sums, k, matrix[placed], row_of[placed]))
    best, best_sim = nearest(matrix[alone], after)
    for i, row, similarity in zip(alone, best, best_sim, strict=True):
        shared = np.intersect1d(matrix[i].indices, after[row].indices).size
        if similarity >= threshold and shared >= min_shared:
            row_of[i] = row


def truncate_rows(matrix: sp.csr_matrix, max_terms: int) -> sp.csr_matrix:
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


@dataclass
class Seeds:
    """The latest other conversations: their keys, label words and vectors (a row each)."""

    n_features: int
    keys: list[str] = field(default_factory=list)
    terms: list[list[str]] = field(default_factory=list)
    vectors: sp.csr_matrix = None  # set in __post_init__

    def __post_init__(self) -> None:
        if self.vectors is None:
            self.vectors = sp.csr_matrix((0, self.n_features), dtype=np.float64)

    def __len__(self) -> int:
        return len(self.keys)

    def add(
        self, keys: list[str], vectors: sp.csr_matrix, terms: list[list[str]], limit: int
    ) -> None:
        """Remember these too, keeping the latest ``limit``."""
        self.keys = (self.keys + keys)[-limit:]
        self.terms = (self.terms + terms)[-limit:]
        stacked = sp.csr_matrix(sp.vstack([self.vectors, vectors], format="csr"))
        self.vectors = sp.csr_matrix(stacked[-limit:]) if stacked.shape[0] else stacked

    def take(self, positions: list[int]) -> Seeds:
        """Forget the seeds at ``positions`` and return them."""
        taken = Seeds(
            self.n_features,
            [self.keys[j] for j in positions],
            [self.terms[j] for j in positions],
            sp.csr_matrix(self.vectors[positions]),
        )
        drop = set(positions)
        kept = [j for j in range(len(self.keys)) if j not in drop]
        self.keys = [self.keys[j] for j in kept]
        self.terms = [self.terms[j] for j in kept]
        self.vectors = sp.csr_matrix(self.vectors[kept])
        return taken
