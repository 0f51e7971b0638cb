"""Shared by the role-rule tests: the shipped tagger with some of its rules switched off, to
show what the heads said before a rule moved an account."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from staffpulse.signals.roles import RoleTagger


@contextmanager
def rules_off(model: RoleTagger, *rules: str) -> Iterator[None]:
    """``model`` with ``rules`` off inside the block and on again after, even on a failure: the
    tagger is cached, so a rule left off would change every later test. ``set_params`` names
    them, so a misspelt rule fails instead of switching nothing off."""
    model.set_params(**dict.fromkeys(rules, False))
    try:
        yield
    finally:
        model.set_params(**dict.fromkeys(rules, True))
