"""The wording of Voice's advice, headlines and notes (staffpulse.audit.voice, voice_tips):
shares rounded as the figures beside them, one, both, neither and none said in plain English,
the humor hint on a small feed, templates named for what they are, posts not in English."""

from __future__ import annotations

from audit_helpers import FeedBuilder, audit_feed
from staffpulse.audit.advice import top_actions
from staffpulse.audit.config import DEFAULTS
from staffpulse.audit.types import Tentative
from staffpulse.audit.voice_tips import humor_advice


def test_the_advice_rounds_a_share_as_the_table_beside_it_does() -> None:
    # 5 of 8 funny posts: the table said 63% and the advice "62% read as funny" (Python's
    # round sends halves to even); both round halves up now
    from staffpulse.report.rounding import pct

    feed = FeedBuilder("admin")
    for i in range(5):
        feed.post(f"My story {'abcde'[i]}: I juggle tennis balls at lunch lol")
    for i in range(3):
        feed.post(f"Honest question {'xyz'[i]}: what do you love about your team?")
    voice = audit_feed(feed).pillars["voice"]
    assert voice.evidence["humor_share"] == 0.625
    assert pct(voice.evidence["humor_share"]) == "63%"
    assert "and 63% read as funny" in voice.recommendations[0]


def _voice_evidence(**changes: object) -> dict[str, object]:
    ev: dict[str, object] = {
        "posts_scored": 22,
        "personality_posts": 1,
        "personality_share": 1 / 22,
        "humor_posts": 0,
        "humor_share": 0.0,
        "templated_share": 0.0,
        "template_families": [],
    }
    return ev | changes


def test_one_post_that_sounds_like_a_person_is_said_in_the_singular_in_advice_and_headline() -> (
    None
):
    from staffpulse.audit.voice import _voice_advice

    one = _voice_advice(_voice_evidence(), DEFAULTS)
    assert one[0].startswith("Only 1 of 22 posts (5%) sounds like a person.")
    assert getattr(one[0], "headline", None) == "Sound like a person: only 1 of 22 posts does"
    two = _voice_advice(_voice_evidence(personality_posts=2, personality_share=2 / 22), DEFAULTS)
    assert two[0].startswith("Only 2 of 22 posts (9%) sound like a person.")
    assert getattr(two[0], "headline", None) == "Sound like a person: only 2 of 22 posts do"
    none = _voice_advice(_voice_evidence(personality_posts=0, personality_share=0.0), DEFAULTS)
    assert getattr(none[0], "headline", None) == "Sound like a person: none of 22 posts does"
    # the humor hint's headline counts as the hint does; the hint goes after what was seen
    assert (
        getattr(one[1], "headline", None) == "Add some humor: none of its 22 posts reads as funny"
    )
    assert isinstance(one[1], Tentative) and not isinstance(one[0], Tentative)


def test_templates_are_headlined_with_their_share() -> None:
    from staffpulse.audit.voice import _voice_advice

    advice = _voice_advice(
        _voice_evidence(templated_share=0.8, template_families=[{"size": 9}]), DEFAULTS
    )
    assert advice[0].startswith("80% of your posts are near-copies of the same few templates.")
    assert (
        getattr(advice[0], "headline", None)
        == "Stop posting templates: 80% of posts are near-copies"
    )


def test_a_share_short_of_all_is_never_said_as_100_percent() -> None:
    # a 20,000-post feed read "Templated 19,967 of 20,000 original posts (>99%)" beside the
    # advice "100% of your posts are near-copies of the same few templates"
    feed = FeedBuilder("acme")
    feed.job(300)
    feed.chat(1)
    voice = audit_feed(feed).pillars["voice"]
    assert 0.995 <= voice.evidence["templated_share"] < 1
    advice = " ".join(voice.recommendations)
    assert ">99% of your posts are near-copies" in advice and "100%" not in advice


def test_a_two_post_feed_reads_both_or_neither() -> None:
    # "All 2 of your posts are reposts" and "None of your 2 posts sound like a person"
    reposts = FeedBuilder("sharer")
    for i in range(2):
        reposts.post(f"RT a good read {i}", kind="repost", reposted_post_id=f"r{i}")
    voice = audit_feed(reposts).pillars["voice"]
    assert voice.recommendations[0].startswith("Both your posts are reposts of others: write")
    assert voice.recommendations[0].headline == "Write its own posts: both its posts are reposts"
    ads = FeedBuilder("ads")
    ads.post("Forklift operator wanted in Dayton, nights. Apply: https://j.example/1")
    ads.post("Payroll clerk needed in Toledo, full time. Send your CV")
    advice = audit_feed(ads).pillars["voice"].recommendations
    assert advice[0].startswith("Neither of your 2 posts sounds like a person. This week")
    assert advice[0].headline == "Sound like a person: neither of 2 posts does"


def test_the_humor_hint_on_one_or_two_posts_speaks_of_them_not_of_few_posts() -> None:
    # "We found few posts that read as light or funny (0 of 1 post ...)" of a single post
    for n, said, headline in (
        (1, "in your one post", "nothing in its one post reads as funny"),
        (2, "in your 2 posts", "nothing in its 2 posts reads as funny"),
    ):
        feed = FeedBuilder("rosa")
        feed.chat(n)
        voice = audit_feed(feed).pillars["voice"]
        humor = next(r for r in voice.recommendations if "light or funny" in r)
        assert humor.startswith(f"We found nothing light or funny {said} (our humor detector")
        assert "read this as a hint" in humor and "few posts" not in humor
        assert humor.headline == f"Add some humor: {headline}"


