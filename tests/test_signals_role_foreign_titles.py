"""Recruiters' and HR titles in other languages make a person of that role (stop 33).
Hand-written accounts."""

from __future__ import annotations

import pytest

from role_helpers import rules_off
from staffpulse.signals.role_foreign_titles import foreign_title_role
from staffpulse.signals.roles import load_role_model

TITLED = [
    ("Chloé Martin", "Chargée de recrutement chez un cabinet parisien. Je recrute.", "recruiter"),
    ("Bjorn Andersen", "Rekrutteringskonsulent i Oslo.", "recruiter"),
    ("Anna Svensson", "Rekryterare på ett bemanningsföretag i Göteborg.", "recruiter"),
    ("Piotr Nowak", "Rekruter IT w Warszawie. Szukam programistów!", "recruiter"),
    ("Gabi Souza", "Analista de RH | Recrutamento e seleção | São Paulo", "hr_pro"),
    ("Julie Dubois", "Responsable RH dans une PME lyonnaise. Paie, formation.", "hr_pro"),
]
UNTITLED = [
    ("Lea Koch", "Ich liebe Katzen und Kaffee. Fotografin in Berlin."),
    ("Paulo Reis", "Engenheiro de software. Rh negativo, doador de sangue."),
    ("Rita Lopes", "Fã de RH, a loja de móveis. Design e café."),
    ("Marie Petit", "Je recrute des bénévoles pour la fête du quartier !"),
]


@pytest.mark.parametrize(("name", "bio", "role"), TITLED)
def test_a_title_in_another_language_is_read(name: str, bio: str, role: str) -> None:
    assert foreign_title_role(bio) == role


@pytest.mark.parametrize(("name", "bio"), UNTITLED)
def test_a_blood_group_a_shop_called_rh_or_volunteers_are_no_title(name: str, bio: str) -> None:
    assert foreign_title_role(bio) is None


def test_people_titled_in_other_languages_get_the_role_and_others_stay_other() -> None:
    model = load_role_model()
    names, bios, roles = zip(*TITLED, strict=True)
    with rules_off(model, "foreign_titles"):
        before = model.predict(list(names), list(bios), None).role
    assert before == ["other"] * len(TITLED)
    out = model.predict(list(names), list(bios), None)
    assert out.role == list(roles) and set(out.kind) == {"person"}
    names, bios = zip(*UNTITLED, strict=True)
    assert model.predict(list(names), list(bios), None).role == ["other"] * len(UNTITLED)
