"""Accounts connect leaves out for what they post, told apart so a user can bring back the
ones worth watching:

* an **automated job feed** (``job-ad bot``): a job board, or an account whose name or bio says
  it is automated, a feed or not monitored, posting mostly job ads. No one reads a reply there;
  ``--include-job-ads`` (or ``--role "job board"``) shows it;
* an account **posting mostly job ads** that says no such thing: most often a staffing firm run
  by people, a competitor a firm watches (QA s36: two of the demo's three "job-ad bots" were
  firms). Any ``--role`` given (``staffing firm``, ``any``) shows it, and so does
  ``--include-job-ads``;
* a **broadcast-only** account: from enough posts to judge, little personal voice and hardly a
  reply, the faceless corporate feed the README promises to leave out with the brands
  (``--role any`` or any other ``--role`` shows it). It read as a score-50 top pick for a
  recruiter alone in the list.

Those left out for these reasons are named (:data:`~staffpulse.connect.reasons.NAMED`), in the
terminal and ``--json``, and so are those left out for a role other than the ``--role`` asked
for: a firm the model read as another role (QA s36: a temp agency read as "outside the trade"
went unnamed under ``--role "staffing firm"``) can be found and brought back with ``--role
any``; so are those left out as outside hiring (role other) by default, where a people-run firm
read as ``other`` that only broadcasts went unnamed. Every other account left out is named too
(a contact, an inactive account, a weak link), but those already followed and an anonymized
dataset's stand-ins.
"""

from __future__ import annotations

import re

from staffpulse.connect.citizen import Citizen, judges_voice
from staffpulse.connect.explain import LOW_CONVERSATION, LOW_VOICE
from staffpulse.connect.reasons import BROADCAST as BROADCAST
from staffpulse.connect.reasons import CROSSES_LINE as CROSSES_LINE
from staffpulse.connect.reasons import JOB_FEED as JOB_FEED
from staffpulse.connect.reasons import MOSTLY_ADS as MOSTLY_ADS
from staffpulse.connect.reasons import OTHER_ROLE, UNKNOWN_ROLE
from staffpulse.models import Account
from staffpulse.next_steps import ROLE_ANY

# how the terminal says what brings each back. A contact's, an unseen or inactive account's
# option is said apart (left_out.LIFTED_BY), with a caution: it lifts only that filter and may
# leave the account to the next (a contact posting mostly job ads)
SHOWN_WITH = {
    JOB_FEED: '--include-job-ads (or --role "job board")',
    MOSTLY_ADS: "--include-job-ads or any --role",
    BROADCAST: ROLE_ANY.say(),
    CROSSES_LINE: ROLE_ANY.say(),
    OTHER_ROLE: ROLE_ANY.say(),
    UNKNOWN_ROLE: ROLE_ANY.say(),
}

# A name or bio that says no person posts or reads: "Automated feed of job postings",
# "Not monitored", "job board", "jobs bot", "auto-posted"
_FEED_WORDS = re.compile(
    r"\b(?:automated|automatic(?:ally)?|auto[- ]?post(?:s|ed|ing)?|not monitored|unmonitored"
    r"|(?:jobs?|career|hiring) (?:feed|board|bot|alerts?)s?|bot|rss|aggregat(?:or|ed|es))\b",
    re.IGNORECASE,
)


# Words just before that deny it or make it the firm's own tool: "not a bot", "no bots", "our
# job board", "we automated payroll" are said by people-run firms, which any --role must show
_DENIED_OR_OWNED = re.compile(r"\b(?:not|no|never|our|my|we)\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)
_UNREAD = frozenset({"not monitored", "unmonitored"})


def says_automated(account: Account) -> bool:
    """Whether the account's display name or bio says it is a feed, a bot or unmonitored."""
    text = f"{account.display_name}\n{account.bio}"
    return any(
        found.group(0).lower() in _UNREAD or not _DENIED_OR_OWNED.search(text[: found.start()])
        for found in _FEED_WORDS.finditer(text)
    )


def posts_mostly_ads(cit: Citizen, share: float, min_posts: int) -> bool:
    """At least ``share`` of its recent own posts are job ads, from ``min_posts`` posts."""
    return cit.job_share is not None and cit.posts >= min_posts and cit.job_share >= share


def ad_reason(account: Account, role: str | None, mostly_ads: bool) -> str | None:
    """:data:`JOB_FEED` for a job board or an account that says it is automated and posts
    mostly ads, :data:`MOSTLY_ADS` for another that posts mostly ads, else None."""
    if role == "job_board" or (mostly_ads and says_automated(account)):
        return JOB_FEED
    return MOSTLY_ADS if mostly_ads else None


def broadcasts_only(cit: Citizen, min_posts: int) -> bool:
    """From enough own posts to judge (``min_posts``), little personal voice (under
    :data:`LOW_VOICE` %) and hardly a reply (under :data:`LOW_CONVERSATION` %)."""
    if cit.voice is None or cit.conversation is None or not cit.judged:
        return False
    if not judges_voice(cit.judged, min_posts):
        return False
    return cit.voice < LOW_VOICE and cit.conversation < LOW_CONVERSATION
