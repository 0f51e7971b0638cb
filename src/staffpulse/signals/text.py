"""Post signals: job opening, personality, humor and work topic, scored in one batch.

:class:`TextSignals` is one logistic regression per signal over shared features
(:mod:`staffpulse.signals.features`: vocabulary n-grams, cue tokens and lexicon groups).
Two feature sets share one tokenisation: ``full`` (personality, humor, work topic) and the
cheaper unigram-only ``light`` (job opening). Scoring a batch is one tokenisation, one sparse
matrix product per feature set and a sigmoid; batches of ``parallel_min`` posts or more are
split over processes. Humor and job opening need evidence: a post of fewer than
:data:`HUMOR_MIN_WORDS` (humor, unless it laughs) or :data:`JOB_MIN_WORDS` known words keeps
only that share of it (:func:`discount_thin_evidence`).

The shipped artifact lives in ``signals/artifacts/text_signals.json`` (vocabulary,
thresholds, provenance) and ``text_signals.npz`` (weights): plain JSON and NumPy, no pickle,
so it survives scikit-learn upgrades. ``scripts/train_text_signals.py`` rebuilds it; the
model cards in ``docs/models/`` give data, cross-validated metrics and failure modes.
"""

from __future__ import annotations

import itertools
import json
import logging
import multiprocessing
import os
import zipfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from staffpulse.errors import InputError, ModelError
from staffpulse.signals.features import NORMALIZER_VERSION, Featurizer, tokenize
from staffpulse.signals.pattern_bounds import bound_by_patterns
from staffpulse.signals.thin_evidence import (
    HUMOR_MIN_WORDS,
    JOB_MIN_WORDS,
    discount_thin_evidence,
)

if TYPE_CHECKING:
    from scipy import sparse

__all__ = [
    "ARTIFACT_JSON",
    "ARTIFACT_NPZ",
    "SIGNAL_NAMES",
    "TextSignals",
    "load_text_signals",
    "load_text_signals_or_none",
]
log = logging.getLogger(__name__)

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


#: Feature sets: "full" has unigrams, bigrams and lexicon groups; "light" drops the bigrams
#: (the costliest look-ups) and loses nothing for job ads on CV. Both read the same tokens,
#: so scoring all signals tokenises once.
FEATURE_SETS: dict[str, dict[str, bool]] = {
    "full": {"bigrams": True, "cues": True},
    "light": {"bigrams": False, "cues": True},
}
DEFAULT_FEATURE_SET_OF: dict[str, str] = {
    "job_opening": "light",
    "personality": "full",
    "humor": "full",
    "work_topic": "full",
}


