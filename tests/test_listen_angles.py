"""The suggested angle: a real work subject or none, and a tone that fits the post."""

from __future__ import annotations

import pytest

from staffpulse.listen.angles import JOB_AD, SKIP, suggest_angle


@pytest.mark.parametrize("flag", ["spam", "hostile", "nsfw", "partisan"])
def test_posts_left_out_are_skipped_never_pushed_back_on(flag: str) -> None:
    angle = suggest_angle("Democrats are evil, vicious people lol", {flag: True}, None, 0, 0.9)
    assert angle == SKIP


def test_a_job_ad_is_for_a_candidate_not_a_conversation() -> None:
    assert suggest_angle("We're hiring nurses", {"job_ad": True}, None, 0) == JOB_AD


def test_the_subject_is_a_work_matter_or_the_angle_stays_plain() -> None:
    salary = suggest_angle("Salary ranges in every ad: good or bad for employers", {}, None, 2)
    assert salary.startswith("Add a perspective on pay")
    dog = suggest_angle(
        "Sheriff's K9 Bruno tracked down a runaway goat on his very first shift", {}, None, 1
    )
    # a police-dog story names no work matter ("shift" in passing): no "example from your
    # recruiters' experience"
    assert " on " not in dog and "recruiters" not in dog and "Join only if" in dog
    job = suggest_angle("Two years in this job and still learning every day", {}, None, 1)
    assert "concrete example from your recruiters' experience" in job
    grinder = suggest_angle("How does this new coffee grinder work?", {"question": True}, None, 0)
    assert (
        grinder
        == "Be the first to reply, and answer the question with one specific, useful example."
    )


def test_light_tone_only_for_a_happy_humorous_post() -> None:
    happy = "My boss booked a 3 hour 'quick sync' lol, love this team"
    assert "light tone" in suggest_angle(happy, {}, None, 2, humor=0.9)
    distressed = "Honestly glad I'm on the rota tonight lol, it keeps my mind off the mess at home"
    angle = suggest_angle(distressed, {}, None, 0, humor=0.9)
    assert "light tone" not in angle and "push back" not in angle
    assert angle.startswith("Be the first to reply, and acknowledge what they are going through")
    assert "light tone" not in suggest_angle(happy, {}, None, 2, humor=0.1)


def test_a_negative_post_gets_empathy_not_push_back() -> None:
    angle = suggest_angle("Just got laid off after 12 years. Gutted.", {}, None, 3)
    assert angle.startswith("Acknowledge") and "layoffs" in angle and "push back" not in angle


def test_a_question_aimed_at_one_account_says_so() -> None:
    angle = suggest_angle(
        "@marisol_k wait, aren't you at the Hendricks plant now?", {"question": True},
        "recruiter", 0, addressee="@marisol_k",
    )  # fmt: skip
    assert angle.startswith("A question for @marisol_k, not the room")


def test_questions_are_answered_by_role_on_the_subject() -> None:
    angle = suggest_angle("How do you handle counteroffers?", {"question": True}, "recruiter", 2)
    assert angle == (
        "Answer peer to peer: what your desk sees about counteroffers, and one thing that worked."
    )


def test_politics_on_a_work_matter_keeps_to_the_facts() -> None:
    angle = suggest_angle("The GOP overtime rule raises pay", {"politics": True}, None, 1)
    assert "no opinion on the politics" in angle and "push back" not in angle


def test_a_question_naming_good_and_bad_options_is_answered_not_consoled() -> None:
    angle = suggest_angle(
        "Is anyone using text messages for HR announcements? Good, bad, ugly?",
        {"question": True}, "hr_pro", 0, humor=0.68,
    )  # fmt: skip
    assert "acknowledge" not in angle and "light tone" not in angle
    assert angle.startswith("Be the first to reply, and give a concrete answer on HR")


def test_a_serious_question_needs_more_than_a_hint_of_humor_for_a_light_tone() -> None:
    text = "What's the most useful question you ask in an exit interview?"
    angle = suggest_angle(text, {"question": True}, None, 5, humor=0.81)
    assert "light tone" not in angle
    assert "exit interviews" in angle  # leaving a job, not a job interview
    joke = "What's the funniest reason a candidate gave for leaving? lol"
    assert "light tone" in suggest_angle(joke, {"question": True}, None, 5, humor=0.95)


