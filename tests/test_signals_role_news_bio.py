"""A newspaper, a news site, a podcast or a blog is no employer (stop 36). Hand-written
accounts."""

from __future__ import annotations

import pytest

from role_helpers import rules_off
from staffpulse.signals.role_news_bio import names_a_news_outlet
from staffpulse.signals.roles import load_role_model

OUTLETS = [
    ("ElmshireGazette", "The official newspaper of Elmshire since 1921. Visit our website."),
    ("ValeDaily", "Vale Daily is a regional news site. We cover what happens in the Vale."),
    ("ShopTalkShow", "The podcast where two shopkeepers swap stories of the trade."),
    ("HarbourWatch", "The politics blog run by the Harbour Times: who holds power and how."),
]
BRANDS = [
    ("ElmshireCouncil", "Elmshire Council: notices, bin days and roadworks. Call us for repairs."),
    ("BlueHarborCoffee", "Specialty coffee roasters. Join our mailing list for roasting news."),
    ("TalentCast", "A podcast for recruiters: sourcing tips every Monday."),
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
    assert model.predict([BRANDS[0][0]], [BRANDS[0][1]], None).role == ["employer"]
