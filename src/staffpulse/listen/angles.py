"""The suggested angle: how a staffing firm could join a conversation.

An angle names a subject only when the post names a real work matter ("pay", "interviews",
:func:`staffpulse.listen.work_terms.work_subject`); otherwise it stays plain rather than built
on a stray word of the topic label ("add a perspective on soon"). Its tone follows the post's
(:mod:`staffpulse.listen.moderation`):

* "match the light tone" only for a post the humor signal finds funny that reads positive or
  playful ("Terrifying. 👻" is play, not fear) and is neither distressed nor serious; a
  hardship or a question the humor signal is sure is a joke (:data:`~.jokes.FUNNY`,
  :func:`~.jokes.reads_as_joke`) is neither consoled nor answered;
* a serious question (rights and rules, pay, being fired: "an unpaid 'trial shift' ... Is that
  even legal?") is answered straight, never joked with; one about rights and rules points to
  where to check;
* a distressed post, or a negative one that asks nothing and tells of its writer's own lot
  ("I", "my", "we"), gets an empathetic angle, never "push back"; a negative view of a practice
  ("Hot take: unlimited PTO is a terrible policy", "What bothers me in the career ladder is...")
  is an opinion to weigh in on, not a hardship to console;
* someone's identity at work or a labour dispute (:mod:`staffpulse.listen.sensitive`: "fired,
  he believes, because he is gay", "defending trans rights to my manager", a strike) is
  listened to, supported or left, a question pointed to where to check, never debated nor
  answered with advice on a case, whatever kind of post it is;
* a statement that names people by race, sex, sexuality or faith ("yet another middle-aged white guy
  handed the director job") gets no light tone, no quip, no debate: a plain fact, or leave it;
* a question aimed at one account says so;
* a post that tells its writer's own day, plan or feeling and makes no claim ("Looking forward
  to seeing the old team", :mod:`staffpulse.listen.own_story`) gets a short, friendly line,
  never "agree or push back";
* a link passed on that nobody answered yet ("Interview questions for junior nurses - link")
  gets "reply only with what it misses", as its caution says, not "agree or push back";
* a post that asks two things or more ("How do you handle counteroffers? And what do you tell
  the client?") gets each answered, named by its own subject or first words
  (:mod:`staffpulse.listen.question_parts`), never one subject for both;
* sarcasm about work ("Love how our new return-to-office policy means 2 hours of commuting.
  Great job, leadership.", :mod:`staffpulse.listen.sarcasm`) is the complaint it is: its
  frustration acknowledged, never cheered on nor joked along with;
* career news ("Yesterday was my last day as...", "I started a new job", "promoted", "got the
  job") is congratulated, never argued with, and its question answered ("First day tomorrow!
  Any tips?"); news told with a grievance ("I told my boss I'm pregnant and I'm off the
  promotion list. Is this discrimination?") is not news to congratulate;
* a feat cheered ("Our recruiter ran her first marathon! The whole office is sore") or told in
  a violent word ("Killed the pitch!") is cheered on, never consoled for the pain word in
  its joke;
* a step of the writer's own just ahead ("2 interviews tomorrow", "First day tomorrow!", "my
  start date is next week") gets luck wished, never "push back"; someone else's step ("Our
  candidate starts her first day Monday", "good luck on your interview tomorrow"), advice
  about one ("Interview tips for tomorrow") and one gone by ("Had an interview today") do not;
* a loss (a death mourned) gets condolence: a question beside it is answered plainly after
  acknowledging the loss; a post that only mourns is not a conversation to join, so at most a
  line of condolence from someone who knows them, never a tip;
* a rights question from someone going through something hard ("fired for being gay... What
  are my options?") is acknowledged, then answered straight with where to check;
* a rant in a question's form ("you're telling me...", "how is it legal to pay teachers this
  little??", "who thought ... was a good idea") is a view, never answered as a question; one
  about the writer's own rights is still answered straight;
* a request for help or a complaint about something broken ("won't work... please help") gets
  a practical answer or is left to whoever can fix it, never a light tone;
* the generic "an example from your recruiters' experience" needs a post that names a work
  matter (:func:`~staffpulse.listen.work_terms.names_work_matter`); a post that names none
  gets a plain "join only if you have something to add".
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from staffpulse.listen.angle_kinds import aimed_question_angle, angle_for_kind
from staffpulse.listen.angle_reading import Reading, tell_subject
from staffpulse.listen.firm_voice import FIRM_VOICE, Voice
from staffpulse.listen.jokes import LIKELY, LIKELY_JOKE, reads_as_joke
from staffpulse.listen.light_tone import matches_light_tone
from staffpulse.listen.moderation import LEAVE_OUT
from staffpulse.listen.own_story import OPINION_RE, WRITER_RE, tells_own_story
from staffpulse.listen.post_kinds import asks_nothing, is_career_news
from staffpulse.listen.question_parts import questions_in, several_asked
from staffpulse.listen.rank_model import ANOTHERS_HARDSHIP
from staffpulse.listen.sensitive import sensitive_angle
from staffpulse.listen.subject_themes import subject_in_theme
from staffpulse.listen.tone import Tone, judge_tone, signals_crisis, tells_of_rights
from staffpulse.listen.work_terms import URL_RE, names_work_matter, work_subject

SKIP = "Skip this one: nothing to gain by joining."
JOB_AD = "Not a conversation: share the opening with a candidate who fits, if any."
# nothing to gain: what moderation leaves out, but for a job ad (its own suggestion, JOB_AD)
# and a possible crisis (its own angle: leave it, or reach out privately)
LEFT_OUT_FLAGS = tuple(reason for reason in LEAVE_OUT if reason not in ("job_ad", "crisis"))


def anothers_hardship_angle(voice: Voice = FIRM_VOICE) -> str:
    """Someone else's hard times told: leave them, or a kind line from who knows the writer."""
    return (
        "Someone else's hard times, told, not asked about: a recruiting story on it reads as a"
        f" pitch. Leave it, or at most a kind line if {voice.you_know} the writer."
    )


