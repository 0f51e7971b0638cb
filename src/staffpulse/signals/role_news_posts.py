"""An account whose posts are mostly headlines with links is a news outlet, whatever its bio.

The news-bio rule (:mod:`staffpulse.signals.role_news_bio`) reads what a bio says the account
is. A news site's bio may say nothing of news ("The official Twitter of example.com"), and the
heads, reading "official" and a web address, tag it employer; Connect then keeps it as an
organization outside the trade that might hire. What it posts tells: a run of headlines, each
with a link and none speaking as a person or a brand ("Council approves new bridge budget
https://…"), not "We're open late this Friday! https://…" nor "5 ways to get your CV read
https://…" (a brand talks to "you" of its own work).

So an account tagged employer with at least :data:`FEWEST_HEADLINES` posts, of which at least
:data:`HEADLINE_SHARE` read as headlines with a link (job ads are no headlines: a job feed is
the job-bot rule's), has its employer score moved to other, as a news bio's is, unless its bio
says it hires (:func:`bio_says_it_hires`: "We are hiring nurses", "careers at …", "join our
team"): a hospital that posts its press headlines still hires, and Connect must keep it.
Accounts known
by one post (the dev and CrowdFlower files hold one tweet each) are never read: one shared
link is no habit. Prior knowledge after the heads: nothing is retrained.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from staffpulse.models import ROLES
from staffpulse.signals.job_ads import looks_like_job_ad
from staffpulse.signals.role_cues import CUES
from staffpulse.signals.role_features import sample_posts
from staffpulse.signals.role_inputs import TextInput
from staffpulse.signals.role_score_moves import move_role_scores, rows_tagged
from staffpulse.signals.role_text import to_ascii

__all__ = ["bio_says_it_hires", "drop_employer_role_of_headline_feeds", "posts_mostly_headlines"]

# From this many headlines, and this share of the posts, the account publishes news
FEWEST_HEADLINES = 3
HEADLINE_SHARE = 2 / 3
_EMPLOYER, _OTHER = ROLES.index("employer"), ROLES.index("other")

# the employer cue the heads read in a bio ("careers at", "join our team", "we're hiring"),
# and hiring said in full words, which that cue misses ("We are hiring nurses", "is hiring")
_CAREERS_CUE = next(pattern for name, _, pattern in CUES if name == "bio_careers_page")
_HIRES = re.compile(
    _CAREERS_CUE + r"|\b(?:are|is|always|currently)\s+hiring\b|\bwe\s+hire\b",
    re.IGNORECASE,
)

_LINK = re.compile(r"https?://\S+|\bt\.co/\S+|\bwww\.\S+", re.IGNORECASE)
_RETWEET = re.compile(r"^\s*RT\s+@\w+:?\s*", re.IGNORECASE)
# a person or a brand speaking, asking or calling out: no headline
_SPEAKS = re.compile(
    r"\b(?:i|i'm|i've|i'll|me|my|we|we're|we've|we'll|us|our|ours|you|you're|your|yours)\b"
    r"|[!?]",
    re.IGNORECASE,
)
# a headline is a clause, not a word or two beside a link, nor a paragraph
_FEWEST_WORDS, _MOST_WORDS = 4, 25


def reads_as_a_headline(post: str) -> bool:
    """Whether the post is a headline with a link: a link, 4 to 25 words beside it, no one
    speaking ("we", "you", "!"), not a reply, not a job ad."""
    text = _RETWEET.sub("", to_ascii(post))
    if text.startswith("@") or _LINK.search(text) is None:
        return False
    rest = _LINK.sub(" ", text)
    words = len(rest.split())
    if not _FEWEST_WORDS <= words <= _MOST_WORDS or _SPEAKS.search(rest) is not None:
        return False
    return not looks_like_job_ad(text)


def bio_says_it_hires(bio: str | None) -> bool:
    """Whether the bio says the account hires: the careers cue of the employer role or hiring
    in full words ("We are hiring nurses, techs and support staff")."""
    return bool(bio) and _HIRES.search(to_ascii(bio or "")) is not None


def posts_mostly_headlines(posts: TextInput) -> bool:
    """Whether at least :data:`FEWEST_HEADLINES` of the posts, and :data:`HEADLINE_SHARE` of
    them, are headlines with links (:func:`reads_as_a_headline`)."""
    text, count = sample_posts(posts)
    if count < FEWEST_HEADLINES:
        return False
    headlines = sum(reads_as_a_headline(line) for line in text.split("\n") if line)
    return headlines >= FEWEST_HEADLINES and headlines >= HEADLINE_SHARE * count


def drop_employer_role_of_headline_feeds(
    bios: Sequence[str | None], posts: Sequence[TextInput], scores: np.ndarray
) -> np.ndarray:
    """Role scores ``[n, len(ROLES)]`` in which an account tagged employer whose posts are
    mostly headlines with links, and whose bio does not say it hires, has its employer score
    moved to other. Only the accounts tagged employer are read; ``scores`` is not changed."""
    rows = [
        i
        for i in rows_tagged(scores, [_EMPLOYER])
        if not bio_says_it_hires(bios[i]) and posts_mostly_headlines(posts[i])
    ]
    return move_role_scores(scores, rows, [_EMPLOYER], _OTHER)
