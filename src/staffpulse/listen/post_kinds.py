"""What kind of post it is, before its tone: career news, a step of the writer's own just
ahead, a rant in a question's form, a call for help. Each gets its own angle
(:mod:`staffpulse.listen.angles`), whatever its tone says; the rules and the real posts they were
checked on are in docs/listen.md ("Reasons, cautions and the angle")."""

from __future__ import annotations

import re

from staffpulse.listen.sentences import split_sentences
from staffpulse.listen.work_terms import URL_RE

# news of one's own career: a new job, a last day, a promotion, a retirement
# a new job sought is no news: "Looking for a new job in accounting, any recruiters here?"
_SOUGHT = "".join(
    rf"(?<!{verb} a )"
    for verb in ("looking for", "look for", "searching for", "find", "need", "want", "get", "land")
)
_CAREER_NEWS_RE = re.compile(
    r"\b(last|first) day (as|at|of|in) (an? |my |the )?\w|"
    rf"{_SOUGHT}\bnew (year, new )?(job|career|role|position|chapter)\b|"
    r"\b(started|starting|start|begin|began|accepted) (a|my) new\b|"
    r"\b(got|been|was|am|i'm|i am|just|getting|being) (a )?promot\w+|\bretir(ed|ing|ement)\b|"
    # a promotion won, not one withheld ("I'm off the promotion list")
    r"\b(got|earned|received|landed|accepted|celebrating) (a |my |the |her |his |our )?"
    r"promotion\b|\bpromotion to\b|"
    r"\b(excited|thrilled|proud|happy) to (announce|share|join|say)\b|"
    # a start ahead told gladly: "really excited to start this role on Monday!", "can't wait to start my new role"
    r"\b(excited|thrilled|happy|ready|can['\u2019]?t wait) to (start|begin) (my|this|the|our)"
    r"( new| first)? (job|role|position|internship|chapter)\b|"
    r"\bi(['\u2019]ve| have)? (just )?(joined|left)\b|"
    # the job won: "got the job", "landed my first internship", "got hired"; not "never got
    # the job", "got the job done" nor "got a job interview" (news to come, not news)
    r"(?<!never )(?<!not )(?<!n't )(?<!n\u2019t )\b(got|landed|accepted|secured|scored)"
    r"( (a|an|the|my|that|this))? (new |dream |first |full[- ]time )?(job|offer|position|role|"
    r"internship)\b(?! (done|finished|interviews?|fairs?|ads?|applications?|search|hunt)\b)|"
    r"\b(got|been|was|were|being|officially) (hired|offered (a|an|the) (job|position|role|"
    r"internship))\b",
    re.IGNORECASE,
)
# a work anniversary, one's own or a colleague's: "5-year anniversary with the team" ...
_TENURE_RE = re.compile(
    r"\bwork(iversary| anniversary)\b|\banniversary (with|at) (us|the|our|my)\b|"
    r"\b\d+ years (with|at) (us|the team|the company|our|my company)\b",
    re.IGNORECASE,
)
# ... but not the years told as a grievance: "10 years with the company and I still make less
# than the new hires", "5 years at my company and not one raise"
_TENURE_GRIEVANCE_RE = re.compile(
    r"\b(but|yet|and (i |we )?(still|never)|not (one|a single)|no (raise|promotion|bonus))\b",
    re.IGNORECASE,
)
# a question that asks for no answer, a rant in its form: "you're telling me...", "how is it
# legal to...", "who thought ... was a good idea", "since when is it..."
_RHETORICAL_RE = re.compile(
    r"\b(?:you['\u2019]?re|youre|ur|you are|u r|are you|r u) (?:really |seriously |actually |"
    r"just )?telling me\b"
    r"|\bhow (?:is|was|are) (?:it|this|that) (?:still |even )?(?:legal|ok|okay|acceptable|"
    r"allowed|fair|right|a thing)\b"
    r"|\bwho (?:thought|decided) (?:[^\s?.!]+ ){1,8}?(?:was|were|is|would be) a (?:good|"
    r"great|smart) idea\b"
    r"|\bsince when (?:is|are|does|do|did) (?:it|this|that)\b"
    # a view that seeks agreement, not an answer: "has anyone noticed how...", "is it just me"
    r"|\b(?:has|have) (?:any ?one|any ?body|every ?one|you) (?:else )?noticed\b"
    r"|\bam i the only one\b|\bis it (?:just )?me,? or\b",
    re.IGNORECASE,
)
# a step of one's own just ahead: an interview, a first day, a start date ...
_STEP = (
    r"(?:(?:job|phone|video|zoom|teams|final|second|2nd|third|3rd|first|1st|big|panel|onsite|"
    r"on-site|in-person)\s+)?interviews?\b"
    # advice or media about interviews is no step of the writer's: "interview tips for tomorrow"
    r"(?!\s+(?:tips|questions|advice|guide|hacks|mistakes|skills|process|techniques|coach\w*|"
    r"training|series|with)\b)"
    # a first day at work, not "the first day of spring" nor "first day of Christmas shopping"
    r"|first day(?= (?:at|as|on the job|back|of (?:work|the (?:new )?job)|in the office)\b|"
    r"\s*[!.,]|\s*$| (?:tomorrow|today|tmrw|on|next|this)\b)"
    r"|start date\b"
)
_COUNT = r"(?:a|an|\d+|one|two|three|four|five|another|my|1st|2nd|3rd|final)"
# ... the writer's own: said by "I have", "my", a count ("3 interviews") or opening a sentence
_OWN_STEP_RE = re.compile(
    r"(?:^|[.!?\n]\s*|\b(?:i|i['\u2019]?m|i['\u2019]?ve|i have|i['\u2019]?ve got|got|have|my)"
    rf"\s+)(?:{_COUNT}\s+)?(?:new\s+)?(?:{_STEP})|\b{_COUNT}\s+(?:new\s+)?(?:{_STEP})",
    re.IGNORECASE,
)
# ... and ahead, in the same sentence: a time ("tomorrow", "at 3pm") or luck asked for
_SOON_RE = re.compile(
    r"\b(?:tomorrow|tmrw|tmr|2morrow|today|tonight|this (?:morning|afternoon|evening|week)|"
    r"next week|(?:mon|tues|wednes|thurs|fri|satur|sun)day|later|in (?:an?|\d+|a few|two|three)"
    r" (?:hours?|days?|mins?|minutes?)|at \d{1,2}(?::\d\d)? ?(?:am|pm)|wish me luck|"
    r"fingers crossed)\b|\U0001f91e",
    re.IGNORECASE,
)
# someone else's step (a candidate's start, "good luck on your interview"), one gone by ("had an
# interview today, went well"), an employer's ("we have 2 interviews tomorrow", "hiring:
# interviews next week") or a broadcast ("my interview airs tonight"): no luck to wish
_NOT_OWN_STEP_RE = re.compile(
    r"\b(?:you|your|ur|candidates?|client|he|she|his|her|they|their|them|we|our|had|went|was|"
    r"were|did|nailed|aced|smashed|killed|finished|done|over|survived|after|airs|podcast|"
    r"episode|watch|listen|tune in|live on|hiring|hire)\b|@\w+['\u2019]s\b",
    re.IGNORECASE,
)
# a request for help, or something broken: "won't work... please help", "still not working"
_HELP_RE = re.compile(
    r"\b(pl(ea)?se?|pls|plz) help\b|\bhelp me\b|\b(won['\u2019]?t|doesn['\u2019]?t|does not|"
    r"will not|can['\u2019]?t|cannot|no) (work|load|open|connect|log ?in|sign ?in)\b|"
    r"\b(not|stopped) working\b|\bstill (having|getting) (problems|issues|errors?)\b|"
    r"\b(is|are|keeps?) (broken|crashing|freezing)\b",
    re.IGNORECASE,
)


