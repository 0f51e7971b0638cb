"""A suggestion as it is shown (staffpulse.connect.suggestion): a score far below the best
never reads zero, a Mastodon account known by its profile URL shows its address, and the JSON
names each reason for leaving accounts out as scripts read it, beside the words people read."""

from __future__ import annotations

from datetime import timedelta

from connect_fixtures import (
    NOW,
    add_posts,
    rank_with_fakes,
)
from staffpulse.connect import SuggestOptions
from staffpulse.connect.export import export_suggestions
from staffpulse.connect.suggest import format_score
from staffpulse.models import Account, Post
from staffpulse.store import open_store


def test_scores_far_below_the_best_do_not_read_zero() -> None:
    assert [format_score(v) for v in (100.0, 17.4, 9.96, 2.34, 0.3, 0.04, 0.0)] == [
        "100",
        "17",
        "10",
        "2.3",
        "0.3",
        "<0.1",
        "0",
    ]


def test_a_mastodon_account_known_by_its_profile_url_shows_and_exports_its_address() -> None:
    store = open_store(":memory:")
    rows: list[Account | Post] = [
        Account(platform="mastodon", id="1", handle="firm@a.social"),
        Account(platform="mastodon", id="2", handle="jane@a.social"),
    ]
    for n, (author, to, days) in enumerate(
        (("1", "2", 1), ("2", "1", 2), ("2", "https://b.social/@Mario", 1))
    ):
        rows.append(
            Post(
                platform="mastodon",
                id=f"m{n}",
                author_id=author,
                text="I think so",
                created_at=NOW - timedelta(days=days),
                kind="reply",
                reply_to_account_id=to,
            )
        )
    add_posts(store, *rows)
    report = rank_with_fakes(store, "firm@a.social", options=SuggestOptions(include_unseen=True))
    (mario,) = report.suggestions
    assert mario.label == "@mario@b.social" and mario.handle_known
    assert mario.url == "https://b.social/@Mario"
    follows = export_suggestions(report.suggestions, "mastodon-follows")
    assert follows.written == 1 and "mario@b.social,true,false," in follows.text


def test_accounts_known_only_by_their_id_are_counted_apart_with_what_to_do() -> None:
    from dataclasses import replace

    from connect_fixtures import SUGGESTIONS, make_suggestion
    from staffpulse.connect.suggestion import id_only_note

    known = SUGGESTIONS[0]
    ids = [
        replace(
            make_suggestion(n, f"10059855853355458{n}", f"10059855853355458{n}"), handle_known=False
        )
        for n in (2, 3)
    ]
    assert id_only_note([known]) is None
    note = id_only_note([known, *ids])
    assert note is not None and note.startswith("2 of these 3 accounts are known only by")
    # what a marketer can do about an id, and why the X list will hold only the one handle
    assert "until the account's posts are imported or the account is fetched" in note
    assert "open the link beside each" in note and "An X list takes handles only" in note
    assert ids[0].link == "https://x.com/i/user/100598558533554582"
    assert id_only_note(ids[:1]) is not None and id_only_note(ids[:1]).startswith("This account is")  # type: ignore[union-attr]


def test_the_json_names_the_reasons_left_out_for_scripts_and_keeps_the_words() -> None:
    from staffpulse.connect.advice import ANONYMIZED, CONTACTS, OUTSIDE_HIRING
    from staffpulse.connect.suggestion import SuggestReport

    excluded = {"job-ad bot": 3, "already followed": 1, CONTACTS: 2, OUTSIDE_HIRING: 1}
    report = SuggestReport(
        Account(platform="x", id="1", handle="firm"), NOW, [], 4, excluded | {ANONYMIZED: 2}
    )
    data = report.as_dict()
    assert data["excluded"] == {
        "already_followed": 1,
        "already_talking_with": 2,
        "anonymized": 2,
        "job_ad_bot": 3,
        "outside_hiring": 1,
    }
    assert data["excluded_reasons"][0] == {
        "reason": "already_followed",
        "count": 1,
        "said": "1 already followed",
    }
    # the words are the terminal's and the web page's, in the same order
    said = ", ".join(part["said"] for part in data["excluded_reasons"])
    assert report.left_out_line == f"Left out: {said}"
    assert "3 job-ad bots" in said and "1 other outside hiring (use --role any to see it)" in said
