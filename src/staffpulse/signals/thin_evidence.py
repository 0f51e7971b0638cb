"""Scores that rest on too few words, pulled back toward "no evidence".

A linear model over a post's words gives a one-word post that word's whole weight: "ok" read
as a joke (humor 0.89), "Okey-dokey! https://…" as a job ad (0.57, from the link alone). A post
of fewer known words than a signal needs (vocabulary words, not cue tokens such as a link, a
mention, an emoji or ``!``) keeps only that share of its evidence: its logit is pulled toward
the model's intercept, the score of a post with no evidence, which is below the threshold.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["HUMOR_MIN_WORDS", "JOB_MIN_WORDS", "discount_thin_evidence"]

#: Known words a post needs for its humor score to count in full. With one known word, that
#: word's weight is the whole score ("ok" 0.89, "hello" 0.81 before this): a post of fewer
#: words gets its evidence scaled down, toward what the model says of a post with no evidence
#: (its intercept, below the threshold). Laughter ("lol", 😂) is evidence of its own.
HUMOR_MIN_WORDS = 3
#: Known words a post needs for its job-opening score to count in full. The model learned
#: that job-board bots post links, so a post of a link and no known word ("Okey-dokey!
#: https://…", "? https://…", a quote tweet) scored as an ad (0.57-0.59); with none it now
#: gets the model's no-evidence score (0.05), with one word half its evidence ("#jobs
#: https://…" 1.00 -> 0.78). Every dev post has more, so the cross-validation is unchanged.
JOB_MIN_WORDS = 2


def discount_thin_evidence(
    logits: npt.NDArray[np.float64],
    intercept: float,
    words: npt.NDArray[np.int64],
    exempt: npt.NDArray[np.bool_],
    min_words: int = HUMOR_MIN_WORDS,
) -> npt.NDArray[np.float64]:
    """Logits of posts with fewer than ``min_words`` known words and not ``exempt`` (humor:
    laughter is evidence of its own) pulled toward ``intercept`` in proportion (with
    ``min_words`` 3, two words keep two thirds)."""
    weight = np.where(exempt, 1.0, np.minimum(1.0, words / min_words))
    discounted: npt.NDArray[np.float64] = intercept + weight * (logits - intercept)
    return discounted
