"""What the audit reports show, shared by the terminal and the HTML renderings: grade
colours, the header's counts, the actions' points and one row per pillar (its figures come
from :mod:`staffpulse.report.pillar_figures`)."""

from __future__ import annotations

from typing import Any

from staffpulse.audit.advice import actions_total
from staffpulse.audit.engine import since_in_words
from staffpulse.audit.types import PILLAR_QUESTIONS, PILLAR_TITLES, AuditResult, PostExample
from staffpulse.benchmark.segments import SEGMENT_WORDS
from staffpulse.dates import format_day
from staffpulse.report.counts import count_of, join_and
from staffpulse.report.pillar_figures import figures

GRADE_COLORS = {"A": "#1a7f4b", "B": "#4c9a2a", "C": "#c98a00", "D": "#d9622b", "F": "#c0392b"}
RICH_COLORS = {"A": "green", "B": "green", "C": "yellow", "D": "dark_orange", "F": "red"}
UNSCORED_COLOR = "#6b7280"  # a pillar not scored: grey, no grade's colour
# the heading over a pillar's posts shown as proof of a count (PillarResult.counted)
COUNTED_TITLES = {"mix": "Posts counted as job ads"}


def example_kind(ex: PostExample) -> str:
    """What a post shown as evidence is, in a reader's words: the account's own by its kind
    ("original", "reply"), someone else's as theirs ("their post", "their reply"), never the
    "original" that passed a mention waiting for an answer off as the account's own post."""
    if not ex.by_other:
        return ex.kind
    return f"their {ex.kind if ex.kind in ('reply', 'quote') else 'post'}"


def band(score: float) -> str:
    """The grade letter whose band a 0-100 score falls in (default bands), for colouring."""
    for letter, floor in (("A", 85), ("B", 70), ("C", 55), ("D", 40)):
        if score >= floor:
            return letter
    return "F"


def _replies_counted(replies: int, in_own_threads: int) -> str:
    """``14 replies (all in your own threads)``, ``485 replies (65 of them in your own
    threads)``, never a bare "(1 in your own threads)" that reads as one thread:
    replies that only continue the account's threads are no conversation, and Conversation
    leaves them out, so the header says so rather than contradict it."""
    return count_of(replies, "reply") + _in_own_threads(replies, in_own_threads) if replies else ""


def _in_own_threads(replies: int, in_own_threads: int, every: str = "all") -> str:
    """`` (all in your own threads)`` after the count of ``replies``; ``every`` is "both" of
    two; empty when none is."""
    if in_own_threads >= replies:
        return " (in your own thread)" if replies == 1 else f" ({every} in your own threads)"
    if in_own_threads:
        return f" ({in_own_threads:,} of them in your own threads)"
    return ""


def posts_and_span(result: AuditResult) -> str:
    """The header's post total and the days it spans: "8 posts from 1 Mar 2026 to 9 Mar 2026",
    or "8 posts (6 dated from ...)" when some have no usable date, since the span is of the
    dated ones only (the caution line says why); an audit stored before ``dated`` was counted
    reads as before. Posts of one day read "1 post on 8 Apr 2021" and "10 posts, all on 22
    Sep 2021", not "from 22 Sep 2021 to 22 Sep 2021". An audit ``--since`` a day says so
    ("3 posts since 1 Jun 2022, from ..."): a client reading "3 posts" took them for all."""
    counts, window = result.counts, result.window
    posts = int(counts.get("posts", 0))
    total = count_of(posts, "post")
    if window.get("since"):
        total += f" since {since_in_words(window['since'])}"
    if not window.get("first_post"):
        return total
    first, last = format_day(window["first_post"]), format_day(window["last_post"])
    dated = counts.get("dated")
    some_dated = dated is not None and int(dated) < posts
    in_span = int(dated) if some_dated and dated is not None else posts
    if first != last:
        span = f" from {first} to {last}"
    elif in_span == 1:
        span = f" on {first}"
    else:
        span = f", all on {first}"
    if some_dated:
        return f"{total} ({in_span:,} dated{span})"
    # "3 posts since 1 Jun 2022, from 2 Nov 2022 to ...": two dates in a row need the comma
    return f"{total}{',' if window.get('since') and span[0] == ' ' else ''}{span}"


def read_as_line(result: AuditResult) -> str | None:
    """The header's word on what the account reads as (``result.read_as``), the segment its
    advice follows and the benchmark ranks it in, and where that came from: the cohort file
    that named it, or the role model's guess (a file's "staffing firm" once stood under
    "Read as a job board", the model's, above a firm's advice). None when neither gave one."""
    if result.read_as is None:
        return None
    words = SEGMENT_WORDS.get(result.read_as, result.read_as.replace("_", " "))
    # "a staffing firm", "a job board"; an initialism names a person's field ("an HR person",
    # as the header said before "Read as HR")
    what = (
        f"an {words} person"
        if words.isupper()
        else f"{'an' if words[0] in 'AEIOUaeiou' else 'a'} {words.lower()}"
    )
    if result.read_as_file:
        return (
            f"Read as {what}: the segment your cohort file {result.read_as_file} gives it, the one"
            " staffpulse benchmark ranks it in."
        )
    return (
        f"Read as {what}: the role model's guess from the name, bio and posts, the segment"
        " staffpulse benchmark gives it (a cohort file can set another)."
    )


