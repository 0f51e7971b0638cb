"""What the pages read, computed from the store and cached until the data changes.

Each page's backing module (audit, benchmark, listen, connect) is imported lazily: when one is
missing from this build the page says so instead of failing. Caches are dropped whenever an
import or fetch finishes, or the user changes something (inbox states, cohort).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from staffpulse.errors import StaffpulseError
from staffpulse.store import Store, open_store
from staffpulse.store.reads import AccountSummary
from staffpulse.web.settings import WebSettings

if TYPE_CHECKING:
    from staffpulse.audit.types import AuditResult
    from staffpulse.benchmark.engine import BenchmarkResult

T = TypeVar("T")


class FeatureUnavailableError(StaffpulseError):
    """A page's backing module is not part of this build."""

    exit_code = 69

    def __init__(self, feature: str, detail: str) -> None:
        super().__init__(
            f"{feature} is not available in this installation ({detail}).",
            hint="update staffpulse: pip install --upgrade 'staffpulse[web]'",
        )
        self.feature = feature


def need(module: str, feature: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise FeatureUnavailableError(feature, f"missing module {exc.name or module}") from exc


class Backend:
    def __init__(self, settings: WebSettings) -> None:
        self.settings = settings
        self.generation = 0
        self._cache: dict[Any, tuple[int, Any]] = {}
        self._lock = threading.Lock()
        self._locks: dict[Any, threading.Lock] = {}

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

    def cached(self, key: Any, compute: Callable[[], T]) -> T:
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None and hit[0] == self.generation:
                return hit[1]  # type: ignore[no-any-return]
            generation = self.generation
            key_lock = self._locks.setdefault(key, threading.Lock())
        with key_lock:  # one computation per key at a time; others wait for it
            with self._lock:
                hit = self._cache.get(key)
                if hit is not None and hit[0] == self.generation:
                    return hit[1]  # type: ignore[no-any-return]
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
        return any(
            ".example/sample/" in (s.account.avatar_url or "") for s in self.summaries()[:50]
        )

    def has_posts(self) -> bool:
        return any(s.posts > 0 for s in self.summaries())

    def grades(self) -> dict[tuple[str, str], dict[str, Any]]:
        """Leaderboard rows of every account with posts, keyed by (platform, handle)."""
        result = self.all_accounts_benchmark()
        return {(row["platform"], row["handle"]): row for row in result.leaderboard}

    def all_accounts_benchmark(self) -> BenchmarkResult:
        engine = need("staffpulse.benchmark.engine", "Grading accounts")

        def compute() -> BenchmarkResult:
            with self.store() as store:
                result: BenchmarkResult = engine.run_benchmark(store, scorer=self.settings.scorer)
                return result

        return self.cached("benchmark-all", compute)

    def cohort(self) -> Path | None:
        """The cohort the benchmark uses: the user's, else the sample's on the sample store."""
        chosen = self.settings.active_cohort()
        if chosen is None and self.is_sample():
            from staffpulse.demo import SAMPLE_DIR

            sample = SAMPLE_DIR / "cohort.csv"
            return sample if sample.exists() else None
        return chosen

    def benchmark(self) -> BenchmarkResult:
        cohort = self.cohort()
        if cohort is None:
            return self.all_accounts_benchmark()
        engine = need("staffpulse.benchmark.engine", "The benchmark")

        def compute() -> BenchmarkResult:
            with self.store() as store:
                result: BenchmarkResult = engine.run_benchmark(
                    store, cohort, scorer=self.settings.scorer
                )
                return result

        return self.cached(("benchmark", str(cohort)), compute)

    def audit(self, platform: str, handle: str) -> AuditResult:
        engine = need("staffpulse.audit.engine", "The audit")

        def compute() -> AuditResult:
            with self.store() as store:
                result: AuditResult = engine.audit_account(
                    store, handle, platform, scorer=self.settings.scorer, save=False
                )
                return result

        return _safe_links(self.cached(("audit", platform, handle.lower()), compute))

    def record_audit(self, platform: str, handle: str) -> AuditResult:
        engine = need("staffpulse.audit.engine", "The audit")
        with self.store() as store:
            result: AuditResult = engine.audit_account(
                store, handle, platform, scorer=self.settings.scorer, save=True
            )
        self.invalidate()
        return result

    def inbox(self, as_handle: str | None, topic: str | None, platform: str | None) -> Any:
        inbox_mod = need("staffpulse.listen.inbox", "The conversation inbox")

        def compute() -> Any:
            with self.store() as store:
                return inbox_mod.build_inbox(
                    store, as_handle=as_handle, topic=topic, platform=platform, limit=30
                )

        return self.cached(("inbox", as_handle, topic, platform), compute)

    def set_inbox_state(self, conversation_id: str, platform: str, state: str | None) -> None:
        inbox_mod = need("staffpulse.listen.inbox", "The conversation inbox")
        with self.store() as store:
            inbox_mod.set_state(store, conversation_id, state, platform or None)
        with self._lock:  # update the cached inboxes in place: no multi-second rebuild
            for key, (_generation, inbox) in self._cache.items():
                if isinstance(key, tuple) and key[0] == "inbox":
                    _move(inbox, conversation_id, platform, state)

    def suggestions(self, handle: str, platform: str, role: str | None, limit: int) -> Any:
        suggest = need("staffpulse.connect.suggest", "Account suggestions")

        def compute() -> Any:
            with self.store() as store:
                return suggest.suggest_report(store, handle, platform, role, limit)

        return self.cached(("connect", handle.lower(), platform, role, limit), compute)


def _move(inbox: Any, conversation_id: str, platform: str, state: str | None) -> None:
    """Reflect a new state in a cached inbox: out of the open list, into joined, or back."""

    def match(item: Any) -> bool:
        return bool(
            item.conversation_id == conversation_id and (not platform or item.platform == platform)
        )

    moved = [replace(i, state=state or "open") for i in inbox.items + inbox.joined if match(i)]
    inbox.items = [i for i in inbox.items if not match(i)]
    inbox.joined = [i for i in inbox.joined if not match(i)]
    if state == "joined":
        inbox.joined = moved + inbox.joined
    elif state is None:
        inbox.items = sorted(inbox.items + moved, key=lambda i: -i.score)


def _safe_links(result: AuditResult) -> AuditResult:
    """Evidence links only when they are http(s): an imported post cannot smuggle a script URL."""
    for pillar in result.pillars.values():
        for attr in ("best", "worst"):
            examples = getattr(pillar, attr)
            setattr(
                pillar,
                attr,
                [
                    ex
                    if not ex.url or ex.url.lower().startswith(("https://", "http://"))
                    else replace(ex, url=None)
                    for ex in examples
                ],
            )
    return result
