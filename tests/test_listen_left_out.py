"""Why the inbox leaves a conversation out (staffpulse.listen.left_out): one reason in a fixed
order, the note's words, and a note shown as a sentence of its own starting with a capital."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from staffpulse.listen.left_out import (
    as_sentence,
    left_out_kinds,
    left_out_note,
    left_out_reason,
)
from staffpulse.listen.rank import RankContext, rank
from staffpulse.listen.threads import Conversation
from staffpulse.models import Post


def test_one_reason_in_a_fixed_order() -> None:
    assert left_out_reason({"job_ad": True, "nsfw": True}) == "nsfw"
    assert left_out_reason({"spam": True, "job_ad": True}) == "spam"
    assert left_out_reason({"greeting": True}) == "greeting"
    assert left_out_reason({"off_work": True, "followers_only": True}) == "followers_only"
    assert left_out_reason({"question": True, "work": True}) is None


def test_the_note_shown_alone_reads_as_a_sentence() -> None:
    note = left_out_note({"job_ad": 2})
    assert note == "left out 2 job ads: not conversations to join"  # as --json gives it
    assert as_sentence(note) == "Left out 2 job ads: not conversations to join"
    # one left out is one conversation, not "conversations"
    assert left_out_note({"hashtag_game": 1}) == (
        "left out 1 joke for a TV hashtag game: not a conversation to join"
    )


def test_a_note_opening_with_a_handle_or_a_number_is_left_as_it_is() -> None:
    assert as_sentence("@ana.example is not in the store") == "@ana.example is not in the store"
    assert as_sentence("59 open conversations quiet") == "59 open conversations quiet"
    assert as_sentence("") == ""


def test_the_kinds_left_out_read_as_one_phrase_in_a_fixed_order() -> None:
    assert left_out_kinds({"off_work": 7, "customer_care": 15}) == "customer care or not about work"
    assert left_out_kinds({"job_ad": 2}) == "a job ad"
    assert left_out_kinds({"nsfw": 1, "partisan": 2, "followers_only": 1}) == (
        "not public, NSFW or partisan"
    )
    assert left_out_kinds({}) == ""


def test_a_post_that_may_tell_of_a_crisis_is_left_out_with_care() -> None:
    # a manager named in it makes it no conversation on managers to join with a tip
    now = datetime(2026, 3, 1, 12, tzinfo=UTC)
    crisis = Conversation("x", "c1", (Post(platform="x", id="c1", author_id="a", text=(
        "My manager asked how I'm holding up. Truth is some mornings I wish I could stop"
        " waking up."), created_at=now - timedelta(hours=1)),))  # fmt: skip
    talk = Conversation("x", "c2", (Post(platform="x", id="c2", author_id="b", text=(
        "How do you tell your manager the new shift rota is burning people out?"),
        created_at=now - timedelta(hours=1)),))  # fmt: skip
    by_id = {r.conversation.id: r for r in rank([crisis, talk], RankContext(now=now))}
    assert by_id["c1"].left_out == "crisis" and by_id["c2"].left_out is None
    assert any("reach out privately" in c for c in by_id["c1"].cautions)
    assert left_out_note({"crisis": 1, "nsfw": 2}) == (
        "left out 1 post that may tell of a crisis and 2 NSFW posts: not conversations to join"
    )
    assert left_out_kinds({"crisis": 1}) == "a possible crisis"


def test_a_job_ad_stuffed_with_tags_is_a_job_ad_and_a_course_sold_with_them_spam() -> None:
    """4 of the 44 labelled dev ads were left out as spam, so ``--left-out job_ad`` missed
    them: an opening the model is sure is a job opening is told as a job ad."""
    now = datetime(2026, 3, 1, 12, tzinfo=UTC)

    def opening(cid: str, text: str) -> Conversation:
        hashtags = tuple(w[1:] for w in text.split() if w.startswith("#"))
        post = Post(platform="x", id=cid, author_id=cid, text=text, hashtags=hashtags,
                    created_at=now - timedelta(hours=1))  # fmt: skip
        return Conversation("x", cid, (post,))

    ad = opening("ad", "We're #hiring #nurses in #Dayton #OH #RN #healthcare #jobs, apply now")
    sale = opening(
        "sale", "Our #Excel course lifts your #Hiring odds #data #AI #ML #career #skills"
    )
    context = RankContext(now=now, job_scores={"ad": 0.97, "sale": 0.04})
    by_id = {r.conversation.id: r for r in rank([ad, sale], context)}
    assert by_id["ad"].left_out == "job_ad" and by_id["sale"].left_out == "spam"
    counted = rank([ad, sale], context, angles=False, counted_only={("x", "ad"), ("x", "sale")})
    assert {r.conversation.id: r.left_out for r in counted} == {"ad": "job_ad", "sale": "spam"}


def test_a_tag_stuffed_sale_the_job_model_likes_but_that_ends_asking_stays_spam() -> None:
    """Spam yielded to the job ad on the model's score alone, while the job ad also wants a
    post that does not end asking: such a sale was left out as neither and offered."""
    now = datetime(2026, 3, 1, 12, tzinfo=UTC)
    text = "#ad #deal #promo #win #free #cash #crypto #money Want to double your income this week?"
    post = Post(platform="x", id="s", author_id="s", text=text,
                hashtags=tuple(w[1:] for w in text.split() if w.startswith("#")),
                created_at=now - timedelta(hours=1))  # fmt: skip
    context = RankContext(now=now, job_scores={"s": 0.97})
    (ranked,) = rank([Conversation("x", "s", (post,))], context)
    assert ranked.left_out == "spam"
