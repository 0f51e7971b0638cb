"""What the inbox never offers a staffing firm (insults, partisan bait, NSFW; put-downs are in
test_listen_put_downs; a post's tone is in test_listen_tone)."""

from __future__ import annotations

import pytest

from staffpulse.listen.moderation import crosses_a_line, looks_hostile, moderate


@pytest.mark.parametrize(
    "text",
    [
        "The council majority are spineless, corrupt cowards, every last one of them.",
        "You idiots have no clue how hiring works",
        "Recruiters are scumbags, every one of them",
        "shut up and go back to your cubicle",
        # class denied to a named person is a personal attack
        "@rovers_fc time to drop @keeper_jo, has #NoClass and folds every big match",
        "You have no class, no manners and no future at this club",
        # "at all" says it louder; it is no timetable ("no class at 9")
        "That new shift lead has no class at all, yelling at the temps",
        # people called garbage, or a "POS"; a slur starred is a slur still
        "we pay the college a fortune and they can't find tutors that aren't absolute garbage",
        "Smug POS coworker asked me again whether he should fix the rota, no idea what he means",
        "honestly my shift manager is a POS",
        "what a POS, took the tips off the counter again",
        "@pal @mate n***a I have a double shift tomorrow lol",
        "these n*ggas at my job never clean the fryer",
    ],
)
def test_insults_and_vilifying_strings_are_hostile(text: str) -> None:
    assert moderate(text).hostile


@pytest.mark.parametrize(
    "text",
    [
        "This fucking commute is killing me, 2 hours each way for an office job",
        "Our interview process was evil... in a good way: four quick rounds",
        "Tough market for everyone this quarter",
        # a timetable, a care desk's apology, pay talk, a political theory
        "I have no class today, so I can finally work a double shift",
        "My son has no class at 10 on Fridays, so he covers the early shift",
        "My daughter has no class at all this week, so she can cover the Saturday shift",
        "We're sorry, that wait is not good enough. Please DM us your order number",
        "Our night shift rate is not good enough to keep drivers, so we raised it",
        "Reading about the classless society for my sociology essay",
        # a contest's loser, a thing called garbage, a till
        "Won a tenner in the office sweepstake for picking the biggest loser of the league",
        "Slowest walker and biggest loser of our team pedometer challenge pays for the pizzas",
        "The loser of their quiz night cleans the break room fridge",
        "The canteen food at work is absolute garbage this week",
        # a skill judged, not people called garbage
        "Most candidates are rubbish at negotiating salary, here is how to fix that",
        "Our POS system crashed at work, so we took cash all afternoon",
        # a till's trade, and the city's refuse crews
        "She's a POS admin at the mall and trains every new cashier",
        "He was a POS trainer at our store for years before moving to payroll",
        "Hiring a POS manager for our retail clients, weekdays only",
        "our POS guy fixed the terminal this morning, back to normal",
        "POS customer support has been down all day at the depot",
        "The candidates were garbage collectors for the city before they applied",
        "They are trash men and proud of it, best crew in the depot",
        # a country, not a slur
        "Our Niger Delta crews rotate every four weeks",
        # one star for a slash: "N/A"
        "Rated N*A on the forklift test, so I retake it Monday",
    ],
)
def test_profanity_or_one_strong_word_is_not_an_insult(text: str) -> None:
    assert not looks_hostile(text)


def test_party_politics_without_a_work_matter_is_partisan() -> None:
    bait = moderate("Funny how the potholes multiply every time Republicans run the county, right?")
    assert bait.partisan and bait.politics
    labour = moderate("Half the Labour MPs who campaigned for Starmer now brief against him")
    assert labour.partisan
    by_handle = moderate(
        "On @NightlyWire this morning, @BarackObama told first-time voters to show up"
    )
    assert by_handle.partisan


def test_politics_about_a_work_matter_stays_flagged_politics() -> None:
    verdict = moderate("The GOP overtime rule would raise pay for 3 million salaried workers")
    assert verdict.politics and not verdict.partisan
    possessive = moderate("Biden's new overtime rule will change small business hiring")
    assert possessive.politics and not possessive.partisan  # "Biden's" names him too
    assert moderate("Biden's speech ran long again").partisan


