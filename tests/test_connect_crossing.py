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


# review s40 (B3): law news written up for the trade in other words than "what it means for"
NEWS_FOR_THE_TRADE = [
    "Brexit changed how EU workers are hired in the UK. Here's our guide for employers.",
    "Trump signs executive order on apprenticeships. Our summary for HR teams:",
    "Tory budget raises employer NI contributions. Here's how to plan your hiring.",
    "Senate Republicans blocked the wage bill again. Employers, here is what stays the same.",
    "Trump's tariffs explained for logistics employers: what changes for your warehouse staffing",
    "GOP overtime bill: what employers need to know. Our guide won an award, #VoteForUs!",
    "The Democrats' paid leave bill passed the House: how it affects small businesses",
]
# what an ordinary recruiter or HR account posts that names voting, unions, laws or a swear
ORDINARY = [
    "Reminder to our whole team: Tuesday is Election Day. Take the time you need to vote.",
    "Election day tomorrow! Our offices open late so everyone can get to the polls. Go vote!",
    "The Teamsters reached a tentative agreement with the warehouse operators this morning.",
    "Union membership rose last year for the first time in a decade. Interesting times for HR.",
    "Well that was a damn good quarter. Thanks to every recruiter who crushed it",
    "Holy shit, we placed 40 nurses this month. Proud of this team!",
    "We're raising money for the children's hospital: every placement is $20 to the campaign.",
    "Please vote for us in the Best Places to Work awards! Voting closes Friday.",
    "Vote for Brightline Staffing as Best Staffing Firm 2026, link in bio!",
    "The minimum wage rises to $16 on Jan 1. Payroll teams, check your rates.",
    "The Department of Labor's new contractor rule is out. Our webinar breaks it down Thursday.",
    "Our CEO spoke to the Senate committee on workforce development today.",
    "Labour Day weekend! Our offices are closed Monday. Enjoy the break everyone.",
    "Our recruiters are bloody brilliant. That's it, that's the post.",
    "Strike at the port enters week two. We have temp drivers ready for affected shippers.",
    "This heat is killing me. Stay hydrated, warehouse crews!",
]
# a call to vote is a side taken, whatever the post explains after it
VOTE_CALLS = [
    "Vote Labour! Here's what it means for recruiters.",
    "New GOP wage plan: what employers should know. Vote them out in November.",
]
# both sides named together on work: where they stand, no side taken
BOTH_SIDES = [
    "The Republican and Democratic candidates both talked about jobs in the debate: our data",
    "Labour and the Conservatives both pledge to raise the minimum wage next year.",
]
# both sides named with no work in it, or put down: still counted
BOTH_SIDES_CROSSING = [
    "Republicans and Democrats are both useless.",
    "The GOP and the Dems are both idiots, and hiring will not fix that.",
]


def test_news_written_up_for_the_trade_and_ordinary_posts_cross_no_line() -> None:
    for text in NEWS_FOR_THE_TRADE + ORDINARY + BOTH_SIDES:
        assert not crosses_for_connect(text), text
    for text in VOTE_CALLS + BOTH_SIDES_CROSSING:
        assert crosses_for_connect(text), text


def test_a_recruiter_with_ordinary_posts_is_suggested_and_one_calling_to_vote_is_not() -> None:
    for texts, shown in (
        (NEWS_FOR_THE_TRADE[:3] + ORDINARY[:7], True),
        (VOTE_CALLS + PLAIN[:4], False),
    ):
        store = build_store()
        add_posts(
            store, *(make_post(f"h{i}", "hannah_hr", 1 + i / 10, t) for i, t in enumerate(texts))
        )
        report = rank_with_fakes(store, role="hr_pro")
        assert ("hannah_hr" in [s.handle for s in report.suggestions]) is shown, texts
        assert (CROSSES_LINE not in report.excluded) is shown


def test_vote_news_is_no_call_to_vote_and_a_side_praised_is_no_explainer() -> None:
    # our own texts: the news' voters and its tally are reported, no one is called to vote
    assert not crosses_for_connect(
        "Senate Republicans stall the overtime bill. Voters weigh in next fall; what it means for HR"
    )
    assert not crosses_for_connect(
        "Biden signs the tip-credit rule. Vote tally aside, here's what it means for employers"
    )
    # a side cheered or a call to vote beside the explainer still counts
    assert crosses_for_connect("MAGA! Our guide for employers on the new Trump overtime order")
    assert crosses_for_connect(
        "Republicans and Democrats both pledge apprenticeships; vote Labour to get them built"
    )
