"""Why a post the personality model calls flat holds the voice back, in words that fit it.

A post that shares a link under a bare headline lacks a line of the account's own: "it shares a
link without a line only a person would write". A post of full written sentences that happens
to end in a link (an image, a page) has lines of its own; what it lacks is a person speaking:
a course's recap of two sentences and an image link was told it "shares a link without a line"
(QA s40). A job ad's link is where to apply, not something shared: "it shares a link" under
"Apply: <link>" misread the ad.
"""

from __future__ import annotations

import re

from staffpulse.audit.examples import NO_HUMAN_VOICE
from staffpulse.listen.work_terms import URL_RE

# why a flat post sharing a link holds the voice back: a job-seeker tip under a bare headline
# read "Holding you back ... (no human voice)" as if the tip were the fault, not its wording
LINK_SHARED_FLAT = "no human voice: it shares a link without a line only a person would write"
# a flat post of written sentences, a link beside them or not a share
REPORT_FLAT = "no human voice: written as a report, not as a person speaking"

# the sentences a post writes besides its link: two of them, or this many words, are lines
# of its own, not a headline
_REPORT_WORDS = 20
_SENTENCE_WORDS = 6  # fewer are a headline's fragment ("Read more.", "Found a rare card!")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_LEADING_NAMES = re.compile(r"^(?:\s*@\w+)+")


def writes_sentences(text: str) -> bool:
    """Whether ``text``, its links and the @names it opens with aside, is written in full
    sentences: two of at least :data:`_SENTENCE_WORDS` words, or :data:`_REPORT_WORDS` words."""
    body = _LEADING_NAMES.sub("", URL_RE.sub(" ", text)).strip()
    if len(_WORD.findall(body)) >= _REPORT_WORDS:
        return True
    sentences = [part for part in _SENTENCE_END.split(body) if part.rstrip()[-1:] in ".!?"]
    return sum(len(_WORD.findall(part)) >= _SENTENCE_WORDS for part in sentences) >= 2


def flat_why(text: str, job_ad: bool = False) -> str:
    """Why a flat post holds the voice back: :data:`LINK_SHARED_FLAT` of a post that shares a
    link under a headline (what it shares may be worth sharing; what it lacks is a line of the
    account's own), :data:`REPORT_FLAT` of one written in sentences beside its link, else "no
    human voice"."""
    if not URL_RE.search(text) or job_ad:
        return NO_HUMAN_VOICE
    return REPORT_FLAT if writes_sentences(text) else LINK_SHARED_FLAT
