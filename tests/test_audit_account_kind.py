"""An account that says it is an automated feed of jobs (staffpulse.audit.account_kind) is
graded as any account, with advice a job feed can act on and a header that says why."""

from __future__ import annotations

import re

from audit_helpers import LOGO, FeedBuilder, audit_feed
from staffpulse.audit.account_kind import FEED_TIP_EXAMPLE, AccountKind, is_job_feed
from staffpulse.signals.text import load_text_signals

FEED_BIO = "Automated feed of job openings around Springfield. This inbox is unattended."


def _ads(feed: FeedBuilder) -> FeedBuilder:
    for i in range(14):
        feed.post(f"Now hiring: picker #{i} at Elm Street Depot, apply at https://j.example/{i}")
    return feed


def _advice(audit: object) -> str:
    pillars = audit.pillars.values()  # type: ignore[attr-defined]
    return " ".join(str(r) for pillar in pillars for r in pillar.recommendations)


def test_a_job_feed_is_told_what_a_feed_can_do_not_what_a_firm_would() -> None:
    feed = _ads(FeedBuilder("springjobs", display_name="Springfield Jobs Now", bio=FEED_BIO))
    assert is_job_feed(feed.account())
    audit = audit_feed(feed, avatar=LOGO)
    advice = _advice(audit)
    for firm_only in (
        "Rosa at",
        "Rewrite each one in your own words",
        "answering recruiters",
        "office dog",
        "Alternate each job post",
        "Bundle openings",
    ):
        assert firm_only not in advice
    assert "A job feed's openings are its product: make each one worth reading" in advice
    assert "Say in your bio who runs it and where to ask about a listing" in advice
    assert audit.caution and "says it is an automated feed of jobs" in audit.caution
    headlines = [a["headline"] for a in audit.top_actions]
    assert any(h.startswith("Make each ad worth reading: all 14") for h in headlines)


def test_a_firm_posting_the_same_ads_keeps_a_firms_advice() -> None:
    firm = _ads(FeedBuilder("elmstaff", display_name="Elm Staffing", bio="We place pickers."))
    assert not is_job_feed(firm.account())
    audit = audit_feed(firm, avatar=LOGO)
    advice = _advice(audit)
    assert "Alternate each job post with a tip, a story or a question" in advice
    assert "says it is an automated feed" not in (audit.caution or "")


def _quieted_feed() -> FeedBuilder:
    """A job feed of 14 openings, then 10 posts for job seekers, asked about listings 4 times
    and answering none."""
    feed = _ads(FeedBuilder("springjobs", display_name="Springfield Jobs Now", bio=FEED_BIO))
    for i in range(10):
        feed.post(f"Tip {i} for job seekers: which shoes do you wear for a long shift?")
    for i in range(4):
        feed.mention_by(f"seeker{i}", answered=False)
    return feed


def test_a_job_feed_keeping_ads_down_and_not_answering_is_told_what_a_feed_can_do() -> None:
    # it was told to "go on alternating each job post" and to "check your notifications every
    # morning", beside a bio that says no one reads them
    audit = audit_feed(_quieted_feed(), avatar=LOGO)
    headlines = [
        r.headline for p in audit.pillars.values() for r in p.recommendations if r.headline
    ]
    assert any(h.startswith("Keep job ads down") for h in headlines)
    assert any(h.startswith("Answer mentions: none of the 4") for h in headlines)
    advice = _advice(audit)
    assert "go on alternating each job post" not in advice
    assert "Check your notifications every morning" not in advice
    assert "keep it so, with one post a week among the openings that helps job seekers" in advice
    assert "People who tag a job feed are asking about a listing: answer them once a day" in advice


def _headlines(audit: object) -> list[str]:
    pillars = audit.pillars.values()  # type: ignore[attr-defined]
    return [r.headline for p in pillars for r in p.recommendations if r.headline]


def test_no_headline_a_job_feed_gets_is_a_firms() -> None:
    # the feed's advice was once fitted afterwards by its headline's first words: a headline
    # renamed in its pillar's module reached feeds unfitted, and no test said so
    for feed, avatar in (
        (_ads(FeedBuilder("springjobs", display_name="Springfield Jobs Now", bio=FEED_BIO)), LOGO),
        (_quieted_feed(), None),
    ):
        headlines = _headlines(audit_feed(feed, avatar=avatar))
        assert len(headlines) >= 4
        firm_only = (
            "Post fewer job ads",
            "Bundle openings",
            "Break up runs",
            "Stop posting templates",
            "Talk with more people",
            "Put a person's name",
        )
        assert [h for h in headlines if h.startswith(firm_only)] == []


