from __future__ import annotations

from typing import Any

import pytest

from staffpulse.audit.advice import top_actions
from staffpulse.audit.avatar_check import AvatarInfo
from staffpulse.audit.config import DEFAULTS
from staffpulse.audit.face import bio_score, face_pillar
from staffpulse.audit.names import name_score
from staffpulse.models import Account, Platform
from staffpulse.sources.bluesky import account_from_profile

X_STICKY = "https://abs.twimg.com/sticky/default_profile_images"


def acct(platform: Platform = "x", **kw: Any) -> Account:
    return Account(platform=platform, id="a", handle="a", **kw)


def test_bio() -> None:
    assert bio_score("", 40)[0] == 0
    assert bio_score("Jobs", 40)[0] == 0.5
    assert bio_score("We place warehouse and office people across Tacoma, WA.", 40)[0] == 1


def test_a_bio_the_data_never_had_is_not_judged_empty() -> None:
    # a Bluesky feed's author view has no "description": the bio is unknown, not empty
    unknown = account_from_profile({"did": "did:plc:a", "handle": "kelsey.bsky.social"})
    empty = account_from_profile(
        {"did": "did:plc:a", "handle": "kelsey.bsky.social", "description": ""}
    )
    person = AvatarInfo("person", 1.0, "t")
    not_known, left_empty = (
        face_pillar(unknown, DEFAULTS, person),
        face_pillar(empty, DEFAULTS, person),
    )
    assert not_known.evidence["bio"]["verdict"].startswith("not known")
    assert not_known.evidence["parts"]["bio"] is None
    assert not any("bio" in advice for advice in not_known.recommendations)
    assert left_empty.evidence["bio"]["verdict"] == "empty"
    assert any("bio" in advice for advice in left_empty.recommendations)
    assert not_known.score > left_empty.score  # no penalty for what could not be seen


def test_a_display_name_the_data_never_had_is_not_judged_missing() -> None:
    # a TWCS or IBM customer-care brand: the dataset has no profiles at all
    person = AvatarInfo("person", 1.0, "t")
    unknown = Account(
        platform="x", id="a", handle="AppleSupport", bio_known=False, name_known=False
    )
    empty = Account(platform="x", id="a", handle="AppleSupport", bio_known=False)  # no name set
    not_known, left_empty = (
        face_pillar(unknown, DEFAULTS, person),
        face_pillar(empty, DEFAULTS, person),
    )
    assert not_known.evidence["display_name"]["verdict"].startswith("not known")
    assert not_known.evidence["display_name"]["known"] is False
    assert not_known.evidence["parts"]["name"] is None
    assert not any("display name" in advice for advice in not_known.recommendations)
    assert not any("Rosa at AppleSupport" in advice for advice in not_known.recommendations)
    assert not_known.score == 100  # a real face, and nothing else could be judged
    assert left_empty.evidence["display_name"]["verdict"] == "no display name"
    assert any("display name" in advice for advice in left_empty.recommendations)
    assert not_known.score > left_empty.score


def test_a_face_with_nothing_known_is_not_scored() -> None:
    # no image, no bio, no name in the data: a score would be the unknown-avatar default alone
    nothing = Account(
        platform="x", id="a", handle="AppleSupport", bio_known=False, name_known=False
    )
    face = face_pillar(nothing, DEFAULTS, AvatarInfo(None, 0.0, "none", note="no image"))
    assert (face.scored, face.score) == (False, None)
    assert (
        "not scored" in face.notes[0] and "Import the account's profile" in face.recommendations[0]
    )
    seen = face_pillar(nothing, DEFAULTS, AvatarInfo("logo", 0.9, "t"))  # the picture was read
    assert seen.scored and seen.score is not None


def test_person_beats_logo_beats_default() -> None:
    account = acct(display_name="Acme Staffing", bio="")
    scores = [
        face_pillar(account, DEFAULTS, AvatarInfo(label, 0.9, "test")).score
        for label in ("person", "other", "logo", "default")
    ]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == 4


