"""An offer of work, whatever the post opens with: a staffing firm's ad dressed as news.

Staffing firms dress their ads: a feeling ("Proud of our nurses! Now recruiting RNs for
nights"), praise ("Great feature in the Courier on our clinic, now recruiting LPNs"), a
question ("Who wants weekends off? Machine operators, Mon-Fri days, $20/hr"), a line of emoji
or a wall of hashtags before the offer. The job-opening model reads the opener's words, which
ads of its training data never used, and scored 23 of 44 such ads of our own below its
threshold (0.02-0.49), so the audit called a feed of nothing but ads a healthy mix. What makes
them ads is the offer, which reads the same after any opener. An offer is:

* recruiting or hiring a named role, said as the firm says it (a clause of its own, or after
  "we're", "now", "still"): "Now recruiting RNs", "#Grateful Recruiting dispatchers",
  "we're recruiting 15 assemblers"; not "hiring managers", nor talk about hiring ("Recruiting
  nurses is hard", "Hospitals are recruiting nurses, says the union"), a question or a
  headline ("Still hiring nurses? Here's how to stand out", "Hiring nurses in 2026: what we
  learned");
* a role sought with a count or a link: "10 forklift drivers needed in Leeds", "machine
  operators wanted <link>"; not "5,000 nurses needed by 2030";
* a call to apply for a role: "Apply to be a caregiver today" (not "how to apply as a nurse");
* a listing after the opener, a clause in fragments that names a role or work and its pay,
  with no verb: "Looking for a change? Warehouse associates, $20/hr, Columbus", "$25/hr for
  warehouse work in Dayton, 2nd shift", "our warehouse jobs, starting $20/hr", "life as a CDL
  driver here, sign-on bonus" (not "Nurses in Ohio now earn $42/hr", which has one, nor a
  clause asked or judged: "$20/hr for warehouse work? Not enough", "Our nurses, $40/hr, and
  still underpaid");
* pay offered: "We pay $22/hr", or a role needed beside pay ("They need assemblers, $19/hr");
* a role's openings called open, the firm's openings to see or openings for a role, beside a
  link or a call: "Travel RN roles open now <link>", "Check out our open roles <link>", "Come
  work with us <link>", "Openings for warehouse associates <link>" (not "Come work with us on
  this open-source project");
* the firm looking for a role with terms, pay or a link: "PS we're looking for a bookkeeper,
  part-time <link>", unless a service is sought ("a good plumber, any recs?"); a customer's
  "a new dentist" or "a new nanny" only with pay or a call to apply.

Pay is read as :mod:`staffpulse.signals.sales_calls` reads it ("$19/hr", "£12/hr", "$1,400 a
week"). A post that reports ("says", "according to") is news, however it is worded.
"""

from __future__ import annotations

import re

from staffpulse.signals.batch_scan import holds
from staffpulse.signals.job_ads_agency import REPORTED
from staffpulse.signals.job_ads_services import PROVIDERS, seeks_a_service
from staffpulse.signals.job_words import HEADLINE_WORDS, LINK_RE, LISTED_ROLES, PAY_TERMS, VERBS
from staffpulse.signals.sales_calls import names_pay

__all__ = ["OFFER_TRIGGERS", "OFFER_WORDS", "offers_work"]

