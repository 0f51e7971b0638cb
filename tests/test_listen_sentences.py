"""A post is cut into sentences at ".", "!" or "?" before a space and at a line's end, never
inside a figure, so a rule that reads one sentence at a time sees what the writer wrote."""

from __future__ import annotations

from staffpulse.listen.sentences import split_sentences


def test_a_post_is_cut_at_its_sentence_ends_and_lines_not_inside_a_figure() -> None:
    assert split_sentences("Fees rose 2.5% this year. Is that normal?! Asking for a friend") == [
        "Fees rose 2.5% this year.",
        "Is that normal?!",
        "Asking for a friend",
    ]
    assert split_sentences("New job tomorrow\nAny tips?") == ["New job tomorrow", "Any tips?"]
