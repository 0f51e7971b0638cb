"""What build_inbox makes of a thread: one whose first post is not stored names who wrote it,
as does a reply whose parent was deleted; one work reply does not make a promo thread a
conversation to join, and work talk carried by a reply is said and answered."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from listen_helpers import FRESH, NOW, dated, ids, inbox, store_with
from staffpulse.listen.inbox_model import Inbox
from staffpulse.listen.states import joined_conversation_ids
from staffpulse.models import Account
from staffpulse.report.inbox_html import render_inbox_html
from staffpulse.sources.base import provenance


def test_a_thread_whose_first_post_is_missing_names_who_wrote_it(tmp_path: Path) -> None:
    from rich.console import Console

    from staffpulse.report.terminal_inbox import render_inbox

    replies = [
        dated(
            f"r{i}", "@dana_lee How do you keep candidates warm after an offer?",
            kind="reply", reply_to_post_id="gone", reply_to_handle="dana_lee",
        )
        for i in range(3)
    ]  # fmt: skip
    with store_with(tmp_path, *replies) as store:
        (item,) = inbox(store).items
    assert not item.root_stored and item.replies == 3
    assert item.missing_root_note == "reply to a post by @dana_lee that isn't stored"
    # how many replies the missing post has is unknown: no "only 3 replies so far"
    assert not any("replies so far" in r for r in item.reasons)
    assert item.replies_label == "at least 3 replies"
    assert not any("addressed to" in c for c in item.cautions)
    console = Console(record=True, width=120)
    result = Inbox([item], [], {}, NOW, NOW)
    render_inbox(console, result)
    shown = console.export_text()
    assert "reply to a post by @dana_lee that isn't stored" in shown
    assert "· at least 3 replies" in shown
    page = render_inbox_html(result)
    assert "reply to a post by @dana_lee that isn&#39;t stored" in page
    assert "at least 3 replies" in page


def test_one_work_reply_does_not_make_a_promo_thread_a_conversation_to_join(
    tmp_path: Path,
) -> None:
    promo = dated(
        "promo", "My partners are donating $200k to the Riverside Youth League. Tag them!"
    )
    replies = [
        dated("p1", "@star I lost my job and can't pay my bill", kind="reply",
              reply_to_post_id="promo", conversation_id="promo"),
        dated("p2", "@fan Please DM us", kind="reply", reply_to_post_id="p1",
              conversation_id="promo"),
    ]  # fmt: skip
    with store_with(tmp_path, FRESH, promo, *replies) as store:
        result = inbox(store)
    assert ids(result) == ["1"]
    assert result.left_out == {"off_work": 1} and result.counts["left_out"] == 1
    assert "left out 1 conversation not about work: not a conversation to join" in result.notes


def test_a_thread_carried_by_a_reply_says_so_and_answers_that_reply(tmp_path: Path) -> None:
    opening = dated("sale", "Our spring sale starts today, 20% off everything")
    reply = dated("s1", "@shop I lost my job last week, any tips for a career switch?",
                  author="fan", author_handle="fan", kind="reply", reply_to_post_id="sale",
                  conversation_id="sale")  # fmt: skip
    with store_with(tmp_path, opening, reply) as store:
        (item,) = inbox(store).items
    assert item.reasons[0] == (
        "the work talk is in a reply by @fan: 'I lost my job last week, any tips for a career"
        " switch?'"
    )
    assert item.angle.startswith("Reply to @fan, not the opening post: acknowledge")
    assert "careers" in item.angle  # its subject is the reply's, not the sale's


def test_a_job_asked_of_the_threads_owner_is_theirs_to_answer(tmp_path: Path) -> None:
    """QA: a job seeker asked a CEO, in his own thread, which roles his company had open, and
    the firm was told to "answer the question on careers": only the CEO can."""
    opening = dated("shop", "Our new store opens Saturday, come say hi", author="d",
                    author_handle="ceo_dana")  # fmt: skip
    reply = dated("s1", "@ceo_dana I'd love a new career there! @ceo_dana which roles do you have"
                  " open?", author="fan", author_handle="fan", kind="reply",
                  reply_to_post_id="shop", reply_to_handle="ceo_dana",
                  conversation_id="shop")  # fmt: skip
    with store_with(tmp_path, opening, reply) as store:
        (item,) = inbox(store).items
    assert "addressed to @ceo_dana: join only if you can add something" in item.cautions
    assert item.angle.startswith("@fan asks @ceo_dana, not the room: reply only if you can answer")
    assert "answer the question" not in item.angle


def test_a_job_asked_in_the_firms_own_thread_is_the_firms_to_answer(tmp_path: Path) -> None:
    """Review: the same question put to the firm itself, in a thread it opened ("--as" the
    firm), is its own to answer: no "addressed to" caution, and "reply to the person who
    answered you", not "asks @crewline_jobs, not the room"."""
    opening = dated("crew", "Our warehouse crew grew again this month, proud of all of them",
                    author="firm", author_handle="crewline_jobs")  # fmt: skip
    reply = dated("c1", "@crewline_jobs congrats! are you still hiring pickers?", author="fan",
                  author_handle="fan", kind="reply", reply_to_post_id="crew",
                  reply_to_handle="crewline_jobs", conversation_id="crew")  # fmt: skip
    # answered after the opening: the firm's own thread waits for its reply
    reply = replace(reply, created_at=NOW - timedelta(minutes=30))
    with store_with(tmp_path, opening, reply) as store:
        (other,) = inbox(store).items
        (own,) = inbox(store, as_handle="crewline_jobs").items
    assert "addressed to @crewline_jobs: join only if you can add something" in other.cautions
    assert not any("addressed to" in c for c in own.cautions)
    assert own.angle.startswith("Reply to the person who answered you, @fan: answer the question")


