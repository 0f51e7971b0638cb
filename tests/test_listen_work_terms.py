"""The work vocabulary: what puts a post about work beyond doubt, and what an angle names."""

from __future__ import annotations

import pytest

from staffpulse.listen.work_terms import (
    dwells_on_work,
    is_bare_caption,
    is_work_term,
    names_work_matter,
    work_subject,
    work_subjects,
)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Should we post salary ranges in every ad?", "pay"),
        ("Once they give me an interview that role is mine, watch", "interviews"),
        ("Third round of layoffs this year at my company", "layoffs"),
        ("Is remote work hurting junior developers?", "remote work"),
        ("How do you stop candidates ghosting after the offer?", "ghosting"),
        ("Glenbrook Bank employees this week", "the workplace"),
        ("How fast do you reply to a new applicant?", "candidates"),
        # a boss named in a complaint of discrimination or a question on leave: the angle is
        # about rights or leave, not about "managers"
        (
            "My boss moved me off the promotion list after I said I was pregnant. Discrimination?",
            "workers' rights",
        ),
        (
            "My manager wants me back two days after the funeral. How much bereavement leave is"
            " normal?",
            "leave and time off",
        ),
        ("Does anyone else's team actually use its unlimited PTO?", "leave and time off"),
        ("Fired for being gay, and my manager said so out loud. Options?", "workers' rights"),
        # keeping staff is not seeing them leave
        ("Who runs stay interviews with their night porters?", "stay interviews"),
        ("What's the one exit interview question you'd never drop?", "exit interviews"),
    ],
)
def test_the_subject_is_the_work_matter_the_post_names(text: str, subject: str) -> None:
    assert work_subject(text) == subject


@pytest.mark.parametrize(
    "text",
    [
        "How does this bread machine work? The manual is useless",
        "Sheriff's K9 Bruno tracked down a runaway goat on his very first shift",
        "I love my job",  # a bare "job" names no subject
        "The potholes multiply whenever Republicans hold office",
        "Rough afternoon at the office, saved by tacos with my cousin",
    ],
)
def test_no_subject_rather_than_a_stray_word(text: str) -> None:
    assert work_subject(text) is None


def test_ambiguous_words_do_not_make_a_work_matter() -> None:
    assert names_work_matter("Recruiters: how do you handle counteroffers?")
    assert not names_work_matter("Parallel parked the camper first try like a boss")
    assert not names_work_matter("An exclusive interview with the senator")
    # a stay or exit interview is one with staff, whatever "with" follows it
    assert names_work_matter("Who runs stay interviews with their night porters?")
    assert names_work_matter("Any tips for an exit interview with a boss you dislike?")
    assert is_work_term("salary") and is_work_term("HR") and not is_work_term("office")


def test_sports_recruiting_is_not_recruiting() -> None:
    text = "How the state college's football recruiting haul stacks up after spring practice"
    assert work_subject(text) is None and not names_work_matter(text)
    assert work_subject("Recruiting nurses is harder every year") == "recruiting"


def test_every_work_matter_named_once_most_specific_first() -> None:
    text = (
        "HR and recruiting folks: how are you handling candidates who use AI to write every"
        " interview answer?"
    )
    assert work_subjects(text) == ["interviews", "candidates", "recruiting", "HR"]
    assert work_subjects("I love my job") == []


def test_an_unpaid_trial_shift_is_about_pay() -> None:
    assert work_subject("Interviewed today. They want an unpaid 'trial shift' of 8 hours") == "pay"
    assert work_subject("Unpaid invoices again this month") is None


def test_praise_and_steve_jobs_are_no_job() -> None:
    for text in ("The stage crew did a superb job on the set", "Good job tonight!", "Steve Jobs"):
        assert not names_work_matter(text), text
    # sport's slang for a side that folds under pressure, said over a match
    assert not names_work_matter("Two nil up at half time and lost 3-2, what a bottle job")
    assert names_work_matter("I lost my job last week")
    assert names_work_matter("Great jobs report this morning")
    assert work_subject("my co worker took credit again") == "the workplace"


def test_a_recruit_of_a_sports_team_is_no_work_matter() -> None:
    for text in (
        "The five-star QB recruit commits to the Buckeyes on signing day",
        "Basketball recruiting heats up: three recruits visit campus this weekend",
    ):
        assert not names_work_matter(text) and work_subject(text) is None, text
    # "college recruiting" is campus hiring; a firm's pledge is no commit
    assert work_subject("College recruiting season is here: apply early") == "recruiting"
    assert names_work_matter("We are committed to recruiting veterans")


@pytest.mark.parametrize(
    "text",
    [
        "Carded buying a lottery ticket at 47. Is bad vision in the clerk's job-spec?",
        "A faster, safer work environment for employees with our new admin console",
        "Teaching myself to weld was the luckiest turn in my career",
    ],
)
def test_one_work_word_in_passing_is_not_dwelling_on_work(text: str) -> None:
    assert names_work_matter(text)  # still a work word: the thread may be about work
    assert not dwells_on_work(text)


