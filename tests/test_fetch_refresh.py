"""Refreshing many accounts: one failing goes on to the next, a bad config or Ctrl-C ends the
run, X is skipped without a token and estimated before anything is fetched."""

from __future__ import annotations

from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from staffpulse.errors import ConfigError, FetchError, NotFoundError, StaffpulseError
from staffpulse.fetch.bluesky import BlueskyFetcher, make_client
from staffpulse.fetch.common import FetchReport
from staffpulse.fetch.refresh import (
    GUESSED_X,
    NO_CONNECTION,
    NO_X_TOKEN,
    NOT_REACHED,
    refresh_accounts,
)
from staffpulse.fetch.refresh_limits import RefreshLimits, estimate_x, x_cost
from staffpulse.fetch.refresh_targets import RefreshPlan, RefreshTarget
from staffpulse.fetch.refresh_wording import grouped_hints
from staffpulse.store import Store

CONFIG: dict[str, Any] = {"fetch": {"timeout_seconds": 5.0}}


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """The servers are asked directly, as where no proxy is set."""
    for name in ("https_proxy", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)


class FakeFetcher:
    """Answers each handle as told: a number of new posts, or an error to raise."""

    def __init__(self, platform: str, answers: dict[str, int | BaseException]) -> None:
        self.platform, self.answers = platform, answers
        self.asked: list[tuple[str, dict[str, Any]]] = []

    def fetch(self, handle: str, **limits: Any) -> FetchReport:
        self.asked.append((handle, limits))
        answer = self.answers[handle]
        if isinstance(answer, BaseException):
            raise answer
        return FetchReport(self.platform, handle, posts=answer, new_posts=answer)


def _plan(*targets: tuple[str, str]) -> RefreshPlan:
    return RefreshPlan([RefreshTarget(p, h) for p, h in targets], "cohort.csv")


def test_a_failing_account_is_reported_and_the_next_one_fetched(store: Store) -> None:
    bluesky = FakeFetcher(
        "bluesky",
        {"gone.bsky.social": NotFoundError("@gone.bsky.social: Bluesky said Profile not found",
                                           hint="check the handle"),
         "acme.bsky.social": 4},
    )  # fmt: skip
    down = FetchError("mastodon.example: no connection", hint="check your connection")
    mastodon = FakeFetcher("mastodon", {"acme@mastodon.example": down})
    plan = _plan(
        ("bluesky", "gone.bsky.social"), ("mastodon", "acme@mastodon.example"),
        ("bluesky", "acme.bsky.social"),
    )  # fmt: skip
    seen: list[str] = []
    report = refresh_accounts(
        store, plan, RefreshLimits(), config=CONFIG,
        fetchers={"bluesky": bluesky, "mastodon": mastodon},
        on_result=lambda result: seen.append(result.status), reach=lambda server: True,
    )  # fmt: skip
    assert seen == ["failed", "failed", "ok"]
    gone, instance, acme = report.results
    assert gone.hint == "check the handle" and gone.exit_code == 66
    assert instance.message == "mastodon.example: no connection" and instance.exit_code == 75
    assert acme.new_posts == 4 and report.new_posts == 4
    assert report.exit_code == 1 and report.as_dict()["totals"]["failed"] == 2
    # each platform's defaults: a week of posts, Bluesky's follows
    assert bluesky.asked[-1] == ("acme.bsky.social", {"max_posts": 1000, "max_follows": 500})


def test_with_no_connection_the_run_stops_after_the_first_failure(store: Store) -> None:
    offline = FetchError("public.api.bsky.app: no connection", hint="check your connection")
    bluesky = FakeFetcher("bluesky", {"a.bsky.social": offline, "b.bsky.social": 3})
    asked: list[tuple[str, int]] = []
    plan = _plan(("bluesky", "a.bsky.social"), ("mastodon", "c@m.example"),
                 ("bluesky", "b.bsky.social"))  # fmt: skip
    report = refresh_accounts(
        store, plan, RefreshLimits(), config=CONFIG, fetchers={"bluesky": bluesky},
        reach=lambda server: asked.append(server) is not None,  # nothing answers
    )  # fmt: skip
    assert [(r.status, r.message) for r in report.results[1:]] == [
        ("skipped", NO_CONNECTION), ("skipped", NO_CONNECTION),
    ]  # fmt: skip
    assert [handle for handle, _ in bluesky.asked] == ["a.bsky.social"]
    assert asked == [("public.api.bsky.app", 443), ("m.example", 443)]  # each server once
    assert report.exit_code == 75 and report.as_dict()["no_connection"] is True
    # the first account failed for want of a connection too: no advice of its own (its
    # server's address in the config file) beside the run's "check the connection"
    assert report.results[0].status == "failed" and grouped_hints(report) == []


