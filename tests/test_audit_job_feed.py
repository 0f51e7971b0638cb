"""An account that says it is an automated feed of jobs (staffpulse.audit.job_feed) is graded
as any account, with advice a job feed can act on and a header that says why."""

from __future__ import annotations

from audit_helpers import LOGO, FeedBuilder, audit_feed
from staffpulse.audit.job_feed import is_job_feed

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