# Written for this test, in the manner of what a consultant's inbox holds.
HALLOWEEN = "Halloween costume idea: a job req that's been open for 180 days. Terrifying. 👻"
TRIAL_SHIFT = (
    "Interviewed at a fab shop today. They asked me to do an unpaid 'trial shift' of 8 hours."
    " Is that even legal in Colorado?"
)


def test_a_joke_with_a_scary_word_gets_the_light_tone_not_consolation() -> None:
    angle = suggest_angle(HALLOWEEN, {}, None, 0, humor=0.69)
    assert "light tone" in angle and "acknowledge" not in angle
    # the same words without the humor signal: no joke is assumed, and no consolation either
    plain = suggest_angle(HALLOWEEN, {}, None, 0, humor=0.1)
    assert "light tone" not in plain and "acknowledge" not in plain


@pytest.mark.parametrize("humor", [0.0, 0.91, 0.99])
def test_a_question_about_legality_is_answered_straight_however_funny_it_looks(
    humor: float,
) -> None:
    angle = suggest_angle(TRIAL_SHIFT, {"question": True}, None, 0, humor=humor)
    assert "light tone" not in angle
    assert angle.startswith("Be the first to reply, and answer it straight on pay")
    assert "where to check" in angle and "no jokes" in angle


@pytest.mark.parametrize(
    "text",
    [
        "What salary should I ask for as a forklift driver? lol no idea",
        "How do you tell someone they're fired without it getting ugly? haha asking for a friend",
        "Is this recruiter a scam? They want $200 for 'training' lol",
    ],
)
def test_a_question_about_pay_firing_or_a_scam_is_never_joked_with(text: str) -> None:
    angle = suggest_angle(text, {"question": True}, None, 2, humor=0.97)
    assert "light tone" not in angle


def test_a_funny_question_without_worry_can_still_be_joked_with() -> None:
    joke = "What's the weirdest thing a candidate brought to an interview? 😂"
    assert "light tone" in suggest_angle(joke, {"question": True}, None, 5, humor=0.95)


def test_a_greeting_is_skipped() -> None:
    assert suggest_angle("Happy Thanksgiving!", {"greeting": True}, None, 0) == SKIP


@pytest.mark.parametrize(
    "text",
    [
        "New year, new career! Handed back my paralegal badge, nursing school starts Monday",
        "I started a new job at a logistics firm today, wish me luck",
        "Got promoted to team lead this week!",
        "Woohoo, last day at the call centre today, see ya headsets \U0001f3a7",
        "got the job \U0001f389",
        "Landed my first internship at a clinic!!",
        "I got hired at the warehouse, start Monday",
        "Got offered a job in my field after 6 weeks as an intern",
    ],
)
def test_career_news_is_congratulated_never_pushed_back_on(text: str) -> None:
    angle = suggest_angle(text, {}, None, 0, humor=0.9)
    assert "congratulate them and wish them well" in angle
    assert "push back" not in angle and "light tone" not in angle


@pytest.mark.parametrize(
    "text",
    [
        "I never got the job after three interviews",
        "Didn\u2019t get the job, again",
        "We got the job done in two days, recruiters",
        "I got a job interview tomorrow for a recruiter role",
    ],
)
def test_a_job_not_won_is_no_career_news(text: str) -> None:
    assert "congratulate" not in suggest_angle(text, {}, None, 0)


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        ("@GameSupport My game no work. pls help", "@GameSupport"),
        ("my mic and speaker won't work on my laptop during calls, please help lol", None),
    ],
)
def test_a_help_request_never_gets_the_light_tone(text: str, addressee: str | None) -> None:
    angle = suggest_angle(text, {}, None, 1, humor=0.95, addressee=addressee)
    assert "light tone" not in angle and "no jokes" in angle
    if addressee:
        assert angle.startswith(f"A request for help aimed at {addressee}")


def test_every_angle_opens_as_a_sentence_with_or_without_replies() -> None:
    # the inbox shows "Angle: ..." either way: lowercase with replies read as a fragment
    text = "How do you handle counteroffers?"
    for replies in (0, 3):
        angle = suggest_angle(text, {"question": True}, "hr_pro", replies)
        assert angle[0].isupper(), angle
    assert suggest_angle(text, {"question": True}, "hr_pro", 3).startswith("Give a concrete")