def test_with_no_connection_an_x_account_with_no_token_still_says_the_token(
    store: Store,
) -> None:
    # the dashboard said before the run "X: 2 accounts skipped, no X bearer token"; its end
    # must not say one of them was skipped for want of a connection, which alone fixes nothing
    offline = FetchError("public.api.bsky.app: no connection", hint="check your connection")
    bluesky = FakeFetcher("bluesky", {"a.bsky.social": offline})
    plan = RefreshPlan(
        [RefreshTarget("bluesky", "a.bsky.social"), RefreshTarget("x", "acme"),
         RefreshTarget("x", "guessed", guessed=True), RefreshTarget("mastodon", "c@m.example")],
        "cohort.csv",
    )  # fmt: skip
    report = refresh_accounts(
        store, plan, RefreshLimits(), config=CONFIG, fetchers={"bluesky": bluesky},
        reach=lambda server: False,
    )  # fmt: skip
    assert [(r.status, r.message) for r in report.results[1:]] == [
        ("skipped", NO_X_TOKEN), ("skipped", GUESSED_X), ("skipped", NO_CONNECTION),
    ]  # fmt: skip
    assert report.offline and report.exit_code == 75


def test_one_instance_down_does_not_stop_the_other_accounts(store: Store) -> None:
    down = FetchError("m.example: no connection", hint="check your connection")
    mastodon = FakeFetcher("mastodon", {"a@m.example": down, "b@m.example": down})
    bluesky = FakeFetcher("bluesky", {"c.bsky.social": 3})
    plan = _plan(("mastodon", "a@m.example"), ("mastodon", "b@m.example"),
                 ("bluesky", "c.bsky.social"))  # fmt: skip
    report = refresh_accounts(
        store, plan, RefreshLimits(), config=CONFIG,
        fetchers={"bluesky": bluesky, "mastodon": mastodon},
        reach=lambda server: server[0] != "m.example",  # the AppView answers
    )  # fmt: skip
    assert [r.status for r in report.results] == ["failed", "failed", "ok"]
    assert report.exit_code == 1 and not report.offline


def test_ctrl_c_while_the_network_is_asked_still_keeps_the_table(store: Store) -> None:
    down = FetchError("m.example: no connection", hint="check your connection")
    mastodon = FakeFetcher("mastodon", {"a@m.example": down})
    plan = _plan(("mastodon", "a@m.example"), ("bluesky", "b.bsky.social"))

    def pressed(server: tuple[str, int]) -> bool:
        raise KeyboardInterrupt

    report = refresh_accounts(
        store, plan, RefreshLimits(), config=CONFIG, fetchers={"mastodon": mastodon}, reach=pressed
    )
    assert [(r.status, r.message) for r in report.results] == [
        ("failed", "m.example: no connection"), ("skipped", NOT_REACHED),
    ]  # fmt: skip
    assert report.exit_code == 130


def test_an_account_not_found_asks_nothing_of_the_network(store: Store) -> None:
    gone = NotFoundError("@gone.bsky.social: Bluesky said Profile not found")
    bluesky = FakeFetcher("bluesky", {"gone.bsky.social": gone, "b.bsky.social": 1})
    plan = _plan(("bluesky", "gone.bsky.social"), ("bluesky", "b.bsky.social"))

    def unasked(server: tuple[str, int]) -> bool:
        raise AssertionError(f"{server} asked")

    report = refresh_accounts(
        store, plan, RefreshLimits(), config=CONFIG, fetchers={"bluesky": bluesky}, reach=unasked
    )
    assert [r.status for r in report.results] == ["failed", "ok"]


def test_every_account_refreshed_is_exit_code_0(store: Store) -> None:
    mastodon = FakeFetcher("mastodon", {"a@m.example": 0, "b@m.example": 2})
    report = refresh_accounts(
        store, _plan(("mastodon", "a@m.example"), ("mastodon", "b@m.example")),
        RefreshLimits(max_posts=50), config=CONFIG, fetchers={"mastodon": mastodon},
    )  # fmt: skip
    assert report.exit_code == 0 and report.new_posts == 2
    assert [limits for _, limits in mastodon.asked] == [{"max_posts": 50}] * 2


