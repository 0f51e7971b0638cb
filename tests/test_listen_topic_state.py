"""The topic model as the store keeps it: a topic's theme, words, representative and centroid
and the remembered "other conversations" read back as saved, and a store with no model reads
as none."""

from __future__ import annotations

from collections import Counter

import numpy as np
import scipy.sparse as sp

from staffpulse.listen.topic_groups import Seeds
from staffpulse.listen.topic_state import Topic, read_state, save_state
from staffpulse.store import Store

N = 16


def test_a_store_without_a_model_reads_as_none(store: Store) -> None:
    assert read_state(store) is None


def test_topics_and_seeds_read_back_as_saved(store: Store) -> None:
    topics = [
        Topic(3, 5, Counter({"nurse": 4, "shift": 2, "pay": 1}), "x|1", 0.8, "Nurse shifts", "pay"),
        Topic(7, 2, Counter({"remote": 2}), None, 0.0, "Other conversations", None),
    ]
    sums = sp.csr_matrix(np.array([[0, 2.0] + [0] * 14, [1.0] + [0] * 14 + [3.0]]))
    seeds = Seeds(N)
    seeds.add(["x|9"], sp.csr_matrix(np.eye(1, N, 4)), [["remote", "office"]], limit=10)
    df = np.zeros(N)
    df[[1, 4]] = [3, 1]
    save_state(store, {"n_features": N, "version": 9}, df, topics, sums, seeds, n_terms=2)

    state = read_state(store)
    assert state is not None
    assert state.meta == {"n_features": N, "version": 9}
    assert (state.df_indices.tolist(), state.df_values.tolist()) == ([1, 4], [3.0, 1.0])
    first, other = state.topics
    assert (first.id, first.label, first.theme, first.representative) == (
        3,
        "Nurse shifts",
        "pay",
        "x|1",
    )
    assert first.terms == Counter({"nurse": 4, "shift": 2})  # its two most frequent words
    assert (other.id, other.theme, other.size) == (7, None, 2)
    np.testing.assert_allclose(state.sums(N).toarray(), sums.toarray())
    assert state.seeds is not None
    assert (state.seeds.keys, state.seeds.terms) == (["x|9"], [["remote", "office"]])
    assert state.seeds.vectors.toarray().tolist() == np.eye(1, N, 4).tolist()


def test_saving_again_replaces_the_topics(store: Store) -> None:
    seeds = Seeds(N)
    one = sp.csr_matrix(np.eye(1, N))
    save_state(store, {}, np.zeros(N), [Topic(1, label="a")], one, seeds, n_terms=5)
    save_state(store, {}, np.zeros(N), [Topic(2, label="b")], one, seeds, n_terms=5)
    state = read_state(store)
    assert state is not None and [(t.id, t.label) for t in state.topics] == [(2, "b")]
