"""The words of topics: what a post is reduced to before it is grouped, and which words may
name a topic. Shared by :mod:`staffpulse.listen.topics` and its label step."""

from __future__ import annotations

import re

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

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
