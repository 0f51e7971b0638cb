"""Joinability ranking: properties of each signal, explanations and angles."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from staffpulse.listen.moderation import looks_hostile
from staffpulse.listen.rank import ROLE_WEIGHTS, RankContext, rank
from staffpulse.listen.rank_reasons import ROLE_NAMES
from staffpulse.listen.rank_signals import ROOM_UNKNOWN, looks_spammy
from staffpulse.listen.thread_work import ThreadWork
from staffpulse.listen.threads import Conversation
from staffpulse.models import ROLES, Post

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
BASE_TEXT = "Our team keeps losing candidates to counteroffers in the final week"


def conv(
    cid: str,
    text: str = BASE_TEXT,
    hours_ago: float = 1.0,
    replies: int = 2,
    reply_hours_ago: float | None = None,
    author: str = "author",
) -> Conversation:
    start = NOW - timedelta(hours=hours_ago)
    opening = Post(platform="x", id=cid, author_id=author, text=text, created_at=start)
    turns = tuple(
        Post(
            platform="x",
            id=f"{cid}-r{i}",
            author_id=f"u{i}",
            text="reply",
            kind="reply",
            reply_to_post_id=cid,
            conversation_id=cid,
            created_at=NOW
            - timedelta(hours=reply_hours_ago if reply_hours_ago is not None else hours_ago / 2),
        )
        for i in range(replies)
    )
    return Conversation("x", cid, (opening, *turns))


def order(*convs: Conversation, **ctx: object) -> list[str]:
    return [r.conversation.id for r in rank(list(convs), RankContext(now=NOW, **ctx))]  # type: ignore[arg-type]


def test_question_beats_statement() -> None:
    assert order(conv("a"), conv("b", text=BASE_TEXT + ". How do you handle it?")) == ["b", "a"]


def test_recent_beats_old() -> None:
    assert order(conv("old", hours_ago=72), conv("new", hours_ago=1)) == ["new", "old"]


def test_room_to_add_value_beats_busy_thread() -> None:
    assert order(conv("busy", replies=40), conv("open", replies=2)) == ["open", "busy"]


def test_activity_growth_helps() -> None:
    quiet = conv("quiet", hours_ago=10, replies=3, reply_hours_ago=9)
    growing = conv("growing", hours_ago=10, replies=3, reply_hours_ago=0.5)
    assert order(quiet, growing) == ["growing", "quiet"]


def test_author_role_matters() -> None:
    a, b = conv("a", author="rec"), conv("b", author="nobody")
    assert order(a, b, roles={"rec": "recruiter", "nobody": "job_board"}) == ["a", "b"]


@pytest.mark.parametrize(
    "text",
    [
        "We're hiring a Senior Nurse in Denver! Apply now: https://jobs.example/1 #hiring",
        "You idiots have no clue how hiring works, shut up",
        "Hiring tips! Follow back for crypto airdrop giveaway #a #b #c #d #e #f",
    ],
)
def test_job_ads_hostility_and_spam_fall_below_a_plain_question(text: str) -> None:
    plain = conv("plain", text="How do you keep candidates warm during long interview loops?")
    bad = conv("bad", text=text, hours_ago=0.2, replies=1)
    ranked = rank([bad, plain], RankContext(now=NOW))
    assert [r.conversation.id for r in ranked] == ["plain", "bad"]
    assert ranked[1].cautions and ranked[1].score < 0.25 * ranked[0].score


def test_model_job_score_overrides_patterns() -> None:
    ad = conv("ad", text="Come build the future of logistics with us in Leeds")
    assert order(ad, conv("q"), job_scores={"ad": 0.97}) == ["q", "ad"]


def test_copy_pasted_text_by_many_accounts_is_spam() -> None:
    same = [conv(f"s{i}", text="Best recruiting tips here", author=f"bot{i}") for i in range(3)]
    ranked = rank([*same, conv("real")], RankContext(now=NOW))
    assert ranked[0].conversation.id == "real"
    assert all(r.flags["spam"] for r in ranked[1:])


def test_explanations_and_angles() -> None:
    (item,) = rank(
        [conv("q", text="Recruiters: how do you handle counteroffers?", replies=0)],
        RankContext(
            now=NOW, roles={"author": "hr_pro"}, topic_labels={"q": "counteroffers / offer"}
        ),
    )
    assert "asks a question" in item.reasons
    assert any("be the first" in r for r in item.reasons)
    assert "started by an HR professional" in item.reasons
    assert item.angle.startswith("Be the first to reply")
    assert "counteroffers" in item.angle
    assert "Be the first" not in rank([conv("q")], RankContext(now=NOW), angles=False)[0].angle
    assert set(item.components) == {"question", "recency", "room", "relevance", "role", "growth"}
    assert 0 < item.score <= 1


def test_hostile_nsfw_partisan_spam_and_job_ads_are_marked_left_out() -> None:
    texts = {
        "hostile": "The council majority are spineless, corrupt cowards",
        "partisan": "Funny how the potholes multiply every time Republicans run the county",
        "nsfw": "Long week at the warehouse, fresh set up tonight #nsfw",
        "spam": "Hiring tips! Follow back for crypto airdrop giveaway",
        "job_ad": "We're hiring a Senior Nurse in Denver! Apply now: https://jobs.example/1",
    }
    ranked = rank([conv(k, text=t) for k, t in texts.items()], RankContext(now=NOW))
    assert {r.conversation.id: r.left_out for r in ranked} == {k: k for k in texts}
    for item in ranked:
        assert "light tone" not in item.angle and "push back" not in item.angle
    (fine,) = rank([conv("ok")], RankContext(now=NOW))
    assert fine.left_out is None


def test_a_post_naming_its_own_author_is_not_addressed_to_anyone() -> None:
    own = Conversation(
        "x",
        "t",
        (
            Post(
                platform="x", id="t", author_id="9", author_handle="Brightwell_Co", created_at=NOW,
                text="@Brightwell_Co won Cincinnati's best place to work award again this year",
            ),
        ),
    )  # fmt: skip
    (item,) = rank([own], RankContext(now=NOW))
    assert not item.flags["addressed"]
    assert not any("addressed" in c for c in item.cautions)


def test_a_reply_whose_parent_is_missing_claims_no_reply_count() -> None:
    def replies(n: int) -> tuple[Post, ...]:
        return tuple(
            Post(
                platform="mastodon", id=f"r{i}", author_id=f"u{i}", kind="reply",
                text="@dana_lee Thank you", reply_to_post_id="root",
                created_at=NOW - timedelta(hours=1),
            )
            for i in range(n)
        )  # fmt: skip

    (item,) = rank([Conversation("mastodon", "root", replies(3))], RankContext(now=NOW))
    # the first post and the replies we never saw are not stored: "only 3 replies" is unknown
    assert not any("replies so far" in r or "no replies" in r for r in item.reasons)
    assert item.components["room"] == ROOM_UNKNOWN
    assert "3 new replies in the last 6 h" in item.reasons  # these three are known
    assert not item.flags["addressed"]  # a reply starts with handles
    (busy,) = rank([Conversation("mastodon", "root", replies(25))], RankContext(now=NOW))
    assert "busy thread (at least 25 replies): a reply may get lost" in busy.cautions


def test_detectors() -> None:
    assert looks_hostile("what a moron") and not looks_hostile("tough market for everyone")
    assert looks_spammy("x", hashtags=7) and not looks_spammy("a normal post", hashtags=1)


def test_a_job_ad_that_says_dm_me_is_counted_as_the_job_ad_it_is_not_spam() -> None:
    ad = "We're hiring! Build tools for 10,000 nurses with our team. DM me for more details!"
    curly = ad.replace("'", "\u2019")  # as a phone types it
    ranked = rank([conv("ad", text=ad), conv("curly", text=curly)], RankContext(now=NOW))
    assert [r.left_out for r in ranked] == ["job_ad", "job_ad"]
    assert not looks_spammy("Happy to help with your interview prep, DM me for the checklist")
    assert looks_spammy("Grow your account fast, DM me for a shoutout")


@pytest.mark.parametrize(
    "text",
    [
        "Follow me for daily career tips! Link in bio for my resume course, 50% off today only",
        "Check out my new resume template on Etsy, only $9.99! #resume #jobsearch",
        "Work from home opportunity! Be your own boss, join my team today #bossbabe",
    ],
)
def test_a_sale_or_a_network_marketing_pitch_is_spam_not_a_conversation(text: str) -> None:
    assert looks_spammy(text)
    assert rank([conv("sale", text=text)], RankContext(now=NOW))[0].left_out == "spam"


def test_prices_and_work_talk_are_no_sale() -> None:
    assert not looks_spammy("Minimum wage here is only $7.25, how do you staff night shifts?")
    assert not looks_spammy("We place the uniform order now and the new temps start Monday")


def test_a_question_to_the_firm_is_never_left_out_as_not_about_work() -> None:
    asked = conv("to-firm", text="@acme_temps is the Dayton office open on Saturday?")
    other = conv("to-other", text="@bigbrand is the Dayton store open on Saturday?")
    off = ThreadWork(judged=1, relevant=0, opening_work=False)
    ctx = RankContext(
        now=NOW, threads={"to-firm": off, "to-other": off}, firm_handles={"acme_temps"}
    )
    firm, brand = rank([asked, other], ctx)
    assert firm.left_out is None
    assert brand.left_out == "off_work"


def test_a_rant_in_a_questions_form_is_not_said_to_ask_nor_scored_as_a_question() -> None:
    rant = conv(
        "rant",
        text="we bill you every month and ur telling me you cant staff one shift?",
        replies=0,
    )
    asked = conv(
        "asked", text="How do you staff a night shift when two temps call in sick?", replies=0
    )
    by_id = {r.conversation.id: r for r in rank([rant, asked], RankContext(now=NOW))}
    assert "asks a question" not in by_id["rant"].reasons
    assert "no replies yet" in by_id["rant"].reasons
    assert "asks a question" in by_id["asked"].reasons
    assert by_id["rant"].components["question"] == 0.0 < by_id["asked"].components["question"]


def test_every_role_has_a_name_and_a_weight() -> None:
    assert set(ROLE_NAMES) == set(ROLE_WEIGHTS) == set(ROLES)


def test_score_properties_over_random_conversations() -> None:
    """Property: asking a question never lowers the score, penalties never raise it, and
    scores stay in [0, 1]."""
    import random

    rng = random.Random(3)
    for i in range(60):
        hours, replies = rng.uniform(0, 200), rng.randint(0, 40)
        plain = conv(f"p{i}", hours_ago=hours, replies=replies)
        asked = conv(f"q{i}", text=BASE_TEXT + "? Thoughts?", hours_ago=hours, replies=replies)
        ad = conv(f"a{i}", text=BASE_TEXT + " #hiring apply now", hours_ago=hours, replies=replies)
        scores = {
            r.conversation.id: r.score for r in rank([plain, asked, ad], RankContext(now=NOW))
        }
        assert all(0 <= s <= 1 for s in scores.values())
        assert scores[f"q{i}"] >= scores[f"p{i}"] >= scores[f"a{i}"]


def test_posts_addressed_to_one_account_rank_below_open_questions() -> None:
    open_q = conv("open", text="How do you handle counteroffers?")
    aimed = conv("aimed", text="@acmestaffing how do you handle counteroffers?")
    ranked = rank([aimed, open_q], RankContext(now=NOW))
    assert [r.conversation.id for r in ranked] == ["open", "aimed"]
    assert any("addressed to @acmestaffing" in c for c in ranked[1].cautions)
    hey = conv("hey", text="Hey @acmestaffing, is your welder job weekly pay?")
    assert rank([hey], RankContext(now=NOW))[0].flags["addressed"]
    cc = conv("cc", text="How do you onboard? cc @someone")
    assert not rank([cc], RankContext(now=NOW))[0].flags["addressed"]


def test_undated_conversation_claims_no_recency() -> None:
    undated = Conversation("x", "u", (Post(platform="x", id="u", author_id="a", text=BASE_TEXT),))
    (item,) = rank([undated], RankContext(now=NOW))
    assert item.components["recency"] == 0.0
    assert not any(r.startswith("active") for r in item.reasons)
    assert any("date unknown" in c for c in item.cautions)
    assert order(undated, conv("dated", hours_ago=2)) == ["dated", "u"]


def test_age_wording() -> None:
    (fresh,) = rank([conv("f", hours_ago=3, replies=0)], RankContext(now=NOW))
    assert "active 3 h ago" in fresh.reasons
    old_conv = conv("o", hours_ago=24 * 1400, replies=1, reply_hours_ago=24 * 1368)
    (old,) = rank([old_conv], RankContext(now=NOW))
    assert "quiet for 3 years" in old.cautions  # a long span in years, not 1,368 days
    assert "only 1 reply so far: room to add value" in old.reasons
    assert not any("since" in c or "days ago" in c for c in old.cautions)


@pytest.mark.parametrize(
    ("text", "context", "claimed"),
    [
        # the classifier is sure, but only "office" speaks for work: no claim
        ("@cityhallwatch The potholes multiply whenever Republicans hold office, right?",
         {"work_scores": {"c": 0.95}}, False),
        ("Woohoo, the office shuts at noon and I'm off till January \U0001f384",
         {"work_scores": {"c": 0.98}}, False),
        ("Just bled the radiators myself like a boss", {"work_scores": {"c": 0.9}}, False),
        # sure classifier and an unambiguous work word: claimed
        ("How do you handle counteroffers from candidates?", {"work_scores": {"c": 0.95}}, True),
        # a keyword hit (relevance 1.0) is not the classifier: no claim
        ("How do you handle counteroffers from candidates?", {"relevance": {"c": 1.0}}, False),
        # an unsure classifier: no claim
        ("How do you handle counteroffers from candidates?", {"work_scores": {"c": 0.6}}, False),
    ],
)  # fmt: skip
def test_squarely_about_work_needs_a_sure_classifier_and_a_work_word(
    text: str, context: dict[str, dict[str, float]], claimed: bool
) -> None:
    (item,) = rank([conv("c", text=text)], RankContext(now=NOW, **context))  # type: ignore[arg-type]
    assert ("squarely about work topics" in item.reasons) is claimed


def test_a_question_naming_several_work_matters_is_squarely_about_work() -> None:
    text = (
        "HR and recruiting folks: how are you handling candidates who use AI to write every"
        " interview answer?"
    )
    (item,) = rank([conv("c", text=text)], RankContext(now=NOW, work_scores={"c": 0.75}))
    assert item.flags["work"] and "squarely about work topics" in item.reasons
    # the classifier leaning away: no claim, however many work words
    (item,) = rank([conv("c", text=text)], RankContext(now=NOW, work_scores={"c": 0.4}))
    assert not item.flags["work"]


def test_a_firms_holiday_greeting_is_not_work_and_not_offered() -> None:
    text = "Happy Thanksgiving from all of us at Apex Logistics Staffing."
    (item,) = rank([conv("c", text=text)], RankContext(now=NOW, work_scores={"c": 0.96}))
    assert not item.flags["work"] and "squarely about work topics" not in item.reasons
    assert item.left_out == "greeting"
    assert "a seasonal greeting: nothing to join" in item.cautions


def test_a_question_aimed_at_one_account_is_not_a_question_to_the_room() -> None:
    room = conv("room", text="Recruiters: how do you handle counteroffers from candidates?")
    aimed = conv("aimed", text="@acme how do you handle counteroffers from candidates?")
    statement = conv("statement", text="Candidates keep taking counteroffers from recruiters")
    ranked = rank([aimed, statement, room], RankContext(now=NOW))
    assert [r.conversation.id for r in ranked] == ["room", "statement", "aimed"]
    assert "asks a question" not in ranked[-1].reasons


def test_a_question_that_names_work_only_in_passing_counts_for_less() -> None:
    on_work = conv("work", text="Recruiters, how do you keep candidates warm?")
    passing = conv(
        "passing", text="Her card says Chief Vibes Officer, what a job title. Who is she?"
    )
    assert order(passing, on_work) == ["work", "passing"]


def test_be_the_first_to_answer_only_when_something_was_asked() -> None:
    asked, told = rank(
        [conv("q", text="How do you onboard remote hires?", replies=0),
         conv("s", text="Why this bakery pays apprentices more - https://x.example/a", replies=0)],
        RankContext(now=NOW),
    )  # fmt: skip
    assert "no replies yet: be the first to answer" in asked.reasons
    assert "no replies yet" in told.reasons
    assert not any("be the first" in r for r in told.reasons)


def test_squarely_about_work_is_not_claimed_on_one_word_in_passing() -> None:
    ad = conv("ad", text="A secure work environment for employees with our new features")
    talk = conv("talk", text="Interview loops are getting longer for senior candidates")
    sure = {"ad": 0.95, "talk": 0.95}
    by_id = {r.conversation.id: r for r in rank([ad, talk], RankContext(now=NOW, work_scores=sure))}
    assert "squarely about work topics" not in by_id["ad"].reasons
    assert "squarely about work topics" in by_id["talk"].reasons


def test_conversations_only_counted_are_left_out_for_the_same_reasons() -> None:
    """The inbox's sample outside its age window is read only for why it is left out: the
    same reason as a full ranking gives, each reason judged only when no earlier one holds."""
    convs = [
        conv("work", "How do you keep candidates warm during long interview loops?"),
        conv("ad", "We're hiring! Apply now: senior nurse, $45/h, link in bio #jobs #hiring"),
        conv("care", "@AskNorthBank my card was charged twice, when is my refund?"),
        conv("spam1", "Earn $500 a day from home, click here", author="a1"),
        conv("hello", "Good morning everyone!"),
    ]
    context = RankContext(now=NOW)
    full = {r.conversation.id: r.left_out for r in rank(convs, context)}
    keys = {("x", c.id) for c in convs}
    counted = rank(convs, context, angles=False, counted_only=keys)
    assert {r.conversation.id: r.left_out for r in counted} == full
    assert set(full.values()) >= {None, "customer_care", "spam"}
    assert all(r.reasons == () and r.score == 0.0 for r in counted)


def test_a_loss_mourned_ranks_low_and_a_question_beside_a_loss_does_not() -> None:
    mourning = conv("rip", text="One month ago today we lost our coworker Kelly. Rest in peace")
    asks = conv("leave", text="My dad passed away. How much bereavement leave is usual?")
    ranked = rank([mourning, asks, conv("plain")], RankContext(now=NOW))
    assert [r.conversation.id for r in ranked][-1] == "rip"
    assert any("a loss mourned" in c for c in ranked[-1].cautions)
    assert not next(r for r in ranked if r.conversation.id == "leave").flags["mourning"]
    # left out too: its own angle calls it no conversation to join
    assert {r.conversation.id: r.left_out for r in ranked} == {
        "rip": "mourning",
        "leave": None,
        "plain": None,
    }
