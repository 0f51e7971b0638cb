"""Violence laughed off as banter is left out as hostile, never offered to a firm."""

from __future__ import annotations

from staffpulse.listen.angles import suggest_angle
from staffpulse.listen.moderation import moderate
from staffpulse.listen.tone import judge_tone
from staffpulse.listen.violence import jokes_about_violence

BANTER = "Gonna strangle my coworker if he books one more 8am call lol"
TOLD = "Coworker says her brother-in-law got stabbed outside the depot. Just break room banter."


def test_harm_to_a_person_laughed_off_is_left_out_as_hostile() -> None:
    assert jokes_about_violence(BANTER) and moderate(BANTER).hostile
    assert jokes_about_violence(TOLD) and moderate(TOLD).hostile
    # no cue of laughter: the humor signal sure it is funny is enough
    quiet = "If the intern reorganises my desk again I will poison the intern's coffee."
    assert not jokes_about_violence(quiet, 0.3) and jokes_about_violence(quiet, 0.9)
    assert moderate(quiet, 0.9).hostile and not moderate(quiet, 0.3).hostile


def test_a_win_in_a_violent_word_or_a_call_for_safety_stays() -> None:
    # a win harms nobody, a message shot off is no shot, and a safety report is no joke
    for text in (
        "Absolutely killed my panel interview today lol, offer letter by Friday!",
        "We killed it at the career fair haha",
        "Shoot him an email about the shift swap lol",
    ):
        assert not jokes_about_violence(text, 0.9), text
    safety = "A nurse on our ward was punched during a night shift. We need better protection."
    assert not jokes_about_violence(safety, 0.4) and not moderate(safety, 0.4).hostile


def test_a_report_of_harm_asking_for_safety_stays_whatever_its_laugh() -> None:
    # the humor signal sure, a nervous "lol": still a complaint about safety at work, offered
    for text in (
        "A customer punched my manager today and HR shrugged. What are our rights?",
        "A shopper tried to choke my coworker at the till today lol. Why is there no security?",
    ):
        assert not jokes_about_violence(text, 0.9), text
        assert not moderate(text, 0.9).hostile, text
        # ... and answered seriously, never "match the light tone" for its "lol"
        assert judge_tone([text])[0].serious, text
        angle = suggest_angle(text, {"question": True}, None, 0, humor=0.9)
        assert "light tone" not in angle, angle


def test_a_clock_punched_numbers_punched_or_a_boss_drowned_in_reports_is_no_harm() -> None:
    for text in (
        "Finally got punched in at 7:40 after the timeclock froze lol. Paid from 7?",
        "Spent all day punching the client's figures into the new payroll tool lol",
        "Drowning my boss in status reports lol, how short should updates be?",
    ):
        assert not jokes_about_violence(text, 0.9), text
    # a blow told with a laugh is still harm laughed off
    assert jokes_about_violence("Got punched in the jaw by a customer lol, shop floor fun")
