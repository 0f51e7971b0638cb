"""The statistics the avatar classifier reads: a flat logo reads as few colours and flat, and
is never scanned for faces (a mascot's cartoon face is not a person's), a photo-like image is;
and an OpenCV without its face cascades says which version to install."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

np = pytest.importorskip("numpy")
pytest.importorskip("cv2")

from staffpulse.errors import ModelError  # noqa: E402
from staffpulse.signals import avatar_features  # noqa: E402
from staffpulse.signals.avatar_features import (  # noqa: E402
    FEATURE_NAMES,
    FaceDetector,
    Faces,
    image_features,
)


class _Detector(FaceDetector):
    """Finds one face in the middle of whatever it is asked to scan; counts the scans."""

    def __init__(self) -> None:
        super().__init__()
        self.scans = 0

    def detect(self, gray: Any) -> Faces:
        self.scans += 1
        h, w = gray.shape
        return Faces(1, 2.5, 0.25, (w // 4, h // 4, w // 2, h // 2))


def _features(rgb: Any, detector: FaceDetector) -> dict[str, float]:
    vector, _faces = image_features(rgb, detector)
    return dict(zip(FEATURE_NAMES, vector.tolist(), strict=True))


def test_a_flat_logo_is_few_colours_and_never_scanned_for_faces() -> None:
    logo = np.full((200, 200, 3), 255, dtype=np.uint8)
    logo[50:150, 50:150] = (20, 60, 160)
    detector = _Detector()
    features = _features(logo, detector)
    assert detector.scans == 0
    assert features["faces"] == 0 and features["face_skin"] == 0
    assert features["top4"] == pytest.approx(1.0) and features["flat8"] > 0.9
    assert features["border_flat"] == 1.0


def test_a_photo_like_image_is_scanned_and_its_face_measured() -> None:
    rng = np.random.default_rng(3)
    photo = rng.integers(0, 255, (200, 200, 3), dtype=np.uint8)
    photo[50:150, 50:150] = (205, 150, 125)  # a skin tone where the stand-in finds the face
    detector = _Detector()
    features = _features(photo, detector)
    assert detector.scans == 1
    assert (features["faces"], features["face_weight"], features["face_area"]) == (1, 2.5, 0.25)
    assert features["face_skin"] > 0.9
    assert (
        features["log_colors"] > _features(np.zeros((64, 64, 3), np.uint8), detector)["log_colors"]
    )


def test_an_opencv_without_face_cascades_names_the_version_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(avatar_features, "image_module", lambda _name: SimpleNamespace())
    with pytest.raises(ModelError) as raised:
        FaceDetector().detect(np.zeros((10, 10), np.uint8))
    assert "opencv-python-headless 5.x dropped them" in str(raised.value)
    assert raised.value.hint == "run: pip install 'opencv-python-headless<5'"
