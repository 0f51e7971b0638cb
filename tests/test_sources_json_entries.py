"""The entries of a saved response cut short (those that came whole before the cut), or
damaged in one entry (the others), or in its own includes (the entries without them)."""

from __future__ import annotations

import json
from pathlib import Path

from staffpulse.ingest import import_paths
from staffpulse.sources.json_entries import salvage_cut, salvage_damaged, salvage_without_part
from staffpulse.store import open_store


def test_the_entries_whole_before_the_cut_come_back_as_a_document() -> None:
    page = {"feed": [{"post": {"uri": f"at://{n}", "facets": [{}]}} for n in range(4)]}
    text = json.dumps(page, indent=1)
    cut = salvage_cut(text[: text.index('"at://3"')])  # in the 4th entry
    assert cut is not None and (cut.read, cut.lost) == (3, 1)
    assert cut.document == {"feed": page["feed"][:3]}
    statuses = json.dumps([{"id": "1"}, {"id": "2", "text": "{[ not brackets"}, {"id": "3"}])
    listed = salvage_cut(statuses[:-8])
    assert listed is not None and listed.document == json.loads(statuses)[:2]
    assert "so the 2 entries before the cut were read and at least 1 entry lost" in listed.told


def test_a_cut_before_any_whole_entry_salvages_nothing() -> None:
    assert salvage_cut('{"feed": [{"post": {"uri": "at://') is None
    assert salvage_cut('{"id": "1", "text": "one status, no list of entr') is None


def test_a_damaged_entry_is_left_out_and_the_others_come_back() -> None:
    # QA s27: one damaged byte in a saved page lost the whole page; now only its entry
    page = {"data": [{"id": str(n), "text": f"post {n}", "entities": [{"a": n}]} for n in range(4)]}
    text = json.dumps(page, indent=2)
    at = text.index('"post 2"')
    broken = text[:at] + "\ufffd" + text[at + 1 :]  # the quote that opened the text, damaged
    error_at = broken.index("post 2")
    left = salvage_damaged(broken, error_at)
    assert left is not None and (left.read, left.lost) == (3, 1)
    assert left.document == {"data": [page["data"][n] for n in (0, 1, 3)]}
    assert left.line == broken[: broken.index('"2"')].count("\n")  # the line its "{" is on
    assert left.told("line 9, column 15: unexpected character").startswith(
        "an entry starting here is damaged (not valid JSON at line 9, column 15: unexpected"
        " character), so it was left out and the other 3 entries read. What to do:"
    )
    last = text.index('"post 3"')
    at_end = text[:last] + "\ufffd" + text[last + 1 :]
    tail = salvage_damaged(at_end, at_end.index("post 3"))
    assert tail is not None and tail.document == {"data": page["data"][:3]}


def test_damage_outside_any_entry_salvages_nothing() -> None:
    status = '{"id": "1", "text" "one status, no list of entries"}'
    assert salvage_damaged(status, status.index('"one')) is None
    page = '{"meta": {"next_token" 7}, "data": [{"id": "1"}]}'
    assert salvage_damaged(page, page.index("7")) is None


def _page(last: str = "meta") -> dict[str, object]:
    """A twarc2 search page: two tweets by the firm, its profile, a photo and a quoted tweet."""
    page: dict[str, object] = {
        "data": [{"id": f"10{n}", "author_id": "9", "text": f"Hiring welders {n}"} for n in (1, 2)],
        "includes": {
            "users": [{"id": "9", "username": "AcmeStaffing", "name": "Acme"}],
            "media": [{"media_key": "3_1", "type": "photo"}],
            "tweets": [{"id": "55", "author_id": "9", "text": "We are hiring"}],
        },
        "meta": {"result_count": 2},
    }
    if last == "includes":  # the includes last, as some tools write them
        page["includes"] = page.pop("includes")
    return page