# a hard time of the mind, told in the first person of a distressed or negative post ("my
# heads sick" is often typed with no apostrophe)
_MIND_RE = re.compile(
    r"\b(?:dying|suicid\w*|kill myself|self[- ]harm\w*|depress(?:ed|ion)|panic attacks?|"
    r"breakdown|mental(?:ly)? (?:ill\w*|health crisis)|"
    r"my (?:mind|head)(?:['\u2019]?s| is) (?:sick|broken))\b",
    re.IGNORECASE,
)
# someone else's hard times told ("he was back at his parents' with no job, no savings"): a
# want named of a third person, by a writer who says nothing of themself
_THIRD_PERSON_RE = re.compile(r"\b(?:she|he|her|his|him)\b", re.IGNORECASE)
_HARDSHIP_RE = re.compile(
    r"\bno (?:job|jobs|work|income|money|qualifications?|home|food|savings)\b|\bhomeless\b|"
    r"\bto survive\b|\bcan(?:no|['\u2019])?t afford\b|\bbarely (?:pay|afford|surviv\w*|get by)\b|"
    r"\blost (?:her|his) (?:job|home|house)\b|\bstruggl\w+ to (?:pay|feed|make ends)\b",
    re.IGNORECASE,
)
# not hard times to leave be: the story ends well ("Placed a candidate today who had no job
# for two years. He starts Monday!", "was homeless at 19 and now runs an agency"), or it is a
# tip or a finding ("if a candidate had no job for a while, ask him ...", "1 in 5 nurses
# can't afford rent near her hospital"): a firm has its line to add to those
_TURNED_AROUND_RE = re.compile(
    r"\b(?:hired|placed|landed|promoted|proud|congrat\w*|now (?:runs|leads|owns|"
    r"manages|works|earns|has a job))\b|^\W*tip\b|\b(?:ask|tell|help|show) (?:him|her)\b|"
    # a start at work ("He starts Monday", "started at the depot"), not a habit taken up
    # ("he started drinking after he lost his job")
    r"\b(?:starts|started)\b(?!\s+(?:drinking|using|gambling|smoking|doing drugs|to drink|"
    r"to gamble|to struggle|to fall|falling|slipping|sliding|losing|sleeping in|going downhill))|"
    r"\b(?:study|survey|research|report|poll|data)\b|\d+ ?%|\b\d+ in \d+\b",
    re.IGNORECASE,
)
# people named by race, sex, sexuality or faith ("yet another middle-aged white guy handed the
# director job"): who gets work by who they are is no matter for a firm's quip
_PEOPLE_BY_WHO_RE = re.compile(
    r"\b(?:white|black|brown|asian|latin[oax]|hispanic|arab|jewish|muslim|christian|gay|"
    r"straight|trans|female|male)\s+(?:man|men|woman|women|guys?|"
    r"girls?|boys?|dudes?|people|person|folks?|employees?|workers?|candidates?|applicants?|"
    r"hires?)\b",
    re.IGNORECASE,
)
IDENTITY = (
    "It names people by race, sex, sexuality or faith: no light tone, no quip, no debate; join"
    " only with a plain fact from your own hiring, or leave it; no pitch."
)


