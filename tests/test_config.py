"""Config file, defaults, secrets from the environment, and secret files with mode 600; a
setting saved by the dashboard keeps the rest of the file."""

from __future__ import annotations

import logging
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from staffpulse.config import (
    Config,
    config_table,
    get_secret,
    listen_account,
    load_config,
    mask_secret,
    setting_float,
    setting_int,
    setting_str,
)
from staffpulse.config_writes import save_secret, save_setting
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


def test_a_secret_written_as_a_number_is_refused_without_showing_it(tmp_path: Path) -> None:
    """It was sent as its text ("12345678901234567890") and refused by X as a wrong token."""
    path = tmp_path / "config.toml"
    path.write_text("[secrets]\nx_bearer_token = 12345678901234567890\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        get_secret("x_bearer_token", load_config(path))
    said = f"{error.value.message} {error.value.hint}"
    assert "[secrets] x_bearer_token is a number, not a token" in said
    assert str(path) in said and "in quotes" in said
    assert "12345678901234567890" not in said


def test_mask_secret_hides_all_but_the_tail_of_a_long_secret() -> None:
    assert mask_secret("abcdefghijklmnop") == "••••••••mnop"
    assert "abcd" not in mask_secret("abcdefghijklmnop")
    assert mask_secret("short-token1") == "••••••••"  # four of twelve would give too much away
    assert mask_secret(None) == "not set"


# -- typed settings, and mistakes in the file ------------------------------------------------


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("toml", "read", "expected"),
    [('[x]\ncost_per_post_read = "cheap"\n', lambda c: setting_float(c, "x", "cost_per_post_read"),
      '[x] cost_per_post_read = "cheap" is text; expected a number'),
     ("[fetch]\navatar_max_bytes = 2.5\n", lambda c: setting_int(c, "fetch", "avatar_max_bytes"),
      "[fetch] avatar_max_bytes = 2.5 is a number; expected a whole number"),
     ("[mastodon]\ndefault_instance = 3\n", lambda c: setting_str(c, "mastodon", "default_instance"),
      "[mastodon] default_instance = 3 is a number; expected text in quotes"),
     ("x = 5\n", lambda c: config_table(c, "x"), "x = 5 is a number; expected a table [x]"),
     ("[fetch]\ntimeout_seconds = inf\n", lambda c: setting_float(c, "fetch", "timeout_seconds"),
      "[fetch] timeout_seconds = inf is not a finite number")],
)  # fmt: skip
def test_wrong_types_name_file_key_value_and_type(
    tmp_path: Path, toml: str, read: Callable[[Config], object], expected: str
) -> None:
    path = _write(tmp_path, toml)
    with pytest.raises(ConfigError) as caught:
        read(load_config(path))
    error = caught.value
    assert error.message == f"{path}: {expected}" and error.exit_code == 78
    assert error.hint and "\n" not in error.message


def test_typed_settings_fall_back_to_the_defaults() -> None:
    assert setting_float({}, "x", "cost_per_post_read") == 0.005
    assert setting_str({"x": {"base_url": ""}}, "x", "base_url") == "https://api.x.com"
    assert setting_float({}, "fetch", "max_wait_seconds", default=5.0) == 5.0
    assert setting_int({"fetch": {"avatar_max_bytes": 1e3}}, "fetch", "avatar_max_bytes") == 1000
    assert config_table({}, "x") == {}
    # a plain dict (a library caller's) has no file to name
    with pytest.raises(ConfigError, match=r"^\[x\] cost_per_post_read = true is true/false"):
        setting_float({"x": {"cost_per_post_read": True}}, "x", "cost_per_post_read")


def test_a_folder_is_not_a_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="is a folder, not a config file") as caught:
        load_config(tmp_path)
    assert "STAFFPULSE_CONFIG" in (caught.value.hint or "")


