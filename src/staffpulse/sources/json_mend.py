"""A JSON response damaged in one value (a flipped byte: a disk or copy error) read with that
value left empty, not lost whole: a Mastodon notification whose ``"hide_collections": null``
became ``n\ufffdll``, a twarc2 page whose ``"like_count": 48969`` gained a stray byte.

Only a value that holds no JSON structure is mended, a number or ``true``/``false``/``null``:
it is read as null (never as a guess of what it held, which could be wrong). A byte that is
not UTF-8 (read as U+FFFD) between values, where JSON allows only spaces, a colon or a comma,
is read as whichever of them makes the text read on past it: such a byte is damage, and
nothing of the data is guessed. Damage to a quote or a bracket is not mended here: the entry
it is in is left out instead (:func:`~staffpulse.sources.json_entries.salvage_damaged`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import orjson

from staffpulse.sources.json_entries import SALVAGE_LIMIT

_MENDS = 3  # damaged values mended in one text, at most: past that it is not one flipped byte
_STRUCTURE = '"{}[]:,\n'
_STRING_RE = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_KEY_RE = re.compile(r'"((?:[^"\\]|\\.){1,80})"\s*:\s*$')
_REPLACED = "\N{REPLACEMENT CHARACTER}"  # a byte that was not UTF-8, as read


@dataclass(frozen=True, slots=True)
class Mended:
    """A JSON text read with its damaged values empty: ``document`` as parsed, and for each
    value read as null, its line, column and key (None for an item of a list)."""

    document: Any
    emptied: tuple[tuple[int, int, str | None], ...]

    def told(self, in_line: bool = False) -> str:
        """What was read as empty, where, and what to do; "" when only stray bytes between
        values were mended (nothing was lost: the note on the bytes says where they were).
        ``in_line``: the text was one line of a file, whose number the reader gives."""
        where = [
            (f"the value of {key}" if key else "a value")
            + (f" at column {column}" if in_line else f" at line {line}, column {column}")
            for line, column, key in self.emptied
        ]
        if not where:
            return ""
        if len(where) == 1:
            said = f"{where[0]} is damaged (not valid JSON), so it was"
        else:
            said = (
                f"{len(where)} values are damaged (not valid JSON): {'; '.join(where)}; they were"
            )
        return (
            f"{said} read as empty and the rest of the {'line' if in_line else 'file'} was read."
            " What to do: check the file there (a text editor shows the line), or save or"
            " export it again"
        )


def mend_damaged_values(text: str, at: int) -> Mended | None:
    """``text``, whose JSON breaks at index ``at``, parsed with the damaged value there (and up
    to two more) read as null, or a stray byte between values as a space, colon or comma;
    None when the damage is not in such a place, or the mended text still does not parse."""
    if len(text) > SALVAGE_LIMIT:
        return None
    emptied: list[tuple[int, int, str | None]] = []
    # what the mends so far added to each line ("1x" became " null"): columns are the file's
    moved: dict[int, int] = {}
    for _ in range(_MENDS):
        found = _mend_at(text, at)
        if found is None:
            return None
        candidates, key = found
        for candidate, after in candidates:
            next_at: int | None = None
            try:
                document = orjson.loads(candidate)
            except orjson.JSONDecodeError as exc:
                # it breaks there still, or at the next token: not what the byte was
                if exc.pos <= len(candidate) - len(candidate[after:].lstrip()):
                    continue
                next_at = exc.pos
            line = text.count("\n", 0, at) + 1  # a mend keeps every line break
            if key is not None:
                column = at - text.rfind("\n", 0, at) - moved.get(line, 0)
                emptied.append((line, column, key or None))
            if next_at is None:
                return Mended(document, tuple(emptied))
            moved[line] = moved.get(line, 0) + len(candidate) - len(text)
            text, at = candidate, next_at  # read on past it: another damaged place follows
            break
        else:
            return None
    return None


def _mend_at(text: str, at: int) -> tuple[list[tuple[str, int]], str | None] | None:
    """The texts to try for the run of characters around ``at`` that holds no JSON structure,
    each with where its mended run ends: spaces, a colon or a comma for one of only spaces and
    bytes that were not UTF-8; else null, with the key of the value made null ("" in a list;
    None when no value was)."""
    if not 0 <= at < len(text) or text[at] in _STRUCTURE or _in_string(text, at):
        return None
    start = max(text.rfind(mark, 0, at) for mark in _STRUCTURE) + 1
    ends = [found for mark in _STRUCTURE if (found := text.find(mark, at)) >= 0]
    end = min(ends, default=len(text))
    run = text[start:end]
    if not run.replace(_REPLACED, " ").strip():
        return [
            (text[:start] + mark + " " * (len(run) - 1) + text[end:], end) for mark in " :,"
        ], None
    before = text[max(0, start - 200) : start].rstrip()  # the key, if any, is right before
    # two words where one value goes ("2 3"): a comma missing, not one value damaged
    if len(run.split()) > 1 or not before.endswith((":", ",", "[")):
        return None
    key = _KEY_RE.search(before) if before.endswith(":") else None
    return [(text[:start] + " null" + text[end:], start + 5)], key.group(1) if key else ""


def _in_string(text: str, at: int) -> bool:
    """Whether index ``at`` of ``text`` is inside a JSON string (its quotes included)."""
    # from the line's start: a JSON string holds no line break, so none spans one
    for match in _STRING_RE.finditer(text, text.rfind("\n", 0, at) + 1):
        if match.start() > at:
            return False
        if at < match.end():
            return True
    return False


__all__ = ["Mended", "mend_damaged_values"]
