"""A post that asks two things gets both answered: its angle names each question by its own
subject or first words, never one subject for both."""

from __future__ import annotations

from staffpulse.listen.angles import suggest_angle
from staffpulse.listen.question_parts import questions_in, several_asked

COUNTER = (
    "How do you handle counteroffers from a candidate's current employer? And what do you tell"
    " the client when it happens?"
)


def test_each_sentence_that_asks_is_a_question_and_a_tag_is_not() -> None:
    assert len(questions_in(COUNTER)) == 2
    assert questions_in("What? Why would they ever do that?") == ["Why would they ever do that?"]
    assert len(questions_in("Anyone else? Or is it just me?")) == 1
    assert len(questions_in("Any tips for a first interview? I'm nervous.")) == 1
    assert questions_in("Is this legal?! Is this normal?") == ["Is this legal?!", "Is this normal?"]
    # an alternative is one question; "Good, bad, ugly?" is a tag; a decimal ends no sentence
    assert len(questions_in("Take the offer now? Or wait for the second interview?")) == 1
    assert len(questions_in("Anyone using texts for HR news? Good, bad, ugly?")) == 1
    assert len(questions_in("Do hiring managers skip cover letters now? What do you think?")) == 1
    assert len(questions_in("Are 5-round interviews too many? Am I wrong?")) == 1
    # a call for views, the readers it names first or not
    for tag in ("Recruiters, what are you seeing?", "HR folks, what's your take?",
                "What’s your experience?"):  # fmt: skip
        assert len(questions_in(f"Should agencies post salary ranges? {tag}")) == 1, tag
    assert len(questions_in("HR folks, what is your policy on layoffs? Curious what works.")) == 1
    assert questions_in("@ana @ben Is a 2.5% fee normal for temp placements?") == [
        "Is a 2.5% fee normal for temp placements?"
    ]


def test_two_questions_are_named_by_their_subjects_else_their_first_words() -> None:
    assert several_asked(questions_in(COUNTER)) == (
        "It asks two things, on counteroffers and 'what do you tell the client…': answer both,"
        " not just the first."
    )
    assert several_asked(["Is this legal?", "Is this normal?"]) == (
        "It asks two things, 'Is this legal?' and 'Is this normal?': answer both, not just the"
        " first."
    )
    assert several_asked(["How do you run reference checks?"]) is None


def test_the_angle_answers_both_questions_not_the_first_ones_subject() -> None:
    text = (
        "Should I tell my recruiter I have another offer? Also, is it normal for the agency to"
        " ask for my current salary?"
    )
    angle = suggest_angle(text, {"question": True}, None, 0)
    assert angle == (
        "Be the first to reply, and answer each question with one specific, useful example."
        " It asks two things, on recruiting and on pay: answer both, not just the first."
    )
    one = suggest_angle("Is it normal for the agency to ask for my current salary?",
                        {"question": True}, None, 0)  # fmt: skip
    assert one == (
        "Be the first to reply, and answer the question on pay with one specific, useful example."
    )


def test_a_rant_of_two_questions_is_still_a_view_not_two_questions_to_answer() -> None:
    text = "Who thought 5-round interviews were a good idea? Since when is it ok to ghost people?"
    angle = suggest_angle(text, {"question": True}, None, 2)
    assert angle.startswith("Take it as a view, not a question") and "answer both" not in angle


def test_the_lines_of_a_scene_are_no_questions_asked_of_the_room() -> None:
    scene = (
        "Boss: Can you cover the Saturday shift for me? Me: Sure, I love weekends."
        " Boss: What time can you be here?"
    )
    assert questions_in(scene) == []
    # a question put to two groups of readers is two questions
    assert len(questions_in(
        "Recruiters: how do you handle counteroffers? Clients: what do you do when it happens?"
    )) == 2  # fmt: skip


def test_a_joke_of_two_questions_is_not_told_to_answer_both() -> None:
    text = (
        "Why do interviews always ask where I see myself in 5 years? Do they want me to bring"
        " a crystal ball to the next round?"
    )
    angle = suggest_angle(text, {"question": True}, None, 0, humor=0.95)
    assert "match the light tone" in angle and "answer both" not in angle
    assert "answer both" in suggest_angle(text, {"question": True}, None, 0, humor=0.1)
