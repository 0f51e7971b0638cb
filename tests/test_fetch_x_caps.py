"""``fetch x`` cut by its cap on a first run, against the local X (real tweepy client): the
mentions left older than ``--max-mentions`` are said, in words and in ``--json``, and a run
with a higher cap reads them; a timeline cut at X's own limit points to the archive."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

from _fake_api import interrupted_after
from staffpulse.cli import app
from staffpulse.fetch.x import CAPS
from staffpulse.store import Store
from x_fetch_helpers import FakeX, post_count, x_fetcher


def test_mentions_past_the_cap_are_said_and_a_higher_cap_reads_them(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = FakeX(httpserver, n=3, m=150)
    first = x_fetcher(httpserver, store, []).fetch("AcmeStaffing")  # default cap: 100
    assert first.stopped is None and post_count(store) == 3 + 100
    assert first.capped == [
        {"stream": "mentions", "cap": 100, "option": "--max-mentions", "left": "older"}
    ]
    assert first.notes == [
        "Stopped at the 100-mention cap (--max-mentions): the newest 100 mentions are fetched,"
        " and any older ones are not; to get them, fetch again with a higher cap, e.g."
        " --max-mentions 200 (the next run reads older ones too, up to that many mentions in"
        " all)"
    ]
    oldest_read = fake.mentions[99]
    same = x_fetcher(httpserver, store, []).fetch("AcmeStaffing")  # the same cap: none older
    # nothing came, and the run says why rather than nothing at all
    assert (same.new_posts, same.capped) == (0, first.capped)
    assert same.notes == [
        "No new mentions under the 100-mention cap (--max-mentions): the newest 100 mentions"
        " are stored already, and any older ones are not; to get them, fetch again with a"
        " higher cap, e.g. --max-mentions 200"
    ]
    higher = x_fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=200)
    assert higher.new_posts == 50 and higher.notes == [] and post_count(store) == 153
    asked = [a for p, a in fake.requests if p.endswith("/mentions")][-1]
    assert asked["until_id"] == oldest_read and "since_id" not in asked


def test_the_cli_tells_the_mentions_cap_on_stderr_and_in_json(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    FakeX(httpserver, n=2, m=30)
    config = tmp_path / "config.toml"
    config.write_text(
        f'[x]\nbase_url = "{httpserver.url_for("").rstrip("/")}"\n[fetch]\ntimeout_seconds = 10\n'
    )
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(config))
    monkeypatch.setenv("X_BEARER_TOKEN", "token-from-env")
    db = str(tmp_path / "db.sqlite")
    shown = CliRunner().invoke(app, ["fetch", "x", "@AcmeStaffing", "--max-mentions", "10",
                                     "--db", db])  # fmt: skip
    assert shown.exit_code == 0, shown.output
    told = " ".join(shown.stderr.split())
    assert "Stopped at the 10-mention cap (--max-mentions)" in told
    assert "e.g. --max-mentions 20" in told
    again = CliRunner().invoke(app, ["fetch", "x", "@AcmeStaffing", "--max-mentions", "10",
                                     "--db", db])  # fmt: skip
    assert again.exit_code == 0 and "Fetched 0 posts (0 new)" in again.stdout
    assert "No new mentions under the 10-mention cap" in " ".join(again.stderr.split())
    other = str(tmp_path / "other.sqlite")
    as_json = CliRunner().invoke(
        app, ["fetch", "x", "@AcmeStaffing", "--max-mentions", "10", "--db", other, "--json"]
    )
    assert as_json.exit_code == 0, as_json.output
    capped = json.loads(as_json.stdout)["capped"]
    assert capped == [
        {"stream": "mentions", "cap": 10, "option": "--max-mentions", "left": "older"}
    ]


def test_a_first_timeline_cut_at_xs_own_limit_points_to_the_archive(
    httpserver: HTTPServer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("staffpulse.fetch.x.TIMELINE_CAP", 10)  # X's 3,200, made small
    monkeypatch.setitem(CAPS, "timeline", ("post", "--max-posts", 10))
    FakeX(httpserver, n=15, m=0)
    report = x_fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=0)
    assert report.new_posts == 10 and report.capped == []
    assert report.notes == [
        "X serves only the newest 10 posts of an account: @AcmeStaffing's older posts are in"
        " its X archive (staffpulse import FILE)"
    ]


def test_more_mentions_than_x_serves_are_not_asked_for_and_that_is_said(
    httpserver: HTTPServer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("staffpulse.fetch.x.MENTIONS_CAP", 10)  # X's 800, made small
    monkeypatch.setitem(CAPS, "mentions", ("mention", "--max-mentions", 10))
    fake = FakeX(httpserver, n=1, m=30)
    report = x_fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=25)
    assert post_count(store) == 1 + 10 and report.capped == []
    assert report.notes == [
        "X serves only the newest 10 mentions of an account: --max-mentions 25 reads at most"
        " those 10"
    ]
    assert [int(a["max_results"]) for p, a in fake.requests if p.endswith("/mentions")] == [10]


def test_a_run_that_reads_below_an_earlier_cap_says_so_and_its_cost_before_asking_x(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = FakeX(httpserver, n=30, m=10)
    x_fetcher(httpserver, store, []).fetch("AcmeStaffing", max_posts=5, max_mentions=4)
    told: list[tuple[str, int]] = []

    def fetch(**caps: int) -> None:
        notify = lambda message: told.append((message, len(fake.requests)))  # noqa: E731
        x_fetcher(httpserver, store, [], notify=notify).fetch("AcmeStaffing", **caps)

    fetch(max_posts=5, max_mentions=4)  # the same caps read nothing older: nothing said
    assert told == []
    before = len(fake.requests)
    fetch()  # no --max-posts: X's 3,200, and the default 100 mentions
    # said before the first (paid) request: this run is no longer the cheap one it was
    assert told == [
        (
            "@AcmeStaffing: an earlier run stopped at its cap (5 posts, 4 mentions), so this"
            " one also reads the older ones it left: up to 3,195 posts and 96 mentions, at"
            " most $17.415 of the estimate; to fetch only what is new, give --max-posts 5"
            " --max-mentions 4",
            before,
        )
    ]
    assert post_count(store) == 30 + 10  # and it did read them
    told.clear()
    fetch(max_posts=50, max_mentions=20)  # nothing is left below: nothing said
    assert told == []


def test_a_capped_run_suggests_no_higher_cap_than_the_mentions_x_serves(
    httpserver: HTTPServer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(CAPS, "mentions", ("mention", "--max-mentions", 10))  # X's 800
    FakeX(httpserver, n=1, m=30)
    report = x_fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=6)
    # twice 6 is past what X serves: a higher cap would read no more than 10
    assert "fetch again with a higher cap, e.g. --max-mentions 10 " in report.notes[0]


def _mentions_asked(fake: FakeX, since: int) -> list[tuple[str | None, str | None, str]]:
    return [
        (a.get("since_id"), a.get("until_id"), a["max_results"])
        for p, a in fake.requests[since:]
        if p.endswith("/mentions")
    ]


def test_a_run_stopped_above_a_cut_counts_what_it_stored_so_no_more_older_ones_are_read(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = FakeX(httpserver, n=3, m=400)
    x_fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=100)  # 20301 and older left
    fake.mentions[:0] = [str(21_000 + i) for i in range(150, 0, -1)]  # 150 written since
    with pytest.raises(KeyboardInterrupt):  # stopped after the first page of new ones
        x_fetcher(httpserver, store, [], progress=interrupted_after(2)).fetch(
            "AcmeStaffing", max_mentions=300
        )
    before = len(fake.requests)
    again = x_fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=300)
    # the 50 new ones left, then only the 50 older ones that make the newest 300 (the
    # interrupted run's 100 went uncounted, and 100 more older ones were read and billed)
    assert _mentions_asked(fake, before) == [
        ("20400", "21051", "100"),
        ("21150", None, "100"),
        (None, "20301", "50"),
    ]
    assert again.new_posts == 100 and post_count(store) == 3 + 300
    assert "the newest 300 mentions are fetched" in again.notes[0]


def test_a_first_run_stopped_early_goes_on_as_a_first_run_not_as_a_gap_read_on_every_run(
    httpserver: HTTPServer, store: Store
) -> None:
    fake = FakeX(httpserver, n=3, m=400)
    with pytest.raises(KeyboardInterrupt):  # the newest 100 mentions stored, then Ctrl-C
        x_fetcher(httpserver, store, [], progress=interrupted_after(2)).fetch(
            "AcmeStaffing", max_mentions=150
        )
    before = len(fake.requests)
    resumed = x_fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=150)
    assert _mentions_asked(fake, before) == [(None, "20301", "50")]  # on below, to 150 in all
    assert resumed.capped == [
        {"stream": "mentions", "cap": 150, "option": "--max-mentions", "left": "older"}
    ]
    before = len(fake.requests)
    same = x_fetcher(httpserver, store, []).fetch("AcmeStaffing", max_mentions=150)
    # nothing older (each run read a cap more older mentions, told of "a gap" each time)
    assert same.new_posts == 0 and same.notes[0].startswith(
        "No new mentions under the 150-mention cap (--max-mentions)"
    )
    assert _mentions_asked(fake, before) == [("20400", None, "100")]
    assert post_count(store) == 3 + 150
