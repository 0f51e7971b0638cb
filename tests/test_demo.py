"""``staffpulse demo`` on a fresh home: imports the sample and writes every report."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from staffpulse.cli import app
from staffpulse.demo import SAMPLE_DIR, run_demo


def test_sample_is_labeled_and_complete() -> None:
    readme = (SAMPLE_DIR / "README.md").read_text(encoding="utf-8")
    assert "SAMPLE DATA" in readme and "fictional" in readme
    lines = (SAMPLE_DIR / "cohort.jsonl").read_text(encoding="utf-8").splitlines()
    accounts = [json.loads(x) for x in lines if '"type": "account"' in x]
    # the twelve of the benchmark cohort, and four people their circle follows (for connect)
    assert len(accounts) == 16
    cohort = (SAMPLE_DIR / "cohort.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert len(cohort) == 12
    assert {row.split(",")[0] for row in cohort} < {a["handle"] for a in accounts}


def test_demo_builds_every_report(tmp_path: Path) -> None:
    result = run_demo(tmp_path / "demo")
    assert result.imported.skipped == 0
    assert result.imported.accounts == 16 and result.imported.posts > 1500
    assert result.benchmark is not None and len(result.benchmark.audits) == 12
    # the sample's automated job feed is a job board, as the role model reads its name and
    # bio: called "other", a first screen showed the model wrong and no job board row
    bench = result.benchmark
    segment = {a.account.handle: s for a, s in zip(bench.audits, bench.segments, strict=True)}
    assert segment["jobwire_dayton"] == "job_board"
    assert "job_board" in bench.segment_stats and "other" not in bench.segment_stats
    # the cohort is named as the user knows it, not by a path inside the installed package
    benchmark_html = result.outputs["Benchmark report"].read_text(encoding="utf-8")
    assert "Cohort: the sample cohort" in benchmark_html and str(SAMPLE_DIR) not in benchmark_html
    assert result.audit is not None and result.audit.grade in ("D", "F")
    assert result.inbox is not None and result.inbox.items
    assert result.suggestions is not None and result.suggestions.suggestions
    for path in result.outputs.values():
        html = path.read_text(encoding="utf-8")
        assert "<html" in html.lower() and "http://" not in html.split("<body", 1)[0]
    audit_html = result.outputs["Audit report"].read_text(encoding="utf-8")
    assert '<span class="badge">Sample data</span>' in audit_html  # the store is the sample
    assert '<img class="avatar" src="data:image/png;base64,' in audit_html


def test_demo_command_prints_a_summary_and_is_repeatable(tmp_path: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["demo", "--out", str(tmp_path)])
    assert first.exit_code == 0, first.output
    assert "SAMPLE DATA" in first.output and "Audit report" in first.output
    assert "12 accounts (the sample cohort)" in first.output
    assert str(SAMPLE_DIR) not in " ".join(first.output.split())
    # the sample's dates are fixed: its inbox is not "today's", and the header says so
    said = " ".join(first.output.split())
    assert "could join today" not in said and "(the sample's last day)" in said
    assert "open conversations" in said  # the "Showing N of M" line: 5 shown of many
    # the audit is of one firm, the inbox of another: the demo says whose inbox it is and why
    assert (
        "The inbox and who-to-follow are shown for @harborline, the sample firm with a circle "
        "of contacts (@brightpathstaff, audited above, talks with no one)." in said
    )
    # the commands to copy are on one line each, however long the store's path
    hint = f"staffpulse audit mia_recruits --db {tmp_path / 'demo.db'}"
    assert len(hint) > 80 and hint in [line.strip() for line in first.output.splitlines()]
    # the inbox's "see more" names the demo store and its firm, and works as printed
    showing = next(line for line in first.output.splitlines() if line.startswith("Showing 5 of"))
    more = showing.split("(to see more: ", 1)[1].removesuffix(").")
    assert more == f"staffpulse --db {tmp_path / 'demo.db'} inbox --as harborline --limit 20"
    seen_more = runner.invoke(app, more.split()[1:])
    assert seen_more.exit_code == 0 and "Showing 20 of" in seen_more.output
    # so does the line under the conversations already joined: the demo takes no --json
    joined = next(line for line in first.output.splitlines() if line.startswith("  … and "))
    lists_all = f"staffpulse --db {tmp_path / 'demo.db'} inbox --as harborline --json lists all"
    assert joined.endswith(f" more ({lists_all})")
    # and the note on older conversations left out: the demo takes no --max-age
    older = next(line for line in first.output.splitlines() if "quiet for more than" in line)
    widen = older.split("(to see older ones: ", 1)[1].removesuffix(")")
    assert widen == f"staffpulse --db {tmp_path / 'demo.db'} inbox --as harborline --max-age 0"
    seen_older = runner.invoke(app, widen.split()[1:])
    assert seen_older.exit_code == 0 and "quiet for more than" not in seen_older.output
    # the inbox's hints name the demo store, each whole on one line, and work as printed
    # and mark for the firm shown: a mark of no firm is counted by no audit
    dismiss = f"staffpulse --db {tmp_path / 'demo.db'} inbox --as harborline dismiss ID"
    assert any(dismiss in line for line in first.output.splitlines())
    first_id = said.split(" id: ", 1)[1].split()[0]
    printed = dismiss.replace("ID", first_id).split()[1:]
    assert runner.invoke(app, printed).exit_code == 0
    second = runner.invoke(app, ["demo", "--out", str(tmp_path)])
    assert second.exit_code == 0
    stats = runner.invoke(app, ["stats", "--json", "--db", str(tmp_path / "demo.db")])
    assert sum(json.loads(stats.stdout)["accounts"].values()) == 16


def test_demo_writes_its_store_where_db_says_before_or_after_the_command(tmp_path: Path) -> None:
    runner = CliRunner()
    for args, db in (
        (["demo", "--db", str(tmp_path / "after" / "d.db")], tmp_path / "after" / "d.db"),
        (["--db", str(tmp_path / "before.db"), "demo"], tmp_path / "before.db"),
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert db.exists() and (db.parent / "benchmark.html").exists()  # reports beside it
        stats = runner.invoke(app, ["stats", "--json", "--db", str(db)])
        assert sum(json.loads(stats.stdout)["accounts"].values()) == 16
    again = runner.invoke(app, ["demo", "--db", str(tmp_path / "before.db")])
    assert again.exit_code == 0, again.output  # an earlier demo store is started afresh


def test_demo_never_wipes_a_store_or_file_that_is_not_the_demos(tmp_path: Path) -> None:
    runner = CliRunner()
    own = tmp_path / "mine.db"
    posts = tmp_path / "posts.csv"
    posts.write_text("id,author,text\n1,acme,hello\n", encoding="utf-8")
    runner.invoke(app, ["import", str(posts), "--db", str(own)])
    notes = tmp_path / "notes.txt"
    notes.write_text("not a store", encoding="utf-8")
    other = tmp_path / "other.db"  # another program's database: the demo's refusal, not the store's
    with closing(sqlite3.connect(other)) as conn, conn:
        conn.execute("CREATE TABLE expenses (x)")
    for target in (own, notes, other):
        before = target.read_bytes()
        refused = runner.invoke(app, ["demo", "--db", str(target)])
        assert refused.exit_code == 65
        assert "already holds data that is not the demo's" in refused.output
        assert target.read_bytes() == before
    # STAFFPULSE_DB names the user's own store: the demo does not use it
    env = runner.invoke(
        app, ["demo", "--out", str(tmp_path / "d")], env={"STAFFPULSE_DB": str(own)}
    )
    assert env.exit_code == 0 and (tmp_path / "d" / "demo.db").exists()


def test_a_demo_store_under_a_file_is_refused_with_what_to_give(tmp_path: Path) -> None:
    # `demo --db notes.txt/d.db` stopped as an internal error (exit 70, FileExistsError)
    notes = tmp_path / "notes.txt"
    notes.write_text("mine", encoding="utf-8")
    refused = CliRunner().invoke(app, ["demo", "--db", str(notes / "d.db")])
    assert refused.exit_code == 74  # the store's error, as import --db gives it
    said = " ".join(refused.output.split())
    assert f"{notes} is a file, not a folder" in said and "give --db a path in a folder" in said
    assert "bug" not in said and notes.read_text(encoding="utf-8") == "mine"


def test_a_config_file_that_does_not_parse_stops_the_demo_before_it_builds_anything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[listen\naccount = 'acme'\n", encoding="utf-8")
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(config))
    result = CliRunner().invoke(app, ["demo", "--out", str(tmp_path / "demo")])
    assert result.exit_code == 78, result.output
    assert "not valid TOML" in result.output
    assert not (tmp_path / "demo").exists()  # no half-built demo store left behind


def test_a_mistyped_out_folder_is_named_as_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the demo resolved --out first, so the message named /home/me/reprots, not reprots
    monkeypatch.chdir(tmp_path)
    refused = CliRunner().invoke(app, ["demo", "--out", "reprots/2026"])
    said = " ".join(refused.output.split())
    assert refused.exit_code == 65
    assert "the folder reprots does not exist" in said and str(tmp_path) not in said
    assert not (tmp_path / "reprots").exists()
