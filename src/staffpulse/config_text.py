"""The config file's bytes as text, whatever an editor saved them as.

TOML is UTF-8 only, but Notepad may write a UTF-8 byte-order mark first, and Windows
PowerShell 5 writes UTF-16 for ``echo ... > config.toml``: tomllib refuses the first as an
"Invalid statement" on a line 1 that looks right, and the second stopped every command with a
traceback. Both are read here; bytes of any other encoding are one :class:`ConfigError`
naming the line, so the user knows which line to fix or to save the file as UTF-8. A file
that is not valid TOML names its line too, with what to write on it.
"""

from __future__ import annotations

import codecs
import re
import tomllib
from collections.abc import Collection
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


# tomllib's words for the slips people make, and what they read instead
_PLAIN_TOML = {
    "Invalid value": "a value that is not text in quotes, a number, true or false",
    "Expected newline or end of document after a statement": "something after the value",
    "Illegal character '\\n'": "a quote opened and not closed on its line",
    "Unterminated string": "a quote opened and not closed",
    "Expected '=' after a key in a key/value pair": "a line that is not key = value",
    "Unescaped '\\' in a string": "a \\ inside double quotes",
    "Invalid hex value": "a \\ inside double quotes",  # C:\\Users: \\U opens a character code
}
_AT = re.compile(
    r"(?P<what>.*) \(at (line (?P<line>\d+), column \d+|(?P<end>end of document))\)", re.DOTALL
)
# ``key = value`` whose value opens with no quote, bracket or brace: text written bare
_BARE_VALUE = re.compile(r"\s*(?P<key>[\w.-]+)\s*=\s*(?P<value>[^\s\"'\[{#].*)")
_TOML_WORD = re.compile(r"(true|false|[+-]?[\d_.]+([eE][+-]?\d+)?)\s*(#.*)?")


def explain_toml_error(
    path: Path, text: str, exc: tomllib.TOMLDecodeError, known_keys: Collection[str]
) -> ConfigError:
    """``path`` is not valid TOML: the line, tomllib's reason in plain words, and for the
    usual slips, what to write on it: text without its quotes (``max_age = 30d``, a token
    pasted bare) by its key, when it is one of ``known_keys``, the settings staffpulse reads;
    never the value, which may be a secret, nor a word of the line that is no such key (a
    token pasted alone, ``AAAA1x=...``, reads as a key), as the message is printed."""
    said = str(exc)
    found = _AT.fullmatch(said)
    if found is None:
        return ConfigError(f"{path}: not valid TOML ({said})", hint="fix it or delete the file")
    lines = text.splitlines()
    # "at end of document": a quote or bracket left open, on the last line
    number = len(lines) if found["end"] else int(found["line"])
    line = lines[number - 1] if 0 < number <= len(lines) else ""
    what = _PLAIN_TOML.get(found["what"], found["what"])
    bare = _BARE_VALUE.fullmatch(line)
    if bare is not None and _TOML_WORD.fullmatch(bare["value"].strip()) is None:
        key = bare["key"] if bare["key"] in known_keys else "key"
        hint = f'put text values in quotes: {key} = "..." on line {number}'
    elif found["what"].startswith("Expected '='"):
        hint = (
            f'write line {number} as key = "value" (a token after its key: x_bearer_token ='
            ' "..."), or delete the line'
        )
    elif what == _PLAIN_TOML["Invalid hex value"]:
        hint = f"put the text of line {number} in single quotes ('C:\\Users\\...'), not double ones"
    else:
        hint = f"fix line {number}, or delete the file (staffpulse needs no config file)"
    return ConfigError(f"{path}, line {number}: not valid TOML ({what})", hint=hint)