def posts_counted(result: AuditResult) -> str | None:
    """What the header's post total holds, and what the pillars' bases mean: the totals of the
    figures differ because each pillar counts the posts it can judge."""
    counts = result.counts
    original, quotes = int(counts.get("original", 0)), int(counts.get("quote", 0))
    replies, reposts = int(counts.get("reply", 0)), int(counts.get("repost", 0))
    if not counts.get("posts"):
        return None
    total = int(counts["posts"])
    if total == 1:  # "Of these, 1 repost." of a single post
        return f"It is {_one_post_kind(counts)}."
    # "Of these, 224 original posts." only repeats the total, so say that they all are one kind
    # ("Both are reposts." of two: "All of them" reads as more)
    all_of = "Both" if total == 2 else "All of them"
    for count, kind in ((original, "original posts"), (quotes, "quotes"), (reposts, "reposts")):
        if count == total > 1:
            return f"{all_of} are {kind}."
    own = int(counts.get("replies_in_own_threads", 0))
    if replies == total > 1:  # "101 replies (5 in your own threads)" without the 101
        in_own = _in_own_threads(replies, own, "both" if total == 2 else "all")
        # Mix counts a thread's continuation as the account's own post (mix.own_posts)
        those = "them" if own >= replies else "those in your own threads"
        mix = f" Below, Mix counts {those} as original posts." if own else ""
        return f"{all_of} are replies{in_own}.{mix}"
    kinds = join_and(
        [
            count_of(original, "original post") if original else "",
            count_of(quotes, "quote") if quotes else "",
            _replies_counted(replies, own),
            count_of(reposts, "repost") if reposts else "",
        ]
    )
    below = []
    if quotes and original:
        below.append(f"“original posts” counts the quotes too ({original + quotes:,})")
    if own:  # Mix alone: a thread's continuation is the account's own post (mix.own_posts)
        counted = original + quotes + own
        below.append(f"Mix counts the replies in your own threads as original posts ({counted:,})")
    if reposts and original + quotes + replies:
        below.append(f"“posts you wrote” means all but the reposts ({counts['posts'] - reposts:,})")
    return f"Of these, {kinds}." + (f" Below, {join_and(below)}." if below else "")


def _one_post_kind(counts: dict[str, Any]) -> str:
    """What the account's only post is: "a repost", "a reply in your own thread"."""
    if int(counts.get("reply", 0)):
        own = int(counts.get("replies_in_own_threads", 0))
        return "a reply in your own thread" if own else "a reply"
    for key, kind in (("quote", "a quote"), ("repost", "a repost")):
        if int(counts.get(key, 0)):
            return kind
    return "an original post"


def action_points(action: dict[str, Any]) -> str:
    """How an action's points read after it: ``+6 points``; nothing for none (a pillar not
    scored, or a warning that keeps the score where it is)."""
    points = int(action.get("points") or 0)
    return f"+{count_of(points, 'point')}" if points > 0 else ""


def actions_summary(result: AuditResult) -> str | None:
    """The line under "Do this next": what the listed actions could win together, or that
    nothing needs doing; None when they win no points (pillars not scored, a warning). One
    pillar's actions overlap: the total counts each pillar once (at most its gap), says so when
    that is less than the points shown, and never passes what the rounded overall misses."""
    if not result.top_actions:
        return "Nothing to fix right now: keep doing what you do."
    counted = actions_total(result.top_actions)
    total = min(counted, 100 - result.overall)
    if total <= 0:
        return None
    shown = sum(int(a.get("points") or 0) for a in result.top_actions)
    overlap = ": actions on the same pillar overlap, so each pillar counts once"
    return (
        f"Doing all of this could take you from {result.overall} to {result.overall + total} "
        f"(+{total}{overlap if shown > counted else ''})."
    )


def pillar_rows(result: AuditResult) -> list[dict[str, Any]]:
    """One row per pillar: title, question, score, colour, change, figures, advice, examples."""
    figs = figures(result)
    rows = []
    for name, pillar in result.pillars.items():
        score = pillar.score
        rows.append(
            {
                "name": name,
                "title": PILLAR_TITLES[name],
                "question": PILLAR_QUESTIONS[name],
                "score": score,  # None when not scored
                "scored": score is not None,
                "shown": "n/a" if score is None else str(score),  # the figure to print
                "band": None if score is None else band(score),
                "color": UNSCORED_COLOR if score is None else GRADE_COLORS[band(score)],
                "change": (result.change or {}).get(name),
                "figures": figs[name],
                "recommendations": pillar.recommendations,
                "worst": pillar.worst,
                "best": pillar.best,
                "counted": pillar.counted,
                "counted_title": COUNTED_TITLES.get(name, "Posts counted"),
                "notes": pillar.notes,
            }
        )
    return rows
