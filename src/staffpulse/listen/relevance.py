"""Is a post about work, hiring, recruiting, HR, careers or staffing? Batched, local.

Two deciders, used together or alone:

* the ``work_topic`` classifier of :mod:`staffpulse.signals.text` (the default), scored on
  whole batches: keep a post when ``p >= threshold``;
* a keywords file (``--keywords FILE``): one term or phrase a line, matched case-insensitively
  on word boundaries; ``#tag`` matches the hashtag; ``recruit*`` every word it begins; a
  leading ``-`` excludes; quotes around a term are dropped ("talent acquisition", as typed in
  a search box); lines starting with ``# `` (hash and space) or ``//`` are comments. A line
  only a search box reads (``nurse OR nurses``) or that cannot match is refused with its line.
  A term in a script written without spaces (Chinese, Japanese, Thai) matches inside words. The file is decoded by the shared rules
  of :mod:`staffpulse.sources.base` (UTF-8 with or without BOM, UTF-16 by BOM, else
  Windows-1252 with a note); a file that is not text is an :class:`InputError`.

A post is kept when no exclude term matches and (a keyword matches, or the classifier says
yes, or the classifier says no to a question that dwells on work in the strict vocabulary of
listening, or to a post naming a picket line or lockout/tagout:
:mod:`staffpulse.listen.work_rescue`). Without a classifier, keywords alone decide;
with neither, a built-in vocabulary is used.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from staffpulse.errors import InputError, MissingFileError
from staffpulse.listen.work_rescue import rescue_words
from staffpulse.report.counts import count_of
from staffpulse.sources.base import read_user_text
from staffpulse.sources.user_paths import missing_hint

# Used only when no classifier can be loaded and no keywords file was given.
BUILTIN_KEYWORDS: tuple[str, ...] = (
    "hiring",
    "recruiter",
    "recruiters",
    "recruiting",
    "recruitment",
    "staffing",
    "talent acquisition",
    "job search",
    "job seekers",
    "job seeker",
    "interview",
    "interviews",
    "resume",
    "résumé",
    "cover letter",
    "onboarding",
    "human resources",
    "hr",
    "workplace",
    "layoffs",
    "layoff",
    "remote work",
    "return to office",
    "salary",
    "salaries",
    "career",
    "careers",
    "candidate",
    "candidates",
    "hiring manager",
    "job offer",
    "employees",
    "employer",
    "manager",
    "coworkers",
    "#hiring",
    "#recruiting",
    "#hr",
    "#jobsearch",
    "#staffing",
    "#careers",
)


class TopicScorer(Protocol):
    """What listening needs of the post-signals model (``load_text_signals()``)."""

    thresholds_: dict[str, float]

    def score(
        self, texts: Sequence[str], signals: Sequence[str] = ...
    ) -> dict[str, np.ndarray[Any, Any]]: ...


_TOKEN_RE = re.compile(r"#?\w+")
# Scripts written without spaces between words: "求人" is inside the one token "求人募集中".
_UNSPACED_RE = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


def _pattern_of(term: str) -> str:
    """The regular expression of a term the token lookup cannot match: symbols (``c++``), a
    trailing wildcard (``recruit*``: every word it begins, its hashtag too), or a script
    written without spaces (matched inside words, so a "*" adds nothing: "人材派遣*" finds
    "大手人材派遣会社" as "人材派遣" does)."""
    if _UNSPACED_RE.search(term):
        return re.escape(term.removesuffix("*"))
    if term.endswith("*"):
        return rf"(?<!\w)#?{re.escape(term[:-1])}\w*"
    return rf"(?<!\w){re.escape(term)}(?!\w)"


@dataclass(frozen=True)
class Keywords:
    """Include and exclude terms, matched on word boundaries (tokens, not regex scans)."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    _include: _Matcher | None = field(default=None, repr=False, compare=False)
    _exclude: _Matcher | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, include: Sequence[str], exclude: Sequence[str] = ()) -> Keywords:
        inc = tuple(dict.fromkeys(" ".join(t.lower().split()) for t in include if t.strip()))
        exc = tuple(dict.fromkeys(" ".join(t.lower().split()) for t in exclude if t.strip()))
        return cls(inc, exc, _Matcher(inc) if inc else None, _Matcher(exc) if exc else None)

    def matches(self, text: str) -> list[str]:
        return self._include.find(text) if self._include is not None else []

    def excluded(self, text: str) -> bool:
        return self._exclude is not None and bool(self._exclude.find(text))


