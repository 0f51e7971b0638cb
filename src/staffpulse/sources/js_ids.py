"""Long ids a JavaScript program rounded, in a JSON or JSONL file, told once for the file.

JavaScript keeps a number in 53 bits: an X id of 19 digits written as a number (not as text)
comes out as the shortest digits that give the same number back, the rest zeros, so
``1654321987654321987`` is written ``1654321987654322000``. Imported so, the post was stored
under an id X never gave it, and a later import of the same post with its real id (a fetch,
the archive) stored it a second time.

One such id proves nothing: a real id ends in those zeros by chance (1 in 25 for two, as an X
id is most often a multiple of 4,096). Many do, as for the ids a spreadsheet saved with zeros
(:mod:`.zeroed_ids`, whose counting this shares): an id looks rounded when it is the shortest
form of the nearest number JavaScript has and ends in zeros, and a file is taken as rounded
when more of its ids look so than chance gives once in a million files.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from staffpulse.sources.zeroed_ids import Rounding

EXACT = 2**53  # every whole number up to this one JavaScript keeps exactly
# the ids of a staffpulse JSONL record (native_records.py)
ID_KEYS = ("id", "author_id", "reply_to_id", "quoted_id", "reposted_id", "conversation_id")


def _long(value: str) -> bool:
    return value.isascii() and value.isdigit() and value[0] != "0" and int(value) > EXACT


def _shortest(value: str) -> str:
    """``value`` as JavaScript writes the nearest number it keeps: the shortest digits that
    give that number back, then zeros (Python's ``repr`` of a float is the same shortest)."""
    return str(int(Decimal(repr(float(int(value))))))


def js_rounded(value: str) -> bool:
    """Whether ``value`` is a long id as JavaScript writes one it rounded: the shortest form of
    its number, ending in zeros."""
    return _long(value) and value.endswith("0") and _shortest(value) == value


def _chance(value: str) -> float:
    """How likely a real id near ``value`` is to look rounded: to end in as many zeros as the
    shortest form of its number has, 1 in 5 for each (an X id is most often a multiple of
    4,096, so it ends in 00 once in 25, not in 100)."""
    shortest = _shortest(value)
    return float(5.0 ** -(len(shortest) - len(shortest.rstrip("0"))))


JAVASCRIPT = Rounding(
    _long,
    js_rounded,
    _chance,
    "a JavaScript program rounded, its last digits written as zeros",
    "JavaScript keeps 16 or 17 digits of a number",
    "make the file again with each id written as text, in quotes (X's API gives it as id_str), "
    "not as a number",
)


def json_id_cells(found: object) -> tuple[int, Mapping[str, str]] | None:
    """A JSON record's line and its ids (:data:`ID_KEYS`) as text, for
    :meth:`~staffpulse.sources.zeroed_ids.ZeroedIds.kept`; None for what is no record."""
    if not isinstance(found, tuple) or not isinstance(found[1], dict):
        return None
    line, record = found
    obj: dict[str, Any] = record
    return line, {
        key: str(value)
        for key in ID_KEYS
        if isinstance(value := obj.get(key), str)
        or (isinstance(value, int) and not isinstance(value, bool))
    }
