"""The role tagger's hashed n-grams without scikit-learn: the same matrices, bit for bit.

scikit-learn's ``HashingVectorizer`` costs about a second to import (``import sklearn`` loads
most of the library), and ``staffpulse roles`` and ``staffpulse connect`` paid it whenever
they tagged an account, though a trained model only needs the hashing. This module does the
same hashing for the settings the tagger uses (``alternate_sign=False``, ``norm="l2"``,
lower-cased input, float32): the analyzers ``char_wb`` and ``word`` with scikit-learn's own
n-gram rules, MurmurHash3 (x86, 32 bits, seed 0) on the UTF-8 bytes of each n-gram, the
column ``abs(hash) % n_features`` and each row scaled to unit length as scikit-learn's
``normalize`` does (sum of squares in double precision, each value divided in double and
rounded to float32). ``tests/test_signals_role_hashing.py`` compares both on many texts.

The n-grams are never built as Python strings: each is a (start, length) span of one byte
buffer per batch, and the hash runs over all spans at once in numpy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

_C1 = np.uint32(0xCC9E2D51)
_C2 = np.uint32(0x1B873593)
_WHITE_SPACES = re.compile(r"\s\s+")  # as scikit-learn's char_wb analyzer squeezes them


def _rotl(x: np.ndarray, r: int) -> np.ndarray:
    return np.asarray((x << np.uint32(r)) | (x >> np.uint32(32 - r)))


def _mix_block(k: np.ndarray) -> np.ndarray:
    k = k * _C1
    return np.asarray(_rotl(k, 15) * _C2)


def murmurhash3_32(buf: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Signed 32-bit MurmurHash3 (seed 0) of the byte spans ``buf[start:start + length]``.

    ``buf`` is uint8 and must hold 3 bytes past the last span (read, never used)."""
    n = len(starts)
    starts = np.asarray(starts, dtype=np.int64)
    lengths = np.asarray(lengths, dtype=np.int64)
    # the buffer as little-endian words at each of the 4 byte alignments
    views = []
    for shift in range(4):
        usable = (len(buf) - shift) // 4 * 4
        views.append(np.frombuffer(buf[shift : shift + usable].tobytes(), dtype="<u4"))
    blocks = lengths // 4
    order = np.argsort(-blocks, kind="stable")  # longest first: each round is a prefix
    sorted_starts = starts[order]
    active = np.bincount(blocks, minlength=1)[::-1].cumsum()[::-1]  # spans with >= k blocks
    h = np.zeros(n, dtype=np.uint32)
    for k in range(int(blocks.max()) if n else 0):
        count = int(active[k + 1])
        at = sorted_starts[:count] + 4 * k
        words = np.empty(count, dtype=np.uint32)
        for shift in range(4):
            pick = (at & 3) == shift
            words[pick] = views[shift][(at[pick] - shift) // 4]
        mixed = h[:count] ^ _mix_block(words)
        h[:count] = _rotl(mixed, 13) * np.uint32(5) + np.uint32(0xE6546B64)
    h_out = np.empty(n, dtype=np.uint32)
    h_out[order] = h
    tail_at = starts + 4 * blocks
    tail_len = lengths & 3
    tail = np.zeros(n, dtype=np.uint32)
    for i in range(3):
        byte = buf[np.minimum(tail_at + i, len(buf) - 1)].astype(np.uint32)
        tail |= np.where(tail_len > i, byte << np.uint32(8 * i), np.uint32(0)).astype(np.uint32)
    h_out ^= np.where(tail_len > 0, _mix_block(tail), np.uint32(0)).astype(np.uint32)
    h_out ^= lengths.astype(np.uint32)
    h_out ^= h_out >> np.uint32(16)
    h_out *= np.uint32(0x85EBCA6B)
    h_out ^= h_out >> np.uint32(13)
    h_out *= np.uint32(0xC2B2AE35)
    h_out ^= h_out >> np.uint32(16)
    return h_out.view(np.int32)


def _as_bytes(text: str) -> tuple[np.ndarray, np.ndarray | None]:
    """The UTF-8 bytes of ``text`` (3 spare bytes at the end) and, unless it is ASCII, the
    byte offset of each character (one more at the end)."""
    raw = text.encode("utf-8")
    buf = np.frombuffer(raw + b"\0\0\0", dtype=np.uint8)
    if len(raw) == len(text):
        return buf, None
    points = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
    widths = 1 + (points >= 0x80) + (points >= 0x800) + (points >= 0x10000)
    return buf, np.concatenate([[0], np.cumsum(widths)]).astype(np.int64)


def _hashed_counts(
    text: str, doc: np.ndarray, starts: np.ndarray, lengths: np.ndarray, shape: tuple[int, int]
) -> sp.csr_matrix:
    """Rows ``doc`` of the n-gram spans of ``text``, counted per column and L2-normalized."""
    buf, offsets = _as_bytes(text)
    if offsets is not None:
        ends = offsets[starts + lengths]
        starts = offsets[starts]
        lengths = ends - starts
    h = murmurhash3_32(buf, starts, lengths).astype(np.int64)
    columns = np.abs(h) % shape[1]  # abs(-2**31) % 2**k is 0, as scikit-learn defines it
    keys, counts = np.unique(doc * shape[1] + columns, return_counts=True)
    rows = keys // shape[1]
    indptr = np.searchsorted(rows, np.arange(shape[0] + 1)).astype(np.int32)
    data = counts.astype(np.float32).astype(np.float64)
    norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=shape[0]))
    scaled = (data / norms[rows]).astype(np.float32)
    return sp.csr_matrix(
        (scaled, (keys % shape[1]).astype(np.int32), indptr), shape=shape, dtype=np.float32
    )


