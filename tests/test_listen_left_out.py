"""Why the inbox leaves a conversation out (staffpulse.listen.left_out): one reason in a fixed
order, the note's words, and a note shown as a sentence of its own starting with a capital."""

from __future__ import annotations

from staffpulse.listen.left_out import (
    as_sentence,
    left_out_kinds,
    left_out_note,
    left_out_reason,
)


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
