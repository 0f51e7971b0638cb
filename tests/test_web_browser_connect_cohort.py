"""The Connect page with the cohort file's roles ticked lists the lines of the file it could
not use, as ``staffpulse connect --cohort`` prints them as notes: word for word, each marked
skipped or kept, in real headless Chromium at phone and desktop widths. The page had read the
roles of the file and said nothing of the lines it passed over."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from browser_helpers import NEEDS_CHROMIUM, opened_page  # noqa: E402
from staffpulse.cli.app import app as cli  # noqa: E402
from web_helpers import LiveServer, make_settings, sample_store  # noqa: E402

pytestmark = NEEDS_CHROMIUM
# our own cohort of sample accounts: a line without a handle, one on a platform staffpulse
# does not read, and a segment it does not know (the account is kept without one)
COHORT = (
    "handle,platform,segment\n"
    "brightpathstaff,x,staffing firm\n"
    ",x,vendor\n"
    "harborline,myspace,recruiter\n"
    "meridianwork,x,friendly neighbours\n"
)
PAGE = "/connect?account=x:mia_recruits&role=any&include=cohort"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, Path]]:
    pytest.importorskip("uvicorn")
    from staffpulse.web import create_app

    folder = tmp_path_factory.mktemp("connect-cohort")
    db = sample_store(folder)
    cohort = folder / "my firms.csv"
    cohort.write_text(COHORT, encoding="utf-8")
    settings = make_settings(db, allowed_hosts=[], cohort_file=cohort)
    with LiveServer(create_app(settings)) as live:
        yield live.url, db, cohort


def _terminal_notes(db: Path, cohort: Path) -> list[str]:
    """What ``staffpulse connect --cohort`` says of the file, one note a line, its path
    written as the file's name and its option words as the dashboard words them (the page's:
    "staffing firm", not "staffing_firm")."""
    from staffpulse.web.wording import web_text

    args = ["connect", "mia_recruits", "--db", str(db), "--cohort", str(cohort), "--role", "any"]
    result = CliRunner().invoke(cli, args, env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("note: ")]
    return [
        web_text(line.removeprefix("note: ").replace(str(cohort), cohort.name)) for line in lines
    ]


@pytest.mark.parametrize("width", [390, 1280])
def test_the_lines_connect_could_not_use_are_listed_as_the_terminal_says_them(
    served: tuple[str, Path, Path], width: int
) -> None:
    url, db, cohort = served
    with opened_page(url + PAGE, width, 900) as page:
        box = page.locator("#cohort-problems")
        heading = box.locator("h2").inner_text()
        items = box.locator("li").all_inner_texts()
        tags = box.locator("li .tag").all_inner_texts()
        ranked = page.locator("table.suggestions").count()
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
    assert heading == "Lines of my firms.csv not used as written"
    said = [item.split(" ", 1)[1] for item in items]
    assert said == _terminal_notes(db, cohort)
    assert [t.lower() for t in tags] == ["skipped", "skipped", "note"]
    assert said[0] == "my firms.csv:3: no handle on this line"
    assert "@meridianwork is kept without a segment" in said[2] and "staffing firm," in said[2]
    assert ranked == 1  # the other lines' roles are used: the list is still ranked
    assert overflow <= 0, f"the page scrolls sideways at {width} px"


def test_the_lines_are_not_listed_without_the_cohort_files_roles(
    served: tuple[str, Path, Path],
) -> None:
    url, _db, _cohort = served
    with opened_page(url + PAGE.replace("&include=cohort", ""), 1280, 900) as page:
        assert page.locator("#cohort-problems").count() == 0
        assert page.get_by_label("Use the roles your cohort file gives (my firms.csv)").count()
