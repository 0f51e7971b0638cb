"""Posts a firm joins only with care: someone's identity at work, and a labour dispute.

Both are real work talk, so the inbox still offers them, but neither is a view to "agree or
push back" on, nor a question for a recruiter's tip:

* **identity**: who someone is, defended or held against them at work ("spent my lunch
  defending trans rights to my manager", "my cousin was let go and thinks it is because she is
  a lesbian", homophobia or racism at work). A brand that debates it, or gives legal advice on
  someone's case, puts its name on a stranger's identity or lawsuit: it listens, shows support
  or leaves it, and for a question points to where to check;
* **labour dispute**: a strike, a picket line, a union drive or its busting; any post by a
  union's own account ("@Teamsters", "@SEIU"), whose every post is a side in a dispute; or a
  workers' account's post on the dispute ("@AcmeDepotWorkers" on 25 drivers "to do the work of"
  70, #ExpectLateParcels). A "...Workers" handle alone is no dispute: "@DeliveryWorkers"
  asking which mileage app to use asks a plain question. A staffing firm (which may be asked to fill strikers'
  shifts, or supply the replacement drivers) that takes a side, or seems to recruit around it,
  is read as doing so: a plain fact from its desk, no side, or leave it.

Each sets the ``sensitive`` flag, with its own caution and angle (:mod:`.angles`).
"""

from __future__ import annotations

import functools
import re

from staffpulse.listen.firm_voice import FIRM_VOICE, Voice
from staffpulse.listen.work_terms import plain_text
from staffpulse.listen.workplace_terms import LABOUR_DISPUTE

SENSITIVE = "sensitive"
IDENTITY_CAUTION = (
    "sensitive: someone's identity or a case of discrimination at work: no debate, no legal advice"
)
DISPUTE_CAUTION = "sensitive: a labour dispute (a strike, a union drive): take no side, no pitch"

# who someone is, as people are protected in hiring
# (not a word's other sense: "bi-weekly", "blind-sided", "a black mark", "fell on deaf ears",
# "IT disabled my login")
_WHO = (
    r"gay|lesbian|bisexual|bi(?!-)|trans(?:gender)?|queer|non-?binary|lgbt\w*|pregnan\w*|"
    r"black(?!-|\s+(?:friday|marks?|ice|tie|list\w*))|muslim|jewish|sikh|hindu|"
    r"disabilit(?:y|ies)|disabled(?!\s+(?:my|the|our|his|her|their|its?)\b)|autistic|"
    r"deaf(?!\s+ears?)|blind(?!-)|immigrants?|an immigrant|"
    r"a woman|female|too old|my age|(?:his|her|their|my) (?:age|race|religion|accent|faith)"
)
_IDENTITY_AT_WORK_RE = re.compile(
    # rights defended: "defending trans rights at work", "LGBTQ+ rights"
    r"\b(?:trans|gay|lgbt\w*\+?|queer|lesbian|bisexual|non-?binary|disability|civil|"
    r"reproductive|abortion|women['\u2019]?s) rights\b|"
    # bias named: "homophobic manager", "racism on the night shift"
    r"\b(?:homophob\w*|transphob\w*|racis[mt]\w*|sexis[mt]\w*|misogyn\w*|islamophob\w*|"
    r"antisemit\w*|bigot\w*|ableis[mt]\w*|misgender\w*|dead-?nam\w*)\b|"
    # held against someone: "let go, she thinks, because she is a lesbian"
    r"\b(?:fired|let go|sacked|passed over|demoted|rejected|turned down|not hired|dismissed|"
    # (the ground in the same clause as "because": "let go since the depot closed, and at my
    # age ..." tells of a closure)
    r"terminated|treated differently|harass\w*|bullied|singled out|denied)\b[^.?!\n]{0,70}"
    rf"\b(?:for being|because|since)\b[^.,;?!\n]{{0,40}}\b(?:{_WHO})\b|"
    # coming out at work, a person's ("the whole team came out to the manager's leaving do" is
    # a party)
    r"\b(?:i|he|she|they|we)\s+(?:finally\s+|just\s+)?came out (?:at work|to (?:my|our|the) "
    r"(?:boss|manager|team|coworkers|colleagues)(?=\s*(?:[.,;:!?]|$|as\b|today|yesterday|last\b|"
    r"this\b)))|\bcoming out at work\b",
    re.IGNORECASE,
)
# a strike, a picket line, a union drive or its busting (its words' other senses stay out:
# lightning, a picket fence, lockout/tagout on a machine, the European Union's vote)
_DISPUTE_RE = re.compile(rf"\b(?:{LABOUR_DISPUTE})\b", re.IGNORECASE)
# a union's own name as the whole handle, or its local's ("@Teamsters", "@teamsters_local_99",
# "@SEIU", "@UFCW", "@AFLCIO", "@FightFor15"), or a campaign's call ("@HarbourWorkersUnite"):
# its every post is a side ("@teamsters_fan" is a fan, not the union)
_UNION_HANDLE_RE = re.compile(
    r"@?(?:\w*workers_?unite\w*|\w*(?:teamsters|seiu|ufcw|afl_?cio|afscme|unitetheunion)"
    r"(?:_?local_?\d+)?|fightfor15\w*)",
    re.IGNORECASE,
)
# a workers' account's handle: "...workers" at its end ("@AcmeDepotWorkers"; not a trade's own
# network, "@SocialWorkersUK" does not end so, nor "@careworkersnet", nor a desk's "@coworkers")
_WORKERS_HANDLE_RE = re.compile(r"@?(\w*)workers", re.IGNORECASE)
# the words before "workers" that make the handle no side in a dispute: a trade's own network
# ("@SocialWorkers", "@CareWorkers", "@YouthWorkers"), a desk's "@coworkers", a job board's or
# a community's ("@RemoteWorkers", "@TempWorkers", "@GigWorkers", "@KnowledgeWorkers",
# "@HomeWorkers", "@NightShiftWorkers") or a "@networkers" club
_NOT_A_SIDE = (
    "social", "care", "youth", "co", "remote", "temp", "gig", "skilled", "light", "office",
    "hire", "find", "flex", "net", "knowledge", "desk", "smart", "happy", "home", "shift",
    "night", "freelance", "creative",
)  # fmt: skip
# what makes a workers' account's post a side in a dispute without a strike word: staff cut or
# replaced ("25 drivers to do the work of 70"), a campaign's tag ("#ExpectLateParcels"), a union or
# its bargaining named
_CAMPAIGN_POST_RE = re.compile(
    r"\bto do the (?:work|jobs?) of\b|#expect\w+|"
    # (staff the cut falls on, not a cut "for" them: "cutting onboarding time for new staff")
    r"\b(?:replac\w*|cut\w*|slash\w*|axe[ds]?|axing|lay(?:ing|s)? off|laid off)"
    r"(?:\s+(?!for\b|to\b)[\w'\u2019-]+){0,3}\s+"
    r"(?:drivers|staff|workers|crews?|jobs|nurses|cleaners|porters|shifts|routes)\b|"
    r"\b(?:our|the|a|their|join (?:the|a|your)) union\b|\bunion (?:drive|busting|contract|"
    r"members?|reps?)\b|\bunion-?bust\w*|\bcollective bargaining\b|"
    r"\b(?:teamsters|seiu|ufcw|afl-?cio|afscme|local \d+)\b",
    re.IGNORECASE,
)


