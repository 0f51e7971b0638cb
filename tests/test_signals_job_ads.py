"""Job ads told by their wording: the staffing-ad patterns that back up the model, and the
broad rule that listening and Connect use when no model score is at hand."""

from __future__ import annotations

import pytest

from staffpulse.signals import job_ads
from staffpulse.signals.job_ads import find_staffing_ads, looks_like_job_ad


@pytest.mark.parametrize(
    "text",
    [
        "Now hiring forklift operators, apply today",
        "We're hiring a payroll specialist! DM me",
        "Hiring: Registered Nurse, night shift, Boston MA",
        "Job alert: senior Java developer in Austin",
        "Job vacancies at Acme Logistics, October 2026",
        "Warehouse associates $18 - $21/hr, apply: acme.example/jobs",
        "#nowhiring line cooks downtown",
        "I'm looking for a Data Analyst in Denver, 2 days on site",
        "New job: Accountant (Chicago) https://jobs.example/123",
        "Open positions on our team https://acme.example/careers",
        "#HiringNow line cooks downtown, weekend shifts",
        "Line cook, weekends, downtown diner #jobs https://jobs.example/77",
        # pay said too low elsewhere, then offered with a call to apply or a link
        "Nobody will pack boxes for $14 an hour? We pay $21. Apply at the front desk",
        "We're hiring pickers at $17/hr, nobody else will pay that https://jobs.example/9",
        # the pay asked about is a call for candidates
        "Who will work for $25 an hour this weekend? Warehouse pickers needed, text 555-0100",
        "Now hiring: who'd accept $28/hr for nights? #hiring #nursing",
    ],
)
def test_job_ads_are_recognised(text: str) -> None:
    assert looks_like_job_ad(text)


@pytest.mark.parametrize(
    "text",
    [
        "How is hiring going for you this quarter?",
        "Why hiring is so slow this year https://news.example/hiring",  # an article, not an ad
        "I start my new job on Monday, wish me luck",  # "new job" needs a link to be an ad
        "Great job on the panel today, Steve",
        "Open positions are hard to fill when pay ranges are hidden",
        # a tag that starts with "hiring" is a topic; news of jobs made or cut, however tagged
        "Five questions to ask sales reps in a first interview https://blog.example/q #hiringtips",
        "New battery plant would create 300 jobs in Tulsa #jobs https://news.example/plant",
        "Retailer cuts 1,200 jobs as stores close #jobs #retail",
        "The jobs report is out: what it means for warehouse pay https://news.example/r #jobs",
        # a complaint about the pay, whatever "we're hiring" says
        "We're hiring for the depot again and nobody will work for $14 an hour, shocker",
        "We are hiring again but no one wants to apply for $13/hr anymore",
    ],
)
def test_talk_about_work_is_not_an_ad(text: str) -> None:
    assert not looks_like_job_ad(text)