def test_confidence_pulls_towards_unknown() -> None:
    sure = face_pillar(acct(), DEFAULTS, AvatarInfo("person", 1.0, "t")).score
    unsure = face_pillar(acct(), DEFAULTS, AvatarInfo("person", 0.2, "t")).score
    assert sure > unsure


def test_evidence_and_advice_for_a_logo() -> None:
    pillar = face_pillar(acct(display_name="Acme Staffing"), DEFAULTS, AvatarInfo("logo", 0.8, "t"))
    assert pillar.evidence["avatar"] == pytest.approx(
        {"label": "logo", "confidence": 0.8, "source": "t", "note": None, "file": None, "url": None}
    )
    assert 1 <= len(pillar.recommendations) <= 3
    assert "logo" in pillar.recommendations[0]


@pytest.mark.parametrize(
    ("display_name", "advice"),
    [
        ("Erik ❤️", '"Erik ❤️" already reads as a person'),  # one word may be a first name
        ("erik", '("Erik Lund" or "Erik at YourFirm")'),  # written as a name is
        # a word that is no first name is none to build on: a real account was offered
        # "<that word> Lund"
        ("Nightowl", '("Rosa Lund") or a name with the firm ("Rosa at YourFirm")'),
        ("danaholm", '("Rosa Lund") or a name with the firm ("Rosa at YourFirm")'),
        ("BrightPath Staffing", '"Rosa at BrightPath Staffing"'),
        # a Mastodon custom emoji is a picture, not part of the firm's name
        ("BrightPath Staffing :verified:", '"Rosa at BrightPath Staffing",'),
        # a person's name and a slogan (a real X account) was offered "Rosa at Tom Hadley
        # It's time we voted this lot out."
        (
            "Tom Hadley It's time we voted this lot out.",
            '("Tom Hadley" or "Tom Hadley at YourFirm")',
        ),
        ("Lena Pemberton2019", '("Lena Pemberton" or "Lena Pemberton at YourFirm")'),
        ("Nora💙 ,booked out", '("Nora" or "Nora at YourFirm")'),
        ("R3d Gh0st 2.0", "reads like a handle or a nickname. Use a person's name"),
        ("jsmith1987", "reads like a handle or a nickname. Use a person's name"),
        # no capitals, no firm word: no "Rosa at helena marsh"
        ("helena marsh", '("Rosa Lund" or "Rosa at YourFirm")'),
        # a first name beside a hashtag or a symbol is built on, not told "put a person's name"
        ("Dana #remain", '("Dana Lund") or a name with the firm ("Dana at YourFirm")'),
        # a capitalised hashtag is no surname either: "Dana #Remain" got no advice at all
        ("Dana #Remain", '("Dana Lund") or a name with the firm ("Dana at YourFirm")'),
        ("mel ✨ #dogmom", '("Mel Lund") or a name with the firm ("Mel at YourFirm")'),
        ("Wrenn ✨ #dogmom", '("Rosa Lund" or "Rosa at YourFirm")'),  # no first name to build on
        # a real one-word name run together was offered "Rosa at <that name>"
        ("MarthaQuigley", 'with a space in your display name: "Martha Quigley" reads as a'),
    ],
)
def test_display_name_advice_fits_the_name(display_name: str, advice: str) -> None:
    pillar = face_pillar(
        acct(display_name=display_name, bio=""), DEFAULTS, AvatarInfo("person", 0.9, "t")
    )
    assert any(advice in r for r in pillar.recommendations)
    if not advice.startswith('"Rosa at'):  # no "Rosa at" before a name that is a person's
        assert not any(f"Rosa at {display_name[:4]}" in r for r in pillar.recommendations)
    assert not any("Rosa at Erik" in r for r in pillar.recommendations)


