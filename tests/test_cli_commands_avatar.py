"""``staffpulse avatar``: the JSON contract, the table, and files that fail."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("cv2")
pytest.importorskip("PIL")

from PIL import Image, ImageDraw

from staffpulse.cli.app import app
from staffpulse.signals.avatar_placeholders import draw_bluesky_default

runner = CliRunner()


@pytest.fixture
def images(tmp_path: Path) -> dict[str, Path]:
    logo = tmp_path / "logo.png"
    im = Image.new("RGB", (400, 400), (250, 200, 0))
    ImageDraw.Draw(im).rectangle((100, 150, 300, 250), fill=(20, 20, 20))
    im.save(logo)
    default = tmp_path / "default.png"
    draw_bluesky_default().save(default)
    text = tmp_path / "readme.txt"
    text.write_text("not an image")
    corrupt = tmp_path / "corrupt.png"
    corrupt.write_bytes(logo.read_bytes()[:100])
    return {"logo": logo, "default": default, "text": text, "corrupt": corrupt}


def test_json_is_one_object_per_image_in_argument_order(images: dict[str, Path]) -> None:
    order = ["default", "text", "logo", "corrupt"]
    result = runner.invoke(app, ["avatar", *[str(images[k]) for k in order], "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [item["file"] for item in data] == [str(images[k]) for k in order]
    assert [item["label"] for item in data] == ["default", None, "logo", None]
    for item in data:
        assert set(item) >= {"file", "label", "confidence", "faces"}
        assert isinstance(item["confidence"], float) and isinstance(item["faces"], int)
        assert ("error" in item) == (item["label"] is None)


def test_when_no_file_gets_a_label_the_output_is_written_and_the_exit_says_so(
    images: dict[str, Path], tmp_path: Path
) -> None:
    result = runner.invoke(app, ["avatar", str(images["text"]), "--json"])
    assert result.exit_code == 65
    (item,) = json.loads(result.stdout)
    assert item["label"] is None and "not a readable image" in item["error"]
    assert "no image could be read (1 file tried)" in result.stderr
    missing = runner.invoke(app, ["avatar", str(tmp_path / "nope.png"), "--json"])
    assert missing.exit_code == 66 and json.loads(missing.stdout)[0]["label"] is None
    # one plain line on stderr, as every --json failure: the list on stdout holds each
    # file's error, and the line what to do, which the list has no place for
    (line,) = missing.stderr.splitlines()
    assert line.startswith(f"Error: {tmp_path / 'nope.png'}: no such file; what to do: ")
    assert "What to do:" not in missing.stderr


def test_a_folder_stands_for_the_images_in_it(images: dict[str, Path], tmp_path: Path) -> None:
    result = runner.invoke(app, ["avatar", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    files = [item["file"] for item in json.loads(result.stdout)]
    assert files == sorted(str(images[k]) for k in ("corrupt", "default", "logo"))  # no .txt
    # ... but the .txt is said, not silently left out (QA: "2 images: 2 default" and no word
    # of the README and notes beside them)
    assert "Passed over 1 file that is not PNG, JPEG, GIF or WebP by name: readme.txt." in (
        result.stderr
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    refused = runner.invoke(app, ["avatar", str(empty)])
    assert refused.exit_code == 65 and "holds no PNG, JPEG, GIF or WebP image" in refused.output


def test_table_output(images: dict[str, Path]) -> None:
    result = runner.invoke(app, ["avatar", str(images["logo"]), str(images["text"])])
    assert result.exit_code == 0, result.output
    assert "logo" in result.output and "error" in result.output


def test_table_shows_file_names_with_brackets_as_they_are(
    images: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # short relative names, so the table shows them whole
    Path("l[b].png").write_bytes(images["logo"].read_bytes())
    Path("t[i].txt").write_text("not an image")
    result = runner.invoke(app, ["avatar", "l[b].png", "t[i].txt"])
    assert result.exit_code == 0, result.output
    assert "l[b].png" in result.output and "t[i].txt" in result.output
    assert "1 of 2 files could not be read" in result.stderr


def test_no_image_is_a_usage_error() -> None:
    result = runner.invoke(app, ["avatar"])
    assert result.exit_code == 2


def test_the_help_says_a_folder_is_taken_too() -> None:
    """The README says IMAGE_OR_FOLDER; the help spoke of image files only."""
    result = runner.invoke(app, ["avatar", "--help"], env={"COLUMNS": "200"})
    assert "or folders of them" in " ".join(result.output.split())


def test_missing_image_extra_names_the_install_command(
    images: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "cv2", None)  # import cv2 now raises ImportError
    result = runner.invoke(app, ["avatar", str(images["logo"]), "--json"])
    assert result.exit_code == 69
    assert "cv2" in result.output and "pip install" in result.output


def test_importing_the_command_does_not_load_the_image_stack() -> None:
    code = (
        "import sys, staffpulse.signals.avatar, staffpulse.cli.commands.avatar;"
        "print(sorted(m for m in ('cv2', 'PIL') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_an_unreadable_image_is_said_in_words(images: dict[str, Path]) -> None:
    result = runner.invoke(app, ["avatar", str(images["text"]), str(images["corrupt"]), "--json"])
    text, corrupt = (item["error"] for item in json.loads(result.stdout))
    assert text.endswith(
        "not a readable image: it is not a PNG, JPEG, GIF or WebP image, or its start is damaged"
    )
    assert corrupt.endswith(
        "not a readable image: the file is cut short (copy or download it again)"
    )
    for said in (text, corrupt):  # no Python class names in a marketer's table
        assert "Error" not in said and "OSError" not in said


def test_a_folder_of_images_names_each_file_from_the_folder_and_sums_the_labels(
    images: dict[str, Path], tmp_path: Path
) -> None:
    """QA: 181 avatars in a deep folder showed each full path folded across two lines
    ("/work/shared/data/ava" / "tars/logo_001.png"), and nothing summed up the folder."""
    deep = tmp_path / "clients" / "northgate_staffing_group_avatars_2026"
    deep.mkdir(parents=True)
    for name in ("logo", "default"):
        (deep / f"{name}_001.png").write_bytes(images[name].read_bytes())
    result = runner.invoke(app, ["avatar", str(deep)], terminal_width=80)
    assert result.exit_code == 0, result.output
    first, rest = result.stdout.split("\n", 1)
    assert first == f"Avatars in {deep}"  # whole, to copy
    assert "│ logo_001.png " in rest and str(tmp_path) not in rest
    assert "2 images: 1 " in rest and "1 logo" in rest and "1 default" in rest


def test_a_mistyped_image_name_is_offered_the_name_beside_it(tmp_path: Path) -> None:
    (tmp_path / "team-photo.png").write_bytes(b"not read: the name is what counts")
    result = runner.invoke(app, ["avatar", str(tmp_path / "team-phot.png")])
    assert result.exit_code == 66
    said = " ".join(result.stderr.split())
    assert f"What to do: did you mean {tmp_path / 'team-photo.png'}? Else check the path" in said
