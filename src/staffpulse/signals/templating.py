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
   (union-find); families of at least ``min_size`` posts are templates.

It is deterministic (no Python ``hash`` randomisation: shingles are hashed with BLAKE2b).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
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
_NUM = re.compile(r"[$£€]?\d+(?:[.,:/-]\d+)*[kKmM%]?")
# runs of Capitalised or UPPER words (titles, companies, places), optionally joined by of/&/-
_PROPER = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:of|&|and|de|-)?\s*[A-Z][\w'’.-]*)*")
_TOKEN = re.compile(r"<\w+>|\w+|[^\w\s]")
_WORD = re.compile(r"[^\W\d_]\w*")  # a token that is a word: no placeholder, number or mark
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
    return _lower_tokens(_PROPER.sub(_name_or_word, _mask_links_and_numbers(text)))


def _mask_all_but_names(text: str) -> str:
    """The post with links, mentions, hashtags and numbers masked, but its words kept."""
    return _lower_tokens(_mask_links_and_numbers(text))


def _mask_links_and_numbers(text: str) -> str:
    t = _URL.sub(" <url> ", text)
    t = _MENTION.sub(" <user> ", t)
    t = _HASHTAG.sub(" <tag> ", t)
    return _NUM.sub(" <num> ", t)


def _lower_tokens(text: str) -> str:
    return " ".join(_TOKEN.findall(text.lower()))


def own_words(masked: str) -> int:
    """How many words of its own a masked text keeps (placeholders, numbers, marks aside)."""
    return sum(1 for token in masked.split() if _WORD.fullmatch(token))


def _compared_text(text: str, min_tokens: int, min_words: int) -> str | None:
    """The text a post is compared on, or None when it cannot be a template.

    Its masked text when that keeps ``min_words`` words of its own; otherwise its own words
    (only links, mentions, hashtags and numbers masked), so two such posts are near-copies
    only when they say the same thing; too short either way, and it is no template."""
    masked = mask_text(text or "")
    if len(masked.split()) < min_tokens:
        return None
    if own_words(masked) >= min_words:
        return masked
    plain = _mask_all_but_names(text or "")
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


def _shingle_hashes(
    masked: str, digests_of: dict[str, bytes] | None = None
) -> npt.NDArray[np.uint64]:
    """The post's word 3-grams, hashed. ``digests_of`` keeps each 3-gram's digest across the
    posts of a feed, which share most of theirs (a feed of 170,000 posts hashed 3.4 million
    3-grams, most of them many times)."""
    words = masked.split()
    grams = [" ".join(words[i : i + 3]) for i in range(len(words) - 2)] or [masked]
    cache = {} if digests_of is None else digests_of
    digests = set()
    for gram in grams:
        digest = cache.get(gram)
        if digest is None:
            digest = cache[gram] = hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest()
        digests.add(digest)
    return np.frombuffer(b"".join(sorted(digests)), dtype=np.uint64) & _MERSENNE


def _minhash(shingles: list[npt.NDArray[np.uint64]], n_perm: int, seed: int) -> npt.NDArray[Any]:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 1 << 31, size=n_perm, dtype=np.uint64)
    b = rng.integers(0, 1 << 31, size=n_perm, dtype=np.uint64)
    lengths = np.array([len(s) for s in shingles])
    flat = np.concatenate(shingles) if shingles else np.zeros(0, dtype=np.uint64)
    # each distinct shingle hashed once per permutation, then spread to every post that has
    # it: the posts of a feed share most of their shingles
    values, where = np.unique(flat, return_inverse=True)
    # (a * x + b) mod 2^61-1 on 31-bit halves of x to stay inside uint64
    lo = values & np.uint64((1 << 31) - 1)
    hi = values >> np.uint64(31)
    sig = np.empty((len(shingles), n_perm), dtype=np.uint64)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
    for j in range(n_perm):  # n_perm vectorised passes over the distinct shingles of the feed
        h = ((a[j] * hi) % _MERSENNE * np.uint64(1 << 31) + a[j] * lo + b[j]) % _MERSENNE
        sig[:, j] = np.minimum.reduceat(h[where], starts) if flat.size else 0
    return sig


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _near_copy_roots(sig: npt.NDArray[Any], bands: int, threshold: float) -> list[int]:
    """For each signature row, the root of its family of near-copies (itself when it has
    none): steps 3 and 4 above. Only rows that agree on a whole band are compared, so a feed
    of thousands of posts does not cost every pair."""
    rows = sig.shape[1] // bands
    parent = list(range(sig.shape[0]))
    for band in range(bands):
        block = np.ascontiguousarray(sig[:, band * rows : (band + 1) * rows])
        keys = block.view(np.dtype((np.void, block.dtype.itemsize * rows))).ravel()
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        same = np.flatnonzero(sorted_keys[1:] == sorted_keys[:-1])
        # consecutive equal keys are the candidate pairs; their similarity is compared for
        # all of them at once (pair by pair, a feed of near-copies took seconds a band), in
        # slices that keep the comparison's memory small
        for at in range(0, same.size, _PAIRS_AT_ONCE):
            first, second = (
                order[same[at : at + _PAIRS_AT_ONCE]],
                order[same[at : at + _PAIRS_AT_ONCE] + 1],
            )
            similar = np.mean(sig[first] == sig[second], axis=1) >= threshold
            for i, j in zip(first[similar].tolist(), second[similar].tolist(), strict=True):
                ri, rj = _find(parent, i), _find(parent, j)
                if ri != rj:
                    parent[rj] = ri
    return [_find(parent, i) for i in range(sig.shape[0])]


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
    digests_of: dict[str, bytes] = {}
    shingles = [_shingle_hashes(text, digests_of) for text in distinct]
    sig = _minhash(shingles, n_perm, seed)[row_of]
    roots = _near_copy_roots(sig, bands, threshold)
    groups: dict[int, list[int]] = {}
    for local, root in enumerate(roots):
        groups.setdefault(int(root), []).append(eligible[local])
    big = sorted((m for m in groups.values() if len(m) >= min_size), key=lambda m: (-len(m), m[0]))
    families: list[TemplateFamily] = []
    for fid, members in enumerate(big):
        family[members] = fid
        pattern, _ = Counter(masked[i] for i in members).most_common(1)[0]
        example = next(i for i in members if masked[i] == pattern)
        families.append(TemplateFamily(len(members), sorted(members), pattern, example))
    templated = family >= 0
    return TemplateResult(templated, family, families, float(templated.mean()))
