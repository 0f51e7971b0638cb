"""Recognise a head-and-shoulders placeholder by the outline of its figure.

Shape templates (:mod:`.avatar_placeholders`) match the common placeholder layouts closely;
this check is looser and covers the variants they miss (a big head, a small figure, a neck,
a collar drawn in a third colour). For each flat colour of the image it takes the figure
drawn in that colour, fills its holes, and reads its width row by row from the top: a
placeholder silhouette has a roughly elliptic *head*, then a narrowing (a neck or a gap),
then *shoulders* clearly wider than the head, the whole figure centred and symmetric.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from staffpulse.signals.avatar_extra import image_module

SIDE = 64
#: Least share of pixels close to the <= 4-colour palette for the check to apply.
FLAT_MIN_SHARE = 0.85


def _figure_mask(labels: Any, colour: int) -> Any:
    """Pixels of ``colour`` that can belong to a figure, holes filled (uint8 0/1)."""
    cv2 = image_module("cv2")
    mask = (labels == colour).astype(np.uint8)
    n, comp = cv2.connectedComponents(mask, connectivity=4)
    keep = np.zeros_like(mask)
    for c in range(1, n):
        part = comp == c
        off_centre = abs(float(np.nonzero(part)[1].mean()) - (SIDE - 1) / 2) > SIDE * 0.2
        if part[0].any() or off_centre:
            continue  # the ground around a figure, or the corners outside a disc
        keep |= part.astype(np.uint8)
    if not keep.any():
        return keep
    # fill holes: whatever the outside cannot reach through non-figure pixels
    padded = np.pad(1 - keep, 1, constant_values=1).astype(np.uint8)
    flood = padded.copy()
    cv2.floodFill(flood, None, (0, 0), 2)
    holes = (flood[1:-1, 1:-1] == 1).astype(np.uint8)
    return keep | holes


def silhouette_score(mask: Any) -> float:
    """0 when ``mask`` is not a head-and-shoulders figure, else a score in (0, 1]."""
    rows = np.flatnonzero(mask.any(axis=1))
    if rows.size < SIDE * 0.3:
        return 0.0
    area = float(mask.sum()) / mask.size
    if not 0.06 <= area <= 0.6:
        return 0.0
    top, bottom = int(rows[0]), int(rows[-1])
    widths, centres, single_run = _row_spans(mask, top, bottom)
    present = widths[top : bottom + 1] > 0
    if single_run < 0.9 * present.sum():
        return 0.0
    if float(np.abs(centres[top : bottom + 1][present] - SIDE / 2.0 + 0.5).max()) > SIDE * 0.08:
        return 0.0  # not centred or not symmetric
    head_peak, neck = _head_and_neck(widths, top, bottom)
    head_w = float(widths[head_peak])
    if head_w < SIDE * 0.12 or widths[neck] > 0.85 * head_w:
        return 0.0
    body = widths[neck : bottom + 1]
    body_w = float(body.max())
    head_h = neck - top
    body_h = bottom - neck
    if body_w < 1.35 * head_w or body_h < SIDE * 0.12 or not 0.7 <= head_h / head_w <= 1.7:
        return 0.0
    if head_h < SIDE * 0.1 or head_h > SIDE * 0.5:
        return 0.0
    # the head should look like an ellipse: compare its row widths with one
    head_rows = widths[top:neck]
    ys = (np.arange(top, neck) + 0.5 - top) / max(1, head_h)
    ideal = head_w * np.sqrt(np.clip(1 - (2 * ys - 1) ** 2, 0, 1))
    solid = head_rows > 0
    error = float(np.abs(head_rows[solid] - ideal[solid]).mean()) / head_w
    if error > 0.16:
        return 0.0
    return max(0.0, 1.0 - error)


def _row_spans(
    mask: Any, top: int, bottom: int
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], int]:
    """Each row's width and centre from its first to its last pixel of the figure, and how
    many rows are one unbroken run (a figure, not scattered pixels)."""
    widths = np.zeros(SIDE)
    centres = np.full(SIDE, SIDE / 2.0)
    single_run = 0
    for y in range(top, bottom + 1):
        xs = np.flatnonzero(mask[y])
        if xs.size == 0:
            continue
        widths[y] = xs[-1] - xs[0] + 1
        centres[y] = (xs[0] + xs[-1]) / 2.0
        single_run += int(xs.size == widths[y])
    return widths, centres, single_run


def _head_and_neck(widths: npt.NDArray[np.float64], top: int, bottom: int) -> tuple[int, int]:
    """The widest row of the head, and the neck: the narrowest row below the first clear
    narrowing after it."""
    head_peak = top
    y = top
    while y <= bottom and widths[y] >= widths[head_peak] * 0.97 - 1:
        if widths[y] > widths[head_peak]:
            head_peak = y
        y += 1
    neck = int(y + np.argmin(widths[y : bottom + 1])) if y <= bottom else bottom
    return head_peak, neck


def match_silhouette(rgb: npt.NDArray[np.uint8]) -> tuple[float, int] | None:
    """Best silhouette score over the flat colours of ``rgb`` and the colour index, or None."""
    from staffpulse.signals.avatar_defaults import palette_labels

    labels, palette, close = palette_labels(rgb, SIDE)
    if close < FLAT_MIN_SHARE or len(palette) < 2:
        return None
    best: tuple[float, int] | None = None
    for colour in range(len(palette)):
        mask = _figure_mask(labels, colour)
        if not mask.any():
            continue
        score = silhouette_score(mask)
        if score > 0 and (best is None or score > best[0]):
            best = (score, colour)
    return best
