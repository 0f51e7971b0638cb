"""Text features shared by the post signals: cue normalisation and vocabulary n-grams.

Everything runs on the whole batch at once. The posts are joined by a record separator into
one string; each regular expression runs once over that string (C speed), one ``findall``
tokenises it, and dictionary look-ups turn tokens into column ids. No per-post Python loop.

Hand-crafted cues become tokens that the n-grams then count:

* ``xurl`` (a link), ``xment`` (an @mention), ``xreply`` (the post starts with a mention),
* ``xjoy`` (the tears-of-joy emoji, real or as its mojibake ``_Ù÷â``), ``xemo`` (any other
  emoji or mojibake of one), ``xcaps`` (a shouted word), ``xnum`` (a number),
* ``!`` and ``?`` as tokens, hashtags keep their ``#`` (``#hiring`` is not ``hiring``),
* a "job" that is not employment ("good job", "Steve Jobs", "do your job") and a "work" that
  means "function" ("my printer doesn't work", "nothing works", "it worked!") get tokens of
  their own.

On top of the words, *lexicon groups* add one column each (``@work``, ``@apply``, ``@laugh``,
``@notemployment`` for "good job" or "Steve Jobs" ...): a post that says "shift" or
"coworker" fires ``@work`` even if the training posts never used that word. This is how prior knowledge reaches a model trained on a few
hundred labelled posts.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt
from scipy import sparse

__all__ = [
    "CUE_TOKENS",
    "LEXICONS",
    "NORMALIZER_VERSION",
    "TEARS_OF_JOY",
    "Featurizer",
    "normalize",
    "tokenize",
]

#: Bump when normalisation or tokenisation changes: artifacts record it and refuse a mismatch.
NORMALIZER_VERSION = 10

_SEP = "\x1e"  # ASCII record separator between posts in the batch blob
# patterns that start with a literal let the regex engine skip ahead fast
_HTTP = re.compile(r"https?://[^\s\x1e]+")
_WWW = re.compile(r"www\.[^\s\x1e]+")
_REPLY = re.compile(r"\x1e[ \t\n]*@")
_MENTION = re.compile(r"@\w+")
#: Tears of joy, real and as the mojibake some datasets spell it with
TEARS_OF_JOY = ("\U0001f602", "_\u00d9\u00f7\u00e2")
# emoji and the mojibake of double-encoded emoji, as separate literal-led patterns (fast)
_EMOJI = (
    re.compile(r"_[ÙÛ][^\s\x1e_]{0,3}"),
    re.compile(r"Û[^\s\x1e]"),
    re.compile(r"[Ññª]ü"),
    re.compile(r"[\u2600-\u27bf\U0001F000-\U0001FAFF\ufe0f]+"),
)
_CAPS = re.compile(r"[A-Z]{3,}")
_NUM = re.compile(r"\d+(?:[.,:]\d+)*")
_TOKEN = re.compile(r"#?\w+|[!?]|\x1e")
#: The tokens cues become (a link, a mention, a reply, an emoji, a shouted word, a number, ``!``
#: and ``?``): they tell how a post is written, not what it says.
CUE_TOKENS = frozenset({"xurl", "xment", "xreply", "xjoy", "xemo", "xcaps", "xnum", "!", "?"})
#: Word lists whose members also fire one shared column (prior knowledge, see module doc).
LEXICONS: dict[str, str] = {
    "@work": (
        "work working worked works job jobs career careers hiring hire hired hires recruiting "
        "recruiter recruiters recruitment staffing employer employers employee employees "
        "employment unemployment unemployed boss bosses manager managers office coworker "
        "coworkers colleague colleagues shift shifts salary salaries wage wages payroll "
        "interview interviews interviewing resume cv layoffs layoff fired quit workplace "
        "intern internship hr labor labour workforce promotion overtime vacancy vacancies "
        "employable coworker co-worker clocked paycheck commute workday deadline deadlines "
        "meeting meetings client clients "
        # recruiting and HR words the few hundred labelled posts rarely use
        "candidate candidates counteroffer counteroffers counter-offer resign resigned resigns "
        "resignation onboarding offboarding contractor contractors freelancer freelancers "
        "headcount retention turnover burnout pto severance furlough furloughed laid+off "
        "offer+letter job+offer hiring+manager hiring+managers wfh remote+work recruit recruits "
        "recruited temp+agency staffing+agency benefits+package sick+leave maternity+leave "
        "no-show onboard upskilling reskilling"
    ),
    "@apply": (
        "apply applying application applicants candidates position positions opening "
        "openings vacancy vacancies join hiring #hiring #job #jobs #careerarc #career "
        "#careers #jobopening #nowhiring #hospitality #retail #nursing #healthcare "
        "#jobsearch #employment #vacancy #recruiting #staffing #jobalert #nowrecruiting"
    ),
    "@employerpitch": "post employers fill roles talent sourcing candidates free",
    # "job" that is not employment (hard negatives of the guidelines): praise, Steve Jobs
    "@notemployment": (
        "good+job great+job nice+job awesome+job amazing+job fantastic+job excellent+job "
        "brilliant+job fine+job solid+job terrible+job bad+job dismal+job crappy+job poor+job "
        "lousy+job steve+jobs steve+job your+job his+job their+job its+job one+job"
    ),
    "@laugh": "lol lmao lmfao rofl haha hahaha hahahaha hehe xd jk smh xjoy kidding",
    "@me": "i i'm im me my mine myself i've i'll i'd",
    "@you": "you your you're ur u yours",
    "@feel": (
        "love hate miss sad happy tired bored annoying cute amazing awesome ugh omg wtf "
        "fuck fucking shit damn crying cry excited"
    ),
    "@promo": (
        "free win enter sale shop order buy discount deal deals offer giveaway download "
        "subscribe visit check checkout new"
    ),
}


_JOB_WORDS = frozenset({"job", "jobs"})
_PRAISE = frozenset(
    [
        "good",
        "great",
        "nice",
        "awesome",
        "amazing",
        "fantastic",
        "excellent",
        "brilliant",
        "fine",
        "solid",
        "terrible",
        "bad",
        "dismal",
        "crappy",
        "poor",
        "lousy",
        "helluva",
    ]
)
_DUTY_OWNER = frozenset(["your", "his", "her", "their", "its", "my", "our", "the"])
_DUTY_VERB = frozenset(["do", "does", "did", "doing", "done"])
_WORK_WORDS = frozenset({"work", "works", "working", "worked"})
# "doesn't work", "isn't working" (the tokenizer splits "doesn't" into "doesn" and "t") ...
_BROKEN_AUX = frozenset(["doesn", "isn", "won", "didn", "wasn", "aren", "ain", "hasn", "haven"])
# ... "is not working", "it's not working", "still not working"
_BROKEN_SUBJECT = frozenset(["is", "does", "was", "are", "s", "still", "it", "has"])
# "it worked!", "this works", "that works for me": a thing, not a person, works
_THING = frozenset(["it", "this", "that"])
#: Tokens that replace a "job" that is not employment (the guidelines' hard negatives) or a
#: "work" that means "function" ("my printer doesn't work", "nothing works", "it worked!").
SENSE_REWRITES = ("xjobpraise", "xstevejobs", "xdojob", "xworkfunction")


def _job_rewrite(tokens: list[str], i: int) -> str | None:
    prev2, prev = _previous_two(tokens, i)
    if prev == "steve":
        return "xstevejobs"
    if prev in _PRAISE:
        return "xjobpraise"
    if prev in _DUTY_VERB or (prev in _DUTY_OWNER and prev2 in _DUTY_VERB):
        return "xdojob"
    return None


def _previous_two(tokens: list[str], i: int) -> tuple[str, str]:
    return (tokens[i - 2] if i > 1 else "", tokens[i - 1] if i else "")


def _work_rewrite(tokens: list[str], i: int) -> str | None:
    word = tokens[i]
    prev2, prev = _previous_two(tokens, i)
    # "I don't work Fridays" and "can't work with him" are about a job: only the third-person
    # and device forms are rewritten
    broken = (prev == "t" and prev2 in _BROKEN_AUX) or (prev == "not" and prev2 in _BROKEN_SUBJECT)
    thing = prev in _THING and word in ("works", "worked")
    if broken or thing or prev in ("stopped", "stops", "nothing", "whatever"):
        return "xworkfunction"
    if word in ("work", "works") and _asks_how_it_works(tokens, i):
        return "xworkfunction"
    nxt = tokens[i + 1] if i + 1 < len(tokens) else _SEP
    if word == "work" and prev in _PRAISE and nxt in _PRAISE_END:
        return "xjobpraise"  # "Great work everyone!" praises a task, as "good job" does
    return None


# "Nice work!", "Great work everyone", "good work on the fix": praise, not a job ("great work
# culture", "good work-life balance" go on with a noun and stay work)
_PRAISE_END = frozenset(
    [_SEP, "!", "everyone", "team", "guys", "folks", "y", "all", "today", "there", "you", "on"]
)


def _asks_how_it_works(tokens: list[str], i: int) -> bool:
    """ "How Search Engines Work", "how does this plugin work?": how a thing functions. "How
    recruiting works" names work itself (a word of the @work lexicon) and stays work."""
    start = max(0, i - 4)
    window = tokens[start:i]
    if _SEP in window:
        window = window[len(window) - window[::-1].index(_SEP) :]
    if "how" not in window:
        return False
    between = window[len(window) - window[::-1].index("how") :]
    return not any(t in _WORK_LEXICON or t in _WORK_WORDS for t in between)


