"""A profile that wears a side in politics, and speaks for no body, is one person's.

The heads learned short bios of labels and causes, and display names that carry hashtags, as
an organization's: on real X and Mastodon accounts of 2019-2025 a person whose display name
held a pro-EU follow-back hashtag and a resistance tag, a person whose name carried a tag
against a prime minister, a bio of pride in Europe and one of three one-word labels came out
organizations (p_org 0.86-0.98) and employers, which Connect's default filter ("All but brands
and public figures") kept.

What only a person wears on a profile:

- a campaign's badge as a hashtag: the pro-EU follow-back tags (``#FBPE``, ``#FBPPR``, ...),
  ``#RejoinEU``, ``#Resist``, ``#NotMyPresident``, ``#MAGA``, ``#BlueWave``, a tag to vote a
  party or a leader out or never in (``#ToriesOut``, ``#NeverVoteTory``), ``#PoliticallyHomeless``;
- a partisan noun that names a person: "Remainer", "Remainiac", "Brexiteer", "politically
  homeless", "lifelong Labour voter", "party member", "a proud European";
- a political label standing alone as one of the bio's fragments: "Designer. Progressive.
  Kayaker.", "Mum | Socialist | Runner" (not "progressive rock", "liberal arts" or
  "Conservative Party", where the word qualifies a noun).

Never when the profile speaks for a body: "we", "us", a party, a campaign, a group, a
movement, an association, a network, news, a podcast, "official", or an election imprint
("promoted by ... on behalf of"): those are organizations, and the rule of parties and
campaigns (``role_political_bio.py``) moves a party's employer score to other instead. Nor
when it names a firm's trade or age ("staffing", "agency", "Ltd", "since 1998", a
manufacturer) or lists a brand's values beside the label ("Modern. Progressive.
Local."): a staffing firm's tagline "Progressive. Reliable. Local." made it a person.

Where the heads said more, ``p_org`` is lowered to
:data:`staffpulse.signals.role_first_person.FIRST_PERSON_P_ORG` and the roles only an
organization plays are ruled out, as for a person's name over a first-person bio; the person
roles keep their scores (an HR manager with ``#FBPE`` in the name stays an hr_pro). Prior
knowledge after the heads, under the switch ``political_bios``: nothing is retrained
(``docs/models/roles.md``, "Parties and campaigns").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from staffpulse.signals.role_text import to_ascii

__all__ = ["find_partisan_persons", "wears_a_side"]

_LEADERS = (
    r"(?:Tor(?:y|ies)|Conservatives?|Labour|Johnson|Boris|Sunak|Truss|Starmer|Corbyn|Trump|Biden)"
)
_BADGE = re.compile(
    r"#(?:FBP[A-Z]{0,3}|FBR|FBSI|FBIW|ReJoin(?:EU)?|RemainE?U?|Remainers?|StopBrexit|PeoplesVote"
    r"|ProEU|Pro-EU|AntiBrexit|Rezist\w*|Resist(?:ance)?|NotMy(?:President|PM|King|Govt?)"
    r"|MAGA\w*|KAG|BlueWave\w*|VoteBlue\w*|GTTO|" + _LEADERS + r"Out\w*"
    r"|NeverVote" + _LEADERS + r"|Never" + _LEADERS + r"|PoliticallyHomeless"
    # a candidate's or a programme's fans: "#ImWithHer", "#Biden2020"
    r"|StillWithHer|ImWithHer|KHive|(?:team)?BuildBackBetter|FeelTheBern"
    r"|(?:Trump|Biden|Bernie|Hillary|Obama|Harris)20\d\d)\b",
    re.IGNORECASE,
)
_PARTISAN_NOUN = re.compile(
    r"\bremain(?:ers?|iacs?)\b|\bbrexiteers?\b|\bpolitically homeless\b|\bproud european\b"
    r"|\b(?:lifelong|life-long|staunch) (?:labour|tory|conservative|democrat|republican|socialist"
    r"|liberal|green|lib ?dem)\b"
    r"|\b(?:labour|tory|green|snp|lib ?dem|democrat|republican) (?:voter|member|supporter|activist)\b",
    re.IGNORECASE,
)
_LABEL = (
    r"(?:proud |lifelong )?(?:progressive|liberal|conservative|socialist|leftist|lefty|leftie"
    r"|centrist|libertarian|democrat|republican|patriot|european|pro-eu|anti-brexit|anti-tory"
    r"|anti-?fascist)"
)
# a label as a whole fragment: between the bio's ends, full stops, pipes, slashes, bullets
_BOUNDS = r"(?:^|[.|/;!\n\u2022\u00b7])\s*", r"\s*(?=$|[.|/;!\n\u2022\u00b7])"
_FRAGMENT = re.compile(_BOUNDS[0] + _LABEL + _BOUNDS[1], re.IGNORECASE)
_BULLETS = re.compile("[\u2022\u00b7]")
# a firm's values as fragments beside it ("Staffing since 1998. Progressive. Reliable. Local."):
# the label is a brand's value there, not a side worn
_VALUE = re.compile(
    _BOUNDS[0] + r"(?:reliable|local|modern|ethical|inclusive|fast|kind|independent|innovative"
    r"|friendly|trusted|professional|sustainable|affordable|honest|caring|creative|dynamic"
    r"|diverse|efficient|transparent|global)" + _BOUNDS[1],
    re.IGNORECASE,
)
# a firm's trade or its age: a staffing firm's "Progressive. Reliable." or a maker's "proud
# European manufacturer" is no person's side
_FIRM = re.compile(
    r"\b(?:staffing|recruitment|recruiting|agency|agencies|ltd|llc|inc|plc|gmbh|firm"
    r"|solicitors|manufactur\w*|clinic)\b|\bsince (?:1[89]|20)\d\d\b",
    re.IGNORECASE,
)
# a body speaking: a party's, a campaign's, a newsroom's words
_BODY = re.compile(
    # "we" opening a sentence ("We are a ...", "We campaign ..."), not a citizen's "hope we
    # win the quiz" or "the town we grew up in"
    r"(?:^|[.!?|:]\s*)we\b|\bwe(?:'re| are|'ve|'ll)\b|\b(?:join|follow|contact|email|dm) us\b"
    r"|\bour (?:team|members|campaign|group|party|mission)\b"
    r"|\b(?:party|parties|campaign(?:s|ing)?|group|movement|committee|association|society"
    r"|network|council|coalition|alliance|union|foundation|institute|organi[sz]ation|charity"
    r"|news|magazine|podcast|official|fan ?page|fanbase)\b"
    r"|\bpromoted (?:by|on behalf of)\b|\bon behalf of\b",
    re.IGNORECASE | re.MULTILINE,
)


def wears_a_side(name: str | None, bio: str | None) -> bool:
    """Whether the name or the bio wears a side in politics as a person does (module
    docstring), speaking for no body."""
    name_text, bio_text = to_ascii(name or ""), (bio or "").strip()
    if not name_text and not bio_text:
        return False
    profile = f"{name_text}\n{to_ascii(bio_text)}"
    if _BODY.search(profile) or _FIRM.search(profile):
        return False
    if _BADGE.search(profile) or _PARTISAN_NOUN.search(profile):
        return True
    # fragments are read on the bio's own lines ("Designer. Progressive. Kayaker."), not
    # among a brand's values ("Modern. Progressive. Local.")
    # bullets become pipes first: to_ascii drops them, and with them the fragments' bounds
    lines = [to_ascii(_BULLETS.sub("|", line)) for line in bio_text.splitlines()]
    return any(_FRAGMENT.search(line) and not _VALUE.search(line) for line in lines)


def find_partisan_persons(names: Sequence[str | None], bios: Sequence[str | None]) -> np.ndarray:
    """For each account, whether its profile wears a side in politics as one person does."""
    return np.fromiter(
        (wears_a_side(name, bio) for name, bio in zip(names, bios, strict=True)),
        dtype=bool,
        count=len(names),
    )