@pytest.mark.parametrize(
    ("language", "offered"),
    [
        # "Rosa at Zeitarbeit Köln GmbH" was offered to a German firm
        ("de", '"Rosa bei Zeitarbeit Köln GmbH"'),
        ("fr", '"Rosa chez Zeitarbeit Köln GmbH"'),
        ("nl", '"Rosa | Zeitarbeit Köln GmbH"'),  # the bar reads so in any language
        ("en", '"Rosa at Zeitarbeit Köln GmbH"'),
        (None, '"Rosa at Zeitarbeit Köln GmbH"'),
    ],
)
def test_the_example_name_is_written_in_the_language_of_the_posts(
    language: str | None, offered: str
) -> None:
    account = acct(display_name="Zeitarbeit Köln GmbH", bio="")
    pillar = face_pillar(account, DEFAULTS, AvatarInfo("person", 0.9, "t"), language)
    assert any(offered in r for r in pillar.recommendations)
    # the name offered reads as a person with the firm, as the advice promises
    assert name_score(offered.strip('"'))[0] == 1.0


@pytest.mark.parametrize("display_name", ["🌻", "✨ 🚀", "2024"])
def test_a_display_name_without_letters_is_told_to_use_a_name(display_name: str) -> None:
    # "Rosa at 🌻" was offered to an account named by an emoji: no person, no firm
    pillar = face_pillar(
        acct(display_name=display_name, bio="We place nurses."),
        DEFAULTS,
        AvatarInfo("person", 0.9, "t"),
    )
    advice = [r for r in pillar.recommendations if "display name" in r]
    assert len(advice) == 1
    assert f'"{display_name}" has no name in it' in advice[0]
    assert '"Rosa at YourFirm"' in advice[0]
    assert f"Rosa at {display_name}" not in advice[0]


def test_an_account_without_a_display_name_is_told_to_set_one_not_given_its_handle() -> None:
    # "Rosa at admin@localhost:3000" was offered: the handle stood in for the missing name
    account = Account(
        platform="mastodon", id="1", handle="admin@localhost:3000", display_name="", bio="Hi"
    )
    pillar = face_pillar(account, DEFAULTS, AvatarInfo("person", 0.9, "t"))
    advice = [r for r in pillar.recommendations if "display name" in r]
    assert advice == [
        "You have no display name. Use a person's name, alone or with the firm's (\"Rosa Lund\" "
        'or "Rosa at YourFirm"), so people know there is a human to talk to.'
    ]


@pytest.mark.parametrize(
    ("handle", "display_name", "bio"),
    [
        ("hireloop", "HireLoop", "The ATS that recruiters like"),  # CamelCase, the handle
        ("haysjobs", "Hays", ""),  # the handle, and a brand suffix
        ("nova_x", "Nova", "We place nurses across Ohio."),  # the bio speaks as "we"
    ],
)
def test_a_one_word_brand_is_told_to_add_a_person_not_a_surname(
    handle: str, display_name: str, bio: str
) -> None:
    account = Account(platform="x", id="a", handle=handle, display_name=display_name, bio=bio)
    pillar = face_pillar(account, DEFAULTS, AvatarInfo("person", 0.9, "t"))
    assert any(f'"Rosa at {display_name}"' in r for r in pillar.recommendations)
    assert not any(f'"{display_name} Lund"' in r for r in pillar.recommendations)


@pytest.mark.parametrize(
    ("handle", "bio"),
    [
        ("eriklund", "We place nurses, I place the night shifts."),  # unlike the handle
        ("erik", "I place nurses across Ohio."),  # the handle, but the bio says "I"
    ],
)
def test_a_one_word_first_name_keeps_the_full_name_advice(handle: str, bio: str) -> None:
    account = Account(platform="x", id="a", handle=handle, display_name="Erik", bio=bio)
    pillar = face_pillar(account, DEFAULTS, AvatarInfo("person", 0.9, "t"))
    assert any('"Erik Lund"' in r and '"Erik at YourFirm"' in r for r in pillar.recommendations)
    assert not any("Rosa at Erik" in r for r in pillar.recommendations)


def test_a_german_firm_name_gets_the_add_a_person_advice() -> None:
    # "Personalwerk Berlin" is a firm, not a person called Personalwerk Berlin
    pillar = face_pillar(
        acct(platform="mastodon", display_name="Personalwerk Berlin", bio="Zeitarbeit in Berlin"),
        DEFAULTS,
        AvatarInfo("default", 0.95, "profile metadata"),
    )
    assert pillar.evidence["parts"]["name"] == 30
    assert pillar.evidence["display_name"]["verdict"].startswith("a company name")
    assert any('"Rosa at Personalwerk Berlin"' in r for r in pillar.recommendations)


