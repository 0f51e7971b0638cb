"""The rules after the heads of the role tagger: prior knowledge that the labels lack.

The heads of :class:`staffpulse.signals.roles.RoleTagger` give ``p_org`` and role scores; each
rule here then reads what the guidelines define and 500 labeled accounts cannot teach, in this
order: product bios, agencies' job feeds, placement bios, vendor bios, customer-care bios, a
person's name over a first-person bio, a bio that calls its posts personal or a titled
person's name, sourcers', headhunters' and executive search titles, past titles, founders of
recruiting or HR software, coaches of job seekers, recruiters of athletes, persons whose
posts recruit for clients, the hiring words that an industry role needs, recruiters' and HR titles in other languages,
political parties and campaigns and news outlets (by their bio, or by posts that are mostly
headlines with links), which are no employers (and persons who
wear a side in politics, who are no organizations), and bots and automated feeds of
jobs, which are job boards. Each can be turned off by the tagger's parameter of the same name
(``RULES``). What each one changed on the dev and CrowdFlower files is in
``docs/models/roles.md``. :func:`harmonize_roles` is the soft rule of
kind and role that the heads' scores pass first, :func:`fit_kinds_and_roles` the hard one that
the tagger's output passes last.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from staffpulse.models import ROLES
from staffpulse.signals.role_care_bio import CARE_BIO_P_ORG, find_care_bios
from staffpulse.signals.role_coach_bio import (
    drop_seeker_role_of_coaches,
    drop_vendor_role_of_network_marketers,
)
from staffpulse.signals.role_fan_bio import drop_employer_role_of_fan_clubs
from staffpulse.signals.role_first_person import FIRST_PERSON_P_ORG, find_first_person_accounts
from staffpulse.signals.role_foreign_titles import find_foreign_titles
from staffpulse.signals.role_former_title import drop_former_titles
from staffpulse.signals.role_founder_bio import move_founders_to_vendor
from staffpulse.signals.role_hiring_words import drop_roles_without_hiring_words
from staffpulse.signals.role_info_feed import drop_job_roles_of_info_feeds
from staffpulse.signals.role_inputs import TextInput
from staffpulse.signals.role_job_bot import JOB_BOT_P_ORG, find_job_bots, move_bots_to_job_board
from staffpulse.signals.role_news_bio import drop_employer_role_of_news_outlets
from staffpulse.signals.role_news_posts import drop_employer_role_of_headline_feeds
from staffpulse.signals.role_partisan_person import find_partisan_persons
from staffpulse.signals.role_personal_bio import find_personal_accounts
from staffpulse.signals.role_placement_bio import apply_placement_bios
from staffpulse.signals.role_political_bio import drop_employer_role_of_political_bios
from staffpulse.signals.role_product_bio import PRODUCT_BIO_P_ORG, find_product_bios
from staffpulse.signals.role_recruiter_posts import find_recruiters_by_posts
from staffpulse.signals.role_recruiter_titles import find_recruiter_titles
from staffpulse.signals.role_sports_recruiting import drop_sports_recruiters
from staffpulse.signals.role_staffing_feed import (
    AGENCY_NAME_P_ORG,
    find_agency_accounts,
    find_named_agencies_posting_ads,
    move_ads_of_named_agencies,
    move_feed_to_staffing,
)
from staffpulse.signals.role_vendor_bio import VENDOR_BIO_P_ORG, find_vendor_bios, move_to_vendor

__all__ = [
    "ORG_ONLY_ROLES",
    "PERSON_ONLY_ROLES",
    "RULES",
    "apply_rules",
    "fit_kinds_and_roles",
    "harmonize_roles",
]

ORG_ONLY_ROLES: frozenset[str] = frozenset({"staffing_firm", "job_board", "employer"})
PERSON_ONLY_ROLES: frozenset[str] = frozenset({"recruiter", "hr_pro", "job_seeker"})
_ORG_ONLY = np.array([r in ORG_ONLY_ROLES for r in ROLES])
_PERSON_ONLY = np.array([r in PERSON_ONLY_ROLES for r in ROLES])
#: the switches of the rules, in the order they run (parameters of RoleTagger)
RULES = (
    "product_bios",
    "agency_feeds",
    "placement_bios",
    "vendor_bios",
    "care_bios",
    "first_person",
    "personal_bios",
    "recruiter_titles",
    "former_titles",
    "founder_bios",
    "coach_bios",
    "sports_bios",
    "recruiter_posts",
    "hiring_words",
    "foreign_titles",
    "political_bios",
    "news_bios",
    "job_bots",
)


def apply_rules(
    names: Sequence[str | None],
    bios: Sequence[str | None],
    posts: Sequence[TextInput],
    p_org: np.ndarray,
    scores: np.ndarray,
    *,
    product_bios: bool = True,
    agency_feeds: bool = True,
    placement_bios: bool = True,
    vendor_bios: bool = True,
    care_bios: bool = True,
    first_person: bool = True,
    personal_bios: bool = True,
    recruiter_titles: bool = True,
    former_titles: bool = True,
    founder_bios: bool = True,
    coach_bios: bool = True,
    sports_bios: bool = True,
    recruiter_posts: bool = True,
    hiring_words: bool = True,
    foreign_titles: bool = True,
    political_bios: bool = True,
    news_bios: bool = True,
    job_bots: bool = True,
) -> tuple[np.ndarray, np.ndarray]:
    """``p_org`` and role scores after the rules that are switched on (module docstring)."""
    if product_bios:  # prior knowledge the labels lack (role_product_bio.py)
        p_org, scores = _as_organizations(find_product_bios(bios), PRODUCT_BIO_P_ORG, p_org, scores)
    if agency_feeds:  # an agency's own job feed is staffing_firm (role_staffing_feed.py)
        agency = find_agency_accounts(names, bios)
        scores[agency] = move_feed_to_staffing(scores[agency])
        # "Keystone Temps" posting its openings, no bio: other to the heads
        posting = find_named_agencies_posting_ads(names, posts, scores)
        found = np.zeros(len(p_org), dtype=bool)
        found[posting] = True
        p_org, scores = _as_organizations(found, AGENCY_NAME_P_ORG, p_org, scores)
        scores = move_ads_of_named_agencies(scores, posting)
    if placement_bios:  # a bio that places workers: an agency's, or a solo recruiter's
        p_org, scores = apply_placement_bios(names, bios, p_org, scores, posts)
    if vendor_bios:  # a bio that sells to agencies or recruiters (role_vendor_bio.py)
        selling = find_vendor_bios(bios)
        # an organization (p_org raised): the person-only roles go, then the org ones
        p_org, scores = _as_organizations(selling, VENDOR_BIO_P_ORG, p_org, scores)
        scores[selling] = move_to_vendor(scores[selling])
    if care_bios:  # a brand's care desk writes "DM me" too (role_care_bio.py)
        # only where the heads said less: above it they already read an organization
        care = _where_true(find_care_bios, p_org < CARE_BIO_P_ORG, bios)
        p_org, scores = _as_organizations(care, CARE_BIO_P_ORG, p_org, scores)
    if first_person:  # a person's name over an "I" bio (role_first_person.py)
        # only where the heads said more: below it they already read a person
        person = _where_true(find_first_person_accounts, p_org > FIRST_PERSON_P_ORG, names, bios)
        p_org, scores = _as_persons(person, FIRST_PERSON_P_ORG, p_org, scores)
    if personal_bios:  # "Personal tweets", "Fellow @X", "Dr. Jane Smith" (role_personal_bio.py)
        person = _where_true(find_personal_accounts, p_org > FIRST_PERSON_P_ORG, names, bios)
        p_org, scores = _as_persons(person, FIRST_PERSON_P_ORG, p_org, scores)
    if recruiter_titles:  # "Sourcer.", "Headhunter", "Executive search" (role_recruiter_titles.py)
        scores = find_recruiter_titles(names, bios, p_org, scores)
    if former_titles:  # "Former recruiter, now a potter" (role_former_title.py)
        scores = drop_former_titles(bios, posts, scores)
    if founder_bios:  # "Founder of Hirefold, the ATS for small teams" (role_founder_bio.py)
        scores = move_founders_to_vendor(bios, scores)
    if coach_bios:  # a coach of job seekers is no job seeker (role_coach_bio.py)
        scores = drop_seeker_role_of_coaches(bios, scores)
        # nor is a network marketer (an MLM "coach") a vendor to the hiring trade
        scores = drop_vendor_role_of_network_marketers(bios, scores)
    if sports_bios:  # a coach recruiting players, not staff (role_sports_recruiting.py)
        scores = drop_sports_recruiters(bios, scores)
    if recruiter_posts:  # a person whose posts recruit for clients (role_recruiter_posts.py)
        scores = find_recruiters_by_posts(posts, p_org, scores)
    if hiring_words:  # a recruiter, HR person or agency says a hiring word somewhere
        scores = drop_roles_without_hiring_words(names, bios, posts, scores)
    if foreign_titles:  # "Chargée de recrutement", "Analista de RH" (role_foreign_titles.py)
        scores = find_foreign_titles(bios, p_org, scores)
    if political_bios:  # a party or a campaign is no employer (role_political_bio.py)
        # "#FBPE" in a display name, "Progressive." in a bio: a person (role_partisan_person.py)
        person = _where_true(find_partisan_persons, p_org > FIRST_PERSON_P_ORG, names, bios)
        p_org, scores = _as_persons(person, FIRST_PERSON_P_ORG, p_org, scores)
        scores = drop_employer_role_of_political_bios(names, bios, scores)
    if news_bios:  # a newspaper, a news site or a podcast is no employer (role_news_bio.py)
        scores = drop_employer_role_of_news_outlets(bios, scores)
        # a bio silent on news and on hiring over posts mostly headlines (role_news_posts.py)
        scores = drop_employer_role_of_headline_feeds(bios, posts, scores)
        # nor is a fan club, a supporters' club or a readers' group (role_fan_bio.py)
        scores = drop_employer_role_of_fan_clubs(names, bios, scores)
        # traffic and weather news with job alerts: no job board (role_info_feed.py)
        scores = drop_job_roles_of_info_feeds(bios, scores)
    if job_bots:  # "Automated feed of recruiting jobs" is a job board (role_job_bot.py)
        bots = find_job_bots(names, bios, scores)
        found = np.zeros(len(p_org), dtype=bool)
        found[bots] = True
        p_org, scores = _as_organizations(found, JOB_BOT_P_ORG, p_org, scores)
        scores = move_bots_to_job_board(scores, bots)
    return p_org, scores


def _as_organizations(
    found: npt.NDArray[np.bool_], floor: float, p_org: np.ndarray, scores: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """``p_org`` raised to at least ``floor`` for the ``found`` accounts, and their roles
    weighed as an organization's (:func:`harmonize_roles`: no person-only role); ``scores``
    is changed in place too."""
    p_org = np.where(found, np.maximum(p_org, floor), p_org)
    scores[found] = harmonize_roles(scores[found], np.ones(int(found.sum())))
    return p_org, scores


def _as_persons(
    found: npt.NDArray[np.bool_], ceiling: float, p_org: np.ndarray, scores: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """``p_org`` lowered to at most ``ceiling`` for the ``found`` accounts, and their roles
    weighed as a person's (no organization-only role); ``scores`` is changed in place too."""
    p_org = np.where(found, np.minimum(p_org, ceiling), p_org)
    scores[found] = harmonize_roles(scores[found], np.zeros(int(found.sum())))
    return p_org, scores


