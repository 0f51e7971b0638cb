"""A bio that says its posts are one person's, or a titled person's name, is a person's.

The heads read a short bio of titles and causes as an organization's: a fellow of an institute
whose bio called its tweets personal and named a cause, under a handle of a surname and a given
name, came out an organization and an employer (0.95) on real X accounts of 2021. Two things only a person writes:

- the bio calls the posts personal or one's own: "personal tweets", "personal account",
  "views are my own", "opinions mine", "my views"; or holds a fellow's title ("Fellow at …",
  "Research Fellow @…", in capitals: "fellow travellers" is no title);
- the name is a title followed by a person's name ("Dr. Jane Smith", "Prof Ravi Kumar"; not
  "Dr Pepper": what follows the title must read as a person's name,
  :func:`staffpulse.signals.role_person_name.reads_as_a_persons_name`);
- the name or bio calls the account the official one of a person by name ("Official Account
  of Jane Smith", "Jane Smith Official Twitter"), unless the profile speaks as a firm ("we", "our", or a firm's word such as
  "staffing firm" or "Ltd"): a firm named after its founder stays an organization.

On the 500 dev accounts the bio cues fire 17 times, all on accounts the annotators labeled
person; on the 15,531 CrowdFlower accounts 74 of the 82 labeled brand, male or female are
people by the crowd (90%), and 7 of the 8 "brands" read as people too (a DJ whose views
are his own, an air traffic controller); the eighth, a bot posting one man's news feeds, is the
one CrowdFlower account whose kind the rule changes, wrongly.

So where the heads said more, ``p_org`` is lowered to
:data:`staffpulse.signals.role_first_person.FIRST_PERSON_P_ORG` and the roles only an
organization plays are ruled out, as for a person's name over a first-person bio. Prior
knowledge after the heads: nothing is retrained (``docs/models/roles.md``, stop 34).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from staffpulse.signals.role_person_name import (
    handle_user,
    opens_with_a_given_name,
    reads_as_a_persons_name,
)
from staffpulse.signals.role_text import split_name, to_ascii

__all__ = ["find_personal_accounts"]

_PERSONAL_BIO = re.compile(
    r"\bpersonal (?:account|acct|tweets|twitter|page|views|opinions)\b"
    r"|\b(?:views|opinions|tweets|thoughts|posts)(?: expressed)?(?: here)?\s+(?:are\s+)?"
    r"(?:all\s+)?(?:my\s+own|mine|(?:strictly |purely )?personal|of my own)\b"
    r"|\bmy (?:own )?(?:views|opinions)\b"
    r"|(?-i:\b(?:Senior |Research |Visiting |Honorary |Teaching |Postdoctoral |Graduate )?"
    r"Fellow (?:at|of|@|in)\b)",
    re.IGNORECASE,
)
# "Dr", "Prof", … as a name's first word ("Dr. Jane Smith", "DrJaneSmith" splits the same)
_TITLES = frozenset({"dr", "prof", "professor", "rev", "dame", "sir"})
# "Official account of Jane Smith": whose account, up to the first mark ("of the Wildcats" or
# "of Acme Foods" is a team's or a firm's, which the person's-name test tells apart)
_OFFICIAL_OF = re.compile(
    r"\bofficial\s+(?:twitter\s+|x\s+)?(?:account|page|profile)\s+of\s+([^|,.;:!(\n]+)",
    re.IGNORECASE,
)
# "Jane Smith Official Twitter", "Jane Smith Official": a name of two or three words, then
# "official" and what it is, standing alone (not "Jane Smith Official Fan Club", "... Official
# Store": a fan's or a shop's account)
_NAME_OFFICIAL = re.compile(
    r"(?:^|[|,.;:!(\n]\s*|\b(?i:this is)\s+)((?:[A-Z][a-z]+\s+){1,2}[A-Z][a-z]+)\s+(?i:official)"
    r"(?:\s+(?i:twitter|x|account|page|profile|site))*\s*(?=$|[|,.;:!)\n])",
)
# What ends an institution's or a brand's name, not a surname: "Official account of Royal
# Mail" (Royal a given name of the Census lists, Mail in no surname list) is a brand's; the
# loose test (a given name before a surname the lists lack) reads past these
_NAME_TAILS = frozenset(
    {
        "academy", "airlines", "airport", "airways", "arena", "bakery", "bank", "bar", "bistro",
        "brands", "brewery", "cafe", "capital", "center", "centre", "church", "clinic", "club",
        "coffee", "college", "council", "credit", "dental", "energy", "entertainment",
        "festival", "financial", "fitness", "foods", "foundation", "fund", "gallery", "games",
        "gardens", "grill", "health", "holdings", "homes", "hospital", "hotel", "hotels",
        "institute", "insurance", "kitchen", "labs", "library", "logistics", "mail", "mall",
        "market", "markets", "media", "motors", "museum", "music", "network", "news", "pharmacy",
        "pizza", "press", "productions", "properties", "radio", "realty", "records",
        "restaurant", "resort", "school", "society", "sports", "stadium", "station", "stores",
        "studios", "systems", "technologies", "theater", "theatre", "tours", "travel", "trust",
        "university", "ventures",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    }
)  # fmt: skip
# a firm named after its founder speaks as "we" or of its trade: "The official account of
# Harold Pike, the staffing firm", "Official account of Walter Brennick. We place nurses",
# "Official account of Grant Holloway LLP"
_FIRM_SPEAKS = re.compile(
    r"(?-i:\b[Ww]e\b|\b[Oo]urs?\b|\bus\b)|\b(?:firm|company|corporation|corp|plc|ltd|llc|inc"
    r"|gmbh|group|partners|agency|staffing|recruitment|recruiting|store|shop|brand|bank|llp)\b"
    # "Limited" as a firm's suffix, not a title's word ("author of Limited Edition")
    r"|(?-i:\bLimited)(?=\s*(?:$|[|,.;:!)\n]))",
    re.IGNORECASE,
)
# what a firm sells: "Official account of Grant Holloway. Advisory and audit for growing firms"
# (a given name and a surname both in the lists, as in many a firm named after its founders:
# only what it sells tells it). Not when the profile says what one person is: an MP works on
# "solutions", a journalist covers "audit and advisory firms"
_FIRM_TRADE = re.compile(
    r"\b(?:audit|advisory|accountants|accounting|consultancy|solutions)\b", re.IGNORECASE
)
# a firm's branch: a name, then a country's or a region's code ("Grant Holloway UK")
_BRANCH_CODES = frozenset({"UK", "US", "USA", "EU", "UAE", "EMEA", "APAC", "LATAM", "ANZ"})
# what only one person is: a singer, an author, a member of parliament (singular: "musicians"
# or "authors" may be a label's or a publisher's). Said of the account, it lets a name no list
# holds ("Official account of Sunil Chhetri, footballer") or a stage name of one word ("Adele
# Official Twitter | Singer") be read as a person's
_CALLINGS = (
    r"(?:singer|songwriter|rapper|actor|actress|author|novelist|poet|comedian|footballer"
    r"|cricketer|athlete|boxer|politician|senator|congress(?:wo)?man|legislator|pastor|preacher"
    r"|journalist|presenter|musician|vocalist|guitarist|drummer|composer|member\s+of\s+parliament"
    r"|(?-i:MP|MLA|MEP))\b"
    # said as what one is ("Actor, producer", "footballer and coach", "MP for the Vale"), not
    # as a word before a noun ("Singer nights every Friday": a venue's)
    r"(?=\s*(?:$|[.,;:|!/&)\n-])|\s+(?:and|or|of|for|in|at|from|with|based)\b)"
)
# Said of the account: the calling opens the name, the bio or one of its sentences ("Singer
# and songwriter. …", "… | Actor, producer"), or follows the person's name after a comma
# ("Official account of Jane Roe, MP for …"). A calling word inside a sentence is the
# audience's or the trade's ("Jazz for every musician and listener", "News for every MP")
_PERSONS_CALLING = re.compile(
    r"(?:^|[.|!;:\n]\s*|\bofficial\s+(?:twitter\s+|x\s+)?(?:account|page|profile)\s+of\s+"
    r"[^|,.;:!(\n]+,\s*)" + _CALLINGS,
    re.IGNORECASE,
)
# "Adele Official Twitter": one word, then "official" and what it is, standing alone
_ONE_NAME_OFFICIAL = re.compile(
    r"(?:^|[|,.;:!(\n]\s*)([A-Z][a-z]+)\s+(?i:official)(?:\s+(?i:twitter|x|account|page|profile))+"
    r"\s*(?=$|[|,.;:!)\n])",
)


def says_its_posts_are_personal(bio: str | None) -> bool:
    """Whether the bio calls its posts one person's or holds a fellow's title."""
    return bool(bio) and _PERSONAL_BIO.search(to_ascii(bio or "")) is not None


def is_a_titled_persons_name(name: str | None) -> bool:
    """Whether the name is a title followed by a person's name ("Dr. Jane Smith")."""
    split = split_name(name or "")
    words = split.split()
    if len(words) < 3 or words[0] not in _TITLES:
        return False
    return reads_as_a_persons_name(split, handle_user(name or ""))


