"""An account that has gone quiet: its newest post is long before today.

The audit's 30- and 90-day windows end at the account's last post unless a ``now`` is given
(an old archive is judged on its own period), so a report on an account silent for five
years spoke of "the last 90 days" and "this week" as if it were active. The header says how
long ago the last post was (the audit's ``caution``), and the advice starts with posting
again: nothing else in it matters while the account posts nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from staffpulse.dates import format_day
from staffpulse.durations import format_span

# Two months without a post: longer than the longest gap of an account that posts at all
# regularly, and past the 30-day window, which is then empty.
QUIET_AFTER_DAYS = 60
# what the action that leads the advice is filed under (it belongs to no pillar, wins no points)
POST_AGAIN = {"pillar": "activity", "title": "Activity", "points": 0, "pillar_points": 0}


def quiet_span(last_post: datetime | None, today: datetime) -> str | None:
    """How long ago the last post was (``5 years``), when it is more than
    :data:`QUIET_AFTER_DAYS` before ``today``; None for an account still posting."""
    if last_post is None:
        return None
    hours = (today - last_post).total_seconds() / 3600
    if hours <= QUIET_AFTER_DAYS * 24:
        return None
    return format_span(hours)


def quiet_caution(
    last_post: datetime | None, today: datetime, *, windows_end_today: bool
) -> str | None:
    """The header's line for an account gone quiet (None when it is not): when the windows
    end at its last post, that they do, so "the last 90 days" is read as they are."""
    span = quiet_span(last_post, today)
    if span is None or last_post is None:
        return None
    said = f"Last post {format_day(last_post)}, {span} ago"
    if windows_end_today:
        return f"{said}: the account has gone quiet, and the 30- and 90-day windows hold no post."
    return f"{said}: the 30- and 90-day windows end on that date, not today."


def post_again_first(
    actions: list[dict[str, Any]], last_post: datetime | None, today: datetime
) -> list[dict[str, Any]]:
    """``actions`` led by "post again" when the account has gone quiet. The lead is added,
    never swapped for one of them: it wins no points, and the three real actions are what to
    do once the account posts again. Worded for any account, since a consultant audits
    competitors as well as clients ("the last post", not "your last post")."""
    span = quiet_span(last_post, today)
    if span is None or last_post is None:
        return actions
    action = (
        f"Post again first: the last post was on {format_day(last_post)}, {span} ago. A post a week"
        " matters more than anything below, which is about the posts before the account went"
        " quiet."
    )
    return [{**POST_AGAIN, "action": action, "headline": first_fix("", span)}, *actions]


def first_fix(fix: str, span: str | None, *, span_beside: bool = False) -> str:
    """The first fix every view names for an account (the league table's "Fix first", the
    dashboard card's "Next"), from its league-table ``fix`` and how long it has been quiet
    (``span``, :func:`quiet_span`; None when it still posts). An account gone quiet is told to
    post again first, as its audit's "Do this next" begins, and then its own fix: the card
    said "Post again" and the league table "Talk with more people" for the same account, and
    a table of old archives all told "Post again" alone would tell them apart by nothing.
    ``span_beside``: the row says "last post 11 years ago" beside the account already, so the
    fix leaves it out ("Post again, then ..."): said twice, a quiet job board's fix wrapped
    over two lines of the terminal's table."""
    if span is None:
        return fix
    if not fix:
        return "Post again" if span_beside else f"Post again: the last post was {span} ago"
    # "Talk with ..." reads on as "then talk with ..."; "X list ..." keeps its capital
    rest = fix[:1].lower() + fix[1:] if fix[1:2].islower() else fix
    when = "" if span_beside else f" (the last post was {span} ago)"
    return f"Post again{when}, then {rest}"
