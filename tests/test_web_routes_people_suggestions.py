"""Each suggestion on the Connect page (routes_people): scores far below the best stay visible,
the role reads as people write it and once, what Match means is said on the page, and a Bluesky
account gets exports it can use."""

from __future__ import annotations

import csv
import io
import re
import warnings
from typing import Any

import pytest

pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", category=DeprecationWarning)

from connect_page_helpers import (  # noqa: E402
    ACCOUNT,
    connect_client,
    connect_report,
    connect_sample_db,
    result_card,
    serve_report,
    suggestion_at,
)
from staffpulse.connect.advice import (  # noqa: E402
    HeldBack,
)
from staffpulse.connect.explanation import Explanation, HiringTalk  # noqa: E402
from staffpulse.models import Account  # noqa: E402

sample_db = pytest.fixture(connect_sample_db, scope="module", name="sample_db")
client = pytest.fixture(connect_client, name="client")


def test_a_score_far_below_the_best_stays_visible(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    scores = [100.0, 17.4, 0.3, 0.004]
    serve_report(
        client,
        monkeypatch,
        connect_report(HeldBack(), None, map(suggestion_at, (1, 2, 3, 4), scores)),
    )
    card = result_card(client.get(f"/connect?account={ACCOUNT}").text)
    shown = re.findall(r'width:(\d+)%"></div></div><span class="faint">([^<]+)</span>', card)
    assert shown == [("100", "100.0"), ("17", "17.4"), ("0", "0.3"), ("0", "&lt;0.1")]


def test_each_suggestion_names_its_role_as_people_write_it(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The card read "hr pro" (the internal ``hr_pro`` with its underscore taken out) (QA17 F6)."""
    from dataclasses import replace

    picks = [replace(suggestion_at(1, 100.0), role="hr_pro"),
             replace(suggestion_at(2, 50.0), role="staffing_firm")]  # fmt: skip
    serve_report(client, monkeypatch, connect_report(HeldBack(), None, picks))
    card = result_card(client.get(f"/connect?account={ACCOUNT}").text)
    assert "Firm 1</span> · HR pro</div>" in card
    assert "Firm 2</span> · staffing firm</div>" in card
    assert "hr pro" not in card and "_" not in re.sub(r"<[^>]+>", "", card)


def test_an_account_without_a_name_shows_its_role_without_a_stray_dot(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A suggestion with no display name read "· other" under its handle (QA s21)."""
    from dataclasses import replace

    picks = [replace(suggestion_at(1, 100.0), display_name="", role="vendor"),
             replace(suggestion_at(2, 50.0), display_name="", role=None)]  # fmt: skip
    serve_report(client, monkeypatch, connect_report(HeldBack(), None, picks))
    card = result_card(client.get(f"/connect?account={ACCOUNT}").text)
    assert '<div class="faint">vendor</div>' in card
    assert "· vendor" not in card
    assert '<div class="faint"></div>' not in card  # nothing to say: no empty line


def test_the_role_is_said_once_beside_the_name_not_again_in_why(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The library's line starts with the role, so the card read "maybe staffing firm" under
    the name and again at the start of Why (QA s21)."""
    from dataclasses import replace

    picks = [replace(suggestion_at(1, 100.0), role="vendor",
                     reasons=Explanation("vendor", ("2 people you talk with reply to them",))),
             replace(suggestion_at(2, 50.0), role="vendor",
                     reasons=Explanation(None, ("vendors you talk with reply to them",)))]  # fmt: skip
    serve_report(client, monkeypatch, connect_report(HeldBack(), None, picks))
    card = result_card(client.get(f"/connect?account={ACCOUNT}").text)
    why = re.findall(r'<td class="explain" data-label="Why">([^<]*)', card)
    assert why == ["2 people you talk with reply to them", "vendors you talk with reply to them"]
    assert card.count("Firm 1</span> · vendor</div>") == 1


def test_an_account_with_nothing_to_read_says_role_unknown_where_the_role_goes(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The terminal's line starts "role unknown", and the page showed no role at all: Why
    leaves the role to the cell beside the name, and that cell was empty (QA s38)."""
    from dataclasses import replace

    reasons = Explanation(None, ("you replied to them 2×",), role_unknown=True)
    unread = replace(suggestion_at(1, 100.0), role=None, reasons=reasons)
    assert unread.explanation == "role unknown · you replied to them 2×"  # the terminal's
    serve_report(client, monkeypatch, connect_report(HeldBack(), None, [unread]))
    card = result_card(client.get(f"/connect?account={ACCOUNT}").text)
    assert "Firm 1</span> · role unknown</div>" in card
    why = re.findall(r'<td class="explain" data-label="Why">([^<]*)', card)
    assert why == ["you replied to them 2×"]


def test_a_hiring_manager_is_said_to_talk_hiring_once(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hiring manager's row read "talks hiring" under the name and again at the start of Why;
    Why keeps how many of its posts are about hiring."""
    from dataclasses import replace

    manager = replace(suggestion_at(1, 100.0), role="other", talks_hiring=True,
                      reasons=Explanation(HiringTalk(3, 4), ("replied to you 2×",)))  # fmt: skip
    serve_report(client, monkeypatch, connect_report(HeldBack(), None, [manager]))
    card = result_card(client.get(f"/connect?account={ACCOUNT}").text)
    why = re.findall(r'<td class="explain" data-label="Why">([^<]*)', card)
    assert why == ["outside the trade (3 of 4 posts about hiring) · replied to you 2×"]
    assert re.sub(r"<[^>]+>", "", card).count("talks hiring") == 1


def test_the_real_ranking_shows_each_score_as_the_library_writes_it(client: Any) -> None:
    from staffpulse.connect.suggest import format_score

    card = result_card(client.get(f"/connect?account={ACCOUNT}").text)
    numbers = re.findall(r'<span class="faint">([0-9.]+)</span></td>', card)
    assert numbers and all(format_score(float(n)) == n for n in numbers)
    assert any("." in n for n in numbers)  # the weakest is 1.8 on the sample, not "2"


def test_what_the_match_number_means_is_said_on_the_page_not_only_on_hover(
    client: Any,
) -> None:
    # a phone stacks the rows under their cells' names: the column's title is never seen there
    page = client.get(f"/connect?account={ACCOUNT}").text
    meaning = re.search(r'<p class="faint" id="match-meaning">([^<]*)</p>', page)
    assert meaning is not None and "how strongly the people in your circle" in meaning.group(1)
    # its scale as the library sets it: the top row reads 89.5 when its voice is not lively
    scale = (
        "100 is the strongest link of any role with a lively voice and conversation, "
        "so the first account can read less"
    )
    assert scale in meaning.group(1)
    assert page.count('id="match-meaning"') == 1  # once, under the list, not on every row


def test_a_bluesky_account_gets_a_people_to_follow_export_it_can_use(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    jane = replace(suggestion_at(1, 100.0), platform="bluesky", handle="jane.bsky.social")
    report = replace(
        connect_report(HeldBack(), None, [jane]),
        account=Account(platform="bluesky", id="did:plc:owen", handle="owenpark.bsky.social"),
    )
    serve_report(client, monkeypatch, report)
    account = "bluesky:owenpark.bsky.social"
    page = client.get(f"/connect?account={account}").text
    assert "Bluesky people to follow (CSV)" in page
    # the list file needs DIDs, and jane has none stored: no button that could only download
    # a refusal, but the line that says why
    assert "format=bluesky-list" not in page
    assert "The Bluesky list file leaves out 1 of the 1 suggestions" in page
    assert "no DID known" in page
    exported = client.get(f"/connect/export?account={account}&format=bluesky-handles")
    assert exported.status_code == 200 and exported.headers["content-type"].startswith("text/csv")
    (row,) = csv.DictReader(io.StringIO(exported.content.decode("utf-8-sig")))
    assert row["profile_link"] == "https://bsky.app/profile/jane.bsky.social"
    assert row["why"] == "replied to you 1×"


@pytest.mark.parametrize(
    ("platform", "handle", "where"),
    [("bluesky", "jane.bsky.social", "Bluesky"), ("mastodon", "jane@mastodon.social", "Mastodon")],
)
def test_each_profile_link_names_the_platform_it_opens(
    client: Any, monkeypatch: pytest.MonkeyPatch, platform: str, handle: str, where: str
) -> None:
    # "open" alone did not say the link leaves the dashboard for the platform's profile
    from dataclasses import replace

    # the template words the link by the suggestion's platform: the sample's X account will do
    jane = replace(suggestion_at(1, 100.0), platform=platform, handle=handle)
    serve_report(client, monkeypatch, connect_report(HeldBack(), None, [jane]))
    card = result_card(client.get(f"/connect?account={ACCOUNT}").text)
    link = re.search(r'<a href="https://[^"]*"[^>]*aria-label="([^"]*)">([^<]*)</a>', card)
    assert link is not None and link.group(2) == f"open on {where}"
    assert link.group(1).startswith(f"open on {where}: the profile of ")
