"""Small output problems a marketer met (QA report 19, #14): a PDF given as a cohort or a file
of handles is called a PDF, add-handles sums up a file whose every line was skipped, a
mistyped role gets "did you mean", and a long Mastodon handle breaks before its instance."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from staffpulse.cli.app import app
from staffpulse.models import Account
from staffpulse.report.terminal import render_accounts
from staffpulse.store import open_store
from staffpulse.store.reads import AccountSummary

runner = CliRunner()
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


@pytest.mark.parametrize(
    ("command", "what"), [("benchmark", "a cohort file"), ("add-handles", "a file of handles")]
)
def test_a_pdf_is_called_a_pdf(tmp_path: Path, command: str, what: str) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(PDF)
    open_store(tmp_path / "s.db").close()
    result = runner.invoke(app, [command, str(pdf), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 65, result.output
    said = f"Error: {pdf}: not a text file, so not {what} (it holds binary data: it is a PDF)"
    assert said in " ".join(result.output.split())
    assert "%PDF" not in result.output


def test_add_handles_sums_up_a_file_whose_every_line_was_skipped(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("not a handle!!\n???\n")
    result = runner.invoke(app, ["add-handles", str(bad), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1
    assert "No handle added: every line was skipped (2 bad lines, named above)." in " ".join(
        result.stderr.split()
    )


def test_a_mistyped_role_gets_did_you_mean(tmp_path: Path) -> None:
    open_store(tmp_path / "s.db").close()
    result = runner.invoke(
        app, ["connect", "acme", "--role", "recrutier", "--db", str(tmp_path / "s.db")]
    )
    assert result.exit_code != 0
    assert "unknown role 'recrutier': did you mean recruiter?" in result.output


def test_a_long_mastodon_handle_breaks_before_its_instance_at_80_columns() -> None:
    when = datetime(2026, 11, 1, tzinfo=UTC)
    summaries = [
        AccountSummary(
            Account(platform="mastodon", id=str(i), handle=handle), 1, first_post=when, last_post=when
        )
        for i, handle in enumerate(["hugo@masto.pt", "ChronicIllnessHumor@mastodon.social"])
    ]  # fmt: skip
    console = Console(width=80, record=True, color_system=None)
    render_accounts(console, summaries)
    cells = [line.split()[0] for line in console.export_text().splitlines() if line.strip()]
    assert "@ChronicIllnessHumor" in cells and "@mastodon.social" in cells
    assert not any(cell.endswith("mastodon.s") or cell in ("l", "ocial") for cell in cells)
    assert "@hugo@masto.pt" in cells  # one that fits stays whole
