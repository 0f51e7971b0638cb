"""Audit one account: load its posts, score them in one batch, compute the four pillars."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from staffpulse.account_refs import find_account_ref
from staffpulse.audit import history, loader
from staffpulse.audit.account_kind import (
    AccountKind,
    desk_or,
    feed_or,
    job_feed_caution,
    kind_of,
)
from staffpulse.audit.advice import top_actions
from staffpulse.audit.avatar_check import AvatarInfo, avatar_info
from staffpulse.audit.config import PILLARS, audit_settings, grade_for, weighted_score
from staffpulse.audit.conversation import conversation_pillar, read_account_posts
from staffpulse.audit.examples import drop_shown_as_worst, spread_examples
from staffpulse.audit.face import face_pillar
from staffpulse.audit.followers_only import drop_followers_only, followers_only_ids
from staffpulse.audit.language import main_language, not_english_in_feeds
from staffpulse.audit.mix import foreign_ads_counted, mix_pillar, own_posts
from staffpulse.audit.profanity import swearing_caution
from staffpulse.audit.quiet import post_again_first, quiet_caution
from staffpulse.audit.signals import TextScorer, TextSignals, score_texts
from staffpulse.audit.types import AccountData, AuditResult, Frame, PillarResult
from staffpulse.audit.voice import voice_pillar
from staffpulse.bundled import sample_clock
from staffpulse.dates import format_day, format_when, parse_date_option
from staffpulse.errors import NotFoundError
from staffpulse.models import Account, Post
from staffpulse.next_steps import EARLIER_SINCE, IMPORT_OR_FETCH_TIMELINE, IMPORT_TIMELINE
from staffpulse.report.counts import count_of
from staffpulse.store import Store
from staffpulse.store.codec import format_time

if TYPE_CHECKING:
    from staffpulse.audit.segment_guesses import RoleModelChoice, SegmentReading

FETCHABLE = ("x", "bluesky", "mastodon")  # platforms `staffpulse fetch` reads


def parse_since(since: datetime | date | str | None) -> datetime | None:
    """``since`` as an aware datetime (UTC unless it has a zone); text is read as ``--since``."""
    if since is None or isinstance(since, datetime):
        return since.replace(tzinfo=since.tzinfo or UTC) if since else None
    if isinstance(since, date):
        return datetime(since.year, since.month, since.day, tzinfo=UTC)
    return parse_date_option("--since", since)


def load_account_data(store: Store, account: Account, since: datetime | None) -> AccountData:
    posts = loader.posts_by(store, account, since)
    mentions = loader.posts_mentioning(store, account, since)
    return AccountData(
        account,
        posts,
        mentions,
        loader.ref_authors(store, posts),
        loader.inbox_conversations_joined(store, account, since),
        followers_only_ids(store, account),
    )


def since_text(since: datetime) -> str:
    """``--since`` as typed: a day, or the moment when a time was given ("no posts since
    2021-11-19" read as false of an account with a post at 21:09 that day, after 21:10)."""
    if since.time() == time(0):
        return since.date().isoformat()
    return format_when(since.astimezone(UTC))


def since_in_words(since: datetime | str) -> str:
    """``--since`` as the reports say it: "1 Jun 2022", or the moment when a time was given
    ("since 2 Mar 2026" alone would deny the posts earlier that day)."""
    # read by the dates module's own parsing, which shows text that is no date unchanged
    # rather than failing a report over it
    day, when = format_day(since), format_when(since)
    return day if when == f"{day}, 00:00 UTC" else when


def no_posts_error(account: Account, since: datetime | None) -> NotFoundError:
    """Why an account with no posts (in the window) gets no grade, and what to do.

    Every pillar but Face would judge missing data: an F for "no posts" reads as a verdict
    on the account, when the store simply lacks its timeline."""
    if since is not None:
        return NotFoundError(
            f"@{account.handle} has no posts in the store since {since_text(since)}",
            hint=EARLIER_SINCE.say(),
        )
    step = (
        IMPORT_OR_FETCH_TIMELINE.say(platform=account.platform, handle=account.handle)
        if account.platform in FETCHABLE
        else IMPORT_TIMELINE.say()
    )
    return NotFoundError(
        f"no posts of @{account.handle} in the store: there is nothing to audit yet",
        hint=step,
    )


def texts_to_score(posts: list[Post]) -> tuple[np.ndarray[Any, Any], list[str]]:
    """Indexes and texts of the posts whose text is the account's own (everything but reposts)."""
    index = np.array([i for i, p in enumerate(posts) if p.kind != "repost"], dtype=np.int64)
    return index, [posts[int(i)].text for i in index]


def original_mask(posts: list[Post], index: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Which of the scored texts are original posts or quotes (the ones templating compares)."""
    return np.array([posts[int(i)].kind in ("original", "quote") for i in index], dtype=bool)


def build_frame(posts: list[Post], index: np.ndarray[Any, Any], signals: TextSignals) -> Frame:
    n = len(posts)

    def spread(values: np.ndarray[Any, Any], fill: Any, dtype: Any) -> np.ndarray[Any, Any]:
        out = np.full(n, fill, dtype=dtype)
        out[index] = values
        return out

    return Frame(
        posts=posts,
        kind=np.array([p.kind for p in posts], dtype=str) if n else np.zeros(0, dtype=str),
        ts=np.array(
            [p.created_at.timestamp() if p.created_at else np.nan for p in posts], dtype=np.float64
        ),
        scored=spread(np.ones(index.size, dtype=bool), False, bool),
        job=spread(signals.labels["job_opening"], False, bool),
        personality=spread(signals.labels["personality"], False, bool),
        humor=spread(signals.labels["humor"], False, bool),
        templated=spread(signals.templated, False, bool),
        family=spread(signals.family, -1, np.int64),
        personality_score=spread(signals.scores["personality"], 0.0, np.float64),
        humor_score=spread(signals.scores["humor"], 0.0, np.float64),
        foreign=not_english_in_feeds(posts),
    )


def _timeline(frame: Frame, self_replies: npt.NDArray[np.bool_]) -> list[dict[str, Any]]:
    """Posts per month from the account's first dated post to its last (quiet months too, as
    zeros): job ads, other posts (thread continuations too: ``self_replies``), replies to
    others (the Conversation pillar's count) and reposts. Every month the grades read: the
    last 24 alone charted a trickle of a dormant account's last posts and none of the years it
    was active (the chart sums a long timeline by quarter or year:
    :mod:`staffpulse.report.timeline_periods`)."""
    known = ~np.isnan(frame.ts)
    if not known.any():
        return []
    months = frame.ts[known].astype("datetime64[s]").astype("datetime64[M]")
    last = months.max()
    labels = np.arange(months.min(), last + 1)
    inverse = (months - labels[0]).astype(np.int64)
    kind, to_self = frame.kind[known], self_replies[known]
    # the posts Mix judges, its continuations too: a thread of job ads charted no job ad
    own = own_posts(frame, self_replies)[known]
    counted = foreign_ads_counted(frame, self_replies)  # German, Spanish, French ads: as in Mix
    foreign = (frame.foreign & ~counted)[known]
    job = (frame.job[known] & own & ~foreign) | counted[known]
    groups = {
        "job_ads": job,
        "other_posts": own & ~job & ~foreign,
        "replies": (kind == "reply") & ~to_self,
        "reposts": kind == "repost",
        # the model cannot tell a job ad in another language (but for those the patterns read)
        "not_english": own & foreign,
    }
    counts = {
        k: np.bincount(inverse, weights=v.astype(float), minlength=labels.size)
        for k, v in groups.items()
    }
    return [
        {"month": str(m), **{k: int(c[i]) for k, c in counts.items()}} for i, m in enumerate(labels)
    ]


def few_posts_caution(own: int, posts: int, min_posts: int) -> str | None:
    """The header's warning when the grade rests on fewer than ``min_posts`` posts the account
    wrote itself (reposts are someone else's words): one post more or less would move it a lot.
    """
    if own >= min_posts:
        return None
    if own == 0:
        # "all 1 post are reposts" of a single repost
        shared = {1: "your only post is a repost", 2: "both your posts are reposts"}.get(
            posts, f"all {count_of(posts, 'post')} are reposts"
        )
        return (
            f"Rough grade: {shared}, so Mix and Voice are not scored and the grade rests on the "
            f"profile and the {'repost' if posts == 1 else 'reposts'} alone."
        )
    return (
        f"Rough grade: only {count_of(own, 'post')} of your own (fewer than {min_posts}), so one "
        "post more or less would move the score a lot. Audit again when you have more."
    )


def undated_caution(undated: int, posts: int) -> str | None:
    """The header's word on posts with no date the audit can use (none in the data, or one no
    post can have: :func:`staffpulse.dates.plausible_post_time`), so a span or a rate that
    leaves them out is not read as covering every post."""
    if not undated:
        return None
    if posts == 1:
        which, its = "The one post has", "its"
    elif undated == posts:  # "All 2 posts have" of two
        which, its = ("Both posts have" if posts == 2 else f"All {posts:,} posts have"), "their"
    else:
        # "6,593 of the 20,000", as the header's "20,000 posts" above it
        which = f"{undated:,} of the {posts:,} posts {'has' if undated == 1 else 'have'}"
        its = "its" if undated == 1 else "their"
    return (
        f"{which} no date that can be right (none given, or one before the platform existed or "
        f"after the import): {its} text counts, but not in the span, the 30- and 90-day windows "
        "or the rates."
    )


def compute_audit(
    data: AccountData,
    signals: TextSignals,
    settings: Mapping[str, Any],
    *,
    avatar: AvatarInfo | None = None,
    now: datetime | None = None,
    since: datetime | None = None,
    read_as: SegmentReading | None = None,
) -> AuditResult:
    """The pure part of an audit: posts and their signals in, scores and advice out
    (``read_as``: the segment the account reads as, a cohort file's or the role model's; its
    advice is fitted to it and the header says it)."""
    cfg = dict(settings)
    index, _ = texts_to_score(data.posts)
    frame = build_frame(data.posts, index, signals)
    frame.unquotable = data.followers_only
    known_ts = frame.ts[~np.isnan(frame.ts)]
    first_ts = float(known_ts.min()) if known_ts.size else None
    last_ts = float(known_ts.max()) if known_ts.size else None
    ref_ts = now.timestamp() if now is not None else last_ts
    today = now or datetime.now(UTC)
    avatar = avatar if avatar is not None else avatar_info(data.account)
    talk = read_account_posts(frame, data)
    # each pillar's advice is written in words the account's kind can act on
    orig = frame.authored_original  # a feed by its profile that posts few ads is none
    segment = read_as.segment if read_as is not None else None
    kind = feed_or(kind_of(data.account, segment), int(frame.job[orig].sum()), int(orig.sum()))
    feed = kind is AccountKind.JOB_FEED
    # its people are its field's when the role model reads it as outside staffing ("other")
    staffing = segment != "other"
    conversation = conversation_pillar(frame, data, talk, ref_ts, cfg, today, kind, staffing)
    kind = desk_or(kind, conversation.evidence)  # a help desk is known from its posts
    counts = _post_counts(frame, data, talk.self_replies)  # the header's, and Mix's replies
    pillars = {
        "face": face_pillar(data.account, cfg, avatar, main_language(data.posts), kind),
        "mix": mix_pillar(frame, cfg, counts, kind, continuations=talk.self_replies),
        # a repost of its own post is no one else's voice (a job board re-sharing its ads)
        "voice": voice_pillar(
            frame,
            cfg,
            own_reposts=int(talk.own_shares[frame.kind == "repost"].sum()),
            kind=kind,
        ),
        "conversation": conversation,
    }
    drop_shown_as_worst(pillars)
    drop_followers_only(pillars, (p for p in data.posts if p.id in data.followers_only))
    spread_examples(pillars)
    weights = cfg["weights"]
    overall = _overall_score(pillars, weights)
    last_day = _moment(last_ts)
    cautions = [
        said
        for said in (
            quiet_caution(last_day, today, windows_end_today=now is not None),
            few_posts_caution(int(frame.scored.sum()), frame.n, int(cfg["min_posts"])),
            undated_caution(frame.n - int(known_ts.size), frame.n),
            job_feed_caution(data.account) if feed else None,
            swearing_caution(frame),
        )
        if said
    ]
    return AuditResult(
        account=data.account,
        kind=kind,
        overall=overall,
        grade=grade_for(overall, cfg["grades"]),
        pillars=pillars,
        generated_at=today,
        reference_time=_moment(ref_ts),
        window={
            "since": format_time(since),
            "first_post": format_time(_moment(first_ts)),
            "last_post": format_time(last_day),
        },
        counts=counts,
        top_actions=top_actions(pillars, weights),
        timeline=_timeline(frame, talk.self_replies),
        signals={"text": signals.source, "avatar": avatar.source},
        caution=" ".join(cautions) or None,
        # "other" names no segment to read as (the header and JSON say none), only whose words
        read_as=segment if staffing else None,
        read_as_file=read_as.cohort_file if read_as is not None and staffing else None,
    )


def _moment(ts: float | None) -> datetime | None:
    return datetime.fromtimestamp(ts, UTC) if ts is not None else None


def _overall_score(pillars: Mapping[str, PillarResult], weights: Mapping[str, Any]) -> int:
    """The weighted mean of the pillars scored (:func:`~staffpulse.audit.config.weighted_score`):
    one with nothing to judge takes no part."""
    return weighted_score({n: s for n in PILLARS if (s := pillars[n].score) is not None}, weights)


def _post_counts(
    frame: Frame, data: AccountData, self_replies: npt.NDArray[np.bool_]
) -> dict[str, int]:
    kinds = {k: int((frame.kind == k).sum()) for k in ("original", "reply", "repost", "quote")}
    # the header says how many replies only continue the account's own threads, so its count
    # of replies never reads against Conversation's "none of your posts are replies to others"
    kinds["replies_in_own_threads"] = int(self_replies.sum())
    # the header's span covers only the posts with a usable date: "8 posts (6 dated from ...)"
    dated = int(np.count_nonzero(~np.isnan(frame.ts)))
    return {"posts": frame.n, "dated": dated, **kinds, "mentions_known": len(data.mentions)}


def audit_account(
    store: Store,
    handle: str,
    platform: str | None = None,
    since: datetime | date | str | None = None,
    config: Mapping[str, Any] | None = None,
    scorer: TextScorer | None = None,
    now: datetime | None = None,
    *,
    save: bool = True,
    avatar: AvatarInfo | None = None,
    role_model: RoleModelChoice = None,
) -> AuditResult:
    """Audit one stored account on the four pillars.

    ``handle`` is read as every command reads an account: a handle, an id or a profile URL
    (:func:`staffpulse.account_refs.find_account_ref`; the URL's platform is the account's).

    ``config`` is the whole config dict or its ``audit`` table (default: ``load_config()``).
    ``scorer`` replaces the shipped text model (tests); ``now`` fixes the clock. With ``save``
    the result is stored, and the previous stored audit of the account gives ``change``.
    ``role_model`` (``"auto"``: the shipped one) says which segment the account reads as
    (``read_as``) when no cohort file gave it one, as the benchmark guesses it; None leaves
    it unsaid.
    """
    settings = audit_settings(config)
    account = find_account_ref(store, handle, platform)
    now = now or sample_clock(store)
    since_dt = parse_since(since)
    data = load_account_data(store, account, since_dt)
    if not data.posts:
        raise no_posts_error(account, since_dt)
    index, texts = texts_to_score(data.posts)
    signals = score_texts(texts, scorer, template_mask=original_mask(data.posts, index))
    reading = None
    if role_model is not None:  # the role model's module, loaded only when asked
        from staffpulse.audit.segment_guesses import read_segment

        reading = read_segment(store, data, role_model)
    result = compute_audit(
        data, signals, settings, avatar=avatar, now=now, since=since_dt, read_as=reading
    )
    # an account gone quiet is told to post again before anything else (a benchmark's "Fix
    # first" too, followed there by the account's own fix: quiet.first_fix)
    last_post = result.window["last_post"]
    result.top_actions = post_again_first(
        result.top_actions,
        datetime.fromisoformat(last_post) if last_post else None,
        result.generated_at,
    )
    # the change is against the latest audit of other data: the same data audited again (in
    # the terminal, then for the HTML report) still shows the change since the last import
    key = history.data_key(data.account, data.posts, data.mentions)
    previous = history.previous_audit(store, account.platform, account.id, since_dt, key)
    if previous is not None:
        result.previous = previous
        result.change = history.change_since(result, previous)
    if save:
        result.audit_id = history.save_audit(store, result, key)
    return result
