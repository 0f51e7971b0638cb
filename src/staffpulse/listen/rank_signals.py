"""What ranking reads off one conversation before weighing it: how fresh it is, the room left
to add value, whether it is aimed at one account, looks like spam or is squarely about work
(see :mod:`staffpulse.listen.rank` for how these are weighed and explained)."""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import timedelta

from staffpulse.listen.job_offers import asks_hiring_advice, offers_a_job, scoffs_at_an_offer
from staffpulse.listen.post_kinds import asks_nothing
from staffpulse.listen.questions import ends_asking, is_question
from staffpulse.listen.sentences import split_sentences
from staffpulse.listen.threads import Conversation
from staffpulse.listen.work_terms import URL_RE, dwells_on_work, work_subjects
from staffpulse.models import Post, normalize_handle
from staffpulse.signals.job_ads import looks_like_job_ad

HALF_LIFE_HOURS = 12.0
# Room to add value when the reply count is unknown (the first post is not stored): neither
# an empty thread nor a crowded one, like relevance's 0.5 when unknown.
ROOM_UNKNOWN = 0.5
# "Squarely about work topics" needs the work_topic classifier this sure of the opening (and
# unambiguous work words in it, not one named in passing: ``work_terms.dwells_on_work``): its
# probability alone rides on words such as "office".
SQUARELY_WORK_P = 0.8
# ... or an opening that names this many different work matters ("HR", "recruiting",
# "candidates", "interviews"), with the classifier leaning to work: short questions full of
# work words are where the classifier is least sure.
SEVERAL_WORK_MATTERS = 3
LEANS_WORK_P = 0.5
# replies this recent count as the conversation growing
GROWTH_WINDOW = timedelta(hours=6)

_ADDRESSED_RE = re.compile(r"\s*((hey|hi|hello|yo|dear)\b[\s,]*)?@[\w.\-]+", re.IGNORECASE)
# "DM me for" only when what it sells is reach: "DM me for more details" closes many a recruiter's
# job ad (left out as the job ad it is) and many an offer of help ("DM me for the template")
_SPAM_RE = re.compile(
    r"\b(follow ?back|f4f|crypto|airdrop|giveaway|make money|click here|onlyfans|"
    r"dm (me|us) for (a )?(promo\w*|collab\w*|shout ?outs?|features?|paid \w+)|"
    r"forex|earn \$|passive income|bitcoin|nft|promo code|"
    # the pitch of a network-marketing team ("be your own boss") is no conversation
    r"be your own boss|#?bossbabe|financial freedom|work from home opportunit\w*)\b",
    re.IGNORECASE,
)
# work-from-home bait: "the easiest online job, sign up and get started today", "earn $250 a
# day from home" (1 of 29,818 real texts, a scam; a job ad says what the job is). Its words
# are a seeker's too ("What are the best online jobs for students?", "I make $200 a day from
# home, is that fair?") and "get started today" a new hire's: bait only with no question
# asked, or with a call to sign up
_BAIT_RE = re.compile(
    r"\b(?:(?:biggest|best|easiest|top) online jobs?|"
    r"(?:sign up|join|register|click)\b[^.!?]{0,30}\bget started (?:now|today)|"
    r"(?:earn|make) \$?\d[\d,]*\+? (?:a|per|each) (?:day|week) (?:from|at) home)(?!\w)",
    re.IGNORECASE,
)
_SIGN_UP_RE = re.compile(
    r"\b(?:sign up|click|join (?:now|today)|link in bio|dm me)\b", re.IGNORECASE
)
# A sale ("use my code", "check out my new template"): no conversation in itself, though a
# customer's reply under one may be (the thread is then offered for that reply)
_SALE_RE = re.compile(
    r"\b(discount code|coupon code|use (my )?code|on sale now|check out my (?:new |free )?"
    r"(?:[\w-]+ ){0,2}?(?:shop|store|course|e-?book|templates?|merch))\b",
    re.IGNORECASE,
)
# ... and the words of a sale that a work question may quote ("A recruiter said the offer is
# good today only. Is that normal?", "they want 20% off our markup?"): a sale only in a post
# that does not end asking. "$15.99 an hour" is pay, not a price
_SALE_WORDS_RE = re.compile(
    r"\b(\d+% off|today only|limited time offer|buy now|shop now)\b|"
    r"\$\d+\.99\b(?!\s*(?:/\s*h|an? h|per h))",
    re.IGNORECASE,
)


