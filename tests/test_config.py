"""Config file, defaults, secrets from the environment, and secret files with mode 600."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from staffpulse.config import get_secret, load_config, mask_secret, save_secret
from staffpulse.errors import ConfigError


def test_defaults_are_overlaid_by_the_user_file(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[x]\ncost_per_post_read = 0.001\n")
    config = load_config(path)
    assert config["x"]["cost_per_post_read"] == 0.001
    assert config["x"]["cost_per_user_read"] == 0.010


def test_invalid_toml_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[x\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(path)


def test_environment_wins_over_file_and_saved_secret_is_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "config.toml"
    save_secret("x_bearer_token", "file-token-1234", path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert get_secret("x_bearer_token", load_config(path)) == "file-token-1234"
    monkeypatch.setenv("X_BEARER_TOKEN", "env-token")
    assert get_secret("x_bearer_token", load_config(path)) == "env-token"


def test_mask_secret_hides_all_but_the_tail() -> None:
    assert mask_secret("abcdefghijkl") == "••••••••ijkl"
    assert "abcd" not in mask_secret("abcdefghijkl")
    assert mask_secret(None) == "not set"
