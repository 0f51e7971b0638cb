"""suggest_accounts and suggest_report (staffpulse.connect.suggest): ranking, exclusions, role
filter, the sample cohort, ranking as of a date, and how stored and id-only accounts are shown."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest

from connect_fixtures import (
    NOW,
    FakeRoleModel,
    FakeScorer,
    add_posts,
    build_store,
    make_post,
    rank_with_fakes,
    reply_post,
)
from staffpulse.connect import SuggestOptions, SuggestReport, suggest_accounts, suggest_report
from staffpulse.errors import InputError, ModelError, NotFoundError
from staffpulse.ingest import import_paths
from staffpulse.models import Account, Post
from staffpulse.store import Store, open_store


@pytest.fixture
def store() -> Store:
    return build_store()


def _handles(store: Store, **kwargs: object) -> list[str]:
    found = suggest_accounts(
        store,
        "acme_staffing",
        role_model=FakeRoleModel(),
        scorer=FakeScorer(),
        now=NOW,
        **kwargs,  # type: ignore[arg-type]
    )
    return [s.handle for s in found]


def test_hr_pro_two_hops_away_is_suggested_first(store: Store) -> None:
    assert _handles(store)[0] == "hannah_hr"


def test_exclusions(store: Store) -> None:
    report = rank_with_fakes(store, "@ACME_staffing")
    handles = [s.handle for s in report.suggestions]
    assert "acme_staffing" not in handles  # itself
    assert "fred_follows" not in handles  # already followed
    assert "tmj_jobs_bot" not in handles  # job-ad bot
    assert "olga_old" not in handles  # silent for a year
    assert "rita_recruits" not in handles  # already talking with
    assert "sam_stranger" not in handles  # not connected at all
    assert report.excluded == {
        "already followed": 1,
        "already talking with": 1,
        "job-ad bot": 1,
        "inactive": 1,
    }


def test_an_account_only_reposted_is_no_one_already_talked_with(store: Store) -> None:
    # The firm reposts val_vendor twice and never replies, mentions or quotes her: the audit
    # says a bare repost is not talking, so connect suggests her (with what the firm did)
    # instead of leaving her out as "already talking with"; rita, replied to, stays out.
    shared = make_post("v1", "val_vendor", 2, "I think ATS demos should be short")
    reposts = [
        Post(
            platform="x",
            id=f"rp{i}",
            author_id="id_acme_staffing",
            author_handle="acme_staffing",
            text="RT @val_vendor: I think ATS demos should be short",
            created_at=NOW - timedelta(days=1 + i),
            kind="repost",
            reposted_post_id="v1",
        )
        for i in range(2)
    ]
    add_posts(store, shared, *reposts)
    report = rank_with_fakes(store)
    val = next(s for s in report.suggestions if s.handle == "val_vendor")
    assert "you reposted them 2×" in val.explanation
    assert "rita_recruits" not in [s.handle for s in report.suggestions]
    assert report.excluded["already talking with"] == 1


def test_job_bot_detected_from_posts_without_role(store: Store) -> None:
    class NoBoards(FakeRoleModel):
        def predict(self, names, bios, texts):  # type: ignore[no-untyped-def]
            out = super().predict(names, bios, texts)
            out.role = ["other" if r == "job_board" else r for r in out.role]
            return out

    found = suggest_accounts(store, "acme_staffing", role_model=NoBoards(), scorer=FakeScorer())
    assert "tmj_jobs_bot" not in [s.handle for s in found]


def test_options_keep_contacts_and_inactive(store: Store) -> None:
    opts = SuggestOptions(include_contacts=True, inactive_days=1000)
    handles = _handles(store, options=opts)
    assert "rita_recruits" in handles and "olga_old" in handles
    assert "fred_follows" not in handles


def test_role_filter(store: Store) -> None:
    assert _handles(store, role="vendor") == ["val_vendor"]
    assert set(_handles(store, role="industry")) == {"hannah_hr", "val_vendor"}
    with pytest.raises(InputError):
        _handles(store, role="wizard")


def test_a_candidate_shows_the_same_score_with_and_without_a_role_filter(store: Store) -> None:
    """A tester saw the vendor read 29 in the full list and 100 under --role vendor: a score
    describes the candidate, not the list it appears in."""

    def scores(**kwargs: object) -> dict[str, str]:
        found = rank_with_fakes(store, **kwargs).suggestions
        return {s.handle: s.score_text for s in found}

    full = scores()
    assert next(iter(full)) == "hannah_hr" and "val_vendor" in full
    for role in ("vendor", "industry", "HR pro, vendor"):
        filtered = scores(role=role)
        assert filtered and filtered == {h: full[h] for h in filtered}, role
    assert scores(role="vendor", limit=1) == {"val_vendor": full["val_vendor"]}


def _add_brand(store: Store) -> None:
    """A shop's customer-care account (role other, as the fake role model calls an unknown
    name) that the recruiter rita talks with, as a customer would: two hops from the firm."""
    add_posts(
        store,
        Account(platform="x", id="id_shopmart_help", handle="shopmart_help"),
        reply_post(200, "rita_recruits", "shopmart_help", 1),
        reply_post(201, "shopmart_help", "rita_recruits", 1),
        reply_post(202, "rita_recruits", "shopmart_help", 2),
    )


def test_brands_and_public_figures_are_left_out_by_default_and_role_any_shows_them(
    store: Store,
) -> None:
    """On customer-care data a staffing firm was told to follow airlines and phone carriers:
    Connect is for the recruiters, HR people and vendors worth following."""
    _add_brand(store)

    def report(role: str | None) -> SuggestReport:
        return rank_with_fakes(store, platform="x", role=role)

    default, every = report(None), report("any")
    assert "shopmart_help" not in [s.handle for s in default.suggestions]
    assert default.suggestions and default.excluded["other"] == 1
    assert "1 other outside hiring (use --role any to see it)" in default.left_out_line
    shown = {s.handle: s.score_text for s in every.suggestions}
    assert "shopmart_help" in shown and "other" not in every.excluded
    # leaving the brand out changes no one else's figure (a score describes the candidate)
    assert {s.handle: s.score_text for s in default.suggestions}.items() <= shown.items()
    assert [s.handle for s in report("other").suggestions] == ["shopmart_help"]


def test_limit_and_missing_account(store: Store) -> None:
    assert len(_handles(store, limit=1)) == 1
    with pytest.raises(NotFoundError):
        suggest_accounts(store, "nobody_here", role_model=FakeRoleModel(), scorer=FakeScorer())
    with pytest.raises(InputError, match="--limit must be at least 1"):
        _handles(store, limit=0)
    for days in (0, 36_501):  # a day of silence at least, a century at most
        with pytest.raises(InputError, match="--inactive-days must be from 1 to 36,500"):
            SuggestOptions(inactive_days=days)


def test_without_models_ranks_by_graph_and_refuses_role_filter(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import staffpulse.connect.suggest as suggest
    import staffpulse.signals.roles as roles

    monkeypatch.setattr(roles, "load_role_model_or_none", lambda: None)
    monkeypatch.setattr(suggest, "load_text_signals_or_none", lambda: None)
    report = suggest_report(store, "acme_staffing", now=NOW)
    assert report.suggestions[0].handle == "hannah_hr"
    assert report.suggestions[0].role is None and report.suggestions[0].voice is None
    assert any("role model" in note for note in report.notes)
    with pytest.raises(ModelError):
        suggest_report(store, "acme_staffing", role="recruiter", now=NOW)


SAMPLE = Path(__file__).resolve().parents[1] / "src" / "staffpulse" / "sample" / "cohort.jsonl"


SAMPLE_ROLES = {
    "brightpathstaff": "staffing_firm",
    "meridianwork": "staffing_firm",
    "harborline": "staffing_firm",
    "keystonetemps": "staffing_firm",
    "northgatestaff": "staffing_firm",
    "mia_recruits": "recruiter",
    "owenpark.bsky.social": "recruiter",
    "hireloop": "vendor",
    "recruitcraft": "vendor",
    "adabrightwell.bsky.social": "vendor",
    "priya_hrlife": "hr_pro",
    "jobwire_dayton": "job_board",
}


def _sample_handles() -> dict[str, str]:
    """Display name -> handle of the sample's accounts: the role model reads the display name."""
    records = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    return {
        r["display_name"] or r["handle"]: r["handle"] for r in records if r.get("type") == "account"
    }


