"""Words that job ads share: the roles they name and the verbs they never use.

:mod:`staffpulse.signals.job_ads` (staffing firms' ads) and
:mod:`staffpulse.signals.job_listings` (openings posted as a bare listing) both read them.
"""

from __future__ import annotations

import re

from staffpulse.signals.batch_scan import holds

__all__ = [
    "CALLS_FOR_VIEWS",
    "HEADLINE_WORDS",
    "JOBS_NEWS_WORDS",
    "LINK_RE",
    "LISTED_ROLES",
    "OPEN_TO_NO_ONE",
    "PAY_TERMS",
    "REPORTS",
    "ROLES",
    "ROLE_NOUNS",
    "VERBS",
    "VERB_OR_HEADLINE",
    "drop_calls_for_views",
    "find_offered_pay",
    "reports_around",
    "tells_jobs_news",
]

# Job titles, for the casual ads of one recruiter ("Hiring: travel nurse, 13 weeks,
# Columbus. Message me.", "DM me if you know Java and want to work remote"), which name a role
# where a listing would name pay, and for the listings of job boards
ROLE_NOUNS = (
    r"(?:nurse|rn|lpn|cna|caregiver|aide|therapist|pharmacist|technician|tech|technologist|"
    r"medical assistant|hygienist|driver|operator|machinist|welder|fitter|pipefitter|"
    r"electrician|plumber|mechanic|carpenter|painter|roofer|installer|laborer|labourer|"
    r"general labor|picker|packer|loader|material handler|warehouse associate|assembler|"
    r"inspector|supervisor|foreman|superintendent|dispatcher|clerk|receptionist|"
    r"administrative assistant|admin assistant|bookkeeper|accountant|controller|"
    r"specialist|analyst|developer|engineer|programmer|architect|designer|scientist|"
    r"consultant|recruiter|associate|manager|director|"
    r"administrator|coordinator|scheduler|cashier|cook|chef|dishwasher|server|bartender|"
    r"housekeeper|janitor|custodian|security guard|paralegal|underwriter|"
    r"customer service rep(?:resentative)?|sales rep(?:resentative)?|account executive)"
)
#: The role nouns of staffing ads, and the titles job boards list that a recruiter's casual ad
#: rarely names (a bare listing's title ends in one; a post that names none of them nor other
#: work is no job ad)
LISTED_ROLES = (
    rf"(?:{ROLE_NOUNS}|artist|aide|professor|lecturer|teacher|tutor|instructor|attorney|lawyer|"
    r"officer|representative|rep|agent|planner|writer|editor|producer|advisor|adviser|"
    r"counselor|counsellor|physician|surgeon|dentist|psychologist|librarian|assistant|worker|"
    r"helper|intern|trainee|apprentice|baker|butcher|guard|nanny|cleaner|porter|valet|host|"
    r"hostess|barista|crew member|team member|courier|handler|stocker|merchandiser|estimator|"
    r"auditor|actuary|economist|strategist|marketer|copywriter|photographer|videographer|"
    r"animator|illustrator|researcher|statistician|chemist|biologist|surveyor|drafter|buyer|"
    r"expeditor|executive|paraprofessional|teller|lead)"
)
#: A role noun, one or several ("nurse", "welders", "coaches")
ROLES = rf"(?:{ROLE_NOUNS}(?:e?s)?)"
#: Where a link starts
LINK_RE = re.compile(r"https?://", re.IGNORECASE)
#: What a role may be "open to" that is no one it is open to: "Nurse roles open to debate" is
#: talk, "Roles open to new grads" an ad, and so are roles open to "AI specialists",
#: "change-makers" or "risk-takers" (people named after the idea)
OPEN_TO_NO_ONE = (
    r"(?i:debate|question|discussion|interpretation|change|negotiation|review|abuse|misuse|"
    r"criticism|challenge|scrutiny|doubt|automation|ai|outsourcing|risk|attack)s?\b"
    r"(?![\w-]|\s+\w+(?i:ists|ers|ors|ians|ees|people|pros|professionals|experts|talent|"
    r"grads|graduates|candidates)\b)"
)
#: Pay that is no rate, which ads give as they give a rate: "weekly pay", "daily pay",
#: "same-day pay", "a sign-on bonus" (read by the staffing-ad rules and the offers after an
#: opener alike)
PAY_TERMS = r"\b(?:weekly|daily|same[- ]day) pay\b(?!-)|\bsign[- ]on bonus\b"
# Pay that people talk of as often as ads offer it ("My daily pay barely covers rent lol, DM
# me if you relate", "Daily pay apps are a debt trap"): offered only beside a firm's call
_TALKED_PAY = re.compile(r"(?:daily|same[- ]day) pay", re.IGNORECASE)
_FIRMS_CALL = re.compile(
    r"\b(?:dm|message|call|text|contact|email)\s+us\b|\binterested\s*\?|\bapply\b", re.IGNORECASE
)
# A direct message asked for, as ads and their callers write it
_DM_CALL = r"\b(?:dm|pm|message|inbox|text|email)\s+(?:me|us)\b"
#: A direct message asked for a view, which calls for no applicant: "DM me if you disagree",
#: "DM us your thoughts", "What do you think? DM us". An ad's message asks for the candidate
#: or ends in a call ("DM me if you know Java", "DM me your experience", "Thoughts? DM us to
#: apply") and is none of these.
CALLS_FOR_VIEWS = re.compile(
    rf"{_DM_CALL}\s*,?\s*if you (?:(?:dis)?agree|relate|feel the same|"
    r"think (?:otherwise|differently)|(?:have|got) (?:thoughts|opinions|stories|"
    r"an? (?:take|view|story|opinion|different view)))\b"
    rf"|{_DM_CALL}\s+(?:with )?your (?:thoughts|(?:hot )?takes?|views?|opinions?|stories|story)\b"
    rf"|\b(?:think|thoughts|(?:dis)?agree|take|opinions?|views?)\s*\?\s*{_DM_CALL}"
    r"(?=\s*(?:[^\w\s]|$))",
    re.IGNORECASE,
)
# the words, lower-cased, that every match of CALLS_FOR_VIEWS holds (one of them)
_VIEW_WORDS = ("agree", "relate", "feel the same", "otherwise", "differently", "thought",
               "opinion", "take", "view", "stor", "think")  # fmt: skip


