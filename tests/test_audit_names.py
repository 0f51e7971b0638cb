from __future__ import annotations

import pytest

from staffpulse.audit.names import find_firm_cue, firm_cue, leading_person, name_score


@pytest.mark.parametrize(
    "name",
    [
        "Rosa Tamlin",
        "Maya Okafor",
        "Jean-Luc Martin",
        "Ana Lucía Pérez",
        "Maya de la Cruz",  # name particles are part of a person's name
        "Maria del Carmen García López",
        "Kevin O'Neil",
        "Lena K",
        "Whitney Houston",  # a place that is also a common surname is no firm cue
        "AB de Villiers",  # initials first, not a legal form
        "Rosa at Harborline Talent",
        "Rosa at Personalwerk Berlin",
        "Maya Okafor | Brightside Talent",
        "Maya Okafor | Support Team",  # a person first: the help desk is where she works
    ],
)
def test_people_read_as_people(name: str) -> None:
    assert name_score(name)[0] >= 0.9, name_score(name)


@pytest.mark.parametrize(
    ("name", "cue"),
    [
        ("Personalwerk Berlin", "Personalwerk"),  # German compound of "Personal"
        ("Hays Berlin", "Berlin"),  # two capitalised words, the second a city
        ("Adecco Madrid", "Madrid"),
        ("Vestiging Krakow", "Krakow"),  # a branch's account was read as a person
        ("Praca Kraków", "Kraków"),  # with its accent, as Poles write it
        ("Zeitarbeit Müller", "Zeitarbeit"),
        ("Nordlicht Personaldienst", "Personaldienst"),
        ("Hansa Toppersonal", "Toppersonal"),
        ("Manpower Intérim", "Intérim"),
        ("Recrutement Lyon", "Recrutement"),
        ("Talentia Empleo", "Empleo"),
        ("Jansen Uitzendbureau", "Uitzendbureau"),
        ("Hays AG", "AG"),
        ("Förderverein Arbeit e.V.", "e.V."),
        ("Randstad Deutschland GmbH & Co. KG", "GmbH"),
        ("Adecco Iberia S.L.", "S.L."),
        ("Jansen Werk BV", "BV"),
        ("Kelly Services Ltd", "Ltd"),
        ("BrightPath Staffing", "Staffing"),
        ("Keystone Temps", "Temps"),
        ("Jobs24", "Jobs"),  # the words around digits count, not the digits
        # a help desk read as a person's name and was told to show a person's face
        ("Acme Support Team", "Support"),
        ("Acme Help Desk", "Help Desk"),
        ("Ledgerly Support", "Support"),
        ("Orbitel Customer Care", "Customer"),
        ("Orbitel Help", "Help"),
        ("Ledgerly Helpline", "Helpline"),
    ],
)
def test_firms_read_as_firms_and_say_why(name: str, cue: str) -> None:
    score, verdict = name_score(name)
    assert score == 0.3
    assert verdict.startswith("a company name")
    assert cue in verdict


def test_legal_forms_count_only_in_their_usual_spelling() -> None:
    assert firm_cue("Maya Ag") is None  # "Ag" is no "AG"
    assert firm_cue("Maya Okafor") is None


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("", 0.0),
        ("JOBWIRE", 0.3),
        ("NOVA BRIGHT", 0.3),  # capitals read as a brand before two words read as a name
        ("Erik ❤️", 0.6),
        ("the recruiting life of maya", 0.3),
    ],
)
def test_other_names(name: str, value: float) -> None:
    assert name_score(name)[0] == value


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Tom Hadley It's time we voted this lot out.", "Tom Hadley"),
        ("Maya Okafor loves a good spreadsheet", "Maya Okafor"),
        ("Lena Pemberton2019", "Lena Pemberton"),  # digits are no firm
        ("Maya Okafor", None),  # a name alone: nothing follows it
        ("Robert Half International", None),  # a firm named after a person
        ("Coastal Studies Institute for Archivists", None),  # a firm cue
        ("the hiring desk of Acme", None),  # no capitalised name first
        ("🌻 Maya Okafor loves a good spreadsheet", "Maya Okafor"),
        (
            "\U0001d412\U0001d414\u2661\U0001d40d\U0001d40d\U0001d418 \U0001d403\U0001d400\U0001d418",
            None,
        ),  # SU♡NNY DAY in bold letters was offered "SU NNY"
        ("Dana #Remain", None),  # a hashtag is no surname: "Dana Remain" was offered
        ("#Remain Dana", None),  # nor is a hashtag's word a first name
    ],
)
def test_a_name_followed_by_a_slogan_gives_the_name(name: str, person: str | None) -> None:
    assert leading_person(name) == person


@pytest.mark.parametrize(
    "name",
    [
        "Nora💙 ,booked out",
        "Maya Okafor, fully vaccinated 💉",
        "Erik | he/him",
        "Lena - coffee first",
    ],
)
def test_a_status_after_a_name_is_no_firm(name: str) -> None:
    """Lower-case words after a comma, bar or dash are a status or a slogan, not the firm the
    verdict "a person's name with the firm" promised; the name before them is judged alone."""
    score, verdict = name_score(name)
    assert "with the firm" not in verdict and verdict.endswith("the words after it name no firm")
    person = leading_person(name)
    assert person is not None and score == name_score(person)[0]


