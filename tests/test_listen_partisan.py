"""A post that names a party or a politician takes sides; the same letters in everyday words
do not (hand-written posts)."""

from __future__ import annotations

import pytest

from staffpulse.listen.moderation import moderate
from staffpulse.listen.partisan import names_politics
from staffpulse.listen.work_terms import work_subject


@pytest.mark.parametrize(
    "text",
    [
        "Trump's new visa rule will hit our H-1B candidates",
        "trumps presidency was a mess for hiring",
        "Say what you like about #Trump2024, our clients are nervous",
        "The GOP plan for overtime pay",
        "never trump, never again",  # a movement, though "never" can come before the verb
        "it is always trump's fault, say our clients",
        "Trump says the new tariffs bring factory jobs back",
        "Under Trump, our warehouse hiring froze",
        "I will never vote Trump again",
        "Can Trump win a second term?",  # a helper opening a question asks about him
        "Will trump sign the overtime rule?",
        "The Trumps toured the plant and met our temps",
        "Mr Trump announced tariffs on steel",
        "the tariffs trump imposed cost us two clients",
        "Donald Trump Jr. spoke at the career fair",
        # the verb beside the words of his office is still about him
        "Skills trump degrees, says the president in a speech",
        # a party by its handle, or a side taken with it
        "@UKLabour what did you do about agency pay?",
        "@CorbynForLeader will you back the nurses' pay claim?",
        "Minimum wage up again and the Labour government calls it a win",
        "I used to vote Labour, not after this wage bill",
        # the party's business in parliament
        "Big night in the Commons: Labour's amendment on the childcare cuts was carried",
        "If you sit as a Labour whip, why skip the vote on apprentice pay?",
        "#ChildcareCredits: the Labour pledge on nursery places passed its first vote",
        # a direction word in a political sense
        "Critics on the left say the wage floor is too low",
        "Funny how the Left suddenly loves small business owners",
        "One law for the right and none for the left, as usual",
        "Both the far left and the right want to scrap the visa rule",
        "A far-right party topped the regional poll last night",
        "The left wing of the party wants a four-day week",
    ],
)
def test_a_politician_or_party_named_takes_sides(text: str) -> None:
    assert names_politics(text)
    assert moderate(text).politics


@pytest.mark.parametrize(
    "text",
    [
        "Culture trumps strategy every time. What do you see in your teams?",
        "A good attitude trumped a perfect CV in our last three hires",
        "Listening is trumping talking in interviews this year",
        "Attitude will always trump experience in a first hire",
        "Attitude can trump experience for junior roles",
        "Play your trump card in the interview: a portfolio",
        "Our new hire plays the trumpet at lunch",
        # the verb after a plural subject, in title case too
        "Skills trump degrees. Agree?",
        "References trump a polished resume in our desk's experience",
        "Culture Trumps Strategy, every single time",
        "Why Skills Trump Degrees in 2026 hiring",
        "Results Trump Titles",
        "Culture, not perks, trumps everything when you retain nurses",
        "Does a referral trump a cover letter?",
        "He was let go on trumped-up charges of lateness",
        # a firm's president and a degree's administration are no office; a helper opening a
        # question on a one-word subject
        "Our company president says attitude trumps experience",
        "For healthcare administration roles, skills trump degrees",
        "Does experience trump a degree for a sales lead role?",
        # labour as work, not the party
        "Labour costs are up 8% at our depots this year",
        "Agency labour is how we cover the Christmas peak",
        "Need General Labour staff for Monday near Leeds? Call our desk",
        # a direction said of a place or a part, and a comedian's ad libs
        "Click the Help link on the left",
        "Click the Apply button on the left, then upload your CV",
        "Our depot is the second door on the left.",
        "Park on the left side of the yard and sign in at reception",
        "Use the left and right arrow keys to move between shifts in the app",
        "The far right column of the rota shows overtime",
        "Her office is in the left wing of the hospital",
        "Best part of the panel was the ad libs from the host",
    ],
)
def test_the_verb_and_the_trumpet_are_no_politics(text: str) -> None:
    assert not names_politics(text)
    assert not moderate(text).politics


def test_a_verb_post_about_work_stays_in_the_inbox_unflagged() -> None:
    said = moderate("Hot take: skills trump degrees when you hire junior developers. Agree?")
    assert not said.partisan
    assert not said.politics


