"""The workplace themes a conversation can be filed under, named for people ("Interviews",
"Pay & salary"): their words, weights and names. Used by :mod:`staffpulse.listen.topics`.

A theme is a few groups of words and phrases of the work vocabulary, each group with a weight:
strong words that name the theme on their own ("interview", "salary", "ghosted", "layoff")
weigh 1, words that only lean towards it ("the pay", "managers", "founders") less. A text's
score for a theme is the sum of the weights of the groups it uses a word of (each group once,
however often). The text is about the theme with the highest score when that reaches the
theme's minimum: 1, and 2 for job ads, which need two signs ("now hiring" and "$18/hr", a pay
figure and a job link). Equal scores go to the theme listed first, the more specific one. A
text that reaches no minimum has no theme: the topic model groups it by its words instead.

How a text's words are matched against the themes' (and how fast):
:mod:`staffpulse.listen.topic_theme_scores`, whose :func:`theme_of` says which theme a text is
about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_PAY_FIGURE = re.compile(
    r"[$\u00a3\u20ac]\s?\d[\d,.]*\s?(?:k\b|/\s?(?:hr|hour|h|wk|week|yr|year|month)\b|an hour|"
    r"per hour|a week|per week)|\d[\d,.]*\s?\u20ac|[$\u00a3\u20ac]\s?\d[\d,.]*\s?[-\u2013]\s?"
    r"[$\u00a3\u20ac]?\d",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Pattern:
    """A pattern on the text, tried only when the text holds one of ``needles``."""

    regex: re.Pattern[str]
    needles: tuple[str, ...]
    raw: bool = False  # on the raw text (links, hashtags, capitals), not on its words


@dataclass(frozen=True, slots=True)
class Group:
    weight: float
    terms: tuple[str, ...]  # "interview*", "pay range*", "return to office", "HR"
    patterns: tuple[Pattern, ...] = ()


@dataclass(frozen=True, slots=True)
class Theme:
    key: str
    label: str  # what the inbox shows; its words are what --topic matches
    groups: tuple[Group, ...]
    minimum: float = 1.0
    search: str = ""  # other words for it that --topic finds it by (" / " apart)


def _g(weight: float, *parts: str | Iterable[str] | Pattern) -> Group:
    """A group of terms ("a|b|c" or a list of them) and patterns."""
    words: list[str] = []
    patterns: list[Pattern] = []
    for part in parts:
        if isinstance(part, Pattern):
            patterns.append(part)
        else:
            words.extend(part.split("|") if isinstance(part, str) else part)
    return Group(weight, tuple(w.strip() for w in words if w.strip()), tuple(patterns))


def _p(regex: str, *needles: str, raw: bool = True, flags: int = re.IGNORECASE) -> Pattern:
    return Pattern(re.compile(regex, flags), needles, raw)


_GROPE = r"\bgrop(?:e|ed|es|ing|er|ers)\b"
# where a workplace's own harassment happens, or who does it: the staff party, a coworker,
# the boss, HR, "at work"
_AT_WORK = (
    r"\b(?:(?:staff|office|work|company|team|christmas work|holiday work)\s+"
    r"(?:party|parties|do|drinks|dinner|outing|retreat)|co-?workers?|colleagues?|boss|"
    r"manager|supervisor|HR|at work|my shift)\b"
)


def _each(*parts: str) -> list[str]:
    """Every phrase made of one choice from each part ("a|b", "c|d" -> "a c", "a d", ...)."""
    out = [""]
    for part in parts:
        out = [f"{head} {word}".strip() for head in out for word in part.split("|")]
    return out


# In the order ties are broken: the specific theme before the broad one.
THEMES: tuple[Theme, ...] = (
    Theme("job_ads", "Job openings", (
        _g(1.0, "now hiring|were hiring|we are hiring|is hiring|hiring now|job alert|new job|"
                "now accepting applications|stellenangebot|wir suchen|hiring for many",
           _p(r"^\W*hiring\b(?!\s+managers?)", "iring")),
        _g(1.0, _each("apply", "now|today|here|online|at|on|by"), ["click to apply", "to apply",
                                                                   "bewerbung"],
           _p(r"\bapply\s*(?::|https?://)", "pply")),
        _g(1.0, Pattern(_PAY_FIGURE, ("$", "\u20ac", "\u00a3"), True)),
        _g(1.0, _p(r"https?://\S*(?:/jobs?\b|/j/|/apply|/careers?\b|/roles?/|/vacanc)",
                       "http")),
        _g(1.0, _p(r"#(?:\w*jobs?|hiring|nowhiring|jobalert)\b", "#")),
        _g(1.0, _each("needed|wanted", "in|for|asap"),
           _each("opening|openings|position|positions|role|roles|spot|spots|vacancy|vacancies",
                   "open|available|in|for"),
           _each("seeking", "a|an|experienced"),
           _each("dm|send|dm us|send us|dm me|send me", "your resume|your cv"),
           ["m w d", "m f d"],
           _p(r"\bdetails:", "etails")),
        _g(1.0, _p(r"(?:\bin|\s-) [A-Z][a-z]+(?:[ -][A-Z][a-z]+)*,? (?:[A-Z]{2}\b)?"
                       r"[^.?!]{0,30}\$", "$", flags=0)),
        _g(0.5, _each("start", "monday|asap|immediately|tomorrow|today"),
           _p(r"https?://", "http")),
        _g(1.0, _each("many|more|open", "jobs|positions|openings|roles"),
           _each("check out|visit", "our website|our site|our careers page|our career page")),
    ), minimum=2.0, search="job ads / job posts / openings / vacancies / hiring"),
    Theme("ghosting", "Ghosting & candidate experience", (
        _g(1.0, ["ghost*", "no show", "no shows", "noshow*", "radio silence", "left on read"],
           _each("never|didnt|did not|not|dont|havent", "show up|showed up|hear back|"
                   "heard back|call back|called back")),
        _g(1.0, ["candidate experience", "rejection email*", "rejection template*",
                 "rejection letter*", "follow up", "follows up", "followed up", "followup"],
           _each("keep", "candidates|applicants|them", "warm"),
           _each("call|calls|called", "back|you back|them back|me back"),
           _each("reply|replied|respond|responded|responding|answer|answered",
                   "to|to a|to an|to the|to every|to new|to a new",
                   "recruiter|recruiters|candidate|candidates|applicant|applicants")),
        _g(0.5, "feedback|reply|respond*|response|responses|withdrew|withdrawn|withdraw"),
    ), search="ghosted / no response / no-shows / feedback / candidate communication"),
    Theme("pay", "Pay & salary", (
        _g(1.0, ["salary", "salaries", "wage", "wages", "paycheck*", "payday", "paystub*"],
           _each("pay", "stub*|rate*|range*|band*|scale*|raise*|rise*|cut*|gap|transparency|"
                   "equity|day|bump|increase*"),
           _each("competitive|weekly|biweekly|equal|fair|better|higher|lower|base|hourly|"
                   "holiday|overtime|sick|back|temp", "pay|rate|rates")),
        _g(1.0, "unpaid|underpaid|overpaid|compensation|lowball*|raise|raises"),
        _g(0.5, ["negotiat*", "bonus", "bonuses", "overtime", "pay for", "pay is"],
           _each("the|your|my|their|our", "pay")),
    ), search="pay transparency / salary ranges / wages / compensation / negotiation / raises"),
    Theme("interviews", "Interviews", (
        _g(1.0, "interview*"),
        _g(1.0, _each("interview", "question*|answer*|process|round*|tip*"),
           _each("final|first|second|third", "round|rounds"), ["rounds of", "round two",
                                                                  "round three"],
           _p(r"\b\d+(?:st|nd|rd|th)?[- ]rounds?\b", "round")),
        _g(0.5, _each("take home|skills|skill|case", "test|tests|assessment*|assignment*|study|"
                      "studies"), ["unpaid assignment", "unpaid trial", "trial shift*"]),
    ), search="interview questions / interview process / hiring process / assessments"),
    Theme("job_search", "Layoffs & job search", (
        _g(1.0, "layoff*|lay off*|laid off|severance|unemploy*"),
        _g(1.0, "job hunt*|jobhunt*|job search*|jobsearch*|job seeker*|jobseeker*|job market|"
                "open to work|career gap|career advice|career tip*|careertips"),
        _g(0.5, "applications sent|application sent|graduat*|new grad|new grads|rejection|"
                "rejections|callback|callbacks|employment gap|gap in|part time|full time",
           _p(r"\b(?:applied|apply|applying) (?:to|for) \d+", "ppl", raw=False)),
        _g(1.0, "do you have anything|any openings|any jobs|any positions|any roles|career break|"
                "coming back to work|coming back after|back to work|out of work"),
        # a search told by its count, or the experience every opening asks of a beginner
        _g(1.0, "entry level job*|entry-level job*|requires experience|require experience|"
                "requiring experience|gain experience|get experience",
           _p(r"\b(?:applied|apply|applying|applications?) (?:to|for) \d+\+? (?:jobs|positions|"
              r"roles|companies|internships|openings)\b", "ppl", raw=False)),
    ), search="layoffs / laid off / job hunting / job seekers / unemployment / careers"),
    # a career moved on by choice or by good news, not a job lost: a new job got ("got the
    # job, I start at the bakery on Monday"), a promotion, a last day, interns and their
    # projects, a change of career ("retrained as an electrician: best career change I made");
    # after Layoffs & job search, which a tie goes to ("laid off, thinking about a career
    # change")
    Theme("careers", "Career moves & new jobs", (
        _g(1.0, "internship*|career change*|career switch*|changing careers|"
                "change careers|changed careers|switch careers|switching careers|"
                "switched careers|career pivot*|second career|new career",
           # an intern, not one a Boolean search string leaves out ("... NOT intern")
           _p(r"(?-i:(?<!NOT )(?<!NOT \())\binterns?\b", "ntern", "NTERN", raw=False)),
        _g(1.0, "landed the job|landed a job|landed my first job|offered a job|"
                "offered me a job|offered me the job|offered the job|offered a position|"
                "offered me a position|got hired|dream job|"
                "got promoted|got a promotion|my promotion|handed in my notice|my last day|"
                "last day at|last day as|two weeks notice",
           # a job got, not a task done ("got the job done", "we've got a job to do") nor the
           # day's first task ("first job of the day: unblock the drain")
           _p(r"\bgot (?:the|a) job\b(?!\s+(?:done|to do)\b)", "ot the job", "ot a job",
              "OT THE JOB", "OT A JOB", raw=False),
           _p(r"\bfirst job\b(?!\s+(?:of|this|today|tomorrow)\b)", "irst job", "IRST JOB",
              raw=False),
           # a new job got, not one sought (a new job searched for is a search) nor a new job's
           # ad ("our new job descriptions")
           _p(r"(?<!for a )(?<!find a )(?<!need a )(?<!want a )(?<!wants a )(?<!get a )"
              r"\bnew job\b(?!\s+(?:descriptions?|ads?|adverts?|posts?|postings?|listings?|"
              r"titles?|boards?|openings?|alerts?|fairs?|search\w*)\b)",
              "ew job", "ew Job", "EW JOB", raw=False)),
        _g(0.5, "project|projects|capstone|mentor*|retrain*|retrained"),
    ), search="new job / got the job / promotion / last day / internships / interns / career "
              "change / career switch"),
    Theme("resumes", "Resumes & cover letters", (
        _g(1.0, "resume|resumes|r\u00e9sum\u00e9|r\u00e9sum\u00e9s|CV|CVs"),
        _g(1.0, "cover letter*|linkedin profile*|linkedin headline*|linkedin summary|reference|"
                "references"),
    ), search="resume tips / cv / linkedin profile / references"),
    Theme("offers", "Offers & onboarding", (
        _g(1.0, "job offer*|offer letter*|offer accepted|offers accepted|accepted the offer|"
                "accepted our offer|accepted an offer|accepted my offer|accept the offer|"
                "verbal offer*|written offer*|counteroffer*|counter offer*|the offer|an offer|"
                "our offer"),
        _g(0.5, "offer|offers"),
        _g(1.0, "onboard*|orientation|first day|first week|day one|day two|day 1|start date*"),
    ), search="job offers / counteroffers / onboarding / first day"),
    Theme("remote", "Remote & flexible work", (
        _g(1.0, "remote|hybrid|work from home|working from home|WFH|distributed team*"),
        _g(1.0, "return to office|RTO|back to the office|in the office|the office back|"
                "office mandate*|office day*|commut*"),
        _g(1.0, "four day week|four day work week|4 day week|4 day work week|flexib*|flex time|"
                "flex hours|compressed hours|compressed schedule*|4x10|4x10s"),
    ), search="return to office / rto / hybrid / wfh / four-day week / flexibility"),
    Theme("tools", "Recruiting tools & AI", (
        _g(1.0, "AI|chatgpt|gpt|llm|llms|artificial intelligence|genai|chatbot*|automat*"),
        _g(1.0, "ATS|applicant tracking|software|saas|hr tech|hrtech|crm|hris|product update*|"
                "product launch*|new in|feature|features|dashboard*|workflow*|integration*|demo"),
        _g(1.0, "tool|tools"),
        _g(0.5, "founder*|startup*|vendor*|buyer*|product|products|platform*|app|apps|click|"
                "clicks|button|portal*|texting|text message*|sms|job board*|build it|"
                "building it|pipeline"),
    ), search="ai / chatgpt / ats / software / hr tech / automation / technology"),
    Theme("healthcare", "Healthcare & nursing", (
        _g(1.0, "nurse|nurses|nursing|RN|RNs|LPN|LPNs|CNA|CNAs|ICU|hospital*|clinical|caregiv*|"
                "therapist*|patient|patients|healthcare|health care|physician*|credentialing|"
                "medical|pharmac*|phlebotom*|surgical"),
    ), search="nurses / healthcare staffing / hospitals / medical"),
    Theme("trades", "Trades & shifts", (
        _g(1.0, _each("night|day|late|early|1st|2nd|3rd|first|second|third|rotating|weekend",
                      "shift|shifts"),
           _each("shift", "work|workers|differential|swap*|based")),
        _g(1.0, ["weld*", "electrician*", "plumb*", "carpent*", "forklift*", "warehouse*",
                 "construction", "trades", "tradespeople", "tradesmen", "tradeswomen", "OSHA",
                 "per diem", "union", "apprentic*", "CDL", "truck driver*", "truckdriver*",
                 "manufacturing", "factory", "shop floor", "fab shop", "light industrial",
                 "pipefitter*", "millwright*", "machinist*", "framer", "framers", "roofer*",
                 "laborer*", "drywall", "hvac", "frontline", "front line", "plant", "crew",
                 "crews", "job site*", "jobsite*", "heat illness"],
           _each("hourly", "workers|workforce|talent|teams|roles|candidates|hires")),
        _g(0.5, "shift|shifts|safety|hourly"),
    ), search="skilled trades / welders / electricians / warehouse / construction / night shift"
              " / hourly workers / blue collar / industrial"),
    Theme("news", "Company news & events", (
        _g(1.0, "webinar*|workshop*|meetup*|conference*|summit*|job fair*|career fair*|"
                "hiring event*|job event*|career event*|keynote|panel|register|registration|"
                "recording is up|recording now available|podcast*|clinic|open interviews|"
                "live session|live stream|livestream|free seats"),
        _g(1.0, "booth|exhibit*"),
        _g(0.5, "talk|talks|session|sessions|recording|event|events"),
        _g(1.0, _each("pleased|proud|excited|thrilled|happy", "to",
                      "announce|share|welcome|sponsor|partner"),
           ["announce", "announces", "announced", "announcing", "partnership", "welcomes",
              "welcome to the team", "please welcome", "sponsor*", "named to", "named one of",
              "named a", "named an", "named the", "award", "awards", "anniversary",
              "anniversaries", "best of staffing", "will be closed", "happy thanksgiving",
              "happy holidays", "happy new year", "congratulations"],
           # a firm's "10 years of Acme", not a life's "after 15 years of doing this" or a
           # résumé's "with 5 years of experience"
           _p(r"(?<!\bafter )(?<!\bwith )(?<!\bover )(?<!\bfor )(?<!\bhave )(?<!\bhas )"
              r"(?<!\bhad )\b\d+ years of\b(?! experience)", "years of", raw=False)),
        _g(1.0, "new branch|new office|new location|new clients|grand opening|branch"),
        _g(0.5, "celebrat*|milestone|shoutout*|shout out*|proud"),
        _g(1.0, "thank you to our|thank you to all|thank you to everyone"),
    ), search="announcements / awards / press / webinars / conferences / job fairs / workshops"
              " / meetups"),
    Theme("trends", "Hiring trends & reports", (
        _g(1.0, "labor market|labour market|jobs report|hiring trend*|hiring outlook|"
                "hiring plan*|hiring freeze|hiring slowdown|hiring panic|unemployment rate|"
                "time to fill|time to hire|headcount|workforce outlook|workforce trend*|"
                "workforce report|quarterly outlook|quarterly trend*|quarterly report|"
                "hiring season|skills based hiring|market watch"),
        _g(1.0, "survey*|research|whitepaper*|forecast*|roundup|"
                "brief|analysis|analyses|data from|weve measured|trend|trends",
           # a report as a piece of research ("the new report", "report finds"), not the verb
           # ("how do you report harassment?", "who do I report it to")
           _p(r"\b(?:a|the|this|that|new|our|their|its|recent|latest|annual|monthly|weekly|"
              r"quarterly|jobs|[\w-]+['\u2019]s)\s+(?:[\w-]+\s+){0,2}reports?\b|"
              r"\breports?\s+(?:finds?|found|shows?|showed|says?|suggests?|on|from|of|via)\b|"
              r"^\W*reports?\b|[:(]\s*reports?\b|\breports?\W*$", "report", raw=False),
           # a study as a piece of research ("a new study", "studies show"), not the verb
           # ("study the long road", "study for the exam")
           _p(r"\b(?:a|the|this|that|new|our|their|its|recent|latest|one|another|annual)\s+"
              r"(?:[\w-]+\s+){0,2}stud(?:y|ies)\b|\bstud(?:y|ies)\s+(?:finds?|found|shows?|"
              r"showed|says?|suggests?|of)\b", "tud", raw=False)),
        _g(0.5, "percent", _p(r"\d\s?%", "%", raw=False)),
        _g(0.5, "next year|q1|q2|q3|q4", _p(r"\bin 20\d\d\b", "in 20", raw=False)),
    ), search="labor market / job market / surveys / reports / data / statistics"),
    Theme("brand", "Employer brand & social media", (
        _g(1.0, "employer brand*|personal brand*|social media|on social|social feed|linkedin|"
                "followers|marketing|hashtag*"),
        _g(1.0, "job ad|job ads|job post|job posts|job posting*|job description*|career page*"),
        _g(0.5, "brand|post|posts|posting|content|follow|feed"),
    ), search="job ads / job descriptions / linkedin / social / marketing / content"),
    Theme("staffing", "Staffing firms & clients", (
        _g(1.0, _each("staffing", "firm|firms|agency|agencies|partner|partners|industry|company|"
                      "companies|folks|team|teams|ratio|ratios"),
           ["agency", "agencies", "temp agency", "temp agencies"]),
        _g(1.0, ["temp", "temps", "temp to hire", "temporary worker*", "temporary staff*",
                 "contingent", "markup*", "bill rate*", "MSP", "MSPs", "redeploy*",
                 "placement*", "placed", "assignment", "assignments", "contract to hire",
                 "temp to perm", "conversion fee*"],
           _each("holiday|seasonal|peak|holiday season|peak season",
                   "ramp|staffing|hiring")),
        _g(0.5, "client|clients|staffing|req|reqs|associates"),
    ), search="agencies / temps / temp staffing / placements / markup / contingent"),
    Theme("hr", "HR & benefits", (
        _g(1.0, "HR|human resources|benefits|PTO|paid time off|sick leave|parental leave|"
                "maternity leave|paternity leave|family leave|mental health|401k|401 k|"
                "health insurance|wellness|open enrollment|bereavement|medical leave|"
                "disclose|disclosure|accommodation*|discriminat*|harass*|EEOC|FMLA"),
        _g(1.0, "policy|policies|handbook*|complian*|payroll|performance review*|"
                "engagement survey*|employee experience|employee engagement|employee relations|"
                "announcements|upskill*|reskill*|degree|degrees|legal|background check*|"
                "drug test*|drug screen*|certification*"),
        _g(0.5, "employee|employees|employer|employers|training"),
        # groping at a staff party or by a coworker is the HR matter of the post, whatever
        # else it names ("in the office" is no Remote & flexible work, "to report?" no
        # Hiring trends & reports); groping beside no workplace word (a celebrity's trial, a
        # politician "in office") stays out
        _g(2.0, _p(rf"{_GROPE}(?=.*{_AT_WORK})|{_AT_WORK}.*{_GROPE}", "grop", "Grop", "GROP",
                   raw=False, flags=re.IGNORECASE | re.DOTALL)),
    ), search="hr / human resources / policies / payroll / compliance / pto / training"
              " / drug tests / background checks"),
    Theme("workplace", "Workplace & managers", (
        _g(1.0, "boss|bosses|coworker*|co worker|co workers|colleague*|supervisor*|micromanag*|"
                "toxic|morale|burnout|burned out|burnt out|burning out|burn out|workload|"
                "manager|managers"),
        _g(1.0, "culture|cultures|turnover|retention|retir*|resign*|quit|quitting|"
                "let someone go|let him go|let her go|let them go|let people go|fired|firing|"
                "promoted|promotion|team meeting*|team lunch|team building|huddle|open door|"
                "workplace|coffee|donut*|exitinterview*|stayinterview*"),
        _g(0.5, "team|teams|employee|employees|office"),
    ), search="managers / bosses / culture / burnout / coworkers / retention / turnover"
              " / resignations / exits"),
    Theme("recruiting", "Recruiting & sourcing", (
        _g(1.0, "source|sources|sourcing|sourcer|sourcers|boolean|string|strings|xray|x ray|"
                "pipeline*|talent acquisition|TA|referral*|cold call*|intake meeting*|"
                "intake call*|phone screen*|voicemail|outreach|inmail*|hiringmanager|"
                "hiringmanagers",
           _p(r"\bAND\b[^.]*\bOR\b|\bOR\b[^.]*\bAND\b", " OR ", flags=0)),
        # a recruiter "closes" a candidate; a bank closes its lobbies
        _g(0.5, "recruit|recruiter|recruiters|recruiting|recruitment|network|networking|"
                "candidate|candidates",
           _each("close|closing|closed", "candidates|candidate|the candidate|a candidate|"
                 "the offer|an offer|offers|the req|reqs|the role|roles|the hire|hires")),
    ), minimum=0.5,
        search="recruiters / sourcing / boolean / cold calls / hiring managers / referrals"),
)  # fmt: skip
# The topic of the conversations that fit no theme and no topic of their own: a topic of one
# conversation, named by that conversation's words, organises nothing.
OTHER = "other"
OTHER_LABEL = "Other conversations"
THEME_LABELS = {**{t.key: t.label for t in THEMES}, OTHER: OTHER_LABEL}
# What else one may type to find a theme's topic with --topic: "interview questions" finds
# "Interviews", "ai" finds "Recruiting tools & AI".
SEARCH_TERMS_BY_LABEL = {
    **{t.label: t.search for t in THEMES},
    OTHER_LABEL: "misc / miscellaneous / more / rest",
}