def test_damaged_includes_are_left_out_and_the_page_entries_kept() -> None:
    for last in ("meta", "includes"):
        text = json.dumps(_page(last)).replace('"username": "Acme', '"username: "Acme')
        at = text.index('"Acme')  # orjson stops at the key cut in two
        part = salvage_without_part(text, at)
        assert part is not None and part.key == "includes" and part.read == 2
        assert part.document["data"] == _page()["data"] and "includes" not in part.document
        told = part.told("column 9: expected ':' after key")
        assert told.startswith(
            "the response's includes (users, media and tweets: the authors' profiles, media and"
            " quoted tweets its posts name) is damaged (not valid JSON at column 9:"
        )
        assert "left out with at least 1 item, and its 2 entries were read without it" in told


def test_damage_in_the_entries_or_a_part_that_matters_is_not_taken_for_a_lost_part() -> None:
    text = json.dumps(_page()).replace('"text": "Hiring welders 1"', '"text: "Hiring welders 1"')
    assert salvage_without_part(text, text.index("Hiring welders 1")) is None
    # a status's account: without it, the status is nobody's; the file is told damaged
    status = json.dumps({"id": "1", "content": "hi", "account": {"id": "7", "username": "acme"}})
    broken = status.replace('"username": "acme"', '"username: "acme"')
    assert salvage_without_part(broken, broken.index('"acme')) is None


def test_a_jsonl_page_whose_includes_break_imports_its_tweets_and_says_why(
    tmp_path: Path,
) -> None:
    damaged = json.dumps(_page()).replace('"media": [{', '"media": [{{')
    path = tmp_path / "search.jsonl"
    path.write_text(json.dumps({"data": [], "meta": {"result_count": 0}}) + "\n" + damaged + "\n")
    report = import_paths(open_store(":memory:"), [path])
    assert (report.posts, report.accounts) == (2, 0)
    skipped = [problem for problem in report.problems if problem.records]
    assert [(problem.line, problem.records) for problem in skipped] == [(2, 2)]
    assert skipped[0].message.startswith("the response's includes (users, media and tweets")
    (gap,) = [problem for problem in report.notices if "no author profile" in problem.message]
    assert "(a page's includes were damaged or cut off, and left out, as told above)" in gap.message


def test_a_page_cut_before_its_includes_blames_the_cut_not_the_request(tmp_path: Path) -> None:
    text = json.dumps(_page(), indent=2)
    path = tmp_path / "search.json"
    path.write_text(text[: text.index('"includes"') + 20], encoding="utf-8")  # a download cut
    report = import_paths(open_store(":memory:"), [path])
    assert report.posts == 2
    (gap,) = [notice for notice in report.notices if "no author profile" in notice.message]
    assert "includes were damaged or cut off" in gap.message
    assert "expansions=author_id" not in gap.message


def test_a_part_whose_items_hold_many_keys_after_the_damage_is_still_left_out() -> None:
    # QA s29: the end of the damaged includes was looked for among 20 keys only
    page = _page()
    includes = page["includes"]
    assert isinstance(includes, dict)
    includes["users"] = [
        {"id": str(n), "username": f"firm{n}", "public_metrics": {"followers_count": n}}
        for n in range(30)
    ]
    text = json.dumps(page).replace('"username": "firm0"', '"username: "firm0"')
    part = salvage_without_part(text, text.index('"firm0"'))
    assert part is not None and part.document["data"] == _page()["data"]
    assert part.lists == ("users", "media", "tweets")