@pytest.mark.parametrize(
    "text",
    [
        "Watching the #Brexit debate again: the minister's aide has the oddest job title I've"
        " heard. Who invents these?",
        "Brexiteers in parliament still pretend their jobs are safe",
        "Another Trump rally, another speech about his great career",
    ],
)
def test_a_party_or_its_cause_with_work_only_in_passing_is_partisan(text: str) -> None:
    assert moderate(text).partisan


@pytest.mark.parametrize(
    "text",
    [
        "Brexit made it much harder to hire nurses from the EU. How are agencies coping?",
        "Will the GOP overtime rule change how you schedule weekend shifts?",
        "Woke up at 5 for a job I hate. Anyone else dreading Mondays?",
    ],
)
def test_a_work_matter_or_a_waking_worker_is_not_partisan(text: str) -> None:
    assert not moderate(text).partisan


@pytest.mark.parametrize(
    "text",
    [
        "I cannot resist a good interview question: what would your last manager say?",
        "Why do hiring managers resist every change to the interview loop?",
        "Expect some resistance to the new rota at first",
        "Overcoming The Resistance To Four-Day Weeks",
    ],
)
def test_resisting_in_its_everyday_sense_is_no_politics(text: str) -> None:
    # "resist" in any sense read as politics: a post about interview questions was left out
    # of the inbox as partisan and never offered to imitate in an audit
    assert not moderate(text).politics


@pytest.mark.parametrize(
    "text",
    [
        "Another week, another rally #Resist",
        "Marching downtown again #TheResistance",
        "Proud to join the Resistance",
    ],
)
def test_the_resistance_as_a_movement_is_politics(text: str) -> None:
    assert moderate(text).partisan


@pytest.mark.parametrize(
    "text",
    [
        "Long week at the warehouse, so a treat for you all: fresh set up tonight #nsfw",
        "new nudes tonight",
        # a sex act read as a "job" in a joke about bad jobs
        "Worst job ever: handjob intern at the hotel bar #BadJobs",
        "Career goal: professional fluffer, benefits included",
        # innuendo in a joke about work: still not a conversation for a firm
        "Lost my job because my supervisor spotted me at the strip club on a sick day",
        "Accidentally packed my vibrator in the laptop bag for the client pitch",
        "Rumour says the new hire got promoted for sleeping with her manager",
        "HR called me in after I joked about a rim job at the team lunch",
        "Worst gig ever: the casting couch at a tiny film studio downtown",
        "My manager found out about the 'art film' I made in my twenties",
        "Told the interviewer the office plant looked like a penis. No callback.",
    ],
)
def test_sexual_content_is_nsfw(text: str) -> None:
    assert moderate(text).nsfw


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for the reference letter, see you at the interview xxx",
        "Sex discrimination claims rose 12% at employment tribunals",
        # HR matters with "sex" in them, and tools, are work a firm may talk about
        "How should a small firm handle a sexual harassment complaint at work?",
        "Hiring: concrete vibrator operator for the bridge crew, $24/hr",
        "Grabbed some paint stripper at lunch, the warehouse floor project starts Monday",
        "Our art film festival needs two volunteers for the ticket desk",
        # "have sex" before an HR matter, and the tools of trades a firm staffs
        "Does your company have sex discrimination training for new managers?",
        "Do you have sex-based pay gap reporting yet, or is it next year?",
        "Electrician apprentice wanted: bring your own wire strippers and a meter",
        "Floor stripper operator for the night janitorial crew, $17/hr",
        # a farm's or a ship's hands have jobs too
        "Deck hand jobs open on the ferry route, apply by Friday",
        "Three farm hand jobs left for the harvest season, housing included",
    ],
)
def test_work_talk_with_a_sexual_word_is_not_nsfw(text: str) -> None:
    assert not moderate(text).nsfw


@pytest.mark.parametrize(
    "text",
    [
        "Happy Thanksgiving from all of us at Apex Logistics Staffing.",
        "Merry Christmas and happy holidays from the team at Brightside Talent! 🎄",
        "Season's greetings! https://apex.example/holiday",
    ],
)
def test_a_seasonal_greeting_is_left_out(text: str) -> None:
    assert moderate(text).greeting


