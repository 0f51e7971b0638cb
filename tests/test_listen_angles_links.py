"""A link passed on that nobody answered yet: its angle says what its caution says, reply only
with what it misses, never "agree or push back" on a headline."""

from __future__ import annotations

from staffpulse.listen.angles import suggest_angle


def test_a_link_passed_on_is_answered_only_with_what_it_misses() -> None:
    angle = suggest_angle("Interview questions for junior nurses - http://t.co/abc", {"link_share": True},
                          None, 0)  # fmt: skip
    assert angle == (
        "A link passed on, not yet a conversation: reply only with what it misses, one data point"
        " or story on interviews from your recruiters, in a line or two; no pitch."
    )
    assert "push back" not in angle


def test_a_link_naming_no_work_matter_asks_for_something_of_the_firm_own() -> None:
    angle = suggest_angle("Our design team won the poster prize at the conference https://t.co/x",
                          {"link_share": True}, None, 0)  # fmt: skip
    assert angle == (
        "A link passed on, not yet a conversation: reply only if your firm has something it"
        " misses, in a line or two; no pitch."
    )


def test_the_same_words_without_the_share_flag_keep_their_perspective_angle() -> None:
    angle = suggest_angle("Interview questions for junior nurses - http://t.co/abc", {}, None, 0)
    assert angle.startswith("Be the first to reply, and add a perspective on interviews")
