"""Writing the config file: the dashboard's Settings page saves one key at a time.

Reading and defaults live in :mod:`staffpulse.config`; this module edits the file a person may
also have written by hand, so it keeps their comments and layout (tomlkit), writes it readable
by the owner only (it may hold secrets) and replaces it whole, never half-written.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import MutableMapping
from pathlib import Path

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import Comment, Table

from staffpulse.config import Config, _read_toml, config_path, config_table
from staffpulse.config_text import read_config_text
from staffpulse.errors import ConfigError


def save_secret(name: str, value: str, path: Path | None = None) -> Path:
    """Store a secret in the config file, readable by the owner only (mode 600)."""
    return save_setting("secrets", name, value, path)


def save_setting(table: str, key: str, value: str | None, path: Path | None = None) -> Path:
    """Write ``[table] key = value`` into the config file, keeping every other setting,
    comment and blank line as the user wrote them. ``None`` or ``""`` removes the key (a
    removed token leaves no ``x_bearer_token = ""`` behind), and the ``[table]`` with it when
    nothing is left in it, not even a comment of the user's. The file is written
    readable by the owner only (mode 600): it may hold secrets, and the dashboard's Settings
    page writes it. It is replaced whole (a new file, then a rename), so a crash mid-write
    leaves the old file, never an empty one."""
    path = path or config_path()
    text = ""
    if path.exists():
        config_table(Config(_read_toml(path), source=path), table)  # else a ConfigError
        text = read_config_text(path)  # a UTF-8 or UTF-16 mark is left out; written as UTF-8
    try:
        document = tomlkit.parse(text)
    except TOMLKitError as exc:  # tomllib read the file; a reader disagreeing is told, not raised
        raise ConfigError(
            f"{path}: cannot be edited in place ({exc})",
            hint=f"add the line under [{table}] by hand, or fix the line named above",
        ) from exc
    section = document.get(table)
    if value:
        if section is None:
            section = tomlkit.table()
            document.add(table, section)
        section[key] = value
    elif isinstance(section, MutableMapping) and key in section:
        del section[key]
        if _left_empty(section):
            del document[table]
    _write_private(path, tomlkit.dumps(document))
    return path


def _left_empty(section: object) -> bool:
    """A table with no key left and no comment of the user's (blank lines only)."""
    if not isinstance(section, Table) or len(section):
        return False
    return not any(isinstance(item, Comment) for _key, item in section.value.body)


def _write_private(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (mode 600) through a file beside it, synced to disk
    before the rename, so the config is the old one or the new one, never half of each."""
    target = path.resolve()  # a symlinked config is written where it points; the link stays
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise _unwritable(path, exc) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:  # mkstemp: mode 600
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise _unwritable(path, exc) from exc
    with contextlib.suppress(OSError):  # the rename itself survives a power cut only so
        folder = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def _unwritable(path: Path, exc: OSError) -> ConfigError:
    return ConfigError(
        f"{path}: cannot be written ({exc.strerror or exc})",
        hint="check the permissions of the file and its folder, or point STAFFPULSE_CONFIG "
        "at another file",
    )
