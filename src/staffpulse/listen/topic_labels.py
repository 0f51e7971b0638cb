"""Naming topics: a theme's topic keeps the theme's name, any other is named by its one to three
most distinctive words (:func:`staffpulse.listen.topic_words.choose_label`), weighed by the
model's running IDF. Apart from :mod:`staffpulse.listen.topics` because naming reads the
grouping's state and changes none of it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer

from staffpulse.listen.topic_state import Topic
from staffpulse.listen.topic_words import choose_label


def relabel_topics(
    topics: dict[int, Topic],
    topic_ids: Iterable[int],
    vectorizer: HashingVectorizer,
    idf: np.ndarray[Any, np.dtype[np.float64]],
    max_terms: int,
    label_terms: int,
) -> None:
    """Name each given topic anew (in place) and trim the terms it keeps to ``2 * max_terms``
    once they pass ``4 * max_terms``, so a long-lived topic's state stays small."""
    topic_ids = list(topic_ids)
    for topic_id in topic_ids:  # a theme's topic keeps the theme's name: only trim its terms
        topic = topics[topic_id]
        if topic.theme is not None and len(topic.terms) > 4 * max_terms:
            topic.terms = Counter(dict(topic.terms.most_common(2 * max_terms)))
    ids = [t for t in topic_ids if topics[t].theme is None]
    candidates = {t: [w for w, _ in topics[t].terms.most_common(40)] for t in ids}
    vocab = sorted({w for words in candidates.values() for w in words})
    if not vocab:
        return
    hashed = sp.csr_matrix(vectorizer.transform(vocab))  # a phrase: its words
    hashed.data[:] = 1.0
    mean_idf = (hashed @ idf) / np.diff(hashed.indptr).clip(min=1)
    word_idf = {w: float(mean_idf[k]) for k, w in enumerate(vocab)}
    # every topic's name, counted once and kept up to date as names change, not gathered again
    # for each topic named (thousands of topics on a large store)
    names = Counter(t.label.lower() for t in topics.values() if t.label)
    for topic_id in ids:
        terms = topics[topic_id].terms
        own = topics[topic_id].label.lower()

        def taken(name: str, own: str = own) -> bool:
            return names[name] > (1 if name == own else 0)

        # two groups never share a name ("Money" twice): a name taken by another topic gets
        # the topic's next word ("Money / rent")
        chosen = choose_label(terms, candidates[topic_id], word_idf, label_terms)
        if chosen and taken(" / ".join(chosen).lower()):
            used = {part for term in chosen for part in term.split()}
            rest = [w for w in candidates[topic_id] if not used & set(w.split())]
            chosen += choose_label(terms, rest, word_idf, 1)
        label = " / ".join(chosen) or f"topic {topic_id}"
        if taken(label.lower()):
            label = f"{label} ({topic_id})"
        topics[topic_id].label = label[:1].upper() + label[1:]
        if own:
            names[own] -= 1
        names[topics[topic_id].label.lower()] += 1
        if len(terms) > 4 * max_terms:
            topics[topic_id].terms = Counter(dict(terms.most_common(2 * max_terms)))