@pytest.mark.parametrize("name", ["R3d Gh0st 2.0", "jsmith1987", "R3D GH0ST", "Adecco 2000"])
def test_a_name_with_digits_and_no_firm_word_is_no_clear_company(name: str) -> None:
    """Digits make a handle or a nickname as often as a firm: no company verdict (and so no
    "Rosa at R3d Gh0st" advice), no person's either."""
    assert firm_cue(name) is None
    score, verdict = name_score(name)
    assert score == 0.5 and "handle or a nickname" in verdict


def test_a_person_first_keeps_the_firm_after_at_or_a_capital() -> None:
    assert name_score("Rosa at acme")[1] == "a person's name with the firm"  # "at" says so
    assert name_score("Maya | hireloop")[1] == "a person's name with the firm"  # one word
    assert name_score("Lena Pemberton2019")[0] == 0.6  # a person, written like a handle


@pytest.mark.parametrize(
    ("name", "value"),
    [
        # a Mastodon name: its ":verified:" made a person's name "unclear" (0.5)
        ("Tomas Reyes :verified:", 1.0),
        (":blobcat: Rosa Lund", 1.0),
        ("Acme Staffing :verified:", 0.3),  # still a firm
        (":blobcat:", 0.5),  # judged as an emoji alone is
        ("Rosa Lund 10:30:00", 0.6),  # a time holds no shortcode: digits, as before
    ],
)
def test_mastodon_custom_emoji_are_read_as_emoji(name: str, value: float) -> None:
    assert name_score(name)[0] == value


@pytest.mark.parametrize(
    ("name", "value", "verdict"),
    [
        # a capitalised hashtag read as a surname gave a full name: no advice on the name
        ("Dana #Remain", 0.6, "a single word and a hashtag (no surname)"),
        ("#Remain Dana", 0.6, "a single word and a hashtag (no surname)"),
        ("Dana #Remain #Rejoin", 0.6, "a single word and hashtags (no surname)"),
        ("Mel ✨ #DogMom", 0.6, "a single word and a hashtag"),
        # a full name keeps its hashtag: it is still a person's name
        ("Dana Lund #Remain", 1.0, "reads as a person's name"),
        ("#OpenToWork Dana Lund", 1.0, "reads as a person's name"),
    ],
)
def test_a_hashtag_is_no_surname(name: str, value: float, verdict: str) -> None:
    score, said = name_score(name)
    assert (score, verdict in said) == (value, True), said


@pytest.mark.parametrize(
    ("name", "score", "verdict"),
    [
        # a recruiter's ideal display name was called a company for "Recruiter"
        ("Rosa 🌵 Recruiter", 1.0, "a person's name with a job title"),
        ("Sam Tech Sourcer", 1.0, "a person's name with a job title"),
        ("Apex Recruiter", 0.3, "a company name (“Recruiter” holds a word that names a company)"),
        (
            "Smith Recruiters",
            0.3,
            "a company name (“Recruiters” holds a word that names a company)",
        ),
        # a person's name in capitals is no brand; a brand's still is
        ("DANA WHITFIELD", 1.0, "a person's name, in capitals"),
        ("NOVA BRIGHT", 0.3, "all capitals, reads as a brand"),
        # "Hiring" was a company word and "Hire" not
        ("Hire Velocity", 0.3, "a company name (“Hire” names a company or an organisation)"),
        # a first name beside a place is a person's nickname
        ("Ohio Megan", 1.0, "a first name beside a place, reads as a person's"),
        ("Tulsa Staffing", 0.3, "a company name (“Staffing” names a company or an organisation)"),
    ],
)
def test_a_persons_own_words_beat_a_firm_cue(name: str, score: float, verdict: str) -> None:
    assert name_score(name) == (score, verdict)


def test_the_cue_kind_says_a_place_only_when_no_firm_word_is_there() -> None:
    # the first-name-beside-a-place rule read the kind off the verdict's last words
    assert find_firm_cue("Ohio Megan") == ("place", "\u201cOhio\u201d is a place")
    assert find_firm_cue("Ohio Staffing Megan") == (
        "company word",
        "\u201cStaffing\u201d names a company or an organisation",
    )
    assert find_firm_cue("Megan Brandt GmbH") == ("legal form", "\u201cGmbH\u201d is a legal form")
    assert find_firm_cue("Megan Brandt") is None
    assert name_score("Ohio Staffing Megan")[0] == 0.3


@pytest.mark.parametrize(
    ("name", "verdict"),
    [
        # a first name and an emoji read as "could be a person or a brand" to a client
        ("Marta 🌻", "a first name alone (no surname): reads as a person"),
        ("marta", "a first name alone (no surname): reads as a person"),
        ("Cloudwatcher", "a single word: could be a person or a brand"),
        ("MarthaQuigley", "a person's name run together, like a handle's (“Martha Quigley”)"),
        ("HireLoop", "a single word: could be a person or a brand"),  # no first name in it
        # "“Institute” is a staffing or company word" read odd: an institute is no staffing word
        ("Harbor Institute", "a company name (“Institute” names a company or an organisation)"),
    ],
)
def test_a_one_word_or_organisation_name_is_said_as_a_client_reads_it(
    name: str, verdict: str
) -> None:
    assert name_score(name)[1] == verdict