def suggest_angle(
    text: str,
    flags: Mapping[str, bool],
    role: str | None,
    n_replies: int,
    humor: float = 0.0,
    tone: Tone | None = None,
    addressee: str | None = None,
    author: str = "",
    reply_by: str | None = None,
    theme: str | None = None,
    voice: Voice = FIRM_VOICE,
) -> str:
    """A template-based suggestion of how to join (subject, tone, signals and role).

    ``tone`` defaults to the text's own (:func:`judge_tone`); ``addressee`` is the account an
    opening question is aimed at ("@acme"), when it is aimed at one; ``author`` the handle of
    the post's writer (a union's account: a labour dispute, :mod:`.sensitive`); ``reply_by``
    the writer of the reply the angle is for, when the work talk is in a reply, not the opening
    post ("Reply to @sam, not the opening post: ..."); ``theme`` the key of the theme of the
    topic the card is shown in, when the inbox is narrowed to named topics: the angle names a
    subject of it when the post names one (:mod:`.subject_themes`); ``voice`` the words
    of the firm's role (:mod:`.firm_voice`). The first that fits, of what the post is
    (aimed at someone, career news, a call for help), then its tone, then what it asks or
    says."""
    if any(flags.get(k) for k in LEFT_OUT_FLAGS):
        return SKIP
    if flags.get("job_ad"):
        return JOB_AD
    # two questions or more: each answered, none given the other's subject
    several = several_asked(questions_in(text)) if flags.get("question") else None
    post = Reading(
        text,
        None if several else (theme and subject_in_theme(text, theme)) or work_subject(text),
        tone if tone is not None else judge_tone([text])[0],
        bool(flags.get("question")),
        _lead(n_replies, addressee, bool(flags.get("question"))),
        several,
        voice,
    )
    # a likely joke (its flag: :func:`likely_joke`) is told as one by its caution: so is its
    # angle, before any kind or tone is weighed ("congratulate" under "no consoling, no tips")
    crisis = signals_crisis(text)
    joke = flags.get(LIKELY) and not crisis
    # someone's identity or a labour dispute: never "push back", a tip or a cheer, whatever
    # kind of post it is (a crisis keeps its own angle; a joke's is said first)
    careful = (
        None if crisis or joke else sensitive_angle(text, post.lead, post.question, author, voice)
    )
    aimed = None if joke or careful else aimed_question_angle(post, addressee, reply_by)
    angle = (
        (post.lead + LIKELY_JOKE if joke else None)
        or careful
        or aimed
        or angle_for_kind(post, addressee)
        or _angle_for_tone(post, flags, humor)
        or _angle_for_share(post, flags)
        or _angle_for_content(post, role)
    )
    if reply_by is None:  # the templates follow the lead; alone, each is a sentence of its own
        return angle[:1].upper() + angle[1:]
    if aimed is not None:  # "@sam asks @acme, not the room: ...": one sentence already
        return angle
    # after the colon the angle reads on, in the sentence it joins
    return f"Reply to {reply_by}, not the opening post: {angle[:1].lower()}{angle[1:]}"


