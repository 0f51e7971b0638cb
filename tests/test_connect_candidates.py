"""CandidateWalk (staffpulse.connect.candidates): the filters, the weighing, the early stop and
the contacts read for the advice, on the hand-written network of connect_fixtures."""

from __future__ import annotations

from datetime import timedelta

from connect_fixtures import NOW, FakeRoleModel, FakeScorer, add_posts, build_store
from staffpulse.connect.advice import CONTACTS, INACTIVE, OUTSIDE_HIRING, HeldBack
from staffpulse.connect.candidates import CandidateWalk, RoleFilter, SuggestOptions
from staffpulse.connect.graph import load_graph
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
