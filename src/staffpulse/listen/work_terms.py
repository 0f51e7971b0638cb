"""The work vocabulary of listening: which words put a post about work beyond doubt, and the
work matter an angle or a topic label may name ("pay", "interviews", "remote work").

Ambiguous words ("office", "work", "working", a bare "manager" or "job") are left out on
purpose: "the senator held office for years" is not about workplaces, "How does this gadget
work?" is not about work, nor are "like a boss" or "be your own boss", a press "interview
with" someone or an actor's interviews, sport's recruiting ("a football recruiting class",
"the five-star QB recruit commits"), praise ("they do a superb job", "good job"), sport's
"bottle job" (a side that fails under pressure) or Steve Jobs.
"""

from __future__ import annotations

import re

from staffpulse.accents import straighten_quotes
from staffpulse.listen.partisan import ELECTION_CANDIDATE_RE
from staffpulse.listen.workplace_terms import (
    DISCIPLINE,
    OWN_SHIFTS,
    SAFETY,
    STAFF_PARTY,
    SUPERVISORS,
    UNIONS,
    UNPAID,
    WORKPLACE,
)
from staffpulse.signals.job_search import names_job_search_step

# links are no words of a post: every reading of its words in listen/ takes them out first
# "www." starts a word: "Ewwwwwww... my boss" holds no link
URL_RE = re.compile(r"https?://\S+|\bwww\.\w\S*")


def plain_text(text: str) -> str:
    """The text as the lexicons and VADER read it: no links, and a typographic apostrophe made
    straight ("can\u2019t cope", as phones type it): VADER reads "won\u2019t load, please help" as
    positive, its negation missed, and the lexicons are written with "'"."""
    return straighten_quotes(URL_RE.sub(" ", text))


