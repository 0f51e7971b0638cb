"""A job offered to the room: "Hiring a receptionist for our dental office. Who wants it?".

The job-ad patterns (:mod:`staffpulse.signals.job_ads`) know the wording of ads ("apply now",
"#hiring", a pay range), and the job-opening model is not trusted on a post that ends asking
(a question to peers names postings and pay as an ad does). A person offering a job in their
own words, ending with a question, slipped between the two: "My company is hiring remote
support reps, $18/hr. Anyone looking?" was offered as a question to answer. It is an opening
to pass on, not a conversation to join, so it is left out as a job ad.

It takes both: the writer offers work (their own side hiring: "we're hiring", "I'm looking
for a marketing coordinator", "hiring a receptionist", "I have an opening on my team", "we
need 5 pickers", "who wants a job?"), and the post calls for candidates ("who wants it?",
"anyone interested?", "know anyone?", "any takers?", "DM me", "send me your resume"). A
question about the hiring itself ("We're hiring but nobody applies. What are we doing
wrong?") has no such call, and someone looking for work ("I'm looking for a new role, anyone
hiring?") offers none, nor does one looking for a thing or asking for a name ("We're looking
for a venue for our offsite, DM me", "looking for a good accountant, know a good one?"): what
is looked for has to be a person hired ("a freelance graphic designer", "two RNs"), not a
provider of a service the writer wants for themselves ("looking for a reliable plumber in
Denver, DM me": :mod:`staffpulse.signals.job_ads_services`).

The other way round, an employer asking the room for help with its own hiring ("We're hiring
but nobody applies to our night shifts. What are we doing wrong?") reads as an ad to the
patterns ("we're hiring"), yet it is the conversation a staffing firm most wants to join. It is
not a job ad when it ends asking for advice (:func:`asks_hiring_advice`) and has no way to
apply: no link, no call for candidates, no pay figure, no hiring hashtag. On the real posts
(58 pattern ads of the 498 dev posts, 36 of the 15,531 CrowdFlower tweets) none is such a
question, so no real ad is let through by it.

Nor is an offer quoted to scoff at it (:func:`scoffs_at_an_offer`: "Local diner hiring servers
at $2.13/hr plus tips. I wouldn't work for that either", "'Hiring line cooks, $10 an hour' lol
who'd take that"): the writer turns the offer down for the room, a complaint about pay to join,
not an opening to pass on.
"""

from __future__ import annotations

import re

from staffpulse.listen.questions import ends_asking
from staffpulse.listen.sentences import split_sentences
from staffpulse.listen.work_terms import URL_RE
from staffpulse.signals.job_ads import APPLY_CALLS, SEEKERS_WANTS
from staffpulse.signals.job_ads_services import seeks_a_service
from staffpulse.signals.job_ads_talk import HIRING_STRUGGLE
from staffpulse.signals.job_words import SAID_TOO_LOW