# A rate per hour, week or year ("$18/hr", "$900 a week", "$52-55/hr")
_RATE = (
    r"\$\s?\d[\d,.]*k?(?:\s?[-\u2013]\s?\$?\d[\d,.]*k?)?\s*(?:/\s*|per\s|an\s|a\s)"
    r"(?:hr|hour|h|wk|week|yr|year)\b"
)
# A role named with its rate, as an offer names them ("Weekly pay for pickers, $18/hr",
# "Drivers: $24/hr", "$19/hr for packers"): an offer whatever view it then asks for. A verb
# between them makes it talk ("Pickers make $18/hr here, DM me if you disagree")
_ROLE_WITH_RATE = re.compile(
    rf"\b{ROLES}\s*(?:[,:|\u2013-]\s*|\s(?:at|from)\s)(?:starting at\s)?{_RATE}"
    rf"|{_RATE}\s+(?:for|to)\s+(?:all\s+|new\s+|our\s+)?{ROLES}\b",
    re.IGNORECASE,
)


def drop_calls_for_views(text: str, lowered: str | None) -> tuple[str, str | None]:
    """``text`` and its ``lowered`` form (None: not known, every call is looked for) with each
    message asked for a view (:data:`CALLS_FOR_VIEWS`) blanked out at the same length, so the
    offsets of the rest stay true: "Weekly pay is the best thing about my old job, DM me if you
    disagree" asks no one to apply. A post offering a named role at its rate keeps its call
    ("Weekly pay for pickers, $18/hr. What do you think? DM us" is an ad)."""
    if not holds(lowered, _VIEW_WORDS):
        return text, lowered
    if "$" in text and _ROLE_WITH_RATE.search(text):
        return text, lowered
    text = CALLS_FOR_VIEWS.sub(lambda call: " " * len(call.group()), text)
    return text, None if lowered is None else text.lower()


# Jobs made or lost, as news tells it ("will bring 300 new jobs to the county", "cuts 500
# jobs"): what comes before "jobs", read back from each "jobs" (a pattern that opens with these
# verbs is tried at every character, several times the cost)
_MADE_OR_LOST_BEFORE = re.compile(
    r"\b(?:create|creates|created|creating|add|adds|added|adding|cut|cuts|cutting|lose|loses|"
    r"lost|losing|slash\w*|shed\w*|bring|brings|brought|axe[sd]?|eliminat\w+)\s+(?:up to\s+|"
    r"about\s+|nearly\s+|over\s+|more than\s+|some\s+)?(?:hundreds of|thousands of|dozens of|"
    r"millions of|\d[\d,.]*k?|\d[\d,.]*\s*(?:million|thousand)|new|more)?\s*(?:new\s+)?\Z",
    re.IGNORECASE,
)
# the verbs' stems, lower-cased: a window before "jobs" holding none is not read
_MADE_OR_LOST_STEMS = ("creat", "add", "cut", "los", "slash", "shed", "bring", "brought", "axe",
                       "eliminat")  # fmt: skip