def test_the_humor_hint_on_a_small_feed_counts_its_posts_in_plain_words() -> None:
    # "We found few posts that read as light or funny (0 of 5 posts; ..." of a 5-post feed
    feed = FeedBuilder("rosa")
    feed.chat(5)
    voice = audit_feed(feed).pillars["voice"]
    humor = next(r for r in voice.recommendations if "light or funny" in r)
    assert humor.startswith("None of your 5 posts reads as light or funny (our humor detector")
    assert "few posts" not in humor and "read this as a hint" in humor
    assert humor.headline == "Add some humor: none of its 5 posts reads as funny"


def test_the_humor_hint_on_a_small_feed_with_one_funny_post_says_only_one() -> None:
    hint = humor_advice(6, 1)
    assert hint.startswith("Only 1 of your 6 posts reads as light or funny (our humor detector")
    assert hint.headline == "Add some humor: only 1 of its 6 posts reads as funny"
    # a larger feed keeps its wording
    assert humor_advice(40, 2).startswith("We found few posts that read as light or funny (2 of")


def test_the_template_advice_names_the_original_posts_its_share_is_of() -> None:
    # 6 job ads of one pattern, 4 replies and 10 reposts read "100% of your posts are
    # near-copies" beside the figure "6 of 6 original posts": 6 of 20 posts are
    feed = FeedBuilder("rosa")
    feed.job(6)
    feed.reply("sam", 4)
    for i in range(10):
        feed.post(f"RT @sam: shift news {i}", kind="repost")
    advice = audit_feed(feed).pillars["voice"].recommendations[0]
    assert advice.startswith("100% of your original posts are near-copies of the same few")
    assert advice.headline == "Stop posting templates: 100% of original posts are near-copies"
    # a feed of original posts only keeps "your posts"
    only = FeedBuilder("rosa")
    only.job(30)
    assert (
        audit_feed(only)
        .pillars["voice"]
        .recommendations[0]
        .startswith("100% of your posts are near-copies")
    )


def test_a_few_posts_are_called_rough_in_english_only_beside_others() -> None:
    # a feed all in English read "only 3 posts in English to judge", as if some were not
    feed = FeedBuilder("rosa")
    feed.chat(3)
    assert "only 3 posts to judge: the shares are rough" in audit_feed(feed).pillars["voice"].notes
    feed.post("Wir haben heute unser Sommerfest im Lager gefeiert, danke an alle!", lang="de")
    notes = audit_feed(feed).pillars["voice"].notes
    assert "only 3 posts in English to judge: the shares are rough" in notes


def test_the_note_on_posts_not_in_english_names_them_as_the_figure_does() -> None:
    # "99 of 1,343 posts are not in English" beside the figure "99 of 1,343 posts you wrote"
    # and a header of 1,986 posts read as two different counts
    feed = FeedBuilder("rosa")
    feed.chat(8)
    feed.post("Wir haben heute unser Sommerfest im Lager gefeiert, danke an alle!", lang="de")
    for i in range(3):
        feed.post(f"RT @sam: plant news {i}", kind="repost")
    voice = audit_feed(feed).pillars["voice"]
    assert voice.notes[0] == (
        "1 of 9 posts you wrote is not in English and was left out: staffpulse reads English only"
    )


def test_templates_that_are_no_job_ads_are_not_told_about_the_manager() -> None:
    # a vendor's release notes on one pattern were told to add "who the manager is, why the
    # job is good"
    feed = FeedBuilder("schedulr")
    for i in range(10):
        feed.post(f"Release 4.{i} of our shift planner is out: notes at https://n.example/{i}")
    voice = audit_feed(feed).pillars["voice"]
    advice = " ".join(voice.recommendations)
    assert "near-copies of the same few templates" in advice
    assert "(what you think of it, whom it helps)" in advice
    assert "who the manager is" not in advice
    ads = FeedBuilder("adfeed")
    ads.job(10)
    assert "(who the manager is, why the job is good)" in " ".join(
        audit_feed(ads).pillars["voice"].recommendations
    )


def test_a_desk_whose_canned_replies_sound_human_is_still_told_of_them_for_no_points() -> None:
    # a real league table told one desk to "vary and sign its replies" (35 of 56 repeated)
    # and the desk beside it, as canned (62 of 101) but above Voice's target, nothing
    bio = "Help with our desk lamps, 8am to 8pm on weekdays, answered by Mira and Tom"
    desk = FeedBuilder("lampfixdesk", display_name="Lampfix Help", bio=bio)
    for who in ("ana", "ben", "cleo", "dev"):
        desk.post(
            f"@{who} Could you DM us the lamp's serial number?",
            kind="reply",
            reply_to_handle=who,
            mentions=(who,),
        )
    desk.post(
        "@eli I love that you tried the reset first! Did it blink?",
        kind="reply",
        reply_to_handle="eli",
        mentions=("eli",),
    )
    result = audit_feed(desk)
    said = " ".join(result.pillars["voice"].recommendations)
    assert "4 of your 5 replies repeat the same text, and 5 (100%) sound like a person." in said
    assert "only 5" not in said
    # the score has nothing to win from it (its replies already sound human): no points shown
    every = top_actions(result.pillars, DEFAULTS["weights"], limit=10)
    canned = [a for a in every if "repeat the same text" in a["action"]]
    assert canned and not canned[0]["points"]
