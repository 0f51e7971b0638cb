"""Byte-order marks: the encoding a file's first bytes name, as the config file's reader and
every source's read them (UTF-32 LE, whose mark begins with UTF-16 LE's, not taken for it)."""

from __future__ import annotations

import pytest

from staffpulse.byte_order import bom_codec


@pytest.mark.parametrize(
    ("text", "encoding", "codec"),
    [
        ("handle\n@acme\n", "utf-16", "utf-16"),
        ("handle\n@acme\n", "utf-16-be", None),  # no mark written: nothing to go by
        ("handle\n@acme\n", "utf-32", "utf-32"),
        ("handle\n@acme\n", "utf-8", None),
    ],
)
def test_the_mark_an_encoder_writes_names_its_encoding(
    text: str, encoding: str, codec: str | None
) -> None:
    data = text.encode(encoding)
    assert bom_codec(data) == codec
    if codec is not None:
        assert data.decode(codec) == text


def test_utf32_le_is_not_read_as_utf16() -> None:
    data = "\ufeffa".encode("utf-32-le")
    assert data.startswith("\ufeff".encode("utf-16-le"))  # the trap: the same first bytes
    assert bom_codec(data) == "utf-32"
