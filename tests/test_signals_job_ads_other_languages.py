"""Job ads in German, Spanish and French: staffing firms there write them so, and the
English-only model and patterns left them out of the audit's Mix."""

from __future__ import annotations

import pytest

from staffpulse.signals.job_ads import find_staffing_ads, looks_like_job_ad
from staffpulse.signals.job_ads_other_languages import is_other_language_staffing_ad

GERMAN_ADS = [
    "Wir suchen ab sofort einen Staplerfahrer (m/w/d) in Köln – jetzt bewerben!",
    "Stellenangebot: Pflegefachkraft (m/w/d), Vollzeit",
    "Lagerhelfer gesucht! Vollzeit, Schichtdienst. Jetzt bewerben: https://jobs.example/l",
    "Für unseren Kunden in Graz suchen wir zwei erfahrene Elektriker, ab sofort.",
    "Wir suchen dich als Kommissionierer in Hamburg!",
    "Wir stellen ein: Produktionshelfer in Linz, Teilzeit möglich",
    "Bewerbungen bitte per Mail an jobs@acme.example – Lagerhelfer in Wels",
    "Servicekraft (w/m/d) für unser Café am Hauptbahnhof",
]
SPANISH_ADS = [
    "Estamos contratando: operarios de almacén en Monterrey, turno nocturno. Envía tu CV a "
    "rrhh@acme.example",
    "Se busca camarero/a con experiencia. Interesados enviar CV",
    "Vacante: Auxiliar administrativo, sueldo competitivo, postúlate aquí",
    "Buscamos conductores con licencia B en Valencia. Jornada completa.",
    "Envíanos tu CV y únete a nuestro equipo de logística",
    "Se necesitan repartidores en Bogotá, pago semanal",
    "Envía tu CV por WhatsApp: +52 55 1234 5678",
    "Enviar CV a rrhh@acme.example. Puesto: operario de almacén",
]
FRENCH_ADS = [
    "Nous recrutons un cariste (H/F) en CDI à Lyon, postulez ici",
    "Offre d'emploi : préparateur de commandes, temps plein, postulez en ligne",
    "Envoyez votre CV à jobs@acme.example pour nos postes de magasinier",
]
# Each holds a cue of the ads above, in talk, advice or news.
GERMAN_TALK = [
    "Wir suchen nach Lösungen für den Klimawandel",
    "Bewerbungstipps für Berufseinsteiger: so klappt es",
    "Fachkräfte gesucht: der Fachkräftemangel trifft den Mittelstand",
    "Fachkräftemangel: Die Wirtschaft sucht händeringend Personal",
    "Jetzt bewerben für den Innovationspreis 2026!",
    "Meine Bewerbung an der Uni wurde angenommen!",
    "Wie schreibe ich eine Bewerbung an eine Firma: Tipps unter https://blog.example/b",
    "Wir stellen einen neuen Mitarbeiter vor: Anna verstärkt unser Team",
    "Wir suchen Helfer für das Sommerfest am Samstag",
    "Wir suchen Radfahrer für unsere Umfrage zum Stadtverkehr",
    "Wir suchen die Kraft, weiterzumachen",
    "Stellenangebote gibt es genug, aber die Löhne sind zu niedrig",
]
SPANISH_TALK = [
    "se busca la verdad",
    "¿Cómo escribir un buen CV?",
    "Consejos para enviar tu CV a una empresa por mail",
    "¿Cómo enviar tu CV al correo de recursos humanos?",
    "Envía tu CV al correo correcto: 5 consejos",
    "Buscamos personalizar tu experiencia en la tienda",
    "Necesitamos más médicos en los hospitales públicos",
    "Buscamos ideas para el nombre de nuestro podcast",
    "La vacante en el Tribunal Supremo sigue sin cubrirse",
    "Curso gratuito de Excel. Interesados llamar al 555-1234",
    "Se busca perro perdido en el barrio de Gracia",
    "Un gobierno que suba el sueldo mínimo, eso buscamos",
]
FRENCH_TALK = [
    "Le recrutement des infirmières est en crise selon le syndicat",
    "Nous recrutons des bénévoles pour le festival",
    "Le CDI n'est plus la norme chez les jeunes diplômés",
]


@pytest.mark.parametrize("text", GERMAN_ADS + SPANISH_ADS + FRENCH_ADS)
def test_german_spanish_and_french_ads_are_recognised(text: str) -> None:
    assert is_other_language_staffing_ad(text)
    assert find_staffing_ads([text]).tolist() == [True]
    assert looks_like_job_ad(text)


@pytest.mark.parametrize("text", GERMAN_TALK + SPANISH_TALK + FRENCH_TALK)
def test_one_cue_in_talk_advice_or_news_is_no_ad(text: str) -> None:
    assert not is_other_language_staffing_ad(text)
    assert find_staffing_ads([text]).tolist() == [False]


def test_the_batch_finds_the_ads_among_other_posts_in_input_order() -> None:
    texts = [GERMAN_TALK[0], GERMAN_ADS[0], SPANISH_TALK[1], SPANISH_ADS[1], FRENCH_ADS[0]]
    assert find_staffing_ads(texts).tolist() == [False, True, False, True, True]


def test_a_german_ad_scores_as_a_job_opening_not_as_a_human_post() -> None:
    # what the audit reads: the English-only model scores these low; the patterns raise them
    from staffpulse.signals.text import load_text_signals

    model = load_text_signals()
    scores = model.score([GERMAN_ADS[0], SPANISH_ADS[1]])
    assert (scores["job_opening"] >= model.thresholds_["job_opening"]).all()
    assert (scores["personality"] < model.thresholds_["personality"]).all()
