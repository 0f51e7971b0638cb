"""Sarcasm about work is read as the complaint it is: praise said of a grievance, or a marker
such as "/s", gets an angle that acknowledges the frustration, never a light tone nor cheers."""

from __future__ import annotations

import pytest

from staffpulse.listen.angles import suggest_angle
from staffpulse.listen.jokes import reads_as_joke
from staffpulse.listen.sarcasm import is_sarcastic
from staffpulse.listen.tone import judge_tone

SARCASTIC = [
    "Love how our new return-to-office policy means I spend 2 hours a day commuting to sit on"
    " Zoom calls. Great job, leadership.",
    "Oh great, another mandatory team-building offsite on a Saturday. Just what I wanted.",
    'Gotta love it when HR announces "unlimited PTO" and then denies every request.',
    "Thrilled that my manager scheduled my performance review for 6pm on a Friday.",
    "Pizza party instead of raises again. Thanks, management.",
    "Four-day onboarding with no laptop, what could possibly go wrong",
    "Orientation moved to a Sunday and no laptops yet. What could go wrong?",
    "Oh joy, more overtime this weekend.",
    # praise with an eye-roll
    "Three no-shows before 8am and the client already called twice. I love my job \U0001f612",
    "Don't you just love it when the interviewer forgets you're coming \U0001f644",
    # cheers for people let go, praise taken back, a cheer with a dry "really."
    "Kudos to the regional office on yet another round of layoffs",
    "Well done, board, on slashing 40 warehouse jobs in December",
    "New shift pattern announced at 5pm on a Friday. Brilliant planning...not",
    "Our third reorg this year. Best one yet. NOT!",
    "The recruiter ghosted me after four rounds. Proud of her, really.",
    # love of work done unpaid or on time off
    "I just love working late on reports while not being paid",
    "Love having to come in on my day off after 4 hours of sleep #blessed",
    # praise of a job or a step refused
    "Just love hearing I'd never have been hired if they knew about my twins lol",
    "Loving being told I'm not getting promoted while I'm on leave",
]
SINCERE = [
    "I love how supportive my team is",
    # a step owed to someone, not refused
    "Love hearing from people who say they would never have been hired without our apprenticeship",
    "Thrilled that I got the job!",
    "Can't wait to play two gigs this Friday and on Saturday!",
    "Our RTO policy is mandatory from Monday. How are recruiters handling it?",
    "Unlimited PTO sounds great but HR denies every request",
    # a grievance gone is good news
    "Love that my new job has no commute!",
    "So glad that we work without overtime now.",
    # praise of one thing, a grievance in another sentence
    "Can't wait to start my new role on Monday. The last one had mandatory overtime.",
    # overtime, layoffs, on-call or a commute are facts of work, not grievances of their own
    "I love that our company pays overtime at double rate.",
    "So happy that the layoffs are finally over.",
    "Excited to see so many applicants for our on-call nurse roles!",
    "Can't wait to start my new remote job, goodbye commute!",
    # "what could go wrong" inside a sentence is no marker
    "Write down what could go wrong before the launch, then plan for each.",
    # an eye-roll at a grievance, with no praise, is a plain complaint
    "Another Monday, another 6am shift \U0001f644",
    "I love my job, best team in town \U0001f60a",
    # a cheer near a layoff that is not for it, or a cut that is not of people
    "Congrats on surviving the layoffs, Priya! Lunch is on me.",
    "Kudos to our recruiters for placing every driver laid off at the depot",
    "Huge congrats to the talent team for cutting time-to-hire in half",
    "Kudos to payroll for cutting hours of paperwork from every new starter's first week",
    "Well done to the clinic managers on cutting staff turnover by a third",
    "Proud of you, really proud. First week as a shift lead done!",
    "Huge congrats to our client on a layoff-free year at every plant!",
    "Proud of our warehouse crew for cutting staff injuries in half this spring",
    "Congrats to the whole night crew, really. You all earned it.",
    # love of work with no grievance in it
    "I love working with this crew, best shift of the week",
    "Love getting paid every Friday at the new place",
    # time off or unpaid hours given gladly
    "I love working at the food bank on my day off, best way to spend a Saturday",
    "I love getting called in when the team needs me, it means they trust me",
]


@pytest.mark.parametrize("text", SARCASTIC)
def test_praise_of_a_grievance_or_a_sarcastic_marker_is_sarcasm(text: str) -> None:
    assert is_sarcastic(text)


@pytest.mark.parametrize("text", SINCERE)
def test_praise_of_a_good_thing_or_a_plain_grievance_is_not(text: str) -> None:
    assert not is_sarcastic(text)


def test_sarcasm_about_a_policy_gets_the_complaint_acknowledged_not_a_light_tone() -> None:
    text = SARCASTIC[0]
    # read at face value it is positive, and the humor model finds it funny
    assert judge_tone([text])[0].light
    angle = suggest_angle(text, {}, None, 0, humor=0.9)
    assert angle == (
        "Be the first to reply, and read it as the complaint it is, not praise (it is"
        " sarcastic): acknowledge the frustration in a line and add one data point or story on"
        " return to office from your recruiters; don't cheer the decision on or joke along, no"
        " pitch."
    )


def test_a_sarcastic_post_that_asks_gets_its_question_answered_too() -> None:
    text = "Love how every meeting is now mandatory and on camera. Anyone else seeing this?"
    angle = suggest_angle(text, {"question": True}, None, 2, humor=0.6)
    assert angle.startswith("Read it as the complaint it is, not praise")
    assert "then answer what they asked" in angle and "light tone" not in angle


def test_a_rights_question_in_a_sarcastic_post_is_answered_straight() -> None:
    text = "Love that my agency cut our pay again. Is that even legal?"
    angle = suggest_angle(text, {"question": True}, None, 2, humor=0.6)
    assert "where to check (the labor department, an employment lawyer)" in angle


def test_a_congratulation_on_firing_half_the_team_is_never_cheered_on() -> None:
    text = (
        "Congrats to my manager for firing half the team two weeks before the holidays."
        " Proud of them, really."
    )
    angle = suggest_angle(text, {}, None, 0, humor=0.5)
    assert "cheer them on" not in angle
    assert "read it as the complaint it is" in angle


def test_drawn_out_love_of_the_job_is_sarcasm_and_gets_the_complaint_angle() -> None:
    # a letter drawn out reads as the plain word, and love of the job drawn out rolls its eyes
    for text in (
        "Third double shift this week. I loooove my job.",
        "Oh I looove working Saturdays for free",
        "Printer jammed, coffee machine broken. Just what I need on a Monday.",
    ):
        assert is_sarcastic(text), text
        angle = suggest_angle(text, {"likely_joke": reads_as_joke(text, 0.95)}, None, 0, 0.95)
        assert "read it as the complaint it is" in angle, text
    # a plain love of the job, a team loved, or a friend, is no sarcasm
    for text in ("I love my job, best crew in town", "I loooove my new team!!", "Miss youuu"):
        assert not is_sarcastic(text), text


def test_drawn_out_love_said_gladly_or_just_what_one_needs_named_is_no_sarcasm() -> None:
    for text in (
        "First week at the new agency and I loooove my job!!! So grateful for this crew",
        "Promoted to senior sourcer today. I looove my job \u2764\ufe0f",
        "Just what I need: a free primer on structured interviews. Bookmarked, thanks!",
    ):
        assert not is_sarcastic(text), text
        assert "read it as the complaint it is" not in suggest_angle(text, {}, None, 0, 0.3)
    # thanks said with a grievance named is still sarcasm
    assert is_sarcastic("Grateful for my third double shift this week. I loooove my job")
