"""What an angle is chosen from (:mod:`staffpulse.listen.angles`): the post read once, its
work subject, tone and opening words, shared by the angles of each kind of post."""

from __future__ import annotations

from dataclasses import dataclass

from staffpulse.listen.firm_voice import FIRM_VOICE, Voice
from staffpulse.listen.tone import Tone


def tell_subject(subject: str | None, word: str = "on") -> str:
    """ " on pay" (" about pay" with ``word``) when the post names a work subject, else ""."""
    return f" {word} {subject}" if subject else ""


@dataclass(frozen=True, slots=True)
class Reading:
    """What an angle is chosen from: the post, its work subject, its tone, and how to open."""

    text: str
    subject: str | None  # the work matter it names ("interviews"), if any
    tone: Tone
    question: bool
    lead: str  # "Be the first to reply, and " when nobody has
    # "It asks two things, ...: answer both, not just the first." when it asks two or more
    several: str | None = None
    voice: Voice = FIRM_VOICE  # whose words: the --as account's role (:mod:`.firm_voice`)

    def answer(self, one: str, each: str) -> str:
        """What an angle says of answering: ``one`` ("answer the question") for a post that
        asks one thing, ``each`` ("answer each question") for one that asks several."""
        return each if self.several else one

    def answered(self, angle: str) -> str:
        """``angle``, with each question the post asks named after it when it asks several.
        Only the angles that answer say it: a rant's questions ask for no answer, and a joke's
        light tone answers none."""
        return f"{angle} {self.several}" if self.several else angle