@pytest.mark.parametrize(
    "display_name", ["", "🌻", "Erik", "BrightPath Staffing", "Tom Hadley It's time to vote"]
)
def test_every_display_name_advice_has_one_headline(display_name: str) -> None:
    pillar = face_pillar(
        acct(display_name=display_name, bio="Rosa and team: office jobs across Tacoma."),
        DEFAULTS,
        AvatarInfo("person", 0.9, "t"),
    )
    headline = "Put a person's name in the display name"
    if display_name == "Erik":  # a person already: only the surname is missing
        headline = "Add a surname to the first name in the display name"
    assert [getattr(r, "headline", None) for r in pillar.recommendations] == [headline]


def test_a_first_name_alone_is_not_told_to_say_who_is_behind_the_account_first() -> None:
    # Face says "Greta 🌿" reads as a person, yet its first tip asked for a full name "to say
    # who is behind the account": the picture comes first, and the surname is a bonus
    greta = acct("bluesky", display_name="Greta 🌿", bio_known=False, avatar_url="https://x/g")
    face = face_pillar(greta, DEFAULTS, AvatarInfo(None, 0.0, "none"))
    assert face.evidence["display_name"]["verdict"].endswith("reads as a person")
    first, second = face.recommendations
    assert first.startswith("We could not check your picture")
    assert second.startswith('Your display name "Greta 🌿" already reads as a person.')
    assert '("Greta Lund" or "Greta at YourFirm")' in second
    assert "Say who is behind" not in " ".join(face.recommendations)


def test_a_persons_empty_bio_is_told_to_speak_as_that_person_not_as_a_team() -> None:
    # "John Lennon" with no bio was told to name "who is behind the account" and given
    # "Rosa and team: … Ask us anything": a firm's bio, for an account named after a person
    person = face_pillar(
        acct(display_name="Maya Okafor", bio=""), DEFAULTS, AvatarInfo("person", 0.9, "t")
    )
    said = " ".join(person.recommendations)
    assert '"I place warehouse and office staff across Tacoma. Ask me anything."' in said
    assert "Rosa and team" not in said and "who is behind the account" not in said
    firm = face_pillar(
        acct(display_name="BrightPath Staffing", bio=""), DEFAULTS, AvatarInfo("logo", 0.9, "t")
    )
    assert "Rosa and team" in " ".join(firm.recommendations)


@pytest.mark.parametrize("label", ["default", "logo", "other"])
def test_an_account_named_after_a_person_is_asked_for_its_own_photo(label: str) -> None:
    # "Mia Castellano" with a default picture was asked for a photo of "your founder or lead
    # recruiter": she is the person the account is about
    person = face_pillar(
        acct(display_name="Mia Castellano", bio="I place nurses across Ohio. Ask me anything."),
        DEFAULTS,
        AvatarInfo(label, 0.9, "t"),
    )
    said = " ".join(person.recommendations)
    assert "photo of yourself" in said
    assert "founder" not in said and "a real recruiter" not in said
    firm = face_pillar(
        acct(display_name="BrightPath Staffing", bio="We place nurses across Ohio."),
        DEFAULTS,
        AvatarInfo(label, 0.9, "t"),
    )
    assert "photo of yourself" not in " ".join(firm.recommendations)


@pytest.mark.parametrize("label", ["default", "logo"])
def test_an_organisation_is_asked_for_a_person_it_has_not_a_recruiter(label: str) -> None:
    # a software vendor with a logo was asked for "a photo of a real recruiter"
    vendor = face_pillar(
        acct(display_name="Ledgerly Software"), DEFAULTS, AvatarInfo(label, 0.9, "t")
    )
    said = vendor.recommendations[0]
    assert "photo of a real person on your team" in said and "recruiter" not in said
    # nor told to say "who you place" in an empty bio: a vendor places no one
    bio = face_pillar(
        acct(display_name="Ledgerly Software", bio=""), DEFAULTS, AvatarInfo(label, 0.9, "t")
    )
    tip = next(r for r in bio.recommendations if r.startswith("Fill in your bio"))
    assert tip.startswith("Fill in your bio with what you do, for whom, where, and who is behind")


