"""When a post is answered in its own light tone: one verdict for the angle that says "match
the light tone" (:mod:`staffpulse.listen.angles`) and for the cautions that must not say the
opposite beside it (:mod:`staffpulse.listen.rank_reasons`: "worn down" is not said of "ready
to give up on this spreadsheet lol").
"""

from __future__ import annotations

from staffpulse.listen.own_story import OPINION_RE
from staffpulse.listen.tone import Tone
from staffpulse.listen.work_terms import URL_RE

HUMOROUS = 0.5  # p(humor) from which a statement may get a light-tone angle
HUMOROUS_QUESTION = 0.9  # and a question


def matches_light_tone(text: str, tone: Tone, humor: float, question: bool) -> bool:
    """The post reads light (``tone``) and funny to the humor signal, and takes no stand.

    Humor is a hint (the model's F1 is 0.46): a question must look very funny to be joked on,
    and a stand taken ("Hot take: 'culture fit' is 'people like me'") is weighed in on."""
    funny = humor >= (HUMOROUS_QUESTION if question else HUMOROUS)
    return tone.light and funny and OPINION_RE.search(URL_RE.sub(" ", text)) is None