# Ads as staffing firms write them: the tweets the model learned from rarely looked like this.
STAFFING_ADS = [
    "Looking for a Registered Nurse in Dallas, 3x12 nights, $55/hr. DM me your resume!",
    "Our client, a regional bank, is looking for a Compliance Analyst. Reach out to learn more.",
    "Forklift operators wanted! 1st and 2nd shift, $19/hr, start Monday.",
    "Seeking an experienced Payroll Specialist for a temp-to-hire role in Austin. Call us.",
    "Travel nurse contract: ICU, Phoenix, 13 weeks, $2,800/week. Interested? DM us.",
    "Now accepting applications for warehouse associates. Immediate start.",
    "Send resumes to recruit@acme.example for our open Office Manager spot",
    "Calling all welders! Long-term project in Houston, per diem available. Text WELD to 55555.",
    # listings: a role, a place and the pay in fragments, often with nothing but a link
    "Electricians in Tulsa, $31/hr, long-term project.",
    "CDL-A Drivers | Reno NV | $1,500/week | Home weekends",
    "Medical Assistant - Phoenix - $21/hr - M-F days",
    "Accounts Payable Clerk, Omaha NE, $22/hr, temp-to-hire.",
    "Job Title: Forklift Operator. Location: Reno. Pay: $19/hr.",
    "Apprentice plumbers: paid training, $18/hr to start. https://jobs.example/p",
    # a role sought next to a salary, a link or the terms
    "Line cooks needed in Boise. $18/hr + tips. https://jobs.example/j/1",
    "Machinists wanted in Wichita. Paid training. https://jobs.example/j/4",
    "We're hiring a Controller in Raleigh, $120-140k, hybrid.",
    "Project Manager opening in Tampa, $95k. https://jobs.example/j/3",
    "Dental hygienist position available in Provo. $45/hr. Apply online.",
]
# Ads as one recruiter writes them, casually (a QA pass found the model scoring them 0.01-0.05
# and calling them funny): a role named after "Hiring:", a DM asked of a candidate.
CASUAL_RECRUITER_ADS = [
    "DM me if you know Java and want to work remote 👀",
    "Who wants to make $25/hr driving forklifts in Dayton? Slide into my DMs",
    "Hiring: travel nurse, med-surg, 13 weeks, Columbus. Message me.",
    "Now hiring forklift operators in Toledo, all shifts",
    "We're hiring 3 CNC machinists this month, ping me",
    "Ping me if you're a licensed electrician looking for steady work in Tulsa",
    "Open role: Quality Inspector, Vandalia OH. Apply at the link in bio.",
    "Know a great CNC machinist? Send them our way 😉 link in bio",
    "#hiring CNC Machinist needed, 3+ yrs exp, $24-28/hr",
]
# The same cues in talk: a DM, "hiring" or a role, with nothing that makes an opening.
CASUAL_TALK = [
    "DM me your favourite podcast",
    "message me if you want the slides",
    "hiring is broken",
    "slide into my DMs with memes",
    "Hiring is broken. DM me if you agree",
    "Hiring managers: stop ghosting candidates",
    "DM me if you know a good plumber in Denver",
    "Know a great podcast? Send it my way",
    "Jane Doe, a female name on every sample form",
]
# One of the cues alone is talk about work, not an ad.
WORK_TALK = [
    "Minimum wage is still $7.25/hr in some states. How does anyone live on that?",
    "Night shift nurses: how do you stay awake at 4am? DM me your tips",
    "Never send your resume as a Word doc. PDF only.",
    "Looking for a Recruiter who actually reads resumes. Too much to ask?",
    "Contract workers deserve benefits too. 6 months in and still no paid leave",
    "Got my first paycheck at $15/hr, feeling rich",
    "Our client success team is the best, thank you all!",
    # pay, places and roles in talk and news: a verb, or a headline, makes it no listing
    "Nurses in Texas make $40/hr on average and still can't afford rent.",
    "Teachers in Ohio earn less than $40k. That is a scandal.",
    "Minimum wage in Seattle, $16.69/hr, is the highest in the country.",
    "Breaking News - Denver - $15/hr minimum wage passes - https://news.example/e",
    "Truck drivers in Nevada, $1,200/week, and still a shortage? Something is off.",
    "Raised $50k for the food bank, thank you all! DM us to help.",
    "Startup in Boston, $5M seed round, led by Acme Ventures.",
    # "needed" and "wanted" of what is no job
    "Volunteers needed for the beach cleanup in Santa Cruz! https://events.example/e",
    "Ever wanted to work in Denver? Here's what rent costs. https://blog.example/d",
    "Action needed in Congress: call your rep at (202) 555-0100",
    # a trade wanted, as the news reports someone saying it
    "Welders wanted at every yard on the coast, says the builders' group https://news.example/w",
]


@pytest.mark.parametrize("text", STAFFING_ADS)
def test_staffing_firm_ads_are_recognised(text: str) -> None:
    assert looks_like_job_ad(text)
    assert find_staffing_ads([text]).tolist() == [True]


@pytest.mark.parametrize("text", WORK_TALK)
def test_a_single_cue_is_not_an_ad(text: str) -> None:
    assert not looks_like_job_ad(text)
    assert find_staffing_ads([text]).tolist() == [False]