class SampleRoles(FakeRoleModel):
    def predict(self, names, bios, texts):  # type: ignore[no-untyped-def]
        out = super().predict(names, bios, texts)
        handles = _sample_handles()
        out.role = [SAMPLE_ROLES.get(handles.get(n, n), "other") for n in names]
        return out


@pytest.fixture
def sample_store(monkeypatch: pytest.MonkeyPatch) -> Store:
    if not SAMPLE.exists():
        pytest.skip("the sample cohort has not landed")
    import staffpulse.connect.suggest as suggest

    monkeypatch.setattr(suggest, "load_text_signals_or_none", lambda: None)  # keyword fallback
    store = open_store(":memory:")
    import_paths(store, [SAMPLE])
    return store


def test_sample_cohort_harborline_gets_its_designed_circle(sample_store: Store) -> None:
    # README of the sample: harborline talks with mia_recruits and hireloop, who both
    # talk with priya_hrlife and recruitcraft; connect should suggest those two.
    report = suggest_report(sample_store, "harborline", role_model=SampleRoles(), scorer=None)
    top = [s.handle for s in report.suggestions[:2]]
    assert set(top) == {"priya_hrlife", "recruitcraft"}
    handles = [s.handle for s in report.suggestions]
    assert "mia_recruits" not in handles and "hireloop" not in handles  # already followed
    assert "jobwire_dayton" not in handles  # the job-ad bot
    assert report.suggestions[0].explanation.startswith("HR pro · ")
    assert "in your circle replied to them" in report.suggestions[0].explanation
    only_hr = suggest_accounts(sample_store, "harborline", role="hr_pro", role_model=SampleRoles())
    assert [s.handle for s in only_hr] == ["priya_hrlife"]


