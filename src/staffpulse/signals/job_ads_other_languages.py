"""Job ads in German, Spanish and French, told by their wording (see :mod:`job_ads`).

Staffing firms in Germany, Austria and Switzerland, Spain, Latin America and France write
ads that the English patterns and the English-only job-opening model miss: "Wir suchen ab
sofort einen Staplerfahrer (m/w/d) in Köln – jetzt bewerben!", "Se busca camarero/a con
experiencia. Interesados enviar CV", "Vendeur (H/F) en CDI, postulez ici". A post is an ad
when it has

* a cue that only an ad uses: the gender marker of a job title ("(m/w/d)", "(w/m/d)",
  "(m/f/d)", "(H/F)"), a CV asked for ("envíanos tu CV", "interesados enviar CV",
  "Bewerbung an jobs@…", "envoyez votre CV"), or a named role sought ("Se busca camarero/a",
  "Buscamos operarios", "Wir suchen einen Staplerfahrer", "Estamos contratando: operarios",
  "Nous recrutons un cariste");
* or a vacancy announced ("Stellenangebot:", "Vacante:", "Offre d'emploi", "estamos
  contratando", "nous recrutons", "wir stellen ein", "Staplerfahrer gesucht") next to a call
  to apply ("jetzt bewerben", "postúlate", "postulez") or the terms ("Vollzeit", "turno
  nocturno", "sueldo competitivo", "CDI").

One cue alone is talk: "Wir suchen nach Lösungen", "se busca la verdad",
"Bewerbungstipps für Berufseinsteiger", "¿Cómo escribir un buen CV?", "Fachkräfte gesucht:
der Fachkräftemangel trifft den Mittelstand", "Jetzt bewerben für den Innovationspreis".
"""

from __future__ import annotations

import re

__all__ = ["OTHER_LANGUAGE_TRIGGERS", "is_other_language_staffing_ad"]

_I = re.IGNORECASE
# Job titles, as stems that take the endings of gender and number ("camarero/a", "operarios",
# "Pflegefachkräfte", "Staplerfahrer:in"). German compounds end in the role ("Gabelstapler-
# fahrer", "Pflegefachkraft"), so a German role is any word ending so; the word must end there
# ("Fachkräftemangel" names no role).
_DE_ROLE = (
    r"(?:\w*(?:fahrer|mitarbeiter|techniker|monteur|elektriker|elektroniker|ingenieur|"
    r"entwickler|pfleger|schweißer|schweisser|mechaniker|mechatroniker|sachbearbeiter|"
    r"buchhalter|verkäufer|berater|disponent|kommissionierer|lagerist|schlosser|tischler|"
    r"maler|erzieher|assistent|reiniger|bediener|arbeiter)(?:in|innen|en|n|s)?"
    r"(?:\*in|:in|/in|\*innen|:innen)?|"
    # a "Kraft" or a "Helfer" only with what for ("Pflegefachkraft", "Lagerhelfer"): "Kraft"
    # alone is strength, and "Helfer" alone are volunteers
    r"\w+(?:kraft|kräfte|helfer|helferin|helferinnen)|\w*(?:kaufmann|kauffrau|kaufleute)|\w*(?:koch|köchin|köche)|"
    r"azubis?|auszubildenden?)"
)
# Spanish titles with their endings: "camarero/a", "operarios", "conductor(a)", "personal"
_ES_ROLE = (
    r"(?:(?:camarer|cociner|operari|enfermer|mecánic|mecanic|técnic|tecnic|ingenier|cajer|"
    r"encargad|ejecutiv|administrativ|médic|farmacéutic|fontaner|carpinter|costurer|mozo|"
    r"empleado|empleada)(?:o|a|os|as)?(?:/as?|/os?|\(a\)|\(as\))?|"
    r"(?:conductor|repartidor|vendedor|soldador|programador|desarrollador|contador|limpiador|"
    r"cuidador|promotor|supervisor|teleoperador|empacador|estibador|pintor)"
    r"(?:es|a|as)?(?:/as?|/es|\(a\)|\(as\))?|"
    r"(?:auxiliar|chofer|chófer|recepcionista|electricista|almacenista|montacarguista|"
    r"carretiller[oa]|analista|barista|gerente|ayudante|guardia|vigilante|comercial|"
    r"dependient[ea]|albañil|fisioterapeuta|jefe|jefa)(?:s|es)?|personal|peón|peones)"
)
_FR_ROLE = (
    r"(?:caristes?|préparat(?:eur|rice)s?|preparat(?:eur|rice)s?|manutentionnaires?|"
    r"magasiniers?|chauffeurs?|conducteurs?|infirmi(?:er|ère|ere)s?|aides?-soignant(?:e|es|s)?|"
    r"vendeu(?:r|se)s?|serveu(?:r|se)s?|cuisinier(?:e|s|es)?|commis|techniciens?|"
    r"ingénieurs?|ingenieurs?|développeu(?:r|se)s?|developpeu(?:r|se)s?|comptables?|"
    r"assistant(?:e|s|es)?|opérat(?:eur|rice)s?|operat(?:eur|rice)s?|soudeu(?:r|se)s?|"
    r"électriciens?|electriciens?|mécaniciens?|mecaniciens?|agents?|employé(?:e|s|es)?|"
    r"chargé(?:e)?s?|responsables?|commerciale?s?|plombiers?|maçons?|macons?)"
    r"(?:\(e\)|\.e|\(se\))?"
)
_ROLE = rf"(?:{_DE_ROLE}|{_ES_ROLE}|{_FR_ROLE})"

