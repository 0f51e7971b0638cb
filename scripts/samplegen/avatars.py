"""256x256 avatars: logos drawn here with Pillow, person photos cut from a public-domain image.

Person photos are crops of ``skimage.data.astronaut()``, NASA's portrait of astronaut Eileen
Collins (public domain, shipped by scikit-image). scikit-image is needed only to run this
generator, never by staffpulse itself.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageEnhance, ImageFont, ImageOps

SIZE = 256


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _centered(
    draw: ImageDraw.ImageDraw, xy: tuple[int, int], text: str, size: int, fill: str
) -> None:
    draw.text(xy, text, font=_font(size), fill=fill, anchor="mm")


def brightpath() -> Image.Image:
    """Navy square, a yellow sun rising over a path, wordmark 'BRIGHTPATH'."""
    img = Image.new("RGB", (SIZE, SIZE), "#1b2a4a")
    d = ImageDraw.Draw(img)
    d.pieslice((78, 30, 178, 130), 180, 360, fill="#f5b700")
    for i, x in enumerate(range(60, 200, 20)):
        d.line((x, 72 - (i % 2) * 6, 128 + (x - 128) * 1.5, 20), fill="#1b2a4a", width=1)
    d.polygon([(116, 164), (140, 164), (196, 244), (60, 244)], fill="#f5b700")
    _centered(d, (128, 112), "BRIGHTPATH", 32, "white")
    _centered(d, (128, 144), "STAFFING", 16, "#f5b700")
    return img


def meridian() -> Image.Image:
    """Teal disc crossed by meridian arcs, wordmark 'MERIDIAN' underneath."""
    img = Image.new("RGB", (SIZE, SIZE), "white")
    d = ImageDraw.Draw(img)
    d.ellipse((58, 24, 198, 164), fill="#0f7c80")
    for inset in (0, 22, 44):
        d.arc((58 + inset, 24, 198 - inset, 164), 0, 360, fill="white", width=3)
    d.line((128, 24, 128, 164), fill="white", width=3)
    d.line((58, 94, 198, 94), fill="white", width=3)
    _centered(d, (128, 200), "MERIDIAN", 34, "#0f3d40")
    _centered(d, (128, 232), "WORKFORCE SOLUTIONS", 15, "#0f7c80")
    return img


def hireloop() -> Image.Image:
    """Purple background, a white loop ring with an arrow head, wordmark 'hireloop'."""
    img = Image.new("RGB", (SIZE, SIZE), "#5b2bd1")
    d = ImageDraw.Draw(img)
    d.arc((68, 32, 188, 152), 40, 340, fill="white", width=18)
    d.polygon([(170, 60), (206, 70), (178, 98)], fill="white")
    d.ellipse((118, 82, 138, 102), fill="#ffcf4d")
    _centered(d, (128, 208), "hireloop", 46, "white")
    return img


def recruitcraft() -> Image.Image:
    """Orange hexagon with 'RC', 'ACADEMY' wordmark."""
    img = Image.new("RGB", (SIZE, SIZE), "#fff4e6")
    d = ImageDraw.Draw(img)
    cx, cy, r = 128, 104, 82
    hexagon = [
        (cx + r * dx, cy + r * dy)
        for dx, dy in ((0, -1), (0.866, -0.5), (0.866, 0.5), (0, 1), (-0.866, 0.5), (-0.866, -0.5))
    ]
    d.polygon(hexagon, fill="#e8590c")
    _centered(d, (128, 104), "RC", 70, "white")
    _centered(d, (128, 222), "ACADEMY", 30, "#a83c00")
    return img


def northgate() -> Image.Image:
    """Green field with a white gate arch and the name."""
    img = Image.new("RGB", (SIZE, SIZE), "#2f6b3a")
    d = ImageDraw.Draw(img)
    d.pieslice((66, 30, 190, 154), 180, 360, fill="white")
    d.rectangle((66, 92, 190, 160), fill="white")
    d.pieslice((92, 62, 164, 134), 180, 360, fill="#2f6b3a")
    d.rectangle((92, 98, 164, 160), fill="#2f6b3a")
    for x in (108, 128, 148):
        d.line((x, 84, x, 160), fill="white", width=5)
    _centered(d, (128, 200), "NORTHGATE", 36, "white")
    _centered(d, (128, 232), "STAFFING GROUP", 17, "#cfe8d3")
    return img


LOGOS = {
    "brightpathstaff": brightpath,
    "meridianwork": meridian,
    "hireloop": hireloop,
    "recruitcraft": recruitcraft,
    "northgatestaff": northgate,
}


def _astronaut() -> Image.Image:
    try:
        from skimage import data
    except ImportError as exc:  # pragma: no cover - a message for whoever runs the generator
        raise SystemExit(
            "scripts/make_sample.py needs scikit-image for the person avatars: "
            ".venv/bin/pip install scikit-image (it is not a staffpulse dependency)"
        ) from exc
    return Image.fromarray(data.astronaut())  # type: ignore[no-untyped-call]


def people() -> dict[str, Image.Image]:
    """Three variants of the astronaut portrait: crop, mirror and colour shift."""
    base = _astronaut()
    rosa = base.crop((86, 0, 366, 280))
    mia = ImageOps.mirror(base.crop((126, 8, 326, 208)))
    mia = ImageEnhance.Color(mia).enhance(1.35)
    r, g, b = mia.split()
    mia = Image.merge("RGB", (r.point(lambda v: min(255, v + 14)), g, b.point(lambda v: v * 0.9)))
    priya = base.crop((56, 0, 396, 340))
    priya = ImageOps.colorize(ImageOps.grayscale(priya), black="#1d2340", white="#f3e9dc")
    return {"harborline": rosa, "mia_recruits": mia, "priya_hrlife": priya}


def write_all(folder: Path) -> dict[str, str]:
    """Write every avatar PNG into ``folder``; return handle -> file name."""
    folder.mkdir(parents=True, exist_ok=True)
    images = {handle: make() for handle, make in LOGOS.items()}
    images.update(people())
    written: dict[str, str] = {}
    for handle, image in sorted(images.items()):
        name = f"{handle}.png"
        image = image.convert("RGB").resize((SIZE, SIZE), Image.Resampling.LANCZOS)
        if handle in LOGOS:  # flat logos compress far better as a palette image
            image = image.quantize(colors=64)
        image.save(folder / name, optimize=True)
        written[handle] = name
    return written
