"""Face: what the avatar shows, whether the bio is filled in, whether the name reads as human."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from staffpulse.audit.account_kind import AccountKind, for_a_feed
from staffpulse.audit.avatar_check import AvatarInfo
from staffpulse.audit.bio_examples import bio_example
from staffpulse.audit.name_advice import (
    display_name_advice,
    first_name_alone,
    institution_name_advice,
    names_an_institution,
    surname_advice,
)
from staffpulse.audit.names import name_score
from staffpulse.audit.types import Advice, DataGap, PillarResult, Praise, Tentative
from staffpulse.handles import display_address
from staffpulse.models import Account
from staffpulse.next_steps import FETCH_AND_CHECK_PICTURE, IMPORT_PICTURE_FILE


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


# the display name of an account read as a job feed, which names the feed (its advice asks for
# who runs it in the bio): its value stays the name's own, a person's name scoring best
_FEED_NAME_READ = "a feed's name, as a job board's is: the bio can say who runs it"


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
    account: Account,
    settings: dict[str, Any],
    avatar: AvatarInfo,
    language: str | None = None,
    kind: AccountKind = AccountKind.ANY,
) -> PillarResult:
    """The Face pillar: the picture, the bio and the display name, weighed by ``face_parts``;
    a bio or name the data never had is left out of the score, not judged empty. ``language``
    (what most of the posts are in) words the example name the advice offers; a job feed
    (``kind``) is told to say who runs it, not to put a person's name before its own."""
    picture = _avatar_value(avatar, settings)
    bio_text, name_text = account.bio or "", account.display_name or ""
    bio = _judge_field(
        bio_text, account.bio_known, bio_score(bio_text, int(settings["bio_min_chars"])), "bio"
    )
    name = _judge_field(name_text, account.name_known, name_score(name_text), "display name")
    if kind is AccountKind.JOB_FEED and name.known and name_text.strip() and name.value < 1:
        # "unclear whether a person or a brand" beside "reads as a job board" and advice that
        # says the name names the feed, as a feed's should: said as the feed it is read as
        name = _Field(name.value, _FEED_NAME_READ, known=True)
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
            feed=kind is AccountKind.JOB_FEED,
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
            # null of a picture not checked, not a "0% sure" verdict
            "confidence": None if avatar.label is None else round(avatar.confidence, 2),
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


# the league table's "fix first" says what to fix, the audit why: a picture the data does
# not hold is no broken image ("it could not be read" sent firms to look for one)
_UNCHECKED = "Check the picture: it could not be read"
_NOT_STORED = "Import or fetch the profile to check the picture: this data has none"
_ADDRESS_ONLY = (
    "Import or fetch the profile to check the picture: this data has only its web address"
)


def _unchecked_avatar_advice(account: Account, avatar: AvatarInfo) -> Tentative:
    if avatar.source != "none":
        # an image was there but the model could not judge it: its note says why and what to do
        return Tentative(
            f"We could not check your picture ({avatar.note or 'no image'}). Make sure it is a "
            "photo of a real person, not a logo.",
            _UNCHECKED,
        )
    # only fetching downloads the image; a file import stores at most its web address
    where, headline = (
        ("this data stores only its web address", _ADDRESS_ONLY)
        if account.avatar_url
        else ("this data has no picture of the account", _NOT_STORED)
    )
    return DataGap(
        f"We could not check your picture: {where}. {fetch_and_check(account)}."
        f"{' ' + IMPORT_PICTURE_FILE.say() + '.' if account.platform == 'x' else ''} A photo of "
        "a real person scores best, a logo worst.",
        headline,
    )


# by the image model's label; a picture it could not read gets _unchecked_avatar_advice. "A
# person on your team", not "a real recruiter": a vendor or a help desk has none to show
_PICTURE_ADVICE = {
    "default": Advice(
        "You still have the platform's default picture. Upload a clear, smiling photo of a "
        "real person on your team today: it is the fastest fix here.",
        "Replace the default picture",
    ),
    "logo": Advice(
        "Your picture is a logo, and people don't talk to logos. Use a friendly head-and-"
        "shoulders photo of a real person on your team and move the logo to the banner image.",
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


# a job feed's display name names the feed, as it should: no "Rosa at" before it; who runs
# it is said in its bio and picture (:mod:`.account_kind`)
_FEED_NAME = (
    "Your display name names the feed, as a feed's should. Say in your bio who runs it and "
    "where to ask about a listing, so people know there is a human behind the ads."
)
_FEED_PICTURE = (
    "Upload a picture that says who runs the feed: a photo of the person who answers for it "
    "scores best, your logo better than the default."
)


def _face_advice(
    account: Account,
    avatar: AvatarInfo,
    bio: float,
    name: float,
    gains: dict[str, float],
    language: str | None = None,
    *,
    feed: bool = False,
) -> list[str]:
    """Face's advice; ``gains`` holds how far fixing each part (avatar, bio, name) can lift
    Face, which each piece of advice carries; ``feed``: the account is a job feed."""
    recs: list[str] = []
    pictures = _PERSON_PICTURE_ADVICE if name >= 0.9 else _PICTURE_ADVICE
    if (picture := pictures.get(avatar.label or "")) is not None:
        picture = picture.gaining(gains["avatar"])
        default = avatar.label == "default"
        recs.append(for_a_feed(picture, _FEED_PICTURE) if feed and default else picture)
    # "what you do, for whom": "who you place" fitted a staffing firm, not a vendor beside it;
    # the example fits the kind of account its name or short bio says (.bio_examples)
    if bio < 1.0 and name >= 0.9:  # a person's account already says who is behind it
        recs.append(
            Advice(
                "Fill in your bio with what you do, for whom and where, in your own voice, e.g. "
                + bio_example(account.display_name or "", account.bio or "", person=True),
                "Fill in the bio: what it does, for whom and where",
                gain=gains["bio"],
            )
        )
    elif bio < 1.0:
        recs.append(
            Advice(
                "Fill in your bio with what you do, for whom, where, and who is behind the account, "
                "e.g. " + bio_example(account.display_name or "", account.bio or "", person=False),
                "Fill in the bio: what it does, for whom, where, and who is behind it",
                gain=gains["bio"],
            )
        )
    # a first name alone already reads as a person: its surname comes after the picture
    first_name = first_name_alone(account) if name < 0.9 else None
    if name < 0.9 and first_name is None and names_an_institution(account):
        # no "Rosa at" before an institute's name: who posts is said in the bio or a sign-off
        recs.append(
            Tentative(
                institution_name_advice(account),
                "Say who posts: in the bio or a sign-off",
                # it keeps the name Face scores, so following it raises no score
                gain=0.0,
            )
        )
    elif name < 0.9 and first_name is None and feed:
        recs.append(Tentative(_FEED_NAME, "Say who runs the feed", gain=gains["name"]))
    elif name < 0.9 and first_name is None:
        recs.append(
            Advice(
                display_name_advice(account, language),
                "Put a person's name in the display name",
                gain=gains["name"],
            )
        )
    if avatar.label is None:
        # the best it can be is a person's photo: the gain if the check finds one
        recs.append(_unchecked_avatar_advice(account, avatar).gaining(gains["avatar"]))
    if first_name is not None:
        recs.append(
            Advice(
                surname_advice(account, first_name),
                "Add a surname to the first name in the display name",
                gain=gains["name"],
            )
        )
    if not recs:
        recs.append(
            Praise(
                "Your profile looks human: a real face, a clear bio and a person's name. "
                "Refresh the photo once a year so it still looks like you."
            )
        )
    return recs[:3]