# what someone looking for work looks for, and what a team looks for that is no hire: the
# first noun after "looking for a" (so not "offices": "an office manager" is a hire)
_NOT_A_HIRE = (
    r"(?!(?:(?:a|an|my|some|the|new|next|first|full[- ]time|part[- ]time|remote|good|better|"
    rf"another|any)\s+)*(?:{SEEKERS_WANTS}|work|employment|feedback|advice|tips|input|thoughts|"
    r"ideas|recommendations|suggestions|help|ways?|tools?|software|platforms?|vendors?|apps?|"
    r"ats|recruiters?|headhunters?|agenc(?:y|ies)|staffing|lawyers?|attorneys?|referrals?|"
    r"references?)\b)"
)
_SIDE = (
    r"(?:we['\u2019]?re|we are|i['\u2019]?m|im|i am|(?:my|our) (?:team|company|clinic|firm|"
    r"agency|office|shop|store|restaurant|practice|startup|department|dept|client|business|"
    r"school|hospital|lab) (?:is|are))"
)
# ... and for hiring, any workplace of the writer's ("our bakery is hiring", "my little bike
# shop is hiring"): only a workplace hires, while "my cousin is looking for a plumber" seeks
# a service; not one the writer left, dreams of or lives by ("my old company is hiring again
# at $18/hr", "our local hospital is hiring at $22/hr while ...", "my kids' school"): a
# complaint or a wish, which its pay figure does not make an ad
_HIRING_SIDE = (
    r"(?:we['\u2019]?re|we are|i['\u2019]?m|im|i am|"
    r"(?:my|our) (?!(?:old|former|ex|previous|last|local|dream|favou?rite|kids?|son|sons|"
    r"daughters?|children|town|city)\b)(?:[\w&'\u2019-]+\s+){0,2}?[\w&'\u2019-]+ (?:is|are))"
)
# a person sought for work, a few words after "looking for a": "a freelance graphic designer",
# "two RNs"; not a thing ("a venue", "a podcast", "a good laptop charger"), which a post asking
# for recommendations seeks
_THING = (
    r"(?!(?:charger|printer|speaker|planner|folder|poster|sticker|blender|computer|router|"
    r"monitor|player|trailer|container|cooler|heater|filter|sweater|answer|paper|number|letter|"
    r"newsletter|order|calendar|timer|tracker|browser|provider|partner|vendor|counselor|"
    r"doctor|dentist|therapist|lawyer|accountant|realtor|for|per|nor|or|other|another|better|"
    r"bigger|cheaper|faster|easier|newer|under|after|over|ever|never|either|together|however|"
    r"whatever|major|minor|super|proper|event|present|content|moment|weekend|dinner|summer|"
    r"winter|center|centre|corner|career|meter)s?\b)"
)
_PERSON = (
    rf"(?:[\w-]+\s+){{0,3}}?{_THING}(?:\w+(?:er|or|ist|ian|ant|ent|ee)s?|nurses?|rns?|reps?|"
    r"cooks?|chefs?|aides?|interns?|temps?|staff|hands|help|hires?|candidates?|cnas?|lpns?)\b"
)
# the writer's side offers work
_OFFERS_RE = re.compile(
    rf"\b{_HIRING_SIDE}\s+(?:now\s+|currently\s+|still\s+)?(?:hiring|recruiting)\b"
    rf"|\b{_SIDE}\s+(?:now\s+|currently\s+|still\s+)?(?:looking|searching) for\s+{_NOT_A_HIRE}"
    rf"(?:an?|\d+|two|three|four|five|some|several)\s{_PERSON}"
    rf"|(?:^|[.!?\n]\s*)(?:now\s+|currently\s+)?(?:looking|searching) for\s+{_NOT_A_HIRE}"
    rf"(?:an?|\d+|two|three|four|five|some|several)\s{_PERSON}"
    r"|(?:^|[.!?\n]\s*)(?:now\s+)?hiring:?\s+(?:an?|\d+|two|three|four|five|several)\s"
    r"|\b(?:i|we)\s+(?:have|['\u2019]ve got|got)\s+(?:an?|\d+|two|three)\s+(?:\w+\s+)?"
    r"(?:openings?|vacanc(?:y|ies)|spots?|positions?)\s+(?:on|in|at|for|open)\b"
    r"|\b(?:i|we)\s+need\s+(?:\d+|two|three|four|five|six|a few|several)\s+(?:more\s+)?"
    r"(?:[\w-]+\s+)?(?:\w+(?:ers|ors|ists|ians|ants|ents)|staff|nurses|rns|reps|hands|temps)\b"
    r"|\bcome (?:and )?work (?:with|for) (?:me|us)\b"
    r"|\bwho wants (?:a|an|the) (?:job|gig|role|position|shift)\b",
    re.IGNORECASE,
)
# ... and calls for candidates
_CALLS_RE = re.compile(
    APPLY_CALLS + r"|\bwho wants (?:it|one|them|(?:a|an|the) (?:job|gig|role|spot|shift)|in)\b"
    r"|\bcome (?:and )?work (?:with|for) (?:me|us)\b"
    r"|\bany ?(?:one|body)\s+(?:here\s+)?(?:interested|looking|free|available|keen|up for it|"
    r"want it)\b"
    r"|(?:^|[.!?\n]\s*)interested\s*\?"
    r"|\bany takers\b"
    # not "know a good one?": a recommendation asked for; nor "I don't know anyone who'd take
    # $16/hr": a complaint about the pay
    r"|(?<!n't )(?<!not )(?<!never )\bknow (?:any ?one|some ?one|somebody|any ?body)\b"
    # not "call me": "call me old-fashioned, but we're hiring for attitude"
    r"|\b(?:pm|email|text) (?:me|us)\b|\bhit me up\b|\bhmu\b|\breach out\b|\btag (?:someone|a friend)\b",
    re.IGNORECASE,
)


