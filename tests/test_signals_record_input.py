"""Opening the INPUT of classify and roles: pipes read once, text decoded line by line."""

from __future__ import annotations

import gzip
import os
import threading
from pathlib import Path

import pytest

from staffpulse.errors import InputError, MissingFileError
from staffpulse.signals.record_input import input_name, open_input


def _lines(path: Path) -> tuple[list[str], str | None]:
    lines = open_input(path)
    try:
        return list(lines), lines.note
    finally:
        lines.close()


def test_a_stray_windows_1252_line_changes_only_itself(tmp_path: Path) -> None:
    src = tmp_path / "joined.jsonl"
    src.write_bytes("café ☕\n".encode() + "señor\n".encode("cp1252") + "naïve\n".encode())
    lines, note = _lines(src)
    assert lines == ["café ☕\n", "señor\n", "naïve\n"]
    assert note is not None and "first at line 2" in note and "Windows-1252" in note


def test_utf8_cut_inside_its_last_character_stays_utf8_and_is_told_cut(tmp_path: Path) -> None:
    # a download that stopped in the middle of an emoji: as staffpulse import reads it
    src = tmp_path / "cut.jsonl"
    src.write_bytes('{"text": "café"}\n{"text": "déjà ✓'.encode()[:-1])
    lines, note = _lines(src)
    assert lines == ['{"text": "café"}\n', '{"text": "déjà ']  # not "dÃ©jÃ "
    assert note is not None and "cut short" in note and "Windows-1252" not in note
    src.write_bytes("id,text\n1,voila café".encode("cp1252"))  # ends in what UTF-8 would begin
    lines, note = _lines(src)
    assert lines == ["id,text\n", "1,voila café"]
    assert note is not None and "Windows-1252" in note and "cut short" not in note


def test_plain_utf8_has_no_note_and_keeps_every_line_end(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes(b"\xef\xbb\xbfid,text\r\n1,a\r\n2,b\n3,c")
    lines, note = _lines(src)
    assert lines == ["id,text\r\n", "1,a\r\n", "2,b\n", "3,c"]
    assert note is None


def test_a_lone_cr_ends_lines_only_in_a_file_whose_first_line_ends_so(tmp_path: Path) -> None:
    # an old Mac CSV: every line ends in \r, as open(newline="") reads it
    mac = tmp_path / "mac.csv"
    mac.write_bytes(b"id,text\r1,a\r2,b\r")
    assert _lines(mac)[0] == ["id,text\r", "1,a\r", "2,b\r"]
    # a file of \n (or \r\n) lines: a lone \r is part of a text (a tweet's "\r", which
    # pandas' to_csv writes unquoted), not the end of a row
    unix = tmp_path / "unix.csv"
    unix.write_bytes(b"id,text\n1,a\rb\n2,c\r\n")
    assert _lines(unix)[0] == ["id,text\n", "1,a\rb\n", "2,c\r\n"]


def test_a_byte_order_mark_inside_the_file_is_dropped(tmp_path: Path) -> None:
    src = tmp_path / "joined.jsonl"
    src.write_bytes(b'{"id": 1}\n\xef\xbb\xbf{"id": 2}\n')
    assert _lines(src)[0] == ['{"id": 1}\n', '{"id": 2}\n']


def test_bytes_windows_1252_leaves_undefined_are_read_as_latin_1(tmp_path: Path) -> None:
    src = tmp_path / "odd.csv"
    src.write_bytes(b"a\x81b\n")
    assert _lines(src)[0] == ["a\x81b\n"]


def test_utf16_with_its_mark_is_decoded_whole(tmp_path: Path) -> None:
    src = tmp_path / "ps.csv"
    src.write_bytes("id,text\n1,café\n".encode("utf-16"))
    assert _lines(src) == (["id,text\n", "1,café\n"], None)


def test_a_byte_order_mark_before_a_windows_1252_line_is_still_dropped(tmp_path: Path) -> None:
    src = tmp_path / "excel.csv"
    src.write_bytes(b'\xef\xbb\xbf{"id": 1, "text": "caf\xe9"}\n')
    assert _lines(src)[0] == ['{"id": 1, "text": "café"}\n']  # not 'ï»¿{"id": ...


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_its_mark_is_recognised_with_a_note(tmp_path: Path, codec: str) -> None:
    src = tmp_path / "unicode.txt"
    src.write_bytes("id\ttext\r\n1\tcafé\r\n".encode(codec))
    assert _lines(src) == (
        ["id\ttext\r\n", "1\tcafé\r\n"],
        f"read as {codec.upper()} (it has no byte order mark to say so)",
    )


def test_a_pipe_is_read_once_with_its_size_known(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    data = b'{"id": 1}\n{"id": 2}\n'

    def feed() -> None:
        with os.fdopen(write_end, "wb") as sink:
            sink.write(data)

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        lines = open_input(Path(f"/dev/fd/{read_end}"))
    finally:
        writer.join()
        os.close(read_end)
    try:
        assert lines.size == len(data)
        assert list(lines) == ['{"id": 1}\n', '{"id": 2}\n']
        assert lines.bytes_read == len(data)
    finally:
        lines.close()


def test_a_fifo_whose_writer_is_gone_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "posts.fifo"
    os.mkfifo(fifo)

    def feed() -> None:
        with fifo.open("wb") as sink:
            sink.write(b'{"id": 1}\n')

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        lines, _ = _lines(fifo)
    finally:
        writer.join()
    assert lines == ['{"id": 1}\n']


def test_missing_or_folder_input_is_told(tmp_path: Path) -> None:
    with pytest.raises(MissingFileError, match="no such file"):
        open_input(tmp_path / "nope.jsonl")
    with pytest.raises(InputError, match="is a folder"):
        open_input(tmp_path)


def test_a_gzip_file_is_read_as_the_text_it_holds(tmp_path: Path) -> None:
    src = tmp_path / "posts.jsonl.gz"
    # two members, as ``cat a.gz b.gz`` joins them: both are read, as ``gzip -d`` does
    src.write_bytes(gzip.compress(b'{"id": 1}\n') + gzip.compress('{"id": "é"}\n'.encode()))
    assert _lines(src) == (['{"id": 1}\n', '{"id": "é"}\n'], None)


def test_a_gzip_file_cut_short_keeps_what_came_before_with_a_note(tmp_path: Path) -> None:
    text = "".join(
        f'{{"id": {n}, "text": "post number {n} {n * 7919 % 104729}"}}\n' for n in range(400)
    )
    packed = gzip.compress(text.encode())
    src = tmp_path / "cut.jsonl.gz"
    src.write_bytes(packed[: len(packed) // 2])
    lines, note = _lines(src)
    assert 0 < len(lines) < 400
    assert lines[:-1] == text.splitlines(keepends=True)[: len(lines) - 1]
    assert note is not None and "cut short" in note


def test_a_gzip_file_with_nothing_to_unpack_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "head.jsonl.gz"
    src.write_bytes(gzip.compress(b'{"id": 1}\n')[:10])  # its header only
    with pytest.raises(InputError, match="nothing could be unpacked"):
        open_input(src)


def test_dash_is_named_standard_input_unless_a_file_has_that_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert input_name(Path("-")) == "standard input"
    assert input_name(tmp_path / "posts.jsonl") == str(tmp_path / "posts.jsonl")
    (tmp_path / "-").write_text("", encoding="utf-8")  # ``./-`` is read as that file: named so
    assert input_name(Path("-")) == "-"
