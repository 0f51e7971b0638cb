"""The words a ranked conversation comes with: what to watch out for says only what is known
(an undated thread, a busy one without its first post, one aimed at someone else), and a
question asked of one account is not "be the first to answer"."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from staffpulse.listen.rank_reasons import CRUDE_NAME, SWEARS, WORN_DOWN, explain
from staffpulse.listen.rank_signals import TO_FIRM
from staffpulse.listen.threads import Conversation
from staffpulse.models import Post

WHEN = datetime(2026, 3, 1, tzinfo=UTC)
FLAGS = {name: False for name in ("question", "work", "job_ad", "greeting", "hostile",
                                  "nsfw", "partisan", "politics", "spam")}  # fmt: skip


def _thread(replies: int, *, root: bool = True) -> Conversation:
    posts = [Post(platform="x", id="1", author_id="a", text="How do you onboard?", created_at=WHEN)]
    posts += [
        Post(platform="x", id=f"r{n}", author_id=f"u{n}", text="We pair them", kind="reply",
             reply_to_post_id="1", created_at=WHEN)
        for n in range(replies)
    ]  # fmt: skip
    return Conversation("x", "1", tuple(posts if root else posts[1:]))


def _explain(conv: Conversation, age: float | None = 2.0, recency: float = 0.9,
             aimed_at: str | None = None, asked: float = 0.0,
             **flags: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:  # fmt: skip
    comp = {"recency": recency, "question": asked}
    return explain(conv, comp, {**FLAGS, **flags}, None, age, 0, aimed_at)


def test_a_question_aimed_at_one_account_is_not_the_rooms_to_answer() -> None:
    # the score gives a question aimed at one account no weight (rank_signals.question_value)
    reasons, cautions = _explain(_thread(0), question=True, aimed_at="@bob", asked=0.0)
    assert "asks a question" not in reasons
    assert "no replies yet" in reasons and "no replies yet: be the first to answer" not in reasons
    assert cautions == ("addressed to @bob: join only if you can add something",)


def test_a_question_to_the_firm_comes_first_as_its_own_to_answer() -> None:
    conv = _thread(2)
    flags = {**FLAGS, "question": True, TO_FIRM: True}
    reasons, _ = explain(conv, {"recency": 0.9, "question": 1.0}, flags, None, 2.0, 0, None)
    assert reasons[:3] == (
        "addressed to your firm: yours to answer",
        "asks a question",
        "only 2 replies so far: room to add value",
    )


def test_an_undated_busy_thread_without_its_first_post_is_said_as_known() -> None:
    _, cautions = _explain(_thread(25, root=False), age=None)
    assert cautions == (
        "busy thread (at least 25 replies): a reply may get lost",
        "date unknown: check the conversation is still active",
    )


def test_every_risk_is_named_and_partisan_politics_says_it_once() -> None:
    _, cautions = _explain(
        _thread(1), recency=0.05, age=24 * 10, hostile=True, nsfw=True, partisan=True,
        politics=True, spam=True,
    )  # fmt: skip
    assert cautions == (
        "hostile tone: joining risks a pile-on",
        "NSFW: not for a firm's account",
        "partisan politics: not a conversation for a firm",
        "looks like spam",
        "quiet for 10 days",
    )


def test_the_firms_own_thread_gives_only_the_reasons_its_waiting_reply_fits() -> None:
    """``inbox --as`` on a thread the firm opened, where someone answered it, said "only 1
    reply so far: room to add value" and "started by a recruiter" (the firm itself): reasons
    for joining someone else's thread, said of the firm's own post (QA H2)."""
    conv = _thread(1)
    flags = {**FLAGS, "question": True, "work": True}
    comp = {"recency": 0.9, "question": 1.0}
    args = (conv, comp, flags, "recruiter", 2.0, 0, "@bob")
    theirs, _ = explain(*args)
    assert "started by a recruiter" in theirs and "asks a question" in theirs
    reasons, cautions = explain(*args, own=True)
    assert reasons == ("active 2 h ago",)
    assert cautions == ()  # whom the firm's own post addressed is no caution on the reply


def test_a_hostile_reply_under_the_firms_own_post_is_still_said() -> None:
    flags = {**FLAGS, "hostile": True}
    _, cautions = explain(_thread(2), {"recency": 0.05, "question": 0.0}, flags, None, 240.0, 0,
                          None, own=True)  # fmt: skip
    assert cautions == ("hostile tone: joining risks a pile-on", "quiet for 10 days")


def test_a_replays_ages_are_said_before_its_time_not_ago() -> None:
    # ranked as of an archive's newest post: "active 2 h ago" read as if posted two hours ago
    replayed = datetime(2015, 3, 22, 18, tzinfo=UTC)
    comp = {"recency": 0.9, "question": 1.0}
    args = (_thread(1), comp, {**FLAGS, "question": True}, None, 2.0, 0, None)
    said = "active 2 h before the replay's time, 22 Mar 2015"
    assert said in explain(*args, replayed=replayed)[0]
    assert explain(*args, own=True, replayed=replayed)[0] == (said,)
    assert "active 2 h ago" in explain(*args)[0]


def test_a_post_that_swears_is_offered_with_a_word_on_its_language() -> None:
    post = Post(platform="x", id="1", author_id="a", created_at=WHEN,
                text="This f***ing rota app lost my shifts again")  # fmt: skip
    _, cautions = _explain(Conversation("x", "1", (post,)))
    assert cautions[0] == SWEARS
    _, clean = _explain(_thread(0))
    assert SWEARS not in clean
    # a hostile post says so instead
    _, hostile = _explain(Conversation("x", "1", (post,)), hostile=True)
    assert SWEARS not in hostile


def test_a_mild_word_earns_no_caution_on_language() -> None:
    for text in [
        "What the hell is going on with payroll, three of us got paid late",
        "Damn, this new scheduling tool actually works, shift swaps take minutes",
        "Pissed that my agency cut my hours without telling me, this rota is crap",
    ]:
        post = Post(platform="x", id="1", author_id="a", created_at=WHEN, text=text)
        _, cautions = _explain(Conversation("x", "1", (post,)))
        assert SWEARS not in cautions, text


def test_a_crude_account_name_is_cautioned_like_strong_language() -> None:
    # the reply shows the handle in the firm's own timeline, however clean the post
    text = "One more interview this afternoon, then I am off for the weekend"
    for handle, crude in [("THE_HOE_CLUB", True), ("welpfuckkk", True), ("Big_Porn_Club", True),
                          ("JaneDickerby", False), ("hoedown_nights", False), ("", False)]:  # fmt: skip
        post = Post(platform="x", id="1", author_id="a", author_handle=handle, created_at=WHEN,
                    text=text)  # fmt: skip
        _, cautions = _explain(Conversation("x", "1", (post,)))
        assert (CRUDE_NAME in cautions) is crude, handle
        assert SWEARS not in cautions


def _opening(text: str) -> Conversation:
    return Conversation("x", "1", (Post(platform="x", id="1", author_id="a", text=text,
                                        created_at=WHEN),))  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # our own texts: a job seeker worn down, short of a crisis
        "fourth rejection this month and honestly not sure how much longer I can keep at it",
        "ghosted after two interviews again. I can't keep doing this",
        "sent 60 applications, got nothing, I'm ready to give up",
        "another 'we went with someone else' email. no point applying anymore",
        "eight months out of work and I'm so close to giving up on the job search",
        "Another 'position filled' email. I give up.",
    ],
)
def test_a_job_seeker_worn_down_gets_a_care_caution(text: str) -> None:
    _, cautions = _explain(_opening(text))
    assert WORN_DOWN in cautions


@pytest.mark.parametrize(
    "text",
    [
        "How much longer until the new payroll system goes live?",
        "Not giving up on the four-day week pilot, results look good",
        "I can keep doing these interviews all day, love meeting candidates",
        "What's the point of a cover letter nobody reads?",
        "We're not going to give up on hiring locally",
        # giving up a thing, not the search: no one worn down here
        "I'm about to give up dairy for a month, the whole warehouse crew is in",
        "I'm ready to give up my standing desk to whoever wants it",
        "No point in applying fresh paint before the plaster dries, says our site lead",
        "Not sure how much longer I can keep a poker face when the quarterly numbers land",
        "There's no point trying to park near the depot after 8",
    ],
)
def test_a_plain_work_post_gets_no_care_caution(text: str) -> None:
    _, cautions = _explain(_opening(text))
    assert WORN_DOWN not in cautions
