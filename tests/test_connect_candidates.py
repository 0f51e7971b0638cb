"""CandidateWalk (staffpulse.connect.candidates): the filters, the weighing, the early stop and
the contacts read for the advice, on the hand-written network of connect_fixtures."""

from __future__ import annotations

from datetime import timedelta

import pytest

from connect_fixtures import (
    NOW,
    FakeRoleModel,
    FakeScorer,
    add_posts,
    build_store,
    make_post,
    rank_with_fakes,
)
from staffpulse.connect.advice import CONTACTS, INACTIVE, OUTSIDE_HIRING, HeldBack
from staffpulse.connect.candidates import CandidateWalk, RoleFilter, SuggestOptions
from staffpulse.connect.citizen import Citizen
from staffpulse.connect.crossing import count_crossing
from staffpulse.connect.explain import caution, crosses_often
from staffpulse.connect.graph import load_graph
from staffpulse.connect.left_out import left_out_text, see_them_line
from staffpulse.connect.reasons import CROSSES_LINE
from staffpulse.models import Account, Post
from staffpulse.store import Store


def _walk(
    store: Store, opts: SuggestOptions | None = None, wanted: set[str] | None = None
) -> CandidateWalk:
    account = store.get_account("x", "id_rita_recruits")
    assert account is not None
    graph = load_graph(store, "x", now=NOW)
    roles = RoleFilter(wanted, outsiders_out=wanted is None)
    return CandidateWalk(
        store,
        graph,
        account,
        NOW,
        opts or SuggestOptions(),
        roles,
        FakeRoleModel(),
        FakeScorer(),
        HeldBack(),
    )


def _handles(walk: CandidateWalk, limit: int = 20) -> list[str]:
    return [c.account.handle for c in walk.find_candidates(limit)]


def test_candidates_come_best_first_and_each_left_out_is_counted_once() -> None:
    store = build_store()
    walk = _walk(store, SuggestOptions(include_contacts=True))
    found = walk.find_candidates(20)
    assert [c.value for c in found] == sorted((c.value for c in found), reverse=True)
    handles = [c.account.handle for c in found]
    assert "tmj_jobs_bot" not in handles and "olga_old" not in handles
    assert walk.excluded == {"job-ad bot": 1, INACTIVE: 1}
    assert walk.unexamined == 0


def test_the_walk_stops_once_no_unexamined_candidate_can_enter_the_list() -> None:
    store = build_store()
    walk = _walk(store, SuggestOptions(include_contacts=True, batch=1))
    assert len(_handles(walk, limit=1)) >= 1
    assert walk.unexamined > 0  # the weakest were never read


def test_a_candidate_left_out_for_its_role_alone_still_sets_the_scale() -> None:
    store = build_store()
    walk = _walk(store, SuggestOptions(include_contacts=True), wanted={"vendor"})
    assert set(_handles(walk)) == {"val_vendor", "fred_follows"}  # followed by acme, not rita
    # the HR pro and the firm, left out for their role, set the scale shown scores share
    strongest = max(walk.pagerank(c) for c in ("id_hannah_hr", "id_acme_staffing"))
    assert walk.strongest == strongest


def test_contacts_left_out_unread_are_read_for_the_advice_only_when_asked() -> None:
    store = build_store()
    walk = _walk(store)
    walk.find_candidates(20)
    assert walk.excluded[CONTACTS] == len(walk.unread_contacts) > 0
    assert not any(CONTACTS in group for group in walk.held.groups)
    walk.hold_back_unread_contacts()
    # olga_old is a contact that is also inactive: --include-contacts alone would not bring it back
    assert walk.held.groups[frozenset({CONTACTS, INACTIVE})] == 1


def test_a_brand_with_a_bio_and_no_post_is_left_out_as_outside_hiring() -> None:
    """With --include-unseen a brand known by its profile alone (a bio read as role other, no
    post stored) was suggested, its line saying "outside hiring" under a "Left out" line that
    says those are left out (a video site in a real store). Read from a bio, "other" holds as
    it does for an account with posts; one with nothing to read has no role and is kept."""
    store = build_store()
    brand = Account(
        platform="x",
        id="id_mega_brand",
        handle="mega_brand",
        display_name="Mega Brand",
        bio="Short videos and music from creators everywhere. Watch now.",
    )
    mention = Post(
        platform="x",
        id="m1",
        author_id="id_hannah_hr",
        author_handle="hannah_hr",
        text="@mega_brand I think your new feature is great",
        created_at=NOW - timedelta(days=1),
        mentions=("mega_brand",),
    )
    add_posts(store, brand, mention)
    walk = _walk(store, SuggestOptions(include_unseen=True))
    assert "mega_brand" not in _handles(walk)
    assert walk.excluded.get(OUTSIDE_HIRING) == 1 + (
        _walk(build_store(), SuggestOptions(include_unseen=True)).excluded.get(OUTSIDE_HIRING, 0)
    )


