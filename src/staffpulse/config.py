"""Where staffpulse keeps things, and the user's settings.

Settings come from a TOML file (``STAFFPULSE_CONFIG``, else ``config.toml`` in the user config
folder) layered over documented defaults. Secrets (API tokens) come from the environment first,
then from the config file, and never from command-line arguments.

Readers take values through the typed accessors (:func:`setting_float`, :func:`setting_int`,
:func:`setting_str`, :func:`config_table`): a value of the wrong type becomes one
``ConfigError`` naming the file, the table and key, the value and the type expected, instead
of a ``ValueError`` deep inside a fetcher. Unknown keys in the tables staffpulse reads are
reported once as a notice (logger ``staffpulse.config``, :mod:`staffpulse.config_notices`),
never as an error: a typo must not stop a run, but it must not pass silently either.
"""

from __future__ import annotations

import json
import math
import os
import tomllib
from collections.abc import Mapping
from copy import deepcopy
from pathlib import Path
from typing import Any

import platformdirs

from staffpulse.config_notices import notice_missing_config, notice_unknown_keys, unquoted
from staffpulse.config_text import explain_toml_error, read_config_text
from staffpulse.errors import ConfigError

APP_NAME = "staffpulse"
# Bluesky's public Jetstream (one of four instances, see docs/listen.md).
DEFAULT_JETSTREAM_URL = "wss://jetstream2.us-east.bsky.network/subscribe"

# Defaults for every section. Each value is explained in docs/configuration.md.
DEFAULTS: dict[str, Any] = {
    "x": {
        # X API v2 pay-per-use rates (USD, 2026 list prices); override when yours differ.
        "cost_per_post_read": 0.005,
        "cost_per_user_read": 0.010,
        "max_wait_seconds": 900,
        "base_url": "https://api.x.com",
    },
    "bluesky": {
        "appview_url": "https://public.api.bsky.app",
        "jetstream_url": DEFAULT_JETSTREAM_URL,
    },
    "mastodon": {"default_instance": "mastodon.social"},
    "fetch": {"avatar_max_bytes": 2_000_000, "timeout_seconds": 20},
}

SECRET_ENV = {
    "x_bearer_token": "X_BEARER_TOKEN",
    "mastodon_access_token": "MASTODON_ACCESS_TOKEN",
}

# Every key staffpulse reads, per table, for the unknown-key notice. Some have no entry in
# DEFAULTS because their absence means something ([fetch] max_wait_seconds falls back to [x]).
# [audit] is absent on purpose: staffpulse.audit.config rejects its unknown keys itself.
KNOWN_KEYS: dict[str, frozenset[str]] = {
    **{table: frozenset(keys) for table, keys in DEFAULTS.items()},
    "fetch": frozenset({*DEFAULTS["fetch"], "max_wait_seconds"}),
    "listen": frozenset({"account", "max_age"}),
    "secrets": frozenset(SECRET_ENV),
}
# Tables read, and their keys checked, elsewhere: not reported as unknown tables
SELF_CHECKED_TABLES = frozenset({"audit"})


class Config(dict[str, Any]):
    """The merged settings, and the file they were read from (``source``; None when only the
    defaults apply), so that a bad value can be reported with the file to fix."""

    source: Path | None

    def __init__(self, data: Mapping[str, Any] | None = None, source: Path | None = None) -> None:
        super().__init__(data or {})
        self.source = source


def home_dir() -> Path:
    """Root of staffpulse's own files; ``STAFFPULSE_HOME`` overrides (used by tests)."""
    override = os.environ.get("STAFFPULSE_HOME")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_demo_dir() -> Path:
    """Where ``staffpulse demo`` writes its store (:data:`DEMO_DB_NAME`) and reports unless
    told otherwise: apart from the user's own store, which the demo never touches."""
    return home_dir() / "demo"


DEMO_DB_NAME = "demo.db"


def avatars_dir() -> Path:
    """Where avatar images go when no store names a folder for them (an in-memory store)."""
    return home_dir() / "avatars"


def config_dir() -> Path:
    override = os.environ.get("STAFFPULSE_HOME")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def config_path() -> Path:
    explicit = os.environ.get("STAFFPULSE_CONFIG")
    return Path(explicit).expanduser() if explicit else config_dir() / "config.toml"