def likely_joke(text: str, humor: float | None) -> bool:
    """The humor signal sure it is a joke (:func:`~.jokes.reads_as_joke`: "My boss wants me to
    be more punctual. I'm now never late: I'm never there"), so no gripe to console nor question
    a punch line answers; but not a matter of rights ("the manager put me on the rota with
    pay?!?! (an unpaid trainee till now)": answered straight) nor career news told gladly ("got
    the job at the bakery!! pretty sure i will love it ^_^", congratulated as
    :func:`~.angle_kinds.angle_for_kind` does; a new job in a story gone sour, "... The boss
    called me a terrible, awful hire", stays a joke). The one test of the flag, its caution and
    the angle, so they never judge apart."""
    if not reads_as_joke(text, humor) or tells_of_rights(text):
        return False
    return not (is_career_news(text) and not judge_tone([text])[0].negative)


def _lead(n_replies: int, addressee: str | None, question: bool) -> str:
    """How an angle opens: a post aimed at one account that asks nothing ("@dana swapped my
    night shift for your Tuesday one") is that account's, as its caution says, so it is never "Be
    the first to reply" (a question aimed at one has an angle of its own)."""
    if addressee and not question:
        return f"Aimed at {addressee}, not the room: only if you have something to add, "
    return "Be the first to reply, and " if n_replies == 0 else ""


def _angle_for_tone(post: Reading, flags: Mapping[str, bool], humor: float) -> str | None:
    """Distress, politics, a light tone or a question of rights: how the post feels first."""
    subject, lead, tone, question = post.subject, post.lead, post.tone, post.question
    if signals_crisis(post.text):  # whatever work it names: "my manager asked if I fear dying"
        return (
            "A possible crisis (a wish to die or to self-harm), not a conversation for a firm:"
            f" leave it; if {post.voice.someone_knows} them, reach out privately and point to a"
            " crisis line; never a tip or a pitch."
        )
    if tone.grieving:
        if not question:  # "Be the first to reply" would rush a stranger's mourning
            return (
                "A loss, not a conversation to join: at most a line of condolence, and only if"
                f" {post.voice.you_know} them; no advice, no pitch."
            )
        asked = post.answer("answer what they asked", "answer each thing they asked")
        return post.answered(
            f"{lead}acknowledge their loss first, then {asked}{tell_subject(subject)} plainly,"
            " in a line or two; no jokes, no pitch."
        )
    if flags.get(ANOTHERS_HARDSHIP):  # ranked low for it, with its caution: the same call
        return anothers_hardship_angle(post.voice)
    going_through = _going_through(post)
    # a hard time of the mind ("scared of dying", "my head is sick"): no firm's tip helps;
    # "Laid off today, so depressed" is a hard time about work, whose tip may help
    # (a boss or a coworker named in it makes it no hardship about work)
    personal = subject is None or subject in ("managers", "the workplace")
    if going_through and not question and personal and _MIND_RE.search(post.text):
        return (
            "A hard time that is not about work: leave it, or at most a kind line if"
            f" {post.voice.you_know} them; never a tip, a resource list or a pitch."
        )
    if going_through and question and tone.legal:
        straight = post.answer("answer it straight", "answer each straight")
        return post.answered(
            f"{lead}acknowledge what they are going through, then {straight}{tell_subject(subject)}:"
            f" what the rules are as {post.voice.knowers} know them, and where to check (the labor"
            " department, an employment lawyer); no jokes, no pitch."
        )
    if going_through:
        return lead + (
            "acknowledge what they are going through, then offer one practical, no-pitch"
            f" tip{tell_subject(subject)} or a free resource; no jokes."
        )
    if not question and tells_of_anothers_hardship(post.text):
        return anothers_hardship_angle(post.voice)
    if flags.get("politics"):
        return lead + (
            f"stick to the work facts{tell_subject(subject)}: one data point from {post.voice.desk},"
            " and no opinion on the politics."
        )
    if matches_light_tone(post.text, tone, humor, question):  # the worn-down caution's too
        # only the light tone gives way: "we hired two Black women as site leads" keeps its
        # usual angle, as the hostile rule keeps a team proud of its people
        if not question and _PEOPLE_BY_WHO_RE.search(post.text):
            return IDENTITY
        return (
            lead
            + f"match the light tone with a short, relatable story{tell_subject(subject, 'about')}."
        )
    # a rant in a question's form is a view, not a request; unless it is about the writer's
    # own rights ("how is it legal that my boss won't pay me overtime??"), which are answered
    own = WRITER_RE.search(URL_RE.sub(" ", post.text)) is not None
    if question and asks_nothing(post.text) and not (tone.legal and own):
        return lead + (
            "take it as a view, not a question: it asks for no answer. Add one data point or"
            f" story{tell_subject(subject)} only if you have one; no lecture, no pitch."
        )
    if question and tone.legal:  # rights and rules: a wrong answer costs the asker
        straight = post.answer("answer it straight", "answer each straight")
        return post.answered(
            f"{lead}{straight}{tell_subject(subject)}: what the rules and usual practice are as"
            f" {post.voice.knowers} know them, and where to check (the labor department, an"
            " employment lawyer); no jokes, no pitch."
        )
    return None