@pytest.mark.parametrize(
    "text",
    [
        # addressed to a politician: a reply lands in the politician's replies, whatever it asks
        "@realDonaldTrump any openings for a summer intern in your press office?",
        "@SenWhitfield will the apprenticeship bill fund welding programs in our county?",
        "@someone @JoeBiden my cousin still can't find work after the plant closed",
        # a legislature's or a partisan movement's tag files the post under politics
        "Committee hearing on the state hiring freeze starts at 2pm #MNleg",
        "Cuts to public sector jobs will cost this province for a decade #cdnpoli",
        "Another union rally downtown, more jobs promised #txlege",
        "Small business owners are tired of new payroll paperwork #tcot",
        # a president's economics by name takes a side, however much it says of benefits
        "Bidenomics: paying people to stay on unemployment benefits is called growth now",
        "Reaganomics gave us the part-time jobs we are all still working",
        # a side taken against a party, however much it says of pay first
        "@priya Employers should set pay, not ministers. Fair wages come from hiring. Tories hypocrisy!",
        "Shame on the GOP for blocking the overtime rule for warehouse workers",
        "Agency workers still wait for the pay rise they were promised #SunakOut",
        # addressed to a party's account: an answer lands in the party's replies
        "@ravi @HouseGOP raising the minimum wage is how you get people into work",
    ],
)
def test_a_post_filed_under_politics_is_partisan_whatever_it_says_of_work(text: str) -> None:
    verdict = moderate(text)
    assert verdict.partisan and verdict.politics


@pytest.mark.parametrize(
    "text",
    [
        # a head of government by surname beside the government's spending
        "Trimming government payrolls the way Harper did only shrinks the economy",
        "Stephen Harper froze public sector hiring for two years, and we still feel it",
        "Trudeau promised a jobs plan, still waiting",
        "Thanks @SenWhitfield for visiting our training centre and meeting the apprentices",
    ],
)
def test_a_head_of_government_or_a_lawmaker_is_named(text: str) -> None:
    assert names_politics(text)


@pytest.mark.parametrize(
    "text",
    [
        # the same letters, no politics
        "Four years of #college and my first job is data entry. Is that normal?",
        "@Replit is hiring junior developers, anyone applied?",
        "@Senseless_Tees our print shop needs two weekend packers",
        "Our new warehouse lead, Sam Harper, starts Monday",
        # another person of a leader's surname, even beside the government
        "Please welcome Priya Morrison, our new public sector recruiter!",
        "Government contracts desk: Lena Sanders joins us as account lead",
        "Leg day at the gym before my night shift #legday",
        "#Workout before my night shift, then payroll questions all morning",
        "Our recruiters are out! Back Monday with three new warehouse roles",
    ],
)
def test_the_same_letters_are_no_politics(text: str) -> None:
    assert not names_politics(text)
    assert not moderate(text).partisan


@pytest.mark.parametrize(
    "text",
    [
        "Join us at the library steps at noon to launch our Riverton candidate, Dana Fell.",
        "Volunteers needed: door-knocking for our Eastvale candidate this Saturday",
        "Who are the candidates for mayor this year? Asking before I register",
    ],
)
def test_a_candidate_for_office_is_politics_not_recruiting(text: str) -> None:
    assert moderate(text).partisan
    assert work_subject(text) is None  # never "one data point on candidates from recruiters"


@pytest.mark.parametrize(
    "text",
    [
        "Launching our candidate portal next week: apply in two clicks",
        "Who has a strong candidate for the night nurse role in Leeds?",
    ],
)
def test_a_candidate_for_a_job_is_still_recruiting(text: str) -> None:
    assert not moderate(text).partisan
    assert work_subject(text) == "candidates"


def test_where_a_problem_lies_is_no_jab_at_a_party() -> None:
    # "lies" the verb: politics named in a post about work, left with a caution, not left out
    verdict = moderate("The real challenge after Brexit lies in hiring enough nurses for winter")
    assert verdict.politics and not verdict.partisan
    assert moderate("Brexit lies again: we were promised more nurses, not fewer").partisan


@pytest.mark.parametrize(
    "text",
    [
        # a lawmaker told to go, by a handle that ends in the letters of the seat
        "@JaneHollisMP do your job or step down",
        "@ravi @ali_khan_MP apprentices waited a year for this, resign now",
        "Do ur job or quit, @PeteOrrMLA. Three plants closed on your watch",
        # the party as a plural subject, as British usage has it
        "Labour want a freeze on every council budget again, unbelievable",
    ],
)
def test_a_lawmaker_told_to_resign_or_the_party_as_a_subject_is_partisan(text: str) -> None:
    assert moderate(text).partisan


def test_the_party_as_a_subject_on_a_work_matter_is_politics_not_partisan() -> None:
    verdict = moderate("Labour said agency fees for temp nurses would be capped next year")
    assert verdict.politics and not verdict.partisan


@pytest.mark.parametrize(
    "text",
    [
        "@AcmeCEO do your job or step down, the warehouse has had no heating for a week",
        "Labour costs rose 4% this quarter and our margins feel it",
        "Labour is our biggest cost at the depot, so we plan shifts to the hour",
        "@PowerAMP is hiring two sound techs for the summer tour",
        # in staffing, MSP and MEP are a managed service provider and a building-services firm
        "@BrightwellMEP are you hiring site engineers for the hospital build?",
        "Our contractor program is run by @PeopleGridMSP and the bill rates are flat again",
        # labour the work, planned as a noun, not the party as a subject
        "Labour plan for peak season is ready: 40 extra pickers at the Leeds depot",
        "Labour need for the harvest is 60 pickers this year, up from 45",
        "Labour need to be booked two weeks ahead for the harvest, pickers are scarce",
    ],
)
def test_a_boss_told_to_resign_or_labour_as_a_cost_is_no_politics(text: str) -> None:
    assert not moderate(text).politics


