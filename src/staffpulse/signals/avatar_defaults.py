"""Recognise platform placeholder avatars ("default"), from metadata or from the image.

Metadata is cheap and certain (:func:`default_from_metadata`, the one copy of these rules):
X serves its placeholders from ``default_profile_images``, a Bluesky profile without a custom
picture has no ``avatar`` field, and each fediverse server answers with its own placeholder URL
(Mastodon ``avatars/original/missing.png``, Pleroma ``images/avi.png``, ...).

From pixels, three independent checks (any one suffices):

1. **Signatures.** A small derived vector (an 8x8 colour thumbnail) of each known placeholder,
   compared by mean absolute difference. The shipped signatures come from our own drawings
   (:mod:`staffpulse.signals.avatar_placeholders`) and from the dev-set defaults (numbers
   only, the images are never shipped): ``signals/artifacts/avatar_defaults.json``.
2. **Shape templates.** Placeholders are flat drawings of a head-and-shoulders silhouette
   (Twitter 2006 and 2017, Bluesky, Facebook-style) or an egg (Twitter 2010-2017). The image
   is reduced to at most four flat colours and its colour layout is compared with our
   templates, whatever the colours: the figure must be one colour and its backdrop another.
3. **Grey placeholder palette.** A flat grey-on-grey drawing on a light grey (not white)
   ground, as Mastodon's placeholders are. Brand marks are rarely drawn that way.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt

from staffpulse.signals.avatar_extra import image_module

TEMPLATE_SIDE = 48
SIGNATURE_SIDE = 8
ARTIFACT = "avatar_defaults.json"

#: Mean absolute difference (0-1) below which a signature matches.
SIGNATURE_MAX_DISTANCE = 0.045
#: Smaller of the figure and backdrop IoUs needed to match a shape template.
TEMPLATE_MIN_AGREEMENT = 0.8
#: Least share of near-flat pixels (gradient < 8) for the shape and palette checks. Dev
#: photos reach 0.61; placeholders, even recompressed or upscaled, 0.75 and more.
DRAWING_MIN_FLAT = 0.68
#: Least score of the head-and-shoulders outline check.
OUTLINE_MIN_SCORE = 0.84
#: Share of pixels that must lie close to the 4-colour palette for shape checks to apply.
FLAT_MIN_SHARE = 0.85

_X_DEFAULT = re.compile(
    r"(^|/)default_profile(_images/|(_\d+)?(_normal|_bigger|_mini|_400x400)?\.)"
)
# The placeholder each fediverse server puts in the Mastodon API's ``avatar`` field. Uploads
# get generated names (a hash, a UUID folder), so these paths are never a user's own picture.
_FEDIVERSE_DEFAULT = re.compile(
    r"(^|/)("
    r"(avatars/original/)?missing\.png"  # Mastodon and its forks (Hometown, Glitch, ...)
    r"|images/avi\.png"  # Pleroma and Akkoma
    r"|assets/default_avatars/[^/]+"  # GoToSocial (a sloth drawing picked per account)
    r"|images/person-(300|80|48)\.jpg"  # Friendica
    r")$"
)


_BLUESKY = ("bluesky", "bsky", "atproto")
_FEDIVERSE = ("mastodon", "fediverse", "pleroma", "akkoma", "misskey", "gotosocial", "friendica")


def default_from_metadata(
    platform: str, avatar_url: str | None, *, has_avatar_field: bool = True
) -> bool:
    """True when the account's metadata says it shows the platform's placeholder avatar.

    ``platform`` is ``"x"`` (or ``"twitter"``), ``"bluesky"`` (or ``"bsky"``) or
    ``"mastodon"`` (any fediverse server speaking its API). ``has_avatar_field`` is False when
    the profile record carries no avatar at all (how Bluesky says "no picture"); an empty
    ``avatar_url`` says the same (the Bluesky importer stores ``""`` for it).

    On X a missing URL is not the default: X always sends one, and its placeholders have
    URLs of their own, so no URL only means we never saw the profile.
    """
    p = platform.strip().lower()
    url = (avatar_url or "").strip().split("?", 1)[0].split("#", 1)[0]
    if p in ("x", "twitter"):
        return bool(url) and bool(_X_DEFAULT.search(url))
    if not has_avatar_field:
        return True
    if p in _BLUESKY:
        return not url  # Bluesky has no placeholder URL: its apps draw one
    if p in _FEDIVERSE:
        return not url or bool(_FEDIVERSE_DEFAULT.search(url))
    return False


@dataclass(frozen=True)
class DefaultMatch:
    """A placeholder recognised in the pixels."""

    name: str  # which reference or rule matched
    score: float  # 0-1, how close
    method: str  # "signature" | "template" | "grey-palette"


def signature(rgb: npt.NDArray[np.uint8]) -> npt.NDArray[np.float64]:
    """8x8 RGB thumbnail (area average), scaled to 0-1 and flattened."""
    cv2 = image_module("cv2")
    small = cv2.resize(rgb, (SIGNATURE_SIDE, SIGNATURE_SIDE), interpolation=cv2.INTER_AREA)
    out: npt.NDArray[np.float64] = small.astype(np.float64).ravel() / 255.0
    return out


@lru_cache(maxsize=1)
def shipped_signatures() -> tuple[tuple[str, Any], ...]:
    """Signatures from ``artifacts/avatar_defaults.json`` (empty when the file is absent)."""
    ref = resources.files("staffpulse.signals").joinpath("artifacts").joinpath(ARTIFACT)
    if not ref.is_file():
        return ()
    data = json.loads(ref.read_text(encoding="utf-8"))
    return tuple(
        (str(item["name"]), np.asarray(item["signature"], dtype=np.float64) / 255.0)
        for item in data.get("signatures", [])
    )


def match_signature(
    rgb: npt.NDArray[np.uint8], references: tuple[tuple[str, Any], ...] | None = None
) -> DefaultMatch | None:
    """Closest reference signature within :data:`SIGNATURE_MAX_DISTANCE`, if any."""
    refs = shipped_signatures() if references is None else references
    if not refs:
        return None
    sig = signature(rgb)
    best_name, best = min(
        ((name, float(np.abs(sig - ref).mean())) for name, ref in refs), key=lambda t: t[1]
    )
    if best <= SIGNATURE_MAX_DISTANCE:
        return DefaultMatch(best_name, 1.0 - best, "signature")
    return None


def palette_labels(rgb: npt.NDArray[np.uint8], side: int = TEMPLATE_SIDE) -> tuple[Any, Any, float]:
    """Reduce to <= 4 colours at ``side`` px: (labels, palette k x 3, share close to it)."""
    cv2 = image_module("cv2")
    img = cv2.resize(rgb, (side, side), interpolation=cv2.INTER_AREA)
    flat = img.reshape(-1, 3).astype(np.int32)
    codes = ((flat >> 4) * np.array([256, 16, 1])).sum(axis=1)
    counts = np.bincount(codes, minlength=4096)
    chosen: list[Any] = []
    for code in np.argsort(counts)[::-1][:32]:
        if counts[code] < 0.01 * codes.size or len(chosen) == 4:
            break
        color = flat[codes == code].mean(axis=0)
        distinct = all(float(np.abs(color - c).sum()) >= 40 for c in chosen)
        if distinct and not (counts[code] < 0.06 * codes.size and _is_blend(color, chosen)):
            chosen.append(color)
    palette = np.stack(chosen)
    dist = np.sqrt(((flat[:, None, :] - palette[None, :, :]) ** 2).sum(axis=2))
    labels = dist.argmin(axis=1)
    close = float((dist.min(axis=1) < 40).mean())
    return labels.reshape(side, side), palette, close


def _is_blend(color: Any, chosen: list[Any]) -> bool:
    """True when ``color`` lies between two chosen colours (an anti-aliased edge pixel)."""
    for i, a in enumerate(chosen):
        for b in chosen[i + 1 :]:
            ab = b - a
            t = float(np.clip(np.dot(color - a, ab) / max(float(np.dot(ab, ab)), 1e-9), 0, 1))
            if float(np.linalg.norm(color - (a + t * ab))) < 25:
                return True
    return False


def match_template(rgb: npt.NDArray[np.uint8]) -> DefaultMatch | None:
    """Best colour-agnostic match against the placeholder shape templates, if close enough."""
    from staffpulse.signals.avatar_placeholders import shape_templates

    labels, palette, close = palette_labels(rgb)
    if close < FLAT_MIN_SHARE or len(palette) < 2:
        return None
    k = len(palette)
    onehot = np.eye(k, dtype=np.float64)[labels.ravel()]  # N x k
    best_name, best_score = "", 0.0
    brightness = palette.mean(axis=1)
    for name, regions in shape_templates():
        # eggs are pale on a coloured ground: the figure must be the brighter colour
        brighter = brightness if name.startswith("egg") else None
        best = _template_score(regions @ onehot, regions.sum(axis=1), brighter)
        if best > best_score:
            best_name, best_score = name, best
    if best_score >= TEMPLATE_MIN_AGREEMENT:
        return DefaultMatch(best_name, best_score, "template")
    return None


def _template_score(table: Any, sizes: Any, brightness: Any = None) -> float:
    """Colour-agnostic match of one template: the smaller IoU of figure and backdrop.

    ``table[r, l]`` counts pixels of template region ``r`` (0 outside, 1 backdrop, 2 figure)
    that have image colour ``l``; ``sizes[r]`` is the size of region ``r``. The figure and
    the backdrop take two different colours; outside the frame (the corners of a round
    placeholder) one colour must dominate, whichever it is. With ``brightness`` (one value
    per colour) the figure must be brighter than its backdrop.
    """
    if sizes[0] > 0 and float(table[0].max()) / float(sizes[0]) < 0.9:
        return 0.0
    in_frame = table[1] + table[2]  # image pixels of each colour inside the frame
    best = 0.0
    k = table.shape[1]
    for fig in range(k):
        iou_fig = table[2, fig] / (sizes[2] + in_frame[fig] - table[2, fig])
        if iou_fig <= best:
            continue
        for back in range(k):
            if back == fig or (brightness is not None and brightness[fig] <= brightness[back]):
                continue
            iou_back = table[1, back] / (sizes[1] + in_frame[back] - table[1, back])
            best = max(best, float(min(iou_fig, iou_back)))
    return best


def match_grey_palette(rgb: npt.NDArray[np.uint8]) -> DefaultMatch | None:
    """Flat grey drawing on a light grey (not white) ground, e.g. Mastodon's placeholders."""
    labels, palette, close = palette_labels(rgb)
    if close < 0.95:
        return None
    shares = np.bincount(labels.ravel(), minlength=len(palette)) / labels.size
    main = palette[int(shares.argmax())] / 255.0
    if shares.max() < 0.5:
        return None
    for color, share in zip(palette / 255.0, shares, strict=True):
        if share < 0.01:
            continue
        hi, lo = float(color.max()), float(color.min())
        if hi - lo > 0.22:  # saturated: not a grey palette
            return None
    main_val = float(main.max())
    if not 0.75 <= main_val <= 0.94:  # white or dark grounds are brand marks more often
        return None
    contrast = max(abs(float(c.mean()) - float(main.mean())) for c in palette / 255.0)
    if contrast > 0.45:
        return None
    return DefaultMatch("grey-placeholder", float(shares.max()), "grey-palette")


def match_outline(rgb: npt.NDArray[np.uint8]) -> DefaultMatch | None:
    """Head-and-shoulders outline of any proportions (:mod:`.avatar_silhouette`)."""
    from staffpulse.signals.avatar_silhouette import match_silhouette

    found = match_silhouette(rgb)
    if found is None or found[0] < OUTLINE_MIN_SCORE:
        return None
    return DefaultMatch("silhouette-outline", found[0], "outline")


def match_default(
    rgb: npt.NDArray[np.uint8],
    references: tuple[tuple[str, Any], ...] | None = None,
    *,
    flat_share: float | None = None,
) -> DefaultMatch | None:
    """Run the checks, cheapest first; the first that matches wins.

    ``flat_share`` is the image's share of near-flat pixels (feature ``flat8``). Below
    :data:`DRAWING_MIN_FLAT` the image is a photograph, and only a signature can match: a
    headshot on a plain background must never pass for a drawn silhouette.
    """
    found = match_signature(rgb, references)
    if found is not None or (flat_share is not None and flat_share < DRAWING_MIN_FLAT):
        return found
    return match_template(rgb) or match_outline(rgb) or match_grey_palette(rgb)