@pytest.mark.parametrize(
    "text",
    [
        "Hot take: unlimited PTO is a terrible policy that hurts employees.",
        "Ghosting candidates after a final interview is disrespectful and bad for your brand.",
        "What bothers me in the tech career ladder is that senior folks stop writing code."
        " Pretty weird.",
        "Unpopular opinion: cover letters are a useless waste of time.",
    ],
)
def test_a_negative_view_of_a_practice_is_weighed_in_on_not_consoled(text: str) -> None:
    angle = suggest_angle(text, {}, None, 2)
    assert "acknowledge" not in angle.lower()
    assert angle.startswith("Add a perspective on ")  # each names its work matter


@pytest.mark.parametrize(
    "text",
    [
        "My manager yelled at me in front of the whole team today. Awful.",
        "We lost our biggest client today. Terrible week for the team.",
    ],
)
def test_a_negative_post_about_the_writers_own_lot_still_gets_empathy(text: str) -> None:
    assert suggest_angle(text, {}, None, 2).startswith("Acknowledge what they are going through")


@pytest.mark.parametrize(
    "text",
    [
        "I told my boss I'm pregnant and now I'm off the promotion list. Is this discrimination?",
        "Passed over for promotion again after coming back from leave. Is that even legal?",
    ],
)
def test_a_grievance_about_a_promotion_is_answered_straight_never_congratulated(
    text: str,
) -> None:
    angle = suggest_angle(text, {"question": True}, None, 0)
    assert "congratulate" not in angle
    assert "answer it straight" in angle and "employment lawyer" in angle


def test_a_promotion_won_is_still_career_news() -> None:
    angle = suggest_angle("Just got my promotion to shift supervisor!", {}, None, 0)
    assert "congratulate them and wish them well" in angle


def test_career_news_that_asks_for_tips_gets_them() -> None:
    text = "First day at my new job tomorrow! Any tips for making a good first impression?"
    angle = suggest_angle(text, {"question": True}, None, 0)
    assert "congratulate them in a line, then answer their question" in angle
    assert "no advice unless asked" not in angle


def test_a_post_that_only_mourns_gets_condolence_never_a_tip_or_a_rush() -> None:
    angle = suggest_angle("RIP to my coworker Al, the best foreman I ever had.", {}, None, 0)
    assert angle.startswith("A loss, not a conversation to join")
    assert "tip" not in angle and "Be the first" not in angle


def test_a_question_beside_a_loss_acknowledges_it_first() -> None:
    text = (
        "My mum passed away on Sunday and my manager wants me in Monday. How much leave is usual?"
    )
    angle = suggest_angle(text, {"question": True}, None, 2)
    assert angle.startswith("Acknowledge their loss first, then answer what they asked")
    assert "no jokes, no pitch" in angle


@pytest.mark.parametrize(
    "text",
    [
        "Going through chemo. Do I have to disclose my diagnosis to my employer?",
    ],
)
def test_a_rights_question_in_hard_times_is_acknowledged_then_answered_straight(
    text: str,
) -> None:
    angle = suggest_angle(text, {"question": True}, None, 0)
    assert "acknowledge what they are going through, then answer it straight" in angle
    assert "employment lawyer" in angle


def test_a_question_on_being_fired_for_who_one_is_gets_where_to_check_not_advice() -> None:
    text = "Just got fired for being gay, my manager said it out loud. What are my options?"
    angle = suggest_angle(text, {"question": True}, None, 0)
    assert "point to where to check" in angle and "employment lawyer" in angle
    assert "no legal advice on their case, no debate" in angle


@pytest.mark.parametrize(
    "text",
    [
        "I'd rather lose a client than ask candidates for a 6-hour unpaid assignment. There, I"
        " said it.",
        "Hot take: 'culture fit' is usually 'people like me' in a nicer outfit. Hire for"
        " culture add.",
        "Take: a recruiter's network is built one useful reply at a time.",
    ],
)
def test_a_stand_taken_is_weighed_in_on_never_consoled_nor_joked_with(text: str) -> None:
    angle = suggest_angle(text, {}, "recruiter", 1, humor=0.9)
    assert angle.startswith("Add a perspective on ")
    assert "light tone" not in angle and "acknowledge" not in angle.lower()


