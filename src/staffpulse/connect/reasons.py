"""Why connect leaves a candidate out: each reason's name, and which of them an option shows,
which are named to the user and which no option brings back.

One definition that the walk (:mod:`~staffpulse.connect.candidates`), the accounts left out
for what they post (:mod:`~staffpulse.connect.ad_posters`), the advice
(:mod:`~staffpulse.connect.advice`) and the left-out line all read, so that none of them can
drift into offering an option another leaves out. It imports nothing: each of those modules
imports it without a cycle.
"""

from __future__ import annotations

ALREADY_FOLLOWED = "already followed"
CONTACTS = "already talking with"
UNSEEN = "never seen"
INACTIVE = "inactive"
OTHER_ROLE = "other role"
# under a --role, an account the role model had next to nothing to read of (no post, hardly a
# bio: signals.role_thin), or known only by an id: not "of another role", its role is unknown
UNKNOWN_ROLE = "role unknown"
# role ``other`` (brands, public figures: outside the hiring world), left out unless --role any
OUTSIDE_HIRING = "other"
# an anonymized dataset's stand-in for a person (``twcs:105855``): no handle, cannot be followed
ANONYMIZED = "anonymized (no handle)"
# reached by the walk from the circle no more than by chance (below the uniform teleport level)
WEAK = "weak link"
# the same for someone the account itself engages: their conversations are few or long ago
STALE = "stale contact"
# what a candidate posts (connect.ad_posters): named with what shows them, not advised
JOB_FEED = "job-ad bot"  # the reason's old name: ``job_ad_bot`` in --json stays put
MOSTLY_ADS = "mostly job ads"
BROADCAST = "broadcast only"
# often hostile, NSFW or party politics (explain.caution): a recruiter who calls voters vermin
# is no one a firm should be seen following (QA s40); --role any shows it, ranked last
CROSSES_LINE = "crosses a line"

# Left out for their role (under a --role, or outside hiring): --role any brings each back
FOR_THEIR_ROLE = frozenset({OTHER_ROLE, UNKNOWN_ROLE, OUTSIDE_HIRING})
# Left out for what they post: each is named with the option that shows it, never advised
FOR_WHAT_THEY_POST = frozenset({JOB_FEED, MOSTLY_ADS, CROSSES_LINE, BROADCAST})
# No option of the advice brings these back (the ads are shown by options the left-out line
# names instead), the one that tells a user most about an account held back by several first:
# they already follow it, it cannot be followed, then what it is (a job-ad bot before an
# account posting mostly ads, before one that only broadcasts: a bot broadcasts too), then how
# it is linked (a contact gone quiet before a stranger weakly linked)
PERMANENT_STRONGEST_FIRST = (
    ALREADY_FOLLOWED,
    ANONYMIZED,
    JOB_FEED,
    MOSTLY_ADS,
    CROSSES_LINE,
    BROADCAST,
    STALE,
    WEAK,
)
# The same as a set: one list, so strongest_permanent finds one for every permanent reason
PERMANENT = frozenset(PERMANENT_STRONGEST_FIRST)


def strongest_permanent(reasons: frozenset[str]) -> str:
    """Of ``reasons``, at least one of them :data:`PERMANENT`, the one that tells a user most
    (:data:`PERMANENT_STRONGEST_FIRST`): the same whatever order the reasons were found in."""
    return next(r for r in PERMANENT_STRONGEST_FIRST if r in reasons)


# Left out only for what a --role or --include-job-ads shows: a weak link among them is counted
# as one instead (no option would show it)
SHOWN_BY_ROLE_OR_ADS = FOR_THEIR_ROLE | FOR_WHAT_THEY_POST
# Every reason but those no handle names (anonymized) or the account knows (already followed),
# in the order the accounts are named
NAMED = (
    JOB_FEED,
    MOSTLY_ADS,
    CROSSES_LINE,
    BROADCAST,
    OTHER_ROLE,
    UNKNOWN_ROLE,
    OUTSIDE_HIRING,
    CONTACTS,
    UNSEEN,
    INACTIVE,
    WEAK,
    STALE,
)
