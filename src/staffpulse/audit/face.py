"""Face: what the avatar shows, whether the bio is filled in, whether the name reads as human."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from staffpulse.audit.avatar_check import AvatarInfo
from staffpulse.audit.names import (
    firm_cue,
    leading_person,
    name_score,
    reads_as_handle,
)
from staffpulse.audit.types import Advice, PillarResult, Praise, Tentative
from staffpulse.custom_emoji import without_custom_emoji
from staffpulse.handles import display_address
from staffpulse.models import Account
from staffpulse.next_steps import FETCH_AND_CHECK_PICTURE
from staffpulse.signals.role_person_name import name_shape

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def bio_score(bio: str, min_chars: int) -> tuple[float, str]:
    text = bio.strip()
    if not text:
        return 0.0, "empty"
    if len(text) < min_chars:
        return 0.5, f"short ({len(text)} characters)"
    return 1.0, f"filled in ({len(text)} characters)"


def _avatar_value(avatar: AvatarInfo, settings: dict[str, Any]) -> float:
    """The picture's part of Face in [0, 1]: its label's value, blended with the value of an
    unknown picture as far as the model is unsure."""
    unknown = float(settings["avatar_unknown_value"])
    if avatar.label is None:
        return unknown
    conf = min(max(avatar.confidence, 0.0), 1.0)
    return conf * float(settings["avatar_values"].get(avatar.label, unknown)) + (1 - conf) * unknown


@dataclass(frozen=True, slots=True)
class _Field:
    """The bio's or the display name's part of Face: its value in [0, 1] and the verdict."""

    value: float
    verdict: str
    known: bool  # False: the data never had it, so it is not judged empty


def _judge_field(text: str, known: bool, judged: tuple[float, str], what: str) -> _Field:
    """``judged`` (value, verdict) of a field, unless the data never had it: an empty field
    the data did not know of (a posts-only file) is not the account's fault."""
    if not known and not text.strip():
        note = f"not known: the data had no {what} (import the profile to check it)"
        return _Field(judged[0], note, known=False)
    return _Field(*judged, known=True)


def face_pillar(
    account: Account, settings: dict[str, Any], avatar: AvatarInfo, language: str | None = None
) -> PillarResult:
    """The Face pillar: the picture, the bio and the display name, weighed by ``face_parts``;
    a bio or name the data never had is left out of the score, not judged empty. ``language``
    (what most of the posts are in) words the example name the advice offers."""
    picture = _avatar_value(avatar, settings)
    bio_text, name_text = account.bio or "", account.display_name or ""
    bio = _judge_field(
        bio_text, account.bio_known, bio_score(bio_text, int(settings["bio_min_chars"])), "bio"
    )
    name = _judge_field(name_text, account.name_known, name_score(name_text), "display name")
    evidence = _face_evidence(account, avatar, picture, bio, name)
    if avatar.label is None and not bio.known and not name.known:
        return _nothing_to_judge(evidence)
    notes: list[str] = []
    if avatar.label is None:
        notes.append(
            f"picture not checked: it counts as {round(100 * picture)} of 100, a guess, so "
            "this score is partial until the picture is checked"
        )
    shares = _part_shares(settings["face_parts"], bio, name)
    values = {"avatar": picture, "bio": bio.value, "name": name.value}
    # each piece of advice fixes one part: followed, it lifts Face by that part's share only
    gains = {part: 100 * shares[part] * (1 - values[part]) for part in shares}
    return PillarResult(
        name="face",
        score=round(100 * sum(shares[part] * values[part] for part in shares)),
        evidence=evidence,
        notes=notes,
        recommendations=_face_advice(
            account,
            avatar,
            bio.value if bio.known else 1.0,
            name.value if name.known else 1.0,
            gains,
            language,
        ),
    )


def _part_shares(weights: dict[str, Any], bio: _Field, name: _Field) -> dict[str, float]:
    """Each part's share of Face (``weights`` divided by their sum); a field not known
    weighs nothing, so the other parts carry the score."""
    parts = {key: float(weights[key]) for key in ("avatar", "bio", "name")}
    if not bio.known:
        parts["bio"] = 0.0
    if not name.known:
        parts["name"] = 0.0
    total = sum(parts.values()) or 1.0
    return {key: value / total for key, value in parts.items()}


