"""A post the humor signal is sure is a joke, with no set form to leave it out, is offered but
ranked below real conversations, with a caution and the joke's angle, never "asks a question"
nor consoled; a joke about a group people are protected as is left out as hostile."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from staffpulse.listen.angles import likely_joke, suggest_angle
from staffpulse.listen.group_jokes import mocks_a_group
from staffpulse.listen.jokes import (
    LIKELY,
    LIKELY_JOKE,
    LIKELY_JOKE_CAUTION,
    reads_as_joke,
)
from staffpulse.listen.moderation import moderate
from staffpulse.listen.rank import RankContext, rank
from staffpulse.listen.threads import Conversation
from staffpulse.listen.tone import Tone
from staffpulse.models import Post

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
# our own texts, in the shapes such posts take
SET_UP = (
    "Did you know an octopus can open a jar in a minute? Anyway, I lost my job at the zoo today."
)
QUIP = "My manager said to give it 110 percent. So I called in sick for 10 percent of the week."
RIDDLE = "Why did the intern sit on the printer? Someone said to take a seat on the new hardware?"
REAL = "How do you handle a counteroffer in the final week? Our candidate just got one."
SINCERE = "My manager said to give it 110 percent. Seriously, I want a raise before I give more."


def conv(cid: str, text: str) -> Conversation:
    post = Post(platform="x", id=cid, author_id=cid, text=text, created_at=NOW - timedelta(hours=1))
    return Conversation("x", cid, (post,))


@pytest.mark.parametrize("text", [SET_UP, QUIP])
def test_a_post_the_humor_signal_is_sure_of_reads_as_a_joke(text: str) -> None:
    assert reads_as_joke(text, 0.9)
    assert not reads_as_joke(text, 0.6) and not reads_as_joke(text, None)


def test_a_real_question_a_plea_or_a_wrong_again_is_no_joke_however_funny() -> None:
    assert not reads_as_joke(REAL, 0.95)
    assert not reads_as_joke(SINCERE, 0.95)
    assert not reads_as_joke("My manager cut my hours again. Living the dream.", 0.95)


def test_a_likely_joke_ranks_below_a_real_question_with_a_caution_and_no_question_reason() -> None:
    context = RankContext(now=NOW, humor_scores={"joke": 0.92, "real": 0.1})
    ranked = rank([conv("joke", SET_UP), conv("real", REAL)], context)
    assert [r.conversation.id for r in ranked] == ["real", "joke"]
    joke = ranked[1]
    assert joke.flags[LIKELY] and joke.left_out is None  # offered, not left out
    assert LIKELY_JOKE_CAUTION in joke.cautions
    assert "asks a question" not in joke.reasons
    assert "no replies yet: be the first to answer" not in joke.reasons
    assert LIKELY_JOKE in joke.angle and "going through" not in joke.angle
    assert ranked[0].score > 3 * joke.score
    assert "asks a question" in ranked[0].reasons and not ranked[0].flags[LIKELY]


def test_a_loss_told_in_a_jokes_telling_is_not_consoled_but_one_told_plainly_is() -> None:
    hurt = Tone(compound=-0.7, distressed=True)
    flagged = suggest_angle(SET_UP, {LIKELY: True}, None, 0, humor=0.92, tone=hurt)
    assert LIKELY_JOKE in flagged
    plain = "My brother lost his job at the plant today and I don't know how to help him."
    assert not reads_as_joke(plain, 0.92)  # a plea: no likely joke, so no flag
    consoled = suggest_angle(plain, {}, None, 0, humor=0.92, tone=hurt)
    assert "acknowledge what they are going through" in consoled


@pytest.mark.parametrize(
    ("text", "humor"),
    [
        ("My boss fired me for my Peru puns. Now I'm Chile about finding a new job in Japan.", 0.9),
        ("How does the Mexico office pay its interns? In tacos.", 0.6),
        ("I use a wheelchair. Asked my greatest weakness at interviews, I say: ramps.", 0.9),
        ("Whenever I fill in a job form with a box for race, I write: the office fun run.", 0.9),
    ],
)
def test_a_joke_on_a_people_or_a_disability_is_hostile(text: str, humor: float) -> None:
    assert mocks_a_group(text, humor) and moderate(text, humor).hostile
    assert not mocks_a_group(text, 0.3)


@pytest.mark.parametrize(
    "text",
    [
        "Coached my girls at practice tonight and one found a wasp nest. I am a sprinter now.",
        "I think being late to my own party should be illegal. I blame my manager.",
        "Picking up Chinese food after a double shift. I earned those noodles, boss.",
    ],
)
def test_the_writers_own_a_dish_or_a_word_for_something_else_is_no_group_mocked(text: str) -> None:
    assert reads_as_joke(text, 0.9)  # a likely joke, offered low
    assert not mocks_a_group(text, 0.9) and not moderate(text, 0.9).hostile


# the humor signal sure of each (our own texts): news told gladly, a rights matter, a story
GLAD_NEWS = "got the job at the bakery!! pretty sure i will love it ^_^"
RIGHTS = "my manager finally put me on the rota with pay?!?! *retires as unpaid trainee*"
SOUR_NEWS = (
    "Started my new job at the depot. The boss called me a terrible, awful hire."
    " I said thanks, I trained for it."
)


def test_glad_news_and_a_rights_matter_are_no_likely_joke_a_story_gone_sour_is() -> None:
    for text in (GLAD_NEWS, RIGHTS, SOUR_NEWS):
        assert reads_as_joke(text, 0.95)
    assert not likely_joke(GLAD_NEWS, 0.95) and not likely_joke(RIGHTS, 0.95)
    assert likely_joke(SOUR_NEWS, 0.95) and not likely_joke(SOUR_NEWS, 0.5)


@pytest.mark.parametrize("text", [GLAD_NEWS, RIGHTS, SOUR_NEWS, SET_UP, QUIP])
def test_the_joke_caution_and_the_angle_never_disagree(text: str) -> None:
    ranked = rank([conv("post", text)], RankContext(now=NOW, humor_scores={"post": 0.95}))[0]
    cautioned = LIKELY_JOKE_CAUTION in ranked.cautions
    assert cautioned == (LIKELY_JOKE in ranked.angle) == ranked.flags[LIKELY]
    if text == GLAD_NEWS:  # congratulated, under no "no consoling, no tips"
        assert not cautioned and "congratulate them" in ranked.angle
    if text == RIGHTS:
        assert not cautioned and "answer it straight" in ranked.angle


def test_a_flagged_joke_is_never_congratulated_nor_answered_by_its_kind() -> None:
    angle = suggest_angle(SOUR_NEWS, {LIKELY: True}, None, 0, humor=0.95, tone=Tone(0.4, False))
    assert LIKELY_JOKE in angle and "congratulate" not in angle


@pytest.mark.parametrize(
    "text",
    [
        # harassment told without the word, with a laugh in it: a report, never a joke
        "Told HR my team lead keeps touching my shoulder. They said he is just being friendly lol",
        "My supervisor keeps making comments about my body and HR laughed it off",
    ],
)
def test_a_harassment_report_the_humor_signal_finds_funny_is_answered_seriously(
    text: str,
) -> None:
    assert not likely_joke(text, 0.99)
    angle = suggest_angle(text, {}, None, 0, 0.99)
    assert "acknowledge what they are going through" in angle
    assert "light tone" not in angle


@pytest.mark.parametrize(
    "text",
    [
        "Our union rep helped me get my overtime sorted this week, really grateful",
        "Big thanks to the union steward for walking into that meeting with me lol",
    ],
)
def test_a_thank_you_is_no_likely_joke_however_funny(text: str) -> None:
    assert not likely_joke(text, 0.95)


@pytest.mark.parametrize(
    "text",
    [
        "Noor in payroll just saved my whole month-end close, give that woman a medal",
        "My shift lead covered three nights in a row for me, somebody give that woman a raise",
    ],
)
def test_praise_of_a_woman_at_work_is_neither_hostile_nor_a_joke(text: str) -> None:
    assert not mocks_a_group(text, 0.95)
    assert not moderate(text, 0.95).hostile
    assert not likely_joke(text, 0.95)


@pytest.mark.parametrize(
    "text",
    [
        # our own texts: a story of the writer's own day, told with how it feels
        "my team lead dropped off soup when I was off sick this week \U0001f97a",
        "My last shift at the bakery is on Friday \U0001f623 six years there",
        "Back to the office on Monday and honestly I don't think I'm ready for the commute",
    ],
)
def test_a_story_told_with_a_feeling_is_no_likely_joke_however_funny(text: str) -> None:
    assert not reads_as_joke(text, 0.95)
    assert not likely_joke(text, 0.95)


def test_a_first_person_punch_line_is_still_a_likely_joke() -> None:
    text = "My manager told me to take more initiative. So I took the afternoon off."
    assert reads_as_joke(text, 0.95)


@pytest.mark.parametrize(
    "text",
    [
        # our own texts: a sad face or "not ready" inside a joke's frame keeps the joke
        "TFW the vending machine eats your last coin on payday \U0001f61e",
        "When your manager says 'five minute sync' and it runs past lunch \U0001f622",
        "Boss: we're all family here. Me, reading the overtime policy: \U0001f494",
        "Me at 7:58 before the audit: I'm not ready. Me at 8:02: also not ready",
        "Facilities gave us standing desks. I'm not ready for this level of wellness \U0001f622",
        "Payroll came early this month lol I'm not ready \U0001f61e",
    ],
)
def test_a_feeling_inside_a_jokes_frame_keeps_the_likely_joke(text: str) -> None:
    assert reads_as_joke(text, 0.95)
