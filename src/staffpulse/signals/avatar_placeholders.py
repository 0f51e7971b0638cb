"""Our own drawings of platform placeholder avatars, and the shape templates made from them.

Nothing here is copied from a platform's image files. The Bluesky placeholder is re-drawn from
the geometry of the ``DefaultAvatar`` SVG in bluesky-social/social-app (MIT); the other shapes
are generic head-and-shoulders silhouettes and eggs drawn from a few parameters.

A *shape template* is a 48x48 region map: 0 outside the frame (the corners of a round
avatar), 1 the backdrop, 2 the figure. :func:`shape_templates` returns them one-hot encoded
(``3 x 2304`` float arrays) for :func:`staffpulse.signals.avatar_defaults.match_template`.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from typing import Any

import numpy as np

from staffpulse.signals.avatar_extra import image_module

_SIDE = 48
_SUPER = 8  # drawn at 8x and reduced, so edges are placed to the sub-pixel

BLUESKY_BLUE = (0, 112, 255)


def _pil() -> tuple[Any, Any]:
    image = image_module("PIL.Image")
    draw = image_module("PIL.ImageDraw")
    return image, draw


def _box(cx: float, cy: float, rx: float, ry: float, size: int) -> tuple[float, ...]:
    return ((cx - rx) * size, (cy - ry) * size, (cx + rx) * size, (cy + ry) * size)


def _bluesky_body(size: int, steps: int = 24) -> list[tuple[float, float]]:
    """The shoulders path of Bluesky's DefaultAvatar (viewBox 24), as a polygon."""

    def bezier(p0: Any, p1: Any, p2: Any, p3: Any) -> list[tuple[float, float]]:
        pts = []
        for i in range(steps + 1):
            t = i / steps
            a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t**3
            pts.append(
                (
                    (a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0]) / 24 * size,
                    (a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]) / 24 * size,
                )
            )
        return pts

    segments = [
        ((12.058, 22.784), (9.422, 22.784), (7.007, 21.836), (5.137, 20.262)),
        ((5.137, 20.262), (5.667, 17.988), (8.534, 16.25), (11.99, 16.25)),
        ((11.99, 16.25), (15.494, 16.25), (18.391, 18.036), (18.864, 20.357)),
        ((18.864, 20.357), (17.01, 21.874), (14.64, 22.784), (12.058, 22.784)),
    ]
    points: list[tuple[float, float]] = []
    for seg in segments:
        points.extend(bezier(*seg))
    return points


def draw_bluesky_default(
    size: int = 400, background: tuple[int, int, int] = (255, 255, 255)
) -> Any:
    """Bluesky's placeholder: a blue disc with a white head and shoulders (Pillow image)."""
    image, draw_mod = _pil()
    big = size * 4
    im = image.new("RGB", (big, big), background)
    d = draw_mod.Draw(im)
    d.ellipse(_box(0.5, 0.5, 0.5, 0.5, big), fill=BLUESKY_BLUE)
    d.ellipse(_box(0.5, 9.5 / 24, 3.5 / 24, 3.5 / 24, big), fill=(255, 255, 255))
    d.polygon(_bluesky_body(big), fill=(255, 255, 255))
    return im.resize((size, size), image.Resampling.LANCZOS)


def draw_silhouette(
    size: int = 400,
    *,
    ground: tuple[int, int, int] = (225, 232, 237),
    figure: tuple[int, int, int] = (170, 184, 194),
    head_y: float = 0.38,
    head_r: float = 0.16,
    gap: float = 0.04,
    shoulder_w: float = 0.3,
    disc: bool = False,
    outside: tuple[int, int, int] = (255, 255, 255),
) -> Any:
    """A generic head-and-shoulders placeholder (Twitter 2017 / Facebook / Gravatar style)."""
    image, _ = _pil()
    regions = np.asarray(_silhouette_regions(size * 2, head_y, head_r, gap, shoulder_w, disc))
    colors = np.asarray([outside, ground, figure], dtype=np.uint8)
    im = image.fromarray(colors[regions])
    return im.resize((size, size), image.Resampling.LANCZOS)


def draw_twitter_oo(size: int = 400) -> Any:
    """Twitter's 2007-2009 placeholder, re-drawn: a light-blue "o_O" on a brown square."""
    image, draw_mod = _pil()
    font_mod = image_module("PIL.ImageFont")
    im = image.new("RGB", (size, size), (122, 80, 52))
    d = draw_mod.Draw(im)
    font = font_mod.load_default(size=round(size * 0.42))
    left, top, right, bottom = d.textbbox((0, 0), "o_O", font=font)
    x = (size - (right - left)) / 2 - left
    y = (size - (bottom - top)) / 2 - top
    d.text((x, y), "o_O", font=font, fill=(130, 185, 245))
    return im


