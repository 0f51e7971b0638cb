"""What the pages read, computed from the store and cached until the data changes.

The use cases behind the pages (audit, benchmark, connect) are imported where they are used,
so the dashboard starts without loading the text models. Caches are dropped whenever an
import or fetch finishes, or the user changes something (inbox states, cohort).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from staffpulse.bundled import SAMPLE_DIR, holds_the_sample_and_more, is_bundled_sample
from staffpulse.config_firm import StoreFirm, store_firm
from staffpulse.store import Store, open_store
from staffpulse.store.reads import AccountSummary
from staffpulse.web.data_connect import ConnectMixin
from staffpulse.web.data_inbox import InboxMixin, is_cached_kind
from staffpulse.web.settings import WebSettings

if TYPE_CHECKING:
    from staffpulse.audit.types import AuditResult
    from staffpulse.benchmark.engine import BenchmarkResult
    from staffpulse.benchmark.members import CohortCheck

T = TypeVar("T")


Progress = Callable[[str, int, int], None]
ALL_ACCOUNTS = "benchmark-all"


@dataclass(frozen=True, slots=True)
class Reading:
    """What :meth:`Backend.reading` took: the data's generation before a page read it."""

    backend: Backend
    generation: int

    def cached(self, key: Any, compute: Callable[[], T]) -> T:
        """``compute()``, kept under ``key`` if the data is still the one read."""
        return self.backend.cached(key, compute, self.generation)


