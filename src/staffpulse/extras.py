"""Lazy imports of the optional parts, with a message that names the install command."""

from __future__ import annotations

import importlib
from types import ModuleType

from staffpulse.errors import MissingExtraError


def require(module: str, *, extra: str, feature: str) -> ModuleType:
    """Import ``module`` or raise :class:`MissingExtraError` naming ``staffpulse[extra]``."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(extra=extra, feature=feature, module=module.split(".")[0]) from exc
