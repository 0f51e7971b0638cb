from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from audit_helpers import ChattyAdScorer, FakeScorer, FeedBuilder, audit_feed, first_advice
from staffpulse.audit.config import DEFAULTS
from staffpulse.audit.mix import mix_score, monthly, streaks, trend
from test_audit_mix_languages import GERMAN_AD


def test_streaks_longest_first() -> None:
    flags = np.array([1, 1, 0, 1, 1, 1, 0, 1], dtype=bool)
    assert streaks(flags) == [(3, 3), (0, 2), (7, 1)]
    assert streaks(np.zeros(0, dtype=bool)) == []


def test_mix_score_bands() -> None:
    assert mix_score(0.1, DEFAULTS) == 100
    assert mix_score(0.95, DEFAULTS) == 0
    assert 0 < mix_score(0.6, DEFAULTS) < 100


def test_monthly_and_trend() -> None:
    ts = np.array([np.datetime64(f"2026-{m:02d}-15", "s").astype(float) for m in range(1, 7)])
    job = np.array([0, 0, 0, 1, 1, 1], dtype=bool)
    rows = monthly(ts, job, {})
    assert [r["month"] for r in rows] == [
        "2026-01",
        "2026-02",
        "2026-03",
        "2026-04",
        "2026-05",
        "2026-06",
    ]
    assert trend(rows)["direction"] == "rising"


def test_reposts_are_not_counted() -> None:
    feed = FeedBuilder("acme")
    feed.chat(5)
    for i in range(20):
        feed.post(f"We're hiring {i}! apply", kind="repost", reposted_post_id=f"r{i}")
    assert audit_feed(feed).pillars["mix"].evidence["job_share"] == 0


def test_evidence_and_advice_name_the_streak() -> None:
    feed = FeedBuilder("acme")
    feed.post("Honest question: what do you love about your team?")
    feed.post("I love the first week of a new placement: nerves, coffee and names.")
    feed.post("My favourite story this year: a welder who became a site lead.")
    feed.job(7)
    mix = audit_feed(feed).pillars["mix"]
    assert mix.evidence["longest_streak"] == 7
    assert mix.evidence["recent"] == {"posts": 10, "job_ads": 7}
    # its 10 posts are all of it: "of your 10", not "of your last 10"
    assert mix.recommendations[0].startswith("7 of your 10 original posts are job ads (70%)")
    assert mix.worst and mix.best


@settings(max_examples=25, deadline=None)
@given(jobs=st.integers(0, 15), others=st.integers(1, 15), extra=st.integers(1, 10))
def test_more_job_ads_lower_mix(jobs: int, others: int, extra: int) -> None:
    def score(n_jobs: int) -> int:
        feed = FeedBuilder("acme")
        feed.chat(others)
        feed.job(n_jobs)
        return int(audit_feed(feed).pillars["mix"].score)

    assert score(jobs + extra) <= score(jobs)


def test_posts_to_imitate_are_human_posts_never_a_post_that_merely_escaped_the_job_verdict() -> (
    None
):
    feed = FeedBuilder("linkfirm")
    feed.job(6)
    for i in range(3):
        feed.post(f"New on the blog: Q{i + 1} labor market report https://blog.example/{i}")
    # a link-only post (or, in a feed of ads, an ad the model missed) is nothing to imitate
    assert audit_feed(feed).pillars["mix"].best == []
    feed.chat(1)  # one post the personality model calls human: it is the example, and says so
    best = audit_feed(feed).pillars["mix"].best
    assert [ex.text[:14] for ex in best] == ["Honest questio"]
    assert best[0].why == "not a job ad, and it sounds human"


def test_a_post_addressed_to_someone_is_no_example_of_the_feed() -> None:
    # a reply whose post was deleted was stored as an original: a real archive's "nice meeting
    # you" to someone was its first post to imitate under "Is it more than a job board?"
    feed = FeedBuilder("rosa")
    feed.post("@kim_ops I love that we met, honest: see you at the meetup?")
    feed.post("  @sam_hr my story of the week: I love this team")
    feed.chat(1)
    feed.job(2)
    best = audit_feed(feed).pillars["mix"].best
    assert [ex.text for ex in best] == [feed.posts[2].text]
    only_addressed = FeedBuilder("ana")
    only_addressed.post("@kim_ops I love that we met, honest: see you at the meetup?")
    only_addressed.job(1)
    assert audit_feed(only_addressed).pillars["mix"].best == []


