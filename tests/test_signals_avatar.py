"""Avatar signal: contract, placeholders, bad files, metadata defaults.

Images are drawn by the tests themselves (Pillow); the one real face is scikit-image's
public-domain ``astronaut`` photo, used only when scikit-image is installed.
"""

from __future__ import annotations

import csv
import struct
import sys
import zlib
from pathlib import Path

import pytest

pytest.importorskip("cv2")
PIL = pytest.importorskip("PIL")
np = pytest.importorskip("numpy")

from PIL import Image, ImageDraw  # noqa: E402

from staffpulse.errors import ImageTooLargeError  # noqa: E402
from staffpulse.signals.avatar import (  # noqa: E402
    AvatarClassifier,
    AvatarVerdict,
    classify_avatar,
    classify_avatars,
    default_from_metadata,
    load_model,
)
from staffpulse.signals.avatar_defaults import match_default  # noqa: E402
from staffpulse.signals.avatar_io import MAX_PIXELS, load_avatar  # noqa: E402
from staffpulse.signals.avatar_placeholders import (  # noqa: E402
    draw_bluesky_default,
    draw_silhouette,
)


def _egg(ground: tuple[int, int, int]) -> Image.Image:
    """An egg placeholder (Twitter 2010-2017 style): a white egg on a coloured square, drawn
    at 4x and reduced."""
    im = Image.new("RGB", (1600, 1600), ground)
    ImageDraw.Draw(im).ellipse((400, 320, 1200, 1344), fill=(255, 255, 255))
    return im.resize((400, 400), Image.Resampling.LANCZOS)


def _logo(path: Path) -> Path:
    """A made-up brand mark: a red rounded square with a white wordmark-like bar and ring."""
    im = Image.new("RGB", (400, 400), (220, 40, 50))
    d = ImageDraw.Draw(im)
    d.ellipse((110, 60, 290, 240), outline=(255, 255, 255), width=28)
    d.rectangle((80, 290, 320, 330), fill=(255, 255, 255))
    im.save(path)
    return path


def _photo_like_noise(path: Path, seed: int = 0) -> Path:
    """Smooth random colour field with grain: photo statistics, no face, no skin tones."""
    rng = np.random.default_rng(seed)
    base = rng.normal(0, 1, (12, 12, 3))
    img = Image.fromarray(((base - base.min()) / np.ptp(base) * 120).astype("uint8"))
    img = img.resize((400, 400), Image.Resampling.BICUBIC)
    arr = np.asarray(img).astype(float)
    arr[..., 2] += 100  # bluish, far from skin tones
    arr += rng.normal(0, 6, arr.shape)
    Image.fromarray(np.clip(arr, 0, 255).astype("uint8")).save(path)
    return path