def test_a_bad_config_ends_the_run_as_every_account_would_fail(store: Store) -> None:
    broken = ConfigError("config.toml: [fetch] timeout_seconds must be a number")
    bluesky = FakeFetcher("bluesky", {"a.bsky.social": broken, "b.bsky.social": 1})
    with pytest.raises(ConfigError):
        refresh_accounts(
            store, _plan(("bluesky", "a.bsky.social"), ("bluesky", "b.bsky.social")),
            RefreshLimits(), config=CONFIG, fetchers={"bluesky": bluesky},
        )  # fmt: skip
    assert len(bluesky.asked) == 1


def test_ctrl_c_keeps_the_table_of_what_was_done(store: Store) -> None:
    bluesky = FakeFetcher(
        "bluesky", {"a.bsky.social": 3, "b.bsky.social": KeyboardInterrupt(), "c.bsky.social": 1}
    )
    plan = _plan(*(("bluesky", f"{n}.bsky.social") for n in "abc"))
    report = refresh_accounts(
        store, plan, RefreshLimits(), config=CONFIG, fetchers={"bluesky": bluesky}
    )
    assert [r.status for r in report.results] == ["ok", "partial", "skipped"]
    assert report.results[2].message == NOT_REACHED
    assert report.exit_code == 130 and report.as_dict()["interrupted"] is True
    assert [handle for handle, _ in bluesky.asked] == ["a.bsky.social", "b.bsky.social"]


def test_x_without_a_token_is_skipped_and_nothing_is_asked(store: Store) -> None:
    x = FakeFetcher("x", {"acme": 5})
    report = refresh_accounts(
        store, _plan(("x", "acme")), RefreshLimits(), config=CONFIG, fetchers={"x": x}
    )
    (result,) = report.results
    assert result.status == "skipped" and result.message == NO_X_TOKEN
    assert "X_BEARER_TOKEN" in str(result.hint) and not x.asked
    assert report.exit_code == 1


def test_an_x_account_read_from_a_bare_handle_is_paid_for_only_with_a_budget(
    store: Store,
) -> None:
    plan = RefreshPlan(
        [RefreshTarget("x", "acme", 1), RefreshTarget("x", "beta", 2, guessed=True)], "c.csv"
    )
    config = {**CONFIG, "secrets": {"x_bearer_token": "t"}}
    x = FakeFetcher("x", {"acme": 5, "beta": 7})
    unpaid = refresh_accounts(store, plan, RefreshLimits(), config=config, fetchers={"x": x})
    assert [r.status for r in unpaid.results] == ["ok", "skipped"]
    assert unpaid.results[1].message == GUESSED_X and [h for h, _ in x.asked] == ["acme"]
    assert unpaid.estimate_usd == estimate_x(_plan(("x", "acme")), RefreshLimits(), config)

    capped = RefreshLimits(budget=10.0)
    paid = refresh_accounts(store, plan, capped, config=config, fetchers={"x": x})
    assert [r.status for r in paid.results] == ["ok", "ok"] and paid.new_posts == 12


def test_the_x_estimate_counts_every_x_account_and_only_those() -> None:
    rates = {"x": {"cost_per_post_read": 0.005, "cost_per_user_read": 0.01}}
    plan = _plan(("x", "a"), ("x", "b"), ("bluesky", "c.bsky.social"))
    # each: the user lookup, 200 posts and 100 mentions with their authors
    assert estimate_x(plan, RefreshLimits(), rates) == pytest.approx(2 * (0.01 + 1.0 + 1.5))
    assert estimate_x(plan, RefreshLimits(max_posts=10, max_mentions=0), rates) == pytest.approx(
        2 * (0.01 + 0.05)
    )
    assert estimate_x(_plan(("bluesky", "c.bsky.social")), RefreshLimits(), rates) is None


@pytest.mark.parametrize(
    ("limits", "said"),
    [(RefreshLimits(max_posts=0), "--max-posts 0"),
     (RefreshLimits(max_follows=-1), "--max-follows -1"),
     (RefreshLimits(budget=0), "--budget 0")],
)  # fmt: skip
def test_limits_are_checked_before_any_account(
    store: Store, limits: RefreshLimits, said: str
) -> None:
    bluesky = FakeFetcher("bluesky", {"a.bsky.social": 1})
    with pytest.raises(StaffpulseError, match=said):
        refresh_accounts(
            store, _plan(("bluesky", "a.bsky.social")), limits, config=CONFIG,
            fetchers={"bluesky": bluesky},
        )  # fmt: skip
    assert not bluesky.asked


