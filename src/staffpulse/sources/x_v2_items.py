"""The items of an X API v2 page, labelled by where they sit (``data[3]``,
``includes.users[0]``), and the message for one that is skipped: a malformed tweet or user
costs that item, named with its label and id, never the whole page."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from staffpulse.sources.jsonio import get_str

Labeled = tuple[str, Mapping[str, Any]]  # where an item sits ("data[3]") and the item


def is_user(obj: Mapping[str, Any]) -> bool:
    return "username" in obj and "text" not in obj


def fail_item(errors: list[str] | None, label: str, obj: Mapping[str, Any], exc: Exception) -> None:
    """Describe a skipped item; without an ``errors`` list the caller wants the old strictness."""
    what = "user" if is_user(obj) else "tweet"
    item_id = get_str(obj, "id")
    name = f"{what} {item_id}" if item_id else ""
    if label == what:  # a flattened line's own tweet (or a lone user): its id says it all
        label, name = name or label, ""
    message = f"{label} ({name}): {exc}" if name else f"{label}: {exc}"
    if errors is None:
        raise ValueError(message) from exc
    errors.append(message)


def labelled_objects(label: str, value: Any, errors: list[str] | None) -> list[Labeled]:
    """The objects of a list (or one object), labelled ``label[i]``; other items are reported."""
    if value is None:
        return []
    if isinstance(value, dict):
        return [(label, value)]
    if not isinstance(value, list):
        fail_item(errors, label, {}, ValueError(f"not a list of objects ({type(value).__name__})"))
        return []
    out: list[Labeled] = []
    for number, item in enumerate(value):
        if isinstance(item, dict):
            out.append((f"{label}[{number}]", item))
        else:
            fail_item(errors, f"{label}[{number}]", {}, ValueError("not a JSON object"))
    return out
