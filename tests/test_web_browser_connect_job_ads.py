"""The Connect page's way to see the accounts it leaves out for posting mostly job ads, and to
use the cohort file's roles, in real headless Chromium. QA s36: the page named them ("2 posting
mostly job ads (@keystonetemps, @brightpathstaff)") but, unlike the terminal's
--include-job-ads, gave no way to see them; nor had it the terminal's --cohort."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from browser_helpers import NEEDS_CHROMIUM, opened_page  # noqa: E402
from web_helpers import LiveServer, make_settings, sample_store  # noqa: E402

pytestmark = NEEDS_CHROMIUM

BOX = "Include accounts posting mostly job ads"
COHORT_BOX = "Use the roles your cohort file gives (cohort.csv)"


def test_a_ticked_box_shows_the_firms_the_page_left_out_for_their_job_ads(tmp_path: Path) -> None:
    pytest.importorskip("uvicorn")
    from staffpulse.web import create_app

    db = sample_store(tmp_path)
    app = create_app(make_settings(db, allowed_hosts=[]))
    with (
        LiveServer(app) as live,
        opened_page(f"{live.url}/connect?account=x:harborline", 1280, 900) as page,
    ):
        before = page.locator("section.card").last.inner_text()
        shown_before = page.locator("table.suggestions td.account strong").all_inner_texts()
        page.get_by_label(BOX).check()
        page.get_by_label(COHORT_BOX).check()  # the sample store's cohort: the sample's
        with page.expect_navigation():
            page.click("form.filters button")
        after = page.locator("section.card").last.inner_text()
        shown_after = page.locator("table.suggestions td.account strong").all_inner_texts()
        still_ticked = (
            page.get_by_label(BOX).is_checked() and page.get_by_label(COHORT_BOX).is_checked()
        )
        roles = page.locator("table.suggestions td.account .faint").all_inner_texts()
        address = page.url
    # the page names them and says, in its own words, what shows them: no terminal option
    assert "2 posting mostly job ads (@keystonetemps, @brightpathstaff)" in before
    assert f"posting mostly job ads: tick “{BOX} (job feeds too)”, or choose a Role" in before
    assert "--" not in before
    assert "@keystonetemps" not in shown_before and "@brightpathstaff" not in shown_before
    # ticked, the list holds them, the box stays ticked and the left-out line no longer counts them
    assert {"@keystonetemps", "@brightpathstaff"} <= set(shown_after)
    assert still_ticked and "include=job_ads" in address and "include=cohort" in address
    assert any("staffing firm (your cohort file)" in r for r in roles)
    assert "posting mostly job ads" not in after


def _groups(line: str) -> list[str]:
    """The groups a "To see them" line names, each before its colon."""
    said = line.removeprefix("To see them:").split(" (each lifts one reason")[0]
    return [part.split(":")[0].strip() for part in said.split(";")]


@pytest.mark.parametrize("width", [390, 1280])
def test_to_see_them_names_the_groups_the_terminal_names(tmp_path: Path, width: int) -> None:
    """The page's "To see them" left out the accounts you already talk with, which
    ``staffpulse connect`` names with --include-contacts (and those never seen, or inactive)."""
    pytest.importorskip("uvicorn")
    from typer.testing import CliRunner

    from staffpulse.cli.app import app as cli
    from staffpulse.web import create_app

    db = sample_store(tmp_path)
    ran = CliRunner().invoke(
        cli, ["connect", "mia_recruits", "--db", str(db)], env={"COLUMNS": "400"}
    )
    assert ran.exit_code == 0, ran.output
    terminal = " ".join(ran.output.split()).split("To see them:", 1)[1]
    with (
        LiveServer(create_app(make_settings(db, allowed_hosts=[]))) as live,
        opened_page(f"{live.url}/connect?account=x:mia_recruits", width, 900) as page,
    ):
        line = " ".join(page.locator("#see-them").inner_text().split())
        overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
    assert _groups(line) == _groups(terminal)
    assert ("each lifts one reason" in line) == ("each lifts one reason" in terminal)
    if "accounts you already talk with" in terminal:
        assert "accounts you already talk with: tick “Include people you already talk with”" in line
    assert "--" not in line and overflow <= 0