# advice asked in the last sentence: "what are we doing wrong?", "any advice?", "how do we..."
_ADVICE_RE = re.compile(
    r"\b(?:what (?:are we|am i) doing wrong|how (?:do|can|should|would) (?:we|i|you)|"
    r"why (?:can['\u2019]?t|don['\u2019]?t|won['\u2019]?t|isn['\u2019]?t|aren['\u2019]?t|"
    r"is no ?(?:one|body)|does no ?(?:one|body)|do no ?(?:one|body))|"
    r"any (?:advice|tips|ideas|suggestions)|what (?:would|should|do) you (?:do|suggest|recommend)|"
    r"what works|where do you (?:find|post))\b",
    re.IGNORECASE,
)
_APPLY_BY_RE = re.compile(r"\$\s?\d|#\w*(?:hiring|jobs?)\b", re.IGNORECASE)
_PAY_RE = re.compile(r"\$\s?\d")
_TRAILING_TAGS_RE = re.compile(r"(?:\s*#\w+)+\s*$")


def asks_hiring_advice(text: str) -> bool:
    """The post ends asking the room for advice ("What are we doing wrong?", "Any advice?")
    and gives no way to apply (no link, no call for candidates, no pay, no hiring hashtag): a
    hiring question, whatever an ad's words in it."""
    plain = URL_RE.sub(" ", text).strip()
    if plain != text.strip() or _CALLS_RE.search(plain):
        return False
    # "We're hiring but nobody applies. What are we doing wrong? #hiring": the tag files the
    # struggle under hiring, it offers nothing to apply for
    apply_by = _PAY_RE if HIRING_STRUGGLE.search(plain) else _APPLY_BY_RE
    if apply_by.search(plain):
        return False
    # the tags after the question are no sentence of their own
    last = split_sentences(_TRAILING_TAGS_RE.sub("", plain) or plain)[-1]
    return last.rstrip().endswith("?") and _ADVICE_RE.search(last) is not None


# the job's own terms, which only its ad gives: "2-2 teaching load", "tenure-track", "$22/hr"
_TERMS_RE = re.compile(
    r"\b\d-\d (?:teaching )?load\b|\bteaching load\b|\btenure[- ]track\b|"
    r"\$\s?\d[\d,.]*\s*(?:k\b|/\s?h(?:ou)?r\b|an hour\b|per hour\b|a year\b)|"
    r"\b(?:full|part)[- ]time (?:role|position|job|post)\b",
    re.IGNORECASE,
)


def offers_a_job(text: str) -> bool:
    """The writer offers a job and calls for candidates ("Hiring a part-time receptionist in
    Austin. Who wants it?") or gives its terms ("My lab is hiring in ecology. 2-2 teaching
    load, tenure-track"): an opening to pass on, whatever its question; its terms without a
    call make no ad when a question to the room ends the post, a struggle to hire ("We're hiring
    for a full-time role and nobody applies. What are we doing wrong?") or a question on the job
    ("I'm hiring a tenure-track post this year. Should I ask for a teaching statement?")."""
    plain = URL_RE.sub(" ", text)
    if _OFFERS_RE.search(plain) is None:
        return False
    if _CALLS_RE.search(plain) is None and (
        _TERMS_RE.search(plain) is None or ends_asking(text) or SAID_TOO_LOW.search(plain)
    ):
        return False
    return not seeks_a_service(plain)  # "looking for a reliable plumber in Denver, DM me"


