"""A bio that calls its posts one person's, or a titled person's name, is a person's (stop 34).
Hand-written accounts."""

from __future__ import annotations

from role_helpers import rules_off
from staffpulse.signals.role_personal_bio import (
    is_a_persons_official_account,
    is_a_persons_official_profile,
    is_a_titled_persons_name,
    says_its_posts_are_personal,
)
from staffpulse.signals.roles import load_role_model

PERSONAL = [
    # a surname and a given name run together, then a fellow's title and "personal tweets"
    (
        "HollowayRuth",
        "Fellow @ElmInstitute. Personal tweets. We want fair housing for every family in Elmshire.",
    ),
    ("ValeHousingNet", "Senior Research Fellow at Vale University. Housing, planning and cities."),
    (
        "ValeCareNet",
        "Personal account. Health policy and research for better care across Vale. "
        "Follow for updates and events.",
    ),
    (
        "Dr. Amara Okafor",
        "Health policy and research for better care across Vale. Follow for updates and events.",
    ),
]


def test_personal_posts_and_a_fellows_title_are_read() -> None:
    assert says_its_posts_are_personal("Nurse in Leeds. All views are my own.")
    assert says_its_posts_are_personal("Visiting Fellow of the Elm Institute.")
    # a fellowship of churches and fellow travellers hold no title
    assert not says_its_posts_are_personal("A fellowship of churches across Elmshire.")
    assert not says_its_posts_are_personal("Cyclist. Hello, fellow travellers of the road!")


def test_a_title_is_a_persons_only_before_a_persons_name() -> None:
    assert is_a_titled_persons_name("Dr. Amara Okafor")
    assert is_a_titled_persons_name("ProfJaneSmith")
    assert not is_a_titled_persons_name("Dr Pepper")
    assert not is_a_titled_persons_name("Amara Okafor")  # no title: the other rules read it


def test_such_accounts_tagged_organization_and_employer_become_people() -> None:
    # a real fellow whose bio said its tweets were personal was an organization and an
    # employer (0.95)
    model = load_role_model()
    names, bios = (list(column) for column in zip(*PERSONAL, strict=True))
    with rules_off(model, "personal_bios"):
        before = model.predict(names, bios, None)
    assert before.kind == ["org"] * len(PERSONAL) and before.role[0] == "employer"
    out = model.predict(names, bios, None)
    assert out.kind == ["person"] * len(PERSONAL) and out.role == ["other"] * len(PERSONAL)
    # the same bio under a name without a title is left to the heads
    plain = model.predict(["Amara Okafor"], [PERSONAL[3][1]], None)
    assert plain.kind == ["org"]


def test_a_named_persons_official_account_is_a_person() -> None:
    """Stop 39: "Official Account of <a name>" over a bio of a foundation was an employer;
    a team's or a firm's official account is not read."""
    assert is_a_persons_official_account("Official Account of Walter Brennick")
    assert is_a_persons_official_account("Official page of Maria Garcia, MP for the Vale")
    for org in (
        "The official Twitter account of the Vale College Athletic Department",
        "Official account of the Riverside Wildcats",
        "Official account of Acme Foods Ltd",
        "This is an official account of @ValeFacts",
    ):
        assert not is_a_persons_official_account(org), org
    model = load_role_model()
    name = "Official Account of Walter Brennick"
    bio = "Brennick Heritage Foundation. Cattle, land and history. Visitors welcome."
    with rules_off(model, "personal_bios"):
        assert model.predict([name], [bio], None).role == ["employer"]
    out = model.predict([name], [bio], None)
    assert out.kind == ["person"] and out.role == ["other"]


def test_a_firm_named_after_its_founder_stays_an_organization() -> None:
    """A staffing firm's "official account of <founder's name>" speaks of its trade or as
    "we": it stays the staffing firm Connect suggests, not a person tagged other."""
    firms = [
        (
            "Harold Pike",
            "The official account of Harold Pike, the staffing firm for warehouse jobs.",
        ),
        ("Walter Brennick", "Official account of Walter Brennick. We place nurses and carers."),
    ]
    for name, bio in firms:
        assert is_a_persons_official_account(bio)
        assert not is_a_persons_official_profile(name, bio), bio
    # the person's account whose bio lists the interests and the foundation is still read
    assert is_a_persons_official_profile(
        "Official Account of Walter Brennick", "Ranching, history, Brennick Foundation, US trails"
    )
    model = load_role_model()
    out = model.predict([n for n, _ in firms], [b for _, b in firms], None)
    assert out.role == ["staffing_firm", "staffing_firm"] and out.kind == ["org", "org"]


