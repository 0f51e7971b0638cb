"""The optional image libraries avatar classification needs (extra ``image``), loaded under
one feature name, so that every missing-extra message names the same feature."""

from __future__ import annotations

from typing import Any

from staffpulse.extras import require

FEATURE = "Avatar classification"


def image_module(name: str) -> Any:
    """The module ``name`` (``cv2``, ``PIL.Image``, ...), or a
    :class:`~staffpulse.errors.MissingExtraError` naming the ``image`` extra."""
    return require(name, extra="image", feature=FEATURE)
