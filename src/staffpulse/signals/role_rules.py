"""The rules after the heads of the role tagger: prior knowledge that the labels lack.

The heads of :class:`staffpulse.signals.roles.RoleTagger` give ``p_org`` and role scores; each
rule here then reads what the guidelines define and 500 labeled accounts cannot teach, in this
order: product bios, agencies' job feeds, placement bios, vendor bios, customer-care bios, a
person's name over a first-person bio, past titles, coaches of job seekers, persons whose posts
recruit for clients, the hiring words that an industry role needs, and recruiters' and HR
titles in other languages. Each can be turned off by the tagger's parameter of the same name
(``RULES``). What each one changed on the dev and CrowdFlower files is in
``docs/models/roles.md``. :func:`harmonize_roles` is the soft rule of
kind and role that the heads' scores pass first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

from staffpulse.models import ROLES
from staffpulse.signals.role_care_bio import CARE_BIO_P_ORG, find_care_bios
from staffpulse.signals.role_coach_bio import drop_seeker_role_of_coaches
from staffpulse.signals.role_first_person import FIRST_PERSON_P_ORG, find_first_person_accounts
from staffpulse.signals.role_foreign_titles import find_foreign_titles
from staffpulse.signals.role_former_title import drop_former_titles
from staffpulse.signals.role_hiring_words import drop_roles_without_hiring_words
from staffpulse.signals.role_inputs import TextInput
from staffpulse.signals.role_placement_bio import apply_placement_bios
from staffpulse.signals.role_product_bio import PRODUCT_BIO_P_ORG, find_product_bios
from staffpulse.signals.role_recruiter_posts import find_recruiters_by_posts
from staffpulse.signals.role_staffing_feed import find_agency_accounts, move_feed_to_staffing
from staffpulse.signals.role_vendor_bio import VENDOR_BIO_P_ORG, find_vendor_bios, move_to_vendor

__all__ = ["ORG_ONLY_ROLES", "PERSON_ONLY_ROLES", "RULES", "apply_rules", "harmonize_roles"]

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
    "former_titles",
    "coach_bios",
    "recruiter_posts",
    "hiring_words",
    "foreign_titles",
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
    former_titles: bool = True,
    coach_bios: bool = True,
    recruiter_posts: bool = True,
    hiring_words: bool = True,
    foreign_titles: bool = True,
) -> tuple[np.ndarray, np.ndarray]:
    """``p_org`` and role scores after the rules that are switched on (module docstring)."""
    if product_bios:  # prior knowledge the labels lack (role_product_bio.py)
        product = find_product_bios(bios)
        p_org = np.where(product, np.maximum(p_org, PRODUCT_BIO_P_ORG), p_org)
        scores[product] = harmonize_roles(scores[product], np.ones(int(product.sum())))
    if agency_feeds:  # an agency's own job feed is staffing_firm (role_staffing_feed.py)
        agency = find_agency_accounts(names, bios)
        scores[agency] = move_feed_to_staffing(scores[agency])
    if placement_bios:  # a bio that places workers: an agency's, or a solo recruiter's
        p_org, scores = apply_placement_bios(names, bios, p_org, scores, posts)
    if vendor_bios:  # a bio that sells to agencies or recruiters (role_vendor_bio.py)
        selling = find_vendor_bios(bios)
        p_org = np.where(selling, np.maximum(p_org, VENDOR_BIO_P_ORG), p_org)
        # an organization (p_org raised): the person-only roles go, then the org ones
        as_org = harmonize_roles(scores[selling], np.ones(int(selling.sum())))
        scores[selling] = move_to_vendor(as_org)
    if care_bios:  # a brand's care desk writes "DM me" too (role_care_bio.py)
        # only where the heads said less: above it they already read an organization
        care = _where_true(find_care_bios, p_org < CARE_BIO_P_ORG, bios)
        p_org = np.where(care, np.maximum(p_org, CARE_BIO_P_ORG), p_org)
        scores[care] = harmonize_roles(scores[care], np.ones(int(care.sum())))
    if first_person:  # a person's name over an "I" bio (role_first_person.py)
        # only where the heads said more: below it they already read a person
        person = _where_true(find_first_person_accounts, p_org > FIRST_PERSON_P_ORG, names, bios)
        p_org = np.where(person, np.minimum(p_org, FIRST_PERSON_P_ORG), p_org)
        scores[person] = harmonize_roles(scores[person], np.zeros(int(person.sum())))
    if former_titles:  # "Former recruiter, now a potter" (role_former_title.py)
        scores = drop_former_titles(bios, posts, scores)
    if coach_bios:  # a coach of job seekers is no job seeker (role_coach_bio.py)
        scores = drop_seeker_role_of_coaches(bios, scores)
    if recruiter_posts:  # a person whose posts recruit for clients (role_recruiter_posts.py)
        scores = find_recruiters_by_posts(posts, p_org, scores)
    if hiring_words:  # a recruiter, HR person or agency says a hiring word somewhere
        scores = drop_roles_without_hiring_words(names, bios, posts, scores)
    if foreign_titles:  # "Chargée de recrutement", "Analista de RH" (role_foreign_titles.py)
        scores = find_foreign_titles(bios, p_org, scores)
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