# a press interview: a headline's "An Interview with the Mayor", "in an interview with
# CNN", "an exclusive interview with"; "I have an interview with Acme" stays a job interview
PRESS_INTERVIEW_RE = re.compile(
    r"\b((?i:an|the) Interview|(?i:in an|exclusive) interview)(?= with\b)"
)
# Sport recruits players, not staff: "State's 2027 football recruiting class", "the five-star QB
# recruit commits to Ohio State on signing day". In a post with one of these words a "recruit"
# word names no work matter (nor the theme Recruiting & sourcing). "College" alone is no sign:
# "college recruiting" is campus hiring, a staffing firm's business.
SPORTS_RE = re.compile(
    r"\b(football|basketball|baseball|softball|soccer|hockey|volleyball|lacrosse|wrestling|"
    r"athletics|athletes?|ncaa|nfl|nba|wnba|mlb|nhl|signing day|(five|four|three|[345])-?star|"
    r"(?-i:QBs?)|quarterbacks?|linebackers?|wide receivers?|running backs?|point guards?|"
    r"tight ends?|(de)?commits|decommit\w*|verbal(ly)? commit\w*|committed to play|"
    r"scholarship offers?|recruiting class(es)?|fall camp|spring game|touchdowns?)\b",
    re.IGNORECASE,
)
_RECRUIT_RE = re.compile(r"\brecruit\w*", re.IGNORECASE)
# Show business interviews people too: "where are all of steven's interviews? ... the other
# actors did". In a post with one of these words an "interview" word names no work matter. Not
# "podcast", "episode" or "radio": recruiting has its podcasts ("this episode: cutting
# interviews from 5 rounds to 2").
SHOWBIZ_RE = re.compile(
    r"\b(actors?|actress(es)?|co-?stars?|cast members?|celebrit(y|ies)|red carpet|"
    r"press (tours?|junkets?)|talk shows?|late[- ]night shows?|albums?|premieres?|fandom|"
    r"band members?|singers?|rappers?)\b",
    re.IGNORECASE,
)
_INTERVIEW_RE = re.compile(r"\binterview\w*", re.IGNORECASE)
# At the gym "CV" is cardio ("leg day done, 20 minutes of CV next"): in a post with one of
# these words a "CV" is no résumé
_GYM_RE = re.compile(
    r"\b(gym|gyms|workouts?|work out|treadmill|cardio|leg day|arm day|body ?parts?|squats?|"
    r"deadlifts?|cross-?trainer|rowing machine|spin class(es)?|bench press)\b",
    re.IGNORECASE,
)
_CV_RE = re.compile(r"\b(?-i:CV)s?\b")
# Code has branches too ("open a new branch for the fix, then a pull request"): in a post with
# one of these words a "branch" is no office of a firm.
CODE_RE = re.compile(
    r"\b(git|github|gitlab|repos?|repository|repositories|pull requests?|(?-i:PRs?)|"
    r"merg(e|ed|ing)|commits?|checkout|rebase|codebase|deploy\w*)\b",
    re.IGNORECASE,
)
_BRANCH_RE = re.compile(r"\bbranch(es)?\b", re.IGNORECASE)
# "resume" the verb, not the résumé: "will resume flights", "can you resume the download",
# "pause/resume the video", "resume tomorrow" (the accented spellings are always the résumé)
_RESUME_VERB_RE = re.compile(
    r"(?:\b(?:to|will|would|can|could|should|may|might|must|shall|please|then|i|you|we|they|"
    r"it)\s+|"
    r"['\u2019]ll\s+|/\s*)resumes?\b|\bresumes?(?=\s+(?:playback|play|flights?|services?|"
    r"operations|normal\w*|shortly|soon|later|tomorrow|today|tonight)\b)",
    re.IGNORECASE,
)
# pay by the hour: "$19/hr", or "paid $15 an hour" (not "parking is $4 an hour")
_PAY_PER_HOUR = (
    r"\$\s?\d[\d,.]*\s*/\s*(?:hr|hour)\b|\b(?:pay|pays|paid|paying|make|makes|making|made|earn\w*|"
    r"wages?|rate|starting at|starts at|offer\w*)\s+(?:is\s+|was\s+|of\s+|at\s+|only\s+|just\s+|"
    r"about\s+|around\s+|under\s+)?\$\s?\d[\d,.]*\s*(?:an? |per )(?:hr|hour)\b"
)
# wages withheld from the writer: "My agency hasn't paid me for my shifts"
_NOT_PAID_ME = (
    r"(?:hasn't|haven't|has not|have not|didn't|did not|never|won't|will not) (?:been )?"
    r"paid (?:me|us)"
)
# an election's candidates are no job's: "the 2028 presidential candidates"; but a staffing
# desk's "general labour candidates" are, and its "third party candidates" (sent by an
# agency: _CANDIDATES, while "a third-party candidate" runs for office)
_NOT_AN_ELECTION = "".join(
    rf"(?<!{word} )"
    for word in (
        "presidential", "political", "mayoral", "election", "electoral", "party", "senate",
        "congressional", "gubernatorial", "democratic", "republican", "gop",
        "(?<!general )labour", "tory", "council",
    )
)  # fmt: skip
_CANDIDATES = rf"third[- ]party candidates|{_NOT_AN_ELECTION}candidates?"
# in a post about a candidate for office (partisan.ELECTION_CANDIDATE_RE: "launch our Riverton
# candidate") a "candidate" word names no work matter
_CANDIDATE_RE = re.compile(r"\bcandidates?\b", re.IGNORECASE)
# A staffing firm's charges: its bill rates and its markup on what it pays ("agency markup",
# "a 40% markup on temps"), not a shop's ("the markup on this phone") nor a web page's
_BILLING = (
    r"bill(ing)? rates?|pay[- ]bill spreads?|(staffing|agency|temp|contract|recruit\w*) markups?|"
    r"markups? (on|for|over) (temps?|contractors?|workers?|staff|pay|wages?|labou?r|candidates?|"
    r"placements?|payroll)"
)
# Degrees set against skills or experience, or asked of a hire: "Skills trump degrees.",
# "experience over a degree", "do you hire without a degree?"; not a temperature ("40 degrees")
_DEGREES = (
    r"\b(skills?|experience)\b[^.?!\n]{0,40}\b(?<!\d )(?<!\d)degrees?\b|"
    r"\b(?<!\d )(?<!\d)degrees?\b(?! of\b)[^.?!\n]{0,40}\b(skills?|experience)\b"
)
_WORK_TERMS_RE = re.compile(
    r"\b(job markets?|jobs reports?|temp(orary)? (workers?|staff|jobs?|roles?)|"
    r"(warehouse|agency|seasonal|office|admin|industrial|holiday|our|more|new|\d+) temps|"
    r"temp-to-(hire|perm)|locums?|per diem|travel nurs\w*|contractors?|"
    r"contract (roles?|work\w*|jobs?|labou?r|staff\w*|nurs\w*|positions?|rates?|hires?)|"
    r"(\d+-week|\d+-month|short-term|fixed-term|temporary|zero-hours?) contracts?|"
    r"(staffing|temp|recruitment|recruiting|nursing|employment|locum|talent) agenc(y|ies)|"
    r"(night|day|late|early|double|extra|weekend|graveyard|split|morning|evening|\d+-hour) "
    r"shifts?|shift (work\w*|patterns?|pay|rotas?|schedul\w*)|hir(e|es|ed|ing)|(?<!football )(?<!basketball )recruit\w*(?!\s+class)|"
    rf"{_CANDIDATES}|applicants?|(?:exit|stay)[- ]interviews?|interview\w*(?!\s+with\b)|"
    # an opening nobody applies for: "$10 an hour for that? No wonder nobody applies" (not
    # "nobody applies the rule", "no one applies sunscreen": the clause ends, or "for" follows)
    r"(nobody|no one|no-one) (applies|applied|is applying|(wants|wanted) to apply|will apply|"
    r"would apply)(?=\s*($|[.,;:!?)\u2026-]|(for|anymore|any more|now|nowadays|these days|"
    r"here|there|lol)\b))|"
    r"(?<!good )(?<!great )(?<!nice )(?<!superb )(?<!awesome )(?<!amazing )(?<!brilliant )"
    r"(?<!excellent )(?<!fantastic )(?<!terrific )(?<!bottle )job|(?<!steve )jobs|careers?|"
    r"r[e\u00e9]sum[e\u00e9]s?|cover letters?|salar(y|ies)|wages?|pay (raises?|rises?|cuts?|rates?|gap|"
    r"transparency|ranges?|bands?)|layoffs?|laid off|onboarding|benefits? (enrol(l)?ments?|packages?)|human resources|workplaces?|co[- ]?workers?|"
    r"colleagues?|(?<!like a )(?<!own )boss(es)?(?! up\b)|(my|our|your|their|his|her|line|hiring|people) managers?|"
    r"employ(ee|ees|er|ers|ment)|unemploy\w*|staffing|talent acquisition|remote work\w*|"
    r"hybrid work\w*|return[- ]to[- ]office|work ?weeks?|work(ing)? from home|wfh|burnout|"
    r"performance reviews?|counter-?offers?|offer letters?|notice period|resign\w*|"
    r"internships?|interns?|payroll|overtime|workforce|labou?r market|headcount|"
    # an employer's standing and the way work is done: "named one of the best companies to
    # work for", "the future of work", "a shared work space for the neighbourhood"
    r"(places?|compan(y|ies)|employers?|organi[sz]ations?) to work (for|at)|"
    r"(best|great|happiest|top) places? to work|future of work|"
    r"(new|modern|flexible|shared|open[- ]plan) work spaces?|"
    r"ghost(ed|ing)|referrals?|(?-i:HR|CV|RTO|PTO)|"
    # a staffing firm's own business: its fees, its placements, its branches
    r"(placement|finder['\u2019]?s|recruit(ment|ing|er)|agency) fees?|"
    r"(perm|permanent|temp|direct|contract) placements?|"
    r"branch (offices?|managers?|openings?)|open(s|ed|ing)? (a |our |the |its )?"
    r"(new |second |third |first |\d+(st|nd|rd|th) )?branch(es)?|"
    r"fully remote|remote (jobs?|roles?|workers?|teams?|staff|employees|positions?)|"
    # pay by the hour, a travel contract, people kept or lost: "Pay is $19/hr. What are we
    # missing?" and "looking for a travel contract in Denver" are about work in so many words
    r"hourly (rates?|pay|wages?)|travel (contracts?|assignments?)|"
    # wages withheld and the writer's own shifts: "My agency hasn't paid me for my shifts"
    rf"{_NOT_PAID_ME}|"
    r"(my|our|your|their|his|her|extra|more|\d+|two|three|four|five) shifts|"
    r"(staff|employee|worker|nurse|driver|teacher)s? (turnover|retention)|"
    # what a staffing firm charges: "bill rates are flat this quarter", "our markup on temps"
    rf"{_BILLING}|{WORKPLACE})\b|{_DEGREES}|"
    rf"{_PAY_PER_HOUR}",
    re.IGNORECASE,
)
# Work words a post names in passing as often as on purpose: "in the job-spec" in a
# complaint, "employees" in a product ad, "my career" in a memoir. One of them alone does not
# make a post squarely about work (:func:`dwells_on_work`); a second work word, or one of the
# others ("candidates", "layoffs", "interview"), does.
_INCIDENTAL_RE = re.compile(
    r"(contractors?|\w+ shifts?|shift \w+|\w+ temps|"
    r"job|jobs|careers?|employ(ee|ees|er|ers|ment)|workplaces?|co[- ]?workers?|colleagues?|"
    r"boss(es)?|\w+ managers?|workforce|headcount|work ?weeks?|"
    # the writer's own supervisor or shift, a staff party: "my shift starts at noon"
    r"\w+ (shift|supervisors?|team leads?|team leaders?|foreman|foremen)|\w+ \w+ (\w+ )?(\w+ )?(party|outing)|"
    # pride in a workplace names no matter to talk about in itself
    r"(proud of|shout[- ]?outs? to|hats off to|grateful for) .+)",
    re.IGNORECASE,
)
# A caption is at most this many words of the post's own (links, handles and hashtags aside),
# ending with a colon: a sentence that says something of its own runs longer.
CAPTION_WORDS = 6
# A quote post's marker on a line of its own once its link is taken out ("RE: <link>", the
# Mastodon and Threads way; "QT" on X)
_QUOTE_MARK_RE = re.compile(r"^\s*(?:RE|QT)\s*:?\s*$", re.IGNORECASE | re.MULTILINE)
_TRAILING_RE = re.compile(r"[^\w:]+$")
# The subject an angle names, most specific first: (pattern, how the angle says it). A bare
# "job" names no subject: "I love my job" is not about "the job market".
_SUBJECTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), subject)
    for pattern, subject in (
        # rights first: "I'm off the promotion list. Is this discrimination?" is about that,
        # not about "managers" because it names a boss
        (r"\b(discriminat\w*|harass\w*|retaliat\w*|wrongful(ly)? (dismiss\w*|terminat\w*|"
         r"fired)|(fired|let go|passed over|demoted|rejected|not hired|dismissed) (for|because of)"
         r" (being|my))\b", "workers' rights"),
        (rf"\b({DISCIPLINE})\b", "discipline at work"),
        (r"\b(bereavement|parental|maternity|paternity|sick|medical|annual|family|"
         r"compassionate) leave\b|\b(?-i:PTO)\b|\bpaid time off\b", "leave and time off"),
        (r"\bpay (raises?|rises?|cuts?|rates?|gap|transparency|ranges?|bands?)\b", "pay"),
        # "How much should a welder with 4 years ask for?": a salary question
        (r"\bhow much (should|do|does|can|could|would) (i|you|we|an?|my) [^?.!\n]{0,50}?\b(ask for|"
         r"make|earn|get paid|charge|be paid)\b", "pay"),
        (rf"\b(salar(y|ies)|wages?|hourly (rates?|pay)|{_NOT_PAID_ME})\b|{_PAY_PER_HOUR}", "pay"),
        # "an unpaid 'trial shift'": about pay, whatever else the post names
        (r"\b(unpaid|underpaid)\s+['\u2018\"\u201c]?(trials?|shifts?|work\w*|overtime|hours|"
         r"internships?|training|leave|assignments?|tasks?|take-?homes?)\b", "pay"),
        (rf"\b({UNPAID})\b", "pay"),
        (rf"\b({SAFETY})\b", "workplace safety"),
        (rf"\b({_BILLING})\b", "bill rates and markups"),
        (_DEGREES, "degrees and skills"),
        (r"\b(layoffs?|laid off)\b", "layoffs"),
        (r"\b(return[- ]to[- ]office|(?-i:RTO))\b", "return to office"),
        (r"\b(remote|hybrid) work\w*|\bwork(ing)? from home\b|\bwfh\b|\bfully remote\b|"
         r"\bremote (jobs?|roles?|teams?|staff|employees|positions?)\b", "remote work"),
        (r"\bcounter-?offers?\b", "counteroffers"),
        (r"\b(offer letters?|job offers?)\b", "job offers"),
        (r"\bghost(ed|ing)\b", "ghosting"),
        (r"\bexit[- ]interviews?\b", "exit interviews"),  # leaving, not hiring
        (r"\bstay[- ]interviews?\b", "stay interviews"),  # keeping staff, not leaving
        (r"\binterview\w*\b(?!\s+with\b)", "interviews"),
        (r"\b(r[e\u00e9]sum[e\u00e9]s?|(?-i:CV)s?)\b", "résumés"),
        (r"\bcover letters?\b", "cover letters"),
        (r"\bjob (search\w*|hunt\w*)\b", "the job search"),
        (r"\bonboarding\b", "onboarding"),
        (r"\bburnout|burn(ed|t) out\b", "burnout"),
        (r"\bperformance reviews?\b", "performance reviews"),
        (r"\b(resign\w*|notice period)\b", "resignations"),
        (r"\b(internships?|interns?)\b", "internships"),
        (r"\b(overtime|payroll)\b", "pay"),
        (r"\b(unemploy\w*|labou?r market|job markets?|jobs reports?|headcount|workforce)\b",
         "the job market"),
        (r"\breferrals?\b", "referrals"),
        (r"\b((placement|finder['\u2019]?s|recruit(ment|ing|er)|agency) fees?|"
         # "contract-to-perm placements" asks how long a contract runs, not what it costs
         r"(?<!to-)(?<!to )(perm|permanent|temp|direct|contract) placements?)\b", "placement fees"),
        (r"\bbranch (offices?|managers?|openings?)\b|\bopen(s|ed|ing)? (a |our |the |its )?"
         r"(new |second |third |first |\d+(st|nd|rd|th) )?branch(es)?\b", "opening a branch"),
        (rf"\b({_CANDIDATES}|applicants?)\b", "candidates"),
        (r"\btalent acquisition\b", "talent acquisition"),
        (r"\b(locums?|per diem|travel nurs\w*|temp(orary)? (workers?|staff|jobs?|roles?)|"
         r"(warehouse|agency|seasonal|office|admin|industrial|holiday|our|more|new|\d+) temps|"
         r"temp-to-(hire|perm))\b", "temporary staff"),
        (r"\b(contractors?|contract[- ]to[- ](perm\w*|hire)|travel (contracts?|assignments?)|"
         r"contract (roles?|work\w*|jobs?|"
         r"labou?r|staff\w*|nurs\w*|positions?|"
         r"rates?|hires?)|(\d+-week|\d+-month|short-term|fixed-term|temporary|zero-hours?) "
         r"contracts?)\b", "contract work"),
        (r"\b(staffing|(staffing|temp|recruitment|recruiting|nursing|employment|locum|talent) "
         r"agenc(y|ies))\b", "staffing"),
        (r"\b((night|day|late|early|double|extra|weekend|graveyard|split|\d+-hour) shifts?|"
         r"shift (work\w*|patterns?|pay|rotas?|schedul\w*))\b", "shifts"),
        (rf"\b({OWN_SHIFTS})\b", "shifts"),
        (r"(?<!football )(?<!basketball )\brecruit\w*\b(?!\s+class)", "recruiting"),
        (r"\bhir(e|es|ed|ing)\b", "hiring"),
        (r"\b(?-i:HR)\b|\bhuman resources\b", "HR"),
        (r"\b(co[- ]?workers?|colleagues?|workplaces?)\b", "the workplace"),
        # after a coworker: "do I just start a union?" ends a complaint about their lunch
        (rf"\b({UNIONS})\b", "unions"),
        # "Boss up, own your wins" is slang for "take charge", not about managers
        (r"(?<!like a )(?<!own )\bboss(es)?\b(?! up\b)|\b(my|our|your|their|his|her|line|people) "
         r"managers?\b",
         "managers"),
        (rf"\b({SUPERVISORS})\b", "managers"),
        (rf"\b({STAFF_PARTY})\b", "the workplace"),
        (r"\bcareers?\b", "careers"),
        (r"\bemploy(ee|ees|er|ers)\b", "the workplace"),
        (r"\bwork ?weeks?\b", "the work week"),
    )
)  # fmt: skip


