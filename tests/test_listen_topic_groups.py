"""The topic model's grouping steps: conversations about one subject lead and join one group,
an "other conversation" remembered from before starts a topic with a new one like it, and a
conversation sharing a single word with a topic is not filed under it."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from staffpulse.listen.topic_groups import Seeds, join_nearest, lead_groups, truncate_rows
from staffpulse.listen.topic_groups import centroids_of as normalized

# word columns: 0 nurse, 1 shift, 2 pay, 3 remote, 4 office, 5 share
NURSES = [1.0, 1.0, 0.2, 0, 0, 0]
NURSES_TOO = [1.0, 0.8, 0, 0, 0, 0]
REMOTE = [0, 0, 0, 1.0, 1.0, 0]
SHARE_ONLY = [0, 0, 0, 0, 0, 1.0]


def _rows(*rows: list[float]) -> sp.csr_matrix:
    return normalized(sp.csr_matrix(np.array(rows, dtype=np.float64)))


def test_alike_conversations_group_and_a_seed_joins_only_with_a_new_one() -> None:
    # one seed (an earlier "other conversation" about remote work), then three new ones
    pool = _rows(REMOTE, NURSES, REMOTE, NURSES_TOO)
    assert lead_groups(pool, n_seeds=1, threshold=0.5) == [[1, 3], [0, 2]]
    # a seed alone starts no group: every group holds a new conversation
    assert lead_groups(_rows(REMOTE, NURSES), n_seeds=1, threshold=0.5) == [[1]]


def test_one_shared_word_is_not_enough_to_join_a_topic() -> None:
    matrix = _rows(NURSES, NURSES_TOO, [0, 1.0, 0, 0, 0, 0])  # the third says "shift" only
    row_of = np.array([0, -1, -1])
    sums = sp.csr_matrix((0, 6), dtype=np.float64)
    join_nearest(matrix, [1, 2], row_of, sums, k=1, threshold=0.3, min_shared=2)
    assert row_of.tolist() == [0, 0, -1]


def test_only_the_heaviest_words_of_a_row_are_kept() -> None:
    # a row one word over the limit loses its lightest too; one within it keeps every word
    matrix = sp.csr_matrix(np.array([[0.1, 0.5, 0.3, 0.9], [0.4, 0, 0.1, 0.7], [0.2, 0, 0, 0]]))
    kept = truncate_rows(matrix, 2).toarray()
    assert kept.tolist() == [[0, 0.5, 0, 0.9], [0.4, 0, 0, 0.7], [0.2, 0, 0, 0]]


def test_seeds_keep_the_latest_and_give_back_the_ones_taken() -> None:
    seeds = Seeds(6)
    seeds.add(["a", "b"], _rows(NURSES, REMOTE), [["nurse"], ["remote"]], limit=2)
    seeds.add(["c"], _rows(SHARE_ONLY), [["share"]], limit=2)
    assert seeds.keys == ["b", "c"] and seeds.vectors.shape == (2, 6)
    taken = seeds.take([0])
    assert (taken.keys, taken.terms) == (["b"], [["remote"]])
    assert (seeds.keys, seeds.terms, seeds.vectors.shape[0]) == (["c"], [["share"]], 1)
