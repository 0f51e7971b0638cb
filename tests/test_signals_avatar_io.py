"""Loading the avatar a user points ``staffpulse avatar`` at: a folder stands for its images
(other files told, hidden ones aside), an animated picture is read by its first frame, a phone
photo turned by its EXIF tag is read upright, and a large one is reduced."""

from __future__ import annotations

from pathlib import Path

import pytest

from staffpulse.signals.avatar_io import image_files, load_avatar

Image = pytest.importorskip("PIL.Image")

RED, BLUE = (220, 30, 30), (30, 30, 220)


def test_a_folder_stands_for_its_images_and_tells_the_other_files(tmp_path: Path) -> None:
    (tmp_path / "team" / "old").mkdir(parents=True)
    for name in ("team/a.PNG", "team/old/b.jpg", "team/.c.png"):
        Image.new("RGB", (8, 8), RED).save(tmp_path / name, format="PNG")
    (tmp_path / "team" / "notes.txt").write_text("who is who")
    single = tmp_path / "d.webp"
    found = image_files([tmp_path / "team", single])
    assert sorted(found.paths[:2]) == [
        str(tmp_path / "team/a.PNG"),
        str(tmp_path / "team/old/b.jpg"),
    ]
    assert found.paths[2] == str(single)  # a file named is read as given
    assert found.passed_over == [str(tmp_path / "team" / "notes.txt")]


def test_an_animated_picture_is_read_by_its_first_frame(tmp_path: Path) -> None:
    path = tmp_path / "wave.gif"
    first, second = Image.new("RGB", (16, 16), RED), Image.new("RGB", (16, 16), BLUE)
    first.save(path, save_all=True, append_images=[second], duration=100, loop=0)
    pixels = load_avatar(path)
    assert pixels.shape == (16, 16, 3)
    red, _green, blue = pixels[8, 8].tolist()
    assert red > 150 and blue < 100


def test_a_photo_turned_by_its_exif_tag_is_read_upright(tmp_path: Path) -> None:
    path = tmp_path / "phone.jpg"
    wide = Image.new("RGB", (40, 20), RED)  # stored on its side, 40 wide and 20 high
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 degrees to show": the camera was held upright
    wide.save(path, format="JPEG", exif=exif)
    assert load_avatar(path).shape == (40, 20, 3)


def test_a_large_picture_is_reduced_to_the_working_size(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    Image.new("RGB", (1000, 500), BLUE).save(path)
    assert load_avatar(path, side=128).shape == (64, 128, 3)
