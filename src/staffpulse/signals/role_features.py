"""Features for the account-role tagger: cleaned text, hashed n-grams and hand-made cues.

Everything here is stateless (no vocabulary is learned), so a trained model only has to ship
its linear weights plus the parameters below. The three inputs of an account are its screen
name, its bio and a sample of its posts:

* the **name** is split on case changes, digits and underscores (``TCGJobs`` -> ``tcg jobs``)
  and hashed as character n-grams, which also catches first names of people;
* the **bio** and the **posts** are hashed as word uni/bi-grams (separate namespaces), and the
  bio also as character n-grams;
* **cues** are regular expressions written for this domain (``tmj_`` prefix, "jobs" in the
  name, "staffing", "talent acquisition", "HR", "ATS", first-person words ...; the patterns
  are in :mod:`staffpulse.signals.role_cues`), counted per field and squashed with ``log1p``,
  plus the name's shape (:mod:`staffpulse.signals.role_person_name`) crossed with the bio's
  "we" and "I".

Texts are reduced to ASCII after Unicode decomposition, so that the mojibake of the 2015
training data and the emoji of live data both vanish in the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from staffpulse.signals.role_cues import CUES
from staffpulse.signals.role_hashing import hash_char_wb, hash_words
from staffpulse.signals.role_person_name import name_shape
from staffpulse.signals.role_text import clean_text, split_name, to_ascii

_MAX_TEXT_CHARS = 4000
_TOKEN_PATTERN = r"(?u)#?\b\w+\b"  # words, with a leading # kept


def sample_posts(text: str | Sequence[str] | None) -> tuple[str, int]:
    """The posts joined by newlines (at most ~4,000 characters) and how many were kept."""
    if text is None:
        return "", 0
    if isinstance(text, str):  # one post: its own line breaks are just spaces
        return " ".join(text.split())[:_MAX_TEXT_CHARS], 1 if text.strip() else 0
    out: list[str] = []
    size = 0
    for post in text:
        if not isinstance(post, str) or not post.strip():
            continue
        out.append(" ".join(post.split()))  # one line per post
        size += len(out[-1]) + 1
        if size >= _MAX_TEXT_CHARS:
            break
    return "\n".join(out)[:_MAX_TEXT_CHARS], len(out)


# --- cues (the patterns live in role_cues.py) ------------------------------------------------
_I = re.IGNORECASE

_COMPILED: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (name, field, re.compile(pattern, _I)) for name, field, pattern in CUES
)
CUE_NAMES: tuple[str, ...] = (
    *(name for name, _, _ in CUES),
    "bio_empty",
    "bio_length",
    "text_empty",
    "name_has_digits",
    "name_has_underscore",
    "name_words",
    # the name's shape (role_person_name.py), alone and crossed with the bio's pronouns: "we"
    # under a brand's name is a firm, under a person's it may be a solo recruiter's
    "name_first_name",
    "name_full_name",
    "name_surname",
    "bio_we_person_name",
    "bio_we_other_name",
    "bio_i_person_name",
    "bio_i_other_name",
)
_WE = CUE_NAMES.index("bio_org_we")
_I_ME = CUE_NAMES.index("bio_first_person")


@dataclass(frozen=True)
class AccountText:
    """The three inputs of one account after cleaning."""

    raw_name: str
    name: str
    bio: str
    text: str
    n_posts: int = 1


def prepare(
    names: Sequence[str],
    bios: Sequence[str],
    texts: Sequence[str],
    n_posts: Sequence[int] | None = None,
) -> list[AccountText]:
    """Clean and align the three inputs (``None`` is read as an empty string).

    ``texts`` items are posts joined by newlines; ``n_posts`` says how many posts each holds
    (default 1), so that post cues are rates per post whatever the sample size.
    """
    counts = [1] * len(names) if n_posts is None else list(n_posts)
    out: list[AccountText] = []
    for name, bio, text, count in zip(names, bios, texts, counts, strict=True):
        raw = to_ascii(name or "")
        cleaned = "\n".join(clean_text(line) for line in (text or "").split("\n"))
        out.append(
            AccountText(
                raw_name=raw.lstrip("@"),
                name=split_name(name or ""),
                bio=clean_text(bio or ""),
                text=cleaned.strip(),
                n_posts=max(1, count),
            )
        )
    return out


def cue_matrix(accounts: Sequence[AccountText]) -> np.ndarray:
    """Dense ``[n, len(CUE_NAMES)]`` float32 matrix of log-scaled cue counts."""
    out = np.zeros((len(accounts), len(CUE_NAMES)), dtype=np.float32)
    fields = {"n": "name", "N": "raw_name", "b": "bio", "t": "text"}
    for i, acc in enumerate(accounts):
        for j, (_, field, pattern) in enumerate(_COMPILED):
            value = getattr(acc, fields[field])
            if value:
                hits = len(pattern.findall(value))
                out[i, j] = hits / acc.n_posts if field == "t" else hits
        k = len(_COMPILED)
        out[i, k] = 0.0 if acc.bio else 1.0
        out[i, k + 1] = len(acc.bio) / 160.0
        out[i, k + 2] = 0.0 if acc.text else 1.0
        out[i, k + 3] = 1.0 if any(c.isdigit() for c in acc.raw_name) else 0.0
        out[i, k + 4] = 1.0 if "_" in acc.raw_name else 0.0
        out[i, k + 5] = len(acc.name.split())
        shape = name_shape(acc.name)
        person = 1.0 if shape.first or shape.full else 0.0
        out[i, k + 6 : k + 9] = (shape.first, shape.full, shape.surname)
        out[i, k + 9 : k + 13] = (
            out[i, _WE] * person,
            out[i, _WE] * (1.0 - person),
            out[i, _I_ME] * person,
            out[i, _I_ME] * (1.0 - person),
        )
    return np.log1p(out)


@dataclass(frozen=True)
class HashingParams:
    """Sizes of the hashed blocks (powers of two); part of every artifact."""

    name_bits: int = 16
    word_bits: int = 18
    char_bits: int = 18


class AccountFeaturizer:
    """Stateless featurizer: hashed name chars + bio/post words + bio chars + cues.

    ``cue_weight`` scales the cue block (a larger scale means a weaker L2 penalty on cues);
    ``text_weight`` scales the post words, which are noisier than the bio.
    """

    def __init__(
        self,
        params: HashingParams | None = None,
        *,
        cue_weight: float = 1.0,
        text_weight: float = 0.5,
    ) -> None:
        self.params = params or HashingParams()
        self.cue_weight = cue_weight
        self.text_weight = text_weight

    @property
    def n_features(self) -> int:
        p = self.params
        return int(2**p.name_bits + 2 * 2**p.word_bits + 2**p.char_bits + len(CUE_NAMES))

    def transform(self, accounts: Sequence[AccountText]) -> sp.csr_matrix:
        names = [a.name for a in accounts]
        bios = [a.bio for a in accounts]
        texts = [a.text for a in accounts]
        p = self.params
        bio_words = hash_words(bios, (1, 2), 2**p.word_bits, _TOKEN_PATTERN)
        text_words = hash_words(texts, (1, 2), 2**p.word_bits, _TOKEN_PATTERN)
        blocks = [
            hash_char_wb(names, (2, 4), 2**p.name_bits),
            bio_words,
            text_words * self.text_weight,
            hash_char_wb(bios, (3, 5), 2**p.char_bits),
            sp.csr_matrix(cue_matrix(accounts) * self.cue_weight),
        ]
        return sp.hstack(blocks, format="csr", dtype=np.float32)
