"""Which topics `--topic` and the dashboard's Topic field name: any form of a label's words,
the best match first."""

from __future__ import annotations

import pytest

from staffpulse.listen.topic_match import match_topics, matched_by_words_note, word_key

LABELS = {
    1: "interviews deal / word users / saying finally",
    2: "interview / question / ask",
    3: "resume / tip / interview",
    4: "miamisburg / pinecrest senior / living",
    5: "recruiters / sourcing / linkedin",
    6: "salary / counteroffer / negotiation",
}


def labels_of(query: str) -> list[str]:
    return [m.label for m in match_topics(query, LABELS)]


@pytest.mark.parametrize(
    "forms",
    [
        "interview interviews interviewing interviewed Interview's",
        "salary salaries",
        "hire hires hiring hired",
        "apply applies applied applying",
        "ask asks asked asking",
        "staff staffing",
        "nurse nurses",
        "run running",
        "ghost ghosting ghosted ghosts",
    ],
)
def test_the_forms_of_a_word_are_one_word(forms: str) -> None:
    assert len({word_key(w) for w in forms.split()}) == 1


def test_different_words_stay_different() -> None:
    assert word_key("recruiter") != word_key("recruit")
    assert word_key("need") != word_key("ne") and word_key("interviewer") != word_key("interview")


def test_the_plural_finds_the_singular_topic_first() -> None:
    # QA: "interviews" matched the odd "interviews deal / ..." and missed "interview / ..."
    for query in ("interviews", "interview", "Interviewing", "  INTERVIEWED "):
        assert labels_of(query) == [LABELS[2], LABELS[1], LABELS[3]]


def test_every_word_of_the_query_must_be_in_the_label() -> None:
    assert labels_of("resume tip") == [LABELS[3]]
    # "questions" is conversational filler, never a label's word: left out of the query
    assert labels_of("interview questions") == labels_of("interview")
    assert labels_of("senior living") == [LABELS[4]]
    assert labels_of("interview salary") == []


def test_a_pasted_label_finds_its_topic() -> None:
    assert labels_of("miamisburg / pinecrest senior / living") == [LABELS[4]]


def test_a_beginning_matches_weaker_than_a_whole_word() -> None:
    assert labels_of("recruit") == [LABELS[5]]
    assert labels_of("interv") == [LABELS[1], LABELS[2], LABELS[3]]  # all by their beginning
    assert labels_of("view") == [] and labels_of("pay") == []  # not a part inside a word
    scores = {m.label: m.score for m in match_topics("interview", LABELS)}
    assert min(scores.values()) > max(m.score for m in match_topics("interv", LABELS))


def test_words_never_in_a_label_are_left_out_of_the_query() -> None:
    assert labels_of("salary at work") == [LABELS[6]]  # "work", "at": never a label's words
    assert labels_of("zzzz") == []


def test_equal_matches_rank_the_topic_with_more_to_join_first() -> None:
    labels = {1: "ghosting / candidates", 2: "ghosting / offers"}
    ranked = match_topics("ghosted", labels, {2: 5, 1: 1})
    assert [(m.id, m.open) for m in ranked] == [(2, 5), (1, 1)]


def test_digits_are_a_topic_id() -> None:
    assert [(m.id, m.label) for m in match_topics("4", LABELS)] == [(4, LABELS[4])]
    assert match_topics("99", LABELS) == []


def test_a_query_no_label_nor_common_word_names_falls_back_on_any_word_a_topic_uses() -> None:
    # "stay interviews": one post of the workplace topic says it, so none of its most common words
    labels = {1: "Workplace & managers", 2: "Interviews", 3: "Pay & salary"}
    common = {1: "boss / burnout / culture", 2: "interview / questions", 3: "salary / raise"}
    every = {1: common[1] + " / stay interviews / exits", 2: common[2] + " / panel", 3: "salary"}
    assert match_topics("stay interviews", labels, words=common) == []
    found = match_topics("stay interviews", labels, words=common, all_words=every)
    assert [m.label for m in found] == ["Workplace & managers"]
    # a query a label or a common word names never reaches the fallback
    named = match_topics("burnout", labels, words=common, all_words=every)
    assert [m.label for m in named] == ["Workplace & managers"] and named[0].score > found[0].score


def test_a_topic_found_by_its_conversations_words_says_why() -> None:
    """QA: "--topic pizza" listed "Trades & shifts" without a word on why."""
    labels = {1: "Trades & shifts", 2: "Interviews"}
    common = {1: "shift / forklift / nights", 2: "interview / questions"}
    every = {1: common[1] + " / pizza", 2: common[2]}
    found = match_topics("pizza", labels, words=common, all_words=every)
    assert [(m.label, m.by) for m in found] == [("Trades & shifts", "any_words")]
    assert matched_by_words_note("pizza", found) == (
        '--topic "pizza" names no topic: shown "Trades & shifts", whose conversations say'
        ' "pizza"; give a topic\'s name to narrow it'
    )
    common_found = match_topics("forklift", labels, words=common)
    assert 'often say "forklift"' in (matched_by_words_note("forklift", common_found) or "")
    named = match_topics("interviews", labels, words=common, all_words=every)
    assert named[0].by == "" and matched_by_words_note("interviews", named) is None
