"""One regex pass over a whole batch of posts, to find the few a wording rule must read.

The job-ad rules (:mod:`staffpulse.signals.job_ads`, :mod:`staffpulse.signals.job_ads_talk`,
:mod:`staffpulse.signals.job_listings`) each need only the posts that hold some cue. Running a
pattern once over the texts joined by :data:`SEP` is far cheaper than once per post; each match
is then credited to the post its last character falls in.

A rule with many cues scans for them with :func:`merge_for_scan`: fewer passes, the same posts.
A wording that opens with no literal (``\\b(?:what do|let us know|...)``, case-blind) is tried at
every character of the batch, which costs many such passes; :func:`scan_for_words` and
:func:`posts_holding` find the few posts holding a word that every match of it holds, and only
those are scanned for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np

__all__ = [
    "SEP",
    "JoinedPosts",
    "holds",
    "merge_for_scan",
    "posts_holding",
    "posts_matching",
    "scan_for_words",
    "top_level_alternatives",
]

#: Between posts in the batch blob, and before the first: a pattern may anchor on it to match
#: at the start of a post. No pattern may match across it.
SEP = "\x1e"


def posts_matching(
    texts: Sequence[str], patterns: Iterable[re.Pattern[str]], *, lower: bool = False
) -> list[int]:
    """The indices, ascending and each once, of the texts in which any of ``patterns``
    matches; with ``lower``, the patterns read the texts lower-cased."""
    if not texts:
        return []
    blob = SEP + SEP.join(texts)
    if lower:
        lowered = blob.lower()
        if len(lowered) != len(blob):
            # "İ" (a Turkish capital I) lowers to two characters: the lowered texts are
            # measured so that every match after it is still credited to its own post
            texts = [t.lower() for t in texts]
            blob = SEP + SEP.join(texts)
        else:
            blob = lowered
    return JoinedPosts(texts, blob=blob).posts_matching(patterns)


class JoinedPosts:
    """The texts of a batch joined once by :data:`SEP` (before the first too), for several
    scans: joining a batch costs about as much as a scan of it."""

    def __init__(self, texts: Sequence[str], *, blob: str | None = None) -> None:
        """``blob``: the texts already joined so (each of the same length as in ``texts``)."""
        self._blob = SEP + SEP.join(texts) if blob is None else blob
        lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
        self._starts = np.cumsum(lengths) - lengths + 1  # where each text begins in the blob

    def posts_matching(self, patterns: Iterable[re.Pattern[str]]) -> list[int]:
        """The indices, ascending and each once, of the texts in which any of ``patterns``
        matches."""
        # a match may start on the separator before its post, never end past its post
        ends = np.fromiter(
            (m.end() - 1 for p in patterns for m in p.finditer(self._blob)), dtype=np.int64
        )
        found: list[int] = np.unique(np.searchsorted(self._starts, ends, side="right") - 1).tolist()
        return found


# IGNORECASE matches "i" to "\u0130" and "\u0131" and "s" to "\u017f", which lower-case to
# something else ("\u0130" to "i" and a combining dot): a post holding one (lower-cased) may
# match a case-blind wording without holding its words, so it is always read
_FOLDS_APART = re.compile("[\u0307\u0131\u017f]")


def scan_for_words(words: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    """The patterns with which :func:`posts_holding` looks for ``words`` (lower-cased
    literals), merged into few passes (:func:`merge_for_scan`)."""
    return (*merge_for_scan(re.escape(word) for word in words), _FOLDS_APART)


def posts_holding(lowered: Sequence[str], scan: tuple[re.Pattern[str], ...]) -> list[int]:
    """The indices, ascending, of the ``lowered`` texts (lower-cased by the caller, once for
    all its scans: lowering the batch cost more than a scan) that hold one of the words of
    ``scan`` (:func:`scan_for_words`), or a letter that a case-blind pattern folds apart: a
    superset of the texts in which a case-blind pattern matches, if each of its matches holds
    one of the words."""
    return posts_matching(lowered, scan)


# Characters from the most to the least frequent in posts (a space first; any other character
# is rarer still): a cue is looked for from its rarest letter, where the engine stops least often
_BY_FREQUENCY = " etaoinshrdlcumwfgypbvkjxqz"
_QUANTIFIERS = "?*+{"


def merge_for_scan(sources: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    """Regular expressions (``sources``) compiled as fewer patterns that
    :func:`posts_matching` credits to exactly the same posts.

    A pass over the batch costs about the same whatever a pattern holds, as long as it opens
    with a literal the engine can skip ahead to; an alternation of patterns that open with
    different letters is tried at every character and costs several passes. So each source is
    looked for from one letter of its literal opening (the rarest but its last): ``hiring``
    becomes ``r`` + ``ing(?<=hiring)``, which matches where the source does and ends where it
    ends, so it is credited to the same post. Sources with the same letter become one
    alternation behind it: a post holds a match of the alternation if and only if it holds one
    of a source, as no match crosses a separator. A source that does not open with a literal,
    holds a ``|`` outside brackets or a group that captures is compiled as it is."""
    alone: list[re.Pattern[str]] = []
    by_letter: dict[str, list[str]] = {}
    for source in sources:
        literal, end = _literal_opening(source)
        if not literal or re.compile(source).groups or _has_top_level_bar(source):
            alone.append(re.compile(source))
            continue
        k = max(range(max(1, len(literal) - 1)), key=lambda i: _rarity(literal[i]))
        behind = f"(?<={re.escape(literal)})" if k else ""
        rest = re.escape(literal[k + 1 :]) + behind + source[end:]
        by_letter.setdefault(literal[k], []).append(rest)
    merged = (
        re.compile(re.escape(letter) + "(?:" + "|".join(rests) + ")")
        for letter, rests in by_letter.items()
    )
    return (*alone, *merged)


def _rarity(ch: str) -> int:
    return _BY_FREQUENCY.find(ch) if ch in _BY_FREQUENCY else len(_BY_FREQUENCY)


def _literal_opening(source: str) -> tuple[str, int]:
    """The characters a match of ``source`` always opens with (letters, digits, spaces,
    hyphens, apostrophes and escaped punctuation such as ``\\$``), and where they end in it."""
    chars: list[str] = []
    i = 0
    while i < len(source):
        if source[i] == "\\" and i + 1 < len(source) and not source[i + 1].isalnum():
            ch, width = source[i + 1], 2
        elif source[i].isalnum() or source[i] in " -'":
            ch, width = source[i], 1
        else:
            break
        if i + width < len(source) and source[i + width] in _QUANTIFIERS:
            break  # "needs?": an optional character opens nothing
        chars.append(ch)
        i += width
    return "".join(chars), i


def top_level_alternatives(source: str) -> list[str]:
    """The alternatives of ``source`` at its top level ("ab|c(d|e)" gives "ab" and "c(d|e)"):
    one, ``source`` itself, if it is no alternation."""
    parts: list[str] = []
    depth, i, start, in_brackets = 0, 0, 0, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_brackets:
            in_brackets = ch != "]"
        elif ch == "[":
            in_brackets = True
            i += 1 if source[i + 1 : i + 2] != "^" else 2
            i += 1 if source[i : i + 1] == "]" else 0  # "[]..." and "[^]...": "]" is a member
            continue
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    return [*parts, source[start:]]


def _has_top_level_bar(source: str) -> bool:
    """Whether ``source`` is an alternation at its top level ("ab|cd"), which a letter in front
    would change."""
    return len(top_level_alternatives(source)) > 1


def holds(lowered: str | None, words: tuple[str, ...]) -> bool:
    """Whether a post may match the rule of ``words``: its ``lowered`` text (None: not known,
    as when a letter of it folds apart under IGNORECASE) holds one of them."""
    return lowered is None or any(word in lowered for word in words)
