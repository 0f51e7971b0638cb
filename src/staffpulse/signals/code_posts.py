"""Code in a post: the spans that are not prose, and posts of code that offer no job.

A developer's one-liner that reverses and joins an array, and a post on CSS's sticky position,
scored 0.86 and 0.93 as job ads: "join" and "position" are words of the job model's ``@apply``
group, and the model (trained on tweets that hold no code) had never seen code.
:func:`find_code_talk` marks a post that holds code (:data:`CODE_PATTERNS`) and whose prose says
nothing of a job, and ``pattern_bounds`` caps its job-opening score below the threshold, as for
talk about hiring (``job_ads_talk.HIRING_TALK_BOUNDS``): with the code set aside, what is left
("… at scale <link>") is often a few words and a link, which the model reads as a job bot's
post. (Turning each span into one cue token of the features would also keep code words out of
the other signals; it needs a retraining, not done: docs/models/job_opening.md.)

A job ad that shows code still says so in prose ("We're hiring … apply"), and is left to the
model and the staffing-ad patterns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from staffpulse.signals.batch_scan import posts_matching
from staffpulse.signals.job_ads import find_staffing_ads

__all__ = ["CODE_PATTERNS", "find_code_talk", "strip_code"]

#: Code spans. Each pattern starts with a literal (the regex engine skips ahead to it, so a
#: scan of a whole batch stays cheap) and none crosses the batch separator ``\x1e``.
CODE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"```[^\x1e]*?```"),  # a fenced block
    # an inline span; a backtick inside a word is an apostrophe ("don`t", "it`s")
    re.compile(r"`(?<![\w`]`)[^`\x1e\n]{1,100}`(?![\w`])"),
    re.compile(r"\{\s*[\w-]+\s*:[^{}\x1e]*\}"),  # an object or a CSS rule: {key: value}
    re.compile(r"\.(?<=[\w)\]'\"]\.)[A-Za-z_$][\w$]*\("),  # a method call: names.join(
)

# a job ad says it is one in prose; with any of these the model and the ad patterns judge
_JOB_WORDS = re.compile(
    r"\b(?:apply|applying|applications?|applicants?|hiring|hire|jobs?|careers?|vacanc(?:y|ies)|"
    r"openings?|positions?|roles?|recruit\w*|resumes?|cv|salary|internships?|"
    r"join (?:us|our|the)|work (?:with|for) us|dm (?:us|me)|looking for)\b"
    r"|#\w*(?:job|hiring|career|vacanc)",
    re.IGNORECASE,
)


def strip_code(text: str) -> str:
    """``text`` with its code spans blanked: what is left is the post's prose."""
    for pattern in CODE_PATTERNS:
        text = pattern.sub(" ", text)
    return text


def find_code_talk(texts: Sequence[str]) -> npt.NDArray[np.bool_]:
    """For each text, whether it holds code and its prose names no job, application or
    hiring, and no staffing-ad pattern reads it as an ad."""
    out = np.zeros(len(texts), dtype=bool)
    candidates = posts_matching(texts, CODE_PATTERNS)
    talk = [i for i in candidates if _JOB_WORDS.search(strip_code(texts[i])) is None]
    if talk:
        ads = find_staffing_ads([texts[i] for i in talk]).tolist()
        out[[i for i, ad in zip(talk, ads, strict=True) if not ad]] = True
    return out
