"""Mix: how much of what the account publishes is job ads, how it trends, the worst streaks."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from itertools import islice
from typing import Any

import numpy as np
import numpy.typing as npt

from staffpulse.audit.account_kind import AccountKind
from staffpulse.audit.examples import EXAMPLES_SHOWN, rank_examples, unique_texts
from staffpulse.audit.language import english_only, language_note, not_english_advice
from staffpulse.audit.mix_advice import mix_advice, turned_job_board
from staffpulse.audit.types import Frame, PillarResult, PostExample, example
from staffpulse.report.counts import count_of
from staffpulse.report.rounding import pct
from staffpulse.signals.job_ads import find_staffing_ads


def _date(ts: float) -> str | None:
    if np.isnan(ts):
        return None
    return datetime.fromtimestamp(ts, UTC).date().isoformat()


def streaks(flags: npt.NDArray[np.bool_]) -> list[tuple[int, int]]:
    """(start, length) of every run of True, longest first (ties: most recent first)."""
    if flags.size == 0:
        return []
    padded = np.concatenate(([0], flags.astype(np.int8), [0]))
    edges = np.flatnonzero(np.diff(padded))
    starts, ends = edges[0::2], edges[1::2]
    lengths = ends - starts
    order = np.lexsort((-starts, -lengths))
    return [(int(starts[i]), int(lengths[i])) for i in order]


def monthly(
    ts: npt.NDArray[np.float64], job: npt.NDArray[np.bool_], other: dict[str, npt.NDArray[np.bool_]]
) -> list[dict[str, Any]]:
    """Per calendar month: original posts, job ads and their share (plus other label counts)."""
    known = ~np.isnan(ts)
    if not known.any():
        return []
    months = ts[known].astype("datetime64[s]").astype("datetime64[M]")
    labels, inverse = np.unique(months, return_inverse=True)
    total = np.bincount(inverse, minlength=labels.size)
    jobs = np.bincount(inverse, weights=job[known].astype(float), minlength=labels.size)
    extra = {
        name: np.bincount(inverse, weights=flag[known].astype(float), minlength=labels.size)
        for name, flag in other.items()
    }
    rows: list[dict[str, Any]] = []
    for i, month in enumerate(labels):
        row: dict[str, Any] = {
            "month": str(month),
            "posts": int(total[i]),
            "job_ads": int(jobs[i]),
            "job_share": round(float(jobs[i] / total[i]), 3),
        }
        row.update({name: int(values[i]) for name, values in extra.items()})
        rows.append(row)
    return rows


def trend(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Job share in the last three months with posts against the three before."""
    active = [row for row in rows if row["posts"] > 0]
    if len(active) < 4:
        return {"direction": "not enough months", "recent": None, "before": None}

    def share(part: list[dict[str, Any]]) -> float:
        return float(sum(r["job_ads"] for r in part) / max(1, sum(r["posts"] for r in part)))

    recent, before = share(active[-3:]), share(active[-6:-3])
    delta = recent - before
    direction = "rising" if delta > 0.1 else "falling" if delta < -0.1 else "steady"
    return {"direction": direction, "recent": round(recent, 3), "before": round(before, 3)}


def mix_score(job_share: float, settings: dict[str, Any]) -> float:
    ok, worst = float(settings["job_share_ok"]), float(settings["job_share_max"])
    if job_share <= ok:
        return 100.0
    if job_share >= worst:
        return 0.0
    return 100.0 * (worst - job_share) / (worst - ok)


def judged_by_mix(
    kind: npt.NDArray[np.str_], continues_own_thread: npt.NDArray[np.bool_]
) -> npt.NDArray[np.bool_]:
    """Which posts Mix judges, by each one's ``kind``: the original posts and quotes, and the
    replies that only continue the account's own thread (``continues_own_thread``: the
    conversation rules' :func:`~staffpulse.audit.conversation_rules.is_self_reply`). A
    thread's continuation is the account's own post, not a talk with others: a feed of threads
    whose opening posts were not imported read "Mix n/a". ``staffpulse score`` asks this of
    its posts too, so its Mix is the audit's; one array pass, not a Python call per post."""
    judged: npt.NDArray[np.bool_] = ((kind == "original") | (kind == "quote")) | (
        (kind == "reply") & continues_own_thread
    )
    return judged


def own_posts(
    frame: Frame, continuations: npt.NDArray[np.bool_] | None = None
) -> npt.NDArray[np.bool_]:
    """What Mix judges (:func:`judged_by_mix`), as a mask over the frame; ``continuations``:
    which posts continue the account's own threads (none when not given)."""
    if continuations is None:
        return frame.authored_original  # an original post or a quote
    return judged_by_mix(frame.kind, continuations)


def foreign_ads_counted(
    frame: Frame, continuations: npt.NDArray[np.bool_] | None = None
) -> npt.NDArray[np.bool_]:
    """The original posts not in English that Mix counts as job ads, as a mask over the frame:
    those whose wording makes them one (the German, Spanish and French staffing-ad patterns).
    None when most posts are not in English: then Mix is not scored, as before, since the ads
    recognised would be most of what is left and the share would say nothing."""
    found = np.zeros(frame.foreign.size, dtype=bool)
    everything = np.flatnonzero(own_posts(frame, continuations))
    foreign = everything[frame.foreign[everything]]
    if foreign.size * 2 > everything.size:
        return found
    found[foreign] = find_staffing_ads([frame.posts[int(i)].text for i in foreign])
    return found


