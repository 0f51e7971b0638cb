"""The normalized model's platform spellings (staffpulse.models): a misspelled platform is
refused with the one meant, wherever a person names one (--platform, a cohort file)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest_helpers import write_sample
from staffpulse.cli import app
from staffpulse.errors import InputError
from staffpulse.models import normalize_platform, platform_choice

runner = CliRunner()


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("mastodn", "mastodon"), ("Blusky", "bluesky"), ("twiter", "twitter"), ("bsk", "bsky")],
)
def test_a_misspelled_platform_is_refused_with_the_one_meant(typed: str, meant: str) -> None:
    with pytest.raises(InputError) as caught:
        platform_choice(typed)
    assert f"unknown platform '{typed}': did you mean {meant}? (use one of" in caught.value.message
    with pytest.raises(ValueError, match=f"did you mean {meant}\\?"):
        normalize_platform(typed)  # a platform column of a cohort or CSV file


def test_nothing_is_guessed_when_no_platform_is_close_or_it_is_not_a_choice() -> None:
    with pytest.raises(InputError) as caught:
        platform_choice("facebook")
    assert "did you mean" not in caught.value.message
    # handles to fetch take no csv: "cvs" is not offered it
    with pytest.raises(InputError) as fetch:
        platform_choice("cvs", choices=("x", "bluesky", "mastodon"))
    assert "did you mean" not in fetch.value.message


def test_every_command_taking_platform_offers_the_one_meant(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    runner.invoke(app, ["import", str(write_sample(tmp_path)), "--db", db])
    for command in (["accounts"], ["inbox"], ["audit", "acme"], ["add-handles", "acme"]):
        result = runner.invoke(app, [*command, "--platform", "mastodn", "--db", db])
        assert result.exit_code == 65, command
        assert "did you mean mastodon?" in result.output, command
        assert "Traceback" not in result.output


def test_another_network_is_told_staffpulse_does_not_read_it() -> None:
    # "inbox --platform linkedin" was told how twitter and bsky are spelt, as if a spelling
    # of LinkedIn would work
    result = runner.invoke(app, ["inbox", "--platform", "linkedin", "--json"])
    assert result.exit_code == 65
    hint = json.loads(result.stdout)["error"]["hint"]
    assert hint.startswith("staffpulse reads X, Bluesky and Mastodon; LinkedIn is not one of them;")
    with pytest.raises(InputError) as fetched:
        platform_choice("myspace", choices=("x", "bluesky", "mastodon"))
    assert "'myspace' is not one of them; use --platform x or" in fetched.value.hint
    with pytest.raises(InputError) as typo:  # a typo is told the spellings alone
        platform_choice("blusky")
    assert "not one of them" not in typo.value.hint
