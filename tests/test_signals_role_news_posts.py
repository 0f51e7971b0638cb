"""An account whose posts are mostly headlines with links is a news outlet, not an employer
(staffpulse.signals.role_news_posts). Hand-written accounts."""

from __future__ import annotations

from role_helpers import rules_off
from staffpulse.signals.role_news_posts import posts_mostly_headlines, reads_as_a_headline
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
