"""The config file's bytes as text, whatever an editor saved them as.

TOML is UTF-8 only, but Notepad may write a UTF-8 byte-order mark first, and Windows
PowerShell 5 writes UTF-16 for ``echo ... > config.toml``: tomllib refuses the first as an
"Invalid statement" on a line 1 that looks right, and the second stopped every command with a
traceback. Both are read here; bytes of any other encoding are one :class:`ConfigError`
naming the line, so the user knows which line to fix or to save the file as UTF-8.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from staffpulse.byte_order import bom_codec
from staffpulse.errors import ConfigError


def read_config_text(path: Path) -> str:
    """The config file's text: UTF-8, or what its byte-order mark says (the mark left out,
    as tomllib refuses it as "Invalid statement" on line 1, which looks right). Bytes of
    another encoding are a :class:`ConfigError` naming the line, never a traceback."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(
            f"{path}: cannot be read ({exc.strerror})",
            hint="check the file's permissions, or point STAFFPULSE_CONFIG at another file",
        ) from exc
    # Notepad's UTF-8 mark, or the UTF-16 Windows PowerShell 5 writes for `echo ... >
    # config.toml`; TOML itself is UTF-8 only
    encoding = "utf-8" if raw.startswith(codecs.BOM_UTF8) else bom_codec(raw)
    if encoding is not None:
        try:
            return raw.decode(encoding).removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            raise _not_utf8(path, raw, exc.start) from exc
    # NUL bytes: UTF-16 without its mark, which reads as UTF-8 with a NUL after each letter
    first_nul = raw.find(b"\0")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _not_utf8(path, raw, exc.start) from exc
    if first_nul >= 0:
        raise _not_utf8(path, raw, first_nul)
    return text


def _not_utf8(path: Path, raw: bytes, start: int) -> ConfigError:
    line = raw[:start].count(b"\n") + 1
    return ConfigError(
        f"{path}: line {line} is not UTF-8 text (byte {raw[start]:#04x})",
        hint="save the file as UTF-8 (in Notepad: File, Save as, Encoding: UTF-8) and run "
        "the command again",
    )