_I = re.IGNORECASE
# a role, one or several; up to three words may qualify it ("night shift pickers"), never a
# preposition or an unpaid role: "a mentor for new recruiters" hires no recruiter, "volunteer
# drivers" are paid no wage
_ROLE = (
    r"(?:(?!(?:for|on|at|to|with|of|in|from|by|about|volunteer|unpaid)\b)[\w-]+ ){0,3}?"
    rf"{LISTED_ROLES}(?:e?s)?\b"
)
# the words of talk about a role rather than an offer of it ("Recruiting nurses is hard")
_TALK = re.compile(
    r"\b(?:is|was|are|were|has|have|had|takes|took|remains|gets|got|seems|feels|costs|isn't|"
    r"aren't|why|how)\b",
    _I,
)
# recruiting or hiring a role, as the firm says it: after a clause's start, a hashtag, or
# "we're", "now", "still"; never a title ("Hiring Manager", "Recruiting Lead"), a
# "hiring freeze" or a "hiring event"
_RECRUITS_ROLE = re.compile(
    r"(?:recruiting|hiring)\s+(?!(?:coordinator|manager|director|lead|specialist|assistant|"
    r"partner|consultant|officer|associate|analyst|executive|team|freeze|event|process|fair)s?\b)"
    rf"(?:\d[\d,]*\s+|an?\s+|more\s+)?{_ROLE}"
)  # read in the lower-cased text (see _COME_WORK)
# a clause that asks or heads an article ("Still hiring nurses? Here's how to stand out",
# "Hiring nurses in 2026: what we learned"): talk about hiring, not the firm's offer
_HEADLINE = (
    r"(?:what|how|why|lessons|tips|here'?s|a guide|a thread|the (?:truth|data|lessons|perks))\b"
)
_ASKS_OR_HEADS = re.compile(rf"[^.!?\n:]*(?:\?|:\s*{_HEADLINE})")
# a headline after a listing's colon ("Forklift drivers, weekly pay: the perks that work")
_HEADS = re.compile(_HEADLINE, _I)
# what comes before the firm's "recruiting" (read in the 40 characters before it)
_AS_THE_FIRM = re.compile(
    r"(?:^|[^\w\s,'-]\s*|#\w+\s+|\b(?:we'?re|we are|we|now|still|currently|actively|"
    r"also|ps|and)\s+)$",
    _I,
)
# a role sought with a count ("10 forklift drivers needed") or before a link: "needed" is
# found first, then the role before it (read in the 60 characters before it), far cheaper
# than a role tried at every character
_SOUGHT = re.compile(r"\b(?:needed|wanted)\b(?P<rest>[^.!?\n]{0,40})", _I)
# a role noun, alone or of two words ("drivers", "team member"); read word by word
# "-ing" names a trade ("nursing jobs", "trucking shifts"), never a judgement or a time of day
# ("Interesting jobs available", "Morning shifts are open at the garden")
_ROLE_WORDS = re.compile(
    rf"{LISTED_ROLES}(?:e?s)?|(?!(?:interest|excit|amaz|reward|challeng|upcom|exist|remain|"
    r"ongo|follow|outstand|boom|morn|even|trend|match|miss|surpris|fascinat|inspir|"
    r"\w*th)ing$)\w+ing",
    _I,
)
_ROLE_NOUN = re.compile(rf"{LISTED_ROLES}(?:e?s)?", _I)
# what follows a role sought in an ad: a place, a time, a shift or a link ("needed in Leeds",
# "wanted, weekly pay", "needed asap <link>"); news goes on otherwise ("needed by 2030",
# "needed as flu season peaks")
_AD_AFTER_SOUGHT = re.compile(
    r"^\s*(?:[!:.,(\u2013-]|(?:in|at|near|for|asap|now|today|urgently|immediately|this|"
    r"tonight|tomorrow|on)\b|https?://|$)",
    _I,
)
_NEWS = re.compile(
    r"\b(?:report|reports|survey|study|estimates?|forecast|shortage|projected|by 20\d\d)\b", _I
)
# (not a guest's part on a show: "Apply to be a host on our podcast")
_APPLY_AS = re.compile(
    rf"(?:^|[.!?:\n]\s*|\b(?:now|today)\s+)apply (?:to be|as) an? {_ROLE}"
    r"(?! (?:on|for) (?:our|the|a|my|this) (?:[\w-]+ )?(?:podcast|show|panel|webinar|stream|"
    r"channel|episode|series)s?\b)",
    _I,
)
# a clause of fragments: a role first, then pay or terms after a comma, dash or colon
_LISTED_CLAUSE = re.compile(
    rf"^\W*(?:{_ROLE}(?: (?:contracts?|jobs?|roles?|positions?|shifts?|gigs?|work))?\s*"
    r"(?:,|\s[-\u2013|]\s|:|\sat\s)|[$\u00a3\u20ac]\s?\d[^,]{0,40}?\bfor\b)",
    _I,
)
# the work a clause opening with pay is for ("$25/hr for warehouse work in Dayton, 2nd shift"),
# not a plan or a ticket ("$5/month for premium")
_WORK = re.compile(rf"\b(?:work|jobs?|shifts?|gigs?|{LISTED_ROLES}(?:e?s)?)\b", _I)
_PAY_TERMS = re.compile(PAY_TERMS, _I)
# such pay as the last fragment of a clause, as a listing gives it ("..., sign-on bonus"), not
# as news opens ("Sign-on bonus for nurses hits a record")
_PAY_TERMS_LAST = re.compile(
    r",\s*(?:(?:weekly|daily|same[- ]day) pay|(?:an? |[$\u00a3\u20ac][\d,.]+k? )?sign[- ]on bonus)"
    r"\W*$",
    _I,
)
# a judgement of pay or of those paid ("Our nurses, $40/hr, and still underpaid", "We pay our
# drivers $25/hr because they earn it", "$30/hr for a sitter and it still feels cheap")
_JUDGEMENT = (
    r"underpaid|overpaid|deserves?|deserved|worth|enough|too (?:little|low|much)|cheap|because|"
    r"feels?"
)
# verbs and headline words: a clause with one is talk or news ("Nurses in Ohio earn $42/hr"),
# however its pronouns read ("our warehouse jobs, $20/hr" is an ad's)
_VERB = re.compile(
    rf"\b(?:{VERBS}|paid|{HEADLINE_WORDS}|raise|raises|rise|rises|rose|{_JUDGEMENT})\b", _I
)
_JUDGES = re.compile(rf"\b(?:{_JUDGEMENT})\b", _I)
# pay called a starting rate beside work ("our warehouse jobs, starting $20/hr")
_STARTING_PAY = re.compile(r"\bstarting (?:at |from |pay (?:of |at )?)?[$\u00a3\u20ac]\s?\d", _I)
# an invitation to the firm's own openings ("Come work with us", "Check out our open roles")
# (these read the lower-cased text: a pattern opening with a literal is looked for many
# times faster than one tried at every character)
# not an invitation to a project ("Come work with us on this open-source project")
_COME_WORK = re.compile(
    r"come work (?:with|for) us\b(?! on (?:this|our|the|an?|my) (?:[\w-]+ ){0,2}?(?:project|repo|"
    r"library|codebase|code|docs|book|paper|podcast|show|album|film|game|mod|issue)s?\b)"
)
_OUR_OPENINGS = re.compile(
    r"our (?:open |current |latest |new )?(?:roles|positions|jobs|openings|vacancies)\b"
    r"(?! (?:report|data|numbers|board)\b)"
)
_SEE = re.compile(r"\b(?:see|check out|browse|view|explore) (?:all )?$")
_CLAUSES = re.compile(r"[.!?:\n]\s+|[^\w\s$\u00a3\u20ac%/,.&'()-]+\s*")
_WE_PAY = re.compile(r"\bwe(?:'ll| will)? pay\b", _I)
_NEEDS_ROLE = re.compile(
    rf"\b(?:we|they|and|our client|client) (?:urgently |also )?needs? {_ROLE}", _I
)
# openings of a role called open ("Travel RN roles open now"), the role read before them
_ROLES_OPEN = re.compile(
    r"(?:roles|positions|jobs|shifts) (?:are )?(?:still )?(?:open|available)\b(?! to\b)"
)
_CALL = re.compile(r"\b(?:dm|message|call|text|email) (?:us|me)\b|\bapply\b", _I)
# the firm looking for a role ("we're looking for a bookkeeper", "! Looking for a Payroll
# Specialist"), not for work of a role ("Looking for a nurse position", a seeker's)
_LOOKING = re.compile(
    r"(?:\b(?:we'?re|we are) (?:also |now |still )?|(?:^|[^\w\s,'-])\s*)(?:looking for|seeking) "
    rf"(?:an?|\d+|two|three|four|five) {_ROLE}"
    r"(?! (?:jobs?|roles?|positions?|gigs?|work|opportunit\w*|careers?|internships?)\b)",
    _I,
)
# a customer's new provider ("We're looking for a new dentist, weekends suit us"), which only
# pay or a call to apply makes a hire
_NEW_PROVIDER = re.compile(rf"\b(?:looking for|seeking) a new {PROVIDERS}s?\b(?! to join\b)", _I)
# openings named for a role ("Openings for warehouse associates in Dayton")
_OPENINGS_FOR = re.compile(
    rf"(?:openings|vacancies|positions|roles|jobs) for (?:an? |\d+ )?{_ROLE}"
)  # read in the lower-cased text (see _COME_WORK)
_TERMS = re.compile(
    r"\b(?:part|full)[- ]time\b|\b(?:day|night|evening|weekend|\d(?:st|nd|rd|th)) shifts?\b|"
    r"\b(?:days|nights|weekends|remote|hybrid|temp|contract)\b",
    _I,
)
# the words that every pay of sales_calls.names_pay or _PAY_TERMS holds
_PAY_UNITS = ("hr", "hour", "wk", "week", "month", "yr", "year")
_OPENINGS_WORDS = ("roles", "positions", "jobs", "shifts", "openings", "vacancies", "come work",
                   "our ")  # fmt: skip
