"""Connect: the recruiters, HR people and vendors worth following, ranked by the graph.

Public API::

    from staffpulse.connect import suggest_accounts, suggest_report, SuggestOptions
    from staffpulse.connect.export import export_suggestions

See ``docs/connect.md``.
"""

from staffpulse.connect.suggest import (
    Suggestion,
    SuggestOptions,
    SuggestReport,
    suggest_accounts,
    suggest_report,
)

__all__ = [
    "SuggestOptions",
    "SuggestReport",
    "Suggestion",
    "suggest_accounts",
    "suggest_report",
]
