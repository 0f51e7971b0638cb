"""A person's verdict on someone's work, most often shared with a link: a human voice the model
misses.

"Great talk from @someone <link>", "Nice write-up by @someone on the new API <link>",
"Fascinating piece on bridge design <link>", "Really good keynote on state machines
<link>": the writer says what they think of a talk, a post or a paper and links it.
The guidelines count an opinion as a human voice, but the personality model scores these
0.003-0.2: the link is its strongest broadcast cue, and the two words of judgement beside it
weigh less. A developer's or researcher's archive is full of them, so Voice read such a person
as a feed of headlines.

:func:`find_shared_verdicts` marks a post that *opens* with that verdict: a word of judgement
("great", "nice", "fascinating" ...), a piece of work ("talk", "post", "article", "list" ...)
and then whose or what it is ("by", "from", "about", "of", "on" ...); "work" and "job" only
with whose ("Brilliant work by @a and @b"), as "Great job at <a firm>" may be an ad. A brand's
"Great read from our team" praises itself and is left to the model, and so is a brand's praise
of its own work under its own name, "Nice video from Acme Staffing about our new office": the
post goes on to name a part of the writer's firm ("our office", "our CEO", "our platform
lead"; "our" alone, "in our lives", is no such part). So is a job ad or a sale written as a
verdict, "Nice write up by the Gazette on our warehouse jobs, starting $20/hr <link>"
(:func:`~staffpulse.signals.sales_calls.calls_to_buy_or_apply`). So is everything else: a
verdict later in the post, or one with no piece of work named ("So slick <link>"), was tried
at stop 36 and changed labelled broadcasts (docs/models/personality.md).
``pattern_bounds`` raises the personality score of a marked post to
:data:`VERDICT_SCORE` before the job-ad bounds, which still hold a job ad's voice down.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from staffpulse.signals.batch_scan import posts_matching
from staffpulse.signals.sales_calls import calls_to_buy_or_apply

__all__ = ["VERDICT_BOUNDS", "VERDICT_SCORE", "find_shared_verdicts"]

#: The lowest personality score of a post that opens with a verdict on someone's work: above
#: the threshold (0.29), so Voice counts it as a person talking.
VERDICT_SCORE = 0.5
#: (lowest, highest) score per signal for such a post, as ``job_ads.PATTERN_BOUNDS``.
VERDICT_BOUNDS: dict[str, tuple[float, float]] = {"personality": (VERDICT_SCORE, 1.0)}

_JUDGEMENT = (
    "great|nice|good|awesome|amazing|brilliant|fantastic|excellent|superb|lovely|cool|"
    "interesting|fascinating|insightful|wonderful|neat"
)
_PIECE = (
    "post|piece|read|talk|thread|article|paper|write[- ]?up|coverage|summary|recap|overview|"
    "keynote|presentation|slides|session|demo|video|podcast|episode|interview|study|analysis|"
    "blog ?post|tutorial|story|list"
)
_ABOUT = "by|from|about|of|on|in|at|with|here|today"
# A part of the writer's own firm: "our new office", "our CEO", "our platform lead". "Our"
# alone is not one ("the place of music in our lives")
_OWN_PART = re.compile(
    r"\bour\s+(?:new\s+|own\s+|latest\s+)?(?:[\w-]+\s+)?(?:team|office|offices|ceo|founder|"
    r"staff|people|employees|colleagues|recruiters|clients|customers|candidates|agency|firm|"
    r"company|brand|product|products|platform|app|store|shop|blog|newsletter|podcast|webinar|"
    r"event|booth|lead|head|director|manager|partners?|services|work|culture)\b",
    re.IGNORECASE,
)
# Opens the post (after the batch separator); a brand's own work ("from our team") is not it
_VERDICT = re.compile(
    rf"\x1e[ \t]*(?i:(?:a |really |very |such an? |so )?(?:{_JUDGEMENT})\s+"
    rf"(?:(?:{_PIECE})s?\s+(?:{_ABOUT})|(?:work|job)\s+(?:by|from))\b(?!\s+(?:our|us|me)\b))"
)


def find_shared_verdicts(texts: Sequence[str]) -> npt.NDArray[np.bool_]:
    """For each text, whether it opens with a verdict on a piece of someone's work."""
    out = np.zeros(len(texts), dtype=bool)
    # a brand praising its own work under its own name ("Nice video from Acme Staffing about
    # our new office") names a part of its firm later on: the few verdicts are read whole
    for i in posts_matching(texts, (_VERDICT,)):
        out[i] = _OWN_PART.search(texts[i]) is None and not calls_to_buy_or_apply(texts[i])
    return out
