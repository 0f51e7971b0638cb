"""``staffpulse fetch mastodon``: an account's statuses, or a hashtag timeline, via Mastodon.py.

Public endpoints of one instance, no login: ``accounts/lookup``, ``accounts/:id/statuses``
and ``timelines/tag/:tag``, paginated with ``max_id``. Responses go through the same
transformer as saved files (:func:`staffpulse.sources.mastodon.rows_from_mastodon`); a re-run
resumes from where the last one stopped (:class:`~staffpulse.fetch.common.RangeCursor`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Unpack

from staffpulse.errors import FetchError, InputError, NotFoundError
from staffpulse.fetch.common import (
    Backoff,
    FetcherBase,
    FetcherOptions,
    FetchReport,
    PageWriter,
    RangeCursor,
    recorded_run,
    wait_for_reset,
)
from staffpulse.models import Account
from staffpulse.sources.mastodon import account_from_mastodon, rows_from_mastodon
from staffpulse.store import Store

SOURCE = "mastodon-api"
PAGE = 40


def split_acct(acct: str, default_instance: str | None = None) -> tuple[str, str]:
    """``@user@instance`` → (``user``, ``instance``)."""
    parts = acct.strip().lstrip("@").split("@")
    if len(parts) == 2 and all(parts):
        return parts[0], parts[1].lower()
    if len(parts) == 1 and parts[0] and default_instance:
        return parts[0], default_instance
    raise InputError(f"'{acct}' is not a Mastodon handle", hint="write it as @user@instance")


def make_client(base_url: str, timeout: float) -> Any:
    from mastodon import Mastodon

    return Mastodon(
        api_base_url=base_url, request_timeout=timeout, ratelimit_method="throw",
        version_check_mode="none", user_agent="staffpulse",
    )  # fmt: skip


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


class MastodonFetcher(FetcherBase):
    def __init__(
        self,
        store: Store,
        *,
        base_url: str | None = None,
        client: Any = None,
        **options: Unpack[FetcherOptions],
    ) -> None:
        super().__init__(store, **options)
        self.default_instance = str(
            self.config.get("mastodon", {}).get("default_instance", "mastodon.social")
        )
        self.base_url, self.client = base_url, client

    def _api(self, instance: str) -> Any:
        if self.client is None:
            self.client = make_client(self.base_url or f"https://{instance}", self.timeout)
        return self.client

    def _call(
        self, what: str, method: Callable[..., Any], report: FetchReport, **params: Any
    ) -> Any:
        import mastodon as mp

        backoff = Backoff(self.retries, self.sleep, self.notify)
        while True:
            report.requests += 1
            try:
                return _plain(method(**{k: v for k, v in params.items() if v is not None}))
            except mp.MastodonRatelimitError:
                reset = getattr(self.client, "ratelimit_reset", None)
                wait_for_reset(
                    float(reset) if reset else None, max_wait=self.max_wait, sleep=self.sleep,
                    notify=self.notify, report=report, what=what, default_wait=5.0,
                )  # fmt: skip
            except mp.MastodonNotFoundError:
                raise NotFoundError(
                    f"{what}: not found on this instance", hint="check the handle or tag"
                ) from None
            except (mp.MastodonNetworkError, mp.MastodonServerError) as exc:
                if backoff.retry(f"{what}: {type(exc).__name__}, retrying"):
                    continue
                report.stopped = "error"
                raise FetchError(
                    f"{what}: Mastodon request failed ({type(exc).__name__})",
                    hint="everything fetched so far is stored; run the same command again to resume",
                ) from None
            except mp.MastodonError as exc:
                report.stopped = "error"
                raise FetchError(f"{what}: Mastodon said {exc}") from None

    # -- account statuses -------------------------------------------------------------------
    def fetch(self, acct: str, *, max_posts: int = 400) -> FetchReport:
        user, instance = split_acct(acct, self.default_instance)
        report = FetchReport(platform="mastodon", target=f"{user}@{instance}")
        writer = PageWriter(self.store, SOURCE, report)
        with recorded_run(self.store, report, {"account": report.target, "max_posts": max_posts}):
            api = self._api(instance)
            account, local_id = self._lookup(api, user, instance, report, writer)
            self._paged(
                "statuses", api.account_statuses, account.id, instance, report, writer, max_posts,
                {"id": local_id},
            )  # fmt: skip
            return report

    def _lookup(
        self, api: Any, user: str, instance: str, report: FetchReport, writer: PageWriter
    ) -> tuple[Account, str]:
        raw = self._call(f"@{user}@{instance}", api.account_lookup, report, acct=user)
        account = account_from_mastodon(raw)
        report.account_id = account.id
        account = self.with_avatar(account, report)
        writer.write([account], f"mastodon:{instance}/accounts/lookup?acct={user}", raw)
        return account, str(raw["id"])

    # -- hashtag timeline ----------------------------------------------------------------------
    def fetch_hashtag(self, tag: str, instance: str, *, max_posts: int = 400) -> FetchReport:
        tag = tag.lstrip("#")
        instance = instance.strip().lower()
        report = FetchReport(platform="mastodon", target=f"#{tag}@{instance}")
        writer = PageWriter(self.store, SOURCE, report)
        with recorded_run(
            self.store, report, {"hashtag": tag, "instance": instance, "max_posts": max_posts}
        ):
            api = self._api(instance)
            self._paged(
                "hashtag", api.timeline_hashtag, report.target, instance, report, writer, max_posts,
                {"hashtag": tag},
            )  # fmt: skip
            return report

    def _paged(
        self,
        stream: str,
        method: Callable[..., Any],
        key: str,
        instance: str,
        report: FetchReport,
        writer: PageWriter,
        max_posts: int,
        params: dict[str, Any],
    ) -> None:
        cursor = RangeCursor(self.store, "mastodon", key, stream)
        fetched = 0
        for since_id, until_id, resumed in cursor.ranges():
            max_id = until_id
            while True:
                wanted = max_posts - fetched
                if wanted <= 0:
                    if not resumed:
                        cursor.complete()
                    return
                page = self._call(
                    f"{report.target} {stream}", method, report,
                    limit=min(PAGE, wanted), max_id=max_id, since_id=since_id, **params,
                )  # fmt: skip
                statuses = (
                    [s for s in page if isinstance(s, dict)] if isinstance(page, list) else []
                )
                rows = rows_from_mastodon(statuses, instance=instance)
                writer.write(rows, f"mastodon:{instance}/{stream}", statuses)
                ids = [str(s["id"]) for s in statuses if s.get("id") is not None]
                report.post_reads += len(ids)
                if ids:
                    cursor.page(ids)
                fetched += len(ids)
                self.progress(stream, fetched, max_posts)
                if not ids:
                    break
                max_id = min(ids, key=lambda i: (len(i), i))
            cursor.complete()


def fetch_mastodon(store: Store, acct: str, **kwargs: Any) -> FetchReport:
    options = {k: kwargs.pop(k) for k in ("max_posts",) if k in kwargs}
    return MastodonFetcher(store, **kwargs).fetch(acct, **options)


def fetch_account(store: Store, handle: str) -> Account:
    """Only the account and avatar: what ``add-handles`` needs."""
    fetcher = MastodonFetcher(store)
    user, instance = split_acct(handle, fetcher.default_instance)
    report = FetchReport(platform="mastodon", target=handle)
    account, _ = fetcher._lookup(
        fetcher._api(instance), user, instance, report, PageWriter(store, SOURCE, report)
    )
    return account


__all__ = ["MastodonFetcher", "fetch_account", "fetch_mastodon", "split_acct"]