def test_the_last_page_of_a_jsonl_cut_short_keeps_its_whole_entries(tmp_path: Path) -> None:
    # QA s32: a twarc2 file whose download stopped in its last page lost the page's 100 posts,
    # counted as 1 record skipped; now its posts whole before the cut are read, as in a file
    # of one page
    first = json.dumps(_page()).replace('"1', '"7')  # other ids: a page of its own
    last = json.dumps(_page())
    path = tmp_path / "search.jsonl"
    path.write_text(first + "\n" + last[: last.index('"includes"') + 15], encoding="utf-8")
    report = import_paths(open_store(":memory:"), [path])
    assert (report.posts, report.skipped) == (5, 0)  # 2 + its quoted tweet, and the 2 cut
    assert [(p.line, p.message.split(",")[0]) for p in report.problems] == [
        (2, "the file looks cut short: it stops in the middle")
    ]
    (gap,) = [notice for notice in report.notices if "no author profile" in notice.message]
    assert "includes were damaged or cut off" in gap.message


def test_a_jsonl_page_that_cannot_be_read_counts_each_of_its_posts_skipped(
    tmp_path: Path,
) -> None:
    # QA s32: a twarc2 page damaged past its includes was "Skipped 1 record" for its 2 posts
    page = json.dumps(_page())
    broken = page.replace('"meta"', '@@"meta"')
    path = tmp_path / "search.jsonl"
    path.write_text(json.dumps({"data": [], "meta": {}}) + "\n" + broken + "\n", encoding="utf-8")
    report = import_paths(open_store(":memory:"), [path])
    assert (report.posts, report.skipped) == (0, 2)
    (problem,) = report.problems
    assert problem.line == 2 and "the 2 entries on this line were not read" in problem.message


def test_a_jsonl_page_cut_after_its_includes_keeps_its_authors_profiles(tmp_path: Path) -> None:
    # a twarc2 download that stopped in the last page's meta: its includes came whole, so its
    # posts keep their authors' handles and nothing is said to be left out of them
    last = json.dumps(_page())
    path = tmp_path / "search.jsonl"
    path.write_text(last[: last.index('"meta"') + 4], encoding="utf-8")
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
        handles = {row[0] for row in store.conn.execute("SELECT author_handle FROM posts")}
    assert (report.posts, report.accounts, report.skipped) == (3, 1, 0)
    assert handles == {"AcmeStaffing"}
    assert [n.message for n in report.notices if "profile" in n.message] == []
    assert [p.message.split(",")[0] for p in report.problems] == [
        "the file looks cut short: it stops in the middle"
    ]


def test_a_jsonl_page_cut_inside_its_includes_keeps_the_profiles_before_the_cut(
    tmp_path: Path,
) -> None:
    # a twarc2 download that stopped in the last page's includes lost them all: every post of
    # the page was kept with no author handle; now the profiles whole before the cut are kept
    page = _page()
    data, includes = page["data"], page["includes"]
    assert isinstance(data, list) and isinstance(includes, dict)
    data.append({"id": "103", "author_id": "8", "text": "Hiring drivers"})
    includes["users"].append({"id": "8", "username": "RoadCrew", "name": "Road Crew"})
    text = json.dumps(page)
    path = tmp_path / "search.jsonl"
    path.write_text(text[: text.index('"RoadCrew"') + 4], encoding="utf-8")  # in the 2nd user
    with open_store(tmp_path / "s.db") as store:
        report = import_paths(store, [path])
        rows = store.conn.execute("SELECT id, author_handle FROM posts ORDER BY id").fetchall()
    assert (report.posts, report.accounts, report.skipped) == (3, 1, 0)
    assert [tuple(row) for row in rows] == [
        ("101", "AcmeStaffing"),
        ("102", "AcmeStaffing"),
        ("103", ""),  # its author's profile came after the cut
    ]
    (gap,) = [notice for notice in report.notices if "no author profile" in notice.message]
    assert "includes were damaged or cut off" in gap.message  # the cut, not the request
    # cut after the users, in the media: the profiles and nothing lost told of them
    path.write_text(text[: text.index('"media"') + 12], encoding="utf-8")
    report = import_paths(open_store(":memory:"), [path])
    assert (report.posts, report.accounts) == (3, 2)
    assert [n.message for n in report.notices if "profile" in n.message] == []
