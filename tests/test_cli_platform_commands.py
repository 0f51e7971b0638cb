"""The commands named after a platform (staffpulse.cli.platform_commands): ``fetch twitter``,
``fetch X`` and ``listen bsky`` run the platform's command, as ``--platform twitter`` works;
a misspelt platform is offered the closest spelling; the help lists each command once."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from staffpulse.cli.app import app

runner = CliRunner()


def test_fetch_twitter_and_capital_x_run_fetch_x() -> None:
    for spelling in ("twitter", "X", "Twitter"):
        result = runner.invoke(app, ["fetch", spelling])
        # fetch x itself: no handle and no --search is its own error, not "No such command"
        assert result.exit_code == 65, result.output
        assert "give a HANDLE or --search QUERY" in result.output


def test_fetch_bsky_runs_fetch_bluesky_under_its_own_name() -> None:
    result = runner.invoke(app, ["fetch", "bsky"])
    assert result.exit_code == 2
    assert "Usage: staffpulse fetch bluesky" in result.output
    assert "Missing argument 'HANDLE'" in result.output


def test_listen_bsky_reads_a_recording(tmp_path: Path) -> None:
    recording = tmp_path / "stream.jsonl"
    recording.write_text("not an event\n", encoding="utf-8")
    result = runner.invoke(
        app, ["listen", "bsky", "--from", str(recording), "--db", str(tmp_path / "s.db")]
    )
    assert result.exit_code == 65, result.output  # listen bluesky's own refusal of the file
    assert "not a recorded Jetstream stream" in result.output


def test_misspelt_platform_is_offered_the_closest() -> None:
    result = runner.invoke(app, ["fetch", "twiter", "@acme"])
    assert result.exit_code == 2
    assert "No such command 'twiter'. Did you mean 'twitter'?" in result.output
    result = runner.invoke(app, ["fetch", "facebook", "@acme"])
    assert result.exit_code == 2
    assert "Did you mean" not in result.output


def test_help_lists_each_platform_once_on_one_line() -> None:
    result = runner.invoke(app, ["fetch", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "twitter" not in result.output.lower().split("commands")[-1]
    # the docstring's line break no longer splits the listing of fetch x
    assert "(pay-per-use: prints an estimate first)." in result.output