def is_a_persons_official_account(text: str | None, *, calling: bool = False) -> bool:
    """Whether the name or bio calls the account the official one of a person by name
    ("Official Account of Jane Smith", "Jane Smith Official Twitter"): one human's, however
    official. After the name, both of its words must be in the name lists: a brand writes
    "Acme Foods Official" too. With ``calling`` (the profile says what one person is, a
    singer, an MP: :data:`_PERSONS_CALLING`), a name the lists lack and a stage name of one
    word are read too."""
    text = to_ascii(text or "")
    named = _NAME_OFFICIAL.search(text)
    if named is not None and reads_as_a_persons_name(split_name(named[1]), named[1]):
        return True
    if calling and _ONE_NAME_OFFICIAL.search(text) is not None:
        return True
    found = _OFFICIAL_OF.search(text)
    if found is None:
        return False
    words = found[1].split()[:3]
    if len(words) < 2 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return False  # "of the Wildcats", "of @OddFactsDaily": no one's name
    if _BRANCH_CODES.intersection(words):
        return False  # "of Grant Holloway UK": a firm's branch
    whose = " ".join(words)
    split = split_name(whose)
    # a given name before a surname the lists lack ("Phillip Quarrendon") is one still, of
    # another country's lists too ("Official account of Raj Mehtaji"), and any two words but
    # a brand's ("Royal Mail") when the profile says what one person is
    return reads_as_a_persons_name(split, whose) or (
        len(words) == 2
        and (calling or opens_with_a_given_name(split))
        and words[1].lower() not in _NAME_TAILS
    )


def is_a_persons_official_profile(name: str | None, bio: str | None) -> bool:
    """Whether the name or bio calls the account a named person's official one
    (:func:`is_a_persons_official_account`) and neither speaks as a firm does."""
    profile = to_ascii(f"{name or ''}\n{bio or ''}")
    # each on its own: to_ascii joins lines, and the bio's first word opens a phrase
    calling = any(_PERSONS_CALLING.search(to_ascii(part or "")) for part in (name, bio))
    if not (
        is_a_persons_official_account(name, calling=calling)
        or is_a_persons_official_account(bio, calling=calling)
    ):
        return False
    if _FIRM_SPEAKS.search(profile) is not None:
        return False
    return calling or _FIRM_TRADE.search(profile) is None


def find_personal_accounts(names: Sequence[str | None], bios: Sequence[str | None]) -> np.ndarray:
    """For each account, whether its bio or its titled name says it is one person's, or the
    name or bio calls it a named person's official account and speaks as no firm."""
    return np.fromiter(
        (
            says_its_posts_are_personal(bio)
            or is_a_titled_persons_name(name)
            or is_a_persons_official_profile(name, bio)
            for name, bio in zip(names, bios, strict=True)
        ),
        dtype=bool,
        count=len(names),
    )
