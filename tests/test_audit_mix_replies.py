"""Mix of an account whose posts are replies: to others (no post of its own, so not scored) or
continuing its own threads (its own posts, scored)."""

from __future__ import annotations

import json

import numpy as np

from audit_helpers import FeedBuilder, audit_feed
from staffpulse.audit.mix import judged_by_mix


def test_an_account_of_replies_only_has_no_job_share_and_says_so() -> None:
    # a tester's account of replies only read "Job ads 0 of 0 original posts (0%)", 0.0 in the
    # JSON, while the benchmark gave null / "n/a" for the same account
    from staffpulse.report.pillar_figures import figures

    feed = FeedBuilder("helpdesk")
    feed.reply("customer", 12)
    result = audit_feed(feed)
    mix = result.pillars["mix"]
    assert not mix.scored and mix.score is None
    assert mix.evidence["job_share"] is None
    # a help desk is told to keep answering, not to "start posting" one opening a week
    assert mix.recommendations[0].startswith("All 12 of your posts are replies: there is no")
    assert "opening, one tip" not in mix.recommendations[0]
    assert mix.recommendations[0].headline == "Add posts of its own: all 12 are replies"
    assert dict(figures(result)["mix"])["Job ads"] == "no original posts to read"
    assert '"job_share": null' in json.dumps(result.to_dict())


def test_a_feed_of_its_own_threads_is_scored_on_mix_with_its_continuations() -> None:
    # QA: an account whose posts all continue its own threads (the openings not imported)
    # read "Mix n/a": a thread's continuation is its own post, not a talk with others
    feed = FeedBuilder("threader")
    for i in range(4):
        feed.post(
            f"We're hiring a welder in Leeds #{i}! Apply: https://j.example/{i}",
            kind="reply",
            reply_to_handle="threader",
        )
    feed.post("Part 5: what a great week on site lol", kind="reply", reply_to_handle="threader")
    feed.reply("peer", 1)  # a reply to someone else is still no post of its own
    result = audit_feed(feed)
    mix = result.pillars["mix"]
    assert mix.scored and mix.score is not None
    assert mix.evidence["original_posts"] == 5 and mix.evidence["job_ads"] == 4
    assert mix.evidence["thread_continuations"] == 5 == result.counts["replies_in_own_threads"]
    # the --json says the count once in Mix: the header's counts hold it already
    assert "replies_in_own_threads" not in mix.evidence
    assert mix.recommendations[0].startswith("4 of your 5 original posts are job ads (80%)")
    # the content chart counts them as Mix does: its job ads were charted nowhere
    (month,) = result.timeline
    assert (month["job_ads"], month["other_posts"], month["replies"]) == (4, 1, 1)


def test_mix_judges_originals_quotes_and_own_thread_replies_only() -> None:
    # one rule for the audit and staffpulse score (scale.scoring), over every kind at once
    kinds = np.array(["original", "quote", "reply", "reply", "repost", "repost", "original"])
    threads = np.array([False, False, True, False, True, False, True])
    assert judged_by_mix(kinds, threads).tolist() == [True, True, True, False, False, False, True]
    assert judged_by_mix(np.array([], dtype=str), np.array([], dtype=bool)).tolist() == []
