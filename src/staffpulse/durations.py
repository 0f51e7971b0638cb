"""Durations typed as options (``listen --duration 1h30m``, ``inbox --max-age 12h``).

A module of its own, with no heavy imports, so a command can check a typo before it loads the
listening stack and its models.
"""

from __future__ import annotations

from staffpulse.errors import InputError

_UNITS = {"s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0, "w": 7 * 86400.0}  # no month: 28-31 days


def parse_duration(text: str) -> float | None:
    """``"90s"``, ``"10m"``, ``"1h30m"``, ``"2d"``, ``"2w"`` or bare seconds; ``"0"`` means no
    limit."""
    value = text.strip().lower()
    if value in ("", "0", "forever", "none"):
        return None
    if value.replace(".", "", 1).isdigit():
        return float(value)
    total, number = 0.0, ""
    for char in value:
        if char.isdigit() or char == ".":
            number += char
        elif char in _UNITS and number:
            total += float(number) * _UNITS[char]
            number = ""
        else:
            raise InputError(f"cannot read the duration {text!r}", hint="use e.g. 90s, 10m, 1h30m")
    if number:
        raise InputError(
            f"cannot read the duration {text!r}", hint="end with a unit: s, m, h, d, w"
        )
    return total
