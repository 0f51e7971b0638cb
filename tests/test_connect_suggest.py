"""suggest_accounts and suggest_report (staffpulse.connect.suggest): ranking, exclusions, role
filter, brands left out, ranking without models, and how stored and id-only accounts are shown."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta
from typing import Any

import numpy as np
import pytest

from connect_fixtures import (
    NOW,
    FakeRoleModel,
    FakeRolePredictions,
    FakeScorer,
    add_posts,
    build_store,
    make_post,
    rank_with_fakes,
    reply_post,
)
from staffpulse.connect import (
    SuggestOptions,
    SuggestReport,
    suggest,
    suggest_accounts,
    suggest_report,
)
from staffpulse.errors import InputError, ModelError, NotFoundError
from staffpulse.models import Account, Post
from staffpulse.store import Store

store = pytest.fixture(build_store, name="store")


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
    # named, with what shows it ("N others outside hiring" hid a brand, or a firm read as one)
    assert (
        "1 other outside hiring (@shopmart_help; use --role any to see it)" in default.left_out_line
    )
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
    unseen = "1357924680135792468"  # a reply to a user id: no account, no posts stored
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
    assert any("known only by its account id" in n for n in found.said_notes())
    assert any("known only by its account id" in n for n in found.as_dict()["notes"])  # --json


def test_json_scores_keep_three_significant_digits(store: Store) -> None:
    found = rank_with_fakes(store).suggestions
    tiny = replace(found[-1], score=0.000471)
    assert tiny.as_dict()["score"] == 0.000471 and tiny.score_text == "<0.1"


def test_a_mastodon_custom_emoji_is_left_out_of_the_name_shown(store: Store) -> None:
    # "Brenwick :glowypaws:" showed raw in the terminal, the Connect page and the CSV: the
    # shortcode of a picture Mastodon shows, not part of the name
    hannah = store.find_account("hannah_hr", "x")
    add_posts(store, replace(hannah, display_name="Hannah :verified: Hr :blobcat:"))
    # role "any": the fake role model looks the name up as a handle
    found = rank_with_fakes(store, role="any").suggestions
    [suggestion] = [s for s in found if s.handle == "hannah_hr"]
    assert suggestion.display_name == "Hannah Hr"
    assert suggestion.account is not None
    assert suggestion.account.display_name == "Hannah :verified: Hr :blobcat:"  # kept as read


def test_a_control_that_reverses_text_is_left_out_of_the_name_shown(store: Store) -> None:
    # U+202E in a name turned the rest of the table row, the page's cell or the CSV row
    # around ("\u202eevil" reads "live"); an emoji's joiner (U+200D) stays
    hannah = store.find_account("hannah_hr", "x")
    add_posts(
        store, replace(hannah, display_name="Hannah \u202eevil\u2066 Hr \U0001f469\u200d\U0001f4bc")
    )
    found = rank_with_fakes(store, role="any").suggestions
    [suggestion] = [s for s in found if s.handle == "hannah_hr"]
    assert suggestion.display_name == "Hannah evil Hr \U0001f469\u200d\U0001f4bc"


def test_a_terminal_control_character_is_left_out_of_the_name_shown(store: Store) -> None:
    # ESC and BEL in a name would clear the screen of whoever prints the CSV export; the store
    # drops them on writing (store/control_characters.py), the line break becomes a space
    hannah = store.find_account("hannah_hr", "x")
    add_posts(store, replace(hannah, display_name="Hannah\x1b[2J\x07\nHr"))
    found = rank_with_fakes(store, role="any").suggestions
    [suggestion] = [s for s in found if s.handle == "hannah_hr"]
    assert suggestion.display_name == "Hannah[2J Hr"


def test_a_names_terminal_controls_and_line_breaks_read_as_spaces() -> None:
    # what an older store or a hand-made account may still hold: the C1 CSI (0x9b) starts a
    # sequence as ESC [ does, the console's own rule (staffpulse.terminal_controls)
    from staffpulse.connect.suggest import shown_name

    assert shown_name("Ana\x9b2J\tRuiz\nHR\x07") == "Ana 2J Ruiz HR"


class _CountingRoleModel(FakeRoleModel):
    """The fake role model, counting the accounts it is asked about (by display name)."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def predict(
        self, names: Sequence[str], bios: Sequence[str], texts: Sequence[Any]
    ) -> FakeRolePredictions:
        self.asked.extend(names)
        return super().predict(names, bios, texts)


def _rank_counting(store: Store, **kwargs: Any) -> tuple[SuggestReport, _CountingRoleModel]:
    model = _CountingRoleModel()
    report = suggest_report(
        store, "acme_staffing", now=NOW, role_model=model, scorer=FakeScorer(), **kwargs
    )
    return report, model


def test_the_rankings_that_check_the_advice_predict_no_role_twice(store: Store) -> None:
    # Nothing is a job seeker: the advice ranks again with a wider role to check it, and
    # reuses the roles the first ranking predicted (on 1,000 accounts each such ranking
    # predicted every role again, up to eight times)
    report, model = _rank_counting(store, role="job seeker")
    assert report.suggestions == []
    assert "use a wider --role (or none)" in (report.next_step or "")
    assert model.asked and all(n == 1 for n in Counter(model.asked).values())


def test_the_advice_reads_the_same_with_the_roles_reused(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    reused = [_rank_counting(store, role=role)[0].next_step for role in ("job seeker", None)]
    rank = suggest.suggest_report

    def afresh(*args: Any, **kwargs: Any) -> SuggestReport:
        kwargs.pop("reads", None)  # each check reads and predicts every account again
        return rank(*args, **kwargs)

    monkeypatch.setattr(suggest, "suggest_report", afresh)
    lonely = [_rank_counting(store, role=role)[0].next_step for role in ("job seeker", None)]
    assert reused == lonely
    assert reused[0]
