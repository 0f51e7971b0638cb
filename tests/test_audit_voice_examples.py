"""A post to imitate is called "funny and human" only when the humor model is clearly sure:
a probability just over its threshold (the model's F1 is about 0.46) is no joke to copy."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from audit_helpers import FeedBuilder, audit_feed

QUESTION = "Why do candidates ghost after the offer? Our take on the market, my story"
JOKE = "My story: I juggle three offers and a cat 😂"


class UnsureHumorScorer:
    """Hears a person in every post, and humor at 0.55 in the question (just over the 0.5
    threshold, as the shipped model did) and at 0.95 in the joke."""

    thresholds_: Mapping[str, float] = {"job_opening": 0.5, "personality": 0.5, "humor": 0.5}

    def score(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        humor = [0.95 if "juggle" in t else 0.55 if "ghost" in t else 0.0 for t in texts]
        return {
            "job_opening": np.zeros(len(texts)),
            "personality": np.full(len(texts), 0.9),
            "humor": np.array(humor),
            "work_topic": np.ones(len(texts)),
        }


def test_only_a_clearly_funny_post_is_offered_as_funny() -> None:
    feed = FeedBuilder("acme")
    feed.post(QUESTION)
    feed.post(JOKE)
    voice = audit_feed(feed, scorer=UnsureHumorScorer()).pillars["voice"]
    why = {ex.text: ex.why for ex in voice.best}
    assert why == {QUESTION: "sounds like a person", JOKE: "funny and human"}
    # the unsure one still counts in the humor share: only the example's label is stricter
    assert voice.evidence["humor_posts"] == 2


def test_a_post_the_inbox_would_never_offer_is_no_post_to_imitate() -> None:
    # the examples go in a report a consultant hands a client: a partisan rant or an insult,
    # however "human", is no model to copy
    feed = FeedBuilder("acme")
    feed.post("My honest story: Everything went wrong the day the Republicans took the House")
    feed.post("I love my team, but those idiots at the agency next door, what a story")
    feed.post("My story this week: a welder I placed became a site lead, so proud")
    audit = audit_feed(feed)
    shown = [ex.text for name in ("mix", "voice") for ex in audit.pillars[name].best]
    assert shown and all("welder" in text for text in shown)


def test_a_joke_about_a_religion_is_no_post_to_imitate_but_a_work_post_naming_it_is() -> None:
    # a real feed's most "human" posts were riddles about Muslims and Jews; a firm that hires
    # across every faith is never told to copy one, while its post on a work matter stays
    feed = FeedBuilder("acme")
    joke = "My story: What did the Muslim robot say? Salaam, I'll be back."
    work = "My story: we support our Muslim employees during Ramadan with flexible breaks"
    feed.post(joke)
    feed.post(work)
    feed.post("My story this week: a welder I placed became a site lead, so proud")
    audit = audit_feed(feed)
    shown = {ex.text for name in ("mix", "voice") for ex in audit.pillars[name].best}
    assert joke not in shown
    assert work in shown


def test_a_desk_of_canned_replies_shows_the_canned_one_as_holding_it_back() -> None:
    # a help desk that only replies had no post "holding you back" and read "Templated: no
    # original posts to read", as if nothing were wrong with eight copies of one line
    from staffpulse.report.pillar_figures import figures

    feed = FeedBuilder("deskhelp")
    canned = "Please write to our support address and a teammate will look into it."
    for i in range(8):
        feed.post(f"@client{i} {canned}", kind="reply", reply_to_handle=f"client{i}")
    feed.post("@client9 Sorry to hear it, please restart the app.", kind="reply")
    feed.post("@client10 I love that story, thanks for telling us!", kind="reply")
    audit = audit_feed(feed)
    worst = audit.pillars["voice"].worst
    assert worst and canned in worst[0].text
    assert worst[0].why == "a reply sent 8 times, no human voice"
    assert len({w.text.split(" ", 1)[1] for w in worst}) == len(worst)  # each text once
    # the row above the canned reply counts it, where it said "not checked" beside it
    templated = dict(figures(audit)["voice"])["Templated"]
    assert templated == (
        "8 of 10 replies repeat the same text (templates are scored in original posts only)"
    )
    # and the advice is about the replies, not "post one story from your desk"
    advice = audit.pillars["voice"].recommendations[0]
    assert advice.startswith("8 of your 10 replies repeat the same text, and only 1 (10%)")
    assert "sign it with a first name" in advice and "story from your desk" not in advice
    assert advice.headline == "Vary and sign its replies: 8 of 10 replies repeat the same text"


def test_a_desk_of_varied_flat_replies_is_told_to_sound_like_a_person_in_them() -> None:
    from staffpulse.report.pillar_figures import figures

    feed = FeedBuilder("deskvaried")
    for i in range(6):
        feed.post(f"@client{i} Ticket {i} has been logged with code {i * 7}.", kind="reply")
    audit = audit_feed(feed)
    templated = dict(figures(audit)["voice"])["Templated"]
    assert templated.startswith("not checked: only original posts are")
    advice = audit.pillars["voice"].recommendations[0]
    assert advice.startswith("None of your 6 replies sounds like a person.")
    assert "story from your desk" not in advice


def test_a_help_desk_is_given_a_light_moment_that_fits_a_desk() -> None:
    # a care desk has no office dog to post about: its light moment is in a reply
    desk = FeedBuilder("deskcheer")
    for i in range(6):
        desk.post(f"@client{i} Ticket {i} has been logged with code {i * 7}.", kind="reply")
    humor = [a for a in audit_feed(desk).pillars["voice"].recommendations if "funny" in a]
    assert humor and "office dog" not in humor[0]
    assert "let your reply end on a light, warm line" in humor[0]
    firm = FeedBuilder("firmcheer")
    for i in range(6):
        firm.post(f"Quarterly figures {i} for the regional labour market are out.")
    humor = [a for a in audit_feed(firm).pillars["voice"].recommendations if "funny" in a]
    # a moment any working account has: no "office dog" a vendor or a person may not have
    assert humor and "share a light moment from your working week" in humor[0]
    assert "office dog" not in humor[0] and "interview answer" not in humor[0]


def test_a_feed_of_replies_and_one_german_post_is_no_help_desk_to_any_pillar() -> None:
    # Voice counted English originals only and advised it as a desk, while Conversation
    # (every original) told it to share peers' posts: one rule now, every original counts
    feed = FeedBuilder("deskmixed")
    canned = "Please write to our support address and a teammate will look into it."
    for i in range(8):
        feed.post(f"@client{i} {canned}", kind="reply", reply_to_handle=f"client{i}")
    desk = audit_feed(feed).pillars
    assert desk["voice"].recommendations[0].startswith("8 of your 8 replies")
    assert any(
        r.headline.startswith("Pass on status updates")
        for r in desk["conversation"].recommendations
    )
    feed.post("Unser Team ist heute bis achtzehn Uhr für Sie da und hilft gern.", lang="de")
    pillars = audit_feed(feed).pillars
    voice = pillars["voice"]
    # its English replies are still all Voice reads: their repeats are counted and shown
    assert voice.evidence["repeated_replies"] == 8
    assert voice.worst and canned in voice.worst[0].text
    assert voice.recommendations[0].headline == "Sound like a person: none of 8 posts does"
    talk = pillars["conversation"].recommendations
    assert any(r.headline.startswith("Share peers' posts") for r in talk)


# twenty posts in words of their own: no two share a pattern
OWN_WORDS = [
    f"My {thing} story: {twist}"
    for thing, twist in [
        ("Monday", "the coffee machine quit before we did"),
        ("hiring-fair", "a welder brought his own helmet and a cake"),
        ("honest", "I still read every cover letter twice"),
        ("proud", "Dana got promoted to site lead after one year"),
        ("rainy", "three drivers showed up early anyway, legends"),
        ("lunch", "we argued about pineapple pizza for an hour"),
        ("client", "a bakery owner taught our team to fold croissants"),
        ("payroll", "we fixed a missing overtime line within the hour"),
        ("interview", "a candidate asked us the best question of the year"),
        ("Friday", "the whole desk wore orange for no reason at all"),
    ]
]


def test_two_near_copies_in_a_feed_of_its_own_words_hold_nothing_back() -> None:
    # "Templated 2 of 780 (<1%)" sat above "Holding you back: <one of the 2>": a share that
    # Voice gives no advice on shows no template as holding the feed back either
    feed = FeedBuilder("acme")
    for text in OWN_WORDS:
        feed.post(text)
    feed.job(2)
    voice = audit_feed(feed).pillars["voice"]
    assert voice.evidence["templated_posts"] == 2
    assert not any(ex.why.startswith("one of 2 posts on one pattern") for ex in voice.worst)
    assert not any("templates" in str(advice) for advice in voice.recommendations)
    # from the share Voice advises on, the template is shown again
    many = FeedBuilder("acme")
    for text in OWN_WORDS[:4]:
        many.post(text)
    many.job(3)
    worst = audit_feed(many).pillars["voice"].worst
    assert worst and worst[0].why.startswith("one of 3 posts on one pattern")


def test_a_hostile_or_partisan_post_earns_no_voice() -> None:
    # a real rant lifted its account to the top of a cohort: however human it sounds, a post
    # the inbox would leave out as hostile or partisan is no voice a firm should have more of
    plain = FeedBuilder("acme")
    plain.post("My story this week: a welder I placed became a site lead, so proud")
    plain.post("Honest question: what do you love about your team?")
    ranting = FeedBuilder("acme")
    ranting.post("My story this week: a welder I placed became a site lead, so proud")
    ranting.post("Honest question: why are the idiots at the depot still in charge, story?")
    ranting.post("My story: everything went wrong the day the Republicans took the House")
    calm = audit_feed(plain).pillars["voice"]
    rant = audit_feed(ranting).pillars["voice"]
    assert calm.evidence["personality_posts"] == 2
    assert rant.evidence["personality_posts"] == 1  # of 3: only the welder counts
    assert rant.score < calm.score
    assert [ex.text for ex in rant.best] == [ranting.posts[0].text]


def test_a_help_desks_flat_reply_with_a_link_is_told_what_a_human_reply_has() -> None:
    # QA: a care desk's flat replies pointing to a help page read a bare "no human voice"
    desk = FeedBuilder("deskreset", display_name="Acme Support")
    for i in range(5):
        desk.post(
            f"@client{i} Reset steps for case {i * 3} are at https://help.example/r{i}",
            kind="reply",
            reply_to_handle=f"client{i}",
        )
    audit = audit_feed(desk)
    assert audit.kind == "help desk"
    worst = audit.pillars["voice"].worst
    assert worst and all(
        ex.why == "no human voice: a person answering signs with a first name, adds a warm "
        "word or asks a question back"
        for ex in worst
    )


class NoticeScorer:
    """Hears a person more surely in the story (0.94) than in the notice (0.65), and humor in
    the notice at 0.69: over the threshold, not clearly sure."""

    thresholds_: Mapping[str, float] = {"job_opening": 0.5, "personality": 0.5, "humor": 0.5}

    def score(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        notice = np.array(["closed" in t for t in texts])
        return {
            "job_opening": np.zeros(len(texts)),
            "personality": np.where(notice, 0.65, 0.94),
            "humor": np.where(notice, 0.69, 0.36),
            "work_topic": np.ones(len(texts)),
        }


def test_a_notice_half_read_as_funny_does_not_lead_a_story_to_imitate() -> None:
    # QA: "Reminder: our office is closed Monday" was held up before a story of a recruiter's
    # week, for a humor score the label itself calls no joke
    feed = FeedBuilder("acme")
    feed.post("Our recruiter Mara placed four welders this week and we could not be prouder")
    feed.post("Reminder: the Elm Street office is closed on Friday for the move")
    voice = audit_feed(feed, scorer=NoticeScorer()).pillars["voice"]
    assert [ex.text[:9] for ex in voice.best] == ["Our recru"]


def test_a_notice_is_no_post_to_imitate_even_when_little_else_is_left() -> None:
    # QA: an office's closing day was the second of two posts "to imitate": none is better
    feed = FeedBuilder("acme")
    feed.post("Reminder: the Elm Street office is closed on Friday for the move")
    feed.post("Please note - our Dover branch will be closed all of next week")
    feed.post("Our Dover office is closed this Thursday, see you all on Friday")
    voice = audit_feed(feed, scorer=NoticeScorer()).pillars["voice"]
    assert voice.best == []
    assert voice.evidence["personality_posts"] == 3  # still counted: only the example goes


def test_a_post_with_a_voice_is_no_notice_whatever_it_opens_with() -> None:
    # review s40: a thought under "Reminder:" and a closed office said with pride were read as
    # notices and never offered; a notice announces (a closing, a day, an hour) with no voice
    feed = FeedBuilder("acme")
    feed.post("Reminder: a cover letter is a conversation. It took me years to see it that way")
    feed.post("We are closed on Friday for our paint-a-school day, so proud of these people!")
    feed.post("Important: nobody checks the spelling of your name on a badge twice")
    feed.post("Reminder: payroll forms are due on Thursday by 3pm")
    voice = audit_feed(feed, scorer=NoticeScorer()).pillars["voice"]
    offered = {ex.text[:12] for ex in voice.best}
    assert "Reminder: a " in offered and "We are close" in offered
    assert "Reminder: pa" not in offered
