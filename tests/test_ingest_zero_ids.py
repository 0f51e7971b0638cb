"""Post ids a spreadsheet saved again without their leading zeros ("007" as 7): the posts
are matched to the stored ones by the same author with the same text or date, stored once,
and told; two firms' posts numbered alike are never merged."""

from __future__ import annotations

from pathlib import Path

import pytest

from staffpulse import ingest
from staffpulse.ingest import import_paths
from staffpulse.ingest_zero_ids import zero_forms
from staffpulse.store import open_store

HEADER = "id,author,text,created_at,reply_to_id\n"
FIRST = (
    HEADER + "007,acmestaffing,We are hiring forklift drivers,2026-11-02T10:00:00Z,\n"
    "0012,acmestaffing,Meet Jana from our Dayton branch \U0001f389,2026-11-03T10:00:00Z,\n"
)
# the same sheet after Excel read the id column as numbers and saved it without UTF-8 (the
# emoji a "?"); a reply added since
RESAVED = (
    HEADER + "7,AcmeStaffing,We are hiring forklift drivers,2026-11-02T10:00:00Z,\n"
    "12,acmestaffing,Meet Jana from our Dayton branch ?,2026-11-03 10:00,\n"
    "13,acmestaffing,Thanks to all who applied so far,2026-11-04T10:00:00Z,7\n"
)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _posts(store: object) -> list[tuple[str, str, str | None]]:
    sql = "SELECT id, author_id, reply_to_post_id FROM posts ORDER BY id"
    return [tuple(row) for row in store.conn.execute(sql)]  # type: ignore[attr-defined]


def test_a_sheet_resaved_without_leading_zeros_stores_no_second_post(tmp_path: Path) -> None:
    first = _write(tmp_path / "posts.csv", FIRST)
    resaved = _write(tmp_path / "posts resaved.csv", RESAVED)
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [first])
        report = import_paths(store, [resaved])
        again = import_paths(store, [first])  # the original once more: nothing new either
        stored = _posts(store)
    assert [post_id for post_id, _author, _reply in stored] == ["0012", "007", "13"]
    assert ("13", "acmestaffing", "007") in stored  # the reply finds its parent
    assert (report.new_posts, again.new_posts) == (1, 0)
    assert [n.message for n in report.notices] == [
        # its emoji, saved as "?", is not taken for a new text (staffpulse.ingest_lossy_texts)
        '1 post of this file has "?" where the stored text has an emoji or a letter (line 3,'
        " post 0012): the file was saved without UTF-8, so the stored text was kept. In Excel,"
        ' save it as "CSV UTF-8" to keep emoji and accents',
        "2 posts of this file have ids that a spreadsheet saved without their leading zeros"
        " (7 here, 007 in the store, by @AcmeStaffing): the same author and text (or a near"
        " text the same minute) as the stored posts, so each was stored once, under the id the store holds. To"
        " keep such ids as they are, format the id column as Text in the spreadsheet before"
        " saving it",
    ]
    assert again.notices == []


def test_the_sheet_resaved_first_keeps_its_ids_when_the_original_comes_after(
    tmp_path: Path,
) -> None:
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [_write(tmp_path / "resaved.csv", RESAVED)])
        report = import_paths(store, [_write(tmp_path / "original.csv", FIRST)])
        stored = _posts(store)
    assert [post_id for post_id, _author, _reply in stored] == ["12", "13", "7"]
    assert report.new_posts == 0 and "(007 here, 7 in the store" in report.notices[0].message


def test_two_firms_or_posts_numbered_anew_are_never_merged(tmp_path: Path) -> None:
    other_firm = _write(
        tmp_path / "bobco.csv",
        HEADER + "7,bobcostaffing,We are hiring forklift drivers,2026-11-02T10:00:00Z,\n",
    )
    numbered_anew = _write(
        tmp_path / "earlier.csv",
        HEADER + "12,acmestaffing,Happy Halloween from the whole team,2026-10-31T10:00:00Z,\n",
    )
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [_write(tmp_path / "posts.csv", FIRST)])
        reports = [import_paths(store, [path]) for path in (other_firm, numbered_anew)]
        stored = _posts(store)
    assert [(post_id, author) for post_id, author, _reply in stored] == [
        ("0012", "acmestaffing"),
        ("007", "acmestaffing"),
        ("12", "acmestaffing"),
        ("7", "bobcostaffing"),
    ]
    assert [(r.new_posts, r.notices) for r in reports] == [(1, []), (1, [])]


@pytest.mark.parametrize(
    ("first_at", "text", "created_at", "merged"),
    [
        ("2026-11-02T10:00:00Z", "We are hiring forklift driver,", "2026-11-02 10:00", True),
        ("2026-11-02", "We are hiring forklift driver,", "2026-11-02", False),  # a day: no proof
        ("2026-11-02", "Our benefits start on day one", "2026-11-02", False),  # posted anew
        ("2026-11-02T10:00:00Z", "Our benefits start on day one", "2026-11-02 10:00", False),
        ("2026-11-02T10:00:00Z", "WE ARE HIRING FORKLIFT DRIVERS!", "2026-12-24", True),
    ],
)
def test_a_post_numbered_alike_is_merged_only_when_its_text_shows_it_is_the_same(
    tmp_path: Path, first_at: str, text: str, created_at: str, merged: bool
) -> None:
    first = HEADER + f"007,acmestaffing,We are hiring forklift drivers,{first_at},\n"
    later = HEADER + f'7,acmestaffing,"{text}",{created_at},\n'
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [_write(tmp_path / "first.csv", first)])
        report = import_paths(store, [_write(tmp_path / "later.csv", later)])
        stored = _posts(store)
    assert len(stored) == (1 if merged else 2)
    assert report.new_posts == (0 if merged else 1)


