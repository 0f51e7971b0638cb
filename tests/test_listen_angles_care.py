"""The suggested angle for hard times: a mind in trouble, a possible crisis, a job lost (no tip
where care is due, no debate where help is asked), and pay questions."""

from __future__ import annotations

import pytest

from staffpulse.listen.angles import suggest_angle


def test_a_hard_time_of_the_mind_gets_no_tip() -> None:
    text = "My supervisor asked if I'm afraid of dying, maybe because my head is sick lately"
    angle = suggest_angle(text, {}, None, 0, 0.2)
    assert angle.startswith("A hard time that is not about work")
    assert "tip" in angle and "never a tip" in angle
    # a hard time about work (a layoff) is no hard time "not about work": it gets its tip
    laid_off = suggest_angle(
        "Laid off on Friday. Feeling depressed and worried about rent.", {}, None, 0, 0.1
    )
    assert "not about work" not in laid_off and "layoffs" in laid_off


def test_a_sick_mind_typed_without_its_apostrophe_is_still_a_hard_time_of_the_mind() -> None:
    angle = suggest_angle("ugh my heads sick lately and nothing helps, not even sleep", {}, None, 0)
    assert angle.startswith("A hard time that is not about work")


def test_slang_boss_up_is_not_about_managers() -> None:
    angle = suggest_angle(
        "Boss up and quit blaming everybody else for where you ended up", {}, None, 0
    )
    assert "managers" not in angle and "recruiters' experience" not in angle


def test_how_much_to_ask_for_is_a_pay_question() -> None:
    text = "How much should a welder with 4 years experience ask for in Toledo?"
    assert "on pay" in suggest_angle(text, {"question": True}, None, 0)


@pytest.mark.parametrize(
    "text",
    [
        # a work word beside it (a manager, a shift) earns it no tip on managers or shifts
        "My team lead asked whether I fear death. Honestly I'm not afraid of dying anymore.",
        "Some nights after my shift I just wish I could stop waking up",
        "After the layoff I keep thinking everyone would be better off dead without me",
    ],
)
def test_a_possible_crisis_gets_no_tip_whatever_work_it_names(text: str) -> None:
    angle = suggest_angle(text, {}, None, 0, 0.1)
    assert angle.startswith("A possible crisis") and "crisis line" in angle
    assert "push back" not in angle and "tip on" not in angle


def test_a_figure_of_speech_about_dying_is_no_crisis() -> None:
    angle = suggest_angle("Dying to see the new office layout our boss keeps teasing", {}, None, 0)
    assert "crisis" not in angle


def test_a_job_lost_with_a_plea_for_help_is_met_with_a_tip_not_a_debate() -> None:
    text = (
        "I got let go this morning after eleven years there. No idea where to even begin with a"
        " resume, the last one I wrote was in 2013."
    )
    angle = suggest_angle(text, {}, None, 0, 0.1)
    assert "push back" not in angle
    assert "acknowledge what they are going through" in angle and "résumés" in angle