# The gender marker every job title carries in German-speaking countries and France (the law
# asks for it): "(m/w/d)", "(w/m/d)", "(m/f/d)", "(d/m/w)", "(m/w/x)", "(H/F)", "(F/H)".
_GENDER = r"\((?:[mwfd]\s*/\s*){2}[mwfdxi]\)|\((?:[mw]\s*/\s*[mw])\)|\([hf]\s*/\s*[hf]\)"
# (a "candidature" is sent only in French: "envoyez votre candidature")
_CV = r"(?:cv|curr[ií]cul\w*|hoja de vida|candidature)"
# where an application goes: an address, a link, a phone on WhatsApp, the direct messages
# ("al correo de RRHH" is no address: "cómo enviar tu CV al correo de RRHH" is advice)
_ADDRESS = (
    r"(?:[^\s@]+@[^\s@]+\.\w|https?://|www\.|(?:whats\s?app|wa\.me)\W{0,3}\+?\d|"
    r"(?:al|por)\s+(?:privado|inbox|dm|md)\b)"
)
_STANDALONE = re.compile(
    rf"{_GENDER}|"
    # a CV sent to us ("envíanos tu CV", "mándanos tu hoja de vida", "envoyez-nous votre CV")
    rf"\b(?:env[ií]a|m[aá]nda|env[ií]e|m[aá]nde)nos\s+(?:tu|su)\s+{_CV}|"
    rf"\benvoyez(?:-nous)?\s+(?:votre|vos)\s+{_CV}|"
    # a CV sent to an address, told (not explained: "cómo enviar tu CV a …" is advice)
    rf"(?:\b(?:env[ií]a|env[ií]e|env[ií]en|m[aá]nda|m[aá]nde|m[aá]nden)|"
    rf"(?:^|[.:!\n]\s*|\bfavor\s+de\s+)(?:enviar|mandar))\s+(?:tu |su |el |sus )?{_CV}\s+"
    rf"(?:a\s+|al\s+)?(?:[\w.]+\s+){{0,2}}?{_ADDRESS}|"
    # an application sent to an address ("Bewerbungen bitte an jobs@…")
    r"\bbewerbung(?:en|sunterlagen)?\s+(?:bitte\s+|gerne\s+|direkt\s+)?(?:per\s+e?-?mail\s+)?"
    rf"(?:an|unter)\s*:?\s+{_ADDRESS}|"
    # those interested asked to send a CV ("Interesados enviar CV")
    r"\binteresad[oa]s(?:/as|\(as\))?\s*[:,-]?\s*(?:favor\s+de\s+)?(?:enviar|mandar|env[ií]en|"
    rf"manden)\s+(?:tu |su |sus |el )?{_CV}|"
    # a named role sought ("Se busca camarero/a", "Buscamos operarios", "Precisamos chófer")
    rf"\b(?:se\s+busca|se\s+buscan|buscamos|se\s+necesita|se\s+necesitan|"
    rf"precisamos|solicitamos|se\s+solicita|estamos\s+buscando|estamos\s+contratando)\s*[:!,-]?"
    rf"\s+(?:(?:un|una|unos|unas|\d+|dos|tres|varios|varias)\s+)?{_ROLE}\b|"
    rf"\b(?:nous\s+recrutons|on\s+recrute|nous\s+recherchons)\s*[:!,-]?\s+"
    rf"(?:(?:un|une|des|\d+|deux|trois|plusieurs)(?:\(e\))?\s+)?{_ROLE}\b",
    _I,
)
# A German role sought ("Wir suchen ab sofort einen Staplerfahrer"): an ad next to a call, the
# terms, a link or a place; "Wir suchen Radfahrer für unsere Umfrage" is a study
_SOUGHT_DE = re.compile(
    r"\b(?:wir\s+suchen|suchen\s+wir)\s+(?:ab\s+sofort\s+|zum\s+\w+\s+\w+\s+|"
    r"ab\s+\S+\s+|für\s+[^.!?\n]{0,30}?\s+)?(?:(?:dich|sie|verstärkung)\s+als\s+)?"
    rf"(?:einen|eine|ein|mehrere|\d+|zwei|drei)?\s*(?:\w+e[nr]?\s+)?{_DE_ROLE}\b",
    _I,
)
_PLACE_DE = re.compile(r"\b(?:in|im|am|bei)\s+(?-i:[A-ZÄÖÜ])\w+|https?://|www\.", _I)
# A vacancy announced, an ad only next to a call to apply or the terms
_VACANCY = re.compile(
    r"\b(?:stellenangebot|stellenanzeige|jobangebot|offene\s+stelle|wir\s+stellen\s+ein|"
    r"vacante|oferta\s+de\s+(?:empleo|trabajo)|estamos\s+contratando|"
    r"offre\s+d'emploi|nous\s+recrutons|on\s+recrute)\b|"
    rf"\b{_DE_ROLE}\s+gesucht\b",
    _I,
)
_CALL = re.compile(
    r"\bjetzt\s+(?:online\s+|direkt\s+)?bewerben\b|\bbewirb\s+dich\b|\bbewerben\s+sie\s+sich\b|"
    r"\bpost[uú]late\b|\bpost[uú]lese\b|\bpostula\s+(?:aqu[ií]|ya|hoy|en)\b|"
    r"\baplica\s+(?:aqu[ií]|ya|hoy|en)\b|\bpostulez\b|\bcandidatez\b|"
    rf"\b(?:env[ií]a|enviar|m[aá]nda|mandar)\s+(?:tu |su |el )?{_CV}\b|"
    r"\binteresad[oa]s(?:/as|\(as\))?\s*[:,-]?\s*(?:favor\s+de\s+)?(?:escribir|escriban|"
    r"contactar|comunicarse|llamar|llamen)\b",
    _I,
)
_TERMS = re.compile(
    r"\b(?:vollzeit|teilzeit|minijob|festanstellung|unbefristet|befristet|schichtdienst|"
    r"nachtschicht|frühschicht|spätschicht|arbeitnehmerüberlassung|direktvermittlung|"
    r"ab\s+sofort|€\s*/\s*std|euro\s*/\s*stunde|"
    r"turno\s+(?:nocturno|de\s+noche|de\s+mañana|de\s+tarde|rotativo|completo|partido)|"
    r"jornada\s+(?:completa|parcial|intensiva)|media\s+jornada|tiempo\s+(?:completo|parcial)|"
    r"medio\s+tiempo|sueldo|salario\s+(?:competitivo|base|fijo|de)|contrato\s+indefinido|"
    r"incorporaci[oó]n\s+inmediata|prestaciones\s+de\s+ley|con\s+experiencia|"
    r"cdi|cdd|int[ée]rim|temps\s+(?:plein|partiel)|salaire|(?:h|f)\s*/\s*(?:f|h))\b",
    _I,
)

