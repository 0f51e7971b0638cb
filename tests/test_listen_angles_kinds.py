"""The suggested angle by what a post is: a step of one's own ahead, career news or a job
sought, a post aimed at one account, a rant in a question's form (see
:mod:`staffpulse.listen.post_kinds`); the rest is in test_listen_angles."""

from __future__ import annotations

import pytest

from staffpulse.listen.angles import suggest_angle
from staffpulse.listen.tone import judge_tone


@pytest.mark.parametrize(
    "text",
    [
        "2 interviews tomorrow",
        "I got a job interview tomorrow for a recruiter role",
        "First day tomorrow!",
        "my start date is next week",
        "big interview in 2 hours, so nervous",
        "Job interview at 3pm, wish me luck!",
        "Final interview, fingers crossed",
    ],
)
def test_a_step_of_ones_own_just_ahead_gets_luck_wished_never_push_back(text: str) -> None:
    angle = suggest_angle(text, {}, None, 0)
    assert "wish them luck" in angle
    assert "push back" not in angle and "congratulate" not in angle


def test_a_step_ahead_that_asks_for_tips_gets_luck_and_the_tip() -> None:
    angle = suggest_angle("Final interview tomorrow, any tips?", {"question": True}, None, 0)
    assert "wish them luck in a line, then answer their question" in angle


@pytest.mark.parametrize(
    "text",
    [
        "Interview tips for tomorrow: research the company and prepare your questions",
        "Good luck on your interview tomorrow!",
        "Our candidate Maria starts her first day at Acme on Monday",
        "Had an interview today, went well",
        "We have 2 interviews tomorrow for the nurse role",
        "Watch my interview with the mayor tonight",
        "The first day of spring is Monday",
        "Had an interview, fingers crossed",
    ],
)
def test_someone_elses_step_advice_or_a_step_gone_by_gets_no_luck_wished(text: str) -> None:
    assert "wish them luck" not in suggest_angle(text, {}, None, 0)


@pytest.mark.parametrize(
    "text",
    [
        "Looking for a new job in accounting, any recruiters here?",
        "Trying to find a new role in logistics. Where do you look?",
    ],
)
def test_a_new_job_sought_is_no_career_news_to_congratulate(text: str) -> None:
    assert "congratulate" not in suggest_angle(text, {"question": True}, None, 0)


def test_a_promotion_to_come_is_congratulated_and_a_fee_charged_is_answered_straight() -> None:
    promoted = "My manager just told me I'm getting promoted to shift lead!! Still can't believe it"
    assert "congratulate them" in suggest_angle(promoted, {}, None, 0, humor=0.9)
    fee = "Does anyone know if staffing agencies are allowed to charge workers a placement fee?"
    assert "where to check" in suggest_angle(fee, {"question": True}, None, 0)


def test_a_post_aimed_at_one_account_that_asks_nothing_is_never_theirs_to_reply_first() -> None:
    text = "@dana swapped my night shift for your Tuesday one, see you at the branch"
    angle = suggest_angle(text, {}, None, 0, addressee="@dana")
    assert angle.startswith("Aimed at @dana, not the room: only if you have something to add")
    assert "Be the first to reply" not in angle


def test_a_job_refused_for_a_pregnancy_is_no_joke_even_when_said_as_one() -> None:
    text = "Fun to hear I'd not have been hired if HR knew I was pregnant lol"
    angle = suggest_angle(text, {}, None, 0, humor=0.95)
    assert angle.startswith("Be the first to reply, and acknowledge what they are going through")
    assert "practical" in angle and "no jokes" in angle
    assert "congratulate" not in angle and "light tone" not in angle and "push back" not in angle
    assert judge_tone([text])[0].legal


@pytest.mark.parametrize(
    "text",
    [
        "Congrats to our recruiter Dana on her 5-year anniversary with the team!",
        "Today is my work anniversary: 3 years of placing nurses in Ohio",
        "10 years with the company today, still love the night desk",
    ],
)
def test_a_work_anniversary_is_congratulated_never_pushed_back_on(text: str) -> None:
    angle = suggest_angle(text, {}, None, 0)
    assert "congratulate them" in angle and "push back" not in angle


@pytest.mark.parametrize(
    "text",
    [
        "10 years with the company and I still make less than the new hires",
        "5 years at my company and not one raise. Time to go?",
    ],
)
def test_years_told_as_a_grievance_are_never_congratulated(text: str) -> None:
    assert "congratulate" not in suggest_angle(text, {"question": text.endswith("?")}, None, 0)


@pytest.mark.parametrize(
    "text",
    [
        "we bill you every month and ur telling me you cant staff one night shift…?",
        "how is it legal to pay teachers this little??",
        "who thought 5-round interviews were a good idea?",
        "Since when is it ok to ghost candidates after a final round?",
        # a view that seeks agreement
        "Has anyone else noticed how every job post now wants 5 years for an entry role?",
        "Is it just me or are interviews getting longer every year?",
        "Am I the only one who still reads cover letters?",
    ],
)
def test_a_rant_in_a_questions_form_is_taken_as_a_view_never_answered(text: str) -> None:
    angle = suggest_angle(text, {"question": True}, None, 0)
    assert "take it as a view, not a question" in angle
    assert "answer the question" not in angle and "employment lawyer" not in angle


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("How do you handle counteroffers?", "answer the question"),
        ("Is it legal to pay interns nothing?", "employment lawyer"),
        ("how is it legal that my boss won't pay me overtime??", "employment lawyer"),
    ],
)
def test_a_question_that_asks_or_is_about_ones_own_rights_is_still_answered(
    text: str, kept: str
) -> None:
    angle = suggest_angle(text, {"question": True}, None, 0)
    assert kept in angle and "take it as a view" not in angle
