"""The Mix pillar on feeds in other languages: not scored when most posts are not in English,
German, Spanish and French job ads counted by their wording, a few other posts left out."""

from __future__ import annotations

from audit_helpers import FeedBuilder, audit_feed, first_advice

GERMAN_AD = "Wir suchen ab sofort einen Staplerfahrer (m/w/d) in Vollzeit. Jetzt bewerben! #{i}"


def test_a_feed_mostly_not_in_english_is_not_scored_rather_than_called_healthy() -> None:
    feed = FeedBuilder("euro_staff")
    for i in range(12):
        feed.post(GERMAN_AD.format(i=i), lang="de")  # job ads the English model cannot see
    feed.chat(2)
    mix = audit_feed(feed).pillars["mix"]
    assert not mix.scored and mix.score is None
    # counted as the partial note counts ("2 of 10 original posts"), not a bare "(12 of 14)"
    assert mix.notes[0].startswith("most posts are not in English (12 of 14 original posts): ")
    assert "English only" in mix.notes[0]
    assert mix.recommendations[0].startswith("Most of your posts are not in English")
    assert not any("healthy mix" in advice for advice in mix.recommendations)
    assert mix.best == [] and mix.evidence["not_english"] == 12
    # a real feed of 8 posts not in English and 2 in English also read "only 2 original
    # posts in English in the window: the share is rough" of a share it did not score
    assert not any("rough" in note for note in mix.notes)


GERMAN_CHAT = "Wir haben heute unser Sommerfest gefeiert, danke an alle! #{i}"


def test_a_feed_mostly_not_in_english_is_told_the_job_ads_its_wording_shows() -> None:
    # a German firm with 5 ads in 12 posts was only told to check its feed itself
    feed = FeedBuilder("koeln_staff")
    for i in range(5):
        feed.post(GERMAN_AD.format(i=i), lang="de")
    for i in range(7):
        feed.post(GERMAN_CHAT.format(i=i), lang="de")
    mix = audit_feed(feed).pillars["mix"]
    assert not mix.scored
    assert mix.recommendations[0].endswith(
        "Their wording alone marks at least 5 of your 12 original posts as job ads (42%)."
    )
    chat = FeedBuilder("koeln_chat")
    for i in range(7):
        chat.post(GERMAN_CHAT.format(i=i), lang="de")
    advice = audit_feed(chat).pillars["mix"].recommendations[0]
    assert advice.endswith("no more than one post in three should be a job ad.")


def test_a_few_posts_in_another_language_are_left_out_and_said() -> None:
    feed = FeedBuilder("acme")
    feed.job(4)
    feed.chat(4)
    for i in range(2):
        feed.post(GERMAN_CHAT.format(i=i))  # no stored language: the words tell
    mix = audit_feed(feed).pillars["mix"]
    assert mix.scored
    assert mix.evidence["original_posts"] == 8 and mix.evidence["job_share"] == 0.5
    assert mix.evidence["not_english"] == 2
    assert mix.notes[0] == (
        "2 of 10 original posts are not in English and were left out: staffpulse reads English only"
    )


def test_german_spanish_and_french_job_ads_count_as_job_ads() -> None:
    # the English model misses them; their wording tells, so they are no longer left out
    feed = FeedBuilder("acme")
    feed.job(2)
    feed.chat(4)
    feed.post(GERMAN_AD.format(i=1))
    feed.post("Estamos contratando: operarios en Monterrey, turno nocturno. Envía tu CV")
    feed.post(GERMAN_CHAT.format(i=2))
    result = audit_feed(feed)
    mix = result.pillars["mix"]
    # the content-mix chart agrees
    assert [(row["job_ads"], row["not_english"]) for row in result.timeline] == [(4, 1)]
    assert mix.scored
    assert mix.evidence["original_posts"] == 8 and mix.evidence["job_ads"] == 4
    assert mix.evidence["not_english"] == 1 and mix.evidence["job_ads_not_english"] == 2
    assert mix.notes[:2] == [
        "1 of 9 original posts is not in English and was left out: staffpulse reads English only",
        "2 posts not in English are job ads by their wording (German, Spanish or French) and "
        "counted in the share",
    ]


def test_the_advice_counts_original_posts_in_english_when_others_were_left_out() -> None:
    # a real feed of 4 original posts, 2 in Korean, was told "Neither of your 2 original
    # posts is a job ad": it has 4
    feed = FeedBuilder("duo")
    feed.chat(2)
    for i in range(2):
        feed.post(GERMAN_CHAT.format(i=i))
    assert first_advice(feed, "mix").startswith(
        "Neither of your 2 original posts in English is a job ad: a healthy mix."
    )
    ads = FeedBuilder("ads")
    ads.job(1)
    ads.post(GERMAN_CHAT.format(i=0))
    assert first_advice(ads, "mix").startswith("Your only original post in English is a job ad.")
    english = FeedBuilder("plain")
    english.chat(2)
    assert first_advice(english, "mix").startswith("Neither of your 2 original posts is a job ad")


def test_the_advice_on_the_last_posts_says_they_are_the_last_in_english() -> None:
    # the last 10 counted are the last 10 in English: a feed whose newest posts are in
    # German was told of "your last 10 posts" it could not match with its feed
    ads = FeedBuilder("ads")
    ads.chat(2)
    ads.job(12)
    for i in range(2):
        ads.post(GERMAN_CHAT.format(i=i))
    assert first_advice(ads, "mix").startswith(
        "All of your last 10 posts in English were job ads (86% overall)."
    )
    mended = FeedBuilder("mended")
    mended.job(30)
    mended.chat(12)
    for i in range(2):
        mended.post(GERMAN_CHAT.format(i=i))
    assert first_advice(mended, "mix").startswith(
        "71% of your posts in English are job ads, but none of your last 10: keep it so"
    )


def test_a_feed_with_no_post_in_english_is_not_told_most_of_its_posts() -> None:
    # a real one-post account read "Most of your posts are not in English" and "most posts
    # are not in English (1 of 1)"
    one = FeedBuilder("solo")
    one.post(GERMAN_CHAT.format(i=0))
    voice = audit_feed(one).pillars["voice"]
    assert voice.notes[0].startswith("the one post is not in English: staffpulse")
    assert voice.recommendations[0].startswith(
        "Your one post is not in English, and staffpulse reads English only, so it cannot "
        "judge it here. Check it yourself: at least one post in three"
    )
    three = FeedBuilder("drei")
    for i in range(3):
        three.post(GERMAN_CHAT.format(i=i))
    mix = audit_feed(three).pillars["mix"]
    assert mix.notes[0].startswith("none of the 3 original posts is in English: ")
    assert mix.recommendations[0].startswith("None of your 3 posts is in English, and")
    two = FeedBuilder("zwei")
    for i in range(2):
        two.post(GERMAN_CHAT.format(i=i))
    voice = audit_feed(two).pillars["voice"]
    assert voice.notes[0].startswith("neither of the 2 posts is in English: ")
    assert voice.recommendations[0].startswith(
        "Neither of your 2 posts is in English, and staffpulse reads English only, so it "
        "cannot judge them here. Check them yourself:"
    )
