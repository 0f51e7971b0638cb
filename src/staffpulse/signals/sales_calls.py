"""A seller's or a recruiter's call anywhere in a post: what keeps a rule of voice from
crediting an ad with a person's voice.

The rules that lift a post the personality model reads as a headline (a verdict on someone's
work, :mod:`~staffpulse.signals.shared_verdicts`; a feeling about what the post shares,
:mod:`~staffpulse.signals.felt_openers`) read only how the post opens. A job ad or a sale can
open the same way ("Nice write up by the Gazette on our warehouse jobs, starting $20/hr",
"So excited for our fall sale, 30% off"), and the guidelines give an ad no human voice, so
both rules leave to the model a post that sells ("sale", "discount", "% off", "giveaway" ...)
or calls people to a job: "apply now", "join our team", "we're hiring", pay by the hour, week
or year, a sign-on bonus, openings, roles or positions open, "DM us". Talk about work is no
call: "a great read on hiring bias", "how to apply for a visa", "job openings fell in May".
"""

from __future__ import annotations

import re

__all__ = ["calls_to_buy_or_apply", "names_pay"]

_SELLS = (
    r"sale|shop|shopping|discount|deals?|giveaway|win|order|buy|coupon|promo|register|"
    r"sign up|subscribe"
)
_RECRUITS = (
    r"apply (?:now|today|here|online|via|by|within|in person)|applications (?:close|open|due)|"
    r"(?:now|we're|we are|are|is|still) (?:hiring|recruiting)|join (?:us|our team)|"
    r"(?<!job )openings?|vacanc(?:y|ies)|sign-?on bonus|dm (?:us|me)|(?:jobs|work) with us|"
    r"(?:roles|positions|jobs) (?:open|available)|open (?:[\w-]+ ){0,2}(?:roles|positions|jobs)|"
    r"bring (?:a|your) (?:resume|cv)"
)
# pay: "$19/hr", "$1,400 a week", "45k per year", "18/hr" (not "3 a year", "2 hours a week")
_PAY = (
    r"(?:[$£€] ?\d[\d,.]*k?|\b\d[\d,.]*k) ?(?:/ ?|per |an? )(?:hr|hour|wk|week|month|yr|year)\b"
    r"|\d ?/ ?(?:hr|hour)\b"
)
_CALL = re.compile(rf"\b(?:{_SELLS}|{_RECRUITS})\b|#hiring\b|%\s*off\b|{_PAY}", re.IGNORECASE)
_PAY_RE = re.compile(_PAY, re.IGNORECASE)


def calls_to_buy_or_apply(text: str) -> bool:
    """Whether ``text`` sells something or calls people to a job (see the module docstring)."""
    return _CALL.search(text) is not None


def names_pay(text: str) -> bool:
    """Whether ``text`` gives pay by the hour, week, month or year ("$19/hr", "\u00a312 per hour")."""
    return _PAY_RE.search(text) is not None