@pytest.mark.parametrize(
    "text",
    [
        "Happy Friday! What's the one interview question you always ask?",  # asks the room
        "Happy Labor Day. Reminder: overtime rules changed this year for salaried staff.",
        "Our recruiters say candidates ghost more in December than any other month.",
    ],
)
def test_a_greeting_with_a_question_or_a_work_matter_stays(text: str) -> None:
    assert not moderate(text).greeting


@pytest.mark.parametrize(
    "text",
    [
        "Happy Thanksgiving from all of us at Acme Staffing! Grateful for our candidates, "
        "clients, and team.",
        "Merry Christmas! Wishing all our recruiters and hiring managers a restful break.",
        "Happy New Year from the team at Northwind Talent. Thank you to all of our applicants!",
    ],
)
def test_a_greeting_that_thanks_its_candidates_and_clients_is_still_a_greeting(text: str) -> None:
    assert moderate(text).greeting


@pytest.mark.parametrize(
    "text",
    [
        "Happy New Year. Thanks for nothing: my boss laid me off on Dec 31.",
        "Happy holidays! Grateful for our team. Hiring freezes end in January for candidates.",
    ],
)
def test_thanks_do_not_hide_a_work_matter_said_beside_them(text: str) -> None:
    assert not moderate(text).greeting


def test_coworkers_called_lazy_asses_is_hostile() -> None:
    # an insult aimed at people, though they are coworkers: not a rant for a firm to answer
    assert moderate(
        "My whole shift left me to unload the truck alone. Lazy asses, all of them"
    ).hostile
    assert not moderate("Feeling lazy after a double shift, anyone else?").hostile
    # the writer's own lazy ass, or a lazy day, is no insult: a seeker's news stays
    assert not moderate("My lazy ass finally sent the application, wish me luck").hostile
    assert not moderate("Lazy-ass Sunday, then the new job starts tomorrow").hostile


@pytest.mark.parametrize(
    "text",
    [
        "You idiots have no clue how hiring works",
        "The panel was vile, corrupt and spineless from start to finish",
        "Never hire anyone over 50, they can't learn new tools",
        "Looking for nudes, DM me",
        "Everything went wrong the day the Republicans took the House",
        "Brexit made it harder to hire nurses in our region this year",
        "#GOPMustGo and take the overtime rule with them",
        "Happy Thanksgiving from all of us at Apex Logistics Staffing!",
        "Interviewer: where do you see yourself in 5 years? Me: in your chair",
        "Our forklift operators in Dayton start at $19/hr, apply today",
        "Resume tip: put your numbers first, then the story behind them",
    ],
)
def test_crossing_a_line_is_what_moderation_calls_hostile_nsfw_or_politics(text: str) -> None:
    said = moderate(text)
    assert crosses_a_line(text) == (said.hostile or said.nsfw or said.politics)


@pytest.mark.parametrize(
    "text",
    [
        # a government's cuts to benefits, on pay: offered, flagged politics (a neutral angle)
        "Ministers are cutting child tax credits while our care workers still earn the minimum wage",
        "Benefit cuts will push more of our temps onto zero-hours contracts this winter",
        "Ministers plan to slash universal credit, so more candidates ask for full-time hours at interview",
    ],
)
def test_a_governments_cuts_on_a_work_matter_are_politics_not_left_out(text: str) -> None:
    verdict = moderate(text)
    assert verdict.politics and not verdict.partisan


@pytest.mark.parametrize(
    "text",
    [
        # an economic system blamed: the same politics caution as a government's cuts
        "Two years out of work, rent due, and capitalism is not helping me one bit",
        "Trickle-down economics never reached the night shift at our warehouse",
    ],
)
def test_an_economic_system_blamed_is_politics_not_left_out(text: str) -> None:
    verdict = moderate(text)
    assert verdict.politics and not verdict.partisan


def test_a_venture_capitalist_is_a_job_not_an_economic_system() -> None:
    assert not moderate("Our venture capitalist joins the hiring panel on Friday").politics


def test_a_governments_cuts_with_work_in_passing_are_partisan() -> None:
    assert moderate("Tax credit cuts voted through again, what a week in Westminster").partisan


