"""Which posts of a candidate cross the line for Connect (staffpulse.connect.crossing): the
audit's test of hostile, NSFW and party politics, but for news explained to the trade.
Hand-written texts."""

from __future__ import annotations

from connect_fixtures import add_posts, build_store, make_post, rank_with_fakes
from staffpulse.connect.crossing import count_crossing, crosses_for_connect
from staffpulse.connect.reasons import CROSSES_LINE

# news of a government's act, explained to recruiters, employers, HR or a business
LAW_NEWS = [
    "Biden signs bill on noncompete clauses: what it means for recruiters",
    "Trump executive order on H-1B visas: what employers should do",
    "Senate Republicans block the overtime rule: what HR teams should know",
    "Democrats propose paid leave expansion, here is what it means for small employers",
    "The Labour government raises the minimum wage in April: what payroll teams need to do",
    "Conservative budget changes sick pay rules. What small businesses must do by June",
    "New GOP bill on gig workers: what staffing agencies need to know",
    "Obama-era salary threshold struck down. What it means for your business",
]
# and posts that cross no line at all
PLAIN = [
    "Placed two welders this week, proud of this team",
    "Tip: keep your resume to two pages, recruiters skim",
    "What employers should do before the holiday rush: plan shifts early",
    "Our Friday quiz: what is the oddest interview question you were asked?",
    "Candidates: send a thank-you note, it still matters",
    "Night shift crew, thank you for covering the storm week",
    "Hiring a forklift driver in Dayton, days, good pay",
]
# partisan opinion, hostility and NSFW: they still count, explained or not
CROSSING = [
    "I think anyone who votes Republican is a traitor to this country.",
    "I think the GOP has lost its mind.",
    "The other side are vermin, there I said it",
    "Everything went wrong the day the Republicans took the House",
    "Tory hypocrisy on wages again",
    "Vote Labour on Thursday, our future depends on it",
    "Democrats are destroying this country",
    "Trump is the worst president ever",
    "Biden is a disaster. This tells you all you need to know.",
    "Shut up, you absolute idiot. What recruiters should know is you know nothing.",
    "#MAGA all the way",
]


def test_news_explained_to_the_trade_is_no_side_taken() -> None:
    """Review s40: a recruiter whose posts explain employment law names presidents and
    parties; two such posts in ten left her out of Connect as posting party politics."""
    for text in LAW_NEWS + PLAIN:
        assert not crosses_for_connect(text), text
    for text in CROSSING:
        assert crosses_for_connect(text), text
    assert count_crossing((*LAW_NEWS[:2], CROSSING[0])) == 1


def test_a_recruiter_sharing_law_news_is_still_suggested() -> None:
    store = build_store()
    texts = LAW_NEWS[:4] + PLAIN[:6]
    add_posts(store, *(make_post(f"h{i}", "hannah_hr", 1 + i / 10, t) for i, t in enumerate(texts)))
    report = rank_with_fakes(store, role="hr_pro")  # any --role: a broadcast-only one too
    assert "hannah_hr" in [s.handle for s in report.suggestions]
    assert CROSSES_LINE not in report.excluded