@pytest.mark.parametrize(
    "text",
    [
        "Interview prep for hospital pharmacists",  # one word that is rarely in passing
        "At the co-op we skip bosses entirely and keep a 32-hour work week",  # two work words
        "Recruiters: how do you keep candidates warm?",
    ],
)
def test_a_central_work_word_or_two_of_them_dwell_on_work(text: str) -> None:
    assert dwells_on_work(text)


@pytest.mark.parametrize(
    "text",
    [
        "Any travel nurses taking 13-week contracts? What per diem rates are you seeing?",
        "Warehouse temps: are agencies still paying time-and-a-half for the night shift?",
        "Locum GPs, how far out are practices booking sessions?",
        "Great job market update: jobs report beat expectations",
        # pay by the hour, a travel contract, people kept: a staffing question in so many words
        "Our warehouse can't keep forklift drivers past 90 days. Pay is $19/hr. What are we missing?",
        "I'm a nurse looking for a travel contract in Denver, any agencies you'd recommend?",
        "Driver retention is our biggest problem: what hourly rate keeps them?",
    ],
)
def test_staffing_vocabulary_is_squarely_about_work(text: str) -> None:
    """Temps, shifts, locums, per diem, travel nurses, contracts and the job market are a
    staffing firm's daily words (review F12)."""
    assert names_work_matter(text)
    assert dwells_on_work(text)
    assert work_subjects(text)


@pytest.mark.parametrize(
    "text",
    [
        "Temps dropping tonight, stay warm",
        "a shift in strategy",
        "government agencies announced new rules",
        "the city awarded contracts for the bridge",
        "Parking downtown is $4 an hour now",  # a price by the hour is no pay
        # an election's candidates are no job's
        "Which of the presidential candidates will win Ohio this time?",
        "The GOP candidates debate again tonight",
    ],
)
def test_the_same_words_elsewhere_are_no_work_matter(text: str) -> None:
    assert not names_work_matter(text)


@pytest.mark.parametrize(
    "text",
    [
        "fourth rejection email this week for roles I was perfect for",
        "sent out 25 applications since Monday, one callback so far",
        "the ATS sent me a rejection email at 3am",
        "submitted 30 applications through LinkedIn and nothing",
    ],
)
def test_a_job_searchs_steps_are_a_work_matter(text: str) -> None:
    assert names_work_matter(text)


@pytest.mark.parametrize(
    "text",
    [
        "third rejection from the literary magazine",
        "my visa application is stuck again",
        "Put in 4 applications for a rental flat, all turned down",
        "rejection email from the poetry journal arrived during breakfast",
        "automated rejection from the bank for my credit card upgrade",
        "my kid sent out 7 applications to colleges on the east coast",
        "auto rejection on the dating site, even the bots swipe left",
        "another automated rejection at 2am, so that's my night",
    ],
)
def test_a_rejection_or_an_application_of_another_kind_is_not(text: str) -> None:
    assert not names_work_matter(text)


def test_wages_withheld_and_ones_own_shifts_are_work() -> None:
    withheld = "My agency hasn't paid me for two weeks of work. Is that even legal?"
    assert names_work_matter(withheld) and work_subject(withheld) == "pay"
    assert names_work_matter("Picked up two extra shifts, can barely stand")
    assert not names_work_matter("Big shifts in the weather this week")


def test_pay_by_the_hour_is_the_subject_pay() -> None:
    assert (
        work_subject("Our warehouse can't keep drivers. Pay is $19/hr. What are we missing?")
        == "pay"
    )
    assert work_subject("They pay $15 an hour for night shifts?") == "pay"


def test_the_job_market_is_a_subject_not_praise() -> None:
    assert work_subject("Great job market update: jobs report beat expectations") == (
        "the job market"
    )
    assert work_subject("Warehouse temps: who still pays time-and-a-half?") == "temporary staff"


@pytest.mark.parametrize(
    "text",
    [
        "Acme employees today:\n\nRE: https://example.social/@dana/1",
        "My boss this morning: \U0001f602 https://img.example/2",
    ],
)
def test_a_caption_over_what_a_post_shows_names_work_in_passing(text: str) -> None:
    assert names_work_matter(text) and is_bare_caption(text)