#: What every cue above holds (or "cv", an English trigger too), for
#: :func:`job_ads.find_staffing_ads` to find the posts worth reading in full. Plain literals
#: (but the gender marker): the regex engine finds them several times faster than a literal
#: followed by a class or a group.
OTHER_LANGUAGE_TRIGGERS = (
    r"\([mwfdh] ?/",
    r"bewerb",
    r"wir such",
    r"uchen wir",
    r"stelle",
    r"jobangebot",
    r"gesucht",
    r"busca",
    r"necesita",
    r"precisamos",
    r"solicit",
    r"contratando",
    r"interesad",
    r"curricul",
    "curr\u00edcul",
    r"hoja de vida",
    r"vacante",
    r"oferta de",
    r"recrut",
    r"recherchons",
    r"envoyez",
    r"offre d",
)


_GENDER_TRIGGER = re.compile(OTHER_LANGUAGE_TRIGGERS[0])
# "cv" too, which job_ads already scans for (the English "DM me your CV")
_LITERALS = (*OTHER_LANGUAGE_TRIGGERS[1:], "cv")


def is_other_language_staffing_ad(text: str) -> bool:
    """The text is a job ad by the German, Spanish or French wording of the module docstring."""
    # most posts read here are English ones that an English trigger ("needed", "$") brought:
    # the literals rule them out several times faster than the patterns would
    lower = text.lower()
    if not any(literal in lower for literal in _LITERALS) and not _GENDER_TRIGGER.search(lower):
        return False
    if _STANDALONE.search(text):
        return True
    if _SOUGHT_DE.search(text) and (
        _CALL.search(text) or _TERMS.search(text) or _PLACE_DE.search(text)
    ):
        return True
    if _VACANCY.search(text) is None:
        return False
    return bool(_CALL.search(text) or _TERMS.search(text))
