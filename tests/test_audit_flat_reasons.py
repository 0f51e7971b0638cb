"""Why a flat post holds the voice back (staffpulse.audit.flat_reasons): a headline over a link
lacks a line of the account's own; written sentences beside a link lack a person speaking."""

from __future__ import annotations

import pytest

from staffpulse.audit.examples import NO_HUMAN_VOICE
from staffpulse.audit.flat_reasons import LINK_SHARED_FLAT, REPORT_FLAT, flat_why

LINK = "https://t.example/AbC123"

# written as a report: full sentences of the account's own, a link beside them
REPORTS = [
    "In unit 5 the apprentices studied load charts and rigging angles. They then planned a "
    f"lift for the site visit. {LINK}",
    "The regional labour survey for March is out. Vacancies in logistics fell for the third "
    f"month running. {LINK}",
    f"Our Dayton branch moved to a larger office on Main Street. Visitors should use the side "
    f"entrance until June. {LINK}",
    f"Cohort 12 completed the safety module on Tuesday. Certificates will be mailed to each "
    f"participant within two weeks. {LINK}",
    "The committee reviewed the annual placement figures and approved the budget for the "
    f"coming year, with a new focus on healthcare roles in rural counties {LINK}",
    f"@partnerco The workshop schedule has been updated for the autumn term. Sessions now "
    f"start at nine in the main hall. {LINK}",
    f"Applications for the spring fellowship close on the fifteenth of April. Shortlisted "
    f"candidates will be contacted by email. {LINK}",
    f"{LINK} Participants examined how shift patterns affect retention in warehouses. The "
    "findings will be presented at the regional forum.",
    "This quarter the foundation funded eleven training places for returning nurses across "
    f"three hospitals in the county and two community clinics {LINK}",
    f"Fellows from the 2025 intake visited the port authority. They reviewed how the cranes "
    f"are scheduled during peak season. {LINK}",
]
# a link shared under a headline or a fragment: no line of its own
SHARES = [
    f"New on the blog: five questions to ask at your next interview {LINK}",
    f"Worth a read {LINK}",
    f"via @hrweekly {LINK}",
    f"{LINK}",
    f"Found a rare card! Open a pack today! #CardQuest {LINK}",
    f"Salary guide 2026 is here. Download it now. {LINK}",
    f"Our podcast, episode 14: hiring for attitude {LINK}",
    f"Top 10 warehouse safety tips {LINK} #safety #logistics",
    f"Read more. {LINK}",
    f"The future of remote work? {LINK}",
    f"Photos from the job fair {LINK} {LINK}",
    f"@dana @lee Check this out {LINK}",
    f"Webinar: onboarding that sticks. Register here. {LINK}",
    f"Three charts on the nursing shortage {LINK}",
    f"Interview tips: dress, questions, follow-up {LINK}",
    f"Free CV review week! Book now! {LINK}",
]


@pytest.mark.parametrize("text", REPORTS)
def test_written_sentences_beside_a_link_are_a_report(text: str) -> None:
    assert flat_why(text) == REPORT_FLAT


@pytest.mark.parametrize("text", SHARES)
def test_a_link_under_a_headline_is_a_share_without_a_line(text: str) -> None:
    assert flat_why(text) == LINK_SHARED_FLAT


def test_a_post_without_a_link_or_a_job_ad_is_plainly_flat() -> None:
    assert flat_why("Our office hours are nine to five on weekdays.") == NO_HUMAN_VOICE
    assert flat_why(REPORTS[0], job_ad=True) == NO_HUMAN_VOICE
