"""The config file's mistakes told once as notices, never raised: a misspelt key with the
closest known one, a table nothing reads, a setting above every header line with the header
it needs, a secret pasted with its quotes (used without them)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from staffpulse.config import KNOWN_KEYS
from staffpulse.config_notices import notice_unknown_keys, unquoted


def test_a_misspelt_key_is_told_once_with_the_closest_known_one(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "config.toml"
    user = {"x": {"max_wait_secs": 5}, "x_bearer_token": "AAAA"}
    with caplog.at_level(logging.WARNING, logger="staffpulse.config"):
        notice_unknown_keys(path, user, KNOWN_KEYS)
        notice_unknown_keys(path, user, KNOWN_KEYS)  # a second load says nothing again
    told = [record.getMessage() for record in caplog.records]
    assert told == [
        f"{path}: x_bearer_token is outside any table, so it is ignored "
        "(put it under a header line [secrets])",
        f"{path}: [x] max_wait_secs is not a setting staffpulse knows, so it is ignored "
        "(did you mean max_wait_seconds?)",
    ]


def test_a_secret_pasted_with_quotes_loses_them_and_is_told_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="staffpulse.config"):
        assert unquoted(' "AAAA-token" ', "NOTICE_TEST_TOKEN") == "AAAA-token"
        assert unquoted("'AAAA-token'", "NOTICE_TEST_TOKEN") == "AAAA-token"
        assert unquoted("AAAA-token", "NOTICE_TEST_TOKEN") == "AAAA-token"
    [told] = [record.getMessage() for record in caplog.records]
    assert told.startswith("NOTICE_TEST_TOKEN is wrapped in quotes")


def test_a_table_staffpulse_does_not_read_is_told_with_the_closest_one(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "config.toml"
    user = {"listne": {"account": "@acme"}, "audit": {"weight_face": 1}, "zzz": {}}
    with caplog.at_level(logging.WARNING, logger="staffpulse.config"):
        notice_unknown_keys(path, user, KNOWN_KEYS, frozenset({"audit"}))
        notice_unknown_keys(path, user, KNOWN_KEYS, frozenset({"audit"}))
    told = [record.getMessage() for record in caplog.records]
    assert told[0] == (
        f"{path}: [listne] is not a table staffpulse knows, so its settings are ignored "
        "(did you mean [listen]?)"
    )
    assert told[1].startswith(f"{path}: [zzz] is not a table staffpulse knows")
    assert "[audit]" in told[1]  # the list of known tables names the ones read elsewhere too
    assert len(told) == 2  # [audit] is no unknown table, and each is told once


def test_a_setting_of_no_table_above_every_header_names_the_tables_there_are(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # "(see docs/configuration.md)" sent people to a file a pip install does not have
    path = tmp_path / "config.toml"
    with caplog.at_level(logging.WARNING, logger="staffpulse.config"):
        notice_unknown_keys(path, {"colour": "blue"}, KNOWN_KEYS, frozenset({"audit"}))
    (told,) = [record.getMessage() for record in caplog.records]
    assert told.startswith(
        f"{path}: colour is outside any table, so it is ignored (settings go under the header"
        " line of their table: [audit], [bluesky], [fetch]"
    )
    assert "docs/" not in told
