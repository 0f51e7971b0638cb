"""A post cut into its sentences, as the listen rules read them: praise and the grievance it is
said of (:mod:`staffpulse.listen.sarcasm`), a step and its time
(:mod:`staffpulse.listen.post_kinds`), each question of a post
(:mod:`staffpulse.listen.question_parts`) or its last sentence
(:mod:`staffpulse.listen.job_offers`) are looked for one sentence at a time."""

from __future__ import annotations

import re

# a sentence ends at ".", "!" or "?" before a space, or at a line's end: "4.2 billion" is one
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+|\n+")


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` in order, as written."""
    return _SENTENCE_END_RE.split(text)