#: The literal cues of these offers, among the staffing-ad triggers
#: (:data:`staffpulse.signals.job_ad_triggers.TRIGGER_SOURCES`): a post with none is not read
OFFER_TRIGGERS = (
    r"recruiting",
    r"apply (?:to be|as)",
    r"come work",
    r"openings for",
    r"vacancies for",
    r"positions for",
    r"roles for",
    r"jobs for",
    r"our (?:open |current |latest |new )?(?:roles|positions|jobs|openings|vacanc)",
    r"roles (?:are |still |are still )?(?:open|avail)",
    r"positions (?:are |still |are still )?(?:open|avail)",
    r"jobs (?:are |still |are still )?(?:open|avail)",
    r"shifts (?:are |still |are still )?open",
    # pay that is no rate (job_words.PAY_TERMS: "weekly pay" and "sign-on" are triggers of
    # job_ads' pay)
    r"daily pay",
    r"same[- ]day pay",
)
#: Words, lower-cased, that every offer above holds (one of them)
OFFER_WORDS = ("recruiting", "hiring", "needed", "wanted", "apply", "pay", "bonus", "roles",
               "positions", "jobs", "shifts", "looking for", "seeking", "come work", "our ",
               "openings", "vacancies", *_PAY_UNITS)  # fmt: skip


