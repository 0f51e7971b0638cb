"""What to do when connect finds nothing: the options that bring back the most accounts,
from every reason each was left out for (connect/advice.py next_step), adding up to the "Left
out" line that counts those reasons (connect/left_out.py)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from itertools import combinations

import pytest

from connect_fixtures import (
    NOW,
    add_posts,
    build_store,
    make_post,
    rank_with_fakes,
    reply_post,
)
from staffpulse.connect import SuggestOptions, SuggestReport
from staffpulse.connect.advice import (
    CONTACTS,
    INACTIVE,
    ORDER,
    UNSEEN,
    HeldBack,
    Ranking,
    next_step,
)
from staffpulse.dates import format_day
from staffpulse.models import Account, Post
from staffpulse.store import Store, open_store


@pytest.fixture
def store() -> Store:
    return build_store()


def _lonely_firm(replies_to: list[str], days_ago: float = 1) -> Store:
    """A firm that replied only to these accounts (handles without a stored account are
    '@handle' nodes, never seen)."""
    store = open_store(":memory:")
    posts = [
        reply_post(i, "acme_staffing", to, days_ago) for i, to in enumerate(replies_to, start=1)
    ]
    add_posts(store, Account(platform="x", id="id_acme_staffing", handle="acme_staffing"), *posts)
    return store


def _rank_with_options(store: Store, **options: bool) -> SuggestReport:
    """The firm's suggestions with these options, as of the store's own last activity."""
    return rank_with_fakes(store, now=None, options=SuggestOptions(**options))


def test_contacts_never_seen_are_advised_both_options_then_one() -> None:
    store = _lonely_firm(["ghost_one", "ghost_two"])
    store.conn.execute("UPDATE posts SET reply_to_account_id = NULL")  # handles only
    store.refresh_interactions(full=True)

    first = _rank_with_options(store)
    assert first.excluded == {"already talking with": 2}
    assert first.next_step is not None
    assert "2 accounts you already talk with have no posts in the store" in first.next_step
    assert "--include-contacts and --include-unseen" in first.next_step
    second = _rank_with_options(store, include_contacts=True)
    assert second.excluded == {"never seen": 2}
    assert second.next_step is not None and "--include-unseen" in second.next_step
    assert "--include-contacts" not in second.next_step
    both = _rank_with_options(store, include_contacts=True, include_unseen=True)
    assert [s.handle for s in both.suggestions] and both.next_step is None


def _follow(store: Store, step: str, now: datetime, **options: bool) -> list[str]:
    """Handles suggested after doing what the advice says: its --as-of or --inactive-days
    (the one it names; both, one at a time, when it offers either)."""
    date = re.search(r"--as-of (\d{4}-\d\d-\d\d)", step)
    days = re.search(r"--inactive-days (\d+)", step)
    assert date or days, step
    found: list[str] = []
    if date:
        when = datetime.fromisoformat(date.group(1)).replace(tzinfo=UTC)
        again = rank_with_fakes(store, now=when, options=SuggestOptions(**options))
        assert again.suggestions, step
        found += [s.handle for s in again.suggestions]
    if days:
        kept = rank_with_fakes(
            store, now=now, options=SuggestOptions(inactive_days=int(days.group(1)), **options)
        )
        assert kept.suggestions, step
        found += [s.handle for s in kept.suggestions]
    return found


def test_inactive_accounts_are_advised_a_date_that_brings_them_back(store: Store) -> None:
    later = NOW + timedelta(days=365)  # ranked a year after everyone's last post
    stale = rank_with_fakes(store, now=later)
    assert stale.suggestions == [] and stale.excluded["inactive"] >= 1
    step = stale.next_step or ""
    assert f"posted nothing in the 90 days before {format_day(later)}:" in step
    assert "hannah_hr" in _follow(store, step, later)


def test_a_newer_import_elsewhere_does_not_make_the_circle_inactive(store: Store) -> None:
    later = NOW + timedelta(days=365)
    add_posts(  # a stranger's post a year later: not the firm's conversations
        store,
        Post(platform="x", id="s9", author_id="id_sam_stranger", text="back", created_at=later),
    )
    report = rank_with_fakes(store, now=None)
    # the newest post of the firm or the people it talks with: rita's, a day before NOW
    assert report.as_of == NOW - timedelta(days=1)
    assert [s.handle for s in report.suggestions] == ["hannah_hr", "val_vendor"]


def test_the_advice_offers_only_what_the_ranking_confirms() -> None:
    from staffpulse.connect.advice import MOST_TRIES, Ranking, Remedy, next_step

    held = HeldBack()
    for day in (200, 300):
        held.add([INACTIVE], NOW - timedelta(days=day))
    held.add([CONTACTS])
    run = Ranking("@acme_staffing", "x", NOW, True, 90, None)
    unchecked = next_step(held, run)
    assert "--as-of 2025-08-14 (or --inactive-days 301)" in unchecked
    tried: list[Remedy] = []

    def without_dates(remedy: Remedy) -> bool:  # an earlier date loses the linking edges
        tried.append(remedy)
        return remedy.as_of is None

    checked = next_step(held, run, without_dates)
    assert "use --inactive-days 301" in checked and "--as-of" not in checked
    assert checked.endswith(
        "; for 1 more left out, staffpulse connect --help lists the other options."
    )
    assert len(tried) == len(set(tried))  # each option set is ranked once

    def nothing(remedy: Remedy) -> bool:
        tried.append(remedy)
        return False

    tried.clear()
    for size in (1, 2, 3):  # 41 groups: the checks stop at MOST_TRIES rankings
        for reasons in combinations(ORDER, size):
            held.add(reasons, NOW - timedelta(days=100), "recruiter")
    none = next_step(held, run, nothing)
    assert len(tried) <= MOST_TRIES
    assert "--include" not in none and "--as-of" not in none and "--inactive-days" not in none
    # what to do comes first, then why: some options went untried, so the advice says what it
    # tried, never "none of the options"
    assert none.startswith("import posts that mention or reply to @acme_staffing")
    assert (
        f": none of the {sum(held.groups.values())} accounts left out for talking with you,"
        " having no posts in the store, being inactive, having another role, having too little to"
        " read to tell their role or being outside hiring as of 1 Mar 2026 would come back with"
        f" the {MOST_TRIES} options tried"
    ) in none
    assert "connect's options" not in none


def test_a_role_that_leaves_nothing_is_advised_a_wider_role(store: Store) -> None:
    report = rank_with_fakes(store, role="job seeker")
    assert report.suggestions == []
    step = report.next_step or ""
    assert "have another role than job seeker (found: HR pro 1, vendor 1)" in step
    assert "use a wider --role (or none)" in step


def test_roles_asked_for_are_named_in_words_groups_by_their_roles(store: Store) -> None:
    # "another role than industry" said nothing of which roles those are
    step = rank_with_fakes(store, role="job seekers / employer").next_step or ""
    assert "have another role than job seeker or employer (found: HR pro 1, vendor 1)" in step
    lonely = _lonely_firm(["zed_zone"])
    bio = "Collects vinyl and rescues old bikes."
    add_posts(lonely, Account(platform="x", id="id_zed_zone", handle="zed_zone", bio=bio))
    step = rank_with_fakes(lonely, role="industry; hr-pro").next_step or ""
    assert "another role than staffing firm, recruiter, HR pro or vendor (found: other 1)" in step
    # a handle alone, no bio and no post: the model's answer from the name is no finding
    lonely = _lonely_firm(["zed_zone"])
    add_posts(lonely, Account(platform="x", id="id_zed_zone", handle="zed_zone"))
    report = rank_with_fakes(lonely, role="industry; hr-pro")
    step = report.next_step or ""
    # not "another role": nothing says it is one, and no wider --role but any would show it
    assert "another role" not in step and "wider --role" not in step
    assert "has too little to read to tell its role: import or fetch their posts" in step
    assert step.endswith("--include-unseen and --role any.")


def test_contacts_that_went_quiet_need_both_options(store: Store) -> None:
    lonely = _lonely_firm(["olga_old"])
    add_posts(
        lonely,
        Account(platform="x", id="id_olga_old", handle="olga_old"),
        make_post("o1", "olga_old", 400, "Last post before a long break"),
    )
    report = rank_with_fakes(lonely)
    assert report.excluded == {"already talking with": 1}
    step = report.next_step or ""
    assert step.startswith("1 account you already talk with posted nothing in the 90 days")
    # not --as-of her last post's date: the firm replied to her only a day before NOW, so
    # ranked as of then it has no edge to her, and the advice would bring nothing back
    assert step.endswith("show it with --include-contacts and --inactive-days 401.")
    assert "olga_old" in _follow(lonely, step, NOW, include_contacts=True)


def test_the_role_asked_for_is_named_in_words() -> None:
    from staffpulse.connect.advice_words import role_words as _role_words

    assert _role_words("hr_pro") == "HR pro"
    assert _role_words("hr_pro,job_board") == "HR pro or job board"
    # a group by its roles: "another role than industry" did not say which those are
    assert _role_words("industry") == "staffing firm, recruiter, HR pro or vendor"


def test_only_the_largest_group_is_advised_then_the_rest_is_counted() -> None:
    """A real account's advice named five groups' option lists in 110 words: now the one
    option that brings back the most, then how many more and where the other options are."""
    from staffpulse.connect.advice import OTHER_ROLE, OUTSIDE_HIRING, Ranking, Remedy, next_step

    held = HeldBack()
    for reasons, n in (
        ([UNSEEN], 30),
        ([CONTACTS], 20),
        ([CONTACTS, UNSEEN], 18),
        ([OUTSIDE_HIRING], 17),
        ([OTHER_ROLE], 4),
    ):
        for _ in range(n):
            held.add(reasons, role="vendor")
    run = Ranking("@acme_staffing", "x", NOW, True, 90, "recruiter")
    step = next_step(held, run)
    assert step.startswith("30 accounts around @acme_staffing have no posts in the store")
    assert step.endswith(
        "--include-unseen; for 59 more left out, staffpulse connect --help lists the other options."
    )
    assert "--role" not in step and "--include-contacts" not in step

    def no_unseen(remedy: Remedy) -> bool:
        return not remedy.include_unseen

    checked = next_step(held, run, no_unseen)  # the largest group's option brings no one back
    assert checked.startswith("20 accounts you already talk with were left out")
    assert checked.endswith(
        "; for 39 more left out, staffpulse connect --help lists the other options."
    )


def test_when_everyone_found_is_a_contact_the_advice_says_so_in_plain_words() -> None:
    store = _lonely_firm(["paula_posts", "quinn_hr"])
    for n, who in enumerate(["paula_posts", "quinn_hr"], start=10):
        add_posts(
            store,
            Account(platform="x", id=f"id_{who}", handle=who),
            reply_post(n, who, "acme_staffing", 2),
        )
    store.refresh_interactions(full=True)

    step = _rank_with_options(store).next_step or ""
    assert step.startswith("everyone found around @acme_staffing is already followed or already")
    assert "to see the 2 you talk with, use --include-contacts" in step
    assert "import conversations that mention or reply to @acme_staffing" in step
    assert "connect's options" not in step
    # the option it names does show them
    shown = {s.handle for s in _rank_with_options(store, include_contacts=True).suggestions}
    assert shown == {"paula_posts", "quinn_hr"}


def test_contacts_no_option_brings_back_are_not_offered_an_option() -> None:
    held = HeldBack()
    for _ in range(3):
        held.add([CONTACTS, UNSEEN])
    held.add(["already followed"])
    run = Ranking("@acme_staffing", "x", NOW, False, 90, None)
    step = next_step(held, run, lambda _remedy: False)
    assert "already followed or already talking with you, and none of the 3" in step
    assert "even with --include-contacts (none of their posts is in the store)" in step
    assert "connect's options" not in step and "use --include" not in step
    # a stranger left out for good (a job-ad bot): not everyone found is known any more
    held.add(["job-ad bot"])
    assert "everyone found" not in next_step(held, run, lambda _remedy: False)


def test_the_accounts_no_option_brings_back_add_up_to_the_left_out_line() -> None:
    from staffpulse.connect.left_out import left_out_text

    # as connect counts them: each under its first reason in the "Left out" line, every reason
    # in the advice (QA s20 F11: "none of the 525 accounts" beside "295 already followed,
    # 522 already talking with, 3 inactive" did not say which 525)
    left_out = [
        ["already followed"],
        ["already followed"],
        [CONTACTS],
        [CONTACTS],
        [CONTACTS, UNSEEN],
        [INACTIVE],
    ]
    held, excluded = HeldBack(), dict[str, int]()
    for reasons in left_out:
        held.add(reasons, NOW - timedelta(days=200))
        excluded[reasons[0]] = excluded.get(reasons[0], 0) + 1
    run = Ranking("@acme_staffing", "x", NOW, True, 90, None)
    step = next_step(held, run, lambda _remedy: False)
    assert left_out_text(excluded) == "2 already followed, 3 already talking with, 1 inactive"
    # 4 = 3 + 1: the already followed are left out whatever the options, and not counted
    assert step == (
        "import posts that mention or reply to @acme_staffing, or the posts of the people it"
        " talks with (suggestions come from the conversations around it): none of the 4"
        " accounts left out for talking with you or being inactive as of 1 Mar 2026 would come"
        " back with any of connect's options."
    )


def test_with_only_brands_around_the_advice_names_role_any() -> None:
    """Two customers of one shop: all a customer could be suggested is the shop's other
    customer (role other), and the advice names the one option that shows it."""
    store = open_store(":memory:")
    people = [Account(platform="x", id=f"id_{h}", handle=h) for h in ("fan_one", "fan_two")]
    add_posts(
        store,
        *people,
        Account(platform="x", id="id_shopmart_help", handle="shopmart_help"),
        reply_post(1, "fan_one", "shopmart_help", 2),
        reply_post(2, "shopmart_help", "fan_one", 1),
        reply_post(3, "fan_two", "shopmart_help", 2),
        reply_post(4, "shopmart_help", "fan_two", 1),
    )

    def advice(role: str | None) -> str:
        report = rank_with_fakes(store, "fan_one", platform="x", role=role)
        assert report.suggestions == [] and report.next_step is not None
        return report.next_step

    told = advice(None)
    assert (
        "1 account has the role other (brands, public figures: outside the hiring world): "
        "use --role any" in told
    )
    assert "a wider --role (or --role any)" in advice("industry")  # "none" would not show it
    found = rank_with_fakes(store, "fan_one", platform="x", role="any")
    assert [s.handle for s in found.suggestions] == ["fan_two"]


def test_nothing_to_suggest_says_what_to_do(store: Store) -> None:
    lonely = rank_with_fakes(store, "sam_stranger")
    assert lonely.suggestions == []
    assert lonely.next_step == (
        "1 account you already talk with has the role other (brands, public figures: outside "
        "the hiring world): show it with --include-contacts and --role any."
    )
    found = rank_with_fakes(store)
    assert found.suggestions and found.next_step is None


def test_an_account_with_nothing_to_read_is_shown_with_its_role_unknown() -> None:
    """A handle with no bio and no post: the line says "role unknown" rather than a role the
    model guessed from the handle, and scripts get a null role; a recruiter's handle (a trade
    word in it) is read as ever."""
    store = _lonely_firm(["zed_zone", "rita_recruits"])
    for who in ("zed_zone", "rita_recruits"):
        add_posts(store, Account(platform="x", id=f"id_{who}", handle=who))
    store.refresh_interactions(full=True)
    shown = _rank_with_options(store, include_contacts=True, include_unseen=True).suggestions
    said = {s.handle: (s.role, s.reasons.text().split(" · ")[0]) for s in shown}
    assert said == {"zed_zone": (None, "role unknown"), "rita_recruits": ("recruiter", "recruiter")}


def test_the_advice_asks_for_no_more_options_than_show_someone() -> None:
    """A care desk's advice asked for --role any and an --inactive-days for its largest group
    (inactive brands), where --role any alone showed the active brands."""
    from staffpulse.connect.advice import OUTSIDE_HIRING, Ranking, next_step

    held = HeldBack()
    for reasons, n in (([INACTIVE, OUTSIDE_HIRING], 12), ([OUTSIDE_HIRING], 5)):
        for _ in range(n):
            held.add(reasons, NOW - timedelta(days=300))
    run = Ranking("@acme_help", "x", NOW, True, 90, None)
    step = next_step(held, run)
    assert step.startswith("5 accounts have the role other")
    assert "use --role any;" in step and "--inactive-days" not in step
    # when those options show no one, the largest group's fuller options are offered
    fuller = next_step(held, run, lambda remedy: remedy.inactive_days is not None)
    assert fuller.startswith("12 accounts posted nothing") and "--inactive-days" in fuller
