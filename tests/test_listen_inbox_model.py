"""What an inbox holds, as its renderers read it: items grouped by topic in the order a
reader should see them, the counts a header shows, and how a missing opening is described."""

from __future__ import annotations

from inbox_helpers import item, make
from staffpulse.listen.inbox_model import InboxItem
from staffpulse.listen.topic_match import TopicMatch
from staffpulse.listen.topic_themes import OTHER_LABEL


def _in(topic_id: int | None, label: str, score: float, cid: str) -> InboxItem:
    return item(cid, topic_id=topic_id, topic_label=label, score=score)


def test_named_topics_follow_their_best_item_and_other_comes_last() -> None:
    # the catch-all "Other conversations" holding the best item was the first heading: read
    # as the inbox's main topic, with the named ones below it
    inbox = make(
        [
            _in(2, "onboarding", 0.9, "a"),
            _in(None, "", 0.8, "b"),
            _in(1, "counteroffers", 0.7, "c"),
            _in(2, "onboarding", 0.6, "d"),
            _in(1, "counteroffers", 0.5, "e"),
        ]
    )
    groups = [(label, [i.conversation_id for i in items]) for label, items in inbox.by_topic()]
    assert groups == [
        ("onboarding", ["a", "d"]),
        ("counteroffers", ["c", "e"]),
        (OTHER_LABEL, ["b"]),
    ]


def test_a_topic_of_one_conversation_joins_other_unless_it_is_a_workplace_theme() -> None:
    inbox = make(
        [
            _in(3, "Dream / gig", 0.9, "a"),
            _in(4, "Pay & salary", 0.8, "b"),
            _in(5, "Night / bakers", 0.7, "c"),
            _in(2, "onboarding", 0.6, "d"),
            _in(2, "onboarding", 0.5, "e"),
        ]
    )
    groups = [(label, [i.conversation_id for i in items]) for label, items in inbox.by_topic()]
    assert groups == [
        ("Pay & salary", ["b"]),
        ("onboarding", ["d", "e"]),
        (OTHER_LABEL, ["a", "c"]),  # a heading over one conversation groups nothing
    ]


def test_the_topic_a_query_matches_best_comes_first_whatever_its_score() -> None:
    inbox = make(
        [_in(2, "onboarding", 0.9, "a"), _in(1, "counteroffers", 0.2, "c")],
        topic_query="counter",
        topic_matches=[TopicMatch(1, "counteroffers", 0.9), TopicMatch(2, "onboarding", 0.3)],
    )
    assert [label for label, _ in inbox.by_topic()] == ["counteroffers", "onboarding"]


def test_the_open_total_counts_what_the_limit_left_out_but_never_less_than_shown() -> None:
    assert make([item("a"), item("b")], counts={"open": 40}).open_total == 40
    assert make([item("a"), item("b")], counts={}).open_total == 2


def test_the_firm_is_named_as_its_account_and_json_says_whether_it_was_found() -> None:
    found = make([], account="harborline")
    assert found.account_label == "@harborline"
    assert found.as_dict()["account_found"] is True
    unknown = make([], account="@nobody", account_note="@nobody is not in the store")
    assert unknown.account_label == "@nobody"
    assert unknown.as_dict()["account_found"] is False
    assert make([]).as_dict()["account_found"] is None


def test_a_reply_to_a_deleted_post_by_a_handleless_account_reads_plainly() -> None:
    gone = item(root_stored=False, root_gone=True, root_author="did:plc:xyz", replies=3)
    assert gone.missing_root_note == (
        "reply to a post by a Bluesky account that was deleted or isn't stored"
    )
    assert gone.replies_label == "at least 3 replies"
    unknown = item(root_stored=False, root_author=None)
    assert unknown.missing_root_note == "reply to a post that isn't stored"
    assert item().missing_root_note is None


def test_someone_outside_the_industry_gets_no_role_label() -> None:
    assert item(role="other").role_label is None
    assert item(role=None).role_label is None
    assert item(role="hr_pro").role_label == "HR pro"
