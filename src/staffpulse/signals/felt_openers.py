"""A post that opens with the writer's own feeling about what it shares, or with what they
made: a human voice the model misses when a link stands beside it.

"So proud of our team <link>", "Really thrilled about this <link>", "Humbled by the kind
words <link>", "Wow! <link>": the writer drops the "I" and says how they feel about the
linked thing. The guidelines count emotion as a human voice, and every labelled post that
opens this way is labelled one, but the personality model scores those with a link 0.04-0.26:
the link is its strongest broadcast cue, and the word of feeling beside it weighs less (with
"I'm so proud of ..." spelled out, the pronoun carries it over the threshold).

:func:`find_felt_openers` marks a post that *opens* with

* a word of feeling, after at most a few intensifiers ("so", "really", "very" ...), and what
  it is felt about: "proud of", "thrilled about", "grateful for", "humbled by", "excited to
  see" ... An announcement's "Proud to announce", "Excited to share", "Honored to be named"
  is press-release tone and is not one: only "to see", "hear", "read", "watch" follow "to";
* or a cry ("Wow", "Whoa", "OMG", "Oh my god") standing alone: followed by "!", ".", ",",
  "?", a line break or the end of the post.
* or what the writer made, in their own words: "I built a tiny CLI to rename photos
  <link>", "I finally made a memory game for my niece <link>", "I've written a guide to …"
  (personal experience, which the guidelines count as a voice; the model scored developers'
  such posts 0.01-0.11 beside their link).

A post that sells ("sale", "shop", "discount", "giveaway", "win", "order", "% off" ...), asks
people to apply or join, names a launch or an offer ("our new product", "new spring
collection", "tickets", "book a demo"), names any work but the team and the verb ("Proud of our
nurses! Now recruiting RNs", "Wow! $25/hr for warehouse work"; "our team", "it works" do not
count), or stacks three hashtags is promotion or a job ad whatever it opens with, and is left
to the model. ``pattern_bounds`` raises the personality score of a marked
post to the same floor as a verdict on someone's work (``shared_verdicts.VERDICT_SCORE``),
before the job-ad bounds, which still hold an ad's voice down.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from staffpulse.signals.batch_scan import SEP, posts_matching
from staffpulse.signals.job_ads_no_work import names_work
from staffpulse.signals.sales_calls import calls_to_buy_or_apply

__all__ = ["find_felt_openers"]

_INTENSIFIER = (
    r"(?:so+|really|very|super|incredibly|honestly|truly|just|absolutely|beyond|immensely|"
    r"deeply|hugely|genuinely|feeling)"
)
_FEELING = (
    r"(?:proud|thrilled|grateful|thankful|humbled|hono(?:u)?red|delighted|excited|stoked|"
    r"amazed|moved|touched|blown away|overjoyed|ecstatic|chuffed|psyched|impressed)"
)
_FELT_ABOUT = r"(?:of|about|by|for|with|at|that|to (?:see|hear|read|watch))"
_CRY = r"(?:wo+w+|who+a+|wo+a+h+|omg|oh my (?:god|gosh)|holy (?:cow|moly|smokes))"
# A brand's launch or offer: what it has out, new or on ("Excited about our new product
# launch", "Wow! New spring collection", "Book a demo"), press-release or ad copy whatever the
# feeling it opens with
_LAUNCHES = re.compile(
    r"\b(?:launch(?:es|ed|ing)?|releases?|released|out now|now (?:available|live|on sale)|"
    r"available now|just (?:landed|dropped|arrived)|pre-?orders?|tickets?|"
    r"book (?:a|your|now)|download|demo|webinar|free (?:shipping|trial|report|guide|e-?book)|"
    r"in stores?|(?<!'s )new (?:[\w-]+ ){0,2}(?:collection|range|line|flavou?rs?|arrivals|menu|"
    r"season|features?|products?|website|site|app|program|programme|podcast|episode)|"
    r"our (?:[\w-]+ ){0,2}(?:products?|website|site|app|features?|reports?|collection|range|"
    r"drop|partnership|campaign|platform|program|programme|podcast|episode|services?|tools?))\b",
    re.IGNORECASE,
)
# A link's words are no launch: "Super excited to see where this goes <link/launch>"
_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# Words of work that offer no job: the verb ("it works", "research works") and the people one
# is proud of ("our team", "the crew"). Any other word of work (a role, pay, hiring, openings,
# shifts) makes an opener of feeling a job ad's hook ("Proud of our nurses! Now recruiting RNs")
_NO_JOB = re.compile(
    r"\b(?:work(?:s|ed|ing)?(?!\s+(?:with|for)\s+us\b)|teams?|crew|staff|colleagues|"
    r"co-?workers)\b",
    re.IGNORECASE,
)
_HASHTAG = re.compile(r"#\w")
# what the writer made, in their own words ("I built a tiny CLI to rename photos <link>",
# "I finally made a memory game for my niece <link>"): personal experience, which the link
# made the model read as a headline (0.01-0.11)
_MADE = (
    r"i(?:['\u2019]ve| have)? (?:just |finally |recently |also )?(?:built|made|wrote|created|coded|"
    r"designed|drew|drawn|written|painted|knitted|baked|composed|recorded|animated|sketched)\b"
)
# What a post opens with: a feeling and what it is felt about, or a cry standing alone
_OPENERS = (
    rf"(?:{_INTENSIFIER}\s+){{0,3}}{_FEELING}\s+{_FELT_ABOUT}\b",
    rf"{_CRY}(?=[!.,?\n]|[ \t]*(?:$|{SEP}))",
    _MADE,
)
# Opens the post (after the batch separator): the engine skips ahead to each separator, and
# the few posts that open this way are then read whole for a seller's words
_FELT = re.compile(rf"{SEP}[ \t]*(?:{'|'.join(_OPENERS)})", re.IGNORECASE)


def find_felt_openers(texts: Sequence[str]) -> npt.NDArray[np.bool_]:
    """For each text, whether it opens with the writer's feeling about what it shares."""
    out = np.zeros(len(texts), dtype=bool)
    for i in posts_matching(texts, (_FELT,)):
        text = texts[i]
        out[i] = not (
            calls_to_buy_or_apply(text)
            or _LAUNCHES.search(_LINK.sub(" ", text))
            or len(_HASHTAG.findall(text)) >= 3
            or names_work(_NO_JOB.sub(" ", text))
        )
    return out