class Backend(InboxMixin, ConnectMixin):
    """The pages' data: store reads, cached per key until the data changes."""

    def __init__(self, settings: WebSettings) -> None:
        self.settings = settings
        self.generation = 0
        self._cache: dict[Any, tuple[int, Any]] = {}
        self._lock = threading.Lock()
        self._locks: dict[Any, threading.Lock] = {}
        self._dismissed: dict[tuple[Any, str, str], Any] = {}
        # benchmark key -> (what it was ranked from, the result), kept across invalidate()
        self._previous: dict[Any, tuple[tuple[str, str | None], BenchmarkResult]] = {}

    @contextmanager
    def store(self) -> Iterator[Store]:
        store = open_store(self.settings.db_path)
        try:
            yield store
        finally:
            store.close()

    def invalidate(self) -> None:
        with self._lock:
            self.generation += 1
            self._cache.clear()
            self._dismissed.clear()

    def previous_benchmark(self, key: Any) -> BenchmarkResult | None:
        """The last benchmark ranked under ``key`` before the data changed (an import), while
        the store and the cohort file are still the ones it was ranked from: the home page
        keeps showing its grades, marked as older, rather than dropping them silently."""
        with self._lock:
            kept = self._previous.get(key)
        if kept is None or kept[0] != self._ranked_from(key):
            return None
        return kept[1]

    def _ranked_from(self, key: Any) -> tuple[str, str | None]:
        cohort = None if key == ALL_ACCOUNTS else Path(key[1])
        try:
            digest = None if cohort is None else hashlib.sha256(cohort.read_bytes()).hexdigest()
        except OSError:  # the cohort file is gone: nothing ranked from it still holds
            digest = "gone"
        return str(self.settings.db_path), digest

    def _keep_benchmark(
        self, key: Any, origin: tuple[str, str | None], value: BenchmarkResult
    ) -> None:
        with self._lock:
            self._previous[key] = (origin, value)

    def peek(self, key: Any) -> tuple[bool, Any]:
        """``(True, value)`` when ``key`` is cached for the current data, else ``(False, None)``."""
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None and hit[0] == self.generation:
                return True, hit[1]
        return False, None

    def reading(self) -> Reading:
        """The data as it is now, taken before a page reads what it then draws from (a
        ranking, an audit): :meth:`Reading.cached` keeps the drawing only while the data is
        still this one."""
        return Reading(self, self.generation)

    def cached(self, key: Any, compute: Callable[[], T], read_at: int | None = None) -> T:
        """``compute()``, kept under ``key`` until the data changes (an import).

        ``read_at``: the :attr:`generation` taken before the caller read what ``compute``
        draws from (:meth:`reading` takes it). When the data changed since, the value is
        returned but not kept as the new data's: a page drawn from a ranking read just before
        an import ended would otherwise be shown again for the new data."""
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None and hit[0] == self.generation:
                return cast(T, hit[1])  # stored by a ``compute`` for this key, so a T
            generation = self.generation if read_at is None else read_at
            key_lock = self._locks.setdefault(key, threading.Lock())
        with key_lock:  # one computation per key at a time; others wait for it
            with self._lock:
                hit = self._cache.get(key)
                if hit is not None and hit[0] == self.generation:
                    return cast(T, hit[1])
            value = compute()
            with self._lock:
                if generation == self.generation:
                    self._cache[key] = (generation, value)
            return value

    # -- reads ----------------------------------------------------------------------------
    def summaries(self) -> list[AccountSummary]:
        def compute() -> list[AccountSummary]:
            with self.store() as store:
                return store.list_accounts()

        return self.cached("summaries", compute)

    def stats(self) -> dict[str, Any]:
        def compute() -> dict[str, Any]:
            with self.store() as store:
                return store.stats()

        return self.cached("stats", compute)

    def is_sample(self) -> bool:
        """True on a store of the bundled sample and nothing else (the demo's)."""

        def compute() -> bool:
            with self.store() as store:
                return is_bundled_sample(store)

        return self.cached("is-sample", compute)

    def sample_shown(self) -> bool:
        """The pages show the sample loaded from an empty store's page, in a store of its own
        that the home page promises is kept apart from the user's data. (A store the user
        made of the sample, such as the demo's, is theirs: its firm is saved as any other.)"""
        return self.settings.showing_sample()

    def saved_firm(self) -> str:
        """The firm the Inbox opens as: the account saved for this store in Settings (else
        config.toml's [listen] account, when this store holds it: config_firm.store_firm; ""
        when none), or on the sample its own firm, which Settings neither reads nor writes."""
        return self.store_firm().value or ""

    def store_firm(self) -> StoreFirm:
        """:func:`staffpulse.config_firm.store_firm` of this store; on the sample, its firm."""
        if self.sample_shown():
            from staffpulse.demo import DEMO_FIRM_HANDLE

            return StoreFirm(f"@{DEMO_FIRM_HANDLE}", "sample")
        with self.store() as store:
            return store_firm(store)

    def has_posts(self) -> bool:
        """Whether an account has posts: the pages of an empty store say what to import."""
        return bool(self.with_posts())  # kept until the data changes, not looked up per page

    def with_posts(self) -> list[AccountSummary]:
        """Accounts with at least one post, busiest first: the ones a page can grade."""
        return self.cached("with-posts", lambda: [s for s in self.summaries() if s.posts > 0])

    def own_posts(self) -> dict[tuple[str, str], int]:
        """Each author's posts of its own (not bare reposts) by (platform, id), as the grading
        counts them: a card left ungraded for too few says how many it has."""
        from staffpulse.benchmark.members import own_post_counts

        def compute() -> dict[tuple[str, str], int]:
            with self.store() as store:
                return own_post_counts(store)

        return self.cached("own-posts", compute)

    def all_accounts_benchmark(self, progress: Progress | None = None) -> BenchmarkResult:
        from staffpulse.benchmark.engine import run_benchmark

        def compute() -> BenchmarkResult:
            origin = self._ranked_from(ALL_ACCOUNTS)  # before: a cohort changed meanwhile differs
            with self.store() as store:
                result = run_benchmark(
                    store,
                    scorer=self.settings.scorer,
                    progress=progress,
                    role_model=self.settings.role_model,
                )
            self._keep_benchmark(ALL_ACCOUNTS, origin, result)
            return result

        return self.cached(ALL_ACCOUNTS, compute)

    def cohort(self) -> Path | None:
        """The cohort the benchmark uses: the user's, else the sample's on the sample store."""
        chosen = self.settings.active_cohort()
        if chosen is None and self.is_sample():
            sample = SAMPLE_DIR / "cohort.csv"
            return sample if sample.exists() else None
        return chosen

    def sample_cohort_dropped(self) -> bool:
        """True when the sample's cohort file (and its segments) is no longer used because the
        user's own data joined the sample in this store, and no cohort file of theirs replaces
        it: the Benchmark page says so, instead of the segments vanishing without a word. (The
        sample shown by "Load the sample data" lives in a store of its own, which imports never
        reach: there this never happens.)"""
        if self.settings.active_cohort() is not None:
            return False

        def compute() -> bool:
            with self.store() as store:
                return holds_the_sample_and_more(store)

        return self.cached("sample-cohort-dropped", compute)

    def cohort_label(self) -> str | None:
        """How the active cohort is named on the page: the user's own file name."""
        chosen = self.cohort()
        if chosen is None:
            return None
        if chosen == self.settings.saved_cohort():
            try:
                name = self.settings.saved_cohort_name().read_text(encoding="utf-8").strip()
            except OSError:  # uploaded by an older version, which kept no name
                name = ""
            return name or "the uploaded cohort"
        return chosen.name

    def benchmark_key(self) -> str | tuple[str, str]:
        cohort = self.cohort()
        return ALL_ACCOUNTS if cohort is None else ("benchmark", str(cohort))

    def benchmark(self, progress: Progress | None = None) -> BenchmarkResult:
        cohort = self.cohort()
        if cohort is None:
            return self.all_accounts_benchmark(progress)
        from staffpulse.benchmark.engine import run_benchmark

        key = ("benchmark", str(cohort))

        def compute() -> BenchmarkResult:
            origin = self._ranked_from(key)  # before: a cohort replaced meanwhile differs
            with self.store() as store:
                result = run_benchmark(
                    store,
                    cohort,
                    scorer=self.settings.scorer,
                    progress=progress,
                    role_model=self.settings.role_model,
                    # its segments kept under the user's name of it, not the saved copy's
                    cohort_name=self.cohort_label(),
                )
            self._keep_benchmark(key, origin, result)
            return result

        return self.cached(key, compute)

    def check_cohort(self, text: str, name: str) -> CohortCheck:
        """:func:`~staffpulse.benchmark.members.check_cohort` against this store, with the
        accounts with posts the pages have already read."""
        from staffpulse.benchmark.members import check_cohort

        graded = {(s.account.platform, s.account.id) for s in self.with_posts()}
        with self.store() as store:
            return check_cohort(store, text, name, graded)

    def audit(self, platform: str, handle: str) -> AuditResult:
        def compute() -> AuditResult:
            with self.store() as store:
                return self._graded(store, platform, handle, save=False)

        return self.cached(audit_key(platform, handle), compute)

    def _graded(self, store: Store, platform: str, handle: str, *, save: bool) -> AuditResult:
        """The account's audit, graded now with the dashboard's scorer and role model (what
        the role model reads the account as, as the terminal's audit says it); ``save``: kept
        in the history too."""
        from staffpulse.audit.engine import audit_account

        return audit_account(
            store,
            handle,
            platform,
            scorer=self.settings.scorer,
            save=save,
            role_model=self.settings.role_model,
        )

    def record_audit(
        self, platform: str, handle: str, progress: Progress | None = None
    ) -> AuditResult:
        """Save the account's audit to the history: the one its page shows, while the data is
        the same (its posts are read again for the key of the data it saw, not graded again:
        that took 16 s on an account of 170,000 posts), else a new one. Nothing a page shows
        changes, so every page's data is kept."""
        from staffpulse.audit import history
        from staffpulse.audit.engine import load_account_data

        key = audit_key(platform, handle)
        generation = self.generation
        found, shown = self.peek(key)
        with self.store() as store:
            if found:
                if progress:
                    progress("Reading the posts of the audit shown", 0, 0)
                data = load_account_data(store, shown.account, None)
                data_key = history.data_key(data.account, data.posts, data.mentions)
                shown.audit_id = history.save_audit(store, shown, data_key)
                return cast("AuditResult", shown)
            if progress:  # new data since the page was shown (an import), or a restart
                progress("Reading and grading every post of the account", 0, 0)
            result = self._graded(store, platform, handle, save=True)
        with self._lock:
            if generation == self.generation:
                self._cache[key] = (generation, result)
        return result

    def set_inbox_state(
        self,
        conversation_id: str,
        platform: str,
        state: str | None,
        as_handle: str | None = None,
        until: datetime | None = None,
    ) -> None:
        """The Inbox's mark (:meth:`InboxMixin.set_inbox_state`). A conversation marked joined,
        or reopened, also drops the audits kept (their strips and downloads too): an audit
        counts the conversations joined, and kept saying "you have joined none of them yet"
        until the next import. A dismiss or a snooze of an open one changes no audit."""
        super().set_inbox_state(conversation_id, platform, state, as_handle, until)
        if state not in ("joined", None):
            return
        with self._lock:
            for key in [k for k in self._cache if _is_audit(k)]:
                del self._cache[key]


def audit_key(platform: str, handle: str) -> tuple[str, str, str]:
    """Where :meth:`Backend.audit` keeps an account's audit (the page waits on it by this)."""
    return ("audit", platform, handle.lower())


def _is_audit(key: Any) -> bool:
    """An audit kept by :meth:`Backend.audit`, or what the pages drew from one (its strips,
    its report file: routes_core)."""
    return is_cached_kind(key, "audit", "audit strips", "audit report")
