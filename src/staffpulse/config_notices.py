"""The config file's mistakes that must not stop a run but must not pass silently either:
told once a process as a notice (logger ``staffpulse.config``, shown as one line on stderr),
never raised.

- a key no table of staffpulse knows, with the closest known one (:func:`notice_unknown_keys`),
  and a table staffpulse does not read at all (``[listne]``);
- a setting written above every header line, which belongs to no table;
- a ``STAFFPULSE_CONFIG`` that names no file (:func:`notice_missing_config`);
- a secret pasted with its quotes, used without them (:func:`unquoted`).
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

# the notices keep the logger of the settings they are about
log = logging.getLogger("staffpulse.config")
_noticed: set[tuple[str, str, str]] = set()  # (file, table, key): each notice once a process
_quoted: set[str] = set()  # secrets already told to lose their quotes


def notice_missing_config(path: Path, default: Path) -> None:
    """``STAFFPULSE_CONFIG`` names ``path``, which does not exist: a typo in the variable
    would otherwise leave every setting at its default without a word."""
    if (str(path), "", "STAFFPULSE_CONFIG") in _noticed:
        return
    _noticed.add((str(path), "", "STAFFPULSE_CONFIG"))
    log.warning(
        "STAFFPULSE_CONFIG names %s, which does not exist, so the defaults apply"
        " (fix the path, or unset the variable to use %s)",
        path, default,
    )  # fmt: skip


def notice_unknown_keys(
    path: Path,
    user: Mapping[str, Any],
    known_keys: Mapping[str, frozenset[str]],
    other_tables: frozenset[str] = frozenset(),
) -> None:
    """Each key of the user's file that no table of ``known_keys`` reads, once, and each
    table that is neither one of them nor of ``other_tables`` (read, and checked, elsewhere)."""
    tables = {*known_keys, *other_tables}
    _notice_keys_outside_tables(path, user, known_keys, tables)
    _notice_unknown_tables(path, user, tables)
    for table, known in known_keys.items():
        section = user.get(table)
        if not isinstance(section, Mapping):
            continue  # a table of the wrong type is reported as an error when it is read
        for key in section:
            if key in known or (str(path), table, key) in _noticed:
                continue
            _noticed.add((str(path), table, key))
            close = difflib.get_close_matches(key, sorted(known), n=1)
            guess = f"did you mean {close[0]}?" if close else "known: " + ", ".join(sorted(known))
            log.warning(
                "%s: [%s] %s is not a setting staffpulse knows, so it is ignored (%s)",
                path, table, key, guess,
            )  # fmt: skip


def _notice_keys_outside_tables(
    path: Path,
    user: Mapping[str, Any],
    known_keys: Mapping[str, frozenset[str]],
    all_tables: set[str],
) -> None:
    """A setting written above every header line (``x_bearer_token = "..."`` with no
    ``[secrets]`` before it) belongs to no table, so nothing reads it: said once, with the
    header it needs, or the headers there are (``all_tables``) when no table has the key: "see
    docs/configuration.md" sent people to a file a pip install does not have."""
    for key, value in user.items():
        if isinstance(value, Mapping) or key in known_keys or (str(path), "", key) in _noticed:
            continue
        _noticed.add((str(path), "", key))
        tables = [table for table, known in known_keys.items() if key in known]
        fix = (
            f"put it under a header line [{tables[0]}]"
            if tables
            else "settings go under the header line of their table: "
            + ", ".join(f"[{table}]" for table in sorted(all_tables))
        )
        log.warning(
            "%s: %s is outside any table, so it is ignored (%s)", path, key, fix
        )  # fmt: skip


def _notice_unknown_tables(path: Path, user: Mapping[str, Any], known: set[str]) -> None:
    """A table no part of staffpulse reads (``[listne]``): every setting under it would be
    left at its default without a word, so it is said once, with the closest known table."""
    for table, value in user.items():
        if not isinstance(value, Mapping) or table in known or (str(path), table, "") in _noticed:
            continue
        _noticed.add((str(path), table, ""))
        close = difflib.get_close_matches(table, sorted(known), n=1)
        guess = (
            f"did you mean [{close[0]}]?"
            if close
            else "known: " + ", ".join(f"[{name}]" for name in sorted(known))
        )
        log.warning(
            "%s: [%s] is not a table staffpulse knows, so its settings are ignored (%s)",
            path, table, guess,
        )  # fmt: skip


def unquoted(value: str, where: str) -> str:
    """A secret without the quotes it was pasted with (no token starts and ends with one,
    and sent as it is, it is refused as a wrong one), told once for ``where``."""
    stripped = value.strip()
    if len(stripped) >= 2 and stripped[0] == stripped[-1] and stripped[0] in "\"'":
        if where not in _quoted:
            _quoted.add(where)
            log.warning(
                "%s is wrapped in quotes (%s…), which are not part of a token: they were left"
                " out; remove them from the value",
                where, stripped[0],
            )  # fmt: skip
        return stripped[1:-1].strip()
    return stripped
