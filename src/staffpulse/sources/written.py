"""Dates and counts as people write them in the files they make (the staffpulse CSV and JSONL).

A spreadsheet saves a date as it displays it and a count with its thousands separator, so a
file saved from Excel holds ``Mar 1, 2026``, ``3/1/2026 14:05`` or ``"1,234"``. What has one
meaning is read:

* dates in ISO 8601 and X's format (:func:`staffpulse.sources.base.parse_timestamp`), year
  first with slashes (``2026/03/01 14:05``) and with an English month name (``Mar 1, 2026``,
  ``1 March 2026 2:05 PM``, ``Sunday, March 1, 2026``), an ISO date with a 12-hour clock
  (``2026-03-01 2:05 PM``), and any of these followed by ``UTC`` or ``GMT``;
* counts with commas or spaces between groups of three digits (``1,234``, ``12 345``), and
  a whole one saved again with a decimal comma (``12,0``).

What could mean two things is refused with the fix, never guessed: a date of numbers only
with the year last (``3/1/2026``, ``01.03.2026``) is 3 January in Europe and March 1 in the
US. Alone, even ``13/1/2026``, whose order shows, is refused: a spreadsheet writes a whole
column one way, and reading only the days after the 12th would import a random part of the
file. A JSONL file holding such dates is told once
(:class:`~staffpulse.sources.column_errors.AmbiguousDates`), not once per row; a CSV reads them
in the order its whole column shows, or day first for dates with dots (:mod:`.csv_dates`).

Ids are text, or whole numbers written with digits (:func:`written_id`). A long id a
spreadsheet took for a number is saved as it shows it, ``6.5873E+17``: its last digits are
gone, so thousands of posts would share one id. Such ids are refused, and told once per file
(:class:`~staffpulse.sources.column_errors.RoundedIds`); a column of them is never offered as
the ``id`` to rename.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from staffpulse.handles import as_url, parse_handle, plain_handle, profile_url_name
from staffpulse.sources.base import parse_post_time, parse_timestamp

ISO_FIX = "write dates year first, as 2026-03-01T14:05 or 2026-03-01"
EXCEL_FIX = "in Excel: Format Cells › Custom › yyyy-mm-dd hh:mm, then save as CSV again"
YEAR_LAST = (
    "staffpulse reads a date of numbers only when it starts with the year, as files write day "
    "and month in either order"
)
COUNT_FIX = "write whole numbers with digits only, e.g. 1234"
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")  # fmt: skip
TIME = r"(?:,?\s+(?:at\s+)?(?P<time>\d{1,2}:\d{2}(?::\d{2})?)\s*(?P<ampm>[ap]\.?m\.?)?)?"
_NAMED = re.compile(
    r"^(?:[a-z]+,?\s+)??"  # a weekday, ignored
    r"(?:(?P<mon>[a-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"
    r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon2>[a-z]{3,9})\.?,?\s+(?P<year2>\d{4}))"
    + TIME
    + "$"
)
# 2026/03/01 14:05, and 2026-03-01 2:05 PM (an ISO date with a 12-hour clock, which
# fromisoformat does not read)
_YEAR_FIRST = re.compile(
    r"^(?P<year>\d{4})(?P<sep>[/-])(?P<mon>\d{1,2})(?P=sep)(?P<day>\d{1,2})" + TIME + "$"
)
# A date followed by its zone's letters: BigQuery and many database exports write
# ``2026-03-01 14:05:00 UTC``. UTC and GMT are read; others (EST: US or Australian?) are told.
_ZONED = re.compile(r"^(?P<when>.*\d(?:\s*[ap]\.?m\.?)?)\s+(?P<zone>[a-z]{2,5})$", re.IGNORECASE)
UTC_NAMES = ("UTC", "GMT", "UT", "Z")
_YEAR_LAST = re.compile(r"^(?P<a>\d{1,2})([./-])(?P<b>\d{1,2})\2(?P<year>\d{2}|\d{4})\b")
# The "+" keeps ids of other shapes out (a Bluesky record key has letters and no "+").
_ROUNDED = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[eE]\+\d+$")
ROUNDED = "rounded by a spreadsheet"
# A whole number a program wrote as a float (pandas, a column with a blank): "101.0" is 101.
# Short ids only: a float keeps 15 digits, so a longer one lost its last (and is told so)
_FLOAT_ID = re.compile(r"^(?P<digits>\d{1,15})\.0+$")
ROUNDED_LOST = "scientific notation has lost the last digits"
ROUNDED_FIX = (
    "export the ids as text (from the tool that made the file, without opening it in a "
    "spreadsheet; or format the id column as Text before the ids go in)"
)
_GROUPED = re.compile(r"^\d{1,3}(?:(?P<sep>[, \u00a0\u202f])\d{3})(?:(?P=sep)\d{3})*$")
# A count saved again by a spreadsheet where the comma is the decimal mark (German, French):
# "12.0" (as X and pandas write a count) comes back "12,0", the whole number 12. Never
# "1,000": a thousands group has three digits, a decimal part here one or two
_DECIMAL_COMMA = re.compile(r"^(?P<whole>\d+),0{1,2}$")
# "1,234.00" or "1.234,00": a count a sheet formatted with groups and two decimals, both marks
# showing which is which (the last one is the decimal mark), so a whole number
_GROUPED_WHOLE = re.compile(
    r"^[1-9]\d{0,2}(?P<sep>[,. \u00a0\u202f])\d{3}(?:(?P=sep)\d{3})*(?!(?P=sep))[.,]0+$"
)
# "1.000", "12.500": a thousands group where the dot groups them (German), or a decimal?
DOTTED_GROUPS = re.compile(r"^[1-9]\d{0,2}(?:\.\d{3})+$")  # "0.000" is 0 either way


# MySQL and the tools exporting from it write a missing date as zeros
_ZERO_DATE = re.compile(r"^0000-00-00(?:[ T]00:00(?::00(?:\.0+)?)?Z?)?$")


class WrittenDateError(ValueError):
    """A date in a file that cannot be read, with what to write instead. ``ambiguous``: a
    date of numbers with the year last, whose day and month order is not known. ``zone``: a
    date read but for its time zone, named by letters that mean several (``EST``)."""

    def __init__(self, key: str, value: str, ambiguous: bool, zone: str = "") -> None:
        self.key, self.value, self.ambiguous = key, value, ambiguous
        if zone:
            super().__init__(
                f"'{key}' is {value!r}: the time zone {zone!r} is not read, as such letters "
                "name different zones in different countries; write the time with its offset "
                "from UTC, as 2026-03-01T14:05-05:00, or in UTC, as 2026-03-01T19:05Z"
            )
            return
        why = f" ({readings(value)}): {YEAR_LAST}" if ambiguous else ", not a date staffpulse reads"
        super().__init__(f"'{key}' is {value!r}{why}; {ISO_FIX}")


def readings(value: str) -> str:
    """The dates a ``3/1/2026`` can be: ``3 January or March 1?``; ``13 January`` when only
    one order makes a date."""
    match = _YEAR_LAST.match(value)
    a, b = (int(match["a"]), int(match["b"])) if match else (0, 0)
    said = [f"{a} {MONTH_NAMES[b - 1]}"] if 1 <= b <= 12 and a >= 1 else []
    said += [f"{MONTH_NAMES[a - 1]} {b}"] if 1 <= a <= 12 and b >= 1 else []
    if len(said) == 2 and a == b:  # 3/3/2026 is 3 March either way, still not read alone
        return said[0]
    return " or ".join(said) + "?" if len(said) == 2 else said[0] if said else "day or month?"


def written_time(record: Mapping[str, Any], key: str) -> datetime | None:
    """The date of ``record[key]`` (None when absent or blank); WrittenDateError otherwise.

    A number is refused, not read as seconds since 1970: the files people write hold dates as
    text, and ``12345`` there is a mistake (a count in the wrong column), not a 1970 date."""
    value = record.get(key)
    if isinstance(value, int | float):
        raise ValueError(f"'{key}' should be a date written as text, got {shown(value)}; {ISO_FIX}")
    try:
        # a year no datetime holds (0000-01-01) is kept as a date no post can have
        return parse_post_time(value)
    except ValueError:
        pass
    text = str(value).strip()
    if _ZERO_DATE.match(text):
        return None  # a database's way of writing "no date": the post is kept undated
    parsed = _named_or_year_first(text.lower())
    if parsed is not None:
        return parsed
    zoned = _ZONED.match(text)
    if zoned is not None and zoned["zone"].lower() not in ("am", "pm"):
        when = _read_unzoned(zoned["when"])
        if when is not None and zoned["zone"].upper() in UTC_NAMES:
            return when if when.utcoffset() is None else when.astimezone(UTC)
        if when is not None:
            raise WrittenDateError(key, text, ambiguous=False, zone=zoned["zone"])
    raise WrittenDateError(key, text, ambiguous=_YEAR_LAST.match(text) is not None)


def _read_unzoned(text: str) -> datetime | None:
    """``text`` (a date whose zone letters were cut off) as a date, or None."""
    try:
        return parse_timestamp(text)
    except ValueError:
        return _named_or_year_first(text.lower())


def _named_or_year_first(text: str) -> datetime | None:
    match = _NAMED.match(text) or _YEAR_FIRST.match(text)
    if match is None:
        return None
    parts = match.groupdict()
    month = _month(parts.get("mon") or parts.get("mon2") or "")
    if month is None:
        return None
    try:
        return datetime(
            int(parts.get("year") or parts["year2"]),
            month,
            int(parts.get("day") or parts["day2"]),
            *clock(parts["time"], parts["ampm"]),
            tzinfo=UTC,
        )
    except ValueError:  # 31 February, 25:00, 14:05 PM
        return None


def clock(time: str | None, ampm: str | None) -> tuple[int, int, int]:
    """Hour, minute and second of a :data:`TIME` match (``2:05``, ``pm``; midnight without one).
    ValueError for an hour AM or PM cannot have (``14:05 pm``); 25:00 is left to datetime."""
    if not time:
        return 0, 0, 0
    hour, minute, *rest = (int(n) for n in time.split(":"))
    half = (ampm or "").replace(".", "")
    if half and not 1 <= hour <= 12:
        raise ValueError(f"{time} {ampm}")
    if half:
        hour = hour % 12 + (12 if half == "pm" else 0)
    return hour, minute, rest[0] if rest else 0


def _month(text: str) -> int | None:
    """1-12 for ``3``, ``mar``, ``march`` or ``sept``; None for words that are no month."""
    if text.isdigit():
        return int(text)
    if text == "sept":
        return 9
    for number, name in enumerate(MONTH_NAMES, start=1):
        if len(text) >= 3 and name.lower().startswith(text):
            return number
    return None


def handle_written(value: str) -> str:
    """A handle as a file writes it: ``@acme``, or the profile's address people paste into a
    sheet (``https://x.com/Acme``, ``bsky.app/profile/rosa.bsky.social``,
    ``https://hr.social/@jane``), read as the handle it names (``Acme``, ``rosa.bsky.social``,
    ``jane@hr.social``); the address was stored as the handle. ValueError for an address that
    is no profile's."""
    text = value.strip()
    if as_url(text) is None:
        # one account written with accents or without, on an instance in Unicode or ASCII
        return plain_handle(text.lstrip("@"))
    named = profile_url_name(text)
    return plain_handle(named[1]) if named is not None else parse_handle(text)[1]