def _face_evidence(
    account: Account, avatar: AvatarInfo, picture: float, bio: _Field, name: _Field
) -> dict[str, Any]:
    return {
        "avatar": {
            "label": avatar.label,
            "confidence": round(avatar.confidence, 2),
            "source": avatar.source,
            "note": avatar.note,
            "file": Path(avatar.file).name if avatar.file else None,
            "url": account.avatar_url,
        },
        "bio": {"text": account.bio or "", "verdict": bio.verdict, "known": bio.known},
        "display_name": {
            "text": account.display_name or "",
            "verdict": name.verdict,
            "known": name.known,
        },
        "parts": {
            "avatar": round(100 * picture),
            "bio": round(100 * bio.value) if bio.known else None,
            "name": round(100 * name.value) if name.known else None,
        },
    }


def _nothing_to_judge(evidence: dict[str, Any]) -> PillarResult:
    """No picture, bio or name in the data (a customer-care file, a posts-only CSV): a score
    would be the unknown-avatar default alone, so the pillar is left out of the grade."""
    return PillarResult(
        name="face",
        score=None,
        evidence=evidence,
        recommendations=[
            "Import the account's profile (its X archive, or fetch it) so its picture, "
            "bio and display name can be checked."
        ],
        notes=[
            "the data has no picture, bio or display name: not scored, left out of the "
            "overall grade"
        ],
        scored=False,
    )


def fetch_and_check(account: Account) -> str:
    """The step that downloads this account's profile and picture and checks the picture."""
    handle = account.handle.lstrip("@")
    # as fetch takes it: a Bluesky handle only in ASCII, a Mastodon instance in Unicode too,
    # as people read it (@anna@bücher.social)
    typed = handle if account.platform == "bluesky" else f"@{display_address(handle)}"
    return FETCH_AND_CHECK_PICTURE.say(platform=account.platform, handle=typed)


# one headline for either reason: the league table says what to fix, the audit why
_UNCHECKED = "Check the picture: it could not be read"


def _unchecked_avatar_advice(account: Account, avatar: AvatarInfo) -> Tentative:
    if avatar.source != "none":
        # an image was there but the model could not judge it: its note says why and what to do
        return Tentative(
            f"We could not check your picture ({avatar.note or 'no image'}). Make sure it is a "
            "photo of a real person, not a logo.",
            _UNCHECKED,
        )
    # only fetching downloads the image; a file import stores at most its web address
    where = (
        "this data stores only its web address"
        if account.avatar_url
        else "this data has no picture of the account"
    )
    return Tentative(
        f"We could not check your picture: {where}. {fetch_and_check(account)}. A photo of a "
        "real person scores best, a logo worst.",
        _UNCHECKED,
    )


# "HireLoop"; a name particle glued on ("McKenzie", "DeShawn") is still a person's name
_CAMEL_CASE = re.compile(r"^(?!(?:Mc|Mac|De|Di|Da|La|Le|Van|Von)[A-Z])[^\W\d_]+[a-z][A-Z]")
# "us" only in lower case: "jobs across the US" is a country, not a team
_SPEAKS_AS_WE = re.compile(r"\b(?:[Ww]e|[Ww]e're|[Ww]e’re|[Oo]ur|us)\b")
_SPEAKS_AS_I = re.compile(r"\b(?:I|I'm|I’m|[Mm]y|me)\b")
# a handle made of the brand and one of these is still the brand's ("hireloophq", "acmejobs")
_HANDLE_SUFFIXES = ("", "hq", "jobs", "careers", "official", "team", "app", "inc", "group")


def _handle_name(handle: str) -> str:
    """The letters of the handle's own part: "erik" of "erik.example.dev" or "erik@mas.to"."""
    own = handle.lstrip("@").split("@")[0].split(".")[0]
    return "".join(_WORD.findall(own)).casefold()