def _spans(first: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """``first[i], first[i] + 1, ..., first[i] + counts[i] - 1`` for every i, concatenated."""
    total = int(counts.sum())
    base = np.repeat(first - (np.cumsum(counts) - counts), counts)
    return np.asarray(base + np.arange(total))


def hash_char_wb(
    docs: Sequence[str], ngram_range: tuple[int, int], n_features: int
) -> sp.csr_matrix:
    """``HashingVectorizer(analyzer="char_wb", ngram_range, n_features, alternate_sign=False,
    norm="l2", dtype=float32).transform(docs)``."""
    min_n, max_n = ngram_range
    words: list[str] = []
    per_doc: list[int] = []
    for doc in docs:
        split = _WHITE_SPACES.sub(" ", doc.lower()).split()
        words.extend(split)
        per_doc.append(len(split))
    padded = np.fromiter((len(w) + 2 for w in words), dtype=np.int64, count=len(words))
    word_start = np.cumsum(padded) - padded
    word_doc = np.repeat(np.arange(len(docs), dtype=np.int64), per_doc)
    doc_parts, start_parts, length_parts = [], [], []
    for n in range(min_n, max_n + 1):
        # scikit-learn: every n-gram of " word "; a word shorter than min_n once, whole
        fits = padded >= n
        counts = np.where(fits, padded - n + 1, 1 if n == min_n else 0)
        doc_parts.append(np.repeat(word_doc, counts))
        start_parts.append(_spans(word_start, counts))
        length_parts.append(np.repeat(np.where(fits, n, padded), counts))
    text = "".join(f" {w} " for w in words)
    return _hashed_counts(
        text,
        np.concatenate(doc_parts),
        np.concatenate(start_parts),
        np.concatenate(length_parts),
        (len(docs), n_features),
    )


def hash_words(
    docs: Sequence[str], ngram_range: tuple[int, int], n_features: int, token_pattern: str
) -> sp.csr_matrix:
    """``HashingVectorizer(analyzer="word", ngram_range, n_features, token_pattern,
    alternate_sign=False, norm="l2", dtype=float32).transform(docs)`` (a pattern without
    groups)."""
    min_n, max_n = ngram_range
    pattern = re.compile(token_pattern)
    tokens: list[str] = []
    per_doc: list[int] = []
    for doc in docs:
        found = pattern.findall(doc.lower())
        tokens.extend(found)
        per_doc.append(len(found))
    lengths = np.fromiter((len(t) for t in tokens), dtype=np.int64, count=len(tokens))
    starts = np.cumsum(lengths + 1) - (lengths + 1)  # tokens joined by single spaces
    token_doc = np.repeat(np.arange(len(docs), dtype=np.int64), per_doc)
    doc_parts, start_parts, length_parts = [], [], []
    for n in range(min_n, max_n + 1):
        if n > len(tokens):
            break
        last = np.arange(n - 1, len(tokens))
        first = last - (n - 1)
        same = token_doc[first] == token_doc[last]  # n-grams never cross two documents
        first, last = first[same], last[same]
        doc_parts.append(token_doc[first])
        start_parts.append(starts[first])
        length_parts.append(starts[last] + lengths[last] - starts[first])
    empty = np.zeros(0, dtype=np.int64)
    return _hashed_counts(
        " ".join(tokens),
        np.concatenate(doc_parts) if doc_parts else empty,
        np.concatenate(start_parts) if start_parts else empty,
        np.concatenate(length_parts) if length_parts else empty,
        (len(docs), n_features),
    )
