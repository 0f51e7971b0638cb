"""Posts about hiring that offer no job: questions to peers and pitches to employers.

Both are 0 for job_opening in the guidelines (everything that offers no job), and both look
like ads to the job-opening model, which learned from 2015 and 2022 tweets in which nearly
every post with a #hiring or #jobs tag is one.

* **Questions to peers** about pay or hiring practice: "Should companies post salary ranges in
  job ads? Recruiters, what do you think? #hiring #jobs" scores about 0.8 (7 of the 8 dev posts
  with both a "?" and such a tag are ads). Told by a request for the reader's view ("what do
  you think?", "thoughts?", "agree or disagree?", "weigh in", "sound off", "what's your
  take?", "let us know in the comments", "vote below", "share your tips", "how do you
  handle …"), or by a question put to the people who hire, by name ("Recruiters: do …?", "HR
  folks, is …?"): ads speak to candidates.
* **Pitches to employers** by job boards and agencies, the guidelines' own example ("post your
  first job for free"): "post a job in minutes", "list your vacancies", "advertise your
  openings", "fill your open roles", "roles at your company", "find your next hire".

* **Calls to join what is no job**: a campaign's team, a pack, a club in a post with no word of
  work at all, or a webinar, event or giveaway that is no hiring event, or a team's own event
  ("Join our team for a trivia night", "Join the team at our 5k charity run": the model reads
  their "join our …" as an ad's "join our team"); and a struggle to hire asked about ("We're hiring
  but nobody applies. What are we doing wrong?").

* **A seeker's applying, or a job as a figure of speech**: "Applying to jobs online is a void",
  "I've been applying to internships for months", "Raising toddlers is a full-time job. Don't
  apply if you need sleep": "applying", "apply" and "full-time job" are ad words to the model,
  but these offer nothing (an ad that speaks so still calls for applicants or offers work, and
  stays the model's: "Tired of applying? Send us your resume", "Sick of applying for jobs? We
  have 30 picker roles").

* **A question the account was asked, answered** (:mod:`staffpulse.signals.job_ads_answers`):
  "Asked at our desk this week: can I apply to two jobs at once? Yes, and tell us so we can help
  you pick." is advice on applying; the asker's "apply" calls no one. The answer must offer
  nothing itself (no call to apply, pay, opening or role), and the question must not ask
  whether there is work ("Are you still hiring? Yes!" is an ad's opening line).

* **News of hiring**: hiring slowing or frozen, jobs made or lost ("Tech hiring slows as firms
  freeze open positions <link>", "Retailers cut 40,000 jobs this quarter #jobs <link>", "the
  jobs report"), the guidelines' hard negatives, which a link and "open positions" or "#jobs"
  made the model read as ads; not a firm's own new jobs ("We're adding 25 new jobs, see all
  open roles <link>").

* **Someone's work told of**, with no other word of work: "Catch @RiverTimes's report at Sam
  and Oak Hill Pantry's work. See more: <link>" scored 0.72 (its "at", "more", link and "work"
  are what job-board posts say), so the audit named a nonprofit's news "a job ad". "Work"
  owned by someone ("the Pantry's work", "our work", "their work with families") is what they
  do, not a job offered; "our work culture" or "your work schedule" is not owned work and
  stays the model's, and so does any post with another word of work ("hiring", "role",
  "manager", "apply", …).

Every kind counts only in a post that offers nothing to apply for: no "apply", no CV or
résumé asked, no "DM us", no "we're hiring", no "join our team", and no staffing-ad pattern of
:mod:`job_ads`. A seeker's own post (:mod:`staffpulse.signals.job_seekers`: "Looking for my
next role in logistics #hiring #jobs", "open to roles in Dayton, DM me") counts whatever it
asks for: it offers no job. :data:`HIRING_TALK_BOUNDS` caps such a post's job-opening score below the
threshold.

Teaching the model the same thing with templated questions among its training posts was
tried and cost the dev cross-validation (docs/models/job_opening.md): the dev posts hold no
such question, and the templates pulled down the words and tags that real ads share with them.
A wording rule leaves alone every post that does not use that wording.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from staffpulse.accents import straighten_quotes
from staffpulse.signals.batch_scan import (
    JoinedPosts,
    merge_for_scan,
    posts_matching,
    scan_for_words,
)
from staffpulse.signals.job_ads import APPLY_CALLS, find_staffing_ads
from staffpulse.signals.job_ads_agency import TEAM_EVENT_AFTER
from staffpulse.signals.job_ads_answers import ASKED_QUESTION, ASKED_WORDS, answers_asked_question
from staffpulse.signals.job_seekers import SEEKER_RE, SEEKER_WORDS, speaks_as_seeker
from staffpulse.signals.job_words import (
    JOBS_NEWS_WORDS,
    ROLE_NOUNS,
    drop_calls_for_views,
    tells_jobs_news,
)

__all__ = [
    "HIRING_STRUGGLE",
    "HIRING_TALK_BOUNDS",
    "HIRING_TALK_SCORE",
    "find_hiring_talk",
]

#: The highest job-opening score of a post about hiring that offers no job.
HIRING_TALK_SCORE = 0.3
#: (lowest, highest) score per signal for such a post, as ``job_ads.PATTERN_BOUNDS``.
HIRING_TALK_BOUNDS: dict[str, tuple[float, float]] = {"job_opening": (0.0, HIRING_TALK_SCORE)}

_I = re.IGNORECASE
# a request for the reader's opinion or experience; an ad asks for applicants, not views
_ASKS_OPINION = re.compile(
    r"\bwhat do (?:you|you all|y[\'’]?all|you guys|others|people|folks) think\b"
    r"|\blet (?:us|me) know what you think\b"
    r"|\bwhat (?:are|r) your thoughts\b"
    r"|\bwhat(?:[\'’]s| is) everyone(?:[\'’]s)? (?:view|take|opinion|experience)\b"
    r"|\blet[\'’]?s discuss\b|\bhonest question\b|\bquick poll\b"
    r"|\b(?:tell us|reply|answer) (?:below|in the replies)\b"
    r"|\b(?:your |any )?thoughts[ \t]*\?"
    r"|\bagree or disagree\b"
    r"|\bweigh in\b"
    r"|\bsound off\b"
    r"|\b(?:what[\'’]?s|what is) your take\b"
    r"|\blet (?:us|me) know in the comments\b"
    r"|\bin the comments[ \t]*(?:below)?[ \t]*[!.?]"
    r"|\bdrop (?:it|them|yours|your \w+) (?:below|in the comments)\b"
    r"|\bcurious (?:what|how|where|whether|if) (?:you|y[\'’]?all|others|people|other)\b"
    r"|\bcurious where you stand\b"
    r"|\b(?:vote|poll) (?:below|in the replies)\b"
    r"|\bshare your (?:thoughts|tips|experiences?|views?|opinions?)\b"
    r"|\bhow do (?:you|y[\'’]?all) (?:handle|deal with|feel about)\b"
    r"|\bwhat (?:are we|am i) doing wrong\b|\bany (?:advice|tips|ideas)[ \t]*\?",
    _I,
)
_HIRING_SIDE = ("hr", "ta", "talent acquisition", "staffing", "recruiting")
_PEOPLE = ("folks", "pros", "people", "friends", "leaders", "teams", "professionals")
_NAMED_SIDES = ("recruiters", "hiring managers", "employers", "business owners", "founders",
                *(f"{side} {people}" for side in _HIRING_SIDE for people in _PEOPLE))  # fmt: skip
# a question put to the hiring side by name ("Recruiters: do you …?", "HR folks, is …?"): ads
# speak to candidates, not to the people who hire
_ASKS_HIRING_SIDE = re.compile(
    rf"(?:^|[.!?\x1e\n])[ \t]*(?:{'|'.join(_NAMED_SIDES)})\s*[:,\u2014\u2013-]\s*[^.!?\x1e]*\?",
    _I,
)
# anything a job ad uses to be answered: with one of these the post may be an ad after all
_OFFERS_WORK = re.compile(
    APPLY_CALLS + r"|\bapplications? (?:are )?(?:open|welcome)\b"
    r"|\b(?:we[\'’]re|we are|now|is|are) #?hiring\b|#nowhiring\b|#wearehiring\b"
    r"|\bjoin (?:our|the) (?:\w+ )?team\b"
    r"|\b(?:open|opening for|openings for|looking for) an? \w+ (?:in|at|for)\b",
    _I,
)


_OPENINGS = r"(?:jobs?|vacanc(?:y|ies)|openings?|roles|positions|job ads?|job posts?|listings?)"
# a job board or agency speaking to employers: the post sells a way to hire, not a job
_PITCHES_TO_EMPLOYERS = re.compile(
    rf"\bpost (?:a |an |your |your first |your next |unlimited |free )?(?:open )?{_OPENINGS}\b"
    rf"|\b(?:list|advertise|promote|publish) your (?:open |next |first )?(?:\w+ )?{_OPENINGS}\b"
    r"|\bfill (?:your|some|those) (?:open |unfilled |\w+ )?(?:roles|positions|jobs|vacancies|openings)\b"
    r"|\b(?:roles|positions|openings|vacancies) at your (?:company|business|firm|organi[sz]ation)\b"
    r"|\byour (?:open|unfilled|hard-to-fill) (?:roles|positions|jobs|vacancies|openings|reqs)\b"
    r"|\bfind your next (?:great |star |top )?hire\b",
    _I,
)


#: "We're hiring but nobody applies": a struggle told, not a job offered (read by the inbox's
#: job offers too, where a #hiring tag beside it is no way to apply)
HIRING_STRUGGLE = re.compile(
    r"\b(?:we[\'’]re|we are|i[\'’]m|now) #?hiring\b,? (?:but|and) (?:nobody|no one|no-one|"
    r"can[\'’]?t|cannot|get no|getting no|have no|haven[\'’]t)\b",
    _I,
)
# A call to join what is no job ("JOIN TEAM <a politician>", "Join the squad, free bet inside", "Join
# our webinar Thursday"): the model took their "join our ..." for an ad's "join our team" and
# scored them 0.6 to 0.8. "Join our team!" itself stays the model's: it is how ads end.
# A campaign's team, a pack or a club counts only in a post with no word of work at all; an
# event may be on work ("a webinar on structured interviews") unless it hires.
_JOIN_GROUP = re.compile(
    r"\bjoin (?:team [\w@#]|(?:(?:our|the|my) )?(?:[\w-]+ )?(?:pack|squad|movement|"
    r"campaign|fight|club|community)\b)",
    _I,
)
_JOIN_EVENT = re.compile(
    r"\bjoin (?:(?:our|the|my|me|us)(?: (?:at|for|on|in)(?: our| the| a| my)?)? )?"
    r"(?:[\w#-]+ ){0,2}?#?(?:webinars?|events?|giveaways?|contests?|livestreams?|live streams?|"
    r"meetups?|workshops?|sessions?|challenges?|newsletters?|discord|waitlist)\b",
    _I,
)
# a team's event: "Join our team for a trivia night", "Join the team at our 5k charity run"
_JOIN_TEAM_EVENT = re.compile(rf"\bjoin (?:our|the) (?:[\w-]+ )?team{TEAM_EVENT_AFTER}", _I)
# an event that hires is an ad: "Join us at our hiring event", "a job fair", "interviews on the spot"
_HIRING_EVENT = re.compile(
    r"\b(?:hiring|job|jobs|career|recruit\w*|open interviews?)\s+(?:event|fair|day|session|"
    r"open house)s?\b|\bon[- ]the[- ]spot\b|\binterviews? on the spot\b",
    _I,
)
# any word of work: a call to join a group beside one may be for a job, the model's to judge
_WORK_WORD = re.compile(
    rf"\b(?:jobs?|work\w*|hir(?:e|es|ed|ing)|careers?|roles?|positions?|openings?|"
    r"vacanc(?:y|ies)|apply|applications?|resumes?|cv|shifts?|salary|salaries|wages?|pay|"
    r"staff\w*|recruit\w*|employ\w*|interns?|internships?|interviews?|candidates?|talent|"
    rf"{ROLE_NOUNS}s?)\b",
    _I,
)


# "work" someone owns, what they do: "the Trust's work", "our work", "their hard work with
# families". Not "it's hard work" (a verb's "'s"), "takes her to work" (a word between), nor a
# noun after it ("my work email", "our work culture", "blood work done"): only an end, a link
# or a small word may follow
_OWNED_WORK = re.compile(
    r"(?:\b(?!(?:it|that|what|there|here|he|she|who|let|where|how)['\u2019]s\b)\w+['\u2019]s"
    r"|\b\w+s['\u2019]|\b(?:our|their|his|her|its|your|my))"
    r" (?!(?:to|at|for|from|in|on|of|and|with|into|out|off|back|up|down)\b)(?:\w+ )?work\b"
    r"(?=\s*(?:[^\w\s-]|$|(?:on|with|in|at|for|of|and|is|are|was|has|have|here|today|this|so|"
    r"to|by|from|https?)\b))",
    _I,
)
# A seeker's own applying told, not a call to apply: "Applying to jobs all week is draining",
# "I've been applying to internships all week", "tired of applying". The model reads "applying"
# as a word of ads; an ad that speaks so offers something to apply for, and ``_OFFERS_WORK``
# keeps it the model's ("Tired of applying? Send us your resume")
_APPLYING_TOLD = re.compile(
    r"(?:^|[.!?\x1e\n]|\b(?:i[\'’]?m|i am|i[\'’]?ve been|been|keep|kept|tired of|sick of|hate|"
    r"done|stop|still|spent \w+ \w+|all day|all week))[ \t]*applying (?:for|to) (?:\w+ )?"
    r"(?:jobs|positions|roles|internships|grad school|college|colleges|schools|places)\b",
    _I,
)
# "Being a parent is a full-time job", "My cat is a full time job": a job as a figure of speech,
# said of a gerund (not "working ...") or of something of one's own
JOB_FIGURE = re.compile(
    r"(?:^|[.!?\x1e\n])[ \t]*(?:(?!working\b)\w+ing\b|(?:my|your|his|her|our|their) \w+)"
    r"[^.!?\x1e\n]{0,50}?\b(?:is|are|[\'’]s)\s+(?:(?:like|basically|literally|practically|"
    r"honestly|really|such) )?an? (?:second )?full[- ]?time job\b",
    _I,
)
# an apply refused, which calls no one: "Don't apply if you need sleep" ("need not apply" is an
# ad's own small print and is not among them)
_APPLY_REFUSED = re.compile(r"\b(?:do not|don[\'’]t|dare not|never) apply\b", _I)
# a firm's offer after a seeker's words or a figure: "Tired of applying for jobs? We have 30
# picker roles", "Caring is a full-time job and we pay like it: £13/h" open an agency's ad
_FIRM_OFFERS = re.compile(
    r"\bwe (?:have|pay|offer|are paying)\b|\b(?:register|sign up|get in touch) with us\b"
    r"|\bour (?:\w+ )?(?:drivers|staff|consultants|recruiters)\b|[$£€]\s?\d",
    _I,
)
_WORK_CUE = merge_for_scan(("work",))
# someone sought: a casting call asks for "links to your work"
_SEEKS = re.compile(r"\b(?:looking for|searching for|seeking|wanted|needed|calling all)\b", _I)


def _tells_of_owned_work(text: str) -> bool:
    """Someone's work told of, with no other word of work (see the module docstring)."""
    if _OWNED_WORK.search(text) is None or _SEEKS.search(text):
        return False
    return _WORK_WORD.search(_OWNED_WORK.sub(" ", text)) is None