def test_one_file_s_own_7_and_007_are_two_posts_even_in_other_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest, "BATCH_SIZE", 1)  # as a file of thousands of rows is read
    both = HEADER + "".join(
        f"{post_id},acmestaffing,We are hiring forklift drivers,2026-11-02T10:00:00Z,\n"
        for post_id in ("7", "007")
    )
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [_write(tmp_path / "both.csv", both)])
        stored = _posts(store)
    assert [post_id for post_id, _author, _reply in stored] == ["007", "7"]
    assert report.new_posts == 2 and report.notices == []


def test_only_ids_of_digits_have_other_zero_forms() -> None:
    assert zero_forms("007")[:3] == ["007", "7", "07"]
    assert zero_forms("7")[:3] == ["7", "07", "007"]
    assert zero_forms("1600000000000000001") == ["1600000000000000001"]  # never padded
    assert zero_forms("p7") == zero_forms("at://did:plc:x/app.bsky.feed.post/3k") == []


def test_a_reply_resaved_without_its_parent_links_to_the_stored_parent(tmp_path: Path) -> None:
    replies = _write(
        tmp_path / "replies.csv",  # the reply alone, re-saved: its parent's id lost its zeros
        HEADER + "13,acmestaffing,Thanks to all who applied so far,2026-11-04T10:00:00Z,7\n",
    )
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [_write(tmp_path / "posts.csv", FIRST)])
        report = import_paths(store, [replies])
        again = import_paths(store, [replies])
        stored = _posts(store)
    assert ("13", "acmestaffing", "007") in stored and len(stored) == 3
    assert [n.message for n in report.notices] == [
        "1 post of this file replies to, quotes or reposts a post by an id a spreadsheet saved"
        " without its leading zeros (7 here, 007 in the store): the store holds no post 7, so"
        " it was linked to the stored post. To keep such ids as they are, format the id"
        " columns as Text in the spreadsheet before saving it"
    ]
    assert (report.new_posts, again.new_posts) == (1, 0)


@pytest.mark.parametrize(
    "stored_ids",
    [("007", "7"), ("007", "07")],  # the parent stored as written; two posts it may be
)
def test_a_reply_keeps_its_parent_id_unless_one_other_stored_post_fits(
    tmp_path: Path, stored_ids: tuple[str, str]
) -> None:
    parents = HEADER + "".join(
        f"{post_id},acmestaffing,Open day number {n},2026-11-0{n}T10:00:00Z,\n"
        for n, post_id in enumerate(stored_ids, start=1)
    )
    reply = HEADER + "13,acmestaffing,See you at the open day,2026-11-04T10:00:00Z,7\n"
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [_write(tmp_path / "parents.csv", parents)])
        report = import_paths(store, [_write(tmp_path / "reply.csv", reply)])
        stored = _posts(store)
    assert ("13", "acmestaffing", "7") in stored
    assert report.notices == []


def test_a_file_with_a_resaved_post_and_a_resaved_link_is_told_both(tmp_path: Path) -> None:
    resaved = _write(
        tmp_path / "resaved.csv",  # 12 is the stored 0012; the reply's parent 7 is not in it
        HEADER + "12,acmestaffing,Meet Jana from our Dayton branch ?,2026-11-03 10:00,\n"
        "13,acmestaffing,Thanks to all who applied so far,2026-11-04T10:00:00Z,7\n",
    )
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [_write(tmp_path / "posts.csv", FIRST)])
        report = import_paths(store, [resaved])
        stored = _posts(store)
    assert ("13", "acmestaffing", "007") in stored
    zero_notes = [n.message for n in report.notices if "leading zeros" in n.message]
    assert len(zero_notes) == 1
    assert "(12 here, 0012 in the store, by @acmestaffing)" in zero_notes[0]
    assert "(7 here, 007 in the store): the store holds no post 7" in zero_notes[0]
    assert zero_notes[0].endswith(
        "format the id columns as Text in the spreadsheet before saving it"
    )


def test_a_reply_is_not_linked_to_another_authors_post_numbered_alike(tmp_path: Path) -> None:
    # the store's only post 007 is another firm's: a reply to 7 in this file is left as it is
    reply = HEADER + "21,harbor_temps,Glad to help with the move,2026-11-05T10:00:00Z,7\n"
    with open_store(tmp_path / "s.db") as store:
        import_paths(store, [_write(tmp_path / "posts.csv", FIRST)])
        report = import_paths(store, [_write(tmp_path / "reply.csv", reply)])
        stored = _posts(store)
    assert ("21", "harbor_temps", "7") in stored
    assert report.notices == []
