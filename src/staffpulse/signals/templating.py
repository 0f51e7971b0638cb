"""Templated posts: near-copies within one feed once the variable parts are masked.

A feed that posts "We're #hiring a Forklift Operator in Dayton, OH: https://..." fifty times
with other titles and towns is one template. :func:`detect_templates` finds such families:

1. **Mask** what varies between copies: URLs, @mentions, numbers, hashtags, and runs of
   Capitalised Words (job titles, company names, places), then lower-case. A lone capital
   word that opens a sentence ("We're", "Apply", "Thanks") is capitalised by grammar, not
   because it is a name, so it is kept.
2. **Keep to posts with wording of their own**: a template is posts that share most of their
   words, so a post whose masked text keeps fewer than ``min_words`` words ("Grid Layouts
   with <name> - <url>", a title and a link) is compared on its own words instead (links,
   mentions, hashtags and numbers still masked), and with too few of those it is no template.
   Shingle the compared text into word 3-grams (shorter posts: one shingle).
3. **MinHash** each post (``n_perm`` universal hash functions, vectorised in NumPy) and
   bucket the signatures with locality-sensitive hashing (``bands`` x rows).
4. Candidate pairs whose estimated Jaccard similarity reaches ``threshold`` are joined
   into families (connected components, found in NumPy); families of at least ``min_size``
   posts are templates.

It is deterministic (no Python ``hash`` randomisation: shingles are hashed with BLAKE2b).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = [
    "MIN_TOKENS",
    "MIN_WORDS",
    "TemplateFamily",
    "TemplateResult",
    "detect_templates",
    "mask_text",
    "masked_template",
    "own_words",
]

_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_MENTION = re.compile(r"@\w+")
_HASHTAG = re.compile(r"#\w+")
# The patterns below open on a set of characters, so the regex engine jumps between the
# places one can start instead of trying each position (numbers and names are found three
# times faster); the checks just after that first character keep what they match as it was:
# a number: [$£€]?\d+(?:[.,:/-]\d+)*[kKmM%]? (a currency sign counts only before a digit)
_NUM = re.compile(r"[$£€\d](?:(?<=\d)|(?<=[$£€])(?=\d))\d*(?:[.,:/-]\d+)*[kKmM%]?")
# runs of Capitalised or UPPER words (titles, companies, places), optionally joined by of/&/-,
# each run opening on a word boundary
_PROPER = re.compile(r"[A-Z](?<!\w[A-Z])[\w'’.-]*(?:\s+(?:of|&|and|de|-)?\s*[A-Z][\w'’.-]*)*")
# a token: a placeholder (<url>), a run of word characters, or one mark
_TOKEN = re.compile(r"\S(?:(?<=<)\w+>|(?<=\w)\w*|(?<=[^\w\s]))")
# a whitespace-separated token that is a word: no placeholder, number or mark (one scan of
# the text: a match per token cost twice the rest of the masking)
_OWN_WORD = re.compile(r"(?<!\S)[^\W\d_]\w*(?!\S)")
_SENTENCE_END = (".", "!", "?", "…")
_MERSENNE = np.uint64((1 << 61) - 1)
# fewer masked tokens than this and a post is never a template: "Happy Friday!" or a bare
# "<url>" is short and alike by nature, not a feed run from a template
MIN_TOKENS = 4
# fewer words of its own than this once masked, and a post joins a family only on those
# words: "Grid Layouts with Flexbox - <link>" and "Better Caching with Service Workers -
# <link>" are both "<name> with <name> - <url>", one word of wording, no template of another
MIN_WORDS = 3
# candidate pairs compared in one NumPy pass (64 bytes of booleans each)
_PAIRS_AT_ONCE = 65_536


def _opens_sentence(before: str) -> bool:
    """Whether a word after ``before`` opens a sentence: nothing, a line break, or ". ! ?"
    before it, @mentions aside ("@bob Thanks for ..."). Not a colon: what follows one
    varies in a template ("Now hiring: Welder")."""
    head = before.rstrip(" \t")
    if head.endswith("\n"):
        return True
    head = head.rstrip()
    while head.endswith("<user>"):
        head = head[: -len("<user>")].rstrip()
    return not head or head.endswith(_SENTENCE_END)


def _name_or_word(match: re.Match[str]) -> str:
    run = match.group(0)
    if len(run.split()) == 1 and _opens_sentence(match.string[: match.start()]):
        return f" {run} "  # a lone capital opening a sentence ("Apply:"): a word, kept
    return " <name> "


def mask_text(text: str) -> str:
    """The post with its variable parts replaced by ``<url>``, ``<user>``, ``<num>`` ..."""
    return _mask_names(_mask_links_and_numbers(text))


def _mask_names(unnamed: str) -> str:
    """A text already through :func:`_mask_links_and_numbers` with its names masked too."""
    return _lower_tokens(_PROPER.sub(_name_or_word, unnamed))


def _mask_links_and_numbers(text: str) -> str:
    # most posts of a feed have no link: a scan of the lower-cased text for where one must
    # start is several times cheaper than the pattern's scan
    lowered = text.lower()
    t = _URL.sub(" <url> ", text) if "http" in lowered or "www." in lowered else text
    t = _MENTION.sub(" <user> ", t)
    t = _HASHTAG.sub(" <tag> ", t)
    return _NUM.sub(" <num> ", t)


def _lower_tokens(text: str) -> str:
    return " ".join(_TOKEN.findall(text.lower()))


def own_words(masked: str) -> int:
    """How many words of its own a masked text keeps (placeholders, numbers, marks aside)."""
    return len(_OWN_WORD.findall(masked))


def _compared_text(text: str, min_tokens: int, min_words: int) -> str | None:
    """The text a post is compared on, or None when it cannot be a template.

    Its masked text when that keeps ``min_words`` words of its own; otherwise its own words
    (only links, mentions, hashtags and numbers masked), so two such posts are near-copies
    only when they say the same thing; too short either way, and it is no template."""
    unnamed = _mask_links_and_numbers(text or "")
    masked = _mask_names(unnamed)
    if len(masked.split()) < min_tokens:
        return None
    if own_words(masked) >= min_words:
        return masked
    plain = _lower_tokens(unnamed)
    return plain if own_words(plain) >= min_words else None


def masked_template(
    text: str, min_tokens: int = MIN_TOKENS, min_words: int = MIN_WORDS
) -> str | None:
    """The text a post is compared on when it can be a template, else None.

    Two posts with the same key are near-copies for :func:`detect_templates` (their
    shingles are the same), so a count of exact copies by this key (``staffpulse score``)
    never finds a copy the audit does not."""
    return _compared_text(text, min_tokens, min_words)


@dataclass(frozen=True, slots=True)
class TemplateFamily:
    """One template: its size, member indices, masked pattern and a representative post."""

    size: int
    members: list[int]
    pattern: str
    example: int


@dataclass(frozen=True, slots=True)
class TemplateResult:
    """Per post: ``templated`` and ``family`` (-1 = none); per feed: families and share."""

    templated: npt.NDArray[np.bool_]
    family: npt.NDArray[np.int64]
    families: list[TemplateFamily] = field(default_factory=list)
    share: float = 0.0


def _shingles(
    texts: Iterable[str],
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Each text's word 3-grams (a text of fewer than three words: the text itself).

    Returns the feed's distinct 3-grams hashed, each text's 3-grams as indexes into them, and
    where each text's indexes start. The posts of a feed share most of their 3-grams (a feed
    of 170,000 posts has 3.4 million, most of them many times): each is hashed once."""
    index_of: dict[str, int] = {}
    where: list[int] = []
    starts: list[int] = []
    for text in texts:
        words = text.split()
        starts.append(len(where))
        grams = list(map(" ".join, zip(words, words[1:], words[2:], strict=False))) or [text]
        where.extend([index_of.setdefault(gram, len(index_of)) for gram in grams])
    digests = b"".join(
        hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest() for gram in index_of
    )
    values = np.frombuffer(digests, dtype=np.uint64) & _MERSENNE
    return values, np.array(where, dtype=np.int64), np.array(starts, dtype=np.int64)


