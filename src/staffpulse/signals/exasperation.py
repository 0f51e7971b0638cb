"""A frustrated complaint is no joke: its humor score is capped unless a cue says it jokes.

The guidelines label humor a post "clearly trying to be funny, witty, playful, ironic or
sarcastic". The humor model learned that a rhetorical question opens a joke, and scored the
exasperated questions of a customer or a job seeker among its surest jokes: "am I tripping or
did this recruiter just ghost me after three interviews..??" 0.96, "how many times is this job
portal going to ask me to re-upload my resume? fifth time today" 0.90 (a tester's posts); real
customer-care complaints of the same two shapes scored 0.93 and 0.95. So ``classify`` labelled
them humor and the audit's Voice pillar counted them as the jokes to keep up.

:func:`find_exasperated_complaints` marks a post holding one of two frames of exasperation:

* "am I tripping/crazy/losing my mind or …" followed by something done to the writer or left
  undone: "just", "still", "again", "keeps", "never", a ghosting, a charge, a cancellation;
  "Am I crazy or does my cat look like a tiny accountant" asks no one for anything and is left
  to the model;
* "how many (more) times is/are/will … going to …", a wrong repeated against the writer.

Not when the post jokes or mocks as well: a laughter word or face (:data:`~staffpulse.signals.
support_replies.JOKE_CUE`), a sarcasm tag ("#sarcasm", "#not", "/s") or praise that cannot be
meant ("love that for me", "thanks a lot", "just great"): sarcasm is humor by the guidelines.
:data:`EXASPERATION_BOUNDS` caps its humor below the threshold; its other signals keep the
model's scores.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from staffpulse.signals.batch_scan import merge_for_scan, posts_matching
from staffpulse.signals.support_replies import JOKE_CUE

__all__ = ["EXASPERATION_BOUNDS", "EXASPERATION_HUMOR", "find_exasperated_complaints"]

#: The highest humor score of a frustrated complaint: under the threshold (0.67) and under the
#: score from which Listen may suggest matching a statement's light tone (0.5)
EXASPERATION_HUMOR = 0.4
#: (lowest, highest) score per signal for such a post, as ``job_ads.PATTERN_BOUNDS``.
EXASPERATION_BOUNDS: dict[str, tuple[float, float]] = {"humor": (0.0, EXASPERATION_HUMOR)}

_I = re.IGNORECASE
# no pattern here crosses the "\x1e" between the posts of a scanned batch
_AM_I = re.compile(
    r"\bam i (?:trippin[g']?|tweakin[g']?|crazy|going crazy|losing my mind|losing it|"
    r"imagining (?:things|this)|dreaming) or\b([^\x1e]*)",
    _I,
)
# something done to the writer, or left undone, in what follows "or"
_WRONG_DONE = re.compile(
    r"\b(?:just|still|again|keeps?|kept|never|ghost\w*|charg\w*|overcharg\w*|cancel\w*|"
    r"declin\w*|reject\w*|ignor\w*|(?:did|does|do|has|have|is|are|was|were|wo|ca)n[o']?t)\b",
    _I,
)
_HOW_MANY_TIMES = re.compile(
    r"\bhow many (?:more )?times (?:is|are|will|has|have|must|am|do|does) "
    r"[^.?!\n\x1e]{1,50}?\b(?:going to|gonna)\b",
    _I,
)
# sarcasm's cues, which make the complaint a joke after all
_SARCASM_CUE = re.compile(
    r"#sarcas\w*|#not\b|#irony\b|(?<!\w)/s\b|\b(?:love|loving) (?:that|this|it)\b|"
    r"\bthanks a lot\b|\bjust (?:great|perfect|wonderful|lovely)\b|\bwhat a time to be alive\b|"
    r"\bliving the dream\b",
    _I,
)


# words, lower-cased, that every frame holds: only the posts holding one are read
_FRAME_WORDS = merge_for_scan(("am i ", "how many "))


def _is_exasperated(text: str) -> bool:
    am_i = _AM_I.search(text)
    complains = am_i is not None and _WRONG_DONE.search(am_i.group(1)) is not None
    if not complains and _HOW_MANY_TIMES.search(text) is None:
        return False
    return JOKE_CUE.search(text) is None and _SARCASM_CUE.search(text) is None


def find_exasperated_complaints(texts: Sequence[str]) -> npt.NDArray[np.bool_]:
    """For each text, whether it is a frustrated complaint with no cue of a joke (see the
    module docstring)."""
    out = np.zeros(len(texts), dtype=bool)
    for i in posts_matching(texts, _FRAME_WORDS, lower=True):
        out[i] = _is_exasperated(texts[i])
    return out