def test_batch_flags_each_post_in_input_order() -> None:
    texts = [WORK_TALK[0], STAFFING_ADS[0], "", WORK_TALK[1], STAFFING_ADS[2], "Hi\x1eall"]
    assert find_staffing_ads(texts).tolist() == [False, True, False, False, True, False]
    assert find_staffing_ads([]).shape == (0,)


def test_hashtag_cues_never_overrule_the_model() -> None:
    # hashtag spam is not an ad under the guidelines: only the broad fallback rule says so
    spam = "Monday motivation: believe in yourself #jobs #hiring #jobseeker"
    assert looks_like_job_ad(spam)
    assert find_staffing_ads([spam]).tolist() == [False]


@pytest.mark.parametrize("text", CASUAL_RECRUITER_ADS)
def test_casual_recruiter_ads_are_recognised(text: str) -> None:
    assert find_staffing_ads([text]).tolist() == [True]


@pytest.mark.parametrize("text", CASUAL_TALK)
def test_a_dm_or_hiring_in_talk_is_not_an_ad(text: str) -> None:
    assert find_staffing_ads([text]).tolist() == [False]


def test_casual_ads_score_as_job_ads_not_as_funny_human_posts() -> None:
    # what Mix and Voice read: the model's scores after the patterns bound them
    from staffpulse.signals.text import load_text_signals

    model = load_text_signals()
    scores = model.score(CASUAL_RECRUITER_ADS[:3])
    limits = model.thresholds_
    assert (scores["job_opening"] >= limits["job_opening"]).all()
    assert (scores["personality"] < limits["personality"]).all()
    assert (scores["humor"] < limits["humor"]).all()
    talk = model.score(CASUAL_TALK[:4], signals=("job_opening",))["job_opening"]
    assert (talk < limits["job_opening"]).all()


@pytest.mark.parametrize(
    "typed",
    [
        "We\u2019re hiring a payroll specialist! DM me",
        "I\u2019m looking for a Data Analyst in Denver, 2 days on site",
        "We\u2019re hiring 3 CNC machinists, nights",
    ],
)
def test_an_ad_typed_with_a_curly_apostrophe_is_the_same_ad(typed: str) -> None:
    # phones and X type "We’re": the ad is found by both rules as if typed with a straight one
    assert looks_like_job_ad(typed)
    assert find_staffing_ads([typed, "Lunch was great"]).tolist() == [True, False]


def test_talk_typed_with_a_curly_apostrophe_is_still_talk() -> None:
    # "it‘s" is a verb as much as "it's": a sentence with a verb is no listing of an opening
    assert not find_staffing_ads(["Nurse in Tampa, it\u2018s $40/hr"])[0]


def test_an_ad_after_a_turkish_post_in_the_same_batch_is_still_found() -> None:
    # "İ" lowers to two characters, which used to move the ad's cue onto the next post
    batch = ["İSTANBUL'DA İŞ İLANI " * 10, "Forklift operators wanted! $19/hr", "see you"]
    assert find_staffing_ads(batch).tolist() == [False, True, False]


# a role sought whose only other cue is the terms, in capitals or with a long s ("\u017f"), which
# IGNORECASE reads as "s": the terms are looked for only in posts holding one of their words
TERMS_ONLY = [
    "Seeking a Payroll Specialist for our Dayton office, FULL-TIME, MON-FRI",
    "Seeking a Payroll Specialist for our Dayton office, 2nd \u017fhift",
    "Seeking a Payroll Specialist for our Dayton office, what a week",
]


def test_a_role_sought_with_only_its_terms_is_an_ad_whatever_their_case() -> None:
    assert find_staffing_ads(TERMS_ONLY).tolist() == [True, True, False]


