"""What a fetch that stopped early says about going on: what it stored, then how to resume,
or, when it stored nothing (offline from its first request), to try again, never "everything
fetched so far is stored" over nothing; and what a run cut by its cap left for the next.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from staffpulse.next_steps import RESUME as RESUME_STEP
from staffpulse.report.counts import count_of

if TYPE_CHECKING:  # only annotated: common imports this module
    from staffpulse.fetch.common import FetchReport
    from staffpulse.fetch.cursors import Gap

RESUME = RESUME_STEP.say()
OFFLINE_RETRY = "try again once this computer is online"
NOTHING_FETCHED = "nothing was fetched"


def stored_so_far(report: FetchReport) -> str:
    """What a stopped fetch kept, to start its hint: "the 120 posts fetched so far are
    stored", or that nothing was, so that no one is told something was kept when it failed
    on its first request (offline)."""
    kept = [
        count_of(n, noun) for n, noun in ((report.posts, "post"), (report.follows, "follow")) if n
    ]
    if not kept:
        return "only the profile was fetched" if report.accounts else NOTHING_FETCHED
    one = len(kept) == 1 and (report.posts or report.follows) == 1
    return f"the {' and '.join(kept)} fetched so far {'is' if one else 'are'} stored"


def resume_hint(
    report: FetchReport, *, resume: str = RESUME, otherwise: str = OFFLINE_RETRY
) -> str:
    """How to go on after a fetch stopped early: what it stored, then ``resume`` when that is
    something, else ``otherwise`` (there is nothing to resume from)."""
    kept = stored_so_far(report)
    return f"{kept}; {resume if report.posts or report.follows else otherwise}"


def say_day(when: datetime) -> str:
    """``12 Nov``, with the year when it is not this one (``12 Nov 2025``); UTC."""
    when = when.astimezone(UTC)
    year = f" {when.year}" if when.year != datetime.now(UTC).year else ""
    return f"{when.day} {when:%b}{year}"


def unread_days(gap: Gap) -> str:
    """The posts a gap holds, by the days that bound it, when known."""
    start, end = (say_day(t) if t else None for t in (gap.since_at, gap.until_at))
    if start and end:
        return f"the ones from {start} to {end}" if start != end else f"the ones of {end}"
    if end:
        return f"the ones up to {end}"
    if start:
        return f"the ones since {start}"
    return "the rest of them" if gap.resumed else "the ones in between"


def capped_note(
    gap: Gap, noun: str = "post", option: str = "--max-posts", most: int | None = None
) -> str:
    """What a run cut by its cap left unread (:meth:`RangeCursor.walk`), and that the next
    run reads it: "Stopped at the 200-post cap (--max-posts) before reaching the posts
    fetched last time: the ones from 12 Nov to 19 Nov are not fetched yet; ...". The gap may
    hold no post at all (the cap fell on the last one): "the ones" says no number. A first
    run's cut (``gap.older``) says that older ones were not read, and how to get them: a cap
    twice as high, or ``most``, the most the platform serves (X: 800 mentions). A ``held``
    cut says why a later run with the same cap brought nothing."""
    if gap.older:
        higher = min(gap.cap * 2, most) if most else gap.cap * 2
        before = f" (before {say_day(gap.until_at)})" if gap.until_at else ""
        if gap.held:
            return (
                f"No new {noun}s under the {gap.cap:,}-{noun} cap ({option}): the newest"
                f" {gap.cap:,} {noun}s are stored already, and any older ones{before} are not;"
                f" to get them, fetch again with a higher cap, e.g. {option} {higher}"
            )
        return (
            f"Stopped at the {gap.cap:,}-{noun} cap ({option}): the newest {gap.cap:,} {noun}s"
            f" are fetched, and any older ones{before} are not; to get them, fetch again with"
            f" a higher cap, e.g. {option} {higher} (the next run reads older ones too,"
            f" up to that many {noun}s in all)"
        )
    where = (
        f"while fetching older {noun}s an earlier run left"
        if gap.resumed
        else f"before reaching the {noun}s fetched last time"
    )
    newer = f", and any since {say_day(gap.newer_than)}," if gap.newer_than else ""
    if gap.resumed and not gap.newer_than:
        newer = f", and the newest {noun}s,"
    return (
        f"Stopped at the {gap.cap:,}-{noun} cap ({option}) {where}: {unread_days(gap)}{newer}"
        f" are not fetched yet; fetch again to get them (the next run reads them first)"
    )


def note_cap(
    report: FetchReport,
    stream: str,
    gap: Gap,
    noun: str = "post",
    option: str = "--max-posts",
    most: int | None = None,
    *,
    words: bool = True,
) -> None:
    """Tell what a run cut by its cap left (:func:`capped_note`): for people in
    ``report.notes`` (unless ``words`` is False: an earlier run said it already), for scripts
    in ``report.capped`` (``--json``): the stream, the cap, its option, and whether older posts
    (``"older"``) or ones between two runs (``"gap"``) are left."""
    if words:
        report.notes.append(capped_note(gap, noun, option, most))
    left = "older" if gap.older else "gap"
    report.capped.append({"stream": stream, "cap": gap.cap, "option": option, "left": left})
