"""One account on two lines of a cohort file: said with its line, whichever way it was written,
and a valid segment is never lost to a typo on the first line. And the lines the messages
suggest to write are in the file's own delimiter."""

from __future__ import annotations

from datetime import UTC, datetime

from staffpulse.benchmark.cohort import CohortProblem, parse_cohort
from staffpulse.benchmark.members import resolve_cohort
from staffpulse.models import Account, Post, Provenance
from staffpulse.store import Store, open_store

WHEN = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
PROV = Provenance(source="test", location="mem", tool_version="t", retrieved_at=WHEN)


def _store() -> Store:
    store = open_store(":memory:")
    store.upsert(
        [
            Account(
                platform="mastodon",
                id="109",
                handle="plotweaver@fosstodon.org",
                url="https://fosstodon.org/@plotweaver",
            ),
            Post(platform="mastodon", id="m1", author_id="109", text="hello"),
            Account(platform="x", id="1", handle="acme"),
            Post(platform="x", id="p1", author_id="1", text="hello"),
            Account(platform="bluesky", id="did:plc:b", handle="ferrow.dev"),
            Post(platform="bluesky", id="b1", author_id="did:plc:b", text="hi"),
        ],
        PROV,
    )
    return store


def _resolve(text: str, name: str = "cohort.csv") -> tuple[list[tuple[str, str]], list[str]]:
    """(handle, segment) of each account, and every problem as the report prints it."""
    entries, problems = parse_cohort(text, name)
    found = resolve_cohort(_store(), entries, name)
    every: list[CohortProblem] = problems + found.problems
    return [(a.handle, seg) for a, seg in found.accounts], [str(p) for p in every]


def test_a_mastodon_account_written_as_address_and_url_is_reported_on_its_line() -> None:
    accounts, problems = _resolve(
        "handle,platform,segment\n"
        "plotweaver@fosstodon.org,,hr\n"
        "https://fosstodon.org/@plotweaver,,vendor\n"
    )
    assert accounts == [("plotweaver@fosstodon.org", "hr")]
    assert problems == [
        "cohort.csv:3: https://fosstodon.org/@plotweaver is the same account as line 2, "
        "whose segment hr is kept (not this line's vendor)"
    ]


def test_a_mastodon_user_part_and_its_address_are_one_account() -> None:
    accounts, problems = _resolve(
        "handle,platform,segment\n@plotweaver,mastodon,vendor\nplotweaver@fosstodon.org,,hr\n"
    )
    assert accounts == [("plotweaver@fosstodon.org", "vendor")]
    assert len(problems) == 1 and problems[0].startswith(
        "cohort.csv:3: @plotweaver@fosstodon.org is the same account as line 2"
    )


def test_a_valid_segment_on_a_later_line_replaces_a_typo_on_the_first() -> None:
    accounts, problems = _resolve(
        "handle,platform,segment\n"
        "plotweaver@fosstodon.org,,staffing frim\n"
        "https://fosstodon.org/@plotweaver,,vendor\n"
        "acme,x,staffing frim\n"
        "https://x.com/acme,,vendor\n"
    )
    assert accounts == [("plotweaver@fosstodon.org", "vendor"), ("acme", "vendor")]
    assert (
        "cohort.csv:5: https://x.com/acme is already on line 4, which gives no segment: "
        "this line's vendor is used" in problems
    )
    assert any(
        p.startswith(
            "cohort.csv:3: https://fosstodon.org/@plotweaver is the same account as "
            "line 2, which gives no segment: this line's vendor is used"
        )
        for p in problems
    )


def test_an_identical_duplicate_is_still_said_plainly() -> None:
    accounts, problems = _resolve("acme,x,vendor\nacme,x,vendor\n")
    assert accounts == [("acme", "vendor")]
    assert problems == ["cohort.csv:2: @acme is already on line 1"]


def test_the_line_to_write_uses_the_files_delimiter() -> None:
    # an Excel CSV with semicolons: a fix written with commas would break the line
    _, problems = _resolve(
        "\ufeffhandle;platform;segment\r\nacme;x;vendor\r\nferrow.dev;x;recruiter\r\n"
    )
    assert len(problems) == 1
    assert "write bluesky on this line: ferrow.dev;bluesky;recruiter" in problems[0]
    _, commas = _resolve("handle,platform,segment\nferrow.dev,x,recruiter\n")
    assert "write bluesky on this line: ferrow.dev,bluesky,recruiter" in commas[0]


def test_the_platform_step_for_a_handle_on_two_platforms_uses_the_files_delimiter() -> None:
    store = _store()
    store.upsert(
        [
            Account(platform="x", id="3", handle="twin"),
            Account(platform="bluesky", id="did:plc:t", handle="twin"),
        ],
        PROV,
    )
    # "twin;bluesky" under the header handle;segment would read bluesky as the segment and
    # lose "vendor": a file with a header but no platform column needs the column
    entries, _ = parse_cohort("handle;segment\ntwin;vendor\n", "c.csv")
    found = resolve_cohort(store, entries, "c.csv")
    column = "add a platform column to the header (handle;segment;platform) and write bluesky or x"
    assert (found.platform_step() or "") == (
        f"{column} in it on each line whose handle is on several platforms"
    )
    assert found.problems[0].message.endswith(f"{column} in it on this line")
    assert "twin;bluesky" not in found.problems[0].message
    # plain lines (handle platform segment) keep their segment in the line to write
    entries, _ = parse_cohort("twin;vendor\n", "c.txt")
    found = resolve_cohort(store, entries, "c.txt")
    assert "e.g. twin;bluesky;vendor or twin;x;vendor" in found.problems[0].message
    assert "e.g. twin;bluesky;vendor or twin;x;vendor" in (found.platform_step() or "")
    # a header with a platform column: the line as it would be written
    entries, _ = parse_cohort("handle;platform;segment\ntwin;;vendor\n", "d.csv")
    found = resolve_cohort(store, entries, "d.csv")
    assert "e.g. twin;bluesky;vendor or twin;x;vendor" in found.problems[0].message