def _is_talk(text: str) -> bool:
    """Talk that offers no job, before the staffing-ad rules have their say."""
    if speaks_as_seeker(text):  # "Looking for my next role in logistics #hiring": it asks for one
        return True
    # "Raising twins is a full-time job. Don't apply if you need sleep": the job is a figure
    if (
        JOB_FIGURE.search(text)
        and not _OFFERS_WORK.search(_APPLY_REFUSED.sub(" ", text))
        and not _FIRM_OFFERS.search(text)
    ):
        return True
    # "Asked at our desk: can I apply to two jobs? Yes, ...": the asker's "apply" calls no one
    if answers_asked_question(text):
        return True
    # "Join our team for a trivia night" is no "join our team" of an ad
    # and "What do you think? DM us" asks for a view, no applicant
    offered = drop_calls_for_views(text, None)[0]
    if _OFFERS_WORK.search(HIRING_STRUGGLE.sub(" ", _JOIN_TEAM_EVENT.sub(" ", offered))):
        return False
    if (
        _ASKS_OPINION.search(text)
        or _ASKS_HIRING_SIDE.search(text)
        or _PITCHES_TO_EMPLOYERS.search(text)
    ):
        return True
    # "Applying to jobs all week is draining": a seeker's day
    if _APPLYING_TOLD.search(text) and not _FIRM_OFFERS.search(text):
        return True
    if _tells_of_owned_work(text) or tells_jobs_news(text):
        return True
    if _JOIN_EVENT.search(text) or _JOIN_TEAM_EVENT.search(text):
        return _HIRING_EVENT.search(text) is None
    return _JOIN_GROUP.search(text) is not None and _WORK_WORD.search(text) is None


