"""Importing files (staffpulse.ingest.import_paths): detection, skipped-record reporting,
folders, idempotency, and what the report sums."""

from __future__ import annotations

from pathlib import Path

import pytest

from export_gap_helpers import MARCH, archive_of
from ingest_helpers import GOOD, write_jsonl
from staffpulse.errors import (
    EmptyInputError,
    InputError,
    NothingImportedError,
    UnknownFormatError,
)
from staffpulse.ingest import import_paths
from staffpulse.sources.folders import left_out
from staffpulse.store import open_store


def test_one_malformed_line_is_named_and_the_rest_imported(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [GOOD[0], GOOD[1], "{not json", GOOD[2]])
    store = open_store(":memory:")
    report = import_paths(store, [path])
    # acme is declared; bob, who only posts, gets a bare account
    assert (report.posts, report.accounts, report.skipped) == (2, 2, 1)
    assert report.problems[0].line == 3 and report.problems[0].file == str(path)
    assert store.conn.execute("SELECT status FROM runs").fetchone()[0] == "ok"


def test_reimport_gives_identical_stats(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", GOOD)
    store = open_store(":memory:")
    import_paths(store, [path])
    first = store.stats()
    again = import_paths(store, [path])
    assert store.stats() == first
    assert (again.new_posts, again.new_accounts) == (0, 0)


def test_folder_import_skips_unknown_files_with_a_note(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", GOOD)
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    report = import_paths(open_store(":memory:"), [tmp_path])
    assert report.posts == 2
    assert any("not a known format" in p.message for p in report.problems)
    # an empty file is told as empty, as it is when given alone, and costs no record
    (tmp_path / "later.csv").write_bytes(b"")
    report = import_paths(open_store(":memory:"), [tmp_path])
    (empty,) = [p for p in report.problems if p.file.endswith("later.csv")]
    assert empty.message == "the file is empty" and report.skipped == 0


def test_missing_empty_and_unknown_inputs_have_clear_errors(tmp_path: Path) -> None:
    store = open_store(":memory:")
    with pytest.raises(InputError, match="no such file"):
        import_paths(store, [tmp_path / "nope.jsonl"])
    (tmp_path / "empty.jsonl").write_text("")
    with pytest.raises(EmptyInputError, match="empty"):
        import_paths(store, [tmp_path / "empty.jsonl"])
    (tmp_path / "x.dat").write_text("random words")
    with pytest.raises(UnknownFormatError, match="not a format staffpulse can import"):
        import_paths(store, [tmp_path / "x.dat"])
    empty_dir = tmp_path / "d"
    empty_dir.mkdir()
    with pytest.raises(EmptyInputError, match="the folder holds no file staffpulse can read"):
        import_paths(store, [empty_dir])


# -- several paths: a bad one is left out, as a folder's file is -----------------------------


def test_a_bad_file_among_several_paths_is_left_out_and_the_rest_imported(
    tmp_path: Path,
) -> None:
    # what `staffpulse import client/*` names: the data, its LICENSE, an empty file
    data = write_jsonl(tmp_path / "a.jsonl", GOOD)
    (tmp_path / "LICENSE").write_text("MIT License\n")
    (tmp_path / "empty.json").write_bytes(b"")
    (tmp_path / "empty_folder").mkdir()
    paths = [data, tmp_path / "LICENSE", tmp_path / "empty.json", tmp_path / "empty_folder"]
    report = import_paths(open_store(":memory:"), paths)
    assert (report.posts, report.skipped) == (2, 0)
    assert [(Path(p.file).name, p.message) for p in report.problems] == [
        ("LICENSE", "not a known format"),
        ("empty.json", "the file is empty"),
        ("empty_folder", "the folder holds no files; skipped"),
    ]
    assert all(left_out(p) for p in report.problems)
    # none of them importable: refused, saying that nothing was imported
    with pytest.raises(EmptyInputError) as refused:
        import_paths(open_store(":memory:"), paths[1:])
    assert refused.value.exit_code == 65
    assert refused.value.message.startswith(
        "nothing was imported: none of the 3 paths holds anything staffpulse can import "
        "(LICENSE, empty.json, empty_folder"
    )
    # a path that does not exist is a typo: refused before anything is imported
    store = open_store(":memory:")
    with pytest.raises(InputError, match="no such file"):
        import_paths(store, [data, tmp_path / "typo.jsonl"])
    assert store.stats()["accounts"] == {}


def test_files_read_that_hold_nothing_exit_1_and_unread_ones_65(tmp_path: Path) -> None:
    header = tmp_path / "header.csv"
    header.write_text("id,author,text\n", encoding="utf-8")
    with pytest.raises(NothingImportedError) as empty:
        import_paths(open_store(":memory:"), [header])
    # read, and nothing came of it: exit 1, as when every record is skipped
    assert empty.value.exit_code == 1
    assert empty.value.message == f"nothing to import: {header} holds no accounts, posts or follows"
    (tmp_path / "LICENSE").write_text("MIT License\n")
    with pytest.raises(NothingImportedError, match=r"\(1 other file left out: LICENSE\)"):
        import_paths(open_store(":memory:"), [header, tmp_path / "LICENSE"])
    with pytest.raises(UnknownFormatError) as unread:
        import_paths(open_store(":memory:"), [tmp_path / "LICENSE"])
    assert unread.value.exit_code == 65


# -- posts-only files give their authors an account ------------------------------------------


def test_posts_only_csv_can_be_audited_and_reimports_add_nothing(tmp_path: Path) -> None:
    path = tmp_path / "min.csv"
    path.write_text(
        "id,author,created_at,text\n"
        "1,acmestaffing,2026-03-01T14:05:00Z,We're hiring a forklift operator!\n"
        "2,acmestaffing,2026-03-02T14:05:00Z,Our recruiter ran a 5k today haha\n",
        encoding="utf-8",
    )
    store = open_store(":memory:")
    first = import_paths(store, [path])
    assert (first.posts, first.accounts, first.new_accounts) == (2, 1, 1)
    account = store.find_account("acmestaffing")
    assert len(store.posts_by(account.platform, account.id)) == 2
    again = import_paths(store, [path])
    assert (again.new_posts, again.new_accounts) == (0, 0)
    assert store.stats()["accounts"] == {"csv": 1}


def test_bare_author_account_never_blanks_richer_stored_data(tmp_path: Path) -> None:
    rich = write_jsonl(
        tmp_path / "accounts.jsonl",
        [
            {
                "type": "account",
                "platform": "x",
                "handle": "acmestaffing",
                "display_name": "Acme Staffing",
                "bio": "We place great people.",
                "avatar_url": "https://acme.example/a.png",
                "followers": 1200,
                "verified": True,
                "url": "https://x.com/acmestaffing",
            }
        ],
    )
    posts = write_jsonl(
        tmp_path / "posts.jsonl",
        [{"type": "post", "platform": "x", "id": "9", "author": "acmestaffing", "text": "hi"}],
    )
    store = open_store(":memory:")
    import_paths(store, [rich])
    report = import_paths(store, [posts])
    assert report.new_accounts == 0
    account = store.find_account("acmestaffing")
    assert (account.display_name, account.bio, account.followers) == (
        "Acme Staffing",
        "We place great people.",
        1200,
    )
    assert account.avatar_url and account.url and account.verified
    assert store.stats()["accounts"] == {"x": 1}


# -- encodings, header errors, whole-file JSON errors --------------------------------------


def test_guessed_encoding_is_a_notice_not_a_skip(tmp_path: Path) -> None:
    path = tmp_path / "lat.csv"
    path.write_bytes("platform,handle,display_name\nx,cafe,Café Señor\n".encode("cp1252"))
    store = open_store(":memory:")
    report = import_paths(store, [path])
    assert (report.accounts, report.skipped, report.problems) == (1, 0, [])
    assert [n.file for n in report.notices] == [str(path)]
    assert report.as_dict()["notices"] == [n.as_dict() for n in report.notices]
    assert store.find_account("cafe").display_name == "Café Señor"


def test_unusable_csv_header_skips_every_row_in_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "twcs.csv"
    rows = "".join(f"{i},brand,False,Wed Oct 11 06:55:44 +0000 2017,hello {i}\n" for i in range(5))
    path.write_text("tweet_id,author_id,inbound,created_at,text\n" + rows, encoding="utf-8")
    report = import_paths(open_store(":memory:"), [path])
    assert (report.posts, report.skipped, len(report.problems)) == (0, 5, 1)
    assert 'rename the column "tweet_id" to "id"' in report.problems[0].message


def test_cut_short_json_document_names_the_line_and_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_text(
        '{\n  "feed": [\n    {\n      "post": {\n        "uri": "at://did:plc:x/p/1",\n        "cid',
        encoding="utf-8",
    )
    report = import_paths(open_store(":memory:"), [path])
    (problem,) = report.problems
    assert problem.line == 6  # told once, as FILE:LINE
    assert "line 6" not in problem.message
    assert "cut short" in problem.message and "export the file again" in problem.message


# -- folders -------------------------------------------------------------------------------


def test_folder_walk_imports_nested_files_and_skips_hidden_ones(tmp_path: Path) -> None:
    nested = tmp_path / "exports" / "2026" / "march"
    nested.mkdir(parents=True)
    write_jsonl(nested / "a.jsonl", GOOD)
    hidden = tmp_path / "exports" / ".cache"
    hidden.mkdir()
    write_jsonl(hidden / "b.jsonl", [{"type": "account", "platform": "x", "handle": "zed"}])
    report = import_paths(open_store(":memory:"), [tmp_path / "exports"])
    assert report.files == [(str(nested / "a.jsonl"), "staffpulse JSONL")]


def test_a_second_firms_csv_with_the_same_row_numbers_never_overwrites_the_first(
    tmp_path: Path,
) -> None:
    acme, zenith = tmp_path / "acme.csv", tmp_path / "zenith.csv"
    acme.write_text("id,author,text\n1,acmestaffing,Acme lunch\n", encoding="utf-8")
    zenith.write_text("id,author,text\n1,zenithtemps,Zenith fun\n2,zenithtemps,Hi\n", "utf-8")
    store = open_store(":memory:")
    import_paths(store, [acme])
    report = import_paths(store, [zenith])
    assert (report.new_posts, report.skipped) == (1, 1)
    [problem] = report.problems
    assert (problem.file, problem.line) == (str(zenith), 2)
    assert "already used by a post of @acmestaffing" in problem.message
    account = store.find_account("acmestaffing")
    assert [p.text for p in store.posts_by(account.platform, account.id)] == ["Acme lunch"]


def test_an_import_whose_every_post_was_skipped_is_told_as_nothing_imported(
    tmp_path: Path,
) -> None:
    # a second firm's file reusing post id 1: its only post is skipped, and the bare account of
    # its author is no import worth "Done" (the CLI exits 1, the dashboard warns)
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    first.write_text("id,author,text\n1,acme,hello world\n", encoding="utf-8")
    second.write_text("id;author;text\n1;acmesemi;hi there\n", encoding="utf-8")
    store = open_store(":memory:")
    kept = import_paths(store, [first])
    assert not kept.every_post_skipped and not kept.nothing_imported
    report = import_paths(store, [second])
    assert (report.posts_read, report.posts, report.skipped) == (1, 0, 1)
    assert report.every_post_skipped and report.nothing_imported
    # a file of accounts alone holds no post to skip: imported as before
    people = tmp_path / "people.csv"
    people.write_text("handle,platform,display_name\nzenith,x,Zenith\n", encoding="utf-8")
    accounts = import_paths(store, [people])
    assert accounts.accounts == 1 and not accounts.nothing_imported


def test_the_report_sums_updated_profiles_and_new_follows(tmp_path: Path) -> None:
    store = open_store(":memory:")
    first = import_paths(store, [write_jsonl(tmp_path / "a.jsonl", GOOD)])
    follows = [
        {"type": "follow", "platform": "x", "follower": "acme", "followee": "bob"},
        {"type": "account", "platform": "x", "handle": "acme", "display_name": "Acme Staffing"},
    ]
    second = import_paths(store, [write_jsonl(tmp_path / "b.jsonl", follows)])
    again = import_paths(store, [write_jsonl(tmp_path / "c.jsonl", follows)])
    assert (first.updated_profiles, first.new_follows) == (0, 0)
    assert (second.updated_profiles, second.new_follows) == (1, 1)
    assert (again.updated_profiles, again.new_follows) == (0, 0)
    assert second.as_dict()["new"] == {"accounts": 0, "posts": 0, "follows": 1}
    assert second.as_dict()["updated"] == {"profiles": 1, "posts": 0}


def _twarc_page(retrieved_at: str, tweet_id: str, followers: int, bio: str) -> dict[str, object]:
    """A twarc2 search page: one tweet by the firm, and the firm's profile as of retrieval."""
    return {
        "data": [
            {
                "id": tweet_id,
                "author_id": "9",
                "text": "We are hiring welders",
                "created_at": "2021-04-01T09:00:00.000Z",
                "public_metrics": {"like_count": 2, "retweet_count": 0},
            }
        ],
        "includes": {
            "users": [
                {
                    "id": "9",
                    "username": "AcmeStaffing",
                    "name": "Acme Staffing",
                    "description": bio,
                    "public_metrics": {"followers_count": followers, "tweet_count": 50},
                }
            ]
        },
        "__twarc": {"version": "2.5.0", "retrieved_at": retrieved_at},
    }


def test_the_newer_profile_wins_in_either_import_order(tmp_path: Path) -> None:
    april = write_jsonl(
        tmp_path / "april.jsonl",
        [_twarc_page("2021-04-08T19:34:32+00:00", "101", 800, "Welders and fitters")],
    )
    september = write_jsonl(
        tmp_path / "september.jsonl",
        [_twarc_page("2021-09-22T16:38:09+00:00", "102", 1200, "Welders, fitters, drivers")],
    )
    ends = []
    for order in ([april, september], [september, april]):
        store = open_store(":memory:")
        for path in order:
            import_paths(store, [path])
        firm = store.find_account("AcmeStaffing")
        ends.append((firm.followers, firm.bio))
        again = import_paths(store, [april])  # the older file once more changes nothing
        assert again.updated_profiles == 0
    assert ends == [(1200, "Welders, fitters, drivers")] * 2


def test_a_table_in_the_x_archive_folder_imported_is_not_passed_over(tmp_path: Path) -> None:
    archive = archive_of(tmp_path / "export", MARCH)
    (archive / "spring.csv").write_text(
        "id,author,text,created_at\nc1,acme_hr,Our spring open day,2026-03-01T10:00:00Z\n",
        encoding="utf-8",
    )
    store = open_store(":memory:")
    report = import_paths(store, [archive])
    assert (report.posts, report.skipped) == (len(MARCH) + 1, 0)
    again = import_paths(store, [archive])
    assert again.new_posts == 0  # read once each time, stored once