def _clause_after(text: str, end: int) -> str:
    """The rest of the clause from ``end`` on."""
    return re.split(r"[.!?\n]", text[end:], maxsplit=1)[0]


def _recruits_a_role(lowered: str) -> bool:
    """Recruiting or hiring a role as the firm says it, in the lower-cased text."""
    for match in _RECRUITS_ROLE.finditer(lowered):
        start = match.start()
        if _AS_THE_FIRM.search(lowered, max(0, start - 40), start) is None:
            continue
        if _goes_on_as_an_offer(lowered, match.end()):
            return True
    return False


def _goes_on_as_an_offer(lowered: str, end: int) -> bool:
    """The clause that goes on from ``end`` neither talks about the role ("... is hard") nor
    asks a question or heads an article ("...? Here's how", "...: what we learned")."""
    return (
        _TALK.search(_clause_after(lowered, end)) is None
        and _ASKS_OR_HEADS.match(lowered, end) is None
    )


def _word_before(lowered: str, start: int) -> str:
    """The word that ends just before ``start`` (a space between), or ""."""
    if start < 2 or lowered[start - 1] != " ":
        return ""
    return lowered[max(0, start - 40) : start].split()[-1]


def _seeks_a_role(text: str, linked: bool) -> bool:
    for match in _SOUGHT.finditer(text):
        rest, start = match.group("rest"), match.start()
        if start < 2 or text[start - 1] != " " or _AD_AFTER_SOUGHT.match(rest) is None:
            continue
        if _TALK.search(rest) or _NEWS.search(text):
            continue
        words = text[max(0, start - 60) : start].lower().split()[-5:]
        if not words or _ROLE_NOUN.fullmatch(words[-1]) is None or "volunteer" in words[-3:]:
            continue
        # a count among the words before the role: "10 forklift drivers needed"
        if linked or any(re.fullmatch(r"\d{1,3}", word) for word in words[:-1]):
            return True
    return False


