"""Byte-order marks: the bytes an editor may write before a file's text, and the encoding
each names. Notepad writes one before UTF-8, and Windows PowerShell 5 saves UTF-16 with one
(its ``>``); UTF-32 is rare but named the same way. Imported by the config file's reader as
well as by every source's, so it stands alone: loading a setting loads no source.
"""

from __future__ import annotations

import codecs

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def bom_codec(head: bytes) -> str | None:
    """``"utf-16"`` or ``"utf-32"`` when ``head`` starts with that encoding's byte order mark."""
    return next((codec for bom, codec in _WIDE_BOMS if head.startswith(bom)), None)
