"""A fan club, a supporters' club or a readers' group is no employer (stop 39). Hand-written
accounts."""

from __future__ import annotations

import pytest

from role_helpers import rules_off
from staffpulse.signals.role_fan_bio import names_a_fan_club
from staffpulse.signals.roles import load_role_model

FANS = [
    (
        "RiversideRedsFans",
        "We love Riverside United. We meet before every home game and talk about the match.",
    ),
    ("Harbour Supporters FC", "We are a supporters team playing Sunday league since 1990."),
    ("Quill Readers", "A readers group open to all: we send one book a month free to our members."),
    ("LumenFanclub", "The official fanclub of the band Lumen. Streaming parties every week!"),
]
BRANDS = [
    ("BlueHarborCoffee", "We love our customers. Specialty coffee roasters since 2009."),
    ("Main Street Deli", "We love Main Street! Sandwiches and soups, open daily."),
    ("BreezeCo", "Ceiling fan installation and repairs across the county. Call us."),
    ("Crumbs Bakery", "Thanks to our amazing fan base! Fresh bread daily. We're hiring bakers."),
    ("Nerdvault Shop", "Your one stop shop for fandom merch: shirts, pins, posters. We ship."),
    ("Penfold Books", "Independent publisher. Join our Readers Club for early copies and events."),
    ("Jersey Bagels", "We love Jersey City. Bagels baked fresh every morning. Now hiring."),
    ("Orange Grove Realty", "We support Orange County families finding their first home."),
    ("Kiln Cafe", "We love Riverside United fans! 10% off breakfast on match days."),
]


@pytest.mark.parametrize(("name", "bio"), FANS)
def test_a_fan_club_or_a_readers_group_is_read(name: str, bio: str) -> None:
    assert names_a_fan_club(f"{name}\n{bio}")


def test_a_fan_club_run_into_a_name_is_read() -> None:
    assert names_a_fan_club("LumenFanclub\nPhotos and news of the band, every day.")
    assert names_a_fan_club("Vale chapter\nOurFanmily: we stream, we vote, we cheer.")


@pytest.mark.parametrize(("name", "bio"), BRANDS)
def test_a_brand_that_loves_its_customers_or_sells_fans_is_not(name: str, bio: str) -> None:
    assert not names_a_fan_club(f"{name}\n{bio}")


def test_fan_clubs_tagged_employer_become_other_and_brands_stay() -> None:
    """Connect keeps employers by default: a club's fans were offered to a recruiter."""
    model = load_role_model()
    names, bios = (list(column) for column in zip(*FANS, strict=True))
    with rules_off(model, "news_bios"):
        before = model.predict(names, bios, None)
    assert before.role == ["employer"] * len(FANS)
    out = model.predict(names, bios, None)
    assert out.role == ["other"] * len(FANS) and set(out.kind) == {"org"}
    brands = [n for n, _ in BRANDS], [b for _, b in BRANDS], None
    with rules_off(model, "news_bios"):
        heads = model.predict(*brands).role
    # every brand the heads call an employer stays one (7 of the 9)
    assert model.predict(*brands).role == heads and heads.count("employer") == 7
