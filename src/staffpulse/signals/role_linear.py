"""Sparse linear heads: fit with scikit-learn, ship as plain arrays, predict without pickles
or scikit-learn.

Hashed features are mostly empty columns for any one training set. An L2-regularised logistic
regression gives exactly zero weight to a column that is zero in every training row, so the
heads are fitted on the used columns only (much faster) and their weights stored sparsely.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp


@dataclass(frozen=True)
class LinearHead:
    """``scores = X @ coef.T + intercept``; one row per class, or one row for a binary head."""

    coef: sp.csr_matrix
    intercept: np.ndarray

    @property
    def n_features(self) -> int:
        return int(self.coef.shape[1])

    @property
    def is_binary(self) -> bool:
        return int(self.coef.shape[0]) == 1

    def decision(self, X: sp.csr_matrix) -> np.ndarray:
        """Raw scores, ``[n]`` for a binary head, ``[n, n_classes]`` otherwise."""
        scores: np.ndarray = np.asarray((X @ self.coef.T).todense(), dtype=np.float64)
        scores = scores + self.intercept
        return np.asarray(scores[:, 0]) if self.is_binary else scores

    def predict_proba(self, X: sp.csr_matrix) -> np.ndarray:
        """P(positive) ``[n]`` for a binary head; softmax ``[n, n_classes]`` otherwise."""
        scores = self.decision(X)
        if self.is_binary:
            return sigmoid(scores)
        scores = scores - scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True))

    def to_arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """Plain arrays: float16 weights and delta-encoded column indices (compress well)."""
        coef = sp.csr_matrix(self.coef)
        coef.sort_indices()
        deltas = coef.indices.astype(np.int64)
        for start, end in itertools.pairwise(coef.indptr):
            if end > start:
                deltas[start + 1 : end] = np.diff(coef.indices[start:end])
        return {
            f"{prefix}_data": coef.data.astype(np.float16),
            f"{prefix}_index_deltas": deltas.astype(np.int32),
            f"{prefix}_indptr": coef.indptr.astype(np.int64),
            f"{prefix}_shape": np.asarray(coef.shape, dtype=np.int64),
            f"{prefix}_intercept": self.intercept.astype(np.float64),
        }

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str) -> LinearHead:
        shape = tuple(int(v) for v in arrays[f"{prefix}_shape"])
        if len(shape) != 2:
            raise ValueError(f"{prefix}: bad shape {shape}")
        indptr = np.asarray(arrays[f"{prefix}_indptr"], dtype=np.int64)
        indices = np.asarray(arrays[f"{prefix}_index_deltas"], dtype=np.int64).copy()
        data = np.asarray(arrays[f"{prefix}_data"], dtype=np.float64)
        if len(indptr) != shape[0] + 1 or indptr[-1] != len(indices) or len(data) != len(indices):
            raise ValueError(f"{prefix}: inconsistent sparse arrays")
        for start, end in itertools.pairwise(indptr):
            indices[start:end] = np.cumsum(indices[start:end])
        if len(indices) and (indices.min() < 0 or indices.max() >= shape[1]):
            raise ValueError(f"{prefix}: column index out of range")
        coef = sp.csr_matrix((data, indices, indptr), shape=(shape[0], shape[1]))
        intercept = np.asarray(arrays[f"{prefix}_intercept"], dtype=np.float64)
        if intercept.shape != (shape[0],):
            raise ValueError(f"{prefix}: intercept shape {intercept.shape} does not match {shape}")
        return cls(coef=coef, intercept=intercept)


def sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0))))


def logit(p: np.ndarray) -> np.ndarray:
    q = np.clip(p, 1e-4, 1.0 - 1e-4)
    return np.asarray(np.log(q / (1.0 - q)))


def fit_head(
    X: sp.csr_matrix,
    y: np.ndarray,
    *,
    n_classes: int,
    C: float,
    sample_weight: np.ndarray | None = None,
    balanced: bool = False,
    prune: float = 1e-3,
) -> LinearHead:
    """Fit an L2 logistic regression on the used columns of ``X``; return it as a LinearHead.

    ``y`` holds class indices ``0..n_classes-1`` (``0/1`` for a binary head, ``n_classes=2``).
    Classes absent from ``y`` get a very low intercept so they are never predicted.
    ``balanced`` reweights classes inversely to their (weighted) frequency. Weights smaller
    than ``prune`` in absolute value are dropped from the shipped matrix.
    """
    # training only: importing scikit-learn costs a second that tagging need not pay
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    Xc = sp.csc_matrix(X)
    used = np.flatnonzero(np.diff(Xc.indptr))
    Xu = sp.csr_matrix(Xc[:, used])
    weight = (
        np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    )
    present = np.unique(y)
    if balanced:
        totals = np.bincount(y, weights=weight, minlength=n_classes)
        factor = np.zeros(n_classes)
        factor[present] = totals[present].sum() / (len(present) * totals[present])
        weight = weight * factor[y]
    model = LogisticRegression(C=C, max_iter=5000, tol=1e-5)
    with threadpool_limits(1):
        model.fit(Xu, y, sample_weight=weight)
    n_rows = 1 if n_classes == 2 else n_classes
    full = np.zeros((n_rows, X.shape[1]), dtype=np.float64)
    intercept = np.full(n_rows, -30.0)
    if n_classes == 2:
        full[0, used] = model.coef_[0]
        intercept[0] = model.intercept_[0]
    elif model.coef_.shape[0] == 1:  # only two classes present: split the binary logit
        low, high = (int(c) for c in model.classes_)
        full[high, used], full[low, used] = model.coef_[0] / 2, -model.coef_[0] / 2
        intercept[high], intercept[low] = model.intercept_[0] / 2, -model.intercept_[0] / 2
    else:
        for row, cls in enumerate(model.classes_):
            full[int(cls), used] = model.coef_[row]
            intercept[int(cls)] = model.intercept_[row]
    full[np.abs(full) < prune] = 0.0
    return LinearHead(coef=sp.csr_matrix(full), intercept=intercept)
