"""staffpulse.sources.text_files: text people write read in its encoding (UTF-16 by its BOM,
Windows-1252 with a note), sniffable whatever it is, and binary data or a document refused
with what it is, never a stray control character in one row."""

from __future__ import annotations

from pathlib import Path

import pytest

from staffpulse.errors import InputError
from staffpulse.ingest import import_paths
from staffpulse.sources import text_files
from staffpulse.sources.text_files import (
    decode_bytes,
    detect_encoding,
    head_text,
    read_user_text,
    repaired_utf8,
    sniffable,
)
from staffpulse.store import open_store


def test_a_utf16_head_is_sniffed_as_utf8() -> None:
    assert sniffable('{"data": [\u00e9'.encode("utf-16")) == '{"data": [\u00e9'.encode()
    # a head that ends inside a character loses that character only
    assert sniffable('{"data": [\u00e9'.encode("utf-16")[:-1]) == b'{"data": ['
    no_bom = '{"data": ['.encode("utf-16-le")
    assert sniffable(no_bom) == no_bom  # no BOM: not known to be UTF-16, left as it is
    assert sniffable(b'{"a": 1}') == b'{"a": 1}'


def test_head_text_decodes_utf16_and_cp1252_for_sniffing() -> None:
    assert head_text("id,text".encode("utf-16")) == "id,text"
    assert head_text("café,text".encode("cp1252")) == "café,text"
    assert head_text("caf\u00e9".encode("utf-8")[:-1]) == "caf"  # cut inside a character


def test_decode_bytes_names_the_guess() -> None:
    assert decode_bytes("é".encode()) == ("é", None)
    text, note = decode_bytes("a\nb é".encode("cp1252"))
    assert text == "a\nb é" and note is not None and "line 2" in note


def test_a_csv_excel_for_mac_saved_as_csv_macintosh_keeps_its_accents(tmp_path: Path) -> None:
    """ "CSV (Macintosh)" ends lines with CR alone and writes MacRoman: read as Windows-1252,
    "Café – Köln" came in as "CafŽ Ð Kšln"."""
    text = "id,author,text\r1,acme,Café – Köln\r"
    decoded, note = decode_bytes(text.encode("mac_roman"))
    assert decoded == text and note is not None
    assert "first at line 2), so it was read as MacRoman" in note
    # the same bytes with Windows line ends are no Mac file: Windows-1252, as before
    _, windows = decode_bytes(text.replace("\r", "\r\n").encode("cp1252"))
    assert windows is not None and "Windows-1252" in windows
    posts = tmp_path / "posts.csv"
    posts.write_bytes(("id,author,created_at,text\r1,acme,2026-03-01,Café\r").encode("mac_roman"))
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [posts])
        stored = store.get_posts("csv", ["1"])
    assert stored["1"].text == "Café" and report.skipped == 0
    assert any("MacRoman" in notice.message for notice in report.notices)


def test_a_mac_file_with_line_breaks_within_its_cells_is_still_macroman() -> None:
    # Excel for Mac ends rows with CR and writes a line break within a cell as LF: the LF
    # made the file Windows-1252, its "Café" read as "CafŽ" and "I’m" as "IÕm"
    text = 'id,author,text\r1,acme,"Café\nI’m in Köln"\r2,acme,plain\r'
    decoded, note = decode_bytes(text.encode("mac_roman"))
    assert decoded == text
    assert note is not None and "so it was read as MacRoman" in note


def test_a_mac_file_is_told_the_line_of_its_first_accent_past_the_first_chunk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # read in chunks of 16 bytes: the accent of line 5 lies past the first (it said "line 1")
    monkeypatch.setattr(text_files, "SCAN_BYTES", 16)
    rows = "id,author,text\r" + "".join(f"{n},acme,plain\r" for n in range(3)) + "9,acme,Café\r"
    posts = tmp_path / "posts.csv"
    posts.write_bytes(rows.encode("mac_roman"))
    encoding = detect_encoding(posts)
    assert encoding.codec == "mac_roman"
    assert encoding.note is not None and "first at line 5)" in encoding.note