# a step supposed, not told: "suppose you began a new role where ..., what then?"; not one the
# writer then tells of ("Cried when someone from HR rang to say I got the job!!")
_SUPPOSED_RE = re.compile(
    r"\b(?:if|when|whenever|imagine|suppose|say|hypothetically)\s+(?:you|u|someone|somebody|"
    r"a friend|your \w+)\b(?:(?!\bi\b)[^.!?\n])*$",
    re.IGNORECASE,
)


def is_career_news(text: str) -> bool:
    """The post announces a step in its author's career (new job, last day, promotion), not
    one supposed ("suppose you began a new role where ...")."""
    plain = URL_RE.sub(" ", text)
    found = _CAREER_NEWS_RE.search(plain)
    if found and _SUPPOSED_RE.search(plain, 0, found.start()) is None:
        return True
    return _TENURE_RE.search(plain) is not None and _TENURE_GRIEVANCE_RE.search(plain) is None


def tells_of_a_coming_step(text: str) -> bool:
    """The post tells of a step of its writer's own just ahead ("2 interviews tomorrow", "First
    day tomorrow!"): a sentence with the step, said as the writer's, a time ahead, and no sign
    of someone else's step, advice about one or one gone by."""
    for sentence in split_sentences(URL_RE.sub(" ", text)):
        if (
            _OWN_STEP_RE.search(sentence)
            and _SOON_RE.search(sentence)
            and not _NOT_OWN_STEP_RE.search(sentence)
        ):
            return True
    return False


def asks_nothing(text: str) -> bool:
    """The post's question asks for no answer: a rant in the form of one ("ur telling me you
    cant staff one night shift?", "how is it legal to pay teachers this little??"), or a view
    that seeks agreement ("Has anyone noticed how...?", "Is it just me or...?")."""
    return _RHETORICAL_RE.search(URL_RE.sub(" ", text)) is not None


def asks_for_help(text: str) -> bool:
    """The post asks for help with something broken, or complains that it does not work."""
    return _HELP_RE.search(URL_RE.sub(" ", text)) is not None