_JOBS = re.compile(r"jobs\b", re.IGNORECASE)
_JOBS_FIGURES = re.compile(r"(?<!\w)jobs (?:report|numbers|data|figures|growth)\b", re.IGNORECASE)
# hiring slowing or frozen: "Tech hiring slows as firms freeze open positions <link>"
_HIRING_SLOWS = re.compile(
    r"\bhiring (?:slows|slowed|slowing|slowdown|freezes?|froze|cools|cooled|cooling|stalls|"
    r"stalled|slumps?|slumped|drops|dropped|falls|fell)\b",
    re.IGNORECASE,
)
# a firm speaking of its own jobs, or inviting to them: "We're adding 25 new jobs, see all open
# roles <link>", "Hiring freeze? Not at Acme. Open roles <link>", "Plant to add 300 jobs,
# recruiting now" offer the jobs they tell of (not "firms freeze open positions")
_OWN_OPENINGS = re.compile(
    r"\b(?:we|our)\b|\b(?:now recruiting|recruiting now)\b"
    r"|(?:^|[.!?:\n]\s*|\b(?:see|view|browse|explore|all|our|\d+) )open (?:roles|positions|jobs|"
    r"vacancies)\b",
    re.IGNORECASE,
)
#: The words, lower-cased, that every post :func:`tells_jobs_news` marks holds (one of them)
JOBS_NEWS_WORDS = ("jobs", "hiring ")


def tells_jobs_news(text: str) -> bool:
    """Whether ``text`` tells news of jobs made or lost, of jobs figures or of hiring slowing:
    "will bring 300 new jobs to the county", "cuts 500 jobs", "the jobs report", "hiring slows".
    A "#jobs" tag or "open positions" on such news is a topic, not an opening, and such news is
    talk about hiring (the guidelines' hard negatives: hiring news, jobs reports). A firm's own
    new jobs ("We're adding 25 new jobs, see all open roles <link>") are no such news."""
    return _tells_of_jobs(text) and _OWN_OPENINGS.search(text) is None


def _tells_of_jobs(text: str) -> bool:
    """Jobs made or lost, jobs figures or hiring slowing, whoever tells of them."""
    for jobs in _JOBS.finditer(text):
        start = jobs.start()
        if _JOBS_FIGURES.match(text, start):
            return True
        before = max(0, start - 80)
        window = text[before:start].lower()
        if any(stem in window for stem in _MADE_OR_LOST_STEMS) and _MADE_OR_LOST_BEFORE.search(
            text, before, start
        ):
            return True
    return _HIRING_SLOWS.search(text) is not None