# posts whose words the rules' quick look reads, one way or another: curly quotes, mojibake, a
# hashtag, other languages, code, empty and long posts, and the letters IGNORECASE matches to
# "i" and "s" that lower-case to something else (a Turkish dotless i, a long s)
TRICKY = [
    *STAFFING_ADS,
    *WORK_TALK,
    "We\u2019re hiring a Welder, $25/hr! #hiring",
    "Now h\u0131ring: travel nurse, 13 weeks",
    "NOW H\u0130RING: TRAVEL NURSE, 13 WEEKS, COLUMBUS",
    "Forklift operators wanted! \u017fign-on bonus",
    "Welders needed in Commerce City _\u00d9\u00f7\u00e2 https://t.co/x",
    "Se busca camarero/a. Interesados enviar CV",
    "names.join(', ') DM me your resume",
    "",
    "x " * 3000 + "DM me your resume",
    *TERMS_ONLY,
]


@pytest.mark.parametrize("text", TRICKY)
def test_the_quick_look_at_a_posts_words_changes_no_verdict(text: str) -> None:
    # None: every rule runs in full, as before the quick look; "h\u0131ring" (dotless i) is
    # "hiring" to the rules but not to a look at the lower-cased words
    assert job_ads._is_staffing_ad(text) == job_ads._reads_as_staffing_ad(text, None)


@pytest.mark.parametrize(
    ("text", "is_ad"),
    [
        # a seeker's own search is a conversation to join, not an ad to leave out
        ("I'm looking for a new job in marketing. Anyone hiring?", False),
        ("I'm looking for a mentor in HR. Anyone up for a coffee chat?", False),
        ("Im looking for a remote role in Denver, any leads?", False),
        # the seeker's word may come last: it was read as a hire of "a senior position"
        ("I'm looking for a senior position in Finance, any leads?", False),
        ("I'm looking for a software engineering job in Seattle", False),
        ("We're looking for a venue in Austin for our offsite", False),
        # a title that starts with such a word is still a hire ("placement" is no "place")
        ("We're looking for a Placement Coordinator in Leeds", True),
        ("We're looking for a Careers Advisor in Leeds, DM me", True),
        ("I'm looking for a Java developer in Austin, DM me", True),
        ("We're looking for 2 welders in Dallas", True),
    ],
)
def test_a_seekers_own_search_is_no_ad_but_a_recruiters_is(text: str, is_ad: bool) -> None:
    assert looks_like_job_ad(text) is is_ad
    assert bool(find_staffing_ads([text])[0]) is is_ad


@pytest.mark.parametrize(
    ("text", "is_ad"),
    [
        # a volunteer sought asks for no paid work, whatever the call beside it
        ("Volunteer drivers needed Saturday 9am for the food bank, DM us", False),
        # "needed" as a verb with its object: a complaint, not a role sought
        ("Just finished a 12 hour night shift, nurses needed a medal", False),
        ("Delivery drivers needed Saturday 9am, DM us", True),
        ("Night nurses needed, 3x12s, DM us", True),
    ],
)
def test_a_volunteer_or_a_verb_is_no_role_sought(text: str, is_ad: bool) -> None:
    assert bool(find_staffing_ads([text])[0]) is is_ad


@pytest.mark.parametrize(
    ("text", "is_ad"),
    [
        # pay in news, a figure or a comparison is reported, not offered
        ("Welders: $30/hr average in Texas, new data shows https://news.example/w", False),
        ("Sign-on bonus for nurses in Ohio hits a record https://news.example/ohio", False),
        ("Nurse pay up 12% to $48/hr, new survey shows. Link in bio", False),
        ("Nurses: $48/hr in Ohio vs $61/hr in California https://news.example/pay", False),
        # the same pay offered, in the words ads use (a driver's record, a town called Falls,
        # data entry and pay above the average are no news)
        ("Welders wanted in Commerce City, 1st shift, $29/hr", True),
        ("Forklift drivers, Leeds, \u00a312.50/h, clean record required", True),
        ("Forklift drivers, Sioux Falls, $18/hr, 2nd shift https://jobs.example/5", True),
        ("Data entry clerks, Tampa, $17/hr, full-time https://jobs.example/6", True),
        ("Warehouse associates, $19/hr, apply now, above the county average!", True),
        ("Sign-on bonus for nurses in Ohio, nights, $45/hr, apply today", True),
    ],
)
def test_pay_that_is_reported_is_no_offer(text: str, is_ad: bool) -> None:
    assert bool(find_staffing_ads([text])[0]) is is_ad
    assert looks_like_job_ad(text) is is_ad


