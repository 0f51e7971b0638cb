"""Secrets in messages: where a token came from, to name it when it is refused, and every
configured token masked in an error's words before it is shown (a server that echoes the
request must not put the bearer token on the screen, in a log or in a page)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from staffpulse.config import SECRET_ENV, config_path, load_config, mask_secret, source_of
from staffpulse.errors import ConfigError, StaffpulseError
from staffpulse.next_steps import SECRET_IN_CONFIG, SECRET_IN_ENV


def secret_origin(name: str, config: Mapping[str, Any] | None = None) -> str:
    """Where :func:`get_secret` finds the secret, to name in a message about it:
    ``X_BEARER_TOKEN in the environment`` or ``[secrets] x_bearer_token in /path/config.toml``."""
    env_name = SECRET_ENV.get(name, name.upper())
    if os.environ.get(env_name):
        return SECRET_IN_ENV.say(env=env_name)
    config = config if config is not None else load_config()
    source = source_of(config)
    return SECRET_IN_CONFIG.say(name=name, path=source or "config.toml")


def configured_secrets(config: Mapping[str, Any] | None = None) -> list[str]:
    """Every secret value set, from the environment and from the config file, as written
    and as used (quotes left out): what must never reach a message. A config file that does
    not load gives the environment's only (its own error is about to be told). The file is
    read once for as long as it is unchanged (:func:`_file_secrets`)."""
    values = [os.environ.get(env) or "" for env in SECRET_ENV.values()]
    values += _secrets_of(config) if config is not None else _file_secrets()
    found = {v for value in values for v in (value, value.strip(), value.strip().strip("\"'"))}
    # an X bearer token holds %2B and %3D: a server that decodes the header before quoting it
    # shows "+" and "=" there
    found |= {unquote(v) for v in found}
    return sorted(v for v in found if len(v) >= MIN_MASKED)  # mask_values masks longest first


def _secrets_of(config: Mapping[str, Any]) -> list[str]:
    secrets = config.get("secrets")
    if not isinstance(secrets, Mapping):
        return []
    return [str(secrets.get(name) or "") for name in SECRET_ENV]


# The config file's secrets, by the file and its modification time and size: every message a
# page shows is masked, and reading the TOML for each one would read it dozens of times a page.
_read: dict[tuple[str, int, int], list[str]] = {}


def _file_secrets() -> list[str]:
    """The secrets of the config file :func:`load_config` reads, read again only when the
    file changed (or appeared, or went)."""
    path = config_path()
    key = (str(path), *_stamp(path))
    if key not in _read:
        try:
            secrets = _secrets_of(load_config())
        except ConfigError:
            secrets = []
        _read.clear()  # one file at a time: STAFFPULSE_CONFIG changes only in tests
        _read[key] = secrets
    return _read[key]


def _stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return -1, -1
    return stat.st_mtime_ns, stat.st_size


#: Shortest value masked in messages: a shorter one would blank out ordinary words.
MIN_MASKED = 6


def hide_secrets(text: str, config: Mapping[str, Any] | None = None) -> str:
    """``text`` with every configured secret (:func:`configured_secrets`) masked as
    :func:`mask_secret` shows it: a server's answer that echoes the request (a proxy, a debug
    endpoint) must not put the bearer token on the screen or in a log."""
    return mask_values(text, configured_secrets(config))


def mask_values(text: str, values: Iterable[str], mask: Callable[[str], str] = mask_secret) -> str:
    """``text`` with each of ``values`` at least :data:`MIN_MASKED` long replaced by
    ``mask(value)``: longest first, so that a value holding another (a token as written, in
    quotes) is masked whole and not around its inner part. For messages and for log records."""
    for value in sorted({v for v in values if len(v) >= MIN_MASKED}, key=len, reverse=True):
        if value in text:
            text = text.replace(value, mask(value))
    return text


def hide_secrets_in(error: StaffpulseError, config: Mapping[str, Any] | None = None) -> None:
    """Mask the configured secrets in ``error``'s message and hint, in place (its type and
    exit code stay): for the fetch boundary, and for the CLI and web as a last defence."""
    error.message = hide_secrets(error.message, config)
    error.args = (error.message, *error.args[1:])
    if error.hint:
        error.hint = hide_secrets(error.hint, config)


@contextmanager
def secrets_hidden(config: Mapping[str, Any] | None = None) -> Iterator[None]:
    """Any staffpulse error raised inside leaves with the configured secrets masked
    (:func:`hide_secrets_in`): around every request a fetcher sends."""
    try:
        yield
    except StaffpulseError as exc:
        hide_secrets_in(exc, config)
        raise
