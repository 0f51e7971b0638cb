"""Questions to peers about pay or hiring practice and pitches to employers are talk, not job
ads (the guidelines' job_opening is 0 for anything that offers no job), while ads that open
with a question stay ads. All posts written for these tests."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from staffpulse.listen.rank_signals import is_job_ad
from staffpulse.signals import job_ads_talk
from staffpulse.signals.batch_scan import JoinedPosts, posts_holding, top_level_alternatives
from staffpulse.signals.job_ads import looks_like_job_ad
from staffpulse.signals.job_ads_talk import find_hiring_talk
from staffpulse.signals.job_words import JOBS_NEWS_WORDS, tells_jobs_news
from staffpulse.signals.text import load_text_signals

PEER_QUESTIONS = [
    "Should companies post salary ranges in job ads? Recruiters, what do you think? #hiring #jobs",
    "Is a take-home test fair to candidates? Thoughts? #hiring",
    "Do you still ask for references before the offer? Agree or disagree? #recruiting",
    "Unpaid trial shifts: ever OK? Restaurant owners, weigh in #jobs #hospitality",
    "How do you handle counteroffers? Share your tips #staffing",
    "What's your take on four-day weeks for warehouse crews? #staffing #jobs",
    "Cover letters: still worth it? Let us know in the comments #jobsearch",
    "Should job posts list the pay? Vote below #payTransparency #hiring",
    "Honest question for hiring managers: how many interview rounds is too many?",
    "Recruiters, what do you all think about one-way video interviews? #recruiting",
    "Pay ranges in every posting: what\u2019s your take? #hiring",  # a typographic apostrophe
    # a question put to the people who hire, by name
    "Recruiters: do postings with a pay range get more applicants? #hiring #jobs",
    "HR folks, is a six-month probation still normal? #HR",
    "Hiring managers \u2014 would you hire a career changer with no degree? #jobs",
    # a view asked by email or text is no call to apply
    "Do you read cover letters? What do you think? Email me your thoughts #hiring",
]


@pytest.mark.parametrize("text", PEER_QUESTIONS)
def test_a_question_to_peers_is_no_ad(text: str) -> None:
    assert find_hiring_talk([text])[0]


@pytest.mark.parametrize(
    "text",
    [
        # ads that ask the reader something, then offer the job
        "Are you a CNA looking for nights? We have openings in Fresno. Apply: https://x.example/1",
        "What do you think about joining a team that listens? We're hiring a PM in Austin!",
        "Thoughts on a career change? Join our team as a dispatcher in Spokane, $22/hr",
        "Looking for your next role? Send your resume to jobs@acme.example. Thoughts welcome!",
        "Curious what others earn? Our forklift drivers make $21/hr. DM us to apply.",
        "Any welders out there? Thoughts? $30/hr, per diem, call us at 555-0100",
        # staffing-ad patterns win: a nurse sought with the pay and a call to act
        "Looking for a Registered Nurse in Dallas, $55/hr. Thoughts? DM me your resume!",
        "Thoughts? We\u2019re hiring nurses in Boise, https://x.example/3",
        # ads can name recruiters too: they offer the recruiter a job
        "Recruiters: Acme Talent is hiring a sourcing lead (remote). Apply https://x.example/7",
        "Recruiters, ready for a change? Join our team in Austin https://x.example/8",
        # the calls to apply the inbox knows: an application asked for, a message asked for
        "Thoughts on night shifts? Send me your application, we start Monday #hiring",
        "Curious what you think of our new line cook roles? Inbox us #jobs",
    ],
)
def test_an_ad_that_asks_a_question_stays_an_ad(text: str) -> None:
    assert not find_hiring_talk([text])[0]


@pytest.mark.parametrize(
    "text",
    [
        "Should companies post salary ranges in job ads?",  # a question, but asks no one's view
        "Opinions are like résumés: everyone has one #recruiting",
        "We think remote work is here to stay #HR",
        "Thoughtful hiring starts with a clear job description",
    ],
)
def test_posts_that_ask_no_view_are_left_to_the_model(text: str) -> None:
    assert not find_hiring_talk([text])[0]


def test_a_batch_marks_only_its_talk_about_hiring() -> None:
    texts = [
        PEER_QUESTIONS[0],
        "We're hiring line cooks in Tulsa! Apply today https://x.example/2",
        "",
        PEER_QUESTIONS[1],
        "Post your first job for free on NurseBoard #hiring",
    ]
    assert find_hiring_talk(texts).tolist() == [True, False, False, True, True]
    assert find_hiring_talk([]).tolist() == []


@pytest.mark.parametrize(
    "text",
    [
        "Post your first job for free and reach 40,000 local candidates #hiring #jobs",
        "Struggling to fill your open roles? Acme Staffing sends vetted temps in 24 hours",
        "Employers: advertise your vacancies to nurses across Ohio this month #nursing #hiring",
        "Looking to fill some IT roles at your company? Try JobHub today #techjobs",
        "Find your next hire in minutes. Post a job on ShiftBoard https://x.example/4",
        "List your openings with us, first month free #recruiting #staffing",
    ],
)
def test_a_pitch_to_employers_offers_no_job(text: str) -> None:
    assert find_hiring_talk([text])[0]


@pytest.mark.parametrize(
    "text",
    [
        "We need to fill 20 warehouse positions this week! Apply at https://x.example/5",
        "Post your resume on our board and get found by employers",  # a pitch to job seekers
        "I saw the job post for a barista and went for it",
        "Ready for your next role? We have openings in Tulsa https://x.example/6 #jobs",
        "Our client needs 5 forklift operators, $19/hr. Fill your week with overtime!",
    ],
)
def test_ads_and_job_seeker_talk_are_no_pitch_to_employers(text: str) -> None:
    assert not find_hiring_talk([text])[0]


def test_each_post_of_a_batch_is_judged_on_its_own_words() -> None:
    # a question to recruiters right after an ad must not mark the ad, nor the other way round
    ad = "Forklift operators wanted in Reno, $19/hr. Apply https://x.example/9."
    question = "Recruiters: do you still read cover letters?"
    assert find_hiring_talk([ad, question, ad]).tolist() == [False, True, False]
    assert find_hiring_talk([question, ad, question]).tolist() == [True, False, True]


@pytest.mark.parametrize(
    "text",
    [
        # a call to join what is no job: a campaign's team, a pack, an event
        "EVERY VOTER SHOULD JOIN TEAM @SOMECANDIDATE TODAY!",
        "Join our pack! $10 free bet when you sign up #odds https://x.example/bet",
        "Join our webinar Tuesday: five interview questions candidates love. Register: https://x.example/w",
        # a team's own event, which "join our team" opens as an ad does
        "Join our team for a trivia night",
        "Join the team at our 5k charity run, all proceeds to the animal shelter!",
        # a seeker's own post, whatever ad tags it borrows
        "Looking for my next role in logistics, Dayton or remote. #hiring #jobs",
        # a struggle to hire told and asked about, no job offered
        "We're hiring but nobody applies. What are we doing wrong? #hiring",
    ],
)
def test_a_call_to_join_what_is_no_job_is_capped(text: str) -> None:
    assert find_hiring_talk([text])[0]


@pytest.mark.parametrize(
    "text",
    [
        "Join our team! https://x.example/careers",  # how ads end: the model's to judge
        "Join our team for the night shift, forklift operators in Reno",  # a shift is work
        "Join our team for the holiday party, then apply for our open roles",
        "Join our crew of drivers, link in bio",  # a word of work
        "Join us at our hiring event Saturday, interviews on the spot!",  # an event that hires
        "Join our talent community to hear about new jobs first https://x.example/tc",
    ],
)
def test_a_call_to_join_for_work_is_left_to_the_model(text: str) -> None:
    assert not find_hiring_talk([text])[0]


def test_a_teams_event_or_a_seekers_me_too_is_no_job_opening_for_the_model_or_the_inbox() -> None:
    texts = [
        "Join our team for a trivia night",
        "Join the team at our 5k charity run",
        "Looking for work? Me too.",
    ]
    model = load_text_signals()
    threshold = model.thresholds_["job_opening"]
    scores = model.score(texts, signals=("job_opening",))["job_opening"]
    assert [bool(s >= threshold) for s in scores] == [False, False, False]
    assert not any(looks_like_job_ad(t) or is_job_ad(t, None, threshold) for t in texts)


@pytest.mark.parametrize(
    "text",
    [
        "Join our team at the Riverside event center as a banquet server",
        "Join our team for game day staff at the stadium this season",
    ],
)
def test_a_venue_named_after_its_events_still_invites_to_work(text: str) -> None:
    assert looks_like_job_ad(text)


OWNED_WORK_NEWS = [
    # the model scored this 0.72 as a job opening ("at", "more", a link and "work")
    "Catch @RiverTimes's report at Sam and Oak Hill Pantry's work. See more: "
    "https://x.example/a #Grantees",
    "Have you read the Tribune's profile of Omar and the Eastside Food Co-op's work? Learn more "
    "at https://x.example/a #Neighbors",
    "Proud of our work with families this year. Read the report: https://x.example/r",
    "A lovely piece on their hard work at the food bank https://x.example/f",
]

NOT_OWNED_WORK_NEWS = [
    # another word of work: the model's to judge
    "Proud of our work with families, and we're hiring a case manager https://x.example/c",
    "Love our work culture? Join us https://x.example/j",
    # a casting call asks for links to your work: a gig sought
    "Seeking dancers for our spring show, send links to your work https://x.example/d",
    # "it's" is no owner, "my work email" no owned work
    "It's hard work but worth it https://x.example/h",
    "Left my work email open all weekend https://x.example/e",
]


@pytest.mark.parametrize("text", OWNED_WORK_NEWS)
def test_someones_work_told_of_is_no_job_opening(text: str) -> None:
    assert find_hiring_talk([text])[0]


@pytest.mark.parametrize("text", NOT_OWNED_WORK_NEWS)
def test_work_beside_a_job_word_or_not_owned_is_left_to_the_model(text: str) -> None:
    assert not find_hiring_talk([text])[0]


def test_the_model_does_not_call_news_of_a_nonprofits_work_a_job_ad() -> None:
    model = load_text_signals()
    scores = model.score(OWNED_WORK_NEWS, signals=("job_opening",))["job_opening"]
    assert all(s < model.thresholds_["job_opening"] for s in scores)


def test_work_told_of_at_the_end_of_a_post_is_found_wherever_it_stands_in_a_batch() -> None:
    ending = "So proud of the volunteers at the shelter and their work"
    batch = [ending, "Good morning from the harbour", ending]
    assert find_hiring_talk(batch).tolist() == [True, False, True]


SEEKERS_APPLYING_AND_JOB_FIGURES = [
    # a seeker's own applying told: no job offered, whatever "applying" reads like to the model
    "Applying to jobs online feels like shouting into a canyon",
    "I've been applying to internships since March and heard nothing back",
    "So tired of applying for roles that ghost you #jobsearch",
    # a job as a figure of speech, even with a joke's "apply"
    "Owning a husky is a full-time job. Don't apply if you like clean floors",
    "Raising toddlers is basically a full time job with no lunch break",
    "My garden is a second full-time job this summer",
]
ADS_THAT_SPEAK_SO = [
    "Tired of applying for jobs? Send us your resume and we'll match you this week",
    "Being a live-in nanny is a full-time job with benefits. Apply now: https://x.example/n",
    "Working with us is a full-time job, Monday to Friday. DM us for details",
    # an agency's hook in a seeker's words, then its offer
    "Sick of applying for jobs? We have 30 picker roles starting Monday, call the branch",
    "Stop applying for jobs that don't pay. Our drivers earn £15/h https://x.example/d",
    "Tired of applying for jobs and hearing nothing? Register with us today",
    "Caring is a full-time job and we pay like it: nights, weekly pay https://x.example/c",
]


@pytest.mark.parametrize("text", SEEKERS_APPLYING_AND_JOB_FIGURES)
def test_a_seekers_applying_or_a_job_as_a_figure_of_speech_is_no_job_opening(text: str) -> None:
    assert find_hiring_talk([text])[0]


@pytest.mark.parametrize("text", ADS_THAT_SPEAK_SO)
def test_an_ad_that_talks_of_applying_or_a_full_time_job_is_left_to_the_model(text: str) -> None:
    assert not find_hiring_talk([text])[0]


def test_talk_is_found_in_a_batch_whatever_its_case_or_letters() -> None:
    # each wording is looked for only in the posts holding its words: in capitals, or with a
    # letter a case-blind match reads as "i" (a dotless "\u0131"), a question is still talk
    batch = [
        "Good morning from the harbour",
        "SHOULD JOB ADS LIST THE PAY? WHAT DO YOU THINK? #HIRING",
        "Cover letters, still a thing? What do you th\u0131nk? #hiring",
        "We're hiring a forklift driver in Dayton, apply now",
        "Raising twins IS A FULL-TIME JOB #parenting",
    ]
    assert find_hiring_talk(batch).tolist() == [False, True, True, False, True]


# every wording the talk check reads is looked for only in the posts holding one of its words:
# a wording that matches a post with none of them (a new alternative, a word dropped from the
# list) would silently lose that post's flag
WORDING_ALTERNATIVES = [
    pytest.param(re.compile(alternative, wording.flags), words, id=f"{n}-{alternative[:40]}")
    for n, (words, wordings) in enumerate(job_ads_talk._WORDINGS)
    for wording in wordings
    for alternative in top_level_alternatives(wording.pattern)
]


@pytest.mark.parametrize(("alternative", "words"), WORDING_ALTERNATIVES)
def test_every_post_a_talk_wording_matches_holds_one_of_its_words(
    alternative: re.Pattern[str], words: tuple[re.Pattern[str], ...]
) -> None:
    @settings(max_examples=15, deadline=None, derandomize=True, database=None)
    @given(st.from_regex(alternative, fullmatch=True))
    def holds_a_word(text: str) -> None:
        assert posts_holding([text.lower()], words) == [0], text

    holds_a_word()


def test_a_seeker_with_a_curly_apostrophe_is_talk_in_a_batch() -> None:
    # a phone types "I\u2019m": the batch's scan reads it as "I'm", as the check post by post does
    batch = ["Good morning", "I\u2019m available for work in Hull from Monday #hiring #jobs"]
    assert find_hiring_talk(batch).tolist() == [False, True]


# news of hiring slowing or of jobs made or lost: a hard negative of the guidelines
HIRING_NEWS = [
    "Tech hiring slows as firms freeze open positions https://news.example/t",
    "Retailers cut 40,000 jobs this quarter #jobs https://news.example/cut",
    "Hiring freezes spread across logistics firms https://news.example/f",
]
# an ad beside such news still calls for applicants
ADS_BESIDE_HIRING_NEWS = [
    "Our new plant will bring 200 jobs to Dayton. Apply now https://jobs.example/d",
    "Hiring slows elsewhere, not here: we're hiring 30 pickers https://jobs.example/p",
]


def test_news_of_hiring_is_no_job_opening() -> None:
    assert find_hiring_talk(HIRING_NEWS).all()
    model = load_text_signals()
    scores = model.score(HIRING_NEWS, signals=("job_opening",))["job_opening"]
    assert (scores < model.thresholds_["job_opening"]).all()


def test_an_ad_beside_news_of_hiring_is_left_to_the_model() -> None:
    assert not find_hiring_talk(ADS_BESIDE_HIRING_NEWS).any()


def test_news_of_hiring_is_no_job_ad_to_the_broad_rule_either() -> None:
    # the inbox and Connect read the broad rule: such news is what listening looks for
    assert not any(looks_like_job_ad(text) for text in HIRING_NEWS)
    assert looks_like_job_ad("See our open positions in Dayton https://jobs.example/d")


@pytest.mark.parametrize(
    ("text", "is_news"),
    [
        ("Plant to add 1,200 new jobs by 2027", True),
        ("Retailers shed thousands of jobs in March", True),
        ("JOBS REPORT: what the numbers mean", True),
        ("Hiring stalled across the region", True),
        ("Five jobs I loved before this one", False),
        ("Lost my keys at the jobs fair", False),
        ("Added my CV to three jobs boards", False),
    ],
)
def test_news_of_jobs_is_read_back_from_each_jobs(text: str, is_news: bool) -> None:
    assert tells_jobs_news(text) is is_news


# a firm's own new jobs, with a way to them: an opening, not news of one
OWN_NEW_JOBS = [
    "We're adding 25 new jobs this spring, see all open roles https://careers.example/all",
    "Hiring slows elsewhere, not here! Open positions https://careers.example/here",
    "Hiring freeze? Not at Acme. Open roles https://careers.example/acme",
]


def test_a_firms_own_new_jobs_are_no_news_of_hiring() -> None:
    assert not find_hiring_talk(OWN_NEW_JOBS).any()
    assert all(looks_like_job_ad(text) for text in OWN_NEW_JOBS)
    assert not tells_jobs_news(OWN_NEW_JOBS[0])


# news of jobs is looked for by one scan of the batch for its words, not post by post: the posts
# it finds are those a look into each post for the words, then the news, would find
NEWS_PIECES = ["Plant to add 300 jobs", "JOBS report", "hiring slows", "HIRING FREEZES", "jobſ",
               "h\u0131ring slows", "\u0130", "cut 40 jobs", "my jobs", "hiring", " ", "\x1e", "."]  # fmt: skip


@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(st.lists(st.lists(st.sampled_from(NEWS_PIECES), max_size=4).map("".join), max_size=6))
def test_news_of_jobs_found_in_one_scan_is_what_each_post_tells(texts: list[str]) -> None:
    lowered = [text.lower() for text in texts]
    each = [
        i
        for i, low in enumerate(lowered)
        if any(word in low for word in JOBS_NEWS_WORDS) and tells_jobs_news(low)
    ]
    assert job_ads_talk._find_jobs_news(JoinedPosts(lowered), lowered) == each