# The words, lower-cased, that every opinion asked holds: "what do you think", "what are your
# thoughts", "what's everyone's view", "let's discuss", "honest question", "quick poll", "reply
# below", "in the replies", "agree or disagree", "weigh in", "sound off", "your take", "in the
# comments", "curious what", "share your", "how do you handle", "doing wrong", "any tips?" (the
# hiring side asked by name is looked for apart: "people" or "teams" alone would bring a post
# in ten to this scan)
_OPINION_WORDS = ("think", "thoughts", "s everyone", "discuss", "honest question", "poll",
                  "below", "in the replies", "disagree", "weigh in", "sound off", "your take",
                  "comments", "curious", "share your", "how do", "doing wrong", "any advice",
                  "any tips", "any ideas")  # fmt: skip
# Each wording with the words, lower-cased, that every match of it holds: it opens with no
# literal, so a scan for it tries every character, and the posts holding none of its words are
# left out of that scan (the opinion asked alone cost half of find_hiring_talk's time)
_WORDINGS: tuple[tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]], ...] = (
    (scan_for_words(_OPINION_WORDS), (_ASKS_OPINION,)),
    (scan_for_words(_NAMED_SIDES), (_ASKS_HIRING_SIDE,)),
    (scan_for_words(("post ", "your", "fill ")), (_PITCHES_TO_EMPLOYERS,)),
    (scan_for_words(("join",)), (_JOIN_GROUP, _JOIN_EVENT, _JOIN_TEAM_EVENT)),
    (scan_for_words(SEEKER_WORDS), (SEEKER_RE,)),
    (scan_for_words(("applying",)), (_APPLYING_TOLD,)),
    (scan_for_words(("time job",)), (JOB_FIGURE,)),
    (scan_for_words(ASKED_WORDS), (ASKED_QUESTION,)),
)


