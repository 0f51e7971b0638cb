"""The library's advice as a report's reader takes it: in plain words, without commands.

A consultant hands the HTML audit and benchmark to a client, who has no terminal and no store:
"Run `staffpulse fetch bluesky acme` (with your --db ...)" is nothing they can follow. The
terminal keeps its commands, the dashboard says each step its own way
(:data:`staffpulse.web.wording.PAGE_STEPS`), and a report says the steps that reach it here
(:data:`REPORT_STEPS`): found by the patterns of the same :class:`~staffpulse.next_steps.Step`
the library says them with, so a reworded step is still found. A step no report can give
(an error's hint: a report is never made then) is not listed.
"""

from __future__ import annotations

from markupsafe import Markup

from staffpulse import next_steps as steps
from staffpulse.models import platform_name
from staffpulse.next_steps import Step
from staffpulse.report.inline_code import code_as_html
from staffpulse.step_wording import StepWording, StepWords, left_out_with_its_joint

_NOT_IN_DATA = "its posts were not in the data this report was made from"

REPORT_STEPS: dict[Step, StepWords] = {
    # the audit's Face advice on a picture known only by its address (audit/face.py)
    steps.FETCH_AND_CHECK_PICTURE: (
        "Have the account's profile fetched live, or its picture imported with its profile, "
        "before the next audit, so that the picture is checked and counted in the score"
    ),
    # X's free way to the picture: a file the consultant imports, nothing a client can do
    steps.IMPORT_PICTURE_FILE: None,
    # a cohort line the benchmark could not rank (benchmark/members.py, cohort_audits.py): the
    # reason stays, the command that fixes it is the consultant's business
    steps.IMPORT_OR_LIST_ACCOUNTS: _NOT_IN_DATA,
    steps.CHECK_SPELLING: f"the handle may be misspelt, or {_NOT_IN_DATA}",
    steps.ACCOUNTS_LISTED: None,
    steps.IMPORT_TIMELINE: _NOT_IN_DATA,
    steps.IMPORT_OR_FETCH_TIMELINE: _NOT_IN_DATA,
    steps.EARLIER_SINCE: "the report covers only posts after its last one",
    steps.FEWER_THAN_MIN_POSTS: "fewer than the {min_posts} this ranking asks of an account",
    # a cohort line naming a handle on several platforms, or on another one (account_refs.py)
    steps.CHOOSE_PLATFORM: "the cohort line does not say which",
    steps.USE_PLATFORM: lambda platform: (
        f"the account is on {platform_name(platform)}, not on the platform the cohort line gives"
    ),
    steps.USE_CSV_PLATFORM: (
        "the account is from a CSV (no platform), not on the platform the cohort line gives"
    ),
    steps.LEAVE_PLATFORM_OUT: "the cohort line gives another platform than the {name} handle's",
}


_REPORT_WORDING = StepWording(REPORT_STEPS, left_out=left_out_with_its_joint)


def report_text(text: str | None) -> str:
    """``text`` with the terminal's advice said in a report's words."""
    if not text:
        return ""
    return _REPORT_WORDING.say(text)


def advice_as_html(text: object) -> Markup:
    """A piece of advice for an HTML report: in its words, escaped, any quoted text left as
    ``<code>``."""
    return code_as_html(report_text(text if isinstance(text, str) else str(text)))
