"""Avatar signal: does the picture show a person, a logo, the platform default, or other?

The Face pillar asks what an account's avatar shows. The verdict is local (no image leaves
the machine) and comes in three steps:

1. the file is read safely (:mod:`staffpulse.signals.avatar_io`: size and bomb guards);
2. platform placeholders are recognised by their look (:mod:`.avatar_defaults`);
3. otherwise a small trained classifier (:class:`AvatarClassifier`, standardised logistic
   regression) reads image statistics and face detections (:mod:`.avatar_features`) and says
   ``person``, ``logo`` or ``other``.

The trained weights ship as JSON in ``signals/artifacts/avatar_model.json`` and are rebuilt
by ``scripts/train_avatar.py``. OpenCV and Pillow, the ``image`` extra, are imported when
first needed; NumPy and scikit-learn are core dependencies. See ``docs/models/avatar.md`` for
data, metrics and failure modes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, cast

import numpy as np
import numpy.typing as npt

from staffpulse.errors import ModelError, StaffpulseError
from staffpulse.signals.avatar_defaults import default_from_metadata
from staffpulse.signals.avatar_extra import image_module

__all__ = [
    "LABELS",
    "AvatarClassifier",
    "AvatarVerdict",
    "classify_avatar",
    "classify_avatars",
    "default_from_metadata",
    "load_model",
]

MODEL_ARTIFACT = "avatar_model.json"
Label = Literal["person", "logo", "default", "other"]
LABELS: tuple[str, ...] = ("person", "logo", "default", "other")
#: Confidence reported for a placeholder recognised by the grey-palette rule.
GREY_RULE_CONFIDENCE = 0.9
#: A colour photo (mean saturation above this) ...
FACELESS_MIN_SATURATION = 0.12
#: ... with no face and fewer skin-tone pixels than this shows no person: ``other``.
FACELESS_MAX_SKIN = 0.03
#: Confidence reported for that rule.
FACELESS_CONFIDENCE = 0.7
#: A picture whose pixels vary less than this (0-255 scale), or narrower than this many
#: pixels, shows nothing: reported as ``default`` (no picture) with this confidence.
BLANK_MAX_STD = 3.0
BLANK_MIN_SIDE = 8
BLANK_CONFIDENCE = 0.9


@dataclass(frozen=True)
class AvatarVerdict:
    """What one avatar shows. ``label`` is None (and ``error`` set) when it could not be read."""

    file: str
    label: Label | None
    confidence: float
    faces: int
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict; ``error`` appears only when there is one."""
        data = asdict(self)
        if data["error"] is None:
            del data["error"]
        data["confidence"] = round(float(self.confidence), 4)
        return data