def test_a_name_before_official_twitter_or_another_countrys_given_name_is_a_person() -> None:
    """A singer's bio "<Name> Official Twitter | New album ..." and "Official Account of
    <an Irish given name> <a surname no list holds>" were organizations and employers (the
    given names read were the US Census ones). A brand written the same way, a fan club and a
    shop are not read."""
    assert is_a_persons_official_account("Dara Lynch Official Twitter | New album out now")
    assert is_a_persons_official_account("This is Dara Lynch Official. Songs and tour dates")
    assert is_a_persons_official_account("Official Account of Niamh Quarrendale")
    for org in (
        "Acme Foods Official Twitter",
        "Dara Lynch Official Fan Club",
        "Dara Lynch Official Store",
        "Official account of Santa Quarrendale",
    ):
        assert not is_a_persons_official_account(org), org
    model = load_role_model()
    names = ["Dara Lynch", "Niamh Quarrendale"]
    bios = [
        "Dara Lynch Official Twitter | New album Midnight Roads out now. Tour dates at the link.",
        "Official Account of Niamh Quarrendale | Foundation, land and history. Visitors welcome.",
    ]
    with rules_off(model, "personal_bios"):
        assert model.predict(names, bios, None).role == ["employer", "employer"]
    out = model.predict(names, bios, None)
    assert out.kind == ["person", "person"] and out.role == ["other", "other"]


def test_a_brand_named_with_a_given_name_is_no_persons_official_account() -> None:
    """Review s40: "Official account of Royal Mail" read as a person's ("Royal" is a given name
    of the Census lists, "Mail" in no surname list, the loose test took it for an unlisted
    surname). What ends an institution's or a brand's name is no surname."""
    for brand in (
        "Royal Mail",
        "Carter Bank",
        "Chase Bank",
        "Ruby Tuesday",
        "Rose Theatre",
        "Victoria Station",
        "Lincoln Financial",
        "Sierra Club",
        "Austin Motors",
        "Grace Hospital",
        "Florence Pizza",
        "Jordan Brewery",
        "Mason Realty",
        "Harper College",
        "Stella Insurance",
        "Maxwell Studios",
    ):
        assert not is_a_persons_official_account(f"Official account of {brand}"), brand
    for person in (
        "Niamh Quarrendale",
        "Phillip Quarrendon",
        "Tommy Hilfenbrook",
        "Jane Smith",
        "Jerry Hall",
        "Tyra Banks",
        "Emily Post",
        "Grace Church",  # both in the lists: a person's name, whatever a parish calls itself
        "Ruby Lockhartson",
        "Carter Whitlowe",
        "Rose Abernathy",
    ):
        assert is_a_persons_official_account(f"Official account of {person}"), person


def test_a_firm_of_founders_names_stays_a_firm_and_a_persons_calling_reads_a_person() -> None:
    """Review s40: a firm named with a given name and a listed surname read as a person's
    account unless its bio said "we"; a singer's one-word stage name before "Official Twitter"
    and an official account of a given name no list holds stayed employers. What a firm sells
    or a branch's country code keeps the firm; what one person is (a singer, a footballer, an
    MP), said as such, reads the person."""
    firms = [
        (
            "Grant Holloway",
            "Official account of Grant Holloway. Advisory and audit for growing firms.",
        ),
        ("Grant Holloway UK", "The official Twitter account of Grant Holloway UK"),
        ("Kestrel Official Twitter", "Outdoor gear that lasts. Free returns."),
        ("Harbour Lights", "Official account of Harbour Lights. Singer nights every Friday."),
        ("Deepika", "Official account of Deepika Ravindran."),  # nothing says who: left alone
    ]
    for name, bio in firms:
        assert not is_a_persons_official_profile(name, bio), bio
    people = [
        ("Marlowe Official Twitter", "Singer and songwriter. Second album out in May."),
        ("Anirudh", "Official account of Anirudh Venkatraman, footballer and coach."),
        ("Deepika", "Official account of Deepika Ravindran. Actor, producer, dreamer."),
        ("Office of Tunji", "Official account of Tunji Adebayo-Okon, MP for Riverside North"),
    ]
    for name, bio in people:
        assert is_a_persons_official_profile(name, bio), bio
    model = load_role_model()
    out = model.predict([n for n, _ in people[:3]], [b for _, b in people[:3]], None)
    assert out.kind == ["person"] * 3 and out.role == ["other"] * 3


def test_a_calling_word_for_a_brands_audience_reads_no_person() -> None:
    """Review s40: a calling word anywhere ("for every musician and listener") made a brand
    of two words or of one before "Official Twitter" a person, and "solutions" in an MP's bio
    made her a firm. Only what the profile says the one person is counts: the bio's or a
    sentence's first word, or the word after the person's name and a comma."""
    brands = [
        ("Copper Kettle", "Official account of Copper Kettle. Folk for every musician and fan."),
        ("Westgate Row", "Official account of Westgate Row. Briefings for every MP and aide"),
        ("Tinmouth Official Twitter", "Drums and pianos for every drummer and composer."),
        ("Lantern Hall", "Official account of Lantern Hall. Every comedian, every night."),
    ]
    for name, bio in brands:
        assert not is_a_persons_official_profile(name, bio), bio
    people = [
        ("Copper Kettle", "Official account of Copper Kettle. Singer and fiddler from Cork."),
        (
            "Nadia Whitcombe",
            "Official account of Nadia Whitcombe, MP for Eastmere. Working on "
            "solutions for local jobs.",
        ),
        ("Ben Harrow", "Official account of Ben Harrow, author of Limited Edition and more."),
        ("Ivo Marchetti", "Official account of Ivo Marchetti, journalist. I cover audit firms."),
    ]
    for name, bio in people:
        assert is_a_persons_official_profile(name, bio), bio
    assert not is_a_persons_official_profile(
        "Grant Holloway", "Official account of Grant Holloway Limited. Tax and payroll."
    )