def test_sample_cohort_bluesky_pair_stays_on_its_platform(sample_store: Store) -> None:
    report = suggest_report(sample_store, "owenpark.bsky.social", role_model=SampleRoles())
    # its one partner, on Bluesky, is followed already; no X account of the sample (none of
    # them talks with it) is offered in its place, so there is nothing to suggest
    assert report.circle_size == 1 and report.excluded == {"already followed": 1}
    assert report.suggestions == []


def test_role_predictions_as_numpy_arrays(store: Store) -> None:
    class ArrayRoles(FakeRoleModel):
        def predict(self, names, bios, texts):  # type: ignore[no-untyped-def]
            out = super().predict(names, bios, texts)
            out.role = np.array(out.role)
            return out

    found = suggest_accounts(store, "acme_staffing", role="hr_pro", role_model=ArrayRoles())
    assert [s.handle for s in found] == ["hannah_hr"]
    assert found[0].role == "hr_pro" and isinstance(found[0].role, str)


def test_stored_accounts_keep_their_handles_and_id_only_ones_say_so(store: Store) -> None:
    unseen = "1005985585335545856"  # a reply to a user id: no account, no posts stored
    reply = Post(
        platform="x",
        id="r1",
        author_id="id_rita_recruits",
        author_handle="rita_recruits",
        text="I think so",
        created_at=NOW - timedelta(days=1),
        kind="reply",
        reply_to_account_id=unseen,
    )
    add_posts(store, reply)
    # the fake role model says "other" for any name it does not know
    found = rank_with_fakes(store, options=SuggestOptions(include_unseen=True))
    stored = [s for s in found.suggestions if store.get_account("x", s.account_id)]
    assert stored and all(s.handle_known and s.label == f"@{s.handle}" for s in stored)
    (id_only,) = [s for s in found.suggestions if s.account_id == unseen]
    assert not id_only.handle_known and id_only.label == f"account id {unseen}"
    # --json, like the CSV, gives no handle rather than the id posing as one
    assert id_only.as_dict()["handle"] == "" and id_only.as_dict()["id"] == unseen
    # the model saw nothing of it but the digits of its id: no role is claimed
    assert id_only.role is None and not id_only.explanation.startswith("other")
    # counted apart, with its X link to open: a marketer cannot act on an id
    assert id_only.link == f"https://x.com/i/user/{unseen}"
    assert any("known only by its account id" in n for n in found.notes)


def test_json_scores_keep_three_significant_digits(store: Store) -> None:
    found = rank_with_fakes(store).suggestions
    tiny = replace(found[-1], score=0.000471)
    assert tiny.as_dict()["score"] == 0.000471 and tiny.score_text == "<0.1"


def _far_stranger(store: Store) -> None:
    """kim_far posts today but is linked to the network only by a reply to val_vendor (whom
    no one in acme_staffing's circle engages back) two years ago: a negligible path."""
    add_posts(
        store,
        Account(platform="x", id="id_kim_far", handle="kim_far"),
        reply_post(900, "kim_far", "val_vendor", 730),
        make_post("k2", "kim_far", 1, "I think Monday is fine"),
    )


def test_a_candidate_the_circle_barely_reaches_is_left_out_as_weak(store: Store) -> None:
    _far_stranger(store)
    # "any": the fake role model calls kim_far "other"
    report = rank_with_fakes(store, platform="x", role="any")
    handles = [s.handle for s in report.suggestions]
    assert "kim_far" not in handles and handles[0] == "hannah_hr"
    assert report.excluded["weak link"] == 1
    assert "1 too weakly linked to your circle" in report.left_out_line
    # alone, it would have been the best left and read 100: now nothing is suggested
    alone = rank_with_fakes(store, role="other")
    assert alone.suggestions == [] and alone.excluded["weak link"] == 1


