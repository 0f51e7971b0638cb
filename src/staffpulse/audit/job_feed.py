"""The advice of an automated job feed: an account that says it is one (a bot or a feed that
posts jobs, by :func:`staffpulse.signals.role_job_bot.is_job_bot` on its name and bio).

It is graded as any account is, but its openings are its product and no one writes them by
hand: a feed whose bio reads "Automated feed of job postings ... Not monitored" was told to
"Alternate each job post with a tip", to "Rewrite each one in your own words", to "Spend 10
minutes a day answering recruiters", to share a light moment about "the office dog", and to put
"Rosa at" before its name. Each such piece is said here as a feed can act on it, or left out
when nothing in it fits a feed; the header says why (:func:`job_feed_caution`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from staffpulse.audit.types import Advice, PillarResult, Tentative
from staffpulse.models import Account
from staffpulse.signals.role_job_bot import is_job_bot

_SENTENCE = re.compile(r"^(.*?[.!?])(?:\s|$)")


def is_job_feed(account: Account) -> bool:
    """Whether the account says it is an automated feed of jobs (its name or its bio)."""
    return is_job_bot(account.display_name, account.bio)


def job_feed_caution(account: Account) -> str:
    """The header's word on a job feed's grade and advice."""
    return (
        f"@{account.handle} says it is an automated feed of jobs: it is graded as any account "
        "is, and its advice is what a job feed can do (its openings are its product)."
    )


def _fact(advice: str) -> str:
    """The advice's first sentence: the finding ("All 262 of your original posts are job ads.")."""
    found = _SENTENCE.match(advice)
    return found.group(1) if found else advice


def _about(advice: Advice) -> str:
    """The fact of the advice's headline ("all 262 original posts are job ads")."""
    return (advice.headline or "").partition(": ")[2]


def _for_a_feed(tip: str, headline: str = "", *, fact: bool = True) -> Callable[[Advice], Advice]:
    """Advice as a feed can act on it: the advice's finding (with ``fact``) then ``tip``, under
    ``headline`` with the finding of the advice's own ("Make each ad worth reading: all 14
    original posts are job ads"), or under the advice's own headline."""

    def fit(advice: Advice) -> Advice:
        said = f"{_fact(advice)} {tip}" if fact else tip
        head = f"{headline}: {_about(advice)}".rstrip(": ") if headline else advice.headline
        return Advice(said, head, gain=advice.gain)

    return fit


def _name(advice: Advice) -> Tentative:
    return Tentative(
        "Your display name names the feed, as a feed's should. Say in your bio who runs it and "
        "where to ask about a listing, so people know there is a human behind the ads.",
        "Say who runs the feed",
        gain=advice.gain,
    )


def _drop(_advice: Advice) -> None:
    return None


# by the start of the advice's headline (written beside the advice, in the pillar's module)
_FOR_A_FEED: Mapping[str, Callable[[Advice], Advice | None]] = {
    "Post fewer job ads": _for_a_feed(
        "A job feed's openings are its product: make each one worth reading (the pay, the shift "
        "and one line on the employer), and add one post a week that helps job seekers: a tip, "
        "a question, a look at a local employer.",
        "Make each ad worth reading",
    ),
    "Keep job ads down": _for_a_feed(
        "Your last posts are not mostly job ads: keep it so, with one post a week among the "
        "openings that helps job seekers (a tip, a question, a look at a local employer).",
        fact=False,
    ),
    "Bundle openings": _drop,  # a feed that bundles its openings is no feed
    "Break up runs of job ads": _drop,
    "Stop posting templates": _for_a_feed(
        "Lead each post with what differs (the pay, the shift, the place) and add one line from "
        "the listing about the employer, so no two read alike.",
        "Vary the ad template",
    ),
    "Sound like a person": _for_a_feed(
        "Add one post a week written by a person among the ads: a tip for job seekers, an answer "
        "to a question you were asked, or who runs the feed."
    ),
    "Add some humor": _drop,  # a feed has no office dog
    "Reply to others": _for_a_feed(
        "Job seekers ask about your listings in replies: check them once a day and answer, or "
        "say in your bio where to ask about a listing."
    ),
    "Talk with more people": _drop,  # said of its replies above
    # "check your notifications every morning" to a feed whose bio says no one reads them
    "Answer mentions": _for_a_feed(
        "People who tag a job feed are asking about a listing: answer them once a day, or say "
        "in your bio where to ask about a listing."
    ),
    "Answer replies": _for_a_feed(
        "Replies to a job feed ask about a listing: answer them once a day, or say in your bio "
        "where to ask about a listing."
    ),
    "Share peers' posts": _for_a_feed(
        "Share or quote a useful post for job seekers once or twice a week (a local employer's "
        "news, a tip on applying), with one line on whom it helps.",
        fact=False,
    ),
    "Put a person's name in the display name": _name,
    "Replace the default picture": _for_a_feed(
        "Upload a picture that says who runs the feed: a photo of the person who answers for it "
        "scores best, your logo better than the default."
    ),
}


# the headlines a feed is told as written: they fit a feed as they are. With the table above,
# every headline a feed can get (a test keeps it so: a headline renamed in its pillar's module
# would else reach a feed unfitted, unnoticed)
_FITS_AS_WRITTEN = (
    "Start posting",
    "Add posts of its own",
    "Watch the job ads",
    "Write its own posts",
    "Write more of its own",
    "Vary and sign its replies",
    "Share useful posts",
    "Fill in the bio",
    "Say who posts",
    "Show a person, not a logo",
    "Use a clear photo of a person",
    "Import or fetch the profile",
    "We could not check your picture",
    "Add a surname to the first name",
)


def feed_knows_headline(headline: str) -> bool:
    """Whether the advice under ``headline`` is known to fit a job feed, fitted or as written."""
    return headline.startswith((*_FOR_A_FEED, *_FITS_AS_WRITTEN))


def fit_advice_to_job_feed(pillars: Mapping[str, PillarResult]) -> None:
    """Each pillar's advice as a job feed can act on it (module docstring), in place."""
    for pillar in pillars.values():
        fitted: list[str] = []
        for advice in pillar.recommendations:
            headline = advice.headline if isinstance(advice, Advice) else None
            fit = next(
                (f for start, f in _FOR_A_FEED.items() if (headline or "").startswith(start)),
                None,
            )
            if fit is None or not isinstance(advice, Advice):
                fitted.append(advice)
            elif (said := fit(advice)) is not None:
                fitted.append(said)
        # a pillar whose every piece fits no feed keeps them: better than no advice at all
        pillar.recommendations = fitted or pillar.recommendations
