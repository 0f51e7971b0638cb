"""Which workplace theme (:mod:`staffpulse.listen.topic_themes`) a text is about.

Words are matched whole, case-insensitively, hyphens and apostrophes aside ("return-to-office"
is "return to office", "we're" is "were"); a word ending in ``*`` matches every word it begins
("interview*": "interviews", "interviewing"); a word in capitals is an acronym matched in
capitals only ("AI", "HR", "RN"). "Hiring manager" and "credit union" are one word each, so
that they are not a manager or a union; so are the software "package manager" and
"client-side" (no manager, no staffing client), an "exit interview" (about leaving a job, not
getting one), and a press "interview with" someone ("Ten
Years of the Festival: An Interview with ...") is no job interview. Sport's recruiting ("State's
2027 football recruiting class", :func:`~staffpulse.listen.work_terms.recruits_for_sport`) is never Recruiting
& sourcing. A few signs of job ads (pay figures, job links,
hashtags) are patterns on the raw text, tried only when the text holds the character they need.

A text's score for a theme and the theme it is about follow the rules of
:mod:`staffpulse.listen.topic_themes`.

Stateless and cheap (one pass over a text's words, a dictionary look-up a word): a new post is
filed without looking at any other, so themes keep the topic model incremental.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from staffpulse.accents import straighten_quotes
from staffpulse.listen.job_offers import scoffs_at_an_offer
from staffpulse.listen.topic_themes import THEMES, Pattern
from staffpulse.listen.work_terms import (
    PRESS_INTERVIEW_RE,
    URL_RE,
    recruits_for_sport,
    without_gym_cv,
)

_MENTION_RE = re.compile(r"(?<![\w.])@[\w.\-]+")
_TOKEN_RE = re.compile(r"[^\W_]+")
# pairs that are one thing: "hiring manager" is not a manager, "credit union" not a union,
# a "package manager" (software) is no manager and "client-side" code no staffing client
_COMPOUNDS = {
    ("hiring", "manager"): "hiringmanager",
    ("hiring", "managers"): "hiringmanagers",
    ("credit", "union"): "creditunion",
    ("package", "manager"): "packagemanager",
    ("package", "managers"): "packagemanagers",
    ("client", "side"): "clientside",
    ("server", "side"): "serverside",
    # an exit (or stay) interview asks why people leave (or stay), not whom to hire: it is
    # retention talk, filed with resignations under Workplace & managers, not Interviews
    ("exit", "interview"): "exitinterview",
    ("exit", "interviews"): "exitinterviews",
    ("stay", "interview"): "stayinterview",
    ("stay", "interviews"): "stayinterviews",
}


@dataclass
class _Index:
    """Where each word leads: the groups (theme, group) a term starting with it may hit."""

    exact: dict[str, list[tuple[tuple[str, ...], bool, tuple[int, int]]]] = field(
        default_factory=dict
    )  # first word -> (the other words, last word is a beginning, hit)
    prefixes: dict[int, dict[str, list[tuple[int, int]]]] = field(default_factory=dict)
    acronyms: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    patterns: list[tuple[Pattern, tuple[int, int]]] = field(default_factory=list)


def _build_index() -> _Index:
    index = _Index()
    for t, theme in enumerate(THEMES):
        for g, group in enumerate(theme.groups):
            hit = (t, g)
            index.patterns.extend((p, hit) for p in group.patterns)
            for term in group.terms:
                words = term.split()
                if len(words) == 1 and words[0].isupper() and words[0].isalpha():
                    index.acronyms.setdefault(words[0], []).append(hit)
                    continue
                words = [w.lower() for w in words]
                prefix = words[-1].endswith("*")
                words[-1] = words[-1].rstrip("*")
                if len(words) == 1 and prefix:
                    bucket = index.prefixes.setdefault(len(words[0]), {})
                    bucket.setdefault(words[0], []).append(hit)
                else:
                    entry = (tuple(words[1:]), prefix, hit)
                    index.exact.setdefault(words[0], []).append(entry)
    return index


_INDEX = _build_index()


def _words(text: str) -> tuple[list[str], list[str]]:
    """The text's words as written and in lower case (links, mentions, ``#`` signs and
    apostrophes out; "hiring manager" one word)."""
    plain = _MENTION_RE.sub(" ", URL_RE.sub(" ", text))
    plain = PRESS_INTERVIEW_RE.sub(" pressinterview", plain)
    plain = straighten_quotes(plain).replace("'", "")
    written = _TOKEN_RE.findall(plain)
    lower: list[str] = []
    for word in (w.lower() for w in written):
        if lower and (lower[-1], word) in _COMPOUNDS:
            lower[-1] = _COMPOUNDS[(lower[-1], word)]
        else:
            lower.append(word)
    return written, lower


_Entry = tuple[tuple[str, ...], bool, tuple[int, int]]
_MEMO: dict[str, tuple[tuple[tuple[int, int], ...], tuple[_Entry, ...]]] = {}
_MEMO_SIZE = 100_000


def _of_word(word: str) -> tuple[tuple[tuple[int, int], ...], tuple[_Entry, ...]]:
    """What a word hits on its own, and the phrases it may begin (remembered: words recur)."""
    known = _MEMO.get(word)
    if known is not None:
        return known
    hits: list[tuple[int, int]] = []
    phrases: list[_Entry] = []
    for entry in _INDEX.exact.get(word, ()):
        if entry[0]:
            phrases.append(entry)
        else:
            hits.append(entry[2])
    for length, bucket in _INDEX.prefixes.items():
        if len(word) >= length and (found := bucket.get(word[:length])):
            hits.extend(found)
    if len(_MEMO) >= _MEMO_SIZE:
        _MEMO.clear()
    _MEMO[word] = known = (tuple(hits), tuple(phrases))
    return known


def _hits(text: str) -> set[tuple[int, int]]:
    written, words = _words(text)
    hits: set[tuple[int, int]] = set()
    for i, word in enumerate(words):
        alone, phrases = _of_word(word)
        hits.update(alone)
        for rest, prefix, hit in phrases:
            n = len(rest)
            following = words[i + 1 : i + 1 + n]
            if len(following) < n or following[:-1] != list(rest[:-1]):
                continue
            last = following[-1]
            if last == rest[-1] or (prefix and last.startswith(rest[-1])):
                hits.add(hit)
    acronyms = _INDEX.acronyms
    for word in written:
        if found := acronyms.get(word):
            hits.update(found)
    plain = None
    for pattern, hit in _INDEX.patterns:
        if hit in hits or not any(needle in text for needle in pattern.needles):
            continue
        if pattern.raw:
            target = text
        else:
            plain = plain if plain is not None else URL_RE.sub(" ", text)
            target = plain
        if pattern.regex.search(target):
            hits.add(hit)
    return hits


def theme_scores(text: str) -> dict[str, float]:
    """Each theme's score for ``text`` (themes it does not touch are left out)."""
    scores: dict[str, float] = {}
    for t, g in _hits(without_gym_cv(straighten_quotes(text))):  # at the gym a "CV" is cardio
        key = THEMES[t].key
        scores[key] = scores.get(key, 0.0) + THEMES[t].groups[g].weight
    if recruits_for_sport(URL_RE.sub(" ", text)):  # a team's recruits are no staff
        scores.pop("recruiting", None)
    if "job_ads" in scores and scoffs_at_an_offer(text):
        # an offer quoted to scoff at its pay ("A cafe is hiring baristas for $7.25 an hour
        # lol good luck with that") is talk about pay, not an opening
        scores["pay"] = max(scores.get("pay", 0.0), scores.pop("job_ads"))
    return scores


def theme_of(text: str) -> str | None:
    """The key of the theme ``text`` is about, or None (see the module docstring)."""
    scores = theme_scores(text)
    best: str | None = None
    for theme in THEMES:  # in order: an equal score keeps the earlier theme
        score = scores.get(theme.key, 0.0)
        if score >= theme.minimum and (best is None or score > scores[best]):
            best = theme.key
    return best