def test_a_chatty_job_ad_is_never_a_post_to_imitate() -> None:
    # the QA case: a job board's ads that the personality and humor models call human and
    # funny were offered as examples; the same verdict that counts them as job ads rules them out
    feed = FeedBuilder("apex")
    for i in range(8):
        feed.post(f"I love this one 😂 We're hiring a forklift driver #{i}, apply now!")
    feed.post("Honest question: what do you love about your team? I love mine")
    mix = audit_feed(feed, scorer=ChattyAdScorer()).pillars["mix"]
    assert mix.evidence["job_ads"] == 8
    assert [ex.text for ex in mix.best] == [feed.posts[-1].text]
    assert not any("hiring" in ex.text for ex in mix.best)


def test_a_feed_of_short_trade_listings_fails_mix() -> None:
    """A trades firm posting nothing but "role in town, pay, link" listings is all job ads to
    the shipped model and patterns: Mix 0, and no listing is offered as a post to imitate."""
    from staffpulse.audit.config import audit_settings
    from staffpulse.audit.engine import compute_audit, original_mask, texts_to_score
    from staffpulse.audit.signals import default_scorer, score_texts
    from staffpulse.audit.types import AccountData

    trades = ["Roofers", "Pipefitters", "Framers", "Millwrights", "Glaziers", "Welders"]
    towns = ["Parker", "Greeley", "Pueblo", "Aurora", "Boulder"]
    feed = FeedBuilder("ridgeline")
    for i in range(12):
        trade, town, pay = trades[i % 6], towns[i % 5], 24 + i
        feed.post(f"{trade} in {town}, ${pay}/hr. https://ridgeline.example/j/{i}")
    data = AccountData(feed.account(), list(feed.posts), list(feed.others), {})
    index, texts = texts_to_score(data.posts)
    signals = score_texts(texts, default_scorer(), template_mask=original_mask(data.posts, index))
    mix = compute_audit(data, signals, audit_settings({})).pillars["mix"]
    assert mix.evidence["job_share"] == 1.0
    assert mix.score == 0 and mix.best == []


def test_a_scored_mix_keeps_its_share_and_its_figure() -> None:
    from staffpulse.report.pillar_figures import figures

    feed = FeedBuilder("acme")
    feed.chat(8)
    feed.job(2)
    result = audit_feed(feed)
    assert result.pillars["mix"].evidence["job_share"] == 0.2
    assert dict(figures(result)["mix"])["Job ads"] == "2 of 10 original posts (20%)"


def test_the_job_ad_share_in_the_advice_is_rounded_as_in_the_table() -> None:
    # 1 job ad of 8 original posts is 12.5%: "13%" in the table and in the advice
    from staffpulse.report.rounding import pct

    feed = FeedBuilder("rosa")
    feed.job(1)
    for i in range(7):
        feed.post(f"Honest question {'abcdefg'[i]}: what do you love about your team?")
    mix = audit_feed(feed).pillars["mix"]
    assert pct(mix.evidence["job_share"]) == "13%"
    assert mix.recommendations[0].startswith("Only 13% of your original posts are job ads")


ADS = [
    "Now hiring: a night-shift welder in York, apply by Friday",
    "Job alert: two care assistants for a Leeds home, £12.50/hr",
    "We're hiring a site manager in Hull. Apply: https://j.example/s",
    "Now hiring forklift drivers in Dayton, days only",
]


def _healthy_feed(handle: str = "acme") -> FeedBuilder:
    """Four job ads, each between three human posts: 4 of 16 (25%), no run of ads."""
    feed = FeedBuilder(handle)
    for ad in ADS:
        feed.chat(3)
        feed.post(ad)
    return feed


def test_a_healthy_mix_shows_the_latest_job_ads_it_counted_as_proof() -> None:
    # a real archive's few "job ads" (link-only posts, most of them) were never shown, so
    # no one could check the model
    mix = audit_feed(_healthy_feed()).pillars["mix"]
    assert mix.score == 100 and mix.evidence["job_ads"] == 4
    assert mix.worst == []  # a healthy share holds nothing back...
    assert [ex.text for ex in mix.counted] == ADS[:0:-1]  # ...but shows the latest 3 counted
    assert {ex.why for ex in mix.counted} == {"a job ad to the model"}
    shown = mix.to_dict()["evidence"]["examples"]["counted"]
    assert [ex["text"] for ex in shown] == ADS[:0:-1] and shown[0]["url"]


