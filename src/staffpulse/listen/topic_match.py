"""Which topics a ``--topic`` query names, the best match first.

A topic is named by words of its label ("interview / question / ask"). Every word of the
query must be a word of the label, and a word counts in any simple inflection: "interview",
"interviews", "interviewing" and "interviewed" are one word, as are "salary" and "salaries",
"hire", "hires" and "hiring". A query word of four letters or more also matches the label
words it begins ("recruit" finds "recruiters"), as a weaker match; a part inside a word
("view" in "interview") does not. Words that are never in a label ("work", "the") are left
out of the query, unless nothing else is left. A query of digits is a topic id.

A workplace theme's topic ("Interviews", "Recruiting tools & AI") is also found by the other
words people use for it ("interview questions", "ai", "chatgpt", "layoffs": its search terms
in :mod:`staffpulse.listen.topic_themes`), as a slightly weaker match than its name. A query
that names no topic at all falls back on the words each topic's conversations use most
("forklift" finds "Trades & shifts"), as a weaker match still, and failing those on any words
they use ("stay interviews" finds the topic of the one post that speaks of them), weaker yet.

Matches are ranked by how well they match: a word of the label's first term beats one of a
later term, a whole word beats a beginning, and a query that is a whole term of the label
("interview", "credit union") beats one that is part of a phrase ("interviews deal"); then
the topic with more conversations to join comes first. ``staffpulse inbox --topic`` and the
dashboard's Topic field both go through :func:`match_topics` (in ``build_inbox``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from staffpulse.accents import straighten_quotes, strip_accents
from staffpulse.listen.topic_themes import SEARCH_TERMS_BY_LABEL
from staffpulse.listen.topic_words import LABEL_STOP_WORDS
from staffpulse.report.counts import join_and

# how much a word counts by the place of its term in the label (the first term names it best)
_TERM_WEIGHTS = (1.0, 0.8, 0.6)
_PREFIX = 0.5  # a query word that only begins a label word ("recruit" -> "recruiters")
_MIN_PREFIX = 4  # shorter words match whole words only ("pay" is not "payroll")
_WHOLE_TERM = 0.25  # the query covers a whole term of the label, not part of a phrase
_SEARCH_TERMS = 0.9  # a theme found by its search terms rather than by its name
_TOPIC_WORDS = 0.5  # a topic found by the words its conversations use most
_ANY_TOPIC_WORDS = 0.3  # ... or, failing those, by any words its conversations use
BY_COMMON_WORDS = "common_words"  # the words a topic's conversations use most
BY_ANY_WORDS = "any_words"  # any words they use
_SAY = {BY_COMMON_WORDS: "often say", BY_ANY_WORDS: "say"}
_WORD_RE = re.compile(r"[^\W_]+")
_VOWEL_RE = re.compile(r"[aeiouy]")
_DOUBLE_RE = re.compile(r"([b-df-hj-np-tv-z])\1$")


@dataclass(frozen=True, slots=True)
class TopicMatch:
    """A topic a query names: how well (``score``) and how many conversations it has to
    join now (``open``, what the inbox would show of it)."""

    id: int
    label: str
    score: float
    open: int = 0
    # "" when the query names it (its label or its theme's search terms); else what it was
    # found by: the words its conversations use most, or any words they use
    by: str = ""


def word_key(word: str) -> str:
    """The word without its simple inflections, so that its forms compare equal:
    ``interviews``, ``interviewing``, ``interviewed`` -> ``interview``; ``salaries`` and
    ``salary`` -> ``salary``; ``hire``, ``hires``, ``hiring``, ``hired`` -> ``hir``.

    Not a linguist's stem: a key is only ever compared with another key."""
    w = strip_accents(straighten_quotes(word.lower()))
    w = w[:-2] if w.endswith("'s") else w.strip("'")
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith(("sses", "xes", "zes", "ches", "shes")):
        w = w[:-2]
    elif len(w) >= 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 4 and w.endswith("ied"):
        w = w[:-3] + "y"
    elif not (w.endswith("eed") and len(w) <= 5):  # "need", "speed" are not "ne", "spe"
        for suffix in ("ing", "ed"):
            stem = w[: -len(suffix)]
            if w.endswith(suffix) and len(stem) >= 3 and _VOWEL_RE.search(stem):
                w = stem
                break
    while len(w) > 3 and w.endswith("e"):
        w = w[:-1]  # hire -> hir, like hiring; agree -> agr, like agreed
    return _DOUBLE_RE.sub(r"\1", w)  # running -> run; staffing and staff -> staf


