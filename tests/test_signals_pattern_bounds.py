"""The bounds wordings set on the post model's scores, after it: a staffing ad is a job
opening about work with no voice, a question to peers about hiring is no job opening, and any
other post keeps the model's scores."""

from __future__ import annotations

import numpy as np

from staffpulse.signals.pattern_bounds import bound_by_patterns

SIGNALS = ["job_opening", "work_topic", "personality", "humor"]
AD = "Now hiring CNAs in Fresno, nights, $22/hr. Apply: https://jobs.example/cna"
PEER = "Recruiters: do postings with a pay range get more applicants? #hiring #jobs"
PLAIN = "Great panel on retention today, thanks all"


def test_each_wording_sets_its_own_bounds_and_other_posts_keep_their_scores() -> None:
    scores = np.array(
        [
            [0.40, 0.50, 0.60, 0.30],  # the ad, as the model read it
            [0.95, 0.90, 0.20, 0.05],  # the peer question, taken for an ad
            [0.95, 0.90, 0.60, 0.30],  # a post about work the model also scored high
        ],
        dtype=np.float32,
    )
    bound_by_patterns(scores, [AD, PEER, PLAIN], SIGNALS)
    ad, peer, plain = scores
    np.testing.assert_allclose(ad, [0.9, 0.9, 0.1, 0.1], atol=1e-6)
    np.testing.assert_allclose(peer, [0.3, 0.9, 0.2, 0.05], atol=1e-6)  # only its job opening
    np.testing.assert_allclose(plain, [0.95, 0.9, 0.6, 0.3], atol=1e-6)


def test_a_model_without_the_bounded_signals_is_left_as_it_is() -> None:
    scores = np.array([[0.2], [0.7]], dtype=np.float32)
    bound_by_patterns(scores, [AD, PEER], ["toxicity"])
    np.testing.assert_allclose(scores, [[0.2], [0.7]], atol=1e-6)