def test_a_reply_whose_parent_was_deleted_is_offered_as_the_reply_it_is(tmp_path: Path) -> None:
    """Offered, but said to answer @jane_hr's post, which is gone; its question is asked of
    her (not of the room) whatever its first words, and no reply count is claimed."""
    from rich.console import Console

    from staffpulse.report.terminal_inbox import render_inbox

    lone = dated("10", "Thanks! How do you keep candidates warm after an offer?", author="b",
                 author_handle="bo", kind="reply", reply_to_account_id="42",
                 reply_to_handle="jane_hr")  # fmt: skip
    own = dated("20", "@jane_hr We hold a weekly check-in with every candidate.", author="f",
                author_handle="acme", kind="reply", reply_to_account_id="42",
                reply_to_handle="jane_hr")  # fmt: skip
    firm = Account(platform="x", id="f", handle="acme")
    with store_with(tmp_path, lone, own) as store:
        store.upsert([firm], provenance("test", "fixture"))
        result = inbox(store, as_handle="acme")
        audited = joined_conversation_ids(store, "x", "f")
    (item,) = result.items
    assert (item.conversation_id, item.root_stored, item.root_gone) == ("10", False, True)
    assert item.missing_root_note == "reply to a post by @jane_hr that was deleted or isn't stored"
    assert item.replies_label == "at least 1 reply"
    assert "asks a question" not in item.reasons
    assert not any(r.startswith("no replies yet") for r in item.reasons)
    assert "addressed to @jane_hr: join only if you can add something" in item.cautions
    assert item.angle.startswith("A question for @jane_hr, not the room")
    data = item.as_dict()
    assert (data["root_stored"], data["root_gone"], data["root_author"]) == (False, True, "jane_hr")
    # the firm's own answer to a deleted post is a conversation it joined, not its own
    assert [j.conversation_id for j in result.joined] == ["20"] == audited
    console = Console(record=True, width=120)
    render_inbox(console, Inbox([item], [], {}, NOW, NOW))
    assert "reply to a post by @jane_hr that was deleted or isn't stored:" in console.export_text()
    page = render_inbox_html(Inbox([item], [], {}, NOW, NOW))
    assert "reply to a post by @jane_hr that was deleted or isn&#39;t stored:" in page


def test_a_thread_continued_after_its_first_post_was_deleted_is_aimed_at_no_one(
    tmp_path: Path,
) -> None:
    """A reply to one's own deleted post continues a thread: it is not aimed at anyone."""
    cont = dated("30", "@bo Part two: how do agencies price temp-to-hire conversions?",
                 author="b", author_handle="bo", kind="reply", reply_to_account_id="b",
                 reply_to_handle="bo")  # fmt: skip
    with store_with(tmp_path, cont) as store:
        (item,) = inbox(store).items
    assert item.root_gone and not any("addressed to" in c for c in item.cautions)
    assert item.missing_root_note == "reply to a post by @bo that was deleted or isn't stored"


def test_the_same_post_twice_is_shown_with_a_caution_to_join_one(tmp_path: Path) -> None:
    words = "Recruiters: how do you keep candidates warm after the offer?"
    posted = [dated("a1", words, author="ana", author_handle="ana")]
    # cross-posted by the same person, link and spacing aside
    posted.append(dated("a2", f"{words}  https://ex.am/ple", author="ana2", author_handle="ana"))
    posted.append(dated("short", "How do you keep candidates warm?", author="ben"))
    with store_with(tmp_path, *posted) as store:
        result = inbox(store)
    by_id = {i.conversation_id: i for i in result.items}
    assert set(by_id) == {"a1", "a2", "short"}  # each still a conversation to join
    first, second = sorted((by_id["a1"], by_id["a2"]), key=result.items.index)
    said = "the same words as a conversation above, by @ana on X: join one of them, not both"
    assert said in second.cautions and said not in first.cautions
    assert not any("same words" in c for c in by_id["short"].cautions)