def query_words(query: str) -> list[str]:
    """The words of a query that can be words of a label (all of them when none can)."""
    words = [w for w in _WORD_RE.findall(query.lower()) if len(w) > 1 or w.isdigit()]
    content = [w for w in words if w not in LABEL_STOP_WORDS]
    return content or words


def _label_terms(label: str) -> list[list[str]]:
    return [_WORD_RE.findall(term.lower()) for term in label.split(" / ")]


def match_score(query: str, label: str) -> float:
    """How well ``query`` names a topic with this label: 0 when some word of the query is not
    a word of the label (see the module docstring for the scale)."""
    words = query_words(query)
    if not words:
        return 0.0
    terms = _label_terms(label)
    keys = {word_key(w) for w in words}
    total = 0.0
    for word in words:
        key, best = word_key(word), 0.0
        for n, term in enumerate(terms):
            weight = _TERM_WEIGHTS[min(n, len(_TERM_WEIGHTS) - 1)]
            for label_word in term:
                if word_key(label_word) == key:
                    best = max(best, weight)
                elif len(word) >= _MIN_PREFIX and label_word.startswith(word):
                    best = max(best, weight * _PREFIX)
        if best == 0.0:
            return 0.0
        total += best
    score = total / len(words)
    whole = [
        _TERM_WEIGHTS[min(n, len(_TERM_WEIGHTS) - 1)]
        for n, term in enumerate(terms)
        if term and all(word_key(w) in keys for w in term)
    ]
    return score + (_WHOLE_TERM * max(whole) if whole else 0.0)


def topic_score(query: str, label: str) -> float:
    """How well ``query`` names the topic with this label: by the label's words, or for a
    theme's topic also by its search terms (a little weaker)."""
    score = match_score(query, label)
    also = SEARCH_TERMS_BY_LABEL.get(label)
    if also is not None:
        score = max(score, _SEARCH_TERMS * match_score(query, also))
    return score


def match_topics(
    query: str,
    labels: Mapping[int, str],
    open_counts: Mapping[int, int] | None = None,
    words: Mapping[int, str] | None = None,
    all_words: Mapping[int, str] | None = None,
) -> list[TopicMatch]:
    """The topics ``query`` names, best first (a query of digits: the topic with that id).
    ``open_counts``: conversations to join per topic, which ranks equal matches and is
    reported in each match. ``words``: each topic's most frequent words (" / " apart), which
    a query that names no topic falls back on: "forklift" finds the topics that talk of
    forklifts ("Trades & shifts", "Job openings") though no label says it. ``all_words``: every
    word each topic's conversations use, the last thing a query falls back on."""
    counts = open_counts or {}
    text = query.strip()
    if text.isdigit():
        tid = int(text)
        return [TopicMatch(tid, labels[tid], 1.0, counts.get(tid, 0))] if tid in labels else []
    found = [
        TopicMatch(tid, label, round(score, 4), counts.get(tid, 0))
        for tid, label in labels.items()
        if (score := topic_score(text, label)) > 0
    ]
    fallbacks = (
        (_TOPIC_WORDS, words, BY_COMMON_WORDS),
        (_ANY_TOPIC_WORDS, all_words, BY_ANY_WORDS),
    )
    for weight, said_by, by in fallbacks:
        if not found and said_by:
            found = [
                TopicMatch(tid, labels[tid], round(weight * score, 4), counts.get(tid, 0), by)
                for tid, said in said_by.items()
                if tid in labels and (score := match_score(text, said)) > 0
            ]
    return rank_matches(found, counts)


def matched_by_words_note(query: str, matches: list[TopicMatch]) -> str | None:
    """Why a query that names no topic shows the topics it does ("pizza" is a word the
    conversations of "Trades & shifts" use); None when the best match is named by the query."""
    if not matches or not matches[0].by:
        return None
    labels = join_and([f'"{m.label}"' for m in matches[:3]])
    more = f" (and {len(matches) - 3} more)" if len(matches) > 3 else ""
    return (
        f'--topic "{query}" names no topic: shown {labels}{more}, whose conversations'
        f' {_SAY[matches[0].by]} "{query}"; give a topic\'s name to narrow it'
    )


def rank_matches(matches: Iterable[TopicMatch], open_counts: Mapping[int, int]) -> list[TopicMatch]:
    """``matches`` with each one's conversations to join from ``open_counts``, best first:
    the best score, then the most to join (the order :func:`match_topics` gives)."""
    counted = [replace(m, open=open_counts.get(m.id, 0)) for m in matches]
    return sorted(counted, key=lambda m: (-m.score, -m.open, m.id))
