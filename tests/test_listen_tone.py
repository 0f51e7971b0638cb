"""The tone of a post, which picks the angle (:mod:`staffpulse.listen.tone`): distress,
seriousness, grief, play and frustration that VADER alone misreads (hand-written posts)."""

from __future__ import annotations

import pytest

from staffpulse.listen.angles import suggest_angle
from staffpulse.listen.tone import judge_tone, mourns, signals_crisis


def test_tone_sees_distress_that_sentiment_scores_as_neutral() -> None:
    distressed, happy, laid_off = judge_tone(
        [
            "Glad to be back on the ward tomorrow honestly, at least it takes my mind off home",
            "My boss scheduled a 'quick sync' for 3 hours lol, love this team",
            "Just got laid off after 12 years. Not sure what to do next.",
        ]
    )
    assert distressed.distressed and distressed.negative and not distressed.light
    assert happy.light and not happy.negative
    assert laid_off.negative and not laid_off.light


def test_a_loss_mourned_is_distress_never_a_view_to_push_back_on() -> None:
    mourned = judge_tone(
        [
            "A month ago today we lost our coworker and friend. Rest in paradise, Dana",
            "RIP to the best shift lead the night crew ever had",
            "Sending condolences to the whole team at the depot",
            "Don't get ripped off by recruiters who charge candidates, trip advice inside",
        ]
    )
    assert [t.distressed for t in mourned] == [True, True, True, False]
    nailed, killed = judge_tone(
        ["Killed the demo for the client! Drinks on me tonight!!", "Two killed in a crash"]
    )
    assert not nailed.distressed and killed.distressed
    angle = suggest_angle(
        "A month ago today we lost our coworker and friend. Rest in paradise, Dana", {}, None, 0
    )
    # a mourning post gets condolence only: no tip to a mourner, no "be the first to reply"
    assert "push back" not in angle and "condolence" in angle and "tip" not in angle
    assert not angle.startswith("Be the first")


def test_tone_reads_play_past_a_scary_word_and_seriousness_past_a_positive_one() -> None:
    joke, legal, fired, plain = judge_tone(
        [
            "Halloween costume idea: a job req that's been open for 180 days. Terrifying. 👻",
            "They asked me to do an unpaid 'trial shift' of 8 hours. Is that even legal?",
            "My manager says I'll be fired if I take my PTO. Great.",
            "Terrifying numbers: 40% of new hires quit in 90 days.",
        ]
    )
    assert joke.playful and not joke.negative and joke.light
    assert legal.legal and legal.serious and not legal.light
    assert fired.serious and not fired.legal and not fired.light
    assert plain.negative and not plain.playful  # no play: a scary word stays negative


def test_pay_makes_a_question_serious_not_a_statement() -> None:
    question, statement = judge_tone(
        ["What hourly rate should I ask for, and is $18 fair pay?", "Payday! Pizza on us 🎉"]
    )
    assert question.serious and not statement.serious


@pytest.mark.parametrize(
    "text",
    [
        "I can't cope with this workload anymore, my boss won't listen",
        "The timesheet portal won't load, please help",
        "It's illegal, isn't it? My employer won't pay overtime",
    ],
)
def test_a_curly_apostrophe_reads_as_a_straight_one(text: str) -> None:
    # phones and X type "can\u2019t": the tone must not flip with the keyboard
    (straight, curly) = judge_tone([text, text.replace("'", "\u2019")])
    assert straight == curly
    assert straight.distressed or straight.compound < 0


def test_grief_is_a_death_mourned_not_a_policy_question_or_a_dead_laptop() -> None:
    lost, rip, grief, policy, laptop, exasperated = judge_tone(
        [
            "Lost my dad last week and I'm back at work on Monday",
            "RIP Marco, the kindest dispatcher on the night shift",
            "Grief comes in waves since my colleague died",
            "HR folks: how many days of bereavement leave does your policy give?",
            "My laptop died in the middle of a candidate interview",
            "Good grief, a five-round interview process for a junior role",
        ]
    )
    assert lost.grieving and lost.distressed and rip.grieving and grief.grieving
    assert not policy.grieving and not laptop.grieving and not exasperated.grieving


def test_grief_given_or_got_is_a_hassle_not_a_loss() -> None:
    boss, asked, widow = judge_tone(
        [
            "My boss keeps giving me grief for leaving at 5 every day.",
            "Got a lot of grief from my manager for asking about pay transparency",
            "Getting grief counselling since my husband passed away, and work wants me back",
        ]
    )
    assert not boss.grieving and not asked.grieving
    assert not mourns("Recruiters give candidates grief for a gap year, and we should stop")
    assert widow.grieving and mourns("RIP Marco. His family got so much grief from the press")
    assert mourns("We are giving grief counselling to the team after Tom's death this week")


