"""Incremental topics: workplace themes first, then hashed TF-IDF and online leader clustering.

Each conversation becomes one document (its opening post plus its first reply when the opening
is short). A document that clearly names a workplace theme (:mod:`staffpulse.listen.topic_themes`:
interviews, pay & salary, ghosting, layoffs & job search, ...) joins that theme's topic, named
after it ("Interviews", "Pay & salary"). The others are grouped by their words: documents are
hashed (``HashingVectorizer``: no vocabulary to learn), weighted by a running inverse document
frequency and L2-normalised; in each batch, a document joins the topic whose centroid is most
similar (cosine) when the similarity reaches ``threshold``, and the rest are grouped among
themselves and with the latest "other conversations" by the same rule (the first of a group
leads it). A document left alone joins the nearest topic (theme or not, as it stands after the
batch) when their similarity reaches ``merge_threshold`` and they share two words, and
otherwise goes with the "Other conversations": a topic of one conversation, labelled by that
conversation's own words, organises nothing. The model remembers the vectors of the latest
:data:`SEEDS` other conversations, so that one like a later conversation starts a topic with
it (``moved_`` says which left "Other conversations" in the last ``assign``).
Centroids are running sums truncated to their ``max_terms`` heaviest features and are
persisted, so new posts join existing topics without refitting anything.

A theme's topic is labelled with the theme's name; any other topic with its one to three most
distinctive content words or repeated phrases (count in the topic times IDF, work terms
favoured, names, conversational filler such as "ask", "obviously" or "stop" and slang such as
"goin" or "tryna" left out: :mod:`staffpulse.listen.topic_words`,
:mod:`staffpulse.listen.topic_labels`). A topic's representative is the member closest to its
centroid after the batch the member came in.

The stored state records :data:`VERSION`, the version of the grouping rules; a store whose
topics were made under older rules gets them rebuilt once (the same conversations, new ids),
rather than mixing two kinds of topics.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator
from sklearn.exceptions import NotFittedError
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize

from staffpulse.listen.topic_groups import (
    Seeds,
    add_rows,
    centroids_of,
    join_nearest,
    lead_groups,
    nearest,
    truncate_rows,
)
from staffpulse.listen.topic_labels import relabel_topics
from staffpulse.listen.topic_state import Topic, read_state, save_state
from staffpulse.listen.topic_theme_scores import theme_of
from staffpulse.listen.topic_themes import OTHER, THEME_LABELS
from staffpulse.listen.topic_words import label_terms_of, word_counter
from staffpulse.store import Store

# The version of the grouping rules (stop words, label words, thresholds, themes): 2 = a
# minimum similarity to join a topic, generic work words and names out; 3 = workplace themes
# first, a lone document merged into the nearest topic, filler out of labels (November 2026);
# 4 = "package manager", "client-side" and a press "interview with" out of the themes, "link",
# "email", "meeting" and "client" out of labels; 5 = sport's recruiting ("football recruiting
# class") and a bare "close" ("close its lobbies") out of Recruiting & sourcing; 6 = "study" the
# verb out of Hiring trends & reports, a life's "after 15 years of" out of Company news & events;
# 7 = contract-to-hire in Staffing firms & clients, leave and workers' rights in HR & benefits;
# 8 = slang ("goin", "tryna", "smh") out of labels: stored labels such as "Dream / goin" renamed;
# 9 = no run-together hashtag ("Boss / firedondayone"), lone verb or participle ("Create",
# "Accomplished") in labels, one word of one post at most ("Entry", not "Entry / journalism"),
# and no two topics of one name ("Money" twice); 10 = a "CV" at the gym (cardio) out of Resumes &
# cover letters; 11 = "report" the verb ("how do I report harassment?") out of Hiring trends &
# reports; 12 = groping beside a workplace word ("at the staff party", "my boss") in HR &
# benefits; 13 = a search told by its count or its end ("applied for 31 jobs", "got the job",
# "offered me a job") in Layoffs & job search; 14 = Internships & career changes (interns'
# projects were Employer brand, a career changed by choice Layoffs & job search); 15 = Career
# moves & new jobs: a job got ("got the job", "new job"), a promotion or a last day leave
# Layoffs & job search and Offers & onboarding, and the experience an entry-level opening asks
# for is a job search; 16 = not "got the job done", "first job of the day", "new job descriptions" nor a Boolean
# string's "NOT intern" in Career moves & new jobs.
VERSION = 16
# A document joins a topic only this similar to it: at 0.1, posts sharing one common word
# ("check", "work") made one topic of a BBC Brexit post and a Spotify support thread.
DEFAULT_THRESHOLD = 0.15
# A document that would start a topic alone joins the nearest topic this similar to it.
DEFAULT_MERGE_THRESHOLD = 0.08
_MIN_SHARED = 2  # ... and shares this many words with it
# The other conversations remembered (the latest): one like a later conversation starts a
# topic with it. A seed is one conversation's vector, so this bounds memory and time.
SEEDS = 500


@dataclass(frozen=True, slots=True)
class Assignment:
    key: str
    topic_id: int
    similarity: float
    new_topic: bool


# sklearn ships no type hints (mypy sees BaseEstimator as Any), hence the ignore.
class TopicModel(BaseEstimator):  # type: ignore[misc]
    """Online leader clustering of short texts (scikit-learn contract).

    ``__init__`` stores the parameters; the first ``partial_fit`` (or ``assign``) builds the
    learned state (``df_``, ``n_docs_``, ``topics_``, ``sums_``, ``ids_``), and later calls
    extend it. ``assign`` is ``partial_fit`` that also says where each text went.
    """

    def __init__(
        self,
        threshold: float = DEFAULT_THRESHOLD,
        n_features: int = 2**18,
        max_terms: int = 200,
        label_terms: int = 3,
        batch_size: int = 2000,
        merge_threshold: float = DEFAULT_MERGE_THRESHOLD,
        themes: bool = True,
    ) -> None:
        self.threshold = threshold
        self.n_features = n_features
        self.max_terms = max_terms
        self.label_terms = label_terms
        self.batch_size = batch_size
        self.merge_threshold = merge_threshold
        self.themes = themes

    def _start(self) -> None:
        """The empty learned state: no documents seen, no topics."""
        self.df_ = np.zeros(self.n_features, dtype=np.float64)
        self.n_docs_ = 0
        self.topics_: dict[int, Topic] = {}
        self.sums_ = sp.csr_matrix((0, self.n_features), dtype=np.float64)  # row i: ids_[i]
        self.ids_: list[int] = []
        # the latest other conversations, remembered so that a later one like them can start a
        # topic with them
        self.seeds_ = Seeds(self.n_features)
        # other conversations that started a topic in the last assign: key -> topic id
        self.moved_: dict[str, int] = {}

    def _is_started(self) -> bool:
        return hasattr(self, "df_")

    # -- vectors ---------------------------------------------------------------------------
    def _idf(self) -> np.ndarray[Any, np.dtype[np.float64]]:
        return np.log((1.0 + self.n_docs_) / (1.0 + self.df_)) + 1.0

    def _weigh(self, counts: sp.csr_matrix) -> sp.csr_matrix:
        """Sublinear TF times the current IDF, L2-normalised rows."""
        counts.data = 1.0 + np.log(counts.data)
        counts.data *= self._idf()[counts.indices]
        return sp.csr_matrix(normalize(counts, norm="l2", copy=False))

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Hashed, sublinear TF-IDF, L2-normalised rows (reads the learned IDF, changes
        nothing)."""
        if not self._is_started():
            raise NotFittedError("TopicModel is not fitted: call partial_fit or load it")
        return self._weigh(
            sp.csr_matrix(word_counter(self.n_features).transform(texts), dtype=np.float64)
        )

    def centroids(self) -> sp.csr_matrix:
        return centroids_of(self.sums_)

    # -- clustering -------------------------------------------------------------------------
    def partial_fit(self, texts: Sequence[str], keys: Sequence[str] | None = None) -> TopicModel:
        """Add ``texts`` to the topics, creating topics as needed; returns self. ``keys`` name
        the texts (a topic's representative is one of them; default: their positions)."""
        self.assign(texts, keys if keys is not None else [str(i) for i in range(len(texts))])
        return self

    def assign(self, texts: Sequence[str], keys: Sequence[str]) -> list[Assignment]:
        """``partial_fit``, telling the topic each text (identified by ``keys``) joined."""
        if len(texts) != len(keys):
            raise ValueError("texts and keys differ in length")
        if not self._is_started():
            self._start()
        # In batches: the texts of a batch are compared with each other in a dense square, so
        # a whole store at once (a first listen on 250,000 posts) would not fit in memory.
        vectorizer, terms = word_counter(self.n_features), label_terms_of()
        self.moved_ = {}
        out: list[Assignment] = []
        for start in range(0, len(texts), self.batch_size):
            end = start + self.batch_size
            out.extend(self._fit_batch(texts[start:end], keys[start:end], vectorizer, terms))
        return out

    def _fit_batch(
        self,
        texts: Sequence[str],
        keys: Sequence[str],
        vectorizer: HashingVectorizer,
        terms: Callable[[str], list[str]],
    ) -> list[Assignment]:
        if not texts:
            return []
        counts = sp.csr_matrix(vectorizer.transform(texts), dtype=np.float64)
        self.df_ += np.bincount(counts.indices, minlength=self.n_features)
        self.n_docs_ += counts.shape[0]
        matrix = self._weigh(counts)
        row_of = np.full(matrix.shape[0], -1, dtype=np.int64)  # index into ids_
        created: set[int] = set()
        known = len(self.ids_)  # the rows before this batch: the only ones with a centroid
        # 1. a document that names a workplace theme joins the theme's topic
        if self.themes:
            for i, text in enumerate(texts):
                if (theme := theme_of(text)) is not None:
                    row_of[i] = self._theme_row(theme, created)
        # 2. the others join the most similar topic, if similar enough
        rest = np.flatnonzero(row_of < 0)
        if known and len(rest):
            best, best_sim = nearest(matrix[rest], self.centroids()[:known])
            joined = best_sim >= self.threshold
            row_of[rest[joined]] = best[joined]
            rest = rest[~joined]
        # 3. and 4. the rest are grouped, else join the nearest topic, else are other ones
        lone = self._place_rest(matrix, rest, row_of, created)
        self._add_to_sums(matrix, row_of)
        touched, sim = self._record_members(matrix, row_of, texts, keys, terms)
        if lone:
            self.seeds_.add(
                [keys[i] for i in lone], matrix[lone], [terms(texts[i]) for i in lone], SEEDS
            )
        self._relabel(touched | set(self.moved_.values()), vectorizer)
        first: set[int] = set()  # a new topic is new for the first document that joined it
        out = []
        for i, key in enumerate(keys):
            row = int(row_of[i])
            out.append(Assignment(key, self.ids_[row], float(sim[i]), row in created - first))
            first.add(row)
        return out

    def _place_rest(
        self,
        matrix: sp.csr_matrix,
        rest: np.ndarray[Any, Any],
        row_of: np.ndarray[Any, Any],
        created: set[int],
    ) -> list[int]:
        """Place the documents of ``rest`` (rows of ``matrix``) no topic took; the ones left
        alone, filed as other conversations, are returned (they become seeds)."""
        # 3. grouped among themselves and with the latest other conversations
        alone: list[int] = []  # documents that would start a topic on their own
        claimed: dict[int, int] = {}  # seed -> the row of the topic it starts
        if len(rest):
            n_seeds = len(self.seeds_)
            pool = sp.csr_matrix(sp.vstack([self.seeds_.vectors, matrix[rest]], format="csr"))
            for group in lead_groups(pool, n_seeds, self.threshold):
                members = [rest[j - n_seeds] for j in group if j >= n_seeds]
                if len(group) == 1:
                    alone.append(int(members[0]))
                    continue
                row_of[members] = row = self._new_topic()
                created.add(row)
                claimed.update((j, row) for j in group if j < n_seeds)
        # 4. a document left alone joins the nearest topic as it stands after this batch
        if alone and self.ids_ and self.merge_threshold > 0:
            k = len(self.ids_)
            join_nearest(matrix, alone, row_of, self.sums_, k, self.merge_threshold, _MIN_SHARED)
        lone = [i for i in alone if row_of[i] < 0]  # ... and otherwise is an other conversation
        if lone:
            row_of[lone] = self._theme_row(OTHER, created)
        if claimed:
            self._move_seeds(claimed)
        return lone

    def _record_members(
        self,
        matrix: sp.csr_matrix,
        row_of: np.ndarray[Any, Any],
        texts: Sequence[str],
        keys: Sequence[str],
        terms: Callable[[str], list[str]],
    ) -> tuple[set[int], np.ndarray[Any, Any]]:
        """Count each document in its topic, with its words; the representative is the most
        central. Returns the topics touched, and how central each document is in its topic."""
        sim = np.asarray(matrix.multiply(self.centroids()[row_of]).sum(axis=1)).ravel()
        touched: set[int] = set()
        for i, (text, key) in enumerate(zip(texts, keys, strict=True)):
            topic = self.topics_[self.ids_[row_of[i]]]
            topic.size += 1
            topic.terms.update(terms(text))
            if topic.representative is None or sim[i] > topic.representative_sim:
                topic.representative, topic.representative_sim = key, float(sim[i])
            touched.add(topic.id)
        return touched, sim

    def _move_seeds(self, claimed: dict[int, int]) -> None:
        """Other conversations (seeds) that start a topic with a new one go to that topic."""
        other = self.topics_[self.ids_[self._theme_rows()[OTHER]]]
        positions = sorted(claimed)
        rows = np.array([claimed[j] for j in positions], dtype=np.int64)
        seeds = self.seeds_.take(positions)
        self._add_to_sums(seeds.vectors, rows)
        for key, words, row in zip(seeds.keys, seeds.terms, rows, strict=True):
            topic = self.topics_[self.ids_[row]]
            topic.size += 1
            topic.terms.update(words)
            other.size -= 1
            other.terms.subtract(words)
            self.moved_[key] = topic.id
        other.terms = +other.terms  # no zero or negative counts
        if other.representative in self.moved_:
            other.representative, other.representative_sim = None, 0.0

    def _theme_rows(self) -> dict[str, int]:
        """The row (in ``ids_``) of each theme that has a topic."""
        return {
            theme: r
            for r, t in enumerate(self.ids_)
            if (theme := self.topics_[t].theme) is not None
        }

    def _theme_row(self, theme: str, created: set[int]) -> int:
        """The row of the theme's topic, created (and added to ``created``) if need be."""
        row = self._theme_rows().get(theme)
        if row is None:
            row = self._new_topic(theme)
            created.add(row)
        return row

    def _new_topic(self, theme: str | None = None) -> int:
        topic_id = max(self.topics_, default=0) + 1
        self.topics_[topic_id] = Topic(topic_id, theme=theme)
        if theme is not None:
            self.topics_[topic_id].label = THEME_LABELS[theme]
        self.ids_.append(topic_id)
        return len(self.ids_) - 1

    def _add_to_sums(self, matrix: sp.csr_matrix, row_of: np.ndarray[Any, Any]) -> None:
        # the other conversations have no centroid: nothing is like them, nothing joins them
        weight = (row_of != self._theme_rows().get(OTHER, -1)).astype(np.float64)
        sums = add_rows(self.sums_, len(self.ids_), matrix, row_of, weight)
        self.sums_ = truncate_rows(sums, self.max_terms)

    def _relabel(self, topic_ids: Iterable[int], vectorizer: HashingVectorizer) -> None:
        relabel_topics(
            self.topics_, topic_ids, vectorizer, self._idf(), self.max_terms, self.label_terms
        )

    def predict(self, texts: Sequence[str]) -> list[tuple[int | None, float]]:
        """The nearest topic of each text, without updating anything (None: no topic near,
        or none learned yet)."""
        if not self._is_started() or not self.ids_ or not texts:
            return [(None, 0.0) for _ in texts]
        sims = (self.transform(texts) @ self.centroids().T).toarray()
        best = sims.argmax(axis=1)
        theme_row = self._theme_rows()
        out: list[tuple[int | None, float]] = []
        for i, (text, j) in enumerate(zip(texts, best, strict=True)):
            key = theme_of(text) if self.themes else None
            row = theme_row.get(key) if key is not None else None
            if row is not None:  # a theme it names, when the theme has a topic
                out.append((self.ids_[row], float(sims[i, row])))
            elif sims[i, j] >= self.threshold:
                out.append((self.ids_[j], float(sims[i, j])))
            else:
                out.append((None, 0.0))
        return out

    # -- persistence (listen/topic_state.py) --------------------------------------------------
    def save(self, store: Store) -> None:
        """Persist the learned state (of an unfitted model: an empty one); the batch size is
        not kept."""
        if not self._is_started():
            self._start()
        meta = {
            **{k: v for k, v in self.get_params().items() if k != "batch_size"},
            "n_docs": self.n_docs_,
            "version": VERSION,
        }
        topics = [self.topics_[topic_id] for topic_id in self.ids_]
        save_state(store, meta, self.df_, topics, self.sums_, self.seeds_, 2 * self.max_terms)

    @classmethod
    def load(cls, store: Store, **overrides: Any) -> TopicModel:
        """The persisted model, or an empty one (no topics yet) when none is stored: either
        way ready to read (``topics_``) and to ``partial_fit``."""
        stored = read_state(store)
        params = {} if stored is None else dict(stored.meta)
        n_docs = int(params.pop("n_docs", 0))
        params.pop("version", None)
        model = cls(**{**params, **overrides})
        model._start()
        if stored is None:
            return model
        model.df_[stored.df_indices] = stored.df_values
        model.n_docs_ = n_docs
        model.topics_ = {t.id: t for t in stored.topics}
        model.ids_ = [t.id for t in stored.topics]
        model.sums_ = stored.sums(model.n_features)
        if stored.seeds is not None:
            model.seeds_ = stored.seeds
        return model