def draw_pleroma_default(size: int = 400) -> Any:
    """Pleroma's placeholder, re-drawn: its orange mark on a dark rounded square."""
    image, draw_mod = _pil()
    big = size * 4
    im = image.new("RGB", (big, big), (255, 255, 255))
    d = draw_mod.Draw(im)
    orange = (250, 162, 84)
    d.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 0.08, fill=(20, 26, 34))
    d.rounded_rectangle(_box(0.37, 0.5, 0.08, 0.33, big), radius=big * 0.03, fill=orange)
    d.rounded_rectangle(_box(0.63, 0.335, 0.08, 0.165, big), radius=big * 0.02, fill=orange)
    d.rounded_rectangle(_box(0.63, 0.745, 0.08, 0.085, big), radius=big * 0.02, fill=orange)
    return im.resize((size, size), image.Resampling.LANCZOS)


def _silhouette_regions(
    size: int, head_y: float, head_r: float, gap: float, shoulder_w: float, disc: bool
) -> Any:
    """Region map (mode L: 0 outside, 1 backdrop, 2 figure) of a head-and-shoulders figure."""
    image, draw_mod = _pil()
    im = image.new("L", (size, size), 1)
    d = draw_mod.Draw(im)
    d.ellipse(_box(0.5, head_y, head_r, head_r * 1.08, size), fill=2)
    top = head_y + head_r * 1.08 + gap
    d.ellipse(_box(0.5, top + 0.42, shoulder_w, 0.42, size), fill=2)
    if disc:
        mask = image.new("L", (size, size), 0)
        draw_mod.Draw(mask).ellipse(_box(0.5, 0.5, 0.5, 0.5, size), fill=255)
        im = image.composite(im, image.new("L", (size, size), 0), mask)
    return im


def _egg_regions(size: int, rx: float, cy: float) -> Any:
    image, draw_mod = _pil()
    im = image.new("L", (size, size), 1)
    draw_mod.Draw(im).ellipse(_box(0.5, cy, rx, rx * 1.28, size), fill=2)
    return im


def _bluesky_regions(size: int) -> Any:
    image, draw_mod = _pil()
    im = image.new("L", (size, size), 0)
    d = draw_mod.Draw(im)
    d.ellipse(_box(0.5, 0.5, 0.5, 0.5, size), fill=1)
    d.ellipse(_box(0.5, 9.5 / 24, 3.5 / 24, 3.5 / 24, size), fill=2)
    d.polygon(_bluesky_body(size), fill=2)
    return im


def _onehot(region_image: Any) -> Any:
    """Reduce a supersampled region map to 48x48 by majority and one-hot encode it (3 x N)."""
    arr = np.asarray(region_image, dtype=np.int64)
    f = arr.shape[0] // _SIDE
    blocks = arr[: f * _SIDE, : f * _SIDE].reshape(_SIDE, f, _SIDE, f).transpose(0, 2, 1, 3)
    counts = np.stack([(blocks == r).sum(axis=(2, 3)) for r in range(3)])
    major = counts.argmax(axis=0).ravel()
    out = np.eye(3, dtype=np.float64)[major].T
    return out


@lru_cache(maxsize=1)
def shape_templates() -> tuple[tuple[str, Any], ...]:
    """All shape templates, as ``(name, 3 x 2304 one-hot region array)``."""
    size = _SIDE * _SUPER
    out: list[tuple[str, Any]] = [("bluesky", _onehot(_bluesky_regions(size)))]
    grid = itertools.product(
        (0.34, 0.39, 0.44), (0.12, 0.15, 0.18), (0.015, 0.05), (0.26, 0.34), (False, True)
    )
    for head_y, head_r, gap, shoulder_w, disc in grid:
        regions = _silhouette_regions(size, head_y, head_r, gap, shoulder_w, disc)
        name = f"silhouette-{head_y}-{head_r}-{gap}-{shoulder_w}-{'disc' if disc else 'square'}"
        out.append((name, _onehot(regions)))
    for rx, cy in itertools.product((0.2, 0.25, 0.3), (0.48, 0.52)):
        out.append((f"egg-{rx}-{cy}", _onehot(_egg_regions(size, rx, cy))))
    return tuple(out)


def drawn_references() -> list[tuple[str, Any]]:
    """Full-colour drawings whose signatures ship with the model (name, Pillow image).

    Generic silhouettes and eggs are left to the shape templates: their thumbnails are
    mostly a pale ground, too close to light logos for a signature match.
    """
    return [
        ("bluesky-drawn", draw_bluesky_default()),
        ("bluesky-drawn-on-blue", draw_bluesky_default(background=BLUESKY_BLUE)),
        ("twitter-oo-drawn", draw_twitter_oo()),
        ("pleroma-drawn", draw_pleroma_default()),
    ]
