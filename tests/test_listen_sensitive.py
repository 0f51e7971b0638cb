"""Someone's identity at work and a labour dispute are offered with care, never with "agree or
push back" nor a recruiter's tip; a rant on politics with a swear word, and customers called
"Karens", are left out."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from listen_helpers import dated, fake_post_models, inbox, store_with
from staffpulse.listen.angles import suggest_angle
from staffpulse.listen.moderation import moderate
from staffpulse.listen.rank import RankContext, rank
from staffpulse.listen.sensitive import (
    DISPUTE_CAUTION,
    IDENTITY_CAUTION,
    campaigns_for_workers,
    sensitive_kind,
)
from staffpulse.listen.threads import Conversation
from staffpulse.listen.tone import Tone
from staffpulse.models import Post

# our own texts
DEFENDED = "Spent the whole team meeting defending gay rights to my manager. Job hunting tomorrow"
CASE = (
    "My cousin was let go last week and she thinks it's really because she is a lesbian."
    " Any advice I can pass on to her?"
)
STRIKE = (
    "The bus drivers at our depot go on strike over unpaid breaks; their employer is hiring temps."
)
PLAIN = "Our night shift lost three people this month and the employer is not hiring anyone."
NEUTRAL = Tone(0.0, False)


@pytest.mark.parametrize(
    ("text", "kind"), [(DEFENDED, "identity"), (CASE, "identity"), (STRIKE, "dispute")]
)
def test_identity_and_labour_disputes_are_sensitive(text: str, kind: str) -> None:
    assert sensitive_kind(text) == kind
    assert sensitive_kind(PLAIN) is None
    # a season's shifts are no ground held against someone
    assert sensitive_kind("I was rejected for the Black Friday shifts again") is None


@pytest.mark.parametrize(
    "text",
    [
        # a strike, a picket, a lockout, a scab or a union in its other senses (our own texts)
        "Lightning strikes at the warehouse again, power is out on the night shift",
        "Bowling strike for the win at our team night, the warehouse crew rules",
        "Trying to strike a balance between hiring fast and hiring well this quarter",
        "Saving up for a house with a white picket fence, this overtime helps",
        "Our lockout tagout training for the new forklift drivers is on Monday",
        "My hands are covered in scabs from the packing line, gloves please",
        "The European Union vote changed hiring for every agency in our town",
        "Our credit union drive raised money for the food bank at the depot",
        # a ground's word in another sense, or in another clause than the "because"
        "Got denied my raise because payroll only runs bi-weekly now",
        "Fired for being late because the bus was blind-sided by a truck",
        "I was let go since the depot closed, and at my age nobody calls back",
        "Just coming out of a three hour meeting about the new rota, my brain is fried",
        "Our whole team came out to the manager's leaving do last night",
    ],
)
def test_a_word_in_its_everyday_sense_is_no_sensitive_matter(text: str) -> None:
    assert sensitive_kind(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Day 12 on the picket line outside the depot, bring coffee", "dispute"),
        ("Warehouse staff staged a walkout this morning over the heat", "dispute"),
        ("Our drivers are striking for sick pay, the agency asked me to cover", "dispute"),
        ("The plant hired scabs to keep the line running during the lockout", "dispute"),
        ("I came out to my manager today and she was lovely about it", "identity"),
        ("Asked for a ramp and got denied because of my disability, what now?", "identity"),
    ],
)
def test_a_dispute_or_a_case_told_in_other_words_is_still_sensitive(text: str, kind: str) -> None:
    assert sensitive_kind(text) == kind


def test_a_post_on_someone_s_identity_is_never_debated() -> None:
    angle = suggest_angle(DEFENDED, {"work": True}, None, 0, tone=NEUTRAL)
    assert "push back" not in angle and "never debate" in angle and "leave it" in angle


def test_a_question_on_a_discrimination_case_gets_where_to_check_not_advice() -> None:
    angle = suggest_angle(CASE, {"question": True}, None, 0, tone=NEUTRAL)
    assert "useful example" not in angle
    assert "where to check" in angle and "no legal advice" in angle


def test_a_strike_gets_no_side_taken() -> None:
    angle = suggest_angle(STRIKE, {"work": True}, None, 0, tone=NEUTRAL)
    assert "take no side" in angle and "push back" not in angle
    # an ordinary work post keeps its usual angle
    assert "push back" in suggest_angle(PLAIN, {"work": True}, None, 0, tone=NEUTRAL)


def test_customers_called_karens_are_an_insult() -> None:
    assert moderate(
        "Staff are quitting because the Karens at the till scream at them daily"
    ).hostile
    assert not moderate("Karen from payroll sorted my overtime in ten minutes").hostile
    # colleagues who share the name, counted, are no insult
    assert not moderate("Both Karens in accounts are leaving, big shoes to fill").hostile


def test_a_rant_on_a_government_s_policy_with_a_swear_word_is_partisan() -> None:
    rant = (
        "The government scraps tax credits now and the pay rise comes in years later. F***ing joke"
    )
    assert moderate(rant).partisan
    calm = "The government scraps tax credits now and the pay rise comes in years later."
    assert not moderate(calm).partisan
    # a swear word about work alone is still work talk
    assert not moderate("this fucking commute to the warehouse every morning").partisan
    # ... and so is the government as an employer, or a congress as a venue
    for text in [
        "I work for the government and the pay is shit, thinking of leaving for the private sector",
        "The wifi at the nursing congress was crap, half our recruiting talks stalled",
    ]:
        assert not moderate(text).partisan, text


fake_models = pytest.fixture(fake_post_models, autouse=True, name="fake_models")


def test_the_inbox_offers_a_sensitive_post_with_its_caution(tmp_path: Path) -> None:
    store = store_with(
        tmp_path,
        dated("s1", DEFENDED, author="ari"),
        dated("s2", STRIKE, author="bo"),
        dated("p1", PLAIN, author="cy"),
    )
    items = {i.conversation_id: i for i in inbox(store, max_age=None).items}
    store.close()
    assert IDENTITY_CAUTION in items["s1"].cautions and items["s1"].flags["sensitive"]
    assert DISPUTE_CAUTION in items["s2"].cautions
    assert not items["p1"].flags["sensitive"]
    assert not any("sensitive" in c for c in items["p1"].cautions)


def test_a_dispute_gets_its_flag_its_caution_and_its_angle_together() -> None:
    now = datetime(2026, 3, 1, 12, tzinfo=UTC)
    text = "Week three on the picket line at the cannery and still no offer from management"
    post = Post(platform="x", id="p", author_id="a", text=text, created_at=now)
    ranked = rank([Conversation("x", "p", (post,))], RankContext(now=now))[0]
    assert ranked.flags["sensitive"] and DISPUTE_CAUTION in ranked.cautions
    assert "take no side" in ranked.angle


@pytest.mark.parametrize(
    ("handle", "campaign"),
    [
        # a union's own name, or its local's, as the whole handle: every post is a side
        ("Teamsters", True),
        ("teamsters_local_99", True),
        ("FightFor15", True),
        ("HarbourWorkersUnite", True),
        # a workers' handle alone is no dispute, nor a fan of a union
        ("MetroDepotWorkers", False),
        ("@metro_depot_workers", False),
        ("TechWorkers", False),
        ("DeliveryWorkers", False),
        ("teamsters_fan", False),
        # a trade's own network, a desk, a person
        ("SocialWorkersUK", False),
        ("TheSocialWorkers", False),
        ("careworkersnet", False),
        ("coworkers", False),
        ("Coworkers_Cafe", False),
        ("dana_drives", False),
        # a job board or a community of a kind of work, no campaign
        ("RemoteWorkers", False),
        ("TempWorkersHub", False),
        ("KnowledgeWorkers", False),
        ("HomeWorkers", False),
        ("NightShiftWorkers", False),
        ("networkers", False),
        ("", False),
    ],
)
def test_a_union_account_is_told_by_its_handle_alone(handle: str, campaign: bool) -> None:
    assert campaigns_for_workers(handle) is campaign


@pytest.mark.parametrize(
    ("handle", "text", "dispute"),
    [
        # our own texts: a workers' account on its dispute
        (
            "MetroDepotWorkers",
            "Bosses plan 25 drivers to do the work of 70 #ExpectLateParcels",
            True,
        ),
        ("@metro_depot_workers", "They are cutting 40 drivers from the night routes in May", True),
        (
            "MetroDepotWorkers",
            "Replacing our porters with agency temps will not fix the wards",
            True,
        ),
        ("TechWorkers", "Our union reps sit down with management on Thursday", True),
        # the same accounts asking or telling something else
        ("DeliveryWorkers", "Which app do you use to track mileage for work?", False),
        ("TechWorkers", "Join our webinar on cutting onboarding time for new staff", False),
        ("MetroDepotWorkers", "Great turnout at the first aid refresher today, thanks all", False),
        ("teamsters_fan", "They are cutting 40 drivers from the night routes in May", False),
    ],
)
def test_a_workers_account_is_a_dispute_only_on_its_dispute(
    handle: str, text: str, dispute: bool
) -> None:
    assert campaigns_for_workers(handle, text) is dispute
    assert (sensitive_kind(text, handle) == "dispute") is dispute


def test_a_workers_account_asking_a_plain_question_gets_no_dispute_care(tmp_path: Path) -> None:
    text = "@DeliveryWorkers: Which app do you use to track mileage for your job?"
    store = store_with(tmp_path, dated("q1", text, author="u1", author_handle="DeliveryWorkers"))
    items = {i.conversation_id: i for i in inbox(store, max_age=None).items}
    store.close()
    assert DISPUTE_CAUTION not in items["q1"].cautions and not items["q1"].flags["sensitive"]
    assert "fill the strikers' shifts" not in items["q1"].angle


def test_a_workers_campaign_post_gets_the_dispute_care_without_a_strike_word(
    tmp_path: Path,
) -> None:
    # drivers to be replaced, told by their campaign: a side in a dispute, no word of a strike
    text = (
        "Management wants 20 drivers to do the job of 55 at the north depot, every shift"
        " #ExpectLongWaits"
    )
    store = store_with(
        tmp_path,
        dated("w1", text, author="u1", author_handle="NorthDepotWorkers"),
        dated("w2", text, author="u2", author_handle="dana_drives"),
    )
    items = {i.conversation_id: i for i in inbox(store, max_age=None).items}
    store.close()
    assert DISPUTE_CAUTION in items["w1"].cautions and items["w1"].flags["sensitive"]
    assert "take no side in the dispute" in items["w1"].angle
    assert "fill the strikers' shifts" in items["w1"].angle
    assert DISPUTE_CAUTION not in items["w2"].cautions and not items["w2"].flags["sensitive"]
    assert "take no side" not in items["w2"].angle
