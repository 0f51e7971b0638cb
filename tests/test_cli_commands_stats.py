"""The stats and accounts commands and what every command shares (staffpulse.cli.commands.stats,
staffpulse.cli.app) through Typer's runner, as a user runs them: --version, the store from
--db or the environment, one-line errors, a reader that stops early, the follows stats
counts, and that the two quick looks at the store start without loading the importers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest_helpers import write_sample
from staffpulse import __version__
from staffpulse.cli import app
from staffpulse.store import open_store

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.stdout


def test_db_comes_from_environment(tmp_path: Path, monkeypatch: object) -> None:
    db = tmp_path / "env.db"
    result = runner.invoke(
        app, ["import", str(write_sample(tmp_path))], env={"STAFFPULSE_DB": str(db)}
    )
    assert result.exit_code == 0 and db.exists()


def test_accounts_json(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    runner.invoke(app, ["import", str(write_sample(tmp_path)), "--db", db])
    result = runner.invoke(app, ["accounts", "--json", "--db", db])
    rows = json.loads(result.stdout)
    assert [(r["handle"], r["posts"]) for r in rows] == [("acme", 1), ("jo.bsky.social", 1)]


def test_accounts_platform_takes_twitter_and_refuses_an_unknown_one(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    runner.invoke(app, ["import", str(write_sample(tmp_path)), "--db", db])
    for spelling, handle in (("twitter", "acme"), ("X", "acme"), ("bsky", "jo.bsky.social")):
        result = runner.invoke(app, ["accounts", "--platform", spelling, "--json", "--db", db])
        assert [r["handle"] for r in json.loads(result.stdout)] == [handle], spelling
    result = runner.invoke(app, ["accounts", "--platform", "facebook", "--db", db])
    assert result.exit_code == 65
    assert "unknown platform 'facebook' (use one of x, bluesky, mastodon, csv)" in result.output
    assert "No accounts yet" not in result.output


def test_accounts_of_a_platform_with_none_says_what_the_store_holds(tmp_path: Path) -> None:
    # a store of X and Bluesky accounts asked for Mastodon ones: not "No accounts yet. Import
    # something", as if the store were empty
    db = str(tmp_path / "s.db")
    runner.invoke(app, ["import", str(write_sample(tmp_path)), "--db", db])
    result = runner.invoke(
        app, ["--db", db, "accounts", "--platform", "mastodon"], env={"COLUMNS": "300"}
    )
    assert result.exit_code == 0
    said = " ".join(result.output.split())
    assert "No accounts yet" not in said
    assert said.startswith("No accounts on Mastodon in the store, which holds 1 account on Bluesky")
    # the command to copy names the store given with --db, not the default one
    assert f"1 on X: staffpulse --db {db} accounts lists them all" in said
    assert (
        json.loads(
            runner.invoke(app, ["accounts", "--platform", "mastodon", "--json", "--db", db]).stdout
        )
        == []
    )


def test_an_empty_store_given_with_db_is_named_in_the_import_hint(tmp_path: Path) -> None:
    db = tmp_path / "client store.db"
    open_store(db).close()
    wide = {"COLUMNS": "300"}
    for command in (["accounts"], ["stats"]):
        said = runner.invoke(app, ["--db", str(db), *command], env=wide).output
        assert f"Import something: staffpulse --db '{db}' import FILE" in said, command
    said = runner.invoke(app, ["accounts", "--db", str(db)], env=wide).output
    assert f"staffpulse --db '{db}' import FILE" in said


def test_the_platforms_an_error_names_are_the_ones_the_help_names(tmp_path: Path) -> None:
    """csv (rows from a CSV without a platform column) is taken by --platform: the error's
    list, its hint and --help all say so (QA16 16.2); add-handles, which fetches, never."""
    db = str(tmp_path / "s.db")
    posts = tmp_path / "near.csv"
    posts.write_text("id,author,text\n1,acme,hello world\n", encoding="utf-8")
    assert runner.invoke(app, ["import", str(posts), "--db", db]).exit_code == 0
    listed = runner.invoke(app, ["accounts", "--platform", "csv", "--json", "--db", db])
    assert [r["handle"] for r in json.loads(listed.stdout)] == ["acme"]
    wide = {"COLUMNS": "200"}
    for command in (["accounts"], ["inbox"], ["audit", "acme"], ["connect", "acme"]):
        bad = runner.invoke(app, [*command, "--platform", "foo", "--db", db], env=wide)
        assert bad.exit_code == 65, command
        assert "(use one of x, bluesky, mastodon, csv)" in bad.output, command
        assert "csv names accounts from a CSV" in bad.output, command
        helped = runner.invoke(app, [*command[:1], "--help"], env=wide).stdout
        assert "bluesky (or bsky), mastodon or csv" in " ".join(helped.split()), command
    handles = tmp_path / "sent.txt"
    handles.write_text("rita\n", encoding="utf-8")
    fetch = runner.invoke(
        app, ["add-handles", str(handles), "--platform", "csv", "--no-fetch", "--db", db]
    )
    assert fetch.exit_code == 65
    assert "unknown platform 'csv' (use one of x, bluesky, mastodon)" in fetch.output
    helped = runner.invoke(app, ["add-handles", "--help"], env=wide).stdout
    assert "bluesky (or bsky) or mastodon" in " ".join(helped.split())


def test_errors_are_one_line_messages_without_traceback(tmp_path: Path) -> None:
    result = runner.invoke(app, ["import", str(tmp_path / "missing.csv")])
    assert result.exit_code == 66  # not found
    assert "Error:" in result.output and "no such file" in result.output
    assert "Traceback" not in result.output


def test_reading_on_a_new_machine_says_there_is_no_store_yet_and_makes_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STAFFPULSE_DB", raising=False)
    monkeypatch.setenv("STAFFPULSE_HOME", str(tmp_path / "home"))  # the default store
    default = tmp_path / "home" / "staffpulse.db"
    for command in (["stats"], ["accounts"], ["audit", "me"], ["benchmark"], ["inbox"]):
        result = runner.invoke(app, command)
        said = " ".join(result.output.split())
        assert result.exit_code == 66, (command, result.output)
        assert f"no store yet at {default}" in said and "Traceback" not in said
        assert "staffpulse demo" in said and "staffpulse import FILE" in said
    assert not default.exists()
    # after `staffpulse demo`, its own store is the way in: not "try the demo" again
    demo = tmp_path / "home" / "demo" / "demo.db"
    demo.parent.mkdir(parents=True)
    open_store(demo).close()
    said = " ".join(runner.invoke(app, ["stats"]).output.split())
    assert f"the demo's store is {demo}: add --db {demo} to explore it" in said
    assert "staffpulse import FILE" in said and "try staffpulse on a sample" not in said
    assert not default.exists()


def test_empty_store_stats_are_friendly(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    open_store(db).close()  # a store made, with nothing imported yet
    result = runner.invoke(app, ["stats", "--db", str(db)])
    assert result.exit_code == 0 and "store is empty" in result.output


def test_a_named_store_that_does_not_exist_is_not_created_by_reading(tmp_path: Path) -> None:
    typo = tmp_path / "no" / "such.db"
    for command in (
        ["stats"],
        ["accounts"],
        ["audit", "acme"],
        ["benchmark"],
        ["connect", "acme"],
        ["inbox"],
    ):
        result = runner.invoke(app, [*command, "--db", str(typo)])
        assert result.exit_code == 66 and f"no store at {typo}" in result.output
    assert not (tmp_path / "no").exists()


def test_a_mistyped_store_name_is_offered_the_store_beside_it(tmp_path: Path) -> None:
    open_store(tmp_path / "client.db").close()
    (tmp_path / "clinet.csv").write_text("handle\n")  # near too, but no store: not offered
    result = runner.invoke(app, ["stats", "--db", str(tmp_path / "clinet.db")])
    assert result.exit_code == 66
    said = " ".join(result.output.split())
    assert f"What to do: did you mean --db {tmp_path / 'client.db'}? Else check the --db" in said
    assert not (tmp_path / "clinet.db").exists()


def test_a_missing_store_with_a_space_in_its_path_is_named_quoted_in_the_import_hint(
    tmp_path: Path,
) -> None:
    typo = tmp_path / "my stores" / "client.db"
    result = runner.invoke(app, ["stats", "--db", str(typo)])
    assert result.exit_code == 66
    # as printed, the unquoted path gave import two arguments
    assert f"staffpulse import FILE --db '{typo}'" in " ".join(result.output.split())


def test_the_demo_store_in_a_folder_with_a_space_is_named_quoted_in_the_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # macOS keeps staffpulse's files under "Application Support": "add --db" with the path as
    # it was gave stats two arguments
    monkeypatch.delenv("STAFFPULSE_DB", raising=False)
    monkeypatch.setenv("STAFFPULSE_HOME", str(tmp_path / "Application Support" / "staffpulse"))
    demo = tmp_path / "Application Support" / "staffpulse" / "demo" / "demo.db"
    demo.parent.mkdir(parents=True)
    open_store(demo).close()
    result = runner.invoke(app, ["stats"])
    assert result.exit_code == 66
    assert f"add --db '{demo}' to explore it" in " ".join(result.output.split())


def test_error_boundary_keeps_square_brackets_in_hints() -> None:
    import typer

    from staffpulse.cli.app import _ErrorBoundaryGroup
    from staffpulse.errors import MissingExtraError

    probe = typer.Typer(cls=_ErrorBoundaryGroup)

    @probe.command()
    def boom() -> None:
        raise MissingExtraError("web", "The dashboard", "fastapi")

    @probe.command()
    def other() -> None:
        """A second command so Typer keeps the group."""

    result = runner.invoke(probe, ["boom"])
    assert result.exit_code == 69
    assert "pip install 'staffpulse[web]'" in result.output


FLOOD = """
import typer
from rich.console import Console
from staffpulse.cli.app import app

