"""A recruiter's or an HR person's title in another language makes a person of that role.

The cues of :mod:`staffpulse.signals.role_cues` hold staffing, recruiter and HR words of seven
other languages, taught by twelve hand-written accounts, and many titles are missing: "Chargée
de recrutement … Je recrute des profils tech.", "Analista de RH", "Responsable RH",
"Rekrutteringskonsulent i Oslo", "Rekryterare", "Rekruter IT" were all ``other``. New cues
would need the model retrained, so this reads the titles after the heads instead.

An account that the heads call a person (``p_org`` under 0.5) and tag ``other``, whose bio
holds such a title (folded to ASCII), becomes a recruiter or, for an HR title without a
recruiter's, an hr_pro: the role scores but vendor's go to that role. "RH", "DRH" and
"RRHH" count only in capitals and after a title word ("Analista de RH", "Responsable RH"),
never alone ("Rh negativo" is a blood group); "je recrute des bénévoles" (volunteers) is
no recruiter's. Applied after the rule of hiring words, as
the title is its own hiring word. What it changed on the dev and CrowdFlower files is in
``docs/models/roles.md`` (stop 33).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from staffpulse.models import ROLES
from staffpulse.signals.role_score_moves import move_role_scores, persons_tagged, roles_but
from staffpulse.signals.role_text import to_ascii

__all__ = ["find_foreign_titles", "foreign_title_role"]

_OTHER = ROLES.index("other")

_RECRUITER_TITLE = re.compile(
    # French, Portuguese, Spanish, Italian, Dutch, Norwegian/Danish, Swedish, Polish
    r"\bcharge(?:e)?\s+(?:de\s+)?recrutement\b|\bresponsable\s+(?:du\s+|de\s+)?recrutement\b"
    r"|\bconsultante?\s+(?:en\s+)?recrutement\b"
    # not a charity's or a club's "je recrute des bénévoles / des joueurs"
    r"|\bje\s+recrute\b(?!\s+(?:des\s+|de\s+)?(?:benevoles|volontaires|participant|joueu|membres))"
    r"|\brecrutadora?\b|\banalista\s+de\s+(?:recrutamento|reclutamiento)\b"
    r"|\bselezionat(?:ore|rice)\b|\bconsulente\s+(?:di\s+)?selezione\b"
    r"|\bwervings?(?:consultant|specialist|adviseur)\b"
    r"|\brekrutter(?:er|ingskonsulent|ingsradgiver|ingsspesialist)\b"
    r"|\brekryter(?:are|ingskonsult|ingsspecialist)\b"
    r"|\brekruter(?:ka)?\b|\bspecjalist(?:ka)?\s+(?:ds\.?\s+)?rekrutacji\b",
    re.IGNORECASE,
)
_TITLE_WORD = (
    r"(?:analista|gerente|gestora?|assistente|auxiliar|coordenadora?|coordinadora?|diretora?"
    r"|directora?|jefe|jefa|responsable|chargee?|charge|chef|directeur|directrice|consultante?"
    r"|tecnic[oa]|business\s+partner|generalista|specialist|spesialist|konsulent|radgiver)"
)
_HR_TITLE = re.compile(
    rf"\b{_TITLE_WORD}\s+(?:de\s+|des\s+|en\s+)?(?-i:RH|RRHH)\b|(?-i:\bDRH\b)"
    r"|\bhr-(?:chef|ansvarig|sjef|konsulent|konsult|radgiver|specialist|manager)\b"
    r"|\bpersonal(?:chef|ansvarig|sjef|konsulent)\b|\bspecjalist(?:ka)?\s+(?:ds\.?\s+)?kadr\w*"
    r"|\banalista\s+de\s+(?:recursos\s+humanos|gente|pessoas)\b",
    re.IGNORECASE,
)


def foreign_title_role(bio: str | None) -> str | None:
    """``recruiter`` or ``hr_pro`` when the bio holds such a title in another language."""
    text = to_ascii(bio or "")
    if _RECRUITER_TITLE.search(text) is not None:
        return "recruiter"
    if _HR_TITLE.search(text) is not None:
        return "hr_pro"
    return None


def find_foreign_titles(
    bios: Sequence[str | None], p_org: np.ndarray, scores: np.ndarray
) -> np.ndarray:
    """Role scores ``[n, len(ROLES)]`` in which a person tagged other whose bio holds a
    recruiter's or HR title in another language (:func:`foreign_title_role`) gets that role.
    Only those accounts' bios are read; ``scores`` is not changed."""
    tagged = persons_tagged(scores, p_org, [_OTHER])
    found = [(i, role) for i in tagged if (role := foreign_title_role(bios[i])) is not None]
    for role in ("recruiter", "hr_pro"):
        rows = [i for i, found_role in found if found_role == role]
        scores = move_role_scores(scores, rows, roles_but(role, "vendor"), ROLES.index(role))
    return scores
