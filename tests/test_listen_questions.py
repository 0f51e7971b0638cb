"""Whether a post asks the room a question (and so ranks higher in the inbox)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from staffpulse.listen.questions import asks_the_room, ends_asking, is_link_share, is_question
from staffpulse.listen.rank import RankContext, rank
from staffpulse.listen.threads import Conversation
from staffpulse.models import Post

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


def test_a_question_mark_or_a_plain_question_asks() -> None:
    assert is_question("Anyone else seeing this?")
    assert is_question("How do you run reference checks")
    assert not is_question("We closed three roles this week. https://x.co/a?b=1")


@pytest.mark.parametrize(
    "text",
    [
        "Why this bakery pays its apprentices more than its managers - https://t.co/Qz81Lmw",
        "How Compilers Think: A Tour From the Parser to the Linker - https://t.co/Rk2dPq",
        "Can't wait for my shift tomorrow, the kitchen crew always lifts my mood",
        'Okafor\'s talk "Where Have All the Line Cooks Gone? Notes From Six Kitchens" won #ChefCon',
        "ATS tip: 'Willing to work weekends?' is a fine knockout question.",
        "How to write a cover letter recruiters read: https://ex.example/guide?utm=1",
    ],
)
def test_headlines_and_quoted_questions_are_not_questions(text: str) -> None:
    assert not is_question(text)
    opening = Post(platform="x", id="h", author_id="a", text=text, created_at=NOW)
    (item,) = rank([Conversation("x", "h", (opening,))], RankContext(now=NOW))
    assert "asks a question" not in item.reasons


@pytest.mark.parametrize(
    "text",
    [
        "Why do candidates ghost after the final round",
        "Recruiters: what is your best sourcing trick for nurses",
        "Does anyone else see offers fall through in the last week",
        "Candidate asked me 'is this remote?' How would you answer",
        "New to HR. Any tips for a first performance review cycle",
        "Potholes only appear when the other party runs city hall. Funny, right?",
    ],
)
def test_real_questions_are_questions(text: str) -> None:
    assert is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "Recruiters: do job postings with salary ranges get more applicants?",
        "Should every ad show the pay range? \U0001f914 #HR #PayTransparency",
        "Opening our second branch next month. Curious how others staffed theirs",
    ],
)
def test_a_post_that_ends_asking_waits_for_answers(text: str) -> None:
    assert ends_asking(text)


@pytest.mark.parametrize(
    "text",
    [
        "Looking for your next nursing role? Join our Denver team, apply at https://jobs.example/1",
        "Want to work nights in Tulsa? See the opening: https://jobs.example/2 #Warehouse #Jobs",
        "Salary ranges, again? We wrote up what we learned: https://blog.example/3",
    ],
)
def test_a_hook_question_followed_by_what_to_do_does_not_end_asking(text: str) -> None:
    assert is_question(text) and not ends_asking(text)


@pytest.mark.parametrize(
    "text",
    [
        "Anyone else seeing fewer applicants this month? Ours are down 30%.",
        "Should we post salary ranges in every ad? https://news.example/colorado-law",
        "How do you run reference checks",
    ],
)
def test_a_question_with_no_link_after_it_asks_the_room(text: str) -> None:
    assert asks_the_room(text)


@pytest.mark.parametrize(
    "text",
    [
        "Struggling to fill night shifts? Our new guide shows how: https://blog.example/1",
        "Still writing SQL by hand? This cheat sheet will cut your week in half! https://blog.example/2",
    ],
)
def test_a_hook_that_sends_the_room_to_a_link_does_not_ask_it(text: str) -> None:
    assert is_question(text) and not asks_the_room(text)


def test_a_handle_is_read_whole_before_its_question() -> None:
    # "@AcmeCare It freezes" is no "are it" question; a question after a handle still asks
    assert not is_question("@AcmeCare It freezes every time I save a file, please fix it")
    assert is_question("@acme are you hiring for the warehouse")


@pytest.mark.parametrize(
    "text",
    [
        "Seven ways to shorten your hiring process this quarter https://t.example/a1",
        "Trend report: warehouse wages rose again this spring https://t.example/b2 #data",
        "Get a safety expert on your HR team. #HumanResources https://t.example/c3 via @hrdesk",
    ],
)
def test_a_link_passed_on_with_its_headline_is_a_share(text: str) -> None:
    assert is_link_share(text)


@pytest.mark.parametrize(
    "text",
    [
        "I started night classes in bookkeeping and my sister sent me this https://t.example/d4",
        "Is anyone else trying a four-day week with their team? https://t.example/e5",
        "Seven ways to shorten your hiring process this quarter",  # no link: said here
    ],
)
def test_a_personal_post_a_question_or_no_link_is_no_share(text: str) -> None:
    assert not is_link_share(text)


def test_a_share_nobody_answered_ranks_below_a_person_telling_of_work() -> None:
    now = datetime(2026, 3, 1, 12, tzinfo=UTC)

    def opening(cid: str, text: str) -> Conversation:
        return Conversation("x", cid, (Post(platform="x", id=cid, author_id=cid, text=text,
                                            created_at=now),))  # fmt: skip

    share = opening("share", "Seven ways to shorten your hiring process https://t.example/f6")
    story = opening(
        "story", "Two agencies rang me this morning and I have two interviews on Friday"
    )
    ranked = rank([share, story], RankContext(now=now))
    assert [r.conversation.id for r in ranked] == ["story", "share"]
    assert any("a link passed on, no conversation yet" in c for c in ranked[1].cautions)
    assert ranked[1].left_out is None  # ranked lower, still offered


@pytest.mark.parametrize(
    "text",
    [
        # a magazine's teaser: the question is the headline's, asked of nobody
        "Brightmill Bakery let go of every shift manager (more or less). Is this how all"
        " kitchens will run? https://t.example/g7",
        "Will the four-day week spread to warehouses? https://t.example/g8",
        "Will U.S. warehouses follow the U.K. to a four-day week? https://t.example/g0",
        # a question its writer answers with their own news
        "What's it like to feel on top of the world? Six weeks as an apprentice and they"
        " asked me to stay on full time.",
        "Guess what? The bakery I trained at just hired me as head pastry chef!",
    ],
)
def test_a_headline_question_or_one_its_writer_answers_asks_the_room_nothing(text: str) -> None:
    assert not asks_the_room(text)


@pytest.mark.parametrize(
    "text",
    [
        "Is anyone else trying a four-day week with their team? https://t.example/g9",
        "Would you take a pay cut for a four-day week? https://t.example/h1",
        "What's it like to feel settled in a new city? I move for the job next month and know"
        " nobody there. Any tips?",
        "What's it like to work night shifts at a warehouse? I start one next month.",
    ],
)
def test_a_question_to_readers_before_a_link_or_before_another_question_still_asks(
    text: str,
) -> None:
    assert asks_the_room(text)


def test_a_drawn_out_eww_is_no_link_that_turns_a_question_into_a_hook() -> None:
    """ "Ewwwwwww..." was read as a link to "www...", and a question before a link that the post
    does not end asking is a hook, not a question for the room."""
    text = "Ewwwwwww... does anyone else's manager eat tuna at the desk? Mine does it daily."
    assert asks_the_room(text)
    assert not asks_the_room("Is this the cafeteria of the future? www.example.org/lunch")