def looks_spammy(
    text: str, hashtags: int = 0, mentions: int = 0, urls: int = 0, *, sale_counts: bool = True
) -> bool:
    """Spam words, a wall of tags, mentions or links; a sale too unless ``sale_counts`` is
    False (the work talk is in a reply under it). A sale ends on its call to buy: a post with
    a sale's words that ends asking the room is a work question quoting them."""
    sale = sale_counts and (
        _SALE_RE.search(text) is not None
        or (_SALE_WORDS_RE.search(text) is not None and not ends_asking(text))
    )
    return (
        hashtags >= 6
        or mentions >= 6
        or urls >= 3
        or _SPAM_RE.search(text) is not None
        or _is_bait(text)
        or sale
        or text.count("#") >= 6
    )


def _is_bait(text: str) -> bool:
    if _BAIT_RE.search(text) is None:
        return False
    return not is_question(text) or _SIGN_UP_RE.search(text) is not None


def is_job_ad(text: str, job_p: float | None, threshold: float) -> bool:
    """An ad's wording (``looks_like_job_ad``), or the job-opening model's yes for a post that
    does not end asking: "Recruiters: do postings with salary ranges get more applicants?"
    names postings, pay and applicants as an ad does, and the model says yes to it, but it is a
    question to peers; an ad's question is a hook that its call to act follows ("Looking for
    your next role? Apply at the link"). A job offered in the writer's own words with a call
    for candidates ("Hiring a receptionist in Austin. Who wants it?") is one too; an
    employer asking for help with its hiring ("We're hiring but nobody applies. What are we
    doing wrong?") is not, nor is an offer quoted to scoff at it ("Diner hiring servers at
    $2.13/hr. I wouldn't work for that either": a complaint about pay)."""
    if scoffs_at_an_offer(text):
        return False
    if offers_a_job(text):
        return True
    if looks_like_job_ad(text):  # unless it asks for help with its own hiring
        return not asks_hiring_advice(text)
    return model_says_job_ad(text, job_p, threshold)


def model_says_job_ad(text: str, job_p: float | None, threshold: float) -> bool:
    """The job-opening model's yes for a post that does not end asking: a job ad by
    :func:`is_job_ad` whatever its wording."""
    return job_p is not None and job_p >= threshold and not ends_asking(text)


def hours_in(delta: timedelta) -> float:
    """A time span in hours, never negative (a post dated a little ahead is "now")."""
    return max(delta.total_seconds() / 3600.0, 0.0)


def room_for(n_replies: int | None) -> float:
    """Room to add value, from 0 to 1: best with a few replies, less in a crowd."""
    if n_replies is None:
        return ROOM_UNKNOWN
    if n_replies == 0:
        return 0.8
    if n_replies <= 5:
        return 1.0
    return 1.0 / (1.0 + (n_replies - 5) / 5.0)


def stored_replies(conv: Conversation) -> int:
    """Replies we know of: every stored post when the opening post is not stored."""
    return len(conv.turns)


def known_replies(conv: Conversation) -> int | None:
    """How many replies the conversation has, when the store can say: not when its first post
    is missing (the replies to it we never saw are not stored either)."""
    return None if conv.root is None else len(conv.replies)


def addressee(conv: Conversation) -> str | None:
    """The account an opening post is aimed at ("@acme ..."), when it starts with another
    account's handle; a post that names its own author ("@TriNet named one of...") or a reply
    whose parent is not stored (a reply starts with handles) is aimed at no one. A reply whose
    parent is gone (deleted) is aimed at the account it answered, whatever its first words:
    there is no thread left around it, only that exchange."""
    opening = conv.opening
    if conv.root is None and opening.reply_to_post_id:
        return None
    answered = (opening.reply_to_handle or "").lstrip("@")
    own = opening.author_handle.lstrip("@").lower()
    if conv.root_gone and answered and answered.lower() != own:
        return "@" + answered
    found = _ADDRESSED_RE.match(opening.text)
    if found is None:
        return None
    who = found.group(0).strip().split("@", 1)[1].rstrip(".,:;!?")
    if who.lower() == own or (own and own.split("@")[0] == who.lower()):
        return None
    return "@" + who