def _where_true(
    find: Callable[..., npt.NDArray[np.bool_]],
    can_change: npt.NDArray[np.bool_],
    *columns: Sequence[str | None],
) -> npt.NDArray[np.bool_]:
    """``find(*columns) & can_change``, with ``find`` run only on the accounts where
    ``can_change`` holds: a rule bounded by ``p_org`` leaves most accounts alone, and reading
    all of their bios cost about 5% of the tagger's time."""
    found = np.zeros(len(can_change), dtype=bool)
    rows = np.flatnonzero(can_change).tolist()
    if rows:
        found[rows] = find(*([column[i] for i in rows] for column in columns))
    return found


def harmonize_roles(scores: np.ndarray, p_org: np.ndarray) -> np.ndarray:
    """Weigh each role by how well it fits the account's kind, then renormalise.

    Org-only roles (staffing_firm, job_board, employer) are multiplied by ``p_org``,
    person-only roles (recruiter, hr_pro, job_seeker) by ``1 - p_org``; vendor and other fit
    both kinds and keep their score. This is the joint probability of role and kind when the
    two heads are read as independent evidence, so a confident kind rules out the roles it
    cannot have, and an unsure one barely changes anything.
    """
    p = np.asarray(p_org, dtype=np.float64)[:, None]
    weight = np.where(_ORG_ONLY[None, :], p, np.where(_PERSON_ONLY[None, :], 1.0 - p, 1.0))
    kept = np.asarray(scores, dtype=np.float64) * weight
    total = kept.sum(axis=1, keepdims=True)
    return np.asarray(np.where(total > 0, kept / np.maximum(total, 1e-12), scores))