def _lexicon_entries(name: str) -> list[str]:
    """Words of a lexicon; ``+`` joins the words of a bigram entry (``good+job``)."""
    return [w.replace("+", " ") for w in LEXICONS[name].split()]


# the unigrams of @work: "how recruiting works" is about work, "how browsers work" is not
_WORK_LEXICON = frozenset(w for w in _lexicon_entries("@work") if " " not in w)


def normalize(texts: Sequence[str], cues: bool = True) -> str:
    """One lower-cased blob of the batch with cues rewritten, each post after a ``\\x1e``.

    ``cues=False`` is a light variant (links, mentions and numbers only), about 2.5 times
    faster.
    """
    blob = _SEP + _SEP.join(texts)
    blob = _HTTP.sub(" xurl ", blob)
    if not cues:
        return _NUM.sub(" xnum ", _MENTION.sub(" xment ", blob)).lower()
    blob = _WWW.sub(" xurl ", blob)
    blob = _REPLY.sub("\x1e xreply @", blob)
    blob = _MENTION.sub(" xment ", blob)
    for joy in TEARS_OF_JOY:
        blob = blob.replace(joy, " xjoy ")
    for pattern in _EMOJI:
        blob = pattern.sub(" xemo ", blob)
    blob = _CAPS.sub(r"\g<0> xcaps", blob)
    blob = _NUM.sub(" xnum ", blob)
    return blob.lower()