class AvatarClassifier:
    """Standardised multinomial logistic regression over :data:`FEATURE_NAMES`.

    Follows the scikit-learn contract: ``__init__`` stores parameters, :meth:`fit` returns
    self, learned attributes end in ``_``. Prediction needs NumPy only, so the shipped JSON
    artifact loads without scikit-learn's pickles.

    Args:
        C: inverse regularisation strength of the logistic regression.
        other_weight: sample weight of the rare ``other`` class while fitting.
        other_threshold: ``other`` is said only when its probability reaches this; otherwise
            the likelier of ``person`` and ``logo`` wins. ``other`` counts for little in the
            audit while calling a person ``other`` would hurt, so the bar is high.
    """

    def __init__(
        self, C: float = 1.0, other_weight: float = 3.0, other_threshold: float = 0.7
    ) -> None:
        self.C = C
        self.other_weight = other_weight
        self.other_threshold = other_threshold

    def fit(self, X: npt.ArrayLike, y: Sequence[str]) -> AvatarClassifier:
        """Fit on feature rows ``X`` and labels ``y`` (``person``, ``logo``, ``other``)."""
        from sklearn.linear_model import LogisticRegression  # training only: slow to import

        xs = np.asarray(X, dtype=np.float64)
        ys = np.asarray(list(y))
        self.mean_ = xs.mean(axis=0)
        scale = xs.std(axis=0)
        self.scale_ = np.where(scale > 1e-12, scale, 1.0)
        weights = np.where(ys == "other", self.other_weight, 1.0)
        model = LogisticRegression(C=self.C, max_iter=5000)
        model.fit((xs - self.mean_) / self.scale_, ys, sample_weight=weights)
        self.classes_ = np.asarray(model.classes_)
        coef, intercept = model.coef_, model.intercept_
        if len(self.classes_) == 2:  # binary: sklearn keeps one row for the second class
            coef = np.vstack([-coef[0] / 2, coef[0] / 2])
            intercept = np.asarray([-intercept[0] / 2, intercept[0] / 2])
        self.coef_ = np.asarray(coef, dtype=np.float64)
        self.intercept_ = np.asarray(intercept, dtype=np.float64)
        return self

    def predict_proba(self, X: npt.ArrayLike) -> npt.NDArray[np.float64]:
        """Class probabilities, columns ordered as ``classes_``."""
        xs = np.atleast_2d(np.asarray(X, dtype=np.float64))
        z = ((xs - self.mean_) / self.scale_) @ self.coef_.T + self.intercept_
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        out: npt.NDArray[np.float64] = e / e.sum(axis=1, keepdims=True)
        return out

    def predict_with_confidence(self, X: npt.ArrayLike) -> tuple[list[str], list[float]]:
        """Labels after the ``other`` threshold, with the probability of the chosen label."""
        proba = self.predict_proba(X)
        classes = [str(c) for c in self.classes_]
        other = classes.index("other") if "other" in classes else None
        labels: list[str] = []
        confidences: list[float] = []
        for row in proba:
            if other is not None and row[other] >= self.other_threshold:
                best = other
            else:
                masked = row.copy()
                if other is not None:
                    masked[other] = -1.0
                best = int(np.argmax(masked))
            labels.append(classes[best])
            confidences.append(float(row[best]))
        return labels, confidences

    def predict(self, X: npt.ArrayLike) -> npt.NDArray[Any]:
        """Labels (``person``, ``logo`` or ``other``), one per row."""
        out: npt.NDArray[Any] = np.asarray(self.predict_with_confidence(X)[0])
        return out

    def to_dict(self) -> dict[str, Any]:
        """Parameters and learned weights as plain JSON types."""
        from staffpulse.signals.avatar_features import FEATURE_NAMES

        return {
            "params": {
                "C": self.C,
                "other_weight": self.other_weight,
                "other_threshold": self.other_threshold,
            },
            "features": list(FEATURE_NAMES),
            "classes": [str(c) for c in self.classes_],
            "mean": [float(v) for v in self.mean_],
            "scale": [float(v) for v in self.scale_],
            "coef": [[float(v) for v in row] for row in self.coef_],
            "intercept": [float(v) for v in self.intercept_],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AvatarClassifier:
        """Rebuild a fitted classifier from :meth:`to_dict` output."""
        from staffpulse.signals.avatar_features import FEATURE_NAMES

        if list(data.get("features", [])) != list(FEATURE_NAMES):
            raise ModelError(
                "the avatar model was trained on other features than this code computes",
                hint="retrain: python scripts/train_avatar.py --data ../shared/data/avatars",
            )
        model = cls(**data["params"])
        model.classes_ = np.asarray(data["classes"])
        model.mean_ = np.asarray(data["mean"], dtype=np.float64)
        model.scale_ = np.asarray(data["scale"], dtype=np.float64)
        model.coef_ = np.asarray(data["coef"], dtype=np.float64)
        model.intercept_ = np.asarray(data["intercept"], dtype=np.float64)
        return model


@lru_cache(maxsize=1)
def load_model() -> AvatarClassifier:
    """The shipped classifier (``signals/artifacts/avatar_model.json``), loaded once."""
    ref = resources.files("staffpulse.signals").joinpath("artifacts").joinpath(MODEL_ARTIFACT)
    try:
        data = json.loads(ref.read_text(encoding="utf-8"))
        return AvatarClassifier.from_dict(data["model"])
    except ModelError:
        raise
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(
            f"the avatar model artifact {MODEL_ARTIFACT} is missing or corrupt ({exc})",
            hint="reinstall staffpulse, or retrain with scripts/train_avatar.py",
        ) from exc


@lru_cache(maxsize=1)
def _detector() -> Any:
    from staffpulse.signals.avatar_features import FaceDetector

    return FaceDetector()


def verdict_for_pixels(
    file: str,
    rgb: npt.NDArray[np.uint8],
    model: AvatarClassifier,
    references: tuple[tuple[str, Any], ...] | None = None,
    computed: tuple[Any, Any] | None = None,
) -> AvatarVerdict:
    """Classify already-loaded pixels.

    ``references`` replaces the shipped placeholder signatures and ``computed`` is the
    ``(features, faces)`` pair of :func:`image_features` when already known (the training
    script's cross-validation uses both).
    """
    from staffpulse.signals.avatar_defaults import match_default
    from staffpulse.signals.avatar_features import FEATURE_NAMES, image_features

    if is_blank(rgb):  # no picture at all: a single colour, or a few pixels
        return AvatarVerdict(file, "default", BLANK_CONFIDENCE, 0)
    features, faces = computed if computed is not None else image_features(rgb, _detector())
    flat = float(features[FEATURE_NAMES.index("flat8")])
    match = match_default(rgb, references, flat_share=flat)
    if match is not None:
        confidence = GREY_RULE_CONFIDENCE if match.method == "grey-palette" else match.score
        return AvatarVerdict(file, "default", round(confidence, 4), faces.count)
    labels, confidences = model.predict_with_confidence(features[None, :])
    label = cast(Label, labels[0])  # the model's classes are LABELS
    confidence = confidences[0]
    if label == "person" and faces.count == 0 and _faceless_colour_photo(features):
        label, confidence = "other", FACELESS_CONFIDENCE
    return AvatarVerdict(file, label, round(confidence, 4), faces.count)


def is_blank(rgb: npt.NDArray[np.uint8]) -> bool:
    """A picture that shows nothing: one flat colour (a transparent PNG on white), or so few
    pixels that nothing could be seen. For the Face pillar it is as empty as the default."""
    spread = float(rgb.reshape(-1, rgb.shape[-1]).std(axis=0).max()) if rgb.size else 0.0
    return min(rgb.shape[:2]) < BLANK_MIN_SIDE or spread < BLANK_MAX_STD


def _faceless_colour_photo(features: Any) -> bool:
    """A colour photo without a single skin-tone region: a landscape, an object, a pet."""
    from staffpulse.signals.avatar_features import FEATURE_NAMES

    sat = float(features[FEATURE_NAMES.index("sat_mean")])
    skin = float(features[FEATURE_NAMES.index("skin")])
    return sat > FACELESS_MIN_SATURATION and skin < FACELESS_MAX_SKIN


def classify_avatar(path: str | Path) -> AvatarVerdict:
    """Classify one image file. Unreadable files give ``label=None`` and an ``error``.

    Raises:
        MissingExtraError: the ``image`` extra is not installed.
        ModelError: the shipped model artifact is missing or corrupt.
    """
    from staffpulse.errors import MissingExtraError
    from staffpulse.signals.avatar_io import load_avatar

    file = str(path)
    model = load_model()
    try:
        rgb = load_avatar(path)
    except MissingExtraError:
        raise
    except StaffpulseError as exc:
        return AvatarVerdict(file, None, 0.0, 0, exc.message)
    return verdict_for_pixels(file, rgb, model)


def classify_avatars(
    paths: Iterable[str | Path], *, workers: int | None = None
) -> list[AvatarVerdict]:
    """Classify many files, in argument order; a bad file gets an error verdict, never raises.

    ``workers`` threads run in parallel (default: the number of CPUs, at most 4); OpenCV and
    Pillow release the GIL, so threads use several cores.
    """
    items = [str(p) for p in paths]
    if not items:
        return []
    load_model()  # fail early and once when the model or the extra is missing
    _detector()
    n = workers if workers is not None else min(4, os.cpu_count() or 1)
    if n <= 1 or len(items) == 1:
        return [_classify_guarded(p) for p in items]
    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(_classify_guarded, items))


def _classify_guarded(path: str) -> AvatarVerdict:
    """:func:`classify_avatar`, turning a failure of the image libraries on this one file
    into an error verdict: one odd picture must not sink the batch. Our own bugs still raise."""
    cv2 = image_module("cv2")
    try:
        return classify_avatar(path)
    except MemoryError:
        return AvatarVerdict(
            path, None, 0.0, 0, f"{path}: cannot classify: too big to analyse; resize it first"
        )
    except (ValueError, ArithmeticError, cv2.error):
        why = "the image could not be analysed (it may be damaged: save it anew)"
        return AvatarVerdict(path, None, 0.0, 0, f"{path}: cannot classify: {why}")
