"""The workplace theme a conversation leans to when no theme names it, for the inbox's filing.

A conversation of a topic named by shared words ("Career / data", "Money"), or of "Other
conversations", is filed by the inbox under the theme its text leans to, so that "Other
conversations" keeps only what fits no theme. A text leans to a theme by the theme's own words
below its minimum (:func:`~staffpulse.listen.topic_theme_scores.theme_scores`: "the bonus" is
half of Pay & salary) and by the lean words here, half a point each group: everyday ways of
talking about one's job that name no theme, because they are too common or too vague to
group posts by ("I need a job", "my job is", "called in on my day off", "hundreds of jobs").
They are read only when the inbox files conversations, never by the topic model, so the
stored topics do not change with them.

The text leans to the theme of the highest score, of the themes that have a topic; a tie
("employees" leans to HR & benefits and Workplace & managers alike) says nothing, and a job ad
is never a conversation offered, so Job openings is never leaned to.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from staffpulse.accents import straighten_quotes
from staffpulse.listen.topic_theme_scores import theme_scores
from staffpulse.listen.work_terms import URL_RE

# what one says of a job one has: "my job", "her day job" (not "my job search", a search)
_OWN_JOB = (
    r"\b(?:my|our|your|his|her|their)\s+(?:day\s+|full[- ]time\s+|part[- ]time\s+|current\s+|"
    r"old\s+|first\s+)?job\b(?!\s+(?:search|hunt|offer|interview|market|application))"
)
# the same number of jobs as a figure: "hundreds of jobs", "5,000 new jobs"
_JOB_COUNT = (
    r"\b(?:hundreds|thousands|millions|dozens|\d[\d,.]*\s?[km]?)\s+(?:of\s+)?(?:new\s+)?jobs\b"
)
_LEANS: dict[str, tuple[re.Pattern[str], ...]] = {
    key: tuple(re.compile(p, re.IGNORECASE) for p in patterns)
    for key, patterns in {
        "job_search": (
            # wanting, lacking or losing a job
            r"\b(?:need|needs|needed|want|wants|find|finding|get|getting|land|landing|"
            r"look(?:ing)? for|search(?:ing)? for|without|lost|lose|losing)\s+(?:a|any|"
            r"another|my|his|her|their)?\s*(?:new\s+)?job\b|\bno job\b|\bjobless\b",
        ),
        "careers": (
            # a career and its moves: "new career", "my last day as a teacher"
            r"\bcareers?\b|\blast day (?:as|at|of work)\b|\bleav(?:e|ing) academia\b|"
            r"\bleft academia\b|\b(?:up|climb\w*) the (?:corporate )?ladder\b",
            # a job won ("my new job", not "find a new job": a search)
            r"\bdream job\b|\b(?:my|our|his|her|their) new job\b|\bjust (?:got )?hired\b|"
            r"\bgot hired\b|\bstart\w* (?:my|a|the) new (?:job|role|position)\b",
        ),
        "workplace": (
            _OWN_JOB,
            r"\bwork[- ]?life balance\b|\bat work\b|\boverwork\w*|\bover ?worked\b|"
            r"\bunderappreciated\b",
            # where the work is done: "a café booth is my work space now", "open-plan office";
            # not a product's ("Google Workspace is down") nor a home's open-plan kitchen
            r"(?<!google )(?<!slack )\bwork ?spaces?\b(?! app)|"
            r"\bopen[- ]plan (?:office|floor|layout|desk|workspace)s?\b|\bhot[- ]desk\w*",
        ),
        "trades": (
            # a shift worker's week: "my only day off", "got called in"
            r"\bdays? off\b|\bcall(?:ed|ing|s)? (?:me |us |him |her |them )?in\b|"
            r"\bcall[- ]ins?\b|\bdouble shifts?\b",
        ),
        "trends": (
            rf"{_JOB_COUNT}|\bjobs? (?:growth|gains?|losses|cuts|numbers|data)\b",
            # jobs made, a second sign beside their count: "set to create 300 jobs"
            r"\bcreat\w* (?:\w+ ){0,2}jobs\b",
            # a figure that grew or shrank: "the number of nurses has doubled"
            r"\b(?:doubled|tripled|quadrupled|halved|number of|shortage of)\b",
            # a job in demand: "hot career", "fastest-growing jobs"
            r"\b(?:fastest[- ]growing|in[- ]demand|hot jobs?|hot careers?)\b",
            # machines taking work: "robots will take our jobs"
            r"\b(?:coming for|take|takes|taking|took|steal\w*|replac\w+|kill\w*|threat\w*)\s+"
            r"(?:your|our|their|the|many|all|most)?\s*jobs\b",
        ),
    }.items()
}
LEAN_WEIGHT = 0.5  # below every theme's minimum: a lean word never names a theme alone
# who a place hires, or can't: "we need to hire more nurses", "the college still can't hire
# better tutors" (hiring as hard, a recruiting matter, even said of someone else)
_HIRE_WHOM_RE = re.compile(
    r"\bhir(?:e|es|ed|ing)\s+(?P<whom>better|more|fewer|enough|the right|good|great|qualified|"
    r"experienced)\b",
    re.IGNORECASE,
)
# ... but a wish that someone else hire *better* ("Netflix should hire better writers", "the
# league needs to hire better refs") is a complaint about what they make or serve, not talk of
# hiring; a wish that they hire *more* ("hospitals need to hire more nurses") is a shortage,
# and the writer's own ("we should hire better drivers") is hiring, both still recruiting
_MODAL = r"(?:should|shoulda|needs? to|must|ought to|(?:has|have|got) to|gotta)"
_WISH_FOR_OTHERS_RE = re.compile(rf"\b{_MODAL}\s+(?:\w+\s+)?$", re.IGNORECASE)
_OWN_WISH_RE = re.compile(
    rf"\b(?:we|i|our\s+\w+)\s+(?:\w+\s+)?{_MODAL}\s+(?:\w+\s+)?$", re.IGNORECASE
)
_FOR_QUALITY = frozenset({"better", "good", "great", "the right", "qualified"})
_CLAUSE_START_RE = re.compile(r".*[.!?;,\n]", re.DOTALL)


def lean_scores(text: str) -> dict[str, float]:
    """Each theme's lean for ``text``: its theme words' score plus half a point for each
    group of lean words it uses (themes it does not touch are left out)."""
    scores = theme_scores(text)
    plain = URL_RE.sub(" ", straighten_quotes(text)).replace("'", "")
    for key, groups in _LEANS.items():
        hits = sum(1 for g in groups if g.search(plain))
        if hits:
            scores[key] = scores.get(key, 0.0) + LEAN_WEIGHT * hits
    if _talks_of_hiring(plain):
        scores["recruiting"] = scores.get("recruiting", 0.0) + LEAN_WEIGHT
    return scores


def _talks_of_hiring(plain: str) -> bool:
    """Who a place hires or can't ("we need to hire more nurses", "still can't hire better
    tutors"), unless it is a wish that someone else hire better ("Netflix should hire better
    writers")."""
    for found in _HIRE_WHOM_RE.finditer(plain):
        before = plain[: found.start()]
        start = _CLAUSE_START_RE.match(before)
        clause = before[start.end() if start else 0 :]
        quality = found.group("whom").lower() in _FOR_QUALITY
        if not (quality and _WISH_FOR_OTHERS_RE.search(clause)) or _OWN_WISH_RE.search(clause):
            return True
    return False


def leaning_theme(text: str, themes: Collection[str]) -> str | None:
    """The one theme of ``themes`` (those with a topic) that ``text`` leans to most, never
    the job ads'; None when it leans to none, or to two alike."""
    leans = sorted(
        ((score, key) for key, score in lean_scores(text).items()
         if key in themes and key != "job_ads"),
        reverse=True,
    )  # fmt: skip
    if not leans or (len(leans) > 1 and leans[1][0] == leans[0][0]):
        return None
    return leans[0][1]
