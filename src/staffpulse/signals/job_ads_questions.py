"""Posts that ask peers for their view on pay or hiring practice: talk, not job ads.

"Should companies post salary ranges in job ads? Recruiters, what do you think? #hiring
#jobs" is no opening (the guidelines' job_opening is 0 for everything that offers no job),
but the job-opening model scores it about 0.8: in the 2015 and 2022 tweets it learned from,
nearly every post with a question mark and a #hiring or #jobs tag is an ad (7 of the 8 dev
posts with both). A staffing firm's engagement posts are written exactly so, and each one read
as an ad would flatter the firm's Mix.

:func:`find_peer_questions` recognises them by their wording: a request for the reader's
opinion ("what do you think?", "thoughts?", "agree or disagree?", "weigh in", "sound off",
"what's your take?", "let us know in the comments", "drop it below", "curious what/how …",
"vote below") in a post that offers nothing to apply for (no "apply", "send your CV/resume",
"DM us", "we're hiring", "join our team", and no staffing-ad pattern of :mod:`job_ads`).
:data:`PEER_QUESTION_BOUNDS` caps such a post's job-opening score below the threshold.

Teaching the model the same thing with templated questions among its training posts was
tried and cost the dev cross-validation (docs/models/job_opening.md): the dev posts hold no
such question, and the templates pulled down the words and tags that real ads share with them.
A wording rule leaves every dev post alone (none asks for opinions) and only reads the posts
that do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from staffpulse.signals.job_ads import find_staffing_ads

__all__ = ["PEER_QUESTION_BOUNDS", "PEER_QUESTION_SCORE", "asks_peers", "find_peer_questions"]

#: The highest job-opening score of a post that asks peers for their view and offers no job.
PEER_QUESTION_SCORE = 0.3
#: (lowest, highest) score per signal for such a post, as ``job_ads.PATTERN_BOUNDS``.
PEER_QUESTION_BOUNDS: dict[str, tuple[float, float]] = {"job_opening": (0.0, PEER_QUESTION_SCORE)}

_I = re.IGNORECASE
_SEP = "\x1e"  # between posts in the batch blob; no phrase below spans it
# a request for the reader's opinion or experience; an ad asks for applicants, not views
_ASKS_OPINION = re.compile(
    r"\bwhat do (?:you|you all|y[\'’]?all|you guys|others|people|folks) think\b"
    r"|\blet (?:us|me) know what you think\b"
    r"|\bwhat (?:are|r) your thoughts\b"
    r"|\bwhat(?:[\'’]s| is) everyone(?:[\'’]s)? (?:view|take|opinion|experience)\b"
    r"|\blet[\'’]?s discuss\b|\bhonest question\b|\bquick poll\b"
    r"|\b(?:tell us|reply|answer) (?:below|in the replies)\b"
    r"|\b(?:your |any )?thoughts[ \t]*\?"
    r"|\bagree or disagree\b"
    r"|\bweigh in\b"
    r"|\bsound off\b"
    r"|\b(?:what[\'’]?s|what is) your take\b"
    r"|\blet (?:us|me) know in the comments\b"
    r"|\bin the comments[ \t]*(?:below)?[ \t]*[!.?]"
    r"|\bdrop (?:it|them|yours|your \w+) (?:below|in the comments)\b"
    r"|\bcurious (?:what|how|where|whether|if) (?:you|y[\'’]?all|others|people|other)\b"
    r"|\bcurious where you stand\b"
    r"|\b(?:vote|poll) (?:below|in the replies)\b"
    r"|\bshare your (?:thoughts|tips|experiences?|views?|opinions?)\b"
    r"|\bhow do (?:you|y[\'’]?all) (?:handle|deal with|feel about)\b",
    _I,
)
# anything a job ad uses to be answered: with one of these the post may be an ad after all
_OFFERS_WORK = re.compile(
    r"\bapply\b|\bapplications? (?:are )?(?:open|welcome)\b"
    r"|\b(?:send|email|submit) (?:us |me )?(?:your |a )?(?:resume|r\u00e9sum\u00e9|cv)s?\b"
    r"|\b(?:dm|message|inbox) (?:us|me)\b"
    r"|\b(?:we[\'’]re|we are|now|is|are) #?hiring\b|#nowhiring\b|#wearehiring\b"
    r"|\bjoin (?:our|the) (?:\w+ )?team\b"
    r"|\b(?:open|opening for|openings for|looking for) an? \w+ (?:in|at|for)\b",
    _I,
)


def asks_peers(text: str) -> bool:
    """Whether ``text`` asks the reader's view and offers nothing to apply for."""
    return bool(find_peer_questions([text])[0])


def find_peer_questions(texts: Sequence[str]) -> npt.NDArray[np.bool_]:
    """For each text, whether it asks peers for their view and is no job ad (see the module
    docstring); a post the staffing-ad patterns call an ad never is."""
    out = np.zeros(len(texts), dtype=bool)
    if not texts:
        return out
    # one scan of the whole batch: few posts ask for views, and only those are read again
    blob = _SEP.join(texts)
    lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    found = np.fromiter((m.start() for m in _ASKS_OPINION.finditer(blob)), dtype=np.int64)
    asking = np.unique(np.searchsorted(starts, found, side="right") - 1).tolist()
    talk = [i for i in asking if _OFFERS_WORK.search(texts[i]) is None]
    if talk:
        ads = find_staffing_ads([texts[i] for i in talk]).tolist()
        out[[i for i, ad in zip(talk, ads, strict=True) if not ad]] = True
    return out
