"""What every live fetcher shares: the report, page writing, rate-limit waits (resume
cursors: :mod:`staffpulse.fetch.cursors`).

Fetchers are thin generator-like loops around the pure source adapters: each API page is
turned into rows by the same transformer that reads saved files, and written to the store as
soon as it arrives, so an error or Ctrl-C keeps everything fetched so far.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC
from email.utils import parsedate_to_datetime
from typing import Any, TypedDict

from staffpulse.config import load_config, setting_float, setting_int
from staffpulse.errors import FetchError, InputError, RateLimitError, StaffpulseError
from staffpulse.fetch.avatars import download_avatar
from staffpulse.fetch.resume import resume_hint
from staffpulse.ingest_bluesky_ids import BlueskyHandleIds
from staffpulse.models import Account, Follow, Post
from staffpulse.next_steps import RAISE_MAX_WAIT, RESUME_LATER
from staffpulse.sources.base import provenance
from staffpulse.store import Store
from staffpulse.store.clashes import AuthorClash
from staffpulse.store.core import Record
from staffpulse.store.runs import recorded_run as store_recorded_run
from staffpulse.store.write_batch import LeftOut

ProgressFn = Callable[[str, int, int | None], None]  # (task, done, total or None)
NotifyFn = Callable[[str], None]
SleepFn = Callable[[float], None]


#: Bluesky follows and followers read at most per account, each way, unless told otherwise
DEFAULT_MAX_FOLLOWS = 500
SKIPPED_SHOWN = 5  # messages of skipped items kept in the report; the count has them all

Row = Account | Post | Follow
Transform = Callable[[list[str]], Sequence[Row]]  # fills the list with skipped items


def _quiet_progress(task: str, done: int, total: int | None) -> None:
    return None


def _quiet_notify(message: str) -> None:
    return None


@dataclass
class FetchReport:
    """What a fetch did, for people (``summary``) and scripts (``as_dict``)."""

    platform: str
    target: str
    account_id: str | None = None
    accounts: int = 0
    posts: int = 0
    new_posts: int = 0
    follows: int = 0
    pages: int = 0
    requests: int = 0
    post_reads: int = 0
    user_reads: int = 0
    cost_usd: float = 0.0
    # X answers that never arrived (the request timed out after reaching X): X bills what it
    # sent, so each may have been billed; the most that can be, in USD (its page's worst case)
    lost_answers: int = 0
    lost_answers_usd: float = 0.0
    estimate_usd: float | None = None
    budget_usd: float | None = None
    # None (done; a run cut by its cap too: its notes say what it left), "budget",
    # "rate_limit", "payment" or "error"
    stopped: str | None = None
    waits: list[float] = field(default_factory=list)
    avatar_path: str | None = None
    run_id: int | None = None
    skipped: int = 0  # items of an API page the transformer could not read (stored raw)
    skipped_messages: list[str] = field(default_factory=list)  # the first few, for people
    # what the platform says of the account that its posts alone do not (it moved elsewhere,
    # it is suspended), said with the summary
    notes: list[str] = field(default_factory=list)
    # each stream cut by its cap with posts left unread (resume.note_cap): stream, cap, option,
    # and "older" (a higher cap reads them) or "gap" (the next run reads them first)
    capped: list[dict[str, Any]] = field(default_factory=list)

    def note_skipped(self, messages: Sequence[str]) -> None:
        """Count skipped items, keeping the first :data:`SKIPPED_SHOWN` messages."""
        self.skipped += len(messages)
        room = SKIPPED_SHOWN - len(self.skipped_messages)
        self.skipped_messages.extend(messages[: max(0, room)])

    def skipped_summary(self) -> str | None:
        """``3 items skipped: feed[2]: ... (in ...)``, or None when none was."""
        if not self.skipped:
            return None
        noun = "item" if self.skipped == 1 else "items"
        shown = "; ".join(self.skipped_messages)
        more = self.skipped - len(self.skipped_messages)
        return f"{self.skipped:,} {noun} skipped: {shown}" + (
            f" (and {more:,} more)" if more else ""
        )

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["cost_usd"] = round(self.cost_usd, 6)
        data["lost_answers_usd"] = round(self.lost_answers_usd, 6)
        return data


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """The ``[fetch]`` settings every live fetcher reads (docs/configuration.md)."""

    timeout: float
    avatar_max: int
    max_wait: float

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> FetchSettings:
        """Typed and checked: a wrong value is a ConfigError naming the file and the key."""
        # The longest 429 wait was first an [x] setting; [fetch] now wins for every platform.
        x_wait = setting_float(config, "x", "max_wait_seconds", minimum=0)
        return cls(
            timeout=setting_float(config, "fetch", "timeout_seconds", positive=True),
            avatar_max=setting_int(config, "fetch", "avatar_max_bytes", minimum=0),
            max_wait=setting_float(config, "fetch", "max_wait_seconds", default=x_wait, minimum=0),
        )


def check_count(name: str, value: int, minimum: int) -> None:
    """A count limit (``max_posts``: at least 1; ``max_mentions``: 0 means none) in range.

    Named as its command-line option: that is where people set it.
    """
    if value < minimum:
        option = "--" + name.replace("_", "-")
        raise InputError(
            f"{option} {value}: must be {minimum} or more",
            hint=f"e.g. {option} 100" + (f" ({option} 0: none)" if minimum == 0 else ""),
        )


class FetcherOptions(TypedDict, total=False):
    """What every live fetcher takes besides its store and its platform's client."""

    config: Mapping[str, Any] | None
    sleep: SleepFn
    notify: NotifyFn
    progress: ProgressFn
    retries: int
    avatars: bool


