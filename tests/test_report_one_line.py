"""one_line (staffpulse.report.one_line): the one cut every list and caution quotes a post with."""

from __future__ import annotations

from staffpulse.report.one_line import one_line


def test_a_post_is_quoted_on_one_line_and_cut_with_no_space_before_the_ellipsis() -> None:
    text = "Our new\noffice opens   on Monday in town"
    assert one_line(text, 80) == "Our new office opens on Monday in town"
    assert one_line(text, 9) == "Our new…"  # cut at "Our new ": the space goes
    assert len(one_line(text, 20)) <= 20