def test_a_contact_talked_with_long_ago_is_not_called_weakly_linked(store: Store) -> None:
    """--include-contacts on an archive of years: the people the account itself replied to
    long ago read "too weakly linked to your circle", as if strangers."""
    add_posts(
        store,
        Account(platform="x", id="id_old_pal", handle="old_pal"),
        reply_post(901, "acme_staffing", "old_pal", 730),
        make_post("o2", "old_pal", 1, "I think Monday is fine"),
    )
    report = rank_with_fakes(store, role="any", options=SuggestOptions(include_contacts=True))
    assert "old_pal" not in [s.handle for s in report.suggestions]
    assert report.excluded.get("stale contact") == 1 and "weak link" not in report.excluded
    assert "1 contact talked with too rarely or long ago" in report.left_out_line
    assert {"reason": "stale_contact", "count": 1} in [
        {k: r[k] for k in ("reason", "count")} for r in report.as_dict()["excluded_reasons"]
    ]


def test_a_candidate_one_circle_member_engages_is_never_weak(store: Store) -> None:
    # val_vendor gets little mass (rita's reply is one among many) but rita engages it
    found = rank_with_fakes(store).suggestions
    vendor = [s for s in found if s.handle == "val_vendor"]
    assert vendor and vendor[0].via == ("@rita_recruits",)


def test_ranking_as_of_a_date_reads_nothing_written_after_it(store: Store) -> None:
    before = rank_with_fakes(store)
    (hannah,) = [s for s in before.suggestions if s.handle == "hannah_hr"]
    # ten days after NOW: rita first replies to lara, whose only post is from then, and
    # hannah writes posts that would change her voice and conversation figures
    add_posts(
        store,
        Account(platform="x", id="id_lara_later", handle="lara_later"),
        reply_post(1, "rita_recruits", "lara_later", -10),
        make_post("l1", "lara_later", -10, "I think so, haha"),
        *(reply_post(10 + n, "hannah_hr", "val_vendor", -10) for n in range(6)),
    )
    as_of_now = rank_with_fakes(store)
    assert "lara_later" not in [s.handle for s in as_of_now.suggestions]
    (same,) = [s for s in as_of_now.suggestions if s.handle == "hannah_hr"]
    assert (same.voice, same.conversation) == (hannah.voice, hannah.conversation)
    assert "this month" in same.explanation  # rita's replies before NOW still count
    # twenty days on, the later reply and post are there: lara is suggested
    later = rank_with_fakes(store, now=NOW + timedelta(days=20))
    assert "lara_later" in [s.handle for s in later.suggestions]
    (moved,) = [s for s in later.suggestions if s.handle == "hannah_hr"]
    assert moved.conversation != hannah.conversation


def test_an_account_that_posted_only_after_the_date_is_inactive_then(store: Store) -> None:
    add_posts(
        store,
        Account(platform="x", id="id_lara_later", handle="lara_later"),
        reply_post(1, "rita_recruits", "lara_later", 1),  # the edge is before NOW
        make_post("l1", "lara_later", -10),
    )
    report = rank_with_fakes(store)
    assert "lara_later" not in [s.handle for s in report.suggestions]
    assert report.excluded.get("inactive", 0) >= 1 and "never seen" not in report.excluded


def test_an_as_of_before_every_interaction_advises_a_later_date(store: Store) -> None:
    """As of a year before its first conversation, the account was told it had "no
    interactions in the store yet" and to import more, though they were all there."""
    from staffpulse.connect.suggestion import first_interaction_time

    first = first_interaction_time(store, "x", "id_acme_staffing")
    assert first is not None
    report = rank_with_fakes(store, now=first - timedelta(days=365))
    assert report.suggestions == []
    day_after = (first + timedelta(days=1)).date().isoformat()
    assert report.next_step is not None
    assert report.next_step.startswith(f"rank as of a later date: use --as-of {day_after} or")
    assert report.notes[-1].endswith(f"the first stored one is from {first.date().isoformat()}")
    # an account with no conversation at all is still told to import them
    quiet_firm = Account(platform="x", id="id_quiet_firm", handle="quiet_firm")
    add_posts(store, quiet_firm, make_post("q1", "quiet_firm", 3, "We are hiring"))
    quiet = rank_with_fakes(store, "quiet_firm")
    assert quiet.notes[-1] == "@quiet_firm has no interactions in the store yet"
    assert (quiet.next_step or "").startswith("import posts that mention or reply to @quiet_firm")
