"""Connect: the recruiters, HR people and vendors worth following, ranked by the graph.

Public API::

    from staffpulse.connect import suggest_accounts, suggest_report, export_suggestions

See ``docs/connect.md``.
"""

from staffpulse.connect.graph import (
    InteractionGraph,
    build_graph,
    circle_pagerank,
    load_graph,
    personalized_pagerank,
)
from staffpulse.connect.suggest import (
    Suggestion,
    SuggestOptions,
    SuggestReport,
    suggest_accounts,
    suggest_report,
)

__all__ = [
    "InteractionGraph",
    "SuggestOptions",
    "SuggestReport",
    "Suggestion",
    "build_graph",
    "circle_pagerank",
    "load_graph",
    "personalized_pagerank",
    "suggest_accounts",
    "suggest_report",
]
