"""Connect's and its export's messages, produced by the library as :mod:`library_messages`
produces the others' (no message typed by hand)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from connect_fixtures import NOW, FakeRoleModel, FakeScorer, build_store, make_suggestion
from library_messages import Said, said_by


def connect_messages() -> list[Said]:
    """Connect's "nothing to suggest" advice (connect/advice.py), for each group left out."""
    from staffpulse.connect import suggest_report
    from staffpulse.connect.advice import (
        CONTACTS,
        INACTIVE,
        OTHER_ROLE,
        OUTSIDE_HIRING,
        UNSEEN,
        HeldBack,
        Ranking,
        next_step,
    )
    from staffpulse.connect.left_out import left_out_text

    # a role no one around the firm has, from a real ranking of the connect fixtures
    with build_store() as store:
        report = suggest_report(
            store, "acme_staffing", role="job seeker", role_model=FakeRoleModel(),
            scorer=FakeScorer(), now=NOW,
        )  # fmt: skip
    said = [Said("narrow role", report.next_step or "")]
    Group = list[tuple[list[str], datetime | None, str | None]]
    alone: Group = [([UNSEEN], None, None)]
    groups: dict[str, Group] = {
        "unseen": [([UNSEEN], None, None)],
        "contacts": [([CONTACTS], None, None)],
        "unseen contacts": [([CONTACTS, UNSEEN], None, None)],
        "inactive": [([INACTIVE], NOW - timedelta(days=200), None)],
        "inactive undated": [([INACTIVE], None, None)],
        "role other": [([OTHER_ROLE], None, "other")],
        "outside hiring": [([OUTSIDE_HIRING], None, None)],
        # the largest group's option, then the rest counted ("for 8 more left out, ...")
        "contacts first": [([CONTACTS], None, None)] * 3 + alone,
        "smaller groups": alone * 4
        + [([CONTACTS], None, None)] * 3
        + [([CONTACTS, UNSEEN], None, None)] * 3
        + [([OUTSIDE_HIRING], None, None)] * 2,
    }
    for case, group in groups.items():
        held = HeldBack()
        for reasons, last_post, role in group:
            held.add(reasons, last_post, role)
        for as_of_given in (True, False):  # the ranking date asked for, or the newest post's
            run = Ranking("@acme_staffing", "x", NOW, as_of_given, 90, "recruiter")
            said.append(Said(case, next_step(held, run)))
    # everyone found is known already and no option brings anyone back (checked rankings)
    for reasons in ([CONTACTS], [CONTACTS, UNSEEN], [UNSEEN]):
        held = HeldBack()
        held.add(reasons)
        run = Ranking("@acme_staffing", "x", NOW, False, 90, None)
        said.append(Said("nothing comes back", next_step(held, run, lambda _remedy: False)))
    said.append(Said("left out", left_out_text({OUTSIDE_HIRING: 2, "job-ad bot": 1})))
    said.append(Said("left out", left_out_text({OUTSIDE_HIRING: 1})))
    # ranked as of a date before every conversation: a later date, not more imports
    with build_store() as store:
        early = suggest_report(
            store, "acme_staffing", role_model=FakeRoleModel(), scorer=FakeScorer(),
            now=NOW - timedelta(days=3650),
        )  # fmt: skip
    said.append(Said("later date", early.next_step or ""))
    # a long tie of followers known by id alone, counted in one row: where their links are
    from staffpulse.connect.id_only import id_only_note

    tied = [
        replace(make_suggestion(rank, str(rank), str(rank)), handle_known=False, score=40.0)
        for rank in range(1, 7)
    ]
    said.append(Said("folded ids", id_only_note(tied, folded=3) or ""))
    return said


def connect_input_messages(monkeypatch: pytest.MonkeyPatch) -> list[Said]:
    """Connect's refusals: an unknown role, a limit under 1, a role without the role model."""
    import staffpulse.connect.suggest as suggest
    from staffpulse.connect.choices import parse_roles

    said = [said_by("unknown role", lambda: parse_roles("bogus"))]
    with build_store() as store:
        said.append(
            said_by(
                "limit",
                lambda: suggest.suggest_report(
                    store, "acme_staffing", limit=0, role_model=FakeRoleModel(), scorer=FakeScorer()
                ),
            )
        )
        # a build that does not ship the role model
        monkeypatch.setattr(suggest, "load_shipped_role_model", lambda: None)
        said.append(
            said_by(
                "no role model",
                lambda: suggest.suggest_report(
                    store, "acme_staffing", role="recruiter", scorer=FakeScorer(), now=NOW
                ),
            )
        )
    return said


def export_messages() -> list[Said]:
    """Connect's exports when every suggestion is skipped: the formats that fit, or csv."""
    from staffpulse.connect import suggest_report
    from staffpulse.connect.export import check_exportable, export_suggestions

    with build_store() as store:
        report = suggest_report(
            store, "acme_staffing", role_model=FakeRoleModel(), scorer=FakeScorer(), now=NOW
        )
    assert report.suggestions, "the connect fixtures suggest someone"
    unfit = export_suggestions(report.suggestions, "mastodon-list")  # X accounts: none fits
    # Bluesky accounts stored by handle only: a list of records needs their DIDs
    by_handle = [replace(s, platform="bluesky") for s in report.suggestions]
    no_did = export_suggestions(by_handle, "bluesky-list")
    from_csv = [replace(s, platform="csv") for s in report.suggestions]
    no_platform = export_suggestions(from_csv, "x-list")
    return [
        said_by("platform formats", lambda: check_exportable(unfit, "x")),
        said_by("csv", lambda: check_exportable(unfit, None)),
        said_by("no DID", lambda: check_exportable(no_did, "bluesky")),
        # accounts from a CSV with no platform column: no platform's list fits them
        said_by("no platform", lambda: check_exportable(no_platform, "csv")),
    ]
