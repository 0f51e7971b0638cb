"""What the tests of classify's and roles' inputs share: a record as each command reads it,
the command to run and records written as JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from contract_helpers import run_classify, run_roles

COMMANDS = ["classify", "roles"]


def record(
    command: str, rid: Any, text: Any = "We are hiring a nurse, apply now"
) -> dict[str, Any]:
    if command == "classify":
        return {"id": rid, "text": text}
    return {"id": rid, "name": "Northwind Staffing", "description": "We place nurses", "text": text}


def run(command: str) -> Callable[..., Any]:
    return run_classify if command == "classify" else run_roles


def lines(objects: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(o) + "\n" for o in objects)