def test_a_pay_range_in_news_is_no_job_boards_cue() -> None:
    assert not looks_like_job_ad("Welders earn $25-$30/hr in Texas, survey finds")
    assert looks_like_job_ad("Welders $25-$30/hr in Commerce City, weekends off")


@pytest.mark.parametrize(
    ("text", "is_ad"),
    [
        # roles "open to" an idea are talk; roles open to people, or open now, are offered
        ("Nurse roles open to debate as hospitals go full-time only https://news.example/n", False),
        ("Nurse roles open to debate: should travel pay be $50/hr?", False),
        ("Are entry-level jobs open to automation? Full-time roles shrink, DM me your take", False),
        ("Nurse roles open to new grads, $40/hr, apply today", True),
        ("Warehouse roles open now, 2nd shift, DM us", True),
    ],
)
def test_roles_open_to_an_idea_are_no_roles_offered(text: str, is_ad: bool) -> None:
    assert bool(find_staffing_ads([text])[0]) is is_ad


def test_pay_that_is_no_rate_is_pay_to_every_rule() -> None:
    # one list of such pay ("weekly", "daily", "same-day pay", "a sign-on bonus"): the offers
    # after an opener read "same-day pay", and now so does pay beside a call to act
    ads = [
        "Same-day pay on all warehouse shifts this week, DM us",
        "Daily pay for forklift drivers! Interested? Text us",
    ]
    assert find_staffing_ads(ads).all()


@pytest.mark.parametrize(
    "text",
    [
        # an ad's own words beside the pay it offers are no news: a law firm, a raise after 90
        # days, day and night rates set side by side, a courier's drops, where to report, pay
        # by experience, a client who says so, and people named after an idea
        "Paralegals for a busy law firm, $28/hr. Interested? DM us",
        "Forklift drivers, $18/hr, rises to $20 after 90 days. DM us",
        "Nights $24/hr vs days $21/hr, your pick. DM us to start Monday",
        "Multi-drop van drivers, \u00a312.50/h, about 100 drops a day. Text us",
        "Pickers, $19/hr, report to Dock 4 on Monday. Interested? Message us",
        "Line cooks, $17-$21/hr, pay according to experience. Apply today",
        "Truck drivers, $1,400 a week average, home weekends. Apply now",
        "Packers, $17/hr, our client says they hire for keeps. DM us",
        "Roles open to AI specialists in Austin, DM us",
        "Nurse roles open to change-makers, DM us",
    ],
)
def test_an_ads_own_words_beside_its_pay_are_no_news(text: str) -> None:
    assert find_staffing_ads([text])[0]
    assert looks_like_job_ad(text)


@pytest.mark.parametrize(
    "text",
    [
        # daily or same-day pay talked of beside someone's own "DM me" offers nothing
        "Daily pay apps are a debt trap. Interested in why? DM me",
        "My daily pay barely covers rent lol, DM me if you relate",
        "Same-day pay was the only perk at my old job, DM me if you disagree",
        "Daily pay-per-view of the game is $5, interested? DM",
    ],
)
def test_daily_pay_talked_of_is_no_offer(text: str) -> None:
    assert not find_staffing_ads([text])[0]
    assert not looks_like_job_ad(text)


@pytest.mark.parametrize(
    "text",
    [
        # pay said too low, then better pay offered: the offer is an ad's
        "No one wants to work for $14/hr, and you don't have to: CNAs $26/hr, text us",
        "Nobody will work for $15 an hour, so we start pickers at $21/hr. Apply today",
    ],
)
def test_pay_offered_beside_pay_complained_of_is_an_ad(text: str) -> None:
    assert find_staffing_ads([text])[0]
    assert looks_like_job_ad(text)
