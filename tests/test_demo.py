"""``staffpulse demo`` on a fresh home: imports the sample and writes every report."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from staffpulse.cli import app
from staffpulse.demo import SAMPLE_DIR, run_demo


def test_sample_is_labeled_and_complete() -> None:
    readme = (SAMPLE_DIR / "README.md").read_text(encoding="utf-8")
    assert "SAMPLE DATA" in readme and "fictional" in readme
    lines = (SAMPLE_DIR / "cohort.jsonl").read_text(encoding="utf-8").splitlines()
    accounts = [json.loads(x) for x in lines if '"type": "account"' in x]
    assert len(accounts) == 12


def test_demo_builds_every_report(tmp_path: Path) -> None:
    result = run_demo(tmp_path / "demo")
    assert result.imported.skipped == 0
    assert result.imported.accounts == 12 and result.imported.posts > 1500
    assert result.benchmark is not None and len(result.benchmark.audits) == 12
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
    second = runner.invoke(app, ["demo", "--out", str(tmp_path)])
    assert second.exit_code == 0
    stats = runner.invoke(app, ["stats", "--json", "--db", str(tmp_path / "demo.db")])
    assert sum(json.loads(stats.stdout)["accounts"].values()) == 12
