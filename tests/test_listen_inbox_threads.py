"""What build_inbox makes of a thread: one whose first post is not stored names who wrote it,
one work reply does not make a promo thread a conversation to join, and work talk carried by a
reply is said and answered."""

from __future__ import annotations

from pathlib import Path

from listen_helpers import FRESH, NOW, dated, ids, inbox, store_with
from staffpulse.listen.inbox_model import Inbox
from staffpulse.report.inbox_html import render_inbox_html


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
    promo = dated("promo", "My partners are donating $500k to the Boys and Girls Club. Tag them!")
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
    assert "left out 1 conversation not about work: not conversations to join" in result.notes


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