#: The verbs a listing or an offer written in fragments never holds ("Nurses in Texas make
#: $40/hr", "Our nurses get $40/hr"), and the words of a headline ("Breaking News - Denver - $15/hr
#: minimum wage passes"): read by the listings here and by the offers after an opener
VERBS = (
    r"(?:is|are|was|were|be|been|am|make|makes|made|earn|earns|earned|get|gets|got|pays|can|"
    r"can't|cannot|could|should|would|will|won't|have|has|had|do|does|did|don't|doesn't)"
)
HEADLINE_WORDS = (
    r"(?:news|breaking|report|reports|survey|study|poll|according|says|said|law|bill|"
    r"minimum wage|average|median)"
)
# News or figures in the words both readings below take for them: a source and what it found
# ("new data shows", "survey finds"), a record, a change in percent
_SOURCES = r"(?:data|surveys?|study|studies|polls?|reports?|analysis|research|figures|numbers)"
_NEWS_OF_FIGURES = (
    rf"\b(?:{_SOURCES} (?:shows?|showed|finds?|found|says?|said|suggests?|reveals?)"
    r"|record (?:high|low)s?|all-time (?:high|low))\b|\b(?:up|down) \d[\d.]*\s?%"
)
# The words of news or figures about pay and jobs, which a listing written in fragments never
# holds: a headline ("Breaking News - Denver - $15/hr minimum wage"), a figure ("Welders:
# $30/hr average in Texas, new data shows"), a change or a comparison ("Sign-on bonus for nurses
# hits a record", "$48/hr in Ohio vs $61/hr in California"); not "data entry", a driver's
# "clean record", trade shows nor Sioux Falls
_REPORT_WORDS = (
    rf"\b(?:{HEADLINE_WORDS}|(?:new|latest) data|hits|rises|rose|climbs|climbed|jumps|"
    r"jumped|soars|soared|fell|falls (?:to|below)|drops|dropped|vs|versus|compared (?:to|with))\b|"
    + _NEWS_OF_FIGURES
)
# Where pay is given, news or a figure of it in words an ad does not use beside the pay it
# offers: a source ("new data shows", "survey finds", "according to a report"), a statistic
# ("median", "on average", "average wage", "up 12%"), a record, or pay in one place set against
# another ("$48/hr in Ohio vs $61/hr in California"). Not the headline words that
# make a listing talk: an ad has a "law firm", says "report to Dock 4", "pay according to
# experience", "rises to $20 after 90 days", "100 drops a day" or "nights $24/hr vs days $21/hr"
#: News or figures about pay: pay whose sentence holds one is reported, offered to no one
REPORTS = re.compile(
    rf"{_NEWS_OF_FIGURES}|\b(?:(?:new|latest|recent) {_SOURCES}"
    rf"|according to (?:(?:a|an|the|new|latest|recent|this) )*{_SOURCES}"
    r"|median|on average|average (?:pay|wages?|salar(?:y|ies)|earnings|hourly|rates?)"
    r"|hits? (?:a |an )?(?:new )?(?:record|high|low))\b"
    r"|\bin (?-i:[A-Z])[\w.]*(?: (?-i:[A-Z])[\w.]*)*,? (?:vs\.?|versus|compared (?:to|with)) ",
    re.IGNORECASE,
)
# pay set above an average, as an ad boasts of it ("$19/hr, above the county average!")
_ABOVE_AVERAGE = re.compile(
    r"\b(?:above|better than|higher than|beats?)(?: the)?(?: [\w-]+){0,2}? average\b|"
    r"\babove-average\b",
    re.IGNORECASE,
)
# where a sentence ends (not at the point of "\u00a312.50/h")
_SENTENCE_END = re.compile(r"[!?\n]|\.(?:\s|$)")
# A listing is written in fragments, with no verb: one that has a verb, a pronoun or a
# headline word is talk or news ("Nurses in Texas make $40/hr", "Uber driver in Tampa
# arrested", "Meet our new Marketing Coordinator")
VERB_OR_HEADLINE = re.compile(
    rf"\b(?:{VERBS}|i|i'm|my|you|your|we|our|they|their|he|she|his|her|it's|that's|who|what|"
    r"why|how)\b|" + _REPORT_WORDS,
    re.IGNORECASE,
)


# Pay said to be too low for anyone to take ("nobody will work for $15 an hour", "I don't know
# anyone who'd take $16/hr"): a complaint about the pay, not its offer; asked, it is a call
# ("Who will work for $25 an hour this weekend? Text us")
SAID_TOO_LOW = re.compile(
    r"\b(?:who(?:['\u2019]d| would| will)|no ?(?:one|body)(?:['\u2019]d| would| will| wants to)?)\s+"
    r"(?:\w+\s+)?(?:take|accept|work for|do it for|do that for|apply for)\b[^.!?\n]{0,15}\$\s?\d"
    r"(?![^.!?\n]*\?)",
    re.IGNORECASE,
)


def find_offered_pay(pay: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first pay ``pay`` finds in ``text`` that is offered: not pay said too low for anyone
    to take (:data:`SAID_TOO_LOW`: "No one wants to work for $14/hr, and you don't have to: CNAs
    $26/hr, text us" offers the $26), and daily or same-day pay only beside a firm's call
    ("Same-day pay on all warehouse shifts, DM us"), not in talk of it ("My daily pay barely
    covers rent lol, DM me if you relate")."""
    firms: bool | None = None
    low = [said.span() for said in SAID_TOO_LOW.finditer(text)]
    for paid in pay.finditer(text):
        if any(start <= paid.start() < end for start, end in low):
            continue
        if _TALKED_PAY.fullmatch(paid.group()) is None:
            return paid
        if firms is None:
            firms = _FIRMS_CALL.search(text) is not None
        if firms:
            return paid
    return None


def reports_around(text: str, start: int, end: int) -> bool:
    """Whether the sentence that holds ``text[start:end]`` (pay, most often) reports news or a
    figure (:data:`REPORTS`): "Nurse pay up 12% to $48/hr, new survey shows. Link in bio"; pay
    "above the county average" is an ad's boast."""
    begin, finish = 0, len(text)
    for stop in _SENTENCE_END.finditer(text):
        if stop.end() <= start:
            begin = stop.end()
        elif stop.start() >= end:
            finish = stop.start()
            break
    return REPORTS.search(_ABOVE_AVERAGE.sub(" ", text[begin:finish])) is not None