def is_brand_word(word: str, account: Account) -> bool:
    """A one-word display name that names the brand, not a person's first name: CamelCase
    ("HireLoop"), or the handle itself ("Hays" of @hays) or a bio that speaks as "we", unless
    the bio speaks as "I" too (Erik may well be @erik, and say "we" of his team)."""
    if _CAMEL_CASE.search(word):
        return True
    bio, handle = account.bio or "", _handle_name(account.handle)
    like_handle = any(handle == word.casefold() + suffix for suffix in _HANDLE_SUFFIXES)
    return (like_handle or bool(_SPEAKS_AS_WE.search(bio))) and not _SPEAKS_AS_I.search(bio)


# by the image model's label; a picture it could not read gets _unchecked_avatar_advice
_PICTURE_ADVICE = {
    "default": Advice(
        "You still have the platform's default picture. Upload a clear, smiling photo of a "
        "real person (your founder or lead recruiter) today: it is the fastest fix here.",
        "Replace the default picture",
    ),
    "logo": Advice(
        "Your picture is a logo, and people don't talk to logos. Use a friendly head-and-"
        "shoulders photo of a real recruiter and move the logo to the banner image.",
        "Show a person, not a logo, in the picture",
    ),
    "other": Advice(
        "Your picture shows neither a face nor your brand clearly. Replace it with a "
        "well-lit photo of a real person, face centred.",
        "Use a clear photo of a person as the picture",
    ),
}


# the same, to an account named after a person: its own photo, not "your lead recruiter"'s
_PERSON_PICTURE_ADVICE = {
    "default": Advice(
        "You still have the platform's default picture. Upload a clear, smiling photo of "
        "yourself today: it is the fastest fix here.",
        "Replace the default picture",
    ),
    "logo": Advice(
        "Your picture is a logo, and people don't talk to logos. Use a friendly head-and-"
        "shoulders photo of yourself; your firm's logo can go in the banner image.",
        "Show a person, not a logo, in the picture",
    ),
    "other": Advice(
        "Your picture shows neither a face nor your brand clearly. Replace it with a "
        "well-lit photo of yourself, face centred.",
        "Use a clear photo of a person as the picture",
    ),
}


def _face_advice(
    account: Account,
    avatar: AvatarInfo,
    bio: float,
    name: float,
    gains: dict[str, float],
    language: str | None = None,
) -> list[str]:
    """Face's advice; ``gains`` holds how far fixing each part (avatar, bio, name) can lift
    Face, which each piece of advice carries."""
    recs: list[str] = []
    pictures = _PERSON_PICTURE_ADVICE if name >= 0.9 else _PICTURE_ADVICE
    if (picture := pictures.get(avatar.label or "")) is not None:
        recs.append(picture.gaining(gains["avatar"]))
    if bio < 1.0 and name >= 0.9:  # a person's account already says who is behind it
        recs.append(
            Advice(
                "Fill in your bio with who you place and where, in your own voice, e.g. "
                '"I place warehouse and office staff across Tacoma. Ask me anything."',
                "Fill in the bio: who it places and where",
                gain=gains["bio"],
            )
        )
    elif bio < 1.0:
        recs.append(
            Advice(
                "Fill in your bio with who you place, where, and who is behind the account, e.g. "
                '"Rosa and team: warehouse and office jobs across Tacoma. Ask us anything."',
                "Fill in the bio: who it places, where, and who is behind it",
                gain=gains["bio"],
            )
        )
    if name < 0.9:
        recs.append(
            Advice(
                _display_name_advice(account, language),
                "Put a person's name in the display name",
                gain=gains["name"],
            )
        )
    if avatar.label is None:
        # the best it can be is a person's photo: the gain if the check finds one
        recs.append(_unchecked_avatar_advice(account, avatar).gaining(gains["avatar"]))
    if not recs:
        recs.append(
            Praise(
                "Your profile looks human: a real face, a clear bio and a person's name. "
                "Refresh the photo once a year so it still looks like you."
            )
        )
    return recs[:3]