class FetcherBase:
    """The state every live fetcher keeps: the store, the config and its ``[fetch]``
    settings, and the injectable sleep, notice and progress callbacks (tests pass fakes)."""

    def __init__(
        self,
        store: Store,
        *,
        config: Mapping[str, Any] | None = None,
        sleep: SleepFn = time.sleep,
        notify: NotifyFn = _quiet_notify,
        progress: ProgressFn = _quiet_progress,
        retries: int = 2,
        avatars: bool = True,
    ) -> None:
        self.store = store
        # kept as given (not copied into a plain dict): a Config knows its file, which the
        # settings errors name
        self.config: Mapping[str, Any] = config if config is not None else load_config()
        settings = FetchSettings.from_config(self.config)
        self.timeout, self.avatar_max = settings.timeout, settings.avatar_max
        self.max_wait = settings.max_wait
        self.sleep, self.notify, self.progress = sleep, notify, progress
        self.retries, self.avatars = retries, avatars

    def with_avatar(self, account: Account, report: FetchReport) -> Account:
        """The account with its avatar downloaded (when asked for), for the Face pillar."""
        if not self.avatars:
            return account
        path = download_avatar(
            account,
            max_bytes=self.avatar_max,
            timeout=self.timeout,
            folder=self.store.avatar_folder,
        )
        if not path:
            return account
        report.avatar_path = path
        return replace(account, avatar_path=path)


# Rate-limit waits for one request: a limit still on after that many resets is not a window
# that passes (a monthly cap, a clock far off), and asking on would only be refused again.
RATE_LIMIT_WAITS = 3