def mix_pillar(
    frame: Frame,
    settings: dict[str, Any],
    counts: Mapping[str, int],
    kind: AccountKind = AccountKind.ANY,
    continuations: npt.NDArray[np.bool_] | None = None,
) -> PillarResult:
    """The Mix pillar: how much of what the account publishes (original posts and quotes, and
    the ``continuations`` of its own threads: :func:`own_posts`) is job ads, with the runs of
    them and the trend; not scored without original posts it can read. ``counts``: the
    audit's posts of each kind (the header's), whose replies and reposts a feed with no
    original post is advised on. Its advice is in words the account's ``kind`` can act on."""
    # the job-ad model reads English only: a post in another language is no evidence either
    # way, but for the German, Spanish and French ads the patterns recognise (job ads)
    own = own_posts(frame, continuations)
    everything = np.flatnonzero(own)
    _, _, unreadable = english_only(everything, frame.foreign)
    ads_read = foreign_ads_counted(frame, continuations)
    orig, not_read, _ = english_only(everything, frame.foreign & ~ads_read)
    job = frame.job[orig] | ads_read[orig]
    n = int(orig.size)
    share = float(job.mean()) if n else 0.0
    runs = streaks(job)
    scored = n > 0 and not unreadable
    score = round(mix_score(share, settings)) if scored else None
    evidence = _mix_evidence(
        frame, orig, job, runs, share if scored else None, not_read, ads_read, settings, counts
    )
    # the continuations counted among the original posts: the header calls them replies (its
    # counts.replies_in_own_threads, the same number: said here once)
    evidence["thread_continuations"] = int((own & ~frame.authored_original).sum())
    show_worst = share > float(settings["job_share_ok"]) or (
        bool(runs) and runs[0][1] >= int(settings["streak_alert"])
    )
    if scored and turned_job_board(evidence):  # the ads a visitor sees now, not an old run
        worst = _recent_ads(frame, orig, job, evidence["recent"])
    else:
        worst = _longest_run_examples(frame, orig, runs[0]) if runs and show_worst else []
    best = _best_examples(frame, orig[~job])
    # the job ads are shown as proof when no run of them is shown as holding the account back
    # (a healthy share): the model errs (a link-only post read as an ad), and a consultant
    # who cannot see what was counted cannot check the share
    counted = [] if worst else _counted_ads(frame, orig[job], ads_read)
    notes = _mix_notes(n, not_read, int(everything.size), unreadable, ads_read, settings)
    advice = mix_advice(evidence, settings, kind)
    if unreadable:
        advice = [
            not_english_advice(not_read, int(everything.size))
            + "no more than one post in three should be a job ad."
            + _ads_by_wording(frame, everything)
        ]
        best, worst, counted = [], [], []  # a few English posts say nothing of the feed
    return PillarResult(
        name="mix",
        score=score,
        evidence=evidence,
        recommendations=advice,
        best=best,
        worst=worst,
        counted=counted,
        notes=notes,
        scored=scored,
    )


def _ads_by_wording(frame: Frame, everything: npt.NDArray[np.int64]) -> str:
    """What the German, Spanish and French ad patterns find in a feed Mix cannot score: a
    German staffing firm with 5 ads in 12 posts was told only to check its posts itself. A
    floor (the patterns miss ads), so never a score; "" when they find none."""
    texts = [frame.posts[int(i)].text for i in everything]
    found = int(find_staffing_ads(texts).sum()) if texts else 0
    if not found:
        return ""
    return (
        f" Their wording alone marks at least {found:,} of your {len(texts):,} original posts "
        f"as job ads ({pct(found / len(texts))})."
    )


def _mix_evidence(
    frame: Frame,
    orig: npt.NDArray[np.int64],
    job: npt.NDArray[np.bool_],
    runs: list[tuple[int, int]],
    share: float | None,
    not_read: int,
    ads_read: npt.NDArray[np.bool_],
    settings: dict[str, Any],
    counts: Mapping[str, int],
) -> dict[str, Any]:
    """What Mix measured over the original posts ``orig`` (``job``: which are job ads), with
    the replies and reposts of the audit's ``counts`` (the header's, counted once)."""
    n = int(orig.size)
    recent_n = min(int(settings["recent_posts"]), n)
    rows = monthly(frame.ts[orig], job, {"personality": frame.personality[orig]})
    return {
        "original_posts": n,
        "job_ads": int(job.sum()),
        # no share where Mix is not scored (no original post, or too few in English): the
        # benchmark says n/a for the same account, and "0 of 0 (0%)" read as a clean feed
        "job_share": None if share is None else round(share, 3),
        "recent": {
            "posts": recent_n,
            "job_ads": int(job[n - recent_n :].sum()) if recent_n else 0,
        },
        "longest_streak": runs[0][1] if runs else 0,
        "worst_streaks": [
            {
                "length": length,
                "from": _date(frame.ts[orig[start]]),
                "to": _date(frame.ts[orig[start + length - 1]]),
            }
            for start, length in runs[:3]
        ],
        "by_month": rows,
        "trend": trend(rows),
        "not_english": not_read,  # original posts left out: the model cannot read them
        # what a feed with no original post holds instead: a help desk's replies are advised on
        "replies": int(counts["reply"]),
        "reposts": int(counts["repost"]),
        "job_ads_not_english": int(ads_read.sum()),  # counted in: their wording tells
    }


