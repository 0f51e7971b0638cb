"""The HTML reports a consultant hands a client say what to do in plain words: no command line
("Run `staffpulse fetch x @acme` (with your --db ...)") and no option of one, which a client
cannot follow; the terminal keeps its commands (staffpulse.report.wording)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from rich.console import Console

from audit_helpers import FakeScorer, FeedBuilder, store_with
from report_html_helpers import page_text
from staffpulse import next_steps
from staffpulse.audit import audit_account
from staffpulse.audit.avatar_check import AvatarInfo
from staffpulse.benchmark import run_benchmark
from staffpulse.cli.app import COMMAND_MODULES
from staffpulse.next_steps import FETCH_AND_CHECK_PICTURE, Step
from staffpulse.report.html import render_audit_html, render_benchmark_html
from staffpulse.report.terminal_audit import render_audit
from staffpulse.report.wording import REPORT_STEPS, report_text
from test_next_steps import VALUES

# what only makes sense at a command line: a command, an option, a quoted command's marks
TERMINAL = re.compile(rf"staffpulse (?:{'|'.join(COMMAND_MODULES)})\b|(?<![\w-])--[a-z]|`")
UNCHECKED = AvatarInfo(None, 0.0, "none")
SRC = Path(__file__).resolve().parents[1] / "src" / "staffpulse"
# steps the modules below give only in an error's hint: no report is made then
ERRORS_ONLY = {
    next_steps.IMPORT_COHORT_POSTS,
    next_steps.IMPORT_THEN_BENCHMARK,
    next_steps.EARLIER_SINCE,  # also in a cohort line's note: worded in REPORT_STEPS
}


def _terminal_words(text: str) -> list[str]:
    return [m.group(0) for m in TERMINAL.finditer(text)]


@pytest.mark.parametrize("step", list(REPORT_STEPS), ids=lambda step: step.terminal[:40])
def test_a_step_in_a_longer_note_reaches_the_report_in_plain_words(step: Step) -> None:
    said = step.say(**{field: VALUES.get(field, "5") for field, _ in step.fields})
    shown = report_text(f"cohort.csv:4: @acme left out ({said})")
    assert shown.startswith("cohort.csv:4: @acme left out")
    assert _terminal_words(shown) == []


def test_every_step_the_audit_or_benchmark_can_carry_into_a_report_has_plain_words() -> None:
    """A step the audit, the benchmark or the account lookup they share gives, whose words
    name a command, is worded for the report: a new one fails here, not in a client's file."""
    sources = [*SRC.glob("audit/*.py"), *SRC.glob("benchmark/*.py")]
    sources += [SRC / "account_refs.py", SRC / "store" / "reads.py", SRC / "models.py"]
    given: set[Step] = set()
    for source in sources:
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "staffpulse.next_steps":
                given |= {getattr(next_steps, alias.name) for alias in node.names}
    commands = {step for step in given if isinstance(step, Step) and TERMINAL.search(step.terminal)}
    assert FETCH_AND_CHECK_PICTURE in commands  # the scan finds what it should
    assert sorted(s.terminal for s in commands - set(REPORT_STEPS) - ERRORS_ONLY) == []


def test_the_audit_report_says_how_to_get_the_picture_checked_without_a_command(
    tmp_path: Path,
) -> None:
    feed = FeedBuilder("brighthire_staff", display_name="BrightHire <Staff>")
    feed.chat(12)
    store = store_with(tmp_path, feed)
    result = audit_account(store, "brighthire_staff", scorer=FakeScorer(), avatar=UNCHECKED)
    text = page_text(render_audit_html(result))
    assert "fetched live, or its picture imported with its profile, before the next audit" in text
    # X's free way, a file to import, is the consultant's: not told to the client by its
    # column, and the client is not told a picture saved and imported is not read (it is)
    assert "avatar_file" not in text and "saved by hand is not read" not in text
    assert "BrightHire &lt;Staff&gt;" in text  # the rest of the page is as it was
    assert _terminal_words(text) == []
    # the terminal, run by whoever has the store, keeps the command
    console = Console(width=200, record=True, color_system=None)
    render_audit(console, result)
    terminal = " ".join(console.export_text().split())
    assert "staffpulse fetch x @brighthire_staff" in terminal
    assert "an avatar_file column" in terminal  # and X's free way


def test_the_benchmark_report_says_why_a_cohort_line_was_left_out_without_commands(
    tmp_path: Path,
) -> None:
    firm = FeedBuilder("acme")
    firm.job(8)
    small = FeedBuilder("tiny")
    small.job(2)
    store = store_with(tmp_path, firm, small)
    cohort = tmp_path / "cohort.csv"
    cohort.write_text(
        "handle,platform,segment\nacme,x,staffing_firm\ntiny,x,staffing_firm\n"
        "acmee,x,staffing_firm\nnobody,bluesky,vendor\n",
        encoding="utf-8",
    )
    result = run_benchmark(store, cohort, scorer=FakeScorer(), min_posts=5)  # type: ignore[arg-type]
    # what the terminal and --json say: each line's reason and its command
    said = " ".join(problem.message for problem in result.problems)
    assert "--min-posts 5" in said and "staffpulse import" in said
    # the leaderboard's first fix, as the picture advice of an account seen only by address
    result.leaderboard[0]["top_action"] = "We could not check your picture. " + (
        FETCH_AND_CHECK_PICTURE.say(platform="x", handle="@acme")
    )
    html = render_benchmark_html(result)
    text = page_text(html)
    assert "@tiny has 2 posts of its own, fewer than the 5 this ranking asks" in text
    assert "did you mean @acme" in text and "the handle may be misspelt" in text
    assert "its posts were not in the data this report was made from" in text
    assert _terminal_words(text) == []
    assert _terminal_words(" ".join(re.findall(r'title="([^"]*)"', html))) == []