@app.command("flood")
def flood(plain: bool = False) -> None:
    console = Console()
    while True:  # more than any pipe holds, so the write after the reader left must fail
        if plain:
            print("row " * 20, flush=True)
        else:
            console.print("row " * 20)

app()
"""


@pytest.mark.parametrize("plain", [False, True])
def test_a_reader_that_stops_early_is_not_an_error(plain: bool) -> None:
    import subprocess
    import sys

    args = [sys.executable, "-c", FLOOD, "flood", *(["--plain"] if plain else [])]
    reader = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.readline()  # like `staffpulse audit acme | head -1`
    reader.stdout.close()
    assert reader.wait(timeout=60) == 0
    assert "Traceback" not in reader.stderr.read().decode()


def test_db_before_the_command_is_the_command_s_store(tmp_path: Path) -> None:
    db = tmp_path / "global.db"
    sample = Path(__file__).parent.parent / "src" / "staffpulse" / "sample" / "cohort.jsonl"
    result = runner.invoke(app, ["--db", str(db), "import", str(sample), "--json"])
    assert result.exit_code == 0, result.output
    stats = runner.invoke(app, ["--db", str(db), "stats", "--json"])
    assert sum(json.loads(stats.stdout)["accounts"].values()) == 16
    assert "STAFFPULSE_DB" not in os.environ  # set for that run only


def test_a_csv_without_a_platform_column_reads_as_such_not_as_a_network(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    posts = tmp_path / "near.csv"
    posts.write_text("id,user,text,date\n1,acme,hello world,2026-11-01\n", encoding="utf-8")
    assert runner.invoke(app, ["import", str(posts), "--db", db]).exit_code == 0
    for command in ("accounts", "stats"):
        shown = runner.invoke(app, [command, "--db", db], env={"COLUMNS": "120"}).stdout
        assert "CSV (no platform)" in shown, command
        assert " csv " not in shown, command
    # the stored key is unchanged for scripts and --platform
    rows = json.loads(runner.invoke(app, ["accounts", "--json", "--db", db]).stdout)
    assert rows[0]["platform"] == "csv"


def test_stats_count_the_follows_connect_ranks_with(tmp_path: Path) -> None:
    records = [
        {"type": "account", "platform": "x", "handle": "acmestaffing"},
        {"type": "post", "platform": "x", "id": "1", "author": "acmestaffing", "text": "Hi"},
        *(
            {"type": "follow", "platform": "x", "follower": "acmestaffing", "followee": name}
            for name in ("janedoe", "rita", "hank")
        ),
        {"type": "follow", "platform": "bluesky", "follower": "a.bsky.social", "followee": "b.x"},
    ]
    source = tmp_path / "net.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["import", str(source), "--db", db]).exit_code == 0
    data = json.loads(runner.invoke(app, ["stats", "--db", db, "--json"]).stdout)
    assert data["follows"] == {"bluesky": 1, "x": 3}
    assert "bluesky" not in data["accounts"] and "bluesky" not in data["posts"]
    table = runner.invoke(app, ["stats", "--db", db], env={"COLUMNS": "120"}).stdout
    head = next(line for line in table.splitlines() if line.startswith("┃"))
    assert head.split("┃")[1:4] == [" platform ", " accounts ", " follows "], head
    rows = {
        line.split("│")[1].strip(): line.split("│")[3].strip()
        for line in table.splitlines()
        if line.startswith("│")
    }
    # a platform holding follows alone (no account, no post) has its row too
    assert rows == {"Bluesky": "1", "X": "3"}, table
    assert "who-follows-whom links stored" in table


def test_stats_and_accounts_start_without_loading_the_importers(tmp_path: Path) -> None:
    """Loading every importer was half the time of `staffpulse stats` (0.5 s of 1.2 s)."""
    db = tmp_path / "s.db"
    open_store(db).close()
    for command in ("stats", "accounts"):
        code = (
            "import sys\n"
            "from staffpulse.cli.app import main\n"
            f"sys.argv = ['staffpulse', '{command}', '--db', {str(db)!r}]\n"
            "try:\n    main()\nexcept SystemExit as done:\n    assert not done.code, done.code\n"
            "print(sorted(m for m in sys.modules if m.startswith(('staffpulse.sources', "
            "'staffpulse.ingest'))))"
        )
        ran = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env={**os.environ, "HOME": str(tmp_path)},
            check=False,
        )
        assert ran.returncode == 0, ran.stderr
        assert ran.stdout.strip().splitlines()[-1] == "[]", (command, ran.stdout)
