"""Reaching an account from any page: the benchmark's rows link to their audits (rough grades
too), pickers read pasted profile addresses and odd handles and honour the platform named, the
X fetch names the handle it read, and the Accounts page shows the grades a cohort's benchmark
computed."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from web_helpers import (  # noqa: E402
    csrf_token,
    finished_job,
    make_client,
    native_jsonl,
    upload_files,
)

ODD = 'odd"name(5)'  # brackets of its own, before the picker's " (x)"
ACCOUNTS = [  # none has 10 posts: the default benchmark ranks them all (rough grades too)
    ("x", "busyfirm", 9),
    ("x", "smallfirm", 2),
    ("x", ODD, 2),
    ("bluesky", "ada.bsky.social", 3),
    ("mastodon", "jane@hr.example", 2),
    *[("x", f"firm{i}", 1) for i in range(4)],
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder = tmp_path_factory.mktemp("links")
    with make_client(folder / "links.db", home_limit=3) as c:  # too many to grade on home
        status = finished_job(c, upload_files(c, [("firms.jsonl", native_jsonl(ACCOUNTS))]))
        assert status["state"] == "done", status
        yield c


def _go(client: Any, typed: str) -> Any:
    return client.get("/audit-go", params={"account": typed})


def test_every_leaderboard_row_links_to_its_audit_rough_grades_too(client: Any) -> None:
    raw = client.get("/benchmark").text
    # a long handle may break at its dots, as in the report (narrow columns, print), not mid-word
    assert ">@ada<wbr>.bsky<wbr>.social</a>" in raw
    page = raw.replace("<wbr>", "")
    assert "only 2 posts of its own: a rough grade" in page
    for platform, handle, _posts in ACCOUNTS:
        from staffpulse.web.links import audit_url

        link = f'<a href="{escape(audit_url(platform, handle))}">@{escape(handle)}</a>'
        assert page.count(link) >= 1, handle
    top = page.split("Top of the table")[1].split("</table>")[0]
    assert top.count('<a href="/audit/') == 5  # the podium links too


def test_the_report_file_has_no_dashboard_links(client: Any) -> None:
    from staffpulse.report.html import render_benchmark_html

    result = client.app.state.web.backend.benchmark()
    report = render_benchmark_html(result)
    assert "<strong>@smallfirm</strong>" in report and 'href="/audit/' not in report


@pytest.mark.parametrize(
    ("typed", "where"),
    [
        ("https://x.com/busyfirm", "/audit/x/busyfirm"),
        ("x.com/busyfirm/status/1", "/audit/x/busyfirm"),
        ("https://bsky.app/profile/ada.bsky.social", "/audit/bluesky/ada.bsky.social"),
        ("https://hr.example/@jane", "/audit/mastodon/jane%40hr.example"),
        (f"@{ODD} (x)", "/audit/x/odd%22name%285%29"),
        (ODD, "/audit/x/odd%22name%285%29"),
        ("@smallfirm(x)", "/audit/x/smallfirm"),
    ],
)
def test_the_audit_picker_reads_profile_addresses_and_odd_handles(
    client: Any, typed: str, where: str
) -> None:
    go = _go(client, typed)
    assert go.status_code == 303, go.text
    assert go.headers["location"] == where


def test_the_audit_picker_explains_what_it_cannot_use(client: Any) -> None:
    unknown = _go(client, "https://example.com/about")
    assert unknown.status_code == 400
    assert "is not a profile URL staffpulse reads" in unknown.text
    platform = _go(client, "busyfirm (facebook)")
    assert platform.status_code == 400 and "unknown platform &#39;facebook&#39;" in platform.text
    elsewhere = _go(client, "@busyfirm (bluesky)")
    assert elsewhere.status_code == 404
    assert "@busyfirm is on X, not Bluesky" in elsewhere.text  # where it is, not just absent
    assert 'href="/audit/x/busyfirm">Open @busyfirm on X</a>' in elsewhere.text
    typo = _go(client, "@busyfrm (x)")
    assert "did you mean @busyfirm (x)?" in typo.text
    assert "check the spelling on the Accounts page" in typo.text
    assert "--platform" not in elsewhere.text + typo.text  # no terminal options on a page
    assert "staffpulse import" not in typo.text


def test_connect_takes_a_pasted_address_and_an_odd_handle(client: Any) -> None:
    bsky = client.get("/connect", params={"account": "https://bsky.app/profile/ada.bsky.social"})
    assert bsky.status_code == 200 and "Who @ada.bsky.social should follow" in bsky.text
    assert 'value="@ada.bsky.social (bluesky)"' in bsky.text
    odd = client.get("/connect", params={"account": f"@{ODD} (x)"})
    assert odd.status_code == 200 and f"Who @{escape(ODD)} should follow" in odd.text


def test_the_inbox_reads_an_address_and_honours_the_platform(client: Any) -> None:
    pasted = client.get("/inbox", params={"as": "https://x.com/busyfirm"}).text
    assert 'value="@busyfirm (x)"' in pasted
    assert "names no account" not in pasted and "Choose your account above" not in pasted
    other = client.get("/inbox", params={"as": "@busyfirm (bluesky)"}).text
    assert "“You post as” names no account in the store:" in other
    assert "@busyfirm is on X, not Bluesky" in other
    assert "none counts as joined" in other
    assert 'value="@busyfirm (bluesky)"' in other  # kept as typed, to be corrected
    bare = client.get("/inbox", params={"as": "nobody_here"}).text
    assert "names no account" not in bare  # a bare handle: the inbox's own note, as the CLI
    assert "nobody_here is not in the store" in bare


def test_the_x_fetch_names_the_handle_it_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    class Report:
        def as_dict(self) -> dict[str, Any]:
            return {"posts": 3}

    def fake_fetch(store: Any, handle: str, **kwargs: Any) -> Report:
        calls.append(handle)
        return Report()

    monkeypatch.setattr("staffpulse.fetch.x.fetch_x", fake_fetch)
    monkeypatch.setattr("staffpulse.fetch.bluesky.fetch_bluesky", fake_fetch)
    monkeypatch.setenv("X_BEARER_TOKEN", "test-token-not-real")
    form = {"platform": "x", "handle": "https://x.com/acmestaffing", "max_posts": "10"}
    with make_client(tmp_path / "fetch.db") as c:
        token = csrf_token(c)
        asked = c.post("/import/fetch", data={"csrf_token": token, **form})
        assert "handle=acmestaffing&" in asked.headers["location"]
        confirm = c.get(asked.headers["location"]).text
        assert 'Fetch <span dir="auto">@acmestaffing</span> from X?' in confirm
        assert "https://" not in confirm.split("<h1")[1].split("</h1>")[0]
        bsky = {"platform": "bluesky", "handle": "https://bsky.app/profile/acme.bsky.social"}
        status = finished_job(c, c.post("/import/fetch", data={"csrf_token": token, **bsky}))
    assert calls == ["acme.bsky.social"]
    assert status["label"] == "Live fetch of @acme.bsky.social on Bluesky"  # its display name
    assert status["result"]["summary"] == "Fetched 3 posts of @acme.bsky.social."


def test_home_shows_the_grades_of_the_cohort_the_benchmark_ranked(tmp_path: Path) -> None:
    with make_client(tmp_path / "home.db", home_limit=3) as client:
        status = finished_job(client, upload_files(client, [("f.jsonl", native_jsonl(ACCOUNTS))]))
        assert status["state"] == "done"
        _home_with_a_cohort(client)


def _home_with_a_cohort(client: Any) -> None:
    before = client.get("/").text
    assert (
        "it grades every account with enough posts of its own, and the grades then show" in before
    )
    assert 'class="gradebadge"' not in before
    token = csrf_token(client, "/benchmark")
    saved = client.post(
        "/benchmark/cohort",
        data={"csrf_token": token},
        files={"cohort": ("my firms.csv", b"busyfirm,x\nsmallfirm,x\n", "text/csv")},
    )
    assert saved.status_code == 303
    waiting = client.get("/").text
    assert "it ranks the accounts of your cohort" in waiting and "my firms.csv" in waiting
    assert client.get("/benchmark").status_code == 200  # ranks the cohort
    home = client.get("/").text
    assert "shows the grades of the 2 accounts of your cohort" in home
    assert home.count('class="gradebadge"') == 2
    busy = home.split('href="/audit/x/busyfirm"')[1].split("</a>")[0]
    assert 'class="gradebadge"' in busy


def test_home_keeps_the_cohort_grades_after_an_import_marked_as_earlier(tmp_path: Path) -> None:
    with make_client(tmp_path / "later.db", home_limit=3) as client:
        status = finished_job(client, upload_files(client, [("f.jsonl", native_jsonl(ACCOUNTS))]))
        assert status["state"] == "done"
        _home_with_a_cohort(client)
        assert "from before your last import" not in client.get("/").text
        more = native_jsonl([("x", "newfirm", 2)])
        assert finished_job(client, upload_files(client, [("more.jsonl", more)]))["state"] == "done"
        home = client.get("/").text
        assert "The grades below are from before your last import" in home
        assert home.count('class="gradebadge"') == 2  # not back to "Open the audit"
        assert client.get("/benchmark").status_code == 200  # ranks again
        updated = client.get("/").text
        assert "from before your last import" not in updated
        assert updated.count('class="gradebadge"') == 2


def test_a_new_cohort_file_does_not_show_the_old_cohort_grades(tmp_path: Path) -> None:
    with make_client(tmp_path / "swap.db", home_limit=3) as client:
        status = finished_job(client, upload_files(client, [("f.jsonl", native_jsonl(ACCOUNTS))]))
        assert status["state"] == "done"
        _home_with_a_cohort(client)
        token = csrf_token(client, "/benchmark")
        client.post(
            "/benchmark/cohort",
            data={"csrf_token": token},
            files={"cohort": ("other.csv", b"firm0,x\nfirm1,x\nfirm2,x\n", "text/csv")},
        )
        home = client.get("/").text
        assert 'class="gradebadge"' not in home and "from before your last import" not in home


def test_a_search_of_one_account_says_matches(client: Any) -> None:
    page = client.get("/", params={"q": "busyfirm"}).text
    assert "1 account matches “busyfirm”" in page
    assert "2 accounts match “firm1”" not in page


def test_you_post_as_counts_only_the_account_on_the_platform_named(tmp_path: Path) -> None:
    lines = [
        {"type": "account", "platform": "x", "handle": "acme"},
        {"type": "account", "platform": "csv", "handle": "acme"},  # a namesake from a CSV
        {"type": "post", "platform": "x", "id": "q1", "author": "ana",
         "text": "How do you keep candidates warm during long interview loops?"},
        {"type": "post", "platform": "x", "id": "a1", "author": "acme", "reply_to_id": "q1",
         "reply_to_author": "ana", "text": "@ana We call them every Friday, even with no news."},
    ]  # fmt: skip
    data = "\n".join(json.dumps(line) for line in lines).encode()
    with make_client(tmp_path / "as.db") as c:
        assert finished_job(c, upload_files(c, [("as.jsonl", data)]))["state"] == "done"
        on_x = c.get("/inbox", params={"as": "@acme (x)", "max_age": "0"}).text
        on_csv = c.get("/inbox", params={"as": "@acme (csv)", "max_age": "0"}).text
    assert "· 1 joined ·" in on_x
    assert "· 0 joined ·" in on_csv and 'value="@acme (csv)"' in on_csv


def test_a_firm_among_many_accounts_seen_once_is_graded_on_home(tmp_path: Path) -> None:
    # a search export: the firm's own posts, and more authors seen once than home grades
    seen_once = [("x", f"passerby{i}", 1) for i in range(6)]
    firm = native_jsonl([("x", "acmestaffing", 14), *seen_once])
    with make_client(tmp_path / "search.db", home_limit=3) as client:
        assert finished_job(client, upload_files(client, [("s.jsonl", firm)]))["state"] == "done"
        home = client.get("/").text
    # only the firm has enough posts to be graded: one account is no "while" to grade
    assert "Grading 3+ accounts at once would take a while" not in home
    card = home.split('href="/audit/x/acmestaffing"')[1].split("</a>")[0]
    assert 'class="gradebadge"' in card
    assert home.count('class="gradebadge"') == 1


def test_an_account_offered_from_a_csv_says_so_not_on_csv(tmp_path: Path) -> None:
    sheet = native_jsonl([("csv", "northwind", 1)])  # imported from a CSV with no platform
    with make_client(tmp_path / "sheet.db") as client:
        assert finished_job(client, upload_files(client, [("s.jsonl", sheet)]))["state"] == "done"
        typo = client.get("/audit-go", params={"account": "@northwnd (x)"}).text
    assert 'href="/audit/csv/northwind">Open @northwind from a CSV (no platform)</a>' in typo
    assert "on csv<" not in typo
