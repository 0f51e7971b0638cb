"""Print the pooled out-of-fold errors of a cross-validated signal (used by
``train_text_signals.py --show-errors``).

The dev posts are read from the shared data and their texts go to stdout only, never into
the repo. A post counts as an error at the chosen threshold on its mean out-of-fold
probability over the CV repeats; how many of the repeats got it wrong is printed too, so a
post on the edge (wrong in 2 of 5) can be told from a steady miss (5 of 5).
"""

from __future__ import annotations

import numpy as np


def find_errors(
    y: np.ndarray, probs: np.ndarray, threshold: float
) -> tuple[list[int], list[int], np.ndarray, np.ndarray]:
    """False positives and false negatives (indices, surest first), the mean out-of-fold
    probability of each post, and in how many repeats each post was misclassified."""
    mean = probs.mean(axis=0)
    wrong = ((probs >= threshold) != (y == 1)).sum(axis=0)
    fp = [int(i) for i in np.argsort(-mean) if y[i] == 0 and mean[i] >= threshold]
    fn = [int(i) for i in np.argsort(mean) if y[i] == 1 and mean[i] < threshold]
    return fp, fn, mean, wrong


def print_errors(
    signal: str,
    ids: list[str],
    texts: list[str],
    y: np.ndarray,
    probs: np.ndarray,
    threshold: float,
) -> None:
    fp, fn, mean, wrong = find_errors(y, probs, threshold)
    repeats = probs.shape[0]
    print(
        f"\n== {signal}: threshold {threshold:.2f}, {len(fp)} false positives, {len(fn)} false negatives"
    )
    for kind, rows in (("FP", fp), ("FN", fn)):
        for i in rows:
            text = " ".join(texts[i].split())
            print(f"{kind} p={mean[i]:.2f} wrong {wrong[i]}/{repeats} {ids[i]}: {text}")
    edge = [i for i in range(len(y)) if wrong[i] > 0 and i not in fp and i not in fn]
    print(f"(and {len(edge)} posts right on average but wrong in some repeats)")
