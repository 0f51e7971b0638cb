"""Prior knowledge that bounds the post model's scores, applied after it (no retraining).

Wordings, each with the bounds it sets per signal:

* staffing firms' job ads (:mod:`staffpulse.signals.job_ads`) and openings posted as a bare
  listing by an applicant tracking system or a job board (:mod:`staffpulse.signals.job_listings`),
  which the tweets of the training data never showed the model: job_opening and work_topic at
  least 0.9, personality and humor at most 0.1 (``PATTERN_BOUNDS``);
* talk about hiring that offers no job (:mod:`staffpulse.signals.job_ads_talk`): questions to
  peers and pitches to employers, which #hiring tags made the model call ads; a firm asking its
  peers for their view is the voice the audit wants (``HIRING_TALK_BOUNDS``);
* posts that name no work at all (:mod:`staffpulse.signals.job_ads_no_work`): "Rain again at
  the ballpark!" or a blog post's title "at <a firm>" with a link, which the model reads as a job
  bot's few words, "at" and a link (the same cap);
* posts of code whose prose names no job (:mod:`staffpulse.signals.code_posts`): a developer's
  "list.join(', ') at scale <link>" is a few words and a link once its code is set aside, which
  the model reads as a job bot's post (the same cap);
* a person's verdict on someone's work, most often shared with a link (none is required)
  (:mod:`staffpulse.signals.shared_verdicts`: "Great talk from @someone <link>"), which the
  link makes the personality model read as a headline: personality at least 0.5
  (``VERDICT_BOUNDS``), set before the bounds of job ads, which still hold an ad's voice down;
* a post that opens with the writer's feeling about what it shares, or with what they made
  (:mod:`staffpulse.signals.felt_openers`: "So proud of our team <link>", "Wow! <link>", "I
  built a tiny CLI to rename photos <link>"), read as a headline for the same reason: the same
  floor, set at the same time;
* a post an app wrote for its user (:mod:`staffpulse.signals.automated_shares`: "I liked a
  @YouTube video <link>", "I'm at <venue> (<city>, <state>) <link>", "I just ran 5 km with
  Nike+ <link>"), an automated post to the guidelines, which its "I" made the model (and the
  floor above) read as a voice: personality and humor at most 0.1
  (``AUTOMATED_SHARE_BOUNDS``), set after that floor;
* a support agent's reply that asks what went wrong (:mod:`staffpulse.signals.support_replies`:
  "Does the error still appear when you open a private window?"), whose "when you" the humor
  model reads as a joke's: humor at most 0.3 (``SUPPORT_REPLY_BOUNDS``);
* a post naming a step of the writer's job search (:mod:`staffpulse.signals.job_search`: "third
  rejection email this week, the ATS hates me", "sent out 40 job applications"), whose words the work_topic model
  rarely saw in tweets: work_topic at least 0.6 (``JOB_SEARCH_BOUNDS``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from staffpulse.signals.automated_shares import AUTOMATED_SHARE_BOUNDS, find_automated_shares
from staffpulse.signals.code_posts import find_code_talk
from staffpulse.signals.felt_openers import find_felt_openers
from staffpulse.signals.job_ads import PATTERN_BOUNDS, find_staffing_ads
from staffpulse.signals.job_ads_no_work import find_posts_naming_no_work
from staffpulse.signals.job_ads_talk import HIRING_TALK_BOUNDS, find_hiring_talk
from staffpulse.signals.job_listings import find_job_listings
from staffpulse.signals.job_search import JOB_SEARCH_BOUNDS, find_job_search_talk
from staffpulse.signals.shared_verdicts import VERDICT_BOUNDS, find_shared_verdicts
from staffpulse.signals.support_replies import SUPPORT_REPLY_BOUNDS, find_support_replies

__all__ = ["bound_by_patterns"]


def bound_by_patterns(
    scores: npt.NDArray[np.float32], texts: Sequence[str], signals: Sequence[str]
) -> None:
    """Clip ``scores`` (one row per text, one column per signal of ``signals``) in place to
    the bounds of the wordings each text uses."""
    _bound_outside(scores, texts, signals, VERDICT_BOUNDS, _find_voiced)
    _bound_outside(scores, texts, signals, AUTOMATED_SHARE_BOUNDS, find_automated_shares)
    ad_columns = [(j, *PATTERN_BOUNDS[s]) for j, s in enumerate(signals) if s in PATTERN_BOUNDS]
    if ad_columns:
        ads = find_staffing_ads(texts) | find_job_listings(texts)
        if ads.any():
            for j, low, high in ad_columns:
                scores[ads, j] = np.clip(scores[ads, j], low, high)
    _bound_outside(scores, texts, signals, HIRING_TALK_BOUNDS, _find_talk)
    _bound_outside(scores, texts, signals, SUPPORT_REPLY_BOUNDS, find_support_replies)
    _bound_outside(scores, texts, signals, JOB_SEARCH_BOUNDS, find_job_search_talk)


def _find_voiced(texts: Sequence[str]) -> npt.NDArray[np.bool_]:
    return find_shared_verdicts(texts) | find_felt_openers(texts)


def _find_talk(texts: Sequence[str]) -> npt.NDArray[np.bool_]:
    return find_hiring_talk(texts) | find_code_talk(texts) | find_posts_naming_no_work(texts)


def _bound_outside(
    scores: npt.NDArray[np.float32],
    texts: Sequence[str],
    signals: Sequence[str],
    bounds: dict[str, tuple[float, float]],
    find: Callable[[Sequence[str]], npt.NDArray[np.bool_]],
) -> None:
    """Clip to ``bounds`` the scores of the texts that ``find`` marks, reading only the texts
    scored outside them: a scan of the whole batch for these wordings cost half the
    job-opening throughput."""
    columns = [(j, *bounds[s]) for j, s in enumerate(signals) if s in bounds]
    if not columns:
        return
    outside = np.zeros(len(texts), dtype=bool)
    for j, low, high in columns:
        outside |= (scores[:, j] < low) | (scores[:, j] > high)
    rows = np.flatnonzero(outside)
    if rows.size:
        rows = rows[find([texts[i] for i in rows.tolist()])]
        for j, low, high in columns:
            scores[rows, j] = np.clip(scores[rows, j], low, high)