# a handle in a sentence ("... @dana what roles do you have open?"), not an e-mail address
_HANDLE_RE = re.compile(r"(?<![\w@.])@([\w.\-]*\w)")
_LEADING_HANDLES_RE = re.compile(r"^(?:\s*@[\w.\-]+)+")
# a question on the jobs where the one asked works: "what position you have open?", "are
# you hiring?", "can I apply to your team?"
_OPENINGS = r"(?:positions?|roles?|jobs?|openings?|vacanc(?:y|ies)|spots?)"
_YOU = r"(?:you|u|y['\u2019]?all|you guys)"
_THEIR_JOBS_RE = re.compile(
    rf"\b(?:are|r) {_YOU} (?:still )?hiring\b|"
    # "the roles you have open", not "the roles you have to cut" nor "the openings you have seen"
    rf"\b{_OPENINGS}\b[^?]*\b{_YOU} (?:have|got|had)\b(?! (?:to|seen|been|heard)\b)|"
    rf"\b{_YOU} (?:have|got) (?:any )?(?:open )?{_OPENINGS}\b|"
    r"\bapply (?:to|at|for|with) (?:your|ur)\b|"
    rf"\b(?:your|ur) (?:company|team|firm|store|office|shop|hospital)\b[^?]*\b(?:hiring|{_OPENINGS})\b",
    re.IGNORECASE,
)


def question_put_to(conv: Conversation, reply: Post) -> str | None:
    """The account a reply's question is put to, when it is the thread's owner or the account
    the reply answers and only they can answer it: named in the question ("... @dana what
    roles do you have open?"), or asked about the jobs where they work ("what position you have
    open?" in a reply to a CEO's post). None for the opening itself, a reply with no question,
    and a question put to the room ("anyone else seeing fewer applicants?")."""
    if reply.id == conv.opening.id:
        return None
    writer = reply.author_handle.lstrip("@").lower()
    owners: dict[str, str] = {}  # lower case -> as written, the owner's own spelling first
    for handle in (conv.opening.author_handle, reply.reply_to_handle or ""):
        if handle and handle.lstrip("@").lower() != writer:
            owners.setdefault(handle.lstrip("@").lower(), handle.lstrip("@"))
    # the handles a reply opens with are its address line (X writes them in): a question put
    # to one by name names it again ("@dana Love this! @dana are you hiring?")
    text = _LEADING_HANDLES_RE.sub("", URL_RE.sub(" ", reply.text))
    asked = [q for q in split_sentences(text) if q.rstrip().endswith("?")]
    for question in asked:
        for handle in _HANDLE_RE.findall(question):
            if handle.lower() in owners:
                return "@" + owners[handle.lower()]
    answered = (reply.reply_to_handle or "").lstrip("@").lower()
    if answered in owners and any(_THEIR_JOBS_RE.search(q) for q in asked):
        return "@" + owners[answered]
    return None


# A question that names work only in passing is worth this share of one on work: a firm can
# answer work questions, not a broadcaster's casting
QUESTION_OFF_WORK = 0.5


def question_value(text: str, question: bool, aimed_at: str | None) -> float:
    """1 for a question to the room on work; half for one that names work only in passing
    ("can we get more of her?" under "the best job title on TV"); 0 for a question aimed
    at one account: it is asked of that account, not of the room; 0 for a rant in a
    question's form ("so ur saying u cant find better staff?"): it asks for no answer."""
    if not question or aimed_at is not None or asks_nothing(text):
        return 0.0
    return 1.0 if dwells_on_work(text) else QUESTION_OFF_WORK


TO_FIRM = "to_firm"  # the flag of an opening aimed at the firm itself
TO_FIRM_ANGLE = (
    "Addressed to your firm: answer it yourself, in a line or two, and take anything personal"
    " (an application, pay) to a direct message; no pitch."
)
# "@acme my dad passed away, can I move my start date?": the loss comes before the answer
TO_FIRM_HARD_TIME_ANGLE = (
    "Addressed to your firm, by someone going through a hard time: acknowledge it first, then"
    " answer it yourself, in a line or two, and take anything personal to a direct message;"
    " no jokes, no pitch."
)


def is_firm(aimed_at: str, firm: Collection[str]) -> bool:
    """Whether the account an opening is aimed at ("@acme", "@acme@mastodon.social") is one of
    the firm's handles (normalized; a Mastodon handle also by its name before the server, as
    a mention written on the firm's own server omits it)."""
    who = normalize_handle(aimed_at)
    return who in firm or any(who == f.split("@")[0] for f in firm if "@" in f)


def is_squarely_work(text: str, p_work: float | None) -> bool:
    """The classifier sure and work words that are not in passing (two, or one such as
    "interview"), or several work matters and the classifier leaning to work; never a keyword
    hit alone, nor a greeting (see :mod:`staffpulse.listen.rank`)."""
    if p_work is None or p_work < LEANS_WORK_P:
        return False
    if p_work >= SQUARELY_WORK_P:
        return dwells_on_work(text)
    return len(work_subjects(text)) >= SEVERAL_WORK_MATTERS
