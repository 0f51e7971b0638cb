"""Mix's advice: what the account is told from the share, runs and trend of its job ads."""

from __future__ import annotations

from typing import Any

from staffpulse.audit.account_kind import AccountKind, for_a_feed, kept_for
from staffpulse.audit.types import Advice, Praise, Pressing
from staffpulse.dates import format_day
from staffpulse.report.counts import count_of
from staffpulse.report.rounding import pct, whole

# the share of job ads among the last posts (``recent_posts``) that makes a feed read as a job
# board to whoever opens it now, whatever its share over the window: 8 of the last 10 posts
# were ads while 38% overall scored 87, and the advice never reached "Do this next"
RECENT_ADS_PRESSING = 0.7
# a job feed's ads are its product: not fewer of them, better ones (:mod:`.account_kind`)
_FEED_ADS = (
    "A job feed's openings are its product: make each one worth reading (the pay, the shift "
    "and one line on the employer), and add one post a week that helps job seekers: a tip "
    "in your own words, a question, a look at a local employer."
)
_FEED_ADS_DOWN = (
    "Your last posts are not mostly job ads: keep it so, with one post a week among the "
    "openings that helps job seekers (a tip in your own words, a question, a look at a "
    "local employer)."
)


def turned_job_board(ev: dict[str, Any]) -> bool:
    """Whether the last posts (fewer than all of them) are mostly job ads, at least
    :data:`RECENT_ADS_PRESSING` of them, while the window as a whole is not: a feed that has
    just turned into a job board (one that always was one hears so from its score)."""
    recent, share = ev["recent"], ev["job_share"]
    last = int(recent["posts"])
    return (
        share is not None
        and share < RECENT_ADS_PRESSING
        and 0 < last < int(ev["original_posts"])
        and recent["job_ads"] >= RECENT_ADS_PRESSING * last
    )


def mix_advice(
    ev: dict[str, Any], settings: dict[str, Any], kind: AccountKind = AccountKind.ANY
) -> list[str]:
    """Mix's advice, at most three, from its evidence (``ev``) and the audit's settings, in
    words the account's ``kind`` can act on: a job feed is told to make its ads worth reading,
    not to post fewer, bundle them or break up their runs (its feed is its openings)."""
    feed = kind is AccountKind.JOB_FEED
    n, share = ev["original_posts"], ev["job_share"] or 0.0  # None: not scored (mix._mix_evidence)
    recent = ev["recent"]
    read = " in English" if ev.get("not_english") else ""  # n leaves the others out
    recs: list[str] = []
    no_feed: list[str] = []  # what fits no job feed
    if n == 0:
        # the continuations of its own threads are counted in n (mix.own_posts): these
        # replies answer others
        replies, reposts = int(ev.get("replies", 0)), int(ev.get("reposts", 0))
        return [_nothing_of_its_own(replies, reposts, desk=kind is AccountKind.HELP_DESK)]
    pressing = turned_job_board(ev)
    if share > float(settings["job_share_ok"]) or pressing:
        recs.append(
            _fewer_ads(
                recent,
                n,
                share,
                float(settings["job_share_ok"]),
                read,
                pressing,
                ev["job_ads"],
                feed=feed,
            )
        )
    longest = ev["longest_streak"]
    # a run of every post is the feed itself: "All 224 ... are job ads" has said it
    if longest >= int(settings["streak_alert"]) and ev["worst_streaks"] and longest < n:
        run = ev["worst_streaks"][0]
        recs.append(
            Advice(
                f"Your longest run was {longest:,} job ads in a row ({format_day(run['from'])} to "
                f"{format_day(run['to'])}). Never post more than two openings back to back.",
                f"Break up runs of job ads: {longest:,} in a row",
            )
        )
        no_feed.append(recs[-1])  # a feed's ads in a row are its feed
    if share >= 0.6 and int(ev["job_ads"]) >= 3:  # one or two openings make no weekly bundle
        recs.append(
            Advice(
                'Bundle openings into one weekly "jobs this week" post with a single link, and '
                "use the freed-up posts for advice your candidates can use today.",
                "Bundle openings into one weekly post",
            )
        )
        no_feed.append(recs[-1])  # a feed that bundles its openings is no feed
    elif ev["trend"]["direction"] == "rising":
        before, lately = whole(100 * ev["trend"]["before"]), whole(100 * ev["trend"]["recent"])
        recs.append(
            Advice(
                f"Job ads are creeping up: {before}% of posts three months ago, {lately}% "
                "lately. Plan next week's non-job posts now.",
                f"Watch the job ads: up from {before}% to {lately}% of posts",
            )
        )
    if not recs:
        recs.append(_healthy_mix(int(ev["job_ads"]), n, share, read))
    return kept_for(recs[:3], no_feed) if feed else recs[:3]


def _nothing_of_its_own(replies: int, reposts: int, *, desk: bool = False) -> Advice:
    """The advice of a feed with no original post: a help desk of 56 replies was told to
    "start posting" and to post "one opening" a week; one that replies is told to keep at it
    and add a post of its own that fits whoever it answers. A help ``desk``'s news is a fix or
    an outage, not an opening: a phone maker's care desk was offered "(an opening, a change)"."""
    if not replies:
        return Advice(
            "There are no original posts to judge. Aim for three a week: one opening, one "
            "tip for candidates or clients, and one story about your team.",
            "Start posting: no original posts to judge",
        )
    if reposts:
        lead = f"Your posts are {count_of(replies, 'reply')} and {count_of(reposts, 'repost')}"
        said = "only replies and reposts"
    elif replies == 1:
        lead, said = "Your one post is a reply", "its one post is a reply"
    elif replies == 2:  # "All 2 of your posts" is no English
        lead, said = "Both your posts are replies", "both its posts are replies"
    else:
        lead, said = f"All {replies:,} of your posts are replies", f"all {replies:,} are replies"
    return Advice(
        f"{lead}: there is no post of your own to judge. Keep answering, and add one post of "
        "your own a week: the answer people ask you for most, news they need "
        f"({'an outage, a fix' if desk else 'an opening, a change'}), or a story about your team.",
        f"Add posts of its own: {said}",
    )