def test_a_feed_held_back_by_its_job_ads_shows_them_once_as_holding_it_back() -> None:
    feed = FeedBuilder("jobboard")
    feed.chat(2)
    feed.job(8)
    mix = audit_feed(feed).pillars["mix"]
    assert mix.worst and mix.counted == []
    assert mix.to_dict()["evidence"]["examples"]["counted"] == []
    none = FeedBuilder("chatty")
    none.chat(6)
    assert audit_feed(none).pillars["mix"].counted == []  # no job ad: nothing to show


def test_a_followers_only_job_ad_is_counted_but_never_shown() -> None:
    from staffpulse.audit.config import audit_settings
    from staffpulse.audit.engine import compute_audit, original_mask, texts_to_score
    from staffpulse.audit.signals import score_texts
    from staffpulse.audit.types import AccountData

    feed = _healthy_feed("rosa")
    latest_ad = next(p for p in reversed(feed.posts) if p.text == ADS[-1])
    data = AccountData(
        feed.account(), list(feed.posts), [], {}, followers_only=frozenset({latest_ad.id})
    )
    index, texts = texts_to_score(data.posts)
    signals = score_texts(texts, FakeScorer(), template_mask=original_mask(data.posts, index))
    mix = compute_audit(data, signals, audit_settings({})).pillars["mix"]
    assert mix.evidence["job_ads"] == 4  # still counted
    assert [ex.text for ex in mix.counted] == ADS[-2::-1]  # the three public ones


def test_a_job_ad_counted_by_its_german_wording_says_so() -> None:
    feed = _healthy_feed()
    feed.post(GERMAN_AD.format(i=1))
    mix = audit_feed(feed).pillars["mix"]
    assert mix.counted[0].text == GERMAN_AD.format(i=1)
    assert mix.counted[0].why == "a job ad by its wording (German, Spanish or French)"


def test_a_few_job_ads_in_a_long_feed_are_not_called_none() -> None:
    # 1 ad in 601 original posts rounds to 0%: the advice must not say "none" beside the count
    feed = FeedBuilder("acme")
    feed.chat(600)
    feed.job(1)
    mix = audit_feed(feed).pillars["mix"]
    assert mix.evidence["job_ads"] == 1
    assert mix.recommendations[0].startswith("Only 1 of your 601 original posts is a job ad")
    assert not any("None of your posts" in advice for advice in mix.recommendations)


def test_job_ad_advice_is_headlined_with_its_counts() -> None:
    from staffpulse.audit.mix_advice import mix_advice

    ev = {
        "original_posts": 40,
        "job_ads": 32,
        "job_share": 0.8,
        "recent": {"posts": 10, "job_ads": 9},
        "longest_streak": 12,
        "worst_streaks": [{"length": 12, "from": "2026-01-02", "to": "2026-02-01"}],
        "trend": {"direction": "steady", "recent": 0.8, "before": 0.8},
    }
    advice = mix_advice(ev, DEFAULTS)
    assert advice[0].startswith("9 of your last 10 posts were job ads (80% overall).")
    # the run's days as every report and page writes a day, not "2026-01-02 to 2026-02-01"
    assert advice[1].startswith("Your longest run was 12 job ads in a row (2 Jan 2026 to 1 Feb")
    # the benchmark's headlines, about the account rather than to it
    assert [getattr(a, "headline", None) for a in advice] == [
        "Post fewer job ads: 9 of the last 10 posts were job ads (80% overall)",
        "Break up runs of job ads: 12 in a row",
        "Bundle openings into one weekly post",
    ]
    rising = ev | {"job_share": 0.35, "longest_streak": 2}
    rising["trend"] = {"direction": "rising", "recent": 0.5, "before": 0.2}
    assert [getattr(a, "headline", None) for a in mix_advice(rising, DEFAULTS)] == [
        "Post fewer job ads: 9 of the last 10 posts were job ads (35% overall)",
        "Watch the job ads: up from 20% to 50% of posts",
    ]


