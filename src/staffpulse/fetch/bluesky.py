"""``staffpulse fetch bluesky``: profile, author feed, follows and followers via the atproto SDK.

Uses ``atproto.Client`` against the public AppView (``[bluesky] appview_url``, no login).
Every response is turned into plain JSON and read by the same transformer as saved files
(:func:`staffpulse.sources.bluesky.rows_from_bluesky`). The feed is paginated by cursor; an
interrupted run, or one cut by its cap before the posts already stored, leaves its cursor
behind and the next run continues from it, then reads the newest posts until it meets ones
already stored.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from typing import Any, Unpack
from urllib.parse import urlparse

from staffpulse.config import setting_str
from staffpulse.config_secrets import secrets_hidden
from staffpulse.errors import AuthError, FetchError, InputError, NotFoundError, StaffpulseError
from staffpulse.fetch.bluesky_errors import answer_shape, error_details, failure_hint, reset_epoch
from staffpulse.fetch.bluesky_feed import PAGE, FeedWalk, stored_post_time
from staffpulse.fetch.bluesky_items import item_id
from staffpulse.fetch.bluesky_pages import EmptyPages, dropped_list_note, goes_on
from staffpulse.fetch.common import (
    DEFAULT_MAX_FOLLOWS,
    Backoff,
    FetcherBase,
    FetcherOptions,
    FetchReport,
    PageWriter,
    check_count,
    read_lookup,
    recorded_run,
)
from staffpulse.fetch.cursors import Gap, load_cursor_state, save_cursor_state
from staffpulse.fetch.handles import bluesky_handle
from staffpulse.fetch.resume import note_cap
from staffpulse.fetch.tls import raise_lasting
from staffpulse.models import Account
from staffpulse.next_steps import (
    CHECK_APPVIEW,
    CHECK_APPVIEW_CONFIG,
    REQUEST_FAILED,
)
from staffpulse.signals.avatar_defaults import default_from_metadata
from staffpulse.sources.bluesky import account_from_profile, rows_from_bluesky
from staffpulse.store import Store

SOURCE = "bluesky-api"
# XRPC errors of an account that exists but shows nothing (the AppView's words, HTTP 400)
GONE = frozenset({"AccountTakedown", "AccountDeactivated", "BlockedActor", "BlockedByActor"})


def make_client(appview_url: str, timeout: float) -> Any:
    from atproto import Client
    from atproto_client.request import Request

    return Client(base_url=appview_url, request=Request(timeout=timeout))


def _as_json(model: Any) -> dict[str, Any]:
    from atproto_client.models.utils import get_model_as_dict

    data = get_model_as_dict(model) if not isinstance(model, dict) else model
    return json.loads(json.dumps(data, default=str))  # type: ignore[no-any-return]


class BlueskyFetcher(FetcherBase):
    def __init__(
        self,
        store: Store,
        *,
        client: Any = None,
        **options: Unpack[FetcherOptions],
    ) -> None:
        super().__init__(store, **options)
        appview = setting_str(self.config, "bluesky", "appview_url")
        self.host = urlparse(appview).netloc or appview  # named in network errors
        self.client = client if client is not None else make_client(appview, self.timeout)

    def _call(
        self, what: str, method: Callable[..., Any], report: FetchReport, params: dict[str, Any]
    ) -> dict[str, Any]:
        import httpx
        from atproto_client import exceptions as ex

        # an answer that echoes the request must not show a token (config_secrets)
        with secrets_hidden(self.config):
            backoff = Backoff(self.retries, self.sleep, self.notify)
            while True:
                report.requests += 1
                try:
                    return _as_json(method({k: v for k, v in params.items() if v is not None}))
                except ex.RateLimitExceededError as exc:
                    backoff.wait_for_reset(
                        reset_epoch(exc), max_wait=self.max_wait, report=report, what=what
                    )
                except (ex.ModelError, ex.BadRequestError, ex.UnauthorizedError) as exc:
                    report.stopped = "error"
                    raise self._rejected(what, exc) from None
                except (ex.NetworkError, ex.RequestException, httpx.TransportError) as exc:
                    # a certificate or name that fails now fails again: said, not retried
                    raise_lasting(
                        exc, what, self.host, CHECK_APPVIEW_CONFIG.say(), report, service="Bluesky"
                    )
                    status = getattr(getattr(exc, "response", None), "status_code", None)
                    error = type(exc).__name__ + (f", HTTP {status}" if status else "")
                    problem = REQUEST_FAILED.say(name="Bluesky", host=self.host, error=error)
                    retryable = status is None or status >= 500 or status in (409, 413)
                    if retryable and backoff.retry(f"{what}: {problem}, retrying"):
                        continue
                    report.stopped = "error"
                    details = error_details(exc) if isinstance(exc, ex.RequestErrorBase) else ""
                    raise FetchError(
                        f"{what}: {problem}" + (f": {details}" if details else ""),
                        hint=failure_hint(status, report),
                    ) from None

    def _rejected(self, what: str, exc: Exception) -> StaffpulseError:
        """An answer from the AppView that is not worth asking again for, as the error people
        can act on."""
        from atproto_client import exceptions as ex

        if isinstance(exc, ex.UnauthorizedError):
            status = exc.response.status_code if exc.response is not None else 401
            return AuthError(
                f"{what}: the AppView at {self.host} refused the request (HTTP {status})",
                hint=f"the public AppView needs no login; {CHECK_APPVIEW.say()}",
            )
        if isinstance(exc, ex.BadRequestError):
            details = error_details(exc)
            if "not found" in details.lower():  # the AppView's answer for unknown actors
                return NotFoundError(f"{what}: Bluesky said {details}", hint="check the handle")
            if details.split(":")[0] in GONE:  # the handle is right: the account shows nothing
                return NotFoundError(
                    f"{what}: Bluesky does not show this account ({details})",
                    hint="a suspended, deactivated or blocked account shows nothing; if it comes"
                    " back, run the same command again",
                )
            return InputError(
                f"Bluesky rejected the request for {what} (HTTP 400)"
                + (f": {details}" if details else ""),
                hint="check the handle",
            )
        return FetchError(
            f"{what}: unexpected response from the AppView at {self.host} ({answer_shape(exc)})",
            hint=CHECK_APPVIEW_CONFIG.say(),
        )

    # -- the run ----------------------------------------------------------------------------
    def fetch(
        self, handle: str, *, max_posts: int = 1000, max_follows: int = DEFAULT_MAX_FOLLOWS
    ) -> FetchReport:
        handle = bluesky_handle(handle)
        check_count("max_posts", max_posts, 1)
        check_count("max_follows", max_follows, 0)
        report = FetchReport(platform="bluesky", target=handle)
        writer = PageWriter(self.store, SOURCE, report)
        with recorded_run(
            self.store,
            report,
            {"handle": handle, "max_posts": max_posts, "max_follows": max_follows},
        ):
            account = self._lookup(handle, report, writer)
            self._feed(account, report, writer, max_posts)
            for stream in ("follows", "followers"):
                self._graph(stream, account, report, writer, max_follows)
            return report

    def _lookup(self, handle: str, report: FetchReport, writer: PageWriter) -> Account:
        profile = self._call(
            f"@{handle}", self.client.app.bsky.actor.get_profile, report, {"actor": handle}
        )
        location = f"bluesky:getProfile/{handle}"
        account = read_lookup(writer, profile, location, f"@{handle}", account_from_profile)
        report.account_id = account.id
        if not default_from_metadata("bluesky", account.avatar_url):
            account = self.with_avatar(account, report)
        writer.write([account], location, profile)
        return account

    def _known(self, ids: list[str]) -> int:
        if not ids:
            return 0
        marks = ",".join("?" * len(ids))
        row = self.store.conn.execute(
            f"SELECT COUNT(*) FROM posts WHERE platform = 'bluesky' AND id IN ({marks})", ids
        ).fetchone()
        return int(row[0])

    def _feed(
        self, account: Account, report: FetchReport, writer: PageWriter, max_posts: int
    ) -> None:
        """The author feed, newest first, resumable (:class:`FeedWalk`)."""
        FeedWalk(
            self.store, account.id, report, max_posts,
            read_page=partial(self._feed_page, account, report, writer),
            shown=lambda fetched: self.progress("feed", fetched, max_posts),
            newest_stored=stored_post_time(self.store, account.id, newest=True),
        ).run()  # fmt: skip

    def _feed_page(
        self,
        account: Account,
        report: FetchReport,
        writer: PageWriter,
        cursor: str | None,
        limit: int,
    ) -> tuple[list[dict[str, Any]], int, str | None]:
        """One page of the author feed, stored: its items, how many were stored already, and
        the cursor of the next page."""
        page = self._call(
            f"@{account.handle} feed", self.client.app.bsky.feed.get_author_feed, report,
            {"actor": account.id, "limit": limit, "cursor": cursor},
        )  # fmt: skip
        items = [i for i in page.get("feed") or [] if isinstance(i, dict)]
        known = self._known([i for i in map(item_id, items) if i])
        location = f"bluesky:getAuthorFeed/{account.id}"
        writer.write_page(page, location, partial(rows_from_bluesky, page))
        return items, known, page.get("cursor")

    def _graph(
        self, stream: str, account: Account, report: FetchReport, writer: PageWriter, cap: int
    ) -> None:
        method = (
            self.client.app.bsky.graph.get_follows
            if stream == "follows"
            else self.client.app.bsky.graph.get_followers
        )
        # a run that stopped halfway left where it was: the next one goes on from there, its
        # pages counted against the same cap, instead of asking for the stored pages again
        if cap == 0:  # --max-follows 0: this run leaves the graph, and where it stopped, alone
            return
        key = ("bluesky", account.id, stream)
        state = load_cursor_state(self.store, *key)
        cursor: str | None = state.get("pending_cursor")
        fetched = int(state.get("fetched") or 0) if cursor else 0
        # the cap an earlier run said it stopped at: the list is read from the top each run,
        # so one with the same cap stops there again, and saying so every time was noise
        told = {"cap_said": state["cap_said"]} if state.get("cap_said") else {}
        empties = EmptyPages(stream, stream[:-1])
        ended: int | None = None  # how many were read when a full page came with no cursor
        # as many as the profile counts: the list's end, whatever page it ends on
        counted = account.followers if stream == "followers" else account.following
        while fetched < cap:
            asked, limit = cursor, min(PAGE, cap - fetched)
            page = self._call(
                f"@{account.handle} {stream}", method, report,
                {"actor": account.id, "limit": limit, "cursor": cursor},
            )  # fmt: skip
            people = page.get(stream) or []
            writer.write_page(
                page, f"bluesky:{stream}/{account.id}", partial(rows_from_bluesky, page)
            )
            fetched += len(people)
            self.progress(stream, fetched, cap)
            cursor = page.get("cursor")
            if not goes_on(asked, cursor):
                if not cursor and len(people) >= limit and fetched < min(cap, counted or cap):
                    ended = fetched  # the list's end, or a cursor dropped: cannot be told
                break
            pending = {"pending_cursor": cursor, "fetched": fetched, **told}
            save_cursor_state(self.store, *key, pending)
            if empties.too_many(len(people), report):  # where it stopped kept: read on next run
                return
        capped = fetched >= cap and bool(cursor)
        kept: dict[str, int] = {"cap_said": cap} if capped else {}
        if ended is not None:  # said, unless the last run ended so too: then the list's end
            kept["ended_at"] = ended
            if state.get("ended_at") != ended:
                report.notes.append(dropped_list_note(stream, stream[:-1], ended))
        save_cursor_state(self.store, *key, kept)
        if capped:  # more left: said (once for this cap), and a higher cap reads them
            said = Gap(cap, None, None, resumed=False, older=True)
            words = told.get("cap_said") != cap
            note_cap(report, stream, said, stream[:-1], "--max-follows", words=words)


def fetch_bluesky(
    store: Store,
    handle: str,
    *,
    max_posts: int = 1000,
    max_follows: int = DEFAULT_MAX_FOLLOWS,
    client: Any = None,
    **options: Unpack[FetcherOptions],
) -> FetchReport:
    """Convenience: fetch with the user's config (see :class:`BlueskyFetcher`)."""
    fetcher = BlueskyFetcher(store, client=client, **options)
    return fetcher.fetch(handle, max_posts=max_posts, max_follows=max_follows)


def fetch_account(store: Store, handle: str, report: FetchReport | None = None) -> Account:
    """Only the profile and avatar: what ``add-handles`` needs (``report``, when given,
    counts the lookup)."""
    fetcher = BlueskyFetcher(store)
    report = report or FetchReport(platform="bluesky", target=handle)
    return fetcher._lookup(bluesky_handle(handle), report, PageWriter(store, SOURCE, report))