def _fewer_ads(
    recent: dict[str, int],
    n: int,
    share: float,
    ok: float,
    read: str,
    pressing: bool,
    every_ad: int,
    *,
    feed: bool = False,
) -> Advice:
    """The advice of a feed with too many job ads (``share`` of ``n`` original posts), said
    of its last posts as well. A tiny feed's last posts are all of it ("1 of the last 1 posts
    were job ads" in a client's benchmark), and a feed whose last posts are no longer mostly
    ads is told to keep it so, not read its progress as the fault ("0 of your last 10 posts
    were job ads (59% overall). Alternate each job post..."). ``read``: " in English" when
    posts in other languages were left out of ``n``; ``pressing``: the feed just turned into a
    job board (:func:`turned_job_board`); ``every_ad``: the job ads among all ``n`` (the share
    is rounded: 2,499 ads of 2,500 are not all of them); ``feed``: the account is a job feed,
    told how to make its ads worth reading instead."""

    def fewer(advice: Advice) -> Advice:
        return for_a_feed(advice, _FEED_ADS, "Make each ad worth reading") if feed else advice

    all_ads = every_ad == n
    ads, last, share_said = recent["job_ads"], recent["posts"], pct(share)
    alternate = "Alternate each job post with a tip, a story or a question."
    if last >= n or all_ads:
        if n == 1:
            return fewer(
                Advice(
                    f"Your only original post{read} is a job ad. Follow it with a tip, a story "
                    "or a question.",
                    "Post fewer job ads: its only original post is a job ad",
                )
            )
        # every one an ad, however many: "10 of your last 10 posts were job ads (100%
        # overall)" undersold a feed of 224 ads in a row; "All 2 of your posts" is no English
        if ads == n or all_ads:
            every, its = (
                ("Both your", "both its") if n == 2 else (f"All {n:,} of your", f"all {n:,}")
            )
            return fewer(
                Advice(
                    f"{every} original posts{read} are job ads. {alternate}",
                    f"Post fewer job ads: {its} original posts are job ads",
                )
            )
        are = "is a job ad" if ads == 1 else "are job ads"  # "1 of your 2 ... are" read
        return fewer(
            Advice(
                f"{ads:,} of your {n:,} original posts{read} {are} ({share_said}). {alternate}",
                f"Post fewer job ads: {ads:,} of {n:,} original posts {are} ({share_said})",
            )
        )
    if ads <= ok * last:
        lately = "none" if not ads else f"only {ads:,}"
        kept = Advice(
            f"{share_said} of your posts{read} are job ads, but {lately} of your last {last:,}: keep "
            "it so, and go on alternating each job post with a tip, a story or a question.",
            f"Keep job ads down: {share_said} of posts, {lately} of the last {last:,}",
        )
        return for_a_feed(kept, _FEED_ADS_DOWN, fact=False) if feed else kept
    # "10 of your last 10" is no English: "All of your last 10"
    told = "All" if ads == last else f"{ads:,}"
    about = f"{told.lower()} of the last {last:,} posts were job ads ({share_said} overall)"
    if pressing:  # a feed of openings turning into one is its product, not news
        return fewer(
            Pressing(
                f"{told} of your last {last:,} posts{read} were job ads ({share_said} overall): "
                f"whoever opens your profile now sees a job board. {alternate}",
                f"Post fewer job ads: {about}",
            )
        )
    return fewer(
        Advice(
            f"{told} of your last {last:,} posts{read} were job ads ({share_said} overall). "
            f"{alternate}",
            f"Post fewer job ads: {about}",
        )
    )


def _healthy_mix(ads: int, n: int, share: float, read: str) -> Praise:
    """The praise of a feed with few job ads (``ads`` of ``n`` original posts, ``read`` in
    English when others were left out: "Neither of your 2 original posts" misread a feed of 4,
    2 in Korean)."""
    # a few ads in a long feed round to 0%: "none" would contradict the count shown beside
    # it ("3 of 746 original posts"), so the count is said instead
    if ads == 0 and n <= 2:  # "none of your posts" said of one post or two is no English
        lead = (
            f"Your one original post{read} is not"
            if n == 1
            else f"Neither of your 2 original posts{read} is"
        )
        lead += " a job ad"
    elif ads == 0:  # counted as its figure is ("0 of 6 original posts"), not of every post
        lead = f"None of your {n:,} original posts{read} are job ads"
    elif whole(100 * share) == 0:
        are = "is a job ad" if ads == 1 else "are job ads"
        lead = f"Only {ads:,} of your {n:,} original posts{read} {are}"
    else:
        lead = f"Only {whole(100 * share)}% of your original posts{read} are job ads"
    return Praise(
        f"{lead}: a healthy mix. When you do post an opening, say the pay, the shift "
        "and one thing you like about the team."
    )