def tokenize(texts: Sequence[str], cues: bool = True) -> list[str]:
    """Tokens of the whole batch; each post's tokens follow one ``\\x1e`` token."""
    cleaned = [t.replace(_SEP, " ") if _SEP in t else t for t in texts]
    return _TOKEN.findall(normalize(cleaned, cues))


def _doc_ngrams(tokens: list[str]) -> Iterable[str]:
    """Unigrams and bigrams of one post (used to build the vocabulary at fit time)."""
    yield from tokens
    yield from (a + " " + b for a, b in itertools.pairwise(tokens))


class Featurizer:
    """Vocabulary n-grams (binary, L2-normalised rows) plus lexicon-group columns.

    ``vocabulary`` maps token or bigram to column; group columns follow the vocabulary.
    Build one with :meth:`from_texts` at training time, or from an artifact's vocabulary.
    """

    def __init__(self, vocabulary: Sequence[str], bigrams: bool = True, cues: bool = True) -> None:
        self.vocabulary = list(vocabulary)
        self.bigrams = bigrams
        self.cues = cues
        self._index: dict[str, int] = {t: i for i, t in enumerate(self.vocabulary)}
        self._index[_SEP] = -2
        self.groups = sorted(LEXICONS)
        group_of = np.full(len(self.vocabulary), -1, dtype=np.int64)
        for g, name in enumerate(self.groups):
            for word in _lexicon_entries(name):
                col = self._index.get(word, -1)
                if col >= 0:
                    group_of[col] = len(self.vocabulary) + g
        self._group_of = group_of
        self._word_columns: npt.NDArray[np.int64] | None = None

    @property
    def n_features(self) -> int:
        return len(self.vocabulary) + len(self.groups)

    def count_words(self, X: sparse.csr_matrix) -> npt.NDArray[np.int64]:
        """Per row of ``X`` (from :meth:`transform`), how many distinct known words the post
        holds: vocabulary unigrams, not cue tokens, bigrams or lexicon groups."""
        if self._word_columns is None:
            words = np.zeros(self.n_features, dtype=np.int64)
            words[: len(self.vocabulary)] = [
                " " not in t and t not in CUE_TOKENS for t in self.vocabulary
            ]
            self._word_columns = words
        rows = np.repeat(np.arange(X.shape[0]), np.diff(X.indptr))
        counts: npt.NDArray[np.int64] = np.bincount(
            rows, weights=self._word_columns[X.indices], minlength=X.shape[0]
        ).astype(np.int64)
        return counts

    def has_group(self, X: sparse.csr_matrix, name: str) -> npt.NDArray[np.bool_]:
        """Per row of ``X``, whether a word of the lexicon group ``name`` fired."""
        column = len(self.vocabulary) + self.groups.index(name)
        rows = np.repeat(np.arange(X.shape[0]), np.diff(X.indptr))
        found = np.zeros(X.shape[0], dtype=bool)
        found[rows[X.indices == column]] = True
        return found

    @classmethod
    def from_texts(
        cls, texts: Sequence[str], min_df: int = 1, bigrams: bool = True, cues: bool = True
    ) -> Featurizer:
        """Vocabulary of every unigram (and bigram) seen in ``min_df`` posts, plus lexicons."""
        tokens = tokenize(texts, cues)
        df: dict[str, int] = {}
        bounds = [i for i, t in enumerate(tokens) if t == _SEP] + [len(tokens)]
        for start, stop in itertools.pairwise(bounds):
            doc = tokens[start + 1 : stop]
            grams = _doc_ngrams(doc) if bigrams else iter(doc)
            for gram in set(grams):
                df[gram] = df.get(gram, 0) + 1
        vocab = sorted(g for g, n in df.items() if n >= min_df)
        reserved = {w for name in LEXICONS for w in _lexicon_entries(name)} | set(SENSE_REWRITES)
        lexicon_words = sorted(reserved - set(vocab))
        return cls(vocab + lexicon_words, bigrams=bigrams, cues=cues)

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """CSR matrix (n_posts x n_features), float32."""
        return self.transform_tokens(tokenize(texts, self.cues) if texts else [], len(texts))

    def transform_tokens(self, tokens: list[str], n: int) -> sparse.csr_matrix:
        """Like :meth:`transform`, from the output of :func:`tokenize` (shared between
        featurizers with the same ``cues`` setting)."""
        if n == 0:
            return sparse.csr_matrix((0, self.n_features), dtype=np.float32)
        get = self._index.get
        ids = np.fromiter((get(t, -1) for t in tokens), dtype=np.int64, count=len(tokens))
        self._rewrite_senses(tokens, ids)
        doc = np.cumsum(ids == -2) - 1  # every post starts with a separator token
        parts = [(doc, ids)]
        if self.bigrams and len(tokens) > 1:
            bi = np.fromiter(
                (get(a + " " + b, -1) for a, b in itertools.pairwise(tokens)),
                dtype=np.int64,
                count=len(tokens) - 1,
            )
            known_bi = bi >= 0
            parts += [(doc[:-1], bi), (doc[:-1][known_bi], self._group_of[bi[known_bi]])]
        known = ids >= 0
        parts.append((doc[known], self._group_of[ids[known]]))
        return self._binary_l2(parts, n)

    def _rewrite_senses(self, tokens: list[str], ids: npt.NDArray[np.int64]) -> None:
        """Give "good job", "Steve Jobs", "do your job" and "doesn't work" their own token
        instead of "job" or "work"."""
        for words, rewrite in ((_JOB_WORDS, _job_rewrite), (_WORK_WORDS, _work_rewrite)):
            word_ids = [self._index[w] for w in words if w in self._index]
            if not word_ids:
                continue
            for i in np.flatnonzero(np.isin(ids, word_ids)).tolist():
                new = rewrite(tokens, i)
                if new is not None:
                    ids[i] = self._index.get(new, -1)

    def _binary_l2(
        self, parts: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]], n: int
    ) -> sparse.csr_matrix:
        """Sum row-sorted (row, column) parts, binarise, L2-normalise rows (all in C)."""
        shape = (n, self.n_features)
        total = sparse.csr_matrix(shape, dtype=np.float32)
        for row, col in parts:  # each part is already sorted by row: CSR without a sort
            keep = col >= 0
            indptr = np.zeros(n + 1, dtype=np.int64)
            np.cumsum(np.bincount(row[keep], minlength=n), out=indptr[1:])
            data = np.ones(int(keep.sum()), dtype=np.float32)
            total = total + sparse.csr_matrix((data, col[keep], indptr), shape=shape)
        total.sum_duplicates()
        total.data[:] = 1.0
        counts = np.diff(total.indptr)
        norm = np.zeros(n, dtype=np.float32)
        norm[counts > 0] = 1.0 / np.sqrt(counts[counts > 0])
        total.data *= np.repeat(norm, counts)
        return total