def test_a_text_file_with_stray_control_characters_is_read_not_refused(tmp_path: Path) -> None:
    # QA s25: two control characters pasted into one profile of a 6 MB CSV made the whole
    # cohort "not a text file ... (it holds binary data)"
    rows = [f"@firm{n},x,staffing firm" for n in range(2000)]
    rows[1500] = '@odd,x,"Twitter is \x1c\x07my thing"'
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("handle,platform,segment\n" + "\n".join(rows) + "\n", encoding="utf-8")
    text, note = read_user_text(cohort, what="cohort file", not_text_hint="write a list")
    assert text.split("\n")[1501] == rows[1500] and note is None


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (
            b"\x7fELF\x02\x01\x01\x00" + bytes(56) + b"@firm\n" * 20,
            "(it holds binary data: a control character (0x7f) at line 1)",
        ),
        (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\n", "(it holds binary data: it is a PDF)"),
        (b"PK\x03\x04\x14\x00" + b"@firm\n" * 20, "(it holds binary data: it is a ZIP file"),
    ],
)
def test_a_program_or_document_is_still_refused_as_binary(
    tmp_path: Path, data: bytes, said: str
) -> None:
    given = tmp_path / "given.txt"
    given.write_bytes(data)
    with pytest.raises(InputError) as refused:
        read_user_text(given, what="cohort file", not_text_hint="write a list")
    assert f"{given}: not a text file, so not a cohort file {said}" in str(refused.value)


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (b"\x00\x00\x01\x00\x01\x00 hiring", "(0x00) at line 1"),  # an icon's first bytes
        (b"hiring\nnurses\x1b\x03\n", "(0x1b) at line 2"),
        (b"recruiter\n" * 300 + b"\x01", "(0x01) at line 301"),
    ],
)
def test_a_short_file_with_a_few_control_bytes_is_refused_saying_where(
    tmp_path: Path, data: bytes, where: str
) -> None:
    # 1 to 3 control bytes in a small file were read as keywords made of its bytes
    given = tmp_path / "keywords.txt"
    given.write_bytes(data)
    with pytest.raises(InputError) as refused:
        read_user_text(given, what="keywords file", not_text_hint="write one a line")
    assert f"not a keywords file (it holds binary data: a control character {where})" in str(
        refused.value
    )


def test_tabs_line_ends_and_form_feeds_of_a_short_file_are_text(tmp_path: Path) -> None:
    given = tmp_path / "keywords.txt"
    given.write_bytes(b"hiring\tnow\r\nnurses\x0c\n-spam\n")
    text, note = read_user_text(given, what="keywords file", not_text_hint="write one a line")
    assert text == "hiring\tnow\r\nnurses\x0c\n-spam\n" and note is None


def test_a_utf8_file_cut_inside_a_character_stays_utf8_and_is_told_cut(tmp_path: Path) -> None:
    from staffpulse.sources.text_files import detect_encoding

    data = "id,text\n1,café ✓\n2,naïve ✓\n".encode()
    path = tmp_path / "posts.csv"
    path.write_bytes(data[:-3])  # the copy stopped inside the last ✓
    encoding = detect_encoding(path)
    assert encoding.codec == "utf-8-sig"  # not Windows-1252: café before the cut stays café
    assert path.read_text(encoding.codec, encoding.errors).splitlines()[1] == "1,café ✓"
    assert encoding.note is not None and "looks cut short" in encoding.note
    assert "line 3" in encoding.note
    path.write_bytes(b"id,text\n1,caf\xe9\n2,na\xefve \xe2")  # Windows text, cut or not
    assert detect_encoding(path).codec == "cp1252"


def test_a_utf8_file_with_a_damaged_byte_stays_utf8_and_says_where(tmp_path: Path) -> None:
    from staffpulse.sources.text_files import detect_encoding

    text = "id,text\n1,Der Prozess läuft ✓\n2,naive\n3,Grüße\n"
    data = bytearray(text.encode())
    data[data.index(b"naive") + 2] = 0xFF  # one byte damaged on line 3
    path = tmp_path / "posts.csv"
    path.write_bytes(bytes(data))
    encoding = detect_encoding(path)
    lines = path.read_text(encoding.codec, encoding.errors).splitlines()
    assert lines[1] == "1,Der Prozess läuft ✓" and lines[3] == "3,Grüße"  # not läuft
    assert lines[2] == "2,na\ufffdve"
    assert encoding.note is not None and "first at line 3" in encoding.note
    path.write_bytes("id,text\n1,Grüße\n2,café\n".encode("cp1252"))  # all of it Windows-1252
    assert detect_encoding(path).codec == "cp1252"


def test_one_damaged_byte_in_an_all_ascii_json_text_is_repaired_not_refused() -> None:
    from staffpulse.sources.text_files import repaired_utf8

    # QA s27: a flipped byte in a response with no accent cost the whole file ("not valid
    # UTF-8"): JSON is UTF-8 by its standard, so a lone stray byte is damage
    first = b'{"data": [\n' + b'{"id": "1", "text": "We are hiring nurses in Leeds"},\n' * 20
    data = first + b'{"id": "2", "text": "op\xe5n day"}\n]}'
    repaired = repaired_utf8(data)
    assert repaired == (first + '{"id": "2", "text": "op\ufffdn day"}\n]}'.encode(), 22)
    # a short record with one such byte may be Windows-1252 ("café"): still refused, as is a
    # text of many such bytes
    assert repaired_utf8('{"id": "1", "text": "café"}'.encode("cp1252")) is None
    assert repaired_utf8('{"text": "café crème brûlée"}'.encode("cp1252")) is None


def test_a_stray_byte_of_a_short_json_text_is_damage_only_outside_its_strings() -> None:
    # "Café" saved as Windows-1252: a letter, in a string, so the file is to be saved as UTF-8
    assert repaired_utf8(b'{"name": "Caf\xe9 Staffing"}') is None
    # the same byte where JSON allows only spaces is a flipped byte: read as U+FFFD, line told
    assert repaired_utf8(b'{\n "name":\xe9 "Cafe"}') == ('{\n "name":\ufffd "Cafe"}'.encode(), 2)