def _longest_run_examples(
    frame: Frame, orig: npt.NDArray[np.int64], run: tuple[int, int]
) -> list[PostExample]:
    """The last three posts of the longest run of job ads, latest first, none shared with
    followers only (``frame.unquotable``): reports are shared."""
    start, length = run
    why = f"part of a run of {length:,} job ads in a row" if length > 1 else "a job ad"
    return _public_examples(frame, orig[start : start + length][::-1], why)


def _recent_ads(
    frame: Frame, orig: npt.NDArray[np.int64], job: npt.NDArray[np.bool_], recent: dict[str, int]
) -> list[PostExample]:
    """The latest :data:`EXAMPLES_SHOWN` job ads of the last posts, latest first: a feed that
    just turned into a job board was shown an older run instead."""
    last = int(recent["posts"])
    why = f"one of {recent['job_ads']:,} job ads among the last {last:,} posts"
    return _public_examples(frame, orig[-last:][job[-last:]][::-1], why)


def _public_examples(frame: Frame, posts: npt.NDArray[np.int64], why: str) -> list[PostExample]:
    """The first :data:`EXAMPLES_SHOWN` of ``posts`` not shared with followers only: a
    followers-only ad is counted, never quoted in a report that is shared."""
    shown = (frame.posts[int(i)] for i in posts)  # read only as far as the examples need
    public = (post for post in shown if post.id not in frame.unquotable)
    return [example(post, why) for post in islice(public, EXAMPLES_SHOWN)]


def _mix_notes(
    n: int,
    not_read: int,
    everything: int,
    unreadable: bool,
    ads_read: npt.NDArray[np.bool_],
    settings: dict[str, Any],
) -> list[str]:
    """What limits the share: posts the model cannot read, ads counted by their wording, and
    too few original posts."""
    notes = []
    if (language := language_note(not_read, everything, unreadable, "original posts")) is not None:
        notes.append(language)
    if (read := int(ads_read.sum())) > 0:
        what = "is a job ad by its" if read == 1 else "are job ads by their"
        notes.append(
            f"{count_of(read, 'post')} not in English {what} wording (German, Spanish or "
            "French) and counted in the share"
        )
    if n == 0 and not unreadable:
        notes.append("no original posts in the window: not scored, left out of the overall grade")
    elif 0 < n < int(settings["min_posts"]) and not unreadable:
        # a pillar not scored for its language has no share to call rough; "in English" only
        # beside posts left out for their language ("only 9 original posts in English" of a
        # feed all in English hinted at posts that are not)
        which = " read" if ads_read.any() else " in English" if not_read else ""
        notes.append(
            f"only {count_of(n, 'original post')}{which} in the window: the share is rough"
        )
    return notes


def _counted_ads(
    frame: Frame, ads: npt.NDArray[np.int64], by_wording: npt.NDArray[np.bool_]
) -> list[PostExample]:
    """The latest :data:`EXAMPLES_SHOWN` posts counted as job ads, each text once, never one
    shared with followers only (``frame.unquotable``): reports are shared."""
    shown: list[PostExample] = []
    texts: set[str] = set()
    for i in ads[::-1]:
        post = frame.posts[int(i)]
        if post.id in frame.unquotable or post.text in texts:
            continue
        texts.add(post.text)
        why = (
            "a job ad by its wording (German, Spanish or French)"
            if by_wording[int(i)]
            else "a job ad to the model"
        )
        shown.append(example(post, why))
        if len(shown) == EXAMPLES_SHOWN:
            break
    return shown


def _best_examples(frame: Frame, pool: npt.NDArray[np.int64]) -> list[PostExample]:
    """Posts "to imitate": posts that are no job ad and that the personality model calls
    human. A post that merely escaped the job-ad verdict (a link-only blog post, or in a feed
    of ads, most likely an ad the model missed) is no example: none is better than a wrong one.
    Nor is a post that opens with an @name: it is addressed to someone, a conversation, not
    the feed this pillar judges (a real archive's reply to a deleted post, "@someone nice
    meeting you" in effect, was offered as the feed to imitate)."""
    broadcast = np.array(
        [not frame.posts[int(i)].text.lstrip().startswith("@") for i in pool], dtype=bool
    )
    pool = pool[broadcast] if pool.size else pool
    human = unique_texts(frame, pool[frame.personality[pool]], canned_aside=True)
    ranked = rank_examples(frame, human, frame.personality_score[human])
    return [example(frame.posts[int(i)], "not a job ad, and it sounds human") for i in ranked]