def _minhash(
    shingles: tuple[npt.NDArray[np.uint64], npt.NDArray[np.int64], npt.NDArray[np.int64]],
    n_perm: int,
    seed: int,
) -> npt.NDArray[Any]:
    """Each text's MinHash signature, from its :func:`_shingles`."""
    values, where, starts = shingles
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 1 << 31, size=n_perm, dtype=np.uint64)
    b = rng.integers(0, 1 << 31, size=n_perm, dtype=np.uint64)
    # (a * x + b) mod 2^61-1 on 31-bit halves of x; a * hi is below 2^61-1 (a and hi are
    # below 2^31 and 2^30), so it needs no reduction of its own. Its product with 2^31 wraps
    # around 64 bits, as it always has: changing that would change which posts are families.
    lo = values & np.uint64((1 << 31) - 1)
    hi = values >> np.uint64(31)
    sig = np.empty((starts.size, n_perm), dtype=np.uint64)
    for j in range(n_perm):  # each distinct shingle hashed once, then spread to its posts
        h = (a[j] * hi * np.uint64(1 << 31) + a[j] * lo + b[j]) % _MERSENNE
        sig[:, j] = np.minimum.reduceat(h[where], starts) if where.size else 0
    return sig


def _near_copy_labels(sig: npt.NDArray[Any], bands: int, threshold: float) -> npt.NDArray[np.int64]:
    """For each signature row, the first row of its family of near-copies (itself when it has
    none): steps 3 and 4 above. Only rows that agree on a whole band are compared, so a feed
    of thousands of posts does not cost every pair."""
    first, second = _band_pairs(sig, bands)
    # a pair of near-copies agrees on several bands: its similarity is compared once
    n = sig.shape[0]
    pair = np.unique(first * n + second)
    first, second = pair // n, pair % n
    similar = np.zeros(pair.size, dtype=bool)
    # compared for all pairs at once (pair by pair, a feed of near-copies took seconds), in
    # slices that keep the comparison's memory small
    for at in range(0, pair.size, _PAIRS_AT_ONCE):
        cut = slice(at, at + _PAIRS_AT_ONCE)
        similar[cut] = np.mean(sig[first[cut]] == sig[second[cut]], axis=1) >= threshold
    return _first_of_component(n, first[similar], second[similar])


