"""Removing a setting from the config file (config_writes): the dashboard's Settings page
removes a token or the firm's account, and the file a person reads afterwards holds no empty
key or empty table where it was."""

from __future__ import annotations

import stat
import tomllib
from pathlib import Path

import pytest

from staffpulse.config_writes import save_secret, save_setting


def _saved(path: Path) -> dict[str, object]:
    """The file as written, without the defaults load_config adds."""
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)
    return path


def test_removing_a_token_removes_its_key_and_the_table_left_empty(tmp_path: Path) -> None:
    path = _config(
        tmp_path,
        '[secrets]\nx_bearer_token = "tok-1234"\n\n[listen]\naccount = "@acme"\n\n'
        "[fetch]\ntimeout_seconds = 5\n",
    )
    save_secret("x_bearer_token", "", path)  # what Settings' Remove sends
    save_setting("listen", "account", None, path)
    text = path.read_text(encoding="utf-8")
    assert "x_bearer_token" not in text and "[secrets]" not in text
    assert "[listen]" not in text
    assert _saved(path) == {"fetch": {"timeout_seconds": 5}}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_table_keeps_its_other_keys_and_the_users_comments(tmp_path: Path) -> None:
    path = _config(
        tmp_path,
        '[secrets]\nx_bearer_token = "tok"\nmastodon_token = "m-tok"\n\n'
        '[listen]\n# our firm, set by hand\naccount = "@acme"\n',
    )
    save_secret("x_bearer_token", "", path)
    save_setting("listen", "account", None, path)
    assert _saved(path) == {"secrets": {"mastodon_token": "m-tok"}, "listen": {}}
    assert "# our firm, set by hand" in path.read_text(encoding="utf-8")


def test_removing_what_is_not_there_changes_nothing(tmp_path: Path) -> None:
    text = '[listen]\naccount = "@acme"\n'
    path = _config(tmp_path, text)
    save_secret("x_bearer_token", "", path)
    assert path.read_text(encoding="utf-8") == text
    # and a missing file gets no empty table either
    fresh = tmp_path / "new" / "config.toml"
    save_setting("listen", "account", None, fresh)
    assert _saved(fresh) == {}


def test_a_folder_at_the_default_path_is_not_blamed_on_an_unset_variable() -> None:
    """The Settings page saving a token where a folder named config.toml sits in the config
    folder: told to move the folder, as staffpulse's commands are, not to "unset" a
    STAFFPULSE_CONFIG no one set."""
    from staffpulse.config import config_path
    from staffpulse.errors import ConfigError

    config_path().mkdir(parents=True)
    with pytest.raises(ConfigError, match=r"config\.toml: is a folder") as caught:
        save_secret("x_bearer_token", "tok-5678")
    hint = caught.value.hint or ""
    assert hint.startswith("staffpulse reads its settings from a file at this path")
    assert "unset" not in hint
