"""One audience's words for the library's steps (:class:`~staffpulse.next_steps.Step`).

The terminal says each step as the library wrote it. The dashboard
(:data:`staffpulse.web.wording.PAGE_STEPS`) and a client's HTML report
(:data:`staffpulse.report.wording.REPORT_STEPS`) each map the steps to their own words, and
:class:`StepWording` applies such a map the same way for both: a text that is one step whole (a
:class:`~staffpulse.next_steps.Said`) is said from its step and values, and a step inside a
longer text is found by the pattern made from the step's own words, so a reworded step is still
found.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from staffpulse.next_steps import Said, Step

# A step in an audience's words: text formatted with the step's values, a function called with
# them by field name, or None: the audience leaves the step out of the text.
StepWords = str | Callable[..., str] | None
_Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]


def say_in_words(words: StepWords, values: Mapping[str, str]) -> str:
    """The step as ``words`` say it, with the values the library wrote in its fields."""
    if words is None:
        return ""
    return words(**values) if callable(words) else words.format(**values)


class StepWording:
    """Says the library's steps in one audience's words.

    ``left_out`` gives, for a step the audience leaves out (words None), the regular expression
    of the step with what joined it to the text around it, which goes with it.
    """

    def __init__(self, words: Mapping[Step, StepWords], *, left_out: Callable[[Step], str]) -> None:
        self.words = words
        # a step whose words hold another step's is found first, so the whole is replaced
        # before a part of it could be
        longest_first = sorted(words.items(), key=lambda item: -len(item[0].terminal))
        self.rules: tuple[_Rule, ...] = tuple(
            _rule(step, said, left_out) for step, said in longest_first
        )

    def say(self, text: str) -> str:
        """``text`` with every step this audience has words for said in those words; the rest
        of the text as it is."""
        if isinstance(text, Said) and text.step in self.words:
            return say_in_words(self.words[text.step], text.values)
        for pattern, replacement in self.rules:
            text = pattern.sub(replacement, text)
        return text


def left_out_with_its_joint(step: Step) -> str:
    """A left-out step's pattern for a page that reads whole sentences: the step in brackets,
    or with the mark and space that joined it to the sentence before."""
    found = step.pattern_text(named=False)
    return rf"(?: \({found}\)|(?:[.;,]? )?{found})"


def _rule(step: Step, words: StepWords, left_out: Callable[[Step], str]) -> _Rule:
    if words is None:
        return re.compile(left_out(step)), ""
    return step.pattern(), lambda match: say_in_words(words, match.groupdict())