def test_each_face_tip_promises_only_what_its_part_can_add() -> None:
    # QA with a real Bluesky feed: "Erik ❤️" (no bio in the data, picture not checked) was
    # told "+14 points" for a fuller display name, the whole of Face's gap, though the name is
    # a fourth of Face there and could add about 2 points to the overall score
    erik = acct("bluesky", display_name="Erik ❤️", bio_known=False, avatar_url="https://x/a.jpg")
    face = face_pillar(erik, DEFAULTS, AvatarInfo(None, 0.0, "none"))
    assert face.score is not None
    weights = {"face": 1.0, "mix": 0.0, "voice": 0.0, "conversation": 0.0}  # Face alone
    points = {a["action"][:20]: a["points"] for a in top_actions({"face": face}, weights)}
    name_tip = next(p for tip, p in points.items() if tip.startswith("Your display name"))
    picture_tip = next(p for tip, p in points.items() if tip.startswith("We could not check"))
    name_share = 0.2 / 0.8  # the name's weight among the parts known (no bio)
    assert name_tip == round(100 * name_share * (1 - face.evidence["parts"]["name"] / 100))
    assert picture_tip > name_tip  # the picture is three fourths of Face here
    assert name_tip + picture_tip <= 100 - face.score + 1  # rounding each part


def test_the_face_tips_together_can_close_the_whole_gap() -> None:
    account = acct(display_name="Acme Staffing", bio="")
    face = face_pillar(account, DEFAULTS, AvatarInfo("logo", 1.0, "t"))
    assert face.score is not None and len(face.recommendations) == 3  # picture, bio, name
    weights = {"face": 1.0, "mix": 0.0, "voice": 0.0, "conversation": 0.0}
    actions = top_actions({"face": face}, weights)
    assert actions[0]["action"].startswith("Your picture is a logo")  # the biggest part first
    assert abs(sum(a["points"] for a in actions) - (100 - face.score)) <= 1


@pytest.mark.parametrize(
    "display_name",
    [
        "Springfield Institute for Nurse Educators",
        "Lakeside Welders Association",
        "Harbor City Library",
    ],
)
def test_an_institution_keeps_its_name_and_is_told_to_say_who_posts(display_name: str) -> None:
    # "Rosa at" was offered before a training institute's name
    pillar = face_pillar(
        acct(display_name=display_name, bio="We train and support our members."),
        DEFAULTS,
        AvatarInfo("person", 0.9, "t"),
    )
    assert not any("Rosa at" in r for r in pillar.recommendations)
    said = [r for r in pillar.recommendations if "sign your posts with a first name" in r]
    assert said and said[0].startswith(f'Your display name "{display_name}" is the organisation')
    assert getattr(said[0], "headline", None) == "Say who posts: in the bio or a sign-off"
    # the name is scored as a company's: the advice neither calls that "as it should be" nor
    # promises points a bio line or a sign-off cannot win
    assert "as it should be" not in said[0] and "may stay so" in said[0]
    assert getattr(said[0], "gain", None) == 0


@pytest.mark.parametrize("display_name", ["Old School Staffing", "Union Street Recruiting"])
def test_a_staffing_firm_named_with_an_institutions_word_is_told_to_put_a_person(
    display_name: str,
) -> None:
    # "school" and "union" made these firms' names "the organisation's, as it should be"
    pillar = face_pillar(
        acct(display_name=display_name, bio="We place warehouse staff."),
        DEFAULTS,
        AvatarInfo("person", 0.9, "t"),
    )
    assert any(f"Rosa at {display_name}" in r for r in pillar.recommendations)
    assert not any("is the organisation" in r for r in pillar.recommendations)
