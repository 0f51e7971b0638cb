"""The words of topics: what a post is reduced to before it is grouped, and which words may
name a topic, and how a topic's label is chosen. Used by :mod:`staffpulse.listen.topics`."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, HashingVectorizer

_URL_MENTION_RE = re.compile(r"https?://\S+|www\.\S+|@[\w.\-]+")
_EXTRA_STOP_WORDS = (
    "rt amp just like get got im dont cant ive youre thats really know think want need going "
    "today new day lol yes did does doing way make good great let lets thing things anyone "
    "someone people time year years week one us ll ve gonna wanna oh ok okay yeah"
)
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | frozenset(_EXTRA_STOP_WORDS.split())
# Words that may help group posts but say nothing as a topic's name ("actually / employees")
_LABEL_ONLY_STOP_WORDS = (
    "actually best wish sound sounds spent really better bad long little big right sure maybe "
    "pretty kind lot lots tell said say says look looking feel trying try use used using come "
    "came took gave thank thanks hey hi night morning tonight tomorrow yesterday week weeks "
    "month months hour hours minute minutes start started"
)
LABEL_STOP_WORDS = STOP_WORDS | frozenset(_LABEL_ONLY_STOP_WORDS.split())


# Contractions are function words ("doesn't", "they're", "we've"): dropped whole, or they
# become topic labels. A possessive or "is" keeps its word ("recruiter's" -> "recruiter";
# "what's" -> "what", a stop word).
_CONTRACTION_RE = re.compile(r"\b[a-z]+'(?:t|re|ve|ll|d|m)\b")
_APOSTROPHE_S_RE = re.compile(r"'s\b")


def preprocess(text: str) -> str:
    """Lowercase text without links, mentions, ``#`` signs or contractions."""
    text = _URL_MENTION_RE.sub(" ", text).replace("#", " ").replace("\u2019", "'").lower()
    return _APOSTROPHE_S_RE.sub("", _CONTRACTION_RE.sub(" ", text))


# A token: a letter, then letters or apostrophes, ending on a letter ("hr", "don't").
TOKEN_PATTERN = r"(?u)\b[a-z][a-z']+[a-z]\b"


def word_counter(n_features: int) -> HashingVectorizer:
    """Hashed counts of the words that group posts (stateless: nothing to learn)."""
    return HashingVectorizer(
        n_features=n_features,
        alternate_sign=False,
        norm=None,
        preprocessor=preprocess,
        token_pattern=TOKEN_PATTERN,
        stop_words=sorted(STOP_WORDS),
    )


def label_terms_of() -> Callable[[str], list[str]]:
    """The words and two-word phrases ("line cook", "salary transparency") a label may use."""
    analyzer: Callable[[str], list[str]] = HashingVectorizer(
        preprocessor=preprocess,
        token_pattern=TOKEN_PATTERN,
        stop_words=sorted(LABEL_STOP_WORDS),
        ngram_range=(1, 2),
    ).build_analyzer()
    return analyzer


def choose_label(
    terms: Counter[str], candidates: Sequence[str], idf: Mapping[str, float], n_terms: int
) -> list[str]:
    """The ``n_terms`` most distinctive candidates (count in the topic times IDF, phrases
    favoured), none sharing a word with another; terms seen twice come before one-offs."""

    def weight(w: str) -> float:
        return terms[w] * idf[w] * (1.5 if " " in w else 1.0)

    scored = sorted(candidates, key=lambda w: (-weight(w), w))
    chosen: list[str] = []
    for minimum in (2, 1):
        for w in scored:
            if len(chosen) == n_terms:
                break
            taken = {part for c in chosen for part in c.split()}
            if terms[w] >= minimum and not taken & set(w.split()):
                chosen.append(w)
    return chosen