def is_rounded_id(value: object) -> bool:
    """True for an id a spreadsheet rounded: ``6.5873E+17`` (also as a JSON number)."""
    text = repr(value) if isinstance(value, float) else value
    return isinstance(text, str) and _ROUNDED.match(text.strip()) is not None


class RoundedIdError(ValueError):
    """An id in scientific notation (:func:`is_rounded_id`): told once per file."""

    def __init__(self, key: str, value: object) -> None:
        self.key, self.value = key, str(value)
        super().__init__(
            f"'{key}' is {self.value!r}, an id {ROUNDED} ({ROUNDED_LOST}): it cannot be used as "
            f"an id; {ROUNDED_FIX}"
        )


def written_id(record: Mapping[str, Any], key: str) -> str | None:
    """The id in ``record[key]`` as text (None when absent or blank): text, or a whole number as
    a JSON export may write it (``123``); ``123.0`` as pandas writes a column of numbers with a
    blank in it is 123 (else the post stored under ``123`` was stored again, its replies
    linked to no post). A rounded id raises :class:`RoundedIdError`; any other type (a list,
    ``true``, ``1.5``, ``1e400``) a ValueError, never its Python repr."""
    value = record.get(key)
    if value is None:
        return None
    if is_rounded_id(value):
        raise RoundedIdError(key, value)
    if isinstance(value, str) and (whole := float_id(value)) is not None:
        return whole
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"'{key}' should be text or a whole number, got {shown(value)}")
    return str(value).strip() or None