def test_a_tiny_feeds_job_ad_advice_speaks_of_all_its_posts() -> None:
    # a client's benchmark read "1 of the last 1 posts were job ads" and "3 of your last 3"
    one = FeedBuilder("solo")
    one.job(1)
    mix = audit_feed(one).pillars["mix"]
    assert mix.recommendations[0].startswith("Your only original post is a job ad.")
    assert (
        mix.recommendations[0].headline == "Post fewer job ads: its only original post is a job ad"
    )
    three = FeedBuilder("tiny")
    three.job(3)
    assert first_advice(three, "mix").startswith(
        "All 3 of your original posts are job ads. Alternate"
    )
    some = FeedBuilder("small")
    some.job(5)
    some.chat(2)
    advice = first_advice(some, "mix")
    assert advice.startswith("5 of your 7 original posts are job ads (71%).")
    assert "last" not in advice


def test_a_feed_that_stopped_posting_ads_is_told_to_keep_it_so() -> None:
    # a real-data client: 38 of 65 posts were ads, none of the last 10; the advice read
    # "0 of your last 10 posts were job ads (59% overall). Alternate each job post..."
    feed = FeedBuilder("mended")
    feed.job(30)
    feed.chat(12)
    mix = audit_feed(feed).pillars["mix"]
    assert mix.evidence["recent"] == {"posts": 10, "job_ads": 0}
    assert mix.recommendations[0].startswith(
        "71% of your posts are job ads, but none of your last 10: keep it so"
    )
    assert mix.recommendations[0].headline == "Keep job ads down: 71% of posts, none of the last 10"


def test_a_two_post_feed_is_told_both_or_neither_not_all_2_or_none() -> None:
    # a real two-post account read "None of your posts are job ads" and "All 2 of your ..."
    ads = FeedBuilder("pair")
    ads.job(2)
    advice = audit_feed(ads).pillars["mix"].recommendations
    assert advice[0].startswith("Both your original posts are job ads. Alternate")
    assert advice[0].headline == "Post fewer job ads: both its original posts are job ads"
    chat = FeedBuilder("talk")
    chat.chat(2)
    assert first_advice(chat, "mix").startswith(
        "Neither of your 2 original posts is a job ad: a healthy mix."
    )
    one = FeedBuilder("solo")
    one.chat(1)
    assert first_advice(one, "mix").startswith(
        "Your one original post is not a job ad: a healthy mix."
    )


def test_one_or_two_job_ads_are_not_told_to_bundle_openings_into_a_weekly_post() -> None:
    # an account with one post, a job ad, was told to bundle its openings and use "the
    # freed-up posts": there is nothing to bundle
    for n in (1, 2):
        feed = FeedBuilder("few")
        feed.job(n)
        advice = audit_feed(feed).pillars["mix"].recommendations
        assert not any(a.startswith("Bundle openings") for a in advice)
    feed = FeedBuilder("many")
    feed.job(3)
    assert any(
        a.startswith("Bundle openings") for a in audit_feed(feed).pillars["mix"].recommendations
    )


def test_one_job_ad_among_a_few_posts_is_said_in_the_singular() -> None:
    # a two-post feed read "1 of your 2 original posts are job ads (50%)"
    feed = FeedBuilder("pair")
    feed.job(1)
    feed.chat(1)
    advice = first_advice(feed, "mix")
    assert advice.startswith("1 of your 2 original posts is a job ad (50%). Alternate")
    assert advice.headline == "Post fewer job ads: 1 of 2 original posts is a job ad (50%)"


def test_a_few_original_posts_are_called_rough_in_english_only_beside_others() -> None:
    # a feed all in English read "only 3 original posts in English in the window", as if
    # some were not
    feed = FeedBuilder("rosa")
    feed.chat(3)
    assert "only 3 original posts in the window: the share is rough" in (
        audit_feed(feed).pillars["mix"].notes
    )
    feed.post("Wir haben heute unser Sommerfest im Lager gefeiert, danke an alle!", lang="de")
    notes = audit_feed(feed).pillars["mix"].notes
    assert "only 3 original posts in English in the window: the share is rough" in notes


def test_a_feed_with_reposts_and_no_job_ads_is_told_of_its_original_posts() -> None:
    # "None of your posts are job ads" beside "0 of 6 original posts" read as a miscount
    feed = FeedBuilder("shares")
    feed.chat(6)
    for i in range(4):
        feed.post(f"RT @friend{i}: a useful read for hiring teams", kind="repost")
    advice = audit_feed(feed).pillars["mix"].recommendations
    assert advice[0].startswith("None of your 6 original posts are job ads: a healthy mix.")
