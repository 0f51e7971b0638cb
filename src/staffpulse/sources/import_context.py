"""What an import tells the readers it runs, which read files and never the store: the order
of a CSV's dates (``--date-order``), the dates and accounts the store already holds. Each is a
context variable, set for the files read inside a ``with`` and reset after it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")


@contextmanager
def set_while(var: ContextVar[T], value: T) -> Iterator[None]:
    """``var`` is ``value`` inside the ``with``, and what it was before after it."""
    token = var.set(value)
    try:
        yield
    finally:
        var.reset(token)