class _Matcher:
    """Single words and hashtags by set lookup, phrases on the joined tokens; terms with
    other characters (``c++``) by a regular expression."""

    def __init__(self, terms: Sequence[str]) -> None:
        simple = [
            t
            for t in terms
            if all(_TOKEN_RE.fullmatch(w) for w in t.split()) and not _UNSPACED_RE.search(t)
        ]
        self.tags = {t for t in simple if " " not in t and t.startswith("#")}
        self.words = {t for t in simple if " " not in t and not t.startswith("#")}
        self.phrases = [t for t in simple if " " in t]
        # one word and a "*" ("recruit*", "#recruit*"): a prefix lookup per token, as a long
        # list of them in one regular expression costs milliseconds a post
        self.stems = {
            t[:-1]
            for t in terms
            if t.endswith("*") and _TOKEN_RE.fullmatch(t[:-1]) and not _UNSPACED_RE.search(t)
        }
        self.shortest = min((len(t) for t in self.stems), default=0)
        plain = set(simple)  # a set: a list made long files quadratic (10,000 terms: 1.2 s)
        odd = [t for t in terms if t not in plain and t[:-1] not in self.stems]
        self.regex = re.compile("|".join(map(_pattern_of, odd)), re.IGNORECASE) if odd else None

    def find(self, text: str) -> list[str]:
        tokens = _TOKEN_RE.findall(text.lower())
        hits = [t for t in tokens if t in self.tags]
        hits += [t.lstrip("#") for t in tokens if t.lstrip("#") in self.words]
        if self.phrases:
            joined = " " + " ".join(t.lstrip("#") for t in tokens) + " "
            hits += [p for p in self.phrases if f" {p} " in joined]
        if self.stems:
            # a hashtag also by its word ("#recruiters" for "recruit*"); a plain word once
            hits += [t for t in tokens if self._begun(t) or (t[0] == "#" and self._begun(t[1:]))]
        if self.regex is not None:
            hits += [m.group(0).lower() for m in self.regex.finditer(text)]
        return list(dict.fromkeys(hits))

    def _begun(self, token: str) -> bool:
        return any(token[:n] in self.stems for n in range(self.shortest, len(token) + 1))


def load_keywords(path: Path, on_note: Callable[[str], None] | None = None) -> Keywords:
    """Read a keywords file (format in the module docstring and docs/listen.md).

    The file is decoded like every text file people give staffpulse
    (:func:`~staffpulse.sources.base.decode_bytes`: UTF-8 with or without BOM, UTF-16/32 by
    BOM, else Windows-1252); when the encoding was a guess, ``on_note`` gets the note to tell
    the user, once.
    """
    text, note = _read_text(path)
    if note is not None and on_note is not None:
        on_note(f"{path}: {note}")
    include: list[str] = []
    exclude: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        term = line.strip()
        if not term or term.startswith("// ") or term == "#" or term.startswith("# "):
            continue
        _check_term(path, number, term)
        body = _term_of(path, number, term.removeprefix("-").strip())
        (exclude if term.startswith("-") else include).append(body)
    if not include and not exclude:
        raise InputError(f"{path}: no keywords in the file", hint="write one term a line")
    return Keywords.of(include, exclude)


# A line of another kind of file: JSON (a recorded Jetstream stream, an export), or several
# values a line (a spreadsheet saved as CSV, "staffing, recruiting, hiring"). Taken as one term,
# such a line would match no post, and the run would go on as if the terms were used.
_JSON_LINE_RE = re.compile(r'^[\[{]\s*("|[\[{]|$)')
_SEPARATOR_RE = re.compile(r"[,;\t]")


def _check_term(path: Path, number: int, term: str) -> None:
    """Refuse a line that cannot be meant as one term (:data:`_JSON_LINE_RE`,
    :data:`_SEPARATOR_RE`), naming the file and the line."""
    shown = term if len(term) <= 60 else term[:57] + "..."
    if _JSON_LINE_RE.match(term):
        raise InputError(
            f"{path}, line {number}: this is JSON ({shown}), not a keyword: a recorded stream"
            " or an export is not a keywords file",
            hint=f"give --keywords a text file with one term or phrase a line; {_FORMAT_HINT}",
        )
    if _SEPARATOR_RE.search(term):
        raise InputError(
            f"{path}, line {number}: several terms on one line ({shown}): each line is read as"
            " one term, so this one would match no post",
            hint=f"put one term or phrase a line (from a spreadsheet, copy only the keyword"
            f" column into a text file); {_FORMAT_HINT}",
        )


_FORMAT_HINT = "e.g. staffing on one line, talent acquisition on the next, -crypto to exclude"

# Quotes a search box wants around a phrase; here each line is already one phrase.
_QUOTES = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019", "\u00ab": "\u00bb"}
# Search-box operators: here a line is one term, so "nurse OR nurses" would be one phrase.
_OPERATOR_RE = re.compile(r"\s(OR|AND|NOT)\s|^\(.*\s.*\)$")
MIN_WILDCARD_STEM = 3  # "re*" would keep every post with "really", "read", "red"...


