"""``staffpulse fetch mastodon``: an account's statuses, or a hashtag timeline, via Mastodon.py.

Public endpoints of an instance: ``accounts/lookup``, ``accounts/:id/statuses`` and
``timelines/tag/:tag``, paginated with ``max_id``. No login is needed; a Mastodon access token
(Settings, or ``MASTODON_ACCESS_TOKEN``) is sent to the user's own instance only
(``[mastodon] default_instance``), which then shows what it keeps for signed-in users.
Responses go through the same transformer as saved files
(:func:`staffpulse.sources.mastodon.rows_from_mastodon`); a re-run resumes from where the last
one stopped (:class:`~staffpulse.fetch.cursors.RangeCursor`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Any, Unpack
from urllib.parse import urlparse

from staffpulse.config import get_secret, setting_str
from staffpulse.config_secrets import secret_origin, secrets_hidden
from staffpulse.errors import (
    AuthError,
    FetchError,
    InputError,
    NotFoundError,
    StaffpulseError,
)
from staffpulse.fetch.common import (
    Backoff,
    FetcherBase,
    FetcherOptions,
    FetchReport,
    PageWriter,
    check_count,
    read_lookup,
    recorded_run,
    retry_after_epoch,
)
from staffpulse.fetch.cursors import RangeCursor, min_id
from staffpulse.fetch.handles import instance_host, mastodon_account
from staffpulse.fetch.mastodon_client import make_client, plain
from staffpulse.fetch.resume import note_cap, resume_hint
from staffpulse.fetch.tls import raise_lasting
from staffpulse.models import Account
from staffpulse.next_steps import (
    CHECK_CONNECTION,
    CHECK_MASTODON_QUERY,
    FETCH_MOVED_MASTODON,
    INSTANCE_PART,
    REQUEST_FAILED,
)
from staffpulse.sources.base import parse_timestamp
from staffpulse.sources.mastodon import account_from_mastodon, rows_from_mastodon
from staffpulse.store import Store

SOURCE = "mastodon-api"
PAGE = 40
_TAG = re.compile(r"^\w+$")  # Mastodon hashtags: letters, digits, underscores (any script)


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
        self.default_instance = setting_str(self.config, "mastodon", "default_instance")
        self.base_url = base_url
        self.injected = client  # tests: one client that answers for every instance
        self.client: Any = client  # the client of the instance asked last
        self._clients: dict[str, Any] = {}  # by base URL

    def _api(self, instance: str) -> Any:
        """The client of ``instance``, made once per base URL (an injected client wins)."""
        if self.injected is None:
            base = self.base_url or f"https://{instance}"
            if base not in self._clients:
                token = self.access_token_for(instance)
                self._clients[base] = make_client(base, self.timeout, token)
            self.client = self._clients[base]
        return self.client

    def access_token_for(self, instance: str) -> str | None:
        """The access token saved in Settings (or ``MASTODON_ACCESS_TOKEN``) when ``instance``
        is the user's own, ``[mastodon] default_instance``. An instance issues tokens for
        itself only: sent to any other, a token would work nowhere and be handed to a
        stranger."""
        if not self.default_instance or instance.lower() != self.default_instance.lower():
            return None
        return get_secret("mastodon_access_token", self.config)

    def _call(
        self, what: str, method: Callable[..., Any], report: FetchReport, **params: Any
    ) -> Any:
        import mastodon as mp

        # an answer that echoes the request must not show a token (config_secrets)
        with secrets_hidden(self.config):
            backoff = Backoff(self.retries, self.sleep, self.notify)
            while True:
                report.requests += 1
                try:
                    return plain(method(**{k: v for k, v in params.items() if v is not None}))
                except mp.MastodonRatelimitError:
                    backoff.wait_for_reset(
                        self._reset_epoch(), max_wait=self.max_wait,
                        report=report, what=what, default_wait=5.0,
                    )  # fmt: skip
                except mp.MastodonNotFoundError as exc:
                    raise self._not_found(what, exc) from None
                except (mp.MastodonNetworkError, mp.MastodonServerError) as exc:
                    # a certificate or name that fails now fails again: said, not retried
                    spelling = f"check the spelling of the instance ({INSTANCE_PART.say()})"
                    host, wrong = self._host(), "a misspelt server name"
                    raise_lasting(
                        exc, what, host, spelling, report, service="Mastodon", wrong=wrong
                    )
                    problem = REQUEST_FAILED.say(
                        name="Mastodon", host=self._host(), error=type(exc).__name__
                    )
                    if backoff.retry(f"{what}: {problem}, retrying"):
                        continue
                    report.stopped = "error"
                    # a server error is an answer: this computer is online
                    answered = isinstance(exc, mp.MastodonServerError)
                    raise FetchError(
                        f"{what}: {problem}",
                        hint=resume_hint(report, otherwise="try again later")
                        if answered
                        else f"{CHECK_CONNECTION.say()}; {resume_hint(report)}",
                    ) from None
                except mp.MastodonError as exc:
                    report.stopped = "error"
                    raise self._rejected(what, exc) from None

    def _reset_epoch(self) -> float | None:
        """When a 429's limit resets: its ``Retry-After`` (a proxy in front may send only
        that), else the instance's ``X-RateLimit-Reset`` as Mastodon.py read it."""
        answer = getattr(self.client, "answer", None)
        headers = getattr(answer, "headers", None) or {}
        reset = getattr(self.client, "ratelimit_reset", None)
        return retry_after_epoch(headers.get("Retry-After")) or (float(reset) if reset else None)

    def _host(self) -> str:
        base = str(getattr(self.client, "api_base_url", None) or self.base_url or "")
        return urlparse(base).netloc or base or "the instance"

    def _not_found(self, what: str, exc: Exception) -> StaffpulseError:
        """A 404. Mastodon and the servers speaking its API answer one for an unknown account
        or tag with their own words ("Record not found"); a 404 without them (a web page, or
        Misskey's answer: an API of its own) says the instance has no Mastodon API there."""
        said = exc.args[3] if len(exc.args) >= 4 else None
        if isinstance(said, str) and said and said != "Endpoint not found.":
            return NotFoundError(
                f"{what}: not found on this instance ({said})", hint="check the handle or tag"
            )
        return FetchError(
            f"{what}: {self._host()} has no Mastodon API (HTTP 404)",
            hint="staffpulse reads Mastodon and the servers that speak its API (Pleroma, Akkoma,"
            f" GoToSocial), not Misskey or others; check the instance name ({INSTANCE_PART.say()})",
        )

    def _rejected(self, what: str, exc: Exception) -> StaffpulseError:
        """A Mastodon.py error that is not worth retrying, as the error people can act on."""
        args = exc.args
        # Mastodon.py's HTTP errors carry (text, status, reason, the instance's error message)
        status = args[1] if len(args) >= 4 and isinstance(args[1], int) else None
        said = f": {args[3]}" if status is not None and args[3] else ""
        if status == 401 and getattr(self.client, "access_token", None):
            return AuthError(
                f"{what}: {self._host()} rejected the Mastodon access token (HTTP 401){said}",
                hint=f"check the token ({secret_origin('mastodon_access_token', self.config)},"
                f" or Settings in the dashboard): it must be one "
                f"{self._host()} issued, and not revoked",
            )
        if status == 401:
            # instances that show accounts to signed-in users only: a token is sent to the
            # user's own instance alone, so that is the way in
            own = (self.default_instance or "").lower() == self._host().lower()
            setting = "" if own else f'set [mastodon] default_instance = "{self._host()}" and '
            return AuthError(
                f"{what}: {self._host()} wants a login to show this (HTTP 401){said}",
                hint=f"if you have an account on {self._host()}, {setting}save its access token"
                " in Settings (or MASTODON_ACCESS_TOKEN); otherwise import its posts from an"
                " export",
            )
        if status == 410:  # Mastodon's answer for what it deleted, or suspended for good
            return NotFoundError(
                f"{what}: {self._host()} says this is gone (HTTP 410){said}",
                hint="a deleted or suspended account shows nothing",
            )
        if status == 403 and not said:
            # Mastodon words its own refusals: a bare 403 is a firewall or bot check before it
            return FetchError(
                f"{what}: {self._host()} refused the request (HTTP 403) without a Mastodon"
                " answer: a firewall or bot protection in front of the instance",
                hint="try again later; if it keeps refusing, the instance does not let"
                " programs read it",
            )
        if status is not None and 400 <= status < 500:
            # the request itself is wrong: asking again would fail the same way
            return InputError(
                f"{self._host()} rejected the request for {what} (HTTP {status}){said}",
                hint=CHECK_MASTODON_QUERY.say(),
            )
        if status is not None:
            return FetchError(f"{what}: {self._host()} answered HTTP {status}{said}")
        if args and str(args[0]).startswith("Could not parse response as JSON"):
            code = re.search(r"response code was (\d+)", str(args[0]))
            return FetchError(
                f"{what}: {self._host()} answered with something that is not JSON"
                + (f" (HTTP {code.group(1)})" if code else ""),
                hint=f"check the instance name ({INSTANCE_PART.say()})",
            )
        return FetchError(f"{what}: {self._host()} said {exc}")

    # -- account statuses -------------------------------------------------------------------
    def fetch(self, acct: str, *, max_posts: int = 400) -> FetchReport:
        user, instance = mastodon_account(acct, self.default_instance)
        check_count("max_posts", max_posts, 1)
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
        what = f"@{user}@{instance}"
        raw = self._call(what, api.account_lookup, report, acct=user)
        location = f"mastodon:{instance}/accounts/lookup?acct={user}"
        account = read_lookup(writer, raw, location, what, _account_with_local_id)
        report.account_id = account.id
        report.notes.extend(account_notes(raw, what, instance))
        account = self.with_avatar(account, report)
        writer.write([account], location, raw)
        return account, str(raw["id"])

    # -- hashtag timeline ----------------------------------------------------------------------
    def fetch_hashtag(self, tag: str, instance: str, *, max_posts: int = 400) -> FetchReport:
        tag = tag.strip().lstrip("#")
        if not _TAG.match(tag):
            raise InputError(
                f"'#{tag}' is not a hashtag",
                hint="letters, digits and _ only, e.g. --hashtag hiring",
            )
        instance = instance_host(instance)
        check_count("max_posts", max_posts, 1)
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
        what = f"{report.target} {stream}"
        written: dict[str, datetime | None] = {}  # when this run's statuses were written

        def read_page(
            since_id: str | None, until_id: str | None, max_id: str | None, wanted: int
        ) -> tuple[list[str], str | None]:
            page = self._call(
                what, method, report, limit=min(PAGE, wanted), max_id=max_id or until_id,
                since_id=since_id, **params,
            )  # fmt: skip
            items = self._statuses(page, what, report)
            writer.write_page(
                items, f"mastodon:{instance}/{stream}", partial(rows_from_mastodon, items, instance)
            )
            statuses = [s for s in items if isinstance(s, dict) and s.get("id") is not None]
            ids = [str(s["id"]) for s in statuses]
            written.update((str(s["id"]), parse_timestamp(s.get("created_at"))) for s in statuses)
            report.post_reads += len(ids)
            # the next page is below the oldest of this one
            return ids, min_id(*ids)

        cursor = RangeCursor(self.store, "mastodon", key, stream)
        gap = cursor.walk(
            max_posts, read_page, lambda n: self.progress(stream, n, max_posts), written.get
        )
        if gap is not None:  # the posts the cap left, older or between runs, are said
            note_cap(report, stream, gap)

    def _statuses(self, page: Any, what: str, report: FetchReport) -> list[Any]:
        """A page of statuses. An instance may answer 200 with an error object instead (a
        proxy, a server half up): taken as the last page, the stream was marked read whole."""
        if isinstance(page, list) and (not page or any(isinstance(s, dict) for s in page)):
            return page
        report.stopped = "error"
        try:
            body = getattr(self.client, "answer", None).json()  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            body = page
        said = body.get("error") if isinstance(body, dict) else None
        answer = f"with an error ({said})" if said else "something other than a list of posts"
        raise FetchError(
            f"{what}: {self._host()} answered {answer} (HTTP 200)",
            hint=resume_hint(report, otherwise="try again later"),
        )