# my own texts: four that cross the line the inbox keeps a firm away from, six that do not
_CROSSING = [
    "I think anyone who votes Republican is a traitor to this country.",
    "I think the other side are scum, every last one of them.",
    "Shut up, you absolute idiot. I think you know nothing.",
    "I think the GOP has lost its mind.",
]
_PLAIN = "I think a short thank-you note after an interview still matters"


def _hannah_posts(store: Store, crossing: list[str]) -> None:
    """hannah_hr (an HR pro the firm's circle talks with) with 10 recent posts of her own."""
    texts = [*crossing, *[_PLAIN] * (10 - len(crossing))]
    add_posts(store, *(make_post(f"h{i}", "hannah_hr", 1 + i / 10, t) for i, t in enumerate(texts)))


def test_an_account_whose_posts_often_cross_a_line_is_left_out_and_named() -> None:
    """QA s40: a recruiter whose posts called voters traitors and vermin was suggested first,
    with a caution a busy reader skips. Left out whatever its score or role, named in "Left
    out" with the one option that shows it."""
    store = build_store()
    _hannah_posts(store, _CROSSING)
    for role in (None, "hr_pro"):
        report = rank_with_fakes(store, role=role)
        assert "hannah_hr" not in [s.handle for s in report.suggestions]
        assert report.excluded[CROSSES_LINE] == 1
        said = left_out_text(report.excluded, report.left_out_names)
        assert "1 posting often hostile, NSFW or party politics (@hannah_hr)" in said
    see = see_them_line(rank_with_fakes(store)) or ""
    assert "accounts posting often hostile, NSFW or party politics (ranked last): --role any" in see


def test_role_any_shows_it_ranked_below_every_account_without_a_caution() -> None:
    store = build_store()
    _hannah_posts(store, _CROSSING)
    found = rank_with_fakes(store, role="any").suggestions
    assert found[-1].handle == "hannah_hr"
    assert found[-1].score > min(s.score for s in found[:-1])  # its link alone would rank higher
    assert "caution, ranked last: 4 of their 12 posts" in found[-1].explanation
    assert not any("caution" in s.explanation for s in found[:-1])


def test_one_such_post_in_ten_leaves_the_account_in() -> None:
    store = build_store()
    _hannah_posts(store, _CROSSING[:1])
    report = rank_with_fakes(store)
    assert "hannah_hr" in [s.handle for s in report.suggestions]
    assert CROSSES_LINE not in report.excluded


def test_a_single_post_seen_crosses_often_when_it_crosses_the_line() -> None:
    def citizen(*texts: str) -> Citizen:
        return Citizen(5, NOW, 50, 0, 0.0, judged=len(texts), own_texts=texts)

    assert crosses_often(citizen("Shut up, you absolute idiot."))
    assert crosses_often(citizen("Shut up, you absolute idiot.", _PLAIN))  # half
    assert not crosses_often(citizen("Shut up, you absolute idiot.", _PLAIN, _PLAIN))
    assert not crosses_often(citizen(_PLAIN))
    assert caution(citizen("Shut up, you absolute idiot.")) == (
        "caution, ranked last: their one post seen is hostile, NSFW or party politics"
    )


def test_each_shown_accounts_posts_are_read_for_what_crosses_a_line_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each post takes a moment to read: a ranking reads each account's once, however often the
    walk re-sorts and the explanation asks (the caution, the voice line)."""
    import staffpulse.connect.citizen as citizen_module

    read: list[tuple[str, ...]] = []

    def counting(texts: tuple[str, ...]) -> int:
        read.append(texts)
        return count_crossing(texts)

    monkeypatch.setattr(citizen_module, "count_crossing", counting)
    store = build_store()
    _hannah_posts(store, _CROSSING)
    found = rank_with_fakes(store, role="any").suggestions
    assert "caution, ranked last" in found[-1].explanation
    hannahs = [texts for texts in read if _CROSSING[0] in texts]
    assert len(hannahs) == 1  # shown, cautioned and explained: read once
