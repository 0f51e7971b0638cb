"""A newspaper, a news site, a podcast or a blog is no employer.

By the guidelines an employer is an organization outside staffing and HR that posts mainly of
its own brand, and news is "other". The heads learned "an organization that says we" as
employer, so on the CrowdFlower accounts a town's newspaper, a newspaper's politics blog, a
national news outlet and two podcasts came out employers at 0.6-0.9, and Connect kept them
(it leaves out role other by default, never employers), reading "employer" beside a newspaper.

A bio that says what the account is as a publication ("the town's weekly newspaper", "a news
site", "a news agency", "a podcast about gardening", "the podcast where two friends ...", "a
food blog run by a paper") has its employer score moved to other; kind and the other scores
stay (an outlet is an organization). News as a brand's own updates is left alone: a city
council's news and notices and a shop's mailing list for news are employers by the labels, and
so is a hotel's "hotel news", even where it calls itself "your trusted news source for hotel
news" (a news site, source or network is no outlet in a bio that names another trade: a hotel,
a shop, a restaurant); so is a newspaper a brand was featured in or sells ("as seen in
the Gazette newspaper", "newspapers, sweets and stamps"). Prior knowledge after the heads,
like the other rules: nothing is retrained (``docs/models/roles.md``, stop 36).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from staffpulse.signals.role_score_moves import move_employers_to_other
from staffpulse.signals.role_text import to_ascii

__all__ = ["drop_employer_role_of_news_outlets", "names_a_news_outlet"]

_OUTLET = re.compile(
    # one newspaper: "newspapers" is what a newsagent sells, or a publisher's group
    r"\bnewspaper\b"
    # the account is the podcast or the blog, not a firm that has one ("our podcast")
    r"|\b(?:an?|the)\s+(?:(?:daily|weekly|monthly|new|comedy|political|independent)\s+)?podcast"
    r"\s+(?:about|in\s+which|that|bringing|where)\b"
    r"|\bblog\s+run\s+by\b"
    # what a newsroom publishes, said of itself: "independent journalism for the north"
    r"|\b(?:independent|investigative|award[- ]winning|non-?profit)\s+(?:journalism|newsroom|reporting)\b",
    re.IGNORECASE,
)
# A news service: read as an outlet unless the bio names another trade it is in; so is
# "breaking news" as what a newsroom publishes ("Breaking news and analysis from the valley"),
# not a brand's headline of its own ("Breaking news: our new menu!", "Breaking news... new
# flavours every Friday", "Breaking news — we now ship") nor someone's "breaking news junkie"
_NEWS_SERVICE = re.compile(
    r"\bnews\s+(?:body|site|website|source|outlet|portal|agency|network|channel|station)\b"
    r"|\bbreaking\s+news\b(?!\s*(?:[:!-]|\.\.|(?:we|our|is|are|junkie|fan|addict|lover|producer|"
    r"reporter|editor|anchor|writer)\b))",
    re.IGNORECASE,
)
# A business of another trade calling its own updates a news source ("the Harbour Hotel: your
# trusted news source for hotel news", a shop's "news site for our store"): an employer by the
# labels. Not a newspaper, which a hotel's bio never calls itself.
_OTHER_TRADE = re.compile(
    r"\b(?:hotels?|resorts?|motels?|inns?|hostels?|shops?|stores?|boutiques?|restaurants?|cafes?"
    r"|bakery|bakeries|salons?|spas?|brewery|breweries|winery|wineries|pubs?|florists?|garage"
    r"|dealership|gyms?|pharmacy|supermarket|bistro|diner|b&b|bed and breakfast)\b",
    re.IGNORECASE,
)


# a newspaper named as where a brand was seen, not as what the account is: "as featured in the
# Gazette newspaper", "voted best bakery by local newspaper readers"
_NEWSPAPER_NAMED = re.compile(
    r"\b(?:in|by|from|on|to|featured|seen|quoted|cited)\s+(?:[\w'&.-]+\s+){0,3}newspaper\b",
    re.IGNORECASE,
)


def names_a_news_outlet(bio: str | None) -> bool:
    """Whether the bio says the account is a newspaper, a news site, a podcast or a blog."""
    text = _NEWSPAPER_NAMED.sub(" ", to_ascii(bio or ""))
    if _OUTLET.search(text) is not None:
        return True
    return _NEWS_SERVICE.search(text) is not None and _OTHER_TRADE.search(text) is None


def drop_employer_role_of_news_outlets(
    bios: Sequence[str | None], scores: np.ndarray
) -> np.ndarray:
    """Role scores ``[n, len(ROLES)]`` in which an account tagged employer whose bio says it
    is a news outlet has its employer score moved to other (``scores`` is not changed)."""
    return move_employers_to_other(bios, scores, names_a_news_outlet)
