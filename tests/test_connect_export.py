"""Each platform's export parses in its target format (staffpulse.connect.export): the X list,
Mastodon's list and follows files, which formats fit a list of suggestions, and what each skips.
The spreadsheet CSV is tested in test_connect_export_csv.py."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace

import pytest

from connect_fixtures import SUGGESTIONS, make_suggestion
from staffpulse.connect.explanation import CircleTie, Explanation
from staffpulse.connect.export import (
    FORMATS,
    check_exportable,
    export_suggestions,
    mastodon_address,
    write_export,
)
from staffpulse.errors import InputError


def _mastodon_rows(text: str, headers: list[str]) -> list[dict[str, str]]:
    """Mastodon's Form::Import: read headers; unknown first header -> default headers."""
    known_first = {"Account address", "#domain", "#uri", "List name"}
    first = next(csv.reader(io.StringIO(text)))
    if first[0] in known_first:
        return list(csv.DictReader(io.StringIO(text)))
    return list(csv.DictReader(io.StringIO(text), fieldnames=headers))


def test_mastodon_list_csv_matches_mastodon_lists_format() -> None:
    result = export_suggestions(SUGGESTIONS, "mastodon-list", list_name="Recruiters")
    rows = _mastodon_rows(result.text, ["List name", "Account address"])
    assert rows == [
        {"List name": "Recruiters", "Account address": "val@hr.social"},
        {"List name": "Recruiters", "Account address": "mona@mastodon.social"},
    ]
    assert result.skipped == [
        "@rita_recruits: an X account, not a Mastodon one",  # not rita_recruits@x.com
        "@hannah.bsky.social: a Bluesky account, not a Mastodon one",
        "@ben.example.com: a Bluesky account, not a Mastodon one",
    ]


def test_mastodon_follows_csv_has_mastodons_header() -> None:
    result = export_suggestions(SUGGESTIONS, "mastodon-follows")
    rows = list(csv.DictReader(io.StringIO(result.text)))
    assert list(rows[0]) == ["Account address", "Show boosts", "Notify on new posts", "Languages"]
    assert [r["Account address"] for r in rows] == ["val@hr.social", "mona@mastodon.social"]
    assert rows[0]["Show boosts"] == "true"


def test_addresses_and_errors(tmp_path: pytest.TempPathFactory) -> None:
    assert mastodon_address("@ann@fosstodon.org", None) == "ann@fosstodon.org"
    assert mastodon_address("ann", "https://fosstodon.org/@ann") == "ann@fosstodon.org"
    assert mastodon_address("ann", None) is None
    assert mastodon_address("not an address!", "https://hr.social/@x") is None
    with pytest.raises(InputError):
        export_suggestions(SUGGESTIONS, "vcard")
    assert set(FORMATS) >= {"csv", "x-list", "bluesky-list", "mastodon-list"}
    out = tmp_path / "sub" / "list.txt"  # type: ignore[operator]
    write_export(export_suggestions(SUGGESTIONS[:1], "x-list"), out)
    assert out.read_text(encoding="utf-8") == "@rita_recruits\n"


def test_a_mastodon_account_without_an_address_is_skipped_saying_why() -> None:
    """A test server's account has an instance, just not one Mastodon imports: it was
    reported as 'no instance known'."""
    on_test_server = make_suggestion(1, "max@localhost:3000", "1", platform="mastodon")
    unknown_instance = make_suggestion(2, "jo", "2", platform="mastodon", url=None)
    skipped = export_suggestions([on_test_server, unknown_instance], "mastodon-list").skipped
    assert skipped == [
        "@max@localhost:3000: not an address Mastodon can import (user@instance, the instance "
        "a domain name)",
        "@jo: no instance known for a Mastodon address",
    ]


def test_an_account_known_only_by_its_id_is_skipped_with_a_reason() -> None:
    unseen = replace(
        make_suggestion(5, "1357924680135792468", "1357924680135792468"), handle_known=False
    )
    assert not unseen.handle_known and unseen.label == "account id 1357924680135792468"
    result = export_suggestions([SUGGESTIONS[0], unseen], "x-list")
    assert result.text == "@rita_recruits\n"
    assert result.skipped == [
        "account id 1357924680135792468: no handle stored, only the account id "
        "(fetch the account, then export again)"
    ]
    assert export_suggestions([unseen], "mastodon-list").skipped[0].startswith("account id")


