"""The example bio Face's advice offers, fitted to the kind of account the display name and
the short bio say it is: a recruiter, an HR person, a staffing firm, a vendor, a job board or a
help desk. "I place warehouse and office staff across Tacoma" was offered to every account,
a help desk and a software vendor as well, which place no one.

The kind is read from words the account wrote about itself (its display name and what bio it
has), not from the role model: the advice must stay quick and the same for one account in an
audit and in a benchmark. Without such a word, a person's account is offered a recruiter's and
an HR person's example side by side, and a firm's the staffing firm's."""

from __future__ import annotations

import re

from staffpulse.accents import strip_accents
from staffpulse.audit.org_words import HELP_DESK_PHRASES, HELP_DESK_WORDS, any_of

# looked for in this order: "Acme Staffing Jobs" is a staffing firm that posts its openings,
# "Acme Support Team" a help desk whatever else it names (its name only says it)
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(r"(?<![^\W_])(?:" + words + r")(?![^\W_])"))
    for kind, words in (
        ("help desk", any_of(*HELP_DESK_WORDS, *HELP_DESK_PHRASES)),
        ("vendor", r"software|saas|app|platform|ats|payroll"),
        ("staffing firm", r"staffing|temps?|personnel|zeitarbeit|interim|uitzendbureau|agency"),
        ("job board", r"jobs?|careers?|vacatures|stellenangebote|empleos?|emplois?"),
        ("recruiter", r"recruiters?|recruiting|recruitment|sourcer|headhunter|talent acquisition"),
        ("HR person", r"hr|human resources|people (?:ops|operations|partner|team)|chro"),
    )
)

# said by a person ("I ...") and by a firm ("Rosa and team ...", who is behind it named)
_PERSON_EXAMPLES = {
    "recruiter": "I place warehouse and office staff across Tacoma. Ask me anything.",
    "staffing firm": "I place warehouse and office staff across Tacoma. Ask me anything.",
    "HR person": "I look after hiring and our people at a Tacoma logistics firm. Ask me how we work.",
    "vendor": "I help staffing firms fill shifts faster with our scheduling app. Ask me anything.",
    "job board": "I post new warehouse and office openings across Tacoma every day.",
    "help desk": "I answer pay and shift questions for our Tacoma workers, weekdays 8 to 6.",
}
_FIRM_EXAMPLES = {
    "staffing firm": "Rosa and team: warehouse and office jobs across Tacoma. Ask us anything.",
    "recruiter": "Rosa and team: warehouse and office jobs across Tacoma. Ask us anything.",
    "HR person": "Rosa and our people team: what working here is like, and our Tacoma openings.",
    "vendor": "Scheduling software for staffing firms, built by Rosa and team. Ask us anything.",
    "job board": "New warehouse and office openings across Tacoma every day, from Rosa and team.",
    "help desk": "Rosa and team answer your pay and shift questions, weekdays 8 to 6.",
}


def stated_kind(display_name: str, bio: str) -> str | None:
    """The kind of account its own words state (display name or bio: "help desk", "vendor",
    "staffing firm", "job board", "recruiter", "HR person"), or None when no word says it.
    Only the example bio follows it: the advice's :class:`~.account_kind.AccountKind` is
    read from the profile and the posts."""
    name = strip_accents(display_name).casefold()
    text = strip_accents(f"{display_name} \n {bio}").casefold()
    for kind, pattern in _KINDS:
        # a bio's "I help ..." or "support" is no help desk: only its name makes one
        if pattern.search(name if kind == "help desk" else text):
            return kind
    return None


def bio_example(display_name: str, bio: str, *, person: bool) -> str:
    """The quoted example bio for the advice: ``"I place ..."`` for a recruiter's account,
    ``"Rosa and team answer ..."`` for a help desk's; a person's account of no known kind gets
    a recruiter's and an HR person's side by side."""
    kind = stated_kind(display_name, bio)
    examples = _PERSON_EXAMPLES if person else _FIRM_EXAMPLES
    if kind is not None:
        return f'"{examples[kind]}"'
    if person:
        return (
            f'"{_PERSON_EXAMPLES["recruiter"]}" if you recruit, or'
            f' "{_PERSON_EXAMPLES["HR person"]}" if you work in HR'
        )
    return f'"{_FIRM_EXAMPLES["staffing firm"]}"'