def find_hiring_talk(texts: Sequence[str]) -> npt.NDArray[np.bool_]:
    """For each text, whether it is a question to peers, a pitch to employers or someone's
    work told of, that offers no job (see the module docstring)."""
    out = np.zeros(len(texts), dtype=bool)
    # one scan per wording of the posts holding its words: few posts use any, only those are
    # read again; the lowered posts are joined once for all those scans
    lowered = [text.lower() for text in texts]
    joined = JoinedPosts(lowered)
    candidates: set[int] = set()
    for words, wordings in _WORDINGS:
        rows = joined.posts_matching(words)  # as posts_holding(lowered, words)
        # read as _is_talk reads them: a seeker's "I\u2019m available for work" is "I'm ..."
        found = posts_matching([straighten_quotes(texts[i]) for i in rows], wordings)
        candidates.update(rows[j] for j in found)
    # owned work is read post by post among those that say "work": its pattern opens with no
    # literal (a scan of the batch with it cost more than all the wordings above), and its
    # look past the end of a post would read on across the separator, which is a space to \s
    owned = [i for i in joined.posts_matching(_WORK_CUE) if _OWNED_WORK.search(texts[i])]
    news = _find_jobs_news(joined, lowered)
    talk = [i for i in sorted({*candidates, *owned, *news}) if _is_talk(texts[i])]
    if talk:
        ads = find_staffing_ads([texts[i] for i in talk]).tolist()
        out[[i for i, ad in zip(talk, ads, strict=True) if not ad]] = True
    return out


# the words of news of jobs (JOBS_NEWS_WORDS), looked for in the lowered posts as they are
_NEWS_WORDS = merge_for_scan(re.escape(word) for word in JOBS_NEWS_WORDS)


def _find_jobs_news(joined: JoinedPosts, lowered: Sequence[str]) -> list[int]:
    """The indices, ascending, of the ``lowered`` posts (joined in ``joined``) that tell news
    of jobs (:func:`~staffpulse.signals.job_words.tells_jobs_news`): only the few holding one
    of its words are read (its pattern is read back from each "jobs": no scan of the batch
    with it), found by one scan of the batch, not by a look into each post."""
    return [i for i in joined.posts_matching(_NEWS_WORDS) if tells_jobs_news(lowered[i])]