def account_notes(raw: dict[str, Any], what: str, instance: str) -> list[str]:
    """What the instance says of the account besides its posts: it moved (its new posts are on
    the new account, which the old one no longer gets), or it is suspended (it shows none)."""
    notes = []
    moved = raw.get("moved")
    acct = str(moved.get("acct") or "") if isinstance(moved, dict) else ""
    if acct:
        new = acct if "@" in acct else f"{acct}@{instance}"  # acct is relative to the instance
        notes.append(
            f"{what} has moved to @{new}: its new posts are there"
            f" ({FETCH_MOVED_MASTODON.say(handle=f'@{new}')})"
        )
    if raw.get("suspended") is True:
        notes.append(f"{what} is suspended on {instance}: it shows no posts")
    return notes


def _account_with_local_id(raw: Any) -> Account:
    """The looked-up account; its instance-local ``id`` is needed to page its statuses."""
    if not isinstance(raw, dict) or raw.get("id") is None:
        raise ValueError("account without its 'id'")
    return account_from_mastodon(raw)


def fetch_mastodon(
    store: Store,
    acct: str,
    *,
    max_posts: int = 400,
    base_url: str | None = None,
    client: Any = None,
    **options: Unpack[FetcherOptions],
) -> FetchReport:
    """Convenience: fetch with the user's config (see :class:`MastodonFetcher`)."""
    fetcher = MastodonFetcher(store, base_url=base_url, client=client, **options)
    return fetcher.fetch(acct, max_posts=max_posts)


def fetch_account(store: Store, handle: str, report: FetchReport | None = None) -> Account:
    """Only the account and avatar: what ``add-handles`` needs; ``report``, when given,
    counts the lookup and takes what the instance says of the account (moved, suspended)."""
    fetcher = MastodonFetcher(store)
    user, instance = mastodon_account(handle, fetcher.default_instance)
    report = report or FetchReport(platform="mastodon", target=handle)
    account, _ = fetcher._lookup(
        fetcher._api(instance), user, instance, report, PageWriter(store, SOURCE, report)
    )
    return account


__all__ = ["MastodonFetcher", "fetch_account", "fetch_mastodon"]