def test_a_job_feed_with_only_humor_to_fix_still_hears_it() -> None:
    # a pillar whose every piece fits no feed keeps them: better than no advice at all
    feed = FeedBuilder("springjobs", display_name="Springfield Jobs Now", bio=FEED_BIO)
    for text in (
        "I read every question about night shifts myself, so ask away?",
        "My honest take: steel toe boots are worth the money on day one.",
        "We stopped listing roles without pay this spring, and I am proud of it.",
        "Which bus line gets you to the north depot before six?",
        "I once walked the whole east yard looking for gate four.",
        "My favourite part of Mondays is the list of new warehouses near the river.",
        "Honest question for pickers: scanners or paper lists?",
        "I love hearing which interview went well, tell me below?",
        "Our story started with a spreadsheet on a kitchen table in 2019.",
        "My advice before a forklift test: sleep, water, and a steady breakfast.",
        "Do you want the weekly digest earlier on Fridays?",
        "I asked three foremen what they look for first, and all said punctuality.",
    ):
        feed.post(text)
    voice = audit_feed(feed, avatar=LOGO).pillars["voice"].recommendations
    assert [r.headline for r in voice if r.headline] == [
        "Add some humor: none of its 12 posts reads as funny"
    ]


def _chatty_person(name: str) -> FeedBuilder:
    """Replies to friends only, no post of her own: the shape of a help desk's feed."""
    person = FeedBuilder("linnea", display_name=name, bio="Reading, running, too much tea.")
    for i in range(5):
        person.reply(f"friend{i}")
    return person


def test_a_person_who_only_replies_is_no_help_desk() -> None:
    # a woman whose 4 posts were replies to friends was told to "find posts about your
    # service that do not tag you" and to lighten her replies "when a customer's problem is
    # solved", as a brand's care desk
    for name in ("Linnea Marsh", "Erik"):
        audit = audit_feed(_chatty_person(name))
        assert audit.kind == AccountKind.PERSON
        advice = _advice(audit)
        assert "your service" not in advice
        assert "customer" not in advice
    # the same feed under a brand's name is a desk, advised as one
    desk = audit_feed(_chatty_person("Marsh Help"))
    assert desk.kind == AccountKind.HELP_DESK
    assert "find posts about your service" in _advice(desk)


def test_an_institution_is_told_to_talk_with_its_peers_not_recruiters() -> None:
    # a training institute for librarians was told to spend 10 minutes a day "answering
    # recruiters, candidates and HR people in your niche"
    school = FeedBuilder("maplelib", display_name="Maple County Library Association", bio="")
    for i in range(12):
        school.post(f"Workshop {i} on cataloguing rare maps opens for sign-ups next month.")
    audit = audit_feed(school, avatar=LOGO)
    assert audit.kind == AccountKind.INSTITUTION
    advice = _advice(audit)
    assert "answering the people you serve and your peers in your field" in advice
    assert "recruiters" not in advice
    assert "candidates" not in advice


def test_a_profile_naming_a_jobs_feed_whose_posts_are_no_ads_is_advised_as_any_account() -> None:
    # a media brand's bio listed a feed of jobs beside its courses and news; its
    # one post, a tip, read "says it is an automated feed of jobs" and "add a tip among the ads"
    feed = FeedBuilder("craftdesk", display_name="Craft Desk", bio=FEED_BIO)
    feed.post("Three things to cut from your cover letter before you send it: a short guide")
    audit = audit_feed(feed, avatar=LOGO)
    assert audit.kind is not AccountKind.JOB_FEED
    assert not audit.caution or "automated feed of jobs" not in audit.caution
    assert "among the ads" not in _advice(audit)
    # the same profile posting ads is still a feed
    assert audit_feed(_ads(FeedBuilder("craftads", bio=FEED_BIO))).kind is AccountKind.JOB_FEED


def test_the_tip_a_job_feeds_advice_gives_as_its_example_reads_as_a_person() -> None:
    # a tip written as a headline and a link reads as a broadcast to the personality model, so
    # a post a week of it would not count as a human one: the advice's example must read so
    feed = _ads(FeedBuilder("springjobs", display_name="Springfield Jobs Now", bio=FEED_BIO))
    advice = _advice(audit_feed(feed, avatar=LOGO))
    assert "in your own words rather than a headline and a link: a tip (" in advice
    examples = re.findall(r'a tip \("([^"]+)"\)', advice)
    assert examples == [FEED_TIP_EXAMPLE]
    headline_tip = "Tip for job seekers: tailor your resume https://x.example/t"
    model = load_text_signals()
    scores = model.score([*examples, headline_tip], signals=("personality",))["personality"]
    assert scores[0] >= model.thresholds_["personality"] > scores[1]
