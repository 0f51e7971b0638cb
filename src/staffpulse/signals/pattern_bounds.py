"""Prior knowledge that bounds the post model's scores, applied after it (no retraining).

Two sets of wordings, each with the bounds it sets per signal:

* staffing firms' job ads (:mod:`staffpulse.signals.job_ads`) and openings posted as a bare
  listing by an applicant tracking system or a job board (:mod:`staffpulse.signals.job_listings`),
  which the tweets of the training data never showed the model: job_opening and work_topic at
  least 0.9, personality and humor at most 0.1 (``PATTERN_BOUNDS``);
* talk about hiring that offers no job (:mod:`staffpulse.signals.job_ads_talk`): questions to
  peers and pitches to employers, which #hiring tags made the model call ads; a firm asking its
  peers for their view is the voice the audit wants (``HIRING_TALK_BOUNDS``);
* posts of code whose prose names no job (:mod:`staffpulse.signals.code_posts`): a developer's
  "list.join(', ') at scale <link>" is a few words and a link once its code is set aside, which
  the model reads as a job bot's post (the same cap).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from staffpulse.signals.code_posts import find_code_talk
from staffpulse.signals.job_ads import PATTERN_BOUNDS, find_staffing_ads
from staffpulse.signals.job_ads_talk import HIRING_TALK_BOUNDS, find_hiring_talk
from staffpulse.signals.job_listings import find_job_listings

__all__ = ["bound_by_patterns"]


def bound_by_patterns(
    scores: npt.NDArray[np.float32], texts: Sequence[str], signals: Sequence[str]
) -> None:
    """Clip ``scores`` (one row per text, one column per signal of ``signals``) in place to
    the bounds of the wordings each text uses."""
    ad_columns = [(j, *PATTERN_BOUNDS[s]) for j, s in enumerate(signals) if s in PATTERN_BOUNDS]
    if ad_columns:
        ads = find_staffing_ads(texts) | find_job_listings(texts)
        if ads.any():
            for j, low, high in ad_columns:
                scores[ads, j] = np.clip(scores[ads, j], low, high)
    talk_columns = [
        (j, *HIRING_TALK_BOUNDS[s]) for j, s in enumerate(signals) if s in HIRING_TALK_BOUNDS
    ]
    if not talk_columns:
        return
    # only a post scored outside the bounds can change, so only those are read: a scan of the
    # whole batch for these wordings cost half the job-opening throughput
    outside = np.zeros(len(texts), dtype=bool)
    for j, low, high in talk_columns:
        outside |= (scores[:, j] < low) | (scores[:, j] > high)
    rows = np.flatnonzero(outside)
    if rows.size:
        read = [texts[i] for i in rows.tolist()]
        rows = rows[find_hiring_talk(read) | find_code_talk(read)]
        for j, low, high in talk_columns:
            scores[rows, j] = np.clip(scores[rows, j], low, high)
