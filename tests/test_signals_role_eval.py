"""Role model evaluation helpers (staffpulse.signals.role_eval): Wilson intervals and the
per-role report."""

from __future__ import annotations

from staffpulse.signals.role_eval import role_report, wilson_interval
from staffpulse.signals.roles import INDUSTRY_ROLES


def test_wilson_interval() -> None:
    lo, hi = wilson_interval(5, 6)
    assert 0.4 < lo < 0.5 and 0.95 < hi <= 1.0
    assert wilson_interval(0, 0) == (0.0, 1.0)


def test_role_report_counts() -> None:
    truth = ["recruiter", "job_board", "other", "vendor"]
    preds = [
        ["recruiter", "job_board", "other", "other"],
        ["hr_pro", "job_board", "job_board", "vendor"],
    ]
    rep = role_report(truth, preds, n_boot=50)
    assert rep["job_board"]["tp"] == 1.0 and rep["job_board"]["fp"] == 0.5
    assert rep["industry"]["support"] == 2.0
    assert set(INDUSTRY_ROLES) <= set(rep)
