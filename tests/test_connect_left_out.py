"""Why connect left candidates out (staffpulse.connect.left_out): the "Left out" line people
read, and the names scripts read in ``connect --json``, which never change with the words."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from connect_fixtures import NOW, add_posts, build_store, rank_with_fakes, reply_post
from staffpulse.connect import SuggestOptions
from staffpulse.connect.advice import (
    BROADCAST,
    CONTACTS,
    INACTIVE,
    ORDER,
    OTHER_ROLE,
    PERMANENT,
    STALE,
    UNKNOWN_ROLE,
    UNSEEN,
    WEAK,
)
from staffpulse.connect.left_out import (
    REASON_KEYS,
    left_out_parts,
    left_out_text,
    name_left_out,
    reason_key,
    shown_with_line,
)
from staffpulse.models import Account, Post


def test_left_out_counts_read_as_words() -> None:
    excluded = {"job-ad bot": 3, "already followed": 2, OTHER_ROLE: 1, "inactive": 1}
    assert left_out_text(excluded) == (
        "2 already followed, 1 inactive, 3 automated job feeds, 1 of another role"
    )
    assert left_out_text({"job-ad bot": 1}) == "1 automated job feed"


def test_each_reason_has_a_snake_case_name_beside_its_words() -> None:
    parts = left_out_parts({"job-ad bot": 1200, OTHER_ROLE: 1, "weak link": 2})
    assert parts == [
        {
            "reason": "job_ad_bot",
            "count": 1200,
            "said": "1,200 automated job feeds",
            "shown_with": '--include-job-ads (or --role "job board")',
        },
        {
            "reason": "another_role",
            "count": 1,
            "said": "1 of another role",
            "shown_with": "--role any",
        },
        {"reason": "weak_link", "count": 2, "said": "2 too weakly linked to your circle"},
    ]
    # every reason connect leaves accounts out for has a name of its own, each a different one
    assert set(REASON_KEYS) == PERMANENT | set(ORDER)
    assert len(set(REASON_KEYS.values())) == len(REASON_KEYS)
    assert all(name.replace("_", "").isalpha() and name.islower() for name in REASON_KEYS.values())
    # one without (a report built by hand) still gets a snake_case one
    assert reason_key("Not in the list (yet)") == "not_in_the_list_yet"


def test_a_stale_contact_reads_as_a_contact_not_a_stranger() -> None:
    assert left_out_parts({STALE: 1}) == [
        {
            "reason": "stale_contact",
            "count": 1,
            "said": "1 contact talked with too rarely or long ago",
        }
    ]
    assert left_out_text({STALE: 518}) == "518 contacts talked with too rarely or long ago"


def test_left_out_counts_say_when_only_the_nearest_candidates_were_looked_at() -> None:
    store = build_store()
    # one candidate read at a time, so the ranking stops as soon as the list is settled
    early = rank_with_fakes(store, limit=1, options=SuggestOptions(batch=1))
    assert early.looked_at < early.reached
    assert early.left_out_line.startswith(
        f"Left out among the {early.looked_at} nearest of the {early.reached} accounts reached"
    )
    assert sum(early.excluded.values()) <= early.looked_at
    full = rank_with_fakes(store, options=SuggestOptions(batch=1))
    assert full.looked_at == full.reached and full.left_out_line.startswith("Left out: ")
    assert full.as_dict()["looked_at"] == full.reached


def test_every_account_left_out_with_a_handle_is_named_not_only_counted() -> None:
    """ "1 already talking with, 1 inactive" named no one: a user could not tell whom each count
    held. Each is named now, and --json lists them with the option that lifts the reason."""
    report = rank_with_fakes(build_store())
    line = report.left_out_line
    assert "1 already talking with (@rita_recruits)" in line
    assert "1 inactive (@olga_old)" in line
    parts = {part["reason"]: part for part in report.as_dict()["excluded_reasons"]}
    assert parts["already_talking_with"]["accounts"] == ["@rita_recruits"]
    assert parts["inactive"]["accounts"] == ["@olga_old"]
    assert parts["inactive"]["shown_with"] == "a larger --inactive-days"
    assert parts["already_talking_with"]["shown_with"] == "--include-contacts"
    # the account already followed is the user's own choice: counted, not named
    assert parts["already_followed"]["said"] == "1 already followed"


def test_an_account_with_nothing_to_read_is_left_out_as_role_unknown_not_another_role() -> None:
    """Under --role, a handle with no bio and no post was counted "of another role" (and
    ``another_role`` in --json), though the role model had nothing to read to say so."""
    store = build_store()
    add_posts(store, Account(platform="x", id="id_quiet_quill", handle="quiet_quill"))
    add_posts(store, reply_post(77, "acme_staffing", "quiet_quill", 1))
    store.refresh_interactions(full=True)
    shown = SuggestOptions(include_contacts=True, include_unseen=True)
    report = rank_with_fakes(store, role="vendor", options=shown)
    line = report.left_out_line
    assert "1 with too little to read to tell its role (@quiet_quill)" in line
    parts = {part["reason"]: part for part in report.as_dict()["excluded_reasons"]}
    assert parts["role_unknown"]["accounts"] == ["@quiet_quill"]
    assert parts["role_unknown"]["shown_with"] == "--role any"
    assert "@quiet_quill" not in parts.get("another_role", {}).get("accounts", [])
    assert report.as_dict()["excluded"]["role_unknown"] == 1
    assert "accounts with too little to read to tell their role: --role any" in (
        shown_with_line(report.excluded) or ""
    )
    # --role any shows it, as the line says
    anyone = rank_with_fakes(store, role="any", options=shown)
    assert "quiet_quill" in [s.handle for s in anyone.suggestions]


def test_an_account_known_only_by_its_id_is_named_by_it() -> None:
    """A reply to an account whose handle nothing gives: its id, not '@98765' (no such handle)."""
    store = build_store()
    reply = Post(
        platform="x",
        id="t900",
        author_id="id_rita_recruits",
        author_handle="rita_recruits",
        text="I think so",
        created_at=NOW - timedelta(days=1),
        kind="reply",
        reply_to_account_id="98765",
    )
    add_posts(store, reply)
    assert "1 never seen (account id 98765)" in rank_with_fakes(store).left_out_line
    # one known by a DID alone: said in words, kept whole for scripts
    did = "did:plc:abcdefghijklmnopqrstuvwx"
    add_posts(store, replace(reply, id="t901", reply_to_account_id=did))
    report = rank_with_fakes(store)
    assert "plus an account known only by its id" in report.left_out_line
    assert "did:" not in report.left_out_line
    [unseen] = [p for p in report.as_dict()["excluded_reasons"] if p["reason"] == "never_seen"]
    assert f"account id {did}" in unseen["accounts"]


def test_an_account_known_only_by_a_bluesky_did_is_said_in_words_and_kept_whole_in_json() -> None:
    """QA s40: "Left out: 3 never seen (@a.example, @b.example, account id did:plc:...)": a
    marketer can do nothing with a DID. People read that an account is known only by its id;
    --json keeps the DID for scripts."""
    did = name_left_out("did:plc:abcdefghijklmnopqrstuvwx", "", by_id=True)
    names = {UNSEEN: ["@a.example", "@b.example", did]}
    [part] = left_out_parts({UNSEEN: 3}, names)
    assert (
        part["said"]
        == "3 never seen (@a.example, @b.example, plus an account known only by its id)"
    )
    assert part["accounts"] == names[UNSEEN]
    assert "did:" not in left_out_text({UNSEEN: 3}, names)
    two = {UNSEEN: [did, name_left_out("did:plc:xyz", "", by_id=True)]}
    assert left_out_text({UNSEEN: 2}, two) == "2 never seen (2 accounts known only by their ids)"
    # past three handles: counted as before, the DID said apart
    many = {UNSEEN: [f"@h{i}.example" for i in range(5)] + [did]}
    assert left_out_text({UNSEEN: 6}, many) == (
        "6 never seen (@h0.example, @h1.example, @h2.example and 2 more, plus an account known "
        "only by its id)"
    )


def test_the_options_that_lift_a_reason_are_named_and_no_option_is_promised_for_a_weak_link() -> (
    None
):
    """Contacts, never-seen and inactive accounts were named with no word of the option that
    shows them; a weak link has none, and none is promised."""
    line = shown_with_line({CONTACTS: 2, UNSEEN: 1, INACTIVE: 3, WEAK: 4, STALE: 1})
    assert line == (
        "To see them: accounts you already talk with: --include-contacts; inactive accounts: "
        "a larger --inactive-days; accounts never seen: --include-unseen (each lifts one "
        "reason: an account held back by another too stays out)"
    )
    assert shown_with_line({WEAK: 4, STALE: 1}) is None
    # what the ads are shown with needs no caution: that option shows them whatever else
    assert shown_with_line({BROADCAST: 1}) == "To see them: broadcast-only accounts: --role any"
    # the dashboard's form words its own options, and has none for these
    assert shown_with_line({CONTACTS: 2}, {BROADCAST: "choose Any role"}) is None


def test_an_option_that_shows_several_groups_is_named_once() -> None:
    """ "--role any" was said three times on one line, once after each group it shows."""
    line = shown_with_line({BROADCAST: 2, OTHER_ROLE: 1, UNKNOWN_ROLE: 3})
    assert line == (
        "To see them: broadcast-only accounts, accounts of another role and accounts with too "
        "little to read to tell their role: --role any"
    )
    assert line is not None and line.count("--role any") == 1