def test_a_fetch_failing_halfway_counts_what_it_kept(store: Store, httpserver: HTTPServer) -> None:
    from test_fetch_bluesky import FakeAppView

    appview = FakeAppView(httpserver, n=12)
    appview.fail[3] = (400, {})  # the profile and the feed come back; follows are refused
    config: dict[str, Any] = {"fetch": {"timeout_seconds": 10.0}}
    fetcher = BlueskyFetcher(
        store, config=config, client=make_client(httpserver.url_for(""), 10.0), avatars=False
    )
    report = refresh_accounts(
        store, _plan(("bluesky", "acme.bsky.social")), RefreshLimits(), config=config,
        fetchers={"bluesky": fetcher},
    )  # fmt: skip
    (result,) = report.results
    assert result.status == "failed" and result.exit_code == 65
    assert result.new_posts == 12 and result.run_id is not None  # kept, and said
    assert report.new_posts == 12


def test_the_x_estimate_said_before_the_run_is_the_one_reported_not_worked_out_again(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from staffpulse.fetch import refresh_limits

    plan = _plan(("x", "acme"), ("bluesky", "c.bsky.social"))
    config = {**CONFIG, "secrets": {"x_bearer_token": "t"}}
    cost = x_cost(plan, RefreshLimits(budget=3.0), config)
    assert cost.accounts == 1 and cost.has_token and cost.budget_usd == 3.0

    def again(*args: object) -> None:
        raise AssertionError("the estimate was worked out a second time")

    monkeypatch.setattr(refresh_limits, "estimate_x", again)
    fetchers = {
        "x": FakeFetcher("x", {"acme": 2}),
        "bluesky": FakeFetcher("bluesky", {"c.bsky.social": 1}),
    }
    report = refresh_accounts(
        store, plan, RefreshLimits(budget=3.0), config=config, fetchers=fetchers, cost=cost
    )
    assert report.estimate_usd == cost.estimate_usd and report.budget_usd == 3.0
    assert report.new_posts == 3


def test_the_last_account_failing_offline_behind_skipped_x_accounts_is_no_connection(
    store: Store,
) -> None:
    """X accounts without a token first, the one Bluesky account last: its failure asks the
    network too (its server and the ones before it), so the run exits 75, not 1."""
    offline = FetchError("public.api.bsky.app: no connection", hint="check your connection")
    bluesky = FakeFetcher("bluesky", {"a.bsky.social": offline})
    plan = _plan(("x", "acme"), ("x", "other"), ("bluesky", "a.bsky.social"))
    asked: list[tuple[str, int]] = []
    report = refresh_accounts(
        store, plan, RefreshLimits(), config=CONFIG, fetchers={"bluesky": bluesky},
        reach=lambda server: asked.append(server) is not None,  # nothing answers
    )  # fmt: skip
    assert [r.status for r in report.results] == ["skipped", "skipped", "failed"]
    assert asked == [("public.api.bsky.app", 443), ("api.x.com", 443)]
    assert report.offline and report.exit_code == 75
    assert grouped_hints(report) == []  # the run's last line says what to do

    online = refresh_accounts(
        store, plan, RefreshLimits(), config=CONFIG, fetchers={"bluesky": bluesky},
        reach=lambda server: server[0] == "api.x.com",  # X answers: the AppView alone is down
    )  # fmt: skip
    assert not online.offline and online.exit_code == 1


def test_an_account_refreshed_alone_failing_offline_keeps_its_own_message(store: Store) -> None:
    """With no other account there is no other server to ask: its instance down or misspelt
    is not said as 'No connection', and its hint (check the address) is kept."""
    down = FetchError("m.exampel: not found", hint="check the instance's address")
    mastodon = FakeFetcher("mastodon", {"ann@m.exampel": down})
    plan = _plan(("mastodon", "ann@m.exampel"))
    report = refresh_accounts(
        store, plan, RefreshLimits(), config=CONFIG, fetchers={"mastodon": mastodon},
        reach=lambda server: False,  # its server does not answer
    )  # fmt: skip
    assert not report.offline and report.exit_code == 1
    assert report.results[0].hint == "check the instance's address"
