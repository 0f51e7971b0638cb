"""Which conversations are still joinable: the reference time and the age window.

The inbox lists conversations to join *now*, so ages are measured from the real current time
and a conversation quiet for longer than ``max_age`` (30 days by default) is not offered; one
with no date at all is not offered either, because nothing shows it is still alive.

Some cases rank "as of" an hour after the newest conversation it could offer instead (a
*replay*: :func:`reference_time` takes the newest activity among the conversations read, not
in the whole store, and :mod:`staffpulse.listen.inbox_clock` the newest of them the inbox would
not leave out), and the inbox says so at the top (:attr:`Reference.after`):

* the bundled sample (``staffpulse demo``): its posts have fixed dates (May to November
  2026), and the demo should look the same whatever the date;
* a store with nothing active within ``max_age`` of the real time (an archive, a recorded
  stream): an inbox of nothing would teach the user nothing, so the default
  (``as_of="auto"``) shows the store as it stood at its newest activity, with the same age
  window;
* an explicit ``as_of="newest"`` (``staffpulse inbox --as-of newest``);
* an explicit date or date and time (``--as-of 2026-11-01``, ``--as-of 2026-11-01T09:30``, UTC
  unless a zone is given; a date is its midnight, as ``connect --as-of`` reads it): ages are
  measured from it and nothing posted after it is read (:func:`posts_up_to`), so the inbox is
  the one that day would have shown.

``as_of="now"`` never replays: the inbox is then empty, and says why.

What was left out is said, not hidden: :func:`window_notes` and :func:`empty_reason` explain an
empty inbox, and :func:`topic_choices` lists the topics that still have conversations to join.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from staffpulse.bundled import is_bundled_sample
from staffpulse.config import bad_setting, config_table
from staffpulse.dates import format_when, parse_date_option, require_plausible_date
from staffpulse.durations import parse_duration
from staffpulse.errors import InputError
from staffpulse.listen.left_out import KINDS, left_out_kinds
from staffpulse.listen.own_archive import own_posts_only_reason
from staffpulse.listen.threads import Conversation, load_conversations
from staffpulse.listen.topic_choices import TOPIC_CHOICES_SHOWN as TOPIC_CHOICES_SHOWN
from staffpulse.listen.topic_choices import TopicChoice as TopicChoice
from staffpulse.listen.topic_choices import no_topic_note as no_topic_note
from staffpulse.listen.topic_choices import other_topics_note as other_topics_note
from staffpulse.listen.topic_choices import topic_choices as topic_choices
from staffpulse.listen.topic_choices import topic_choices_of as topic_choices_of
from staffpulse.listen.topic_choices import topic_list as topic_list
from staffpulse.models import platform_name
from staffpulse.next_steps import (
    AS_OF_NEWEST,
    LISTEN_FOR_WORK_TALK,
    LISTEN_OR_IMPORT,
    SHOW_LIVE,
    SHOW_UNDATED,
    WIDEN_MAX_AGE,
    WIDEN_OR_REPLAY,
)
from staffpulse.report.counts import count_of
from staffpulse.store import Store

AsOfMode = Literal["auto", "now", "newest"]
AsOf = AsOfMode | datetime  # a datetime: ranked as of that moment, with nothing later read
_AS_OF: dict[str, AsOfMode] = {"auto": "auto", "now": "now", "newest": "newest"}
_AS_OF_HINT = (
    "use now, newest, auto, or a date: YYYY-MM-DD (its midnight, UTC) or YYYY-MM-DDTHH:MM"
    " (UTC unless a zone is given), e.g. --as-of 2026-11-01"
)
DEFAULT_MAX_AGE = timedelta(days=30)
# A replay is ranked an hour after the newest activity, so that post reads "active 1 h ago"
# rather than "0 min ago" (the moment a reader would plausibly look at it).
REPLAY_LEAD = timedelta(hours=1)
# What a replay's time is, in the inbox's note: the newest conversation it could offer
# (:mod:`.inbox_clock`), else, when it can offer none, the newest of those it read (not the
# store's newest post, which may be in no conversation about work)
REPLAY_AT = "an hour after the newest conversation it read"
REPLAY_AT_OFFERED = "an hour after the newest conversation it could offer"


@dataclass(frozen=True, slots=True)
class Reference:
    """The time ages are measured from; ``replay`` when it is not the real current time."""

    at: datetime
    replay: bool = False
    why: str = ""  # what made it a replay, for the inbox's note
    after: str = REPLAY_AT  # what a replay's time is an hour after, for the same note
    fixed: bool = False  # a date the user gave: nothing posted after it is read


def reference_time(
    store: Store,
    conversations: Sequence[Conversation],
    now: datetime | None = None,
    as_of: AsOf | str = "auto",
    max_age: timedelta | None = DEFAULT_MAX_AGE,
) -> Reference:
    """``now`` when given (tests, callers with their own clock), else as ``as_of`` says:
    ``now`` = the real current time; ``newest`` = the newest activity in ``conversations`` (the candidates)
    (plus :data:`REPLAY_LEAD`); ``auto`` = ``now``, unless nothing was active within
    ``max_age`` of it, then ``newest``."""
    as_of = parse_as_of(as_of)
    if isinstance(as_of, datetime):  # the user's own date wins over any clock
        return Reference(as_of, replay=as_of < datetime.now(UTC), why="--as-of", fixed=True)
    if now is not None:
        return Reference(now if now.tzinfo else now.replace(tzinfo=UTC))
    current = datetime.now(UTC)
    if as_of == "now":
        return Reference(current)
    latest = max((c.last_activity for c in conversations if c.last_activity), default=None)
    if latest is None or latest + REPLAY_LEAD >= current:
        return Reference(current)  # the data is live: a replay would be the same as now
    if as_of == "newest":
        return Reference(latest + REPLAY_LEAD, replay=True, why=AS_OF_NEWEST.say())
    if is_bundled_sample(store):  # the demo looks the same whatever the date
        return Reference(
            latest + REPLAY_LEAD, replay=True, why="the bundled sample has fixed dates"
        )
    if max_age is None or in_window(latest, current, max_age):
        return Reference(current)
    why = f"nothing in it was active in the last {describe_span(max_age)}; {SHOW_LIVE.say()}"
    return Reference(latest + REPLAY_LEAD, replay=True, why=why)


def parse_as_of(text: str | datetime) -> AsOf:
    """``auto``, ``now``, ``newest``, or a date or date and time (an aware datetime, UTC unless
    a zone is given; a date is its midnight, as ``connect --as-of`` reads it): see
    :func:`reference_time`."""
    if isinstance(text, datetime):
        return text if text.tzinfo else text.replace(tzinfo=UTC)
    mode = _AS_OF.get(text.strip().lower())
    if mode is not None:
        return mode
    try:
        moment = parse_date_option("--as-of", text)
    except InputError:
        # written as a date ("2026-02-30"): its own message says what is wrong with it
        if text.strip()[:1].isdigit():
            raise
        moment = None
    if moment is None:
        raise InputError(f"unknown --as-of '{text}'", hint=_AS_OF_HINT)
    return require_plausible_date("--as-of", moment)


def posts_up_to(conversations: Sequence[Conversation], moment: datetime) -> list[Conversation]:
    """The conversations as they stood at ``moment``: their posts written by then (undated
    ones kept: nothing places them later), and none that had not started."""
    out: list[Conversation] = []
    for conv in conversations:
        posts = tuple(p for p in conv.posts if p.created_at is None or p.created_at <= moment)
        if posts:
            out.append(replace(conv, posts=posts))
    return out


def configured_max_age(settings: Mapping[str, Any]) -> str:
    """The ``[listen] max_age`` setting as text (``0`` kept: it means no limit)."""
    value = settings.get("max_age")
    return "30d" if value is None or value == "" else str(value)


def configured_window(config: Mapping[str, Any]) -> timedelta | None:
    """The ``[listen] max_age`` setting of ``config`` as a window (``None`` = no limit).

    A value that is not an age is the user's config file at fault, not an option they typed:
    a :class:`ConfigError` naming the file, the setting and the value (exit 78, like every
    bad setting), not the ``--max-age`` message."""
    value = config_table(config, "listen").get("max_age")  # `listen = 5` is a ConfigError
    # true/false, a table or a list is never an age (str(True) would be read as text)
    if value is None or (isinstance(value, str | int | float) and not isinstance(value, bool)):
        try:
            return parse_max_age(configured_max_age({"max_age": value}))
        except InputError:
            pass
    fix = 'e.g. max_age = "30d" (the default), "2w", "12h" or 0 for no limit'
    raise bad_setting(config, "listen", "max_age", value, "is not an age", fix=fix)


def parse_max_age(text: str) -> timedelta | None:
    """``"30"`` (days), ``"30d"``, ``"2w"``, ``"12h"``, ``"1d12h"``; ``"0"`` or ``"none"`` = no
    limit."""
    value = text.strip().lower()
    try:
        if value.replace(".", "", 1).isdigit():  # a bare number is days: ages, not seconds
            days = float(value)
            return timedelta(days=days) if days > 0 else None
        seconds = parse_duration(value)
        return timedelta(seconds=seconds) if seconds else None
    except InputError:
        raise InputError(
            f"cannot read the age {text!r}", hint="use e.g. 30d, 2w, 7d, 12h, or 0 for no limit"
        ) from None
    except OverflowError:  # past timedelta's 999,999,999 days: a typo, said, not "a bug"
        raise InputError(
            f"the age {text!r} is too long", hint="use e.g. 365d, or 0 for no limit"
        ) from None


def in_window(
    last_activity: datetime | None, reference: datetime, max_age: timedelta | None
) -> bool:
    """Joinable by age: active within ``max_age`` of the reference (no limit when ``None``).
    An undated conversation is outside any window: its age is unknown, not zero."""
    if max_age is None:
        return True
    return last_activity is not None and reference - last_activity <= max_age


def describe_span(span: timedelta) -> str:
    """``30 days``, ``1 day``, ``12 hours``: how a window is named in notes."""
    hours = span.total_seconds() / 3600
    if hours >= 24 and hours % 24 == 0:
        return count_of(int(hours // 24), "day")
    if hours >= 48:
        return f"{hours / 24:.0f} days"
    return count_of(max(round(hours), 1), "hour")


def window_notes(
    tally: Mapping[str, int],
    max_age: timedelta | None,
    conversations: Sequence[Conversation],
    reference: datetime,
    any_items: bool,
    *,
    replay: bool = False,
    topic: str | None = None,
    estimated: bool = False,
) -> list[str]:
    """Say what the age window left out and how to see it, so an empty inbox is explained.

    ``tally["older"]`` and ``tally["undated"]`` count only the conversations a longer age
    (``--max-age 0``) would offer: job ads, greetings, threads not about work... stay left out
    at any age, and a count that promised them would not add up. ``estimated``: those counts
    come from a sample of the conversations outside the window (a big store), so they are
    said as "about N".

    Only advice that would help is given: a store already replayed (``replay``), or one topic
    of it (``topic``: the store's newest post may be on another), is not told to replay."""
    if max_age is None:
        return []
    notes: list[str] = []
    window = describe_span(max_age)
    about = "about " if estimated else ""
    if tally["older"]:
        notes.append(
            f"{about}{count_of(tally['older'], 'open conversation')} quiet for more than {window}"
            f" left out ({WIDEN_MAX_AGE.say()})"
        )
    if tally["undated"]:
        notes.append(
            f"{about}{count_of(tally['undated'], 'open conversation')} with no date left out:"
            f" their age is unknown ({SHOW_UNDATED.say()})"
        )
    latest = max((c.last_activity for c in conversations if c.last_activity), default=None)
    if not any_items and latest is not None and reference - latest > max_age:
        if replay or topic is not None:
            what = f"on topic '{topic}'" if topic is not None else "in the store"
            notes.append(
                f"nothing {what} was active in the {window} before {format_when(reference)}:"
                f" its newest activity is {format_when(latest)} ({WIDEN_MAX_AGE.say()})"
            )
        else:
            notes.append(
                f"nothing was active in the last {window}: the newest activity is"
                f" {format_when(latest)}. Listen or fetch fresh posts, {WIDEN_OR_REPLAY.say()}"
            )
    return notes


def _every_kind_left_out() -> str:
    """Every kind of conversation the inbox leaves out, for when it was not told which: built
    from :data:`~.left_out.KINDS` so a new kind is never missing; a job ad first, as the
    likeliest in a staffing firm's listening."""
    rest = left_out_kinds(dict.fromkeys((name for name in KINDS if name != "job_ad"), 1))
    return f"{KINDS['job_ad']}, {rest}"


def empty_reason(
    topic_query: str | None,
    topic_matched: bool,
    max_age: timedelta | None,
    counts: Mapping[str, int],
    left_out: Mapping[str, int] | None = None,
) -> str:
    """Why an inbox lists nothing, from the likeliest cause (its notes give the numbers);
    ``left_out``, by reason, names only the kinds of conversation the inbox left out."""
    if topic_query is not None and not topic_matched:
        return f"No topic matches '{topic_query}'."
    window = f" in the last {describe_span(max_age)}" if max_age else ""
    if topic_query is not None:
        return f"No conversations to join on topic '{topic_query}'{window}."
    # before "left out" and "joined": its own replies are all there is, some of them chat left
    # out as not about work
    own_only = own_posts_only_reason(counts, left_out)
    if own_only is not None:
        return own_only
    if counts.get("left_out"):
        kinds = left_out_kinds(left_out or {}) or _every_kind_left_out()
        return f"Nothing to join now: every open conversation left is {kinds}."
    if counts.get("undated") and not counts.get("older"):  # their age is unknown, not old
        return (
            f"Nothing to join now: no open conversation has a date to show it was active{window}."
        )
    if counts.get("older") or counts.get("undated") or counts.get("older_left_out"):
        return f"Nothing to join now: no open conversation was active{window}."
    if counts.get("joined") or counts.get("dismissed") or counts.get("snoozed"):
        return "Nothing left to join: every conversation is joined, dismissed or snoozed."
    if counts.get("after_as_of"):  # the store is not empty: it began after the date asked for
        return "Nothing to join as of that date: every conversation began later."
    if counts.get("posts_not_work"):  # posts were read: none was about work
        read = count_of(counts["posts_not_work"], "stored post")
        return (
            f"Nothing to join: {read} read, and none is about work (hiring, recruiting, HR, "
            f"careers, the workplace). {LISTEN_FOR_WORK_TALK.say()}"
        )
    return f"No open conversations. {LISTEN_OR_IMPORT.say()}"


def conversations_elsewhere(store: Store, platform: str) -> dict[str, int]:
    """How many conversations the store holds on each platform but ``platform``, when it holds
    none on ``platform`` at any date (else nothing: an inbox of ``platform`` empty for its
    window or its ``--as-of`` says why itself). Read only for an empty inbox, as it loads
    every stored conversation."""
    counts = Counter(c.platform for c in load_conversations(store))
    if counts[platform]:
        return {}
    return {name: n for name, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n}


def no_platform_conversations(platform: str, elsewhere: Mapping[str, int]) -> tuple[str, str]:
    """The message and hint of an inbox asked for ``platform`` when the store has no
    conversation there but has some on ``elsewhere`` (platform -> how many)."""
    name = platform_name(platform)
    where = ", ".join(
        f"{count_of(n, 'conversation')} on {platform_name(p)}" for p, n in elsewhere.items()
    )
    listen = (
        ", or listen there: staffpulse listen bluesky"
        if platform == "bluesky"
        else f", or import {platform_name(platform, article=True)} archive: staffpulse import FILE"
    )
    return (
        f"no {name} conversations in the store (it has {where})",
        f"leave out --platform to see them{listen}",
    )
