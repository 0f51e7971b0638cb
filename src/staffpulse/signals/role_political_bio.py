"""A political party, a party's wing or a political campaign is no employer.

By the guidelines an employer is a firm outside staffing and HR that talks mainly of its own
brand, and what fits no role, news and public figures among it, is "other". The heads learned "an organization that says we" as employer, so on real X accounts
of 2021 a party's research account, a party's arts wing, "a political party" and a campaign
against Brexit came out employers at 0.88–0.97, which the inbox then called "started by an
employer" and Connect's role filter kept.

A bio that names a political party ("political party", a party's name such as "Labour Party"
or "Green Party", the committees "RNC", "DNC", "GOP" in capitals) or a political campaign
("an election campaign", "a campaign against Brexit", "#StopBrexit", "the Leave campaign",
"#FBPE", "rejoin", "electoral reform", "our democracy", "a referendum", a PAC, or Brexit beside
a side taken on it, "Brexit has failed our town") has its employer score moved to other; Brexit
named as a fact of trade ("we help importers trade smoothly after Brexit") is a business's,
not a campaign's; kind and the other scores stay (a
party is an organization). On the 15,531 CrowdFlower bios these words appear 8 times, 7 of
them on people (party members, a councillor), whom the rule leaves alone since a person is no
employer, and once on a county party already tagged other. Prior knowledge after the heads,
like the other rules: nothing is retrained (``docs/models/roles.md``, stop 34).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from staffpulse.signals.role_score_moves import move_employers_to_other
from staffpulse.signals.role_text import to_ascii

__all__ = ["drop_employer_role_of_political_bios", "names_party_or_campaign"]

# A firm's trade or legal form after a party's initials: the letters name a firm. Not "group",
# "services" nor "co": a party's council group, its member services and its co-convenors are
# named so ("DUP Group Belfast", "BJP Co-convenor": review s40)
_TRADE_WORDS = (
    r"logistics|transport\w*|freight|shipping|cargo|couriers?|haulage|movers|ltd|limited|llc"
    r"|inc|company|corp|corporation|pvt|plc|gmbh|solutions|consult\w*"
    r"|engineering|engineers|construction|builders|industries|enterprises?|trading|traders"
    r"|holdings|technolog\w*|tech|systems|software|motors|automotive|foods?|pharma\w*"
    r"|electric\w*|steel|textiles?|exports?|imports?|realty|properties|packaging|plastics"
    r"|infra\w*|developers|interiors|jewell?ers|garments|fashions?|tiles"
)
# Party names in capitals only: "a birthday party" or "party rentals" is a business, and so is
# a display name where the party is what a shop sells ("Green Party Supplies", "National Party
# Rentals")
_PARTY = (
    r"(?-i:\b(?:Labour|Labor|Conservative|Tory|Democratic|Republican|Green|Liberal|Lib ?Dem"
    r"|Liberal Democrat|Socialist|Communist|Independence|Renew|Reform|Brexit|Pirate|Workers'?"
    r"|People'?s|National|Progressive|Libertarian|Alliance|Unionist) Party\b"
    r"(?!\s+(?i:rentals?|hire|suppl(?:y|ies)|planners?|planning|shops?|stores?|events?|decor\w*"
    r"|bus(?:es)?|boats?|favou?rs|goods|games|entertainment|services|co|company|ltd|limited|llc"
    r"|inc|balloons|tents|venues?|hall|rooms?|packs?|bags?|box(?:es)?|cakes?)\b))"
    r"|(?-i:\b(?:RNC|DNC|GOP|NRCC|DCCC|DSCC|NRSC)\b)"
    # parties known by their initials or their own name, in capitals: "UKIP Vale" (a party's
    # branch whose bio names only its people), not the same letters naming a firm by its trade
    # ("BJP Logistics", "DUP Engineering Ltd": initials are a common firm name)
    r"|(?-i:\b(?:UKIP|DUP|SDLP|BJP|AfD|PSOE)\b(?!\s+(?i:" + _TRADE_WORDS + r")\b))"
    r"|(?-i:\bPlaid Cymru\b|\bSinn Fein\b)"
    # the Scottish National Party's "SNP" as an account's own name before a place ("SNP Loch
    # Arvie") or before a party body ("SNP branch"): not the geneticists' SNP ("SNP
    # typing", "SNP Genotyping Services"), a health plan's "D-SNP" or a firm named SNP
    r"|(?-i:(?:^|\n)SNP\s+(?!(?:SE|AG|GmbH|Ltd|Inc|Group|Software|Transformations?|Genotyp\w*"
    r"|Arrays?|Chips?|Panels?|Data|Analys\w*|Calling|Typing|Discovery)\b)[A-Z][a-z]+)"
    r"|(?-i:(?<![-\w])SNP\s+(?:branch|constituency|association|members|councill?ors?)\b)"
    r"|\bpolitical (?:party|parties|campaign|movement|group|organi[sz]ation)\b"
    # a party in French, Spanish, Portuguese, Italian or German: "le parti qui ...", "Partido
    # Popular", "Die Partei" (capitals, or "parti" after an article: "il est parti" is "gone")
    r"|\b(?:le|un|du|notre|au) parti\b(?! pris)|(?-i:\b(?:Parti|Partido|Partito|Partei)\b)"
    r"|\bpartid[oa] pol[ií]tic[oa]\b|\bpartito politico\b"
)
# Campaigns: what they are for or against, in words no brand writes of itself ("our campaign
# for better beans" is a coffee roaster's, so a campaign alone is not one)
_CAMPAIGN = (
    r"\b(?:election|electoral|political|grassroots) campaign|#fbp[ea]\b"
    # Brexit as a cause, not as the trade rules a customs broker helps with "after Brexit"
    r"|\b(?:leave|remain|brexit|referendum) campaign|\bvote (?:leave|remain)\b"
    r"|\b(?:campaign(?:s|ed|ing|ers?)?|fight(?:s|ing)?|march(?:es|ing)?|vot(?:e|es|ed|ing)"
    r"|stand(?:s|ing)?|lobby(?:ing)?) (?:for|against) (?:(?:an?|the) )?(?:[\w-]+ )?brexit\b"
    r"|\b(?:are|'re|am|united) against brexit\b"
    r"|\b(?:anti|pro)[- ]?brexit(?:eers?)?\b|\bstop ?brexit\b|\bleave means leave\b"
    # "rejoin" the EU, not the workforce: a returners' employer "helps parents rejoin work"
    r"|\brejoin\b(?!\s+(?:the\s+|your\s+|our\s+)?(?:work\w*|team|labou?r market|job market|careers?)\b)"
    r"|\brejoin ?eu\b|\brejoiners?\b"
    # the imprint a UK election leaflet or post must carry: "Promoted by J. Smith on behalf of
    # Vale Labour" (a brand's "promoted by" names no one it stands for)
    r"|\b(?:published and )?promoted (?:by\b.{0,80}?\b)?on behalf of\b"
    r"|\belectoral reform|\bour democracy\b|\bpressure group\b|\breferendum\b"
    r"|\bgrassroots (?:campaign|movement|group|organi[sz]ation)\b"
    r"|\bpolitical action committee\b|\bsuper ?pac\b"
    # talk of politics as the account's subject: political news, commentary or polls, like
    # news ("other"), not a brand's own
    # ("Current Affairs Electrical" is an electrician's pun)
    r"|\bcurrent affairs?\b(?![\s\S]*\belectric)"
    r"|\bpolitical (?:news|commentary|satire|blog|podcast|polls?|debate)\b"
    # a blog that places itself among political sides: "we do not align with political ...";
    # not a firm's "we stay aligned with political and regulatory change"
    r"|(?:\b(?:not|never|nor)|n't)\s+(?:\w+\s+)?(?:align|aligned|affiliated)\s+with\s+(?:any\s+)?"
    r"(?:political|party)\b"
    r"|\bpolitics (?:news|blog|podcast|polls?)\b"
)
_POLITICS = re.compile(f"{_PARTY}|{_CAMPAIGN}", re.IGNORECASE)
# Brexit beside a side taken on it ("Brexit has failed our town", "end the Brexit shambles",
# a #No2... tag); a customs broker names it as the rules its clients trade under
_BREXIT = re.compile(r"\bbrexit", re.IGNORECASE)
_SIDE_TAKEN = re.compile(
    r"\bfail(?:s|ed|ing|ures?)?\b|\bdisaster|\bshambles\b|\bbetray|\bown goal\b|\blies\b"
    r"|\bdead end\b|\bwe lost\b|\bwe demand\b|\bnever (?:should )?have happened\b"
    r"|#no2\w|#notmy\w",
    re.IGNORECASE,
)


def names_party_or_campaign(bio: str | None) -> bool:
    """Whether the bio (or the display name and bio, one text) names a political party or a
    political campaign (module docstring): whom the bio stands for, unlike
    ``listen.partisan.names_politics``, which finds any post that names a party, a
    politician or a partisan label."""
    text = to_ascii(bio or "")
    if _POLITICS.search(text):
        return True
    return _BREXIT.search(text) is not None and _SIDE_TAKEN.search(text) is not None


def drop_employer_role_of_political_bios(
    names: Sequence[str | None], bios: Sequence[str | None], scores: np.ndarray
) -> np.ndarray:
    """Role scores ``[n, len(ROLES)]`` in which an account tagged employer whose display name
    or bio names a party or a campaign has its employer score moved to other (``scores`` is
    not changed). The name is read too: a party's display name says "... Labour Party" over a
    bio of its vision."""
    profiles = [f"{name or ''}\n{bio or ''}" for name, bio in zip(names, bios, strict=True)]
    return move_employers_to_other(profiles, scores, names_party_or_campaign)