class TextSignals:
    """One logistic regression per signal over shared featurizers (scikit-learn contract).

    Parameters are stored as given; :meth:`fit` learns ``featurizers_`` (one per feature set
    in use), ``coef_`` and ``intercept_`` (per feature set: n_features x its signals),
    ``signals_``, ``set_signals_`` and ``thresholds_``.
    """

    featurizers_: dict[str, Featurizer]
    signals_: tuple[str, ...]
    set_signals_: dict[str, tuple[str, ...]]
    coef_: dict[str, npt.NDArray[np.float32]]
    intercept_: dict[str, npt.NDArray[np.float64]]
    thresholds_: dict[str, float]
    metadata_: dict[str, Any]

    def __init__(
        self,
        C: dict[str, float] | None = None,
        feature_set_of: dict[str, str] | None = None,
        min_df: int = 1,
        class_weight: str | None = "balanced",
        n_jobs: int = 2,
        parallel_min: int = 20_000,
        job_ad_patterns: bool = True,
    ) -> None:
        self.C = C
        self.feature_set_of = feature_set_of
        self.min_df = min_df
        self.class_weight = class_weight
        self.n_jobs = n_jobs
        self.parallel_min = parallel_min
        self.job_ad_patterns = job_ad_patterns

    def _set_of(self, signal: str) -> str:
        return (self.feature_set_of or DEFAULT_FEATURE_SET_OF).get(signal, "full")

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
        names = tuple(n for n in SIGNAL_NAMES if n in y)
        self.set_signals_ = {}
        for name in names:
            fs = self._set_of(name)
            self.set_signals_[fs] = (*self.set_signals_.get(fs, ()), name)
        self.featurizers_, self.coef_, self.intercept_ = {}, {}, {}
        for fs, members in self.set_signals_.items():
            feat = Featurizer.from_texts(texts, min_df=self.min_df, **FEATURE_SETS[fs])
            X = feat.transform(texts)
            coef = np.zeros((feat.n_features, len(members)), dtype=np.float32)
            intercept = np.zeros(len(members), dtype=np.float64)
            for j, name in enumerate(members):
                target = np.asarray(y[name])
                mask = target >= 0
                weight = None
                if sample_weight is not None and name in sample_weight:
                    weight = np.asarray(sample_weight[name], dtype=np.float64)[mask]
                lr = LogisticRegression(
                    C=(self.C or {}).get(name, 1.0),
                    class_weight=self.class_weight,
                    solver="liblinear",
                    random_state=0,
                )
                lr.fit(X[mask], target[mask], sample_weight=weight)
                coef[:, j] = lr.coef_[0]
                intercept[j] = lr.intercept_[0]
            self.featurizers_[fs] = feat
            self.coef_[fs] = coef
            self.intercept_[fs] = intercept
        self.signals_ = names
        self.thresholds_ = {n: float((thresholds or {}).get(n, 0.5)) for n in names}
        return self

    # ---- scoring ----------------------------------------------------------------------
    def _raw(self, texts: Sequence[str], signals: Sequence[str]) -> npt.NDArray[np.float32]:
        out = np.zeros((len(texts), len(signals)), dtype=np.float32)
        tokens: dict[bool, list[str]] = {}  # tokenise once per cue setting
        for fs, members in self.set_signals_.items():
            wanted = [(j, members.index(s)) for j, s in enumerate(signals) if s in members]
            if not wanted:
                continue  # this feature set is not needed: skip its featurisation
            cols = [c for _, c in wanted]
            feat = self.featurizers_[fs]
            if feat.cues not in tokens:
                tokens[feat.cues] = tokenize(texts, feat.cues)
            X = feat.transform_tokens(tokens[feat.cues], len(texts))
            logits = np.asarray(X @ self.coef_[fs][:, cols]) + self.intercept_[fs][cols]
            self._discount_thin_posts(logits, X, fs, [s for s in signals if s in members])
            probs = 1.0 / (1.0 + np.exp(-logits))
            # an empty post (or one of words never seen) says nothing: 0, not the model's prior
            # (about 0.5 with balanced classes, which would call a blank post human)
            probs[np.diff(X.indptr) == 0] = 0.0
            out[:, [j for j, _ in wanted]] = probs
        if self.job_ad_patterns:
            bound_by_patterns(out, texts, signals)  # staffing ads; talk about hiring
        return out

    def _discount_thin_posts(
        self, logits: npt.NDArray[np.float64], X: sparse.csr_matrix, fs: str, scored: list[str]
    ) -> None:
        """Discount, in place, the humor and job-opening logits (columns in ``scored`` order)
        of posts with too few known words (:func:`discount_thin_evidence`)."""
        feat, members = self.featurizers_[fs], self.set_signals_[fs]
        words: npt.NDArray[np.int64] | None = None
        for signal, min_words in (("humor", HUMOR_MIN_WORDS), ("job_opening", JOB_MIN_WORDS)):
            if signal not in scored:
                continue
            if signal == "humor":
                if "@laugh" not in feat.groups:
                    continue
                exempt = feat.has_group(X, "@laugh")
            else:
                exempt = np.zeros(X.shape[0], dtype=bool)
            words = feat.count_words(X) if words is None else words
            col = scored.index(signal)
            logits[:, col] = discount_thin_evidence(
                logits[:, col],
                float(self.intercept_[fs][members.index(signal)]),
                words,
                exempt,
                min_words,
            )

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
        jobs = self.count_workers()
        if jobs > 1 and n >= self.parallel_min:
            raw = self._parallel(texts, wanted, jobs)
        else:
            raw = self._raw(texts, wanted)
        return {s: raw[:, j].astype(np.float64) for j, s in enumerate(wanted)}

    def count_workers(self) -> int:
        """How many processes a batch of ``parallel_min`` posts or more is spread over."""
        # A daemonic process (a Dask worker, a pool's worker) may not start children of its
        # own, and its caller already spreads the work over the cores.
        if multiprocessing.current_process().daemon:
            return 1
        return max(1, min(self.n_jobs, os.cpu_count() or 1))

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
            "format": 2,
            "normalizer_version": NORMALIZER_VERSION,
            "signals": list(self.signals_),
            "thresholds": self.thresholds_,
            "params": {
                "C": self.C,
                "feature_set_of": self.feature_set_of,
                "min_df": self.min_df,
                "class_weight": self.class_weight,
            },
            "metadata": metadata or {},
            "feature_sets": {
                fs: {
                    "signals": list(members),
                    "bigrams": self.featurizers_[fs].bigrams,
                    "cues": self.featurizers_[fs].cues,
                    "vocabulary": self.featurizers_[fs].vocabulary,
                }
                for fs, members in self.set_signals_.items()
            },
        }
        (folder / ARTIFACT_JSON).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        arrays: dict[str, Any] = {}
        for fs in self.set_signals_:
            arrays[f"coef_{fs}"] = self.coef_[fs]
            arrays[f"intercept_{fs}"] = self.intercept_[fs]
        np.savez_compressed(folder / ARTIFACT_NPZ, **arrays)

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
        # a truncated npz is not a zip file (BadZipFile) or ends early (EOFError)
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as exc:
            raise ModelError(
                f"the post-signals model artifact cannot be read ({exc})",
                hint="reinstall staffpulse, or rebuild it with scripts/train_text_signals.py",
            ) from exc
        return cls._from_parts(doc, arrays)

    @classmethod
    def _from_parts(cls, doc: dict[str, Any], arrays: dict[str, Any]) -> TextSignals:
        try:
            if doc.get("format") != 2 or doc.get("normalizer_version") != NORMALIZER_VERSION:
                raise ValueError(
                    f"artifact format {doc.get('format')} / normaliser "
                    f"v{doc.get('normalizer_version')}; code expects 2 / v{NORMALIZER_VERSION}"
                )
            params = doc.get("params", {})
            model = cls(
                C=params.get("C"),
                feature_set_of=params.get("feature_set_of"),
                min_df=int(params.get("min_df", 1)),
            )
            model.signals_ = tuple(doc["signals"])
            model.set_signals_, model.featurizers_ = {}, {}
            model.coef_, model.intercept_ = {}, {}
            for fs, spec in doc["feature_sets"].items():
                members = tuple(spec["signals"])
                feat = Featurizer(
                    spec["vocabulary"], bigrams=bool(spec["bigrams"]), cues=bool(spec["cues"])
                )
                coef = np.asarray(arrays[f"coef_{fs}"], dtype=np.float32)
                intercept = np.asarray(arrays[f"intercept_{fs}"], dtype=np.float64)
                expected = (feat.n_features, len(members))
                if coef.shape != expected or intercept.shape != (expected[1],):
                    raise ValueError(f"{fs} weights of shape {coef.shape}, expected {expected}")
                model.set_signals_[fs] = members
                model.featurizers_[fs] = feat
                model.coef_[fs] = coef
                model.intercept_[fs] = intercept
            covered = sorted(s for m in model.set_signals_.values() for s in m)
            if covered != sorted(model.signals_):
                raise ValueError("feature sets do not cover the signals")
            model.thresholds_ = {k: float(v) for k, v in doc["thresholds"].items()}
            model.metadata_ = dict(doc.get("metadata", {}))
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


@lru_cache(maxsize=4)
def load_text_signals_or_none(folder: Path | None = None) -> TextSignals | None:
    """The post-signals model for callers that have a fallback (listening's keyword filter,
    Connect's job-ad patterns), or None when its artifact cannot be loaded: the reason is
    logged once, as a warning, rather than lost. Callers without a fallback (the audit) use
    :func:`load_text_signals`, which raises ModelError."""
    try:
        return load_text_signals() if folder is None else TextSignals.load(folder)
    except ModelError as exc:
        log.warning("post-signals model unavailable, falling back to patterns: %s", exc)
        return None
