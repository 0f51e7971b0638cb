"""Topic names a marketer can read: never a hashtag run together, a lone verb or participle,
and never one name for two groups."""

from __future__ import annotations

from collections import Counter

import numpy as np

from staffpulse.listen.topic_labels import relabel_topics
from staffpulse.listen.topic_state import Topic
from staffpulse.listen.topic_words import choose_label, label_terms_of, word_counter

N_FEATURES = 2**12


def _relabel(topics: dict[int, Topic]) -> dict[int, str]:
    idf = np.ones(N_FEATURES, dtype=np.float64)
    relabel_topics(topics, list(topics), word_counter(N_FEATURES), idf, 50, 3)
    return {tid: t.label for tid, t in topics.items()}


def test_a_run_together_hashtag_never_names_a_topic() -> None:
    terms = label_terms_of()("#FiredOnDayOne my boss hated the spreadsheet #nursing #DeskJobWoes")
    assert "firedondayone" not in terms and "deskjobwoes" not in terms
    assert "nursing" in terms and "spreadsheet" in terms  # a one-word tag is still a word


def test_a_lone_verb_or_participle_never_names_a_topic() -> None:
    terms = Counter({"accomplished": 3, "create": 3, "extern": 2, "paid": 2, "paid leave": 2})
    idf = {"accomplished": 5.0, "create": 5.0, "extern": 1.0, "paid": 4.0, "paid leave": 1.0}
    label = choose_label(terms, list(terms), idf, 3)
    assert "accomplished" not in label and "create" not in label and "paid" not in label
    assert label == ["paid leave", "extern"]  # a phrase keeps its participle
    # a worker's state is what a topic of work is about, participle or not
    states = Counter({"furloughed": 3, "overworked": 2, "accomplished": 3})
    idf = {"furloughed": 2.0, "overworked": 2.0, "accomplished": 5.0}
    assert choose_label(states, list(states), idf, 2) == ["furloughed", "overworked"]


def test_two_groups_never_share_one_name() -> None:
    topics = {
        1: Topic(1, size=2, terms=Counter({"money": 2, "rent": 1})),
        2: Topic(2, size=2, terms=Counter({"money": 2, "tuition": 1})),
        3: Topic(3, size=3, label="Pay & salary", theme="pay"),
    }
    labels = _relabel(topics)
    assert len(set(labels.values())) == 3
    assert labels[1] == "Money"
    assert labels[2] == "Money / tuition"