def _angle_for_share(post: Reading, flags: Mapping[str, bool]) -> str | None:
    """A link passed on with nobody answering yet (``link_share``: a headline, a tip list) is
    not a view to push back on nor a question: the caution says to reply only with what it
    misses, and so does the angle."""
    if not flags.get("link_share") or post.question:
        return None
    head = "A link passed on, not yet a conversation: reply only"
    if post.subject is None:
        return f"{head} if {post.voice.you_have} something it misses, in a line or two; no pitch."
    return (
        f"{head} with what it misses, {post.voice.story(post.subject)}, in a line or two; no pitch."
    )


def _going_through(post: Reading) -> bool:
    """The post tells of something hard its writer is going through: a cue of distress, or a
    negative statement or a matter of rights ("Fun to hear I'd not have been hired if HR
    knew I was pregnant lol", which reads positive) about the writer's own lot that is not a
    view offered for debate."""
    tone = post.tone
    if tone.distressed:
        return True
    # a question that lists "good, bad, ugly?" is not distress: only its cues count there
    if not (tone.negative or tone.legal) or post.question:
        return False
    plain = URL_RE.sub(" ", post.text)
    return WRITER_RE.search(plain) is not None and OPINION_RE.search(plain) is None


def tells_of_anothers_hardship(text: str) -> bool:
    """A third person's want told ("she was back with no job ... to survive") by a writer
    who says nothing of themself: no question to the room, and no work matter to add to."""
    plain = URL_RE.sub(" ", text)
    return (
        _HARDSHIP_RE.search(plain) is not None
        and _THIRD_PERSON_RE.search(plain) is not None
        and WRITER_RE.search(plain) is None
        and _TURNED_AROUND_RE.search(plain) is None
    )


def _angle_for_content(post: Reading, role: str | None) -> str:
    """A question answered as its asker's role calls for, else a perspective on what it says."""
    subject, lead = post.subject, post.lead
    if post.question:
        concrete = post.answer("give a concrete answer", "give a concrete answer to each")
        question = post.answer("answer the question", "answer each question")
        # a tip or what you see across clients answers no question in particular
        by_role = {
            "recruiter": post.answered(
                f"answer peer to peer: what your desk sees{tell_subject(subject, 'about')}, and one"
                " thing that worked."
            ),
            "hr_pro": post.answered(
                f"{concrete}{tell_subject(subject)} from placing candidates, with one example; no pitch."
            ),
            "employer": f"share what you see across clients{tell_subject(subject)}; offer a checklist,"
            " not a sales call.",
            "job_seeker": f"give one practical tip{tell_subject(subject)} and point to a free resource.",
        }
        return lead + by_role.get(
            role or "",
            post.answered(f"{question}{tell_subject(subject)} with one specific, useful example."),
        )
    # a day, plan or feeling of the writer's own makes no claim to agree with or push back on
    if subject and tells_own_story(post.text):
        return lead + (
            f"add a short, friendly line about {subject}: a story of your own or a question"
            " back; no debate, no pitch."
        )
    if subject:
        return lead + (
            f"add a perspective on {subject}: agree or push back with {post.voice.evidence},"
            " and ask a follow-up question."
        )
    if names_work_matter(post.text):
        return lead + f"add {post.voice.example} and ask a follow-up question."
    # nothing about work to speak to: no "recruiters' experience" on a police-dog story
    return (
        f"Join only if {post.voice.you_have} something of {post.voice.its} own to add: a short, human reply,"
        " no pitch."
    )
