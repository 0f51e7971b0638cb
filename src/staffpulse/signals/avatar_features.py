"""Image statistics and face detection for the avatar classifier.

A photograph and a brand mark differ in ways that simple statistics see: a logo is a few flat
colours with sharp edges, a photo has thousands of colours, texture and noise everywhere. A
face detector (OpenCV's Haar cascades, shipped inside ``opencv-python-headless`` < 5) adds
the evidence that the subject is a person. :func:`image_features` turns one RGB array into
the fixed-length vector the classifier reads; :data:`FEATURE_NAMES` names its entries.

OpenCV (the ``image`` extra) is imported when first needed.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from staffpulse.errors import ModelError
from staffpulse.signals.avatar_extra import image_module

#: Side of the square thumbnail the colour and texture statistics are computed on.
STATS_SIDE = 128
#: Longest side of the grey image the face detector scans.
FACE_SIDE = 224
#: Images with at least this share of near-flat pixels are drawings: no face scan. Dev
#: photos reach 0.61; logos have a median of 0.87.
SKIP_FACES_FLAT = 0.8

FEATURE_NAMES: tuple[str, ...] = (
    "log_colors",  # log(1 + distinct colours at 4 bits per channel)
    "top1",  # share of the most common colour
    "top4",  # share of the 4 most common colours
    "top16",
    "color_entropy",  # bits
    "flat2",  # share of pixels with gradient magnitude < 2 (perfectly flat)
    "flat8",
    "flat32",
    "strong_edges",  # share of pixels with gradient magnitude > 100
    "log_laplace",  # log(1 + median |Laplacian|): noise and texture
    "sat_mean",
    "sat_std",
    "val_std",
    "skin",  # share of skin-tone pixels (YCrCb box)
    "gray_levels",  # share of the 64 grey levels in use
    "border_flat",  # share of border pixels equal to the main border colour
    "faces",  # number of faces found (capped at 5)
    "face_weight",  # best detection weight of the frontal cascade (0 when none)
    "face_area",  # area of the largest face over the image area
    "face_skin",  # share of skin-tone pixels inside the largest face
)


@dataclass(frozen=True)
class Faces:
    """What the face detector found in one image."""

    count: int
    best_weight: float
    largest_area: float  # fraction of the image
    largest_box: tuple[int, int, int, int] | None  # x, y, w, h in the scanned image


NO_FACES = Faces(0, 0.0, 0.0, None)


class FaceDetector:
    """OpenCV's frontal-face Haar cascade (``alt2``), loaded once per thread.

    ``alt2`` had the best recall for its false alarms on the dev avatars among the frontal
    cascades OpenCV ships; the profile cascade found no face the frontal one missed, at the
    same cost, so it is not used. Cascades are not thread-safe: each thread has its own.
    """

    FRONTAL = "haarcascade_frontalface_alt2.xml"

    def __init__(self, *, scale_factor: float = 1.15, min_neighbors: int = 3) -> None:
        self.scale_factor = scale_factor
        self.min_neighbors = min_neighbors
        self._local = threading.local()

    def _cascade(self) -> Any:
        cached = getattr(self._local, "cascade", None)
        if cached is not None:
            return cached
        cv2 = image_module("cv2")
        data = getattr(cv2, "data", None)
        if data is None or not hasattr(cv2, "CascadeClassifier"):
            raise ModelError(
                "this OpenCV has no Haar cascades (opencv-python-headless 5.x dropped them)",
                hint="run: pip install 'opencv-python-headless<5'",
            )
        cascade = cv2.CascadeClassifier(str(data.haarcascades) + self.FRONTAL)
        if cascade.empty():
            raise ModelError(
                f"OpenCV face cascade {self.FRONTAL} is missing or unreadable",
                hint="reinstall: pip install --force-reinstall 'opencv-python-headless<5'",
            )
        self._local.cascade = cascade
        return cascade

    def detect(self, gray: npt.NDArray[np.uint8]) -> Faces:
        """Find faces in an equalised grey image (longest side about :data:`FACE_SIDE`)."""
        frontal = self._cascade()
        h, w = gray.shape[:2]
        min_side = max(12, min(h, w) // 14)
        boxes, _levels, weights = frontal.detectMultiScale3(
            gray,
            scaleFactor=self.scale_factor,
            minNeighbors=self.min_neighbors,
            minSize=(min_side, min_side),
            outputRejectLevels=True,
        )
        count = len(boxes)
        if count == 0:
            return NO_FACES
        areas = [int(bw) * int(bh) for (_x, _y, bw, bh) in boxes]
        i = max(range(count), key=areas.__getitem__)
        x, y, bw, bh = (int(v) for v in boxes[i])
        best = float(max(float(v) for v in np.ravel(weights)))
        return Faces(count, best, areas[i] / float(h * w), (x, y, bw, bh))


def _skin_mask(ycrcb: Any) -> Any:
    y, cr, cb = ycrcb[..., 0], ycrcb[..., 1], ycrcb[..., 2]
    return (cr >= 135) & (cr <= 180) & (cb >= 85) & (cb <= 135) & (y > 40)


def face_gray(rgb: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    """Grey, histogram-equalised copy of ``rgb`` with its longest side at :data:`FACE_SIDE`."""
    cv2 = image_module("cv2")
    h, w = rgb.shape[:2]
    scale = FACE_SIDE / max(h, w)
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    interp = cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
    gray = cv2.cvtColor(cv2.resize(rgb, size, interpolation=interp), cv2.COLOR_RGB2GRAY)
    out: npt.NDArray[np.uint8] = cv2.equalizeHist(gray)
    return out


def _face_skin_share(rgb: npt.NDArray[np.uint8], box: tuple[int, int, int, int] | None) -> float:
    """The share of skin-tone pixels inside the largest face found (0.0 without one).
    ``box`` is in the grey image the detector scanned (:func:`face_gray`), scaled back to
    ``rgb`` here."""
    if box is None:
        return 0.0
    cv2 = image_module("cv2")
    x, y, w, h = box
    scale = max(rgb.shape[:2]) / FACE_SIDE
    crop = rgb[int(y * scale) : int((y + h) * scale), int(x * scale) : int((x + w) * scale)]
    if not crop.size:
        return 0.0
    return float(_skin_mask(cv2.cvtColor(crop, cv2.COLOR_RGB2YCrCb)).mean())


def image_features(
    rgb: npt.NDArray[np.uint8], detector: FaceDetector
) -> tuple[npt.NDArray[np.float64], Faces]:
    """Return the feature vector (ordered as :data:`FEATURE_NAMES`) and the faces found."""
    cv2 = image_module("cv2")
    img = cv2.resize(rgb, (STATS_SIDE, STATS_SIDE), interpolation=cv2.INTER_AREA)
    n = float(STATS_SIDE * STATS_SIDE)

    q = (img >> 4).astype(np.int32)
    code = (q[..., 0] << 8) | (q[..., 1] << 4) | q[..., 2]
    counts = np.bincount(code.ravel(), minlength=4096)
    shares = np.sort(counts)[::-1] / n
    nonzero = shares[shares > 0]
    entropy = float(-(nonzero * np.log2(nonzero)).sum())

    gray = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY).astype(np.float32)
    gx = cv2.Sobel(gray, cv2.CV_32F, 1, 0)
    gy = cv2.Sobel(gray, cv2.CV_32F, 0, 1)
    mag = cv2.magnitude(gx, gy)
    lap = cv2.Laplacian(gray, cv2.CV_32F)

    hsv = cv2.cvtColor(img, cv2.COLOR_RGB2HSV)
    sat = hsv[..., 1] / 255.0
    val = hsv[..., 2] / 255.0
    ycrcb = cv2.cvtColor(img, cv2.COLOR_RGB2YCrCb)
    skin = _skin_mask(ycrcb)
    levels = np.bincount((gray.astype(np.int32) >> 2).ravel(), minlength=64)

    border = np.concatenate([code[0], code[-1], code[1:-1, 0], code[1:-1, -1]])
    border_counts = np.bincount(border, minlength=4096)
    border_flat = float(border_counts.max() / border.size)

    flat8 = float((mag < 8).mean())
    # a flat drawing (most logos, every placeholder) is not scanned for faces: it saves half
    # the cost on logos, and cartoon faces on mascots are not the faces we count
    faces = NO_FACES if flat8 >= SKIP_FACES_FLAT else detector.detect(face_gray(rgb))
    face_skin = _face_skin_share(rgb, faces.largest_box)

    values = [
        float(np.log1p(nonzero.size)),
        float(shares[0]),
        float(shares[:4].sum()),
        float(shares[:16].sum()),
        entropy,
        float((mag < 2).mean()),
        flat8,
        float((mag < 32).mean()),
        float((mag > 100).mean()),
        float(np.log1p(np.median(np.abs(lap)))),
        float(sat.mean()),
        float(sat.std()),
        float(val.std()),
        float(skin.mean()),
        float((levels > 0).mean()),
        border_flat,
        float(min(faces.count, 5)),
        faces.best_weight,
        faces.largest_area,
        face_skin,
    ]
    vec: npt.NDArray[np.float64] = np.asarray(values, dtype=np.float64)
    return vec, faces
