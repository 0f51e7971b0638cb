"""``staffpulse fetch x``: an account's profile, timeline and mentions, or a recent search,
through ``tweepy.Client``.

X API v2 is pay-per-use. The fetcher estimates the cost first (per-item rates from
config.toml), counts every post and user read as pages arrive, and sizes each page so that
even a full page cannot pass ``--budget``. Pages are written as they arrive; a re-run resumes
from where the last run stopped (see :class:`~staffpulse.fetch.cursors.RangeCursor`). Each
request, its waits, retries and errors, is :func:`~staffpulse.fetch.x_requests.call_x`; recent
search's seven-day window is fitted by :mod:`staffpulse.fetch.x_search_window`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from functools import partial
from typing import Any, Unpack
from urllib.parse import urlparse

import tweepy

from staffpulse.config import get_secret, setting_str
from staffpulse.config_secrets import secret_origin
from staffpulse.errors import (
    BudgetExceededError,
    InputError,
    MissingTokenError,
    NotFoundError,
)
from staffpulse.fetch.common import (
    FetcherBase,
    FetcherOptions,
    FetchReport,
    PageWriter,
    check_count,
    read_lookup,
    recorded_run,
)
from staffpulse.fetch.cursors import RangeCursor, newest_stored_post_id
from staffpulse.fetch.handles import x_handle
from staffpulse.fetch.resume import note_cap, stored_so_far
from staffpulse.fetch.x_client import (
    SEARCH_EXPANSIONS,
    SEARCH_USER_FIELDS,
    TWEET_FIELDS,
    USER_FIELDS,
    lookup_error,
    make_client,
    refusal,
    user_of_lookup,
)
from staffpulse.fetch.x_costs import (
    DEFAULT_MAX_MENTIONS,
    MAX_PAGE,
    MENTIONS_CAP,
    SEARCH_POSTS,
    SEARCH_POSTS_PER_RESULT,
    SEARCH_USERS_PER_RESULT,
    TIMELINE_CAP,
    Budget,
    PageCost,
    Rates,
    check_budget,
    estimate_cost,
    estimate_search_cost,
    money,
)
from staffpulse.fetch.x_older import older_reads_note
from staffpulse.fetch.x_reach import TimelineReach, out_of_reach_note
from staffpulse.fetch.x_requests import call_x
from staffpulse.fetch.x_search_window import fit_search_window, search_stream, searchable_since
from staffpulse.models import Account
from staffpulse.next_steps import RAISE_BUDGET, SET_X_TOKEN
from staffpulse.sources.twarc2 import EditTracker, rows_from_v2
from staffpulse.sources.x_ids import time_of_tweet_id
from staffpulse.store import Store

SOURCE = "x-api"
MIN_PAGE = 5
SEARCH_MIN_PAGE = 10  # recent search takes max_results 10..100
CAPS: dict[str, tuple[str, str, int | None]] = {
    "timeline": ("post", "--max-posts", TIMELINE_CAP),
    "mentions": ("mention", "--max-mentions", MENTIONS_CAP),
}


def require_x_token(config: Mapping[str, Any] | None = None) -> str:
    """The X bearer token (environment, else config.toml); MissingTokenError when there
    is none.
    The CLI asks before it prints the cost estimate, which means nothing without one."""
    token = get_secret("x_bearer_token", config)
    if not token:
        # "bearer token" alone told a marketer neither what it is nor where it comes from
        raise MissingTokenError(
            "no X bearer token: reading X needs the Bearer Token of an app in X's developer"
            " portal (https://developer.x.com), and X charges for each post read",
            hint=SET_X_TOKEN.say(),
            free_way="the dashboard's Settings page (staffpulse serve) walks through it. For"
            " your own account's posts, importing its X archive is free and needs no token:"
            " request it in X's Settings (Download an archive of your data), then run"
            " staffpulse import on the ZIP it sends",
        )
    return token


class XFetcher(FetcherBase):
    def __init__(
        self,
        store: Store,
        *,
        client: tweepy.Client | None = None,
        budget: float | None = None,
        **options: Unpack[FetcherOptions],
    ) -> None:
        super().__init__(store, **options)
        check_budget(budget)
        base_url = setting_str(self.config, "x", "base_url")
        self.host = urlparse(base_url).netloc or base_url  # named in network errors
        self.rates = Rates.from_config(self.config)
        # named when X refuses it (a client made by the caller is taken to carry it too)
        self.token_from = secret_origin("x_bearer_token", self.config)
        if client is None:
            token = require_x_token(self.config)
            client = make_client(token, base_url, self.timeout)
        self.client = client
        self.budget_limit = budget
        self.edits = EditTracker()

    # -- one request, with waits and retries --------------------------------------------
    def _call(
        self,
        what: str,
        method: Callable[..., Any],
        report: FetchReport,
        cost: PageCost,
        **params: Any,
    ) -> dict[str, Any]:
        """X's answer; ``cost`` is the most X can bill for it (its page's worst case)."""
        return call_x(
            what, method, report, params, host=self.host, retries=self.retries,
            max_wait=self.max_wait, sleep=self.sleep, notify=self.notify, config=self.config,
            token_from=self.token_from, cost=cost,
        )  # fmt: skip

    # -- the run --------------------------------------------------------------------------
    def fetch(
        self,
        handle: str,
        *,
        max_posts: int | None = None,
        max_mentions: int = DEFAULT_MAX_MENTIONS,
        since: datetime | None = None,
    ) -> FetchReport:
        """Profile, timeline (``max_posts`` None: all X serves) and mentions of ``handle``."""
        handle = x_handle(handle)  # before any (paid) request
        max_posts = TIMELINE_CAP if max_posts is None else max_posts
        check_count("max_posts", max_posts, 1)
        check_count("max_mentions", max_mentions, 0)
        report = FetchReport(platform="x", target=handle, budget_usd=self.budget_limit)
        report.estimate_usd = estimate_cost(self.rates, max_posts, max_mentions)["total"]
        older = older_reads_note(self.store, handle, self.rates, max_posts, max_mentions)
        if older is not None:  # said before any paid request: a plain re-run used to be cheap
            self.notify(older)
        budget = Budget(self.budget_limit, self.rates, report)
        if budget.affordable(self.rates.user) < 1:
            raise BudgetExceededError(
                f"a budget of {money(self.budget_limit or 0)} does not cover even the user"
                f" lookup ({money(self.rates.user)})",
                hint=RAISE_BUDGET.say(),
            )
        writer = PageWriter(self.store, SOURCE, report)
        with recorded_run(
            self.store, report,
            {"handle": handle, "max_posts": max_posts, "max_mentions": max_mentions,
             "since": since.isoformat() if since else None, "budget": self.budget_limit},
        ):  # fmt: skip
            account = self._lookup(handle, report, budget, writer)
            self._stream(
                "timeline", self.client.get_users_tweets, account, report, budget, writer,
                max_total=min(max_posts, TIMELINE_CAP), per_item=self.rates.post, since=since,
            )  # fmt: skip
            if max_mentions > MENTIONS_CAP:  # asked for more than X gives: said, not unsaid
                report.notes.append(
                    f"X serves only the newest {MENTIONS_CAP} mentions of an account:"
                    f" --max-mentions {max_mentions:,} reads at most those {MENTIONS_CAP}"
                )
            if max_mentions > 0 and report.stopped is None:
                self._stream(
                    "mentions", self.client.get_users_mentions, account, report, budget, writer,
                    max_total=min(max_mentions, MENTIONS_CAP),
                    per_item=self.rates.post + self.rates.user, since=since,
                    extra={"expansions": ["author_id"], "user_fields": USER_FIELDS},
                )  # fmt: skip
            return report

    def _lookup(
        self, handle: str, report: FetchReport, budget: Budget, writer: PageWriter
    ) -> Account:
        page = self._call(
            f"@{handle}", self.client.get_user, report, PageCost(1, self.rates.user, budget),
            username=handle,
            user_fields=USER_FIELDS,
        )  # fmt: skip
        budget.charge(0, 1)
        if not page.get("data"):
            detail = lookup_error(page)
            raise NotFoundError(
                f"no X account @{handle}" + (f" ({detail})" if detail else ""),
                hint="check the spelling of the handle",
            )
        location = f"x:users/by/username/{handle}"
        account = read_lookup(writer, page, location, f"@{handle}", user_of_lookup)
        report.account_id = account.id
        account = self.with_avatar(account, report)
        writer.write([account], location, page)
        return account

    def _stream(
        self,
        stream: str,
        method: Callable[..., Any],
        account: Account,
        report: FetchReport,
        budget: Budget,
        writer: PageWriter,
        *,
        max_total: int,
        per_item: float,
        since: datetime | None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        floor = newest_stored_post_id(self.store, "x", account.id) if stream == "timeline" else None
        self._pages(
            f"@{account.handle} {stream}", stream, method,
            RangeCursor(self.store, "x", account.id, stream, floor_id=floor), report, budget,
            writer, max_total=max_total, per_item=per_item, min_page=MIN_PAGE,
            token_param="pagination_token", location=f"x:users/{account.id}/{stream}",
            params={"id": account.id, "start_time": since, "tweet_fields": TWEET_FIELDS,
                    **(extra or {})},
            reach=TimelineReach(self.store, account.id, account.handle)
            if stream == "timeline" else None,
        )  # fmt: skip

    def _pages(
        self,
        what: str,
        task: str,
        method: Callable[..., Any],
        cursor: RangeCursor,
        report: FetchReport,
        budget: Budget,
        writer: PageWriter,
        *,
        max_total: int,
        per_item: float,
        min_page: int,
        token_param: str,
        location: str,
        params: dict[str, Any],
        reach: TimelineReach | None = None,
    ) -> None:
        """Newest-first pages of one id-ranged stream, sized to fit the budget, resumable;
        with ``reach`` (a timeline), what X's limit of 3,200 posts left out is said."""

        def read_page(
            since_id: str | None, until_id: str | None, token: str | None, wanted: int
        ) -> tuple[list[str], str | None] | None:
            size = min(MAX_PAGE, max(min_page, wanted), budget.affordable(per_item))
            if size < min_page:
                # said once, by whoever shows the report (the CLI: on stderr, or in --json)
                report.stopped = "budget"
                return None
            try:
                page = self._call(
                    what, method, report, PageCost(size, per_item, budget, min_page),
                    max_results=size, since_id=since_id, until_id=until_id,
                    **{token_param: token}, **params,
                )  # fmt: skip
            except BudgetExceededError:
                # a lost answer's retry did not fit: the range stays pending, to resume
                return None
            refused = refusal(page) if task != "search" else None
            if refused is not None:  # before complete(): nothing of the stream was read
                raise NotFoundError(
                    f"{what}: X does not show these posts ({refused})",
                    hint=f"{stored_so_far(report)}; a protected account's posts are shown"
                    " only to the followers it approved, a suspended one's to no one"
                    " (import its X archive instead)",
                )
            data = [t for t in page.get("data") or [] if isinstance(t, dict)]
            found = page.get("includes")
            includes: dict[str, Any] = found if isinstance(found, dict) else {}
            budget.charge(
                len(data) + len(includes.get("tweets") or []), len(includes.get("users") or [])
            )
            if len(data) > wanted:
                page = {**page, "data": data[:wanted]}
                data = data[:wanted]
            writer.write_page(page, location, partial(rows_from_v2, page, self.edits))
            ids = [str(t["id"]) for t in data if t.get("id") is not None]
            next_token = (page.get("meta") or {}).get("next_token")
            if reach is not None:
                reach.page(since_id, until_id, ids, bool(data and next_token))
            return ids, (next_token or None) if data else None

        gap = cursor.walk(
            max_total, read_page, lambda fetched: self.progress(task, fetched, max_total),
            time_of_tweet_id,
        )  # fmt: skip
        # how a cap is named, and the most of the stream X serves (None: no such limit)
        noun, option, most = CAPS.get(task, ("post", "--max-posts", None))
        if reach is not None and gap is not None and not gap.older and max_total >= TIMELINE_CAP:
            # cut at X's own limit, not the user's: X serves none of the rest, so the gap is
            # said to be out of reach and closed, not left for a next run that gets nothing
            cursor.complete()
            note = out_of_reach_note(reach.handle, gap.since_at, gap.until_at)
            report.notes.append(note + ("; fetch again for its newest" if gap.resumed else ""))
        elif gap is not None and gap.older and most is not None and max_total >= most:
            # a first run at X's own limit: no higher cap gets older posts (an archive has a
            # timeline's); asking for more mentions than X serves was said before the run
            cursor.state.pop("older", None)
            cursor.save()
            if reach is not None:
                report.notes.append(
                    f"X serves only the newest {TIMELINE_CAP:,} posts of an account:"
                    f" @{reach.handle}'s older posts are in its X archive (staffpulse import FILE)"
                )
        elif gap is not None:  # the posts the cap left, older or between runs, are said
            note_cap(report, task, gap, noun, option, most)
        elif reach is not None:  # X ended its pages before the last run's posts
            report.notes.extend(reach.notes())

    # -- recent search ------------------------------------------------------------------
    def search(
        self, query: str, *, max_posts: int | None = None, since: datetime | None = None
    ) -> FetchReport:
        """Recent search (last seven days) for ``query``; a re-run asks only for newer posts.
        ``max_posts`` None: :data:`~staffpulse.fetch.x_costs.SEARCH_POSTS` results."""
        query = query.strip()
        max_posts = SEARCH_POSTS if max_posts is None else max_posts
        if not query:
            raise InputError("the search query is empty", hint='e.g. --search "hiring nurses"')
        check_count("max_posts", max_posts, 1)
        report = FetchReport(platform="x", target=f"search:{query}", budget_usd=self.budget_limit)
        report.estimate_usd = estimate_search_cost(self.rates, max_posts)["total"]
        budget = Budget(self.budget_limit, self.rates, report)
        per_item = (
            SEARCH_POSTS_PER_RESULT * self.rates.post + SEARCH_USERS_PER_RESULT * self.rates.user
        )
        if budget.affordable(per_item) < SEARCH_MIN_PAGE:
            raise BudgetExceededError(
                f"a budget of {money(self.budget_limit or 0)} does not cover even one search page"
                f" ({SEARCH_MIN_PAGE} results at up to {money(per_item)} each)",
                hint=RAISE_BUDGET.say(),
            )
        since = searchable_since(since, self.notify)
        cursor = RangeCursor(self.store, "x", "", search_stream(query))
        fit_search_window(cursor)
        writer = PageWriter(self.store, SOURCE, report)
        with recorded_run(
            self.store, report,
            {"search": query, "max_posts": max_posts,
             "since": since.isoformat() if since else None, "budget": self.budget_limit},
        ):  # fmt: skip
            self._pages(
                f"search {query!r}", "search", self.client.search_recent_tweets,
                cursor, report, budget, writer,
                max_total=max_posts, per_item=per_item, min_page=SEARCH_MIN_PAGE,
                token_param="next_token", location=f"x:tweets/search/recent?query={query}",
                params={"query": query, "start_time": since, "expansions": SEARCH_EXPANSIONS,
                        "tweet_fields": TWEET_FIELDS, "user_fields": SEARCH_USER_FIELDS},
            )  # fmt: skip
            return report


def fetch_x(
    store: Store,
    handle: str,
    *,
    max_posts: int | None = None,
    max_mentions: int = DEFAULT_MAX_MENTIONS,
    since: datetime | None = None,
    client: tweepy.Client | None = None,
    budget: float | None = None,
    **options: Unpack[FetcherOptions],
) -> FetchReport:
    """Convenience: fetch with the user's config and token (see :class:`XFetcher`)."""
    fetcher = XFetcher(store, client=client, budget=budget, **options)
    return fetcher.fetch(handle, max_posts=max_posts, max_mentions=max_mentions, since=since)


def fetch_account(store: Store, handle: str, report: FetchReport | None = None) -> Account:
    """Only the profile (one user read) and avatar: what ``add-handles`` needs (``report``,
    when given, counts the lookup)."""
    fetcher = XFetcher(store)
    report = report or FetchReport(platform="x", target=handle)
    budget = Budget(None, fetcher.rates, report)
    return fetcher._lookup(x_handle(handle), report, budget, PageWriter(store, SOURCE, report))