def recruits_for_sport(text: str) -> bool:
    """A "recruit" word in a post about sport (:data:`SPORTS_RE`): players, not staff."""
    return _RECRUIT_RE.search(text) is not None and SPORTS_RE.search(text) is not None


def _words_of(text: str) -> str:
    """The text without links, without "resume" the verb, without its "recruit" words when
    they are about sport, its "interview" words when they are show business's or the press's,
    its "candidate" words when they run for office, its "CV" at the gym (cardio), and its
    "branch" words when they are about code."""
    plain = _RESUME_VERB_RE.sub(" ", URL_RE.sub(" ", text))
    if recruits_for_sport(plain):
        plain = _RECRUIT_RE.sub(" ", plain)
    if SHOWBIZ_RE.search(plain):
        plain = _INTERVIEW_RE.sub(" ", plain)
    if ELECTION_CANDIDATE_RE.search(plain):
        plain = _CANDIDATE_RE.sub(" ", plain)
    plain = without_gym_cv(plain)
    return _BRANCH_RE.sub(" ", plain) if CODE_RE.search(plain) else plain


def without_gym_cv(text: str) -> str:
    """The text without its "CV" when it is said at the gym (:data:`_GYM_RE`), where it is
    cardio, not a résumé."""
    return _CV_RE.sub(" ", text) if _GYM_RE.search(text) else text