def _term_of(path: Path, number: int, term: str) -> str:
    """The term a line means (its quotes dropped), or an InputError naming the line when it
    cannot match what the user meant."""
    if len(term) >= 2 and _QUOTES.get(term[0]) == term[-1]:
        term = term[1:-1].strip()
    where = f"{path}, line {number}"
    shown = term if len(term) <= 60 else term[:57] + "..."
    if not term:
        raise InputError(
            f"{where}: no term on this line (a '-' or quotes with nothing after or inside)",
            hint=f"write the term, e.g. -crypto to exclude posts naming crypto, or delete the line;"
            f" {_FORMAT_HINT}",
        )
    if _OPERATOR_RE.search(term):
        raise InputError(
            f"{where}: search operators ({shown}) are not read here: each line is one term or"
            " phrase, so this one would match no post",
            hint="put each alternative on its own line (nurse, then nurses) and each word to"
            " leave out on its own line with a '-' (-crypto)",
        )
    if term.startswith("#") and " " in term:
        raise InputError(
            f"{where}: a hashtag followed by other words ({shown}): a hashtag is one word, so"
            " this would match no post",
            hint="to write a comment, start the line with '# ' (hash and space); for a hashtag"
            " put it alone on its line (#hiring)",
        )
    short = len(term[:-1].lstrip("#")) < MIN_WILDCARD_STEM and not _UNSPACED_RE.search(term)
    if "*" in term[:-1] or (term.endswith("*") and short):  # "求人*" is two signs, one word
        raise InputError(
            f"{where}: '*' ({shown}) is read only at the end of a word of"
            f" {MIN_WILDCARD_STEM} letters or more (recruit* finds recruiter, recruiting)",
            hint="write the words themselves, one a line, or end a longer stem with '*'",
        )
    return term


# A keywords file is a short list of terms; anything far bigger was given by mistake (reading
# a video whole into memory to say so would be slow).
MAX_KEYWORDS_BYTES = 16 * 1024 * 1024
_NOT_TEXT_HINT = (
    "give a plain-text file with one keyword or phrase a line (saved as UTF-8, e.g. from "
    "a text editor; not a Word or Excel file)"
)


def _read_text(path: Path) -> tuple[str, str | None]:
    """The text of a keywords file and the note on a guessed encoding, or an InputError."""
    try:
        return read_user_text(
            path, what="keywords file", not_text_hint=_NOT_TEXT_HINT, max_bytes=MAX_KEYWORDS_BYTES
        )
    except MissingFileError as exc:
        # a typo is offered the names beside it ("did you mean kws.txt?"), as import does
        hint = missing_hint(path, "the path given to --keywords")
        raise MissingFileError(exc.message, hint=hint) from None


@dataclass(frozen=True, slots=True)
class Verdict:
    keep: bool
    score: float  # the classifier's p(work_topic), or 1.0/0.0 from keywords alone
    keywords: tuple[str, ...]
    # the work words of a question the classifier turned down and the rescue kept
    # (:mod:`staffpulse.listen.work_rescue`); () when the classifier or a keyword decided
    rescued: tuple[str, ...] = ()


class RelevanceFilter:
    """Decides relevance for a batch of texts at once."""

    def __init__(
        self,
        scorer: TopicScorer | None = None,
        keywords: Keywords | None = None,
        threshold: float | None = None,
    ) -> None:
        self.scorer = scorer
        if scorer is None and keywords is None:
            keywords = Keywords.of(BUILTIN_KEYWORDS)
        self.keywords = keywords
        self.threshold = threshold
        if threshold is None and scorer is not None:
            self.threshold = float(getattr(scorer, "thresholds_", {}).get("work_topic", 0.5))

    @property
    def description(self) -> str:
        parts = []
        if self.scorer is not None:
            parts.append(
                f"work_topic classifier (p >= {self.threshold:.2f}, or a question on work"
                " in so many words)"
            )
        if self.keywords is not None and self.keywords.include:
            parts.append(count_of(len(self.keywords.include), "keyword"))
        if self.keywords is not None and self.keywords.exclude:
            parts.append(count_of(len(self.keywords.exclude), "exclusion"))
        return " + ".join(parts)

    def scores(self, texts: Sequence[str]) -> np.ndarray[Any, np.dtype[np.float64]]:
        """p(work_topic) per text (classifier), or keyword hits as 1.0/0.0."""
        kw = self.keywords
        return self._scores(texts, [kw.matches(t) if kw else [] for t in texts])

    def _scores(
        self, texts: Sequence[str], hits: Sequence[Sequence[str]]
    ) -> np.ndarray[Any, np.dtype[np.float64]]:
        if not texts:
            return np.zeros(0)
        if self.scorer is not None:
            out = self.scorer.score(list(texts), signals=("work_topic",))["work_topic"]
            return np.asarray(out, dtype=np.float64)
        return np.array([1.0 if h else 0.0 for h in hits])

    def judge(self, texts: Sequence[str]) -> list[Verdict]:
        kw = self.keywords
        hits = [kw.matches(t) for t in texts] if kw else [[] for _ in texts]
        scores = self._scores(texts, hits)
        threshold = self.threshold if self.threshold is not None else 0.5
        verdicts = []
        for text, score, found in zip(texts, scores, hits, strict=True):
            excluded = kw.excluded(text) if kw else False
            by_model = self.scorer is not None and score >= threshold
            # the rescue makes up for the classifier's misses only: without it, keywords decide
            rescued = (
                rescue_words(text)
                if self.scorer is not None and not (excluded or found or by_model)
                else ()
            )
            keep = not excluded and (bool(found) or by_model or bool(rescued))
            verdicts.append(Verdict(keep, float(score), tuple(found), rescued))
        return verdicts
