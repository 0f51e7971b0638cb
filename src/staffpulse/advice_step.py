"""What one piece of advice is: a :class:`Step`, its words for the terminal with the values
it names as fields, and the :class:`Said` text it gives, which keeps the step and its values
for a front end that says it its own way. The steps themselves are in
:mod:`staffpulse.next_steps`."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from string import Formatter
from typing import Any

# A field's value when a step names none: a word, a handle, a date (no spaces)
_ANY_WORD = r"\S+?"
# a handle as a step names it (acme, acme.bsky.social, acme@staffing.example, a Mastodon
# server on a port of its own: acme@social.example:3000), never the punctuation after it in a
# sentence
HANDLE = r"[\w.@-]*\w(?::\d+)?"


@dataclass(frozen=True)
class Step:
    """One piece of advice: its terminal words, with ``{field}`` placeholders for the values
    it names (a platform, a handle), and how each value looks, to find it back in a text."""

    terminal: str
    fields: tuple[tuple[str, str], ...] = ()  # (field, regular expression of its values)
    # (field, what fills it when say() is given no value for it): the config file's path
    defaults: tuple[tuple[str, Callable[[], str]], ...] = ()

    def say(self, **values: object) -> str:
        """The step in the terminal's words, with ``values`` in its fields: a :class:`Said`,
        which keeps the step and the values as written in it (typed as the text it is, which
        callers handle as text)."""
        values = {field: fill() for field, fill in self.defaults if field not in values} | values
        shown = {
            field: format(values[field], spec or "")
            for _literal, field, spec, _conversion in Formatter().parse(self.terminal)
            if field is not None
        }
        return Said(self.terminal.format(**values), self, shown)

    def pattern(self) -> re.Pattern[str]:
        """Finds the step as :meth:`say` words it in a longer text; its groups are the
        values, by field name."""
        return re.compile(self.pattern_text())

    def pattern_text(self, *, named: bool = True) -> str:
        """The regular expression of :meth:`pattern`; without groups (``named=False``) to be
        one of several alternatives in a larger pattern, where a group name may occur once."""
        looks = dict(self.fields)
        parts: list[str] = []
        seen: set[str] = set()
        for literal, field, _spec, _conversion in Formatter().parse(self.terminal):
            parts.append(re.escape(literal))
            if field is None:
                continue
            value = looks.get(field, _ANY_WORD)
            if not named:
                parts.append(f"(?:{value})")
            elif field in seen:
                parts.append(f"(?P={field})")
            else:
                parts.append(f"(?P<{field}>{value})")
            seen.add(field)
        return "".join(parts)


class Said(str):
    """A step's text as :meth:`Step.say` wrote it, which knows its step and the values written
    in its fields (as text, as a pattern would find them). Anything done to it as text (joined
    into a sentence, split) gives plain text, with no step to tell: only the text as said is
    one step whole."""

    step: Step
    values: Mapping[str, str]

    def __new__(cls, text: str, step: Step, values: Mapping[str, str]) -> Said:
        said = super().__new__(cls, text)
        said.step, said.values = step, values
        return said

    def __reduce__(self) -> tuple[Any, ...]:
        # copied or sent to another process (an error pickled by Dask) it is its text alone
        return (str, (str(self),))
