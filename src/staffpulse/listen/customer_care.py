"""Customer care: a brand's care desk, and the conversations that are a customer's message to a
brand rather than work talk a staffing firm could join.

A customer writing to a company ("@Brand my card was charged twice", answered by @Brand; "@Brand
why do your branches still shut at noon?", answered by @Ask_Brand) is talking to that
company, not to the room: whatever work word the complaint holds ("your employees", "I'm laid
off"), a staffing firm that joins it is butting into customer service. A conversation is a
**customer-care conversation** (left out of the inbox, and counted) when:

* its opening names an account (an @handle anywhere in it) and one of these holds:

  - the account named is a care desk by its handle ("@Ask_Brand", "@BrandHelp";
    "@BrandSupport" or "@TeamBrand" when another account in the thread is that brand);
  - a care desk answers in the thread (its handle, or the account named answering in a care
    desk's stock phrasing or with a signed reply "- Helena": :func:`looks_like_customer_care`);
  - the account named answers the opener, and the opening reads as a customer's: money back,
    "my order", "I was charged" (:data:`_CUSTOMER_RE`, a first-person customer's frame);
  - the opening is addressed to the account (it starts with its @handle) and reads as a
    customer's, answered or not ("@SkyTrainAir I was laid off and you say my ticket is
    non-refundable?"): a complaint to a brand, not work talk, whatever its work words
    ("take my money" is a fan's words, and "I was charged a fee", "my account" a worker's too:
    those count only with a brand's answer);

* or its opening is a brand's own post and the brand's care desk answers in it ("@BrandBiz:
  new features for IT" answered by "@BrandSupport"): its replies are customer service.

A question to a peer by handle is none of these, whatever it asks about: "@jane_hr do agencies
refund the placement fee?", "@sam_ops how did you staff the new branch?" are staffing talk.
Only the structure and the words of a customer are read, never a list of brands.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from staffpulse.listen.threads import Conversation
from staffpulse.listen.work_terms import URL_RE
from staffpulse.models import Post
from staffpulse.sources.native_records import MENTION_RE

# The inbox's "left out" reason, and its names in the note.
CUSTOMER_CARE = "customer_care"
CUSTOMER_CARE_NAMES = ("customer-care conversation", "customer-care conversations")
# A brand's care desk shares its name with the brand's other accounts: "acmebank" in
# "AcmeBankSupport" and "AcmeBankBusiness"; shorter stems say nothing ("ups", "hp").
MIN_BRAND_STEM = 4

# A care desk by its handle alone: @AskeBay, @Ask_WellsFargo, @AcmeBankHelp, @MicrosoftHelps.
# "Ask" only capitalised and followed by a name ("AskAManager", "AskTheHR" are advice columns).
_CARE_PREFIX_RE = re.compile(r"Ask(?!(?:An?|The|Me|Us|Her|Him)(?:[A-Z_]|$))(?:_|[A-Z]|e[A-Z])")
_CARE_SUFFIX_RE = re.compile(r"helps?$", re.IGNORECASE)
# A desk only beside its brand: "Support", "Care", "Team" name staffing accounts as often
# ("VeteranSupport", "PrimeNurseCare", "FosterCare", "TeamLease", "Teamwork_Staffing"), so
# "@AcmeBankSupport" or "@TeamYouTube" is a desk only when another account in the thread is
# that brand (:func:`_same_brand`).
_BRAND_DESK_RE = re.compile(r"^Team_?[A-Z]|(support|care|cares)$", re.IGNORECASE)
# the stock phrasing of a care desk: "our team is working on it", "we're working to fix this"
# ("our team is proud of the work we do" is a firm talking), and a reply signed by the agent
# who wrote it ("... - Helena", "^JD"; "- Tuesday" is a date, not a signature)
_CARE_TEXT_RE = re.compile(
    r"\b(rest assured|our (\w+ )?team (is|are) (\w+ )?(working|looking into|investigating)|"
    r"we(['\u2019]re| are) (\w+ )?working (on|to)\b|"
    r"(send|shoot|drop) us an? (dm|direct message|private message)|please dm us|"
    r"sorry (for|about) (the|any) (inconvenience|trouble))",
    re.IGNORECASE,
)
_SIGNED_RE = re.compile(
    r"(?<!\S)[-\u2013\u2014~]\s?(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)[A-Z][a-z]+\.?\s*$"
    r"|(?<!\S)\^[A-Z]{1,3}\s*$"
)
_CARE_HANDLE_PARTS_RE = re.compile(
    r"^(ask|team)_?|_?(care|cares|support|helps?|service|team)$", re.IGNORECASE
)
# What a customer writes to a company, in the first person: money back, "my order", "I was
# charged". "refund", "branch", "buying", "the app" alone are a staffing firm's words too ("do
# agencies refund the placement fee?", "how did you staff the new branch?").
_CUSTOMER_RE = re.compile(
    r"\b((my|our) (order|package|parcel|delivery|account|card|bill|subscription|flight|booking|"
    r"reservation|ticket|receipt|purchase|refund|money)s?|(refund|reimburse) (me|us)|"
    r"(get|got|want|need|request|demand)(ed|ing|s)? (a|my|our) refund|money back|"
    r"non-?refundable|overcharged|(charged|billed) (me|us|twice)|double[- ]charged|"
    r"(i|we) (was|were|got|have been|'ve been|\u2019ve been) (charged|billed)|"
    r"cancel\w* (my|our) \w+|your customer (service|support)|tracking number)\b",
    re.IGNORECASE,
)


# an opening addressed to an account: its first word is that account's @handle
_ADDRESSED_RE = re.compile(r"^\s*@[\w.\-]+")
# words a worker says of an agency or a job too ("I was charged a training fee", "my account"),
# or a fan's ("take my money"): a customer's only when a brand answers them
_WORKERS_TOO_RE = re.compile(
    r"^(?:(?:my|our) (?:money|account|card|bill)s?|.*\b(?:charged|billed)\b.*)$", re.IGNORECASE
)


def _handle(post: Post) -> str:
    return _bare(post.author_handle)


def _bare(handle: str) -> str:
    """A handle without its "@" nor its Mastodon server, lower-case ("@Ana@x.social": "ana")."""
    return handle.lstrip("@").split("@")[0].lower()


def is_care_handle(handle: str) -> bool:
    """A care desk by its handle alone ("Ask_WellsFargo", "AcmeBankHelp"); ``handle`` without
    its "@", as written (the "Ask" of a desk is capitalised)."""
    name = handle.lstrip("@").split("@")[0]
    return _CARE_PREFIX_RE.match(name) is not None or _CARE_SUFFIX_RE.search(name) is not None


def is_desk_of(handle: str, others: Collection[str]) -> bool:
    """A care desk of a brand among ``others`` (lower-case handles): "AcmeBankSupport" beside
    "acmebankbusiness", "TeamYouTube" beside "youtube"; or a care handle alone."""
    if is_care_handle(handle):
        return True
    name = handle.lstrip("@").split("@")[0]
    if _BRAND_DESK_RE.search(name) is None:
        return False
    own = name.lower()
    return any(_same_brand(own, other) for other in others if other != own)


def looks_like_customer_care(post: Post) -> bool:
    """A brand's customer-care desk: a care handle ("@AskeBay", "@AcmeBankHelp") or its stock
    phrasing ("Rest assured our team is working to fix this", "send us a DM", a reply signed
    "- Helena")."""
    return (
        is_care_handle(post.author_handle)
        or _CARE_TEXT_RE.search(post.text) is not None
        or _SIGNED_RE.search(post.text) is not None
    )


def reads_as_customer(text: str) -> bool:
    """A customer's words to a company, in the first person: "my order", "I was charged",
    "money back"."""
    return _CUSTOMER_RE.search(URL_RE.sub(" ", text)) is not None


def is_customer_care(conv: Conversation) -> bool:
    """A customer's message to a brand, or a brand's post turned customer service (see the
    module docstring)."""
    opening = conv.opening
    own = _handle(opening)
    # as written: a desk's "Ask" is read by its capital ("@AskNorthBank", not "@askamanager")
    written = [m for m in MENTION_RE.findall(URL_RE.sub(" ", opening.text)) if m.lower() != own]
    named = {m.lower() for m in written}
    others = [p for p in conv.replies if not (p.author_id and p.author_id == opening.author_id)]
    accounts = named | {own} | {_handle(p) for p in others}
    if not named:
        return any(
            _BRAND_DESK_RE.search(p.author_handle.lstrip("@")) is not None
            and _same_brand(_handle(p), own)
            for p in others
        )
    if any(is_desk_of(name, accounts) for name in written):
        return True
    # a desk's own answer heading the thread, its customer's post not stored ("@40918 Glad
    # we could help, Tom! ^JB")
    if _ADDRESSED_RE.match(opening.text) and looks_like_customer_care(opening):
        return True
    for p in others:
        # stock phrasing ("we're working on it") or a signature counts from the brand named,
        # not from anyone: a recruiter's "we're working to add pay ranges" is no care desk;
        # a desk answering someone else under a fan's post (a star's charity drive naming
        # the brand) makes that reply customer service, not the post
        if is_desk_of(p.author_handle, accounts) and _answers(p, opening):
            return True
        if _handle(p) in named and looks_like_customer_care(p):
            return True
    if _ADDRESSED_RE.match(opening.text) and _complains_as_customer(opening.text):
        return True
    return reads_as_customer(opening.text) and any(_handle(p) in named for p in others)


def _answers(desk: Post, opening: Post) -> bool:
    """The desk's reply answers the opening's writer (or the opening), or the opening is the
    desk's brand's own post (its replies are then all customer service)."""
    to = _bare(desk.reply_to_handle or "")
    own = _handle(opening)
    return (
        desk.reply_to_post_id == opening.id
        or not to
        or to == own
        or _same_brand(_handle(desk), own)
    )


def _complains_as_customer(text: str) -> bool:
    """A customer's words that need no brand's answer to be one ("my ticket is non-refundable",
    "my order"): not a worker's too ("I was charged a fee by my agency"), nor "my order of
    business"."""
    plain = URL_RE.sub(" ", text)
    return any(
        _WORKERS_TOO_RE.match(m.group(0)) is None and not plain.startswith(" of ", m.end())
        for m in _CUSTOMER_RE.finditer(plain)
    )


def _same_brand(desk: str, other: str) -> bool:
    """The care desk's brand name starts the other account's handle ("acmebank" of
    "acmebanksupport" in "acmebankbusiness"); both lower-case."""
    stem = _CARE_HANDLE_PARTS_RE.sub("", desk).strip("_").replace("_", "")
    return len(stem) >= MIN_BRAND_STEM and other.replace("_", "").startswith(stem)
