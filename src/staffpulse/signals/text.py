"""Post signals: job opening, personality, humor and work topic, scored in one batch.

:class:`TextSignals` is one logistic regression per signal over shared features
(:mod:`staffpulse.signals.features`: vocabulary n-grams, cue tokens and lexicon groups).
Scoring a batch is one tokenisation, one sparse matrix product and a sigmoid; batches of
more than ``parallel_min`` posts are split over processes (``n_jobs``).

The shipped artifact lives in ``signals/artifacts/text_signals.json`` (vocabulary,
thresholds, provenance) and ``text_signals.npz`` (weights): plain JSON and NumPy, no pickle,
so it survives scikit-learn upgrades. ``scripts/train_text_signals.py`` rebuilds it; the
model cards in ``docs/models/`` give data, cross-validated metrics and failure modes.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from staffpulse.errors import InputError, ModelError
from staffpulse.signals.features import NORMALIZER_VERSION, Featurizer

__all__ = ["ARTIFACT_JSON", "ARTIFACT_NPZ", "SIGNAL_NAMES", "TextSignals", "load_text_signals"]

SIGNAL_NAMES: tuple[str, ...] = ("job_opening", "personality", "humor", "work_topic")
ARTIFACT_JSON = "text_signals.json"
ARTIFACT_NPZ = "text_signals.npz"
FloatArray = npt.NDArray[np.float64]

_WORKER_MODEL: TextSignals | None = None


def _worker_init(model: TextSignals) -> None:
    global _WORKER_MODEL
    _WORKER_MODEL = model


def _worker_score(args: tuple[list[str], tuple[str, ...]]) -> npt.NDArray[np.float32]:
    assert _WORKER_MODEL is not None
    texts, signals = args
    return _WORKER_MODEL._raw(texts, signals)


class TextSignals:
    """Logistic-regression scorers sharing one featurizer (scikit-learn contract).

    Parameters are stored as given; :meth:`fit` learns ``featurizer_``, ``coef_``
    (n_features x n_signals), ``intercept_`` and ``thresholds_``.
    """

    featurizer_: Featurizer
    signals_: tuple[str, ...]
    coef_: npt.NDArray[np.float32]
    intercept_: npt.NDArray[np.float64]
    thresholds_: dict[str, float]
    metadata_: dict[str, Any]

    def __init__(
        self,
        C: dict[str, float] | None = None,
        min_df: int = 1,
        class_weight: str | None = "balanced",
        n_jobs: int = 2,
        parallel_min: int = 20_000,
    ) -> None:
        self.C = C
        self.min_df = min_df
        self.class_weight = class_weight
        self.n_jobs = n_jobs
        self.parallel_min = parallel_min

    # ---- training -------------------------------------------------------------------
    def fit(
        self,
        texts: Sequence[str],
        y: dict[str, npt.ArrayLike],
        sample_weight: dict[str, npt.ArrayLike] | None = None,
        thresholds: dict[str, float] | None = None,
    ) -> TextSignals:
        """Fit one model per signal in ``y`` (arrays of 0/1; -1 marks "not labelled")."""
        from sklearn.linear_model import LogisticRegression

        if not texts:
            raise InputError("no texts to train on", hint="give at least one labelled post")
        self.featurizer_ = Featurizer.from_texts(texts, min_df=self.min_df)
        X = self.featurizer_.transform(texts)
        names = tuple(n for n in SIGNAL_NAMES if n in y)
        coef = np.zeros((self.featurizer_.n_features, len(names)), dtype=np.float32)
        intercept = np.zeros(len(names), dtype=np.float64)
        for j, name in enumerate(names):
            target = np.asarray(y[name])
            mask = target >= 0
            weight = None
            if sample_weight is not None and name in sample_weight:
                weight = np.asarray(sample_weight[name], dtype=np.float64)[mask]
            C = (self.C or {}).get(name, 1.0)
            lr = LogisticRegression(
                C=C, class_weight=self.class_weight, solver="liblinear", random_state=0
            )
            lr.fit(X[mask], target[mask], sample_weight=weight)
            coef[:, j] = lr.coef_[0]
            intercept[j] = lr.intercept_[0]
        self.signals_ = names
        self.coef_ = coef
        self.intercept_ = intercept
        self.thresholds_ = {n: float((thresholds or {}).get(n, 0.5)) for n in names}
        return self

    # ---- scoring ----------------------------------------------------------------------
    def _raw(self, texts: Sequence[str], signals: Sequence[str]) -> npt.NDArray[np.float32]:
        cols = [self.signals_.index(s) for s in signals]
        X = self.featurizer_.transform(texts)
        logits = np.asarray(X @ self.coef_[:, cols]) + self.intercept_[cols]
        out: npt.NDArray[np.float32] = (1.0 / (1.0 + np.exp(-logits))).astype(np.float32)
        return out

    def score(
        self, texts: Sequence[str], signals: Sequence[str] = SIGNAL_NAMES
    ) -> dict[str, FloatArray]:
        """``{signal: probabilities in [0, 1]}`` for a batch of post texts, in input order."""
        unknown = [s for s in signals if s not in getattr(self, "signals_", ())]
        if unknown:
            raise InputError(
                f"unknown signal(s): {', '.join(unknown)}",
                hint=f"choose among {', '.join(SIGNAL_NAMES)}",
            )
        texts = [t if isinstance(t, str) else "" for t in texts]
        wanted = tuple(signals)
        n = len(texts)
        if n == 0:
            return {s: np.zeros(0, dtype=np.float64) for s in wanted}
        jobs = max(1, min(self.n_jobs, os.cpu_count() or 1))
        if jobs > 1 and n >= self.parallel_min:
            raw = self._parallel(texts, wanted, jobs)
        else:
            raw = self._raw(texts, wanted)
        return {s: raw[:, j].astype(np.float64) for j, s in enumerate(wanted)}

    def _parallel(
        self, texts: list[str], signals: tuple[str, ...], jobs: int
    ) -> npt.NDArray[np.float32]:
        bounds = np.linspace(0, len(texts), jobs * 2 + 1).astype(int)
        chunks = [(texts[a:b], signals) for a, b in itertools.pairwise(bounds)]
        try:
            with ProcessPoolExecutor(
                max_workers=jobs, initializer=_worker_init, initargs=(self,)
            ) as pool:
                parts = list(pool.map(_worker_score, chunks))
        except (OSError, RuntimeError):  # no fork/spawn available: score in-process
            return self._raw(texts, signals)
        return np.vstack(parts)

    def labels(self, scores: dict[str, FloatArray]) -> dict[str, npt.NDArray[np.bool_]]:
        """Boolean decisions at the calibrated thresholds."""
        return {s: p >= self.thresholds_[s] for s, p in scores.items()}

    # ---- persistence ------------------------------------------------------------------
    def save(self, folder: Path, metadata: dict[str, Any] | None = None) -> None:
        """Write ``text_signals.json`` and ``text_signals.npz`` into ``folder``."""
        folder.mkdir(parents=True, exist_ok=True)
        doc = {
            "format": 1,
            "normalizer_version": NORMALIZER_VERSION,
            "signals": list(self.signals_),
            "thresholds": self.thresholds_,
            "bigrams": self.featurizer_.bigrams,
            "params": {"C": self.C, "min_df": self.min_df, "class_weight": self.class_weight},
            "metadata": metadata or {},
            "vocabulary": self.featurizer_.vocabulary,
        }
        (folder / ARTIFACT_JSON).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        np.savez_compressed(folder / ARTIFACT_NPZ, coef=self.coef_, intercept=self.intercept_)

    @classmethod
    def load(cls, folder: Path | None = None) -> TextSignals:
        """Load the artifact from ``folder`` (default: the one shipped in the package)."""
        try:
            if folder is None:
                base = resources.files("staffpulse.signals") / "artifacts"
                raw_json = (base / ARTIFACT_JSON).read_text(encoding="utf-8")
                with resources.as_file(base / ARTIFACT_NPZ) as npz_path:
                    arrays = dict(np.load(npz_path, allow_pickle=False))
            else:
                raw_json = (folder / ARTIFACT_JSON).read_text(encoding="utf-8")
                arrays = dict(np.load(folder / ARTIFACT_NPZ, allow_pickle=False))
            doc = json.loads(raw_json)
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(
                f"the post-signals model artifact cannot be read ({exc})",
                hint="reinstall staffpulse, or rebuild it with scripts/train_text_signals.py",
            ) from exc
        return cls._from_parts(doc, arrays)

    @classmethod
    def _from_parts(cls, doc: dict[str, Any], arrays: dict[str, Any]) -> TextSignals:
        try:
            if doc.get("normalizer_version") != NORMALIZER_VERSION:
                raise ValueError(
                    f"artifact normaliser v{doc.get('normalizer_version')}, "
                    f"code v{NORMALIZER_VERSION}"
                )
            params = doc.get("params", {})
            model = cls(C=params.get("C"), min_df=int(params.get("min_df", 1)))
            model.featurizer_ = Featurizer(doc["vocabulary"], bigrams=bool(doc["bigrams"]))
            model.signals_ = tuple(doc["signals"])
            model.coef_ = np.asarray(arrays["coef"], dtype=np.float32)
            model.intercept_ = np.asarray(arrays["intercept"], dtype=np.float64)
            model.thresholds_ = {k: float(v) for k, v in doc["thresholds"].items()}
            model.metadata_ = dict(doc.get("metadata", {}))
            expected = (model.featurizer_.n_features, len(model.signals_))
            if model.coef_.shape != expected or model.intercept_.shape != (expected[1],):
                raise ValueError(f"weights of shape {model.coef_.shape}, expected {expected}")
            if set(model.thresholds_) != set(model.signals_):
                raise ValueError("thresholds do not match the signals")
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(
                f"the post-signals model artifact is corrupt ({exc})",
                hint="reinstall staffpulse, or rebuild it with scripts/train_text_signals.py",
            ) from exc
        return model


@lru_cache(maxsize=1)
def load_text_signals() -> TextSignals:
    """The shipped post-signals model, loaded once per process."""
    return TextSignals.load()
