"""The role model's linear heads: shipped as plain arrays that read back to the same
predictions, a damaged artifact refused with a message naming the head, and a class the
training set lacks never predicted."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
import scipy.sparse as sp

from staffpulse.signals.role_linear import LinearHead, fit_head


def _data() -> tuple[sp.csr_matrix, np.ndarray]:
    """Six accounts on 40 hashed columns (most unused), three roles told by columns 3, 17, 30."""
    rows = [[3], [3, 5], [17], [17, 5], [30], [30, 3]]
    X = sp.lil_matrix((len(rows), 40))
    for i, cols in enumerate(rows):
        for c in cols:
            X[i, c] = 1.0
    return sp.csr_matrix(X), np.array([0, 0, 1, 1, 3, 3])


def test_a_head_read_back_from_its_arrays_predicts_the_same() -> None:
    X, y = _data()
    head = fit_head(X, y, n_classes=4, C=10.0)
    again = LinearHead.from_arrays(head.to_arrays("role"), "role")
    # float16 weights: the same roles, the same probabilities to a few thousandths
    np.testing.assert_allclose(again.predict_proba(X), head.predict_proba(X), atol=5e-3)
    assert again.predict_proba(X).argmax(axis=1).tolist() == [0, 0, 1, 1, 3, 3]


def test_a_class_missing_from_training_is_never_predicted() -> None:
    X, y = _data()
    probabilities = fit_head(X, y, n_classes=4, C=10.0).predict_proba(X)
    assert probabilities[:, 2].max() < 1e-6
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0)


def test_a_binary_head_gives_one_probability_per_account() -> None:
    X, _ = _data()
    y = np.array([1, 1, 0, 0, 0, 0])
    head = fit_head(X, y, n_classes=2, C=10.0, balanced=True)
    p = head.predict_proba(X)
    assert head.is_binary and p.shape == (6,)
    assert p[:2].min() > 0.5 > p[2:].max()


@pytest.mark.parametrize(
    ("damage", "says"),
    [
        (lambda a: a.update(role_shape=np.array([4, 40, 1])), "role: bad shape"),
        (lambda a: a.update(role_indptr=a["role_indptr"][:-1]), "inconsistent sparse arrays"),
        (lambda a: a.update(role_intercept=np.zeros(3)), "intercept shape (3,)"),
        (
            lambda a: a.update(role_shape=np.array([4, 10])),
            "role: column index out of range",
        ),
    ],
)
def test_a_damaged_artifact_is_refused_naming_the_head(
    damage: Callable[[dict[str, np.ndarray]], None], says: str
) -> None:
    X, y = _data()
    arrays = fit_head(X, y, n_classes=4, C=10.0).to_arrays("role")
    damage(arrays)
    with pytest.raises(ValueError, match="role") as raised:
        LinearHead.from_arrays(arrays, "role")
    assert says in str(raised.value)
