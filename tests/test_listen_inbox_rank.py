"""The inbox's ranking of stored conversations: why each would be left out is read from its
posts, never their age, and the ranking knows the firm by its handles."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

from staffpulse.listen.inbox_rank import left_out_of, rank_stored
from staffpulse.listen.threads import Conversation
from staffpulse.models import Post
from staffpulse.store import Store

NOW = datetime.now(UTC)
AD = "Now hiring CNAs in Fresno, nights, $22/hr. Apply: https://jobs.example/cna"
QUESTION = "How do you keep candidates warm during a long interview loop?"


def _conv(cid: str, text: str, age: timedelta) -> Conversation:
    post = Post(platform="x", id=cid, author_id=f"u{cid}", text=text, created_at=NOW - age)
    return Conversation("x", cid, (post,))


def test_a_verdict_reads_the_posts_never_their_age(store: Store) -> None:
    convs = [
        _conv("old", QUESTION, timedelta(days=900)),
        _conv("ad", AD, timedelta(hours=1)),
    ]
    verdicts = left_out_of(store, convs, None, Counter())
    assert verdicts == {("x", "old"): None, ("x", "ad"): "job_ad"}


def test_a_question_put_to_the_firm_is_ranked_as_its_own_to_answer(store: Store) -> None:
    convs = [_conv("q", "@AcmeStaffing " + QUESTION, timedelta(hours=2))]
    ranked, context = rank_stored(
        store, convs, {("x", "q"): 3}, {3: "Interviews"}, NOW, None, None, Counter(), set(),
        firm=frozenset({"acmestaffing"}),
    )  # fmt: skip
    (entry,) = ranked
    assert entry.reasons[0] == "addressed to your firm: yours to answer"
    assert entry.topic_label == "Interviews"
    assert context.firm_handles == {"acmestaffing"}