def test_x_list_takes_only_x_accounts_with_valid_x_handles() -> None:
    too_long = make_suggestion(6, "recruiting_desk_northwest", "6")  # 25 characters: X allows 15
    result = export_suggestions([*SUGGESTIONS, too_long], "x-list")
    assert result.text == "@rita_recruits\n" and result.written == 1
    for line in result.text.splitlines():
        assert re.fullmatch(r"@[A-Za-z0-9_]{1,15}", line)
    assert result.skipped == [
        "@hannah.bsky.social: a Bluesky account, not an X one",
        "@val@hr.social: a Mastodon account, not an X one",
        "@mona: a Mastodon account, not an X one",
        "@ben.example.com: a Bluesky account, not an X one",
        "@recruiting_desk_northwest: not a valid X handle (1-15 letters, digits or _)",
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_export_with_no_account_is_refused(fmt: str) -> None:
    # Every suggestion from another platform (csv takes any platform, so give it none)
    others = [] if fmt == "csv" else [s for s in SUGGESTIONS if not _fits(s.platform, fmt)]
    result = export_suggestions(others, fmt)
    assert result.written == 0
    with pytest.raises(InputError) as caught:
        check_exportable(result, others[0].platform if others else "x", empty_hint="import more")
    error = caught.value
    assert error.exit_code == 65
    if others:
        assert "every suggestion was skipped" in error.message
        assert "account, not a" in error.message
        assert "csv" in (error.hint or "")
    else:
        assert "no suggestions" in error.message and error.hint == "import more"


def _fits(platform: str, fmt: str) -> bool:
    return fmt.startswith({"x": "x-", "bluesky": "bluesky-", "mastodon": "mastodon-"}[platform])


def test_check_exportable_names_the_formats_that_fit() -> None:
    bluesky = [s for s in SUGGESTIONS if s.platform == "bluesky"]
    with pytest.raises(InputError) as caught:
        check_exportable(export_suggestions(bluesky, "x-list"), "bluesky")
    assert caught.value.message == (
        "nothing to export as x-list: every suggestion was skipped "
        "(2 × a Bluesky account, not an X one)"
    )
    assert caught.value.hint == (
        "these are Bluesky accounts: use --export bluesky-handles or bluesky-list or csv"
    )
    check_exportable(export_suggestions(bluesky, "bluesky-list"), "bluesky")  # 1 item: fine
    unresolved = export_suggestions(bluesky[1:], "bluesky-list")
    with pytest.raises(InputError, match="no DID known") as caught:
        check_exportable(unresolved, "bluesky")
    # the handles export needs no DID: it is the way out, not only csv
    assert caught.value.hint == (
        "list records need each account's DID, known once the account is fetched; to follow "
        "them by hand, use --export bluesky-handles or csv"
    )


def test_a_list_name_is_one_line_and_never_empty() -> None:
    mastodon = [s for s in SUGGESTIONS if s.platform == "mastodon"]
    result = export_suggestions(mastodon, "mastodon-list", list_name=" Recruiters,\n HR ")
    assert _mastodon_rows(result.text, ["List name", "Account address"])[0]["List name"] == (
        "Recruiters, HR"
    )
    with pytest.raises(InputError, match="--list-name is empty"):
        export_suggestions(SUGGESTIONS, "bluesky-list", list_name="\n")


def test_accounts_from_a_csv_without_platform_are_told_how_to_get_a_platform_list() -> None:
    """They read 'a csv account, not an X one', and were sent to --export csv alone."""
    from_csv = [replace(s, platform="csv") for s in SUGGESTIONS[:2]]
    result = export_suggestions(from_csv, "x-list")
    assert result.skip_reasons() == {
        "from a CSV with no platform column, not known as an X account": 2
    }
    with pytest.raises(InputError) as caught:
        check_exportable(result, "csv")
    assert caught.value.hint == (
        "for a platform's list, give the CSV a platform column (x, bluesky or mastodon) and "
        "import it again; to keep them as they are, use --export csv"
    )


def test_an_exported_explanation_names_the_month_it_means() -> None:
    """A CSV read a year after the ranking said "replied to them this month": the file names
    the ranking date instead, in every format that carries the explanation."""
    from datetime import UTC, datetime

    from staffpulse.connect.export import export_report
    from staffpulse.connect.suggestion import SuggestReport
    from staffpulse.models import Account

    recent = replace(
        SUGGESTIONS[1], reasons=Explanation("HR pro", (CircleTie(2, "replied to", recent=True),))
    )
    report = SuggestReport(
        account=Account(platform="bluesky", id="did:plc:abc", handle="acme.bsky.social"),
        as_of=datetime(2024, 11, 3, tzinfo=UTC),
        suggestions=[recent],
        circle_size=2,
    )
    said = "2 people in your circle replied to them in the month to 3 Nov 2024"
    for fmt in ("csv", "bluesky-handles"):
        text = export_report(report, fmt).text
        assert said in text and "this month" not in text, fmt
    assert recent.explanation.endswith("them this month")  # the report itself is unchanged
