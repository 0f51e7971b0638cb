"""Where staffpulse keeps things, and the user's settings.

Settings come from a TOML file (``STAFFPULSE_CONFIG``, else ``config.toml`` in the user config
folder) layered over documented defaults. Secrets (API tokens) come from the environment first,
then from the config file, and never from command-line arguments.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from copy import deepcopy
from pathlib import Path
from typing import Any

import platformdirs

from staffpulse.errors import ConfigError

APP_NAME = "staffpulse"

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
        # Bluesky's public Jetstream (one of four instances, see docs/listen.md).
        "jetstream_url": "wss://jetstream2.us-east.bsky.network/subscribe",
    },
    "mastodon": {"default_instance": "mastodon.social"},
    "fetch": {"avatar_max_bytes": 2_000_000, "timeout_seconds": 20},
}

SECRET_ENV = {
    "x_bearer_token": "X_BEARER_TOKEN",
    "mastodon_access_token": "MASTODON_ACCESS_TOKEN",
}


def home_dir() -> Path:
    """Root of staffpulse's own files; ``STAFFPULSE_HOME`` overrides (used by tests)."""
    override = os.environ.get("STAFFPULSE_HOME")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


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


def load_config(path: Path | None = None) -> dict[str, Any]:
    """The defaults overlaid with the user's TOML file, when it exists."""
    path = path or config_path()
    if not path.exists():
        return deepcopy(DEFAULTS)
    try:
        with path.open("rb") as handle:
            user = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            f"{path}: not valid TOML ({exc})", hint="fix the line named above or delete the file"
        ) from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror})") from exc
    return _merge(DEFAULTS, user)


def get_secret(name: str, config: Mapping[str, Any] | None = None) -> str | None:
    """A secret from the environment, else from the ``[secrets]`` table of the config file."""
    env_name = SECRET_ENV.get(name, name.upper())
    value = os.environ.get(env_name)
    if value:
        return value
    config = config if config is not None else load_config()
    secrets = config.get("secrets", {})
    found = secrets.get(name) if isinstance(secrets, Mapping) else None
    return str(found) if found else None


def save_secret(name: str, value: str, path: Path | None = None) -> Path:
    """Store a secret in the config file, readable by the owner only (mode 600)."""
    path = path or config_path()
    current: dict[str, Any] = {}
    if path.exists():
        with path.open("rb") as handle:
            current = tomllib.load(handle)
    current.setdefault("secrets", {})[name] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(dump_toml(current))
    os.chmod(path, 0o600)
    return path


def mask_secret(value: str | None) -> str:
    """Show only that a secret is set, and its last four characters."""
    if not value:
        return "not set"
    return "•" * 8 + value[-4:] if len(value) > 8 else "•" * 8


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def dump_toml(data: Mapping[str, Any]) -> str:
    """A minimal TOML writer for our two-level config (tables of scalars)."""
    lines: list[str] = []
    for key, value in data.items():
        if not isinstance(value, Mapping):
            lines.append(f"{key} = {_toml_value(value)}")
    for key, value in data.items():
        if isinstance(value, Mapping):
            lines.append(f"\n[{key}]")
            lines.extend(f"{k} = {_toml_value(v)}" for k, v in value.items())
    return "\n".join(lines).lstrip("\n") + "\n"