def retry_after_epoch(value: str | None) -> float | None:
    """When a ``Retry-After`` header (seconds, or an HTTP date) says to ask again, as an epoch
    time; None when there is none or it cannot be read."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return (when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp()
    return time.time() + seconds if math.isfinite(seconds) and seconds > 0 else None


@dataclass
class Backoff:
    """Retries of one request: waits of 2, 4, 8... seconds (capped at 30), then give up; and
    its rate-limit waits, until the limit resets, :data:`RATE_LIMIT_WAITS` times at most."""

    retries: int
    sleep: SleepFn
    notify: NotifyFn
    attempt: int = 0
    rate_limit_waits: int = 0

    @property
    def left(self) -> bool:
        """Whether another attempt remains."""
        return self.attempt < self.retries

    def retry(self, message: str) -> bool:
        """Say why, wait, and return True while attempts remain; False: the caller fails."""
        if not self.left:
            return False
        self.attempt += 1
        self.notify(message)
        self.sleep(min(2.0**self.attempt, 30.0))
        return True

    def wait_for_reset(
        self,
        reset_epoch: float | None,
        *,
        max_wait: float,
        report: FetchReport,
        what: str,
        default_wait: float = 60.0,
    ) -> None:
        """Sleep until a rate-limit window resets; RateLimitError when that is longer than
        ``max_wait``, or when the request was refused that way :data:`RATE_LIMIT_WAITS` times.

        A reset time already past (this computer's clock ahead of the platform's, or a stale
        answer) waits ``default_wait``: asking again at once would be refused again, as fast
        as the network goes."""
        resume = resume_hint(report, resume=RESUME_LATER.say(), otherwise="try again later")
        if self.rate_limit_waits >= RATE_LIMIT_WAITS:
            report.stopped = "rate_limit"
            raise RateLimitError(
                f"{what}: still rate limited after waiting {self.rate_limit_waits} times for"
                " the limit to reset",
                hint=f"check that this computer's clock is right; {resume}",
            )
        wait = reset_epoch - time.time() if reset_epoch else default_wait
        if wait <= 0:
            wait = default_wait
        if wait > max_wait:
            report.stopped = "rate_limit"
            raise RateLimitError(
                f"{what}: rate limited for {wait:.0f}s, more than the {max_wait:.0f}s allowed",
                hint=f"{resume} ({RAISE_MAX_WAIT.say()})",
            )
        self.rate_limit_waits += 1
        self.notify(f"{what}: rate limited, waiting {wait:.0f}s for the limit to reset")
        report.waits.append(round(wait, 3))
        self.sleep(wait)


class PageWriter:
    """Writes each page as it arrives, counting into the report.

    The raw page is stored with its provenance even when no row could be read from it, so an
    item the transformer skipped can still be looked at (and re-read by a later version).
    """

    def __init__(self, store: Store, source: str, report: FetchReport) -> None:
        self.store, self.source, self.report = store, source, report
        # a post a sheet's bsky.app link stored under its author's handle is the fetched
        # post named by its DID: the import's check makes them one, told in the notes
        self.bluesky_ids = BlueskyHandleIds(store.conn, same_as="this fetch's")
        self.ids_note: str | None = None

    def write_page(self, raw: Any, location: str, transform: Transform) -> list[Row]:
        """Turn ``raw`` into rows with ``transform``, store both, and count what it skipped.

        A page the transformer cannot read at all (ValueError) is kept raw and counted as one
        skipped item, so a fetch never stops with a traceback on one odd answer.
        """
        skipped: list[str] = []
        try:
            rows = list(transform(skipped))
        except ValueError as exc:
            rows = []
            skipped.append(f"the whole page: {exc}")
        self.write(rows, location, raw, skipped)
        return rows

    def write(
        self, rows: Sequence[Row], location: str, raw: Any, skipped: Sequence[str] = ()
    ) -> None:
        self.report.note_skipped([f"{message} (in {location})" for message in skipped])
        record = Record(rows=tuple(rows), provenance=provenance(self.source, location), raw=raw)
        counts = self.store.write_records(self._put_bluesky_ids(record))
        # rows the store kept out (a post whose id is another account's, a count too large)
        # are lost to this fetch as an unreadable item is: told the same way
        left_out: list[AuthorClash | LeftOut] = [*counts.clashes, *counts.left_out]
        self.report.note_skipped([f"{left.message} (in {left.location})" for left in left_out])
        self.report.accounts += counts.accounts
        self.report.posts += counts.posts
        self.report.new_posts += counts.new_posts
        self.report.follows += counts.follows
        self.report.pages += 1

    def _put_bluesky_ids(self, record: Record) -> list[Record]:
        """The record with its Bluesky posts under the ids the store holds them by; the
        note of what that changed kept up to date in the report's notes (told once)."""
        batch = self.bluesky_ids.rewrite([record])
        note = self.bluesky_ids.note()
        if note is not None and note != self.ids_note:
            if self.ids_note in self.report.notes:
                self.report.notes.remove(self.ids_note)
            self.report.notes.append(note)
            self.ids_note = note
        return batch


def read_lookup(
    writer: PageWriter, raw: Any, location: str, what: str, read: Callable[[Any], Account]
) -> Account:
    """The account of a profile lookup. An answer that cannot be read is stored raw (so it is
    not lost) and becomes a FetchError naming it, not a traceback."""
    try:
        return read(raw)
    except (ValueError, KeyError, TypeError) as exc:
        problem = str(exc) if isinstance(exc, ValueError) else f"no usable {exc}"
        writer.write([], location, raw, [problem])
        raise FetchError(
            f"{what}: the platform's answer could not be read ({problem})",
            hint="the answer is kept in the store; try again later, and if it happens again,"
            " report it with this message",
        ) from None


@contextmanager
def recorded_run(store: Store, report: FetchReport, params: dict[str, Any]) -> Iterator[None]:
    """Record a fetch as a run (:mod:`staffpulse.store.runs`): ``partial`` when it stopped
    early (budget, rate limit) or failed after writing something, which is kept."""

    def finished_counts() -> dict[str, Any]:
        if report.posts or report.follows or report.accounts:
            store.refresh_interactions()
        return report.as_dict()

    with store_recorded_run(
        store,
        "fetch",
        {"platform": report.platform, **params},
        counts=finished_counts,
        kept_something=lambda: bool(report.posts or report.follows),
    ) as recording:
        report.run_id = recording.run.id
        try:
            yield
        except StaffpulseError:
            # a failure is a stop too, whatever raised it
            report.stopped = report.stopped or "error"
            raise
        recording.stopped_early = report.stopped is not None
