"""An account whose posts are mostly headlines with links is a news outlet, not an employer
(staffpulse.signals.role_news_posts). Hand-written accounts."""

from __future__ import annotations

from role_helpers import rules_off
from staffpulse.signals.role_news_posts import (
    bio_says_it_hires,
    posts_mostly_headlines,
    reads_as_a_headline,
)
from staffpulse.signals.roles import load_role_model

HEADLINES = [
    "Council approves new bridge budget after long debate https://t.co/abc123",
    "Storm leaves 3,000 homes without power in the valley https://example.com/a",
    "RT @citydesk: School board names new superintendent https://example.com/b",
    "Local bakery wins regional award for its sourdough https://example.com/c",
]
# a brand speaking of its own work, to "you", a job ad, a post with no link
BRAND = [
    "We're open late this Friday! https://example.com/x",
    "5 ways to get your CV read https://example.com/y",
    "Our new spring menu is here https://example.com/z",
    "Thanks to everyone who came to the launch party",
]
NAME, BIO = "Rivertown Post", "The official Twitter of rivertownpost.com. We cover the river towns."


def test_a_headline_has_a_link_and_no_one_speaking() -> None:
    for post in HEADLINES:
        assert reads_as_a_headline(post), post
    for post in [*BRAND, "@citydesk thanks for the story https://example.com/d"]:
        assert not reads_as_a_headline(post), post


def test_mostly_headlines_takes_three_and_two_thirds_of_the_posts() -> None:
    assert posts_mostly_headlines(HEADLINES)
    assert not posts_mostly_headlines(HEADLINES[:2])  # two shared links are no habit
    assert not posts_mostly_headlines(HEADLINES[0])  # nor is one post
    assert not posts_mostly_headlines(HEADLINES[:3] + BRAND[:2])  # 3 of 5
    assert posts_mostly_headlines(HEADLINES + BRAND[:2])  # 4 of 6
    assert not posts_mostly_headlines(BRAND)


def test_a_news_site_whose_bio_says_no_news_is_other_by_its_headlines() -> None:
    """Review s40: "The official Twitter of <a web address>" over a run of headlines was an
    employer, which Connect keeps; the same bio over a brand's own posts stays one."""
    model = load_role_model()
    assert model.predict([NAME], [BIO], None).role == ["employer"]
    with rules_off(model, "news_bios"):
        assert model.predict([NAME], [BIO], [HEADLINES]).role == ["employer"]
    out = model.predict([NAME, NAME], [BIO, BIO], [HEADLINES, BRAND])
    assert out.role == ["other", "employer"]
    assert out.kind == ["org", "org"]


def test_a_bio_that_says_it_hires_keeps_an_employer_over_its_headlines() -> None:
    """Verifier s40 (NEW-5): a hospital hiring nurses whose posts were mostly its press
    headlines was tagged other, and Connect left it out as outside hiring."""
    name = "Lakeside County Hospital"
    bios = [
        "Regional hospital on the lake. We are hiring nurses and porters, apply online",
        "Regional hospital on the lake. Join our team of carers",
        "Regional hospital on the lake. Serving the county since 1921",
    ]
    assert bio_says_it_hires(bios[0]) and bio_says_it_hires(bios[1])
    assert not bio_says_it_hires(bios[2]) and not bio_says_it_hires(BIO)
    assert not bio_says_it_hires(None)
    out = load_role_model().predict([name] * 3, bios, [HEADLINES] * 3)
    assert out.role[:2] == ["employer", "employer"]
    assert out.role[2] == "other"  # nothing says employer: its headlines make it news
