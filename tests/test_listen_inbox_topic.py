"""build_inbox --topic: a blank topic means every topic and a matching one filters; one that
matches nothing, or has nothing to join, lists the topics to pick, counting only what the inbox
would show."""

from __future__ import annotations

from pathlib import Path

import pytest

from listen_helpers import FRESH, HOURS, OLD, ids, inbox, question, store_with
from staffpulse.listen.states import set_state


def test_a_blank_topic_means_every_topic(tmp_path: Path) -> None:
    with store_with(tmp_path, FRESH, OLD) as store:
        blank, every = inbox(store, topic="  "), inbox(store)
    assert [i.conversation_id for i in blank.items] == [i.conversation_id for i in every.items]
    assert blank.items and not any("no topic matches" in n for n in blank.notes)


def test_a_topic_that_matches_nothing_lists_the_topics_to_pick(tmp_path: Path) -> None:
    with store_with(tmp_path, FRESH, OLD) as store:
        result = inbox(store, topic="zzzz")
    assert result.items == [] and not result.topic_matched
    assert result.topic_choices  # the fresh conversation's topic; the old one is not joinable
    label = result.topic_choices[0].label
    assert any("no topic matches 'zzzz'" in n and label in n for n in result.notes)
    assert result.as_dict()["topic_choices"][0] == {
        "id": result.topic_choices[0].id,
        "label": label,
        "open": 1,
    }


def test_a_matching_topic_filters(tmp_path: Path) -> None:
    with store_with(tmp_path, FRESH) as store:
        label = inbox(store).items[0].topic_label
        result = inbox(store, topic=label.split(" / ")[0])
    assert result.topic_matched and ids(result) == ["1"]


ASK = question("11", "What is the one interview question you always ask candidates?", HOURS)
JOB_AD = question("12", "Now hiring forklift operators in Miamisburg, apply now", HOURS)
SALARY = question("13", "How do you handle salary negotiation with a counteroffer?", HOURS)


def test_topics_to_pick_count_only_what_the_inbox_would_show(tmp_path: Path) -> None:
    # QA: "miamisburg ... (10)" was suggested, and choosing it showed nothing: job ads
    with store_with(tmp_path, ASK, JOB_AD, SALARY, OLD) as store:
        inbox(store)  # judges the posts: only then is "13" a conversation to dismiss
        set_state(store, "13", "dismissed")
        everything = inbox(store)
        result = inbox(store, topic="zzzz")
    assert [i.conversation_id for i in everything.items] == ["11"]
    assert [(c.label, c.open) for c in result.topic_choices] == [
        (everything.items[0].topic_label, 1)
    ]
    note = next(n for n in result.notes if "no topic matches 'zzzz'" in n)
    assert "forklift" not in note and "salary" not in note and "counteroffer" not in note


def test_a_topic_with_nothing_to_join_points_to_the_others(tmp_path: Path) -> None:
    with store_with(tmp_path, ASK, JOB_AD) as store:
        result = inbox(store, topic="forklift")
        label = inbox(store).items[0].topic_label
    assert result.topic_matched and result.items == []
    assert [m.open for m in result.topic_matches] == [0]
    notes = " ".join(result.notes)
    assert "left out 1 job ad" in notes
    assert f"other topics with conversations to join: {label} (1)" in notes


@pytest.mark.parametrize(
    "query", ["interviews", "Interviewing", "interviewed", "interview questions", "interview"]
)
def test_a_topic_is_found_by_any_form_of_its_words(tmp_path: Path, query: str) -> None:
    with store_with(tmp_path, ASK, SALARY) as store:
        result = inbox(store, topic=query)
    assert result.topic_matched and ids(result) == ["11"]
    assert result.as_dict()["topic_matches"] == [
        {"id": result.items[0].topic_id, "label": result.items[0].topic_label, "open": 1}
        | {"found_by": "name"}
    ]
