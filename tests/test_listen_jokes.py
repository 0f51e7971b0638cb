"""Written jokes about work are left out of the inbox ("a joke, not a conversation to join"),
a joke that mocks a group as hostile; a real question or complaint about work stays, and a
post the humor signal is sure of is neither consoled nor answered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from listen_helpers import dated, fake_post_models, runner, store_with
from staffpulse.cli.app import app
from staffpulse.listen.angles import suggest_angle
from staffpulse.listen.group_jokes import mocks_a_group
from staffpulse.listen.jokes import (
    LIKELY,
    LIKELY_JOKE,
    is_written_joke,
    reads_as_joke,
)
from staffpulse.listen.moderation import moderate
from staffpulse.listen.tone import Tone

# our own texts, in the forms such jokes take
SCRIPTED = (
    "Interviewer: where do you see yourself in five years? Me: still in this waiting room,"
    " by the look of it"
)
BOSS = "Boss: why are you late? Me: the sign said Employees Must Wash Hands, so I waited"
QA = "Q: why did the payroll clerk bring a ladder? A: to reach the higher pay grades"
RIDDLE = "What's the difference between a recruiter and a weather app? The app calls back."
COMMON = "What do a temp and a boomerang have in common? Both come back on Monday."
ETHNIC = "What's the difference between a Martian and an accountant? Martians file on time."
GROUP_JOKE = "How many immigrants does it take to fill one job? All of them, apparently."
PUN = "I got fired from my job at the trampoline park. My results kept going up and down."
REAL_QUESTION = "Interviewer asked me to describe a weakness, what do you say?"
COMPLAINT = "HR cancelled my leave again and now says I can't take any until March."
TO_THE_ROOM = "What's the worst job title you've ever seen? Ours was 'Chief Happiness Ninja'."
DISTRESS = "I got fired from my warehouse job today. What do I do about rent now?"
# the "Shit X Say" sketch's title passed on: a list mocking a trade, no conversation
SKETCH = "“Shit Agency Recruiters Say” part two https://example.com/v/42"
SKETCH_STARRED = "S*** HR managers say, the office edition"
RANT = "the shit my area manager says in the morning huddle makes me want to quit"
OWN_WORDS = "I know I have a sharp tongue at work, can't help the sarcastic shit I say."


@pytest.mark.parametrize(
    "text", [SCRIPTED, BOSS, QA, RIDDLE, COMMON, ETHNIC, SKETCH, SKETCH_STARRED]
)
def test_a_joke_s_set_form_is_a_joke_whatever_the_humor_signal_says(text: str) -> None:
    assert is_written_joke(text) and is_written_joke(text, 0.1)
    assert moderate(text).joke


@pytest.mark.parametrize("text", [REAL_QUESTION, COMPLAINT, TO_THE_ROOM, DISTRESS, RANT, OWN_WORDS])
def test_a_real_question_or_complaint_is_no_joke_even_read_as_funny(text: str) -> None:
    assert not is_written_joke(text, 0.95)
    verdict = moderate(text, 0.95)
    assert not verdict.joke and not verdict.hostile


# real work talk in a joke's words, which the humor signal may still read as funny: an
# interview told then asked about, an FAQ, a riddle-shaped question, an HR complaint, a job
# story of the day it happened, a team that speaks well of a group
WORK_TALK = [
    "Interviewer: why did you leave your last job? Me: layoffs. Was that too blunt?"
    " How should I have answered?",
    "Boss: can you stay late again? Me: I stayed late all week unpaid. Is this even legal?",
    "Q: Can my employer make me work unpaid overtime? A: In most states, no. Here's what to check.",
    "Q: How long should a cover letter be? A: One page, tops. More tips in our guide.",
    "What's the difference between a contractor and an employee? Trying to understand my rights.",
    "What's the difference between a recruiter and a headhunter? Genuinely asking, new to this.",
    "How many hours does it take to qualify for benefits? Payroll says 30, the handbook says 25.",
    "How many interviews does it take to land a job now? On round six with one company.",
    "Have you heard about the new overtime rule? Employers must now pay time and a half.",
    "Why did the company cancel the holiday party? They said budget cuts, then bought a new office.",
    "What do you call a manager who only gives feedback at the annual review? Mine, apparently.",
    "HR: we value your wellbeing. Also HR: mandatory weekend overtime for the third month running.",
    "I quit my job at the call centre today. Best decision I've made all year.",
    "My sister got fired from the bakery. She says she's finally free.",
    "So I got fired today. Guess I'm a freelancer now lol",
    "I started a new job at the library. The quiet is taking some getting used to",
    "A coworker quit her job at the clinic. She left a thank-you card for every patient.",
    "Interviewer: any questions for us? Me: what's the pay? Interviewer: we'll discuss that"
    " later. Normal or a red flag?",
    "What's the difference between a temp-to-hire and a contract role? My agency won't say.",
    "We hired three refugees this spring and they're the steadiest crew we've had, lol",
    "Muslims at our plant asked for a prayer room and HR said yes in a day. Proud of this place!",
]


@pytest.mark.parametrize("text", WORK_TALK)
def test_work_talk_in_a_joke_s_words_is_offered_even_read_as_funny(text: str) -> None:
    verdict = moderate(text, 0.95)
    assert not verdict.joke and not verdict.hostile


@pytest.mark.parametrize("text", [t for t in WORK_TALK if "?" in t and "Q:" not in t])
def test_a_real_question_the_humor_signal_is_sure_of_is_still_answered(text: str) -> None:
    asked = suggest_angle(text, {"question": True}, None, 0, humor=0.95, tone=Tone(0.0, False))
    assert LIKELY_JOKE not in asked


def test_a_pun_story_is_a_joke_only_when_the_humor_signal_is_sure() -> None:
    assert is_written_joke(PUN, 0.9)
    assert not is_written_joke(PUN, 0.5) and not is_written_joke(PUN)
    # told of someone else, with no full stop before its punch line
    assert is_written_joke("A juggler lost his job He dropped the ball one time too many", 0.9)
    # a terse post is no story told for a punch line
    assert not is_written_joke("I quit my job. Done.", 0.9)


def test_a_pun_on_a_bare_work_word_is_a_joke_not_a_work_conversation() -> None:
    # our own puns and idioms: a "job" that names no workplace, told by nobody of their own work
    puns = [
        "Fireworks are so dramatic. They only do their job once they've been fired.",
        "Weather app, you had ONE job",
        "This coffee tastes like tea that quit on its dreams and got a job at a car wash",
        "hustle hustle girl boss",
    ]
    for pun in puns:
        assert is_written_joke(pun, 0.85) and moderate(pun, 0.85).joke, pun
        assert not is_written_joke(pun, 0.5), pun  # the humor signal unsure: offered
    # the writer's own job, someone's boss, or a question: work talk, offered
    for text in [
        "I got a job today and I think I will like it",
        "When your boss turns up in the exact same jumper as you",
        "Why does every job advert want five years of experience",
    ]:
        assert not moderate(text, 0.9).joke, text
    # someone's new job or good work cheered: news and praise, even with the signal sure
    for text in [
        "Congrats Maria on the new job!!",
        "Best boss ever award goes to Priya, she covered every shift this winter",
        "Job well done everyone, see you after the holidays",
    ]:
        assert not moderate(text, 0.9).joke, text


def test_a_crude_joke_is_left_out_as_nsfw_whatever_work_it_names() -> None:
    crude = "New boss asked for a fun fact. Mine: the last office nicknamed me Big Dick Dave."
    assert moderate(crude, 0.9).nsfw
    # the humor signal unsure: a name is a name ("Dick Lane retires from the depot after 30 years")
    assert not moderate("Dick Lane retires from the depot after 30 years", 0.2).nsfw
    # a job lost is no innuendo, however sure the humor signal
    laid_off = "When you get laid off, do you have to pay back your signing bonus?"
    assert not moderate(laid_off, 0.92).nsfw
    # nor a crude word's everyday sense in work talk
    for text in [
        "Juggling so many balls this week, three clients and a new hire lol",
        "My agency screwed me on holiday pay again, classic",
        "Turning knobs on the old press all day, my arms are done",
    ]:
        assert not moderate(text, 0.85).nsfw, text


def test_a_joke_that_names_a_group_is_hostile() -> None:
    assert mocks_a_group(GROUP_JOKE) and moderate(GROUP_JOKE).hostile
    # a whole group spoken of in a post the humor signal is sure is a joke, with no set form
    loose = "Refugees make great interns: they never ask for a raise."
    assert mocks_a_group(loose, 0.9) and not mocks_a_group(loose, 0.3)
    # a report on a group, not read as funny, is a conversation a firm may join
    report = "Immigrants fill a third of the care jobs in our county, the new survey says."
    assert not mocks_a_group(report, 0.2) and not moderate(report, 0.2).hostile


def test_the_angle_reads_a_likely_joke_as_the_ranking_flags_it() -> None:
    # one test (reads_as_joke) for the ranking's flag and caution, and the angle follows it
    gripe = Tone(compound=-0.6, distressed=False)
    joke = "My boss wants me to be more punctual. I'm now never late: I'm never there."
    assert reads_as_joke(joke, 0.95) and not reads_as_joke(joke, 0.2)
    assert LIKELY_JOKE in suggest_angle(joke, {LIKELY: True}, None, 0, humor=0.95, tone=gripe)
    consoled = suggest_angle(joke, {LIKELY: False}, None, 0, humor=0.2, tone=gripe)
    assert "acknowledge what they are going through" in consoled
    riddle = "Why do interviewers love ladders? No one knows."
    assert reads_as_joke(riddle, 0.85)
    flags = {"question": True, LIKELY: True}
    asked = suggest_angle(riddle, flags, None, 0, humor=0.85, tone=Tone(0.0, False))
    assert LIKELY_JOKE in asked and "answer the question" not in asked
    # a wrong that keeps coming is a real complaint, however funny its telling
    again = "HR lost my leave request for the second time. I'm starting to think it's personal."
    assert not reads_as_joke(again, 0.95)
    # the writer saying it is meant is no joke for the angle either, however sure the signal
    meant = "My boss wants me to be more punctual. Seriously, my shifts should start at noon."
    assert not reads_as_joke(meant, 0.95)
    flags = {LIKELY: reads_as_joke(meant, 0.95)}
    assert LIKELY_JOKE not in suggest_angle(meant, flags, None, 0, humor=0.95, tone=gripe)


def test_a_relatable_meme_the_humor_signal_is_sure_of_is_a_likely_joke() -> None:
    meme = "When your manager replies all to the whole depot at 6am 😂"
    assert reads_as_joke(meme, 0.85) and not reads_as_joke(meme, 0.4)
    assert reads_as_joke("TFW the rota comes out and you are on every bank holiday", 0.9)
    angle = suggest_angle(meme, {LIKELY: True}, None, 0, humor=0.85, tone=Tone(0.0, False))
    assert LIKELY_JOKE in angle and "push back" not in angle
    # said as meant, it is no joke
    assert not reads_as_joke("When your agency cuts your hours again, seriously, what now", 0.9)
    # nor a question that opens the same way: it asks
    asks = "When you resign, how much notice do you give a staffing agency?"
    assert not reads_as_joke(asks, 0.9)


def test_a_left_out_joke_gets_no_angle_to_answer_it() -> None:
    angle = suggest_angle(RIDDLE, {"question": True, "joke": True}, None, 0, humor=0.9)
    assert angle.startswith("Skip this one")


fake_models = pytest.fixture(fake_post_models, autouse=True, name="fake_models")


@pytest.fixture(name="db")
def db_fixture(tmp_path: Path) -> Path:
    store = store_with(
        tmp_path,
        dated("j1", SCRIPTED, author="quipster", author_handle="quipster"),
        dated("j2", GROUP_JOKE, author="nightowl", author_handle="nightowl"),
        dated("q1", REAL_QUESTION, author="ana_seeks", author_handle="ana_seeks"),
        dated("c1", COMPLAINT, author="ben", author_handle="ben"),
    )
    store.close()
    return tmp_path / "inbox.db"


def test_the_inbox_counts_and_lists_jokes_left_out(db: Path) -> None:
    inbox = runner.invoke(app, ["inbox", "--db", str(db), "--max-age", "0"])
    assert inbox.exit_code == 0, inbox.output
    out = " ".join(inbox.stdout.split())
    assert "Left out 1 hostile post and 1 joke: not conversations to join" in out
    assert "id: q1" in out and "id: c1" in out  # the real question and complaint are offered
    assert "id: j1" not in out and "id: j2" not in out
    listed = runner.invoke(app, ["inbox", "--db", str(db), "--max-age", "0", "--left-out", "jokes"])
    assert listed.exit_code == 0, listed.output
    said = " ".join(listed.stdout.split())
    assert "a joke · @quipster: Interviewer: where do you see yourself" in said
    assert "fill one job" not in said  # hostile, not listed among the jokes


def test_json_names_the_joke_reason(db: Path) -> None:
    args = ["inbox", "--db", str(db), "--max-age", "0", "--left-out", "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    reasons = {item["id"]: item["reason"] for item in json.loads(result.stdout)}
    assert reasons == {"j2": "hostile", "j1": "joke"}