def _band_pairs(
    sig: npt.NDArray[Any], bands: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The candidate pairs: in each band, rows sorted by their values there, each row paired
    with the next when the two are equal (rows with equal values stay in their order).

    Each band's values are sorted as one 64-bit mix of them, all bands in one call (sorting
    the values themselves took most of the search's time); two different values that mixed
    the same would pair wrongly, so the rare band where that happens is sorted on its
    values."""
    n, rows = sig.shape[0], sig.shape[1] // bands
    cells = sig[:, : bands * rows].reshape(n, bands, rows)
    mixed = _mixed_bands(cells)
    order = np.argsort(mixed, axis=0, kind="stable")
    in_order = np.take_along_axis(mixed, order, axis=0)
    at, band = np.nonzero(in_order[1:] == in_order[:-1])
    first, second = order[at, band], order[at + 1, band]
    clash = np.zeros(first.size, dtype=bool)
    for start in range(0, first.size, _PAIRS_AT_ONCE):  # in slices, as the similarity below
        cut = slice(start, start + _PAIRS_AT_ONCE)
        clash[cut] = np.any(cells[first[cut], band[cut]] != cells[second[cut], band[cut]], axis=1)
    if not clash.any():
        return first, second
    exact = [_exact_band_pairs(cells[:, b]) for b in np.unique(band[clash]).tolist()]
    keep = ~np.isin(band, band[clash])
    return (
        np.concatenate([first[keep], *(f for f, _ in exact)]),
        np.concatenate([second[keep], *(s for _, s in exact)]),
    )


def _mixed_bands(cells: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """Each row's values in each band (``cells``: rows x bands x values), mixed into one
    64-bit number (multiply and xor-shift)."""
    mixed = np.zeros(cells.shape[:2], dtype=np.uint64)
    for k in range(cells.shape[2]):
        mixed = (mixed ^ cells[:, :, k]) * np.uint64(0x9E3779B97F4A7C15)
        mixed ^= mixed >> np.uint64(29)
    return mixed


def _exact_band_pairs(
    block: npt.NDArray[Any],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The candidate pairs of one band, sorted on its values themselves."""
    block = np.ascontiguousarray(block)
    keys = block.view(np.dtype((np.void, block.dtype.itemsize * block.shape[1]))).ravel()
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    same = np.flatnonzero(sorted_keys[1:] == sorted_keys[:-1])
    return order[same], order[same + 1]


def _first_of_component(
    n: int, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """For each of ``n`` nodes, the smallest node joined to it by the edges ``a[k]-b[k]``.

    The same families a union-find gives, without its Python step per pair (a feed of
    1,000 near-copies has 16,000 of them): each round every edge points the larger of its
    two ends' labels at the smaller, then labels follow their pointers to the end. A label is
    never more than its node, so the end of every chain is a family's smallest node."""
    label = np.arange(n, dtype=np.int64)
    while True:
        at_a, at_b = label[a], label[b]
        differ = at_a != at_b
        if not differ.any():
            return label
        np.minimum.at(
            label, np.maximum(at_a[differ], at_b[differ]), np.minimum(at_a[differ], at_b[differ])
        )
        while True:
            followed = label[label]
            if np.array_equal(followed, label):
                break
            label = followed


def detect_templates(
    texts: Sequence[str],
    *,
    threshold: float = 0.6,
    min_size: int = 2,
    n_perm: int = 64,
    bands: int = 16,
    seed: int = 0,
    min_tokens: int = MIN_TOKENS,
    min_words: int = MIN_WORDS,
) -> TemplateResult:
    """Near-duplicate families in one account's posts (see the module docstring).

    ``threshold`` is the estimated Jaccard similarity of masked 3-gram shingles at which two
    posts are near-copies; posts with fewer than ``min_tokens`` masked tokens never are
    (a bare "<url>" is not a template), and a post whose masked text keeps fewer than
    ``min_words`` words is compared on its own words (see :func:`masked_template`).
    """
    n = len(texts)
    family = np.full(n, -1, dtype=np.int64)
    if n < min_size or n == 0:
        return TemplateResult(np.zeros(n, dtype=bool), family, [], 0.0)
    # a post made again word for word (a job board's repeats) is masked once
    compared_as: dict[str, str | None] = {}
    for text in texts:
        if (text or "") not in compared_as:
            compared_as[text or ""] = _compared_text(text or "", min_tokens, min_words)
    compared = [compared_as[text or ""] for text in texts]
    masked = [m or "" for m in compared]
    eligible = [i for i, m in enumerate(compared) if m is not None]
    if len(eligible) < min_size:
        return TemplateResult(np.zeros(n, dtype=bool), family, [], 0.0)
    # a masked text many posts share (a template's, by definition) is shingled and hashed
    # once; its signature is the same for each of them
    distinct: dict[str, int] = {}
    row_of = np.array([distinct.setdefault(masked[i], len(distinct)) for i in eligible])
    sig = _minhash(_shingles(distinct), n_perm, seed)[row_of]
    labels = _near_copy_labels(sig, bands, threshold)
    sizes = np.bincount(labels, minlength=labels.size)
    # a family is named by its first post, so biggest first, then the earliest
    firsts = np.flatnonzero(sizes >= min_size)
    firsts = firsts[np.lexsort((firsts, -sizes[firsts]))]
    in_order = np.argsort(labels, kind="stable")  # each family's posts together, in order
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    where = np.asarray(eligible, dtype=np.int64)
    families: list[TemplateFamily] = []
    for fid, first in enumerate(firsts.tolist()):
        members = where[in_order[starts[first] : starts[first] + sizes[first]]].tolist()
        family[members] = fid
        pattern, _ = Counter(masked[i] for i in members).most_common(1)[0]
        example = next(i for i in members if masked[i] == pattern)
        families.append(TemplateFamily(len(members), sorted(members), pattern, example))
    templated = family >= 0
    return TemplateResult(templated, family, families, float(templated.mean()))
