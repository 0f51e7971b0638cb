"""The hierarchy drawn in errors.py's docstring is the one library callers catch and scripts
read exit codes from: every class is in it, under its parent, with its exit code."""

from __future__ import annotations

import inspect
import re

from staffpulse import errors


def _drawn() -> dict[str, tuple[str | None, int | None]]:
    """Each class the docstring draws: (its parent there, the exit code written beside it)."""
    drawn: dict[str, tuple[str | None, int | None]] = {}
    path: list[str] = []  # the class at each depth of the tree
    for line in (errors.__doc__ or "").splitlines():
        found = re.match(r"^    ([│├└─ ]*)([A-Z]\w+Error)\b.*?(?:\s(\d+))?$", line)
        if found is None:
            continue
        depth = len(found.group(1)) // 4
        del path[depth:]
        drawn[found.group(2)] = (path[-1] if path else None, found.group(3) and int(found.group(3)))
        path.append(found.group(2))
    return drawn


def test_every_error_is_drawn_under_its_parent_with_its_exit_code() -> None:
    classes = {
        name: cls
        for name, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, errors.StaffpulseError)
    }
    drawn = _drawn()
    assert sorted(drawn) == sorted(classes)
    for name, (parent, code) in drawn.items():
        cls = classes[name]
        assert parent == (None if cls is errors.StaffpulseError else cls.__base__.__name__), name
        inherited = cls.__base__.exit_code if parent else None
        assert (code if code is not None else inherited) == cls.exit_code, name
        if code is not None and parent:  # a code is written where it differs from the parent's
            assert "exit_code" in cls.__dict__, name
