"""What a file of no known format looks like, told to whoever gave it to import."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from staffpulse.errors import UnknownFormatError
from staffpulse.sources import detect
from staffpulse.sources.file_kinds import why_looks_like

NOT_OURS = "not a file of posts or accounts"


@pytest.mark.parametrize(
    ("name", "text", "said"),
    [
        (
            "careers.html",
            "\ufeff<!doctype html>\n<html lang='en'><head><title>Jobs</title></head></html>\n",
            "this is an HTML page (a saved web page, or an export's viewer page)",
        ),
        ("feed.xml", '<?xml version="1.0"?>\n<rss><channel/></rss>\n', "this is an XML file"),
        (
            "people.jsonl",
            '{"id": 1, "name": "Ana", "team": "ops"}\n{"id": 2, "name": "Bo", "team": "hr"}\n',
            "this is a JSON file whose records have no text field (the first has the keys id,"
            " name, team)",
        ),
        (
            "settings.json",
            '{\n  "theme": "dark"\n}\n',
            "this is a JSON file holding one object (the key theme)",
        ),
    ],
)
def test_a_file_given_to_import_is_told_what_it_looks_like(
    tmp_path: Path, name: str, text: str, said: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    assert refused.value.message == (
        f"{path}: not a format staffpulse can import: {said}, {NOT_OURS}"
    )
    # what it is, not something to fix: the hint lists the formats read, with no "fix"
    assert (refused.value.hint or "").startswith("supported formats: ")


def test_plain_text_and_json_records_with_text_are_left_to_other_explanations(
    tmp_path: Path,
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Remember to post on Friday\n", encoding="utf-8")
    posts = tmp_path / "posts.json"
    posts.write_text('[{"id": 1, "text": "We are hiring"}]', encoding="utf-8")
    assert why_looks_like(notes, notes.read_bytes()) is None
    assert why_looks_like(posts, posts.read_bytes()) is None


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_its_byte_order_mark_is_told_to_be_saved_as_utf8(
    tmp_path: Path, codec: str
) -> None:
    path = tmp_path / "posts.csv"
    path.write_bytes("id,author,text\r\n1,acme,Café opening\r\n".encode(codec))
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    told = refused.value.message
    assert "this is text saved as UTF-16 with no byte-order mark" in told
    assert "so staffpulse does not read it: save it as UTF-8 (in Excel: Save As" in told
    assert "binary" not in told  # it was told apart from binary data: not said to be unable
    # an image is binary data, not such text
    image = tmp_path / "photo.bin"
    image.write_bytes(bytes(range(256)))
    with pytest.raises(UnknownFormatError) as binary:
        detect(image)
    assert "UTF-16" not in binary.value.message


def test_json_in_utf16_without_its_mark_is_told_to_be_saved_from_a_text_editor(
    tmp_path: Path,
) -> None:
    # it was told to save it from Excel as a CSV, which a JSON response is not
    path = tmp_path / "feed.json"
    path.write_bytes('{"feed": [], "cursor": "none left"}\n'.encode("utf-16-le"))
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    told = refused.value.message
    assert "save it as UTF-8 (in a text editor: Save As, encoding UTF-8)" in told
    assert "Excel" not in told


def test_random_bytes_are_told_binary_data_not_text_a_person_wrote(tmp_path: Path) -> None:
    # a damaged or wrong file named .json was told it is "text a person wrote" and sent to
    # `staffpulse classify`
    path = tmp_path / "posts.json"
    path.write_bytes(b"\x93" + random.Random(7).randbytes(20_000))
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    said = refused.value.message
    assert "this is binary data, not text" in said and "is it the file you meant?" in said
    assert "text a person wrote" not in said and "classify" not in str(refused.value.hint)


@pytest.mark.parametrize(
    ("name", "kind"),
    [("team.png", "a PNG image"), ("badge.jpg", "a JPEG image"), ("deck.pdf", "a PDF")],
)
def test_random_bytes_named_as_a_picture_or_pdf_are_told_what_they_are_not(
    tmp_path: Path, name: str, kind: str
) -> None:
    path = tmp_path / name
    path.write_bytes(random.Random(7).randbytes(3000))
    with pytest.raises(UnknownFormatError) as refused:
        detect(path)
    assert refused.value.message == (
        f"{path}: not a format staffpulse can import: this is not {kind}, though its name ends"
        f" in {path.suffix}: it holds binary data of no kind staffpulse knows (a damaged or"
        f" renamed file?), and {NOT_OURS}: is it the file you meant? An export of posts is text"
        " (JSON, CSV) or a ZIP of such files: give that instead"
    )


def test_a_real_picture_is_told_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "banner.webp"
    path.write_bytes(b"RIFF\x00\x10\x00\x00WEBPVP8 " + bytes(range(200)))
    with pytest.raises(UnknownFormatError, match=f"this is a WebP image, {NOT_OURS}"):
        detect(path)
