"""The reasons connect leaves candidates out for, defined once (staffpulse.connect.reasons),
and the advice's re-rankings, each run once per connect."""

from __future__ import annotations

from typing import Any

import pytest

import staffpulse.connect.suggest as suggest
from connect_fixtures import FakeRoleModel, FakeScorer, build_store, rank_with_fakes
from staffpulse.connect import SuggestOptions
from staffpulse.connect.advice import ORDER, Remedy
from staffpulse.connect.left_out import REASON_KEYS
from staffpulse.connect.reasons import (
    ALREADY_FOLLOWED,
    ANONYMIZED,
    FOR_WHAT_THEY_POST,
    NAMED,
    PERMANENT,
    SHOWN_BY_ROLE_OR_ADS,
)
from staffpulse.connect.run_graphs import RunGraphs


def test_what_an_option_shows_is_named_and_never_advised() -> None:
    # the advice offers options only for reasons no option on the left-out line covers
    assert not PERMANENT & set(ORDER)
    assert FOR_WHAT_THEY_POST <= PERMANENT and FOR_WHAT_THEY_POST <= SHOWN_BY_ROLE_OR_ADS
    # whatever a --role or --include-job-ads shows is named, so the user knows whom it brings
    assert set(NAMED) >= SHOWN_BY_ROLE_OR_ADS
    # every reason reads a name scripts rely on; the two never named have no handle to give
    assert set(NAMED) | {ALREADY_FOLLOWED, ANONYMIZED} == set(REASON_KEYS)
    assert ALREADY_FOLLOWED not in NAMED and ANONYMIZED not in NAMED


def test_a_remedy_the_advice_tried_once_is_not_ranked_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """--role any, tried for the accounts left out for their ads, was ranked again by the
    next advice step: a whole ranking each time."""
    store = build_store()
    report = rank_with_fakes(store)
    assert report.ranking is not None
    calls: list[Any] = []
    ranked = suggest.suggest_report

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return ranked(*args, **kwargs)

    monkeypatch.setattr(suggest, "suggest_report", counting)
    models = (FakeRoleModel(), FakeScorer())
    again = suggest._Again(
        store,
        "acme_staffing",
        SuggestOptions(),
        models,
        report,
        report.ranking,
        {},
        RunGraphs(store),
    )
    first = again.works(Remedy(role="any"))
    assert again.works(Remedy(role="any")) is first and len(calls) == 1
    again.works(Remedy(include_contacts=True))
    assert len(calls) == 2
