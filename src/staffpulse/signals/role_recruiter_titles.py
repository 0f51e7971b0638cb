"""A person whose bio names a sourcer's, a headhunter's or an executive search title is a
recruiter.

The guidelines' recruiter is one human who hires for a living, in-house or for an agency,
headhunters included, and sourcers find the candidates recruiters hire. The
cues read "sourcer" and "headhunter", but only two dev accounts carry them, so the heads weigh
them little: "Sourcer. Boolean nerd. I find the people nobody else can." came out other (0.60)
and "Executive search, board and C-suite. Partner at …" a recruiter at 0.76, under the 0.9
that the inbox and Connect call sure.

So an account that the heads call a person (``p_org`` under 0.5) and tag other, recruiter or
hr_pro, whose bio holds such a title ("sourcer", "talent sourcing", "headhunter",
"executive search", "retained search"; not procurement's "strategic sourcing"), gets every
role score but vendor's and job_seeker's moved to recruiter, as a title in another language
does (:mod:`staffpulse.signals.role_foreign_titles`). An organization's bio ("Executive
search for the C-suite.") is left to the agency rules. Runs before the rule of past titles,
so "Former sourcer, now a baker" is still other. On the 500 dev accounts the titles appear on
2 accounts, both labeled recruiter and tagged so; on the 15,531 CrowdFlower accounts on 3, those
two and an executive search firm. A bio that is the word for recruitment alone
("Recruitment", "#Recrutement") says what the account is for and its name says whose: a
person's name is a recruiter, an organization an agency, but a careers account's name ("Acme
Careers") is the firm hiring for itself, an employer, and is left to the heads. Prior knowledge
after the heads: nothing is retrained (``docs/models/roles.md``, stop 34).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from staffpulse.models import ROLES
from staffpulse.signals.role_person_name import handle_user, reads_as_a_persons_name
from staffpulse.signals.role_score_moves import (
    PERSON_P_ORG,
    move_role_scores,
    persons_tagged,
    roles_but,
    rows_tagged,
)
from staffpulse.signals.role_text import split_name, to_ascii

__all__ = ["find_recruiter_titles", "names_a_recruiters_title"]

_RECRUITER = ROLES.index("recruiter")
_READ = [ROLES.index(r) for r in ("other", "recruiter", "hr_pro")]
_MOVED = roles_but("recruiter", "vendor", "job_seeker")

_TITLE = re.compile(
    r"\bsourcer\b|\b(?:talent|technical|tech|recruiting|recruitment)\s+sourc(?:ing|er)\b"
    r"|\bhead[- ]?hunt(?:er|ers|ing)?\b|\b(?:executive|retained)\s+search\b",
    re.IGNORECASE,
)


# a bio that is the word for recruitment and nothing else, in English, French, Portuguese,
# Spanish, Italian, German or Dutch ("Recruitment", "#Recrutement", "Werving & Selectie"): what
# the account is for, which the heads read as other (0.79)
_WORD_ALONE = re.compile(
    r"^\W*(?:recruitment|recrutement|recrutamento|reclutamiento|reclutamento|rekrutierung"
    r"|werving)(?:\s*(?:&|and|et|y|e|und|en)\s*(?:selection|selectie|seleccion|selezione"
    r"|selecao|auswahl))?\W*$",
    re.IGNORECASE,
)
# a careers account's name: the guidelines' employer ("AcmeCareers"), whose own hiring the
# word names, not an agency's
_CAREERS_NAME = re.compile(r"\b(?:careers?|jobs|karriere|carriere|carrera|empleos?|emplois?)\b")
_STAFFING = ROLES.index("staffing_firm")
_ORG_READ = [ROLES.index(r) for r in ("other", "employer")]
_ORG_MOVED = roles_but("staffing_firm", "vendor", "job_board")


def names_a_recruiters_title(bio: str | None) -> bool:
    """Whether the bio holds a sourcer's, a headhunter's or an executive search title, or is
    the word for recruitment alone."""
    text = to_ascii(bio or "")
    return bool(text) and (_TITLE.search(text) is not None or _WORD_ALONE.match(text) is not None)


def _is_the_word_alone(bio: str | None) -> bool:
    return _WORD_ALONE.match(to_ascii(bio or "")) is not None


def _is_a_persons_name(name: str | None) -> bool:
    return reads_as_a_persons_name(split_name(name or ""), handle_user(name or ""))


def find_recruiter_titles(
    names: Sequence[str | None], bios: Sequence[str | None], p_org: np.ndarray, scores: np.ndarray
) -> np.ndarray:
    """Role scores ``[n, len(ROLES)]`` in which a person tagged other, recruiter or hr_pro
    whose bio names such a title (:func:`names_a_recruiters_title`) is a recruiter. The word
    for recruitment alone says what the account is for, and the name who: a person's name is
    a recruiter, an organization's an agency, unless its name is a careers account's
    ("Acme Careers": the firm's own hiring, an employer); a brand's name the heads read as a
    person's ("Bright Bakery") is left to them. Only those accounts' bios are read;
    ``scores`` is not changed."""
    read = persons_tagged(scores, p_org, _READ)
    found = [
        i
        for i in read
        if _TITLE.search(to_ascii(bios[i] or ""))
        or (_is_the_word_alone(bios[i]) and _is_a_persons_name(names[i]))
    ]
    scores = move_role_scores(scores, found, _MOVED, _RECRUITER)
    # "Recruitment" alone over an organization: the guidelines' agency (its job feed too)
    orgs = [i for i in rows_tagged(scores, _ORG_READ) if p_org[i] >= PERSON_P_ORG]
    agencies = [
        i
        for i in orgs
        if _is_the_word_alone(bios[i]) and not _CAREERS_NAME.search(split_name(names[i] or ""))
    ]
    return move_role_scores(scores, agencies, _ORG_MOVED, _STAFFING)
