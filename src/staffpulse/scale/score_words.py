"""The notes and problems of the files ``staffpulse score`` reads, in its own words.

``score`` reads files with import's readers (:mod:`staffpulse.sources`), whose messages speak of
importing: "they were not data to import", "the posts and accounts in them were imported once",
"save the file as UTF-8 and import it again". ``score`` imports nothing, so said as they are
they read as if the run had written to a store, and send the user to a command that is not the
one to run again. The verb is said as score's ("were scored once", "score it again"); the
``staffpulse import`` command and the noun ("the import", "an import") are left as they are.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TypeVar

from staffpulse.sources.base import Notice, Problem

# "import" the verb: not the command ("staffpulse import", "import --remove-deleted"), not the
# noun ("the import", "an import", "this import", "its import", "your import"), not a part of
# another word ("re-import", "import_id", "imports.csv")
_IMPORT_VERB = re.compile(
    r"(?<!staffpulse )(?<!\bthe )(?<!\ban )(?<!\bthis )(?<!\bits )(?<!\byour )"
    r"(?<![\w./-])([Ii])mport(ed|ing)?\b(?![-_.]\w)(?! --)"
)
_SCORE = {"": "core", "ed": "cored", "ing": "coring"}

Said = TypeVar("Said", Notice, Problem)


def say_for_score(message: str) -> str:
    """``message`` with import's verb said as score's ("imported once" -> "scored once")."""
    return _IMPORT_VERB.sub(
        lambda found: ("S" if found[1] == "I" else "s") + _SCORE[found[2] or ""], message
    )


def told_for_score(item: Said) -> Said:
    """A reader's notice or problem (of any kind: a file missing from an archive too) with
    its message said for ``score``."""
    said = say_for_score(item.message)
    return item if said == item.message else dataclasses.replace(item, message=said)