def fit_kinds_and_roles(
    p_org: np.ndarray, scores: np.ndarray, org_threshold: float
) -> tuple[np.ndarray, np.ndarray]:
    """``p_org`` and role scores in which no account's top role is one its kind cannot play.

    :func:`harmonize_roles` only weighs the roles, so an unsure kind left a few accounts a
    person tagged employer (``p_org`` 0.43, employer 0.75) or an organization tagged
    recruiter, which the roles doc and Connect's labels do not allow. For those accounts the
    likelier of the two consistent readings wins, each weighed as the joint probability of
    the two heads: keep the role and let the kind follow it, or keep the kind and take its
    best role (the roles it rules out get 0, the rest are renormalised). Of the 12 such rows
    of the dev (with and without posts) and CrowdFlower files this reads 8 as the annotators
    or the crowd do; keeping either side always, 6. ``p_org`` of such a row becomes the org
    reading's share of the two (0.69 for 0.43 and employer 0.75 against other 0.25), kept on
    the side of ``org_threshold`` the winner is: a figure the reader can weigh, not a 0.5
    that says "unsure" beside a kind chosen. Every other account is returned as it was.
    """
    p = np.asarray(p_org, dtype=np.float64)
    top = np.asarray(scores).argmax(axis=1)
    is_org = p >= org_threshold
    misfit = np.where(is_org, _PERSON_ONLY[top], _ORG_ONLY[top])
    if not misfit.any():
        return p_org, scores
    out_p, out = p.copy(), np.array(scores, dtype=np.float64, copy=True)
    under = float(np.nextafter(org_threshold, 0.0))
    for i in np.flatnonzero(misfit).tolist():
        ruled_out = _PERSON_ONLY if is_org[i] else _ORG_ONLY
        p_kind = p[i] if is_org[i] else 1.0 - p[i]
        keep_role = (1.0 - p_kind) * out[i, top[i]]
        keep_kind = p_kind * out[i, ~ruled_out].max()
        org_share = (keep_kind if is_org[i] else keep_role) / max(keep_role + keep_kind, 1e-12)
        org_wins = bool(is_org[i]) != (keep_role >= keep_kind)
        out_p[i] = max(org_share, org_threshold) if org_wins else min(org_share, under)
        if keep_role < keep_kind:
            kept = np.where(ruled_out, 0.0, out[i])
            out[i] = kept / kept.sum()
    return out_p, out
