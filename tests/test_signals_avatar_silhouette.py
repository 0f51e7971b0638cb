"""The looser placeholder check: a head-and-shoulders figure in any flat colours is one,
whether drawn by a platform or by hand, while a round logo, a bar or a triangle (a figure
without a head over shoulders) and a photo's noise are not."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

np = pytest.importorskip("numpy")
pytest.importorskip("cv2")
Image = pytest.importorskip("PIL.Image")
ImageDraw = pytest.importorskip("PIL.ImageDraw")

from staffpulse.signals.avatar_placeholders import draw_silhouette  # noqa: E402
from staffpulse.signals.avatar_silhouette import match_silhouette  # noqa: E402

NAVY, WHITE = (20, 60, 160), (255, 255, 255)


def _drawn(shapes: Callable[[Any], None]) -> Any:
    image = Image.new("RGB", (200, 200), WHITE)
    shapes(ImageDraw.Draw(image))
    return np.asarray(image)


def test_a_figure_drawn_by_hand_in_brand_colours_is_a_silhouette() -> None:
    def person(draw: Any) -> None:
        draw.ellipse((70, 20, 130, 80), fill=NAVY)  # the head
        draw.ellipse((20, 130, 180, 260), fill=NAVY)  # the shoulders, cut by the frame

    found = match_silhouette(_drawn(person))
    assert found is not None and found[0] > 0.9


def test_a_placeholder_with_a_big_head_or_in_a_disc_is_a_silhouette() -> None:
    for options in ({"head_r": 0.2, "shoulder_w": 0.35}, {"disc": True}):
        found = match_silhouette(np.asarray(draw_silhouette(200, **options).convert("RGB")))
        assert found is not None and found[0] > 0.9, options


@pytest.mark.parametrize(
    "shape",
    [
        lambda d: d.ellipse((50, 50, 150, 150), fill=NAVY),  # a round logo
        lambda d: d.rectangle((60, 30, 140, 190), fill=NAVY),  # a bar
        lambda d: d.polygon([(100, 20), (30, 180), (170, 180)], fill=NAVY),  # a triangle
    ],
)
def test_a_logo_without_a_head_over_shoulders_is_none(shape: Callable[[Any], None]) -> None:
    assert match_silhouette(_drawn(shape)) is None


def test_a_photo_is_not_flat_enough_to_judge() -> None:
    noise = np.random.default_rng(0).integers(0, 255, (200, 200, 3), dtype=np.uint8)
    assert match_silhouette(noise) is None