def test_the_party_planning_is_named_and_a_call_to_go_counts_only_beside_a_name() -> None:
    assert moderate("Labour plan to cap agency fees for temp nurses next year").politics
    # the call to resign is said of a manager, in a sentence of its own
    verdict = moderate(
        "Labour said agency fees for temp nurses would be capped next year. "
        "Our ward manager should step down over the rota mess"
    )
    assert verdict.politics and not verdict.partisan
    # a worker's notice is no call to go
    verdict = moderate("Tories say #resignation rates among agency nurses are falling, not here")
    assert verdict.politics and not verdict.partisan


def test_where_something_of_a_party_lies_ending_a_sentence_is_reporting_not_a_jab() -> None:
    verdict = moderate("Agency nurses want to know where the pay rise promised by the Tories lies.")
    assert verdict.politics and not verdict.partisan
    assert moderate("Agency nurses got their pay rise from the Tories? Tory lies.").partisan
    # "lies" the noun, after a "which" or a "what" that asks nothing of where
    assert moderate(
        "Agency nurses were promised a pay rise, which is why nobody believes Tory lies about it"
    ).partisan
    assert moderate("Our nurses asked what became of the pay rise and got Tory lies again").partisan


@pytest.mark.parametrize(
    "text",
    [
        # a lawmaker or a governor by the prefix of the office, with or without "_"
        "Thanks @Sen_Whitfield for the visit, the apprentices loved it",
        "Thanks @GovHale for the visit, the apprentices loved it",
        "Thanks @CllrAnnaPike for opening our new depot",
        # by the letters of the seat after a name, one part or two
        "Thanks @OrrMPP for opening our new depot",
        "thanks @dana_orr_MLA for opening our new depot",
    ],
)
def test_a_lawmakers_handle_by_office_or_seat_names_politics(text: str) -> None:
    assert names_politics(text)


@pytest.mark.parametrize(
    "text",
    [
        # the letters of a seat after a common word: a team, the military police
        "Shoutout to @teamMP for onboarding our new warehouse staff this week",
        "Shoutout to @TeamMP for onboarding our new warehouse staff this week",
        "@army_MP recruiting office was packed today",
        # "at" an association's meeting: a group there, no lawmaker
        "If you missed our poster session at #libconf23 see this thread on projects by @CDEatMLA fellows",
        "Our fellows @HealthLibsAtMLA are hiring two archivists",
        # a government's service, not a governor
        "@GovTechWire which agencies are hiring data engineers this spring?",
    ],
)
def test_a_seats_letters_after_a_common_word_or_a_service_are_no_politics(text: str) -> None:
    assert not names_politics(text)
    assert not moderate(text).politics


@pytest.mark.parametrize(
    "text",
    [
        "I woke at 5 for my shift and the whole crew was already there",
        "Woke 4am, worked a double, still no overtime on my payslip",
        "I woke to three missed calls from my supervisor",
        "We barely woke in time for the early shift",
    ],
)
def test_woke_the_verb_is_no_politics(text: str) -> None:
    assert not names_politics(text)


@pytest.mark.parametrize(
    "text",
    ["Our CEO went woke and the sales team quit", "So tired of woke hiring rules"],
)
def test_woke_the_label_is_still_politics(text: str) -> None:
    assert names_politics(text)


@pytest.mark.parametrize(
    "text",
    [
        # a waking told by what it woke or how, not only "woke up"
        "The baby woke twice and I still made the 7am shift",
        "My alarm woke the whole house but I was still late to the depot",
        "Woke, showered, commuted, and the shift was cancelled by text",
        "Woke in a panic thinking I had missed my interview",
        "Dog woke me, cat woke my partner, nobody woke the night manager",
    ],
)
def test_woke_the_verb_however_told_is_no_politics(text: str) -> None:
    assert not names_politics(text)


@pytest.mark.parametrize(
    "text",
    [
        "The only woke thing about this company is its logo",
        "They're woke until payroll is due",
        "anti-woke hiring is the new fad among founders",
        "Our new VP is extra woke about email signatures",
    ],
)
def test_woke_the_label_by_the_word_before_or_after_it_is_politics(text: str) -> None:
    assert names_politics(text)


@pytest.mark.parametrize(
    "text",
    [
        # a government's or a firm's service after the office's letters
        "Thanks @GovCareers for featuring our nursing openings this week",
        "Met the folks from @RepStaffing at the career fair today",
        "Kudos to @SenSoftware for the new payroll integration",
    ],
)
def test_an_offices_letters_before_a_service_name_no_lawmaker(text: str) -> None:
    assert not names_politics(text)
    assert names_politics("Thanks @RepPayne for visiting the apprentices")
