"""The words that say an account is an organisation of a kind (a help desk, an institution, a
firm that hires), in one place for the three readers of a name: :mod:`.names` (a display name
that names no person), :mod:`.name_advice` (an institution keeps its name: no "Rosa at" before
it) and :mod:`.bio_examples` (the example bio that fits the kind). Kept apart, the lists had
drifted: "Harbor City Hospital" was an institution to the advice and a person's name to the
score.

Words are lower case, written as one string (as people read a list); a phrase keeps its
space, and a regular expression is built from them where a module needs one (:func:`any_of`).
"""

from __future__ import annotations

import re


def words(text: str) -> tuple[str, ...]:
    """A word list written as one string, as people read it, not as a column of quotes."""
    return tuple(text.split())


def any_of(*alternatives: str) -> str:
    """A regular expression matching any of the ``alternatives`` (words or phrases), the
    longest first, so "help desk" is found whole before "help"."""
    return "|".join(re.escape(a) for a in sorted(set(alternatives), key=len, reverse=True))


# an institution's name ("Springfield Welding Academy", "Ohio Nurses Association"): no person's,
# and "Rosa at" before it reads as absurd, as a person does not front an institute
INSTITUTION_WORDS = words(
    "institute institutes institution university college school academy library libraries "
    "association society council board foundation museum department ministry program programm "
    "programe programme federation union committee commission hospital chamber government"
)

# what names a help desk ("Acme Support", "Ledgerly Help Desk"): the kind of account its name
# says (a bio's "I help ..." says nothing of the kind)
HELP_DESK_WORDS = words("support help helpline helpdesk servicedesk")
HELP_DESK_PHRASES = ("help desk", "service desk", "customer care", "customer service")
# further words a desk's display name holds, which name no person ("Acme Customer Team")
DESK_NAME_WORDS = words("service team customer customers assistance soporte")

# a firm that hires out or recruits is no institution, whatever other word its name holds
# ("Old School Staffing", "Union Street Recruiting")
HIRING_FIRM_PATTERN = (
    r"staffing|recruit\w*|personnel|talent|temps?|employment|agency|workforce|hiring"
)