@pytest.mark.parametrize(
    "text",
    [
        "Recruiters on a Monday morning:\n\nRE: https://example.social/@dana/3",
        "Our 2026 salary guide: https://example.com/guide",
        "Why I left my job after ten years: it was never about the money",
        "Acme employees today https://example.social/@dana/4",
    ],
)
def test_a_work_word_that_dwells_or_a_sentence_is_no_bare_caption(text: str) -> None:
    assert not is_bare_caption(text)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Is a 25% placement fee normal for a permanent hire?", "placement fees"),
        ("Does your agency refund the placement fee if the hire quits?", "placement fees"),
        (
            "We're opening a new branch in Tulsa. What should we get right first?",
            "opening a branch",
        ),
        ("Do you post pay ranges in every ad now?", "pay"),
        ("Fully remote for two years now. Who else is never going back?", "remote work"),
    ],
)
def test_a_staffing_firms_own_business_is_a_work_matter(text: str, subject: str) -> None:
    assert names_work_matter(text) and dwells_on_work(text)
    assert work_subject(text) == subject


@pytest.mark.parametrize(
    "text",
    [
        "Should I open a new branch for every fix before the pull request?",
        "Product placement in this movie is getting ridiculous",
        "The remote control is lost again",
    ],
)
def test_a_git_branch_or_a_product_placement_is_no_work_matter(text: str) -> None:
    assert not names_work_matter(text)


@pytest.mark.parametrize(
    "text",
    [
        "Does that mean you will resume flights by then?",
        "The app freezes each time I pause/resume the video",
        "Box office closes at 5 and sales resume tomorrow at noon",
        "Can you resume the download?",
    ],
)
def test_resume_the_verb_is_no_resume(text: str) -> None:
    assert not names_work_matter(text)


@pytest.mark.parametrize(
    "text", ["Should I put my GPA on my resume?", "Resume tips for new grads", "Send your résumé"]
)
def test_the_resume_of_a_job_search_is_one(text: str) -> None:
    assert names_work_matter(text)


def test_a_cover_letter_is_a_work_matter_and_the_angle_names_it() -> None:
    text = "Does anyone still read cover letters? Asking for a friend"
    assert names_work_matter(text) and dwells_on_work(text)
    assert work_subject("Unpopular opinion: cover letters are a waste of time") == "cover letters"


@pytest.mark.parametrize(
    "text",
    [
        "where are all of dana's interviews? the other actors did a dozen each after the finale",
        "Loved the singer's interview on the late-night show, so candid",
        "Red carpet interviews are the worst part of award season",
    ],
)
def test_an_actors_or_a_podcasts_interviews_are_no_work_matter(text: str) -> None:
    assert not names_work_matter(text) and work_subject(text) is None


def test_a_job_interview_beside_no_show_business_stays_one() -> None:
    assert work_subject("My interview was at 4 and nobody has called me in yet") == "interviews"
    # recruiting has its podcasts: their interviews are job interviews
    assert work_subject("This episode: how we cut interviews from 5 rounds to 2") == "interviews"
    # a show-business word does not hide a second work word
    assert (
        work_subject("Our actors need a stage manager: we are hiring, interviews Monday")
        == "hiring"
    )


def test_being_your_own_boss_is_no_manager() -> None:
    text = "Being my own boss 365 days a year, what a difference. What are you doing with yours?"
    assert work_subject(text) is None and not names_work_matter(text)
    assert work_subject("My boss won't let me leave early again") == "managers"


def test_a_staffing_desks_labour_or_third_party_candidates_are_work_not_an_election() -> None:
    for text in (
        "We have 12 general labour candidates ready to start Monday",
        "Do you accept third party candidates from vendors on a direct req?",
    ):
        assert names_work_matter(text) and work_subject(text) == "candidates"
    assert not names_work_matter("Labour candidates knock on doors across the county")
    assert not names_work_matter("He runs again as a third-party candidate this fall")


def test_a_staffing_firms_bill_rates_and_markup_are_work_not_a_shops_markup() -> None:
    for text in (
        "Clients keep pushing back on our bill rates this quarter",
        "Is a 38% agency markup fair for warehouse temps?",
        "What markup on contractors do you charge for IT roles?",
    ):
        assert names_work_matter(text) and work_subject(text) == "bill rates and markups", text
    for text in (
        "The markup on these sneakers is wild",
        "Learning HTML markup this weekend",
    ):
        assert not names_work_matter(text) and work_subject(text) is None, text


def test_degrees_set_against_skills_are_work_but_not_a_temperature() -> None:
    for text in (
        "Skills beat degrees every single time. Fight me.",
        "Would you take five years of experience over a master's degree?",
    ):
        assert names_work_matter(text) and work_subject(text) == "degrees and skills", text
    assert not names_work_matter("It hit 95 degrees and my grilling skills melted")
    assert not names_work_matter("Three degrees of separation, what an experience")


@pytest.mark.parametrize(
    "text",
    [
        "Proud to be named one of the region's best companies to work for this year",
        "Our clinic made the list of great places to work again",
        "The future of work is a shared desk and a good calendar",
        "Turning the old print shop into a shared work space for the neighbourhood",
    ],
)
def test_an_employers_standing_and_the_way_work_is_done_are_work_matters(text: str) -> None:
    assert names_work_matter(text)
