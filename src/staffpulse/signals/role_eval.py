"""Evaluation helpers for the role tagger: per-role counts, Wilson and bootstrap intervals.

Real recruiters, HR people and staffing firms are rare in the labeled data (a handful each),
so every precision or recall comes with its counts and a 95% interval that says how sure it is.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from staffpulse.signals.roles import INDUSTRY_ROLES, ROLES


def wilson_interval(successes: float, total: float, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval of a proportion (``(0, 1)`` when ``total`` is 0)."""
    if total <= 0:
        return (0.0, 1.0)
    p = successes / total
    denom = 1.0 + z * z / total
    centre = (p + z * z / (2 * total)) / denom
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def binary_counts(truth: np.ndarray, pred: np.ndarray) -> dict[str, int]:
    t = np.asarray(truth, dtype=bool)
    p = np.asarray(pred, dtype=bool)
    return {
        "tp": int((t & p).sum()),
        "fp": int((~t & p).sum()),
        "fn": int((t & ~p).sum()),
        "tn": int((~t & ~p).sum()),
    }


def f1_score(tp: float, fp: float, fn: float) -> float:
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def prf(counts: dict[str, float]) -> dict[str, Any]:
    """Precision, recall and F1 with Wilson intervals from (possibly averaged) counts."""
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    return {
        "support": tp + fn,
        "predicted": tp + fp,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "precision_ci95": wilson_interval(tp, tp + fp),
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "recall_ci95": wilson_interval(tp, tp + fn),
        "f1": f1_score(tp, fp, fn),
    }


def group_masks(labels: Sequence[str]) -> dict[str, np.ndarray]:
    """Boolean masks of every role, plus ``industry`` (the four industry roles together)."""
    arr = np.asarray(labels)
    masks = {role: arr == role for role in ROLES}
    masks["industry"] = np.isin(arr, sorted(INDUSTRY_ROLES))
    return masks


def bootstrap_f1(
    truth: np.ndarray, pred: np.ndarray, *, n_boot: int = 1000, seed: int = 0
) -> np.ndarray:
    """F1 of ``n_boot`` resamples of the accounts (with replacement)."""
    rng = np.random.default_rng(seed)
    t = np.asarray(truth, dtype=bool)
    p = np.asarray(pred, dtype=bool)
    n = len(t)
    out = np.empty(n_boot)
    for b in range(n_boot):
        idx = rng.integers(0, n, n)
        c = binary_counts(t[idx], p[idx])
        out[b] = f1_score(c["tp"], c["fp"], c["fn"])
    return out


def role_report(
    truth: Sequence[str], repeats: Sequence[Sequence[str]], *, n_boot: int = 1000, seed: int = 0
) -> dict[str, Any]:
    """Per-role and industry-group metrics of out-of-fold predictions.

    ``repeats`` holds one full set of out-of-fold predictions per CV repeat. Counts are averaged
    over repeats (so they stay on the scale of the real number of accounts) before the Wilson
    intervals are computed; the F1 interval pools account bootstraps of every repeat.
    """
    truth_masks = group_masks(truth)
    out: dict[str, Any] = {}
    for name, t_mask in truth_masks.items():
        per_repeat = [binary_counts(t_mask, group_masks(pred)[name]) for pred in repeats]
        mean_counts = {
            k: float(np.mean([c[k] for c in per_repeat])) for k in ("tp", "fp", "fn", "tn")
        }
        entry = prf(mean_counts)
        f1s = [f1_score(c["tp"], c["fp"], c["fn"]) for c in per_repeat]
        entry["f1_repeats_mean"] = float(np.mean(f1s))
        entry["f1_repeats_sd"] = float(np.std(f1s))
        boots = np.concatenate(
            [
                bootstrap_f1(t_mask, group_masks(pred)[name], n_boot=n_boot, seed=seed + i)
                for i, pred in enumerate(repeats)
            ]
        )
        entry["f1_ci95_bootstrap"] = (
            float(np.percentile(boots, 2.5)),
            float(np.percentile(boots, 97.5)),
        )
        out[name] = entry
    accs = [float(np.mean(np.asarray(truth) == np.asarray(pred))) for pred in repeats]
    out["accuracy"] = {"mean": float(np.mean(accs)), "sd": float(np.std(accs)), "n": len(truth)}
    return out


def accuracy_report(truth: np.ndarray, pred_repeats: Sequence[np.ndarray]) -> dict[str, Any]:
    """Accuracy over repeats with a Wilson interval on the mean number correct."""
    t = np.asarray(truth)
    accs = [float(np.mean(t == np.asarray(p))) for p in pred_repeats]
    n = len(t)
    mean = float(np.mean(accs))
    return {
        "accuracy": mean,
        "sd_over_repeats": float(np.std(accs)),
        "n": n,
        "ci95_wilson": wilson_interval(mean * n, n),
    }
