"""A wrong told as one that keeps coming: a real complaint, however funny its telling.

"HR lost my leave request for the second time", "cut my hours again", "they still haven't
paid me", "every time I ask for a raise they change the subject": a post that says the wrong
happens again is a complaint to acknowledge, never read as a joke
(:func:`staffpulse.listen.jokes.reads_as_joke`).

"Every time" says so only when its clause is about the writer ("every time I ask", "they move
my shift every time"): a joke's "every time someone walks in" or "every time they put a new
poster up" tells how the joke's world goes, not of a wrong done to its teller.
"""

from __future__ import annotations

import re

_AGAIN_RE = re.compile(
    r"\b(?:again|(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time|every (?:single )?"
    r"(?:week|month|shift)|keeps? \w+ing|still)\b",
    re.IGNORECASE,
)
_EVERY_TIME_RE = re.compile(r"\bevery (?:single )?time\b", re.IGNORECASE)
# the clause around it: up to a comma, a dash or a sentence's end on either side
_CLAUSE_END_RE = re.compile(r"[,;:.!?\n\u2014\u2013]")
_WRITER_RE = re.compile(
    r"\b(?:i|i['\u2019]m|im|i['\u2019]ve|me|my|mine|myself|we|our|ours|(?-i:us))\b",
    re.IGNORECASE,
)


def happens_again(text: str) -> bool:
    """A grievance told as one that keeps coming ("HR lost my leave request for the second
    time", "cut my hours again", "every time I ask for a day off")."""
    if _AGAIN_RE.search(text) is not None:
        return True
    return any(
        _WRITER_RE.search(_clause_of(text, found)) for found in _EVERY_TIME_RE.finditer(text)
    )


def _clause_of(text: str, found: re.Match[str]) -> str:
    """The words of ``found``'s clause: from the last stop before it to the next after it."""
    before = [m.end() for m in _CLAUSE_END_RE.finditer(text, 0, found.start())]
    after = _CLAUSE_END_RE.search(text, found.end())
    return text[before[-1] if before else 0 : after.start() if after else len(text)]