def names_work_matter(text: str) -> bool:
    """The text names a work matter in unambiguous words (see the module docstring), or a
    step of a job search as the work_topic rule reads one ("third rejection email this week,
    the ATS hates me"; not a grad school's or a literary magazine's)."""
    plain = _words_of(text)
    return _WORK_TERMS_RE.search(plain) is not None or names_job_search_step(plain)


def work_words(text: str) -> list[str]:
    """Every work word the text names, in order, as written ("hiring", "candidates")."""
    return [m.group(0) for m in _WORK_TERMS_RE.finditer(_words_of(text))]


def dwells_on_work(text: str) -> bool:
    """The text names work words enough to be about work, not in passing: two of them, or one
    that is rarely incidental ("interview", "laid off", "candidates"; not a lone "employees",
    "job" or "career", see :data:`_INCIDENTAL_RE`)."""
    found = work_words(text)
    if len(found) >= 2:
        return True
    return bool(found) and _INCIDENTAL_RE.fullmatch(found[0]) is None


def is_bare_caption(text: str) -> bool:
    """A few words that only introduce what the post shows, and name work in passing if at
    all: "Acme employees today:" over a quoted post ("RE: <link>"), "My boss this morning:"
    over a picture. The point is in what it shows, which listening cannot read, so its lone
    "employees" or "boss" says nothing about work; "Recruiters on a Monday:" (a work word
    that is rarely incidental, :func:`dwells_on_work`) is not bare."""
    plain = _QUOTE_MARK_RE.sub(" ", URL_RE.sub(" ", text))
    own = " ".join(w for w in plain.split() if not w.startswith(("@", "#")))
    own = _TRAILING_RE.sub("", own)  # an emoji or a space after the colon
    return own.endswith(":") and len(own.split()) <= CAPTION_WORDS and not dwells_on_work(own)


def is_work_term(term: str) -> bool:
    """A word or phrase of the work vocabulary on its own ("salary", "remote work")."""
    return _WORK_TERMS_RE.fullmatch(term.strip()) is not None


def work_subjects(text: str) -> list[str]:
    """Every work matter the text names, most specific first, each once: a post that names
    several ("HR", "recruiting", "candidates", "interviews") is about work beyond doubt."""
    plain = _words_of(text)
    found = [subject for pattern, subject in _SUBJECTS if pattern.search(plain)]
    return list(dict.fromkeys(found))


def work_subject(text: str) -> str | None:
    """The work matter the text is about, as an angle names it ("pay", "interviews"), or
    None when it names none: then the angle stays generic rather than built on a stray word."""
    plain = _words_of(text)
    for pattern, subject in _SUBJECTS:
        if pattern.search(plain):
            return subject
    return None
