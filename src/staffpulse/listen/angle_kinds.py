"""The angle of a post by its kind (:mod:`staffpulse.listen.angles`): a question aimed at one
account, sarcasm, career news, a feat cheered, a step just ahead, a call for help. Each has an
angle of its own, chosen before the post's tone is weighed."""

from __future__ import annotations

import re

from staffpulse.listen.angle_reading import Reading, tell_subject
from staffpulse.listen.post_kinds import asks_for_help, is_career_news, tells_of_a_coming_step
from staffpulse.listen.sarcasm import is_sarcastic
from staffpulse.listen.tone import tells_of_a_win

# someone's feat celebrated: a race run, a personal best, praise by name
_CELEBRATES_RE = re.compile(
    r"\b(?:ran|finished|completed|crushed|smashed) (?:her|his|my|their|our|a|the) "
    r"(?:first |1st )?(?:half[- ])?(?:marathon|5k|10k|triathlon|ultra)\b|\bpersonal best\b|"
    r"\b(?:so |really |very )?proud of (?:her|him|them|our|my|the team)\b|"
    # pride in one's own work: "proud of the work we do at the clinic"
    r"\bproud of (?:the|my|our) (?:job|work) (?:i|we) do\b|"
    r"\b(?:huge )?(?:congrats|congratulations|kudos|hats off) to\b",
    re.IGNORECASE,
)


def aimed_question_angle(post: Reading, addressee: str | None, asker: str | None) -> str | None:
    """A question aimed at one account (``addressee``): theirs to answer. ``asker``: who asks
    it, when it is a reply and not the opening post ("@sam asks @acme, not the room: ...")."""
    if not (addressee and post.question):
        return None
    who = f"{asker} asks {addressee}" if asker else f"A question for {addressee}"
    return post.answered(
        f"{who}, not the room: reply only if you can answer{tell_subject(post.subject)}"
        " first-hand, in a line or two."
    )


def angle_for_kind(post: Reading, addressee: str | None) -> str | None:
    """Sarcasm, career news, a feat, a step ahead, or a call for help: each its own angle."""
    subject, lead, legal = post.subject, post.lead, post.tone.legal
    # praise that means the opposite ("Love how our RTO policy means 2 hours of commuting.
    # Great job, leadership."): the complaint it is, never cheered on nor joked along with
    # (a question of rights in it is answered straight, below, with where to check)
    if is_sarcastic(post.text) and not post.tone.grieving and not (post.question and legal):
        asked = (
            ", then " + post.answer("answer what they asked", "answer each thing they asked")
            if post.question
            else ""
        )
        return post.answered(
            lead + "read it as the complaint it is, not praise (it is sarcastic): acknowledge"
            f" the frustration in a line and add {post.voice.story(subject)}{asked}; don't cheer"
            " the decision on or joke along, no pitch."
        )
    # news told with a grievance or a rights question is not news to congratulate
    if is_career_news(post.text) and not post.tone.negative and not post.tone.legal:
        if post.question:
            return _first_then_answer(post, "congratulate them")
        return lead + (
            "congratulate them and wish them well in a line or two; no advice unless asked,"
            " no pitch."
        )
    # a feat cheered ("Our recruiter ran her first marathon! The whole office is sore") or told
    # ("Killed the pitch!"): a word of pain in it is a joke, not a hardship to console
    tone = post.tone
    cheered = _CELEBRATES_RE.search(post.text) or tells_of_a_win(post.text)
    # a win told in anger ("Nailed the interview and they still ghosted me. So annoyed") is
    # a grievance, not a feat to cheer
    vexed = tone.distressed or tone.frustrated or tone.legal or tone.grieving
    if cheered and not (post.question or vexed):
        return lead + "cheer them on in a line or two; no advice, no pitch."
    # an interview or a first day ahead: luck to wish, not a view to push back on; nerves
    # ("so nervous") read negative but still want luck, a rights question wants an answer
    if tells_of_a_coming_step(post.text) and not post.tone.legal and not post.tone.grieving:
        if post.question:
            return _first_then_answer(post, "wish them luck")
        return lead + "wish them luck in a line or two; no advice unless asked, no pitch."
    if asks_for_help(post.text):
        if addressee:
            return (
                f"A request for help aimed at {addressee}: leave it to them unless you can"
                " fix it first-hand; no jokes, no pitch."
            )
        return lead + (
            "help only if you can: one practical fix or where to get help, in plain words;"
            " no jokes, no pitch."
        )
    return None


def _first_then_answer(post: Reading, first: str) -> str:
    """``first`` in a line ("congratulate them", "wish them luck"), then what they asked."""
    their = post.answer("answer their question", "answer each of their questions")
    return post.answered(
        f"{post.lead}{first} in a line, then {their}{tell_subject(post.subject)} with one"
        " specific, useful tip; no pitch."
    )