# the writer turning an offer down for the room: "who'd take that", "who would even apply to
# this", "I wouldn't work for that either", "nobody should take that"
_SCOFF_RE = re.compile(
    r"\bwho(?:['\u2019]d| would| tf would| the hell would)? (?:ever |even |actually )?"
    r"(?:take|accept|work for|apply (?:for|to)) (?:that|this|it|these|those)\b|"
    r"\b(?:i|we)(?:\s+wouldn['\u2019]?t|\s+won['\u2019]?t|\s+would (?:not|never)|\s+will not|"
    r"['\u2019]d never) (?:ever )?work for (?:that|this|those|these|peanuts|[$\u00a3\u20ac]\s?\d)|"
    r"\b(?:nobody|no one|no-one) (?:should|would|will|is gonna|is going to) (?:ever )?"
    r"(?:apply\b|(?:take|accept|work for) (?:that|this|it|these|those|the (?:job|offer|role)|"
    r"jobs? like)\b)",
    re.IGNORECASE,
)
# luck wished to the employer: "... $7.25 an hour lol good luck with that"; a scoff only at a pay
# named before it or "at that rate" after it, as an ad wishes its readers luck too
_GOOD_LUCK_RE = re.compile(
    r"\bgood luck (?:with that|finding (?:any ?one|some ?one|any ?body|people|staff))\b"
    r"(?P<at_that_pay>\s+(?:\w+\s+)?(?:at|for) that (?:rate|pay|wage|salary|money)\b)?",
    re.IGNORECASE,
)
_PAY_NAMED_RE = re.compile(
    r"[$\u00a3\u20ac]\s?\d|\b\d+(?:\.\d+)?\s?(?:an hour|per hour|/\s?h(?:ou)?r)\b|"
    r"\bunpaid\b|\bminimum wage\b|\bfor exposure\b",
    re.IGNORECASE,
)
# the writer's own opening, which an ad may wish luck to those who look elsewhere ("Good luck
# finding staff who care like ours do"), and an ad's heading ("Job alert: night nurse, $48/hr")
_OWN_OPENING_RE = re.compile(
    r"\b(?:we(?:['\u2019]re| are)(?: now| still)? hiring|our|ours|join us|my (?:company|team|firm))\b",
    re.IGNORECASE,
)
_AD_HEADING_RE = re.compile(
    r"\b(?:now hiring|hiring now|job alert|open (?:role|position)|vacancy)\b", re.IGNORECASE
)


def _wishes_the_employer_luck(text: str) -> bool:
    """ "Good luck with that" said of someone else's offer at a pay named ("$8/hr. Good luck
    with that"), or of its pay in so many words ("good luck finding staff at that pay"), in a
    post that is no ad of the writer's own and calls no one to apply."""
    luck = _GOOD_LUCK_RE.search(text)
    if (
        luck is None
        or _CALLS_RE.search(text)
        or URL_RE.search(text)
        or _OWN_OPENING_RE.search(text)
    ):
        return False
    if luck.group("at_that_pay"):
        return True
    return _PAY_NAMED_RE.search(text[: luck.start()]) is not None and not _AD_HEADING_RE.search(
        text
    )


def scoffs_at_an_offer(text: str) -> bool:
    """The writer turns an offer down for the room ("who'd take that", "I wouldn't work for
    $9/hr either", "nobody should take that"): a complaint about pay, whatever ad it quotes.
    Not when a call to apply or a link follows the scoff: then it is the ad's own hook ("Who'd
    take that shift? Night auditor, $21/hr, apply today", "Nobody should apply without a CDL.
    Hiring drivers, apply at <link>")."""
    scoff = _SCOFF_RE.search(text)
    if scoff is None:
        return _wishes_the_employer_luck(text)
    after = text[scoff.end() :]
    return URL_RE.search(after) is None and _CALLS_RE.search(after) is None