def float_id(value: str) -> str | None:
    """The whole number of an id a program wrote as a float (``101.0``: ``101``), else None."""
    whole = _FLOAT_ID.match(value.strip())
    return whole["digits"] if whole else None


def shown(value: object) -> str:
    """A JSON value as the user wrote it, with its type: ``[1] (a list)``."""
    if isinstance(value, float) and not math.isfinite(value):
        return "a number too large to read"  # 1e400 in the file
    kind = (
        "true or false" if isinstance(value, bool)
        else "a list" if isinstance(value, list | tuple)
        else "an object" if isinstance(value, dict)
        else "a number" if isinstance(value, int | float)
        else type(value).__name__
    )  # fmt: skip
    try:
        written = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):  # not from JSON (a Parquet cell)
        written = repr(value)
    return f"{written if len(written) <= 60 else written[:57] + '...'} ({kind})"


def written_count(record: Mapping[str, Any], key: str) -> int | None:
    """A count (likes, followers...): a whole number of 0 or more; ``3.0`` and ``3,0`` (a
    decimal comma) are 3 and ``1,234``, ``1,234.00`` and ``1.234,00`` are 1234, but ``2.5``, ``2,5``, ``1.234`` or ``1.000``
    (a decimal, or a thousand?) or ``-5`` is an error, never rounded or stored silently."""
    value = record.get(key)
    if value is None or value == "":
        return None
    text = value.strip() if isinstance(value, str) else None
    if text is not None and _GROUPED.match(text):
        return int(re.sub(r"\D", "", text))
    if text is not None and (comma := _DECIMAL_COMMA.match(text)):
        return int(comma["whole"])
    if text is not None and _GROUPED_WHOLE.match(text):  # the zeros after the mark left off
        return int(re.sub(r"\D", "", text.rstrip("0")[:-1]))
    if text is not None and text.isascii() and text.isdigit():
        return int(text)  # exactly: a float keeps 15 to 17 digits
    if text is not None and DOTTED_GROUPS.match(text):  # as a decimal, 1.000 was 1
        raise CountError(
            key, value, f"'{key}' should be a whole number, got {value!r} ({COUNT_FIX})"
        )
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if isinstance(value, bool) or not number.is_integer():
        raise CountError(
            key, value, f"'{key}' should be a whole number, got {value!r} ({COUNT_FIX})"
        )
    if number < 0:
        raise CountError(key, value, f"'{key}' cannot be negative, got {value!r}")
    return value if isinstance(value, int) else int(number)


class CountError(ValueError):
    """A count written as no whole number of 0 or more (``1.2K``, ``-``, ``-5``): which field,
    and what it held. The staffpulse readers keep the record without it
    (:class:`staffpulse.sources.bad_counts.BadCounts`)."""

    def __init__(self, key: str, value: object, message: str) -> None:
        super().__init__(message)
        self.key = key
        self.value = value
