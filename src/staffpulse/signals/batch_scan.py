"""One regex pass over a whole batch of posts, to find the few a wording rule must read.

The job-ad rules (:mod:`staffpulse.signals.job_ads`, :mod:`staffpulse.signals.job_ads_talk`,
:mod:`staffpulse.signals.job_listings`) each need only the posts that hold some cue. Running a
pattern once over the texts joined by :data:`SEP` is far cheaper than once per post; each match
is then credited to the post its last character falls in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np

__all__ = ["SEP", "posts_matching"]

#: Between posts in the batch blob, and before the first: a pattern may anchor on it to match
#: at the start of a post. No pattern may match across it.
SEP = "\x1e"


def posts_matching(
    texts: Sequence[str], patterns: Iterable[re.Pattern[str]], *, lower: bool = False
) -> list[int]:
    """The indices, ascending and each once, of the texts in which any of ``patterns``
    matches; with ``lower``, the patterns read the texts lower-cased."""
    if not texts:
        return []
    blob = SEP + SEP.join(texts)
    if lower:
        lowered = blob.lower()
        if len(lowered) != len(blob):
            # "İ" (a Turkish capital I) lowers to two characters: the lowered texts are measured
            # so that every match after it is still credited to its own post
            texts = [t.lower() for t in texts]
            blob = SEP + SEP.join(texts)
        else:
            blob = lowered
    lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
    starts = np.cumsum(lengths) - lengths + 1  # where each text begins in the blob
    # a match may start on the separator before its post, never end past its post
    ends = np.fromiter((m.end() - 1 for p in patterns for m in p.finditer(blob)), dtype=np.int64)
    found: list[int] = np.unique(np.searchsorted(starts, ends, side="right") - 1).tolist()
    return found
