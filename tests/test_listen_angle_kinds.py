"""angle_for_kind: a post's kind decides its angle before its tone is weighed."""

from __future__ import annotations

from staffpulse.listen.angle_kinds import aimed_question_angle, angle_for_kind
from staffpulse.listen.angle_reading import Reading, tell_subject
from staffpulse.listen.angles import IDENTITY, suggest_angle
from staffpulse.listen.tone import Tone

CALM = Tone(0.0, False)


def _read(text: str, question: bool = False, subject: str | None = None) -> Reading:
    return Reading(text, subject, CALM, question, "Be the first to reply, and ")


def test_each_kind_gets_its_own_angle_and_a_plain_post_none() -> None:
    asked = _read("@dana can you cover my Tuesday shift?", True)
    aimed = aimed_question_angle(asked, "@dana", None)
    assert aimed is not None and aimed.startswith("A question for @dana, not the room")
    # asked in a reply: who asks is said in the same sentence
    by_reply = aimed_question_angle(asked, "@dana", "@sam")
    assert by_reply is not None and by_reply.startswith("@sam asks @dana, not the room: reply")
    assert aimed_question_angle(_read("@dana swapped my Tuesday shift"), "@dana", None) is None
    feat = angle_for_kind(_read("Our recruiter ran her first marathon on Sunday!"), None)
    assert feat is not None and "cheer them on" in feat
    step = angle_for_kind(_read("Two interviews tomorrow, wish me luck"), None)
    assert step is not None and "wish them luck" in step
    assert angle_for_kind(_read("Most offers we see include a signing bonus now."), None) is None


def test_a_subject_is_told_only_when_the_post_names_one() -> None:
    assert tell_subject("pay") == " on pay" and tell_subject("pay", "about") == " about pay"
    assert tell_subject(None) == ""


def _angle(text: str) -> str:
    return suggest_angle(text, {"question": text.rstrip().endswith("?")}, None, 0)


def test_joy_said_outright_is_career_news_to_congratulate_not_a_hardship() -> None:
    # our own texts: a swear word beside "buzzing" is emphasis, not distress
    for text in ("Stoked as hell, I got the job at the garage!!", "chuffed, got a new job"):
        assert "congratulate them" in _angle(text)
    assert "congratulate them" in _angle("Really excited to start this job on the wards!")
    assert "cheer them on" in _angle("Honestly so proud of the work we do at the shelter!")
    # joy that turns is still the hardship it tells of
    turned = "Start my new job on Monday, buzzing, but my van broke down and the fix is 700"
    assert "congratulate" not in _angle(turned)


def test_a_step_supposed_is_no_news_to_congratulate() -> None:
    text = "If you started a new job and your team lead sang at every standup, what would you do?"
    assert "congratulate" not in _angle(text)
    assert "congratulate" in _angle("I started a new job today at the depot, and I love it")
    # a step the writer tells of after a "when someone ..." is news all the same
    assert "congratulate" in _angle(
        "Danced round the kitchen when someone from HR rang to say I got the job!!"
    )


def test_people_named_by_race_or_sex_get_no_light_tone_however_funny() -> None:
    # our own text: a quip back would take a side on who deserves work
    text = "yet another middle-aged white guy handed the director job, shocking stuff"
    angle = suggest_angle(text, {}, None, 0, humor=0.9, tone=Tone(0.3, False, playful=True))
    assert angle == IDENTITY and "match the light" not in suggest_angle(
        text, {}, None, 0, humor=0.9
    )
    # a question about it is answered, and a post that names no one so keeps its light tone
    asked = suggest_angle(
        text + "? how do your clients check for bias?", {"question": True}, None, 0
    )
    assert asked != IDENTITY
    light = "Our intern brought cake for the whole night shift, hero of the week"
    assert "match the light tone" in suggest_angle(light, {}, None, 0, humor=0.9)


def test_joy_beside_bad_news_is_no_news_to_congratulate() -> None:
    # our own text: no "but", yet the sick mother is the news; only a swear word is outweighed
    text = "over the moon about the new job... and then my mum got sick"
    assert "congratulate" not in _angle(text) and "acknowledge" in _angle(text)


def test_joy_said_of_a_wrong_is_no_light_tone() -> None:
    # our own text: only a swear word's gloom is lifted by joy, not a wrong told with it
    angle = suggest_angle(
        "Over the moon that payroll forgot me again this month", {}, None, 0, humor=0.9
    )
    assert "match the light tone" not in angle and "about pay" in angle  # a story of the writer's


def test_a_group_named_in_a_fact_or_with_pride_keeps_its_usual_angle() -> None:
    # our own texts: only a light tone gives way to the caution on people named by who they are
    for text in (
        "We hired two Black women as site leads this year",
        "Our plant now has a prayer room for Muslim workers, asked for by the night shift",
    ):
        angle = suggest_angle(text, {}, None, 0, humor=0.2)
        assert angle != IDENTITY and "add a perspective" in angle
