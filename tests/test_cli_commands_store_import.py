"""The import command (staffpulse.cli.commands.store) through Typer's runner, as a user runs
it: the --json contract, skipped lines named, files read or refused and the exit codes that
say so, the summary of what is new or updated, and Ctrl-C part way."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest_helpers import write_sample
from staffpulse.cli import app
from staffpulse.store import open_store

runner = CliRunner()


def test_import_json_contract_and_stable_stats(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    path = write_sample(tmp_path)
    result = runner.invoke(app, ["import", str(path), "--json", "--db", db])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    # the post by jo.bsky.social brings a bare account for its author, so it can be audited
    assert out["imported"]["accounts"] == 2 and out["imported"]["posts"] == 2
    assert out["skipped"] == 1
    assert out["problems"] == [
        {"file": str(path), "line": 3, "message": out["problems"][0]["message"]}
    ]
    stats_once = runner.invoke(app, ["stats", "--json", "--db", db]).stdout
    runner.invoke(app, ["import", str(path), "--db", db])
    stats_twice = runner.invoke(app, ["stats", "--json", "--db", db]).stdout
    assert stats_once == stats_twice
    assert json.loads(stats_once) == {
        "accounts": {"bluesky": 1, "x": 1},
        "posts": {
            "bluesky": {"original": 0, "reply": 0, "repost": 0, "quote": 1},
            "x": {"original": 1, "reply": 0, "repost": 0, "quote": 0},
        },
        "follows": {},  # none imported: stats says so rather than leaving it out
    }


def test_human_import_output_names_the_bad_line(tmp_path: Path) -> None:
    path = write_sample(tmp_path)
    result = runner.invoke(app, ["import", str(path), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0
    assert f"{path}:3" in result.output
    assert "Skipped 1 record (each named above" in result.output


def test_file_names_and_problems_with_markup_are_printed_as_they_are(tmp_path: Path) -> None:
    folder = tmp_path / "a["
    folder.mkdir()
    path = folder / "]ok[bold].jsonl"  # printed as .../a[/]ok[bold].jsonl
    path.write_text(write_sample(tmp_path).read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["import", str(path), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    assert f"read {path} as" in result.output
    assert f"skipped {path}:3:" in result.output
    assert "Imported 2 posts (2 new), 2 accounts (2 new). Skipped 1 record (each named above" in (
        result.output
    )


def test_an_import_that_reads_no_file_fails(tmp_path: Path) -> None:
    # a lone tweets.js: told what to import instead, its tweets counted as skipped, exit 1
    lone = tmp_path / "tweets.js"
    tweet = '{ "tweet" : { "id_str" : "1" } }'
    lone.write_text(f"window.YTD.tweets.part0 = [ {tweet}, {tweet} ]")
    result = runner.invoke(app, ["import", str(lone), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1
    assert "import the whole archive ZIP as X sent it" in result.output
    # one message for the file's two tweets: not "each named above", which promised two lines
    said = " ".join(result.output.split())
    assert "Skipped 2 records (named above in 1 message, with the file)" in said


def test_a_glob_over_a_client_folder_imports_the_data_and_names_the_lost_record_first(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "client"
    folder.mkdir()
    data = write_sample(folder)  # line 3 is not JSON
    (folder / "LICENSE").write_text("MIT License\n")
    (folder / "PROVENANCE.txt").write_text("Collected by a script in 2024.\n")
    (folder / "empty.json").write_bytes(b"")
    names = ["LICENSE", "PROVENANCE.txt", "empty.json", data.name]  # as `client/*` expands
    result = runner.invoke(
        app, ["import", *(str(folder / n) for n in names), "--db", str(tmp_path / "s.db")]
    )
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line]
    assert lines[0].startswith(f"skipped {data}:3: not valid JSON")  # the record lost, first
    # each file named (here by the shell's glob) has a line of its own, with why
    assert lines[1:4] == [
        f"left out {folder / 'LICENSE'}: not a known format",
        f"left out {folder / 'PROVENANCE.txt'}: not a known format",
        f"left out {folder / 'empty.json'}: the file is empty",
    ]
    assert "Imported 2 posts (2 new), 2 accounts (2 new). Skipped 1 record (each named above" in (
        result.output
    )


@pytest.mark.parametrize(
    ("content", "code", "said"),
    [
        ("id,author,text\n", 1, "holds no accounts, posts or follows"),  # read, held nothing
        ("id,author,text\n1,,hi\n", 1, "Skipped 1 record"),  # read, every record skipped
        (
            "name,age\nbob,3\n",
            65,
            "not a format staffpulse can import: the header (line 1) has name, age",
        ),
    ],
)
def test_nothing_imported_exits_1_for_files_read_and_65_for_files_refused_unread(
    tmp_path: Path, content: str, code: int, said: str
) -> None:
    path = tmp_path / "posts.csv"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["import", str(path), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == code and said in result.output
    assert "Traceback" not in result.output


def test_an_import_whose_every_post_was_skipped_exits_1(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    first.write_text("id,author,text\n1,acme,hello world\n", encoding="utf-8")
    second.write_text("id;author;text\n1;acmesemi;hi there\n", encoding="utf-8")
    assert runner.invoke(app, ["import", str(first), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["import", str(second), "--db", db])
    assert result.exit_code == 1
    assert f"{second}:2: post id 1 is already used by a post of @acme" in result.output
    assert "No post was imported: the one post read was skipped (see why above)" in result.output


def test_a_cohort_in_the_folder_is_left_out_with_a_note(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "posts.csv").write_text("id,author,text\n1,acme,hello\n", encoding="utf-8")
    (data / "firms.csv").write_text("handle,platform,segment\nacme,x,vendor\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(data), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0
    assert f"left out {data / 'firms.csv'}: looks like a benchmark cohort" in result.output
    assert "Imported 1 post (1 new), 1 account (1 new). Skipped 0 records." in result.output
    alone = runner.invoke(app, ["import", str(data / "firms.csv"), "--db", str(tmp_path / "t.db")])
    assert alone.exit_code == 65 and "staffpulse --db" in alone.output
    assert "benchmark" in " ".join(alone.output.split()).split("staffpulse --db", 1)[1]


def test_a_huge_handle_is_skipped_and_long_x_handles_noted(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text(
        f"id,author,text,platform\n1,{'x' * 3000},hi,x\n2,brightside_talent,hello,x\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["import", str(path), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0
    assert f"{path}:2: the handle @" in result.output and "3,000 characters" in result.output
    assert "X handles have at most 15 characters: check the file" in result.output
    assert "Imported 1 post (1 new), 1 account (1 new). Skipped 1 record" in result.output


def test_the_import_summary_tells_new_follows_and_updated_profiles(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    posts = tmp_path / "posts.csv"
    posts.write_text("id,author,text,platform\n1,acme,hello,x\n", encoding="utf-8")
    follows = tmp_path / "follows.jsonl"
    follows.write_text(
        '{"type": "follow", "platform": "x", "follower": "acme", "followee": "bob"}\n'
        '{"type": "account", "platform": "x", "handle": "acme", "display_name": "Acme Co"}\n',
        encoding="utf-8",
    )
    assert runner.invoke(app, ["import", str(posts), "--db", db]).exit_code == 0
    first = runner.invoke(app, ["import", str(follows), "--db", db])
    again = runner.invoke(app, ["import", str(follows), "--db", db])
    assert "Imported 0 posts (0 new), 1 account (0 new, 1 profile updated), 1 follow (1 new)." in (
        first.output
    )
    assert "Imported 0 posts (0 new), 1 account (0 new), 1 follow (0 new)." in again.output


def test_re_importing_a_file_whose_text_changed_tells_the_post_updated(tmp_path: Path) -> None:
    # QA: the same rows saved again as Windows-1252, an en dash become a hyphen, changed the
    # stored text while the summary said nothing had changed
    db = str(tmp_path / "s.db")
    first, resaved = tmp_path / "posts.csv", tmp_path / "posts-1252.csv"
    first.write_text(
        "id,author,text,platform,likes\n1,acme,Temps \u2013 hiring,x,3\n2,acme,hi,x,1\n",
        encoding="utf-8",
    )
    # the likes of post 2 changed too: a count is no update of the post
    resaved.write_bytes(
        "id,author,text,platform,likes\n1,acme,Temps - hiring,x,3\n2,acme,hi,x,9\n".encode("cp1252")
    )
    assert runner.invoke(app, ["import", str(first), "--db", db]).exit_code == 0
    changed = runner.invoke(app, ["import", str(resaved), "--db", db])
    assert "Imported 2 posts (0 new, 1 updated: text" in changed.output
    again = runner.invoke(app, ["import", str(resaved), "--db", db, "--json"])
    assert json.loads(again.output)["updated"] == {"profiles": 0, "posts": 0}
    back = runner.invoke(app, ["import", str(first), "--db", db, "--json"])
    assert json.loads(back.output)["updated"] == {"profiles": 0, "posts": 1}


def test_ctrl_c_during_an_import_says_how_far_it_got_and_how_to_finish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import staffpulse.ingest as ingest

    monkeypatch.setattr(ingest, "BATCH_SIZE", 3)
    real_write = ingest.Store.write_records
    writes = []

    def write_then_stop(self: ingest.Store, *args: object, **kw: object) -> object:
        if writes:  # the second batch: the user presses Ctrl-C
            raise KeyboardInterrupt
        writes.append(1)
        return real_write(self, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest.Store, "write_records", write_then_stop)
    path = tmp_path / "posts.csv"
    path.write_text("id,author,text\n" + "".join(f"p{i},acme,hello {i}\n" for i in range(9)))
    db = str(tmp_path / "s.db")
    result = runner.invoke(app, ["import", str(path), "--db", db])
    assert result.exit_code == 130
    message = " ".join(result.output.split())
    # the first batch held the author's account and 2 posts
    assert "Interrupted after 2 posts. Run the same command again to finish; nothing is " in message
    assert "Traceback" not in result.output


def test_the_import_summary_names_its_store_and_says_when_it_is_new(tmp_path: Path) -> None:
    # a new store is legitimate (a first import), but it must be said; a --db in a folder
    # that does not exist is refused instead (tests/test_store_open.py)
    db = tmp_path / "x.db"
    path = tmp_path / "posts.csv"
    path.write_text("id,author,text\n1,acme,hello\n")
    first = runner.invoke(app, ["import", str(path), "--db", str(db)])
    again = runner.invoke(app, ["import", str(path), "--db", str(db)])
    assert first.exit_code == again.exit_code == 0
    assert f"Saved in a new store, {db}." in " ".join(first.output.split())
    assert f"Saved in {db}." in " ".join(again.output.split())
    assert "a new store" not in again.output


def test_a_new_store_beside_a_store_of_a_near_name_names_it(tmp_path: Path) -> None:
    # "import posts.csv --db clinet.db" made a new store beside client.db, the one meant,
    # and said only "Saved in a new store": the posts were then missing from client.db
    path = tmp_path / "posts.csv"
    path.write_text("id,author,text\n1,acme,hello\n")
    meant = tmp_path / "client.db"
    assert runner.invoke(app, ["import", str(path), "--db", str(meant)]).exit_code == 0
    typo = tmp_path / "clinet.db"
    first = runner.invoke(app, ["import", str(path), "--db", str(typo)])
    assert first.exit_code == 0, first.output
    said = " ".join(first.output.split())
    assert (
        f"Saved in a new store, {typo}. It is not client.db, the store beside it: if you meant"
        f" that one, import again with --db {meant}." in said
    )
    again = runner.invoke(app, ["import", str(path), "--db", str(typo), "--json"])
    assert json.loads(again.stdout)["store"] == {"path": str(typo), "new": False, "near": []}
    typo.unlink()
    scripted = runner.invoke(app, ["import", str(path), "--db", str(typo), "--json"])
    assert json.loads(scripted.stdout)["store"] == {
        "path": str(typo),
        "new": True,
        "near": [str(meant)],
    }


def test_an_import_that_brings_nothing_leaves_no_new_store_behind(tmp_path: Path) -> None:
    # A refused file (exit 65) or a file of nothing but bad rows (exit 1) made an empty store,
    # and the summary said "Saved in a new store": the next command then read "no accounts"
    # where the truth was "no store". A store that existed keeps its data.
    db = tmp_path / "new.db"
    refused = tmp_path / "notes.jsonl"
    refused.write_text('{"id": "1"}\n')
    all_bad = tmp_path / "posts.csv"
    all_bad.write_text("id,author,text\n1,,hello\n2,,hi\n")

    first = runner.invoke(app, ["import", str(refused), "--db", str(db)])
    second = runner.invoke(app, ["import", str(all_bad), "--db", str(db)])

    assert (first.exit_code, second.exit_code) == (65, 1)
    assert f"Nothing to save: no store was made at {db}." in " ".join(second.output.split())
    assert "Saved in" not in second.output
    assert not list(tmp_path.glob("new.db*"))
    after = runner.invoke(app, ["accounts", "--db", str(db)])
    assert after.exit_code == 66 and "no store at" in after.output

    good = tmp_path / "good.csv"
    good.write_text("id,author,text\n1,acme,hello\n")
    assert runner.invoke(app, ["import", str(good), "--db", str(db)]).exit_code == 0
    kept = runner.invoke(app, ["import", str(all_bad), "--db", str(db)])
    assert kept.exit_code == 1 and f"Saved in {db}." in " ".join(kept.output.split())
    with open_store(db) as store:
        assert store.stats()["posts"]["csv"]["original"] == 1


def test_date_order_reads_a_csv_whose_dates_show_no_order(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text("id,author,created_at,text\n1,acme,01/05/2026 14:05,hi\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    told = runner.invoke(app, ["import", str(path), "--db", db])
    assert told.exit_code == 1 and "--date-order dmy if its dates are day first" in told.output
    result = runner.invoke(app, ["import", str(path), "--date-order", "dmy", "--json", "--db", db])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["imported"]["posts"] == 1
    with open_store(db) as store:
        (post,) = store.posts_by("csv", "acme")
    assert (
        post.created_at is not None and post.created_at.isoformat() == "2026-05-01T14:05:00+00:00"
    )
    wrong = runner.invoke(app, ["import", str(path), "--date-order", "ymd", "--db", db])
    assert (
        wrong.exit_code != 0 and "use --date-order dmy for dates written day first" in wrong.output
    )


def test_a_zip_member_that_cannot_be_read_is_told_apart_from_the_records_skipped(
    tmp_path: Path,
) -> None:
    # QA s29: a damaged member of 40 posts was "Skipped 1 record"; how many it held is unknown
    lines = "".join(
        json.dumps({"type": "post", "platform": "x", "id": str(n), "author": "acme", "text": "hi"})
        + "\n"
        for n in range(40)
    )
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as packed:
        packed.writestr("posts.jsonl", lines)
        packed.writestr("more.jsonl", lines.replace('"id": "', '"id": "9'))
    data = bytearray(path.read_bytes())
    data[data.index(b"posts.jsonl") + 200] ^= 0xFF  # in its data: its checksum fails
    path.write_bytes(bytes(data))
    result = runner.invoke(app, ["import", str(path), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    assert (
        f"skipped {path}!posts.jsonl: is damaged in the ZIP, so nothing of it was read (how many"
        " records it held cannot be told)" in result.stderr
    )
    assert "Skipped 0 records." in result.stdout
    assert (
        "Files that could not be read: 1 (each named above, with what to do): what they hold was"
        " not imported, and is not counted among the records skipped." in result.stdout
    )


def test_ctrl_c_before_the_first_post_leaves_no_store_and_says_to_run_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import staffpulse.cli.commands.store as store_command

    def stop_at_once(*_args: object, **_kw: object) -> object:
        raise KeyboardInterrupt  # while the files are still being looked at

    monkeypatch.setattr(store_command, "import_paths", stop_at_once)
    path = tmp_path / "posts.csv"
    path.write_text("id,author,text\n1,acme,hello\n")
    db = tmp_path / "s.db"
    result = runner.invoke(app, ["import", str(path), "--db", str(db)])
    assert result.exit_code == 130
    said = " ".join(result.output.split())
    assert "Interrupted. Run the same command again; nothing is imported twice." in said
    assert "kept in the store" not in said  # the new, empty store was removed
    assert not db.exists()


def test_skips_named_by_place_not_line_are_summed_up_so(tmp_path: Path) -> None:
    from car_helpers import small_car

    record = {"$type": "app.bsky.feed.post", "createdAt": "2026-03-05T10:00:00Z"}
    records = {"app.bsky.feed.post/3kp1": {**record, "text": "Shift open"}}
    records["app.bsky.feed.post/3kp2"] = {**record, "text": 5}  # a binary file: no lines
    path = tmp_path / "repo.car"
    path.write_bytes(small_car("did:plc:crate7hire", records))
    result = runner.invoke(app, ["import", str(path), "--db", str(tmp_path / "s.db")])
    assert "Skipped 1 record (each named above with its file and place in it)" in result.output
