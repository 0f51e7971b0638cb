"""Customer care: a brand's care desk, and the conversations that are a customer's message to a
brand rather than work talk a staffing firm could join.

A customer writing to a company ("@Brand is there a reason you refuse to close the lobbies of
your branches?", "Got ID'd @Brand for buying one beer. Is being blind part of the job-spec?")
is talking to that company, not to the room: whatever work word the complaint holds ("your
employees", "I'm laid off"), a staffing firm that joins it is butting into customer service.
A conversation is a **customer-care conversation** (left out of the inbox, and counted) when:

* its opening names an account (an @handle anywhere in it) and one of these holds:

  - the account named is a care desk by its handle ("@Ask_Brand", "@BrandSupport");
  - a care desk answers in the thread (:func:`looks_like_customer_care`: its handle, its stock
    phrasing, a signed reply "- Helena");
  - the account named answers the opener and the opening reads as a customer's (a refund, an
    order, a ticket, a branch, a purchase: :data:`_CUSTOMER_RE`);
  - the opening starts with that account's handle and reads as a customer's;

* or its opening is a brand's own post and the brand's care desk answers in it ("@BrandBiz:
  new features for IT" answered by "@BrandSupport"): its replies are customer service.

Only the structure and the words of a customer are read, never a list of brands.
"""

from __future__ import annotations

import re

from staffpulse.listen.threads import Conversation
from staffpulse.listen.work_terms import URL_RE
from staffpulse.models import Post

# The inbox's "left out" reason, and its names in the note.
CUSTOMER_CARE = "customer_care"
CUSTOMER_CARE_NAMES = ("customer-care conversation", "customer-care conversations")
# A brand's care desk shares its name with the brand's other accounts: "dropbox" in
# "DropboxSupport" and "DropboxBusiness"; shorter stems say nothing ("ups", "hp").
MIN_BRAND_STEM = 4

# a care desk's handle: @AskeBay, @Ask_WellsFargo, @TeamYouTube, @AdobeCare, @MicrosoftHelps,
# @DropboxSupport; "Ask"/"Team" only capitalised (a lower-case "askamanager" is a column), and
# no "healthcare" or "childcare" (a staffing desk for nurses is no care desk)
_CARE_PREFIX_RE = re.compile(r"(?:Ask|Team)_?[A-Za-z]")
_CARE_SUFFIX_RE = re.compile(
    r"(?<!health)(?<!child)(?<!elder)(?<!home)(?<!day)(?<!skin)(care|cares|support|helps?|service)$"
)
# the stock phrasing of a care desk: "our team is working on it", "we're working to fix this",
# and a reply signed by the agent who wrote it ("... - Helena", "^JD")
_CARE_TEXT_RE = re.compile(
    r"\b(rest assured|our (\w+ )?team (is|are)\b[^.!?]*\bwork\w*|"
    r"we(['\u2019]re| are) (\w+ )?working (on|to)\b|"
    r"(send|shoot|drop) us an? (dm|direct message|private message)|please dm us|"
    r"sorry (for|about) (the|any) (inconvenience|trouble))",
    re.IGNORECASE,
)
_SIGNED_RE = re.compile(r"(?<!\S)[-\u2013\u2014~]\s?[A-Z][a-z]+\.?\s*$|(?<!\S)\^[A-Z]{1,3}\s*$")
_CARE_HANDLE_PARTS_RE = re.compile(
    r"^(ask|team)_?|_?(care|cares|support|helps?|service|team)$", re.IGNORECASE
)
# What a customer writes to a company: money back, an order, a ticket, a branch, a purchase.
_CUSTOMER_RE = re.compile(
    r"\b(refund\w*|non-?refundable|money back|(my|our|the) (order|package|parcel|delivery|"
    r"account|card|bill|subscription|flight|booking|reservation|ticket|receipt|purchase)s?|"
    r"cancel\w* (my|the|our) \w+|billed|overcharged|charged (me|us|twice)|customer service|"
    r"(your|the) (store|shop|branch|app|website|checkout)s?|branch(es)?|lobb(y|ies)|"
    r"drive-?thru|bought|buying|purchas\w+|delivered|tracking number)\b",
    re.IGNORECASE,
)
_MENTION_RE = re.compile(r"(?<![\w@])@([\w.\-]+)")
_LEADING_HANDLE_RE = re.compile(r"\s*((hey|hi|hello|yo|dear)\b[\s,]*)?@([\w.\-]+)", re.IGNORECASE)


def _handle(post: Post) -> str:
    return post.author_handle.lstrip("@").split("@")[0].lower()


def is_care_handle(handle: str) -> bool:
    """A care desk's handle ("Ask_WellsFargo", "AdobeCare"); ``handle`` without its "@"."""
    name = handle.lstrip("@").split("@")[0]
    return (
        _CARE_PREFIX_RE.match(name) is not None or _CARE_SUFFIX_RE.search(name.lower()) is not None
    )


def looks_like_customer_care(post: Post) -> bool:
    """A brand's customer-care desk: a care handle ("@AskeBay", "@AdobeCare") or its stock
    phrasing ("Rest assured our team is working to fix this", "send us a DM", a reply signed
    "- Helena")."""
    return (
        is_care_handle(post.author_handle)
        or _CARE_TEXT_RE.search(post.text) is not None
        or _SIGNED_RE.search(post.text) is not None
    )


def reads_as_customer(text: str) -> bool:
    """Words a customer writes to a company: a refund, an order, a ticket, a branch, buying."""
    return _CUSTOMER_RE.search(URL_RE.sub(" ", text)) is not None


def is_customer_care(conv: Conversation) -> bool:
    """A customer's message to a brand, or a brand's post turned customer service (see the
    module docstring)."""
    opening = conv.opening
    own = _handle(opening)
    named = {m.lower() for m in _MENTION_RE.findall(URL_RE.sub(" ", opening.text))} - {own, ""}
    others = [p for p in conv.replies if not (p.author_id and p.author_id == opening.author_id)]
    # stock phrasing ("we're working on it") or a signature counts from the brand named, not
    # from anyone: a recruiter's "we're working to add pay ranges" is no care desk
    desks = [
        p
        for p in others
        if is_care_handle(p.author_handle) or (_handle(p) in named and looks_like_customer_care(p))
    ]
    if not named:
        return any(
            _same_brand(_handle(desk), own) for desk in desks if is_care_handle(_handle(desk))
        )
    if any(is_care_handle(name) for name in named) or desks:
        return True
    if not reads_as_customer(opening.text):
        return False
    answered = any(_handle(p) in named for p in others)
    leading = _LEADING_HANDLE_RE.match(opening.text)
    return answered or (leading is not None and leading.group(3).lower() in named)


def _same_brand(desk: str, opener: str) -> bool:
    """The care desk's brand name starts the opener's handle ("dropbox" of "dropboxsupport"
    in "dropboxbusiness")."""
    stem = _CARE_HANDLE_PARTS_RE.sub("", desk).strip("_")
    return len(stem) >= MIN_BRAND_STEM and opener.replace("_", "").startswith(stem.replace("_", ""))