def test_a_folder_at_the_default_config_path_is_not_blamed_on_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: with no STAFFPULSE_CONFIG set, a folder named config.toml in the config folder was
    met with "point STAFFPULSE_CONFIG at a TOML file ... or unset it", a variable never set."""
    monkeypatch.delenv("STAFFPULSE_CONFIG", raising=False)
    monkeypatch.setenv("STAFFPULSE_HOME", str(tmp_path))
    (tmp_path / "config.toml").mkdir()
    with pytest.raises(
        ConfigError, match=r"config\.toml: is a folder, not a config file"
    ) as caught:
        load_config()
    hint = caught.value.hint or ""
    assert hint.startswith("staffpulse reads its settings from a file at this path: rename or")
    assert "unset" not in hint


def test_unknown_keys_are_a_notice_once(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = _write(
        tmp_path,
        '[x]\nbase_ulr = "http://x"\n[fetch]\ntimeout_seconds = 3\nmax_wait_seconds = 9\n'
        '[secrets]\nx_bearer_tokn = "SECRET-VALUE-123"\n[listen]\naccount = "acme"\n'
        "[audit]\nmin_posts = 3\n[somethingelse]\nkey = 1\n",
    )
    with caplog.at_level(logging.WARNING, logger="staffpulse.config"):
        config = load_config(path)
        load_config(path)  # read again: no second notice
    assert config["x"]["base_ulr"] == "http://x" and config["fetch"]["timeout_seconds"] == 3
    notices = [r.getMessage() for r in caplog.records]
    assert notices == [
        f"{path}: [somethingelse] is not a table staffpulse knows, so its settings are ignored"
        " (known: [audit], [bluesky], [fetch], [listen], [mastodon], [secrets], [x])",
        f"{path}: [x] base_ulr is not a setting staffpulse knows, so it is ignored"
        " (did you mean base_url?)",
        f"{path}: [secrets] x_bearer_tokn is not a setting staffpulse knows, so it is ignored"
        " (did you mean x_bearer_token?)",
    ]
    assert "SECRET-VALUE" not in caplog.text


def test_save_secret_into_a_broken_file_is_a_config_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "[x\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        save_secret("x_bearer_token", "abc", path)
    assert path.read_text() == "[x\n"


def test_save_setting_keeps_the_rest_of_the_file_and_removes_a_key(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        '[secrets]\nx_bearer_token = "tok"\n\n[audit.weights]\nconversation = 2.0\n'
        '\n["odd key"]\n"a b" = 1\n',
    )
    save_setting("listen", "account", 'say "hi"\\\nnext', path)
    saved = load_config(path)
    assert saved["listen"]["account"] == 'say "hi"\\\nnext'  # a quote, a backslash, a newline
    assert saved["secrets"]["x_bearer_token"] == "tok"
    assert saved["audit"]["weights"] == {"conversation": 2.0}  # written back as a table
    assert saved["odd key"] == {"a b": 1}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    save_setting("listen", "account", None, path)
    assert "listen" not in load_config(path)  # its only key removed, the table goes too


_COMMENTED = """\
# staffpulse settings: kept by hand, see docs/configuration.md
[secrets]
x_bearer_token = "tok"   # from the X developer console

[listen]
# the firm's own account
account = "@old.example"
max_age = "14d"   # two weeks is enough for us
"""


def test_save_setting_keeps_comments_layout_and_other_keys(tmp_path: Path) -> None:
    path = _write(tmp_path, _COMMENTED)
    path.chmod(0o600)
    save_setting("listen", "account", "@acme.bsky.social", path)
    assert path.read_text() == _COMMENTED.replace("@old.example", "@acme.bsky.social")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    save_setting("listen", "account", None, path)
    assert path.read_text() == _COMMENTED.replace('account = "@old.example"\n', "")
    assert load_config(path)["listen"]["max_age"] == "14d"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_save_secret_makes_a_readable_config_private(tmp_path: Path) -> None:
    path = _write(tmp_path, "# mine\n")
    path.chmod(0o644)
    save_secret("x_bearer_token", "tok-1234", path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text() == '# mine\n\n[secrets]\nx_bearer_token = "tok-1234"\n'


def test_a_failed_save_leaves_the_old_config_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, _COMMENTED)

    def full_disk(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("staffpulse.config.os.replace", full_disk)
    with pytest.raises(ConfigError, match=r"cannot be written \(No space left on device\)"):
        save_setting("listen", "account", "@acme", path)
    assert path.read_text() == _COMMENTED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]  # no temp file left


def test_save_setting_under_a_key_that_is_no_table_is_a_config_error(tmp_path: Path) -> None:
    path = _write(tmp_path, 'listen = "acme"\n')
    with pytest.raises(ConfigError, match="expected a table"):
        save_setting("listen", "account", "@acme", path)
    assert path.read_text() == 'listen = "acme"\n'


@pytest.mark.parametrize(
    ("toml", "expected"),
    [("", None), ('[listen]\naccount = ""\n', None), ('[listen]\naccount = "   "\n', None),
     ('[listen]\naccount = "  @acme.bsky.social \\n"\n', "@acme.bsky.social"),
     ('[listen]\naccount = "https://bsky.app/profile/acme.bsky.social"\n',
      "https://bsky.app/profile/acme.bsky.social")],
)  # fmt: skip
def test_listen_account_is_trimmed_and_blank_is_none(
    tmp_path: Path, toml: str, expected: str | None
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(toml)
    assert listen_account(load_config(path)) == expected


def test_listen_account_reads_the_user_config_when_none_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[listen]\naccount = "acme"\n')
    monkeypatch.setenv("STAFFPULSE_CONFIG", str(path))
    assert listen_account() == "acme"


@pytest.mark.parametrize(
    ("toml", "expected"),
    [("[listen]\naccount = 5\n", "[listen] account = 5 is a number; expected text in quotes"),
     ("[listen]\naccount = [\"a\"]\n", "[listen] account = [\"a\"] is a list; expected text"),
     ('listen = "acme"\n', 'listen = "acme" is text; expected a table [listen]')],
)  # fmt: skip
def test_listen_account_of_the_wrong_type_names_the_file(
    tmp_path: Path, toml: str, expected: str
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(toml)
    with pytest.raises(ConfigError) as caught:
        listen_account(load_config(path))
    assert caught.value.message.startswith(f"{path}: {expected}")
    assert caught.value.exit_code == 78 and caught.value.hint
