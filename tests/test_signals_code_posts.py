"""Posts of code that offer no job (signals/code_posts.py)."""

from __future__ import annotations

from staffpulse.signals.code_posts import find_code_talk, strip_code

CODE_TALK = [
    "list.join(', ') at scale https://t.co/a1",
    "{display: contents} at last - https://t.co/b2",
    "Why does `Function.prototype.apply()` still exist?",
    "```\nSELECT * FROM openings\n``` is all it takes",
]
# code in a job ad, prose with no code, code beside a staffing ad's own wording
NOT_CODE_TALK = [
    "We're hiring a React developer who loves `useEffect`! Apply now: https://t.co/c3",
    "Frontend role in Berlin: `{display: grid}` daily, remote OK https://t.co/d4 #jobs",
    "Join us tonight (7pm) for the meetup!",
    "Apply now for the position: nurse, nights",
    "`npm test` fan? Forklift operators wanted! 1st shift, $19/hr, start Monday",
]


def test_posts_of_code_with_no_job_in_their_prose_are_code_talk() -> None:
    assert find_code_talk(CODE_TALK).all()


def test_ads_that_show_code_and_plain_prose_are_not() -> None:
    assert not find_code_talk(NOT_CODE_TALK).any()


def test_in_a_batch_each_post_is_judged_alone() -> None:
    found = find_code_talk([NOT_CODE_TALK[0], CODE_TALK[0], NOT_CODE_TALK[2], CODE_TALK[1]])
    assert found.tolist() == [False, True, False, True]
    assert find_code_talk([]).shape == (0,)


def test_strip_code_keeps_the_prose() -> None:
    prose = strip_code("Use `arr.join()` to join the team list {a: 1} now")
    assert "join the team list" in prose and "arr" not in prose and "{" not in prose