def test_a_thing_mourned_in_jest_is_no_death_but_a_person_after_rip_is() -> None:
    remote, weekend, inbox, old_job, coworker, name, lead = judge_tone(
        [
            "RIP remote work. Back to the office five days a week from March",
            "RIP to my weekend, the hiring manager wants the shortlist by Monday",
            "RIP my inbox after posting one junior role",
            "RIP to my old job, I will not miss the 5am starts",
            "RIP to my coworker Al, the best foreman I ever had",
            "RIP Marco, the kindest dispatcher on the night shift",
            "RIP to our shift lead Rosa, forty years on the line",
        ]
    )
    assert not remote.grieving and not weekend.grieving and not inbox.grieving
    assert not old_job.grieving
    assert coworker.grieving and name.grieving and lead.grieving


def test_a_job_refused_on_a_protected_ground_is_a_rights_matter_not_a_seasons_shifts() -> None:
    fired, refused, season = judge_tone(
        [
            "Fired for being gay. What are my options?",
            "Turned down because I'm Black, the recruiter all but said it",
            "Got rejected for the Black Friday shifts again, any tips?",
        ]
    )
    assert fired.legal and refused.legal
    assert not season.legal


@pytest.mark.parametrize(
    "text",
    [
        "Is a 6-hour unpaid take-home test for a junior developer role reasonable?",
        "Hiring managers: we ask candidates for an unpaid case study. Too much, or fair?",
        "Are unpaid internships still worth it for a first job in marketing?",
        "Our client wants to offer minimum wage for the warehouse shift. How do you push back?",
        "I think unpaid internships are exploitative. Should we drop ours?",
        "I would never ask candidates for an unpaid take-home test, would you?",
    ],
)
def test_unpaid_work_weighed_by_whoever_decides_it_is_serious_but_no_rights_question(
    text: str,
) -> None:
    (tone,) = judge_tone([text])
    assert tone.serious and not tone.legal


@pytest.mark.parametrize(
    "text",
    [
        "My agency says the first week of training is unpaid. Can they do that?",
        "I'm still owed two weeks of wages from my last placement. What can I do?",
        "They made me work an unpaid trial shift, 8 hours. Is that even allowed?",
        "I was told the first week of training is unpaid. Is that normal?",
        "I've been underpaid for months and nobody answers my emails",
    ],
)
def test_pay_withheld_from_the_writer_is_a_rights_question(text: str) -> None:
    (tone,) = judge_tone([text])
    assert tone.legal and tone.serious


@pytest.mark.parametrize(
    "text",
    [
        "The warehouse agency says they still owe me two weeks of pay. Nobody calls back.",
        "Month three and my old client still owes us the overtime from the holiday rush",
        "My commission from the June deals, they owe me every cent of it and it is October",
        "I am still owed for three weeks of work at the depot and the agency stopped answering",
        "The staffing office owes me money for 40 hours from the stocktake",
    ],
)
def test_a_debt_of_pay_to_the_writer_is_a_rights_question(text: str) -> None:
    (tone,) = judge_tone([text])
    assert tone.legal and tone.serious and not tone.light


@pytest.mark.parametrize(
    "text",
    [
        "Our founder owes his whole career to one lucky cold call in 2009",
        "You owe me a coffee for covering that interview panel",
        "Nobody owes you a reply to a cover letter, but it is nice to get one",
        "My cousin owes the bank more than my car is worth",
    ],
)
def test_a_debt_that_is_not_pay_is_no_rights_question(text: str) -> None:
    (tone,) = judge_tone([text])
    assert not tone.legal and not tone.serious


def test_frustration_said_outright_is_negative_whatever_a_stray_positive_word_says() -> None:
    annoyed, fed_up, song, calm = judge_tone(
        [
            "Honestly so annoyed. Like my phone interview was set for 9 and still nobody has called",
            "Fed up with recruiters who never send feedback. Love the job hunt, obviously",
            "I can't stand the night shift playlist they play, great song though",
            "Like my interview today, they were great",
        ]
    )
    assert annoyed.negative and fed_up.negative and not annoyed.light
    assert not song.frustrated and not calm.negative