def _invites_to_openings(lowered: str) -> bool:
    """Openings of a role called open, or the firm's own openings to see ("Check out our open
    roles", "Come work with us"), in the lower-cased text."""
    for match in _ROLES_OPEN.finditer(lowered):
        if _ROLE_WORDS.fullmatch(_word_before(lowered, match.start())):
            return True
    if _COME_WORK.search(lowered):
        return True
    for match in _OUR_OPENINGS.finditer(lowered):
        start = match.start()
        if _SEE.search(lowered, max(0, start - 20), start):
            return True
    return False


def _opens_for_a_role(lowered: str) -> bool:
    return any(_goes_on_as_an_offer(lowered, m.end()) for m in _OPENINGS_FOR.finditer(lowered))


def _lists_a_role(head: str) -> bool:
    """A clause of the post (an opener set aside) is a listing of a role with its pay, or
    gives work its starting pay, weekly pay or a sign-on bonus, with no verb."""
    clauses = _CLAUSES.split(head)
    for n, (clause, after) in enumerate(zip(clauses, [*_CLAUSES.findall(head), ""], strict=True)):
        # asked or a headline, not listed: "$20/hr for warehouse work in 2026? Not enough."
        if after.startswith("?") or (after.startswith(":") and _HEADS.match(clauses[n + 1])):
            continue
        listed = _LISTED_CLAUSE.match(clause) and (names_pay(clause) or _PAY_TERMS.search(clause))
        starting = _STARTING_PAY.search(clause) and names_pay(clause)
        # "life as a CDL driver here, sign-on bonus": pay that only a job has, beside work
        if (
            (listed or starting or _PAY_TERMS_LAST.search(clause))
            and _WORK.search(clause)
            and _VERB.search(clause) is None
        ):
            return True
    return False


def _pays_or_needs(text: str) -> bool:
    """Whether the post pays ("We pay $22/hr") or needs a role ("They need assemblers,
    $19/hr"), its clause judging no pay ("because they earn it", "isn't enough")."""
    for found in (_WE_PAY.search(text), _NEEDS_ROLE.search(text)):
        if found is not None and _JUDGES.search(_clause_after(text, found.end())) is None:
            return True
    return False


def offers_work(text: str, lowered: str | None, pay: bool) -> bool:
    """Whether ``text`` (quotes straightened) offers work after whatever opener (see the
    module docstring); ``lowered`` is its lower-cased text, None when not known, and ``pay``
    whether the staffing-ad rules found pay in it ("weekly pay", "per diem", "$19/hr")."""
    if not (pay or holds(lowered, OFFER_WORDS)):
        return False
    return _offers(text, lowered, pay) and REPORTED.search(text) is None


def _offers(text: str, lowered: str | None, pay: bool) -> bool:
    # each rule is tried only on a post holding its words: most posts read here hold none
    low = text.lower() if lowered is None else lowered
    if ("recruiting" in low or "hiring" in low) and _recruits_a_role(low):
        return True
    if "apply" in low and _APPLY_AS.search(text):
        return True
    linked = "http" in low and LINK_RE.search(text) is not None
    pay = (
        pay
        or (any(unit in low for unit in _PAY_UNITS) and names_pay(text))
        or (("pay" in low or "bonus" in low) and _PAY_TERMS.search(text) is not None)
    )
    # "Plumbers needed for my bathroom <link>" seeks a service: only pay makes it work offered
    if ("needed" in low or "wanted" in low) and _seeks_a_role(text, linked):
        return pay or not seeks_a_service(text)
    if pay and (_lists_a_role(LINK_RE.split(text, maxsplit=1)[0]) or _pays_or_needs(text)):
        return True
    if (
        any(word in low for word in _OPENINGS_WORDS)
        and (linked or _CALL.search(text))
        and (_invites_to_openings(low) or _opens_for_a_role(low))
        and _NEWS.search(text) is None  # "Nursing roles still open as shortage bites <link>"
    ):
        return True
    if not (("looking for" in low or "seeking" in low) and _LOOKING.search(text)):
        return False
    if not (pay or linked or _TERMS.search(text)) or seeks_a_service(text):
        return False
    # "We're looking for a new dentist, weekends suit us": a customer's, unless pay or a call
    return pay or _NEW_PROVIDER.search(text) is None or _CALL.search(text) is not None
