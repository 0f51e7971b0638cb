"""A newspaper, a news site, a podcast or a blog is no employer (stop 36). Hand-written
accounts."""

from __future__ import annotations

import pytest

from role_helpers import rules_off
from staffpulse.signals.role_news_bio import names_a_news_outlet
from staffpulse.signals.roles import load_role_model

OUTLETS = [
    (
        "ElmshireGazette",
        "The weekly newspaper of Elmshire and its villages. Tell us your story: we are listening.",
    ),
    ("ValeDaily", "Vale Daily is a regional news site. We cover what happens in the Vale."),
    ("ShopTalkShow", "The podcast where two shopkeepers swap stories of the trade."),
    ("CourierKitchen", "A food blog run by the Riverside Courier: recipes readers send in."),
    ("TidewaterWire", "An independent news source for the coast: councils, courts and schools."),
]
BRANDS = [
    ("ElmshireCouncil", "Elmshire Council: notices, bin days and roadworks. Call us for repairs."),
    ("BlueHarborCoffee", "Specialty coffee roasters. Join our mailing list for roasting news."),
    ("TalentCast", "A podcast for recruiters: sourcing tips every Monday."),
    # a newspaper the brand was featured in, or sells, is not what it is
    ("CrumbAndCo", "Family bakery. As featured in the Elmshire Gazette newspaper!"),
    (
        "CornerNews",
        "We are your corner shop: newspapers, magazines, sweets and stamps. Open 7 days a week.",
    ),
    # a business of another trade calling its own updates a news source is no outlet
    (
        "SeagateHotel",
        "The Seagate Hotel on the quay: your trusted news source for hotel news and offers. "
        "Book direct with us.",
    ),
    ("KilnAndKettle", "Pottery shop and tea room. Follow us, your local news site for new glazes."),
]


@pytest.mark.parametrize(("name", "bio"), OUTLETS)
def test_a_publication_is_read(name: str, bio: str) -> None:
    assert names_a_news_outlet(bio)


@pytest.mark.parametrize(("name", "bio"), BRANDS)
def test_a_brands_own_news_or_a_trade_podcast_is_not_an_outlet(name: str, bio: str) -> None:
    assert not names_a_news_outlet(bio)


def test_outlets_tagged_employer_become_other_and_brands_stay() -> None:
    # Connect leaves out role other, never employers: a town's newspaper read "employer" there
    model = load_role_model()
    names, bios = (list(column) for column in zip(*OUTLETS, strict=True))
    with rules_off(model, "news_bios"):
        before = model.predict(names, bios, None)
    out = model.predict(names, bios, None)
    assert out.role == ["other"] * len(OUTLETS)
    # the newspaper and the podcast were employers: the rule moved them, and they stay orgs
    moved = [i for i, role in enumerate(before.role) if role == "employer"]
    assert [names[i] for i in moved] == ["ElmshireGazette", "ShopTalkShow"]
    assert {out.kind[i] for i in moved} == {"org"}
    # a council, a bakery featured in a newspaper and a shop selling them stay employers, and so
    # do a hotel and a pottery shop calling their own updates a news source or site (both
    # were read as outlets and moved to other)
    kept = [BRANDS[i] for i in (0, 3, 4, 5, 6)]
    assert [n for n, _ in kept][3:] == ["SeagateHotel", "KilnAndKettle"]
    assert model.predict([n for n, _ in kept], [b for _, b in kept], None).role == ["employer"] * 5


NEWSROOMS = [
    ("Valley Ledger", "Breaking news and analysis from the valley, every day."),
    ("The Quarry", "Independent journalism for the north. Reader funded since 2019."),
]


@pytest.mark.parametrize(("name", "bio"), NEWSROOMS)
def test_a_newsroom_that_names_no_news_site_is_an_outlet_too(name: str, bio: str) -> None:
    """Stop 39: a news site saying what it publishes ("breaking news", "independent
    journalism") and not "news site" stayed an employer, which Connect kept."""
    assert names_a_news_outlet(bio)
    assert load_role_model().predict([name], [bio], None).role == ["other"]


def test_a_brands_breaking_news_headline_is_no_newsroom() -> None:
    assert not names_a_news_outlet("Breaking news: our new spring menu is here! Book a table.")
    assert not names_a_news_outlet("Family bakery. BREAKING NEWS! Croissants back on Sundays.")


def test_a_brands_own_breaking_news_keeps_it_an_employer() -> None:
    # a headline of its own however punctuated, and someone's taste for news, are no newsroom
    assert not names_a_news_outlet("Family bakery in Leeds. Breaking news... new buns on Fridays")
    assert not names_a_news_outlet("Breaking news, great deals and new tools weekly. Shop now.")
    assert not names_a_news_outlet("Breaking news junkie. Dad. Coffee.")
    roaster = "Roasters since 1998. Breaking news \u2014 we now ship nationwide!"
    assert not names_a_news_outlet(roaster)
    assert load_role_model().predict(["Hilltop Coffee"], [roaster], None).role == ["employer"]