@pytest.mark.parametrize(
    "text",
    [
        # pay talk, a credit a business earns, a government's rule reported
        "Took a minimum wage job at the depot until something better comes up",
        "Proud to be a living wage employer: every temp we place is paid it",
        "Do your clients claim the Work Opportunity tax credit for hiring veterans?",
        "The government raised the minimum wage in April; our warehouse rates went up too",
        # a tax credit with no cut, vote or government beside it; a firm's own benefits
        "Our accountant says the R&D tax credits will cover two new engineers this year",
        "My tax credit refund came in, finally paying off my work laptop",
        "Employee retention tax credit deadline is coming, ask your payroll team",
        "Pension freeze at work again, the company says it is temporary",
        "Our benefits freeze ends in January and raises go back to normal",
        "Benefits cuts at my company mean the dental plan is gone for new hires",
        "The government cut my hours at the DMV again, third rota change this month",
        "Our lab needs a technician who knows snap freeze protocols for tissue samples",
        "Austerity in our team budget means no Christmas party this year",
        # an employer's own cuts, a claim asked about, a ribbon cut
        "Pension freeze for our contractors until the audit is done, sorry team",
        "Benefit cuts for temps at our agency this year, ugh",
        "Is universal credit cut if I pick up extra shifts?",
        "The government is cutting the ribbon on the new job centre today",
    ],
)
def test_pay_talk_and_business_credits_are_no_politics(text: str) -> None:
    verdict = moderate(text)
    assert not verdict.politics and not verdict.partisan


@pytest.mark.parametrize(
    ("text", "nsfw"),
    [
        # our own texts, read as funny: a colleague's name is no innuendo
        ("Dick Kowalczyk from our loading bay just clocked 30 years with us, cake at 3", False),
        ("Mr Dick in payroll finally retires, the whole floor cried lol", False),
        # the word itself, or a name the word before makes crude
        ("Big Dick Pemberton energy from our new sales lead lol", True),
        ("My manager is such a dick about overtime lol", True),
        # a dog breed is a thing, unless the word before makes it the double meaning
        ("The office wiener dog sat in on my whole performance review lol", False),
        ("Our team lead brought his wiener dog to the standup again lol", True),
    ],
)
def test_a_name_that_looks_crude_is_no_dirty_joke(text: str, nsfw: bool) -> None:
    assert moderate(text, humor=0.95).nsfw is nsfw


def test_a_person_called_a_loser_is_hostile_but_our_contests_loser_is_not() -> None:
    assert moderate("Honestly our shift lead is the biggest loser of our whole site").hostile
    assert moderate("Our shift lead is a total loser and everyone knows it").hostile
    assert not moderate("The loser of our step count contest buys the bagels on Friday").hostile


@pytest.mark.parametrize(
    "text",
    [
        "Hot singles in your area want to fuck tonight",
        "Horny girls waiting for you, click the link",
        "Lonely housewives near you want to chat",
        "Looking for a fuck buddy, no strings attached fun",
        "Wanna fuck? DM me",
        "Sexy singles are online now, free signup",
        "Naughty milfs in your city, tap here",
        "Casual sex tonight, no questions",
        "Hookups tonight near you, 100% free",
        "Dying to fuck someone after this week tbh",
    ],
)
def test_a_sexual_offer_is_nsfw(text: str) -> None:
    assert moderate(text).nsfw


@pytest.mark.parametrize(
    "text",
    [
        "I just want to fuck off home after this shift",
        "They want to fuck us over on holiday pay again",
        "Our singles mixer for new hires was a hit",
        "Casual dress Friday is the best perk we offer",
        "Ready to fuck this job off and retrain as an electrician",
        "No strings attached: the signing bonus is yours even if you leave",
        "Waiting to hear back from the hiring manager, day 9",
        "Hot desks again? Where do I keep my stuff",
        "Lonely night shifts are the hardest part of security work",
        "The women in our engineering cohort are crushing it",
        "Desperate to fuck around less and focus on my job search",
        "Hot takes on salary bands: publish them",
        "Sexy job titles don't fix bad pay",
        "Hooked up the new printer for the office, only took 3 hours",
        "Single parents in your area can apply for the flexible shift program",
    ],
)
def test_a_swear_word_or_work_talk_beside_an_offers_words_is_not_nsfw(text: str) -> None:
    assert not moderate(text).nsfw
