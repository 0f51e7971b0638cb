"""Incremental topic grouping: coherent groups, readable labels, persistence, no refits."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from staffpulse.listen.threads import Conversation
from staffpulse.listen.topic_members import assign_topics
from staffpulse.listen.topics import TopicModel
from staffpulse.models import Post
from staffpulse.store import open_store

THEMES = {
    "remote": [
        "Is remote work hurting junior developers who never meet their team?",
        "Our remote work policy changed again, hybrid three days in office",
        "Remote work keeps candidates happy but managers want the office back",
        "Return to office mandates are pushing candidates toward remote work roles",
    ],
    "salary": [
        "Salary transparency laws mean posting pay ranges on every job",
        "Should we post salary ranges? Pay transparency is the law in Colorado",
        "Candidates ask for the salary range first now, transparency wins",
        "Pay ranges and salary transparency changed our negotiation process",
    ],
    "ghosting": [
        "Candidates ghosting after the final interview is getting worse",
        "Ghosting goes both ways: recruiters ghost candidates too",
        "Another candidate ghosted us after accepting the offer",
        "How do you stop candidate ghosting after interviews?",
    ],
}


def _texts(seed: int = 0, copies: int = 3) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    items = [(theme, t) for theme, texts in THEMES.items() for t in texts for _ in range(copies)]
    rng.shuffle(items)
    return [t for _, t in items], [theme for theme, _ in items]


@pytest.mark.parametrize("batch_size", [2000, 7])
def test_groups_by_theme_and_labels_are_readable(batch_size: int) -> None:
    texts, themes = _texts()
    model = TopicModel(batch_size=batch_size)  # a big store is fitted a batch at a time
    out = model.assign(texts, [str(i) for i in range(len(texts))])
    assert len(out) == len(texts)
    by_topic: dict[int, set[str]] = {}
    for assignment, theme in zip(out, themes, strict=True):
        by_topic.setdefault(assignment.topic_id, set()).add(theme)
    # every topic is pure (one theme) and there are few topics per theme
    assert all(len(v) == 1 for v in by_topic.values())
    assert len(by_topic) <= 6
    labels = " | ".join(model.topics_[t].label for t in by_topic).lower()
    for word in ("remote", "salary", "ghosting"):
        assert word in labels


def test_new_posts_join_existing_topics_without_refit() -> None:
    texts, _ = _texts()
    model = TopicModel().partial_fit(texts)
    before = {tid: t.size for tid, t in model.topics_.items()}
    out = model.assign(["More candidates ghosting after the interview this week"], ["new"])
    assert not out[0].new_topic
    assert model.topics_[out[0].topic_id].size == before[out[0].topic_id] + 1
    assert {tid for tid in model.topics_} == set(before)
    fresh = model.assign(["Quarterly forklift safety certification schedule"], ["other"])
    assert fresh[0].new_topic


def test_persistence_round_trip(tmp_path: Path) -> None:
    import staffpulse.listen  # noqa: F401

    texts, _ = _texts()
    store = open_store(tmp_path / "t.db")
    model = TopicModel().partial_fit(texts)
    model.save(store)
    loaded = TopicModel.load(store)
    assert loaded.n_docs_ == model.n_docs_
    assert {t: loaded.topics_[t].label for t in loaded.topics_} == {
        t: model.topics_[t].label for t in model.topics_
    }
    probe = ["Pay transparency and salary ranges in job posts"]
    assert loaded.predict(probe)[0][0] == model.predict(probe)[0][0] is not None


def test_assign_topics_is_incremental(tmp_path: Path) -> None:
    import staffpulse.listen  # noqa: F401

    store = open_store(tmp_path / "t.db")
    texts, _ = _texts(copies=1)
    convs = [
        Conversation(
            "x",
            str(i),
            (Post(platform="x", id=str(i), author_id="a", text=t, created_at=datetime.now(UTC)),),
        )
        for i, t in enumerate(texts)
    ]
    _, first = assign_topics(store, convs[:8])
    assert len(first) == 8
    model, second = assign_topics(store, convs)
    assert len(second) == len(convs)
    assert all(second[k] == v for k, v in first.items())  # earlier assignments are kept
    assert model.n_docs_ == len(convs)  # each conversation vectorised once


def test_repeated_posts_join_their_topic_instead_of_starting_new_ones() -> None:
    # speed is measured in benchmarks/bench_topics.py, not here
    texts, themes = _texts(copies=40)
    out = TopicModel(batch_size=100).assign(texts, [str(i) for i in range(len(texts))])
    assert len({a.topic_id for a in out}) <= 6
    by_topic: dict[int, set[str]] = {}
    for assignment, theme in zip(out, themes, strict=True):
        by_topic.setdefault(assignment.topic_id, set()).add(theme)
    assert all(len(v) == 1 for v in by_topic.values())


def test_scikit_learn_contract() -> None:
    model = TopicModel(threshold=0.2, batch_size=50)
    assert model.get_params()["threshold"] == 0.2
    assert not hasattr(model, "topics_")  # __init__ only stores the parameters
    with pytest.raises(NotFittedError):
        model.transform(["salary ranges"])
    assert model.predict(["salary ranges"]) == [(None, 0.0)]
    texts, _ = _texts()
    assert model.partial_fit(texts) is model
    n_docs, labels = model.n_docs_, {t: topic.label for t, topic in model.topics_.items()}
    model.transform(texts)
    model.predict(texts)
    assert model.n_docs_ == n_docs  # transform and predict learn nothing
    assert {t: topic.label for t, topic in model.topics_.items()} == labels
    twin = clone(model)
    assert twin.get_params() == model.get_params() and not hasattr(twin, "topics_")


def test_an_empty_store_loads_a_model_without_topics(tmp_path: Path) -> None:
    import staffpulse.listen  # noqa: F401

    model = TopicModel.load(open_store(tmp_path / "t.db"), threshold=0.3)
    assert model.topics_ == {} and model.threshold == 0.3
    assert model.predict(["anything"]) == [(None, 0.0)]


def test_contractions_never_become_topic_labels() -> None:
    texts = [
        "Why doesn't anyone answer candidates? They're ghosting after we've interviewed",
        "Candidates doesn’t hear back, what's the fix? We're ghosting them, they've said",
        "What’s your policy on ghosting candidates? Isn't a reply the least we'd owe",
    ]
    model = TopicModel().partial_fit(texts, ["a", "b", "c"])
    labels = " / ".join(t.label for t in model.topics_.values())
    assert "'" not in labels and "’" not in labels
    assert "ghosting" in labels.lower() or "candidates" in labels.lower()


def test_unrelated_posts_sharing_one_common_word_stay_apart() -> None:
    texts = [
        "Budget night on Sky: check the live blog for every update on the tax changes",
        "Hey Dana! Could you check whether clearing the cache fixes the video stutter?",
        "Ten years at the bakery and most mornings the work there is still a joy to me",
        "Spent the afternoon showing a room of students how our studio does its work",
    ]
    model = TopicModel()
    out = model.assign(texts, [str(i) for i in range(len(texts))])
    # no topic groups any two of them: each goes with the other conversations, which are
    # grouped by nothing (before, each was a topic of its own, labelled by its own words)
    assert {model.topics_[a.topic_id].label for a in out} == {"Other conversations"}
    assert all(model.topics_[a.topic_id].theme == "other" for a in out)


def test_topics_made_under_older_rules_are_rebuilt_once(tmp_path: Path) -> None:
    import staffpulse.listen  # noqa: F401
    from staffpulse.listen.topic_state import STATE_KEY
    from staffpulse.listen.topic_state import pack as _pack

    store = open_store(tmp_path / "t.db")
    texts, _ = _texts(copies=1)
    convs = [
        Conversation("x", str(i), (Post(platform="x", id=str(i), author_id="a", text=t),))
        for i, t in enumerate(texts)
    ]
    assign_topics(store, convs)
    with store.transaction() as conn:  # as an older version saved it: no version, threshold 0.1
        meta = {"threshold": 0.1, "n_features": 2**18, "max_terms": 200, "label_terms": 3}
        conn.execute(
            "UPDATE listen_topic_state SET value = ? WHERE key = ?",
            (_pack({**meta, "n_docs": 99}, [], []), STATE_KEY),
        )
    model, topic_of = assign_topics(store, convs)
    assert model.threshold == TopicModel().threshold and model.n_docs_ == len(convs)
    assert len(topic_of) == len(convs)
    again, same = assign_topics(store, convs)  # now current: nothing is redone
    assert same == topic_of and again.n_docs_ == len(convs)


def test_slang_never_names_a_topic() -> None:
    model = TopicModel(themes=False)
    texts = [
        "goin to the dream festival lineup tonight, goin early",
        "dream festival lineup is goin to sell out, goin with friends",
        "who else goin to the dream festival lineup, goin by train",
    ]
    model.assign(texts, ["a", "b", "c"])
    labels = " / ".join(t.label for t in model.topics_.values()).lower()
    assert "goin" not in labels and "festival" in labels