def _huge_png_header(path: Path, width: int = 50_000, height: int = 50_000) -> Path:
    """A tiny PNG whose header declares a gigantic image (decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )
    return path


def test_verdict_is_a_dataclass_with_the_contract_fields(tmp_path: Path) -> None:
    v = classify_avatar(_logo(tmp_path / "brand.png"))
    assert isinstance(v, AvatarVerdict)
    assert v.file == str(tmp_path / "brand.png")
    assert v.label == "logo"
    assert 0.5 <= v.confidence <= 1.0
    assert v.faces == 0
    assert v.error is None
    assert set(v.to_dict()) == {"file", "label", "confidence", "faces"}


@pytest.mark.parametrize(
    "picture",
    [
        Image.new("RGB", (256, 256), (30, 120, 200)),  # one flat colour
        Image.new("RGBA", (400, 400), (0, 0, 0, 0)),  # fully transparent
        Image.new("RGB", (1, 1), (200, 10, 10)),  # a single pixel
    ],
    ids=["flat-colour", "transparent", "one-pixel"],
)
def test_a_picture_that_shows_nothing_is_no_picture(tmp_path: Path, picture: Image.Image) -> None:
    path = tmp_path / "blank.png"
    picture.save(path)
    v = classify_avatar(path)
    assert (v.label, v.confidence, v.faces) == ("default", 0.9, 0)  # not "logo" at 1.00


@pytest.mark.parametrize(
    "image",
    [
        draw_bluesky_default(),
        draw_silhouette(),
        draw_silhouette(disc=True, ground=(20, 160, 170), figure=(255, 255, 255)),
        _egg(ground=(230, 120, 60)),
    ],
    ids=["bluesky", "grey-silhouette", "teal-disc-silhouette", "egg"],
)
def test_drawn_placeholders_are_default(tmp_path: Path, image: Image.Image) -> None:
    path = tmp_path / "placeholder.png"
    image.save(path)
    assert classify_avatar(path).label == "default"


def test_test_drawn_silhouette_with_other_proportions_is_default(tmp_path: Path) -> None:
    """Not one of our template shapes: a big head on a neck, low-resolution and upscaled."""
    im = Image.new("RGB", (400, 400), (64, 200, 200))
    d = ImageDraw.Draw(im)
    d.ellipse((110, 40, 290, 230), fill=(255, 255, 255))
    d.ellipse((20, 250, 380, 650), fill=(255, 255, 255))
    im = im.resize((48, 48), Image.Resampling.BILINEAR).resize((400, 400))
    path = tmp_path / "bighead.png"
    im.save(path)
    assert classify_avatar(path).label == "default"


def test_logo_is_not_mistaken_for_a_placeholder(tmp_path: Path) -> None:
    rgb = load_avatar(_logo(tmp_path / "brand.png"))
    assert match_default(rgb) is None


def test_faceless_colour_photo_is_not_a_person(tmp_path: Path) -> None:
    v = classify_avatar(_photo_like_noise(tmp_path / "sky.png"))
    assert v.label == "other"
    assert v.faces == 0


def test_real_face_is_a_person(tmp_path: Path) -> None:
    data = pytest.importorskip("skimage.data")
    path = tmp_path / "astronaut.png"
    Image.fromarray(data.astronaut()).save(path)
    v = classify_avatar(path)
    assert v.label == "person"
    assert v.faces >= 1
    assert v.confidence > 0.8


def test_transparent_logo_is_composited_on_white(tmp_path: Path) -> None:
    im = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
    ImageDraw.Draw(im).polygon([(150, 30), (270, 270), (30, 270)], fill=(10, 90, 200, 255))
    path = tmp_path / "mark.png"
    im.save(path)
    rgb = load_avatar(path)
    assert tuple(rgb[0, 0]) == (255, 255, 255)
    assert classify_avatar(path).label == "logo"


def test_corrupt_png_gets_an_error_verdict(tmp_path: Path) -> None:
    good = _logo(tmp_path / "good.png").read_bytes()
    bad = tmp_path / "corrupt.png"
    bad.write_bytes(good[:200])  # truncated mid-stream
    v = classify_avatar(bad)
    assert v.label is None
    assert v.error and "corrupt.png" in v.error


def test_text_file_gets_an_error_verdict(tmp_path: Path) -> None:
    path = tmp_path / "notes.png"
    path.write_text("this is not an image\n")
    v = classify_avatar(path)
    assert v.label is None and v.error


def test_missing_and_empty_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    # each told by name and what is wrong with it, with no label guessed
    for path, problem in (
        (tmp_path / "nope.png", "no such file"),
        (empty, "empty file"),
        (tmp_path, "not a file"),
    ):
        verdict = classify_avatar(path)
        assert (verdict.label, verdict.error) == (None, f"{path}: {problem}")


@pytest.mark.parametrize(
    ("width", "height"),
    [(50_000, 50_000), (8_000, 6_000)],  # past Pillow's own limit; past ours only
)
def test_decompression_bomb_is_refused_before_decoding(
    tmp_path: Path, width: int, height: int
) -> None:
    path = _huge_png_header(tmp_path / "bomb.png", width, height)
    assert path.stat().st_size < 1000
    assert width * height > MAX_PIXELS
    with pytest.raises(ImageTooLargeError):
        load_avatar(path)
    v = classify_avatar(path)
    assert v.label is None and v.error and "too large" in v.error


def test_batch_keeps_order_and_survives_bad_files(tmp_path: Path) -> None:
    logo = _logo(tmp_path / "a.png")
    text = tmp_path / "b.png"
    text.write_text("hello")
    placeholder = tmp_path / "c.png"
    draw_bluesky_default().save(placeholder)
    verdicts = classify_avatars([logo, text, placeholder], workers=2)
    assert [v.file for v in verdicts] == [str(logo), str(text), str(placeholder)]
    assert [v.label for v in verdicts] == ["logo", None, "default"]
    assert classify_avatars([]) == []


def test_classifier_follows_the_sklearn_contract() -> None:
    rng = np.random.default_rng(0)
    x = np.vstack([rng.normal(0, 1, (20, 3)), rng.normal(3, 1, (20, 3))])
    y = ["person"] * 20 + ["logo"] * 20
    model = AvatarClassifier(C=0.5)
    assert model.C == 0.5 and not hasattr(model, "coef_")
    assert model.fit(x, y) is model
    assert list(model.classes_) == ["logo", "person"]
    proba = model.predict_proba(x)
    assert proba.shape == (40, 2) and np.allclose(proba.sum(axis=1), 1)
    assert (model.predict(x) == np.asarray(y)).mean() > 0.9


def test_a_missing_core_dependency_is_not_blamed_on_the_image_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # scikit-learn comes with staffpulse itself: "pip install 'staffpulse[image]'" would not
    # bring it back, so no MissingExtraError may send the user there
    monkeypatch.setitem(sys.modules, "sklearn.linear_model", None)
    with pytest.raises(ImportError):
        AvatarClassifier().fit([[0.0, 1.0], [1.0, 0.0]], ["person", "logo"])


def test_shipped_model_round_trips() -> None:
    model = load_model()
    again = AvatarClassifier.from_dict(model.to_dict())
    assert list(again.classes_) == ["logo", "other", "person"]
    assert np.allclose(again.coef_, model.coef_)


@pytest.mark.parametrize(
    ("platform", "url", "has_field", "expected"),
    [
        (
            "x",
            "https://abs.twimg.com/sticky/default_profile_images/default_profile_400x400.png",
            True,
            True,
        ),
        (
            "twitter",
            "http://a0.twimg.com/sticky/default_profile_images/default_profile_3_normal.png",
            True,
            True,
        ),
        ("x", "https://pbs.twimg.com/profile_images/1234/abc_400x400.jpg", True, False),
        ("x", None, True, False),
        ("bluesky", None, False, True),
        ("bluesky", "", True, True),
        ("bluesky", "https://cdn.bsky.app/img/avatar/plain/did:plc:abc/bafk@jpeg", True, False),
        ("mastodon", "https://mastodon.social/avatars/original/missing.png", True, True),
        ("mastodon", "/avatars/original/missing.png", True, True),
        ("mastodon", "https://files.example/accounts/avatars/000/1/original/x.png", True, False),
        ("mastodon", None, False, True),
        ("x", "", True, False),  # X always sends a URL: none means the profile is unknown
        ("mastodon", "https://pleroma.example/images/avi.png", True, True),  # Pleroma, Akkoma
        (
            "mastodon",
            "https://gts.example/assets/default_avatars/GoToSocial_icon3.webp",
            True,
            True,
        ),
        ("mastodon", "https://friendica.example/images/person-300.jpg", True, True),
        ("mastodon", "https://pleroma.example/media/7b1c/avi.png", True, False),  # an upload
        ("mastodon", "https://m.example/avatars/original/missing.png?1700000000", True, True),
    ],
)
def test_default_from_metadata(
    platform: str, url: str | None, has_field: bool, expected: bool
) -> None:
    assert default_from_metadata(platform, url, has_avatar_field=has_field) is expected


def test_real_dev_avatars_sample(shared_data: Path) -> None:
    """A quick look at real avatars: a few of each label must come out right."""
    folder = shared_data / "avatars"
    if not (folder / "labels.csv").is_file():
        pytest.skip("avatars dev set absent")
    with (folder / "labels.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    picked = [r for r in rows if r["label"] == "default"]
    for label in ("person", "logo"):
        picked += [r for r in rows if r["label"] == label and r["hard_case"] == "1"][:6]
    verdicts = classify_avatars([folder / r["file"] for r in picked])
    wrong = [
        (r["file"], v.label) for r, v in zip(picked, verdicts, strict=True) if v.label != r["label"]
    ]
    assert not wrong


def test_an_image_library_failure_costs_one_file_but_a_bug_is_not_hidden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cv2

    import staffpulse.signals.avatar as avatar_module

    logo = _logo(tmp_path / "a.png")
    odd = tmp_path / "odd.png"
    _logo(odd)
    real = avatar_module.classify_avatar

    def opencv_trips_on_odd(path: str | Path) -> AvatarVerdict:
        if Path(path) == odd:
            raise cv2.error("(-215:Assertion failed) !ssize.empty()")
        return real(path)

    monkeypatch.setattr(avatar_module, "classify_avatar", opencv_trips_on_odd)
    verdicts = classify_avatars([logo, odd], workers=1)
    assert verdicts[0].label == "logo"
    assert verdicts[1].label is None and "cannot classify: the image could not be analysed" in (
        verdicts[1].error or ""
    )
    assert "error" not in (verdicts[1].error or "")  # not cv2.error, nor its assertion text

    def buggy(path: str | Path) -> AvatarVerdict:
        raise KeyError("a bug of ours")

    monkeypatch.setattr(avatar_module, "classify_avatar", buggy)
    with pytest.raises(KeyError):
        classify_avatars([logo], workers=1)