def test_a_cheerful_farewell_to_a_job_is_no_distress_but_a_thing_lost_without_relief_is() -> None:
    farewell, riddance, paycheck, owed = judge_tone(
        [
            "RIP to my old job, I won't miss those 4am forklift starts one bit",
            "RIP my night shifts. Good riddance, day rota from Monday!",
            "RIP to my paycheck after three weeks of unpaid onboarding",
            "RIP my old job, good riddance, but I am still owed two weeks of pay",
        ]
    )
    assert not farewell.distressed and not farewell.negative and farewell.playful
    assert not riddance.distressed and not riddance.grieving
    assert paycheck.distressed and paycheck.serious
    # relief does not make pay still owed a light matter
    assert owed.serious and not owed.light
    angle = suggest_angle("RIP to my old job, I won't miss those 4am forklift starts", {}, None, 0)
    assert "no jokes" not in angle and "acknowledge what they are going through" not in angle
    grievance = suggest_angle(
        "RIP to my paycheck after three weeks of unpaid onboarding", {}, None, 0
    )
    assert "acknowledge what they are going through" in grievance


CONSOLE = "acknowledge what they are going through"


WINS = [
    "Crushed the presentation this morning! Treating myself to tacos tonight",
    "Killed the call with the bakery owner!! Fingers crossed for Friday",
]
BOREDOM = (
    "Zero tickets in the queue and my manager won't let me go home early. So bored I'm"
    " alphabetising the stapler drawer"
)


@pytest.mark.parametrize("text", [*WINS, BOREDOM])
def test_a_win_or_boredom_at_work_reads_light_not_negative(text: str) -> None:
    tone = judge_tone([text])[0]
    assert not tone.negative and tone.light


@pytest.mark.parametrize("text", WINS)
def test_a_win_told_in_a_violent_word_is_cheered_on_not_consoled(text: str) -> None:
    angle = suggest_angle(text, {"question": False}, None, 0)
    assert CONSOLE not in angle
    assert "cheer them on" in angle


def test_a_win_told_in_anger_is_no_feat_to_cheer() -> None:
    text = "Aced the interview at the depot and they still ghosted me. So annoyed right now"
    assert "cheer them on" not in suggest_angle(text, {"question": False}, None, 0)


def test_boredom_at_work_is_met_in_a_light_tone_not_consoled() -> None:
    angle = suggest_angle(BOREDOM, {"question": False}, None, 0, humor=0.7)
    assert CONSOLE not in angle
    assert "match the light tone" in angle


def test_letting_someone_go_home_early_is_no_firing() -> None:
    assert not judge_tone(["Our lead let me go home early since the shop was empty"])[0].serious
    assert judge_tone(["Our lead let me go after nine years without a reason"])[0].serious


def test_boredom_beside_a_worry_is_still_a_hardship() -> None:
    text = "They let me go on Monday. So bored at home already and scared about rent"
    tone = judge_tone([text])[0]
    assert tone.serious and not tone.light
    assert CONSOLE in suggest_angle(text, {"question": False}, None, 0, humor=0.7)


def test_an_entry_to_a_hashtag_game_is_a_joke_not_a_firing_to_console() -> None:
    text = "#LostMyJobBecause I put oat milk in the CEO's espresso and called it a latte"
    tone = judge_tone([text])[0]
    assert tone.light and not tone.negative
    angle = suggest_angle(text, {"question": False}, None, 0, humor=0.8)
    assert CONSOLE not in angle
    assert "match the light tone" in angle


def test_leaving_with_an_expletive_is_a_light_exit_not_a_hardship() -> None:
    text = (
        "Two more candidates to interview and then we're getting the hell out of dodge for the week"
    )
    tone = judge_tone([text])[0]
    assert tone.light and not tone.negative
    assert CONSOLE not in suggest_angle(text, {"question": False}, None, 0, humor=0.1)
    # the same exit after a hatred said outright still reads as the complaint it is
    vent = judge_tone(["I hate this warehouse so much, getting the hell out of dodge"])[0]
    assert vent.negative and not vent.light


def test_boredom_in_a_vent_is_no_play_to_match() -> None:
    text = "I hate this depot so much. Bored out of my skull and the pay is garbage"
    tone = judge_tone([text])[0]
    assert tone.negative and not tone.light
    assert "match the light tone" not in suggest_angle(text, {"question": False}, None, 0, 0.7)


def test_a_wish_to_die_or_death_not_feared_signals_a_crisis() -> None:
    assert signals_crisis("Honestly I'm not afraid of dying anymore, which scares my sister")
    assert signals_crisis("some weeks I just want to die, and work is the only thing I do")
    assert signals_crisis("Asked if I'm scared of death.\nI said I'm looking forward to it")
    for text in ("Dying to see the new badge photos", "This standup is killing me lol"):
        assert not signals_crisis(text), text