def default_db_path() -> Path:
    """``STAFFPULSE_DB`` or ``staffpulse.db`` in the user data folder."""
    explicit = os.environ.get("STAFFPULSE_DB")
    return Path(explicit).expanduser() if explicit else home_dir() / "staffpulse.db"


def _merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = deepcopy(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def load_config(path: Path | None = None) -> Config:
    """The defaults overlaid with the user's TOML file, when it exists. A file that
    ``STAFFPULSE_CONFIG`` names and that does not exist is a notice: a typo in the variable
    would otherwise leave every setting at its default without a word."""
    named = path is None and bool(os.environ.get("STAFFPULSE_CONFIG"))
    path = path or config_path()
    if not path.exists():
        if named:
            notice_missing_config(path, config_dir() / "config.toml")
        return Config(deepcopy(DEFAULTS))
    user = _read_toml(path)
    notice_unknown_keys(path, user, KNOWN_KEYS, SELF_CHECKED_TABLES)
    return Config(_merge(DEFAULTS, user), source=path)


def _read_toml(path: Path) -> dict[str, Any]:
    if path.is_dir():
        raise ConfigError(f"{path}: is a folder, not a config file", hint=_folder_hint(path))
    text = read_config_text(path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        known = {key for keys in KNOWN_KEYS.values() for key in keys}
        raise explain_toml_error(path, text, exc, known) from exc


def _folder_hint(path: Path) -> str:
    """What to do about a folder where the config file is read or written (by ``load_config``
    and the Settings page alike): at the default path, with no STAFFPULSE_CONFIG to point
    elsewhere or unset, the folder is in the way."""
    if not os.environ.get("STAFFPULSE_CONFIG") and path == config_dir() / "config.toml":
        return (
            "staffpulse reads its settings from a file at this path: rename or remove the"
            " folder (staffpulse needs no config file), or point STAFFPULSE_CONFIG at a TOML"
            " file elsewhere"
        )
    return (
        f"point STAFFPULSE_CONFIG at a TOML file (e.g. {path / 'config.toml'}), or unset it to"
        " use the default location"
    )


# -- typed access to settings ----------------------------------------------------------------
def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return f"a {type(value).__name__}"


def _shown(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{...}"
    text = _toml_value(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _source(config: Mapping[str, Any]) -> Path | None:
    source = getattr(config, "source", None)  # a plain dict from a library caller has none
    return source if isinstance(source, Path) else None


def source_of(config: Mapping[str, Any]) -> Path | None:
    """The file the settings were read from; None for the defaults or a plain dict."""
    return _source(config)


def _in_file(config: Mapping[str, Any]) -> str:
    source = _source(config)
    return f"{source}: " if source else ""


def config_table(config: Mapping[str, Any], table: str) -> Mapping[str, Any]:
    """``config[table]`` (empty when absent); ConfigError when it is not a table."""
    value = config.get(table)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ConfigError(
            f"{_in_file(config)}{table} = {_shown(value)} is {_describe(value)};"
            f" expected a table [{table}]",
            hint=f"put these settings under a header line [{table}], or delete the line"
            " to use the defaults",
        )
    return value


def _raw(config: Mapping[str, Any], table: str, key: str, default: Any) -> Any:
    value = config_table(config, table).get(key)
    if value is not None:
        return value
    if default is not None:
        return default
    return DEFAULTS[table][key]


def bad_setting(
    config: Mapping[str, Any],
    table: str,
    key: str,
    value: Any,
    problem: str,
    *,
    fix: str | None = None,
) -> ConfigError:
    """The error for ``[table] key = value`` of ``config``: the file, the setting and its
    value, the ``problem``, and what to write instead (``fix``; by default the default value
    as an example), so that every bad setting is told alike."""
    example = DEFAULTS.get(table, {}).get(key)
    if fix is None:
        fix = f"e.g. {key} = {_toml_value(example)}" if example is not None else f"a valid {key}"
    source = _source(config)
    where = f"in {source}" if source else "in config.toml"
    return ConfigError(
        f"{_in_file(config)}[{table}] {key} = {_shown(value)} {problem}",
        hint=f"write {fix} under [{table}] {where}, or delete the line to use the default",
    )


def setting_float(
    config: Mapping[str, Any],
    table: str,
    key: str,
    *,
    default: float | None = None,
    minimum: float | None = None,
    positive: bool = False,
) -> float:
    """A number setting (an integer is fine), from ``config`` else ``default`` else DEFAULTS."""
    value = _raw(config, table, key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise bad_setting(config, table, key, value, f"is {_describe(value)}; expected a number")
    number = float(value)
    if not math.isfinite(number):
        raise bad_setting(config, table, key, value, "is not a finite number")
    if positive and number <= 0:
        raise bad_setting(config, table, key, value, "must be more than 0")
    if minimum is not None and number < minimum:
        raise bad_setting(config, table, key, value, f"must be at least {minimum:g}")
    return number


def setting_int(
    config: Mapping[str, Any],
    table: str,
    key: str,
    *,
    default: int | None = None,
    minimum: int | None = None,
) -> int:
    """A whole-number setting; a float without a fraction (``2e6``, a float in TOML) is fine."""
    value = _raw(config, table, key, default)
    whole = isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if isinstance(value, bool) or not whole:
        raise bad_setting(
            config, table, key, value, f"is {_describe(value)}; expected a whole number"
        )
    if minimum is not None and int(value) < minimum:
        raise bad_setting(config, table, key, value, f"must be at least {minimum}")
    return int(value)


def setting_str(
    config: Mapping[str, Any], table: str, key: str, *, default: str | None = None
) -> str:
    """A text setting; an empty string counts as unset (the default applies)."""
    value = _raw(config, table, key, default)
    if not isinstance(value, str):
        raise bad_setting(
            config, table, key, value, f"is {_describe(value)}; expected text in quotes"
        )
    if not value.strip():
        return str(default if default is not None else DEFAULTS[table][key])
    return value


def listen_account(config: Mapping[str, Any] | None = None) -> str | None:
    """The firm's own account (``[listen] account``: a @handle or profile URL), trimmed;
    None when it is unset or blank. Read by ``inbox``, its marks and the dashboard alike."""
    config = config if config is not None else load_config()
    value = config_table(config, "listen").get("account")
    if value is None:
        return None
    if not isinstance(value, str):
        raise bad_setting(
            config,
            "listen",
            "account",
            value,
            f"is {_describe(value)}; expected text in quotes (a @handle or profile URL)",
        )
    return value.strip() or None


def get_secret(name: str, config: Mapping[str, Any] | None = None) -> str | None:
    """A secret from the environment, else from the ``[secrets]`` table of the config file.

    A value pasted with its quotes (``X_BEARER_TOKEN='"AAAA"'``) loses them, with a notice:
    no token starts and ends with a quote, and sent as it is, it is refused as a wrong one."""
    env_name = SECRET_ENV.get(name, name.upper())
    value = os.environ.get(env_name)
    if value:
        return unquoted(value, env_name)
    config = config if config is not None else load_config()
    secrets = config.get("secrets", {})
    found = secrets.get(name) if isinstance(secrets, Mapping) else None
    if found is not None and not isinstance(found, str):
        # sent as str(found), a number or a list is refused by the platform as a wrong token;
        # the message never shows the value, as it is a secret
        where = f"in {_source(config)}" if _source(config) else "in config.toml"
        raise ConfigError(
            f"{_in_file(config)}[secrets] {name} is {_describe(found)}, not a token",
            hint=f'write it as text in quotes under [secrets] {where}: {name} = "…"',
        )
    return unquoted(found, f"[secrets] {name}") if found else None


#: Shortest secret whose last four characters may be shown: of a shorter one, four would
#: give away too large a part.
SHOW_TAIL_FROM = 16


def mask_secret(value: str | None) -> str:
    """Whether a secret is set, and of a long one (:data:`SHOW_TAIL_FROM`) its last four
    characters, never more: ``••••••••wxyz``."""
    if not value:
        return "not set"
    return "•" * 8 + (value[-4:] if len(value) >= SHOW_TAIL_FROM else "")


def _toml_value(value: Any) -> str:
    """A value as it would be written in the file, for messages that quote it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    # JSON's string escapes are TOML's too: a quote, a backslash or a line break stays text
    return json.dumps(str(value), ensure_ascii=False)
