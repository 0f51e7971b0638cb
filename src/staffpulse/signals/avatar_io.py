"""Safe loading of avatar images: size guards, corrupt files, transparency.

Everything a user can point ``staffpulse avatar`` at goes through :func:`load_avatar`. It
refuses what is not an image, what is corrupt, what is too big to be an avatar (a
decompression bomb declares a huge size in a tiny file: the check reads the header only, before
any pixel is decoded), and returns a small RGB ``uint8`` array ready for the features.

Pillow (the ``image`` extra) is imported when first needed, through
:func:`staffpulse.signals.avatar_extra.image_module`, which names the install command when
it is missing.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from staffpulse.errors import ImageTooLargeError, InputError, MissingFileError, NotAnImageError
from staffpulse.signals.avatar_extra import image_module
from staffpulse.sources.base import IMAGE_SUFFIXES, visible_files

#: Largest image accepted, in pixels (width x height, read from the header). Avatars are at
#: most a few megapixels; 40 MP still admits a large phone photo, and stays far below what
#: would exhaust memory when decoded (a 40 MP RGBA image is 160 MB).
MAX_PIXELS = 40_000_000
#: Largest file accepted, in bytes.
MAX_FILE_BYTES = 50 * 1024 * 1024
#: Longest side, in pixels, of the array handed to the features (larger images are reduced).
WORK_SIDE = 256


class ImageFiles(NamedTuple):
    """What ``staffpulse avatar`` reads: the files to classify, and the files of a folder
    argument it passed over because their names are not images' (said, never silent)."""

    paths: list[str]
    passed_over: list[str]


def image_files(args: Sequence[Path]) -> ImageFiles:
    """The files to classify: each argument, or the images in a folder argument (at any
    depth, hidden ones aside, by name). A folder without one is an :class:`InputError`."""
    paths: list[str] = []
    passed_over: list[str] = []
    for arg in args:
        if not arg.is_dir():
            paths.append(str(arg))
            continue
        found: list[str] = []
        for path in visible_files(arg):
            (found if path.suffix.lower() in IMAGE_SUFFIXES else passed_over).append(str(path))
        if not found:
            raise InputError(
                f"{arg}: the folder holds no PNG, JPEG, GIF or WebP image",
                hint="give image files, or a folder of them",
            )
        paths.extend(found)
    return ImageFiles(paths, passed_over)


def _pil() -> Any:
    return image_module("PIL.Image")


def load_avatar(path: str | Path, *, side: int = WORK_SIDE) -> npt.NDArray[np.uint8]:
    """Read ``path`` and return an RGB ``uint8`` array whose longest side is at most ``side``.

    Transparent pixels are composited on white (how platforms show transparent logos); an
    animated image contributes its first frame; EXIF orientation is applied.

    Raises:
        InputError: the file is missing, is a folder, or is larger than :data:`MAX_FILE_BYTES`.
        NotAnImageError: the file is not a readable image (text, truncated, corrupt).
        ImageTooLargeError: the header declares more than :data:`MAX_PIXELS` pixels.
    """
    image_mod = _pil()
    p = Path(path)
    _check_file(p)
    with warnings.catch_warnings():
        # Pillow's own bomb check warns above MAX_IMAGE_PIXELS: make that an error too.
        warnings.simplefilter("error", image_mod.DecompressionBombWarning)
        try:
            with image_mod.open(p) as im:
                width, height = im.size
                if width * height > MAX_PIXELS:
                    raise ImageTooLargeError(
                        f"{p}: {width}x{height} pixels is too large for an avatar",
                        hint=f"images over {MAX_PIXELS // 1_000_000} megapixels are refused "
                        "(decompression-bomb guard); resize it first",
                    )
                if width < 1 or height < 1:
                    raise NotAnImageError(f"{p}: image has no pixels")
                rgb = _to_small_rgb(image_mod, im, side)
        except InputError:
            raise
        except (image_mod.DecompressionBombError, image_mod.DecompressionBombWarning) as exc:
            raise ImageTooLargeError(
                f"{p}: too large for an avatar ({exc})",
                hint="decompression-bomb guard; resize the image first",
            ) from exc
        except (OSError, SyntaxError, ValueError, EOFError, TypeError) as exc:
            raise NotAnImageError(
                f"{p}: not a readable image: {_unreadable_why(image_mod, exc)}",
                hint="give a PNG, JPEG, GIF or WebP image",
            ) from exc
    arr: npt.NDArray[np.uint8] = np.asarray(rgb, dtype=np.uint8)
    return arr


def _check_file(p: Path) -> None:
    """Refuse, before Pillow opens it, a path that is no file or whose size no avatar has."""
    if not p.exists():
        raise MissingFileError(f"{p}: no such file", hint="check the path")
    if not p.is_file():
        raise InputError(f"{p}: not a file", hint="give image files, not folders")
    size = p.stat().st_size
    if size == 0:
        raise NotAnImageError(f"{p}: empty file", hint="give a PNG, JPEG, GIF or WebP image")
    if size > MAX_FILE_BYTES:
        raise InputError(
            f"{p}: {size / 1e6:.0f} MB is too large for an avatar",
            hint=f"avatars are small; files over {MAX_FILE_BYTES // 2**20} MB are refused",
        )


def _unreadable_why(image_mod: Any, exc: BaseException) -> str:
    """Why Pillow could not read an image, in words (a marketer has no use for the name of
    the exception class)."""
    if isinstance(exc, image_mod.UnidentifiedImageError):  # an OSError: checked first
        return "it is not a PNG, JPEG, GIF or WebP image, or its start is damaged"
    if "truncated" in str(exc):
        return "the file is cut short (copy or download it again)"
    return "the image data is damaged (copy or download it again, or save it anew)"


def _to_small_rgb(image_mod: Any, im: Any, side: int) -> Any:
    """Decode ``im`` (already size-checked) to a reduced RGB Pillow image."""
    if getattr(im, "is_animated", False):
        im.seek(0)
    if im.format == "JPEG":
        im.draft("RGB", (side, side))  # decode at a reduced scale: much faster on big photos
    im.load()
    ops = image_module("PIL.ImageOps")
    with contextlib.suppress(Exception):  # a broken EXIF block must not lose the picture
        im = ops.exif_transpose(im)
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        background = image_mod.new("RGBA", rgba.size, (255, 255, 255, 255))
        im = image_mod.alpha_composite(background, rgba)
    im = im.convert("RGB")
    if max(im.size) > side:
        im.thumbnail((side, side), image_mod.Resampling.BOX)
    return im