# a first name, then a hashtag or a symbol ("Dana #Remain", "Mel ✨ #FBPE"): no second name,
# but a first one to build on; not a hashtag's word ("#Remain Dana") nor "Dana-Lee"'s half
_BEFORE_SYMBOL = re.compile(r"[^\w#@]*([^\W\d_]+)\s*[^\w\s'’.-]")


def _first_name_before_symbol(name: str) -> str | None:
    found = _BEFORE_SYMBOL.match(name)
    return None if found is None else _as_first_name(found.group(1))


def _as_first_name(word: str) -> str | None:
    """``word`` as a person writes a first name ("erik" -> "Erik", "McKay" kept); None when it
    is none, or a whole name run together ("danaholm")."""
    if not (shape := name_shape(word.lower())).first or shape.full:
        return None
    return word.capitalize() if word.islower() or word.isupper() else word


# How a German or French feed writes "Rosa at Acme" (names.py reads both as a person with
# the firm); another language gets the bar, which reads so in any
_WITH_FIRM = {"en": "at", "de": "bei", "fr": "chez"}


def _display_name_advice(account: Account, language: str | None = None) -> str:
    """Put a person in the display name, in words that fit the name it has (and the language
    of the posts: "Rosa at Zeitarbeit Köln GmbH" was offered to a German firm)."""
    name = without_custom_emoji(account.display_name)  # "Acme :verified:": Acme's name
    words = _WORD.findall(name)
    shown = name or account.display_name.strip()
    if not words:
        # none, or emoji and symbols only ("🌻"): "Rosa at 🌻" or "Rosa at
        # admin@localhost:3000" (the handle) names neither a person nor a firm
        finding = "You have no display name."
        if shown:
            finding = f'Your display name "{shown}" has no name in it.'
        return finding + (
            ' Use a person\'s name, alone or with the firm\'s ("Rosa Lund" or "Rosa at '
            'YourFirm"), so people know there is a human to talk to.'
        )
    if (
        len(words) == 1
        and firm_cue(name) is None
        and not reads_as_handle(shown)
        and not is_brand_word(words[0], account)
    ):
        # one word may already be a first name ("Erik"): "Rosa at Erik" would be odd; one
        # that is none, or a whole name run together ("danaholm"), is no first name to
        # build on (a real account named by one long word was offered "<that word> Lund")
        given = _as_first_name(words[0]) or "Rosa"  # "erik Lund" is no name as one writes it
        return (
            f'Say who is behind the account in your display name: a full name ("{given} '
            f'Lund") or a name with the firm ("{given} at YourFirm") reads as a person.'
        )
    person = leading_person(name)
    if person is not None:
        # a person's name and a slogan or a number: "Rosa at Steve Bray It's time…" is absurd
        return (
            f'Keep your display name to your name, alone or with the firm\'s ("{person}" or '
            f'"{person} at YourFirm"), so people know there is a human to talk to.'
        )
    if reads_as_handle(shown):
        # "R3d Gh0st 2.0", "jsmith1987": no firm's name to put "Rosa at" before, nor a first name
        return (
            f'Your display name "{shown}" reads like a handle or a nickname. Use a person\'s '
            'name, alone or with the firm\'s ("Rosa Lund" or "Rosa at YourFirm"), so people '
            "know there is a human to talk to."
        )
    if len(words) > 1 and firm_cue(shown) is None and not shown.isupper():
        if (first := _first_name_before_symbol(name)) is not None:
            return (
                f'Build your display name on your first name: a full name ("{first} Lund") or '
                f'a name with the firm ("{first} at YourFirm") reads as a person; a hashtag or '
                "a symbol beside it does not."
            )
        # neither a person's name nor a firm's ("christine novak", "Ceci n'est pas …"): no
        # "Rosa at" before words that may already be someone's name
        return (
            "Put a person's name in your display name, alone or with the firm's (\"Rosa Lund\" "
            'or "Rosa at YourFirm"), so people know there is a human to talk to.'
        )
    with_firm = _WITH_FIRM.get(language or "en", "|")
    return (
        f'Add a person to your display name, e.g. "Rosa {with_firm} {shown}", so people know '
        "there is a human to talk to."
    )