def test_burnout_is_never_met_with_a_light_tone() -> None:
    text = "Burnout doesn't show up in engagement surveys until it's too late. Talk to your crew."
    angle = suggest_angle(text, {}, "hr_pro", 2, humor=0.9)
    assert "light tone" not in angle and angle.startswith("Add a perspective on burnout")


def test_a_hiring_managers_question_on_an_unpaid_take_home_is_answered_not_sent_to_a_lawyer() -> (
    None
):
    text = (
        "Hiring managers: do you pay candidates for take-home tests? We ask for a 4-hour"
        " unpaid assignment and I wonder if that's too much."
    )
    angle = suggest_angle(text, {"question": True}, None, 0, humor=0.9)
    assert "lawyer" not in angle and "labor department" not in angle
    assert "light tone" not in angle and angle.startswith("Be the first to reply, and answer")
    # the candidate's side of the same practice is a rights question, answered with where to check
    unpaid = "They made me do an unpaid 8-hour take-home test for an interview. Is that allowed?"
    assert "employment lawyer" in suggest_angle(unpaid, {"question": True}, None, 0)


def test_a_candidate_left_waiting_who_says_so_annoyed_is_acknowledged_not_argued_with() -> None:
    text = (
        "Honestly so annoyed. Like my phone interview was set for 9, it's 9:40 and still"
        " nobody has called"
    )
    angle = suggest_angle(text, {}, None, 0)
    assert "acknowledge what they are going through" in angle and "push back" not in angle


@pytest.mark.parametrize(
    "text",
    [
        "Our scheduler Tomas ran his first 10k on Saturday. 58 minutes! The branch is sore from cheering.",
        "Hats off to our Canton team: a personal best of 40 placements this month. Our feet hurt!",
    ],
)
def test_a_feat_cheered_is_cheered_on_never_consoled(text: str) -> None:
    angle = suggest_angle(text, {}, None, 0, 0.1)
    assert "cheer them on" in angle
    assert "going through" not in angle and "push back" not in angle


def test_a_contract_to_perm_question_is_on_contract_work_not_fees() -> None:
    text = "How long do your contract-to-perm hires usually wait before they go permanent?"
    angle = suggest_angle(text, {"question": True}, None, 0)
    assert "contract work" in angle and "fees" not in angle
    fees = suggest_angle(
        "What do you charge for perm placements these days?", {"question": True}, None, 0
    )
    assert "placement fees" in fees


@pytest.mark.parametrize(
    "text",
    [
        "Last winter he was back at his parents' with no job, no savings and a van to pay off",
        "She moved to the coast with no money and two kids, and took whatever came to survive",
        # "started" is a habit taken up here, not a first day at work: no happy ending
        "By March he had no job and no savings, and he started drinking",
        "He started drinking when the money ran out: no job, no savings, nothing",
    ],
)
def test_someone_elses_hard_times_told_get_no_recruiting_story(text: str) -> None:
    angle = suggest_angle(text, {}, None, 0)
    assert angle.startswith("Someone else's hard times, told, not asked about")
    assert "recruiters' experience" not in angle and "Be the first to reply" not in angle


@pytest.mark.parametrize(
    "text",
    [
        # the writer's own lot: empathy and one tip, as before
        "My brother lost his job and I can barely pay the rent now",
        # asked: answered
        "She has no job since the plant closed. Where should she look first?",
    ],
)
def test_a_hardship_of_ones_own_or_asked_about_is_answered(text: str) -> None:
    flags = {"question": text.endswith("?")}
    assert not suggest_angle(text, flags, None, 0).startswith("Someone else's hard times")


@pytest.mark.parametrize(
    "text",
    [
        # the story ends well: a placement, a turnaround
        "Placed a candidate today who had no job for two years. He starts Monday at the depot!",
        "She was homeless at 19 and now runs a staffing agency of 40. Read her story",
        # a tip, a finding: a firm has its line to add
        "If a candidate had no job for a while, ask him what he learned",
        "Study: 1 in 5 nurses can't afford rent near her hospital",
    ],
)
def test_a_hardship_that_ended_well_or_a_tip_on_one_is_no_hard_time_to_leave_be(
    text: str,
) -> None:
    assert not suggest_angle(text, {}, None, 0).startswith("Someone else's hard times")