# the rank flags a post, its reasons give the caution and its angle the advice: one reading of
# the text for the three
@functools.lru_cache(maxsize=4096)
def sensitive_kind(text: str, author: str = "") -> str | None:
    """ "identity", "dispute" or None (see the module docstring), by the text's words and its
    ``author``'s handle (a union's account, or a workers' account on its dispute)."""
    plain = plain_text(text)
    if _IDENTITY_AT_WORK_RE.search(plain):
        return "identity"
    if _DISPUTE_RE.search(plain) or campaigns_for_workers(author, plain):
        return "dispute"
    return None


def campaigns_for_workers(handle: str, text: str = "") -> bool:
    """The handle is a union's own ("@Teamsters"), or a workers' account's ("@AcmeDepotWorkers")
    and ``text`` is on the dispute (staff replaced, "#ExpectLateParcels", a union named)."""
    bare = handle.strip()
    if not bare:
        return False
    if _UNION_HANDLE_RE.fullmatch(bare):
        return True
    workers = _WORKERS_HANDLE_RE.fullmatch(bare)
    return (
        workers is not None
        and not workers.group(1).lower().endswith(_NOT_A_SIDE)
        and bool(_CAMPAIGN_POST_RE.search(text))
    )


def is_sensitive(text: str, author: str = "") -> bool:
    """The text touches someone's identity at work or a labour dispute, or its ``author`` is a
    union, or a workers' account on its dispute: offered, with care."""
    return sensitive_kind(text, author) is not None


def sensitive_caution(text: str, author: str = "") -> str | None:
    """The caution of a sensitive post (None: it is not one)."""
    kind = sensitive_kind(text, author)
    if kind is None:
        return None
    return IDENTITY_CAUTION if kind == "identity" else DISPUTE_CAUTION


def sensitive_angle(
    text: str, lead: str, question: bool, author: str = "", voice: Voice = FIRM_VOICE
) -> str | None:
    """How to join a sensitive post, if at all (None: it is not one): listen, support or
    leave it; a question is pointed to where to check, never answered with advice on a case.
    ``voice``: the words of the firm's role (:mod:`.firm_voice`)."""
    kind = sensitive_kind(text, author)
    if kind == "identity":
        if question:
            return lead + (
                "acknowledge it, then point to where to check (the labor department's"
                " discrimination office, an employment lawyer): no legal advice on their case,"
                " no debate, no pitch."
            )
        return lead + (
            "listen first: it is about who someone is, not a view to weigh in on. Show support in"
            f" a line if {voice.does('stand')} for it, or leave it; never debate, no legal advice,"
            " no pitch."
        )
    if kind == "dispute":
        return lead + (
            f"take no side in the dispute: join only with a plain fact from {voice.desk} (never an"
            " offer to fill the strikers' shifts), or leave it; no opinion, no pitch."
        )
    return None
